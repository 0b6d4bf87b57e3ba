"""Missions: what a side may fly, what it costs, each step's chance, and flying it step by step."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from . import crew as crew_rules
from . import cruise, launch, research, rules, service
from .defs import MONTHS, Content, Hardware, MissionType, Step, rival_of
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
from .state import Claim, CrewMember, GameState, InFlight, ScheduledMission, SideState, Station


@dataclass(frozen=True, slots=True)
class Loadout:
    """The hardware and crew a mission flies with."""

    rocket: str
    craft: str
    lander: str
    crew: tuple[str, ...]


def current_station(state: GameState, side: str) -> Station | None:
    """The side's newest station still in orbit and usable, if any."""
    usable = [
        station
        for station in state.sides[side].stations
        if state.year - station.launched < rules.STATION_LIFE_YEARS
    ]
    return usable[-1] if usable else None


def mission_cost(content: Content, mission: MissionType, loadout: Loadout) -> int:
    cost = mission.cost
    for hardware_id in (loadout.rocket, loadout.craft, loadout.lander):
        if hardware_id:
            cost += content.hardware[hardware_id].unit_cost
    return cost


def required_lift(content: Content, mission: MissionType, craft_id: str) -> int:
    craft = content.hardware.get(craft_id)
    return max(mission.min_lift, craft.mass if craft else 0)


def _flyable(content: Content, own: SideState, hardware_id: str) -> bool:
    hardware = content.hardware.get(hardware_id)
    program = own.programs.get(hardware_id)
    return hardware is not None and research.is_operational(hardware, program) and not program.grounded  # type: ignore[union-attr]


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


# capabilities that name where a probe goes
DESTINATIONS = {"moon": "the Moon", "venus": "Venus", "mars": "Mars", "mercury": "Mercury", "jupiter": "Jupiter"}


def why_not_hardware(
    state: GameState, content: Content, side: str, mission: MissionType, rocket_id: str, craft_id: str, lander_id: str
) -> str | None:
    """Why this rocket/craft/lander combination cannot fly the mission, or None."""
    own = state.sides[side]
    craft = content.hardware.get(craft_id)
    if craft is None or craft.side != side:
        return f"there is no spacecraft of yours called {craft_id!r}"
    if craft.kind not in mission.craft:
        return f"{craft.name} is a {craft.kind}; {mission.name} needs a {' or '.join(mission.craft)}"
    missing = [need for need in mission.needs if need not in craft.capabilities]
    places = [DESTINATIONS[need] for need in missing if need in DESTINATIONS]
    if places:
        return f"{craft.name} is not built to go to {' or '.join(places)}; {mission.name} needs a craft that is"
    if missing:
        return f"{craft.name} cannot do {', '.join(missing)}, which {mission.name} needs"
    if mission.crew_min > craft.seats:
        return f"{craft.name} has {craft.seats} seat(s); {mission.name} needs {mission.crew_min}"
    if not _flyable(content, own, craft_id):
        return _not_flyable_reason(content, own, craft)
    rocket = content.hardware.get(rocket_id)
    if rocket is None or rocket.side != side or rocket.kind != "rocket":
        return f"there is no rocket of yours called {rocket_id!r}"
    if not _flyable(content, own, rocket_id):
        return _not_flyable_reason(content, own, rocket)
    lift = required_lift(content, mission, craft_id)
    if rocket.lift < lift:
        return f"{rocket.name} lifts class {rocket.lift}; this mission needs class {lift}"
    if mission.lander:
        lander = content.hardware.get(lander_id)
        if lander is None or lander.side != side or lander.kind != "lander":
            return f"{mission.name} needs a lander"
        if not _flyable(content, own, lander_id):
            return _not_flyable_reason(content, own, lander)
    elif lander_id:
        return f"{mission.name} does not use a lander"
    return None


def _not_flyable_reason(content: Content, own: SideState, hardware: Hardware) -> str:
    program = own.programs.get(hardware.id)
    if program is None:
        return f"{hardware.name} has not been started"
    if program.grounded:
        return f"{hardware.name} is grounded for the rest of the year"
    left = research.development_left(hardware, program)
    if program.funding >= left:
        return f"{hardware.name} is still in development, funded to be ready next year"
    return f"{hardware.name} is still in development (${left}M of research to go)"


