"""Headquarters: the year at a glance — the briefing (decisions and news), programs, the race, the plan."""

from __future__ import annotations

from functools import partial

import pygame

from game.app import story, views
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
        self.waiting_buttons: list[Button] = []
        self.news_buttons: list[Button] = []
        self.ledger_button = Button("Open the ledger", self.open_ledger, hint="Ctrl+D", align="left")
        self._focused: Widget | None = None
        super().__init__(app)
        self.refresh()
        self._version = self.play.version
        headlines = [*self.decision_buttons, *self.news_buttons]
        self.focus_on(headlines[0] if headlines else self.tabs[0])  # the first decision, else the first news

    def open_card(self, event: str) -> None:
        from .event_card import EventCardScene

        self.app.push(EventCardScene(self.app, event))

    def refresh(self) -> None:
        """The briefing as it reached the side: decisions waiting for a choice, decisions held over to next year,
        and this year's news (the latest, in the order it came), each opening its card."""
        play = self.play
        state, content, side = play.state, play.content, play.side
        own = state.sides[side]

        def title(event: str) -> str:
            return story.event_view(state, content, side, event).title

        pending = own.pending if not play.spectator else []
        self.decision_buttons = [Button(f"Decide: {title(item.event)}", partial(self.open_card, item.event), align="left")
                                 for item in pending if item.event in content.events]
        self.waiting_buttons = [Button(f"Held over: {title(item.event)}", partial(self.open_card, item.event),
                                       align="left")
                                for item in own.waiting if item.event in content.events]
        deciding = {item.event for item in pending}
        news: list[str] = []
        for item in own.briefing:  # in the order it came; an event that came twice is shown once, where it came last
            if item.event in content.events and item.event not in deciding:
                if item.event in news:
                    news.remove(item.event)
                news.append(item.event)
        self.news_buttons = [Button(title(event), partial(self.open_card, event), align="left")
                             for event in news[-NEWS_SHOWN:]]
        self.status = views.status(state, content, side)

    def open_ledger(self) -> None:
        self.app.show_tab("ledger")

    def body_widgets(self) -> list[Widget]:
        return [*self.decision_buttons, *self.news_buttons, *self.waiting_buttons, self.ledger_button]

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        self._focused = self.focused()  # asked once: buttons shown or hidden while drawing must not move the focus
        pad = painter.theme.pad
        column = (rect.width - 2 * pad) // 3
        left = pygame.Rect(rect.x, rect.y, column, rect.height)
        middle = pygame.Rect(left.right + pad, rect.y, column, rect.height)
        right = pygame.Rect(middle.right + pad, rect.y, rect.right - middle.right - pad, rect.height)
        ledger_h = min(left.height // 2, self._ledger_height(painter, left.width))
        self._briefing(painter, pygame.Rect(left.x, left.y, left.width, left.height - ledger_h - pad))
        self._ledger(painter, pygame.Rect(left.x, left.bottom - ledger_h, left.width, ledger_h))
        self._programs(painter, middle)
        plan_h = min(right.height // 2, painter.theme.px(150))
        self._race(painter, pygame.Rect(right.x, right.y, right.width, right.height - plan_h - pad))
        self._plan(painter, pygame.Rect(right.x, right.bottom - plan_h, right.width, plan_h))

    def _button_list(self, painter: Painter, buttons: list[Button], x: int, y: int, width: int, bottom: int,
                     more: str) -> int:
        """Headline buttons down to bottom; those that do not fit are hidden, and a line says how many and where
        to find them."""
        theme = painter.theme
        height = painter.fonts.line_height("bold", theme.small) + theme.pad // 2
        small = painter.fonts.line_height("sans", theme.small)
        for index, button in enumerate(buttons):
            last = index == len(buttons) - 1
            button.visible = y + height <= bottom and (last or y + height + theme.px(4) + small <= bottom)
            if not button.visible:
                for hidden in buttons[index:]:
                    hidden.visible = False
                if y + small <= bottom:
                    painter.text(f"… {len(buttons) - index} more: {more}", x, y, theme.small, "dim", max_width=width)
                    y += small
                break
            button.rect = pygame.Rect(x, y, width, height)
            button.draw(painter, self._focused is button, theme.small)
            y += height + theme.px(4)
        return y

    def _section(self, painter: Painter, text: str, colour: str, x: int, y: int, width: int, bottom: int) -> int:
        """A small heading inside the briefing, when there is room for it and a line below."""
        small = painter.fonts.line_height("sans", painter.theme.small)
        if y + 2 * small > bottom:
            return bottom
        painter.text(text, x, y, painter.theme.small, colour, "bold", max_width=width)
        return y + small

    def _briefing(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        state = self.play.state
        inner = self.panel(painter, rect, f"{state.year} briefing")
        x, width, bottom = inner.x, inner.width, inner.bottom
        y = inner.y
        if self.decision_buttons:
            y = self._section(painter, "Decisions waiting (else the default stands)", "warn", x, y, width, bottom)
            y = self._button_list(painter, self.decision_buttons, x, y, width, bottom, "type 'decisions'") + theme.pad
        y = self._section(painter, "News this year", "accent", x, y, width, bottom)
        if self.news_buttons:
            y = self._button_list(painter, self.news_buttons, x, y, width, bottom, "the feed below has them")
        elif y + small <= bottom:
            y += min(bottom - y, painter.paragraph("No news yet this year. The feed below keeps everything you have "
                                                   "been told.", (x, y, width, bottom - y), theme.small, "dim"))
        if self.waiting_buttons:
            y = self._section(painter, "Held over to next year's briefing", "info", x, y + theme.pad, width, bottom)
            y = self._button_list(painter, self.waiting_buttons, x, y, width, bottom, "see the ledger (Ctrl+D)")
        y += theme.pad
        if y + 3 * small <= bottom:
            hint = ("Enter on a headline opens it. Type commands at the prompt below (try 'missions' or 'help'); "
                    "F1 lists every key.")
            painter.paragraph(hint, (x, y, width, bottom - y), theme.small, "dim")

    def _ledger_lines(self, painter: Painter, width: int) -> list[tuple[str, str]]:
        """The ledger panel's text, wrapped: the visible measures, then what the ledger holds."""
        size = painter.theme.small
        lines: list[tuple[str, str]] = []
        measures = " · ".join(f"{name}: {value}" for name, value in self.status.measures)
        if measures:
            lines += [(line, "text") for line in painter.fonts.wrap(measures, "sans", size, width)]
        if self.status.in_service:
            working = f"At work: {len(self.status.in_service)} craft ({self.status.service_note})."
            lines += [(line, "good") for line in painter.fonts.wrap(working, "sans", size, width)]
        note = self.status.ledger_note
        note = f"{note[:1].upper()}{note[1:]}." if note else "No promises open, nothing foreseen, no decision held over."
        lines += [(line, "warn" if self.status.ledger_note else "dim") for line in painter.fonts.wrap(note, "sans", size,
                                                                                                   width)]
        return lines

    def _ledger_height(self, painter: Painter, width: int) -> int:
        theme = painter.theme
        heading = painter.fonts.line_height("mono_bold", theme.body) + theme.px(2) + theme.px(6)  # as Scene.heading
        lines = len(self._ledger_lines(painter, width - 2 * theme.pad))
        button = painter.fonts.line_height("bold", theme.small) + theme.pad // 2
        return 2 * theme.pad + heading + lines * painter.fonts.line_height("sans", theme.small) + theme.px(4) + button

    def _ledger(self, painter: Painter, rect: pygame.Rect) -> None:
        """Measures and what the ledger holds, with the way to it."""
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        inner = self.panel(painter, rect, "Ledger")
        button_h = painter.fonts.line_height("bold", theme.small) + theme.pad // 2
        y = inner.y
        for text, colour in self._ledger_lines(painter, inner.width):
            if y + small > inner.bottom - button_h - theme.px(4):
                break
            painter.text(text, inner.x, y, theme.small, colour, max_width=inner.width)
            y += small
        label_w = painter.fonts.width(self.ledger_button.text(), "bold", theme.small) + 2 * theme.pad
        self.ledger_button.rect = pygame.Rect(inner.x, inner.bottom - button_h, min(inner.width, label_w), button_h)
        self.ledger_button.visible = self.ledger_button.rect.y >= inner.y
        if self.ledger_button.visible:
            self.ledger_button.draw(painter, self._focused is self.ledger_button, theme.small)

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
        kept = views.carried_over(state, content, side)
        training = f" (+{view.candidates} in training)" if view.candidates else ""
        nbsp = "\u00a0"  # keeps a figure with its words when the line wraps ("pads 2", never an orphan "2")
        lines.append(f"Unspent ${view.funds}M (${kept}M would carry{nbsp}over) · crew{nbsp}ready{nbsp}{view.active_crew}"
                     f"{training.replace(' ', nbsp)} · pads{nbsp}{view.pads}")
        for index, text in enumerate(lines):
            if y + small > inner.bottom:
                break
            colour = "dim" if index == len(lines) - 1 or not view.scheduled else "text"
            y += painter.paragraph(text, (inner.x, y, inner.width, inner.bottom - y), theme.small, colour)
