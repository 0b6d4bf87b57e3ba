"""The help overlay (F1): every key of the screen below, and the global ones."""

from __future__ import annotations

import pygame

from ..intents import Click, Key
from ..painter import Painter
from ..scene import Scene

GLOBAL_KEYS = (("F1 or ?", "show or hide this help"), ("Ctrl+R", "reload content and mods from disk (for modders)"),
               ("F11", "full screen on or off"), ("F12", "save a screenshot in saves/screenshots"),
               ("Ctrl+Q", "quit (the game is saved first)"))


WATCH_KEYS = (("Space or Enter", "the next screen now"), ("Esc", "stop watching (back to the title)"))


class HelpOverlay(Scene):
    name = "help"
    title = "Help"
    opaque = False

    def handle(self, intent) -> bool:  # noqa: ANN001
        if isinstance(intent, Key) and intent.name in ("escape", "return", "enter", "space", "f1"):
            self.app.pop(self)
            return True
        if isinstance(intent, Click):
            self.app.pop(self)
            return True
        return True  # the help is modal: nothing reaches the screen below

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        width, height = painter.surface.get_size()
        below = [scene for scene in self.app.stack if scene is not self]
        screen = below[-1] if below else None
        watching = self.app.watcher is not None and not self.app.watcher.finished
        rows = (list(WATCH_KEYS) if watching else list(screen.keys if screen else ())) + [("", "")] + list(GLOBAL_KEYS)
        line = painter.fonts.line_height("sans", theme.body)
        footer = getattr(screen, "prompt", None) is not None  # only the in-game screens have a command line
        box_h = min(height - 4 * theme.pad, (len(rows) + (4 if footer else 3)) * line + 2 * theme.pad)
        box_w = min(width - 4 * theme.pad, theme.px(820))
        rect = pygame.Rect((width - box_w) // 2, (height - box_h) // 2, box_w, box_h)
        painter.rect(rect, "console", radius=theme.px(6))
        painter.rect(rect, "accent", width=theme.px(2), radius=theme.px(6))
        title = f"Keys — {screen.title}" if screen and screen.title else "Keys"
        y = self.heading(painter, title, rect.x + 2 * theme.pad, rect.y + theme.pad, rect.width - 4 * theme.pad)
        # the key column as wide as its widest key (within reason), so no key is cut
        widest = max((painter.fonts.width(key, "mono_bold", theme.body) for key, _ in rows if key), default=0)
        key_w = max(theme.px(180), min(widest + 2 * theme.pad, (rect.width - 4 * theme.pad) * 2 // 5))
        for key, meaning in rows:
            if y + line > rect.bottom - line - theme.pad:
                break
            if key:
                painter.text(key, rect.x + 2 * theme.pad, y, theme.body, "accent", "mono_bold", max_width=key_w - theme.pad)
                painter.text(meaning, rect.x + 2 * theme.pad + key_w, y, theme.body, "text",
                             max_width=rect.width - key_w - 4 * theme.pad)
            y += line
        if footer:
            painter.text("Every in-game screen also takes the terminal game's commands at its prompt: type 'help' "
                         "there.", rect.x + 2 * theme.pad, rect.bottom - line - theme.pad, theme.small, "dim",
                         max_width=rect.width - 4 * theme.pad)
