"""The frame every in-game screen shares: the status strip, the tabs, the news feed and the command line.

A tab scene draws only its body (`draw_body`) and names its body widgets; the frame adds the tabs, the
End-year button and the command line after them in the focus order. Printable keys always go to the command
line, so the game reads like a text adventure; Tab, the arrows and Enter drive the controls.
"""

from __future__ import annotations

import importlib
from functools import partial
from typing import TYPE_CHECKING

import pygame

from game.app import views
from game.app.year_end_check import CRITICAL_SUPPORT
from game.engine.defs import rival_of

from ..document import Document
from ..intents import Key, Text
from ..painter import Painter
from ..scene import Scene
from ..widgets import Button, CommandLine, ListView, Widget
from .log_panel import LogPanel

if TYPE_CHECKING:
    from game.app.attention import Place

    from ..app import WindowApp

# (key, label, scene name, module.Class); a key "ctrl+d" is that letter with Ctrl
TABS: tuple[tuple[str, str, str, str], ...] = (
    ("f2", "HQ", "hq", "hq.HQScene"),
    ("f3", "Budget", "budget", "budget.BudgetScene"),
    ("f4", "Programs", "programs", "programs.ProgramsScene"),
    ("f6", "Crew", "crew", "crew.CrewScene"),
    ("f7", "Missions", "missions", "planner.PlannerScene"),
    ("f8", "Race", "race", "race.RaceScene"),
    ("f9", "Charts", "charts", "charts.ChartsScene"),
    ("f10", "Almanac", "almanac", "almanac.AlmanacScene"),
    ("ctrl+d", "Ledger", "ledger", "ledger.LedgerScene"),
)
# typed commands that also open a screen
COMMAND_TABS = {"status": "hq", "s": "hq", "st": "hq", "budget": "budget", "money": "budget", "programs": "programs",
                "p": "programs", "prog": "programs", "crew": "crew", "c": "crew", "missions": "missions", "m": "missions",
                "race": "race", "milestones": "race", "board": "race", "ledger": "ledger", "promises": "ledger",
                "people": "ledger"}


def key_label(key: str) -> str:
    """How a tab's key is written on it and in the help: "F2", "Ctrl+D"."""
    return "+".join(part.capitalize() if len(part) > 2 else part.upper() for part in key.split("+"))


def tab_key_pressed(key: Key, tab_key: str) -> bool:
    if tab_key.startswith("ctrl+"):
        return key.ctrl and not key.alt and key.name == tab_key[5:]
    return key.name == tab_key


class TabButton(Button):
    """A tab: its name, then its key in a quieter colour ("Crew F6"), so every tab fits on one row."""

    def text(self) -> str:
        return f"{self.label} {self.hint}" if self.hint else self.label

    def draw(self, painter: Painter, focused: bool, size: int | None = None, selected: bool = False) -> None:
        size = size or painter.theme.body
        theme = painter.theme
        lit = focused or selected or self.hovered
        painter.rect(self.rect, "panel_hi" if lit else "panel", radius=theme.px(4), label=self.label)
        border = "focus" if focused else "accent" if selected else "grid"
        painter.rect(self.rect, border, width=max(1, theme.px(2 if focused else 1)), radius=theme.px(4))
        x = self.rect.centerx - painter.fonts.width(self.text(), "bold", size) // 2
        y = self.rect.y + theme.pad // 2
        area = painter.text(self.label, x, y, size, "focus" if focused else "text", "bold")
        if self.hint:
            painter.text(f" {self.hint}", area.right, y, size, "focus" if focused else "accent" if selected else "dim",
                         "bold")


def tab_scene(app: "WindowApp", name: str) -> Scene:
    for _, _, scene_name, target in TABS:
        if scene_name == name:
            module_name, class_name = target.split(".")
            module = importlib.import_module(f"{__package__}.{module_name}")
            scene: Scene = getattr(module, class_name)(app)
            return scene
    raise KeyError(name)


