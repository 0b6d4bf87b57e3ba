"""Mods: the base game and every mod found, in load order, each with its status, and the problems found.

The content and mods are read again on the disk worker (the app's loader reads files), so the list shows
what is on disk now; "Reading mods…" shows meanwhile. This screen only shows: Ctrl+R puts new content to use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.content.files import display_path
from game.content.mods import BASE_ID
from game.app.commands.problems import headline

from ..intents import Key
from ..painter import Painter
from ..scene import Scene
from ..widgets import Button, ListView, Widget
from .forms import backdrop, buttons_height, draw_buttons

STATUS_COLOURS = {"ok": "good", "has errors": "bad"}  # anything else (conflict, missing requirement …): warn
STATUS_MARKS = {"ok": "✓", "has errors": "✗"}
SEVERITY_COLOURS = {"error": "bad", "warning": "warn"}


def mods_folder(app: Any) -> Path:
    """Where mods load from without --mod: the folder the app was told, else `mods` beside the saves folder."""
    given = app.options.mods_dir
    return Path(given) if given else app.options.saves_dir.parent / "mods"


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class ModsScene(Scene):
    name = "mods"
    title = "Mods"
    keys = (("Up / Down", "choose a mod"), ("P", "every problem, with its file and line"), ("R", "read the mods again"),
            ("Tab", "the buttons"), ("Esc", "back"))

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.result: Any = None  # game.content.loader.LoadResult, once read
        # how each mod's folder and the mods folder read on screen: worked out on the disk worker (resolving a path
        # asks the disk), never in a frame; until then the mods folder shows as it was given
        self.paths: dict[Path, str] = {}
        self.folder_shown = mods_folder(app).as_posix()
        self.read_problem = ""
        self.reading = False
        self.list = ListView(lambda: len(self.rows()), self.draw_row, row_height=44)
        self.problems_button = Button("All problems", self.show_problems, hint="P")
        self.again = Button("Read again", self.read, hint="R")
        self.back = Button("Back", lambda: app.pop(self), hint="Esc")

    # -- reading ------------------------------------------------------------------------------------

    def enter(self) -> None:
        if self.result is None and not self.reading and not self.read_problem:
            self.read()

    def read(self) -> None:
        loader = self.app.options.loader
        if loader is None:
            self.read_problem = "This window was started without a content loader, so it cannot list the mods."
            return
        if self.reading:
            return

        folder = mods_folder(self.app)

        def job() -> tuple[Any, dict[Path, str], str]:
            result = loader()
            paths = {mod.root: display_path(mod.root) for mod in [*result.mods, *result.order]}
            return result, paths, display_path(folder)

        def done(read: Any, error: BaseException | None) -> None:
            self.reading = False
            self.result = read[0] if error is None else None
            if error is None:
                self.paths, self.folder_shown = read[1], read[2]
            self.read_problem = f"The mods could not be read: {error}" if error is not None else ""

        self.reading = True
        self.app.disk.run(job, done)

    def rows(self) -> list[Any]:
        """The mods in load order, then those that did not load."""
        if self.result is None:
            return []
        loaded = [mod.id for mod in self.result.order]
        return [*self.result.order, *(mod for mod in self.result.mods if mod.id not in loaded)]

    def position(self, mod: Any) -> int | None:
        for index, loaded in enumerate(self.result.order, start=1):
            if loaded is mod:
                return index
        return None

    def shown_path(self, mod: Any) -> str:
        """A mod's folder as the modder reads it (worked out when the mods were read)."""
        return self.paths.get(mod.root) or mod.root.as_posix()

    def problems_of(self, mod: Any) -> list[Any]:
        """The problems found in the mod's own files (its mod.toml and content)."""
        roots = {self.shown_path(mod), str(mod.root)}
        return [problem for problem in self.result.problems
                if problem.path in roots or any(problem.path.startswith(f"{root}/") for root in roots)]

    def show_problems(self) -> None:
        from .problems import ProblemsOverlay

        if self.result is not None and self.result.problems:
            self.app.push(ProblemsOverlay(self.app, self.result.errors, self.result.warnings))

    # -- input --------------------------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        buttons = [self.problems_button] if self.result is not None and self.result.problems else []
        return [self.list, *buttons, self.again, self.back]

    def on_key(self, key: Key) -> bool:
        if key.name == "escape":
            self.app.pop(self)
            return True
        if key.name == "p" and not key.ctrl:
            self.show_problems()
            return True
        if key.name == "r" and not key.ctrl:
            self.read()
            return True
        return False

    # -- drawing ------------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        inner = backdrop(painter, "Mods", "The base game and every mod found, in the order they load.", widest=1200)
        buttons = [widget for widget in self.widgets() if isinstance(widget, Button)]
        buttons_h = buttons_height(painter, buttons, inner.width)
        bottom = inner.bottom - buttons_h - pad
        small = painter.fonts.line_height("sans", theme.small)
        how = (f"To add a mod, put its folder (the one holding mod.toml) in {self.folder_shown}, "
               f"or start the game with --mod PATH (once per mod). Ctrl+R reads the content and mods again. "
               f"Making one: MODDING.md; checking one: space-race mods check --mod PATH.")
        how_h = min(3 * small, len(painter.fonts.wrap(how, "sans", theme.small, inner.width)) * small)
        painter.paragraph(how, (inner.x, bottom - how_h, inner.width, how_h), theme.small, "dim")
        bottom -= how_h + pad
        y = inner.y
        if self.read_problem:
            painter.paragraph(self.read_problem, (inner.x, y, inner.width, bottom - y), theme.body, "bad")
            self.list.rect = pygame.Rect(0, 0, 0, 0)
        elif self.result is None:
            painter.text("Reading mods…", inner.x, y, theme.body, "dim")
            self.list.rect = pygame.Rect(0, 0, 0, 0)
        else:
            y = self._draw_summary(painter, inner, y)
            problems = self.result.problems
            shown = min(len(problems), 4)
            problems_h = (small + shown * small + pad) if problems else 0
            top_h = bottom - y - problems_h
            list_w = inner.width * 11 // 20 if inner.width >= theme.px(700) else inner.width
            self.list.rect = pygame.Rect(inner.x, y, list_w, top_h)
            self.list.draw(painter, self.focused() is self.list)
            if all(mod.id == BASE_ID for mod in self.rows()):  # the list's empty space says why it is empty
                rows_h = len(self.rows()) * theme.px(self.list.row_height)
                space = pygame.Rect(self.list.rect.x + 2 * pad, self.list.rect.y + rows_h + 2 * pad,
                                    self.list.rect.width - 4 * pad, self.list.rect.height - rows_h - 3 * pad)
                if space.height >= 2 * small:
                    painter.paragraph("No mods found yet: only the base game loads. The note below says where a "
                                      "mod goes and how to make one.", space, theme.small, "dim")
            if list_w < inner.width:
                self._draw_detail(painter, pygame.Rect(inner.x + list_w + pad, y, inner.width - list_w - pad, top_h))
            if problems:
                self._draw_problems(painter, pygame.Rect(inner.x, y + top_h + pad, inner.width, problems_h - pad), shown)
        draw_buttons(painter, self, buttons, inner.x, inner.bottom - buttons_h, inner.width, default=None)

    def _draw_summary(self, painter: Painter, inner: pygame.Rect, y: int) -> int:
        theme = painter.theme
        pad = theme.pad
        result = self.result
        errors, warnings = len(result.errors), len(result.warnings)
        mods = [mod for mod in result.order if mod.id != BASE_ID]
        x = inner.x
        parts = [(f"{plural(len(mods), 'mod')} in the load order", "text"),
                 (plural(errors, "error"), "bad" if errors else "good"),
                 (plural(warnings, "warning"), "warn" if warnings else "good"),
                 (f"{plural(len(result.contested()), 'object')} changed by more than one mod", "text")]
        for index, (text, colour) in enumerate(parts):
            if index:
                x = painter.text("  ·  ", x, y, theme.body, "dim").right
            x = painter.text(text, x, y, theme.body, colour, "bold", max_width=max(10, inner.right - x)).right
        y += painter.fonts.line_height("bold", theme.body)
        in_use = ", ".join(self.app.content.mods) or "no mods"
        note, colour = f"In use now: the base game and {in_use}.", "dim"
        if errors:
            note, colour = ("With these errors the mods cannot be used: the game keeps the content it has "
                            f"(the base game and {in_use})."), "warn"
        elif result.content is not None and tuple(result.content.mods) != tuple(self.app.content.mods):
            note, colour = (f"The mods on disk differ from those in use ({in_use}): press Ctrl+R to use them."), "warn"
        if self.reading:
            note, colour = "Reading mods… (the list below is from the last reading)", "info"
        painter.text(note, inner.x, y, theme.small, colour, max_width=inner.width)
        return y + painter.fonts.line_height("sans", theme.small) + pad

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        mod = self.rows()[index]
        theme = painter.theme
        pad = theme.pad
        x, right = rect.x + pad, rect.right - pad - theme.px(6)
        position = self.position(mod)
        status = f"{STATUS_MARKS.get(mod.status, '!')} {mod.status}"
        colour = STATUS_COLOURS.get(mod.status, "warn")
        status_w = painter.fonts.width(status, "bold", theme.small)
        painter.text(status, right, rect.y + theme.px(4), theme.small, colour, "bold", align="right")
        label = f"{position}. " if position else "–  "
        name = "Space Race (the base game)" if mod.id == BASE_ID else mod.name
        painter.text(f"{label}{name}", x, rect.y + theme.px(3), theme.body, "focus" if selected else "text", "bold",
                     max_width=right - status_w - pad - x)
        where = self.shown_path(mod)
        loaded = "" if position else " · not loaded"
        painter.text(f"{mod.id} {mod.version}{loaded} · {where}", x,
                     rect.y + theme.px(3) + painter.fonts.line_height("bold", theme.body), theme.small, "dim",
                     max_width=right - x)

    def _draw_detail(self, painter: Painter, rect: pygame.Rect) -> None:
        rows = self.rows()
        if not rows:
            return
        mod = rows[min(self.list.selected, len(rows) - 1)]
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        inner = self.panel(painter, rect, mod.name)
        y = inner.y
        facts = [f"{mod.id} {mod.version} · status: {mod.status}"]
        if mod.authors:
            facts.append(f"By {', '.join(mod.authors)}")
        for word, names in (("Requires", mod.requires), ("Loads after", mod.load_after),
                            ("Conflicts with", mod.conflicts)):
            if names:
                facts.append(f"{word}: {', '.join(names)}")
        facts.append(f"Folder: {self.shown_path(mod)}")
        if mod.id == BASE_ID:  # what the base game holds, so its panel says something
            content = self.app.content
            facts.append(f"{plural(len(content.scenarios), 'scenario')}, {plural(len(content.hardware), 'program')}, "
                         f"{plural(len(content.missions), 'mission')}, {plural(len(content.milestones), 'milestone')} "
                         f"and {plural(len(content.events), 'event')} (with the mods in use).")
        for fact in facts:
            if y + small > inner.bottom:
                return
            y += painter.paragraph(fact, (inner.x, y, inner.width, inner.bottom - y), theme.small, "text")
        if mod.description and y + small <= inner.bottom:
            y += theme.pad // 2
            y += painter.paragraph(mod.description, (inner.x, y, inner.width, inner.bottom - y), theme.small, "dim")
        notes: list[tuple[str, str]] = []
        for problem in self.problems_of(mod)[:6]:
            notes.append((headline(problem), SEVERITY_COLOURS.get(problem.severity, "warn")))
        covered = {problem.message for problem in self.problems_of(mod)}
        notes.extend((message, "bad") for message in mod.problems if message not in covered)
        for kind, object_id, touches, winner in self.result.contested():
            if any(touch.mod == mod.id for touch in touches):
                actions = ", ".join(dict.fromkeys(touch.action for touch in touches if touch.mod == mod.id))
                notes.append((f"{actions} {kind} {object_id}: {winner}'s version stands", "info"))
        for text, colour in notes:
            if y + small > inner.bottom:
                break
            y += theme.px(3)
            y += painter.paragraph(text, (inner.x, y, inner.width, inner.bottom - y), theme.small, colour)

    def _draw_problems(self, painter: Painter, rect: pygame.Rect, shown: int) -> None:
        theme = painter.theme
        small = painter.fonts.line_height("sans", theme.small)
        problems = self.result.problems
        more = f" (the first {shown} of {len(problems)}: P shows them all)" if len(problems) > shown else ""
        painter.text(f"Problems{more}", rect.x, rect.y, theme.small, "accent", "bold", max_width=rect.width)
        y = rect.y + small
        for problem in problems[:shown]:
            colour = "bad" if problem.severity == "error" else "warn"
            painter.text(headline(problem), rect.x, y, theme.small, colour, "mono", max_width=rect.width)
            y += small
