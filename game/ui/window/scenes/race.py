"""The race board: every milestone, who reached it first and second and when, beside the real history."""

from __future__ import annotations

import pygame

from game.app import views
from game.engine.defs import SIDES

from ..intents import Key
from ..painter import Painter
from ..theme import SIDE_LABELS
from ..widgets import ListView, Widget
from .frame import GameScene


class RaceScene(GameScene):
    name = "race"
    title = "Race"
    keys = (("Up / Down", "choose a milestone (its story is on the right)"),
            ("Page Up / Down, Home / End", "move faster"),
            ("Esc", "back to the HQ (after the race: to the result)"), *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.rows: list[views.RaceRow] = []
        self.board = ListView(lambda: len(self.rows), self.draw_row, row_height=24)
        super().__init__(app)
        self.focus = 0  # the board: the arrows choose a milestone at once

    def refresh(self) -> None:
        self.rows = views.race_board(self.play.state, self.play.content)

    def body_widgets(self) -> list[Widget]:
        return [self.board, *self.result_widgets()]

    def on_key(self, key: Key) -> bool:
        return super().on_key(key)

    # -- drawing ------------------------------------------------------------------------------------

    def columns(self, painter: Painter, width: int) -> tuple[int, int, int, int]:
        """x offsets of the first, second and history columns, and the width of each of those three."""
        theme = painter.theme
        column = max(theme.px(110), min(theme.px(150), width // 5))
        history = max(theme.px(120), min(theme.px(170), width // 5))
        first = width - history - 2 * column - theme.pad
        return first, first + column, first + 2 * column, column

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        if not self.rows:
            self.refresh()
        small = painter.fonts.line_height("sans", theme.small)
        detail_w = max(theme.px(280), rect.width * 3 // 10)
        board_rect = pygame.Rect(rect.x, rect.y, rect.width - detail_w - pad, rect.height)
        detail_rect = pygame.Rect(board_rect.right + pad, rect.y, detail_w, rect.height)
        # the summary and the column heads
        firsts = {side: sum(1 for row in self.rows if row.first_side == side) for side in SIDES}
        open_count = sum(1 for row in self.rows if not row.first_side)
        x = rect.x
        painter.text("Firsts so far:", x, rect.y, theme.small, "dim")
        x += painter.fonts.width("Firsts so far:", "sans", theme.small) + pad
        for side in SIDES:
            you = " (you)" if side == self.play.side and not self.play.spectator else ""
            area = painter.side_label(side, x, rect.y, theme.small, f"{SIDE_LABELS[side]}{you} {firsts[side]}")
            x = area.right + 2 * pad
        painter.text(f"Still open: {open_count}   ★ decisive milestones", x, rect.y, theme.small, "dim",
                     max_width=max(10, board_rect.right - x))
        if self.result_button in self.body_widgets():
            w, h = self.result_button.size(painter)  # the same size as on the other screens
            self.result_button.rect = pygame.Rect(detail_rect.right - w, rect.y, w, h)
            self.result_button.draw(painter, self.focused() is self.result_button)
            detail_rect = pygame.Rect(detail_rect.x, rect.y + h + pad // 2, detail_w, rect.height - h - pad // 2)
        head_y = rect.y + small + pad // 2
        first_x, second_x, history_x, _ = self.columns(painter, board_rect.width)
        for label, offset in (("Milestone", 0), ("First", first_x), ("Second", second_x), ("In history", history_x)):
            painter.text(label, board_rect.x + pad + offset, head_y, theme.small, "accent", "bold")
        list_top = head_y + small + theme.px(2)
        self.board.rect = pygame.Rect(board_rect.x, list_top, board_rect.width, board_rect.bottom - list_top)
        self.board.draw(painter, self.focused() is self.board)
        self._draw_detail(painter, detail_rect)

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        theme = painter.theme
        pad = theme.pad
        row = self.rows[index]
        first_x, second_x, history_x, _ = self.columns(painter, rect.width)
        size = theme.small
        y = rect.y + (rect.height - painter.fonts.line_height("sans", size)) // 2
        name = ("★ " if row.decisive else "") + row.name
        colour = "title" if row.decisive else "text"
        painter.text(name, rect.x + pad, y, size, colour, "bold" if row.decisive else "sans",
                     max_width=first_x - 2 * pad)
        places = ((row.first_side, row.first_date, first_x), (row.second_side, row.second_date, second_x))
        for side, date, offset in places:
            if side:
                label = f"{SIDE_LABELS.get(side, side.upper())} {date}"
                painter.side_label(side, rect.x + pad + offset, y, size, label)
            else:
                painter.text("—", rect.x + pad + offset, y, size, "dim")
        painter.text(row.history or "—", rect.x + pad + history_x, y, size, "dim",
                     max_width=rect.right - (rect.x + pad + history_x) - theme.px(8))

    def _draw_detail(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        if not self.rows:
            inner = self.panel(painter, rect, "Milestone")
            painter.paragraph("This scenario has no milestones.", inner, theme.small, "dim")
            return
        row = self.rows[min(self.board.selected, len(self.rows) - 1)]
        milestone = self.play.content.milestones[row.id]
        inner = self.panel(painter, rect, "Decisive milestone" if row.decisive else "Milestone")
        small = painter.fonts.line_height("sans", theme.small)
        y = inner.y
        y += painter.paragraph(milestone.name, (inner.x, y, inner.width, inner.bottom - y), theme.body, "title",
                               "bold")
        y += pad // 2
        if milestone.description:
            y += painter.paragraph(milestone.description, (inner.x, y, inner.width, inner.bottom - y), theme.small,
                                   "text")
            y += pad // 2
        if y + small <= inner.bottom:
            painter.text(f"Prestige: +{milestone.prestige_first} for the first, +{milestone.prestige_second} for the "
                         f"second", inner.x, y, theme.small, "info", max_width=inner.width)
            y += small
        if row.decisive and y + small <= inner.bottom:
            y += painter.paragraph("★ Decisive: the race turns on it.", (inner.x, y, inner.width, inner.bottom - y),
                                   theme.small, "warn")
        y += pad // 2
        places = (("First", row.first_side, row.first_date), ("Second", row.second_side, row.second_date))
        for word, side, date in places:
            if y + small > inner.bottom:
                break
            area = painter.text(f"{word}:", inner.x, y, theme.small, "dim")
            if side:
                you = " (you)" if side == self.play.side and not self.play.spectator else ""
                painter.side_label(side, area.right + pad // 2, y, theme.small,
                                   f"{SIDE_LABELS.get(side, side.upper())}{you}, {date}")
            else:
                painter.text("not yet", area.right + pad // 2, y, theme.small, "dim")
            y += small
        history = milestone.history
        if history.note and y + small <= inner.bottom:
            y += pad // 2
            who = SIDE_LABELS.get(history.side, history.side.upper())
            heading = f"In history ({who}, {history.date})" if history.date else "In history"
            painter.text(heading, inner.x, y, theme.small, "accent", "bold", max_width=inner.width)
            y += small
            painter.paragraph(history.note, (inner.x, y, inner.width, inner.bottom - y), theme.small, "dim")
