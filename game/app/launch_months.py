"""Which months of this year a mission can launch in, before a booking is refused: its launch window (Venus and
Mars come round every year and a half or two), its preparation on the pad, a station to visit, the pads free.

The months are the engine's own answers (views.month_choices asks the rules month by month); this module only
gathers them for a listing and puts them in a few words.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.defs import MONTHS, Content, MissionType
from game.engine.state import GameState

from . import views


@dataclass(frozen=True, slots=True)
class LaunchMonths:
    windowed: bool  # the mission flies only in launch windows (a planet, a joint flight)
    window: tuple[int, ...]  # the months its windows allow this year (all twelve when it has none)
    open: tuple[int, ...]  # the months a booking could take now: the window, preparation, a station, free pads
    next_window: tuple[int, int] | None  # (year, month) of the next window after this year, for a windowed mission


def launch_months(state: GameState, content: Content, side: str, mission: MissionType, rocket: str = "") -> LaunchMonths:
    """The months this year the mission may launch in, and how many of them a booking could take now (on this
    rocket, or the one the game would pick)."""
    allowed = tuple(choice.month for choice in views.month_choices(state, content, side, mission.id, rocket)
                    if choice.allowed)
    return LaunchMonths(bool(mission.windows), mission.window_months(state.year), allowed,
                        mission.next_window(state.year) if mission.windows else None)


def month_span(months: tuple[int, ...] | list[int]) -> str:
    """Months as short ranges: (3, 4, …, 12) → "Mar–Dec"; (1, 11, 12) → "Jan, Nov–Dec"; () → ""."""
    runs: list[list[int]] = []
    for month in sorted(months):
        if runs and month == runs[-1][-1] + 1:
            runs[-1].append(month)
        else:
            runs.append([month])
    return ", ".join(MONTHS[run[0] - 1][:3] + (f"–{MONTHS[run[-1] - 1][:3]}" if len(run) > 1 else "") for run in runs)


def open_words(months: LaunchMonths) -> str:
    """A listing's column: the months a booking could take now, "Mar–Dec" ("none" when no month is left)."""
    return month_span(months.open) or "none"


def window_words(months: LaunchMonths, year: int) -> str:
    """A windowed mission's window this year in words: "Nov–Dec 1965", "none in 1965 (next Jan 1967)" ("" for a
    mission without windows)."""
    if not months.windowed:
        return ""
    if months.window:
        return f"{month_span(months.window)} {year}"
    upcoming = months.next_window
    return f"none in {year}" + (f" (next {MONTHS[upcoming[1] - 1][:3]} {upcoming[0]})" if upcoming else "")


def windows_line(windows: list[tuple[MissionType, LaunchMonths]], year: int) -> str:
    """One sentence for the windowed missions listed, those with the same window together: "Launch windows: Venus
    flyby and Venus descent probe Nov–Dec 1965; Mars flyby none in 1965 (next Jan 1967)." ("" when none)."""
    grouped: dict[str, list[str]] = {}
    for mission, months in windows:
        if months.windowed:
            grouped.setdefault(window_words(months, year), []).append(mission.name)
    if not grouped:
        return ""
    parts = [(", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]) + f" {when}"
             for when, names in grouped.items()]
    return f"Launch windows (no other month will do): {'; '.join(parts)}."


def waiting_for_a_window(state: GameState, content: Content, side: str) -> list[tuple[MissionType, LaunchMonths]]:
    """The windowed missions the side could fly but for the launch window (none open this year), with when the
    next one opens: what a listing of the missions that can fly now would otherwise leave unsaid."""
    waiting = []
    for mission_id in sorted(content.missions):
        mission = content.missions[mission_id]
        if not mission.windows or side not in mission.sides or mission.window_months(state.year):
            continue
        if state.year < mission.available or mission.next_window(state.year) is None:
            continue
        if isinstance(views.plan(state, content, side, mission), tuple):  # the hardware and crew are there
            waiting.append((mission, launch_months(state, content, side, mission)))
    return waiting
