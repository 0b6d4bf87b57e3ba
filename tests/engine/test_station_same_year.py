"""A station crew may be scheduled in the same year as the station's launch, after it; a lost station scrubs it."""

from __future__ import annotations

import pytest

from game.content.loader import load_content
from game.engine import turn
from game.engine.orders import EndYear, OrderRefused, ScheduleMission
from game.engine.outcomes import MissionFlew, MissionScrubbed
from game.engine.state import Program


@pytest.fixture(scope="module")
def content():  # noqa: ANN201
    return load_content()


def station_ready_state(content, seed: int = 3):  # noqa: ANN001, ANN201
    state, _ = turn.new_game(content, "detente", seed)
    own = state.sides["ussr"]
    for program in ("proton", "salyut", "soyuz", "soyuz_rocket"):
        hardware = content.hardware[program]
        own.programs[program] = Program(id=program, research=hardware.development_cost + 5000, started=1965)
    own.funds = own.budget = 5000
    own.pads = 4
    return state


def test_a_visit_needs_a_launch_earlier_in_the_year(content) -> None:  # noqa: ANN001
    state = station_ready_state(content)
    with pytest.raises(OrderRefused, match="station launch earlier in the year"):
        turn.apply(state, content, ScheduleMission(side="ussr", mission="station_visit", month=5))
    turn.apply(state, content, ScheduleMission(side="ussr", mission="station_launch", month=4))
    with pytest.raises(OrderRefused):
        turn.apply(state, content, ScheduleMission(side="ussr", mission="station_visit", month=2))
    turn.apply(state, content, ScheduleMission(side="ussr", mission="station_visit", month=5))
    assert [item.mission for item in state.sides["ussr"].scheduled] == ["station_launch", "station_visit"]


def test_the_visit_flies_only_if_the_station_got_up(content) -> None:  # noqa: ANN001
    outcomes_by_result: dict[str, set[str]] = {}
    for seed in range(1, 40):
        state = station_ready_state(content, seed)
        turn.apply(state, content, ScheduleMission(side="ussr", mission="station_launch", month=4))
        turn.apply(state, content, ScheduleMission(side="ussr", mission="station_visit", month=6))
        turn.apply(state, content, EndYear(side="usa"))
        outcomes = turn.apply(state, content, EndYear(side="ussr"))
        launch = next(o for o in outcomes if isinstance(o, MissionFlew) and o.mission == "station_launch")
        visit = [o for o in outcomes if getattr(o, "mission", "") == "station_visit" and o.side == "ussr"
                 and isinstance(o, (MissionFlew, MissionScrubbed))]
        outcomes_by_result.setdefault(launch.result, set()).add(type(visit[0]).__name__)
    assert outcomes_by_result.get("success") == {"MissionFlew"}
    assert all(kinds == {"MissionScrubbed"} for result, kinds in outcomes_by_result.items() if result != "success")
