"""The race board as a mission-control wall display: lit panels with the mission clock, the firsts each side
holds and the latest one claimed; every milestone in the order the real race reached them, in phosphor (green for
your firsts, amber for the rival's, the ones nobody holds marked OPEN), who reached it first and second and when,
beside the real history; the chosen one's story on a monitor."""

from __future__ import annotations

import pygame

from game.app import views
from game.app.race_wall import race_wall
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

    def _tile(self, painter: Painter, rect: pygame.Rect, title: str) -> pygame.Rect:
        """One lit panel of the wall: dark glass, a lit top edge, its title in small capitals; returns the inside."""
        theme = painter.theme
        painter.rect(rect, "wall", radius=theme.px(2))
        painter.rect(rect, "grid", width=1, radius=theme.px(2))
        painter.line((rect.x + theme.px(3), rect.y + 1), (rect.right - theme.px(4), rect.y + 1), "amber", max(1, theme.px(2)))
        inner = rect.inflate(-theme.pad, -theme.px(8))
        painter.text(title, inner.x, inner.y, theme.px(11), "dim", "mono_bold", max_width=inner.width)
        top = inner.y + painter.fonts.line_height("mono_bold", theme.px(11))
        return pygame.Rect(inner.x, top, inner.width, inner.bottom - top)

    def phosphor(self, side: str) -> str:
        """Your firsts glow green, the rival's amber (a watcher's: the USA green)."""
        mine = self.play.side if not self.play.spectator else "usa"
        return "phosphor" if side == mine else "amber"

    def draw_wall(self, painter: Painter, rect: pygame.Rect) -> int:
        """The row of lit panels along the top; returns its height."""
        theme = painter.theme
        pad = theme.pad
        wall = race_wall(self.play.state, self.play.content)
        fonts = painter.fonts
        clock_size = theme.px(24)
        tile_h = theme.px(11) + fonts.line_height("mono_bold", clock_size) + theme.px(16)
        widths = (3, 2, 2, 2, 5)
        unit = (rect.width - pad * (len(widths) - 1)) / sum(widths)
        left = float(rect.x)
        tiles = []
        for share in widths:
            tiles.append(pygame.Rect(round(left), rect.y, round(unit * share), tile_h))
            left += unit * share + pad
        # the mission clock, its unlit segments behind the lit ones
        inner = self._tile(painter, tiles[0], f"MISSION CLOCK · {wall.stage}")
        ghost = "".join("8" if char.isalnum() else char for char in wall.clock)
        painter.text(ghost, inner.x, inner.y, clock_size, "panel_hi", "mono_bold", max_width=inner.width)
        painter.text(wall.clock, inner.x, inner.y, clock_size, "amber", "mono_bold", max_width=inner.width)
        for tile, side in zip(tiles[1:3], SIDES):
            inner = self._tile(painter, tile, "FIRSTS")
            you = " (you)" if side == self.play.side and not self.play.spectator else ""
            height = fonts.line_height("mono_bold", theme.body)
            painter.side_mark(side, (inner.x + height // 3, inner.y + height // 2), max(3, height // 3))
            painter.text(f"{SIDE_LABELS[side]}{you} {wall.firsts.get(side, 0)}", inner.x + height, inner.y, theme.body,
                         self.phosphor(side), "mono_bold", max_width=inner.width - height)
        inner = self._tile(painter, tiles[3], "STILL OPEN")
        painter.text(f"{wall.open}", inner.x, inner.y, theme.body, "phosphor", "mono_bold")
        painter.text(f"★ decisive {wall.decisive_won}/{wall.decisive}", inner.right, inner.y, theme.small, "amber",
                     "mono", align="right", max_width=max(10, inner.width - theme.px(36)))
        inner = self._tile(painter, tiles[4], "LATEST FIRST")
        if wall.latest:
            painter.text(wall.latest, inner.x, inner.y, theme.small, self.phosphor(wall.latest_side), "mono_bold",
                         max_width=inner.width)
        else:
            painter.text("NONE YET · the first satellite is the prize", inner.x, inner.y, theme.small, "dim", "mono",
                         max_width=inner.width)
        return tile_h

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        if not self.rows:
            self.refresh()
        painter.rect(rect.inflate(pad, pad // 2), "wall")  # the wall behind its panels
        small = painter.fonts.line_height("mono_bold", theme.small)
        wall_h = self.draw_wall(painter, rect)
        top = rect.y + wall_h + pad // 2
        detail_w = max(theme.px(280), rect.width * 3 // 10)
        board_rect = pygame.Rect(rect.x, top, rect.width - detail_w - pad, rect.bottom - top)
        detail_rect = pygame.Rect(board_rect.right + pad, top, detail_w, rect.bottom - top)
        if self.result_button in self.body_widgets():
            w, h = self.result_button.size(painter)  # the same size as on the other screens
            self.result_button.rect = pygame.Rect(detail_rect.right - w, top, w, h)
            self.result_button.draw(painter, self.focused() is self.result_button)
            detail_rect = pygame.Rect(detail_rect.x, top + h + pad // 2, detail_w, detail_rect.height - h - pad // 2)
        painter.rect(board_rect, "wall")
        painter.rect(board_rect, "grid", width=1)
        head_y = board_rect.y + theme.px(3)
        first_x, second_x, history_x, _ = self.columns(painter, board_rect.width)
        for label, offset in (("Milestone", 0), ("First", first_x), ("Second", second_x), ("In history", history_x)):
            painter.text(label, board_rect.x + pad + offset, head_y, theme.small, "amber", "mono_bold")
        list_top = head_y + small + theme.px(3)
        painter.line((board_rect.x, list_top - 1), (board_rect.right - 1, list_top - 1), "amber")
        self.board.rect = pygame.Rect(board_rect.x + 1, list_top, board_rect.width - 2, board_rect.bottom - list_top - 1)
        self.board.draw(painter, self.focused() is self.board)
        self._draw_detail(painter, detail_rect)

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        theme = painter.theme
        pad = theme.pad
        row = self.rows[index]
        first_x, second_x, history_x, _ = self.columns(painter, rect.width)
        if not selected:
            painter.rect(rect, "wall")
        for offset in (first_x, second_x, history_x):  # the panel's cells
            painter.line((rect.x + offset, rect.y), (rect.x + offset, rect.bottom - 1), "panel_hi")
        painter.line((rect.x, rect.bottom - 1), (rect.right - 1, rect.bottom - 1), "panel")
        size = theme.small
        y = rect.y + (rect.height - painter.fonts.line_height("mono", size)) // 2
        name = ("★ " if row.decisive else "") + row.name
        colour = self.phosphor(row.first_side) if row.first_side else "amber" if row.decisive else "dim"
        painter.text(name, rect.x + pad, y, size, colour, "mono_bold" if row.decisive or row.first_side else "mono",
                     max_width=first_x - 2 * pad)
        height = painter.fonts.line_height("mono", size)
        places = ((row.first_side, row.first_date, first_x, second_x), (row.second_side, row.second_date, second_x,
                                                                        history_x))
        for side, date, offset, end in places:
            left = rect.x + pad + offset
            if side:
                painter.side_mark(side, (left + height // 3, y + height // 2), max(3, height // 3))
                painter.text(f"{SIDE_LABELS.get(side, side.upper())} {date}", left + height, y, size,
                             self.phosphor(side), "mono_bold", max_width=end - offset - height - pad)
            elif offset == first_x:  # nobody has it: the prize is still there to take
                painter.text(views.OPEN_WORD.upper(), left, y, size, "text", "mono", max_width=end - offset - pad)
            else:
                painter.text("—", left, y, size, "dim", "mono")
        painter.text(row.history or "—", rect.x + pad + history_x, y, size, "dim", "mono",
                     max_width=rect.right - (rect.x + pad + history_x) - theme.px(8))

    def panel(self, painter: Painter, rect: pygame.Rect, title: str = "") -> pygame.Rect:
        """The detail monitor: dark glass in a phosphor frame."""
        theme = painter.theme
        painter.rect(rect, "wall", radius=theme.px(3))
        painter.rect(rect, "phosphor", width=1, radius=theme.px(3))
        inner = rect.inflate(-2 * theme.pad, -2 * theme.pad)
        if title:
            painter.text(title.upper(), inner.x, inner.y, theme.body, "amber", "mono_bold", max_width=inner.width)
            bottom = inner.y + painter.fonts.line_height("mono_bold", theme.body) + theme.px(2)
            painter.line((inner.x, bottom), (inner.right, bottom), "grid")
            inner = pygame.Rect(inner.x, bottom + theme.px(6), inner.width, inner.bottom - bottom - theme.px(6))
        return inner

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
        y += painter.paragraph(milestone.name, (inner.x, y, inner.width, inner.bottom - y), theme.body,
                               self.phosphor(row.first_side) if row.first_side else "title", "bold")
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
