"""Content problems over the game: what Ctrl+R (or the mods screen) found, each with its file, line and column,
severity, code and message, and the source line with a caret under the fault — as `space-race mods check`
prints them. The game keeps the content it had; fix the file and press Ctrl+R again."""

from __future__ import annotations

import pygame

from game.content.problems import Problem
from game.app.commands.problems import render_problem

from ..intents import Click, Key, Wheel
from ..painter import Painter
from ..scene import Scene
from ..widgets import Button, Widget
from .forms import buttons_height, draw_buttons

SEVERITY_COLOURS = {"error": "bad", "warning": "warn"}


class ProblemsOverlay(Scene):
    name = "problems"
    title = "Content problems"
    opaque = False
    keys = (("Up / Down", "scroll a line"), ("Page Up / Page Down", "scroll a page"), ("Home / End", "top / bottom"),
            ("Esc / Enter", "close (the game keeps its content)"), ("Ctrl+R", "read the content again"))

    def __init__(self, app, errors: list[Problem], warnings: list[Problem]) -> None:  # noqa: ANN001
        super().__init__(app)
        self.errors = list(errors)
        self.warnings = list(warnings)
        self.problems = [*self.errors, *self.warnings]
        self.content_then = app.content
        self.scroll = 0  # in display lines
        self._page = 10
        self._total = 0
        self.close_button = Button("Close", lambda: app.pop(self), hint="Esc")

    def enter(self) -> None:
        # a newer report replaces an older one still open below (Ctrl+R pressed again with the overlay up)
        self.app.stack[:] = [scene for scene in self.app.stack if scene is self or not isinstance(scene, ProblemsOverlay)]

    def widgets(self) -> list[Widget]:
        return [self.close_button]

    def handle(self, intent) -> bool:  # noqa: ANN001
        if isinstance(intent, Key):
            moves = {"up": -1, "down": 1, "page up": -self._page, "page down": self._page,
                     "home": -self._total, "end": self._total}
            if intent.name in ("escape", "return", "enter", "space"):
                self.app.pop(self)
            elif intent.name in moves:
                self.scroll_by(moves[intent.name])
            return True
        if isinstance(intent, Wheel):
            self.scroll_by(-3 * intent.steps)
            return True
        if isinstance(intent, Click):
            super().handle(intent)
        return True  # modal: nothing reaches the screen below

    def scroll_by(self, lines: int) -> None:
        self.scroll = max(0, min(self.scroll + lines, max(0, self._total - self._page)))

    # -- drawing ------------------------------------------------------------------------------------

    def summary(self) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        tail = f" There {'is' if warnings == 1 else 'are'} also {warnings} warning{'' if warnings == 1 else 's'}." \
            if warnings else ""
        if errors:
            return (f"The content has {errors} error{'' if errors == 1 else 's'}; the game keeps the content it had."
                    f"{tail}")
        if warnings:
            return f"The content loads, with {warnings} warning{'' if warnings == 1 else 's'}."
        return "The content has no problems."

    def lines(self, painter: Painter, width: int) -> list[tuple[str, str, str]]:
        """Every problem as display lines (text, colour, face), wrapped to width; source lines are cut, not
        wrapped, so the caret stays under the fault."""
        theme = painter.theme
        shown: list[tuple[str, str, str]] = []
        for problem in self.problems:
            colour = SEVERITY_COLOURS.get(problem.severity, "text")
            rendered = render_problem(problem).split("\n")
            for piece in painter.fonts.wrap(rendered[0], "mono_bold", theme.small, width):
                shown.append((piece, colour, "mono_bold"))
            for line in rendered[1:]:
                stripped = line.strip()
                if stripped.startswith("= help:"):
                    pieces = painter.fonts.wrap(line, "mono", theme.small, width)
                    shown.extend((piece, "info", "mono") for piece in pieces)
                elif stripped.startswith("="):
                    pieces = painter.fonts.wrap(line, "mono", theme.small, width)
                    shown.extend((piece, "dim", "mono") for piece in pieces)
                elif "^" in line and line.rstrip().endswith("^"):
                    shown.append((line, colour, "mono_bold"))
                else:
                    shown.append((line, "text", "mono"))
            shown.append(("", "text", "mono"))
        return shown

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        width, height = painter.surface.get_size()
        box_w = min(width - 4 * pad, theme.px(1100))
        text_w = box_w - 4 * pad - theme.px(8)
        lines = self.lines(painter, text_w)
        step = painter.fonts.line_height("mono", theme.small)
        small = painter.fonts.line_height("sans", theme.small)
        buttons_h = buttons_height(painter, [self.close_button], box_w - 4 * pad)
        summary_h = len(painter.fonts.wrap(self.summary(), "bold", theme.body, box_w - 4 * pad)) * \
            painter.fonts.line_height("bold", theme.body)
        reloaded = self.app.content is not self.content_then
        head_h = painter.fonts.line_height("mono_bold", theme.large) + min(summary_h, 2 * painter.fonts.line_height(
            "bold", theme.body)) + (small if reloaded else 0) + pad
        wanted = head_h + len(lines) * step + small + pad + buttons_h + 2 * pad + theme.px(8)
        box = pygame.Rect(0, 0, box_w, min(height - 4 * pad, wanted))
        box.center = (width // 2, height // 2)
        painter.rect(box.move(theme.px(6), theme.px(6)), "shadow", radius=theme.px(6))
        painter.rect(box, "console", radius=theme.px(6))
        painter.rect(box, "bad" if self.errors else "warn", width=max(1, theme.px(2)), radius=theme.px(6))
        inner = box.inflate(-4 * pad, -2 * pad)
        kind = "CONTENT ERRORS" if self.errors else "CONTENT WARNINGS"
        painter.text(kind, inner.x, inner.y, theme.large, "bad" if self.errors else "warn", "mono_bold",
                     max_width=inner.width)
        y = inner.y + painter.fonts.line_height("mono_bold", theme.large)
        y += min(summary_h, painter.paragraph(self.summary(), (inner.x, y, inner.width, 2 * painter.fonts.line_height(
            "bold", theme.body)), theme.body, "text", "bold"))
        if reloaded:
            painter.text("The content has been read again since: these problems may be fixed now.", inner.x, y,
                         theme.small, "good", max_width=inner.width)
            y += small
        painter.line((inner.x, y + pad // 2), (inner.right, y + pad // 2), "grid")
        y += pad
        foot = inner.bottom - buttons_h
        area = pygame.Rect(inner.x, y, text_w, foot - small - pad - y)
        self._page = max(1, area.height // step)
        self._total = len(lines)
        hint = "Fix the file and press Ctrl+R to read the content again."
        if self._total > self._page:  # the scroll keys only when there is something to scroll
            hint += "  Scroll: Up/Down, Page Up/Down, the wheel."
        painter.text(hint, inner.x, foot - small - pad // 2, theme.small, "dim", max_width=inner.width)
        self.scroll = max(0, min(self.scroll, max(0, self._total - self._page)))
        for index, (text, colour, face) in enumerate(lines[self.scroll:self.scroll + self._page]):
            if text:
                painter.text(text, area.x, area.y + index * step, theme.small, colour, face, max_width=area.width)
        if self._total > self._page:  # a scroll bar
            bar_h = max(theme.px(12), area.height * self._page // self._total)
            top = area.y + (area.height - bar_h) * self.scroll // max(1, self._total - self._page)
            painter.rect((area.right + theme.px(3), top, theme.px(4), bar_h), "grid", label="scroll bar")
            below = self._total - self._page - self.scroll
            if below > 0:
                painter.text(f"▼ {below} more lines", inner.right, foot + pad // 2, theme.small, "warn", align="right")
        draw_buttons(painter, self, [self.close_button], inner.x, foot, inner.width, default=self.close_button)
