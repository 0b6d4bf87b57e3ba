"""The choices a flight can be booked with: every rocket and spacecraft that can fly a mission, the crew free to
fly it, and the plan (each step's chance, the cost) for whichever the player picks. The best of each is what the
planner shows when nothing is chosen; both front ends book a choice with the ordinary ScheduleMission.

The best vehicle is the best value among those within five points of the highest chance (BEST_MARGIN): the least
money for each success (cost ÷ chance), so a Saturn V at 98 % for $250M is not "best" for a weather satellite a
Delta flies at 94 % for $12M, while a vehicle five points or more behind is never preferred for its price."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from game.engine import missions
from game.engine.defs import Content, MissionType
from game.engine.state import GameState

from .views import MissionPlan, MissionRow, crew_risk, launch_timing, mission_rows, open_prizes


@dataclass(frozen=True, slots=True)
class HardwareOption:
    rocket: str
    craft: str
    lander: str
    label: str  # "Atlas / Mercury" (+ " + Apollo LM")
    chance: int  # per-mille overall, with the best free crew for this craft
    cost: int
    best: bool  # the best (see best_of): what the planner shows when none is chosen


@dataclass(frozen=True, slots=True)
class CrewOption:
    id: str
    name: str
    skill: int  # the sum of the skills the mission's steps use (what ranks the best crew)
    flights: int


def seats(content: Content, mission: MissionType, craft: str) -> int:
    """How many may fly: the mission's crew, up to the craft's seats."""
    if not mission.crew_min or craft not in content.hardware:
        return 0
    return min(max(mission.crew_max, mission.crew_min), content.hardware[craft].seats)


BEST_MARGIN = 50  # per-mille: vehicles this close to the highest chance compete on price (the module's docstring)


def best_of(options: Sequence[HardwareOption]) -> HardwareOption | None:
    """The best vehicle: among those within BEST_MARGIN of the highest chance, the least money for each success
    (cost ÷ chance); then the higher chance, then by ids."""
    if not options:
        return None
    top = max(option.chance for option in options)
    near = [option for option in options if option.chance >= top - BEST_MARGIN]
    # cost per success compared without division (a × d < c × b), integers only; then a total order for determinism
    return min(near, key=lambda option: (_PerSuccess(option.cost, max(option.chance, 1)), -option.chance,
                                         option.rocket, option.craft, option.lander))


@dataclass(frozen=True, slots=True)
class _PerSuccess:
    """A cost per success, cost / chance, ordered exactly (cross-multiplied)."""

    cost: int
    chance: int

    def __lt__(self, other: "_PerSuccess") -> bool:
        return self.cost * other.chance < other.cost * self.chance

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _PerSuccess) and self.cost * other.chance == other.cost * self.chance


def hardware_options(state: GameState, content: Content, side: str, mission_id: str) -> list[HardwareOption]:
    """Every combination of the side's hardware that can fly the mission now: the best (best_of) first, then by
    chance."""
    mission = content.missions[mission_id]
    own = state.sides[side]
    best = missions.best_hardware(state, content, side, mission)
    if isinstance(best, str):
        return []
    crafts = [hid for hid in sorted(own.programs) if hid in content.hardware
              and missions.craft_fits(content.hardware[hid], mission)]
    rockets = [hid for hid in sorted(own.programs) if hid in content.hardware and content.hardware[hid].kind == "rocket"]
    landers = [hid for hid in sorted(own.programs) if hid in content.hardware
               and content.hardware[hid].kind == "lander"] if mission.lander else [""]
    found: list[HardwareOption] = []
    for craft in crafts:
        for rocket in rockets:  # any rocket that lifts it, not only the ones it really flew on
            for lander in landers:
                if missions.why_not_hardware(state, content, side, mission, rocket, craft, lander):
                    continue
                crew = missions.best_crew(state, content, side, mission, craft)
                loadout = missions.Loadout(rocket, craft, lander, crew if not isinstance(crew, str) else ())
                label = f"{content.hardware[rocket].name} / {content.hardware[craft].name}"
                if lander:
                    label += f" + {content.hardware[lander].name}"
                found.append(HardwareOption(rocket, craft, lander, label,
                                            missions.overall_chance(missions.step_chances(state, content, side, mission,
                                                                                          loadout)),
                                            missions.mission_cost(content, mission, loadout), False))
    chosen = best_of(found)
    found = [replace(option, best=True) if option is chosen else option for option in found]
    # determinism: the best first, then by chance, cost and ids
    return sorted(found, key=lambda option: (not option.best, -option.chance, option.cost, option.rocket, option.craft,
                                             option.lander))


def planner_rows(state: GameState, content: Content, side: str, include_unavailable: bool = False) -> list[MissionRow]:
    """The missions as the planner lists them: views.mission_rows, each ready one with its best vehicle (best_of),
    its chance and cost, so the list says what the plan beside it shows and books."""
    rows: list[MissionRow] = []
    for row in mission_rows(state, content, side, include_unavailable):
        best = best_of(hardware_options(state, content, side, row.id)) if row.ready else None
        if best is not None:
            row = replace(row, note=best.label, chance=best.chance, cost=best.cost,
                          prizes=open_prizes(state, content, side, content.missions[row.id], best.craft))
        rows.append(row)
    return rows


def crew_options(state: GameState, content: Content, side: str, mission_id: str, keep: tuple[str, ...] = ()) -> list[
        CrewOption]:
    """The crew free to fly the mission (able to fly this year, not booked on another flight), the strongest for
    it first (as the best crew is picked); `keep` are listed too (the ones already chosen)."""
    mission = content.missions[mission_id]
    own = state.sides[side]
    busy = missions.busy_crew(own)
    skills = [step.skill for step in mission.steps if step.skill]
    free = [member for member in own.active_crew(state.year) if member.id not in busy or member.id in keep]
    free.sort(key=lambda member: (-sum(member.skill(skill) for skill in skills), member.id))  # determinism: by id
    return [CrewOption(member.id, member.name, sum(member.skill(skill) for skill in skills), member.flights)
            for member in free]


def choice_plan(state: GameState, content: Content, side: str, mission_id: str, rocket: str = "", craft: str = "",
                lander: str = "", crew: tuple[str, ...] | None = None) -> MissionPlan | str:
    """The plan for a chosen loadout (empty hardware: the best vehicle, see best_of; crew None: the best free crew),
    or why that choice cannot fly."""
    mission = content.missions[mission_id]
    if not (rocket and craft):
        best = missions.best_hardware(state, content, side, mission)
        if isinstance(best, str):
            return best
        rocket, craft, lander = best
        chosen = best_of(hardware_options(state, content, side, mission_id))
        if chosen is not None:
            rocket, craft, lander = chosen.rocket, chosen.craft, chosen.lander
    why = missions.why_not_hardware(state, content, side, mission, rocket, craft, lander)
    if why:
        return why
    if crew is None:
        found = missions.best_crew(state, content, side, mission, craft)
        if isinstance(found, str):
            return found
        crew = found
    why = missions.why_not_crew(state, content, side, mission, craft, crew)
    if why:
        return why
    loadout = missions.Loadout(rocket, craft, lander, crew)
    chances = missions.step_chances(state, content, side, mission, loadout)
    return MissionPlan(loadout, missions.overall_chance(chances), missions.mission_cost(content, mission, loadout),
                       tuple((step.name, chance) for step, chance in zip(mission.steps, chances)),
                       launch_timing(state, content, side, mission, rocket), crew_risk(mission, chances, crew))


def booked_on(state: GameState, side: str, crew_id: str) -> int:
    """The number of the flight a crew member is booked on this year (0 when none)."""
    return next((item.number for item in state.sides[side].scheduled if crew_id in item.crew), 0)
