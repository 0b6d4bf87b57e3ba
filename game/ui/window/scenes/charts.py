"""Charts: both sides' prestige, budget and support by year, as line charts that read without colour.

Each side is a line in its colour *and* a mark at every year (a circle for the USA, a triangle for the
USSR), named in the legend; the values are also listed in a table beside the chart. The drawing functions
here (`chart_points`, `nice_scale`, `draw_chart`) are reused by the game-over summary.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import partial

import pygame

from game.engine.defs import SIDES, rival_of

from ..intents import Key
from ..painter import Painter
from ..theme import SIDE_LABELS
from ..widgets import Button, Widget
from .frame import GameScene

# (state history key, button label, chart heading, key)
METRICS: tuple[tuple[str, str, str, str], ...] = (
    ("prestige", "Prestige", "Prestige at each year's end", "1"),
    ("budget", "Budget", "Budget ($M) for each year", "2"),
    ("support", "Support", "Support at home (of 100) at each year's end", "3"),
)
Series = Sequence[tuple[int, int]]  # (year, value), in year order


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
               title: str = "") -> None:
    """A line chart of each side's series in rect: a legend, labelled axes with a grid, one line per side in
    its colour with its own mark (circle or triangle) at every point."""
    theme = painter.theme
    fonts = painter.fonts
    pad = theme.pad
    small = fonts.line_height("sans", theme.small)
    y = rect.y
    if title:
        painter.text(title, rect.x, y, theme.small, "accent", "bold", max_width=rect.width)
        y += small + pad // 2
    # the legend: a mark and a name for each side, so no one reads the lines by colour alone
    x = rect.x
    for side in series:
        name = SIDE_LABELS.get(side, side.upper()) + (" (you)" if side == you else "")
        mark_line = theme.px(18)
        painter.line((x, y + small // 2), (x + mark_line, y + small // 2), side, max(1, theme.px(2)))
        painter.side_mark(side, (x + mark_line // 2, y + small // 2), max(3, theme.px(5)))
        area = painter.text(name, x + mark_line + pad // 2, y, theme.small, side, "bold")
        x = area.right + 2 * pad
    y += small + pad
    values = [value for points in series.values() for _, value in points]
    years = [year for points in series.values() for year, _ in points]
    low, high, step = nice_scale(values)
    labels = [f"{unit}{tick}" for tick in range(low, high + 1, step)]
    label_w = max(fonts.width(label, "sans", theme.small) for label in labels)
    plot = pygame.Rect(rect.x + label_w + pad, y + small // 2, rect.right - rect.x - label_w - 2 * pad,
                       rect.bottom - y - small // 2 - small - pad)
    if plot.width < theme.px(40) or plot.height < theme.px(30):
        painter.text("(too small to draw the chart)", rect.x, y, theme.small, "dim", max_width=rect.width)
        return
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
        return
    first, last = min(years), max(years)
    inset = pygame.Rect(plot.x + theme.px(12), plot.y, plot.width - 2 * theme.px(12), plot.height)  # marks stay inside
    every = year_step(first, last, inset.width, fonts.width("1960", "sans", theme.small))
    for year in range(first, last + 1):
        tx = chart_points([(year, 0)], inset, 0, 1, first, last)[0][0]
        painter.line((tx, plot.bottom), (tx, plot.bottom + theme.px(4)), "dim")
        if (year - first) % every == 0:
            painter.text(str(year), tx, plot.bottom + theme.px(5), theme.small, "dim", align="centre")
    mark = max(3, theme.px(5))
    for side, points in series.items():
        screen = chart_points(points, inset, low, high, first, last)
        painter.lines(screen, side, max(1, theme.px(2)), label=f"{SIDE_LABELS.get(side, side)} line")
        for point in screen:
            painter.side_mark(side, point, mark)


def history_series(state, metric: str) -> dict[str, list[tuple[int, int]]]:  # noqa: ANN001 - GameState
    """Each side's value of metric at every year's end, then this year's value so far (while it is played)."""
    found: dict[str, list[tuple[int, int]]] = {}
    for side in SIDES:
        own = state.sides[side]
        points = [(entry["year"], entry[metric]) for entry in own.history if "year" in entry and metric in entry]
        if not state.over and all(year != state.year for year, _ in points):
            points.append((state.year, int(getattr(own, metric))))
        found[side] = points
    return found


