"""What happened, as past-tense facts: the engine's only output. Front ends narrate these, never state diffs."""

from __future__ import annotations

from dataclasses import dataclass, field


Subject = tuple[tuple[str, str], ...]  # a hook's subject as sorted (name, value) pairs


@dataclass(frozen=True, slots=True)
class Outcome:
    side: str  # the side it concerns ("" for both)


@dataclass(frozen=True, slots=True)
class YearBegan(Outcome):
    year: int
    budget: int
    support: int


@dataclass(frozen=True, slots=True)
class EventFired(Outcome):
    event: str
    year: int
    dilemma: bool
    source: str = "calendar"  # calendar | follow_up | hook | waiting (held over from an earlier briefing)
    variant: int = -1  # the text variant chosen (-1: the plain text)
    subject: Subject = ()
    cause_event: str = ""  # a follow-up: the event and choice that scheduled it, and when
    cause_choice: str = ""
    cause_year: int = 0
    waits: bool = False  # a dilemma that waits for the next briefing (raised mid-year, or beyond the year's cap)
    opinion: int = -1  # the speaker's opinion of the side when it came (-1: no speaker)


@dataclass(frozen=True, slots=True)
class EventLapsed(Outcome):
    """A follow-up or a held-over dilemma that no longer applies when its time comes (its condition no longer
    holds, or its chance did not come up)."""

    event: str
    reason: str
    cause_event: str = ""
    cause_choice: str = ""
    held_over: bool = False  # a dilemma the side was told would wait for this briefing


@dataclass(frozen=True, slots=True)
class ChoiceMade(Outcome):
    event: str
    choice: str
    by_default: bool
    available: tuple[str, ...] = field(default=(), compare=False)  # the choices open at that moment (mods simulate)
    text_variant: int = field(default=-1, compare=False)  # the variants of the choice's text and result that fit then
    result_variant: int = field(default=-1, compare=False)
    subject: Subject = field(default=(), compare=False)  # the dilemma's hook subject, for the texts' placeholders


@dataclass(frozen=True, slots=True)
class Changed(Outcome):
    """A number moved by an event or a rule: prestige, support, funds, research, pads."""

    what: str  # "prestige" | "support" | "funds" | "research" | "pads" | "crew" | "variable"
    amount: int
    subject: str = ""  # program id for research, variable id for a variable
    cause: str = ""  # event id, promise id or rule name
    value: int | None = None  # the level after the change (support, variables)


@dataclass(frozen=True, slots=True)
class ChoiceCostPaid(Outcome):
    """What a choice cost, paid when it was taken."""

    event: str
    choice: str
    funds: int = 0
    support: int = 0
    launches: int = 0


@dataclass(frozen=True, slots=True)
class CrewReleased(Outcome):
    """A crew member a choice gave up: they leave the corps, or sit out the year."""

    crew: str
    leaves: bool
    cause: str


@dataclass(frozen=True, slots=True)
class FollowUpScheduled(Outcome):
    event: str
    first: int  # the years it may come due
    last: int
    foreseen: bool  # the player can see it coming (the ledger shows it)
    cause: str
    choice: str


@dataclass(frozen=True, slots=True)
class PromiseMade(Outcome):
    promise: str
    deadline: int
    cause: str
    choice: str


@dataclass(frozen=True, slots=True)
class PromiseSettled(Outcome):
    promise: str
    kept: bool
    year: int


@dataclass(frozen=True, slots=True)
class OpinionChanged(Outcome):
    character: str
    amount: int
    value: int
    cause: str
    choice: str


@dataclass(frozen=True, slots=True)
class CharacterJoined(Outcome):
    character: str
    cause: str = ""  # the event whose effect brought them into office ("" when their years did)


@dataclass(frozen=True, slots=True)
class CharacterLeft(Outcome):
    character: str
    reason: str  # history | resigned | dismissed
    cause: str = ""  # the event whose effect ended their service ("" when their years or their opinion did)


@dataclass(frozen=True, slots=True)
class FlagChanged(Outcome):
    flag: str
    set: bool


@dataclass(frozen=True, slots=True)
class ProgramStarted(Outcome):
    program: str
    cost: int


@dataclass(frozen=True, slots=True)
class Funded(Outcome):
    target: str  # program id, "training" or "education"
    amount: int


