"""View-models of the race as the world saw it: the race board of firsts in history's order, the result, and the
almanac of real history beside the player's game. Both front ends draw them the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.engine.defs import MONTHS, SIDES, Content
from game.engine.state import GameState


@dataclass(frozen=True, slots=True)
class RaceRow:
    id: str
    name: str
    decisive: bool
    first_side: str
    first_date: str  # "Oct 1957" or ""
    second_side: str
    second_date: str
    history: str  # the real first: "USSR, 1957-10-04"

    @property
    def open(self) -> bool:
        """Nobody has reached it yet."""
        return not self.first_side


OPEN_WORD = "open"  # what the board's First column says of a milestone nobody has reached


def era_order(content: Content) -> list[str]:
    """The milestones in the order the real race reached them (by their history date; the smaller prize first on
    the same day, then by id); those without a date follow, by id. The race board reads as a timeline."""
    def key(milestone_id: str) -> tuple[bool, str, int, str]:
        milestone = content.milestones[milestone_id]
        return (not milestone.history.date, milestone.history.date, milestone.prestige_first, milestone_id)

    return sorted(content.milestones, key=key)


def race_board(state: GameState, content: Content) -> list[RaceRow]:
    """Every milestone in the era's order (`era_order`), with who reached it first and second; a row nobody has
    reached is marked open (RaceRow.open)."""
    rows = []
    for milestone_id in era_order(content):
        milestone = content.milestones[milestone_id]
        claims = [claim for claim in state.claims if claim.milestone == milestone_id]
        first = next((claim for claim in claims if claim.first), None)
        second = next((claim for claim in claims if not claim.first), None)
        real = f"{milestone.history.side.upper()}, {milestone.history.date}" if milestone.history.date else ""
        rows.append(RaceRow(
            milestone_id, milestone.name, milestone.decisive,
            first.side if first else "", f"{MONTHS[first.month - 1][:3]} {first.year}" if first else "",
            second.side if second else "", f"{MONTHS[second.month - 1][:3]} {second.year}" if second else "",
            real,
        ))
    return rows


@dataclass(frozen=True, slots=True)
class ResultView:
    winner: str
    reason: str
    year: int
    prestige: dict[str, int]
    race: list[RaceRow]
    history: dict[str, list[dict[str, int]]]


def result(state: GameState, content: Content) -> ResultView:
    return ResultView(
        winner=state.winner, reason=state.reason, year=state.year,
        prestige={side: state.sides[side].prestige for side in SIDES}, race=race_board(state, content),
        history={side: list(state.sides[side].history) for side in SIDES},
    )


# -- the almanac: real history beside the player's game -------------------------------------------------------

_NOTE_DATE = re.compile(r"(?:\b(\d{1,2}) )?(?:\b(" + "|".join(MONTHS) + r") )?\b(19[3-9]\d)\b")


@dataclass(frozen=True, slots=True)
class AlmanacEntry:
    """One line of the almanac: what happened, to whom, and when in its year (month and day 0 when unknown).

    kind: milestone | hardware | event (real history); first | second | news | decision | year (the game)."""

    month: int
    day: int
    side: str  # usa | ussr | "" (both, or nobody in particular)
    title: str
    text: str
    kind: str

    @property
    def when(self) -> str:
        """"4 Oct", "Oct", or "" when the month is unknown."""
        if not self.month:
            return ""
        month = MONTHS[self.month - 1][:3]
        return f"{self.day} {month}" if self.day else month


@dataclass(frozen=True, slots=True)
class AlmanacYear:
    year: int
    history: tuple[AlmanacEntry, ...]  # what really happened that year, in date order
    game: tuple[AlmanacEntry, ...]  # what happened in this game that year, in date order
    status: str  # past | current | future (a year not played yet)


def _history_date(date: str, note: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a history note: its date field ("1957-10-04", "1957-10", "1957"), else the first
    date written in the note ("On 27 January 1967 …"); None when neither gives a year."""
    parts = date.split("-") if date else []
    if parts and parts[0].isdigit():
        numbers = [int(part) if part.isdigit() else 0 for part in parts[:3]] + [0, 0]
        return numbers[0], numbers[1], numbers[2]
    found = _NOTE_DATE.search(note)
    if found is None:
        return None
    day, month, year = found.groups()
    month_number = MONTHS.index(month) + 1 if month else 0
    return int(year), month_number, int(day) if day and month_number else 0


def almanac(state: GameState, content: Content, side: str | None = None) -> list[AlmanacYear]:
    """Year by year, the real history (milestones, hardware and events with a history note) beside this game
    (milestones claimed, the viewer's news and decisions, and each year's closing prestige). With side None
    the events of both sides are listed, each with its side; with a side, only that side's (the rival's
    briefings are secret)."""
    history: dict[int, list[AlmanacEntry]] = {}
    seen: set[tuple[int, int, int, str]] = set()

    def note_down(date: str, note: str, who: str, title: str, kind: str) -> None:
        when = _history_date(date, note)
        if when is None or not note:
            return
        key = (*when, note)
        if key in seen:
            return
        seen.add(key)
        history.setdefault(when[0], []).append(AlmanacEntry(when[1], when[2], who, title, note, kind))

    for milestone_id in sorted(content.milestones):
        milestone = content.milestones[milestone_id]
        note_down(milestone.history.date, milestone.history.note, milestone.history.side, milestone.name, "milestone")
    for hardware_id in sorted(content.hardware):
        hardware = content.hardware[hardware_id]
        note_down(hardware.history.date, hardware.history.note, hardware.history.side or hardware.side, hardware.name,
                  "hardware")
    for event_id in sorted(content.events):
        event = content.events[event_id]
        who = event.history.side or (event.sides[0] if len(event.sides) == 1 else "")
        note_down(event.history.date, event.history.note, who, event.title, "event")

    game: dict[int, list[AlmanacEntry]] = {}
    for claim in state.claims:
        claimed = content.milestones.get(claim.milestone)
        name = claimed.name if claimed else claim.milestone
        text = "first in the world" if claim.first else "second, after the rival"
        game.setdefault(claim.year, []).append(
            AlmanacEntry(claim.month, 0, claim.side, name, text, "first" if claim.first else "second"))
    for who in SIDES if side is None else (side,):
        for event_id, year in sorted(state.sides[who].fired.items()):
            fired = content.events.get(event_id)
            if fired is None:
                continue
            kind = "decision" if fired.choices else "news"
            game.setdefault(year, []).append(AlmanacEntry(0, 0, who, fired.title, kind, kind))
    closing: dict[int, dict[str, int]] = {}
    for who in SIDES:
        for entry in state.sides[who].history:
            closing.setdefault(entry.get("year", 0), {})[who] = entry.get("prestige", 0)

    years = [claim.year for claim in state.claims] + [state.start_year]
    first_year = min(years)
    rows: list[AlmanacYear] = []
    for year in range(first_year, state.end_year + 1):
        played = sorted(game.get(year, []), key=lambda item: (item.month, item.day))
        if year in closing:
            prestige = " · ".join(f"{who.upper()} {closing[year][who]}" for who in SIDES if who in closing[year])
            played.append(AlmanacEntry(0, 0, "", "Year's end", f"prestige {prestige}", "year"))
        if year < state.year or (state.over and year == state.year):
            status = "past"
        elif year == state.year:
            status = "current"
        else:
            status = "future"
        rows.append(AlmanacYear(year, tuple(sorted(history.get(year, []), key=lambda item: (item.month, item.day))),
                                tuple(played), status))
    return rows
