"""Missions: what a side may fly and when, and flying it step by step, claiming its firsts. Each step's chance and a
loadout's cost are in chances.py; which rocket, craft and crew can fly it in loadouts.py."""

from __future__ import annotations

import dataclasses
import re

from . import crew as crew_rules
from . import cruise, launch, rules, service
from .defs import MONTHS, Content, MissionType, Step, rival_of
from .outcomes import (
    Changed,
    MilestoneClaimed,
    MissionFlew,
    Outcome,
    ProgramGrounded,
    StepResult,
)
from .rng import Rng
from .context import EvalContext
from .chances import Loadout, current_station, hardware_for, step_chance
# the chances and the hardware and crew choice live in their own modules; callers may keep asking this one
from .chances import clamp_chance, mission_cost, overall_chance, raw_step_chances, step_chances
from .loadouts import (
    DESTINATIONS, best_crew, best_hardware, busy_crew, craft_fits, no_craft_reason, why_not_crew, why_not_hardware,
)
from .state import Claim, CrewMember, GameState, InFlight, ScheduledMission, Station

__all__ = [
    "DESTINATIONS", "Loadout", "arrive", "best_crew", "best_hardware", "busy_crew", "claim", "clamp_chance",
    "could_claim", "craft_fits", "current_station", "describe_condition", "fly", "hardware_for", "hoped_state",
    "mission_cost", "no_craft_reason", "overall_chance", "partner_booked", "partner_month", "raw_step_chances",
    "station_ahead", "step_chance", "step_chances", "still_needed", "why_not_available", "why_not_crew",
    "why_not_hardware", "why_scrubbed",
]


def station_ahead(state: GameState, content: Content, side: str, month: int = 13) -> bool:
    """A station of the side's is in orbit, or one is scheduled to go up before `month` this year."""
    if current_station(state, side) is not None:
        return True
    return any(content.missions[item.mission].station == "launch" and item.month < month
               for item in state.sides[side].scheduled)


def why_not_available(
    state: GameState, content: Content, side: str, mission: MissionType, month: int = 13
) -> str | None:
    """Why the side may not fly this mission type this year (hardware aside), or None. A station visit may be
    scheduled after a station launch earlier in the same year; it is scrubbed if that launch fails."""
    if side not in mission.sides:
        return f"{mission.name} is not flown by this side"
    if state.year < mission.available:
        return f"{mission.name} cannot be flown before {mission.available}"
    if mission.requires is not None and not mission.requires(EvalContext(state, content, side)):
        hoped = hoped_state(state, content, side, month)
        if hoped is None or not mission.requires(EvalContext(hoped, content, side)):
            return f"{mission.name} needs {describe_condition(mission.requires_text, content)}"
    if mission.station == "visit" and not station_ahead(state, content, side, month):
        return f"{mission.name} needs a station of yours in orbit, or a station launch earlier in the year"
    months = mission.window_months(state.year)
    if not months:
        upcoming = mission.next_window(state.year)
        after = f"; the next opens in {MONTHS[upcoming[1] - 1]} {upcoming[0]}" if upcoming else ""
        return f"there is no launch window for {mission.name} in {state.year}{after}"
    return launch.too_late(state, mission, months[0])


def hoped_state(state: GameState, content: Content, side: str, month: int) -> GameState | None:
    """The state as it would be if the side's flights booked before `month` this year all won what they can
    claim (None when none is booked): a flight may be booked after one it depends on, and is scrubbed if that
    one fails."""
    own = state.sides[side]
    hoped = dict(own.achieved)
    for item in own.scheduled:
        if item.month < month:
            for step in content.missions[item.mission].steps if item.mission in content.missions else ():
                for milestone_id in step.claims:
                    hoped.setdefault(milestone_id, state.year)
    if len(hoped) == len(own.achieved):
        return None
    sides = {key: dataclasses.replace(value, achieved=hoped) if key == side else value
             for key, value in state.sides.items()}
    return dataclasses.replace(state, sides=sides)


def still_needed(state: GameState, content: Content, side: str, mission: MissionType) -> bool:
    """A backup flight is still needed: some first it could claim (not one that depends on the crew) is not won."""
    own = state.sides[side]
    return any(milestone_id not in own.achieved and content.milestones[milestone_id].condition is None
               for step in mission.steps for milestone_id in step.claims if milestone_id in content.milestones)


