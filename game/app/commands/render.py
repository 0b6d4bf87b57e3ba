"""Terminal rendering: tagged narrative lines and view-model tables as plain (or coloured) text."""

from __future__ import annotations

import textwrap
from typing import Iterable, Sequence

from game.app.narrate import Line

_COLOURS = {
    "title": "\033[1;97m", "heading": "\033[1m", "news": "\033[1;36m", "dilemma": "\033[1;33m", "choice": "\033[33m",
    "good": "\033[32m", "bad": "\033[1;31m", "warn": "\033[33m", "milestone": "\033[1;32m", "rival": "\033[35m",
    "money": "\033[34m", "step": "\033[2m",
}
_RESET = "\033[0m"


def render_line(line: Line, colour: bool) -> str:
    if colour and line.tag in _COLOURS:
        return f"{_COLOURS[line.tag]}{line.text}{_RESET}"
    return line.text


def wrap(line: Line, width: int | None) -> list[Line]:
    """Wrap a long narrative line at word boundaries, keeping its indent (flight steps are never wrapped)."""
    if width is None or len(line.text) <= width or line.tag == "step":
        return [line]
    indent = line.text[: len(line.text) - len(line.text.lstrip())]
    pieces = textwrap.wrap(line.text, width=width, subsequent_indent=indent + "  ", break_on_hyphens=False)
    return [Line(line.tag, piece) for piece in pieces] or [line]


def fit_line(text: str, width: int) -> str:
    """One printed line, wrapped at words to the width under its own indent (and two more spaces)."""
    if len(text) <= width:
        return text
    indent = text[: len(text) - len(text.lstrip())]
    return "\n".join(textwrap.wrap(text, width=width, subsequent_indent=indent + "  ", break_on_hyphens=False)) or text


def render(lines: Iterable[Line], colour: bool, width: int | None = None) -> str:
    return "\n".join(render_line(piece, colour) for line in lines for piece in wrap(line, width))


RULES = "─━═"


def plain_line(text: str) -> str | None:
    """A line for a screen reader: rules of box-drawing characters dropped (None: drop the whole line), a
    heading's rule reduced to its words."""
    stripped = text.strip()
    if not stripped:
        return text
    words = stripped.strip(RULES + " ")
    if not words:
        return None
    return text.replace(stripped, words) if stripped != words else text


def plain_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table for a screen reader: the count first, then one line a row, "first cell: header value; …"."""
    lines = [f"{len(rows)} row{'s' if len(rows) != 1 else ''}."]
    for row in rows:
        parts = [f"{header}: {cell}" for header, cell in zip(headers[1:], row[1:]) if cell.strip()]
        lines.append(f"{row[0]}: {'; '.join(parts)}." if parts else f"{row[0]}.")
    return "\n".join(lines)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = (),
          width: int | None = None, keep: Sequence[int] = (), plain: bool = False) -> str:
    """A plain aligned table; columns listed in `right` are right-aligned (numbers). Given a width it fits: the
    last column goes on a line of its own under each row when that is what it takes, then the widest text
    columns narrow and their cells wrap at words. Columns in `keep` (ids to type) and numbers never narrow."""
    cells = [[str(cell) for cell in row] for row in rows]
    if plain:
        return plain_table(headers, cells)
    widths = [len(header) for header in headers]
    for row in cells:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))
    below = False  # the last column on its own line under each row
    if width is not None and _span(widths) > width:
        fixed = set(right) | set(keep)
        if len(headers) > 2 and len(headers) - 1 not in fixed:
            below = True
            widths = widths[:-1]
        words = [max((len(word) for row in cells for word in (row[i].split() if i < len(row) else [])), default=0)
                 for i in range(len(widths))]
        least = [max(max(len(word) for word in headers[i].split() or [""]), min(words[i], LONGEST_WORD), NARROWEST)
                 for i in range(len(widths))]
        _fit(widths, least, fixed, width)

    def fmt(row: Sequence[str]) -> list[str]:
        pieces = [_wrap_cell(cell, widths[i]) for i, cell in enumerate(row[: len(widths)])]
        height = max((len(piece) for piece in pieces), default=1)
        lines = []
        for depth in range(height):
            parts = [(piece[depth] if depth < len(piece) else "") for piece in pieces]
            parts = [part.rjust(widths[i]) if i in right else part.ljust(widths[i]) for i, part in enumerate(parts)]
            lines.append("  ".join(parts).rstrip())
        if below and len(row) > len(widths) and row[-1].strip():
            lines += textwrap.wrap(row[-1], width=(width or 80) - 4, initial_indent="    ", subsequent_indent="    ",
                                   break_on_hyphens=False)
        return lines

    lines = fmt(list(headers)) + ["  ".join("─" * width_ for width_ in widths).rstrip()]
    for row in cells:
        lines += fmt(row)
    return "\n".join(lines)


NARROWEST = 8  # a text column is never narrowed below this, its header, or its longest word (up to LONGEST_WORD)
LONGEST_WORD = 16


def _span(widths: Sequence[int]) -> int:
    return sum(widths) + 2 * (len(widths) - 1)


def _fit(widths: list[int], least: Sequence[int], fixed: set[int], width: int) -> None:
    """Narrow the widest text columns, one character at a time, until the table fits in `width`."""
    while _span(widths) > width:
        narrowable = [i for i in range(len(widths)) if i not in fixed and widths[i] > least[i]]
        if not narrowable:
            return  # as narrow as it can be: the terminal wraps the rest
        widest = max(narrowable, key=lambda i: (widths[i], -i))
        widths[widest] -= 1


def _wrap_cell(cell: str, width: int) -> list[str]:
    if len(cell) <= width:
        return [cell]
    return textwrap.wrap(cell, width=width, break_on_hyphens=False, break_long_words=True) or [""]


def percent(permille: int) -> str:
    return f"{permille / 10:.1f}%"
