"""The end of the race: who won and why, the final prestige, the prestige chart and the firsts of each side."""

from __future__ import annotations

import pygame

from game.app import views
from game.app.ledger import PromiseRow, ledger
from game.app.narrate import cap, side_name
from game.engine.defs import SIDES, rival_of

from ..document import Row, fitting, text_rows, total_height
from ..intents import Key
from ..painter import Painter
from ..scene import Scene, layout_buttons
from ..theme import SIDE_LABELS
from ..widgets import Button, Widget
from ..chart import draw_chart

PROMISE_WORDS = {"kept": ("Kept", "good"), "broken": ("Broken", "bad"), "open": ("Still open", "warn")}


def promise_rows(painter: Painter, promises: tuple[PromiseRow, ...], width: int) -> list[Row]:
    """Kept first, then broken, then those the race ended before judging, each with its year."""
    rows: list[Row] = []
    for status in ("kept", "broken", "open"):
        for promise in (item for item in promises if item.status == status):
            word, colour = PROMISE_WORDS[status]
            when = f" in {promise.settled}" if promise.settled else f" (due by {promise.deadline})"
            rows += text_rows(painter, f"{word}{when}: {promise.name}", width, painter.theme.small, colour)
    return rows

REASONS = {"collapse": "support at home collapsed", "win": "a victory condition was met",
           "end": "the scenario's goal was reached", "time": "the final year is over"}


