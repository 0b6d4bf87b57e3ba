"""A small synthetic Content for the engine tests, plus helpers to set up positions and drive turns."""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Iterable, TypeVar

import pytest

from game.content.env import script_env
from game.content.expr import Compiled, compile_condition, compile_effect
from game.engine import turn
from game.engine.defs import (
    CrewNames,
    SIDES,
    Choice,
    Content,
    Event,
    Hardware,
    Milestone,
    MissionType,
    Scenario,
    SideSetup,
    Step,
    index_events,
    index_hooks,
)
from game.engine.orders import EndYear, Order, OrderRefused
from game.engine.outcomes import Outcome
from game.engine.state import CrewMember, GameState, Program

T = TypeVar("T")

SCENARIO = "test_race"
START_YEAR, END_YEAR = 1957, 1960

MILESTONE_IDS = ("first_satellite", "first_human", "first_woman", "moon_landing")


# -- compiled expressions ---------------------------------------------------------------------------


def _known(content_ids: dict[str, Iterable[str]] | None = None) -> dict[str, list[str]]:
    return {kind: list(ids) for kind, ids in (content_ids or {}).items()}


def cond(source: str) -> Compiled:
    """Compile a condition against the real script registry (names and types checked)."""
    compiled, errors = compile_condition(source, script_env(), _known({"milestone": MILESTONE_IDS}))
    assert compiled is not None and not errors, errors
    return compiled


def eff(source: str) -> Compiled:
    """Compile one effect statement against the real script registry."""
    compiled, errors = compile_effect(source, script_env(), _known({"milestone": MILESTONE_IDS}))
    assert compiled is not None and not errors, errors
    return compiled


# -- definitions ------------------------------------------------------------------------------------


def hardware(
    id: str, side: str, kind: str, *, available: int = 1957, start_cost: int = 10, development_cost: int = 100,
    unit_cost: int = 5, base: int = 600, max: int = 950, scale: int = 200, **extra: Any,
) -> Hardware:
    return Hardware(
        id=id, name=id.replace("_", " ").title(), side=side, kind=kind, available=available, start_cost=start_cost,
        development_cost=development_cost, unit_cost=unit_cost, base_reliability=base, max_reliability=max,
        research_scale=scale, **extra,
    )


def perfect(id: str, side: str, kind: str, **extra: Any) -> Hardware:
    """Hardware whose reliability is 1000 from the start: every step using it is clamped to MAX_STEP_CHANCE."""
    return hardware(id, side, kind, development_cost=10, unit_cost=1, base=1000, max=1000, scale=100, **extra)


def step(id: str, uses: str, *, difficulty: int = 0, skill: str = "", failure: dict[str, int] | None = None,
         claims: tuple[str, ...] = ()) -> Step:
    return Step(id=id, name=id.replace("_", " ").title(), uses=uses, difficulty=difficulty, skill=skill,
                failure=failure or {"abort": 1}, claims=claims)


HARDWARE: tuple[Hardware, ...] = (
    hardware("us_rocket", "usa", "rocket", start_cost=20, development_cost=100, lift=2),
    hardware("us_heavy", "usa", "rocket", available=1959, start_cost=50, development_cost=300, unit_cost=20, base=500,
             max=900, scale=400, lift=5, requires=("us_rocket",)),
    hardware("us_sat", "usa", "satellite", development_cost=40, unit_cost=2, base=700, max=980, scale=100, mass=1),
    hardware("us_capsule", "usa", "capsule", start_cost=30, development_cost=150, unit_cost=10, base=650, max=970,
             scale=300, mass=2, seats=2, requires=("us_rocket",)),
    perfect("us_ace", "usa", "rocket", lift=5),
    perfect("us_ace_sat", "usa", "satellite", mass=1),
    perfect("us_ace_capsule", "usa", "capsule", mass=2, seats=2),
    hardware("su_rocket", "ussr", "rocket", start_cost=15, development_cost=80, unit_cost=4, base=620, max=940,
             scale=180, lift=3),
    hardware("su_sat", "ussr", "satellite", development_cost=30, unit_cost=2, base=700, max=970, scale=100, mass=1),
    hardware("su_capsule", "ussr", "capsule", start_cost=25, development_cost=120, unit_cost=8, base=640, max=960,
             scale=250, mass=2, seats=1, requires=("su_rocket",)),
    perfect("su_ace", "ussr", "rocket", lift=5),
    perfect("su_ace_sat", "ussr", "satellite", mass=1),
    perfect("su_ace_capsule", "ussr", "capsule", mass=2, seats=2),
)

