"""Rows that scroll: text laid out line by line, so a long text is never cut or drawn over what follows it.

A scene builds its rows for the width it has (`text_rows`, `heading_row`, `gauge_rows`, `Gap`) and shows as many
as fit, from a scroll position counted in rows; what does not fit is scrolled to, never clipped. `Document` is
such a column as one focusable widget (the arrows, Page Up/Down, Home/End and the wheel scroll it); the event card
lays out its own rows, with its choice buttons among them.
"""

from __future__ import annotations

from typing import Callable

import pygame

from .intents import Intent, Key, Wheel
from .painter import Painter
from .widgets import Widget

MOOD_COLOURS = {"hostile": "bad", "cool": "bad", "wary": "warn", "warm": "good", "devoted": "good"}


class Row:
    """One row of a column: its height, and how it paints itself at (x, y) in a given width."""

    height = 0

    def paint(self, painter: Painter, x: int, y: int, width: int) -> None:
        """Draw the row with its top-left at x, y."""


class Gap(Row):
    def __init__(self, height: int) -> None:
        self.height = height


class TextLine(Row):
    def __init__(self, painter: Painter, text: str, size: int, colour: str, face: str, indent: int) -> None:
        self.text, self.size, self.colour, self.face, self.indent = text, size, colour, face, indent
        self.height = painter.fonts.line_height(face, size)

    def paint(self, painter: Painter, x: int, y: int, width: int) -> None:
        if self.text:
            painter.text(self.text, x + self.indent, y, self.size, self.colour, self.face,
                         max_width=max(10, width - self.indent))


class Heading(Row):
    """A section heading with a rule under it, as panels have."""

    def __init__(self, painter: Painter, text: str) -> None:
        self.text = text.upper()
        theme = painter.theme
        self.height = painter.fonts.line_height("mono_bold", theme.body) + theme.px(2) + theme.px(6)

    def paint(self, painter: Painter, x: int, y: int, width: int) -> None:
        theme = painter.theme
        painter.text(self.text, x, y, theme.body, "accent", "mono_bold", max_width=width)
        bottom = y + painter.fonts.line_height("mono_bold", theme.body) + theme.px(2)
        painter.line((x, bottom), (x + width, bottom), "grid")


