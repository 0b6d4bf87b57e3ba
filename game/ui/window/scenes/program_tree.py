"""The Programs screen's prerequisite tree: its layout (a pure function of the programs and their prerequisites,
so mods that add programs get a place in it and tests can check it without drawing), the tree as one focusable
control, and its drawing."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Mapping, Sequence

import pygame

from game.app import views

from ..intents import Click, Intent, Key, Wheel
from ..painter import Painter
from ..widgets import Widget
from .program_table import STATUS_COLOURS, STATUS_MARKS

if TYPE_CHECKING:
    from .programs import ProgramsScene

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
        draw_tree(self.scene, painter, self.rect, focused)


# -- drawing ------------------------------------------------------------------------------------------


def tree_nodes(scene: "ProgramsScene") -> list[TreeNode]:
    hardware = scene.play.content.hardware
    return [TreeNode(row.id, hardware[row.id].available, tuple(hardware[row.id].requires)) for row in scene.rows]


def fit_layout(scene: "ProgramsScene", painter: Painter, rect: pygame.Rect) -> TreeLayout:
    theme = painter.theme
    nodes = tree_nodes(scene)
    columns = max(tree_depths(nodes).values(), default=0) + 1
    column_gap, row_gap = theme.px(44), theme.px(6)
    box_h = painter.fonts.line_height("bold", theme.small) + theme.px(8)
    fitted = (rect.width - 2 * theme.pad - (columns - 1) * column_gap) // max(1, columns)
    box_w = max(theme.px(170), min(theme.px(300), fitted))
    key = (box_w, box_h, column_gap, len(nodes))
    if scene.tree is None or scene.tree_key != key:
        scene.tree = layout_tree(nodes, box_w, box_h, column_gap, row_gap)
        scene.tree_key = key
    scene.tree_step = box_h + row_gap
    return scene.tree


def draw_tree(scene: "ProgramsScene", painter: Painter, rect: pygame.Rect, focused: bool) -> None:
    theme = painter.theme
    pad = theme.pad
    painter.rect(rect, "panel")
    painter.rect(rect, "focus" if focused else "grid", width=max(1, theme.px(2 if focused else 1)))
    layout = fit_layout(scene, painter, rect)
    tree = scene.tree_view
    # column headings stay put; the boxes scroll under them
    small = painter.fonts.line_height("bold", theme.small)
    heading_y = rect.y + pad // 2
    view = pygame.Rect(rect.x + pad, heading_y + small + pad // 2, rect.width - 2 * pad,
                       rect.bottom - heading_y - small - pad)
    tree.view = view
    if tree.follow and scene.selected_id in layout.boxes:
        x, y, w, h = layout.boxes[scene.selected_id]
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
    chosen = [edge for edge in layout.edges if scene.selected_id in (edge.source, edge.target)]
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
        draw_box(painter, box, scene.by_id[program_id], program_id == scene.selected_id, focused)
    # what is out of sight
    below = layout.height - tree.scroll_y - view.height
    hint = {(True, True): "▲▼ more above and below: wheel or Page Up/Down", (True, False): "▲ more above: wheel or "
            "Page Up", (False, True): "▼ more below: wheel or Page Down"}.get((tree.scroll_y > 0, below > 0))
    if hint:  # at the foot, clear of the column headings
        painter.text(hint, rect.right - pad, rect.bottom - painter.fonts.line_height("sans", theme.small) - theme.px(2),
                     theme.small, "warn", align="right")


def draw_box(painter: Painter, box: pygame.Rect, row: views.ProgramRow, selected: bool, focused: bool) -> None:
    """One program's box: its status in the stripe and a word or mark, its name."""
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
