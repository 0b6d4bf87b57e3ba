"""The crew corps: the roster with each member's skills, the selected member in detail, recruiting and training.

Recruiting is a Recruit order (one candidate a press); training money is a Fund order for "training", moved by
Left/Right on its control like a line of the budget.
"""

from __future__ import annotations

import pygame

from game.app import views
from game.engine import rules
from game.engine.orders import Recruit

from ..painter import Painter
from ..widgets import Button, ListView, Widget
from .budget import AmountStepper, change_funding, current_funding, type_amount
from .frame import GameScene

SKILLS = (("piloting", "Pilot"), ("eva", "EVA"), ("docking", "Dock"), ("endurance", "Endur."))
SKILL_NAMES = {"piloting": "Piloting", "eva": "Spacewalking (EVA)", "docking": "Docking", "endurance": "Endurance"}
SKILL_MAX = 100  # skills run 0–100 (game/engine/crew.py caps them there)
STATUS_COLOURS = {"active": "good", "candidate": "info", "injured": "warn", "dead": "dim", "retired": "dim"}


def status_word(row: views.CrewRow) -> str:
    """active | candidate | injured | dead | retired: candidates are active members who joined this year."""
    return "candidate" if row.candidate else row.status


def status_text(row: views.CrewRow) -> str:
    word = status_word(row)
    if word == "dead":
        return f"lost {row.lost}"
    if word == "injured":
        return row.note  # "injured until 1966"
    return word


