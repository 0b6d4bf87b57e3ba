"""Programs and research: every program of the side, as a list or as the prerequisite tree, with the
selected program's detail and its Start and funding buttons.

The list and the tree show the same view-model rows (`views.programs` with the locked ones included) and
share one selection; the detail panel shows `views.program_detail` and the hardware's own facts, as the
terminal's `examine` does. Orders go through `app.submit`: StartProgram, and Fund with the new allocation.

The tree's layout (`layout_tree`) is a pure function of the programs and their prerequisites, so mods that
add programs get a place in it, and tests can check it without drawing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame

from game.app import views
from game.engine.orders import Fund, StartProgram

from ..intents import Click, Intent, Key
from ..painter import Painter
from ..widgets import Button, ListView, Widget
from .frame import GameScene
from .program_detail import FUND_STEP, TARGETS, draw_detail, plural
from .program_table import STATUS_COLOURS, STATUS_MARKS, STATUS_ORDER, draw_list, draw_row, percent, short_note
from .program_tree import (
    TreeEdge,
    TreeLayout,
    TreeNode,
    TreeView,
    boxes_overlap,
    clip_segment,
    draw_tree,
    layout_tree,
    tree_depths,
)

if TYPE_CHECKING:
    from ..app import WindowApp

__all__ = ["FUND_FINE", "FUND_STEP", "STATUS_COLOURS", "STATUS_MARKS", "STATUS_ORDER", "TARGETS", "FundButton",
           "ProgramsScene", "TreeEdge", "TreeLayout", "TreeNode", "TreeView", "boxes_overlap", "clip_segment",
           "layout_tree", "percent", "plural", "short_note", "tree_depths"]  # the parts, for the tests and others

FUND_FINE = 1  # $M a press of the funding buttons moves with Shift (FUND_STEP without)
PROGRAM_KEYS: tuple[tuple[str, str], ...] = (
    ("Ctrl+T", "switch between the list and the prerequisite tree"),
    ("Up / Down", "list: choose a program; tree: move within a column"),
    ("Left / Right", "tree: move between columns (prerequisites to the left)"),
    ("Enter", "open the chosen program's buttons (Start, funding)"),
    ("Shift+Enter on −/+", "change the funding by $1M instead of $5M"),
    ("Page Up/Down, wheel", "scroll the list or the tree"),
)


# -- widgets ------------------------------------------------------------------------------------------


class FundButton(Button):
    """A funding button: Enter or a click moves the allocation by $5M, with Shift by $1M."""

    def __init__(self, label: str, action: Callable[[int], None], sign: int) -> None:
        super().__init__(label, lambda: None)
        self.fund = action
        self.sign = sign

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Key) and intent.name in ("return", "enter", "space") and not intent.ctrl:
            if self.enabled:
                self.fund(self.sign * (FUND_FINE if intent.shift else FUND_STEP))
            return True
        return False

    def click(self, intent: Click) -> bool:
        if self.enabled:
            shift = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT)
            self.fund(self.sign * (FUND_FINE if shift else FUND_STEP))
        return True


# -- the scene ----------------------------------------------------------------------------------------


class ProgramsScene(GameScene):
    name = "programs"
    title = "Programs"
    keys = (*PROGRAM_KEYS, *GameScene.keys)

    def __init__(self, app: "WindowApp") -> None:
        self.rows: list[views.ProgramRow] = []
        self.by_id: dict[str, views.ProgramRow] = {}
        self.selected_id = ""
        self.tree_mode = False
        self.tree: TreeLayout | None = None
        self.tree_key: tuple[int, int, int, int] | None = None
        self.tree_step = 30
        self.toggle_button = Button("Show tree", self.toggle, hint="Ctrl+T")
        self.list = ListView(lambda: len(self.rows), self.draw_row, on_activate=lambda index: self.open_detail(),
                             on_select=self._list_selected, row_height=24)
        self.tree_view = TreeView(self)
        self.start_button = Button("Start program", self.start)
        self.start_button.reserve = ("Start program ($9999M)", "Locked: cannot start yet", "Under way")  # never moves
        self.minus_button = FundButton(f"− ${FUND_STEP}M", self.fund, -1)
        self.plus_button = FundButton(f"+ ${FUND_STEP}M", self.fund, 1)
        super().__init__(app)
        self.focus_on(self.list)

    # -- rows and selection --------------------------------------------------------------------------

    def refresh(self) -> None:
        state, content, side = self.play.state, self.play.content, self.play.side
        rows = views.programs(state, content, side, include_unavailable=True)
        self.rows = sorted(rows, key=lambda row: (STATUS_ORDER.get(row.status, 5), content.hardware[row.id].available,
                                                  row.name.lower(), row.id))
        self.by_id = {row.id: row for row in self.rows}
        if self.selected_id not in self.by_id:
            self.selected_id = self.rows[0].id if self.rows else ""
        self.tree_key = None  # lay the tree out again (content may have been reloaded)
        self._sync_list()
        self._update_buttons()

    def _update_buttons(self) -> None:
        """The detail panel's buttons follow the selected program."""
        row = self.by_id.get(self.selected_id)
        started = row is not None and row.status in ("developing", "operational", "grounded")
        watching = bool(self.play.no_orders)  # a spectator or a finished race: the buttons show, dimmed
        self.start_button.enabled = row is not None and row.status == "available" and not watching
        if row is None or row.status == "available":
            self.start_button.label = f"Start program (${row.start_cost}M)" if row is not None else "Start program"
        elif row.status == "locked":
            self.start_button.label = "Locked: cannot start yet"
        else:
            self.start_button.label = "Under way"
        funds = self.play.state.sides[self.play.side].funds
        self.minus_button.enabled = started and row is not None and row.funding > 0 and not watching
        self.plus_button.enabled = started and funds > 0 and not watching

    def _sync_list(self) -> None:
        ids = [row.id for row in self.rows]
        if self.selected_id in ids:
            index = ids.index(self.selected_id)
            if self.list.selected != index:
                on_select, self.list.on_select = self.list.on_select, None
                self.list.select(index)
                self.list.on_select = on_select

    def _list_selected(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.select(self.rows[index].id)

    def select(self, program_id: str, follow: bool = True) -> None:
        if not self.rows:
            self.refresh()  # not drawn yet
        if program_id not in self.by_id:
            return
        self.selected_id = program_id
        self.tree_view.follow = follow or self.tree_view.follow
        self._sync_list()
        self._update_buttons()

    @property
    def selected(self) -> views.ProgramRow | None:
        return self.by_id.get(self.selected_id)

    # -- actions ----------------------------------------------------------------------------------------

    def toggle(self) -> None:
        self.tree_mode = not self.tree_mode
        self.toggle_button.label = "Show list" if self.tree_mode else "Show tree"
        self.tree_view.follow = True
        self._sync_list()
        self.focus_on(self.tree_view if self.tree_mode else self.list)

    def open_detail(self) -> None:
        """Enter on a program: focus the first button that can do something for it."""
        for button in (self.start_button, self.plus_button, self.minus_button):
            if button.enabled:
                self.focus_on(button)
                return
        row = self.selected
        if row is not None and row.status == "locked":
            self.app.say(f"{row.name}: {row.note}.", "warn")

    def start(self) -> None:
        row = self.selected
        if row is None:
            return
        if self.app.submit(StartProgram(side=self.play.side, program=row.id)) is not None:
            self.refresh()
            self.focus_on(self.plus_button)

    def fund(self, change: int) -> None:
        row = self.selected
        if row is None:
            return
        funds = self.play.state.sides[self.play.side].funds
        amount = max(0, row.funding + min(change, funds))
        if amount == row.funding:
            return
        if self.app.submit(Fund(side=self.play.side, target=row.id, amount=amount)) is not None:
            self.refresh()

    # -- input ----------------------------------------------------------------------------------------

    def body_widgets(self) -> list[Widget]:
        view: Widget = self.tree_view if self.tree_mode else self.list
        return [self.toggle_button, view, self.start_button, self.minus_button, self.plus_button]

    def on_key(self, key: Key) -> bool:
        if key.ctrl and key.name == "t":
            self.toggle()
            return True
        if key.name in ("page up", "page down") and self.focused() is self.tree_view:
            return self.tree_view.handle(key)
        return super().on_key(key)

    # -- drawing --------------------------------------------------------------------------------------

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        small = painter.fonts.line_height("sans", theme.small)
        # the bar across the top: the view switch, the counts and (in the tree) the legend
        self.toggle_button.rect = pygame.Rect(rect.x, rect.y, *self.toggle_button.size(painter))
        self.toggle_button.draw(painter, self.focused() is self.toggle_button)
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.status] = counts.get(row.status, 0) + 1
        x = self.toggle_button.rect.right + 2 * pad
        y = rect.y + (self.toggle_button.rect.height - small) // 2
        label = "Prerequisite tree" if self.tree_mode else "All programs"
        area = painter.text(f"{label}: {len(self.rows)}", x, y, theme.small, "accent", "bold")
        x = area.right + pad
        for status in ("operational", "developing", "grounded", "available", "locked"):
            if x > rect.right - pad:
                break
            if counts.get(status) or self.tree_mode:
                area = painter.text(f"{STATUS_MARKS[status]} {status} {counts.get(status, 0)}", x, y, theme.small,
                                    STATUS_COLOURS[status], max_width=max(10, rect.right - x - pad))
                x = area.right + pad
        top = self.toggle_button.rect.bottom + pad // 2
        detail_w = max(theme.px(300), rect.width * 9 // 25)
        left = pygame.Rect(rect.x, top, rect.width - detail_w - pad, rect.bottom - top)
        right = pygame.Rect(left.right + pad, top, rect.right - left.right - pad, rect.bottom - top)
        if self.tree_mode:
            self.tree_view.rect = left
            self.draw_tree(painter, left, self.focused() is self.tree_view)
        else:
            self.draw_list(painter, left)
        self.draw_detail(painter, right)

    def draw_list(self, painter: Painter, rect: pygame.Rect) -> None:
        draw_list(self, painter, rect)

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        draw_row(self, painter, index, rect, selected)

    def draw_tree(self, painter: Painter, rect: pygame.Rect, focused: bool) -> None:
        draw_tree(self, painter, rect, focused)

    def draw_detail(self, painter: Painter, rect: pygame.Rect) -> None:
        draw_detail(self, painter, rect)
