"""The year's budget: what there is to spend, where it goes, and the controls that allocate it.

Every change is a Fund, Recruit or BuildPad order sent through `app.submit`, so the engine decides and a
refusal shows as a notice. Left/Right on the funding list move the selected line by $5M (Shift: $1M);
Enter puts `fund TARGET ` at the command line to type an exact amount.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Callable

import pygame

from game.app import office_words, spare_money, views
from game.engine.orders import BuildPad, Fund, Recruit

from ..intents import Click, Intent, Key
from ..painter import Painter
from ..scene import layout_buttons
from ..widgets import Button, ListView, Widget
from .frame import GameScene

STEP, FINE_STEP = 5, 1  # $M moved by Left/Right, and with Shift

# the budget's lines grouped for the stacked bar: (label, palette colour, the kinds of line in it)
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Research", "info", ("research",)),
    ("Missions", "accent", ("mission",)),
    ("Training", "good", ("training",)),
    ("Education", "warn", ("education",)),
    ("Intelligence", "dim", ("intelligence",)),
)
OTHER = ("Other", "dim")


@dataclass(frozen=True, slots=True)
class FundTarget:
    """One line the player can fund: a started program, crew training or education."""

    id: str  # the Fund order's target
    name: str
    kind: str  # "rocket", "capsule" … or "" for training and education
    status: str  # developing | operational | grounded | ""
    reliability: int  # per-mille (0 for training and education)
    funding: int
    note: str


def fund_targets(play, keep: Collection[str] = ()) -> list[FundTarget]:  # noqa: ANN001 - Play
    """Every started program still worth research (not operational with every target reached, unless its id is
    in `keep`), then training and education."""
    state, content, side = play.state, play.content, play.side
    targets: list[FundTarget] = []
    for row in views.programs(state, content, side):
        if row.status in ("available", "locked"):
            continue
        if (row.status == "operational" and not row.funding and row.id not in keep
                and not views.program_detail(state, content, side, row.id).research_needed):
            continue  # operational and as reliable as research can make it
        targets.append(FundTarget(row.id, row.name, row.kind, row.status, row.reliability, row.funding, row.note))
    office = views.office(state, side)
    targets.append(FundTarget("training", "Crew training", "", "", 0, office.training,
                              f"{office.active_crew} active crew: +{office.skill_gain} skill each at the year's end"
                              if office.active_crew else "no active crew to train yet"))
    targets.append(FundTarget("education", "Education", "", "", 0, office.education,
                              f"research goes {office.research_bonus / 10:.1f} % further so far"))
    targets.append(FundTarget("intelligence", "Intelligence", "", "", 0, office.intelligence,
                              f"${office.intelligence_total}M so far: the rival's programmes and progress, seen more "
                              "clearly"))
    return targets


def funded_this_year(play) -> set[str]:  # noqa: ANN001 - Play
    """The targets the side gave money to earlier this year (from the game's record of orders), so a line
    taken back to $0M stays on the list for the rest of the year."""
    year, side = play.state.year, play.side
    return {order.target for when, order in play.session.record.orders
            if when == year and isinstance(order, Fund) and order.side == side and order.amount > 0}


def current_funding(play, target: str) -> int:  # noqa: ANN001 - Play
    """This year's allocation to a target, read fresh from the view-models (never from a cached row)."""
    if target in ("training", "education", "intelligence"):
        office = views.office(play.state, play.side)
        return {"training": office.training, "education": office.education,
                "intelligence": office.intelligence}[target]
    return views.program_detail(play.state, play.content, play.side, target).funding


def change_funding(app, target: str, delta: int) -> None:  # noqa: ANN001 - WindowApp
    """Move a target's allocation by delta (never below $0M); the engine accepts or refuses it."""
    play = app.play
    if play is None:
        return
    current = current_funding(play, target)
    amount = max(0, current + delta)
    if amount != current:
        app.submit(Fund(side=play.side, target=target, amount=amount))


def set_funding(app, target: str, amount: int) -> None:  # noqa: ANN001 - WindowApp
    play = app.play
    if play is not None and amount != current_funding(play, target):
        app.submit(Fund(side=play.side, target=target, amount=amount))


def type_amount(scene: GameScene, target: str) -> None:
    """Put `fund TARGET ` at the command line, for an exact amount; Enter orders it, Esc (or Up/Down) drops it,
    and either way the focus comes back to the control it left."""
    came_from = scene.focused()
    scene.prompt.text = f"fund {target} "
    scene.prompt.cursor = len(scene.prompt.text)
    scene.focus_on(scene.prompt)
    if came_from is not None and came_from is not scene.prompt:
        scene.prompt.return_to = lambda: scene.focus_on(came_from)


def step_of(key: Key) -> int:
    return FINE_STEP if key.shift else STEP


def amount_controls(painter: Painter, rect: pygame.Rect, amount: int, focused: bool,
                    enabled: bool = True) -> tuple[pygame.Rect, pygame.Rect]:
    """[−] $NM [+] drawn right-aligned in rect (the marks dim when disabled); returns the minus and plus boxes
    (for clicks)."""
    theme = painter.theme
    size = theme.body
    box = min(rect.height - 2 * theme.px(3), painter.fonts.line_height("bold", size) + theme.px(4))
    amount_w = painter.fonts.width("$0000M", "mono_bold", size) + theme.pad
    y = rect.y + (rect.height - box) // 2
    plus = pygame.Rect(rect.right - theme.px(4) - box, y, box, box)
    minus = pygame.Rect(plus.x - amount_w - box, y, box, box)
    for button, mark in ((minus, "−"), (plus, "+")):
        painter.rect(button, "panel_hi", radius=theme.px(3), label=mark)
        painter.rect(button, "focus" if focused else "grid", width=1, radius=theme.px(3))
        text_y = button.y + (box - painter.fonts.line_height("bold", size)) // 2
        colour = "focus" if focused else "text" if enabled else "dim"
        painter.text(mark, button.centerx, text_y, size, colour, "bold", align="centre")
    text_y = rect.y + (rect.height - painter.fonts.line_height("mono_bold", size)) // 2
    painter.text(f"${amount}M", plus.x - theme.pad // 2, text_y, size, "text" if amount else "dim", "mono_bold",
                 align="right")
    return minus, plus


class FundingList(ListView):
    """The fundable lines: Up/Down choose, Left/Right move the allocation, Enter types an exact amount,
    Backspace clears it; each row has − and + boxes for the mouse."""

    def __init__(self, targets: Callable[[], list[FundTarget]], draw_row: Callable[[Painter, int, pygame.Rect, bool], None],
                 adjust: Callable[[int, int], None], exact: Callable[[int], None], clear: Callable[[int], None],
                 on_select: Callable[[int], None] | None = None, row_height: int = 42) -> None:
        super().__init__(lambda: len(targets()), self._draw_with_controls, exact, on_select, row_height)
        self.targets = targets
        self.draw_content = draw_row
        self.adjust = adjust  # (row index, $M delta)
        self.clear = clear  # row index: take all its money back
        self.zones: dict[int, tuple[pygame.Rect, pygame.Rect]] = {}
        self.controls_width = 0
        self.focused_now = False

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Key) and not intent.ctrl and self.count():
            if intent.name in ("left", "right"):
                self.adjust(self.selected, step_of(intent) * (1 if intent.name == "right" else -1))
                return True
            if intent.name in ("backspace", "delete"):
                self.clear(self.selected)
                return True
        return super().handle(intent)

    def click(self, intent: Click) -> bool:
        for index, (minus, plus) in self.zones.items():
            for zone, sign in ((minus, -1), (plus, 1)):
                if zone.collidepoint(intent.x, intent.y) and index < self.count():
                    self.select(index)
                    self.adjust(index, sign * STEP)
                    return True
        return super().click(intent)

    def draw(self, painter: Painter, focused: bool) -> None:
        self.zones = {}
        self.focused_now = focused
        theme = painter.theme
        self.controls_width = (2 * (painter.fonts.line_height("bold", theme.body) + theme.px(4)) +
                               painter.fonts.width("$0000M", "mono_bold", theme.body) + theme.pad + theme.px(8))
        super().draw(painter, focused)

    def _draw_with_controls(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        targets = self.targets()
        if index >= len(targets):
            return
        room = painter.theme.px(7)  # the scroll bar's lane on the right
        controls = pygame.Rect(rect.right - room - self.controls_width, rect.y, self.controls_width, rect.height)
        self.zones[index] = amount_controls(painter, controls, targets[index].funding, selected and self.focused_now)
        content = pygame.Rect(rect.x, rect.y, max(10, controls.x - rect.x - painter.theme.pad // 2), rect.height)
        self.draw_content(painter, index, content, selected)


class AmountStepper(Widget):
    """One allocation with − and +: Left/Right move it by $5M (Shift: $1M), Enter types an exact amount.
    Disabled (for a spectator), it still shows the amount, dimmed, and its keys and clicks do nothing."""

    def __init__(self, label: str, value: Callable[[], int], change: Callable[[int], None], exact: Callable[[], None],
                 enabled: bool = True) -> None:
        super().__init__()
        self.label = label
        self.value = value
        self.change = change
        self.exact = exact
        self.enabled = enabled
        self.minus = pygame.Rect(0, 0, 0, 0)
        self.plus = pygame.Rect(0, 0, 0, 0)

    def handle(self, intent: Intent) -> bool:
        if not isinstance(intent, Key) or intent.ctrl:
            return False
        if not self.enabled:  # its keys are swallowed, like a disabled button's Enter
            return intent.name in ("left", "right", "return", "enter", "backspace", "delete")
        if intent.name in ("left", "right"):
            self.change(step_of(intent) * (1 if intent.name == "right" else -1))
            return True
        if intent.name in ("return", "enter"):
            self.exact()
            return True
        if intent.name in ("backspace", "delete"):
            self.change(-self.value())
            return True
        return False

    def click(self, intent: Click) -> bool:
        if not self.enabled:
            return True
        if self.minus.collidepoint(intent.x, intent.y):
            self.change(-STEP)
        elif self.plus.collidepoint(intent.x, intent.y):
            self.change(STEP)
        return True

    def height(self, painter: Painter) -> int:
        return painter.fonts.line_height("bold", painter.theme.body) + painter.theme.pad + painter.theme.px(4)

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        painter.rect(self.rect, "panel_hi" if focused else "panel", radius=theme.px(4), label=self.label)
        painter.rect(self.rect, "focus" if focused else "grid", width=max(1, theme.px(2 if focused else 1)),
                     radius=theme.px(4))
        controls_w = (2 * (painter.fonts.line_height("bold", theme.body) + theme.px(4)) +
                      painter.fonts.width("$0000M", "mono_bold", theme.body) + theme.pad + theme.px(8))
        controls = pygame.Rect(self.rect.right - controls_w - theme.px(4), self.rect.y, controls_w, self.rect.height)
        self.minus, self.plus = amount_controls(painter, controls, self.value(), focused, self.enabled)
        text_y = self.rect.y + (self.rect.height - painter.fonts.line_height("bold", theme.body)) // 2
        colour = "focus" if focused else "text" if self.enabled else "dim"  # as a disabled button's label
        painter.text(self.label, self.rect.x + theme.pad, text_y, theme.body, colour, "bold",
                     max_width=controls.x - self.rect.x - 2 * theme.pad)


class BudgetScene(GameScene):
    name = "budget"
    title = "Budget"
    keys: tuple[tuple[str, str], ...] = (
        ("Up / Down", "choose a line to fund"), ("Left / Right", "less or more for it: $5M a press"),
        ("Shift+Left / Right", "$1M a press"), ("Enter on a line", "type an exact amount at the command line"),
        ("Backspace on a line", "take all its money back"),
        *GameScene.keys)

    def __init__(self, app) -> None:  # noqa: ANN001
        self.targets: list[FundTarget] = []
        self.selected_id = ""  # the selection is kept by target, as lines come and go
        self.shown: set[str] = set()  # the lines shown this year: they stay listed until the year ends
        self.shown_year = 0
        self.list = FundingList(lambda: self.targets, self.draw_target, self.adjust, self.exact, self.clear,
                                on_select=self.chose)
        self.recruit_button = Button("Recruit crew", self.recruit)
        self.pad_button = Button("Build launch pad", self.build_pad)
        super().__init__(app)
        self.focus = 0  # start on the funding list: Left/Right allocate at once
        self.sync()

    # -- the game -----------------------------------------------------------------------------------

    def sync(self) -> None:
        if self._version != self.play.version:
            self._version = self.play.version
            self.refresh()

    def refresh(self) -> None:
        year = self.play.state.year
        if year != self.shown_year:
            self.shown, self.shown_year = set(), year
        self.targets = fund_targets(self.play, keep=self.shown | funded_this_year(self.play))
        self.shown.update(target.id for target in self.targets)
        ids = [target.id for target in self.targets]
        if self.selected_id in ids:
            index = ids.index(self.selected_id)
        else:  # the selected line is gone (a new year): the one now in its place
            index = max(0, min(self.list.selected, len(ids) - 1))
            self.selected_id = ids[index] if ids else ""
        if self.list.selected != index:
            on_select, self.list.on_select = self.list.on_select, None
            self.list.select(index)
            self.list.on_select = on_select
        office = views.office(self.play.state, self.play.side)
        self.recruit_button.label = f"Recruit crew (${office.recruit_cost}M)"
        watching = bool(self.play.no_orders)  # a spectator, or a finished race: no orders
        self.recruit_button.enabled = office.recruits_left > 0 and not watching
        self.pad_button.enabled = not watching
        self.pad_button.label = f"Build launch pad (${office.pad_cost}M)"

    def selected_target(self) -> FundTarget | None:
        self.sync()
        if not self.targets:
            return None
        return self.targets[max(0, min(self.list.selected, len(self.targets) - 1))]

    def chose(self, index: int) -> None:
        if 0 <= index < len(self.targets):
            self.selected_id = self.targets[index].id

    def target_at(self, index: int) -> str:
        """The id of the line at index in the list as the player last saw it (before any refresh)."""
        return self.targets[index].id if 0 <= index < len(self.targets) else ""

    def adjust(self, index: int, delta: int) -> None:
        target = self.target_at(index)
        self.sync()
        if target and self._may_order():
            change_funding(self.app, target, delta)

    def clear(self, index: int) -> None:
        target = self.target_at(index)
        self.sync()
        if target and self._may_order():
            set_funding(self.app, target, 0)

    def _may_order(self) -> bool:
        if self.play.no_orders:
            self.app.say(self.play.no_orders, "warn")
            return False
        return True

    def exact(self, index: int) -> None:
        if 0 <= index < len(self.targets):
            type_amount(self, self.targets[index].id)

    def recruit(self) -> None:
        self.app.submit(Recruit(side=self.play.side, count=1))

    def build_pad(self) -> None:
        self.app.submit(BuildPad(side=self.play.side))

    def body_widgets(self) -> list[Widget]:
        return [self.list, self.recruit_button, self.pad_button]

    # -- drawing ------------------------------------------------------------------------------------

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        left_w = rect.width * 42 // 100
        middle_w = (rect.width - left_w - 2 * pad) // 2
        left = pygame.Rect(rect.x, rect.y, left_w, rect.height)
        middle = pygame.Rect(left.right + pad, rect.y, middle_w, rect.height)
        right = pygame.Rect(middle.right + pad, rect.y, rect.right - middle.right - pad, rect.height)
        self.draw_allocation(painter, left)
        self.draw_summary(painter, middle)
        self.draw_selected(painter, right)

    def draw_allocation(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        small = painter.fonts.line_height("sans", theme.small)
        inner = self.panel(painter, rect, "Allocate")
        office = views.office(self.play.state, self.play.side)
        status = views.status(self.play.state, self.play.content, self.play.side)
        # the foot: the keys, the buttons (wrapping when narrow: laid out once to learn their height), what they buy
        buttons = [self.recruit_button, self.pad_button]
        foot_lines = 2
        buttons_h = layout_buttons(painter, buttons, inner.x, 0, inner.width)
        foot_h = foot_lines * small + pad // 2 + buttons_h + pad // 2 + 2 * small
        list_rect = pygame.Rect(inner.x, inner.y, inner.width,
                                max(theme.px(self.list.row_height), inner.height - foot_h - pad // 2))
        self.list.rect = list_rect
        self.list.draw(painter, self.focused() is self.list)
        y = list_rect.bottom + pad // 2
        y += painter.paragraph("Up/Down choose · Left/Right −/+ $5M (Shift: $1M) · Enter: exact amount · "
                               "Backspace: $0", (inner.x, y, inner.width, foot_lines * small), theme.small, "dim")
        y = min(y, list_rect.bottom + pad // 2 + foot_lines * small) + pad // 2
        layout_buttons(painter, buttons, inner.x, y, inner.width)
        for button in buttons:
            button.draw(painter, self.focused() is button)
        y = max(button.rect.bottom for button in buttons) + pad // 2
        painter.paragraph(f"Pads: {status.pads} ({status.launch_capacity} launches a year, {status.launches_booked} "
                          f"booked). Crew: {office.active_crew} (candidates included); {office.recruits_left} more "
                          f"may join this year.",
                          (inner.x, y, inner.width, max(0, inner.bottom - y)), theme.small, "dim")

    def draw_target(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        if index >= len(self.targets):
            return
        target = self.targets[index]
        theme = painter.theme
        pad = theme.pad
        body_h = painter.fonts.line_height("bold", theme.body)
        small_h = painter.fonts.line_height("sans", theme.small)
        top = rect.y + (rect.height - body_h - small_h) // 2
        x = rect.x + pad // 2
        width = rect.width - pad
        bar_w = width // 4 if target.kind else 0
        painter.text(target.name, x, top, theme.body, "text", "bold", max_width=width - bar_w - pad)
        if target.kind:
            colour = "good" if target.status == "operational" else "bad" if target.status == "grounded" else "warn"
            bar = pygame.Rect(x + width - bar_w, top + body_h // 4, bar_w, body_h // 2)
            painter.bar(bar, target.reliability / 1000, colour, f"{target.name} {target.reliability / 10:.1f}%")
            note = f"{target.status} · {target.reliability / 10:.1f} % · {target.note}"
        else:
            note = target.note
        painter.text(note, x, top + body_h, theme.small, "dim", max_width=width)

    def draw_summary(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        state, content, side = self.play.state, self.play.content, self.play.side
        lines, available, left = views.budget(state, content, side)
        status = views.status(state, content, side)
        kept = views.carried_over(state, content, side)
        allocated = sum(line.amount for line in lines)
        inner = self.panel(painter, rect, f"Budget {state.year}")
        small = painter.fonts.line_height("sans", theme.small)
        big = painter.fonts.line_height("mono_bold", theme.large)
        # four figures, two by two
        half = (inner.width - pad) // 2
        figures = (("Available", f"${available}M", "text"), ("Allocated", f"${allocated}M", "text"),
                   ("Left to spend", f"${left}M", "good" if left else "dim"),
                   ("Would carry over", f"${kept}M", "text"))
        y = inner.y
        for row in range(2):
            for column in range(2):
                label, value, colour = figures[row * 2 + column]
                x = inner.x + column * (half + pad)
                painter.text(label, x, y, theme.small, "dim", max_width=half)
                painter.text(value, x, y + small, theme.large, colour, "mono_bold", max_width=half)
            y += small + big + pad // 2
        grants = available - status.budget
        if grants:
            painter.text(f"Includes ${grants}M granted by events this year.", inner.x, y, theme.small, "dim",
                         max_width=inner.width)
            y += small
        # the stacked bar of spending, and its legend
        bar_h = theme.px(18)
        whole = max(available, allocated + left, 1)
        bar = pygame.Rect(inner.x, y + pad // 2, inner.width, bar_h)
        painter.rect(bar, "panel_hi")
        totals = grouped(lines)
        x = bar.x
        for label, colour, amount in totals:
            if not amount:
                continue
            width = max(1, round(bar.width * amount / whole))
            width = min(width, bar.right - x)
            painter.rect((x, bar.y, width, bar.height), colour, label=f"{label} ${amount}M")
            painter.line((x + width - 1, bar.y), (x + width - 1, bar.bottom - 1), "background")
            x += width
        painter.rect(bar, "grid", width=1, label=f"spent ${allocated}M of ${whole}M")
        y = bar.bottom + pad // 2
        lx = inner.x
        swatch = max(4, small * 2 // 3)
        shown = [(label, colour, amount) for label, colour, amount in totals if amount] + [("Left", "panel_hi", left)]
        for label, colour, amount in shown:
            text = f"{label} ${amount}M"
            w = swatch + theme.px(4) + painter.fonts.width(text, "sans", theme.small) + pad
            if lx > inner.x and lx + w > inner.right:
                lx, y = inner.x, y + small
            if y + small > inner.bottom:  # a small window: the legend stops at the panel's foot
                break
            painter.rect((lx, y + (small - swatch) // 2, swatch, swatch), colour)
            painter.rect((lx, y + (small - swatch) // 2, swatch, swatch), "grid", width=1)
            painter.text(text, lx + swatch + theme.px(4), y, theme.small, "text", max_width=inner.right - lx - swatch)
            lx += w
        y += small + pad
        # line by line (when the panel has room for its heading and a line or two)
        if y + painter.fonts.line_height("mono_bold", theme.body) + theme.px(8) + 2 * small > inner.bottom:
            return
        y = self.heading(painter, "Line by line", inner.x, y, inner.width)
        room = max(0, (inner.bottom - y) // small - 2)
        if not lines:
            painter.paragraph("Nothing is allocated yet. Choose a line on the left and press Right (or +) to fund "
                              "it; booked missions are paid here too.", (inner.x, y, inner.width, 3 * small),
                              theme.small, "dim")
            y += 3 * small
        for number, line in enumerate(lines):
            if number >= room and len(lines) > room + 1:
                painter.text(f"… and {len(lines) - number} more lines (${sum(item.amount for item in lines[number:])}M)",
                             inner.x, y, theme.small, "dim", max_width=inner.width)
                y += small
                break
            amount_w = painter.fonts.width(f"${line.amount}M", "mono", theme.small)
            painter.text(line.label, inner.x, y, theme.small, "text", max_width=inner.width - amount_w - pad)
            painter.text(f"${line.amount}M", inner.right, y, theme.small, "text", "mono", align="right")
            y += small
        if y + small <= inner.bottom:
            painter.line((inner.x, y), (inner.right, y), "grid")
            painter.text("Unspent", inner.x, y + theme.px(2), theme.small, "text", "bold")
            painter.text(f"${left}M", inner.right, y + theme.px(2), theme.small, "text", "mono_bold", align="right")
            y += small + theme.px(2)
        if y + 2 * small <= inner.bottom:
            note = (f"Up to a quarter of the budget left unspent carries into next year (${kept}M now); "
                    "the rest goes back to the treasury.")
            uses = spare_money.uses(state, content, side)
            if uses:  # money would be lost: say where it would do good, with the command that does it
                note += " Where it would do good: " + "; ".join(f"{use.why} ({use.order})" for use in uses[:3]) + "."
            painter.paragraph(note, (inner.x, y + pad // 2, inner.width, inner.bottom - y - pad // 2), theme.small,
                              "dim")

    def draw_selected(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        target = self.selected_target()
        if target is None:
            inner = self.panel(painter, rect, "Selected")
            painter.paragraph("Nothing to fund.", inner, theme.small, "dim")
            return
        inner = self.panel(painter, rect, target.name)
        small = painter.fonts.line_height("sans", theme.small)
        body = painter.fonts.line_height("sans", theme.body)
        y = inner.y
        painter.text(f"This year: ${target.funding}M", inner.x, y, theme.body, "text", "bold", max_width=inner.width)
        y += body + pad // 2
        state, content, side = self.play.state, self.play.content, self.play.side
        if target.kind:
            detail = views.program_detail(state, content, side, target.id)
            colour = "good" if target.status == "operational" else "bad" if target.status == "grounded" else "warn"
            painter.text(f"{target.kind.capitalize()} · {target.status}", inner.x, y, theme.small, "dim",
                         max_width=inner.width)
            y += small
            painter.text(f"Reliability {detail.reliability / 10:.1f} %", inner.x, y, theme.body, colour, "bold",
                         max_width=inner.width)
            y += body
            painter.bar((inner.x, y + theme.px(2), inner.width, theme.px(10)), detail.reliability / 1000, colour,
                        f"reliability {detail.reliability / 10:.1f}%")
            y += theme.px(14) + pad // 2
            if detail.operational:
                text = f"Operational: {detail.flights} flight{'' if detail.flights == 1 else 's'}, {detail.failures} failed."
            else:
                text = f"${detail.development_left}M of development before it can fly."
            y += painter.paragraph(text, (inner.x, y, inner.width, inner.bottom - y), theme.small, "text")
            y += pad // 2
            if detail.research_needed:
                y = self.heading(painter, "Research to reach", inner.x, y, inner.width) if y + 3 * small < inner.bottom else y
                for target_rel, cost in detail.research_needed:
                    if y + small > inner.bottom:
                        break
                    painter.text(f"{target_rel / 10:.0f} %", inner.x, y, theme.small, "text", "mono_bold")
                    painter.text(f"${cost}M more", inner.right, y, theme.small, "text", "mono", align="right")
                    y += small
                if y + 2 * small <= inner.bottom:
                    y += pad // 2
                    y += painter.paragraph("Counts development still to do; flights teach the engineers too.",
                                           (inner.x, y, inner.width, inner.bottom - y), theme.small, "dim")
            elif y + small <= inner.bottom:
                y += painter.paragraph("As reliable as research can make it.", (inner.x, y, inner.width, inner.bottom - y),
                                       theme.small, "dim")
            return
        text = office_words.fund_line_words(views.office(state, side), target.id)
        painter.paragraph(text, (inner.x, y, inner.width, inner.bottom - y), theme.small, "text")


def grouped(lines: list[views.BudgetLine]) -> list[tuple[str, str, int]]:
    """The budget's lines summed into the bar's groups: (label, colour, $M)."""
    sums = {label: 0 for label, _, _ in GROUPS}
    other = 0
    for line in lines:
        for label, _, kinds in GROUPS:
            if line.kind in kinds:
                sums[label] += line.amount
                break
        else:
            other += line.amount
    return [(label, colour, sums[label]) for label, colour, _ in GROUPS] + [(OTHER[0], OTHER[1], other)]
