"""Frozen game definitions (hardware, missions, milestones, events, scenarios) as the engine reads them.

The loader in `game.content` builds these from data files; the engine never reads files. They live here,
not in `game.content`, because imports flow content → engine: the engine consumes definitions, so it owns
their types. Expressions arrive already compiled (callables taking an evaluation context).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

SIDES: tuple[str, ...] = ("usa", "ussr")  # determinism: fixed side order everywhere
MONTHS: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December")

#: A compiled expression: called with an evaluation context, returns a value (or None for effects).
Compiled = Callable[[Any], Any]

HARDWARE_KINDS: tuple[str, ...] = ("rocket", "satellite", "probe", "capsule", "lander", "station")
CRAFT_KINDS: tuple[str, ...] = ("satellite", "probe", "capsule", "station")
SKILLS: tuple[str, ...] = ("piloting", "eva", "docking", "endurance")
FAILURE_MODES: tuple[str, ...] = ("abort", "partial", "catastrophe")
STEP_USES: tuple[str, ...] = ("rocket", "craft", "lander", "station")
#: What an event can listen for (`on = "…"`), besides the calendar: each passes its subject to the event.
HOOKS: tuple[str, ...] = ("milestone_claimed", "rival_first", "mission_failed", "catastrophe", "crew_lost",
                          "support_below")
#: The subject each hook passes: names an event's conditions and texts may use (see scripting.HOOK_VARIABLES).
HOOK_SUBJECTS: Mapping[str, tuple[str, ...]] = {
    "milestone_claimed": ("milestone", "mission", "by"),
    "rival_first": ("milestone", "mission", "by"),
    "mission_failed": ("mission", "program", "result"),
    "catastrophe": ("mission", "program", "result"),
    "crew_lost": ("crew", "mission"),
    "support_below": ("threshold",),
}
CREW_COSTS: tuple[str, ...] = ("leaves", "sits_out")  # what a choice that costs a crew member does to them
CHARACTER_ROLES: tuple[str, ...] = ("advisor", "leader")


def rival_of(side: str) -> str:
    """The other side of a two-sided race."""
    return "ussr" if side == "usa" else "usa"


@dataclass(frozen=True, slots=True)
class HistoryNote:
    """What really happened: shown in examine views and the end-of-game almanac."""

    date: str = ""  # "1957-10-04" (or "1957-10" / "1957")
    side: str = ""  # "usa" | "ussr" | ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Hardware:
    id: str
    name: str
    side: str
    kind: str  # one of HARDWARE_KINDS
    available: int  # earliest year the program may be started
    start_cost: int  # $M paid when the program starts
    development_cost: int  # $M of research before the first flight
    unit_cost: int  # $M per flight
    base_reliability: int  # per-mille when development starts
    max_reliability: int  # per-mille ceiling
    research_scale: int  # $M of research that closes half the gap to the ceiling
    lift: int = 0  # rockets: payload class they can put up
    mass: int = 0  # spacecraft: payload class they need
    seats: int = 0  # capsules and stations
    capabilities: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # hardware ids that must be operational before this can start
    description: str = ""
    history: HistoryNote = HistoryNote()
    image: str = ""  # full path of a picture inside the mod's folder (front ends only)
    prep_months: int = 2  # rockets: months a launch of it takes on the pad (its preparation), the launch month included
    rockets: tuple[str, ...] = ()  # spacecraft: the rockets it really flew on (empty: any with the lift)


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    name: str
    uses: str  # one of STEP_USES: whose reliability the step rolls against
    difficulty: int = 0  # per-mille taken off the chance
    skill: str = ""  # crew skill that helps ("" for none)
    failure: Mapping[str, int] = field(default_factory=lambda: {"abort": 1})  # mode → weight
    claims: tuple[str, ...] = ()  # milestone ids claimed when this step succeeds
    claims_second: tuple[str, ...] = ()  # claimed only when another side got there first (a suborbital hop)
    success_text: str = ""
    failure_text: str = ""
    catastrophe_text: str = ""  # told instead of failure_text when the failure costs the crew or the craft


@dataclass(frozen=True, slots=True)
class Service:
    """What a craft does for its side once it is working in orbit, year after year: the legacy of the race
    (communications, weather and navigation satellites, stations' science). It pays at each year's end, from the
    year it succeeds, for `years` years."""

    years: int
    support: int = 0  # support a year
    budget: int = 0  # $M a year added to next year's budget (the users share the cost)
    prestige: int = 0  # prestige a year
    most: int = 0  # at most this many of the mission in service at once per side; a newer one retires the oldest (0: no limit)


@dataclass(frozen=True, slots=True)
class MissionType:
    id: str
    name: str
    available: int
    cost: int  # $M operations cost on top of hardware unit costs
    craft: tuple[str, ...]  # hardware kinds allowed as the spacecraft
    steps: tuple[Step, ...]
    crew_min: int = 0
    crew_max: int = 0
    needs: tuple[str, ...] = ()  # capabilities the spacecraft must have
    lander: bool = False  # also needs an operational lander program
    min_lift: int = 0
    prestige: int = 0  # prestige for a success (on top of milestones)
    requires: Compiled | None = None  # condition for the side to schedule it
    requires_text: str = ""
    description: str = ""
    sides: tuple[str, ...] = SIDES
    station: str = ""  # "launch" puts a station in orbit; "visit" needs one there
    windows: tuple[tuple[int, int], ...] = ()  # (year, month) launch windows; a window lasts two months
    prep_months: int = 0  # months of preparation on top of the rocket's (a crew, a lander)
    cruise_days: int = 0  # days from launch to arrival at another world
    arrives_at: str = ""  # the step the probe arrives at: it and the steps after it happen on arrival
    service: Service | None = None  # what a success keeps paying afterwards
    partner: bool = False  # a joint flight: it flies only if the rival has its own half booked the same year

    def window_months(self, year: int) -> tuple[int, ...]:
        """Months this year the mission may launch: all of them when it has no windows."""
        if not self.windows:
            return tuple(range(1, 13))
        months: list[int] = []
        for window_year, month in self.windows:
            for offset in (0, 1):  # the window month and the next
                absolute = window_year * 12 + month - 1 + offset
                if absolute // 12 == year and absolute % 12 + 1 not in months:
                    months.append(absolute % 12 + 1)
        return tuple(sorted(months))

    def next_window(self, year: int) -> tuple[int, int] | None:
        for window_year, month in self.windows:
            if window_year > year:
                return window_year, month
        return None


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    name: str
    prestige_first: int
    prestige_second: int
    description: str = ""
    condition: Compiled | None = None  # evaluated in the claiming mission's context
    condition_text: str = ""
    decisive: bool = False
    history: HistoryNote = HistoryNote()


@dataclass(frozen=True, slots=True)
class TextVariant:
    """A text shown instead of the plain one when its condition holds (the first that holds wins)."""

    when: Compiled
    text: str
    when_text: str = ""


#: field name ("text", "title", "result" …) → its variants, in the order they are tried
Variants = Mapping[str, tuple[TextVariant, ...]]


@dataclass(frozen=True, slots=True)
class Requirement:
    """One part (a top-level `and` term) of a choice's condition, with the plain words a player reads when it
    does not hold: "an operational Saturn V"."""

    test: Compiled
    words: str


@dataclass(frozen=True, slots=True)
class Cost:
    """What a choice costs, paid when it is chosen: money from this year's funds, support, launches from this
    year's capacity, and a crew member (who leaves the corps or sits out the year)."""

    funds: int = 0
    support: int = 0
    launches: int = 0
    crew: str = ""  # "" | one of CREW_COSTS

    def __bool__(self) -> bool:
        return bool(self.funds or self.support or self.launches or self.crew)


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: str
    effects: tuple[Compiled, ...] = ()
    effects_text: tuple[str, ...] = ()
    ai: int = 1  # a tie-break hint for the AI, which weighs the choices from the state
    default: bool = False
    result: str = ""  # what the player is told after choosing
    condition: Compiled | None = None  # the choice is offered (greyed, with the reason) when this does not hold
    condition_text: str = ""
    requirements: tuple[Requirement, ...] = ()  # the condition's parts, each with its words
    unavailable: str = ""  # the author's own words for why it is not available (else built from requirements)
    cost: Cost = Cost()
    variants: Variants = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    title: str
    text: str
    kind: str  # "news" | "dilemma"
    sides: tuple[str, ...]
    first_year: int
    last_year: int
    trigger: Compiled | None = None
    trigger_text: str = ""
    chance: int = 1000  # per-mille each eligible year
    once: bool = True
    priority: int = 0  # higher first in the briefing
    effects: tuple[Compiled, ...] = ()  # news events: applied when fired
    effects_text: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    history: HistoryNote = HistoryNote()
    image: str = ""  # full path of a picture inside the mod's folder (front ends only)
    on: str = ""  # a hook (one of HOOKS): fires when that happens, not from the calendar
    threshold: int = 0  # support_below: the level whose downward crossing fires it
    follow_up: bool = False  # fires only when an effect scheduled it (follow_up(…)), never from the calendar
    foreseen: str = ""  # a scheduled follow-up the player can see coming: what the ledger says while it waits
    speaker: str = ""  # the character whose mouth it is put in
    scenarios: tuple[str, ...] = ()  # only in these scenarios (empty: every scenario)
    variants: Variants = field(default_factory=dict)

    @property
    def calendar(self) -> bool:
        """Fires from the calendar (its years, trigger and chance) rather than from a hook or a follow-up."""
        return not self.on and not self.follow_up

    def default_choice(self) -> Choice | None:
        for choice in self.choices:
            if choice.default:
                return choice
        return self.choices[0] if self.choices else None


@dataclass(frozen=True, slots=True)
class VariableDef:
    """A named whole number each side keeps (morale, public trust …), clamped to its range."""

    id: str
    name: str
    description: str
    default: int = 0
    low: int = 0
    high: int = 100
    sides: tuple[str, ...] = SIDES
    visible: bool = False  # shown to the player (status, HQ, ledger) and its changes narrated

    def clamp(self, value: int) -> int:
        return min(max(value, self.low), self.high)


@dataclass(frozen=True, slots=True)
class NamedCondition:
    """A condition content calls by its bare name (`rival_leads`), defined once."""

    id: str
    test: Compiled
    source: str
    description: str  # plain words, used when a choice needing it is unavailable


@dataclass(frozen=True, slots=True)
class EffectList:
    """A list of effects content runs by name: apply('big_budget_cut')."""

    id: str
    effects: tuple[Compiled, ...]
    effects_text: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True, slots=True)
