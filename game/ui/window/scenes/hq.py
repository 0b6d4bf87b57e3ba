"""Headquarters: the year at a glance — the briefing (decisions and news), programs, the race, the plan."""

from __future__ import annotations

from functools import partial

import pygame

from game.app import views
from game.engine.defs import MONTHS

from ..painter import Painter
from ..widgets import Button, Widget
from .frame import GameScene

NEWS_SHOWN = 6


class HQScene(GameScene):
    name = "hq"
    title = "HQ"

    def __init__(self, app) -> None:  # noqa: ANN001
        self.decision_buttons: list[Button] = []
        self.news_buttons: list[Button] = []
        super().__init__(app)

    def open_card(self, event: str) -> None:
        from .event_card import EventCardScene

        self.app.push(EventCardScene(self.app, event))

    def refresh(self) -> None:
        play = self.play
        pending = play.state.sides[play.side].pending if not play.spectator else []
        self.decision_buttons = [
            Button(f"Decide: {play.content.events[item.event].title}", partial(self.open_card, item.event),
                   align="left")
            for item in pending
        ]
        waiting = {item.event for item in pending}
        fired = play.state.sides[play.side].fired  # event → the year it fired, in the order they fired
        news = [event for event, year in fired.items()
                if year == play.state.year and event not in waiting and event in play.content.events]
        self.news_buttons = [
            Button(play.content.events[event].title, partial(self.open_card, event), align="left")
            for event in news[-NEWS_SHOWN:]  # the latest, in the order they came
        ]

    def body_widgets(self) -> list[Widget]:
        return [*self.decision_buttons, *self.news_buttons]

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        pad = painter.theme.pad
        column = (rect.width - 2 * pad) // 3
        left = pygame.Rect(rect.x, rect.y, column, rect.height)
        middle = pygame.Rect(left.right + pad, rect.y, column, rect.height)
        right = pygame.Rect(middle.right + pad, rect.y, rect.right - middle.right - pad, rect.height)
        self._briefing(painter, left)
        self._programs(painter, middle)
        plan_h = min(right.height // 2, painter.theme.px(150))
        self._race(painter, pygame.Rect(right.x, right.y, right.width, right.height - plan_h - pad))
        self._plan(painter, pygame.Rect(right.x, right.bottom - plan_h, right.width, plan_h))

    def _button_list(self, painter: Painter, buttons: list[Button], x: int, y: int, width: int, bottom: int) -> int:
        theme = painter.theme
        height = painter.fonts.line_height("bold", theme.small) + theme.pad // 2
        for button in buttons:
            button.visible = y + height <= bottom
            if not button.visible:
                continue
            button.rect = pygame.Rect(x, y, width, height)
            button.draw(painter, self.focused() is button, theme.small)
            y += height + theme.px(4)
        return y

    def _briefing(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        state = self.play.state
        inner = self.panel(painter, rect, f"{state.year} briefing")
        y = inner.y
        if self.decision_buttons:
            painter.text("Decisions waiting (else the default stands)", inner.x, y, theme.small,
                         "warn", "bold", max_width=inner.width)
            y = self._button_list(painter, self.decision_buttons, inner.x, y + small, inner.width, inner.bottom) + theme.pad
        painter.text("News this year", inner.x, y, theme.small, "accent", "bold", max_width=inner.width)
        y += small
        if self.news_buttons:
            y = self._button_list(painter, self.news_buttons, inner.x, y, inner.width, inner.bottom)
        else:
            y += painter.paragraph("No news yet this year. The feed below keeps everything you have been told.",
                                   (inner.x, y, inner.width, 3 * small), theme.small, "dim")
        y += theme.pad
        if y + 3 * small <= inner.bottom:
            hint = ("Enter on a headline opens it. Type commands at the prompt below (try 'missions' or 'help'); "
                    "F1 lists every key.")
            painter.paragraph(hint, (inner.x, y, inner.width, inner.bottom - y), theme.small, "dim")

    def _programs(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        inner = self.panel(painter, rect, "Programs")
        y = inner.y
        rows = [row for row in views.programs(self.play.state, self.play.content, self.play.side)
                if row.status != "available"]
        if not rows:
            painter.paragraph("No programs started. Open Programs (F4) to start one, or type 'programs'.",
                              (inner.x, y, inner.width, 3 * small), theme.small, "dim")
            return
        bar_w = inner.width // 3
        for index, row in enumerate(rows):
            if y + 3 * small > inner.bottom:
                painter.text(f"… {len(rows) - index} more on the Programs screen (F4)", inner.x, y, theme.small, "dim",
                             max_width=inner.width)
                break
            painter.text(row.name, inner.x, y, theme.small, "text", "bold", max_width=inner.width - bar_w - theme.pad)
            colour = "good" if row.status == "operational" else "bad" if row.status == "grounded" else "warn"
            painter.bar((inner.right - bar_w, y + small // 4, bar_w, small // 2), row.reliability / 1000, colour,
                        f"{row.name} {row.reliability / 10:.0f}%")
            y += small
            painter.text(f"{row.status} · {row.reliability / 10:.1f}% · {row.note}", inner.x + theme.pad, y,
                         theme.small, "dim", max_width=inner.width - theme.pad)
            y += small + theme.px(3)

    def _race(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        state, content = self.play.state, self.play.content
        inner = self.panel(painter, rect, "The race")
        y = inner.y
        claims = list(reversed(state.claims))
        if not claims:
            y += painter.paragraph("No milestone has been claimed yet. The first artificial satellite is the prize the "
                                   "world is watching.", (inner.x, y, inner.width, 2 * small), theme.small, "dim")
        coming = self._coming()
        room = (inner.bottom - y) // small - 2
        shown_claims = claims[: max(0, room - min(len(coming), 4) - 1)] if coming else claims[: max(0, room)]
        for claim in shown_claims:
            name = content.milestones[claim.milestone].name
            painter.side_mark(claim.side, (inner.x + small // 2, y + small // 2), max(3, small // 3))
            painter.text(f"{MONTHS[claim.month - 1][:3]} {claim.year} {claim.side.upper()} "
                         f"{'first' if claim.first else 'second'}: {name}", inner.x + small + theme.pad // 2, y,
                         theme.small, "title" if claim.first else "text", max_width=inner.width - small - theme.pad // 2)
            y += small
        if len(shown_claims) < len(claims):
            painter.text(f"… {len(claims) - len(shown_claims)} more on the Race board (F8)", inner.x, y, theme.small,
                         "dim", max_width=inner.width)
            y += small
        if coming and y + 2 * small <= inner.bottom:
            y += theme.pad // 2
            painter.text("Still open, with history's dates", inner.x, y, theme.small, "accent", "bold",
                         max_width=inner.width)
            y += small
            for name, when in coming:
                if y + small > inner.bottom:
                    break
                painter.text(f"{when}  {name}", inner.x, y, theme.small, "dim", max_width=inner.width)
                y += small

    def _coming(self) -> list[tuple[str, str]]:
        """Milestones nobody has claimed, by their real date, the soonest first (a hint of what to race for)."""
        state, content = self.play.state, self.play.content
        claimed = {claim.milestone for claim in state.claims}
        found = []
        for milestone_id, milestone in content.milestones.items():
            date = milestone.history.date
            if milestone_id in claimed or not date:
                continue
            found.append((date, milestone.name, f"{date[:4]} {milestone.history.side.upper()}".strip()))
        return [(name, when) for _, name, when in sorted(found)[:6]]

    def _plan(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        state, content, side = self.play.state, self.play.content, self.play.side
        inner = self.panel(painter, rect, "This year's plan")
        view = views.status(state, content, side)
        y = inner.y
        lines = list(view.scheduled) or ["No flights booked: plan one on Missions (F7)."]
        kept = views.carried_over(state, side)
        crew = views.crew_rows(state, side)
        active = sum(1 for row in crew if row.status == "active")
        lines.append(f"Unspent ${view.funds}M (${kept}M would carry over) · crew {active} · pads {view.pads}")
        for index, text in enumerate(lines):
            if y + small > inner.bottom:
                break
            colour = "dim" if index == len(lines) - 1 or not view.scheduled else "text"
            y += painter.paragraph(text, (inner.x, y, inner.width, inner.bottom - y), theme.small, colour)
