"""The race's legacy: craft that keep working for their side after the flight (communications, weather and
navigation satellites, Earth-resources cameras, a station's science) and pay back every year in support, budget
or prestige, as the applications satellites really did once the firsts were won."""

from __future__ import annotations

from . import rules
from .defs import Content, MissionType
from .outcomes import Outcome, ServiceEnded, ServicePaid
from .state import GameState, InService


def enter(state: GameState, content: Content, side: str, mission: MissionType, craft: str, number: int,
          launched: int = 0) -> list[Outcome]:
    """A successful flight of a mission with a service starts working (from this year: a probe's arrival year;
    `launched` is the year it was launched, when earlier); past the mission's limit the oldest of the same mission
    is retired to make room (a newer satellite takes over)."""
    service = mission.service
    if service is None:
        return []
    own = state.sides[side]
    outcomes: list[Outcome] = []
    same = [working for working in own.in_service if working.mission == mission.id]
    while service.most and len(same) >= service.most:
        oldest = same.pop(0)
        own.in_service.remove(oldest)
        outcomes.append(ServiceEnded(side=side, mission=oldest.mission, craft=oldest.craft, number=oldest.number,
                                     launched=oldest.launched, replaced=True))
    own.in_service.append(InService(mission=mission.id, craft=craft, number=number, launched=launched or state.year,
                                    until=state.year + service.years - 1))
    return outcomes


def year_end(state: GameState, content: Content, side: str) -> tuple[int, list[Outcome]]:
    """Everything in service pays for the year: support and prestige now, and money for next year's budget
    (returned). Craft whose service ends this year are retired and reported."""
    own = state.sides[side]
    support = prestige = budget = 0
    working: list[str] = []
    outcomes: list[Outcome] = []
    for item in own.in_service:
        mission = content.missions.get(item.mission)
        if mission is None or mission.service is None:  # a mod took the mission (or its service) away
            continue
        support += mission.service.support
        prestige += mission.service.prestige
        budget += mission.service.budget
        working.append(item.mission)
    if working:
        before = own.support
        own.support = min(max(own.support + support, rules.SUPPORT_MIN), rules.SUPPORT_MAX)
        own.prestige += prestige
        outcomes.append(ServicePaid(side=side, year=state.year, missions=tuple(working), support=own.support - before,
                                    budget=budget, prestige=prestige, value=own.support))
    for item in [entry for entry in own.in_service if entry.until <= state.year]:
        own.in_service.remove(item)
        outcomes.append(ServiceEnded(side=side, mission=item.mission, craft=item.craft, number=item.number,
                                     launched=item.launched, replaced=False))
    return budget, outcomes


def worth(state: GameState, side: str, mission: MissionType) -> int:
    """What another success of the mission would add in service, in prestige terms, over the years the game has
    left (for the AI): a point of support is worth about two of prestige, $50M of budget about one. Nothing when
    the mission's limit is already in service beyond this year."""
    service = mission.service
    if service is None:
        return 0
    lasting = [item for item in state.sides[side].in_service if item.mission == mission.id and item.until > state.year]
    if service.most and len(lasting) >= service.most:
        return 0
    years = min(service.years, state.end_year - state.year + 1)
    return years * (service.prestige + 2 * service.support + service.budget // 50)
