"""Rules that a code review found wanting: station failures, cancelling a station launch, research order."""

from __future__ import annotations

import json

import pytest

from game.content.loader import load_content
from game.engine import missions, research, turn
from game.engine.defs import Step
from game.engine.orders import CancelMission, OrderRefused, ScheduleMission
from game.engine.state import GameState, Program, Station


@pytest.fixture(scope="module")
def content():  # noqa: ANN201
    return load_content()


def ready(content, seed: int = 3) -> GameState:  # noqa: ANN001
    state, _ = turn.new_game(content, "detente", seed)
    own = state.sides["ussr"]
    for program in ("proton", "salyut", "soyuz"):
        own.programs[program] = Program(id=program, research=content.hardware[program].development_cost + 5000)
    own.funds = own.budget = 5000
    own.pads = 4
    return state


def test_cancelling_a_station_launch_that_a_crew_flight_needs_is_refused(content) -> None:  # noqa: ANN001
    state = ready(content)
    launch = turn.apply(state, content, ScheduleMission(side="ussr", mission="station_launch", month=4))[0]
    visit = turn.apply(state, content, ScheduleMission(side="ussr", mission="station_visit", month=6))[0]
    before = state.to_dict()
    with pytest.raises(OrderRefused, match=f"#{visit.number}"):
        turn.apply(state, content, CancelMission(side="ussr", number=launch.number))
    assert state.to_dict() == before
    turn.apply(state, content, CancelMission(side="ussr", number=visit.number))
    turn.apply(state, content, CancelMission(side="ussr", number=launch.number))
    assert state.sides["ussr"].scheduled == []


def test_a_failed_station_step_counts_against_the_station_and_grounds_it(content) -> None:  # noqa: ANN001
    state = ready(content)
    own = state.sides["ussr"]
    own.stations.append(Station(number=1, craft="salyut", launched=state.year))
    loadout = missions.Loadout("proton", "soyuz", "", ())
    step = Step(id="boarding", name="Boarding", uses="station", failure={"catastrophe": 1})
    assert missions.hardware_for(state, "ussr", "station", loadout) == "salyut"
    missions._record_experience(state, "ussr", loadout, step)
    assert own.programs["salyut"].failures == 1
    assert own.programs["soyuz"].failures == 0 and own.programs["soyuz"].successes == 1


def test_research_pays_off_in_the_same_order_after_a_save_and_a_load(content) -> None:  # noqa: ANN001
    state, _ = turn.new_game(content, "full_campaign", 7)
    own = state.sides["usa"]
    for program in ("viking", "juno_i", "explorer"):  # started in an order that is not sorted
        hardware = content.hardware[program]
        own.programs[program] = Program(id=program, research=0, funding=hardware.development_cost)
    reloaded = GameState.from_dict(json.loads(json.dumps(state.to_dict(), sort_keys=True)))
    first = [o.program for o in research.apply_research(state, content, "usa")]
    second = [o.program for o in research.apply_research(reloaded, content, "usa")]
    assert first == second == sorted(first)