class ChartsScene(GameScene):
    name = "charts"
    title = "Charts"
    keys = (("1 / 2 / 3", "prestige / budget / support"), ("Left / Right, Tab", "move between the chart buttons"),
            ("Enter", "show the focused chart"), ("Esc", "back to the HQ (after the race: to the result)"),
            *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.metric = 0
        self.buttons = [Button(label, partial(self.show, index), hint=key)
                        for index, (_, label, _, key) in enumerate(METRICS)]
        super().__init__(app)
        self.focus = 0

    def show(self, index: int) -> None:
        self.metric = index
        self.app.dirty = True

    def body_widgets(self) -> list[Widget]:
        return [*self.buttons, *self.result_widgets()]

    def on_key(self, key: Key) -> bool:
        if key.name in ("1", "2", "3") and not key.ctrl and not key.alt and not self.prompt.text:
            if self.focused() in self.buttons:  # the focus follows, so one button is marked, not two
                self.focus_on(self.buttons[int(key.name) - 1])
            self.show(int(key.name) - 1)
            return True
        return super().on_key(key)

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        state, side = self.play.state, self.play.side
        key, _, heading, _ = METRICS[self.metric]
        # the chart buttons, the chosen one marked
        x = rect.x
        for index, button in enumerate(self.buttons):
            w, h = button.size(painter)
            button.rect = pygame.Rect(x, rect.y, w, h)
            button.draw(painter, self.focused() is button, selected=index == self.metric)
            x += w + pad // 2
        if self.result_button in self.body_widgets():
            w, h = self.result_button.size(painter)
            self.result_button.rect = pygame.Rect(rect.right - w, rect.y, w, h)
            self.result_button.draw(painter, self.focused() is self.result_button)
        top = self.buttons[0].rect.bottom + pad // 2
        area = pygame.Rect(rect.x, top, rect.width, rect.bottom - top)
        table_w = min(theme.px(260), area.width // 3)
        chart_rect = pygame.Rect(area.x, area.y, area.width - table_w - pad, area.height)
        table_rect = pygame.Rect(chart_rect.right + pad, area.y, table_w, area.height)
        series = history_series(state, key)
        unit = "$" if key == "budget" else ""
        inner = self.panel(painter, chart_rect, heading)
        small = painter.fonts.line_height("sans", theme.small)
        if not any(entry for entry in state.sides[side].history):
            note = (f"No year has ended yet: the charts grow a point at each year's end. For now, {state.year} "
                    f"so far is shown.")
            used = painter.paragraph(note, (inner.x, inner.y, inner.width, 2 * small), theme.small, "warn")
            inner = pygame.Rect(inner.x, inner.y + min(used, 2 * small) + pad // 2, inner.width,
                                inner.height - min(used, 2 * small) - pad // 2)
        watching = self.play.spectator
        ordered = {side: series[side], rival_of(side): series[rival_of(side)]}
        if key != "prestige" and not (watching or state.over):
            # the rival's budget and support are not public (the year-end report says so too) until the race ends
            ordered = {side: series[side]}
            painter.text(f"{rival_of(side).upper()}'s {key} is not made public until the race is over.",
                         inner.right, inner.y, theme.small, "dim", align="right", max_width=inner.width // 2)
        draw_chart(painter, inner, ordered, you="" if watching else side, unit=unit)
        self._draw_table(painter, table_rect, ordered, unit, side)

    def _draw_table(self, painter: Painter, rect: pygame.Rect, series: Mapping[str, Series], unit: str,
                    you: str) -> None:
        """The same numbers as the chart, year by year (the newest at the top)."""
        theme = painter.theme
        pad = theme.pad
        inner = self.panel(painter, rect, "By year")
        small = painter.fonts.line_height("sans", theme.small)
        sides = list(series)
        col = (inner.width - painter.fonts.width("0000 ", "mono", theme.small)) // max(1, len(sides))
        year_w = inner.width - col * len(sides)
        y = inner.y
        for index, side in enumerate(sides):
            label = SIDE_LABELS.get(side, side.upper()) + ("*" if side == you else "")
            label_w = painter.fonts.line_height("bold", theme.small) + painter.fonts.width(label, "bold", theme.small)
            painter.side_label(side, inner.x + year_w + (index + 1) * col - pad - label_w, y, theme.small, label)
        y += small + theme.px(2)
        values = {side: dict(points) for side, points in series.items()}
        years = sorted({year for points in series.values() for year, _ in points}, reverse=True)
        state = self.play.state
        foot_y = inner.bottom - small
        for index, year in enumerate(years):
            last = index == len(years) - 1
            if y + small > foot_y or (not last and y + 2 * small > foot_y):  # keep a line for "… earlier years"
                painter.text(f"… {len(years) - index} earlier years", inner.x, y, theme.small, "dim",
                             max_width=inner.width)
                break
            live = year == state.year and not state.over
            painter.text(str(year), inner.x, y, theme.small, "info" if live else "dim", "mono")
            for index, side in enumerate(sides):
                value = values[side].get(year)
                right = inner.x + year_w + (index + 1) * col - pad
                painter.text("—" if value is None else f"{unit}{value}", right, y, theme.small,
                             "info" if live else "text", "mono", max_width=col - pad, align="right")
            y += small
        foot = "* you" + (f" · {state.year}: so far this year" if not state.over else "")
        painter.text(foot, inner.x, inner.bottom - small, theme.small, "dim", max_width=inner.width)
