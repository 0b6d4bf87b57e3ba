"""The ledger: what the side's past choices still hold in store — decisions held over, consequences it can see
coming, promises, where each person stands and why, and the measures the scenario shows — from the shared
ledger view, in two columns that scroll."""

from __future__ import annotations

import pygame

from game.app.ledger import LedgerView, ledger

from ..document import MOOD_COLOURS, Document, Gap, Heading, Row, gauge_rows, text_rows
from ..painter import Painter
from ..widgets import Widget
from .frame import GameScene

PROMISE_COLOURS = {"open": "warn", "kept": "good", "broken": "bad"}
EMPTY = ("The ledger is empty: no promises made, nothing foreseen, nobody whose opinion you have moved yet. "
         "Decisions you take at the briefing can change that: what they set in motion shows here.")
UNFORESEEN = ("Consequences you cannot foresee are not listed: when they come, the briefing says which choice "
              "caused them.")


def trend_words(trend: int) -> tuple[str, str]:
    """The opinion's recent change in words, and its colour."""
    if trend > 0:
        return f"+{trend} lately", "good"
    if trend < 0:
        return f"{trend} lately", "bad"
    return "unchanged lately", "dim"


class LedgerScene(GameScene):
    name = "ledger"
    title = "Ledger"
    keys: tuple[tuple[str, str], ...] = (
        ("Up / Down, Page Up / Down", "scroll the column"), ("Home / End", "the top or the foot of the column"),
        ("Tab", "the other column"), *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.view = LedgerView((), (), (), (), ())
        self.left = Document(self.left_rows)
        self.right = Document(self.right_rows)
        super().__init__(app)
        self.refresh()
        self.focus = 0  # the left column: the arrows scroll it at once
        if self.view.empty:
            self.focus_on(self.tabs[-1])

    def refresh(self) -> None:
        self.view = ledger(self.play.state, self.play.content, self.play.side)

    def body_widgets(self) -> list[Widget]:
        if self.view.empty:
            return self.result_widgets()
        return [self.left, self.right, *self.result_widgets()]

    # -- the columns --------------------------------------------------------------------------------

    def left_rows(self, painter: Painter, width: int) -> list[Row]:
        """Decisions held over, what is foreseen, and promises."""
        theme = painter.theme
        small, pad = theme.small, theme.pad
        view = self.view
        rows: list[Row] = [Heading(painter, "Decisions held over")]
        if not view.waiting:
            rows += text_rows(painter, "None: every decision that came this year is in the briefing.", width, small, "dim")
        for waiting in view.waiting:
            rows += text_rows(painter, waiting.title, width, small, "text", "bold")
            rows += text_rows(painter, f"Waits for next year's briefing: {waiting.why}.", width, small, "dim", indent=pad)
        rows += [Gap(pad), Heading(painter, "Foreseen")]
        if not view.foreseen:
            rows += text_rows(painter, "Nothing you can see coming.", width, small, "dim")
        for foreseen in view.foreseen:
            rows += text_rows(painter, f"{foreseen.when}: {foreseen.text}", width, small, "text", "bold")
            if foreseen.cause:
                rows += text_rows(painter, f"Because of {foreseen.cause}.", width, small, "dim", indent=pad)
        rows += text_rows(painter, UNFORESEEN, width, small, "dim")
        rows += [Gap(pad), Heading(painter, "Promises")]
        if not view.promises:
            rows += text_rows(painter, "No promises made.", width, small, "dim")
        for promise in view.promises:
            status = (f"Open: judged by the end of {promise.deadline}" if promise.status == "open"
                      else f"{promise.status.capitalize()} in {promise.settled}")
            rows += text_rows(painter, promise.name, width, small, "text", "bold")
            rows += text_rows(painter, status, width, small, PROMISE_COLOURS.get(promise.status, "text"), "bold",
                              indent=pad)
            if promise.text:
                rows += text_rows(painter, promise.text, width, small, "dim", indent=pad)
            rows += text_rows(painter, promise.origin, width, small, "dim", indent=pad)
            rows.append(Gap(theme.px(4)))
        return rows

    def right_rows(self, painter: Painter, width: int) -> list[Row]:
        """People, with their opinion of you and why it moved, and the measures."""
        theme = painter.theme
        small, pad = theme.small, theme.pad
        view = self.view
        rows: list[Row] = [Heading(painter, "People")]
        if not view.people:
            rows += text_rows(painter, "Nobody in office has an opinion of you yet.", width, small, "dim")
        for person in view.people:
            rows += text_rows(painter, f"{person.name}, {person.title}", width, small,
                              "text" if person.status == "serving" else "dim", "bold")
            rows += gauge_rows(painter, "Opinion of you", person.opinion / 100, MOOD_COLOURS.get(person.mood, "text"),
                               f"{person.opinion}/100, {person.mood}", f"opinion {person.name} {person.opinion}",
                               width, indent=pad)
            trend, colour = trend_words(person.trend)
            rows += text_rows(painter, trend + (f" · {person.left}" if person.left else ""), width, small, colour,
                              indent=pad)
            for reason in person.reasons:
                rows += text_rows(painter, reason, width, small, "dim", indent=2 * pad)
            rows.append(Gap(theme.px(4)))
        rows += [Gap(pad), Heading(painter, "Measures")]
        if not view.measures:
            rows += text_rows(painter, "This scenario shows no measures.", width, small, "dim")
        for measure in view.measures:
            span = max(1, measure.high - measure.low)
            rows += gauge_rows(painter, measure.name, (measure.value - measure.low) / span, "info",
                               f"{measure.value} ({measure.low}–{measure.high})", f"measure {measure.name} {measure.value}",
                               width)
            if measure.description:
                rows += text_rows(painter, measure.description, width, small, "dim", indent=pad)
            rows.append(Gap(theme.px(4)))
        return rows

    # -- drawing ------------------------------------------------------------------------------------

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        if self.result_button in self.body_widgets():
            w, h = self.result_button.size(painter)  # the same size and place as on the other screens
            self.result_button.rect = pygame.Rect(rect.right - w, rect.y, w, h)
            self.result_button.draw(painter, self.focused() is self.result_button)
            rect = pygame.Rect(rect.x, rect.y + h + pad // 2, rect.width, rect.height - h - pad // 2)
        if self.view.empty:
            inner = self.panel(painter, rect, "Ledger")
            painter.paragraph(EMPTY, inner, theme.body, "dim")
            return
        half = (rect.width - pad) // 2
        for document, column in ((self.left, pygame.Rect(rect.x, rect.y, half, rect.height)),
                                 (self.right, pygame.Rect(rect.x + half + pad, rect.y, rect.width - half - pad,
                                                          rect.height))):
            painter.rect(column, "panel", radius=theme.px(3))
            painter.rect(column, "grid", width=1, radius=theme.px(3))
            document.rect = column
            document.draw(painter, self.focused() is document)
