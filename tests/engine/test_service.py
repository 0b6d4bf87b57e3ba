"""The race's legacy: a craft with a `service` keeps paying its side every year after a full success
(support, next year's budget, prestige), up to its limit at work at once, and leaves service when its years
are up; the state keeps it across a save; the rival sees it; the AI values it."""

from __future__ import annotations

import dataclasses

from game.engine import ai, economy, service, view
from game.engine.defs import Content, MissionType, Service
from game.engine.orders import ScheduleMission
from game.engine.outcomes import MissionFlew, ServiceEnded, ServicePaid, YearReport
from game.engine.state import GameState, InService

from .conftest import END_YEAR, end_year, extend, of_type, operational, perfect, search, start, step, submit

RELAY = MissionType(
    id="relay", name="Relay Satellite", available=1957, cost=2, craft=("satellite",), prestige=1,
    service=Service(years=2, support=1, budget=30, prestige=2, most=2),
    steps=(step("launch", "rocket"), step("relay", "craft")),
)


def relay_content(content: Content) -> Content:
    return extend(content, missions=(RELAY,), hardware=(perfect("us_relay_sat", "usa", "satellite", mass=1),))


def ready(content: Content) -> GameState:
    state = start(content)
    operational(state, content, "usa", "us_ace", "us_relay_sat")
    state.sides["usa"].funds = 500
    return state


def fly_relays(state: GameState, content: Content, months: tuple[int, ...]) -> list:
    for month in months:
        submit(state, content, ScheduleMission(side="usa", mission="relay", month=month, rocket="us_ace",
                                               craft="us_relay_sat"))
    return end_year(state, content)


def test_a_craft_in_service_pays_every_year_from_the_year_it_flies_and_then_leaves(content: Content) -> None:
    content = relay_content(content)
    state = ready(content)
    support = state.sides["usa"].support
    outcomes = fly_relays(state, content, (6,))
    paid = of_type(outcomes, ServicePaid)
    assert [(item.side, item.missions, item.support, item.budget, item.prestige) for item in paid] == [
        ("usa", ("relay",), 1, 30, 2)]
    assert state.sides["usa"].in_service[0].until == state.year  # flown last year, works this year too
    # next year's budget carries the $30M; the support counts before the year's swing
    report = of_type(outcomes, YearReport)[0]
    assert report.next_budget == economy.budget_for(state, content, "usa", state.year) + report.carried_over + 30
    assert paid[0].value == support + 1
    outcomes = end_year(state, content)
    assert of_type(outcomes, ServicePaid)[0].support == 1
    ended = of_type(outcomes, ServiceEnded)
    assert [(item.mission, item.replaced) for item in ended] == [("relay", False)]
    assert state.sides["usa"].in_service == []
    assert not of_type(end_year(state, content), ServicePaid)  # nothing at work: nothing paid


def test_past_its_limit_a_newer_craft_retires_the_oldest(content: Content) -> None:
    content = relay_content(content)
    state = ready(content)
    outcomes = fly_relays(state, content, (3, 6, 9))
    ended = of_type(outcomes, ServiceEnded)
    assert [(item.number, item.replaced) for item in ended] == [(1, True)]
    assert [item.number for item in state.sides["usa"].in_service] == [2, 3]
    assert of_type(outcomes, ServicePaid)[0].support == 2


def test_only_a_full_success_enters_service(content: Content) -> None:
    shaky = dataclasses.replace(RELAY, steps=(step("launch", "rocket"),
                                              step("relay", "craft", difficulty=500, failure={"partial": 1})))
    content = extend(content, missions=(shaky,), hardware=(perfect("us_relay_sat", "usa", "satellite", mass=1),))

    def attempt(seed: int) -> tuple[list[str], int]:
        state = start(content, seed)
        operational(state, content, "usa", "us_ace", "us_relay_sat")
        state.sides["usa"].funds = 500
        outcomes = fly_relays(state, content, (6,))
        return [flew.result for flew in of_type(outcomes, MissionFlew)], len(state.sides["usa"].in_service)

    assert search(attempt, lambda found: found[0] == ["partial"]) == (["partial"], 0)
    assert search(attempt, lambda found: found[0] == ["success"]) == (["success"], 1)


def test_service_survives_a_save_and_the_rival_sees_it(content: Content) -> None:
    content = relay_content(content)
    state = ready(content)
    fly_relays(state, content, (6,))
    again = GameState.from_dict(state.to_dict())
    assert again.sides["usa"].in_service == state.sides["usa"].in_service
    assert view.side_view(state, content, "ussr").sides["usa"].in_service == state.sides["usa"].in_service
    plain = start(content).to_dict()
    assert "in_service" not in plain["sides"]["usa"]  # written only when something is at work: older saves load


def test_the_ai_values_a_service_until_its_limit_is_at_work(content: Content) -> None:
    content = relay_content(content)
    state = ready(content)
    assert service.worth(state, "usa", RELAY) == 2 * (2 + 2 * 1 + 30 // 50)
    fly_relays(state, content, (3, 6))
    assert service.worth(state, "usa", RELAY) > 0  # two at work, but both leave at the end of this year
    state.sides["usa"].in_service.append(InService(mission="relay", craft="us_relay_sat", number=9, launched=state.year,
                                                   until=state.year + 1))
    assert service.worth(state, "usa", RELAY) > 0  # only one of them lasts beyond this year
    state.sides["usa"].in_service.append(InService(mission="relay", craft="us_relay_sat", number=10, launched=state.year,
                                                   until=state.year + 1))
    assert service.worth(state, "usa", RELAY) == 0  # two lasting beyond this year: the limit is at work
    state.year = END_YEAR
    assert service.worth(state, "ussr", content.missions["sat_orbit"]) == 0  # no service at all
    assert ai.milestone_value(state, content, "usa", RELAY) == RELAY.prestige
