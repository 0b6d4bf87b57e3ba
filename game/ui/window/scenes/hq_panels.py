"""The HQ's panels of programs, the race and this year's plan, every row a link: a program to Programs with it
selected, an open first to the planner with the mission that claims it, a booked flight to the planner with its
Cancel, the money line to Budget."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.app import attention, views
from game.engine.defs import MONTHS

from ..painter import Painter
from ..widgets import Link, Widget

if TYPE_CHECKING:
    from .hq import HQScene


class HQPanels:
    def __init__(self, scene: "HQScene") -> None:
        self.scene = scene
        self.program_rows: list[views.ProgramRow] = []
        self.program_links: list[Link] = []
        self.firsts: list[attention.OpenFirst] = []
        self.first_links: list[Link] = []
        self.bookings: list[attention.Booking] = []
        self.booking_links: list[Link] = []
        self.money_link = Link("Budget", partial(scene.go, attention.Place("budget")))
        self.more_programs = Link("Programs", partial(scene.go, attention.Place("programs")))
        self.more_bookings = Link("Missions", partial(scene.go, attention.Place("missions")))
        self.more_claims = Link("Race", partial(scene.go, attention.Place("race")))
        self.focused: Widget | None = None
        self.refresh()

    def refresh(self) -> None:
        play = self.scene.play
        state, content, side = play.state, play.content, play.side
        go = self.scene.go
        self.program_rows = [row for row in views.programs(state, content, side) if row.status != "available"]
        self.program_links = [Link(row.name, partial(go, attention.Place("programs", row.id)))
                              for row in self.program_rows]
        self.firsts = attention.open_firsts(state, content, side)
        self.first_links = [Link(first.name, partial(go, attention.Place("missions", first.mission) if first.mission
                                                     else attention.Place("race")))
                            for first in self.firsts]
        self.bookings = attention.bookings(state, content, side)
        self.booking_links = [Link(f"#{booking.number}", partial(go, booking.place)) for booking in self.bookings]

    def widgets(self) -> list[Widget]:
        return [*self.program_links, self.more_programs, self.more_claims, *self.first_links, *self.booking_links,
                self.more_bookings, self.money_link]

    def draw(self, painter: Painter, middle: pygame.Rect, right: pygame.Rect, focused: Widget | None) -> None:
        self.focused = focused
        for link in self.widgets():
            link.visible = False  # each panel shows the links it has room for
        theme = painter.theme
        self._programs(painter, middle)
        plan_h = min(right.height * 3 // 5, self._plan_height(painter, right.width))
        self._race(painter, pygame.Rect(right.x, right.y, right.width, right.height - plan_h - theme.pad))
        self._plan(painter, pygame.Rect(right.x, right.bottom - plan_h, right.width, plan_h))

    def _place(self, painter: Painter, link: Link, rect: pygame.Rect) -> None:
        link.visible = True
        link.rect = rect
        link.draw(painter, self.focused is link)

    # -- programs -----------------------------------------------------------------------------------

    def _programs(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        inner = self.scene.panel(painter, rect, "Programs")
        y = inner.y
        rows = self.program_rows
        if not rows:
            self._place(painter, self.more_programs, pygame.Rect(inner.x, y, inner.width, 2 * small + theme.px(4)))
            painter.paragraph("No programs started. Open Programs (F4) to start one, or type 'programs'.",
                              (inner.x + theme.px(2), y + theme.px(2), inner.width - theme.px(4), 2 * small),
                              theme.small, "dim")
            return
        bar_w = inner.width // 3
        row_h = 2 * small + theme.px(4)
        for index, (row, link) in enumerate(zip(rows, self.program_links)):
            last = index == len(rows) - 1
            if y + row_h > inner.bottom or (not last and y + row_h + small > inner.bottom):
                self._place(painter, self.more_programs, pygame.Rect(inner.x, y, inner.width, small))
                painter.text(f"… {len(rows) - index} more on the Programs screen (F4)", inner.x + theme.px(2), y,
                             theme.small, "dim", max_width=inner.width - theme.px(4))
                break
            self._place(painter, link, pygame.Rect(inner.x, y, inner.width, row_h - theme.px(2)))
            top = y + theme.px(1)
            x = inner.x + theme.px(3)
            painter.text(row.name, x, top, theme.small, "text", "bold", max_width=inner.width - bar_w - theme.pad)
            colour = "good" if row.status == "operational" else "bad" if row.status == "grounded" else "warn"
            painter.bar((inner.right - bar_w - theme.px(3), top + small // 4, bar_w, small // 2), row.reliability / 1000,
                        colour, f"{row.name} {row.reliability / 10:.0f}%")
            unfunded = row.status == "developing" and not row.funding
            note = (f"{row.status}{' · no money this year' if unfunded else ''} · {row.reliability / 10:.1f}% · "
                    f"{row.note}")
            painter.text(note, x + theme.pad, top + small, theme.small, "warn" if unfunded else "dim",
                         max_width=inner.width - theme.pad - theme.px(6))
            y += row_h

    # -- the race -----------------------------------------------------------------------------------

    def _race(self, painter: Painter, rect: pygame.Rect) -> None:
        """The latest claims, then the open firsts (each a link to the mission that claims it); when room is
        short both shrink, the firsts keeping at least two lines."""
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        state, content = self.scene.play.state, self.scene.play.content
        inner = self.scene.panel(painter, rect, "The race")
        y = inner.y
        claims = list(reversed(state.claims))
        if not claims:
            y += painter.paragraph("No milestone has been claimed yet. The first artificial satellite is the prize the "
                                   "world is watching.", (inner.x, y, inner.width, 3 * small), theme.small, "dim")
        room = max(0, (inner.bottom - y) // small)
        step = small + theme.px(5)
        firsts = min(len(self.firsts), max(2, room // 2)) if self.firsts else 0

        def claim_lines(firsts: int) -> int:  # the lines left for claims above that many open firsts
            below = small + theme.px(3) + firsts * step + theme.px(4) if firsts else 0
            return max(0, (inner.bottom - y - below) // small)

        while claims and firsts > 2 and claim_lines(firsts) < 2:
            firsts -= 1  # a claim and the way to the rest before a third open first
        claim_room = claim_lines(firsts)
        shown = claims[:claim_room] if len(claims) <= claim_room else claims[:max(0, claim_room - 1)]
        for claim in shown:
            name = content.milestones[claim.milestone].name
            painter.side_mark(claim.side, (inner.x + small // 2, y + small // 2), max(3, small // 3))
            painter.text(f"{MONTHS[claim.month - 1][:3]} {claim.year} {claim.side.upper()} "
                         f"{'first' if claim.first else 'second'}: {name}", inner.x + small + theme.pad // 2, y,
                         theme.small, "title" if claim.first else "text", max_width=inner.width - small - theme.pad // 2)
            y += small
        if len(shown) < len(claims) and claim_room:
            self._place(painter, self.more_claims, pygame.Rect(inner.x, y, inner.width, small))
            painter.text(f"… {len(claims) - len(shown)} more on the Race board (F8)", inner.x + theme.px(2), y,
                         theme.small, "dim", max_width=inner.width - theme.px(4))
            y += small
        if not firsts or y + 2 * small > inner.bottom:
            return
        painter.text("Still open, with history's dates", inner.x, y, theme.small, "accent", "bold",
                     max_width=inner.width)
        y += small + theme.px(3)
        step = small + theme.px(5)  # each a link: room for its focus ring between the lines
        for first, link in zip(self.firsts, self.first_links):
            if y + step - theme.px(3) > inner.bottom:
                break
            self._place(painter, link, pygame.Rect(inner.x, y, inner.width, small + theme.px(2)))
            what = (f"ready, {first.chance / 10:.0f}%" if first.ready else
                    "needs " + first.needs_words if first.needs else
                    "ready next year" if first.soon else "not yet")
            what_w = min(painter.fonts.width(what, "sans", theme.small), inner.width // 2)
            painter.text(f"{first.when}  {first.name}", inner.x + theme.px(2), y + theme.px(1), theme.small,
                         "text" if first.ready else "dim", max_width=inner.width - what_w - theme.pad)
            painter.text(what, inner.right - theme.px(2), y + theme.px(1), theme.small,
                         "good" if first.ready else "dim", max_width=what_w, align="right")
            y += step

    # -- the plan -----------------------------------------------------------------------------------

    def _money_text(self) -> str:
        play = self.scene.play
        view = views.status(play.state, play.content, play.side)
        kept = views.carried_over(play.state, play.content, play.side)
        training = f" (+{view.candidates} in training)" if view.candidates else ""
        nbsp = "\u00a0"  # keeps a figure with its words when the line wraps ("pads 2", never an orphan "2")
        return (f"Unspent ${view.funds}M (${kept}M would carry{nbsp}over) · crew{nbsp}ready{nbsp}{view.active_crew}"
                f"{training.replace(' ', nbsp)} · pads{nbsp}{view.pads}")

    def _booking_height(self, painter: Painter, booking: attention.Booking, crew_below: bool = True) -> int:
        small = painter.fonts.line_height("sans", painter.theme.small)
        return (2 if booking.crew and crew_below else 1) * small + painter.theme.px(4)

    def _plan_height(self, painter: Painter, width: int) -> int:
        """As tall as the bookings and the money line need (the race above gets the rest)."""
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        heading = painter.fonts.line_height("mono_bold", theme.body) + theme.px(8)
        money = len(painter.fonts.wrap(self._money_text(), "sans", theme.small, width - 3 * theme.pad)) * small
        flights = sum(self._booking_height(painter, booking) for booking in self.bookings) or small
        return 2 * theme.pad + heading + flights + money + theme.px(8)

    def _plan(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        inner = self.scene.panel(painter, rect, "This year's plan")
        money_lines = painter.fonts.wrap(self._money_text(), "sans", theme.small, inner.width - theme.pad)
        money_h = len(money_lines) * small + theme.px(4)
        bottom = inner.bottom - money_h - theme.px(2)
        y = inner.y
        if not self.bookings:
            self._place(painter, self.more_bookings, pygame.Rect(inner.x, y, inner.width, small + theme.px(4)))
            painter.text("No flights booked: plan one on Missions (F7).", inner.x + theme.px(2), y + theme.px(2),
                         theme.small, "text", max_width=inner.width - theme.px(4))
            y += small + theme.px(6)
        # each crew on its own line when every flight fits so; else on the flight's line, after its name
        crew_below = y + sum(self._booking_height(painter, booking) for booking in self.bookings) <= bottom
        for index, (booking, link) in enumerate(zip(self.bookings, self.booking_links)):
            height = self._booking_height(painter, booking, crew_below)
            rest = sum(self._booking_height(painter, item, crew_below) for item in self.bookings[index:])
            if y + rest > bottom and y + height + small > bottom:  # the last line that fits says how many more
                self._place(painter, self.more_bookings, pygame.Rect(inner.x, y, inner.width, small))
                painter.text(f"… {len(self.bookings) - index} more on Missions (F7)", inner.x + theme.px(2), y,
                             theme.small, "dim", max_width=inner.width - theme.px(4))
                y += small + theme.px(2)
                break
            self._place(painter, link, pygame.Rect(inner.x, y, inner.width, height - theme.px(2)))
            chance = f"{booking.chance / 10:.0f}%" if booking.chance >= 0 else "?"
            figure_w = painter.fonts.width(" 100%", "mono_bold", theme.small)
            title = f"#{booking.number} {MONTHS[booking.month - 1][:3]}: {booking.mission_name}"
            room = inner.width - figure_w - theme.px(6)
            if booking.crew and not crew_below:  # on the flight's line: the surnames when the names do not fit
                full = f"{title} · {booking.crew}"
                title = full if painter.fonts.width(full, "sans", theme.small) <= room else f"{title} · {booking.crew_short}"
            painter.text(title, inner.x + theme.px(2), y + theme.px(1), theme.small, "text", max_width=room)
            painter.text(chance, inner.right - theme.px(3), y + theme.px(1), theme.small,
                         "good" if booking.chance >= 800 else "warn" if booking.chance >= 550 else "bad", "mono_bold",
                         align="right")
            if booking.crew and crew_below:
                painter.text(f"crew: {booking.crew}", inner.x + theme.pad, y + theme.px(1) + small, theme.small, "dim",
                             max_width=inner.width - theme.pad - theme.px(3))
            y += height
        top = max(y, inner.bottom - money_h)
        self._place(painter, self.money_link, pygame.Rect(inner.x, top, inner.width, money_h - theme.px(2)))
        for number, line in enumerate(money_lines):
            painter.text(line, inner.x + theme.px(2), top + theme.px(1) + number * small, theme.small, "dim",
                         max_width=inner.width - theme.px(4))
