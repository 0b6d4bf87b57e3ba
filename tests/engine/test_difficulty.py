"""Difficulty: a side's budget_percent scales its yearly budget (the AI rival's, set by the session), in whole
millions, and is kept in the state's dict form without changing the games and saves that never use it."""

from __future__ import annotations

import copy
import json

import pytest

from game.app.session import Session, budget_percents
from game.engine import economy, rules, turn
from game.engine.defs import Content
from game.engine.outcomes import YearReport
from game.engine.state import GameState, StateError

from .conftest import SCENARIO, end_year, of_type, start


def test_the_rules_table() -> None:
    assert rules.DIFFICULTY_BUDGET_PERCENT == {"easy": 100, "normal": 100, "hard": 118}
    assert rules.DIFFICULTIES == tuple(rules.DIFFICULTY_BUDGET_PERCENT)
    assert rules.DIFFICULTY_BUDGET_PERCENT[rules.DEFAULT_DIFFICULTY] == 100


@pytest.mark.parametrize(("percent", "usa", "ussr"), [(80, 200, 144), (100, 200, 180), (125, 200, 225)])
def test_new_game_scales_only_the_named_side(content: Content, percent: int, usa: int, ussr: int) -> None:
    state, _ = turn.new_game(content, SCENARIO, 1, budget_percent={"ussr": percent})
    assert state.sides["usa"].budget_percent == 100
    assert state.sides["ussr"].budget_percent == percent
    assert (state.sides["usa"].budget, state.sides["usa"].funds) == (usa, usa)
    assert (state.sides["ussr"].budget, state.sides["ussr"].funds) == (ussr, ussr)


def test_budget_uses_whole_millions(state: GameState, content: Content) -> None:
    own = state.sides["usa"]
    own.support = 37  # 200 × (500 + 370) // 1000 = 174
    assert economy.budget_for(state, content, "usa", 1957) == 174
    own.budget_percent = 80
    assert economy.budget_for(state, content, "usa", 1957) == 174 * 80 // 100 == 139  # 139.2, rounded down
    own.budget_percent = 125
    assert economy.budget_for(state, content, "usa", 1957) == 174 * 125 // 100 == 217  # 217.5, rounded down
    assert isinstance(economy.budget_for(state, content, "usa", 1957), int)


def test_year_end_budget_is_scaled_too_and_carry_over_is_not(content: Content) -> None:
    state, _ = turn.new_game(content, SCENARIO, 1, budget_percent={"ussr": 125})
    reports = {report.side: report for report in of_type(end_year(state, content), YearReport)}
    # nothing spent: each side carries a quarter of its own budget; next year's curve is scaled for the USSR only
    assert reports["usa"].next_budget == 220 + 200 // 4
    assert reports["ussr"].next_budget == 200 * 125 // 100 + 225 // 4
    assert state.sides["ussr"].budget == state.sides["ussr"].funds == reports["ussr"].next_budget


@pytest.mark.parametrize("bad", [{"mars": 100}, {"ussr": 9}, {"ussr": 1001}, {"ussr": True}, {"ussr": 1.5}])
def test_new_game_refuses_impossible_percents(content: Content, bad: dict) -> None:
    with pytest.raises(ValueError):
        turn.new_game(content, SCENARIO, 1, budget_percent=bad)


def test_default_game_is_unchanged(content: Content) -> None:
    plain = start(content)
    explicit, _ = turn.new_game(content, SCENARIO, 1, budget_percent={"usa": 100, "ussr": 100})
    assert explicit == plain and explicit.checksum() == plain.checksum()
    for side in plain.to_dict()["sides"].values():
        assert "budget_percent" not in side, "a default game's dict (and so its checksum) is what it always was"


def test_round_trip_keeps_the_percent_and_the_checksum(content: Content) -> None:
    state, _ = turn.new_game(content, SCENARIO, 1, budget_percent={"usa": 80})
    end_year(state, content)
    data = json.loads(json.dumps(state.to_dict()))
    assert data["sides"]["usa"]["budget_percent"] == 80 and "budget_percent" not in data["sides"]["ussr"]
    again = GameState.from_dict(data)
    assert again == state and again.sides["usa"].budget_percent == 80 and again.sides["ussr"].budget_percent == 100
    assert again.to_dict() == data and again.checksum() == state.checksum()
    assert state.checksum() != start(content).checksum()


def test_the_percent_is_part_of_the_checksum(state: GameState) -> None:
    before = state.checksum()
    state.sides["ussr"].budget_percent = 125
    assert state.checksum() != before
    state.sides["ussr"].budget_percent = 100
    assert state.checksum() == before


def test_an_old_state_without_the_key_loads_as_100(state: GameState) -> None:
    data = copy.deepcopy(state.to_dict())
    for side in data["sides"].values():
        side.pop("budget_percent", None)
    again = GameState.from_dict(data)
    assert again.sides["usa"].budget_percent == again.sides["ussr"].budget_percent == 100
    assert again == state


@pytest.mark.parametrize("value", [9, 0, -100, 1001, 10_000])
def test_out_of_range_percent_is_refused(state: GameState, value: int) -> None:
    data = copy.deepcopy(state.to_dict())
    data["sides"]["ussr"]["budget_percent"] = value
    with pytest.raises(StateError, match="budget_percent"):
        GameState.from_dict(data)


@pytest.mark.parametrize("value", ["125", 1.25, True, None])
def test_a_percent_of_the_wrong_type_is_refused(state: GameState, value: object) -> None:
    data = copy.deepcopy(state.to_dict())
    data["sides"]["ussr"]["budget_percent"] = value
    with pytest.raises(StateError, match="budget_percent"):
        GameState.from_dict(data)


@pytest.mark.parametrize("value", [10, 1000])
def test_the_range_ends_are_accepted(state: GameState, value: int) -> None:
    data = copy.deepcopy(state.to_dict())
    data["sides"]["ussr"]["budget_percent"] = value
    assert GameState.from_dict(data).sides["ussr"].budget_percent == value


@pytest.mark.parametrize(("players", "difficulty", "expected"), [
    (("usa",), "hard", {"ussr": 118}),
    (("ussr",), "easy", {"usa": 100}),
    (("usa",), "normal", {"ussr": 100}),
    (("usa", "ussr"), "hard", {}),
    ((), "hard", {}),  # AI against AI: nobody to handicap
])
def test_budget_percents_handicap_only_the_ai_side(players: tuple[str, ...], difficulty: str, expected: dict) -> None:
    assert budget_percents(players, difficulty) == expected


def test_unknown_difficulty_is_refused() -> None:
    with pytest.raises(ValueError, match="difficulty"):
        budget_percents(("usa",), "nightmare")


def test_session_applies_the_difficulty_to_the_ai_rival(content: Content) -> None:
    normal, _ = Session.new(content, SCENARIO, 3, players=("usa",), run_ai=False)
    hard, _ = Session.new(content, SCENARIO, 3, players=("usa",), run_ai=False, difficulty="hard")
    assert normal.record.difficulty == "normal" and hard.record.difficulty == "hard"
    assert hard.state.sides["usa"].budget == normal.state.sides["usa"].budget == 200
    assert (normal.state.sides["ussr"].budget, hard.state.sides["ussr"].budget) == (180, 212)


def test_ai_only_games_ignore_the_difficulty(content: Content) -> None:
    normal, _ = Session.new(content, SCENARIO, 3, players=())
    hard, _ = Session.new(content, SCENARIO, 3, players=(), difficulty="hard")
    assert hard.state == normal.state and hard.record.checksums == normal.record.checksums
