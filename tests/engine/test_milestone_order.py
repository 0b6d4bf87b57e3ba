"""Tests that both sides' missions fly in launch order within a year, so "first" goes to the earlier launch."""

from __future__ import annotations

import pytest

from game.engine.defs import Content
from game.engine.orders import ScheduleMission
from game.engine.outcomes import MilestoneClaimed, MissionFlew, Outcome
from game.engine.state import GameState

from .conftest import end_year, of_type, operational, start, submit

HARDWARE = {"usa": ("us_ace", "us_ace_sat"), "ussr": ("su_ace", "su_ace_sat")}


def race(content: Content, seed: int, months: dict[str, int], order: tuple[str, str]) -> tuple[GameState, list[Outcome]]:
    """Both sides go for the first satellite on perfect hardware; `order` is who schedules first."""
    state = start(content, seed)
    for side in order:
        rocket, craft = HARDWARE[side]
        operational(state, content, side, rocket, craft)
        submit(state, content, ScheduleMission(side=side, mission="sat_orbit", month=months[side], rocket=rocket, craft=craft))
    return state, end_year(state, content)


def both_succeeded(outcomes: list[Outcome]) -> bool:
    return [flew.result for flew in of_type(outcomes, MissionFlew)] == ["success", "success"]


def successful_races(content: Content, months: dict[str, int], order: tuple[str, str], count: int) -> list[tuple[GameState, list[Outcome]]]:
    found = []
    for seed in range(200):
        state, outcomes = race(content, seed, months, order)
        if both_succeeded(outcomes):
            found.append((state, outcomes))
        if len(found) == count:
            return found
    raise AssertionError("too few seeds where both launches worked")


def winner(outcomes: list[Outcome]) -> str:
    (first,) = [claim for claim in of_type(outcomes, MilestoneClaimed) if claim.first]
    return first.side


@pytest.mark.parametrize("order", [("usa", "ussr"), ("ussr", "usa")])
@pytest.mark.parametrize(("months", "expected"), [({"usa": 5, "ussr": 3}, "ussr"), ({"usa": 3, "ussr": 5}, "usa"),
                                                  ({"usa": 2, "ussr": 12}, "usa")])
def test_the_earlier_month_wins_whatever_the_side_or_scheduling_order(
    content: Content, months: dict[str, int], expected: str, order: tuple[str, str]
) -> None:
    for state, outcomes in successful_races(content, months, order, count=5):
        assert winner(outcomes) == expected
        claims = [(claim.side, claim.first, claim.prestige, claim.month) for claim in of_type(outcomes, MilestoneClaimed)]
        loser = "usa" if expected == "ussr" else "ussr"
        assert claims == [(expected, True, 20, months[expected]), (loser, False, 8, months[loser])]
        assert [flew.side for flew in of_type(outcomes, MissionFlew)] == [expected, loser]
        assert state.first_claim("first_satellite").side == expected  # type: ignore[union-attr]


def test_same_month_is_settled_by_the_drawn_launch_day(content: Content) -> None:
    months = {"usa": 4, "ussr": 4}
    winners = []
    for state, outcomes in successful_races(content, months, ("usa", "ussr"), count=30):
        flights = of_type(outcomes, MissionFlew)
        assert flights[0].day <= flights[1].day  # the earlier launch day flies first
        assert winner(outcomes) == flights[0].side
        winners.append(winner(outcomes))
    assert set(winners) == {"usa", "ussr"}  # not decided by side order


@pytest.mark.parametrize("seed", range(6))
def test_same_month_winner_is_deterministic(content: Content, seed: int) -> None:
    months = {"usa": 7, "ussr": 7}
    one = race(content, seed, months, ("usa", "ussr"))
    two = race(content, seed, months, ("ussr", "usa"))  # scheduling order does not matter either
    assert of_type(one[1], MissionFlew) == of_type(two[1], MissionFlew)
    assert one[0].claims == two[0].claims
