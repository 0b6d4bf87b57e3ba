"""Cruise: probes that take days or months to reach another world, and arrive (perhaps the next year).

A mission with `cruise_days` is flown in two parts. At launch its steps up to `arrives_at` are rolled; if they
pass, the probe is on its way, kept in the side's state. On its arrival date the remaining steps are rolled and
its firsts are claimed, reported and dated then, so a rival that launched later but arrives sooner takes them.
"""

from __future__ import annotations

from .defs import MissionType
from .state import InFlight, ScheduledMission

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # the calendar of the rules: no leap years
LATEST_DAY = 28  # the latest day of its month a launch goes on


def arrival_index(mission: MissionType) -> int:
    """Index of the first step rolled on arrival (the number of steps when the mission has no cruise)."""
    if not mission.cruise_days:
        return len(mission.steps)
    for index, step in enumerate(mission.steps):
        if step.id == mission.arrives_at:
            return index
    return len(mission.steps)


def add_days(year: int, month: int, day: int, days: int) -> tuple[int, int, int]:
    """The date `days` after the given one."""
    day += days
    while day > _DAYS_IN_MONTH[month - 1]:
        day -= _DAYS_IN_MONTH[month - 1]
        month += 1
        if month > 12:
            month, year = 1, year + 1
    return year, month, day


def depart(mission: MissionType, item: ScheduledMission, year: int, day: int, bonus: int) -> InFlight:
    """The probe of a launch whose departure steps all passed, on its way."""
    arrives, month, arrive_day = add_days(year, item.month, day, mission.cruise_days)
    return InFlight(number=item.number, mission=mission.id, rocket=item.rocket, craft=item.craft, launched=year,
                    launch_month=item.month, arrives=arrives, arrive_month=month, arrive_day=arrive_day,
                    step=arrival_index(mission), bonus=bonus)


def cruise_words(mission: MissionType) -> str:
    """“about four months”, “3 days”: how long the cruise takes, for the player."""
    days = mission.cruise_days
    if days < 45:
        return f"{days} day{'s' if days != 1 else ''}"
    months = round(days / 30.4)
    return f"about {months} months"
