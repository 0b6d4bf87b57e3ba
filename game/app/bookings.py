"""The flights booked this year as a list both front ends can show: month, mission, vehicle, crew and chance."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import missions
from game.engine.defs import MONTHS, Content
from game.engine.state import GameState

from .text import crew_names, hardware_name


@dataclass(frozen=True, slots=True)
class BookedFlight:
    number: int  # '#n', what 'cancel N' takes
    month: str  # "May"
    mission: str  # the mission's name
    vehicle: str  # "Redstone / Mercury" (+ a lander)
    crew: str  # "Alan Shepard and Gus Grissom" ("" when uncrewed)
    chance: int | None  # per-mille, as it would fly in its month with what is funded now (None: content changed)
    backup: bool


def booked_flights(state: GameState, content: Content, side: str) -> list[BookedFlight]:
    """This year's bookings in the order they fly (then by number)."""
    rows = []
    for item in sorted(state.sides[side].scheduled, key=lambda booked: (booked.month, booked.number)):
        mission = content.missions.get(item.mission)
        vehicle = f"{hardware_name(content, item.rocket)} / {hardware_name(content, item.craft)}"
        if item.lander:
            vehicle += f" + {hardware_name(content, item.lander)}"
        chance = None
        if mission is not None and all(not part or part in content.hardware
                                       for part in (item.rocket, item.craft, item.lander)):
            loadout = missions.Loadout(item.rocket, item.craft, item.lander, tuple(item.crew))
            chance = missions.overall_chance(missions.step_chances(state, content, side, mission, loadout, item.month))
        rows.append(BookedFlight(item.number, MONTHS[item.month - 1][:3], mission.name if mission else item.mission,
                                 vehicle, crew_names(state, side, item.crew), chance, item.backup))
    return rows
