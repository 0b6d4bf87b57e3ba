"""What a player should hear before ending a year: money that would go back to the treasury, decisions whose
defaults would stand, no flight booked, support near collapse. Both front ends ask about these before the year
ends (when a player is at the keyboard, and unless the settings say not to)."""

from __future__ import annotations

from game.engine import missions
from game.engine.defs import Content
from game.engine.state import GameState

from . import spare_money
from .views import plural

CRITICAL_SUPPORT = 15  # support at or below this is close to a collapse (at 0 the programme is cancelled)


def warnings(state: GameState, content: Content, side: str) -> list[str]:
    """Plain sentences, most costly first; empty when ending the year loses nothing."""
    own = state.sides[side]
    found: list[str] = []
    if state.over:
        return found  # no year left to end
    lost = spare_money.spare(state, content, side)
    if lost > max(own.budget // 20, 10):
        found.append(f"${lost}M of ${own.funds}M unspent would go back to the treasury "
                     f"(${own.funds - lost}M carries over; 'budget' says where it would do good).")
    waiting = [item for item in own.pending if item.event in content.events]
    if waiting:
        titles = ", ".join(f"“{content.events[item.event].title}”" for item in waiting[:3])
        found.append(f"{plural(len(waiting), 'decision')} waiting ({titles}): the default will stand "
                     "('decisions' shows the choices).")
    if not own.scheduled and _something_can_fly(state, content, side):
        found.append("No flight is booked this year ('missions' shows what can fly).")
    if own.support <= CRITICAL_SUPPORT:
        found.append(f"Support is {own.support}/100: at 0 the programme is cancelled and the game is lost.")
    return found


def _something_can_fly(state: GameState, content: Content, side: str) -> bool:
    for mission in content.missions.values():
        if side in mission.sides and not missions.why_not_available(state, content, side, mission):
            if not isinstance(missions.best_hardware(state, content, side, mission), str):
                return True
    return False