class CrewScene(GameScene):
    name = "crew"
    title = "Crew"
    keys: tuple[tuple[str, str], ...] = (
        ("Up / Down", "choose a crew member"),
        ("Enter on Recruit", "select one more candidate"), ("Left / Right on Training", "$5M less or more (Shift: $1M)"),
        ("Enter on Training", "type an exact amount"), ("Backspace on Training", "take all its money back"),
        *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.rows: list[views.CrewRow] = []
        self.bookings: dict[str, tuple[str, ...]] = {}
        self.list = ListView(lambda: len(self.rows), self.draw_row, row_height=30)
        self.recruit_button = Button("Recruit a candidate", self.recruit)
        self.training = AmountStepper("Training", lambda: current_funding(self.play, "training"),
                                      lambda delta: change_funding(self.app, "training", delta),
                                      lambda: type_amount(self, "training"))
        super().__init__(app)
        self.sync()
        self.focus = 0  # the roster (or, with nobody yet, the Recruit button)

    def sync(self) -> None:
        if self._version != self.play.version:
            self._version = self.play.version
            self.refresh()

    def refresh(self) -> None:
        state, side = self.play.state, self.play.side
        self.rows = views.crew_rows(state, side)
        self.bookings = views.crew_bookings(state, self.play.content, side)
        focused = self.focused()
        self.list.visible = bool(self.rows)
        if focused is not None:
            self.focus_on(focused)  # the roster appearing must not move the focus off the Recruit button
        office = views.office(state, side)
        self.recruit_button.label = f"Recruit a candidate (${office.recruit_cost}M)"
        watching = bool(self.play.no_orders)  # a spectator, or a finished race: no orders
        self.recruit_button.enabled = office.recruits_left > 0 and not watching
        self.training.enabled = not watching

    def recruit(self) -> None:
        self.app.submit(Recruit(side=self.play.side, count=1))

    def body_widgets(self) -> list[Widget]:
        return [self.list, self.recruit_button, self.training]

    # -- drawing ------------------------------------------------------------------------------------

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        self.sync()
        pad = painter.theme.pad
        left_w = rect.width * 60 // 100
        left = pygame.Rect(rect.x, rect.y, left_w, rect.height)
        right_x = left.right + pad
        right_w = rect.right - right_x
        office_h = self.office_height(painter, right_w)
        detail = pygame.Rect(right_x, rect.y, right_w, max(0, rect.height - office_h - pad))
        office = pygame.Rect(right_x, detail.bottom + pad, right_w, rect.bottom - detail.bottom - pad)
        self.draw_roster(painter, left)
        self.draw_detail(painter, detail)
        self.draw_office(painter, office)

    def columns(self, painter: Painter, width: int) -> list[tuple[str, int, int]]:
        """(label, x offset, width) of the roster's columns."""
        theme = painter.theme
        flights_w = painter.fonts.width("Flights", "bold", theme.small) + theme.pad
        skill_w = max(painter.fonts.width("Endur.", "bold", theme.small) + theme.pad, width * 11 // 100)
        status_w = max(painter.fonts.width("candidate", "sans", theme.small) + theme.pad, width * 17 // 100)
        name_w = max(theme.px(40), width - flights_w - status_w - 4 * skill_w)
        columns = [("Name", 0, name_w), ("Status", name_w, status_w), ("Flights", name_w + status_w, flights_w)]
        x = name_w + status_w + flights_w
        for _, label in SKILLS:
            columns.append((label, x, skill_w))
            x += skill_w
        return columns

    def draw_roster(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        small = painter.fonts.line_height("sans", theme.small)
        counts = {word: sum(1 for row in self.rows if status_word(row) == word) for word in STATUS_COLOURS}
        title = "Roster"
        if self.rows:
            candidates = counts["candidate"]
            title += f" — {counts['active']} active, {candidates} candidate{'' if candidates == 1 else 's'}"
        inner = self.panel(painter, rect, title)
        if not self.rows:
            office = views.office(self.play.state, self.play.side)
            painter.paragraph(
                f"You have no astronauts yet. Press Recruit (Tab to it, then Enter) to select a candidate for "
                f"${office.recruit_cost}M, or type 'recruit 4' for four at once; up to {office.recruits_per_year} may "
                f"join in a year. Candidates train for a year before they can fly, so recruit a year before your "
                f"first crewed mission. Training money (on the right) raises every active member's skills at the "
                f"year's end.", inner, theme.body, "text")
            self.list.rect = pygame.Rect(inner.x, inner.y, 0, 0)
            return
        columns = self.columns(painter, inner.width - 2 * pad)
        for label, x, width in columns:
            painter.text(label, inner.x + pad + x, inner.y, theme.small, "dim", "bold", max_width=width - pad // 2)
        top = inner.y + small + theme.px(4)
        self.list.rect = pygame.Rect(inner.x, top, inner.width, inner.bottom - top)
        self.list.draw(painter, self.focused() is self.list)

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        if index >= len(self.rows):
            return
        row = self.rows[index]
        theme = painter.theme
        pad = theme.pad
        word = status_word(row)
        gone = word in ("dead", "retired")
        size = theme.small
        line = painter.fonts.line_height("sans", size)
        y = rect.y + (rect.height - line) // 2
        x0 = rect.x + pad
        columns = self.columns(painter, rect.width - 2 * pad)
        (_, _, name_w), (_, status_x, status_w), (_, flights_x, flights_w) = columns[:3]
        name = row.name + ("  ♀" if row.woman else "")
        painter.text(name, x0, y, size, "dim" if gone else "text", "sans" if gone else "bold", max_width=name_w - pad // 2)
        painter.text(status_text(row), x0 + status_x, y, size, STATUS_COLOURS.get(word, "text"),
                     max_width=status_w - pad // 2)
        painter.text(str(row.flights), x0 + flights_x + flights_w - pad, y, size, "dim" if gone else "text", "mono",
                     align="right")
        for (skill, _), (_, x, width) in zip(SKILLS, columns[3:]):
            value = getattr(row, skill)
            number_w = painter.fonts.width("100", "mono", size)
            bar_w = max(theme.px(6), width - number_w - pad)
            bar = pygame.Rect(x0 + x, y + line // 4, bar_w, max(2, line // 2))
            painter.bar(bar, value / SKILL_MAX, "dim" if gone else skill_colour(value), f"{row.name} {skill} {value}")
            painter.text(str(value), x0 + x + bar_w + theme.px(4), y, size, "dim" if gone else "text", "mono")

    def draw_detail(self, painter: Painter, rect: pygame.Rect) -> None:
        if rect.height <= 0:
            return
        theme = painter.theme
        pad = theme.pad
        if not self.rows:
            inner = self.panel(painter, rect, "Crew member")
            painter.paragraph("Recruited candidates appear here with their skills: piloting, spacewalking (EVA), "
                              "docking and endurance, each 0–100. Missions need the skills their steps use.",
                              inner, theme.small, "dim")
            return
        row = self.rows[max(0, min(self.list.selected, len(self.rows) - 1))]
        word = status_word(row)
        inner = self.panel(painter, rect, "Crew member")
        small = painter.fonts.line_height("sans", theme.small)
        large = painter.fonts.line_height("bold", theme.large)
        y = inner.y
        painter.text(row.name, inner.x, y, theme.large, "dim" if word in ("dead", "retired") else "title", "bold",
                     max_width=inner.width)
        y += large
        facts = [f"{status_text(row) if word != 'candidate' else row.note}", f"{row.flights} flight" +
                 ("" if row.flights == 1 else "s")]
        if row.woman:
            facts.insert(0, "♀ woman")
        painter.text(" · ".join(facts), inner.x, y, theme.small, STATUS_COLOURS.get(word, "text"), max_width=inner.width)
        y += small + pad // 2
        label_w = painter.fonts.width("Spacewalking (EVA)", "sans", theme.small) + pad
        number_w = painter.fonts.width("100", "mono", theme.small) + pad
        for skill, _ in SKILLS:
            if y + small > inner.bottom:
                return
            value = getattr(row, skill)
            narrow = label_w > inner.width // 2
            label = dict(SKILLS)[skill] if narrow else SKILL_NAMES[skill]
            width = painter.fonts.width("Endur.", "sans", theme.small) + pad if narrow else label_w
            painter.text(label, inner.x, y, theme.small, "text", max_width=width - pad // 2)
            bar_w = max(theme.px(10), inner.width - width - number_w)
            painter.bar((inner.x + width, y + small // 4, bar_w, small // 2), value / SKILL_MAX,
                        skill_colour(value), f"{skill} {value}")
            painter.text(str(value), inner.right, y, theme.small, "text", "mono", align="right")
            y += small + theme.px(2)
        booked = self.bookings.get(row.id, ())
        y += pad // 2
        text = "Booked: " + "; ".join(booked) if booked else (
            "Not booked on a flight this year." if word == "active" else "")
        if text and y + small <= inner.bottom:
            y += painter.paragraph(text, (inner.x, y, inner.width, inner.bottom - y), theme.small,
                                   "text" if booked else "dim") + pad // 2
        if word not in ("dead", "retired") and y + 2 * small <= inner.bottom:
            painter.paragraph("Each step of a crewed flight leans on one skill — most on piloting; spacewalks on EVA, "
                              "rendezvous on docking, long flights on endurance. Above 50 a skill raises the step's "
                              "chance; below 50 it lowers it.", (inner.x, y, inner.width, inner.bottom - y),
                              theme.small, "dim")

    def office_height(self, painter: Painter, width: int) -> int:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        heading = painter.fonts.line_height("mono_bold", theme.body) + theme.px(8)
        return (2 * theme.pad + heading + self.recruit_button.size(painter)[1] + 3 * small + theme.pad +
                self.training.height(painter) + 3 * small + theme.pad)

    def draw_office(self, painter: Painter, rect: pygame.Rect) -> None:
        if rect.height <= 0:
            return
        theme = painter.theme
        pad = theme.pad
        small = painter.fonts.line_height("sans", theme.small)
        office = views.office(self.play.state, self.play.side)
        inner = self.panel(painter, rect, "Recruiting and training")
        y = inner.y
        w, h = self.recruit_button.size(painter)
        self.recruit_button.rect = pygame.Rect(inner.x, y, min(w, inner.width), h)
        self.recruit_button.draw(painter, self.focused() is self.recruit_button)
        y += h + theme.px(4)
        if office.recruits_left:
            text = (f"{office.recruits_left} more may join this year; candidates fly from next year. "
                    f"Type 'recruit 4' for several.")
        else:
            text = f"No more candidates this year (at most {office.recruits_per_year} a year)."
        y += min(3 * small, painter.paragraph(text, (inner.x, y, inner.width, 3 * small), theme.small, "dim"))
        y += pad // 2
        self.training.rect = pygame.Rect(inner.x, y, inner.width, self.training.height(painter))
        self.training.draw(painter, self.focused() is self.training)
        y = self.training.rect.bottom + theme.px(4)
        if office.active_crew:
            text = (f"With ${office.training}M, all {office.active_crew} (candidates too) gain "
                    f"+{office.skill_gain} in every skill at the year's end (less above {rules.SKILL_TAPER_FROM}); more than ${office.training_useful}M adds "
                    f"nothing.")
        else:
            text = "Nobody to train yet: training money needs active crew."
        painter.paragraph(text, (inner.x, y, inner.width, max(0, inner.bottom - y)), theme.small, "dim")


def skill_colour(value: int) -> str:
    return "good" if value >= 70 else "info" if value >= 40 else "warn"
