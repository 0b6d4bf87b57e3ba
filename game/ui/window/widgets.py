"""Buttons, scrolling lists and the command line: focusable, clickable, keyboard-driven.

A widget's rect is set each time it is drawn (layout follows the window's size); clicks are tested against
the rect from the last frame. Widgets change the game only through the callbacks their scene gives them.
"""

from __future__ import annotations

from typing import Callable

import pygame

from .intents import Click, Intent, Key, Text, Wheel
from .painter import Painter


class Widget:
    focusable = True

    def __init__(self) -> None:
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.visible = True
        self.hovered = False  # the mouse is over it (set by the app as the pointer moves)

    def handle(self, intent: Intent) -> bool:
        """A key or text while focused; True when used."""
        return False

    def click(self, intent: Click) -> bool:
        return False

    def wheel(self, intent: Wheel) -> bool:
        return False

    def draw(self, painter: Painter, focused: bool) -> None:  # pragma: no cover - every widget draws
        raise NotImplementedError


class Button(Widget):
    def __init__(self, label: str, action: Callable[[], None], enabled: bool = True, hint: str = "",
                 align: str = "centre") -> None:
        super().__init__()
        self.label = label
        self.action = action
        self.enabled = enabled
        self.hint = hint  # a key that also presses it, shown in the label: "Ctrl+E"
        self.align = align  # "centre" or "left" (lists of headlines read better from the left)
        self.reserve: tuple[str, ...] = ()  # texts it may show (hint included): sized for the widest, so it never moves

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Key) and intent.name in ("return", "enter", "space") and not intent.ctrl:
            return self.press()
        return False

    def click(self, intent: Click) -> bool:
        return self.press()

    def press(self) -> bool:
        if self.enabled:
            self.action()
        return True

    def size(self, painter: Painter, size: int | None = None) -> tuple[int, int]:
        size = size or painter.theme.body
        pad = painter.theme.pad
        texts = [self.text(), *self.reserve]  # reserved texts are whole, hint included
        return (max(painter.fonts.width(text, "bold", size) for text in texts) + 2 * pad,
                painter.fonts.line_height("bold", size) + pad)

    def text(self) -> str:
        return f"{self.label}  [{self.hint}]" if self.hint else self.label

    def draw(self, painter: Painter, focused: bool, size: int | None = None, selected: bool = False) -> None:
        size = size or painter.theme.body
        theme = painter.theme
        lit = focused or selected or (self.hovered and self.enabled)
        painter.rect(self.rect, "panel_hi" if lit else "panel", radius=theme.px(4), label=self.label)
        border = "focus" if focused else "accent" if selected else "grid"
        painter.rect(self.rect, border, width=max(1, theme.px(2 if focused else 1)), radius=theme.px(4))
        colour = "text" if self.enabled else "dim"
        if focused:
            colour = "focus"
        x = self.rect.centerx if self.align == "centre" else self.rect.x + theme.pad // 2 + theme.px(2)
        y = self.rect.y + max(0, (self.rect.height - painter.fonts.line_height("bold", size)) // 2)  # centred: the
        # border never crosses the descenders, whatever the button's height
        painter.text(self.text(), x, y, size, colour, "bold", max_width=self.rect.width - theme.pad, align=self.align)


RowDrawer = Callable[[Painter, int, pygame.Rect, bool], None]


class ListView(Widget):
    """Rows drawn by the scene; the list keeps the selection and the scroll and answers keys, clicks, wheel."""

    def __init__(self, count: Callable[[], int], draw_row: RowDrawer, on_activate: Callable[[int], None] | None = None,
                 on_select: Callable[[int], None] | None = None, row_height: int = 26) -> None:
        super().__init__()
        self.count = count
        self.draw_row = draw_row
        self.on_activate = on_activate
        self.on_select = on_select
        self.row_height = row_height  # unscaled; times the theme scale when drawn
        self.selected = 0
        self.scroll = 0
        self._pixel_row = row_height
        self._visible_rows = 1

    def _clamp(self) -> None:
        total = self.count()
        self.selected = max(0, min(self.selected, total - 1)) if total else 0
        self.scroll = max(0, min(self.scroll, max(0, total - self._visible_rows)))

    def select(self, index: int) -> None:
        before = self.selected
        self.selected = index
        self._clamp()
        if self.selected < self.scroll:
            self.scroll = self.selected
        elif self.selected >= self.scroll + self._visible_rows:
            self.scroll = self.selected - self._visible_rows + 1
        self._clamp()
        if self.on_select and self.selected != before:
            self.on_select(self.selected)

    def handle(self, intent: Intent) -> bool:
        if not isinstance(intent, Key):
            return False
        moves = {"up": -1, "down": 1, "page up": -self._visible_rows, "page down": self._visible_rows}
        if intent.name in moves:
            self.select(self.selected + moves[intent.name])
            return True
        if intent.name == "home":
            self.select(0)
            return True
        if intent.name == "end":
            self.select(self.count() - 1)
            return True
        if intent.name in ("return", "enter", "space") and self.on_activate and self.count():
            self.on_activate(self.selected)
            return True
        return False

    def click(self, intent: Click) -> bool:
        index = self.scroll + (intent.y - self.rect.y) // max(1, self._pixel_row)
        if 0 <= index < self.count():
            if index == self.selected and self.on_activate:
                self.on_activate(index)
            else:
                self.select(index)
        return True

    def wheel(self, intent: Wheel) -> bool:
        self.scroll -= intent.steps * 3
        self._clamp()
        return True

    def draw(self, painter: Painter, focused: bool) -> None:
        self._pixel_row = painter.theme.px(self.row_height)
        self._visible_rows = max(1, self.rect.height // self._pixel_row)
        self._clamp()
        painter.rect(self.rect, "panel")
        total = self.count()
        for offset in range(min(self._visible_rows, total - self.scroll)):
            index = self.scroll + offset
            row = pygame.Rect(self.rect.x, self.rect.y + offset * self._pixel_row, self.rect.width, self._pixel_row)
            chosen = index == self.selected
            if chosen:
                painter.rect(row, "panel_hi")
            self.draw_row(painter, index, row, chosen)
            if chosen and focused:
                painter.rect(row, "focus", width=max(1, painter.theme.px(2)))
        if total > self._visible_rows:  # a scroll bar
            bar_height = max(painter.theme.px(12), self.rect.height * self._visible_rows // total)
            top = self.rect.y + (self.rect.height - bar_height) * self.scroll // max(1, total - self._visible_rows)
            painter.rect((self.rect.right - painter.theme.px(5), top, painter.theme.px(4), bar_height), "grid")
        border = "focus" if focused else "grid"
        painter.rect(self.rect, border, width=1)


class CommandLine(Widget):
    """The text-adventure prompt: editing, history (up/down), tab completion, enter to submit."""

    def __init__(self, submit: Callable[[str], None], complete: Callable[[str], list[str]], prompt: Callable[[], str],
                 history: list[str] | None = None) -> None:
        super().__init__()
        self.submit = submit
        self.complete = complete
        self.prompt = prompt
        self.text = ""
        self.cursor = 0
        self.history: list[str] = history if history is not None else []  # shared by every screen of a game
        self._back = 0  # how far back in history (0: the line being typed)
        self._draft = ""
        self._completions: list[str] = []
        self._completion = -1
        # set when a screen put a line here for the player to finish (Budget's exact amount): Enter, Esc, Up and
        # Down give the focus back to where it came from, so the keyboard never stays stuck at the prompt
        self.return_to: Callable[[], None] | None = None

    def hand_back(self) -> bool:
        back, self.return_to = self.return_to, None
        if back is None:
            return False
        back()
        return True

    def insert(self, text: str) -> None:
        text = "".join(ch for ch in text if ch.isprintable())[: 400 - len(self.text)]
        self.text = self.text[: self.cursor] + text + self.text[self.cursor :]
        self.cursor += len(text)
        self._completions = []

    def handle(self, intent: Intent) -> bool:
        if not (isinstance(intent, Key) and intent.name == "tab"):
            self._completions = []  # any other key ends a round of Tab presses
        if isinstance(intent, Text):
            self.insert(intent.text)
            return True
        if not isinstance(intent, Key):
            return False
        name = intent.name
        if name in ("return", "enter"):
            line = self.text.strip()
            if not line:
                return self.hand_back()
            if not self.history or self.history[-1] != line:
                self.history.append(line)
                del self.history[:-200]
            self.text, self.cursor, self._back, self._completions = "", 0, 0, []
            self.submit(line)
            self.hand_back()
            return True
        if self.return_to is not None and name in ("escape", "up", "down"):
            self.text, self.cursor = "", 0  # the line it was given is dropped: nothing is ordered
            return self.hand_back()
        if name == "tab" and not intent.shift and self.text:
            self._tab()
            return True
        edits = {
            "backspace": lambda: self._delete(self.cursor - 1) if self.cursor else None,
            "delete": lambda: self._delete(self.cursor),
            "left": lambda: self._move(self.cursor - 1),
            "right": lambda: self._move(self.cursor + 1),
            "home": lambda: self._move(0),
            "end": lambda: self._move(len(self.text)),
            "up": lambda: self._recall(1),
            "down": lambda: self._recall(-1),
        }
        if name in edits and (self.text or name in ("up", "down") and self.history):
            edits[name]()
            return True
        if intent.ctrl and name == "u":
            self.text, self.cursor = "", 0
            return True
        if name == "escape" and self.text:
            self.text, self.cursor = "", 0
            return True
        return False

    def _delete(self, index: int) -> None:
        if 0 <= index < len(self.text):
            self.text = self.text[:index] + self.text[index + 1 :]
            self.cursor = index
        self._completions = []

    def _move(self, index: int) -> None:
        self.cursor = max(0, min(len(self.text), index))

    def _recall(self, step: int) -> None:
        if self._back == 0:
            self._draft = self.text
        self._back = max(0, min(len(self.history), self._back + step))
        self.text = self.history[-self._back] if self._back else self._draft
        self.cursor = len(self.text)

    def _tab(self) -> None:
        """Complete the last word; pressing again cycles through the candidates."""
        if not self._completions:
            self._completions = self.complete(self.text)
            self._completion = -1
            if len(self._completions) > 1:
                common = _common_prefix(self._completions)
                if len(common) > len(self.text):
                    self.text = common
                    self.cursor = len(common)
                    self._completions = []
                    return
        if len(self._completions) == 1:
            self.text = self._completions[0]
            self.cursor = len(self.text)
            self._completions = []  # done: the next Tab completes the next word
        elif self._completions:
            self._completion = (self._completion + 1) % len(self._completions)
            self.text = self._completions[self._completion]
            self.cursor = len(self.text)

    def click(self, intent: Click) -> bool:
        return True

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        painter.rect(self.rect, "console")
        painter.rect(self.rect, "focus" if focused else "grid", width=max(1, theme.px(2 if focused else 1)))
        size = theme.body
        x, y = self.rect.x + theme.pad, self.rect.y + (self.rect.height - painter.fonts.line_height("mono", size)) // 2
        prompt = self.prompt()
        area = painter.text(prompt, x, y, size, "accent", "mono_bold")
        room = self.rect.right - area.right - 2 * theme.pad
        shown, start = self.text, 0
        while shown and painter.fonts.width(shown, "mono", size) > room:
            shown, start = shown[1:], start + 1
        if shown:
            painter.text(shown, area.right + theme.pad // 2, y, size, "text", "mono")
        elif not focused:
            painter.text("type a command (help lists them), or Tab to move between controls", area.right + theme.pad // 2,
                         y, size, "dim", "mono", max_width=room)
        if focused:
            before = painter.fonts.width(shown[: max(0, self.cursor - start)], "mono", size)
            cx = area.right + theme.pad // 2 + before
            painter.rect((cx, y, max(2, theme.px(2)), painter.fonts.line_height("mono", size)), "focus")
        if self._completions and len(self._completions) > 1:  # the candidates, on a box above the prompt
            hint = "  ".join(item.split()[-1] if item.split() else item for item in self._completions[:12])
            height = painter.fonts.line_height("mono", theme.small) + theme.pad // 2
            width = min(self.rect.width, painter.fonts.width(hint, "mono", theme.small) + 2 * theme.pad)
            box = pygame.Rect(self.rect.x, self.rect.y - height - 2, width, height)
            painter.rect(box, "panel_hi")
            painter.rect(box, "grid", width=1)
            painter.text(hint, box.x + theme.pad, box.y + theme.pad // 4, theme.small, "text", "mono",
                         max_width=box.width - 2 * theme.pad)


def _common_prefix(words: list[str]) -> str:
    first, last = min(words), max(words)
    index = 0
    while index < min(len(first), len(last)) and first[index] == last[index]:
        index += 1
    return first[:index]


class Link(Widget):
    """A line or two of a screen that leads somewhere (a program, a booked flight, an open first): the scene lays
    it out and draws its text over it; the link draws the highlight under the text and, when focused, a ring just
    outside it (never across the text's descenders). Enter, Space or a click follow it."""

    def __init__(self, label: str, action: Callable[[], None]) -> None:
        super().__init__()
        self.label = label  # what it leads to, for the transcript and tests
        self.action = action

    def handle(self, intent: Intent) -> bool:
        if isinstance(intent, Key) and intent.name in ("return", "enter", "space") and not intent.ctrl:
            self.action()
            return True
        return False

    def click(self, intent: Click) -> bool:
        self.action()
        return True

    def draw(self, painter: Painter, focused: bool) -> None:
        theme = painter.theme
        if focused or self.hovered:
            painter.rect(self.rect, "panel_hi", radius=theme.px(3), label=f"link {self.label}")
        if focused:
            ring = max(1, theme.px(2))
            painter.rect(self.rect.inflate(2 * ring, 2 * ring), "focus", width=ring, radius=theme.px(4))
