"""The almanac: real history beside the player's race, year by year."""

from __future__ import annotations

import pygame

from game.app import views

from ..intents import Key, Wheel
from ..painter import Painter
from ..theme import SIDE_LABELS
from ..widgets import ListView, Widget
from .frame import GameScene

STATUS_WORDS = {"past": "", "current": "now", "future": "to come"}

Line = tuple[str, str, str, str, str, bool]  # (date, side mark, text, colour, face, across the whole width)


class AlmanacScene(GameScene):
    name = "almanac"
    title = "Almanac"
    keys = (("Up / Down", "the year before or after"), ("Page Up / Down", "scroll the year's page"),
            ("Home / End", "the first or the last year"), ("Esc", "back to the HQ (after the race: to the result)"),
            *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.years: list[views.AlmanacYear] = []
        self.year_list = ListView(lambda: len(self.years), self.draw_year, on_select=self.chose_year, row_height=24)
        self.scroll = 0
        self._max_scroll = 0
        self._page = 5
        self.page_rect = pygame.Rect(0, 0, 0, 0)
        super().__init__(app)
        self.focus = 0
        self.refresh()
        self.year_list.selected = self._start_index()

    def _start_index(self) -> int:
        state = self.play.state
        for index, row in enumerate(self.years):
            if row.year == state.year:
                return index
        return max(0, len(self.years) - 1)

    def refresh(self) -> None:
        viewer = None if self.play.spectator else self.play.side
        self.years = views.almanac(self.play.state, self.play.content, viewer)

    def chose_year(self, index: int) -> None:
        self.scroll = 0

    def body_widgets(self) -> list[Widget]:
        return [self.year_list, *self.result_widgets()]

    def on_key(self, key: Key) -> bool:
        if key.name in ("page up", "page down") and self.focused() is self.year_list:
            step = self._page if key.name == "page down" else -self._page
            self.scroll = max(0, min(self._max_scroll, self.scroll + step))
            return True
        return super().on_key(key)

    def handle(self, intent) -> bool:  # noqa: ANN001
        if isinstance(intent, Wheel) and self.page_rect.collidepoint(intent.x, intent.y):
            self.scroll = max(0, min(self._max_scroll, self.scroll - 3 * intent.steps))
            return True
        return super().handle(intent)

    # -- drawing ------------------------------------------------------------------------------------

    def draw_year(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        theme = painter.theme
        row = self.years[index]
        y = rect.y + (rect.height - painter.fonts.line_height("mono_bold", theme.body)) // 2
        colour = "title" if row.status == "current" else "text" if row.status == "past" else "dim"
        painter.text(str(row.year), rect.x + theme.pad, y, theme.body, colour, "mono_bold")
        count = len([entry for entry in row.game if entry.kind != "year"])
        note = STATUS_WORDS[row.status] or (f"{count} in your race" if count else "")
        painter.text(note, rect.right - theme.px(8), y + theme.px(2), theme.small, "dim", align="right",
                     max_width=rect.width - painter.fonts.width("0000", "mono_bold", theme.body) - 3 * theme.pad)

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        list_w = max(theme.px(150), rect.width // 7)
        painter.text("Years", rect.x, rect.y, theme.small, "accent", "bold")
        head = painter.fonts.line_height("bold", theme.small) + theme.px(2)
        self.year_list.rect = pygame.Rect(rect.x, rect.y + head, list_w, rect.height - head)
        self.year_list.draw(painter, self.focused() is self.year_list)
        page = pygame.Rect(rect.x + list_w + pad, rect.y, rect.width - list_w - pad, rect.height)
        if not self.years:
            inner = self.panel(painter, page, "Almanac")
            painter.paragraph("There are no years to show.", inner, theme.small, "dim")
            return
        row = self.years[min(self.year_list.selected, len(self.years) - 1)]
        # the year's head: the year, where the game is, and (after the race) the way back to the result
        title_h = painter.fonts.line_height("mono_bold", theme.large)
        area = painter.text(str(row.year), page.x, page.y, theme.large, "title", "mono_bold")
        state = self.play.state
        status = {"past": "played" if row.year >= state.start_year else "before this scenario began",
                  "current": "the year you are playing", "future": "not played yet"}[row.status]
        painter.text(status, area.right + pad, page.y + (title_h - painter.fonts.line_height("sans", theme.small)) // 2,
                     theme.small, "dim")
        right_edge = page.right
        if self.result_button in self.body_widgets():
            w, h = self.result_button.size(painter)  # the same size as on the other screens
            self.result_button.rect = pygame.Rect(page.right - w, page.y, w, h)
            self.result_button.draw(painter, self.focused() is self.result_button)
            right_edge = self.result_button.rect.x - pad
        painter.text("Up/Down: year · Page Up/Down: scroll", right_edge, page.y + theme.px(6), theme.small, "dim",
                     align="right", max_width=max(10, right_edge - area.right - 12 * pad))
        top = page.y + title_h + pad // 2
        half = (page.width - pad) // 2
        columns = (pygame.Rect(page.x, top, half, page.bottom - top),
                   pygame.Rect(page.x + half + pad, top, page.width - half - pad, page.bottom - top))
        self.page_rect = pygame.Rect(page.x, top, page.width, page.bottom - top)
        line_h = painter.fonts.line_height("sans", theme.small)
        inners = [self.panel(painter, columns[0], "In history"), self.panel(painter, columns[1], "In your race")]
        laid = [self._history_lines(painter, row, inners[0].width), self._game_lines(painter, row, inners[1].width)]
        visible = max(1, min(inner.height for inner in inners) // line_h)
        self._page = max(1, visible - 2)
        self._max_scroll = max(0, max(len(lines) for lines in laid) - visible)
        self.scroll = min(self.scroll, self._max_scroll)
        for column, inner, lines in zip(columns, inners, laid):
            # the columns share one scroll, each stopping at its own end (the shorter one stays in sight)
            skip = min(self.scroll, max(0, len(lines) - visible))
            self._draw_lines(painter, inner, lines, line_h, skip)
            below = len(lines) - skip - visible
            hints = ([f"▼ {below} more lines — Page Down", f"▼ {below} more", "▼"] if below > 0
                     else ["▲ Page Up", "▲"] if skip else [])
            if hints:  # in the heading of the column that has more, as long as the heading leaves room for
                heading_w = painter.fonts.width(("In history" if column is columns[0] else "In your race").upper(),
                                                "mono_bold", theme.body)
                room = max(10, column.width - heading_w - 4 * pad)
                hint = next((text for text in hints if painter.fonts.width(text, "sans", theme.small) <= room),
                            hints[-1])
                painter.text(hint, column.right - pad, column.y + pad, theme.small, "warn", align="right",
                             max_width=room)

    def _entry_lines(self, painter: Painter, width: int, when: str, side: str, title: str, text: str,
                     colour: str) -> list[Line]:
        """A dated entry: the date and the side's mark in the margin, the title in bold, the note wrapped below."""
        theme = painter.theme
        fonts = painter.fonts
        room = max(20, width - self._margin(painter))
        lines: list[Line] = []
        for index, piece in enumerate(fonts.wrap(title, "bold", theme.small, room)):
            lines.append((when if index == 0 else "", side if index == 0 else "", piece, colour, "bold", False))
        for piece in fonts.wrap(text, "sans", theme.small, room) if text else []:
            lines.append(("", "", piece, "dim", "sans", False))
        return lines

    def _margin(self, painter: Painter) -> int:
        """The width of the date and mark margin."""
        theme = painter.theme
        return (painter.fonts.width("00 Mmm", "mono", theme.small) + theme.pad // 2
                + painter.fonts.line_height("sans", theme.small) + theme.pad // 2)

    def _history_lines(self, painter: Painter, row: views.AlmanacYear, width: int) -> list[Line]:
        lines: list[Line] = []
        for entry in row.history:
            lines += self._entry_lines(painter, width, entry.when, entry.side, entry.title, entry.text, "text")
        if not lines:
            lines.append(("", "", "Nothing of the race is recorded for this year.", "dim", "sans", True))
        return lines

    def _game_lines(self, painter: Painter, row: views.AlmanacYear, width: int) -> list[Line]:
        lines: list[Line] = []
        if row.status == "future":
            return [("", "", "Not played yet: the almanac fills in as you play.", "dim", "sans", True)]
        for entry in row.game:
            if entry.kind in ("first", "second"):
                who = SIDE_LABELS.get(entry.side, entry.side.upper())
                text = f"{who}: {entry.text}"
                colour = "title" if entry.kind == "first" else "text"
                lines += self._entry_lines(painter, width, entry.when, entry.side, entry.title, text, colour)
            elif entry.kind == "year":
                lines += self._entry_lines(painter, width, "", "", entry.title, entry.text, "info")
            else:
                lines += self._entry_lines(painter, width, entry.when, entry.side, entry.title,
                                           entry.text.capitalize(), "text")
        if row.status == "current":
            note = ("The year is under way: milestones are claimed as flights land, and the year closes when you "
                    "end it (Ctrl+E).")
            lines += [("", "", piece, "dim", "sans", True)
                      for piece in painter.fonts.wrap(note, "sans", painter.theme.small, max(20, width))]
        if not lines:
            lines.append(("", "", "Nothing happened in your race this year.", "dim", "sans", True))
        return lines

    def _draw_lines(self, painter: Painter, rect: pygame.Rect, lines: list[Line], line_h: int, skip: int) -> None:
        theme = painter.theme
        date_w = painter.fonts.width("00 Mmm", "mono", theme.small) + theme.pad // 2
        margin = self._margin(painter)
        y = rect.y
        for when, side, text, colour, face, full in lines[skip:]:
            if y + line_h > rect.bottom:
                break
            if when:
                painter.text(when, rect.x, y, theme.small, "dim", "mono")
            if side:
                painter.side_mark(side, (rect.x + date_w + line_h // 2, y + line_h // 2), max(3, line_h // 3))
            indent = 0 if full else margin
            if text:
                painter.text(text, rect.x + indent, y, theme.small, colour, face, max_width=rect.width - indent)
            y += line_h