_CALL = re.compile(r"\b(achieved|rival_achieved|first|claimed|flag|rival_flag|operational|has_program)\('([a-z0-9_]+)'\)")
_NEVER_FLOWN = re.compile(r"flights\('(\w+)'\)\s*==\s*0")  # "no Joint docking flight flown yet"


def describe_condition(text: str, content: Content) -> str:
    """A condition in words a player reads: achieved('docking') → “First docking in orbit”."""

    def name(kind: str, item: str) -> str:
        if kind in ("flag", "rival_flag"):
            return item.replace("_", " ")
        table = content.hardware if kind in ("operational", "has_program") else content.milestones
        found = table.get(item)
        return f"\u201c{found.name}\u201d" if found else item

    phrases = {
        "achieved": "your own {}", "rival_achieved": "the rival's {}", "first": "being first to {}", "claimed": "anyone's {}",
        "flag": "the decision: {}", "rival_flag": "the rival's decision: {}", "operational": "{} operational",
        "has_program": "the {} program",
    }
    def never_flown(match: re.Match[str]) -> str:
        mission = content.missions.get(match.group(1))
        return f"no {mission.name if mission else match.group(1)} flown yet"

    text = _NEVER_FLOWN.sub(never_flown, text)
    return _CALL.sub(lambda match: phrases[match.group(1)].format(name(match.group(1), match.group(2))), text)


def partner_month(state: GameState, side: str, mission_id: str) -> int:
    """The month the rival has its half of this joint flight booked this year (0: not booked)."""
    return next((other.month for other in state.sides[rival_of(side)].scheduled if other.mission == mission_id), 0)


def partner_booked(state: GameState, side: str, mission_id: str, month: int = 0) -> bool:
    """The rival has its half of this joint flight booked this year (for this month, unless month is 0)."""
    return any(other.mission == mission_id and (not month or other.month == month)
               for other in state.sides[rival_of(side)].scheduled)


def why_scrubbed(state: GameState, content: Content, side: str, item: ScheduledMission) -> str | None:
    """Why a scheduled mission cannot go up when its month comes (a grounding, a lost crew member)."""
    own = state.sides[side]
    for hardware_id in (item.rocket, item.craft, item.lander):
        if hardware_id and own.programs[hardware_id].grounded:
            return f"{content.hardware[hardware_id].name} is grounded"
    for crew_id in item.crew:
        member = own.crew_by_id(crew_id)
        if member is None or member.status != "active":
            name = member.name if member else crew_id
            return f"{name} can no longer fly"
    mission = content.missions[item.mission]
    if mission.station == "visit" and current_station(state, side) is None:
        return "there is no station in orbit to visit"
    if mission.requires is not None and not mission.requires(EvalContext(state, content, side)):
        return f"it needs {describe_condition(mission.requires_text, content)}, which the flight before it did not achieve"
    if mission.partner and not partner_booked(state, side, item.mission, item.month):
        return (f"the partner's ship is not booked for {MONTHS[item.month - 1]}, and a joint flight cannot fly "
                "alone")
    if item.backup and not still_needed(state, content, side, mission):
        return "stood down: it was the backup, and the firsts it could claim are already won"
    return None


def fly(
    state: GameState, content: Content, side: str, item: ScheduledMission, day: int, rng: Rng
) -> list[Outcome]:
    """Fly one mission: roll each step, claim milestones, and settle prestige, experience and losses. A probe
    with a cruise flies only to its departure now: it is kept in flight and the rest comes on arrival."""
    mission = content.missions[item.mission]
    own = state.sides[side]
    loadout = Loadout(item.rocket, item.craft, item.lander, tuple(item.crew))
    crew = [member for member in (own.crew_by_id(crew_id) for crew_id in item.crew) if member]
    bonus = launch.prep_bonus(state, content, mission, item.rocket, item.month)
    arrival = cruise.arrival_index(mission)
    outcomes: list[Outcome] = []
    result, failed_step, results = _roll(state, content, side, mission, loadout, crew, mission.steps[:arrival],
                                         item.month, bonus, rng, outcomes)
    if result == "success" and arrival < len(mission.steps):
        flight = cruise.depart(mission, item, state.year, day, bonus)
        own.in_flight.append(flight)
        return [MissionFlew(
            side=side, number=item.number, mission=mission.id, year=state.year, month=item.month, day=day,
            rocket=item.rocket, craft=item.craft, lander=item.lander, crew=tuple(item.crew), result="cruising",
            steps=tuple(results), prestige=0, arrives=(flight.arrives, flight.arrive_month),
        ), *outcomes]
    return _finish(state, content, side, mission, loadout, crew, item.number, item.month, day, result, failed_step,
                   results, outcomes)