class CharacterDef:
    """A historical figure with an opinion of the player: an advisor, or the side's leader."""

    id: str
    name: str  # "Sergei Korolev"
    short: str  # "Korolev": what {korolev} in a text becomes
    title: str  # "Chief Designer"
    side: str
    role: str  # one of CHARACTER_ROLES
    first: int  # years of service (history's), first and last
    last: int
    opinion: int = 50  # of the player, 0–100, at the start
    resigns_below: int = 0  # opinion at or below which they leave at the next year's start (0: never)
    description: str = ""
    departure: str = ""  # told when their years are over (history: death, retirement, a change of office)
    resignation: str = ""  # told when they leave because their opinion collapsed
    history: HistoryNote = HistoryNote()
    scenarios: tuple[str, ...] = ()

    @property
    def addressed(self) -> str:
        """"President Kennedy", "Chief Designer Korolev"."""
        return f"{self.title} {self.short}".strip()


@dataclass(frozen=True, slots=True)
class PromiseDef:
    """A commitment with a deadline, judged at each year's end: kept as soon as the condition holds, broken if
    the deadline year ends without it."""

    id: str
    name: str
    text: str  # what was promised, for the ledger
    sides: tuple[str, ...]
    deadline: int  # a year (the promise is judged at its end); 0 when `within` is used
    within: int  # years from the year it is made; 0 when `deadline` is used
    condition: Compiled
    condition_text: str
    kept: tuple[Compiled, ...] = ()
    kept_text: str = ""
    broken: tuple[Compiled, ...] = ()
    broken_text: str = ""
    kept_effects_text: tuple[str, ...] = ()
    broken_effects_text: tuple[str, ...] = ()
    scenarios: tuple[str, ...] = ()
    variants: Variants = field(default_factory=dict)  # of kept_text and broken_text

    def deadline_from(self, year: int) -> int:
        return self.deadline or year + self.within


