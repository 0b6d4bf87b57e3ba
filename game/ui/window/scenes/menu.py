"""A vertical menu of buttons (the title's and the in-game menu), and the in-game menu itself."""

from __future__ import annotations

from typing import Callable

import pygame

from ..intents import Key
from ..painter import Painter
from ..scene import Scene
from ..widgets import Button, Widget


class ButtonColumn:
    """Buttons stacked in a column, centred on x; arrows and Tab move, Enter presses."""

    def __init__(self, items: list[tuple[str, Callable[[], None], str]]) -> None:
        self.buttons = [Button(label, action, hint=hint) for label, action, hint in items]

    def draw(self, painter: Painter, scene: Scene, centre_x: int, top: int, width: int) -> int:
        theme = painter.theme
        y = top
        for button in self.buttons:
            _, h = button.size(painter, theme.large)
            button.rect = pygame.Rect(centre_x - width // 2, y, width, h)
            button.draw(painter, scene.focused() is button, theme.large)
            y += h + theme.pad
        return y


class MenuScene(Scene):
    """Esc in the game: resume, save, load, settings, help, back to the title, quit."""

    name = "menu"
    title = "Menu"
    opaque = False
    keys = (("Up / Down, Tab", "choose"), ("Enter", "do it"), ("Esc", "back to the game"))

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        from .help import HelpOverlay
        from .saves import SavesScene
        from .settings import SettingsScene

        self.column = ButtonColumn([
            ("Resume", lambda: app.pop(self), "Esc"),
            ("Save game", lambda: app.replace(SavesScene(app, "save")), "Ctrl+S"),
            ("Load game", lambda: app.replace(SavesScene(app, "load")), "Ctrl+L"),
            ("Settings", lambda: app.push(SettingsScene(app)), ""),  # Esc comes back to this menu
            ("Keys and help", lambda: app.replace(HelpOverlay(app)), "F1"),
            ("Save and return to title", app.quit_to_title, ""),
            ("Save and quit", app.quit, "Ctrl+Q"),
        ])

    def widgets(self) -> list[Widget]:
        return list(self.column.buttons)

    def on_key(self, key: Key) -> bool:
        if key.name == "escape":
            self.app.pop(self)
            return True
        return False

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        width, height = painter.surface.get_size()
        box_w = min(width - 4 * theme.pad, theme.px(520))
        _, button_h = self.column.buttons[0].size(painter, theme.large)
        box_h = len(self.column.buttons) * (button_h + theme.pad) + theme.px(90)
        rect = pygame.Rect((width - box_w) // 2, max(theme.pad, (height - box_h) // 2), box_w, box_h)
        painter.rect(rect, "console", radius=theme.px(6))
        painter.rect(rect, "accent", width=theme.px(2), radius=theme.px(6))
        painter.text("MENU", rect.centerx, rect.y + theme.pad, theme.large, "title", "mono_bold", align="centre")
        self.column.draw(painter, self, rect.centerx, rect.y + theme.px(60), box_w - 4 * theme.pad)
