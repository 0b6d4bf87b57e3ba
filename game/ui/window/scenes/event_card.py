"""An event card: news to read, or a dilemma with its choices (each one a Choose order)."""

from __future__ import annotations

from functools import partial

import pygame

from game.app.narrate import event_values, fill
from game.engine.orders import Choose

from ..intents import Key
from ..painter import Painter
from ..scene import Scene
from ..widgets import Button, Widget
from .forms import is_digit


class EventCardScene(Scene):
    name = "event"
    title = "Event"
    opaque = False
    keys = (("1–9", "take that choice"), ("Up / Down, Tab", "move between the choices"), ("Enter", "take the focused choice"),
            ("Esc", "decide later (a dilemma keeps its default if the year ends)"))

    def __init__(self, app, event_id: str) -> None:  # noqa: ANN001
        super().__init__(app)
        self.event_id = event_id
        assert app.play is not None
        play = app.play
        self.event = play.content.events[event_id]
        self.values = event_values(play.content, play.state, play.side)
        self.pending = any(item.event == event_id for item in play.state.sides[play.side].pending)
        if self.pending:
            self.buttons = [Button(f"{index}. {fill(choice.text, self.values)}" + ("  (default)" if choice.default else ""),
                                   partial(self.choose, choice.id))
                            for index, choice in enumerate(self.event.choices, start=1)]
            self.buttons.append(Button("Decide later", lambda: app.pop(self), hint="Esc"))
        else:
            self.buttons = [Button("Continue", lambda: app.pop(self), hint="Enter")]

    def choose(self, choice: str) -> None:
        if self.app.submit(Choose(side=self.play.side, event=self.event_id, choice=choice)) is not None:
            self.app.pop(self)

    def widgets(self) -> list[Widget]:
        return list(self.buttons)

    def on_key(self, key: Key) -> bool:
        if key.name == "escape":
            self.app.pop(self)
            return True
        if self.pending and is_digit(key.name) and 1 <= int(key.name) <= len(self.event.choices):
            self.buttons[int(key.name) - 1].press()
            return True
        return False

    def handle(self, intent) -> bool:  # noqa: ANN001
        super().handle(intent)
        return True  # modal

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        width, height = painter.surface.get_size()
        box_w = min(width - 4 * pad, theme.px(900))
        text_w = box_w - 4 * pad
        body = fill(self.event.text, self.values)
        line = painter.fonts.line_height("sans", theme.body)
        body_h = len(painter.fonts.wrap(body, "sans", theme.body, text_w)) * line
        note = self.event.history.note
        note_h = (len(painter.fonts.wrap(f"In history: {note}", "sans", theme.small, text_w))
                  * painter.fonts.line_height("sans", theme.small) + pad // 2) if note else 0
        buttons_h = sum(self._button_height(painter, button, text_w) + pad // 2 for button in self.buttons)
        head_h = (painter.fonts.line_height("mono_bold", theme.small) + painter.fonts.line_height("bold", theme.large)
                  + pad // 2)
        # exactly what is drawn below: a pad above, the head, the text, the note, a pad, the buttons, a pad below
        box_h = min(height - 2 * pad, pad + head_h + body_h + note_h + pad + buttons_h + pad)
        rect = pygame.Rect((width - box_w) // 2, max(pad, (height - box_h) // 2), box_w, box_h)
        painter.rect(rect.move(theme.px(6), theme.px(6)), "shadow", radius=theme.px(6))
        painter.rect(rect, "console", radius=theme.px(6))
        painter.rect(rect, "warn" if self.pending else "accent", width=theme.px(2), radius=theme.px(6))
        kind = "DECISION" if self.event.choices and self.pending else "NEWS"
        painter.text(f"{kind} · {self.play.state.year}", rect.x + 2 * pad, rect.y + pad, theme.small,
                     "warn" if self.pending else "accent", "mono_bold")
        y = rect.y + pad + painter.fonts.line_height("mono_bold", theme.small)
        painter.text(self.event.title, rect.x + 2 * pad, y, theme.large, "title", "bold", max_width=text_w)
        y += painter.fonts.line_height("bold", theme.large) + pad // 2
        y += painter.paragraph(body, (rect.x + 2 * pad, y, text_w, rect.bottom - y), theme.body, "text")
        if note:
            y += pad // 2
            y += painter.paragraph(f"In history: {note}", (rect.x + 2 * pad, y, text_w, rect.bottom - y), theme.small, "dim")
        y += pad
        for button in self.buttons:
            h = self._button_height(painter, button, text_w)
            button.rect = pygame.Rect(rect.x + 2 * pad, y, text_w, h)
            focused = self.focused() is button
            painter.rect(button.rect, "panel_hi" if focused else "panel", radius=theme.px(4), label=button.label)
            painter.rect(button.rect, "focus" if focused else "grid", width=theme.px(2) if focused else 1, radius=theme.px(4))
            painter.paragraph(button.text(), button.rect.inflate(-2 * pad, -pad // 2).move(0, pad // 4), theme.body,
                              "focus" if focused else "text", "bold")
            y += h + pad // 2

    def _button_height(self, painter: Painter, button: Button, width: int) -> int:
        lines = len(painter.fonts.wrap(button.text(), "bold", painter.theme.body, width - 2 * painter.theme.pad))
        return lines * painter.fonts.line_height("bold", painter.theme.body) + painter.theme.pad // 2

