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


@dataclass(frozen=True, slots=True)
class Step:
    id: str
    name: str
    uses: str  # one of STEP_USES: whose reliability the step rolls against
    difficulty: int = 0  # per-mille taken off the chance
    skill: str = ""  # crew skill that helps ("" for none)
    failure: Mapping[str, int] = field(default_factory=lambda: {"abort": 1})  # mode → weight
    claims: tuple[str, ...] = ()  # milestone ids claimed when this step succeeds
    success_text: str = ""
    failure_text: str = ""


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
class Choice:
    id: str
    text: str
    effects: tuple[Compiled, ...] = ()
    effects_text: tuple[str, ...] = ()
    ai: int = 1  # weight for the AI's pick
    default: bool = False
    result: str = ""  # what the player is told after choosing


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

    def default_choice(self) -> Choice | None:
        for choice in self.choices:
            if choice.default:
                return choice
        return self.choices[0] if self.choices else None


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

    event_index: Mapping[int, tuple[Event, ...]] = field(default_factory=dict)  # year → events, see index_events

    def events_for_year(self, year: int) -> tuple[Event, ...]:
        """Events whose window covers the year, highest priority first, then by id."""
        return self.event_index.get(year, ())


def index_events(events: Mapping[str, Event]) -> dict[int, tuple[Event, ...]]:
    """Index events by year once at load, so a turn never scans every event."""
    by_year: dict[int, list[Event]] = {}
    for event_id in sorted(events):  # determinism: sorted ids
        event = events[event_id]
        for year in range(event.first_year, event.last_year + 1):
            by_year.setdefault(year, []).append(event)
    return {year: tuple(sorted(found, key=lambda e: (-e.priority, e.id))) for year, found in by_year.items()}
