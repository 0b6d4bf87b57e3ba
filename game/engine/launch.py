"""Launch months: preparation on the pad, pad turnaround, and what extra preparation buys.

A launch occupies one pad for its preparation months, the launch month included: the rocket's own time on the
pad (a Juno two months, a Saturn V four) plus the mission's (a crew to ready, a lander to mate). Work starts in
January, so the earliest launch of a year is in the month its preparation ends, and a pad prepares one launch
at a time, so preparation is also the pad's turnaround. Months spent preparing beyond the least the rules ask
make every step a little surer, so an early launch races and a late one is safer: the month is a decision.
"""

from __future__ import annotations

from . import cruise, rules
from .defs import MONTHS, Content, MissionType
from .state import GameState, ScheduledMission

DEFAULT_PREP = 2  # a rocket the content does not know (a damaged save): the most common preparation


def prep_months(content: Content, mission: MissionType, rocket_id: str) -> int:
    """Months on the pad for this mission on this rocket, the launch month included (at most 12)."""
    rocket = content.hardware.get(rocket_id)
    return min((rocket.prep_months if rocket else DEFAULT_PREP) + mission.prep_months, 12)


def first_month(state: GameState, content: Content, mission: MissionType, rocket_id: str) -> int:
    """The earliest month this year the rules allow, pads aside: preparation done and a launch window open
    (13 when there is none this year)."""
    prep = prep_months(content, mission, rocket_id)
    return next((month for month in mission.window_months(state.year) if month >= prep), 13)


def too_late(state: GameState, mission: MissionType, month: int) -> str | None:
    """Why a probe launched this month would be wasted: it would arrive after the race is over (None if not)."""
    if not mission.cruise_days:
        return None
    year, _, _ = cruise.add_days(state.year, month, cruise.LATEST_DAY, mission.cruise_days)
    if year <= state.end_year:
        return None
    return (f"{mission.name} launched in {MONTHS[month - 1]} {state.year} could arrive only in {year}, after the race "
            f"ends with {state.end_year}")


def _busy_months(content: Content, item: ScheduledMission) -> range:
    mission = content.missions.get(item.mission)
    prep = prep_months(content, mission, item.rocket) if mission else DEFAULT_PREP
    return range(max(item.month - prep + 1, 1), item.month + 1)


def _busy_by_month(state: GameState, content: Content, side: str, except_number: int = 0) -> list[int]:
    """Pads busy preparing the side's booked launches, by month (index 1–12)."""
    busy = [0] * 13
    for item in state.sides[side].scheduled:
        if item.number == except_number:
            continue
        for month in _busy_months(content, item):
            busy[month] += 1
    return busy


def pads_busy(state: GameState, content: Content, side: str, months: range, except_number: int = 0) -> int:
    """The most pads busy preparing the side's booked launches in any of these months."""
    busy = _busy_by_month(state, content, side, except_number)
    return max((busy[month] for month in months), default=0)


def why_not_month(
    state: GameState, content: Content, side: str, mission: MissionType, rocket_id: str, month: int, number: int = 0,
) -> str | None:
    """Why this launch cannot go in this month (its preparation, the launch window, the pads), or None."""
    months = mission.window_months(state.year)
    if month not in months:
        names = " and ".join(MONTHS[m - 1] for m in months)
        return f"{mission.name} can launch only in {names} {state.year} (the launch window)"
    late = too_late(state, mission, month)
    if late:
        return late
    prep = prep_months(content, mission, rocket_id)
    if month < prep:
        rocket = content.hardware.get(rocket_id)
        what = f"{mission.name} on {rocket.name if rocket else rocket_id}"
        return (f"{what} takes {prep} months of preparation on the pad, so the earliest launch this year is "
                f"{MONTHS[prep - 1]}")
    occupied = range(month - prep + 1, month + 1)
    pads = state.sides[side].pads
    if pads_busy(state, content, side, occupied, number) >= pads:
        span = MONTHS[occupied[0] - 1] if len(occupied) == 1 else f"{MONTHS[occupied[0] - 1]}–{MONTHS[occupied[-1] - 1]}"
        return (f"all {pads} pad(s) are busy preparing other launches in {span} (this one needs a pad for "
                f"{prep} month{'s' if prep != 1 else ''}); pick another month or build a pad")
    return None


def earliest_month(state: GameState, content: Content, side: str, mission: MissionType, rocket_id: str,
                   not_before: int = 1) -> int:
    """The first month (from not_before) this launch can go, pads included, or 0 if none this year."""
    return next(iter(open_months(state, content, side, mission, rocket_id, not_before)), 0)


def open_months(state: GameState, content: Content, side: str, mission: MissionType, rocket_id: str,
                 not_before: int = 1) -> list[int]:
    """The months (from not_before) this launch could go in, pads included: those why_not_month allows, with the
    pads counted once."""
    windows = set(mission.window_months(state.year))
    prep = prep_months(content, mission, rocket_id)
    busy = _busy_by_month(state, content, side)
    pads = state.sides[side].pads
    return [month for month in range(max(not_before, prep, 1), 13)
            if month in windows and max(busy[month - prep + 1: month + 1], default=0) < pads
            and not too_late(state, mission, month)]


def prep_bonus(state: GameState, content: Content, mission: MissionType, rocket_id: str, month: int) -> int:
    """Per-mille added to every step for preparation beyond the least the rules ask (capped)."""
    extra = month - first_month(state, content, mission, rocket_id)
    return min(max(extra, 0), rules.EXTRA_PREP_MONTHS) * rules.EXTRA_PREP_BONUS