MISSIONS: tuple[MissionType, ...] = (
    MissionType(
        id="sat_orbit", name="Satellite to Orbit", available=1957, cost=5, craft=("satellite",), prestige=2,
        steps=(step("launch", "rocket", failure={"abort": 2, "catastrophe": 1}),
               step("orbit", "craft", claims=("first_satellite",))),
    ),
    MissionType(
        id="crewed_orbit", name="Crewed Orbit", available=1957, cost=10, craft=("capsule",), crew_min=1, crew_max=2,
        prestige=5,
        steps=(step("launch", "rocket"),
               step("orbit", "craft", skill="piloting", claims=("first_human", "first_woman")),
               step("reentry", "craft", skill="piloting", failure={"catastrophe": 1})),
    ),
    MissionType(
        id="moon_landing", name="Moon Landing", available=1959, cost=50, craft=("capsule",), crew_min=2, crew_max=2,
        min_lift=5, prestige=10, requires=cond("achieved('first_human')"), requires_text="a crewed orbit first",
        steps=(step("launch", "rocket"), step("landing", "craft", skill="piloting", claims=("moon_landing",))),
    ),
    MissionType(
        id="us_probe", name="US Probe", available=1958, cost=5, craft=("satellite",), sides=("usa",), prestige=3,
        steps=(step("launch", "rocket"),),
    ),
)

MILESTONES: tuple[Milestone, ...] = (
    Milestone("first_satellite", "First Satellite", prestige_first=20, prestige_second=8),
    Milestone("first_human", "First Human in Orbit", prestige_first=30, prestige_second=12),
    Milestone("first_woman", "First Woman in Space", prestige_first=15, prestige_second=5,
              condition=cond("crew_women >= 1"), condition_text="crew_women >= 1"),
    Milestone("moon_landing", "First Moon Landing", prestige_first=100, prestige_second=40, decisive=True),
)

EVENTS: tuple[Event, ...] = (
    Event(
        id="igy", title="Geophysical Year", text="The IGY begins.", kind="news", sides=SIDES,
        first_year=1957, last_year=1958, priority=5, effects=(eff("add_prestige(5)"), eff("set_flag('igy_seen')")),
    ),
    Event(
        id="boom_years", title="Boom Years", text="Money flows.", kind="news", sides=("usa",),
        first_year=1957, last_year=1960, trigger=cond("flag('boom')"), once=False, effects=(eff("add_funds(7)"),),
    ),
    Event(
        id="korolev_pitch", title="Korolev's Pitch", text="A simple satellite first?", kind="dilemma",
        sides=("ussr",), first_year=1958, last_year=1959, trigger=cond("year >= 1958"),
        choices=(
            Choice("simple", "Fly the simple one.", effects=(eff("add_prestige(3)"), eff("set_flag('simple_sat')")), ai=2),
            Choice("grand", "Wait for the big one.", effects=(eff("add_funds(-20)"), eff("set_flag('grand_sat')")),
                   default=True),
        ),
    ),
)


def _setup(budget: tuple[int, ...]) -> SideSetup:
    return SideSetup(prestige=0, support=50, budget=budget, crew=0, pads=1)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        id=SCENARIO, name="Test Race", description="A short synthetic race.", start_year=START_YEAR,
        end_year=END_YEAR,
        setups={"usa": _setup((200, 220, 240, 260)), "ussr": _setup((180, 200, 220, 240))},
        win_if=cond("achieved('moon_landing')"), lose_if=cond("support <= 0"), end_if=cond("flag('armistice')"),
        win_if_text="achieved('moon_landing')", lose_if_text="support <= 0", end_if_text="flag('armistice')",
    ),
)

CREW_NAMES = {
    "usa": CrewNames(("John", "Alan", "Gus", "Deke"), ("Jerrie", "Janey"), ("Glenn", "Shepard", "Grissom", "Slayton")),
    "ussr": CrewNames(("Yuri", "Gherman", "Pavel"), ("Valentina", "Irina"), ("Gagarin", "Titov", "Popovich"),
                      ("Gagarina", "Titova", "Popovich")),
}


