"""A news card as the reader's press prints it (game.app.press): an American front page — edition line,
masthead, date line, a condensed banner headline, a photograph and the story in ruled columns — or a TASS
teleprinter bulletin in capitals on yellow paper. The card's Continue button and keys are the event card's own.

The story's lines flow down the columns; a story too long for the window first takes a smaller size, then pages
with Page Up/Down and the wheel (the card's scroll counts lines), so no text is ever cut.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.app import press

from ..painter import Painter
from ..vignettes import picture

if TYPE_CHECKING:
    from .event_card import EventCardScene

CONDENSE = 0.78  # the banner's squeeze: DejaVu Sans Bold made into a condensed headline face


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    colour: str


@dataclass(slots=True)
class Layout:
    """What the page needs for a given width: the sizes chosen and the lines in each part."""

    headline: list[str]
    headline_size: int
    body: list[Line]
    body_size: int
    face: str
    columns: int
    column_w: int
    photo_h: int  # the picture at the head of the first column (0: none)


def draw_news(card: "EventCardScene", painter: Painter, page: press.NewsPage, vignette: str) -> None:
    """The whole card: the paper, its parts, the foot with Continue and what lies beyond the lines shown."""
    theme = painter.theme
    pad = theme.pad
    width, height = painter.surface.get_size()
    front = page.style == press.FRONT_PAGE
    box_w = min(width - 4 * pad, theme.px(900 if front else 820))
    inner_w = box_w - 4 * pad
    foot_h = card.close_button.size(painter)[1]
    fonts = painter.fonts
    small = theme.small
    line_small = fonts.line_height("sans", small)
    masthead_size = theme.px(40) if front else theme.px(34)
    masthead_face = "bold" if front else "mono_bold"
    top_h = (line_small + theme.px(4) + fonts.line_height(masthead_face, masthead_size) + theme.px(8)
             + fonts.line_height("mono_bold", small) + theme.px(10))
    effects_rows = fonts.wrap(page.effects, "bold", theme.body, inner_w - card.close_button.size(painter)[0] - pad) \
        if page.effects else []
    foot_total = max(foot_h, len(effects_rows) * fonts.line_height("bold", theme.body))
    room = height - 2 * pad
    layout = None
    for body_size in (theme.body, theme.px(14), small):
        layout = _layout(painter, page, vignette, inner_w, body_size, front)
        need = _height(painter, layout, page, top_h, foot_total, front)
        if need <= room:
            break
    assert layout is not None
    box_h = min(room, _height(painter, layout, page, top_h, foot_total, front))
    rect = pygame.Rect((width - box_w) // 2, max(pad, (height - box_h) // 2), box_w, box_h)
    paper = "paper" if front else "telex"
    painter.rect(rect.move(theme.px(6), theme.px(6)), "shadow")
    painter.rect(rect, paper, label=f"{page.style} page")
    x = rect.x + 2 * pad
    if not front:
        _tractor_holes(painter, rect)
    y = rect.y + pad
    # the top: edition line, masthead, date line between rules
    painter.text(page.edition, rect.centerx if front else x, y, small, "ink_dim", "mono" if not front else "sans",
                 max_width=inner_w, align="centre" if front else "left")
    y += line_small + theme.px(4)
    if front:
        painter.lettered(page.masthead, rect.centerx, y, masthead_size, "ink", "bold", spacing=theme.px(3),
                         align="centre")
    else:
        painter.lettered(page.masthead, x, y, masthead_size, "ink", "mono_bold", spacing=theme.px(6))
    y += fonts.line_height(masthead_face, masthead_size) + theme.px(2)
    painter.line((x, y), (x + inner_w, y), "ink", theme.px(3) if front else 1)
    y += theme.px(5)
    if front:
        painter.line((x, y), (x + inner_w, y), "ink", 1)
    painter.text(page.dateline, rect.centerx if front else x, y + theme.px(2), small, "ink", "mono_bold",
                 max_width=inner_w, align="centre" if front else "left")
    y += fonts.line_height("mono_bold", small) + theme.px(4)
    _rule(painter, x, y, inner_w, front)
    y += theme.px(6)
    # the headline and byline
    head_face = "bold" if front else "mono_bold"
    for text in layout.headline:
        if front:
            painter.lettered(text, rect.centerx, y, layout.headline_size, "ink", "bold", spacing=theme.px(1),
                             condense=CONDENSE, align="centre")
        else:
            painter.text(text, x, y, layout.headline_size, "ink", "mono_bold")
        y += fonts.line_height(head_face, layout.headline_size)
    if page.byline:
        for text in fonts.wrap(page.byline, layout.face, small, inner_w):
            painter.text(text, x, y, small, "ink_dim", layout.face)
            y += fonts.line_height(layout.face, small)
    y += theme.px(4)
    _rule(painter, x, y, inner_w, front)
    y += theme.px(8)
    # the columns, paged by the card's scroll
    foot_top = rect.bottom - pad - foot_total
    step = fonts.line_height(layout.face, layout.body_size)
    per_column = max(1, (foot_top - theme.px(8) - y) // step)
    photo_rows = -(-layout.photo_h // step) if layout.photo_h else 0
    shows_photo = card.scroll == 0 and layout.photo_h > 0 and photo_rows <= per_column

    def capacity_of(rows: int) -> int:
        return max(1, rows * layout.columns - (photo_rows if shows_photo else 0))

    capacity = capacity_of(per_column)
    if card.scroll or capacity < len(layout.body):  # a line at the foot of the columns says there is more
        per_column = max(1, per_column - -(-line_small // step))
        capacity = capacity_of(per_column)
    card.scroll = max(0, min(card.scroll, max(0, len(layout.body) - capacity)))
    card._page_rows = capacity
    shown = layout.body[card.scroll:card.scroll + capacity]
    places = _places(len(shown), per_column, layout.columns, photo_rows if shows_photo else 0)
    per_column = max([row + 1 for _, row in places] + [photo_rows if shows_photo else 1])
    gutter = 2 * pad

    def left_of(column: int) -> int:
        return x + column * (layout.column_w + gutter)

    for column in range(1, max([column for column, _ in places] + [layout.columns - 1 if shows_photo else 0]) + 1):
        rule_x = left_of(column) - gutter // 2
        painter.line((rule_x, y), (rule_x, y + per_column * step), "ink_dim", 1)
    if shows_photo:  # at the head of the last column
        image = picture(vignette, layout.column_w, layout.photo_h, grey=True, side=card.play.side)
        painter.image(image, left_of(layout.columns - 1), y, label=f"vignette:{vignette}")
    for line, (column, row) in zip(shown, places):
        if line.text:
            painter.text(line.text, left_of(column), y + row * step, layout.body_size, line.colour, layout.face)
    more = []
    if card.scroll:
        more.append("▲ more above")
    if card.scroll + capacity < len(layout.body):
        more.append("▼ more below")
    if more:
        painter.text(" · ".join(more) + " — Page Up/Down or the wheel", x + inner_w, y + per_column * step, small,
                     "ink_red", align="right", max_width=inner_w)
    # the foot: what the story cost, and Continue
    _rule(painter, x, foot_top - theme.px(4), inner_w, front)
    effects_y = foot_top
    for text in effects_rows:
        painter.text(text, x, effects_y, theme.body, "ink_red" if "costs" in page.effects else "ink", "bold")
        effects_y += fonts.line_height("bold", theme.body)
    w = card.close_button.size(painter)[0]
    card.close_button.rect = pygame.Rect(rect.right - 2 * pad - w, foot_top, w, foot_h)
    card.close_button.draw(painter, card.focused() is card.close_button)


def _places(count: int, rows: int, columns: int, photo_rows: int) -> list[tuple[int, int]]:
    """(column, row) of each of count lines in columns of at most rows lines, the photograph (photo_rows tall) at
    the head of the last column. A story that fits the columns beside the photograph is spread evenly over them;
    a longer one fills each column in turn, the last under the photograph."""
    if columns == 1:
        return [(0, row) for row in range(count)]
    beside = columns - 1 if photo_rows else columns
    even = -(-count // beside) if count else 0
    if even <= max(rows if not photo_rows else photo_rows, 1):
        return [(index // max(1, even), index % max(1, even)) for index in range(count)]
    places: list[tuple[int, int]] = []
    column, row = 0, 0
    for _ in range(count):
        if row >= rows:
            column, row = column + 1, 0
            if photo_rows and column == columns - 1:
                row = photo_rows
        places.append((column, row))
        row += 1
    return places


def _layout(painter: Painter, page: press.NewsPage, vignette: str, inner_w: int, body_size: int,
            front: bool) -> Layout:
    theme = painter.theme
    fonts = painter.fonts
    if front:
        columns = 3 if inner_w >= theme.px(760) else 2 if inner_w >= theme.px(420) else 1
        headline, headline_size = _banner(painter, page.headline, inner_w)
        face = "sans"
    else:
        columns = 1
        headline_size = theme.large
        headline = fonts.wrap(page.headline, "mono_bold", headline_size, inner_w)
        face = "mono"
    gutter = 2 * theme.pad
    column_w = (inner_w - gutter * (columns - 1)) // columns
    if not front:
        column_w = min(column_w, fonts.width("M" * 72, face, body_size))
    lines: list[Line] = []
    for text, colour in ((page.body, "ink"), (page.cause, "ink_red"),
                         (f"In history: {page.note}" if page.note else "", "ink_dim")):
        if not text:
            continue
        if lines:
            lines.append(Line("", "ink"))
        lines += [Line(row, colour) for row in fonts.wrap(text if front else text.upper(), face, body_size, column_w)]
    if not front:
        lines += [Line("", "ink"), Line("+++ END OF BULLETIN +++", "ink_dim")]
    photo_h = column_w * 3 // 5 if front and columns > 1 else 0
    return Layout(headline, headline_size, lines, body_size, face, columns, column_w, photo_h)


def _banner(painter: Painter, headline: str, width: int) -> tuple[list[str], int]:
    """The headline in the largest size that takes at most two lines (three at the smallest), wrapped whole."""
    theme = painter.theme
    spacing = theme.px(1)
    for size in (theme.px(46), theme.px(40), theme.px(34), theme.px(28), theme.large):
        lines = _wrap_lettered(painter, headline, size, width, spacing)
        if len(lines) <= 2 or size == theme.large:
            return lines, size
    return [headline], theme.large  # pragma: no cover - the loop always returns


def _wrap_lettered(painter: Painter, text: str, size: int, width: int, spacing: int) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and painter.lettered_width(trial, size, "bold", spacing, CONDENSE) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    # a single word wider than the page (a mod's long name) is cut into pieces that fit, never drawn past the edge
    fitted: list[str] = []
    for line in lines:
        while painter.lettered_width(line, size, "bold", spacing, CONDENSE) > width and len(line) > 1:
            cut = len(line) - 1
            while cut > 1 and painter.lettered_width(line[:cut], size, "bold", spacing, CONDENSE) > width:
                cut -= 1
            fitted.append(line[:cut])
            line = line[cut:]
        fitted.append(line)
    return fitted


def _height(painter: Painter, layout: Layout, page: press.NewsPage, top_h: int, foot_total: int,
            front: bool) -> int:
    theme = painter.theme
    fonts = painter.fonts
    head_face = "bold" if front else "mono_bold"
    head = len(layout.headline) * fonts.line_height(head_face, layout.headline_size)
    byline = len(fonts.wrap(page.byline, layout.face, theme.small, 10_000)) * fonts.line_height(layout.face, theme.small) \
        if page.byline else 0
    step = fonts.line_height(layout.face, layout.body_size)
    photo_rows = -(-layout.photo_h // step) if layout.photo_h else 0
    count = len(layout.body)
    if photo_rows and layout.columns > 1:
        even = -(-count // (layout.columns - 1))
        rows = photo_rows if even <= photo_rows else max(photo_rows + 1, -(-(count + photo_rows) // layout.columns))
    else:
        rows = max(1, -(-count // layout.columns))
    return theme.pad + top_h + head + byline + theme.px(12) + rows * step + theme.px(8) + foot_total + theme.pad


def _rule(painter: Painter, x: int, y: int, width: int, front: bool) -> None:
    """A plain rule on the front page; a dashed one on the teleprinter's paper."""
    if front:
        painter.line((x, y), (x + width, y), "ink", 1)
        return
    dash = painter.theme.px(6)
    for left in range(x, x + width - dash, 2 * dash):
        painter.line((left, y), (left + dash, y), "ink_dim", 1)


def _tractor_holes(painter: Painter, rect: pygame.Rect) -> None:
    """The sprocket holes down both edges of teleprinter paper."""
    theme = painter.theme
    radius = max(2, theme.px(3))
    step = theme.px(18)
    for y in range(rect.y + step // 2, rect.bottom - radius, step):
        for x in (rect.x + theme.px(9), rect.right - theme.px(9)):
            painter.circle((x, y), radius, "background")
