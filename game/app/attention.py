"""What needs the side's attention this year, each with the place it is fixed: money that would be lost, no flight
booked, programs in development without money, the open firsts and what they still need. Both front ends show the
same items: the window links each to its screen, the terminal names the command."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import missions, research, turn
from game.engine.defs import Content
from game.engine.orders import ScheduleMission
from game.engine.state import GameState

from . import spare_money
from .text import crew_list, crew_names, joined
from .views import plan, plural

MOST_FIRSTS = 6  # the open firsts shown: the soonest in history


@dataclass(frozen=True, slots=True)
class Place:
    """Where something is fixed: a screen (programs, missions, budget, decision, race) and what to select on it
    (a program, a mission type, an event; a booking's number on Missions)."""

    screen: str
    id: str = ""
    number: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    label: str  # the thing's name ("Atlas")
    place: Place


@dataclass(frozen=True, slots=True)
class Attention:
    fact: str  # what is the matter ("1 program in development with no money this year (Vanguard)")
    action: str  # what to do about it ("fund it")
    where: str  # the screen it is done on ("programs"); each front end names it its own way
    tone: str  # warn | info
    place: Place  # where the whole item leads
    links: tuple[Link, ...] = ()  # every thing the fact names, each to its own place
    command: str = ""  # what the terminal types to see it ("programs", "budget")

    def words(self, where: str) -> str:
        """The sentence, with the place named by the front end: "…: fund it on Programs (F4)."."""
        return f"{self.fact}: {self.action} {where}."


def terminal_words(item: Attention) -> str:
    return item.words(f"('{item.command}' shows it)" if item.command else "")


@dataclass(frozen=True, slots=True)
class OpenFirst:
    """A milestone nobody has claimed, with history's date, and the side's mission that could claim it."""

    milestone: str
    name: str
    when: str  # "1961 USSR": when and by whom it really happened
    mission: str  # the mission type that claims it ("" when this side has none)
    mission_name: str
    ready: bool  # the mission could be booked now
    chance: int  # per-mille with the best hardware and crew (0 when not ready)
    reason: str  # why it cannot be booked now ("" when ready)
    needs: tuple[Link, ...]  # the programs the reason names that want starting or money, each to Programs
    soon: bool = False  # every program the reason names is funded to be ready next year
    any_one: bool = False  # the needs are alternatives: any one of them will do (else all of them are needed)

    @property
    def needs_words(self) -> str:
        """"Mercury, Gemini or Apollo CSM" when any one will do; "Saturn V and Apollo CSM" when all are needed."""
        return joined((link.label for link in self.needs), "or" if self.any_one else "and")


def programs_named(content: Content, side: str, text: str) -> tuple[str, ...]:
    """The side's programs a sentence names, in the order it names them; at one place the longest name wins
    ("Atlas-Agena", not "Atlas")."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    candidates = sorted(((hardware.name, hardware_id) for hardware_id, hardware in content.hardware.items()
                         if hardware.side == side and hardware.name), key=lambda item: (-len(item[0]), item[1]))
    for name, hardware_id in candidates:  # determinism: longest names first, ties by id
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            whole = not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-")
            if whole and not any(start < stop and end > begin for begin, stop in taken):
                taken.append((start, end))
                found.append((start, hardware_id))
                break
            start = text.find(name, start + 1)
    return tuple(hardware_id for _, hardware_id in sorted(found))


def program_links(content: Content, side: str, text: str) -> tuple[Link, ...]:
    return tuple(Link(content.hardware[hardware_id].name, Place("programs", hardware_id))
                 for hardware_id in programs_named(content, side, text))


def alternatives(state: GameState, content: Content, side: str, mission_id: str, reason: str) -> bool:
    """Whether the programs a reason names are alternatives (any one of them would do): the reason is that no
    program of the side can be the mission's spacecraft (it lists those that could), or it names them joined by
    "or" ("Vostok flies on R-7 or Vostok-K …")."""
    mission = content.missions.get(mission_id)
    if mission is not None and reason == missions.no_craft_reason(state, content, side, mission):
        return True
    names = [content.hardware[hardware_id].name for hardware_id in programs_named(content, side, reason)]
    if len(names) < 2:
        return False
    between = reason[reason.find(names[0]) + len(names[0]):reason.rfind(names[-1])]
    return " or " in between and " and " not in between


def _waiting_on(state: GameState, content: Content, side: str, hardware_id: str) -> bool:
    """A program not started, or short of this year's money to finish its development."""
    program = state.sides[side].programs.get(hardware_id)
    return program is None or (not program.grounded and program.funding < research.development_left(
        content.hardware[hardware_id], program))


def mission_for(state: GameState, content: Content, side: str, milestone: str) -> str:
    """The side's mission type that claims a milestone: one that can be booked now if any, else the soonest."""
    claiming = [mission for mission in content.missions.values()
                if side in mission.sides and any(milestone in step.claims for step in mission.steps)]
    if not claiming:
        return ""
    def readiness(mission) -> tuple[int, int, str]:  # noqa: ANN001 - MissionType
        ready = not missions.why_not_available(state, content, side, mission) and not isinstance(
            plan(state, content, side, mission), str)
        return (0 if ready else 1, mission.available, mission.id)  # determinism: ties by id
    return min(claiming, key=readiness).id


def open_firsts(state: GameState, content: Content, side: str, most: int = MOST_FIRSTS) -> list[OpenFirst]:
    """Milestones nobody has claimed, by history's date (the soonest first): what to race for, and what it needs."""
    claimed = {claim.milestone for claim in state.claims}
    dated = sorted((milestone.history.date, milestone_id) for milestone_id, milestone in content.milestones.items()
                   if milestone_id not in claimed and milestone.history.date)
    found: list[OpenFirst] = []
    for date, milestone_id in dated[:most]:
        milestone = content.milestones[milestone_id]
        when = f"{date[:4]} {milestone.history.side.upper()}".strip()
        mission_id = mission_for(state, content, side, milestone_id)
        if not mission_id:
            found.append(OpenFirst(milestone_id, milestone.name, when, "", "", False, 0,
                                   "no mission of yours can claim it", ()))
            continue
        mission = content.missions[mission_id]
        reason = missions.why_not_available(state, content, side, mission) or ""
        planned = plan(state, content, side, mission) if not reason else reason
        if isinstance(planned, str):
            named = program_links(content, side, planned)
            needs = tuple(link for link in named if _waiting_on(state, content, side, link.place.id))
            found.append(OpenFirst(milestone_id, milestone.name, when, mission_id, mission.name, False, 0, planned,
                                   needs, bool(named) and not needs,
                                   alternatives(state, content, side, mission_id, planned)))
        else:
            found.append(OpenFirst(milestone_id, milestone.name, when, mission_id, mission.name, True, planned[1], "",
                                   ()))
    return found


def attention(state: GameState, content: Content, side: str) -> list[Attention]:
    """What to see to before the year ends, most costly first; empty when all is in hand."""
    own = state.sides[side]
    items: list[Attention] = []
    if state.over:
        return items  # no money to spend nor flight to book once the race has ended
    lost = spare_money.spare(state, content, side)
    if lost > max(own.budget // 20, 10):
        items.append(Attention(f"${lost}M would go back to the treasury at the year's end", "spend it", "budget",
                               "warn", Place("budget"), command="budget"))
    if not own.scheduled and own.funds > 0:
        bookable = (side in mission.sides
                    and not turn.why_not_booked(state, content, ScheduleMission(side=side, mission=mission.id, month=0))
                    for mission in content.missions.values())
        if any(bookable):  # only when the game would take a booking
            items.append(Attention("No flight is booked this year", "book one", "missions", "warn", Place("missions"),
                                   command="missions"))
    unfunded = [hardware_id for hardware_id, program in sorted(own.programs.items())
                if hardware_id in content.hardware and not program.funding and not program.grounded
                and research.development_left(content.hardware[hardware_id], program) > 0]
    if unfunded:
        names = ", ".join(content.hardware[hardware_id].name for hardware_id in unfunded)
        items.append(Attention(f"{plural(len(unfunded), 'program')} in development with no money this year ({names})",
                               f"fund {'it' if len(unfunded) == 1 else 'them'}", "programs", "warn",
                               Place("programs", unfunded[0]),
                               tuple(Link(content.hardware[hardware_id].name, Place("programs", hardware_id))
                                     for hardware_id in unfunded), command="programs"))
    grounded = [hardware_id for hardware_id, program in sorted(own.programs.items())
                if program.grounded and hardware_id in content.hardware]
    if grounded:
        names = ", ".join(content.hardware[hardware_id].name for hardware_id in grounded)
        items.append(Attention(f"Grounded for the rest of the year: {names}", "see why", "programs", "info",
                               Place("programs", grounded[0]),
                               tuple(Link(content.hardware[hardware_id].name, Place("programs", hardware_id))
                                     for hardware_id in grounded), command="programs"))
    for first in open_firsts(state, content, side, most=3):
        needs = first.needs
        if first.mission and not first.ready and needs:  # the soonest open first the side can do something for
            them = "it" if len(needs) == 1 else "one of them" if first.any_one else "them"
            items.append(Attention(f"{first.name} ({first.when} in history): {first.mission_name} needs "
                                   f"{first.needs_words}", f"start or fund {them}", "programs", "info",
                                   Place("missions", first.mission), needs, command="programs"))
            break
    return items


@dataclass(frozen=True, slots=True)
class Booking:
    """A flight booked this year, as the HQ's plan lists it: who flies it and its chance in its month."""

    number: int
    month: int
    mission_name: str
    chance: int  # per-mille as it would fly in its month with what is funded now (-1 when the content lost a part)
    crew: str  # "Ann Lee and Bo Ray"; "" when uncrewed
    place: Place
    crew_short: str = ""  # their surnames, where room is short: "Lee, Ray"


def bookings(state: GameState, content: Content, side: str) -> list[Booking]:
    found: list[Booking] = []
    for item in state.sides[side].scheduled:
        mission = content.missions.get(item.mission)
        if mission is None:
            continue
        chance = -1
        if not any(part and part not in content.hardware for part in (item.rocket, item.craft, item.lander)):
            loadout = missions.Loadout(item.rocket, item.craft, item.lander, tuple(item.crew))
            chance = missions.overall_chance(missions.step_chances(state, content, side, mission, loadout, item.month))
        names = crew_list(state, side, item.crew)
        found.append(Booking(item.number, item.month, mission.name, chance, crew_names(state, side, item.crew),
                             Place("missions", item.mission, item.number),
                             ", ".join(name.split()[-1] for name in names if name.split())))
    return found
