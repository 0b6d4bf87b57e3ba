"""Headquarters: the year at a glance — decisions, this year's flights, programs, crew and the race."""

from __future__ import annotations

import pygame

from game.app import views
from game.engine.defs import MONTHS

from ..painter import Painter
from ..widgets import Button, Widget
from .frame import GameScene


class HQScene(GameScene):
    name = "hq"
    title = "HQ"

    def __init__(self, app) -> None:  # noqa: ANN001
        self.decision_buttons: list[Button] = []
        super().__init__(app)

    def refresh(self) -> None:
        from .event_card import EventCardScene

        pending = self.play.state.sides[self.play.side].pending
        self.decision_buttons = [
            Button(f"Decide: {self.play.content.events[item.event].title}",
                   (lambda event=item.event: self.app.push(EventCardScene(self.app, event))))
            for item in pending
        ]

    def body_widgets(self) -> list[Widget]:
        return list(self.decision_buttons)

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        state, content, side = self.play.state, self.play.content, self.play.side
        column = (rect.width - 2 * pad) // 3
        left = pygame.Rect(rect.x, rect.y, column, rect.height)
        middle = pygame.Rect(left.right + pad, rect.y, column, rect.height)
        right = pygame.Rect(middle.right + pad, rect.y, rect.right - middle.right - pad, rect.height)
        line = painter.fonts.line_height("sans", theme.body)
        small = painter.fonts.line_height("sans", theme.small)

        # this year: decisions and the flights booked
        inner = self.panel(painter, left, f"{state.year}: this year")
        y = inner.y
        for button in self.decision_buttons:
            button.rect = pygame.Rect(inner.x, y, inner.width, line + pad // 2)
            button.draw(painter, self.focused() is button, theme.small)
            y = button.rect.bottom + pad // 2
        view = views.status(state, content, side)
        if not view.scheduled:
            y += painter.paragraph("No missions booked yet. Open Missions (F7) to plan one, or type "
                                   "'missions'.", (inner.x, y, inner.width, 3 * small), theme.small, "dim")
        else:
            painter.text("Flights booked", inner.x, y, theme.small, "accent", "bold")
            y += small
            for item in view.scheduled:
                if y + small > inner.bottom:
                    break
                painter.text(item, inner.x, y, theme.small, "text", max_width=inner.width)
                y += small
        y += pad
        kept = views.carried_over(state, side)
        painter.text(f"Unspent: ${view.funds}M (${kept}M would carry over)", inner.x, y, theme.small, "dim",
                     max_width=inner.width)
        y += small + pad
        crew = views.crew_rows(state, side)
        active = sum(1 for row in crew if row.status == "active")
        painter.text(f"Crew: {active} active of {len(crew)}; pads: {view.pads}", inner.x, y, theme.small, "dim",
                     max_width=inner.width)

        # programs
        inner = self.panel(painter, middle, "Programs")
        y = inner.y
        rows = [row for row in views.programs(state, content, side) if row.status != "available"]
        if not rows:
            painter.paragraph("No programs started. Open Programs (F4) to start one.", (inner.x, y, inner.width, 3 * small),
                              theme.small, "dim")
        bar_w = inner.width // 3
        for row in rows:
            if y + line > inner.bottom:
                painter.text("… and more on the Programs screen (F4)", inner.x, y, theme.small, "dim")
                break
            painter.text(row.name, inner.x, y, theme.small, "text", max_width=inner.width - bar_w - pad)
            colour = "good" if row.status == "operational" else "bad" if row.status == "grounded" else "warn"
            painter.bar((inner.right - bar_w, y + small // 4, bar_w, small // 2), row.reliability / 1000, colour,
                        f"{row.name} {row.reliability / 10:.0f}%")
            y += small
            painter.text(f"{row.status} · {row.reliability / 10:.1f}% · {row.note}", inner.x + pad, y, theme.small, "dim",
                         max_width=inner.width - pad)
            y += small + theme.px(3)

        # the race
        inner = self.panel(painter, right, "The race")
        y = inner.y
        claims = [claim for claim in reversed(state.claims)][:8]
        if not claims:
            painter.paragraph("No milestone has been claimed yet. The first artificial satellite is the prize everyone "
                              "is watching.", (inner.x, y, inner.width, 4 * small), theme.small, "dim")
            y += 4 * small
        for claim in claims:
            if y + small > inner.bottom:
                break
            name = content.milestones[claim.milestone].name
            mark = "first" if claim.first else "second"
            painter.side_mark(claim.side, (inner.x + small // 2, y + small // 2), max(3, small // 3))
            painter.text(f"{MONTHS[claim.month - 1][:3]} {claim.year} {claim.side.upper()} {mark}: {name}",
                         inner.x + small + pad // 2, y, theme.small, "title" if claim.first else "text",
                         max_width=inner.width - small - pad // 2)
            y += small
        y += pad
        painter.text("Race board: F8 · Charts: F9", inner.x, min(y, inner.bottom - small), theme.small, "dim")
