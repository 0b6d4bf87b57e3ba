"""What happened, as past-tense facts: the engine's only output. Front ends narrate these, never state diffs."""

from __future__ import annotations

from dataclasses import dataclass


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


@dataclass(frozen=True, slots=True)
class ChoiceMade(Outcome):
    event: str
    choice: str
    by_default: bool


@dataclass(frozen=True, slots=True)
class Changed(Outcome):
    """A number moved by an event or a rule: prestige, support, funds, research, pads."""

    what: str  # "prestige" | "support" | "funds" | "research" | "pads" | "crew"
    amount: int
    subject: str = ""  # program id for research
    cause: str = ""  # event id or rule name


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
    result: str  # success | partial | failure | catastrophe
    steps: tuple[StepResult, ...]
    prestige: int


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
class YearReport(Outcome):
    """A side's summary at year end: what next year's budget is and why."""

    year: int
    prestige: int
    prestige_change: int
    support: int
    support_change: int
    next_budget: int
    carried_over: int


@dataclass(frozen=True, slots=True)
class GameOver(Outcome):
    winner: str  # usa | ussr | draw
    reason: str
    year: int
