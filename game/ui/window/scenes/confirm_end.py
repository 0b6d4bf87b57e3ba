"""Before a year ends with something to lose (money going back to the treasury, decisions whose defaults would
stand, nothing booked, support near 0): the same warnings the terminal gives, and a choice to end or go back."""

from __future__ import annotations

import pygame

from game.app import year_end_check

from ..intents import Key
from ..painter import Painter
from ..scene import Scene
from ..widgets import Button, Widget


class ConfirmEndScene(Scene):
    name = "confirm_end"
    title = "End the year?"
    opaque = False
    keys = (("Enter", "end the year anyway"), ("Esc", "back to the year"), ("Tab", "choose"))

    def __init__(self, app, warnings: list[str]) -> None:  # noqa: ANN001
        super().__init__(app)
        self.warnings = warnings
        self.back_button = Button("Back to the year", lambda: app.pop(self), hint="Esc")
        self.end_button = Button("End the year anyway", self.end, hint="Enter")

    def end(self) -> None:
        self.app.pop(self)
        self.app.end_year()

    def widgets(self) -> list[Widget]:
        return [self.end_button, self.back_button]

    def on_key(self, key: Key) -> bool:
        if key.name == "escape":
            self.app.pop(self)
            return True
        return False

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        width, height = painter.surface.get_size()
        box_w = min(width - 4 * theme.pad, theme.px(640))
        inner_w = box_w - 2 * theme.pad
        body = painter.fonts.line_height("sans", theme.body)
        heights = [painter.paragraph(text, (0, 0, inner_w - theme.px(18), 0), theme.body) for text in self.warnings]
        _, button_h = self.end_button.size(painter, theme.body)
        box_h = theme.px(56) + sum(heights) + theme.pad * len(heights) + button_h + 2 * theme.pad + body
        rect = pygame.Rect((width - box_w) // 2, max(theme.pad, (height - box_h) // 2), box_w, box_h)
        painter.rect(rect, "console", radius=theme.px(6))
        painter.rect(rect, "warn", width=theme.px(2), radius=theme.px(6))
        painter.text("END THE YEAR?", rect.x + theme.pad, rect.y + theme.pad, theme.large, "warn", "mono_bold")
        y = rect.y + theme.px(56)
        colours = {True: "bad", False: "text"}
        for text, needed in zip(self.warnings, heights):
            painter.text("•", rect.x + theme.pad, y, theme.body, "warn")
            painter.paragraph(text, (rect.x + theme.pad + theme.px(18), y, inner_w - theme.px(18), needed), theme.body,
                              colours["Support is" in text])
            y += needed + theme.pad
        painter.text("Ending the year cannot be undone.", rect.x + theme.pad, y, theme.small, "dim")
        y += body
        self.end_button.hint = "Enter" if self.focused() is self.end_button else ""  # Enter presses what has the focus
        self.end_button.reserve = ("End the year anyway  [Enter]",)  # the same width either way: nothing moves
        end_w, _ = self.end_button.size(painter, theme.body)
        back_w, _ = self.back_button.size(painter, theme.body)
        self.end_button.rect = pygame.Rect(rect.x + theme.pad, y, end_w, button_h)
        self.back_button.rect = pygame.Rect(self.end_button.rect.right + theme.pad, y, back_w, button_h)
        self.end_button.draw(painter, self.focused() is self.end_button, theme.body)
        self.back_button.draw(painter, self.focused() is self.back_button, theme.body)


def warnings_for(app) -> list[str]:  # noqa: ANN001
    """What the year would lose if it ended now ([] for a spectator, or when confirmations are off)."""
    play = app.play
    if play is None or play.spectator or not app.settings.confirm:
        return []
    return year_end_check.warnings(play.state, play.content, play.side)
