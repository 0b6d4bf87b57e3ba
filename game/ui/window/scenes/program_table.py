"""The Programs screen's table: the status words, marks and colours every part of the screen shares, the
list's columns and one row of it (the scene keeps the rows and the selection)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..painter import Painter

if TYPE_CHECKING:
    from .programs import ProgramsScene

STATUS_COLOURS = {"locked": "dim", "available": "info", "developing": "warn", "operational": "good", "grounded": "bad"}
STATUS_MARKS = {"locked": "✕", "available": "○", "developing": "◐", "operational": "●", "grounded": "⚠"}
STATUS_ORDER = {"operational": 0, "grounded": 1, "developing": 2, "available": 3, "locked": 4}


def percent(permille: int) -> str:
    return f"{permille / 10:.1f}%"


def list_columns(scene: "ProgramsScene", painter: Painter, width: int) -> list[tuple[str, int, int]]:
    """(heading, x offset, width) of each column of the list: the short columns as wide as their
    contents, the rest shared by the name and the note."""
    theme = painter.theme
    size, gap = theme.small, theme.pad
    measure = painter.fonts.width
    kinds = max((measure(row.kind, "sans", size) for row in scene.rows), default=0)
    fixed = {
        "Kind": max(kinds, measure("Kind", "bold", size)) + gap,
        "Status": measure("operational", "bold", size) + gap,
        "Reliability": theme.px(40) + measure("100.0%", "sans", size) + 2 * gap,
        "Research": max(measure("Research", "bold", size), measure("$10000M", "sans", size)) + gap,
        "Funded": max(measure("Funded", "bold", size), measure("$1000M", "sans", size)) + gap,
    }
    usable = width - gap
    rest = max(0, usable - sum(fixed.values()))
    names = max((measure(row.name, "bold", size) for row in scene.rows), default=0) + gap
    name_w = max(min(names, rest // 2), min(rest, theme.px(120)))  # a name before a note (the detail has it)
    widths = {"Program": name_w, **fixed, "Note": max(0, rest - name_w)}
    if rest == 0:  # very narrow: everything shrinks alike
        scale = usable / max(1, sum(fixed.values()) + theme.px(200))
        widths = {heading: int(w * scale) for heading, w in
                  {"Program": theme.px(100), **fixed, "Note": theme.px(100)}.items()}
    columns, x = [], gap // 2
    for heading in ("Program", "Kind", "Status", "Reliability", "Research", "Funded", "Note"):
        columns.append((heading, x, widths[heading]))
        x += widths[heading]
    return columns


def draw_list(scene: "ProgramsScene", painter: Painter, rect: pygame.Rect) -> None:
    theme = painter.theme
    small = painter.fonts.line_height("bold", theme.small)
    painter.rect(rect, "panel")
    for heading, x, w in list_columns(scene, painter, rect.width):
        painter.text(heading, rect.x + x, rect.y + theme.px(3), theme.small, "accent", "bold", max_width=w - theme.pad // 2)
    header = small + theme.px(6)
    painter.line((rect.x, rect.y + header - 1), (rect.right - 1, rect.y + header - 1), "grid")
    scene.list.rect = pygame.Rect(rect.x, rect.y + header, rect.width, rect.height - header)
    scene.list.draw(painter, scene.focused() is scene.list)


def draw_row(scene: "ProgramsScene", painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
    if not 0 <= index < len(scene.rows):
        return
    row = scene.rows[index]
    theme = painter.theme
    size = theme.small
    y = rect.y + (rect.height - painter.fonts.line_height("sans", size)) // 2
    colour = STATUS_COLOURS.get(row.status, "text")
    gap = theme.pad // 2
    cells = {heading: (rect.x + x, w) for heading, x, w in list_columns(scene, painter, rect.width)}
    x, w = cells["Program"]
    painter.text(row.name, x, y, size, "text" if row.status != "locked" else "dim", "bold", max_width=w - gap)
    x, w = cells["Kind"]
    painter.text(row.kind, x, y, size, "dim", max_width=w - gap)
    x, w = cells["Status"]
    painter.text(row.status, x, y, size, colour, "bold", max_width=w - gap)
    x, w = cells["Reliability"]
    started = row.status not in ("locked", "available")  # not started: the reliability it would start at
    if not started:
        colour = "dim"
    text_w = painter.fonts.width("100.0%", "sans", size)
    bar_w = max(theme.px(10), w - text_w - 2 * gap)
    bar_h = max(3, rect.height // 3)
    painter.bar((x, rect.centery - bar_h // 2, bar_w, bar_h), row.reliability / 1000, colour,
                f"{row.name} reliability {percent(row.reliability)}")
    painter.text(percent(row.reliability), x + bar_w + gap, y, size, "text" if started else "dim",
                 max_width=w - bar_w - 2 * gap)
    x, w = cells["Research"]
    research = f"${row.research}M" if row.research else "—"
    painter.text(research, x, y, size, "text" if row.research else "dim", max_width=w - gap)
    x, w = cells["Funded"]
    painter.text(f"${row.funding}M" if row.funding else "—", x, y, size, "good" if row.funding else "dim",
                 max_width=w - gap)
    x, w = cells["Note"]
    painter.text(short_note(row.note), x, y, size, "warn" if row.status == "locked" else "dim", max_width=w - gap)


def short_note(note: str) -> str:
    """A program's note, short enough for the list's last column (the detail panel says it in full):
    "cannot be started before 1962" → "not before 1962"; "needs R-7 to be operational first" → "needs R-7 first"."""
    if note.startswith("cannot be started before "):
        return "not before " + note[len("cannot be started before "):]
    if note.startswith("needs ") and note.endswith(" to be operational first"):
        return note[: -len(" to be operational first")] + " first"
    return note
