"""The scene: one screen of the game. Its lifecycle, focus handling and the frame every in-game screen shares.

Lifecycle: the app creates a scene, pushes it on the stack (`enter` is called), sends it intents (`handle`),
ticks it while it animates (`update`) and draws it when something changed (`draw`, which never changes the
game). Scenes change the game only through the app's Play object, which sends orders to the session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from .intents import Click, Intent, Key, Motion, Text, Wheel
from .painter import Painter
from .widgets import Button, CommandLine, Widget

if TYPE_CHECKING:
    from .app import WindowApp
    from .play import Play


class Scene:
    name = "scene"
    title = ""
    opaque = True  # overlays (help, dialogs) let the scene below show through
    modal_card = False  # a modal card (a decision, the news): cards queue, and only the top one is drawn
    keys: tuple[tuple[str, str], ...] = ()  # (key, what it does) for the help overlay

    def __init__(self, app: "WindowApp") -> None:
        self.app = app
        self.focus = 0

    @property
    def play(self) -> "Play":
        """The game on screen (scenes that show a game are only opened while there is one)."""
        play = self.app.play
        assert play is not None, f"the {self.name} screen needs a game"
        return play

    # -- lifecycle ----------------------------------------------------------------------------------

    def enter(self) -> None:
        """Called when the scene becomes the top of the stack (again)."""

    @property
    def animating(self) -> bool:
        return False

    def update(self, milliseconds: int) -> bool:
        """Advance an animation; True when the screen must be redrawn."""
        return False

    def widgets(self) -> list[Widget]:
        """The scene's widgets in focus order (Tab moves forward through them)."""
        return []

    def draw(self, painter: Painter) -> None:  # pragma: no cover - every scene draws
        raise NotImplementedError

    # -- input --------------------------------------------------------------------------------------

    def focused(self) -> Widget | None:
        widgets = [widget for widget in self.widgets() if widget.focusable and widget.visible]
        if not widgets:
            return None
        self.focus %= len(widgets)
        return widgets[self.focus]

    def move_focus(self, step: int) -> None:
        widgets = [widget for widget in self.widgets() if widget.focusable and widget.visible]
        if widgets:
            self.focus = (self.focus + step) % len(widgets)

    def focus_on(self, target: Widget) -> None:
        widgets = [widget for widget in self.widgets() if widget.focusable and widget.visible]
        if target in widgets:
            self.focus = widgets.index(target)

    def handle(self, intent: Intent) -> bool:
        """Route an intent: the scene's own keys first, then the focused widget, then focus moves."""
        if isinstance(intent, Key) and self.on_key(intent):
            return True
        if isinstance(intent, (Key, Text)):
            widget = self.focused()
            if widget is not None and widget.handle(intent):
                return True
            if isinstance(intent, Key) and intent.name == "tab":
                self.move_focus(-1 if intent.shift else 1)
                return True
            if isinstance(intent, Key) and intent.name in ("down", "right") and not isinstance(widget, CommandLine):
                self.move_focus(1)
                return True
            if isinstance(intent, Key) and intent.name in ("up", "left") and not isinstance(widget, CommandLine):
                self.move_focus(-1)
                return True
            return self.on_unhandled(intent)
        if isinstance(intent, Click):
            for widget in self.widgets():
                if widget.visible and widget.rect.collidepoint(intent.x, intent.y):
                    self.focus_on(widget)
                    widget.click(intent)
                    return True
            return self.on_click(intent)
        if isinstance(intent, Wheel):
            for widget in self.widgets():
                if widget.visible and widget.rect.collidepoint(intent.x, intent.y):
                    return widget.wheel(intent)
            return False
        if isinstance(intent, Motion):
            return self.on_motion(intent)
        return False

    def on_key(self, key: Key) -> bool:
        """Scene shortcuts, before the focused widget sees the key."""
        return False

    def on_unhandled(self, intent: Key | Text) -> bool:
        return False

    def on_click(self, click: Click) -> bool:
        return False

    def on_motion(self, motion: Motion) -> bool:
        """The pointer moved (controls light up by themselves); True when the scene must be redrawn (a value shown
        on hover)."""
        return False

    # -- drawing helpers ----------------------------------------------------------------------------

    def heading(self, painter: Painter, text: str, x: int, y: int, width: int) -> int:
        """A section heading with a rule under it; returns the y below it."""
        theme = painter.theme
        painter.text(text.upper(), x, y, theme.body, "accent", "mono_bold", max_width=width)
        bottom = y + painter.fonts.line_height("mono_bold", theme.body) + theme.px(2)
        painter.line((x, bottom), (x + width, bottom), "grid")
        return bottom + theme.px(6)

    def panel(self, painter: Painter, rect: pygame.Rect, title: str = "") -> pygame.Rect:
        """A framed panel; returns the rect inside it (below its title)."""
        theme = painter.theme
        painter.rect(rect, "panel", radius=theme.px(3))
        painter.rect(rect, "grid", width=1, radius=theme.px(3))
        inner = rect.inflate(-2 * theme.pad, -2 * theme.pad)
        if title:
            top = self.heading(painter, title, inner.x, inner.y, inner.width)
            inner = pygame.Rect(inner.x, top, inner.width, inner.bottom - top)
        return inner


def layout_buttons(painter: Painter, buttons: list[Button], x: int, y: int, width: int, gap: int | None = None) -> int:
    """Place buttons left to right, wrapping within width; returns the y below them."""
    gap = painter.theme.pad if gap is None else gap
    left, height = x, 0
    for button in buttons:
        w, h = button.size(painter)
        if left > x and left + w > x + width:
            left, y = x, y + height + gap
        button.rect = pygame.Rect(left, y, min(w, width), h)
        left += w + gap
        height = max(height, h)
    return y + height