@dataclass(frozen=True, slots=True)
class SideSetup:
    """How one side starts a scenario."""

    prestige: int = 0
    support: int = 50
    budget: tuple[int, ...] = ()  # base budget $M for each year from start_year
    programs: Mapping[str, int] = field(default_factory=dict)  # program id → research already done
    crew: int = 0
    pads: int = 1
    flags: tuple[str, ...] = ()
    achieved: Mapping[str, int] = field(default_factory=dict)  # milestone id → year achieved before start
    variables: Mapping[str, int] = field(default_factory=dict)  # variable id → starting value
    opinions: Mapping[str, int] = field(default_factory=dict)  # character id → starting opinion
    service: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # character id → years, instead of history's
    promises: tuple[str, ...] = ()  # promises in force from the start (made the year before)


@dataclass(frozen=True, slots=True)
class Scenario:
    id: str
    name: str
    description: str
    start_year: int
    end_year: int
    setups: Mapping[str, SideSetup]
    default_side: str = "usa"
    win_if: Compiled | None = None  # per side
    lose_if: Compiled | None = None  # per side
    end_if: Compiled | None = None  # global (evaluated for each side; any true ends the game)
    win_if_text: str = ""
    lose_if_text: str = ""
    end_if_text: str = ""

    def base_budget(self, side: str, year: int) -> int:
        budget = self.setups[side].budget
        if not budget:
            return 0
        index = min(max(year - self.start_year, 0), len(budget) - 1)
        return budget[index]