def arrive(state: GameState, content: Content, side: str, flight: InFlight, rng: Rng) -> list[Outcome]:
    """A probe reaches its world: roll the steps from its arrival on, claim its firsts, dated now."""
    mission = content.missions[flight.mission]
    state.sides[side].in_flight.remove(flight)
    loadout = Loadout(flight.rocket, flight.craft, "", ())
    outcomes: list[Outcome] = []
    result, failed_step, results = _roll(state, content, side, mission, loadout, [], mission.steps[flight.step:],
                                         flight.arrive_month, flight.bonus, rng, outcomes)
    return _finish(state, content, side, mission, loadout, [], flight.number, flight.arrive_month, flight.arrive_day,
                   result, failed_step, results, outcomes, launched=(flight.launched, flight.launch_month))


def _roll(
    state: GameState, content: Content, side: str, mission: MissionType, loadout: Loadout, crew: list[CrewMember],
    steps: tuple[Step, ...], month: int, bonus: int, rng: Rng, outcomes: list[Outcome],
) -> tuple[str, Step | None, list[StepResult]]:
    """Roll steps in order until one fails: (result, the failed step, each step's result); claims go to outcomes."""
    results: list[StepResult] = []
    for step in steps:
        chance = step_chance(state, content, side, step, loadout, crew, bonus)
        if rng.below(1000) < chance:
            results.append(StepResult(step=step.id, name=step.name, chance=chance, passed=True))
            for member in crew:
                crew_rules.gain_flight_skill(member, step.skill)
            for milestone_id in step.claims:
                outcomes.extend(claim(state, content, side, milestone_id, month, mission.id, crew))
            for milestone_id in step.claims_second:
                if state.first_claim(milestone_id) is not None:
                    outcomes.extend(claim(state, content, side, milestone_id, month, mission.id, crew))
            continue
        mode = rng.weighted([(name, step.failure.get(name, 0)) for name in ("abort", "partial", "catastrophe")])
        results.append(StepResult(step=step.id, name=step.name, chance=chance, passed=False, mode=mode))
        return {"abort": "failure", "partial": "partial", "catastrophe": "catastrophe"}[mode], step, results
    return "success", None, results


def _finish(
    state: GameState, content: Content, side: str, mission: MissionType, loadout: Loadout, crew: list[CrewMember],
    number: int, month: int, day: int, result: str, failed_step: Step | None, results: list[StepResult],
    outcomes: list[Outcome], launched: tuple[int, int] | tuple[()] = (),
) -> list[Outcome]:
    """Experience, prestige, stations and losses once a flight is over, and its report."""
    own = state.sides[side]
    _record_experience(state, side, loadout, failed_step)
    for member in crew:
        member.flights += 1
    prestige = _settle(state, content, side, mission, loadout, crew, result, failed_step, month, outcomes)
    if result == "success":
        own.flights[mission.id] = own.flights.get(mission.id, 0) + 1
        if mission.station == "launch":
            own.stations.append(Station(number=own.next_station, craft=loadout.craft, launched=state.year))
            own.next_station += 1
        elif mission.station == "visit":
            station = current_station(state, side)
            if station is not None:
                station.visits += 1
        outcomes.extend(service.enter(state, content, side, mission, loadout.craft, number, launched[0] if launched else 0))
    flew = MissionFlew(
        side=side, number=number, mission=mission.id, year=state.year, month=month, day=day,
        rocket=loadout.rocket, craft=loadout.craft, lander=loadout.lander, crew=loadout.crew, result=result,
        steps=tuple(results), prestige=prestige, launched=launched,
    )
    return [flew, *outcomes]


