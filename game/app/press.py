"""News as the era printed it: a story laid out as the reader's own press would run it — an American front page
(masthead, date line, banner headline, columns) or a TASS teleprinter bulletin — as words and a style a front end
draws. The reader sees every story, the rival's news included, in their own side's press.

The papers are invented (no real trademarks); TASS is the Soviet news agency of the day.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.defs import MONTHS, Content
from game.engine.state import GameState, Pending

from .story import EventView

FRONT_PAGE, TELEPRINTER = "front_page", "teleprinter"
STYLES = {"usa": FRONT_PAGE, "ussr": TELEPRINTER}  # another side (a mod's) reads a front page
MASTHEADS = {FRONT_PAGE: "THE DAILY CLARION", TELEPRINTER: "TASS"}
CITIES = {FRONT_PAGE: "WASHINGTON", TELEPRINTER: "MOSCOW"}
LESSON_SCENARIOS = ("tutorial",)  # lessons are not news: they keep the plain card


@dataclass(frozen=True, slots=True)
class NewsPage:
    style: str  # front_page | teleprinter
    masthead: str  # "THE DAILY CLARION" | "TASS"
    edition: str  # the line above the masthead: "VOL. VII · No. 1961 · FINAL EDITION · FIVE CENTS"
    dateline: str  # "WASHINGTON, OCTOBER 1957" | "TASS — MOSCOW, OCTOBER 1957"
    headline: str  # in capitals
    byline: str  # who speaks ("" when nobody does)
    body: str
    effects: str  # what it did: "This costs $60M and 3 support." ("" when nothing a player sees)
    note: str  # the history beside it ("" when none)
    cause: str  # the earlier choice that brought it ("" when none)


def printed(content: Content, event_id: str) -> bool:
    """Whether the event reads as news in the press (tutorial lessons do not)."""
    event = content.events.get(event_id)
    return (event is not None and event.kind == "news"
            and not any(scenario in LESSON_SCENARIOS for scenario in event.scenarios))


def news_month(state: GameState, item: Pending | None) -> int:
    """The month a story broke: a milestone's news the month it was claimed; other news with the year's briefing
    in January; 0 when not known (a flight's news whose flight the state no longer names)."""
    if item is None:
        return 0
    milestone = item.subject.get("milestone", "")
    if milestone:
        for claim in state.claims:
            if claim.milestone == milestone and claim.year == item.year:
                return claim.month
        return 0
    return 1 if item.source in ("calendar", "follow_up", "waiting") else 0


def when(year: int, month: int) -> str:
    return f"{MONTHS[month - 1].upper()} {year}" if 1 <= month <= 12 else str(year)


def roman(number: int) -> str:
    """The volume number in the masthead's Roman numerals."""
    found = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            found += letters
            number -= value
    return found


def news_page(view: EventView, reader: str, month: int = 0, start_year: int = 0) -> NewsPage:
    """The story as the reader's press prints it. month: when it broke (news_month); start_year: the game's first
    year, which makes the paper's volume number."""
    style = STYLES.get(reader, FRONT_PAGE)
    date = when(view.year, month)
    speaker = view.speaker
    if style == TELEPRINTER:
        number = f"{view.year}/{month:02d}" if month else str(view.year)
        edition = f"TELETYPE BULLETIN {number} +++ FOR THE PRESS +++ URGENT"
        dateline = f"TASS \u2014 {CITIES[style]}, {date}"
        byline = (f"STATEMENT OF {speaker.name.upper()}, {speaker.title.upper()} (OPINION OF YOU {speaker.opinion}/100, "
                  f"{speaker.mood.upper()})" if speaker else "")
    else:
        volume = roman(max(1, view.year - (start_year or view.year) + 1))
        edition = f"VOL. {volume} \u00b7 No. {view.year} \u00b7 FINAL EDITION \u00b7 FIVE CENTS"
        dateline = f"{CITIES[style]}, {date}"
        byline = (f"Statement by {speaker.name}, {speaker.title} (opinion of you {speaker.opinion}/100, {speaker.mood})"
                  if speaker else "")
    return NewsPage(style, MASTHEADS[style], edition, dateline, view.title.upper(), byline, view.text, view.effects,
                    view.history, view.cause)
