"""Controls the set-up screens share (new game, saves, settings, mods, problems): `TextField`, a one-line field
that takes only the characters it is told to; `ChoiceRow`, a labelled row of options changed with Left/Right or
the mouse; and the layout helpers for a centred panel of rows and buttons.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pygame

from .. import art
from ..intents import Click, Intent, Key, Text
from ..painter import Painter
from ..scene import Scene, layout_buttons
from ..widgets import Button, Widget

DIGITS = "0123456789"


def is_digit(ch: str) -> bool:
    """An ASCII digit 0–9 only: `str.isdigit` also accepts "²" or "٣", which `int` then refuses or reads
    as a number the player did not type."""
    return len(ch) == 1 and ch in DIGITS


# -- controls ---------------------------------------------------------------------------------


class TextField(Widget):
    """One line of typed text: only characters `allowed` accepts go in (up to `limit`); Backspace, Delete,
    Left/Right/Home/End and Ctrl+U edit it. Enter is left to the scene."""

    def __init__(self, allowed: Callable[[str], bool], limit: int, placeholder: str = "",
                 on_change: Callable[[], None] | None = None, on_refused: Callable[[str], None] | None = None,
                 substitutes: dict[str, str] | None = None,
                 on_substituted: Callable[[str, str], None] | None = None) -> None:
        super().__init__()
        self.allowed = allowed
        self.limit = limit
        self.placeholder = placeholder
        self.on_change = on_change
        self.on_refused = on_refused  # told the characters it would not take
        self.substitutes = substitutes or {}  # a character typed → the one put in its place (a save's space → '-')
        self.on_substituted = on_substituted  # told each (typed, put in) so the scene can say so
        self.text = ""
        self.cursor = 0

    def set(self, text: str) -> None:
        self.text = text[: self.limit]
        self.cursor = len(self.text)
        if self.on_change:
            self.on_change()

    def insert(self, typed: str) -> None:
        swapped = [(ch, self.substitutes[ch]) for ch in dict.fromkeys(typed) if ch in self.substitutes]
        typed = "".join(self.substitutes.get(ch, ch) for ch in typed)
        for original, put in swapped:
            if self.on_substituted:
                self.on_substituted(original, put)
        kept = "".join(ch for ch in typed if self.allowed(ch))
        refused = "".join(ch for ch in typed if not self.allowed(ch))
        kept = kept[: max(0, self.limit - len(self.text))]
        if kept:
            self.text = self.text[: self.cursor] + kept + self.text[self.cursor:]
            self.cursor += len(kept)
            if self.on_change:
                self.on_change()
        if refused and self.on_refused:
            self.on_refused(refused)

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Text):
            self.insert(intent.text)
            return True
        if not isinstance(intent, Key):
            return False
        name = intent.name
        if intent.ctrl and name == "u":
            self.set("")
            return True
        if name == "backspace":
            if self.cursor:
                self.text = self.text[: self.cursor - 1] + self.text[self.cursor:]
                self.cursor -= 1
                if self.on_change:
                    self.on_change()
            return True
        if name == "delete":
            if self.cursor < len(self.text):
                self.text = self.text[: self.cursor] + self.text[self.cursor + 1:]
                if self.on_change:
                    self.on_change()
            return True
        moves = {"left": self.cursor - 1, "right": self.cursor + 1, "home": 0, "end": len(self.text)}
        if name in moves:
            self.cursor = max(0, min(len(self.text), moves[name]))
            return True
        return False

    def click(self, intent: Click) -> bool:
        self.cursor = len(self.text)
        return True

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        painter.rect(self.rect, "console", radius=theme.px(3))
        painter.rect(self.rect, "focus" if focused else "grid", width=max(1, theme.px(2 if focused else 1)),
                     radius=theme.px(3))
        size = theme.body
        line = painter.fonts.line_height("mono", size)
        x, y = self.rect.x + theme.pad, self.rect.y + (self.rect.height - line) // 2
        room = self.rect.width - 2 * theme.pad
        shown, start = self.text, 0
        while shown and painter.fonts.width(shown, "mono", size) > room:  # keep the cursor's end in view
            shown, start = shown[1:], start + 1
        if shown:
            painter.text(shown, x, y, size, "text", "mono")
        elif self.placeholder:
            painter.text(self.placeholder, x, y, size, "dim", "mono", max_width=room)
        if focused:
            before = painter.fonts.width(shown[: max(0, self.cursor - start)], "mono", size)
            painter.rect((x + before, y, max(2, theme.px(2)), line), "focus")


class ChoiceRow(Widget):
    """A label and its options. Left/Right choose the one before or after; a click picks the option clicked
    (or steps, on the arrows). All options show as chips when they fit; otherwise ◀ the chosen one ▶."""

    def __init__(self, label: str, options: Callable[[], Sequence[str]], index: Callable[[], int],
                 choose: Callable[[int], None], note: Callable[[], str] = lambda: "",
                 sides: Sequence[str | None] = ()) -> None:
        super().__init__()
        self.label = label
        self.options = options
        self.index = index
        self.choose = choose
        self.note = note  # a line or two under the options (what the choice means)
        self.sides = sides  # per option, a side whose marker is drawn with it
        self.label_width = 0  # set by the scene when it lays the rows out
        self._chips: list[pygame.Rect] = []
        self._arrows: tuple[pygame.Rect, pygame.Rect] | None = None

    def step(self, amount: int) -> None:
        count = len(self.options())
        if count:
            self.choose((self.index() + amount) % count)

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Key) and intent.name in ("left", "right") and not intent.ctrl:
            self.step(-1 if intent.name == "left" else 1)
            return True
        return False

    def click(self, intent: Click) -> bool:
        for index, chip in enumerate(self._chips):
            if chip.collidepoint(intent.x, intent.y):
                self.choose(index)
                return True
        if self._arrows is not None:
            back, _ = self._arrows
            self.step(-1 if back.collidepoint(intent.x, intent.y) else 1)
        return True

    # -- layout -------------------------------------------------------------------------------------

    def _value_box(self, painter: Painter, width: int) -> tuple[int, int]:
        theme = painter.theme
        label_w = self.label_width or theme.px(170)
        return label_w, max(theme.px(60), width - label_w)

    def _chip_widths(self, painter: Painter) -> list[int]:
        theme = painter.theme
        line = painter.fonts.line_height("bold", theme.body)
        return [painter.fonts.width(option, "bold", theme.body) + 2 * theme.pad + (line if self._side(i) else 0)
                for i, option in enumerate(self.options())]

    def _side(self, index: int) -> str | None:
        return self.sides[index] if index < len(self.sides) else None

    def _fits(self, painter: Painter, room: int) -> bool:
        widths = self._chip_widths(painter)
        return sum(widths) + painter.theme.pad // 2 * max(0, len(widths) - 1) <= room

    def height(self, painter: Painter, width: int) -> int:
        theme = painter.theme
        _, room = self._value_box(painter, width)
        top = painter.fonts.line_height("bold", theme.body) + theme.pad
        note = self.note()
        if note:
            lines = painter.fonts.wrap(note, "sans", theme.small, room)
            top += theme.px(4) + len(lines) * painter.fonts.line_height("sans", theme.small)
        return top + theme.px(6)

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        pad = theme.pad
        rect = self.rect
        if focused:
            painter.rect(rect.inflate(theme.px(8), theme.px(4)), "panel_hi", radius=theme.px(4))
            painter.rect(rect.inflate(theme.px(8), theme.px(4)), "focus", width=max(1, theme.px(2)), radius=theme.px(4))
        label_w, room = self._value_box(painter, rect.width)
        chip_h = painter.fonts.line_height("bold", theme.body) + pad
        text_y = rect.y + pad // 2
        painter.text(self.label, rect.x + theme.px(4), text_y, theme.body, "focus" if focused else "accent", "bold",
                     max_width=label_w - pad)
        x0 = rect.x + label_w
        options, chosen = self.options(), self.index()
        self._chips, self._arrows = [], None
        if options and self._fits(painter, room):
            x = x0
            for index, (option, width) in enumerate(zip(options, self._chip_widths(painter))):
                chip = pygame.Rect(x, rect.y, width, chip_h)
                self._draw_chip(painter, chip, option, index, index == chosen)
                self._chips.append(chip)
                x += width + pad // 2
        elif options:
            arrow_w = painter.fonts.width("◀", "bold", theme.body) + pad
            back = pygame.Rect(x0, rect.y, arrow_w, chip_h)
            forward = pygame.Rect(x0 + room - arrow_w, rect.y, arrow_w, chip_h)
            self._arrows = (back, forward)
            for arrow, glyph in ((back, "◀"), (forward, "▶")):
                painter.rect(arrow, "panel", radius=theme.px(3), label=f"{self.label} {glyph}")
                painter.text(glyph, arrow.centerx, arrow.y + pad // 2, theme.body, "accent", "bold", align="centre")
            middle = pygame.Rect(back.right + pad // 2, rect.y, forward.x - back.right - pad, chip_h)
            self._draw_chip(painter, middle, options[chosen % len(options)], chosen % len(options), True,
                            suffix=f"  ({chosen % len(options) + 1} of {len(options)})")
        note = self.note()
        if note:
            painter.paragraph(note, (x0, rect.y + chip_h + theme.px(4), room, rect.bottom - rect.y - chip_h),
                              theme.small, "dim")

    def _draw_chip(self, painter: Painter, chip: pygame.Rect, option: str, index: int, chosen: bool,
                   suffix: str = "") -> None:
        theme = painter.theme
        pad = theme.pad
        painter.rect(chip, "panel_hi" if chosen else "panel", radius=theme.px(3), label=f"{self.label}: {option}")
        painter.rect(chip, "accent" if chosen else "grid", width=max(1, theme.px(2)) if chosen else 1,
                     radius=theme.px(3))
        side = self._side(index)
        colour = "title" if chosen else "dim"
        text = option + (suffix if painter.fonts.width(option + suffix, "bold", theme.body) < chip.width - 2 * pad else "")
        if side:
            height = painter.fonts.line_height("bold", theme.body)
            width = painter.fonts.width(text, "bold", theme.body) + height
            left = chip.x + max(pad, (chip.width - width) // 2)
            painter.side_mark(side, (left + height // 3, chip.y + pad // 2 + height // 2), max(3, height // 3))
            painter.text(text, left + height, chip.y + pad // 2, theme.body, side if chosen else "dim", "bold",
                         max_width=chip.right - left - height - pad // 2)
        else:
            painter.text(text, chip.centerx, chip.y + pad // 2, theme.body, colour, "bold", max_width=chip.width - pad,
                         align="centre")


Row = Widget | Callable[[Painter, pygame.Rect], None] | None


def place_rows(painter: Painter, rows: list[tuple[Row, int]], rect: pygame.Rect, gap: int, focused: object) -> int:
    """Lay out rows top to bottom inside rect; when they do not all fit, scroll so the focused row shows.
    A row is a widget (drawn, its rect set; focused when it is `focused`) or a drawing function; rows that do
    not fit are not drawn and their widgets get an empty rect (so a click cannot reach them). Returns the y
    below the last row drawn."""
    tops, y = [], 0
    for _, height in rows:
        tops.append(y)
        y += height + gap
    total = y - gap
    offset = 0
    if total > rect.height:  # start at the first row from which the focused one still fits
        index = next((i for i, (row, _) in enumerate(rows) if row is focused), 0)
        first = 0
        while first < index and tops[index] + rows[index][1] - tops[first] > rect.height:
            first += 1
        offset = tops[first]
    for (row, height), top in zip(rows, tops):
        visible = top - offset >= 0 and top - offset + height <= rect.height
        area = pygame.Rect(rect.x, rect.y + top - offset, rect.width, height)
        if isinstance(row, Widget):
            row.rect = area if visible else pygame.Rect(0, 0, 0, 0)
            if visible:
                row.draw(painter, row is focused)
        elif row is not None and visible:
            row(painter, area)
    if offset > 0:
        painter.text("▲ more above", rect.right, rect.y - painter.fonts.line_height("sans", painter.theme.small),
                     painter.theme.small, "dim", align="right")
    if total - offset > rect.height:
        painter.text("▼ more below", rect.right, rect.bottom, painter.theme.small, "dim", align="right")
    return rect.y + min(rect.height, total - offset)


def backdrop_width(painter: Painter, widest: int = 1000) -> int:
    """The width inside the set-up screens' panel (see `backdrop`)."""
    theme = painter.theme
    return min(painter.surface.get_width() - 2 * theme.pad, theme.px(widest)) - 4 * theme.pad


