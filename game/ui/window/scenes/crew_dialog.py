"""What the two crew lists over another scene share (the crew picker of a decision, the planner's crew choice):
a list of crew members with a Back button, Esc to back out, modal, drawn in a framed box in the middle."""

from __future__ import annotations

from typing import Callable

import pygame

from ..intents import Key
from ..painter import Painter
from ..scene import Scene
from ..widgets import Button, ListView

ROW_HEIGHT = 30


class CrewDialog(Scene):
    """A modal box with a list of crew (`rows`, drawn by `draw_row`, Enter or a click calls `activate`)."""

    opaque = False

    def __init__(self, app, rows: list, activate: Callable[[int], None]) -> None:  # noqa: ANN001
        super().__init__(app)
        self.rows = rows
        self.list = ListView(lambda: len(self.rows), self.draw_row, on_activate=activate, row_height=ROW_HEIGHT)
        self.back_button = Button("Back", self.back, hint="Esc")

    def back(self) -> None:
        self.app.pop(self)

    def on_key(self, key: Key) -> bool:
        if key.name == "escape" and not key.ctrl:
            self.back()
            return True
        return False

    def handle(self, intent) -> bool:  # noqa: ANN001
        super().handle(intent)
        return True  # modal: nothing reaches the scene below

    def box(self, painter: Painter, widest: int, want: int, border: str, least: int = 0) -> pygame.Rect:
        """The framed box, centred: at most `widest` (unscaled) wide, `want` high when it fits, at least `least`."""
        theme = painter.theme
        pad = theme.pad
        width, height = painter.surface.get_size()
        box_w = min(width - 6 * pad, theme.px(widest))
        box_h = max(min(height - 4 * pad, want), least)
        rect = pygame.Rect((width - box_w) // 2, (height - box_h) // 2, box_w, box_h)
        painter.rect(rect.move(theme.px(6), theme.px(6)), "shadow", radius=theme.px(6))
        painter.rect(rect, "console", radius=theme.px(6))
        painter.rect(rect, border, width=theme.px(2), radius=theme.px(6))
        return rect

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:  # pragma: no cover
        raise NotImplementedError