class GameOverScene(Scene):
    name = "game_over"
    title = "The race is over"
    keys = (("Left / Right, Tab", "move between the buttons"), ("Enter", "use the focused button"),
            ("R", "the race board"), ("A", "the almanac: history beside your race"), ("S", "save the finished game"),
            ("T", "back to the title screen"), ("Q", "quit"), ("F8 / F9 / F10", "race board, charts, almanac"),
            ("L or Ctrl+D", "the ledger: promises kept and broken, people, measures"))

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.buttons = [
            Button("Race board", lambda: self.open_tab("race"), hint="R"),
            Button("Almanac", lambda: self.open_tab("almanac"), hint="A"),
            Button("Save", self.save, hint="S"),
            Button("Title screen", app.quit_to_title, hint="T"),
            Button("Quit", app.quit, hint="Q"),
        ]

    def open_tab(self, name: str) -> None:
        self.app.show_tab(name)

    def save(self) -> None:
        from .saves import SavesScene

        self.app.push(SavesScene(self.app, "save"))

    def widgets(self) -> list[Widget]:
        return list(self.buttons)

    def on_key(self, key: Key) -> bool:
        if (key.ctrl and key.name == "d" or key.name == "l") and not key.alt:
            self.open_tab("ledger")
            return True
        if key.ctrl or key.alt:
            return False
        tab = {"f8": "race", "f9": "charts", "f10": "almanac"}.get(key.name)
        if tab:
            self.open_tab(tab)
            return True
        shortcut = {"r": 0, "a": 1, "s": 2, "t": 3, "q": 4}.get(key.name)
        if shortcut is not None:
            self.buttons[shortcut].press()
            return True
        return False

    # -- drawing ------------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        assert self.app.play is not None
        play = self.app.play
        state, content = play.state, play.content
        view = views.result(state, content)
        spectator = play.spectator
        theme = painter.theme
        pad = theme.pad
        width, height = painter.surface.get_size()
        painter.rect((0, 0, width, height), "background")
        # the verdict
        if view.winner == "draw":
            verdict, colour = "DRAW", "warn"
            line = f"Nobody wins: the race ends level ({view.year})."
        else:
            if spectator:
                verdict, colour = f"{SIDE_LABELS.get(view.winner, view.winner.upper())} WINS", view.winner
            elif view.winner == play.side:
                verdict, colour = "YOU WIN", "good"
            else:
                verdict, colour = "YOU LOSE", "bad"
            line = f"{cap(side_name(content, view.winner))} wins the space race ({view.year})."
        y = theme.px(16)
        painter.text("THE RACE IS OVER", width // 2, y, theme.small, "accent", "mono_bold", align="centre")
        y += painter.fonts.line_height("mono_bold", theme.small)
        painter.text(verdict, width // 2, y, theme.huge, colour, "mono_bold", align="centre", max_width=width - 2 * pad)
        y += painter.fonts.line_height("mono_bold", theme.huge)
        scenario = content.scenarios[state.scenario].name
        painter.text(line, width // 2, y, theme.large, "title", "bold", align="centre", max_width=width - 4 * pad)
        y += painter.fonts.line_height("bold", theme.large)
        painter.text(f"{scenario}. The game ended because {REASONS.get(view.reason, view.reason)}.", width // 2, y,
                     theme.body, "text", align="centre", max_width=width - 4 * pad)
        y += painter.fonts.line_height("sans", theme.body) + pad // 2
        if view.reason in ("win", "end"):  # which goal: the scenario says it in its description
            block = pygame.Rect(width // 6, y, width * 2 // 3, 3 * painter.fonts.line_height("sans", theme.small))
            y += min(block.height, painter.paragraph(content.scenarios[state.scenario].description, block, theme.small,
                                                     "dim")) + pad // 2
        # final prestige, each side with its mark
        labels = []
        for side in SIDES:
            you = " (you)" if side == play.side and not spectator else ""
            labels.append((side, f"{SIDE_LABELS[side]}{you}: {view.prestige[side]} prestige"))
        gap = 3 * pad
        total = sum(painter.fonts.width(text, "bold", theme.body) + painter.fonts.line_height("bold", theme.body)
                    for _, text in labels) + gap * (len(labels) - 1)
        x = (width - total) // 2
        painter.text("Final", x - pad, y, theme.body, "dim", align="right")
        for side, text in labels:
            area = painter.side_label(side, x, y, theme.body, text)
            x = area.right + gap
        y += painter.fonts.line_height("bold", theme.body) + pad
        # the buttons at the foot
        button_h = self.buttons[0].size(painter)[1]
        row_w = sum(button.size(painter)[0] for button in self.buttons) + pad * (len(self.buttons) - 1)
        foot = height - pad - button_h
        if row_w > width - 2 * pad:  # a narrow window: two rows
            foot -= button_h + pad
        left = max(pad, (width - row_w) // 2)
        layout_buttons(painter, self.buttons, left, foot, width - left - pad)
        # the chart and the race summary
        body = pygame.Rect(pad, y, width - 2 * pad, foot - pad - y)
        chart_w = body.width * 11 // 20
        chart_rect = pygame.Rect(body.x, body.y, chart_w, body.height)
        race_rect = pygame.Rect(chart_rect.right + pad, body.y, body.right - chart_rect.right - pad, body.height)
        inner = Scene.panel(self, painter, chart_rect, "Prestige by year")
        if any(view.history[side] for side in SIDES):
            you = play.side if not spectator else ""
            sides = [play.side, rival_of(play.side)]
            series = {side: [(entry["year"], entry["prestige"]) for entry in view.history[side]] for side in sides}
            draw_chart(painter, inner, series, you=you)
        else:
            painter.paragraph("The race ended before a single year was closed: there is no year to chart.", inner,
                              theme.small, "dim")
        order = {claim.milestone + ("" if claim.first else "#second"): index for index, claim in enumerate(state.claims)}
        promises = ledger(state, content, play.side).promises
        if promises:
            rows = promise_rows(painter, promises, race_rect.width - 2 * pad)
            heading_h = painter.fonts.line_height("mono_bold", theme.body) + theme.px(2) + theme.px(6)
            promises_h = min(race_rect.height * 2 // 5, 2 * pad + heading_h + total_height(rows))
            promises_rect = pygame.Rect(race_rect.x, race_rect.bottom - promises_h, race_rect.width, promises_h)
            race_rect = pygame.Rect(race_rect.x, race_rect.y, race_rect.width, race_rect.height - promises_h - pad)
            self._draw_promises(painter, promises_rect, rows)
        self._draw_race(painter, race_rect, view, play.side, spectator, order)
        for button in self.buttons:
            button.draw(painter, self.focused() is button)

    def _draw_promises(self, painter: Painter, rect: pygame.Rect, rows: list[Row]) -> None:
        """The promises made in the race: kept, broken, or still open when it ended."""
        inner = Scene.panel(self, painter, rect, "Promises")
        end = fitting(rows, 0, inner.height)
        if end < len(rows):  # room for a last line saying there is more
            end = fitting(rows, 0, inner.height - painter.fonts.line_height("sans", painter.theme.small))
        y = inner.y
        for row in rows[:end]:
            row.paint(painter, inner.x, y, inner.width)
            y += row.height
        if end < len(rows):
            painter.text("… more in the ledger (L)", inner.x, y, painter.theme.small, "dim",
                         max_width=inner.width)

    def _draw_race(self, painter: Painter, rect: pygame.Rect, view: views.ResultView, you: str, spectator: bool,
                   order: dict[str, int]) -> None:
        """Each side's count of firsts, then the firsts in the order they happened (decisive ones starred)."""
        theme = painter.theme
        pad = theme.pad
        inner = Scene.panel(self, painter, rect, "The race board")
        small = painter.fonts.line_height("sans", theme.small)
        y = inner.y
        x = inner.x
        painter.text("Firsts:", x, y, theme.small, "dim")
        x += painter.fonts.width("Firsts:", "sans", theme.small) + pad
        for side in SIDES:
            count = sum(1 for row in view.race if row.first_side == side)
            mark = " (you)" if side == you and not spectator else ""
            area = painter.side_label(side, x, y, theme.small, f"{SIDE_LABELS[side]}{mark} {count}")
            x = area.right + 2 * pad
        open_count = sum(1 for row in view.race if not row.first_side)
        painter.text(f"never reached: {open_count}", x, y, theme.small, "dim", max_width=max(10, inner.right - x))
        y += small + pad // 2
        claimed = sorted((row for row in view.race if row.first_side), key=lambda row: order.get(row.id, len(order)))
        seconds = sorted((row for row in view.race if row.second_side),
                         key=lambda row: order.get(row.id + "#second", len(order)))  # as they happened too
        never = [row for row in view.race if not row.first_side and row.decisive]
        # (side, date, text, colour, face) — or a heading with side None
        lines: list[tuple[str | None, str, str, str, str]] = [(None, "", "Firsts, as they happened", "accent", "bold")]
        for row in claimed:
            name = ("★ " if row.decisive else "") + row.name
            who = SIDE_LABELS.get(row.first_side, row.first_side.upper())
            lines.append((row.first_side, row.first_date, f"{name} — {who}", "title" if row.decisive else "text",
                          "bold" if row.decisive else "sans"))
        if not claimed:
            lines.append(("", "", "Nobody reached a single milestone.", "dim", "sans"))
        if seconds:
            lines.append((None, "", "Matched by the other side", "accent", "bold"))
            lines += [(row.second_side, row.second_date, f"{row.name} — {SIDE_LABELS.get(row.second_side, '?')}",
                       "text", "sans") for row in seconds]
        if never:
            lines.append((None, "", "Never reached", "accent", "bold"))
            lines += [("", "", "★ " + row.name, "dim", "sans") for row in never]
        state = self.app.play.state if self.app.play is not None else None
        if state is not None:
            lines.append((None, "", "The record", "accent", "bold"))
            for side in SIDES:
                own = state.sides[side]
                flown = sum(own.flights.values())
                lost = f", {own.crew_lost} crew lost" if own.crew_lost else ", no crew lost"
                lines.append((side, "", f"{SIDE_LABELS[side]}: {flown} successful flights{lost}", "text", "sans"))
        date_w = painter.fonts.width("Sep 1969  ", "sans", theme.small)
        left = len(lines)
        for marker, date, text, colour, face in lines:
            left -= 1
            if y + small > inner.bottom or (left and y + 2 * small > inner.bottom):
                painter.text("… more on the race board (R)", inner.x, y, theme.small, "dim", max_width=inner.width)
                break
            if marker is None:
                y += theme.px(4)
                painter.text(text, inner.x, y, theme.small, colour, face, max_width=inner.width)
                y += small
                continue
            if marker:
                painter.side_mark(marker, (inner.x + small // 2, y + small // 2), max(3, small // 3))
            indent = small + pad // 2 + (date_w if date else 0)
            if date:
                painter.text(date, inner.x + small + pad // 2, y, theme.small, "dim")
            painter.text(text, inner.x + indent, y, theme.small, colour, face, max_width=inner.width - indent)
            y += small
