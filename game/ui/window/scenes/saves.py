"""Save and load: the saves folder with a preview of each save (scenario, side, year, when, mods).

The folder is read on the disk worker ("Reading saves…" shows meanwhile); each file is previewed from its
top-level keys only, and a damaged or foreign file is listed as unreadable with the reason — never a crash.
Loading reads the whole save on the worker too (`app.load_game`); saving serialises the game and writes it
there (`play.save`). Saving over an existing save asks for a second Enter.
"""

from __future__ import annotations

from datetime import datetime

import pygame

from game.app.saves_list import SavePreview, list_saves
from game.app.session import AUTOSAVE_NAME
from game.record.save import SAVE_SUFFIX, valid_save_name

from ..intents import Key, Text
from ..painter import Painter
from ..scene import Scene
from ..theme import SIDE_LABELS
from ..widgets import Button, ListView, Widget
from .forms import TextField, backdrop, buttons_height, draw_buttons

NAME_LIMIT = 64


def when(saved: float) -> str:
    """A modification time as local date and time."""
    try:
        return datetime.fromtimestamp(saved).strftime("%Y-%m-%d %H:%M")
    except (OverflowError, OSError, ValueError):
        return "unknown date"


class SavesScene(Scene):
    name = "saves"
    title = "Saves"

    def __init__(self, app, mode: str = "load") -> None:  # noqa: ANN001
        super().__init__(app)
        self.mode = "save" if mode == "save" else "load"
        self.title = "Save game" if self.mode == "save" else "Load game"
        if self.mode == "save":
            self.keys = (("Type", "the save's name (letters, digits, - _ .; a space becomes -)"), ("Enter", "save (twice to overwrite)"),
                         ("Down / Tab", "the list: choosing a save takes its name"), ("Esc", "back"))
        else:
            self.keys = (("Up / Down", "choose a save"), ("Enter", "load it"), ("Tab", "the buttons"),
                         ("Esc", "back"))
        self.previews: list[SavePreview] | None = None  # None while the folder is being read
        self.read_problem = ""
        self.message: tuple[str, str] | None = None  # (text, palette colour) under the name field
        self.confirm = ""  # the name an Enter would overwrite
        self.opening = ""
        self._taken = -1  # the list row whose name the field took
        self.list = ListView(lambda: len(self.previews or []), self.draw_row, self.activate, self.selected_row,
                             row_height=46)
        self.name_field = TextField(lambda ch: ch.isalnum() or ch in "-_.", NAME_LIMIT,
                                    "type a name: letters, digits, - _ .", on_change=self.name_changed,
                                    on_refused=self.refused, substitutes={" ": "-"},
                                    on_substituted=self.substituted)
        self.typing_notes: dict[str, str] = {}  # what typing did to the name (a space made '-', a character left
        # out), kept in view until the name is emptied or taken from the list
        self.action = Button("Save" if self.mode == "save" else "Load", self.act, hint="Enter")
        self.back = Button("Back", lambda: app.pop(self), hint="Esc")

    # -- the folder ---------------------------------------------------------------------------------

    def enter(self) -> None:
        if self.previews is None:
            self.read()

    def read(self) -> None:
        folder = self.app.options.saves_dir

        def done(previews: list[SavePreview] | None, error: BaseException | None) -> None:
            self.previews = previews or []
            self.read_problem = f"The saves folder could not be read: {error}" if error is not None else ""

        self.previews = None
        self.app.disk.run(lambda: list_saves(folder, autosaves=self.mode == "load"), done)

    @property
    def can_save(self) -> bool:
        return self.app.play is not None and not self.app.play.spectator  # a watched game is nobody's to save

    def selected(self) -> SavePreview | None:
        if not self.previews:
            return None
        return self.previews[min(self.list.selected, len(self.previews) - 1)]

    # -- actions ------------------------------------------------------------------------------------

    def act(self) -> None:
        if self.mode == "save":
            self.save()
        else:
            self.activate(self.list.selected)

    def activate(self, index: int) -> None:
        if not self.previews or not 0 <= index < len(self.previews):
            return
        preview = self.previews[index]
        if self.mode == "save":
            self.name_field.set(preview.name)
            self.save()
            return
        if preview.problem:
            self.app.say(f"{preview.path.name} cannot be loaded: {preview.problem}.", "bad")
            return
        self.opening = preview.path.name
        self.app.load_game(preview.path)

    def selected_row(self, index: int) -> None:
        if self.mode == "save" and self.previews and 0 <= index < len(self.previews):
            self.typing_notes = {}  # the name is the save's own now
            self.name_field.set(self.previews[index].name)

    def name_changed(self) -> None:
        if self.name_field.text != self.confirm:
            self.confirm = ""
            self.message = None
        if not self.name_field.text:
            self.typing_notes = {}

    def refused(self, typed: str) -> None:
        shown = " ".join(repr(ch) for ch in dict.fromkeys(typed))
        self.typing_notes["refused"] = f"Left out {shown}: save names use letters, digits, '-', '_' and '.' only."

    def substituted(self, typed: str, put: str) -> None:
        if typed == " ":
            self.typing_notes["space"] = "Spaces become '-' in a save's name (the file name cannot hold them)."

    def save(self) -> None:
        if self.app.play is None:
            self.app.say("There is no game in progress to save.", "warn")
            return
        name = self.name_field.text
        problem = valid_save_name(name)
        if not name:
            problem = "type a name for the save first (letters, digits, '-', '_' and '.')"
        if problem:
            self.message = (problem[:1].upper() + problem[1:] + ".", "bad")
            self.focus_on(self.name_field)
            return
        if self.previews is None:
            self.message = ("Still reading the saves folder: try again in a moment.", "warn")
            return
        exists = any(preview.name == name for preview in self.previews)
        if exists and self.confirm != name:
            self.confirm = name
            warning = f"{name}{SAVE_SUFFIX} already exists: press Enter again to overwrite it, or change the name."
            self.message = (warning, "warn")
            return
        self.app.save_game(name)
        self.app.pop(self)

    # -- input --------------------------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        if self.mode == "save":
            return [self.name_field, self.list, self.action, self.back] if self.can_save else [self.back]
        return [self.list, self.action, self.back]

    def handle(self, intent) -> bool:  # noqa: ANN001
        used = super().handle(intent)
        if self.mode == "save" and self.focused() is self.list and self.previews:
            if self._taken != self.list.selected:  # the list has the focus: its selected save names the save
                self._taken = self.list.selected
                self.selected_row(self.list.selected)
        else:
            self._taken = -1
        return used

    def on_key(self, key: Key) -> bool:
        self.opening = ""
        if key.name == "escape":
            if self.confirm:
                self.confirm, self.message = "", None
            else:
                self.app.pop(self)
            return True
        if key.name in ("return", "enter") and self.mode == "save" and self.focused() is self.name_field:
            self.save()
            return True
        return False

    def on_unhandled(self, intent: Key | Text) -> bool:
        if isinstance(intent, Text) and self.mode == "save" and self.can_save:  # typing anywhere names the save
            self.focus_on(self.name_field)
            self.name_field.insert(intent.text)
            return True
        return False

    # -- drawing ------------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        self.action.label = "Save" if self.mode == "save" else "Load"
        if self.confirm:
            self.action.label = f"Overwrite {self.confirm}"
        selected = self.selected()
        self.action.enabled = (self.can_save if self.mode == "save" else
                               selected is not None and not selected.problem)
        folder = self.app.options.saves_dir
        inner = backdrop(painter, self.title, f"Saves folder: {folder}", widest=1100)
        buttons = [self.action, self.back] if self.mode == "load" or self.can_save else [self.back]
        buttons_h = buttons_height(painter, buttons, inner.width)
        y = inner.y
        small = painter.fonts.line_height("sans", theme.small)
        if self.mode == "save":
            if not self.can_save:
                nothing = ("You are watching the AI play itself: there is no game of yours to save."
                           if self.app.play is not None else
                           "There is no game in progress to save. Start or load a game first; saving is done "
                           "from the game (Ctrl+S, the menu, or 'save NAME' at the prompt).")
                painter.paragraph(nothing,
                                  (inner.x, y, inner.width, 4 * small), theme.body, "warn")
                draw_buttons(painter, self, buttons, inner.x, inner.bottom - buttons_h, inner.width)
                return
            y = self._draw_name(painter, inner, y)
        elif self.opening:
            painter.text(f"Opening {self.opening}…", inner.x, y, theme.body, "info", max_width=inner.width)
            y += painter.fonts.line_height("sans", theme.body) + pad // 2
        list_rect = pygame.Rect(inner.x, y, inner.width, inner.bottom - buttons_h - pad - y)
        if self.previews is None:
            self.list.rect = pygame.Rect(0, 0, 0, 0)
            painter.text("Reading saves…", inner.x, y + pad, theme.body, "dim")
        elif not self.previews:
            self.list.rect = list_rect
            painter.rect(list_rect, "panel")
            painter.rect(list_rect, "focus" if self.focused() is self.list else "grid", width=1)
            # the message in the middle of the empty list, not lost in its corner
            text = self.read_problem or self._empty_text()
            box = list_rect.inflate(-2 * pad, -2 * pad)
            box.width = min(box.width, theme.px(640))
            need = len(painter.fonts.wrap(text, "sans", theme.body, box.width)) * painter.fonts.line_height("sans",
                                                                                                       theme.body)
            box.height = min(box.height, need)
            box.center = list_rect.center
            painter.paragraph(text, box, theme.body, "bad" if self.read_problem else "dim")
        else:
            if list_rect.width >= theme.px(760):  # room for the selected save's details beside the list
                detail = pygame.Rect(list_rect.x + list_rect.width * 3 // 5 + pad, list_rect.y, 0, list_rect.height)
                detail.width = list_rect.right - detail.x
                list_rect.width = detail.x - pad - list_rect.x
                self._draw_detail(painter, detail)
            self.list.rect = list_rect
            self.list.draw(painter, self.focused() is self.list)
        draw_buttons(painter, self, buttons, inner.x, inner.bottom - buttons_h, inner.width, default=self.action)

    def _empty_text(self) -> str:
        folder = self.app.options.saves_dir
        if self.mode == "save":
            return f"No saves in {folder} yet: type a name above and press Enter."
        return (f"No saves yet in {folder}. In a game, press Ctrl+S (or open the menu with Esc, or type 'save NAME' at "
                f"the prompt) to save; the game also autosaves as '{AUTOSAVE_NAME}' when each year begins.")

    def _draw_name(self, painter: Painter, inner: pygame.Rect, y: int) -> int:
        theme = painter.theme
        pad = theme.pad
        focused = self.focused() is self.name_field
        label_w = painter.fonts.width("Name ", "bold", theme.body) + pad
        field_h = painter.fonts.line_height("mono", theme.body) + pad
        painter.text("Name", inner.x, y + pad // 2, theme.body, "focus" if focused else "accent", "bold")
        field_w = min(inner.width - label_w, painter.fonts.width("m" * 36, "mono", theme.body) + 2 * pad)
        self.name_field.rect = pygame.Rect(inner.x + label_w, y, field_w, field_h)
        self.name_field.draw(painter, focused)
        hint_x = self.name_field.rect.right + pad
        if inner.right - hint_x > theme.px(120):
            painter.text(f"→ {self.name_field.text or 'NAME'}{SAVE_SUFFIX}", hint_x, y + pad // 2, theme.small, "dim",
                         "mono", max_width=inner.right - hint_x)
        y += field_h + theme.px(4)
        note = " ".join(self.typing_notes[kind] for kind in ("space", "refused") if kind in self.typing_notes)
        text, colour = self.message or ((note, "warn") if note else
                                        ("Enter saves. Choosing a save below takes its name (to save over it).", "dim"))
        height = painter.paragraph(text, (inner.x + label_w, y, inner.width - label_w,
                                          2 * painter.fonts.line_height("sans", theme.small)), theme.small, colour)
        return y + min(height, 2 * painter.fonts.line_height("sans", theme.small)) + pad

    def _draw_detail(self, painter: Painter, rect: pygame.Rect) -> None:
        """The selected save in full: every fact the preview holds, or why the file cannot be used."""
        theme = painter.theme
        preview = self.selected()
        inner = self.panel(painter, rect, preview.name if preview else "")
        if preview is None:
            return
        small = painter.fonts.line_height("sans", theme.small)
        y = inner.y
        if preview.problem:
            y += painter.paragraph(f"This file cannot be loaded: {preview.problem}.",
                                   (inner.x, y, inner.width, inner.bottom - y), theme.body, "bad")
            painter.paragraph(f"Saved {when(preview.saved)}. The game leaves it untouched; move it out of the saves "
                              f"folder if it is not needed.", (inner.x, y + theme.pad, inner.width, inner.bottom - y -
                                                               theme.pad), theme.small, "dim")
            return
        scenarios = self.app.content.scenarios
        scenario = scenarios.get(preview.scenario)
        key_w = min(inner.width // 3, painter.fonts.width("Difficulty ", "bold", theme.small) + theme.pad)
        rows: list[tuple[str, str]] = [
            ("Scenario", scenario.name if scenario else f"{preview.scenario} (not in the loaded content)"),
            ("Year", f"{preview.year}" + (f" (the game runs {scenario.start_year}–{scenario.end_year})" if scenario else "")),
            ("Side", ""),
            ("Difficulty", preview.difficulty or "normal"),
            ("Saved", when(preview.saved)),
            ("Mods", ", ".join(preview.mods) or "none"),
            ("Version", f"saved by Space Race {preview.game_version}" if preview.game_version else "unknown"),
            ("File", str(preview.path)),
        ]
        for key, value in rows:
            if y + small > inner.bottom:
                break
            painter.text(key, inner.x, y, theme.small, "accent", "bold", max_width=key_w - theme.pad // 2)
            if key == "Side":
                left = inner.x + key_w
                for side in preview.players:
                    left = painter.side_label(side, left, y, theme.small).right + theme.pad
                if not preview.players:
                    painter.text("AI against AI", left, y, theme.small, "text")
                y += small
                continue
            y += painter.paragraph(value, (inner.x + key_w, y, inner.width - key_w, inner.bottom - y), theme.small,
                                   "text")

    def draw_row(self, painter: Painter, index: int, rect: pygame.Rect, selected: bool) -> None:
        assert self.previews is not None
        preview = self.previews[index]
        theme = painter.theme
        pad = theme.pad
        line = painter.fonts.line_height("bold", theme.body)
        x, width = rect.x + pad, rect.width - 2 * pad - theme.px(6)
        date = f"saved {when(preview.saved)}"
        date_w = painter.fonts.width(date, "sans", theme.small)
        painter.text(date, x + width, rect.y + theme.px(4), theme.small, "dim", align="right")
        area = painter.text(preview.name, x, rect.y + theme.px(3), theme.body, "focus" if selected else "text", "bold",
                            max_width=width - date_w - pad)
        if preview.name == AUTOSAVE_NAME and area.right + pad < x + width - date_w - pad:
            painter.text("made as each year begins", area.right + pad, rect.y + theme.px(4), theme.small, "dim",
                         max_width=x + width - date_w - 2 * pad - area.right)
        y = rect.y + theme.px(3) + line
        if preview.problem:
            painter.text(f"unreadable: {preview.problem}", x, y, theme.small, "bad", max_width=width)
            return
        scenarios = self.app.content.scenarios
        scenario = scenarios[preview.scenario].name if preview.scenario in scenarios else (
            f"{preview.scenario} (not in the loaded content)")
        left = x
        if preview.players:
            for side in preview.players:
                area = painter.side_label(side, left, y, theme.small, SIDE_LABELS.get(side, side.upper()))
                left = area.right + pad // 2
        else:
            left = painter.text("AI vs AI", left, y, theme.small, "dim", "bold").right + pad // 2
        mods = ", ".join(preview.mods) if preview.mods else "none"
        difficulty = f" · {preview.difficulty}" if preview.difficulty and preview.difficulty != "normal" else ""
        painter.text(f"{preview.year} · {scenario}{difficulty} · mods: {mods}", left, y, theme.small, "text",
                     max_width=x + width - left)
