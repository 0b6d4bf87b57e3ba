"""Where spare money does good: when more is unspent than can carry into next year, the budget screens and the
`end` warning name concrete uses for it (surer hardware for the flights booked, another craft at work, insight
into the rival, schooling, a pad), each with the order that does it. Shared by both front ends."""

from __future__ import annotations

from dataclasses import dataclass, replace

from game.engine import ai, choices, economy, missions, research, rules, turn, view
from game.engine.defs import Content, MissionType
from game.engine.orders import ScheduleMission
from game.engine.state import GameState, Program

from .text import gains_words

MOST_HINTS = 4  # a short list: the best few uses, not a catalogue


@dataclass(frozen=True, slots=True)
class Use:
    order: str  # what to type ("fund saturn_v 750")
    why: str  # what it does ("Saturn V 84% → 89% reliable")


def spare(state: GameState, content: Content, side: str) -> int:
    """$M of this year's money that would go back to the treasury if the year ended now."""
    return max(state.sides[side].funds - economy.carry_over(state, content, side), 0)


def uses(state: GameState, content: Content, side: str) -> list[Use]:
    """The best few uses of spare money this year, most useful first (empty when nothing would be lost)."""
    money = spare(state, content, side)
    if money <= 0 or state.over:
        return []
    found = (_development(state, content, side, money) + _reliability(state, content, side, money)
             + _services(state, content, side) + _others(state, side, money))
    return found[:MOST_HINTS]


def _development(state: GameState, content: Content, side: str, money: int) -> list[Use]:
    """The programs the flights booked and the open firsts need (the cheapest path to each, as the AI weighs them;
    the grandest prizes too) that are not ready yet: one this year's money can finish, one it brings closer, or one
    still to start. A program nothing open needs (one a choice passed over, one a better path replaces) is never
    named."""
    own = state.sides[side]
    found: list[Use] = []
    for hardware_id, (mission, path) in _needed(state, content, side).items():
        hardware, program = content.hardware[hardware_id], own.programs.get(hardware_id)
        if program is None:
            if (research.why_cannot_start(state, content, side, hardware_id) is None and hardware.start_cost <= money
                    and not _started_instead(state, content, side, mission, path, hardware_id)):
                found.append(Use(f"start {hardware_id}", f"{hardware.name} (${hardware.start_cost}M to start) is what "
                                                         f"{_lower(mission.name)} needs"))
        else:
            left = research.development_left(hardware, program) - program.funding
            if left <= 0:
                continue
            amount = min(left, money)
            found.append(Use(f"fund {hardware_id} {program.funding + amount}",
                             f"{hardware.name} finishes its development and can fly next year" if amount == left else
                             f"{hardware.name} is ${left}M from ready, for {_lower(mission.name)}: this brings it ${amount}M "
                             "closer"))
        if len(found) == 2:
            break
    return found


def _needed(state: GameState, content: Content, side: str) -> dict[str, tuple[MissionType, tuple[str, ...]]]:
    """Each program not yet operational that a path needs, with the first mission (and its path) it is for, in
    order: the flights booked, the open firsts best worth their cost, then the greatest prizes (years of work)."""
    own = state.sides[side]
    paths: list[tuple[str, tuple[str, ...]]] = [(item.mission, (item.rocket, item.craft, item.lander))
                                               for item in own.scheduled]
    found = ai.goals(state, content, side)
    grand = sorted(found, key=lambda goal: (-goal.value, goal.mission.id))[:2]
    paths += [(goal.mission.id, goal.path) for goal in found[:6] + grand]
    needed: dict[str, tuple[MissionType, tuple[str, ...]]] = {}
    for mission_id, path in paths:
        mission = content.missions.get(mission_id)
        for hardware_id in path:
            hardware = content.hardware.get(hardware_id) if hardware_id else None
            if hardware is None or mission is None:
                continue
            for wanted in (*hardware.requires, hardware_id):
                if not research.is_operational(content.hardware[wanted], own.programs.get(wanted)):
                    needed.setdefault(wanted, (mission, path))
    return needed


