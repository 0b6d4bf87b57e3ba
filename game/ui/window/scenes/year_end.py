"""The year-end report: the player's numbers for next year, the rival's public ones, and what the year brought.

Built from the year's outcomes only (never a diff of the state); the sentences come from the narration the
terminal game uses, so both front ends tell the year the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.app.narrate import RESULT_TAGS, RESULT_WORDS, cap, kept_secret, money, narrate, side_name
from game.engine import outcomes as out
from game.engine.defs import MONTHS, rival_of

from ..intents import Click, Key, Wheel
from ..painter import Painter
from ..scene import Scene
from ..theme import SIDE_LABELS, TAG_COLOURS
from ..widgets import Button, Widget


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a report column: a side mark, the text (wrapped when drawn) and a note on the right."""

    text: str
    colour: str = "text"
    side: str = ""
    right: str = ""
    right_colour: str = "dim"
    face: str = "sans"
    heading: bool = False


class YearEndScene(Scene):
    name = "year_end"
    title = "Year-end report"
    keys = (("Enter / Space / Esc", "continue"), ("Up / Down, Page Up / Down", "scroll the report"))

    def __init__(self, app, outcomes: list[out.Outcome]) -> None:  # noqa: ANN001
        super().__init__(app)
        assert app.play is not None
        self.side = app.play.side
        reports = [index for index, outcome in enumerate(outcomes) if isinstance(outcome, out.YearReport)]
        self.outcomes = list(outcomes[: reports[-1] + 1]) if reports else list(outcomes)  # not next year's news
        self.report = self._report(self.side)
        self.rival_report = self._report(rival_of(self.side))
        either = self.report or self.rival_report
        self.year = either.year if either is not None else app.play.state.year
        self.left, self.right = self._columns()
        self.scroll = 0
        self._max_scroll = 0
        self._page = 1
        self.button = Button("Continue", lambda: app.pop(self), hint="Enter")

    def _report(self, side: str) -> out.YearReport | None:
        return next((o for o in self.outcomes if isinstance(o, out.YearReport) and o.side == side), None)

    # -- what the year brought ----------------------------------------------------------------------

    def _told(self, outcome: out.Outcome) -> list[tuple[str, str]]:
        """The narration's sentences for one outcome, as (text, palette colour)."""
        play = self.app.play
        assert play is not None
        return [(line.text.strip(), TAG_COLOURS.get(line.tag, "text"))
                for line in narrate([outcome], play.content, play.state, self.side)]

    def _columns(self) -> tuple[list[Entry], list[Entry]]:
        play = self.app.play
        assert play is not None
        content, side = play.content, self.side
        left: list[Entry] = [Entry("Milestones", heading=True)]
        claims = [o for o in self.outcomes if isinstance(o, out.MilestoneClaimed)]
        for claim in claims:
            milestone = content.milestones.get(claim.milestone)
            name = milestone.name if milestone else claim.milestone
            mine = claim.side == side
            place = "FIRST" if claim.first else "second"
            who = SIDE_LABELS.get(claim.side, claim.side.upper())
            left.append(Entry(f"{MONTHS[claim.month - 1][:3]}  {who} {place}: {name}",
                              "title" if claim.first and mine else "text" if mine else "dim", claim.side,
                              f"+{claim.prestige}", "good" if mine else "dim", "bold" if claim.first else "sans"))
        if not claims:
            left.append(Entry("No milestone was reached this year.", "dim"))
        left.append(Entry("Flights", heading=True))
        viewer = None if self.play.spectator else side
        flights = [o for o in self.outcomes if isinstance(o, (out.MissionFlew, out.MissionScrubbed))
                   and (isinstance(o, out.MissionFlew) and not kept_secret(o, viewer, self.play.content) or o.side == side)]
        for flight in flights:
            name = content.missions[flight.mission].name if flight.mission in content.missions else flight.mission
            if isinstance(flight, out.MissionFlew):
                mine = flight.side == side
                result = RESULT_WORDS.get(flight.result, flight.result)
                if mine and flight.prestige:
                    result += f" ({'+' if flight.prestige >= 0 else ''}{flight.prestige})"
                who = SIDE_LABELS.get(flight.side, flight.side.upper())
                date = f"{flight.day} {MONTHS[flight.month - 1][:3]}"
                left.append(Entry(f"{date}  {who}  {name}", "text" if mine else "dim", flight.side, result,
                                  RESULT_TAGS.get(flight.result, "text")))
            else:
                left.append(Entry(f"{MONTHS[flight.month - 1][:3]}  #{flight.number} {name} scrubbed: {flight.reason}",
                                  "warn", flight.side, f"{money(flight.refund)} back", "dim"))
        if not flights:
            left.append(Entry("Nobody flew this year.", "dim"))

        right: list[Entry] = [Entry("Crew", heading=True)]
        crew = [o for o in self.outcomes
                if isinstance(o, out.CrewLost) or isinstance(o, out.CrewInjured) and o.side == side]
        for outcome in crew:
            for text, colour in self._told(outcome):
                right.append(Entry(text, colour, outcome.side))
        if not crew:
            right.append(Entry("No one was lost or hurt.", "dim"))
        right.append(Entry("Programs", heading=True))
        programs = [o for o in self.outcomes
                    if isinstance(o, (out.ProgramDeveloped, out.ProgramGrounded)) and o.side == side]
        for program in programs:
            for text, colour in self._told(program):
                right.append(Entry(text, colour, program.side))
        if not programs:
            right.append(Entry("No program finished development or was grounded.", "dim"))
        right.append(Entry("Decisions", heading=True))
        defaults = [o for o in self.outcomes if isinstance(o, out.ChoiceMade) and o.by_default and o.side == side]
        for choice in defaults:
            for index, (text, colour) in enumerate(self._told(choice)):
                right.append(Entry(text, colour if index == 0 else "dim", choice.side if index == 0 else ""))
        if not defaults:
            right.append(Entry("Every decision was taken in time.", "dim"))
        return left, right

    # -- input --------------------------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        return [self.button]

    def on_key(self, key: Key) -> bool:
        if key.name in ("escape", "return", "enter", "space") and not key.ctrl:
            self.app.pop(self)
            return True
        moves = {"up": -1, "down": 1, "page up": -self._page, "page down": self._page, "home": -10_000, "end": 10_000}
        if key.name in moves:
            self.scroll = max(0, min(self._max_scroll, self.scroll + moves[key.name]))
            return True
        return False

    def handle(self, intent) -> bool:  # noqa: ANN001
        if isinstance(intent, Wheel):
            self.scroll = max(0, min(self._max_scroll, self.scroll - 3 * intent.steps))
            return True
        super().handle(intent)
        return True  # nothing reaches the screens below

    def on_click(self, click: Click) -> bool:
        return True

    # -- drawing ------------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        play = self.app.play
        assert play is not None
        theme = painter.theme
        pad = theme.pad
        fonts = painter.fonts
        width, height = painter.surface.get_size()
        painter.rect((0, 0, width, height), "background")
        x = 2 * pad
        inner_w = width - 4 * pad
        y = theme.px(14)
        # a short report sits in the middle of the screen, not under a wide empty band
        button_w, button_h = self.button.size(painter, theme.large)
        card_h = 3 * fonts.line_height("sans", theme.body) + fonts.line_height("sans", theme.small) // 2 + 2 * pad
        half = (inner_w - pad) // 2
        widths = (half, inner_w - half - pad)
        laid = [self._lay_out(painter, entries, w - 2 * pad) for entries, w in zip((self.left, self.right), widths)]
        needed = max(sum(h for h, *_ in lines) for lines in laid) + 2 * pad
        head_h = (fonts.line_height("mono_bold", theme.small) + fonts.font("mono_bold", theme.huge).size("0")[1]
                  + pad // 2)
        total = head_h + card_h + pad + max(needed, theme.px(120)) + pad + button_h
        y += max(0, (height - 2 * pad - total) // 2 - y)
        painter.text("YEAR-END REPORT", x, y, theme.small, "accent", "mono_bold")
        y += fonts.line_height("mono_bold", theme.small)
        area = painter.text(str(self.year), x, y, theme.huge, "title", "mono_bold")
        scenario = play.content.scenarios[play.state.scenario].name
        painter.text(f"{cap(side_name(play.content, self.side))} · {scenario}", area.right + 2 * pad,
                     area.y + (area.height - fonts.line_height("sans", theme.body)) // 2, theme.body, "dim",
                     max_width=width - area.right - 4 * pad)
        y = area.bottom + pad // 2
        # the two sides' numbers
        own_w = inner_w * 3 // 5
        own = pygame.Rect(x, y, own_w, card_h)
        rival = pygame.Rect(own.right + pad, y, inner_w - own_w - pad, card_h)
        self._draw_own(painter, own)
        self._draw_rival(painter, rival)
        # the year's events, in two columns sharing one scroll; as tall as they need (up to the footer)
        button_w = max(button_w, theme.px(220))
        top = own.bottom + pad
        limit = height - 2 * pad - button_h
        bottom = top + max(min(limit - top, needed), min(limit - top, theme.px(120)))
        columns = (pygame.Rect(x, top, widths[0], bottom - top),
                   pygame.Rect(x + half + pad, top, widths[1], bottom - top))
        line_h = fonts.line_height("sans", theme.small)
        visible = max(1, (bottom - top - 2 * pad) // line_h)
        self._page = max(1, visible - 2)
        self._max_scroll = max(0, -(-(needed - (bottom - top)) // line_h))
        self.scroll = min(self.scroll, self._max_scroll)
        for rect, lines in zip(columns, laid):
            painter.rect(rect, "panel", radius=theme.px(3))
            painter.rect(rect, "grid", width=1, radius=theme.px(3))
            own_max = max(0, -(-(sum(h for h, *_ in lines) + 2 * pad - rect.height) // line_h))  # this column's
            self._draw_lines(painter, rect.inflate(-2 * pad, -2 * pad), lines, min(self.scroll, own_max) * line_h)
        # the footer
        self.button.rect = pygame.Rect((width - button_w) // 2, bottom + pad, button_w, button_h)
        if self._max_scroll:
            hint = ("▼ more below — Down / Page Down to scroll" if self.scroll < self._max_scroll
                    else "▲ Up / Page Up to scroll back")
            painter.text(hint, width - 2 * pad, self.button.rect.y + (button_h - line_h) // 2, theme.small, "warn",
                         align="right", max_width=max(10, width - self.button.rect.right - 4 * pad))
        self.button.draw(painter, self.focused() is self.button, theme.large)

    def _side_box(self, painter: Painter, rect: pygame.Rect, side: str, role: str, border: str) -> pygame.Rect:
        """A side's framed box headed by its mark and label ("USA (you)"; no role for a spectator); the inside."""
        theme = painter.theme
        painter.rect(rect, "panel", radius=theme.px(3))
        painter.rect(rect, border, width=1, radius=theme.px(3))
        inner = rect.inflate(-2 * theme.pad, -2 * theme.pad)
        painter.side_label(side, inner.x, inner.y, theme.body,
                           SIDE_LABELS.get(side, side) + ("" if self.play.spectator else role))
        return inner

    def _draw_own(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        inner = self._side_box(painter, rect, self.side, " (you)", "accent")
        line = painter.fonts.line_height("sans", theme.body)
        report = self.report
        if report is None:
            painter.text("No report this year.", inner.x, inner.y + line, theme.body, "dim")
            return
        half = inner.width // 2
        rows = (
            ("Prestige", f"{report.prestige}", _signed(report.prestige_change)),
            ("Support at home", f"{report.support}/100", _signed(report.support_change)),
        )
        y = inner.y + line + theme.px(4)
        for label, value, change in rows:
            self._number(painter, inner.x, y, half - pad, label, value, change)
            y += line
        y = inner.y + line + theme.px(4)
        if self.app.play is not None and self.app.play.state.over:
            painter.paragraph("The race is over: there is no budget for another year.",
                              (inner.x + half, y, inner.width - half, inner.bottom - y), theme.small, "dim")
            return
        painter.text(f"Budget for {report.year + 1}", inner.x + half, y, theme.body, "dim")
        painter.text(money(report.next_budget), inner.right, y, theme.body, "title", "bold", align="right")
        y += line
        carried = (f"including {money(report.carried_over)} carried over" if report.carried_over
                   else "nothing carried over")
        painter.text(carried, inner.right, y, theme.small, "dim", align="right", max_width=half)

    def _number(self, painter: Painter, x: int, y: int, width: int, label: str, value: str, change: str) -> None:
        theme = painter.theme
        painter.text(label, x, y, theme.body, "dim", max_width=width // 2)
        colour = "good" if change.startswith("+") and change != "+0" else "bad" if change.startswith("-") else "dim"
        area = painter.text(f"({change})", x + width, y, theme.body, colour, align="right")
        painter.text(value, area.x - theme.pad // 2, y, theme.body, "text", "bold", align="right")

    def _draw_rival(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        inner = self._side_box(painter, rect, rival_of(self.side), " (rival)", "grid")
        line = painter.fonts.line_height("sans", theme.body)
        report = self.rival_report
        y = inner.y + line + theme.px(4)
        if report is None:
            painter.text("No news from the rival.", inner.x, y, theme.body, "dim", max_width=inner.width)
            return
        self._number(painter, inner.x, y, inner.width, "Prestige", str(report.prestige),
                     _signed(report.prestige_change))
        painter.paragraph("Their budget and support at home are not made public.",
                          (inner.x, y + line, inner.width, inner.bottom - y - line), theme.small, "dim")

    def _lay_out(self, painter: Painter, entries: list[Entry], width: int) -> list[tuple[int, Entry, list[str]]]:
        """(height, entry, wrapped lines) for each entry: headings one body line, others wrapped small lines."""
        theme = painter.theme
        fonts = painter.fonts
        line_h = fonts.line_height("sans", theme.small)
        mark_w = line_h + theme.pad // 2
        laid: list[tuple[int, Entry, list[str]]] = []
        for entry in entries:
            if entry.heading:
                gap = theme.pad if laid else 0
                laid.append((gap + fonts.line_height("mono_bold", theme.body) + theme.px(8), entry, [entry.text]))
                continue
            right_w = fonts.width(entry.right, "bold", theme.small) + theme.pad if entry.right else 0
            lines = fonts.wrap(entry.text, entry.face, theme.small, max(20, width - mark_w - right_w))
            laid.append((len(lines) * line_h, entry, lines))
        return laid

    def _draw_lines(self, painter: Painter, rect: pygame.Rect, laid: list[tuple[int, Entry, list[str]]],
                    skip: int) -> None:
        theme = painter.theme
        line_h = painter.fonts.line_height("sans", theme.small)
        mark_w = line_h + theme.pad // 2
        y = rect.y - skip
        for height, entry, lines in laid:
            if y >= rect.bottom:
                break
            if y < rect.y:
                y += height
                continue
            if entry.heading:
                if y + height > rect.bottom:
                    break
                gap = theme.pad if entry is not laid[0][1] else 0
                self.heading(painter, entry.text, rect.x, y + gap, rect.width)
                y += height
                continue
            for index, text in enumerate(lines):
                if y + line_h > rect.bottom:
                    return
                if index == 0 and entry.side:
                    painter.side_mark(entry.side, (rect.x + line_h // 2, y + line_h // 2), max(3, line_h // 3))
                painter.text(text, rect.x + mark_w, y, theme.small, entry.colour, entry.face)
                if index == 0 and entry.right:
                    painter.text(entry.right, rect.right, y, theme.small, entry.right_colour, "bold", align="right")
                y += line_h


def _signed(number: int) -> str:
    return f"{'+' if number >= 0 else ''}{number}"