def best_hardware(
    state: GameState, content: Content, side: str, mission: MissionType, rocket: str = "", craft: str = "", lander: str = ""
) -> tuple[str, str, str] | str:
    """The flyable (rocket, craft, lander) with the best overall chance, keeping any the caller named,
    or the reason there is none."""
    own = state.sides[side]
    roles = (("rocket", rocket, ("rocket",)), ("craft", craft, mission.craft), ("lander", lander, ("lander",)))
    for role, given, kinds in roles:
        if given and (given not in content.hardware or content.hardware[given].kind not in kinds):
            return f"{given!r} is not a {' or '.join(kinds)}"
    def candidates(given: str, kinds: tuple[str, ...]) -> list[str]:
        return [given] if given else [hid for hid in sorted(own.programs) if content.hardware[hid].kind in kinds]

    crafts = candidates(craft, mission.craft)
    if not craft:
        fitting = [hid for hid in crafts if craft_fits(content.hardware[hid], mission)]
        if not fitting:
            return no_craft_reason(state, content, side, mission)
        crafts = fitting
    all_rockets = candidates(rocket, ("rocket",))
    landers = candidates(lander, ("lander",)) if mission.lander else [""]
    options: list[tuple[int, int, str, str, str]] = []  # (chance, cost, rocket, craft, lander)
    reason, nearest = "", 4  # the reason from the combination nearest to flying: the fewest parts not flyable
    for craft_id in crafts:
        for rocket_id in paired_rockets(content, craft_id, all_rockets, named=bool(rocket)):
            for lander_id in landers:
                why = why_not_hardware(state, content, side, mission, rocket_id, craft_id, lander_id)
                if why:
                    missing = sum(1 for part in (rocket_id, craft_id, lander_id) if part and not _flyable(content, own, part))
                    if missing < nearest:  # determinism: the first such combination in sorted order
                        reason, nearest = why, missing
                    continue
                loadout = Loadout(rocket_id, craft_id, lander_id, ())
                chance = overall_chance(step_chances(state, content, side, mission, loadout))
                options.append((chance, mission_cost(content, mission, loadout), rocket_id, craft_id, lander_id))
    if not options:
        return (_other_rocket_reason(state, content, side, mission, crafts, all_rockets, landers) if not rocket else "") \
            or reason or f"you have no operational hardware that can fly {mission.name}"
    # the cheapest of the near-best: a few tenths of a per cent are not worth a Moon rocket
    top = max(option[0] for option in options)
    chance, cost, rocket_id, craft_id, lander_id = min(
        (option for option in options if option[0] >= top - rules.CHANCE_MARGIN),
        key=lambda option: (option[1], -option[0], option[2], option[3], option[4]),  # determinism: total order
    )
    return rocket_id, craft_id, lander_id


def paired_rockets(content: Content, craft_id: str, rockets: list[str], named: bool = False) -> list[str]:
    """The rockets to try for a craft: those it really flew on, when it names them (a rocket the player named is
    always tried)."""
    craft = content.hardware.get(craft_id)
    if named or craft is None or not craft.rockets:
        return rockets
    return [rocket_id for rocket_id in rockets if rocket_id in craft.rockets]


def _other_rocket_reason(state: GameState, content: Content, side: str, mission: MissionType, crafts: list[str],
                         rockets: list[str], landers: list[str]) -> str:
    """When a craft's real rockets cannot fly it yet but another rocket could: say so, and how to name it."""
    for craft_id in crafts:
        paired = content.hardware[craft_id].rockets
        for rocket_id in rockets:
            if rocket_id in paired:
                continue
            if any(why_not_hardware(state, content, side, mission, rocket_id, craft_id, lander_id) is None
                   for lander_id in landers):
                craft = content.hardware[craft_id]
                real = " or ".join(content.hardware[item].name for item in paired if item in content.hardware)
                return (f"{craft.name} flies on {real} (its real rockets), and none of them can fly it yet; to fly it "
                        f"on another rocket, name it: rocket={rocket_id}")
    return ""


def craft_fits(craft: Hardware, mission: MissionType) -> bool:
    """The spacecraft is of a kind the mission flies, has every capability it needs and enough seats."""
    return (craft.kind in mission.craft and all(need in craft.capabilities for need in mission.needs)
            and craft.seats >= mission.crew_min)


def no_craft_reason(state: GameState, content: Content, side: str, mission: MissionType) -> str:
    """None of the side's programs can be the spacecraft: say which programs could."""
    could = [hardware.name for _, hardware in sorted(content.hardware.items())
             if hardware.side == side and craft_fits(hardware, mission)]
    if not could:
        return f"{mission.name} needs a spacecraft this side cannot build"
    shown = could[:4]
    names = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"  # any one of them will do
    return f"none of your programs can fly {mission.name}; start one that can: {names}"


def busy_crew(own: SideState, except_number: int = 0) -> set[str]:
    return {crew_id for item in own.scheduled if item.number != except_number for crew_id in item.crew}


