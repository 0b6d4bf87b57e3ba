"""The title screen: new game, continue, load, watch, mods, settings, quit."""

from __future__ import annotations

import secrets

import pygame

from game.app.session import AUTOSAVE_NAME
from game.record.save import resolve_save_path

from .. import art
from ..intents import Key
from ..painter import Painter
from ..scene import Scene
from ..widgets import Widget
from .menu import ButtonColumn


class TitleScene(Scene):
    name = "title"
    title = "Title"
    keys = (("Up / Down, Tab", "choose"), ("Enter", "do it"), ("N", "new game"), ("C", "continue the autosave"),
            ("L", "load a game"), ("W", "watch AI against AI"), ("M", "mods"), ("S", "settings"), ("Esc", "to the Quit button (Enter then quits)"))

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        self.autosave = resolve_save_path(AUTOSAVE_NAME, app.options.saves_dir)
        self.can_continue = False
        self.column = ButtonColumn([
            ("New game", self.new_game, "N"),
            ("Continue", self.resume, "C"),
            ("Load game", self.load, "L"),
            ("Watch AI vs AI", self.watch, "W"),
            ("Mods", self.mods, "M"),
            ("Settings", self.settings, "S"),
            ("Quit", app.quit, "Ctrl+Q"),
        ])

    def enter(self) -> None:
        path = self.autosave

        def found(exists: bool | None, error: BaseException | None) -> None:
            self.can_continue = bool(exists)
            self.column.buttons[1].enabled = self.can_continue
            if self.can_continue and self.focus == 0:  # a game to go back to: Enter continues it, not a new one
                self.focus_on(self.column.buttons[1])

        self.column.buttons[1].enabled = False
        self.app.disk.run(path.is_file, found)

    def widgets(self) -> list[Widget]:
        return list(self.column.buttons)

    def new_game(self) -> None:
        from .new_game import NewGameScene

        self.app.push(NewGameScene(self.app))

    def resume(self) -> None:
        if self.can_continue:
            self.app.load_game(self.autosave)
        else:
            self.app.say("There is no autosave yet: start a new game.", "warn")

    def load(self) -> None:
        from .saves import SavesScene

        self.app.push(SavesScene(self.app, "load"))

    def watch(self) -> None:
        from ..app import WatchOptions
        from .watch import Watcher

        self.app.watcher = Watcher(self.app, WatchOptions(seed=secrets.randbelow(1_000_000)))  # a new race each time
        self.app.watcher.begin()

    def mods(self) -> None:
        from .mods import ModsScene

        self.app.push(ModsScene(self.app))

    def settings(self) -> None:
        from .settings import SettingsScene

        self.app.push(SettingsScene(self.app))

    def focus_quit(self) -> None:
        """Esc never closes the window by itself (a player backing out of a screen might press it once too often)."""
        self.focus_on(self.column.buttons[-1])

    def on_key(self, key: Key) -> bool:
        shortcuts = {"n": self.new_game, "c": self.resume, "l": self.load, "w": self.watch, "m": self.mods,
                     "s": self.settings, "escape": self.focus_quit}
        action = shortcuts.get(key.name)
        if action and not key.ctrl:
            action()
            return True
        return False

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        width, height = painter.surface.get_size()
        screen = pygame.Rect(0, 0, width, height)
        art.starfield(painter, screen, seed=1957)
        art.earth_limb(painter, screen)
        art.rocket(painter, width * 4 // 5, height * 7 // 8, height // 2, stages=3, side="usa", label="title rocket")
        art.rocket(painter, width // 5 - theme.px(30), height * 7 // 8, height * 2 // 5, stages=2, side="ussr",
                   label="title rocket")
        painter.text("SPACE RACE", width // 2, height // 10, theme.px(64), "title", "mono_bold", align="centre")
        painter.text("1955 – 1975", width // 2, height // 10 + theme.px(76), theme.px(30), "accent", "mono_bold",
                     align="centre")
        painter.text("Direct the American or the Soviet space program, year by year, from the first satellite to the "
                     "Moon.", width // 2, height // 10 + theme.px(122), theme.body, "text", align="centre",
                     max_width=width - 4 * theme.pad)
        self.column.draw(painter, self, width // 2, height // 10 + theme.px(170), theme.px(360))
        painter.text("F1 keys and help", width // 2, height - theme.px(30), theme.small, "dim", align="centre")
