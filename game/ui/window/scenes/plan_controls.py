"""The planner's controls: the month picker (the twelve months as one control, each open or struck through, with
dots for the launches already booked in it) and the vehicle choice (every rocket and spacecraft that can fly the
mission, stepped through with Left and Right)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..intents import Click, Intent, Key, Text
from ..painter import Painter
from ..widgets import Widget

if TYPE_CHECKING:
    from .planner import PlannerScene

MONTH_KEYS = {"left": -1, "right": 1, "-": -1, "[-]": -1, "=": 1, "+": 1, "[+]": 1}
MONTH_TEXT = ("-", "+", "=")  # the characters those keys also type: swallowed, not sent to the command line


def percent(permille: int) -> str:
    return f"{permille / 10:.1f}%"


def chance_colour(permille: int) -> str:
    return "good" if permille >= 800 else "warn" if permille >= 550 else "bad"


def risk_colour(permille: int) -> str:
    """The chance of losing a crew: any at all is a warning, one in twenty or worse is bad."""
    return "bad" if permille >= 50 else "warn" if permille > 0 else "good"


class _Stepper(Widget):
    """A control stepped by Left/Right (or - and +), with Enter booking the plan: the month strip, the vehicle."""

    scene: "PlannerScene"

    def step(self, by: int) -> None:
        raise NotImplementedError

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Text):
            return intent.text in MONTH_TEXT
        if isinstance(intent, Key) and not intent.ctrl and intent.name in MONTH_KEYS:
            self.step(MONTH_KEYS[intent.name])
            return True
        if isinstance(intent, Key) and intent.name in ("return", "enter") and not intent.ctrl:
            self.scene.schedule()
            return True
        return False


class MonthPicker(_Stepper):
    """The twelve months of the year as one control: Left/Right (or - and +) move, a click picks a month."""

    def __init__(self, scene: "PlannerScene") -> None:
        super().__init__()
        self.scene = scene
        self.cells: list[tuple[pygame.Rect, int]] = []  # (rect, month; 0 = back, 13 = forward) from the last frame

    def step(self, by: int) -> None:
        self.scene.step_month(by)

    def click(self, intent: Click) -> bool:
        for rect, month in self.cells:
            if rect.collidepoint(intent.x, intent.y):
                if month == 0:
                    self.scene.step_month(-1)
                elif month == 13:
                    self.scene.step_month(1)
                else:
                    self.scene.set_month(month)
                return True
        return True

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        self.cells = []
        rect = self.rect
        choices = self.scene.months
        chosen = self.scene.month
        painter.rect(rect, "console", radius=theme.px(3), label="month picker")
        painter.rect(rect, "focus" if focused else "grid", width=max(1, theme.px(2 if focused else 1)), radius=theme.px(3))
        if not choices:
            return
        size = theme.small
        line = painter.fonts.line_height("bold", size)
        arrow_w = painter.fonts.width("◀", "bold", size) + theme.pad
        inner = rect.inflate(-theme.px(4), -theme.px(4))
        back = pygame.Rect(inner.x, inner.y, arrow_w, inner.height)
        forward = pygame.Rect(inner.right - arrow_w, inner.y, arrow_w, inner.height)
        text_y = inner.y + (inner.height - line) // 2
        for cell, mark, month in ((back, "◀", 0), (forward, "▶", 13)):
            painter.text(mark, cell.centerx, text_y, size, "focus" if focused else "accent", "bold", align="centre")
            self.cells.append((cell, month))
        strip = pygame.Rect(back.right, inner.y, forward.x - back.right, inner.height)
        cell_w = strip.width // 12
        widest = max(painter.fonts.width(choice.name[:3], "bold", size) for choice in choices)
        if cell_w < widest + theme.px(4):  # too narrow for twelve cells: the chosen month alone
            choice = choices[chosen - 1]
            painter.text(choice.name, strip.centerx, text_y, size, "text" if choice.allowed else "warn", "bold",
                         align="centre", max_width=strip.width)
            return
        for choice in choices:
            cell = pygame.Rect(strip.x + (choice.month - 1) * cell_w, strip.y, cell_w, strip.height)
            self.cells.append((cell, choice.month))
            selected = choice.month == chosen
            if selected:
                painter.rect(cell.inflate(-theme.px(2), 0), "panel_hi", radius=theme.px(3), label=f"month {choice.name}")
                painter.rect(cell.inflate(-theme.px(2), 0), "focus" if focused else "accent",
                             width=max(1, theme.px(2)), radius=theme.px(3))
            colour = ("focus" if focused else "text") if selected and choice.allowed else "text" if choice.allowed else "dim"
            if selected and not choice.allowed:
                colour = "warn"
            painter.text(choice.name[:3], cell.centerx, text_y, size, colour, "bold" if choice.allowed else "sans",
                         align="centre")
            if not choice.allowed:  # struck through: no launch that month
                y = text_y + line // 2
                painter.line((cell.x + theme.px(5), y), (cell.right - theme.px(5), y), "dim", max(1, theme.px(1)))
            dot = max(2, theme.px(3))
            shown = min(choice.booked, 4)
            left = cell.centerx - (2 * shown - 1) * dot // 2
            for index in range(shown):  # one dot per launch already booked that month
                painter.rect((left + index * 2 * dot, text_y + line, dot, dot), "info")


class VehicleChoice(_Stepper):
    """The rocket and spacecraft (and lander) to fly with, among those that can: Left/Right (or a click on an
    arrow) step through them, Enter schedules as on the months. The plan's chance follows the choice."""

    def __init__(self, scene: "PlannerScene") -> None:
        super().__init__()
        self.scene = scene
        self.arrows: list[tuple[pygame.Rect, int]] = []

    def step(self, by: int) -> None:
        self.scene.step_vehicle(by)

    def click(self, intent: Click) -> bool:
        for rect, step in self.arrows:
            if rect.collidepoint(intent.x, intent.y):
                self.scene.step_vehicle(step)
                return True
        self.scene.step_vehicle(1)
        return True

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        rect = self.rect
        options = self.scene.options
        index = self.scene.vehicle_index()
        painter.rect(rect, "console", radius=theme.px(3), label="vehicle choice")
        painter.rect(rect, "focus" if focused else "grid", width=max(1, theme.px(2 if focused else 1)), radius=theme.px(3))
        if not options:
            return
        size = theme.small
        line = painter.fonts.line_height("bold", size)
        arrow_w = painter.fonts.width("◀", "bold", size) + theme.pad
        inner = rect.inflate(-theme.px(4), -theme.px(4))
        back = pygame.Rect(inner.x, inner.y, arrow_w, inner.height)
        forward = pygame.Rect(inner.right - arrow_w, inner.y, arrow_w, inner.height)
        self.arrows = [(back, -1), (forward, 1)]
        text_y = inner.y + (inner.height - line) // 2
        for cell, mark in ((back, "◀"), (forward, "▶")):
            painter.text(mark, cell.centerx, text_y, size, "focus" if focused else "accent", "bold", align="centre")
        option = options[index]
        tail = f"  {index + 1} of {len(options)}" + ("  (best)" if option.best else "")
        middle = pygame.Rect(back.right, inner.y, forward.x - back.right, inner.height)
        tail_w = painter.fonts.width(tail, "sans", size)
        name_w = min(painter.fonts.width(option.label, "bold", size), max(10, middle.width - tail_w - theme.px(4)))
        left = middle.centerx - (name_w + tail_w) // 2
        area = painter.text(option.label, max(middle.x, left), text_y, size, "focus" if focused else "text", "bold",
                            max_width=name_w)
        painter.text(tail, area.right, text_y, size, "dim", max_width=max(10, middle.right - area.right))
