"""A line chart of both sides' values by year, read without colour: each side a line in its colour *and* its
shape at every point, named in a legend. The point of a year still being played is hollow and labelled; the
firsts each side won sit on the timeline under the years; every point and first answers the pointer with its
words (the hot spots `draw_chart` returns, which the scene hit-tests on a mouse move). Used by the Charts tab
and the game-over summary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pygame

from game.engine.defs import MONTHS

from .painter import Painter
from .theme import SIDE_LABELS

Series = Sequence[tuple[int, int]]  # (year, value), in year order


@dataclass(frozen=True, slots=True)
class HotSpot:
    """A place on the chart that tells its value when the pointer is over it."""

    rect: tuple[int, int, int, int]
    text: str
    side: str


@dataclass(frozen=True, slots=True)
class Marker:
    """A first won, on the timeline."""

    year: int
    month: int
    side: str
    name: str


def chart_points(series: Series, rect: pygame.Rect | tuple[int, int, int, int], y_min: float, y_max: float,
                 x_min: int | None = None, x_max: int | None = None) -> list[tuple[int, int]]:
    """Screen points of (year, value) pairs inside rect: years spread left to right (x_min..x_max, by default
    the series' own), values bottom (y_min) to top (y_max), clamped to the rect. A single year sits in the
    middle; a flat scale puts every value half way up."""
    x, y, width, height = tuple(rect)
    if not series:
        return []
    years = [year for year, _ in series]
    low = min(years) if x_min is None else x_min
    high = max(years) if x_max is None else x_max
    points = []
    for year, value in series:
        if high > low:
            px = x + round((year - low) * (width - 1) / (high - low))
        else:
            px = x + width // 2
        if y_max > y_min:
            share = (value - y_min) / (y_max - y_min)
        else:
            share = 0.5
        share = max(0.0, min(1.0, share))
        py = y + height - 1 - round(share * (height - 1))
        points.append((px, py))
    return points


def nice_scale(values: Sequence[int], ticks: int = 5) -> tuple[int, int, int]:
    """(low, high, step) of a value axis that holds every value, with round steps (1, 2, 5 × 10ⁿ); starts
    at 0 unless a value is negative."""
    low = min(min(values, default=0), 0)
    high = max(max(values, default=0), low + 10)
    raw = (high - low) / max(1, ticks - 1)
    step = 1
    while True:
        found = next((step * factor for factor in (1, 2, 5) if step * factor >= raw), None)
        if found is not None:
            step = found
            break
        step *= 10
    low = (low // step) * step
    high = -((-high) // step) * step
    if high == low:
        high = low + step
    return low, high, step


def year_step(first: int, last: int, width: int, label_width: int) -> int:
    """Label every year, or every 2nd, 5th or 10th when labels would touch."""
    span = max(1, last - first)
    for step in (1, 2, 5, 10):
        if (span // step + 1) * label_width * 1.5 <= width:
            return step
    return 10


def draw_chart(painter: Painter, rect: pygame.Rect, series: Mapping[str, Series], you: str = "", unit: str = "",
               title: str = "", live_year: int | None = None, top: int | None = None, markers: Sequence[Marker] = (),
               hover: HotSpot | None = None) -> list[HotSpot]:
    """A line chart of each side's series in rect: a legend, labelled axes with a grid, one line per side in its
    colour with its own mark at every point. live_year's points (the year being played) are hollow, joined by a
    dashed line and labelled "so far"; top makes the value axis reach at least that (support: 100); markers are
    the firsts won, under the years. Returns the hot spots (points and markers) and draws hover's words."""
    theme = painter.theme
    fonts = painter.fonts
    pad = theme.pad
    small = fonts.line_height("sans", theme.small)
    spots: list[HotSpot] = []
    y = rect.y
    if title:
        painter.text(title, rect.x, y, theme.small, "accent", "bold", max_width=rect.width)
        y += small + pad // 2
    # the legend: a mark and a name for each side, so no one reads the lines by colour alone
    x = rect.x
    mark_line = theme.px(18)
    for side in series:
        name = SIDE_LABELS.get(side, side.upper()) + (" (you)" if side == you else "")
        painter.line((x, y + small // 2), (x + mark_line, y + small // 2), side, max(1, theme.px(2)))
        painter.side_mark(side, (x + mark_line // 2, y + small // 2), max(3, theme.px(5)))
        area = painter.text(name, x + mark_line + pad // 2, y, theme.small, side, "bold")
        x = area.right + 2 * pad
    if markers and x < rect.right - pad:
        painter.text("Under the years: each first won (point at one)", x, y, theme.small, "dim",
                     max_width=rect.right - x)
    y += small + pad
    values = [value for points in series.values() for _, value in points] + ([top] if top is not None else [])
    years = [year for points in series.values() for year, _ in points]
    low, high, step = nice_scale(values, ticks=6 if top is not None else 5)
    labels = [f"{unit}{tick}" for tick in range(low, high + 1, step)]
    label_w = max(fonts.width(label, "sans", theme.small) for label in labels)
    strip = (max(3, theme.px(5)) * 2 + theme.px(6)) if markers else 0  # the firsts, under the years
    plot = pygame.Rect(rect.x + label_w + pad, y + small // 2, rect.right - rect.x - label_w - 2 * pad,
                       rect.bottom - y - small // 2 - small - pad - strip)
    if plot.width < theme.px(40) or plot.height < theme.px(30):
        painter.text("(too small to draw the chart)", rect.x, y, theme.small, "dim", max_width=rect.width)
        return spots
    # value axis: a grid line at every step, and a label at every step the labels have room for
    gap = plot.height * step / max(1, high - low)
    every = max(1, -(-small * 6 // 5 // max(1, int(gap))))
    for index, (tick, label) in enumerate(zip(range(low, high + 1, step), labels)):
        ty = chart_points([(0, tick)], plot, low, high, 0, 0)[0][1]
        painter.line((plot.x, ty), (plot.right, ty), "grid")
        if index % every == 0:
            painter.text(label, plot.x - pad // 2, ty - small // 2, theme.small, "dim", align="right")
    painter.line((plot.x, plot.y), (plot.x, plot.bottom), "dim")
    painter.line((plot.x, plot.bottom), (plot.right, plot.bottom), "dim")
    if not years:
        return spots
    first, last = min(years), max(years)
    inset = pygame.Rect(plot.x + theme.px(12), plot.y, plot.width - 2 * theme.px(12), plot.height)  # marks stay inside
    every = year_step(first, last, inset.width, fonts.width("1960", "sans", theme.small))
    for year in range(first, last + 1):
        tx = chart_points([(year, 0)], inset, 0, 1, first, last)[0][0]
        painter.line((tx, plot.bottom), (tx, plot.bottom + theme.px(4)), "dim")
        if (year - first) % every == 0:
            painter.text(str(year), tx, plot.bottom + theme.px(5), theme.small, "dim", align="centre")
    mark = max(3, theme.px(5))
    live_points: list[tuple[int, int]] = []
    for side, points in series.items():
        screen = chart_points(points, inset, low, high, first, last)
        final = [point for point, (year, _) in zip(screen, points) if year != live_year]
        painter.lines(final, side, max(1, theme.px(2)), label=f"{SIDE_LABELS.get(side, side)} line")
        who = SIDE_LABELS.get(side, side.upper())
        for point, (year, value) in zip(screen, points):
            live = year == live_year
            if live and final:  # the year being played: a dashed step from the last year's end
                _dashed(painter, final[-1], point, side, max(1, theme.px(2)))
            painter.side_mark(side, point, mark, hollow=live)
            if live:
                live_points.append(point)
            words = f"{who} {year}: {unit}{value}" + (" so far this year" if live else "")
            spots.append(HotSpot((point[0] - mark - 2, point[1] - mark - 2, 2 * mark + 4, 2 * mark + 4), words, side))
    if live_points:  # one label for the year still being played, above its highest point (below, at the top)
        x, y = min(live_points, key=lambda point: point[1])
        text = f"{live_year} so far"
        width = fonts.width(text, "sans", theme.small)
        left = min(max(plot.x + pad // 2, x - width // 2), plot.right - width)
        above = y - mark - small - theme.px(2)
        painter.text(text, left, above if above >= plot.y else y + mark + theme.px(2), theme.small, "info")
    if markers:
        spots += _draw_markers(painter, inset, plot.bottom + small + theme.px(8), markers, first, last)
    if hover is not None and any(spot.text == hover.text for spot in spots):
        draw_tooltip(painter, rect, next(spot for spot in spots if spot.text == hover.text))
    return spots


def marker_x(inset: pygame.Rect, year: int, month: int, first: int, last: int) -> int:
    """Where a first of (year, month) sits: under its own year's label, the months spread across that year's share
    of the axis (January just left of the label, December just right), so a reader finds it under the year it names."""
    centre = chart_points([(year, 0)], inset, 0, 1, first, last)[0][0]
    if last <= first:
        return centre
    span = (inset.width - 1) / (last - first)
    return max(inset.x, min(inset.right - 1, round(centre + span * (month - 6.5) / 12)))


def _draw_markers(painter: Painter, inset: pygame.Rect, y: int, markers: Sequence[Marker], first: int,
                  last: int) -> list[HotSpot]:
    """The firsts: the winner's shape in its colour on a short stem, on the timeline; a first that would sit on
    another's moves along a little."""
    theme = painter.theme
    size = max(3, theme.px(4))
    spots: list[HotSpot] = []
    taken: list[int] = []
    for marker in sorted(markers, key=lambda found: (found.year, found.month, found.side, found.name)):
        x = marker_x(inset, marker.year, marker.month, first, last)
        while any(abs(x - other) < 2 * size + 1 for other in taken):
            x += 2 * size + 1
        taken.append(x)
        painter.line((x, y - theme.px(3)), (x, y + size), "dim")
        painter.side_mark(marker.side, (x, y + size + 1), size)
        who = SIDE_LABELS.get(marker.side, marker.side.upper())
        words = f"{MONTHS[marker.month - 1]} {marker.year}: {who} first — {marker.name}"
        spots.append(HotSpot((x - size - 1, y - 1, 2 * size + 3, 2 * size + 3), words, marker.side))
        painter._note("shape", f"first: {marker.name}", (x - size, y, 2 * size, 2 * size), marker.side)
    return spots


def _dashed(painter: Painter, start: tuple[int, int], end: tuple[int, int], colour: str, width: int) -> None:
    pieces = 8
    for index in range(0, pieces, 2):
        a = (start[0] + (end[0] - start[0]) * index // pieces, start[1] + (end[1] - start[1]) * index // pieces)
        b = (start[0] + (end[0] - start[0]) * (index + 1) // pieces, start[1] + (end[1] - start[1]) * (index + 1) // pieces)
        painter.line(a, b, colour, width)


def draw_tooltip(painter: Painter, bounds: pygame.Rect, spot: HotSpot) -> None:
    """The words of a hot spot in a small box beside it, kept inside bounds."""
    theme = painter.theme
    pad = theme.pad
    width = min(bounds.width, painter.fonts.width(spot.text, "bold", theme.small) + 2 * pad)
    height = painter.fonts.line_height("bold", theme.small) + pad
    x, y, w, h = spot.rect
    left = min(max(bounds.x, x + w + pad // 2), bounds.right - width)
    if left < x + w and x - pad // 2 - width >= bounds.x:  # no room to the right: to the left
        left = x - pad // 2 - width
    top = min(max(bounds.y, y - height - pad // 2), bounds.bottom - height)
    box = pygame.Rect(left, top, width, height)
    painter.rect(box, "console", radius=theme.px(3))
    painter.rect(box, spot.side if spot.side in ("usa", "ussr") else "accent", width=max(1, theme.px(2)),
                 radius=theme.px(3), label="tooltip")
    painter.text(spot.text, box.x + pad, box.y + pad // 2, theme.small, "text", "bold", max_width=width - 2 * pad)
