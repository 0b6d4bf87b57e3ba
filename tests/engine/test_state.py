"""Tests for the game state's plain-dict form (game.engine.state): round trips, checksums and damage checks."""

from __future__ import annotations

import copy
import json
from typing import Any, Callable

import pytest

from game.engine.defs import Content
from game.engine.orders import Fund, ScheduleMission
from game.engine.state import STATE_VERSION, GameState, StateError, Station

from .conftest import add_crew, end_year, operational, submit


@pytest.fixture
def busy(state: GameState, content: Content) -> GameState:
    """A state with something in every field: crew, programs, a schedule, a dilemma, a station, claims."""
    operational(state, content, "usa", "us_ace", "us_ace_sat", "us_ace_capsule")
    add_crew(state, "usa", 2)
    add_crew(state, "usa", woman=True, status="injured")
    submit(state, content, ScheduleMission(side="usa", mission="sat_orbit", month=2))
    end_year(state, content)  # flies it, pays research, poses the 1958 dilemma
    submit(state, content, ScheduleMission(side="usa", mission="crewed_orbit", month=6),
           Fund(side="usa", target="us_ace", amount=12), Fund(side="usa", target="education", amount=9))
    state.sides["ussr"].stations.append(Station(number=1, craft="su_ace_capsule", launched=1958, visits=2))
    state.sides["ussr"].history.append({"year": 1956, "prestige": 1, "budget": 2, "support": 3})
    assert state.sides["usa"].scheduled and state.sides["ussr"].pending and state.sides["usa"].history and state.claims
    return state


def test_round_trip_is_equal_and_keeps_the_checksum(busy: GameState) -> None:
    data = busy.to_dict()
    again = GameState.from_dict(data)
    assert again == busy
    assert again.to_dict() == data
    assert again.checksum() == busy.checksum()


def test_round_trip_survives_json(busy: GameState) -> None:
    again = GameState.from_dict(json.loads(json.dumps(busy.to_dict())))
    assert again == busy and again.checksum() == busy.checksum()


def test_round_trip_of_a_finished_base_campaign(base_content: Content) -> None:
    from game.app.session import Session

    session, _ = Session.new(base_content, "full_campaign", 5, players=())
    data = json.loads(json.dumps(session.state.to_dict()))
    again = GameState.from_dict(data)
    assert again == session.state
    assert again.checksum() == session.state.checksum() == session.record.checksums["final"]


def test_to_dict_is_a_copy(busy: GameState) -> None:
    data = busy.to_dict()
    data["sides"]["usa"]["prestige"] = 10_000
    data["sides"]["usa"]["crew"][0]["name"] = "Changed"
    assert busy.sides["usa"].prestige != 10_000 and busy.sides["usa"].crew[0].name != "Changed"
    assert data["version"] == STATE_VERSION


def test_checksum_changes_with_any_change(busy: GameState) -> None:
    before = busy.checksum()
    assert len(before) == 16
    busy.sides["ussr"].crew_lost += 1
    assert busy.checksum() != before
    busy.sides["ussr"].crew_lost -= 1
    assert busy.checksum() == before


def test_from_dict_rebuilds_independent_objects(busy: GameState) -> None:
    data = busy.to_dict()
    again = GameState.from_dict(data)
    data["sides"]["usa"]["flags"].append("sneaky")
    data["sides"]["usa"]["scheduled"][0]["crew"].append("ghost")
    assert again == busy


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def _delete(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


@pytest.mark.parametrize(
    "damage",
    [
        _set(("version",), 99),
        _delete(("version",)),
        _delete(("year",)),
        _set(("year",), "1958"),
        _set(("year",), True),  # a bool is not a whole number
        _set(("over",), 0),
        _set(("seed",), 1.5),
        _set(("sides",), []),
        _delete(("sides", "ussr")),
        _delete(("sides", "usa", "prestige")),
        _set(("sides", "usa", "support"), "high"),
        _set(("sides", "usa", "flags"), "moon_goal"),
        _set(("sides", "usa", "flags"), [1, 2]),
        _set(("sides", "usa", "programs"), []),
        _set(("sides", "usa", "programs", "us_ace", "research"), "lots"),
        _delete(("sides", "usa", "programs", "us_ace", "grounded")),
        _set(("sides", "usa", "programs", "us_ace", "grounded"), 1),
        _delete(("sides", "usa", "crew", 0, "woman")),
        _set(("sides", "usa", "crew", 0, "piloting"), None),
        _set(("sides", "usa", "crew"), {}),
        _set(("sides", "usa", "scheduled", 0, "crew"), "usa_01"),
        _set(("sides", "usa", "scheduled", 0, "crew"), [7]),
        _set(("sides", "ussr", "pending", 0, "year"), "1958"),
        _set(("sides", "ussr", "stations", 0), "station"),
        _set(("sides", "usa", "fired", "igy"), "1957"),
        _set(("sides", "usa", "achieved"), ["first_satellite"]),
        _set(("sides", "usa", "history", 0), [1957]),
        _set(("sides", "usa", "history", 0, "year"), "1957"),
        _set(("claims",), {}),
        _delete(("claims", 0, "first")),
        _set(("claims", 0, "month"), "April"),
    ],
)
def test_from_dict_rejects_damaged_states(busy: GameState, damage: Callable[[dict[str, Any]], None]) -> None:
    data = copy.deepcopy(busy.to_dict())
    damage(data)
    with pytest.raises(StateError):
        GameState.from_dict(data)


@pytest.mark.parametrize("data", [None, [], "state", 3])
def test_from_dict_rejects_non_tables(data: Any) -> None:
    with pytest.raises(StateError, match="not a table"):
        GameState.from_dict(data)


def test_state_error_names_the_problem(busy: GameState) -> None:
    data = busy.to_dict()
    del data["sides"]["usa"]["crew"][0]["woman"]
    with pytest.raises(StateError, match="woman"):
        GameState.from_dict(data)
    data = busy.to_dict()
    data["year"] = "1958"
    with pytest.raises(StateError, match="year"):
        GameState.from_dict(data)
