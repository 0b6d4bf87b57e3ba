"""The game's whole mutable state — sides, programs, crew, schedule, claims — and its plain-dict form.

State holds only ids, integers, strings and lists/dicts of them, so a save is literal JSON and a checksum over
the canonical JSON names the first year a replay drifts. Derived values (reliability, whether a program is
operational) are computed from state and content, never stored, so they can never disagree.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from typing import Any

from .defs import SIDES
from .rules import BUDGET_PERCENT_MAX, BUDGET_PERCENT_MIN

STATE_VERSION = 2
DEFAULT_BUDGET_PERCENT = 100
# Fields written only when they differ from their default, so games that never use them keep the exact
# dict, checksums and saves they had before the field existed (and old saves load with the default).
_OPTIONAL_SIDE_FIELDS: dict[str, Any] = {"budget_percent": DEFAULT_BUDGET_PERCENT, "in_flight": [], "intelligence": 0,
                                         "intelligence_total": 0, "in_service": []}


class StateError(ValueError):
    """A state dict (from a save) that does not describe a valid game."""


@dataclass(slots=True)
class Program:
    id: str
    research: int = 0  # $M of research done (development first, then reliability)
    funding: int = 0  # $M allocated this year, applied at year end
    flights: int = 0
    successes: int = 0
    failures: int = 0
    grounded: bool = False  # no flights for the rest of the year
    started: int = 0  # year started


@dataclass(slots=True)
class CrewMember:
    id: str
    name: str
    woman: bool
    piloting: int
    eva: int
    docking: int
    endurance: int
    joined: int  # year recruited; candidates train a year before they can fly
    status: str = "active"  # active | injured | dead | retired
    flights: int = 0
    injured_until: int = 0  # injured crew return at the start of this year
    died: str = ""  # "1967-01" when lost

    def skill(self, name: str) -> int:
        return int(getattr(self, name)) if name in ("piloting", "eva", "docking", "endurance") else 0

    def can_fly(self, year: int) -> bool:
        return self.status == "active" and self.joined < year


@dataclass(slots=True)
class ScheduledMission:
    number: int  # per side, shown to the player as #n
    mission: str
    month: int
    rocket: str
    craft: str
    lander: str = ""
    crew: list[str] = field(default_factory=list)
    cost: int = 0  # $M paid when scheduled (refunded on cancel)
    backup: bool = False  # stands down when its month comes if the firsts it could claim are already won


@dataclass(slots=True)
class InFlight:
    """A probe on its way to another world: launched, its arrival steps still to come."""

    number: int  # the mission's number (#n) when it was booked
    mission: str
    rocket: str
    craft: str
    launched: int  # year
    launch_month: int
    arrives: int  # year
    arrive_month: int
    arrive_day: int
    step: int  # index of the first step rolled on arrival
    bonus: int = 0  # per-mille the launch's extra preparation adds to every step


@dataclass(slots=True)
class Station:
    number: int
    craft: str
    launched: int  # year
    visits: int = 0


@dataclass(slots=True)
class InService:
    """A craft working for its side (a weather satellite, a station's science): it pays every year to `until`."""

    mission: str
    craft: str
    number: int  # the flight's number (#n)
    launched: int  # year (a probe's service starts on arrival, perhaps a year later)
    until: int  # the last year it pays


@dataclass(slots=True)
class Pending:
    """An event as it reached the side: a dilemma waiting for its choice, a dilemma waiting for next year's
    briefing, or a line of this year's briefing. It keeps what the event's text needs to read as it did when it
    came: the text variant chosen, the hook's subject, and the choice that caused it."""

    event: str
    year: int
    held: int = 0  # $M set aside at the briefing for the default choice's cost (released when the side decides)
    variant: int = -1  # the text variant chosen when it came (-1: the plain text)
    source: str = "calendar"  # calendar | follow_up | hook | waiting
    subject: dict[str, str] = field(default_factory=dict)  # a hook's subject: milestone, mission, crew …
    cause_event: str = ""  # the event whose choice brought it about (follow-ups)
    cause_choice: str = ""
    cause_year: int = 0
    why_waiting: str = ""  # for a dilemma held over to the next briefing


@dataclass(slots=True)
class Memory:
    """Why a character's opinion moved: the choice (or event) that moved it, and by how much."""

    year: int
    event: str
    choice: str
    amount: int


@dataclass(slots=True)
class CharacterState:
    opinion: int
    status: str = "serving"  # upcoming | serving | left
    first: int = 0  # years of service in this game (history's, unless a scenario or an event changed them)
    last: int = 0
    left: int = 0  # the year they left
    reason: str = ""  # why they left: history | resigned | dismissed
    memory: list[Memory] = field(default_factory=list)


@dataclass(slots=True)
class FollowUp:
    """A consequence scheduled by an effect: an event that comes due in a later year."""

    event: str
    due: int  # the year it comes due (drawn from first–last when it was scheduled)
    first: int
    last: int
    year: int  # when it was scheduled
    cause_event: str = ""
    cause_choice: str = ""
    subject: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class PromiseState:
    promise: str
    made: int  # the year it was made
    deadline: int  # judged at the end of this year at the latest
    status: str = "open"  # open | kept | broken
    settled: int = 0  # the year it was kept or broken
    cause_event: str = ""
    cause_choice: str = ""


@dataclass(slots=True)
class Claim:
    milestone: str
    side: str
    year: int
    month: int
    first: bool
    mission: str = ""


@dataclass(slots=True)
class SideState:
    side: str
    prestige: int = 0
    prestige_start: int = 0  # prestige when this year began
    support: int = 50
    support_start: int = 50  # support when this year began
    budget: int = 0  # this year's budget
    funds: int = 0  # unspent this year
    pads: int = 1
    training: int = 0  # $M allocated to crew training this year
    education: int = 0  # $M allocated to education this year
    education_total: int = 0  # cumulative education spending (a slow research multiplier)
    programs: dict[str, Program] = field(default_factory=dict)
    crew: list[CrewMember] = field(default_factory=list)
    scheduled: list[ScheduledMission] = field(default_factory=list)
    pending: list[Pending] = field(default_factory=list)
    stations: list[Station] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # kept sorted
    fired: dict[str, int] = field(default_factory=dict)  # event id → year it fired
    ledger: dict[str, int] = field(default_factory=dict)  # this year's money outside research and missions
    flights: dict[str, int] = field(default_factory=dict)  # mission id → successful flights
    achieved: dict[str, int] = field(default_factory=dict)  # milestone id → year
    ended: bool = False  # this side has ended the year
    next_crew: int = 1
    next_mission: int = 1
    next_station: int = 1
    catastrophes: int = 0
    crew_lost: int = 0
    history: list[dict[str, int]] = field(default_factory=list)  # per year: year, prestige, budget, support, unspent
    # (unspent: the money left when the year ended; records from before it was kept have none)
    budget_percent: int = DEFAULT_BUDGET_PERCENT  # the difficulty: this side's yearly budget is scaled by it
    variables: dict[str, int] = field(default_factory=dict)  # content's variables: id → value
    characters: dict[str, CharacterState] = field(default_factory=dict)  # character id → where they stand
    followups: list[FollowUp] = field(default_factory=list)  # consequences still to come, in the order scheduled
    promises: list[PromiseState] = field(default_factory=list)  # every promise made, in the order made
    waiting: list[Pending] = field(default_factory=list)  # dilemmas held over to the next briefing
    briefing: list[Pending] = field(default_factory=list)  # the events that reached the side this year, in order
    launches_given_up: int = 0  # launches this year's choices have cost (capacity is pads × 4 less these)
    in_flight: list[InFlight] = field(default_factory=list)  # probes launched and not yet arrived, in launch order
    intelligence: int = 0  # $M allocated to intelligence about the rival this year
    intelligence_total: int = 0  # cumulative intelligence spending: how well the side can see the rival
    in_service: list[InService] = field(default_factory=list)  # craft still paying back, in launch order

    def crew_by_id(self, crew_id: str) -> CrewMember | None:
        for member in self.crew:
            if member.id == crew_id:
                return member
        return None

    def active_crew(self, year: int) -> list[CrewMember]:
        return [member for member in self.crew if member.can_fly(year)]

    def has_flag(self, flag: str) -> bool:
        return flag in self.flags

    def set_flag(self, flag: str) -> None:
        if flag not in self.flags:
            self.flags.append(flag)
            self.flags.sort()

    def clear_flag(self, flag: str) -> None:
        if flag in self.flags:
            self.flags.remove(flag)


@dataclass(slots=True)
class GameState:
    scenario: str
    seed: int
    year: int
    start_year: int
    end_year: int
    sides: dict[str, SideState]
    claims: list[Claim] = field(default_factory=list)  # in the order they happened
    over: bool = False
    winner: str = ""  # "usa" | "ussr" | "draw" once over
    reason: str = ""  # why the game ended

    def side(self, side: str) -> SideState:
        return self.sides[side]

    def first_claim(self, milestone: str) -> Claim | None:
        for claim in self.claims:
            if claim.milestone == milestone and claim.first:
                return claim
        return None

    # -- plain data ---------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = plain(self)
        for side in data["sides"].values():
            for name, default in _OPTIONAL_SIDE_FIELDS.items():
                if side[name] == default:
                    del side[name]
        data["version"] = STATE_VERSION
        return data

    @classmethod
    def from_dict(cls, data: Any) -> "GameState":
        """Rebuild a state from its dict form, checking every field's type; raises StateError."""
        if not isinstance(data, dict):
            raise StateError("the game state is not a table")
        if data.get("version") != STATE_VERSION:
            raise StateError(f"unsupported state version {data.get('version')!r} (expected {STATE_VERSION})")
        try:
            sides_data = _get(data, "sides", dict)
            sides = {name: _side_from_dict(_expect(sides_data.get(name), dict, f"sides.{name}")) for name in SIDES}
            for name, side in sides.items():
                if side.side != name:
                    raise StateError(f"sides.{name} holds the state of {side.side!r}")
            state = cls(
                scenario=_get(data, "scenario", str),
                seed=_get(data, "seed", int),
                year=_get(data, "year", int),
                start_year=_get(data, "start_year", int),
                end_year=_get(data, "end_year", int),
                sides=sides,
                claims=[_build(Claim, item, "claims") for item in _get(data, "claims", list)],
                over=_get(data, "over", bool),
                winner=_get(data, "winner", str),
                reason=_get(data, "reason", str),
            )
        except (TypeError, KeyError) as error:
            raise StateError(f"the game state is damaged: {error}") from None
        problem = _out_of_range(state)
        if problem:
            raise StateError(f"the game state is damaged: {problem}")
        return state

    def checksum(self) -> str:
        """A short digest of the whole state, written into replays after each year."""
        return checksum_of(self.to_dict())


CREW_STATUSES = ("active", "injured", "away", "dead", "retired")  # away: sits out the year (a choice's cost)
CHARACTER_STATUSES = ("upcoming", "serving", "left")
PROMISE_STATUSES = ("open", "kept", "broken")


def _out_of_range(state: GameState) -> str | None:
    """Values a real game can never hold (a save edited by hand, or damaged)."""
    if not state.start_year <= state.year <= state.end_year:
        return f"year {state.year} is outside {state.start_year}–{state.end_year}"
    if state.winner not in ("", "usa", "ussr", "draw"):
        return f"unknown winner {state.winner!r}"
    for claim in state.claims:
        if claim.side not in SIDES or not 1 <= claim.month <= 12:
            return f"claim of {claim.milestone!r} has side {claim.side!r} and month {claim.month}"
    for side in state.sides.values():
        if not 0 <= side.support <= 100 or side.funds < 0 or side.budget < 0 or side.pads < 1:
            return f"{side.side}: support, funds, budget or pads out of range"
        if not BUDGET_PERCENT_MIN <= side.budget_percent <= BUDGET_PERCENT_MAX:
            return (f"{side.side}: budget_percent {side.budget_percent} is outside "
                    f"{BUDGET_PERCENT_MIN}–{BUDGET_PERCENT_MAX}")
        for member in side.crew:
            if member.status not in CREW_STATUSES:
                return f"{side.side}: crew member {member.id!r} has status {member.status!r}"
        for item in side.scheduled:
            if not 1 <= item.month <= 12:
                return f"{side.side}: mission #{item.number} is set for month {item.month}"
        for character_id, character in side.characters.items():
            if character.status not in CHARACTER_STATUSES or not 0 <= character.opinion <= 100:
                return f"{side.side}: character {character_id!r} has status {character.status!r}, opinion {character.opinion}"
        for promise in side.promises:
            if promise.status not in PROMISE_STATUSES:
                return f"{side.side}: promise {promise.promise!r} has status {promise.status!r}"
        for flight in side.in_flight:
            if not (1 <= flight.launch_month <= 12 and 1 <= flight.arrive_month <= 12 and 1 <= flight.arrive_day <= 31):
                return f"{side.side}: the probe #{flight.number} has dates out of range"
        for working in side.in_service:
            if working.until < working.launched:
                return f"{side.side}: #{working.number} leaves service before it was launched"
        if side.intelligence < 0 or side.intelligence_total < 0:
            return f"{side.side}: intelligence spending is negative"
        if side.launches_given_up < 0:
            return f"{side.side}: launches_given_up is negative"
    return None


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(value: Any) -> Any:
    """The state (or any part of it) as plain dicts and lists: what dataclasses.asdict gives, without its deep
    copies, because every leaf is an int, str or bool (a checksum is taken every year of every game)."""
    kind = type(value)
    if kind is int or kind is str or kind is bool or value is None:
        return value
    if kind is list:
        return [plain(item) for item in value]
    if kind is dict:
        return {key: plain(item) for key, item in value.items()}
    if kind is tuple:
        return tuple(plain(item) for item in value)
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(item.name for item in fields(value))
    return {name: plain(getattr(value, name)) for name in names}


def checksum_of(data: dict[str, Any]) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))  # determinism: canonical JSON
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _expect(value: Any, kind: type, where: str) -> Any:
    if kind is int and isinstance(value, bool):
        raise TypeError(f"{where} should be a whole number")
    if not isinstance(value, kind):
        raise TypeError(f"{where} should be {kind.__name__}, not {type(value).__name__}")
    return value


