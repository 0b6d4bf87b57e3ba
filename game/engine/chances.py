"""Each step's chance and a flight's loadout: the hardware a step rolls against (the flight's rocket, craft or
lander, or the station in orbit), its reliability less the step's difficulty, the crew's skill and what extra
preparation adds; what a loadout costs."""

from __future__ import annotations

from dataclasses import dataclass

from . import launch, research, rules
from .defs import Content, MissionType, Step
from .state import CrewMember, GameState, Station


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


def hardware_for(state: GameState, side: str, uses: str, loadout: Loadout) -> str:
    """The program a step rolls against: the flight's rocket, craft or lander, or the station in orbit."""
    if uses == "station":
        station = current_station(state, side)
        return station.craft if station else ""
    return {"rocket": loadout.rocket, "craft": loadout.craft, "lander": loadout.lander}.get(uses, "")


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