def _started_instead(state: GameState, content: Content, side: str, mission: MissionType, path: tuple[str, ...],
                     hardware_id: str) -> bool:
    """Whether a program the side has begun already could take this one's place on the path: a new start is not
    suggested then (Juno I after a choice for Vanguard, which has the lift; the other way round as well)."""
    own, new = state.sides[side], content.hardware[hardware_id]
    craft = next((content.hardware[part] for part in path if part and content.hardware[part].kind != "rocket"
                  and content.hardware[part].kind != "lander"), None)
    for program_id in own.programs:
        other = content.hardware.get(program_id)
        if other is None or program_id == hardware_id or other.kind != new.kind or other.side != side:
            continue
        if new.kind == "rocket":
            lift = max(mission.min_lift, craft.mass if craft else 0)
            if other.lift >= lift and (craft is None or not craft.rockets or program_id in craft.rockets):
                return True
        elif new.kind == "lander" or (other.kind in mission.craft and other.seats >= mission.crew_min
                                      and all(need in other.capabilities for need in mission.needs)):
            return True
    return False


def _lower(name: str) -> str:
    return name[:1].lower() + name[1:]


def _reliability(state: GameState, content: Content, side: str, money: int) -> list[Use]:
    """Research beyond development makes surer the hardware of the flights booked, and of the best flights open
    for the firsts still to win: the flights worth most first."""
    own = state.sides[side]
    wanted = [hid for item in own.scheduled for hid in (item.rocket, item.craft, item.lander) if hid]
    open_flights: list[tuple[int, str, tuple[str, ...]]] = []
    for mission_id in sorted(content.missions):
        mission = content.missions[mission_id]
        if missions.why_not_available(state, content, side, mission):
            continue
        prize = ai.milestone_value(state, content, side, mission) - mission.prestige
        best = missions.best_hardware(state, content, side, mission)
        if prize > 0 and not isinstance(best, str):
            open_flights.append((-prize, mission_id, tuple(hid for hid in best if hid)))
    wanted += [hid for _, _, path in sorted(open_flights) for hid in path]
    found: list[Use] = []
    for hardware_id in dict.fromkeys(wanted):
        hardware, program = content.hardware.get(hardware_id), own.programs.get(hardware_id)
        if hardware is None or program is None or not research.is_operational(hardware, program):
            continue
        now = research.reliability(hardware, _with_research(program, program.funding))  # this year's counts too
        amount = min(money, max(hardware.research_scale, 10))
        after = research.reliability(hardware, _with_research(program, program.funding + amount))
        if after - now >= 10:
            found.append(Use(f"fund {hardware_id} {program.funding + amount}",
                             f"{hardware.name} {now / 10:.1f}% → {after / 10:.1f}% reliable from next year"))
        if len(found) == 2:
            break
    return found


def _with_research(program: Program, extra: int) -> Program:
    return replace(program, research=program.research + extra)


def _services(state: GameState, content: Content, side: str) -> list[Use]:
    """Missions whose craft keep paying once they work, with room for another at work."""
    own = state.sides[side]
    found: list[Use] = []
    for mission_id in sorted(content.missions):
        mission = content.missions[mission_id]
        term = mission.service
        if term is None or turn.why_not_booked(state, content, ScheduleMission(side=side, mission=mission_id, month=0)):
            continue  # the order suggested must pass every rule the booking does (a missing first, crew, a month)
        at_work = sum(1 for item in own.in_service if item.mission == mission_id and item.until > state.year)
        booked = sum(1 for item in own.scheduled if item.mission == mission_id)
        if term.most and at_work + booked >= term.most:
            continue
        pays = ", ".join(gains_words(term.support, term.budget, term.prestige))
        room = f" ({at_work} of {term.most} at work)" if term.most else ""
        name = mission.name[0].lower() + mission.name[1:]
        article = "an" if name[0] in "aeiou" else "a"
        found.append(Use(f"schedule {mission_id}",
                         f"{article} {name} pays {pays} a year for {term.years} years once it works{room}"))
    return found[:2]


def _others(state: GameState, side: str, money: int) -> list[Use]:
    own = state.sides[side]
    found: list[Use] = []
    if money < 20:
        return found
    level = min((own.intelligence_total + own.intelligence) // rules.INTEL_PER_LEVEL, rules.INTEL_MAX_LEVEL)
    if level < rules.INTEL_MAX_LEVEL:
        found.append(Use(f"fund intelligence {own.intelligence + min(rules.INTEL_PER_LEVEL, money)}",
                         f"sharper estimates of the rival's programmes (now ±{view.estimate_error(level)}%)"))
    if (own.education_total + own.education) // rules.EDUCATION_PER_BONUS < rules.EDUCATION_BONUS_CAP:
        found.append(Use(f"fund education {own.education + min(100, money)}",
                         "every research dollar goes a little further, for good"))
    if len(own.scheduled) >= choices.capacity(own) and money >= rules.PAD_COST:
        found.append(Use("build pad", f"room for {rules.LAUNCHES_PER_PAD} more launches a year (${rules.PAD_COST}M)"))
    return found