def _get(data: dict[str, Any], key: str, kind: type) -> Any:
    if key not in data:
        raise KeyError(f"missing {key!r}")
    return _expect(data[key], kind, key)


_SCALARS = {"int": int, "str": str, "bool": bool}
_LATER_FIELDS = {"ScheduledMission": ("backup",)}  # fields with defaults that older saves do not have


def _build(cls: type, data: Any, where: str) -> Any:
    """Build a flat dataclass (scalars, lists of str, tables of str, lists of Memory) from a dict, checking types."""
    _expect(data, dict, where)
    values: dict[str, Any] = {}
    for item in fields(cls):
        if item.name not in data:
            if item.name in _LATER_FIELDS.get(cls.__name__, ()):
                continue  # added later: older saves hold the default
            raise KeyError(f"missing {where}.{item.name}")
        value = data[item.name]
        kind = _SCALARS.get(str(item.type))
        if kind is not None:
            _expect(value, kind, f"{where}.{item.name}")
        elif str(item.type) == "list[str]":
            _expect(value, list, f"{where}.{item.name}")
            for entry in value:
                _expect(entry, str, f"{where}.{item.name}")
            value = list(value)
        elif str(item.type) == "dict[str, str]":
            _expect(value, dict, f"{where}.{item.name}")
            value = {str(key): _expect(entry, str, f"{where}.{item.name}.{key}") for key, entry in value.items()}
        elif str(item.type) == "list[Memory]":
            value = [_build(Memory, entry, f"{where}.{item.name}") for entry in _expect(value, list, f"{where}.{item.name}")]
        values[item.name] = value
    return cls(**values)


