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


def render(lines: Iterable[Line], colour: bool, width: int | None = None) -> str:
    return "\n".join(render_line(piece, colour) for line in lines for piece in wrap(line, width))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = ()) -> str:
    """A plain aligned table; columns listed in `right` are right-aligned (numbers)."""
    cells = [[str(cell) for cell in row] for row in rows]
    widths = [len(header) for header in headers]
    for row in cells:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], len(cell))

    def fmt(row: Sequence[str]) -> str:
        parts = [cell.rjust(widths[i]) if i in right else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        return "  ".join(parts).rstrip()

    lines = [fmt(list(headers)), fmt(["─" * width for width in widths])]
    lines += [fmt(row) for row in cells]
    return "\n".join(lines)


def percent(permille: int) -> str:
    return f"{permille / 10:.1f}%"
