"""The crew picker: who a choice gives up — the crew members free to go (active, not booked on this year's
flights), with their skills — chosen with the arrows and Enter or the mouse; Esc backs out to the card."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.app import story, views
from game.engine.choices import releasable

from ..painter import Painter
from ..scene import layout_buttons
from ..widgets import Button, Widget
from .crew import SKILL_MAX, SKILLS, skill_colour, status_word
from .crew_dialog import CrewDialog

if TYPE_CHECKING:
    from .event_card import EventCardScene


class CrewPickerScene(CrewDialog):
    name = "crew_picker"
    title = "Choose a crew member"
    keys = (("Up / Down", "choose a crew member"), ("Enter", "give up the one chosen"),
            ("Tab", "move between the list and the buttons"), ("Esc", "back to the decision, nothing taken"))

    def __init__(self, app, card: "EventCardScene", choice: story.ChoiceView) -> None:  # noqa: ANN001
        play = app.play
        free = {member.id for member in releasable(play.state, play.content, play.side)}
        super().__init__(app, [row for row in views.crew_rows(play.state, play.side) if row.id in free], self.pick)
        self.card = card
        self.choice = choice
        self.take_button = Button("Choose", lambda: self.pick(self.list.selected), hint="Enter")
        self.take_button.enabled = bool(self.rows)
        self.list.visible = bool(self.rows)

    @property
    def fate(self) -> str:
        """What happens to the one chosen, from the choice's cost: "sits out the year" or "leaves the corps"."""
        for cost in self.choice.costs:
            if "who " in cost:
                return cost.split("who ", 1)[1]
        return "is given up"

    def pick(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        self.app.pop(self)
        self.card.send(self.choice.id, crew=row.id)

    def widgets(self) -> list[Widget]:
        return [self.list, self.take_button, self.back_button]

    # -- drawing ------------------------------------------------------------------------------------

    def columns(self, painter: Painter, width: int) -> list[tuple[str, int, int]]:
        """(label, x offset, width): the name, the flights, then each skill."""
        theme = painter.theme
        skill_w = max(painter.fonts.width("Endur. 100", "sans", theme.small) + theme.pad, width * 13 // 100)
        flights_w = painter.fonts.width("Flights", "bold", theme.small) + theme.pad
        name_w = max(theme.px(60), width - flights_w - 4 * skill_w)
        columns = [("Name", 0, name_w), ("Flights", name_w, flights_w)]
        x = name_w + flights_w
        for _, label in SKILLS:
            columns.append((label, x, skill_w))
            x += skill_w
        return columns

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        fonts = painter.fonts
        inner_w = min(painter.surface.get_width() - 6 * pad, theme.px(760)) - 4 * pad
        small = fonts.line_height("sans", theme.small)
        question = f"Who {self.fate}?"
        intro = (f"\u201c{self.choice.text}\u201d costs a crew member, who {self.fate}. Only those free to go are "
                 f"listed: active, and not booked on this year's flights.")
        intro_lines = fonts.wrap(intro, "sans", theme.small, inner_w)
        row_h = theme.px(30)
        button_h = self.take_button.size(painter)[1]
        heading_h = fonts.line_height("mono_bold", theme.body) + theme.px(2) + theme.px(6)
        list_rows = max(1, min(len(self.rows), 8))
        want = 2 * pad + heading_h + len(intro_lines) * small + pad + small + list_rows * row_h + pad + button_h
        rect = self.box(painter, 760, want, "warn")
        x = rect.x + 2 * pad
        y = self.heading(painter, question, x, rect.y + pad, inner_w)
        buttons_y = rect.bottom - pad - button_h
        y += painter.paragraph(intro, (x, y, inner_w, max(0, buttons_y - pad - y)), theme.small, "dim") + pad // 2
        self.take_button.label = f"Choose {self.rows[self.list.selected].name}" if self.rows else "Choose"
        layout_buttons(painter, [self.take_button, self.back_button], x, buttons_y, inner_w)
        if not self.rows:
            painter.paragraph("Nobody is free to go: everyone is booked on a flight or away.",
                              (x, y, inner_w, max(0, buttons_y - y)), theme.body, "warn")
        else:
            columns = self.columns(painter, inner_w - 2 * pad)
            for label, offset, column_w in columns:
                painter.text(label, x + pad + offset, y, theme.small, "dim", "bold", max_width=column_w - pad // 2)
            y += small + theme.px(2)
            self.list.rect = pygame.Rect(x, y, inner_w, max(row_h, buttons_y - pad - y))
            self.list.draw(painter, self.focused() is self.list)
        for button in (self.take_button, self.back_button):
            button.draw(painter, self.focused() is button)

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        if index >= len(self.rows):
            return
        row = self.rows[index]
        theme = painter.theme
        pad = theme.pad
        size = theme.small
        line = painter.fonts.line_height("sans", size)
        y = rect.y + (rect.height - line) // 2
        x0 = rect.x + pad
        columns = self.columns(painter, rect.width - 2 * pad)
        (_, _, name_w), (_, flights_x, flights_w) = columns[:2]
        candidate = " (candidate)" if status_word(row) == "candidate" else ""
        painter.text(row.name + ("  ♀" if row.woman else "") + candidate, x0, y, size, "text", "bold",
                     max_width=name_w - pad // 2)
        painter.text(str(row.flights), x0 + flights_x + flights_w - pad, y, size, "text", "mono", align="right")
        number_w = painter.fonts.width("100", "mono", size)
        for (skill, _), (_, x, column_w) in zip(SKILLS, columns[2:]):
            value = getattr(row, skill)
            bar_w = max(theme.px(6), column_w - number_w - pad)
            painter.bar((x0 + x, y + line // 4, bar_w, max(2, line // 2)), value / SKILL_MAX, skill_colour(value),
                        f"{row.name} {skill} {value}")
            painter.text(str(value), x0 + x + bar_w + theme.px(4), y, size, "text", "mono")