def _record_experience(state: GameState, side: str, loadout: Loadout, failed: Step | None) -> None:
    """Every program aboard gains a flight; the program whose step failed (the station's, perhaps) records the
    failure instead of a success."""
    own = state.sides[side]
    failed_id = hardware_for(state, side, failed.uses, loadout) if failed else ""
    for hardware_id in (loadout.rocket, loadout.craft, loadout.lander):
        if not hardware_id:
            continue
        program = own.programs[hardware_id]
        program.flights += 1
        if hardware_id == failed_id:
            program.failures += 1
        else:
            program.successes += 1
    if failed_id and failed_id not in (loadout.rocket, loadout.craft, loadout.lander):
        own.programs[failed_id].failures += 1


def _settle(
    state: GameState, content: Content, side: str, mission: MissionType, loadout: Loadout,
    crew: list[CrewMember], result: str, failed: Step | None, month: int, outcomes: list[Outcome],
) -> int:
    """Prestige, support, groundings and crew losses for the flight's result; returns the prestige change."""
    own = state.sides[side]
    # the world tires of repeats: each earlier success of the same mission type shrinks the applause
    applause = mission.prestige * rules.REPEAT_INTEREST // (rules.REPEAT_INTEREST + own.flights.get(mission.id, 0))
    if result == "success":
        prestige = applause
    elif result == "partial":
        prestige = applause // 2
    elif result == "failure":
        prestige = -rules.FAILURE_PRESTIGE
    else:
        prestige = -(rules.CATASTROPHE_PRESTIGE if crew else rules.UNCREWED_LOSS_PRESTIGE)
    own.prestige += prestige
    if result != "catastrophe" or failed is None:
        return prestige
    hardware_id = hardware_for(state, side, failed.uses, loadout)
    if hardware_id:
        own.programs[hardware_id].grounded = True
        outcomes.append(ProgramGrounded(side=side, program=hardware_id, cause=mission.id))
    if crew:
        own.catastrophes += 1
        before = own.support
        own.support = max(own.support - rules.CATASTROPHE_SUPPORT, rules.SUPPORT_MIN)
        outcomes.append(Changed(side=side, what="support", amount=own.support - before, cause="catastrophe",
                                value=own.support))
        for member in crew:
            outcomes.append(crew_rules.kill(state, side, member, mission.id, month))
    return prestige


def could_claim(state: GameState, content: Content, side: str, milestone_id: str, mission: MissionType, craft_id: str) -> bool:
    """The milestone's condition can hold on this mission in this craft with the fullest crew it seats (as many
    women as the corps has ready): Mercury's one seat never wins "First multi-person crew"."""
    milestone = content.milestones[milestone_id]
    if milestone.condition is None:
        return True
    craft = content.hardware.get(craft_id)
    seats = min(craft.seats if craft else 0, mission.crew_max)
    women = sum(1 for member in state.sides[side].active_crew(state.year) if member.woman)
    return bool(milestone.condition(EvalContext(state, content, side, crew_size=seats, crew_women=min(seats, women))))


def claim(
    state: GameState, content: Content, side: str, milestone_id: str, month: int, mission_id: str,
    crew: list[CrewMember],
) -> list[Outcome]:
    """Claim a milestone if its condition holds for this flight and this side has not got it yet."""
    milestone = content.milestones[milestone_id]
    own = state.sides[side]
    if milestone_id in own.achieved:
        return []
    if milestone.condition is not None:
        context = EvalContext(
            state, content, side, crew_size=len(crew), crew_women=sum(1 for member in crew if member.woman)
        )
        if not milestone.condition(context):
            return []
    first = state.first_claim(milestone_id) is None
    prestige = milestone.prestige_first if first else milestone.prestige_second
    own.achieved[milestone_id] = state.year
    own.prestige += prestige
    state.claims.append(Claim(milestone=milestone_id, side=side, year=state.year, month=month, first=first, mission=mission_id))
    return [
        MilestoneClaimed(
            side=side, milestone=milestone_id, year=state.year, month=month, first=first, prestige=prestige, mission=mission_id
        )
    ]