def best_crew(state: GameState, content: Content, side: str, mission: MissionType, craft_id: str) -> tuple[str, ...] | str:
    """The strongest available crew for a mission (as many as seats allow, up to crew_max), or why none."""
    if mission.crew_min == 0:
        return ()
    own = state.sides[side]
    busy = busy_crew(own)
    skills = [step.skill for step in mission.steps if step.skill]
    free = [member for member in own.active_crew(state.year) if member.id not in busy]
    if len(free) < mission.crew_min:
        return f"{mission.name} needs {mission.crew_min} crew ready to fly; you have {len(free)} available"
    free.sort(key=lambda member: (-sum(member.skill(skill) for skill in skills), member.id))
    seats = min(max(mission.crew_max, mission.crew_min), content.hardware[craft_id].seats)
    return tuple(member.id for member in free[:seats])


def why_not_crew(
    state: GameState, content: Content, side: str, mission: MissionType, craft_id: str, crew_ids: tuple[str, ...], number: int = 0
) -> str | None:
    own = state.sides[side]
    if mission.crew_min == 0:
        return f"{mission.name} flies without crew" if crew_ids else None
    seats = min(max(mission.crew_max, mission.crew_min), content.hardware[craft_id].seats)
    if not mission.crew_min <= len(crew_ids) <= seats:
        return f"{mission.name} on {content.hardware[craft_id].name} takes {mission.crew_min}–{seats} crew, not {len(crew_ids)}"
    if len(set(crew_ids)) != len(crew_ids):
        return "the same crew member is named twice"
    busy = busy_crew(own, number)
    for crew_id in crew_ids:
        member = own.crew_by_id(crew_id)
        if member is None:
            return f"there is no crew member {crew_id!r}"
        if member.status != "active":
            return f"{member.name} is {member.status} and cannot fly"
        if member.joined >= state.year:
            return f"{member.name} is still a candidate in training until next year"
        if crew_id in busy:
            return f"{member.name} is already assigned to another mission this year"
    return None


def step_chance(
    state: GameState, content: Content, side: str, step: Step, loadout: Loadout, crew: list[CrewMember], bonus: int = 0,
) -> int:
    """Per-mille chance the step works: the hardware's reliability, less difficulty, plus crew skill and what extra
    preparation on the pad adds (`bonus`)."""
    return clamp_chance(raw_step_chance(state, content, side, step, loadout, crew) + bonus)


def raw_step_chance(state: GameState, content: Content, side: str, step: Step, loadout: Loadout,
                    crew: list[CrewMember]) -> int:
    """The step's chance before preparation's bonus and the bounds every chance keeps (see clamp_chance)."""
    own = state.sides[side]
    # before the station is up (a visit planned in its launch year), judge by the visiting craft
    hardware_id = hardware_for(state, side, step.uses, loadout) or loadout.craft
    hardware = content.hardware.get(hardware_id)
    program = own.programs.get(hardware_id)
    base = research.reliability(hardware, program) if hardware else 0
    chance = base - step.difficulty
    if step.skill and crew:
        average = sum(member.skill(step.skill) for member in crew) // len(crew)
        chance += (average - 50) * rules.CREW_SKILL_WEIGHT
    return chance


def clamp_chance(chance: int) -> int:
    return min(max(chance, rules.MIN_STEP_CHANCE), rules.MAX_STEP_CHANCE)


def raw_step_chances(state: GameState, content: Content, side: str, mission: MissionType, loadout: Loadout) -> list[int]:
    own = state.sides[side]
    crew = [member for member in (own.crew_by_id(crew_id) for crew_id in loadout.crew) if member]
    return [raw_step_chance(state, content, side, step, loadout, crew) for step in mission.steps]


def step_chances(
    state: GameState, content: Content, side: str, mission: MissionType, loadout: Loadout, month: int = 0,
) -> list[int]:
    """Each step's chance for this loadout, launched in `month` (0: as early as the rules allow)."""
    bonus = launch.prep_bonus(state, content, mission, loadout.rocket, month) if month else 0
    return [clamp_chance(chance + bonus) for chance in raw_step_chances(state, content, side, mission, loadout)]


def overall_chance(chances: list[int]) -> int:
    total = 1000
    for chance in chances:
        total = total * chance // 1000
    return total


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


def hardware_for(state: GameState, side: str, uses: str, loadout: Loadout) -> str:
    """The program a step rolls against: the flight's rocket, craft or lander, or the station in orbit."""
    if uses == "station":
        station = current_station(state, side)
        return station.craft if station else ""
    return {"rocket": loadout.rocket, "craft": loadout.craft, "lander": loadout.lander}.get(uses, "")


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