class Gauge(Row):
    """A bar with its value in words on the right, and (room allowing) a label on the left."""

    def __init__(self, painter: Painter, label: str, fraction: float, colour: str, value: str, bar_label: str,
                 label_width: int, indent: int = 0) -> None:
        self.label, self.fraction, self.colour, self.value, self.bar_label = label, fraction, colour, value, bar_label
        self.label_width, self.indent = label_width, indent
        self.height = painter.fonts.line_height("sans", painter.theme.small) + painter.theme.px(2)

    def paint(self, painter: Painter, x: int, y: int, width: int) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        x += self.indent
        width -= self.indent
        if self.label:
            painter.text(self.label, x, y, theme.small, "text", max_width=self.label_width - theme.pad // 2)
        value_w = painter.fonts.width(self.value, "sans", theme.small)
        left = x + self.label_width
        bar_w = max(theme.px(8), width - self.label_width - value_w - theme.pad)
        painter.bar((left, y + small // 4, bar_w, max(2, small // 2)), self.fraction, self.colour, self.bar_label)
        painter.text(self.value, x + width, y, theme.small, self.colour, align="right")


def text_rows(painter: Painter, text: str, width: int, size: int | None = None, colour: str = "text",
              face: str = "sans", indent: int = 0) -> list[Row]:
    """A paragraph as one row a line."""
    size = size or painter.theme.body
    lines = painter.fonts.wrap(text, face, size, max(10, width - indent))
    return [TextLine(painter, line, size, colour, face, indent) for line in lines]


def gauge_rows(painter: Painter, label: str, fraction: float, colour: str, value: str, bar_label: str, width: int,
               indent: int = 0) -> list[Row]:
    """A labelled gauge on one row; when the label and value leave the bar too little room, the label goes on a
    row of its own above a full-width bar."""
    theme = painter.theme
    label_w = painter.fonts.width(label, "sans", theme.small) + theme.pad
    value_w = painter.fonts.width(value, "sans", theme.small) + theme.pad
    room = width - indent
    column = max(label_w, room * 3 // 10)
    if column + value_w + theme.px(60) <= room:
        return [Gauge(painter, label, fraction, colour, value, bar_label, column, indent)]
    return [*text_rows(painter, label, width, theme.small, "text", indent=indent),
            Gauge(painter, "", fraction, colour, value, bar_label, 0, indent)]


def fitting(rows: list[Row], start: int, height: int) -> int:
    """The index after the last row that fits in height, from start."""
    used, end = 0, start
    while end < len(rows) and used + rows[end].height <= height:
        used += rows[end].height
        end += 1
    return end


def last_start(rows: list[Row], height: int) -> int:
    """The furthest scroll position: the first row of the last screenful."""
    used, start = 0, len(rows)
    while start > 0 and used + rows[start - 1].height <= height:
        used += rows[start - 1].height
        start -= 1
    return min(start, max(0, len(rows) - 1))


def total_height(rows: list[Row]) -> int:
    return sum(row.height for row in rows)


class Document(Widget):
    """A column of rows that scrolls, line by line: Up/Down, Page Up/Down, Home/End and the wheel."""

    def __init__(self, build: Callable[[Painter, int], list[Row]]) -> None:
        super().__init__()
        self.build = build  # (painter, width) → the rows
        self.scroll = 0
        self._page = 1  # rows shown in the last frame
        self._count = 0
        self._last = 0  # the furthest scroll position in the last frame

    @property
    def overflowing(self) -> bool:
        return self._page < self._count

    def handle(self, intent: Intent) -> bool:
        if not isinstance(intent, Key) or intent.ctrl:
            return False
        moves = {"up": -1, "down": 1, "page up": -max(1, self._page - 1), "page down": max(1, self._page - 1),
                 "home": -self._count, "end": self._count}
        if intent.name in moves:
            self.scroll = max(0, min(self._last, self.scroll + moves[intent.name]))
            return True
        return False

    def wheel(self, intent: Wheel) -> bool:
        self.scroll = max(0, min(self._last, self.scroll - intent.steps * 3))
        return True

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        rect = self.rect
        bar_room = theme.px(8)
        rows = self.build(painter, rect.width - 2 * theme.pad - bar_room)
        self._count = len(rows)
        inner = rect.inflate(-2 * theme.pad, -theme.pad)
        height = inner.height
        hint_h = painter.fonts.line_height("sans", theme.small)
        if total_height(rows) > height:
            height -= hint_h  # a line at the foot says there is more
        self._last = last_start(rows, height)
        self.scroll = max(0, min(self.scroll, self._last))
        end = fitting(rows, self.scroll, height)
        self._page = end - self.scroll
        y = inner.y
        for row in rows[self.scroll:end]:
            row.paint(painter, inner.x, y, inner.width - bar_room)
            y += row.height
        if self.overflowing:
            below = len(rows) - end
            hint = (f"▼ {below} more line{'' if below == 1 else 's'} — Down, Page Down or the wheel" if below
                    else "▲ more above — Up, Page Up or Home")
            painter.text(hint, inner.x, inner.bottom - hint_h, theme.small, "warn", max_width=inner.width - bar_room)
            track = pygame.Rect(rect.right - theme.px(6), rect.y + theme.px(3), theme.px(4), rect.height - theme.px(6))
            thumb_h = max(theme.px(12), track.height * self._page // max(1, len(rows)))
            top = track.y + (track.height - thumb_h) * self.scroll // max(1, len(rows) - self._page)
            painter.rect((track.x, top, track.width, thumb_h), "grid")
        if focused:
            painter.rect(rect, "focus", width=max(1, theme.px(2)), radius=theme.px(3))