def build_content(
    *, hardware: Iterable[Hardware] = HARDWARE, missions: Iterable[MissionType] = MISSIONS,
    milestones: Iterable[Milestone] = MILESTONES, events: Iterable[Event] = EVENTS,
    scenarios: Iterable[Scenario] = SCENARIOS,
) -> Content:
    event_map = {event.id: event for event in events}
    return Content(
        hardware={item.id: item for item in hardware},
        missions={item.id: item for item in missions},
        milestones={item.id: item for item in milestones},
        events=event_map,
        scenarios={item.id: item for item in scenarios},
        texts={},
        crew_names=CREW_NAMES,
        digest="synthetic",
        event_index=index_events(event_map),
        hook_index=index_hooks(event_map),
    )


def extend(
    content: Content, *, hardware: Iterable[Hardware] = (), missions: Iterable[MissionType] = (),
    events: Iterable[Event] = (), scenario: Scenario | None = None, only_events: bool = False,
) -> Content:
    """The content with definitions added (or replaced by id); only_events drops the shipped events first."""
    event_map = {} if only_events else dict(content.events)
    event_map.update({event.id: event for event in events})
    scenarios = dict(content.scenarios)
    if scenario is not None:
        scenarios[scenario.id] = scenario
    return dataclasses.replace(
        content,
        hardware={**content.hardware, **{item.id: item for item in hardware}},
        missions={**content.missions, **{item.id: item for item in missions}},
        events=event_map,
        scenarios=scenarios,
        event_index=index_events(event_map),
        hook_index=index_hooks(event_map),
    )


def with_scenario(content: Content, **changes: Any) -> Content:
    """The content with the test scenario's fields replaced (e.g. lose_if=cond(...))."""
    return extend(content, scenario=dataclasses.replace(content.scenarios[SCENARIO], **changes))


@pytest.fixture(scope="session")
def content() -> Content:
    return build_content()


@pytest.fixture(scope="session")
def base_content() -> Content:
    """The real base game, for the determinism and AI tests."""
    from game.content.loader import load_content

    return load_content()


# -- positions --------------------------------------------------------------------------------------


def start(content: Content, seed: int = 1) -> GameState:
    state, _ = turn.new_game(content, SCENARIO, seed)
    return state


@pytest.fixture
def state(content: Content) -> GameState:
    return start(content)


def operational(state: GameState, content: Content, side: str, *program_ids: str, extra: int = 0) -> None:
    """Give the side these programs, each just developed (plus `extra` research beyond development)."""
    for program_id in program_ids:
        hardware_def = content.hardware[program_id]
        state.sides[side].programs[program_id] = Program(
            id=program_id, research=hardware_def.development_cost + extra, started=state.year
        )


def add_crew(
    state: GameState, side: str, count: int = 1, *, skill: int = 50, woman: bool = False,
    joined: int | None = None, status: str = "active",
) -> list[CrewMember]:
    """Append crew members ready to fly (joined last year) with every skill at `skill`."""
    own = state.sides[side]
    members = []
    for _ in range(count):
        member = CrewMember(
            id=f"{side}_{own.next_crew:02d}", name=f"Pilot {side.upper()} {own.next_crew}", woman=woman,
            piloting=skill, eva=skill, docking=skill, endurance=skill,
            joined=state.year - 1 if joined is None else joined, status=status,
        )
        own.next_crew += 1
        own.crew.append(member)
        members.append(member)
    return members


# -- driving turns ----------------------------------------------------------------------------------


def submit(state: GameState, content: Content, *orders: Order) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for order in orders:
        outcomes.extend(turn.apply(state, content, order))
    return outcomes


def end_year(state: GameState, content: Content) -> list[Outcome]:
    """Both sides end the year (USA first); returns every outcome, including the year's resolution."""
    return submit(state, content, EndYear(side="usa"), EndYear(side="ussr"))


def refused(state: GameState, content: Content, order: Order) -> str:
    """Apply an order that must be refused; check the state is untouched and the reason is one line."""
    before = state.to_dict()
    with pytest.raises(OrderRefused) as caught:
        turn.apply(state, content, order)
    assert state.to_dict() == before, "a refused order changed the state"
    reason = str(caught.value)
    assert reason and "\n" not in reason
    return reason


def of_type(outcomes: Iterable[Outcome], kind: type[T]) -> list[T]:
    return [outcome for outcome in outcomes if isinstance(outcome, kind)]


def search(attempt: Callable[[int], T], accept: Callable[[T], bool], tries: int = 400) -> T:
    """Run attempt(seed) for seeds 0, 1, … until accept(result); for forcing a rare-but-possible outcome."""
    for seed in range(tries):
        result = attempt(seed)
        if accept(result):
            return result
    raise AssertionError(f"no seed in range({tries}) gave the wanted outcome")