def _side_from_dict(data: dict[str, Any]) -> SideState:
    side = SideState(side=_get(data, "side", str))
    for item in fields(SideState):
        name = item.name
        if name == "side":
            continue
        if name not in data:
            if name in _OPTIONAL_SIDE_FIELDS:
                continue  # written only when not the default (and absent from older saves)
            raise KeyError(f"missing sides.{side.side}.{name}")
        value = data[name]
        where = f"sides.{side.side}.{name}"
        if name == "programs":
            _expect(value, dict, where)
            value = {key: _build(Program, entry, f"{where}.{key}") for key, entry in value.items()}
        elif name == "crew":
            value = [_build(CrewMember, entry, where) for entry in _expect(value, list, where)]
        elif name == "scheduled":
            value = [_build(ScheduledMission, entry, where) for entry in _expect(value, list, where)]
        elif name in ("pending", "waiting", "briefing"):
            value = [_build(Pending, entry, where) for entry in _expect(value, list, where)]
        elif name == "characters":
            _expect(value, dict, where)
            value = {key: _build(CharacterState, entry, f"{where}.{key}") for key, entry in value.items()}
        elif name == "followups":
            value = [_build(FollowUp, entry, where) for entry in _expect(value, list, where)]
        elif name == "promises":
            value = [_build(PromiseState, entry, where) for entry in _expect(value, list, where)]
        elif name == "stations":
            value = [_build(Station, entry, where) for entry in _expect(value, list, where)]
        elif name == "in_flight":
            value = [_build(InFlight, entry, where) for entry in _expect(value, list, where)]
        elif name == "in_service":
            value = [_build(InService, entry, where) for entry in _expect(value, list, where)]
        elif name == "flags":
            value = [_expect(entry, str, where) for entry in _expect(value, list, where)]
        elif name in ("fired", "flights", "achieved", "ledger", "variables"):
            _expect(value, dict, where)
            value = {str(key): _expect(entry, int, f"{where}.{key}") for key, entry in value.items()}
        elif name == "history":
            value = [
                {str(key): _expect(number, int, where) for key, number in _expect(entry, dict, where).items()}
                for entry in _expect(value, list, where)
            ]
        else:
            value = _expect(value, _SCALARS[str(item.type)], where)
        setattr(side, name, value)
    return side
