"""Charts: both sides' prestige, budget and support by year, as line charts that read without colour.

Each side is a line in its colour *and* a mark at every year (a circle for the USA, a triangle for the
USSR), named in the legend; the values are also listed in a table beside the chart. The year being played is
a hollow point labelled "so far"; the firsts won sit on the timeline; the pointer over a point or a first shows
its words. The drawing is `game.ui.window.chart`'s (shared with the game-over summary).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

import pygame

from game.engine.defs import SIDES, rival_of

from ..chart import HotSpot, Marker, Series, chart_points, draw_chart, nice_scale, year_step
from ..intents import Key, Motion
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
__all__ = ["ChartsScene", "METRICS", "chart_points", "draw_chart", "first_markers", "history_series", "nice_scale",
           "year_step"]


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


def first_markers(state, content) -> list[Marker]:  # noqa: ANN001 - GameState, Content
    """Every first won so far, for the timeline (the race board's firsts: public to both sides)."""
    markers = []
    for claim in state.claims:
        if claim.first:
            milestone = content.milestones.get(claim.milestone)
            markers.append(Marker(claim.year, claim.month, claim.side, milestone.name if milestone else claim.milestone))
    return markers


class ChartsScene(GameScene):
    name = "charts"
    title = "Charts"
    keys = (("1 / 2 / 3", "prestige / budget / support"), ("Left / Right, Tab", "move between the chart buttons"),
            ("Enter", "show the focused chart"), ("Esc", "back to the HQ (after the race: to the result)"),
            *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.metric = 0
        self.spots: list[HotSpot] = []  # where the last drawn chart's points and firsts are
        self.hovered: HotSpot | None = None  # the one under the pointer: its words show
        self.buttons = [Button(label, partial(self.show, index), hint=key)
                        for index, (_, label, _, key) in enumerate(METRICS)]
        super().__init__(app)
        self.focus = 0

    def show(self, index: int) -> None:
        self.metric = index
        self.hovered = None
        self.app.dirty = True

    def on_motion(self, motion: Motion) -> bool:
        """The pointer over a point or a first: its year and value (or its name) show; True when that changed."""
        under = next((spot for spot in self.spots if pygame.Rect(spot.rect).inflate(6, 6).collidepoint(motion.x, motion.y)),
                     None)
        if under == self.hovered:
            return False
        self.hovered = under
        return True

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
        self.spots = draw_chart(painter, inner, ordered, you="" if watching else side, unit=unit,
                                live_year=None if state.over else state.year, top=100 if key == "support" else None,
                                markers=first_markers(state, self.play.content), hover=self.hovered)
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
