"""The planner's crew choice: who flies the selected mission, among the crew free to fly it, with the chance of
success for the crew as chosen so far (it changes as names go in and out). Enter or a click puts a name in or
takes it out; "Fly with these" gives the crew to the plan, "Best free crew" goes back to the automatic pick."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame

from game.app import loadout, views

from ..painter import Painter
from ..scene import layout_buttons
from ..widgets import Button, Widget
from .crew_dialog import CrewDialog
from .plan_controls import chance_colour, percent, risk_colour

if TYPE_CHECKING:
    from .planner import PlannerScene


class CrewChoiceScene(CrewDialog):
    name = "crew_choice"
    title = "Choose the crew"
    keys = (("Up / Down", "move through the crew free to fly"), ("Enter or Space", "put a name in, or take it out"),
            ("Tab", "to the buttons"), ("Esc", "back to the plan, nothing changed"))

    def __init__(self, app, planner: "PlannerScene", mission_id: str, chosen: tuple[str, ...],  # noqa: ANN001
                 chance: Callable[[tuple[str, ...]], "views.MissionPlan | str"], seats: int) -> None:
        play = app.play
        super().__init__(app, loadout.crew_options(play.state, play.content, play.side, mission_id, keep=chosen),
                         self.toggle)
        self.planner = planner
        self.mission_id = mission_id
        self.chance = chance  # the plan for a crew (or why it cannot fly): the chance shown follows the choice
        self.seats = seats
        self.chosen: list[str] = [crew_id for crew_id in chosen if any(row.id == crew_id for row in self.rows)]
        self.use_button = Button("Fly with these", self.use)
        self.best_button = Button("Best free crew", self.best)
        self.focus = 0

    @property
    def plan(self) -> "views.MissionPlan | str":
        return self.chance(tuple(self.chosen))

    def toggle(self, index: int) -> None:
        if not 0 <= index < len(self.rows):
            return
        crew_id = self.rows[index].id
        if crew_id in self.chosen:
            self.chosen.remove(crew_id)
        else:
            self.chosen.append(crew_id)
            if len(self.chosen) > self.seats:  # full: the first chosen gives up the seat
                self.chosen.pop(0)
        self.app.dirty = True

    def use(self) -> None:
        if isinstance(self.plan, str):
            self.app.say(f"That crew cannot fly it: {self.plan}.", "warn")
            return
        self.app.pop(self)
        self.planner.set_crew(self.mission_id, tuple(self.chosen))

    def best(self) -> None:
        self.app.pop(self)
        self.planner.set_crew(self.mission_id, None)

    def widgets(self) -> list[Widget]:
        return [self.list, self.use_button, self.best_button, self.back_button]

    # -- drawing ------------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        fonts = painter.fonts
        small = fonts.line_height("sans", theme.small)
        body = fonts.line_height("bold", theme.body)
        mission = self.play.content.missions[self.mission_id]
        row_h = theme.px(30)
        button_h = self.use_button.size(painter)[1]
        heading_h = fonts.line_height("mono_bold", theme.body) + theme.px(8)
        want = 2 * pad + heading_h + 2 * small + body + pad + min(len(self.rows), 8) * row_h + 2 * pad + button_h
        rect = self.box(painter, 700, want, "accent", least=theme.px(200))
        inner_w = rect.width - 4 * pad
        x = rect.x + 2 * pad
        y = self.heading(painter, f"Crew for {mission.name}", x, rect.y + pad, inner_w)
        seats = f"{mission.crew_min}" if mission.crew_min == self.seats else f"{mission.crew_min} to {self.seats}"
        y += painter.paragraph(f"It flies with {seats}. Enter puts a name in or takes it out; only those free to fly "
                               f"are listed (not booked on another flight this year).", (x, y, inner_w, 2 * small),
                               theme.small, "dim")
        plan = self.plan
        names = ", ".join(row.name for crew_id in self.chosen for row in self.rows if row.id == crew_id) or "nobody yet"
        if isinstance(plan, str):
            painter.text(f"{names}: {plan}", x, y, theme.body, "warn", "bold", max_width=inner_w)
        else:
            risk = f" · {views.risk_words(plan.crew_risk)} to lose them" if plan.loadout.crew else ""
            area = painter.text(f"{names}: ", x, y, theme.body, "text", "bold",
                                max_width=inner_w - fonts.width("100.0% to succeed · 10.0% to lose them", "bold", theme.body))
            area = painter.text(f"{percent(plan.chance)} to succeed", area.right, y, theme.body,
                                chance_colour(plan.chance), "bold")
            if risk:
                painter.text(risk, area.right, y, theme.body, risk_colour(plan.crew_risk), "bold")
        y += body + pad // 2
        buttons_y = rect.bottom - pad - button_h
        self.use_button.enabled = not isinstance(plan, str)
        layout_buttons(painter, [self.use_button, self.best_button, self.back_button], x, buttons_y, inner_w)
        self.list.rect = pygame.Rect(x, y, inner_w, max(row_h, buttons_y - pad - y))
        if self.rows:
            self.list.draw(painter, self.focused() is self.list)
        else:
            painter.paragraph("Nobody is free to fly: everyone is booked or away.", self.list.rect, theme.body, "warn")
        for button in (self.use_button, self.best_button, self.back_button):
            button.draw(painter, self.focused() is button)

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        if index >= len(self.rows):
            return
        row = self.rows[index]
        theme = painter.theme
        size = theme.small
        y = rect.y + (rect.height - painter.fonts.line_height("bold", size)) // 2
        chosen = row.id in self.chosen
        painter.text("☑" if chosen else "☐", rect.x + theme.pad, y, size, "good" if chosen else "dim", "bold")
        x = rect.x + theme.pad + painter.fonts.width("☑ ", "bold", size)
        figures = f"skill {row.skill} · {row.flights} flight{'s' if row.flights != 1 else ''}"
        figures_w = painter.fonts.width(figures, "mono", size)
        painter.text(row.name, x, y, size, "text" if chosen else "dim" if not selected else "text", "bold",
                     max_width=rect.right - x - figures_w - 2 * theme.pad)
        painter.text(figures, rect.right - theme.pad, y, size, "text", "mono", align="right")