def backdrop(painter: Painter, title: str, subtitle: str = "", content_height: int | None = None,
             widest: int = 1000) -> pygame.Rect:
    """The set-up screens' background: stars and a centred panel with a title, tall enough for content_height
    (the whole window's height when None or when it does not fit); returns the panel's inside."""
    theme = painter.theme
    pad = theme.pad
    width, height = painter.surface.get_size()
    art.starfield(painter, pygame.Rect(0, 0, width, height), seed=1961, count=90)
    header = painter.fonts.line_height("mono_bold", theme.large) + pad + theme.px(4)
    if subtitle:
        header += painter.fonts.line_height("sans", theme.small)
    box_w = backdrop_width(painter, widest) + 4 * pad
    box_h = height - 2 * pad
    if content_height is not None:
        box_h = min(box_h, header + content_height + 2 * pad)
    box = pygame.Rect((width - box_w) // 2, (height - box_h) // 2, box_w, box_h)
    painter.rect(box, "console", radius=theme.px(6))
    painter.rect(box, "accent", width=max(1, theme.px(2)), radius=theme.px(6))
    inner = box.inflate(-4 * pad, -2 * pad)
    painter.text(title.upper(), inner.x, inner.y, theme.large, "title", "mono_bold", max_width=inner.width)
    y = inner.y + painter.fonts.line_height("mono_bold", theme.large)
    if subtitle:
        painter.text(subtitle, inner.x, y, theme.small, "dim", max_width=inner.width)
        y += painter.fonts.line_height("sans", theme.small)
    painter.line((inner.x, y + pad // 2), (inner.right, y + pad // 2), "grid")
    top = inner.y + header
    return pygame.Rect(inner.x, top, inner.width, inner.bottom - top)


def buttons_height(painter: Painter, buttons: list[Button], width: int) -> int:
    """How tall a row of buttons is once wrapped to width."""
    theme = painter.theme
    left, rows, row_h = 0, 1, 0
    for button in buttons:
        w, h = button.size(painter)
        if left > 0 and left + w > width:
            rows, left = rows + 1, 0
        left += w + theme.pad
        row_h = max(row_h, h)
    return rows * row_h + (rows - 1) * theme.pad


def draw_buttons(painter: Painter, scene: Scene, buttons: list[Button], x: int, y: int, width: int,
                 default: Button | None = None) -> int:
    """Buttons left to right from (x, y), wrapping; the default one (what Enter does) is outlined. Returns
    the y below them."""
    bottom = layout_buttons(painter, buttons, x, y, width)
    for button in buttons:
        button.draw(painter, scene.focused() is button, selected=button is default and button.enabled)
    return bottom


