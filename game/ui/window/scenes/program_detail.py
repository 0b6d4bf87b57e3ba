"""The Programs screen's detail panel: the selected program's facts (`views.program_detail` and the hardware's
own, as the terminal's `examine` shows them), what it needs and unlocks, and its Start and funding buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.app import views

from ..painter import Painter
from ..scene import layout_buttons
from .program_table import STATUS_COLOURS, percent

if TYPE_CHECKING:
    from .programs import ProgramsScene

FUND_STEP = 5  # $M a press of the funding buttons moves (with Shift, programs.FUND_FINE)
TARGETS = (800, 900, 950, 980)  # the reliability marks the detail panel prices


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def draw_detail(scene: "ProgramsScene", painter: Painter, rect: pygame.Rect) -> None:
    theme = painter.theme
    pad = theme.pad
    row = scene.selected
    painter.rect(rect, "panel", radius=theme.px(3))
    painter.rect(rect, "grid", width=1, radius=theme.px(3))
    inner = rect.inflate(-2 * pad, -2 * pad)
    if row is None:
        painter.paragraph("This side has no programs.", inner, theme.body, "dim")
        for button in (scene.start_button, scene.minus_button, scene.plus_button):
            button.rect = pygame.Rect(0, 0, 0, 0)
        return
    state, content, side = scene.play.state, scene.play.content, scene.play.side
    hardware = content.hardware[row.id]
    detail = views.program_detail(state, content, side, row.id)
    colour = STATUS_COLOURS.get(row.status, "text")
    small = painter.fonts.line_height("sans", theme.small)
    # buttons at the foot, so they are always in sight
    buttons = [scene.start_button, scene.minus_button, scene.plus_button]
    scene.minus_button.label = f"− ${FUND_STEP}M"
    scene.plus_button.label = f"+ ${FUND_STEP}M"
    heights = layout_buttons(painter, buttons, inner.x, 0, inner.width, pad // 2)
    button_top = inner.bottom - heights
    layout_buttons(painter, buttons, inner.x, button_top, inner.width, pad // 2)
    funding = painter.fonts.wrap(f"Funded this year: ${row.funding}M · unspent ${state.sides[side].funds}M · "
                                 f"Shift for $1M steps", "sans", theme.small, inner.width)[:2]  # never cut
    funding_line = button_top - len(funding) * small - pad // 2
    for index, line in enumerate(funding):
        painter.text(line, inner.x, funding_line + index * small, theme.small, "dim", max_width=inner.width)
    for button in buttons:
        button.draw(painter, scene.focused() is button, theme.body)
    bottom = funding_line - pad // 2
    # the facts, top down
    y = inner.y
    painter.text(row.name, inner.x, y, theme.large, "title", "bold", max_width=inner.width)
    y += painter.fonts.line_height("bold", theme.large)
    area = painter.text(row.status.upper(), inner.x, y, theme.small, colour, "mono_bold")
    sizes = [f"lift class {hardware.lift}"] if hardware.kind == "rocket" else [f"needs lift class {hardware.mass}"]
    if hardware.seats:
        sizes.append(f"{hardware.seats} seat{'s' if hardware.seats > 1 else ''}")
    painter.text(f"{row.kind} · {'; '.join(sizes)}", area.right + pad, y, theme.small, "dim",
                 max_width=inner.right - area.right - pad)
    y += small + pad // 2
    lines: list[tuple[str, str]] = []
    if not detail.started:
        if detail.why_not_start:
            lines.append((f"Cannot start: {detail.why_not_start}.", "warn"))
        else:
            lines.append((f"Can start now for ${hardware.start_cost}M.", "info"))
    else:
        state_text = ("grounded after a failure" if row.status == "grounded" else "operational" if detail.operational
                      else f"in development, ${detail.development_left}M to go")
        lines.append((f"Yours since {detail.started}: {state_text}.", colour))
    if hardware.description:
        lines.append((hardware.description, "dim"))
    costs = f"Start ${hardware.start_cost}M · development ${hardware.development_cost}M · ${hardware.unit_cost}M a flight"
    lines.append((costs, "text"))
    reliability = f"Reliability {percent(detail.reliability)}" if detail.started else \
        f"Reliability starts at {percent(hardware.base_reliability)}"
    lines.append((f"{reliability}, rising toward {percent(hardware.max_reliability)}", "text"))
    if detail.started:
        lines.append((f"Research ${row.research}M · {plural(detail.flights, 'flight')}, "
                      f"{plural(detail.failures, 'failure')}", "text"))
    marks = []
    needed = dict(detail.research_needed)
    for target in TARGETS:
        if target in needed:
            marks.append(f"{percent(target)[:-3]}%: ${needed[target]}M")
        elif target >= hardware.max_reliability:
            marks.append(f"{percent(target)[:-3]}%: out of reach")
        else:
            marks.append(f"{percent(target)[:-3]}%: reached")
    lines.append(("Research to reach " + " · ".join(marks), "text"))
    if hardware.capabilities:
        lines.append(("Can do: " + ", ".join(hardware.capabilities), "dim"))
    for text, tone in lines:
        if y + small > bottom:
            break
        y += min(painter.paragraph(text, (inner.x, y, inner.width, bottom - y), theme.small, tone), bottom - y)
    # prerequisites and what this unlocks
    y += pad // 2
    if y + small <= bottom:
        y = draw_links(scene, painter, inner.x, y, inner.width, bottom, row.id)
    # the history note fills what is left
    note = hardware.history.note
    if note and y + small <= bottom:
        y += pad // 2
        when = f" ({hardware.history.date})" if hardware.history.date else ""
        painter.paragraph(f"In history{when}: {note}", (inner.x, y, inner.width, bottom - y), theme.small, "dim")


def draw_links(scene: "ProgramsScene", painter: Painter, x: int, y: int, width: int, bottom: int,
               program_id: str) -> int:
    theme = painter.theme
    small = painter.fonts.line_height("sans", theme.small)
    hardware = scene.play.content.hardware
    requires = [other for other in hardware[program_id].requires if other in hardware]
    unlocks = sorted((other for other in scene.by_id if program_id in hardware[other].requires),
                     key=lambda other: (hardware[other].available, other))
    label_w = painter.fonts.width("Unlocks: ", "bold", theme.small)
    for label, ids in (("Needs:", requires), ("Unlocks:", unlocks)):
        if y + small > bottom:
            break
        painter.text(label, x, y, theme.small, "accent", "bold")
        if not ids:
            painter.text("nothing" if label == "Needs:" else "nothing further", x + label_w, y, theme.small, "dim",
                         max_width=width - label_w)
            y += small
            continue
        for other in ids:
            if y + small > bottom:
                break
            row = scene.by_id.get(other)
            status = row.status if row is not None else "other side"
            met = row is not None and row.status in ("operational", "grounded")
            mark = ("✓" if met else "✗") if label == "Needs:" else "→"
            painter.text(f"{mark} {hardware[other].name} ({status})", x + label_w, y, theme.small,
                         STATUS_COLOURS.get(status, "dim"), max_width=width - label_w)
            y += small
    return y