@dataclass(frozen=True, slots=True)
class CrewNames:
    """Name pools for one side's generated crew."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    last: tuple[str, ...]
    female_last: tuple[str, ...] = ()  # feminine surname forms, in the order of `last`; empty: as `last`


@dataclass(frozen=True, slots=True)
class ProgramPlan:
    """A programme in a historical schedule: when it started and the year it should fly from."""

    program: str
    start: int
    ready: int
    end: int = 0  # the last year it is funded (0: to the end)


@dataclass(frozen=True, slots=True)
class PlannedFlight:
    """A launch in a historical schedule."""

    year: int
    month: int
    mission: str
    rocket: str = ""
    craft: str = ""
    lander: str = ""
    crew: int = 0
    goal: str = ""  # the milestone it was for: skipped once held, retried while open
    give_up: int = 0  # the last year it is retried
    when: Compiled | None = None
    when_text: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Schedule:
    """A side's real programme, year by year, for the historical policy."""

    id: str
    side: str
    name: str
    description: str = ""
    scenarios: tuple[str, ...] = ()
    programs: tuple[ProgramPlan, ...] = ()
    flights: tuple[PlannedFlight, ...] = ()
    choices: Mapping[str, str] = field(default_factory=dict)  # event → the choice history made
    recruit: Mapping[int, int] = field(default_factory=dict)  # year → how many were selected


@dataclass(frozen=True, slots=True)
class Content:
    """Everything the rules need, merged and validated. Keyed by id, iterated in sorted id order."""

    hardware: Mapping[str, Hardware]
    missions: Mapping[str, MissionType]
    milestones: Mapping[str, Milestone]
    events: Mapping[str, Event]
    scenarios: Mapping[str, Scenario]
    texts: Mapping[str, str]
    crew_names: Mapping[str, CrewNames]
    digest: str = ""  # sha256 of the content files, recorded in saves and replays
    mods: tuple[str, ...] = ()  # "id version" of every mod loaded after the base game, in load order
    variables: Mapping[str, VariableDef] = field(default_factory=dict)
    conditions: Mapping[str, NamedCondition] = field(default_factory=dict)
    effect_lists: Mapping[str, EffectList] = field(default_factory=dict)
    characters: Mapping[str, CharacterDef] = field(default_factory=dict)
    promises: Mapping[str, PromiseDef] = field(default_factory=dict)
    schedules: Mapping[str, Schedule] = field(default_factory=dict)

    event_index: Mapping[int, tuple[Event, ...]] = field(default_factory=dict)  # year → calendar events, see index_events
    hook_index: Mapping[str, tuple[Event, ...]] = field(default_factory=dict)  # hook → events listening for it

    def events_for_year(self, year: int) -> tuple[Event, ...]:
        """Calendar events whose window covers the year, highest priority first, then by id."""
        return self.event_index.get(year, ())

    def events_on(self, hook: str) -> tuple[Event, ...]:
        """Events listening for a hook, highest priority first, then by id."""
        return self.hook_index.get(hook, ())


def _by_priority(events: list[Event]) -> tuple[Event, ...]:
    return tuple(sorted(events, key=lambda e: (-e.priority, e.id)))


def index_events(events: Mapping[str, Event]) -> dict[int, tuple[Event, ...]]:
    """Index calendar events by year once at load, so a turn never scans every event."""
    by_year: dict[int, list[Event]] = {}
    for event_id in sorted(events):  # determinism: sorted ids
        event = events[event_id]
        if not event.calendar:
            continue
        for year in range(event.first_year, event.last_year + 1):
            by_year.setdefault(year, []).append(event)
    return {year: _by_priority(found) for year, found in by_year.items()}


def index_hooks(events: Mapping[str, Event]) -> dict[str, tuple[Event, ...]]:
    """Index hooked events by what they listen for."""
    by_hook: dict[str, list[Event]] = {}
    for event_id in sorted(events):  # determinism: sorted ids
        if events[event_id].on:
            by_hook.setdefault(events[event_id].on, []).append(events[event_id])
    return {hook: _by_priority(found) for hook, found in by_hook.items()}
