"""The log under every in-game screen: the feed of everything told, which follows new output, collapses to its
latest line (Ctrl+J or its button) and grows or shrinks (drag its top edge, or Ctrl+Up / Ctrl+Down); its size
and whether it is open are kept in the settings."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pygame

from game.app.settings import LOG_LINES

from ..intents import Click, Intent, Key, Motion, Release, Wheel
from ..painter import Painter
from ..theme import TAG_COLOURS
from ..widgets import Button

if TYPE_CHECKING:
    from .frame import GameScene

FEED_TAGS = {"prompt": "accent", "console": "text"}
RESIZE_STEP = 2  # lines per Ctrl+Up / Ctrl+Down
BODY_SHARE = 45  # per cent of the window the screen above always keeps


class LogPanel:
    def __init__(self, scene: "GameScene") -> None:
        self.scene = scene
        self.button = Button("Hide log", self.toggle, hint="Ctrl+J")
        self.button.reserve = ("Hide log  [Ctrl+J]", "Show log  [Ctrl+J]")
        self.scroll = 0  # lines back from the latest (0: the log follows new output)
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.grip_rect = pygame.Rect(0, 0, 0, 0)  # its top edge, where a drag resizes it
        self.dragging = False
        self.drag_lines: int | None = None  # the size while dragging (kept in the settings on release)
        self.most = LOG_LINES[1]  # the most lines the window has room for (from the last frame)
        self._line_h = 1

    @property
    def settings(self):  # noqa: ANN201 - game.app.settings.Settings
        return self.scene.app.settings

    @property
    def open(self) -> bool:
        return bool(self.settings.log_open)

    def lines(self) -> int:
        """Lines shown: one when collapsed, else the size chosen, as far as the window has room."""
        if not self.open:
            return 1
        wanted = self.drag_lines if self.drag_lines is not None else self.settings.log_lines
        return max(LOG_LINES[0], min(wanted, self.most))

    # -- changes, kept in the settings ----------------------------------------------------------------

    def _keep(self, lines: int | None = None, open_: bool | None = None) -> None:
        settings = self.settings
        lines = settings.log_lines if lines is None else max(LOG_LINES[0], min(LOG_LINES[1], lines, self.most))
        open_ = settings.log_open if open_ is None else open_
        if (lines, open_) != (settings.log_lines, settings.log_open):
            self.scene.app.apply_settings(replace(settings, log_lines=lines, log_open=open_))

    def toggle(self) -> None:
        self.scroll = 0
        self._keep(open_=not self.open)

    def resize(self, step: int) -> None:
        """Grow or shrink by a step; shrinking the smallest log collapses it, growing a collapsed one opens it."""
        self.scroll = 0
        if not self.open:
            if step > 0:
                self._keep(open_=True)
            return
        lines = self.lines()
        if step < 0 and lines <= LOG_LINES[0]:
            self._keep(open_=False)
        else:
            self._keep(lines=lines + step)

    # -- input ----------------------------------------------------------------------------------------

    def on_key(self, key: Key) -> bool:
        if key.ctrl and not key.alt and key.name == "j":
            self.toggle()
            return True
        if key.ctrl and not key.alt and key.name in ("up", "down"):
            self.resize(RESIZE_STEP if key.name == "up" else -RESIZE_STEP)
            return True
        return False

    def page(self, up: bool) -> None:
        self.scroll = max(0, self.scroll + (5 if up else -5))

    def handle(self, intent: Intent) -> bool:
        """The mouse on the log: the wheel scrolls it, a drag of its top edge resizes it."""
        if isinstance(intent, Wheel) and self.rect.collidepoint(intent.x, intent.y):
            self.scroll = max(0, self.scroll + intent.steps * 3)
            return True
        if isinstance(intent, Click) and intent.button == 1 and self.grip_rect.collidepoint(intent.x, intent.y) \
                and not self.button.rect.collidepoint(intent.x, intent.y):
            self.dragging = True
            self.drag_lines = self.lines() if self.open else 1
            return True
        if isinstance(intent, Motion) and self.dragging:
            if not intent.held:  # the button came up outside the window
                return self.handle(Release(intent.x, intent.y))
            bottom = self.rect.bottom - self.scene.app.theme.pad // 2
            self.drag_lines = max(1, min(self.most, (bottom - intent.y) // max(1, self._line_h)))
            return True
        if isinstance(intent, Release) and self.dragging:
            lines = self.drag_lines or LOG_LINES[0]
            self.dragging, self.drag_lines = False, None
            if lines < LOG_LINES[0]:
                self._keep(open_=False)  # dragged down to nothing: collapsed
            else:
                self._keep(lines=lines, open_=True)
            return True
        return False

    # -- drawing --------------------------------------------------------------------------------------

    def layout(self, painter: Painter, width: int, prompt_top: int, body_top: int) -> pygame.Rect:
        """Place the log above the prompt (as many lines as wanted and the room allows); returns its rect."""
        theme = painter.theme
        pad = theme.pad
        self._line_h = painter.fonts.line_height("sans", theme.small)
        height = painter.surface.get_height()
        room = prompt_top - pad // 2 - body_top - height * BODY_SHARE // 100
        self.most = max(LOG_LINES[0], (room - pad) // self._line_h)
        lines = self.lines() if self.drag_lines is None else max(1, min(self.drag_lines, self.most))
        feed_h = lines * self._line_h + pad
        self.rect = pygame.Rect(pad, prompt_top - feed_h - pad // 2, width - 2 * pad, feed_h)
        self.grip_rect = pygame.Rect(self.rect.x, self.rect.y - theme.px(5), self.rect.width, theme.px(10))
        return self.rect

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        rect = self.rect
        painter.rect(rect, "console")
        painter.rect(rect, "accent" if self.dragging else "grid", width=1)
        grip_w = theme.px(36)  # a grip on the top edge: drag it
        for offset in (-theme.px(2), theme.px(1)):
            painter.line((rect.centerx - grip_w // 2, rect.y + offset), (rect.centerx + grip_w // 2, rect.y + offset),
                         "accent" if self.dragging else "dim")
        self.button.label = "Hide log" if self.open else "Show log"
        button_w = max(painter.fonts.width(text, "bold", theme.small) for text in self.button.reserve) + theme.pad
        button_h = min(painter.fonts.line_height("bold", theme.small) + theme.pad // 2, rect.height - theme.px(4))
        self.button.rect = pygame.Rect(rect.right - button_w - theme.px(3), rect.y + theme.px(2), button_w, button_h)
        width = rect.width - 2 * theme.pad - button_w - theme.pad
        count = max(1, (rect.height - theme.pad) // self._line_h) if self.drag_lines is None else \
            max(1, min(self.drag_lines, self.most))
        play = self.scene.play
        # the commands' answers (tables, help, status) are laid out in columns: they show in the mono face, laid
        # out by the interpreter to the log's width in characters, as a terminal would
        play.console.width = max(40, (rect.width - 2 * theme.pad) // max(1, painter.fonts.width("M", "mono",
                                                                                                theme.small)))
        wrapped: list[tuple[str, str, str]] = []
        for line in play.feed[-200:]:
            colour = FEED_TAGS.get(line.tag) or TAG_COLOURS.get(line.tag, "text")
            face = "mono" if line.tag == "console" else "sans"
            for piece in painter.fonts.wrap(line.text, face, theme.small, rect.width - 2 * theme.pad) or [""]:
                wrapped.append((piece, colour, face))
        self.scroll = min(self.scroll, max(0, len(wrapped) - count))
        end = len(wrapped) - self.scroll
        shown = wrapped[max(0, end - count):end]
        for index, (text, colour, face) in enumerate(shown):
            room = width if index == 0 else rect.width - 2 * theme.pad  # the first line passes under the button
            painter.text(text, rect.x + theme.pad, rect.y + theme.pad // 2 + index * self._line_h, theme.small, colour,
                         face, max_width=room)
        if self.scroll:
            painter.text(f"▼ {self.scroll} lines below — Page Down", self.button.rect.x - theme.pad,
                         rect.y + theme.pad // 2, theme.small, "warn", align="right")
        self.button.draw(painter, focused, theme.small)
