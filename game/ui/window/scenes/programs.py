"""Programs and research: every program of the side, as a list or as the prerequisite tree, with the
selected program's detail and its Start and funding buttons.

The list and the tree show the same view-model rows (`views.programs` with the locked ones included) and
share one selection; the detail panel shows `views.program_detail` and the hardware's own facts, as the
terminal's `examine` does. Orders go through `app.submit`: StartProgram, and Fund with the new allocation.

The tree's layout (`layout_tree`) is a pure function of the programs and their prerequisites, so mods that
add programs get a place in it, and tests can check it without drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

import pygame

from game.app import views
from game.engine.orders import Fund, StartProgram

from ..intents import Click, Intent, Key, Wheel
from ..painter import Painter
from ..scene import layout_buttons
from ..widgets import Button, ListView, Widget
from .frame import GameScene

if TYPE_CHECKING:
    from ..app import WindowApp

FUND_STEP = 5  # $M a press of the funding buttons moves; Shift moves FUND_FINE
FUND_FINE = 1
STATUS_COLOURS = {"locked": "dim", "available": "info", "developing": "warn", "operational": "good", "grounded": "bad"}
STATUS_MARKS = {"locked": "✕", "available": "○", "developing": "◐", "operational": "●", "grounded": "⚠"}
STATUS_ORDER = {"operational": 0, "grounded": 1, "developing": 2, "available": 3, "locked": 4}
TARGETS = (800, 900, 950, 980)
PROGRAM_KEYS: tuple[tuple[str, str], ...] = (
    ("Ctrl+T", "switch between the list and the prerequisite tree"),
    ("Up / Down", "list: choose a program; tree: move within a column"),
    ("Left / Right", "tree: move between columns (prerequisites to the left)"),
    ("Enter", "open the chosen program's buttons (Start, funding)"),
    ("Shift+Enter on −/+", "change the funding by $1M instead of $5M"),
    ("Page Up/Down, wheel", "scroll the list or the tree"),
)  # the reliability marks the detail panel prices


def percent(permille: int) -> str:
    return f"{permille / 10:.1f}%"


# -- the tree's layout (pure) ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TreeNode:
    id: str
    available: int  # earliest start year: rows in a column are sorted by it, then by id
    requires: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TreeEdge:
    source: str  # the prerequisite
    target: str  # what it unlocks
    points: tuple[tuple[int, int], ...]  # a polyline that runs only through the gaps between boxes


@dataclass(frozen=True, slots=True)
class TreeLayout:
    columns: tuple[tuple[str, ...], ...]  # ids by column, top to bottom
    boxes: Mapping[str, tuple[int, int, int, int]]  # id → (x, y, width, height) from the tree's top-left
    edges: tuple[TreeEdge, ...]
    width: int
    height: int

    def place(self, program_id: str) -> tuple[int, int]:
        """(column, row) of a program."""
        for column, ids in enumerate(self.columns):
            if program_id in ids:
                return column, ids.index(program_id)
        raise KeyError(program_id)


def tree_depths(nodes: Sequence[TreeNode]) -> dict[str, int]:
    """Each program's column: 0 without prerequisites, else 1 + the deepest of its prerequisites.
    Prerequisites outside the given programs are ignored; a cycle (which the loader should refuse) is cut."""
    by_id = {node.id: node for node in nodes}
    depths: dict[str, int] = {}

    def depth(node_id: str, trail: frozenset[str]) -> int:
        if node_id in depths:
            return depths[node_id]
        trail = trail | {node_id}
        needed = [other for other in by_id[node_id].requires if other in by_id and other not in trail]
        found = 1 + max((depth(other, trail) for other in needed), default=-1)
        depths[node_id] = found
        return found

    for node_id in sorted(by_id):
        depth(node_id, frozenset())
    return depths


def layout_tree(nodes: Sequence[TreeNode], box_width: int, box_height: int, column_gap: int, row_gap: int) -> TreeLayout:
    """Boxes in columns by depth, rows by earliest start year then id; an edge from each prerequisite to
    what it needs it. Boxes sit on one grid, so the gaps between columns and between rows are free of boxes:
    an edge to the next column is a straight line across the gap, a longer one runs along the gap below
    its target's row."""
    depths = tree_depths(nodes)
    by_id = {node.id: node for node in nodes}
    count = max(depths.values(), default=-1) + 1
    columns = tuple(
        tuple(sorted((node_id for node_id, depth in depths.items() if depth == column),
                     key=lambda node_id: (by_id[node_id].available, node_id)))
        for column in range(count)
    )
    step_x, step_y = box_width + column_gap, box_height + row_gap
    boxes = {node_id: (column * step_x, row * step_y, box_width, box_height)
             for column, ids in enumerate(columns) for row, node_id in enumerate(ids)}
    edges: list[TreeEdge] = []
    for node in sorted(nodes, key=lambda node: node.id):
        for needed in node.requires:
            if needed not in boxes or needed == node.id:
                continue
            sx, sy, sw, sh = boxes[needed]
            tx, ty, _, th = boxes[node.id]
            start, end = (sx + sw, sy + sh // 2), (tx, ty + th // 2)
            if depths[node.id] == depths[needed] + 1 or tx <= sx:
                points: tuple[tuple[int, int], ...] = (start, end)
            else:
                lane = ty + th + row_gap // 2
                points = (start, (sx + sw + column_gap // 2, lane), (tx - column_gap // 2, lane), end)
            edges.append(TreeEdge(needed, node.id, points))
    rows = max((len(ids) for ids in columns), default=0)
    return TreeLayout(columns, boxes, tuple(edges), max(0, count * step_x - column_gap), max(0, rows * step_y))


def boxes_overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def clip_segment(start: tuple[int, int], end: tuple[int, int], rect: pygame.Rect) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The part of a segment inside rect (Liang–Barsky), or None."""
    x0, y0 = start
    dx, dy = end[0] - x0, end[1] - y0
    low, high = 0.0, 1.0
    for p, q in ((-dx, x0 - rect.left), (dx, rect.right - 1 - x0), (-dy, y0 - rect.top), (dy, rect.bottom - 1 - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return (round(x0 + low * dx), round(y0 + low * dy)), (round(x0 + high * dx), round(y0 + high * dy))


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


class TreeView(Widget):
    """The prerequisite tree as one focusable control: arrows move the selection, Enter opens the program."""

    def __init__(self, scene: "ProgramsScene") -> None:
        super().__init__()
        self.scene = scene
        self.scroll_x = 0
        self.scroll_y = 0
        self.hits: list[tuple[pygame.Rect, str]] = []  # boxes on screen in the last frame
        self.view = pygame.Rect(0, 0, 0, 0)  # where the boxes are drawn (below the column headings)
        self.follow = True  # scroll to the selection at the next draw

    def handle(self, intent: Intent) -> bool:
        if not isinstance(intent, Key) or intent.ctrl:
            return False
        layout = self.scene.tree
        if layout is None or not layout.columns:
            return False
        selected = self.scene.selected_id
        try:
            column, row = layout.place(selected)
        except KeyError:
            column, row = 0, 0
        name = intent.name
        if name in ("left", "right"):
            target = column + (1 if name == "right" else -1)
            if 0 <= target < len(layout.columns):
                ids = layout.columns[target]
                self.scene.select(ids[min(row, len(ids) - 1)])
            return True
        if name in ("up", "down", "home", "end"):
            ids = layout.columns[column]
            index = {"up": row - 1, "down": row + 1, "home": 0, "end": len(ids) - 1}[name]
            self.scene.select(ids[max(0, min(index, len(ids) - 1))])
            return True
        if name in ("page up", "page down"):
            self.scroll_y += (-1 if name == "page up" else 1) * max(1, self.view.height * 3 // 4)
            self.follow = False
            return True
        if name in ("return", "enter", "space"):
            self.scene.open_detail()
            return True
        return False

    def click(self, intent: Click) -> bool:
        for rect, program_id in self.hits:
            if rect.collidepoint(intent.x, intent.y):
                if program_id == self.scene.selected_id:
                    self.scene.open_detail()
                else:
                    self.scene.select(program_id, follow=False)
                return True
        return True

    def wheel(self, intent: Wheel) -> bool:
        self.scroll_y -= intent.steps * self.scene.tree_step
        self.follow = False
        return True

    def draw(self, painter: Painter, focused: bool) -> None:
        self.scene.draw_tree(painter, self.rect, focused)


# -- the scene ----------------------------------------------------------------------------------------


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


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

    # the list

    def _list_columns(self, painter: Painter, width: int) -> list[tuple[str, int, int]]:
        """(heading, x offset, width) of each column of the list: the short columns as wide as their
        contents, the rest shared by the name and the note."""
        theme = painter.theme
        size, gap = theme.small, theme.pad
        measure = painter.fonts.width
        kinds = max((measure(row.kind, "sans", size) for row in self.rows), default=0)
        fixed = {
            "Kind": max(kinds, measure("Kind", "bold", size)) + gap,
            "Status": measure("operational", "bold", size) + gap,
            "Reliability": theme.px(40) + measure("100.0%", "sans", size) + 2 * gap,
            "Research": max(measure("Research", "bold", size), measure("$10000M", "sans", size)) + gap,
            "Funded": max(measure("Funded", "bold", size), measure("$1000M", "sans", size)) + gap,
        }
        usable = width - gap
        rest = max(0, usable - sum(fixed.values()))
        names = max((measure(row.name, "bold", size) for row in self.rows), default=0) + gap
        name_w = max(min(names, rest // 2), min(rest, theme.px(120)))  # a name before a note (the detail has it)
        widths = {"Program": name_w, **fixed, "Note": max(0, rest - name_w)}
        if rest == 0:  # very narrow: everything shrinks alike
            scale = usable / max(1, sum(fixed.values()) + theme.px(200))
            widths = {heading: int(w * scale) for heading, w in
                      {"Program": theme.px(100), **fixed, "Note": theme.px(100)}.items()}
        columns, x = [], gap // 2
        for heading in ("Program", "Kind", "Status", "Reliability", "Research", "Funded", "Note"):
            columns.append((heading, x, widths[heading]))
            x += widths[heading]
        return columns

    def draw_list(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("bold", theme.small)
        painter.rect(rect, "panel")
        for heading, x, w in self._list_columns(painter, rect.width):
            painter.text(heading, rect.x + x, rect.y + theme.px(3), theme.small, "accent", "bold", max_width=w - theme.pad // 2)
        header = small + theme.px(6)
        painter.line((rect.x, rect.y + header - 1), (rect.right - 1, rect.y + header - 1), "grid")
        self.list.rect = pygame.Rect(rect.x, rect.y + header, rect.width, rect.height - header)
        self.list.draw(painter, self.focused() is self.list)

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        theme = painter.theme
        size = theme.small
        y = rect.y + (rect.height - painter.fonts.line_height("sans", size)) // 2
        colour = STATUS_COLOURS.get(row.status, "text")
        gap = theme.pad // 2
        cells = {heading: (rect.x + x, w) for heading, x, w in self._list_columns(painter, rect.width)}
        x, w = cells["Program"]
        painter.text(row.name, x, y, size, "text" if row.status != "locked" else "dim", "bold", max_width=w - gap)
        x, w = cells["Kind"]
        painter.text(row.kind, x, y, size, "dim", max_width=w - gap)
        x, w = cells["Status"]
        painter.text(row.status, x, y, size, colour, "bold", max_width=w - gap)
        x, w = cells["Reliability"]
        started = row.status not in ("locked", "available")  # not started: the reliability it would start at
        if not started:
            colour = "dim"
        text_w = painter.fonts.width("100.0%", "sans", size)
        bar_w = max(theme.px(10), w - text_w - 2 * gap)
        bar_h = max(3, rect.height // 3)
        painter.bar((x, rect.centery - bar_h // 2, bar_w, bar_h), row.reliability / 1000, colour,
                    f"{row.name} reliability {percent(row.reliability)}")
        painter.text(percent(row.reliability), x + bar_w + gap, y, size, "text" if started else "dim",
                     max_width=w - bar_w - 2 * gap)
        x, w = cells["Research"]
        research = f"${row.research}M" if row.research else "—"
        painter.text(research, x, y, size, "text" if row.research else "dim", max_width=w - gap)
        x, w = cells["Funded"]
        painter.text(f"${row.funding}M" if row.funding else "—", x, y, size, "good" if row.funding else "dim",
                     max_width=w - gap)
        x, w = cells["Note"]
        painter.text(short_note(row.note), x, y, size, "warn" if row.status == "locked" else "dim", max_width=w - gap)

    # the tree

    def _tree_nodes(self) -> list[TreeNode]:
        hardware = self.play.content.hardware
        return [TreeNode(row.id, hardware[row.id].available, tuple(hardware[row.id].requires)) for row in self.rows]

    def _layout(self, painter: Painter, rect: pygame.Rect) -> TreeLayout:
        theme = painter.theme
        nodes = self._tree_nodes()
        columns = max(tree_depths(nodes).values(), default=0) + 1
        column_gap, row_gap = theme.px(44), theme.px(6)
        box_h = painter.fonts.line_height("bold", theme.small) + theme.px(8)
        fitted = (rect.width - 2 * theme.pad - (columns - 1) * column_gap) // max(1, columns)
        box_w = max(theme.px(170), min(theme.px(300), fitted))
        key = (box_w, box_h, column_gap, len(nodes))
        if self.tree is None or self.tree_key != key:
            self.tree = layout_tree(nodes, box_w, box_h, column_gap, row_gap)
            self.tree_key = key
        self.tree_step = box_h + row_gap
        return self.tree

    def draw_tree(self, painter: Painter, rect: pygame.Rect, focused: bool) -> None:
        theme = painter.theme
        pad = theme.pad
        painter.rect(rect, "panel")
        painter.rect(rect, "focus" if focused else "grid", width=max(1, theme.px(2 if focused else 1)))
        layout = self._layout(painter, rect)
        tree = self.tree_view
        # column headings stay put; the boxes scroll under them
        small = painter.fonts.line_height("bold", theme.small)
        heading_y = rect.y + pad // 2
        view = pygame.Rect(rect.x + pad, heading_y + small + pad // 2, rect.width - 2 * pad,
                           rect.bottom - heading_y - small - pad)
        tree.view = view
        if tree.follow and self.selected_id in layout.boxes:
            x, y, w, h = layout.boxes[self.selected_id]
            if y < tree.scroll_y:
                tree.scroll_y = y
            elif y + h > tree.scroll_y + view.height:
                tree.scroll_y = y + h - view.height
            if x < tree.scroll_x:
                tree.scroll_x = x
            elif x + w > tree.scroll_x + view.width:
                tree.scroll_x = x + w - view.width
            tree.follow = False
        tree.scroll_y = max(0, min(tree.scroll_y, layout.height - view.height))
        tree.scroll_x = max(0, min(tree.scroll_x, layout.width - view.width))
        ox, oy = view.x - tree.scroll_x, view.y - tree.scroll_y
        for column, ids in enumerate(layout.columns):
            if not ids:
                continue
            x, _, w, _ = layout.boxes[ids[0]]
            if ox + x < view.x or ox + x + w > view.right:
                continue
            title = "No prerequisites" if column == 0 else f"Needs {column} step{'s' if column > 1 else ''} first"
            painter.text(title, ox + x, heading_y, theme.small, "accent", "bold", max_width=w)
        # edges under the boxes: the selected program's in the accent colour, drawn last
        width = max(1, theme.px(1))
        chosen = [edge for edge in layout.edges if self.selected_id in (edge.source, edge.target)]
        for edge in [edge for edge in layout.edges if edge not in chosen] + chosen:
            colour = "accent" if edge in chosen else "dim"
            points = [(ox + px, oy + py) for px, py in edge.points]
            for start, end in pairwise(points):
                piece = clip_segment(start, end, view)
                if piece is not None:
                    painter.line(piece[0], piece[1], colour, width + (1 if edge in chosen else 0))
            tip = points[-1]
            size = max(3, theme.px(5))
            if view.collidepoint(tip[0] - size, tip[1]) and view.collidepoint(tip[0], tip[1] - size // 2) and \
                    view.collidepoint(tip[0], tip[1] + size // 2):
                painter.polygon([(tip[0], tip[1]), (tip[0] - size, tip[1] - size * 2 // 3),
                                 (tip[0] - size, tip[1] + size * 2 // 3)], colour)
        # boxes wholly in view
        tree.hits = []
        for program_id, (x, y, w, h) in layout.boxes.items():
            box = pygame.Rect(ox + x, oy + y, w, h)
            if not view.contains(box):
                continue
            tree.hits.append((box, program_id))
            self._draw_box(painter, box, self.by_id[program_id], program_id == self.selected_id, focused)
        # what is out of sight
        below = layout.height - tree.scroll_y - view.height
        hint = {(True, True): "▲▼ more above and below: wheel or Page Up/Down", (True, False): "▲ more above: wheel or "
                "Page Up", (False, True): "▼ more below: wheel or Page Down"}.get((tree.scroll_y > 0, below > 0))
        if hint:  # at the foot, clear of the column headings
            painter.text(hint, rect.right - pad, rect.bottom - painter.fonts.line_height("sans", theme.small) - theme.px(2),
                         theme.small, "warn", align="right")

    def _draw_box(self, painter: Painter, box: pygame.Rect, row: views.ProgramRow, selected: bool, focused: bool) -> None:
        theme = painter.theme
        pad = theme.pad
        colour = STATUS_COLOURS.get(row.status, "text")
        radius = theme.px(3)
        painter.rect(box, "panel_hi" if selected else "console", radius=radius, label=row.name)
        stripe = max(3, theme.px(5))
        painter.rect((box.x, box.y, stripe, box.height), colour)
        if selected:
            painter.rect(box.inflate(theme.px(4), theme.px(4)), "focus" if focused else "accent",
                         width=max(2, theme.px(2)), radius=radius)
        else:  # the status shows in the stripe; a quiet border keeps the focused box the one that stands out
            painter.rect(box, "grid", width=1, radius=radius)
        size = theme.small
        y = box.y + (box.height - painter.fonts.line_height("bold", size)) // 2
        room = box.width - stripe - 3 * pad // 2
        name_w = painter.fonts.width(row.name, "bold", size)
        mark = STATUS_MARKS.get(row.status, "?")
        words = [row.status, mark]  # the word when the name leaves room for it, else the marker
        if row.status in ("developing", "operational", "grounded"):
            # the marker (explained in the legend above) and the reliability: the same form in every box
            words = [f"{mark} {row.reliability / 10:.0f}%", mark]
        word = next((text for text in words if painter.fonts.width(text, "sans", size) + pad // 2 + name_w <= room), mark)
        word_w = painter.fonts.width(word, "sans", size)
        painter.text(word, box.right - pad // 2, y, size, colour, align="right")
        painter.text(row.name, box.x + stripe + pad // 2, y, size, "text" if row.status != "locked" else "dim", "bold",
                     max_width=room - word_w - pad // 2)

    # the detail panel

    def draw_detail(self, painter: Painter, rect: pygame.Rect) -> None:
        theme = painter.theme
        pad = theme.pad
        row = self.selected
        painter.rect(rect, "panel", radius=theme.px(3))
        painter.rect(rect, "grid", width=1, radius=theme.px(3))
        inner = rect.inflate(-2 * pad, -2 * pad)
        if row is None:
            painter.paragraph("This side has no programs.", inner, theme.body, "dim")
            for button in (self.start_button, self.minus_button, self.plus_button):
                button.rect = pygame.Rect(0, 0, 0, 0)
            return
        state, content, side = self.play.state, self.play.content, self.play.side
        hardware = content.hardware[row.id]
        detail = views.program_detail(state, content, side, row.id)
        colour = STATUS_COLOURS.get(row.status, "text")
        small = painter.fonts.line_height("sans", theme.small)
        # buttons at the foot, so they are always in sight
        buttons = [self.start_button, self.minus_button, self.plus_button]
        self.minus_button.label = f"− ${FUND_STEP}M"
        self.plus_button.label = f"+ ${FUND_STEP}M"
        heights = layout_buttons(painter, buttons, inner.x, 0, inner.width, pad // 2)
        button_top = inner.bottom - heights
        layout_buttons(painter, buttons, inner.x, button_top, inner.width, pad // 2)
        funding = painter.fonts.wrap(f"Funded this year: ${row.funding}M · unspent ${state.sides[side].funds}M · "
                                     f"Shift for $1M steps", "sans", theme.small, inner.width)[:2]  # never cut
        funding_line = button_top - len(funding) * small - pad // 2
        for index, line in enumerate(funding):
            painter.text(line, inner.x, funding_line + index * small, theme.small, "dim", max_width=inner.width)
        for button in buttons:
            button.draw(painter, self.focused() is button, theme.body)
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
            y = self._draw_links(painter, inner.x, y, inner.width, bottom, row.id)
        # the history note fills what is left
        note = hardware.history.note
        if note and y + small <= bottom:
            y += pad // 2
            when = f" ({hardware.history.date})" if hardware.history.date else ""
            painter.paragraph(f"In history{when}: {note}", (inner.x, y, inner.width, bottom - y), theme.small, "dim")

    def _draw_links(self, painter: Painter, x: int, y: int, width: int, bottom: int, program_id: str) -> int:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        hardware = self.play.content.hardware
        requires = [other for other in hardware[program_id].requires if other in hardware]
        unlocks = sorted((other for other in self.by_id if program_id in hardware[other].requires),
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
                row = self.by_id.get(other)
                status = row.status if row is not None else "other side"
                met = row is not None and row.status in ("operational", "grounded")
                mark = ("✓" if met else "✗") if label == "Needs:" else "→"
                painter.text(f"{mark} {hardware[other].name} ({status})", x + label_w, y, theme.small,
                             STATUS_COLOURS.get(status, "dim"), max_width=width - label_w)
                y += small
        return y


def short_note(note: str) -> str:
    """A program's note, short enough for the list's last column (the detail panel says it in full):
    "cannot be started before 1962" → "not before 1962"; "needs R-7 to be operational first" → "needs R-7 first"."""
    if note.startswith("cannot be started before "):
        return "not before " + note[len("cannot be started before "):]
    if note.startswith("needs ") and note.endswith(" to be operational first"):
        return note[: -len(" to be operational first")] + " first"
    return note
