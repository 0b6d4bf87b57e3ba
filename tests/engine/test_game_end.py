"""Tests for the scenario's win, loss and end conditions and the final year (game.engine.turn._check_end)."""

from __future__ import annotations

import pytest

from game.engine.defs import Content
from game.engine.orders import BuildPad, CancelMission, Choose, EndYear, Fund, Order, Recruit, ScheduleMission, StartProgram
from game.engine.outcomes import GameOver, YearBegan
from game.engine.state import GameState

from .conftest import END_YEAR, START_YEAR, cond, end_year, of_type, refused, start, with_scenario


def finish(state: GameState, content: Content) -> GameOver:
    (over,) = of_type(end_year(state, content), GameOver)
    assert state.over and (state.winner, state.reason) == (over.winner, over.reason)
    return over


def test_a_normal_year_does_not_end_the_game(state: GameState, content: Content) -> None:
    outcomes = end_year(state, content)
    assert not of_type(outcomes, GameOver) and not state.over
    assert state.year == START_YEAR + 1
    assert [outcome.side for outcome in of_type(outcomes, YearBegan)] == ["usa", "ussr"]


def test_support_collapse_loses_and_the_rival_wins(state: GameState, content: Content) -> None:
    state.sides["usa"].support = 3
    state.sides["ussr"].prestige += 40  # the rival's year: usa swings -8, and drifts back +4 → 0
    over = finish(state, content)
    assert over == GameOver(side="", winner="ussr", reason="collapse", year=1957)
    assert state.sides["usa"].support == 0
    assert state.year == 1957  # no next year begins


def test_both_sides_losing_is_a_draw(content: Content) -> None:
    doomed = with_scenario(content, lose_if=cond("flag('doomed')"))
    state = start(doomed)
    for side in ("usa", "ussr"):
        state.sides[side].set_flag("doomed")
    state.sides["usa"].prestige += 50
    assert finish(state, doomed) == GameOver(side="", winner="draw", reason="collapse", year=1957)


def test_win_if_gives_that_side_the_game(state: GameState, content: Content) -> None:
    state.sides["ussr"].achieved["moon_landing"] = 1957
    state.sides["usa"].prestige += 500  # prestige does not matter when a side meets win_if
    assert finish(state, content) == GameOver(side="", winner="ussr", reason="win", year=1957)


def test_both_sides_winning_goes_to_the_prestige_leader(state: GameState, content: Content) -> None:
    for side in ("usa", "ussr"):
        state.sides[side].achieved["moon_landing"] = 1957
    state.sides["usa"].prestige += 1
    assert finish(state, content).winner == "usa"


def test_loss_is_checked_before_win(state: GameState, content: Content) -> None:
    state.sides["usa"].achieved["moon_landing"] = 1957
    state.sides["usa"].support = 1
    state.sides["ussr"].prestige += 40
    assert finish(state, content) == GameOver(side="", winner="ussr", reason="collapse", year=1957)


@pytest.mark.parametrize(("usa_extra", "ussr_extra", "expected"), [(10, 0, "usa"), (0, 3, "ussr"), (4, 4, "draw")])
def test_end_if_ends_the_game_with_the_prestige_leader(
    state: GameState, content: Content, usa_extra: int, ussr_extra: int, expected: str
) -> None:
    state.sides["ussr"].set_flag("armistice")
    state.sides["usa"].prestige += usa_extra
    state.sides["ussr"].prestige += ussr_extra
    assert finish(state, content) == GameOver(side="", winner=expected, reason="end", year=1957)


@pytest.mark.parametrize(("usa_extra", "ussr_extra", "expected"), [(10, 0, "usa"), (0, 1, "ussr"), (0, 0, "draw")])
def test_the_final_year_ends_the_game_on_prestige(
    state: GameState, content: Content, usa_extra: int, ussr_extra: int, expected: str
) -> None:
    for year in range(START_YEAR, END_YEAR):
        assert not of_type(end_year(state, content), GameOver)
        assert state.year == year + 1
    state.sides["usa"].prestige += usa_extra
    state.sides["ussr"].prestige += ussr_extra
    assert finish(state, content) == GameOver(side="", winner=expected, reason="time", year=END_YEAR)
    assert state.year == END_YEAR


@pytest.mark.parametrize(
    "order",
    [EndYear(side="usa"), EndYear(side="ussr"), StartProgram(side="usa", program="us_rocket"),
     Fund(side="usa", target="education", amount=1), ScheduleMission(side="ussr", mission="sat_orbit", month=3),
     CancelMission(side="usa", number=1), Recruit(side="usa", count=1), BuildPad(side="ussr"),
     Choose(side="ussr", event="korolev_pitch", choice="simple")],
)
def test_every_order_is_refused_after_the_game_is_over(state: GameState, content: Content, order: Order) -> None:
    state.sides["usa"].set_flag("armistice")
    finish(state, content)
    assert refused(state, content, order) == "the game is over"