@dataclass(frozen=True, slots=True)
class MissionScheduled(Outcome):
    number: int
    mission: str
    month: int
    rocket: str
    craft: str
    lander: str
    crew: tuple[str, ...]
    cost: int
    backup: bool = False


@dataclass(frozen=True, slots=True)
class MissionCancelled(Outcome):
    number: int
    mission: str
    refund: int


@dataclass(frozen=True, slots=True)
class CrewRecruited(Outcome):
    crew: tuple[str, ...]  # crew ids
    cost: int


@dataclass(frozen=True, slots=True)
class PadBuilt(Outcome):
    pads: int
    cost: int


@dataclass(frozen=True, slots=True)
class YearEnded(Outcome):
    """This side has finished giving orders for the year."""

    year: int


@dataclass(frozen=True, slots=True)
class ProgramDeveloped(Outcome):
    program: str
    year: int


@dataclass(frozen=True, slots=True)
class ProgramGrounded(Outcome):
    program: str
    cause: str


@dataclass(frozen=True, slots=True)
class StepResult:
    step: str  # step id
    name: str
    chance: int  # per-mille
    passed: bool
    mode: str = ""  # on failure: abort | partial | catastrophe


@dataclass(frozen=True, slots=True)
class MissionScrubbed(Outcome):
    number: int
    mission: str
    month: int
    reason: str
    refund: int


@dataclass(frozen=True, slots=True)
class MissionFlew(Outcome):
    number: int
    mission: str
    year: int
    month: int
    day: int
    rocket: str
    craft: str
    lander: str
    crew: tuple[str, ...]
    result: str  # success | partial | failure | catastrophe | cruising (a probe on its way: the rest comes on arrival)
    steps: tuple[StepResult, ...]
    prestige: int
    arrives: tuple[int, int] | tuple[()] = ()  # a cruising probe: the (year, month) it arrives
    launched: tuple[int, int] | tuple[()] = ()  # a probe's arrival: the (year, month) it was launched


@dataclass(frozen=True, slots=True)
class MilestoneClaimed(Outcome):
    milestone: str
    year: int
    month: int
    first: bool
    prestige: int
    mission: str


@dataclass(frozen=True, slots=True)
class CrewLost(Outcome):
    crew: str
    cause: str


@dataclass(frozen=True, slots=True)
class CrewInjured(Outcome):
    crew: str
    until: int
    cause: str


@dataclass(frozen=True, slots=True)
class CrewRecovered(Outcome):
    crew: str


@dataclass(frozen=True, slots=True)
class CrewRetired(Outcome):
    """A crew member's years of service are over (rules.CREW_SERVICE_YEARS)."""

    crew: str
    flights: int


@dataclass(frozen=True, slots=True)
class StationClosed(Outcome):
    """A station's useful life is over (rules.STATION_LIFE_YEARS): it can no longer be visited."""

    number: int
    craft: str
    launched: int
    visits: int


@dataclass(frozen=True, slots=True)
class YearReport(Outcome):
    """A side's summary at year end: what next year's budget is and why."""

    year: int
    prestige: int
    prestige_change: int
    support: int
    support_change: int
    next_budget: int
    carried_over: int
    support_race: int = 0  # the year-end swing from the prestige race …
    support_drift: int = 0  # … and from the drift back toward 50
    support_service: int = 0  # what craft at work added this year
    prestige_gain: int = 0  # this side's prestige gained this year (what the race part compares) …
    rival_gain: int = 0  # … and the rival's


@dataclass(frozen=True, slots=True)
class ServicePaid(Outcome):
    """What the side's craft in service paid this year: support and prestige now, money in next year's budget."""

    year: int
    missions: tuple[str, ...]  # the mission of each craft in service, in launch order
    support: int
    budget: int
    prestige: int
    value: int  # support after it


@dataclass(frozen=True, slots=True)
class ServiceEnded(Outcome):
    """A craft's working life is over: worn out, or replaced by a newer one of the same mission."""

    mission: str
    craft: str
    number: int
    launched: int
    replaced: bool


@dataclass(frozen=True, slots=True)
class GameOver(Outcome):
    winner: str  # usa | ussr | draw
    reason: str
    year: int
