"""The planner's lists: one row of the mission list (its chance and cost, or why it cannot fly yet) and the
panel of this year's bookings with a Cancel for each (as many as fit, the rest counted)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.app import views
from game.app.narrate import crew_names
from game.app.text import short_reason
from game.engine.defs import MONTHS

from ..painter import Painter
from .plan_controls import chance_colour, percent

if TYPE_CHECKING:
    from .planner import PlannerScene


def draw_mission_row(scene: "PlannerScene", painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
    if index >= len(scene.rows):
        return
    row = scene.rows[index]
    theme = painter.theme
    pad = theme.pad
    size = theme.small
    line = painter.fonts.line_height("bold", size)
    top = rect.y + max(0, (rect.height - 2 * line) // 2)
    x = rect.x + pad // 2
    width = rect.width - pad - theme.px(6)
    if row.ready:
        figures = f"{percent(row.chance)}  ${row.cost}M"
        figures_w = painter.fonts.width(figures, "mono_bold", size)
        painter.text("●", x, top, size, chance_colour(row.chance), "bold")
        mark_w = painter.fonts.width("● ", "bold", size)
        painter.text(row.name, x + mark_w, top, size, "text", "bold", max_width=width - mark_w - figures_w - pad)
        painter.text(figures, x + width, top, size, chance_colour(row.chance), "mono_bold", align="right")
        second = ("Prizes: " + ", ".join(row.prizes)) if row.prizes else row.note
        painter.text(second, x + mark_w, top + line, size, "title" if row.prizes else "dim",
                     max_width=width - mark_w)
    else:
        mark_w = painter.fonts.width("● ", "bold", size)
        painter.text("✕", x, top, size, "dim", "bold")
        painter.text(row.name, x + mark_w, top, size, "dim", max_width=width - mark_w)
        reason = short_reason(scene.play.content, row.name, row.note)  # left whole where a program shares the name
        painter.text(reason[:1].upper() + reason[1:], x + mark_w, top + line, size, "dim",
                     max_width=width - mark_w)


def draw_bookings(scene: "PlannerScene", painter: Painter, rect: pygame.Rect, columns: int, line_h: int) -> None:
    theme = painter.theme
    pad = theme.pad
    state, content, side = scene.play.state, scene.play.content, scene.play.side
    own = state.sides[side]
    status = views.status(state, content, side)
    inner = scene.panel(painter, rect, f"Booked for {state.year}: {status.launches_booked} of "
                                      f"{status.launch_capacity} launches")
    if not own.scheduled:
        painter.text("Nothing booked yet: choose a mission and a month, then Schedule.", inner.x, inner.y,
                     theme.small, "dim", max_width=inner.width)
        return
    column_w = (inner.width - (columns - 1) * pad) // columns
    per_column = max(1, (inner.height + theme.px(3)) // (line_h + theme.px(3)))
    capacity = per_column * columns
    if len(own.scheduled) > capacity:
        capacity -= 1  # the last place says how many more there are
    hidden = 0
    for index, (item, button) in enumerate(zip(own.scheduled, scene.cancel_buttons)):
        place, column = index // columns, index % columns  # row by row, as they are read
        button.visible = index < capacity
        if not button.visible:
            button.rect = pygame.Rect(0, 0, 0, 0)
            hidden += 1
            continue
        x = inner.x + column * (column_w + pad)
        y = inner.y + place * (line_h + theme.px(3))
        w = max(b.size(painter, theme.small)[0] for b in scene.cancel_buttons)  # one width: they line up
        button.rect = pygame.Rect(x + column_w - w, y, w, line_h)
        button.draw(painter, scene.focused() is button, theme.small)
        month = MONTHS[item.month - 1][:3]
        text_y = y + (line_h - painter.fonts.line_height("sans", theme.small)) // 2
        crew = f" · {crew_names(state, side, item.crew)}" if item.crew else ""
        painter.text(f"#{item.number} {month}: {content.missions[item.mission].name} · ${item.cost}M{crew}", x, text_y,
                     theme.small, "text", max_width=column_w - w - pad)
    if hidden:
        place, column = capacity // columns, capacity % columns
        x = inner.x + column * (column_w + pad)
        y = inner.y + place * (line_h + theme.px(3)) + (line_h - painter.fonts.line_height("sans", theme.small)) // 2
        more = f"… {hidden} more" if hidden < len(own.scheduled) else f"{hidden} booked"  # none in sight: no "more"
        painter.text(f"{more} ('status' lists all)", x, y, theme.small, "dim",
                     max_width=column_w)