class GameScene(Scene):
    """An in-game screen inside the shared frame."""

    keys: tuple[tuple[str, str], ...] = (("F2–F10", "switch screens (see the tabs)"),
            ("Ctrl+D", "the ledger: promises, what is coming, people"),
            ("Tab / Shift+Tab", "move between controls"),
            ("Enter", "use the focused control, or run the typed command"), ("Ctrl+E", "end the year"),
            ("Ctrl+S", "save the game"), ("Ctrl+L", "load a game"),
            ("Esc", "back to the HQ; on the HQ, the menu"), ("Esc after the race", "back to the result"),
            ("Page Up/Down", "scroll the log"), ("Ctrl+J", "hide or show the log (its button too)"),
            ("Ctrl+Up / Ctrl+Down", "a taller or shorter log (or drag its top edge)"), ("Up / Down at the prompt", "earlier commands"),
            ("Tab at the prompt", "complete a command or name"))

    def __init__(self, app: "WindowApp") -> None:
        super().__init__(app)
        self.tabs = [TabButton(label, partial(app.show_tab, name), hint=key_label(key))
                     for key, label, name, _ in TABS]
        self.end_button = Button("End year", self.end_or_result, hint="Ctrl+E")
        self.menu_button = Button("Menu", self.open_menu, hint=self.menu_key() if app.play else "Esc")
        self.result_button = Button("Back to the result", self.back_to_result, hint="Esc")
        self.prompt = CommandLine(self.command, self.complete, self.prompt_text, app.play.history if app.play else None)
        self.log = LogPanel(self)
        self.body = pygame.Rect(0, 0, 0, 0)
        self._version = -1
        self.focus = len(self.body_widgets())  # start on the first tab

    # -- what a tab scene provides -------------------------------------------------------------------

    def body_widgets(self) -> list[Widget]:
        return []

    def draw_body(self, painter: Painter, rect: pygame.Rect) -> None:  # pragma: no cover - each tab draws
        raise NotImplementedError

    def refresh(self) -> None:
        """Rebuild view-models; called before drawing when the game changed since the last draw."""

    # -- frame --------------------------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        return [*self.body_widgets(), *self.tabs, self.end_button, self.menu_button, self.log.button, self.prompt]

    def command(self, line: str) -> None:
        """A typed command: the feed scrolls back to its foot so the answer shows, then the command runs."""
        self.feed_scroll = 0
        self.app.command(line)

    def prompt_text(self) -> str:
        return self.play.console.prompt()

    def complete(self, text: str) -> list[str]:
        from game.app.commands.completion import complete

        return complete(text, self.play)

    def end_or_result(self) -> None:
        """End the year; once the race is over, the same button shows the result again."""
        if self.app.play is not None and self.app.play.game_over:
            self.back_to_result()
        else:
            self.app.ask_end_year()

    def back_to_result(self) -> None:
        from .game_over import GameOverScene

        self.app.reset(GameOverScene(self.app))

    def result_widgets(self) -> list[Widget]:
        """The "Back to the result" button, for the screens a finished race leads to (race, charts, almanac)."""
        return [self.result_button] if self.app.play is not None and self.app.play.game_over else []

    def go(self, place: "Place") -> None:
        """Follow a link (from the HQ, a warning, a plan): the screen where the thing is fixed, with it selected."""
        if place.screen == "decision":
            from .event_card import EventCardScene

            self.app.push(EventCardScene(self.app, place.id))
            return
        self.app.show_tab(place.screen)
        target = self.app.top
        if place.screen == "programs" and place.id and hasattr(target, "select"):
            target.select(place.id)
        elif place.screen == "missions" and hasattr(target, "show_mission"):
            target.show_mission(place.id, place.number)

    def open_menu(self) -> None:
        from .menu import MenuScene

        self.app.push(MenuScene(self.app))

    def on_key(self, key: Key) -> bool:
        for tab_key, _, name, _ in TABS:
            if tab_key_pressed(key, tab_key):
                self.app.show_tab(name)
                return True
        if key.ctrl and key.name == "e":
            self.end_or_result()
            return True
        if key.ctrl and key.name == "s":
            from .saves import SavesScene

            self.app.push(SavesScene(self.app, "save"))
            return True
        if key.ctrl and key.name == "l":
            from .saves import SavesScene

            self.app.push(SavesScene(self.app, "load"))
            return True
        if key.name in ("page up", "page down") and not isinstance(self.focused(), (ListView, Document)):
            self.log.page(key.name == "page up")
            return True
        if self.log.on_key(key):
            return True
        if key.name == "escape":
            if self.focused() is self.prompt and self.prompt.text:
                return False
            if self.play.game_over:
                self.back_to_result()
            elif self.name != "hq":
                self.app.show_tab("hq")
            else:
                self.open_menu()
            return True
        return False

    def on_unhandled(self, intent: Key | Text) -> bool:
        if isinstance(intent, Text):  # typing anywhere goes to the command line
            self.focus_on(self.prompt)
            return self.prompt.handle(intent)
        return False

    def handle(self, intent) -> bool:  # noqa: ANN001
        if self.log.handle(intent):
            return True
        return super().handle(intent)

    @property
    def feed_rect(self) -> pygame.Rect:
        return self.log.rect

    @property
    def feed_scroll(self) -> int:
        return self.log.scroll

    @feed_scroll.setter
    def feed_scroll(self, lines: int) -> None:
        self.log.scroll = lines

    @property
    def dragging(self) -> bool:
        """A drag of the log's top edge is under way (the app sends it the mouse's moves)."""
        return self.log.dragging

    @property
    def grip_rect(self) -> pygame.Rect:
        return self.log.grip_rect

    def draw(self, painter: Painter) -> None:
        if self._version != self.play.version:
            first = self._version < 0
            focused = self.focused()
            self._version = self.play.version
            self.refresh()
            if not first and focused is not None:
                self.focus_on(focused)  # rows coming or going must not move the focus off the control that has it
        theme = painter.theme
        width, height = painter.surface.get_size()
        pad = theme.pad
        top = self._draw_status(painter, width)
        # tabs, then End year and Menu on the right, on one row: when room is short the buttons' inner room and
        # the End year and Menu keys go first, then the tabs' keys (F1 lists them all); only then a second row
        x = pad
        tab_h = painter.fonts.line_height("bold", theme.small) + pad
        self.end_button.label = "Result" if self.play.game_over else "End year"
        self.end_button.enabled = not self.play.spectator or self.play.game_over
        focused = self.focused()
        compact = 0
        for compact in range(3):
            self._compact_tabs(compact)
            inner = 2 * pad if compact == 0 else pad
            need = sum(painter.fonts.width(tab.text(), "bold", theme.small) + inner + pad // 2 for tab in self.tabs)
            need += sum(painter.fonts.width(button.text(), "bold", theme.small) + inner
                        for button in (self.end_button, self.menu_button)) + 2 * pad
            if need <= width:
                break
        inner = 2 * pad if compact == 0 else pad
        for tab in self.tabs:
            w = painter.fonts.width(tab.text(), "bold", theme.small) + inner
            tab.rect = pygame.Rect(x, top, w, tab_h)
            tab.draw(painter, focused is tab, theme.small, selected=tab.label.lower() == self.title.lower())
            x += w + pad // 2
        for button in (self.menu_button, self.end_button):
            w = painter.fonts.width(button.text(), "bold", theme.small) + inner
            button.rect = pygame.Rect(width - pad - w if button is self.menu_button else self.menu_button.rect.x - pad // 2 - w,
                                      top, w, tab_h)
        for button in (self.end_button, self.menu_button):
            if button.rect.x < x:  # a narrow window: they go below the tabs
                button.rect.y += tab_h + pad // 2
            button.draw(painter, self.focused() is button, theme.small)
        body_top = max(top + tab_h, self.end_button.rect.bottom) + pad
        # the command line and the feed at the foot
        prompt_h = painter.fonts.line_height("mono", theme.body) + pad
        self.prompt.rect = pygame.Rect(pad, height - pad - prompt_h, width - 2 * pad, prompt_h)
        feed = self.log.layout(painter, width, self.prompt.rect.y, body_top)
        self.body = pygame.Rect(pad, body_top, width - 2 * pad, feed.y - pad - body_top)
        self.draw_body(painter, self.body)
        self.log.draw(painter, self.focused() is self.log.button)
        self.prompt.draw(painter, self.focused() is self.prompt)

    def _compact_tabs(self, level: int) -> None:
        """0: every key shown; 1: End year and Menu without their keys; 2: the tabs without theirs too."""
        for (key, _, _, _), tab in zip(TABS, self.tabs):
            tab.hint = key_label(key) if level < 2 else ""
        self.end_button.hint = "Ctrl+E" if level < 1 else ""
        self.menu_button.hint = self.menu_key() if level < 1 else ""

    def menu_key(self) -> str:
        """What opens the menu from this screen, as Esc does it: on the HQ one Esc, on another screen two (the first
        goes back to the HQ); after the race Esc goes to the result (its own button says so), so no key is shown."""
        if self.play.game_over:
            return ""
        return "Esc" if self.name == "hq" else "Esc twice"

    def _draw_status(self, painter: Painter, width: int) -> int:
        """Year, scenario, both sides' prestige, then funds, support, launches and decisions on the right; the
        scenario's name gives way first when room is short, then the right-hand figures shrink."""
        theme = painter.theme
        pad = theme.pad
        fonts = painter.fonts
        view = views.status(self.play.state, self.play.content, self.play.side)
        height = fonts.line_height("bold", theme.large) + pad
        top = pad // 2 + theme.px(4)
        painter.rect((0, 0, width, height), "panel")
        painter.line((0, height), (width, height), "grid")
        rival = rival_of(self.play.side)
        labels = []
        for side, prestige in ((self.play.side, view.prestige), (rival, view.rival_prestige)):
            you = " (you)" if side == self.play.side and not self.play.spectator else ""
            labels.append((side, f"{side.upper()}{you} {prestige}"))
        labels_w = sum(fonts.line_height("bold", theme.body) + fonts.width(text, "bold", theme.body) + 2 * pad
                       for _, text in labels)
        available = views.budget(self.play.state, self.play.content, self.play.side)[1]
        support_colour, support_text = support_signal(self.play.state, self.play.side)
        segments = [(f"Unspent ${view.funds}M of ${available}M   ", "text"), (support_text, support_colour),
                    (f"   Launches {view.launches_booked}/{view.launch_capacity}", "text")]
        if view.pending:
            segments.append((f"   Decisions waiting: {len(view.pending)}", "warn"))
        right = "".join(text for text, _ in segments)
        year = painter.text(str(view.year), pad, pad // 2, theme.large, "title", "mono_bold")
        size = theme.body
        right_w = fonts.width(right, "sans", size)
        free = width - year.right - 2 * pad - labels_w - right_w - 2 * pad
        if free < theme.px(120):
            size = theme.small
            right_w = fonts.width(right, "sans", size)
            free = width - year.right - 2 * pad - labels_w - right_w - 2 * pad
        scenario = self.play.content.scenarios[self.play.state.scenario].name
        x = year.right + pad
        if free > theme.px(60):
            x = painter.text(scenario, x, top, theme.body, "dim", max_width=free).right + pad
        x += pad
        for side, text in labels:
            x = painter.side_label(side, x, top, theme.body, text).right + 2 * pad
        room = max(50, width - x - pad)
        if fonts.width(right, "sans", size) > room:  # too narrow for the parts: one line, cut to fit
            painter.text(right, width - pad, top, size, support_colour if support_colour != "text" else "text",
                         align="right", max_width=room)
        else:  # each part in its own colour: support turns amber, then red, as it nears collapse
            x = width - pad - fonts.width(right, "sans", size)
            for text, colour in segments:
                x = painter.text(text, x, top, size, colour).right
        return height + pad // 2


LOW_SUPPORT = 30  # amber from here; red from year_end_check.CRITICAL_SUPPORT, where ending a year asks first


def support_signal(state, side: str) -> tuple[str, str]:  # noqa: ANN001 - GameState
    """The top bar's support figure and its colour; when low, with last year's change and what it means."""
    own = state.sides[side]
    text = f"Support {own.support}/100"
    history = own.history
    change = history[-1]["support"] - (history[-2]["support"] if len(history) > 1 else 50) if history else 0
    if own.support > LOW_SUPPORT:
        return "text", text
    trend = f", {change:+d} last year" if change else ""
    warning = "collapse at 0" if own.support <= CRITICAL_SUPPORT else "low"
    return ("bad" if own.support <= CRITICAL_SUPPORT else "warn"), f"{text} ({warning}{trend})"
