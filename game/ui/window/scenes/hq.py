"""Headquarters: the year at a glance — the briefing (decisions, what needs seeing to, news), programs, the race,
the plan — where every item is a link to the screen it is fixed on (the panels on the right are in hq_panels.py).
"""

from __future__ import annotations

from functools import partial

import pygame

from game.app import attention, story, views

from ..painter import Painter
from ..widgets import Button, Link, Widget
from .frame import TABS, GameScene, key_label
from .hq_panels import HQPanels

NEWS_SHOWN = 6


class HQScene(GameScene):
    name = "hq"
    title = "HQ"
    keys = (("Enter on an item, or a click", "go where it is fixed, with it selected"), *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.decision_buttons: list[Button] = []
        self.waiting_buttons: list[Button] = []
        self.news_buttons: list[Button] = []
        self.attention_links: list[Link] = []  # what needs seeing to, each to where it is fixed
        self.attention_chips: list[list[Button]] = []  # per item: a button for each thing it names
        self.items: list[attention.Attention] = []
        self.ledger_button = Button("Open the ledger", self.open_ledger, hint="Ctrl+D", align="left")
        self._focused: Widget | None = None
        super().__init__(app)
        self.panels = HQPanels(self)
        self.refresh()
        self._version = self.play.version
        headlines = [*self.decision_buttons, *self.news_buttons]
        self.focus_on(headlines[0] if headlines else self.tabs[0])  # the first decision, else the first news

    def open_card(self, event: str) -> None:
        from .event_card import EventCardScene

        self.app.push(EventCardScene(self.app, event))

    def refresh(self) -> None:
        """The briefing as it reached the side: decisions waiting for a choice, what needs seeing to, decisions held
        over to next year, and this year's news (the latest, in the order it came), each opening its card."""
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
        self.items = [] if play.spectator or play.game_over else attention.attention(state, content, side)
        self.attention_texts = [item.words(where_words(item.where)) for item in self.items]
        self.attention_links = [Link(text, partial(self.go, item.place)) for item, text in zip(self.items,
                                                                                                self.attention_texts)]
        self.attention_chips = [[Button(link.label, partial(self.go, link.place), align="left") for link in item.links]
                                if len(item.links) > 1 or any(link.place != item.place for link in item.links) else []
                                for item in self.items]
        self.status = views.status(state, content, side)
        if hasattr(self, "panels"):
            self.panels.refresh()

    def open_ledger(self) -> None:
        self.app.show_tab("ledger")

    def body_widgets(self) -> list[Widget]:
        items: list[Widget] = []
        for link, chips in zip(self.attention_links, self.attention_chips):
            items += [link, *chips]
        return [*self.decision_buttons, *items, *self.news_buttons, *self.waiting_buttons, self.ledger_button,
                *(self.panels.widgets() if hasattr(self, "panels") else [])]

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
        self.panels.draw(painter, middle, right, self._focused)
        if self._focused is not None and self._focused.visible:
            self.focus_on(self._focused)  # links shown or hidden for lack of room must not move the focus

    def headline_height(self, painter: Painter) -> int:
        """A headline button's height: its text with room above and below for the border and the focus ring."""
        return painter.fonts.line_height("bold", painter.theme.small) + painter.theme.pad * 3 // 4

    def _button_list(self, painter: Painter, buttons: list[Button], x: int, y: int, width: int, bottom: int,
                     more: str) -> int:
        """Headline buttons down to bottom; those that do not fit are hidden, and a line says how many and where
        to find them."""
        theme = painter.theme
        height = self.headline_height(painter)
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
        small = painter.fonts.line_height("bold", painter.theme.small)
        lines = painter.fonts.wrap(text, "bold", painter.theme.small, width)[:2]  # two lines, never a cut word
        if y + (len(lines) + 1) * small > bottom:
            return bottom
        for line in lines:
            painter.text(line, x, y, painter.theme.small, colour, "bold", max_width=width)
            y += small
        return y

    def _attention(self, painter: Painter, x: int, y: int, width: int, bottom: int) -> int:
        """What needs seeing to: each item a link (wrapped to its lines), with a button for each thing it names."""
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        gap = theme.px(4)
        chip_h = self.headline_height(painter)
        for index, (item, link, chips) in enumerate(zip(self.items, self.attention_links, self.attention_chips)):
            lines = painter.fonts.wrap(link.label, "sans", theme.small, width - theme.pad)
            height = len(lines) * small + theme.px(4)
            places = self._chip_places(painter, chips, x + theme.pad // 2, x + width, chip_h + gap)
            rows = len({top for _, top, _ in places})
            if y + height + rows * (chip_h + gap) > bottom:
                for hidden in [*self.attention_links[index:], *(chip for row in self.attention_chips[index:]
                                                                for chip in row)]:
                    hidden.visible = False
                if y + small <= bottom:
                    painter.text(f"… {len(self.items) - index} more: 'status' lists them", x, y, theme.small, "dim",
                                 max_width=width)
                    y += small
                break
            link.visible = True
            link.rect = pygame.Rect(x, y, width, height)
            link.draw(painter, self._focused is link)
            for number, line in enumerate(lines):
                painter.text(line, x + theme.pad // 2, y + theme.px(2) + number * small, theme.small, item.tone)
            y += height + gap
            for chip, (left, top, chip_w) in zip(chips, places):
                chip.visible = True
                chip.rect = pygame.Rect(left, y + top, chip_w, chip_h)
                chip.draw(painter, self._focused is chip, theme.small)
            y += rows * (chip_h + gap)
        return y

    @staticmethod
    def _chip_places(painter: Painter, chips: list[Button], left: int, right: int,
                     step: int) -> list[tuple[int, int, int]]:
        """(x, y offset, width) for each of an item's buttons, wrapping onto more rows as needed."""
        theme = painter.theme
        places: list[tuple[int, int, int]] = []
        x, top = left, 0
        for chip in chips:
            chip_w = min(painter.fonts.width(chip.text(), "bold", theme.small) + theme.pad, right - left)
            if x > left and x + chip_w > right:
                x, top = left, top + step
            places.append((x, top, chip_w))
            x += chip_w + theme.px(4)
        return places

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
        if self.items:
            y = self._section(painter, "To see to before the year ends", "warn", x, y, width, bottom)
            y = self._attention(painter, x, y, width, bottom) + theme.pad // 2
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
            hint = ("Enter on an item (or a click) goes where it is fixed. Type commands at the prompt below (try "
                    "'missions' or 'help'); F1 lists every key.")
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
        button = self.headline_height(painter)
        return 2 * theme.pad + heading + lines * painter.fonts.line_height("sans", theme.small) + theme.px(4) + button

    def _ledger(self, painter: Painter, rect: pygame.Rect) -> None:
        """Measures and what the ledger holds, with the way to it."""
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        inner = self.panel(painter, rect, "Ledger")
        button_h = self.headline_height(painter)
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


def where_words(screen: str) -> str:
    """"on Programs (F4)": the screen an item is fixed on, as its tab names it."""
    for key, label, name, _ in TABS:
        if name == screen:
            return f"on {label} ({key_label(key)})"
    return ""
