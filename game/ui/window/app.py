"""The window application: the display, the scene stack, and the loop that redraws only on change (the game-flow
glue the scenes call, new game, load, end of year and the Ctrl+R reload, is in flow.py).

The loop sleeps in `pygame.event.wait` while nothing moves, so an idle window costs almost no CPU; it ticks
at 30 frames a second only while a scene animates or a notice is showing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

import pygame

from game.app.narrate import Line
from game.app.commands.year import SURE
from game.engine.orders import OrderRefused
from game.engine.outcomes import MissionFlew, Outcome, YearReport
from game.record.save import resolve_save_path, write_text_atomically

from . import intents
from .disk import DiskWorker
from .fonts import FontBook
from .intents import Intent, Key, Quit, Resize
from .painter import Painter
from .flow import GameFlow
from .play import Play
from .scene import Scene
from game.app.settings import Settings, load_settings
from .theme import make_theme

WAKE = pygame.event.custom_type()
RELOAD_MOVED = "F5 does nothing: for modders, Ctrl+R reads the content and mods again."
FRAME_MS = 33
NOTICE_MS = 4500


@dataclass
class WatchOptions:
    scenario: str = "full_campaign"
    seed: int = 1
    years: int | None = None  # None: to the end of the scenario
    screenshots: Path | None = None


@dataclass
class WindowOptions:
    saves_dir: Path = Path("saves")
    settings_path: Path | None = None
    loader: Callable[[], Any] | None = None  # → game.content.loader.LoadResult (base content and mods)
    scenario: str | None = None
    side: str | None = None
    seed: int | None = None
    difficulty: str = "normal"
    rival: str = "strategic"  # the AI rival's policy for a new game (play --rival)
    load: str | None = None
    watch: WatchOptions | None = None
    size: tuple[int, int] | None = None  # overrides the settings' window size (tests)
    start_game: bool = False  # straight into a new game (scenario, side or seed given), not the title
    mods_dir: Path | None = None  # the folder of mods the loader reads (for the Mods screen)


class WindowApp(GameFlow):
    def __init__(self, options: WindowOptions, content: Any) -> None:
        self.options = options
        self.content = content  # the loaded base game and mods (a game in progress may hold newer content)
        self.settings_path = options.settings_path
        self.settings, warning = load_settings(options.settings_path) if options.settings_path else (Settings(), "")
        self.stack: list[Scene] = []
        self.play: Play | None = None
        self.watcher: Any = None  # scenes.watch.Watcher when spectating
        self.notice: tuple[str, str] | None = (warning, "warn") if warning else None
        self.notice_left = NOTICE_MS if warning else 0
        self.running = True
        self.keys_down: set[int] = set()  # keys held now (a key the platform repeats reads as a repeat)
        self.exit_code = 0
        self.dirty = True
        self.frames = 0  # frames drawn (the idle-CPU benchmark reads it)
        self.shots: list[Path] = []
        self.screen: pygame.Surface | None = None
        self.painter: Painter | None = None

    # -- the display --------------------------------------------------------------------------------

    def start(self) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Space Race 1955–1975")
        self.fonts = FontBook()
        from .sound import Sounds

        self.sound = Sounds(self.settings.sound)
        self.disk = DiskWorker(lambda: pygame.event.post(pygame.event.Event(WAKE)))
        self._open_display()
        pygame.key.set_repeat(400, 35)
        pygame.key.start_text_input()
        from .scenes.title import TitleScene

        self.reset(TitleScene(self))
        if self.options.watch is not None:
            from .scenes.watch import Watcher

            self.watcher = Watcher(self, self.options.watch)
            self.watcher.begin()
        elif self.options.load:
            self.load_game(resolve_save_path(self.options.load, self.options.saves_dir))
        elif self.options.start_game:
            self.new_game(self.options.scenario or "full_campaign", self.options.side, self.options.seed,
                          self.options.difficulty, self.options.rival)

    def _open_display(self) -> None:
        size = self.options.size or (self.settings.width, self.settings.height)
        flags = pygame.RESIZABLE
        if self.settings.fullscreen and self.options.size is None:
            flags |= pygame.FULLSCREEN
            size = (0, 0)
        self.screen = pygame.display.set_mode(size, flags)
        self._retheme()

    def _retheme(self) -> None:
        assert self.screen is not None
        self.theme = make_theme(self.settings.palette, self.screen.get_size(), self.settings.scale)
        self.painter = Painter(self.screen, self.theme, self.fonts)
        self.dirty = True

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings at once and keep them for next time (written on the disk worker)."""
        settings = settings.checked()
        reopen = (settings.fullscreen != self.settings.fullscreen or
                  (settings.width, settings.height) != (self.settings.width, self.settings.height))
        self.settings = settings
        self.sound.set_enabled(settings.sound)
        if reopen and self.options.size is None:
            self._open_display()
        self._retheme()
        if self.settings_path is not None:
            self.write(self.settings_path, settings.to_json(), "")

    # -- the scene stack ----------------------------------------------------------------------------

    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def push(self, scene: Scene) -> None:
        self.stack.append(scene)
        scene.enter()
        self.dirty = True

    def pop(self, scene: Scene | None = None) -> None:
        """Close the top scene (or the given one, wherever it is); the one below becomes active again."""
        if scene is not None and scene in self.stack:
            self.stack.remove(scene)
        elif len(self.stack) > 1:
            self.stack.pop()
        self.dirty = True
        if not self.stack:  # never an empty window: back to the game, or to the title
            if self.play is not None:
                self.show_tab("hq")
            else:
                from .scenes.title import TitleScene

                self.push(TitleScene(self))
            return
        self.top.enter()

    def replace(self, scene: Scene) -> None:
        if self.stack:
            self.stack.pop()
        self.push(scene)

    def reset(self, scene: Scene) -> None:
        self.stack = []
        self.push(scene)

    def show_tab(self, name: str) -> None:
        """Switch the in-game screen (HQ, budget, programs …), closing anything open above it."""
        from .scenes.frame import tab_scene

        if self.play is None:
            return
        self.reset(tab_scene(self, name))

    # -- messages -----------------------------------------------------------------------------------

    def say(self, text: str, tag: str = "info") -> None:
        """A short notice on screen, also kept in the game's feed."""
        self.notice = (text, tag)
        self.notice_left = NOTICE_MS
        if self.play is not None:
            self.play.feed_line(Line(tag, text))
        self.dirty = True

    def write(self, path: Path, text: str, done_message: str) -> None:
        """Write a file on the disk worker; a notice when done (or when it fails)."""

        def done(_: Any, error: BaseException | None) -> None:
            if error is not None:
                reason = getattr(error, "strerror", None) or str(error)
                self.say(f"Could not write {path}: {reason}", "bad")
            elif done_message:
                self.say(done_message, "good")

        self.disk.run(lambda: write_text_atomically(path, text), done)

    # -- the game -----------------------------------------------------------------------------------

    def submit(self, order: Any) -> list[Outcome] | None:
        """Send an order from a button; a refusal becomes a notice. The outcomes, or None when refused."""
        if self.play is None:
            return None
        try:
            outcomes = self.play.submit(order)
        except OrderRefused as error:
            self.say(f"Refused: {error}.", "bad")
            return None
        self.dirty = True
        if self.play.game_over:
            self.present(self.play.take_recent())
        return outcomes

    def command(self, line: str) -> None:
        """A line typed at the command line. The shared interpreter runs it, except the commands the window does
        its own way: end (the launches and the report are shown), quit, reload and save (on the disk worker)."""
        from game.app.commands.interpreter import COMMANDS_BY_NAME

        from .scenes.frame import COMMAND_TABS

        if self.play is None:
            return
        words = line.split()
        word = words[0].lower() if words else ""
        command = COMMANDS_BY_NAME.get(word)
        name = command.name if command else word
        if name in ("end", "quit", "reload", "save"):
            self.play.feed_line(Line("prompt", f"{self.play.console.prompt()}{line}"))
            if name == "end":  # asks as the End year button does; 'end yes' does not ask
                self.end_year() if words[1:2] and words[1].lower() in SURE \
                    else self.ask_end_year()
            elif name == "quit":
                self.quit_to_title()
            elif name == "reload":
                self.reload_content()
            else:
                self.save_command(words[1:])
            return
        over = self.play.game_over
        self.play.command(line)
        if word in COMMAND_TABS and len(words) <= 2 and not self.play.game_over:
            self.show_tab(COMMAND_TABS[word])
            prompt = getattr(self.top, "prompt", None)
            if prompt is not None:
                self.top.focus_on(prompt)  # keep typing where you were
        recent = self.play.recent
        if (self.play.game_over and not over) or any(isinstance(outcome, (YearReport, MissionFlew)) for outcome in recent):
            self.present(self.play.take_recent())
        self.dirty = True

    def save_command(self, names: list[str]) -> None:
        from game.record.save import valid_save_name

        if self.play is None:
            return
        if len(names) != 1:
            self.say("Usage: save NAME (one name, e.g. save moonshot).", "bad")
            return
        name = names[0][:-5] if names[0].lower().endswith(".json") else names[0]
        problem = valid_save_name(name)
        if problem:
            self.say(problem[:1].upper() + problem[1:] + ".", "bad")
        else:
            self.save_game(name)

    def save_game(self, name: str) -> Path | None:
        """Save the game under a name (written on the disk worker); a spectator has no game of their own to save."""
        if self.play is None:
            return None
        if self.play.spectator:
            self.say("You are watching: there is no game of yours to save.", "warn")
            return None
        return self.play.save(name)

    def quit_to_title(self) -> None:
        from .scenes.title import TitleScene

        if self.play is not None:
            self.play.keep_before_leaving()
        self.play = None
        self.watcher = None
        self.reset(TitleScene(self))

    def quit(self) -> None:
        if self.play is not None:
            self.play.keep_before_leaving()
        self.running = False

    # -- the loop -----------------------------------------------------------------------------------

    @property
    def animating(self) -> bool:
        return self.notice_left > 0 or any(scene.animating for scene in self.stack) or bool(
            self.watcher and self.watcher.busy)

    def run(self) -> int:
        try:
            self.loop()
        finally:
            self.close()
        return self.exit_code

    def loop(self) -> None:
        clock = pygame.time.Clock()
        while self.running:
            if self.animating:
                elapsed = clock.tick(1000 // FRAME_MS)
                events = pygame.event.get()
            else:
                first = pygame.event.wait(1000)  # idle: sleep until something happens
                events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
                elapsed = clock.tick()
            self.step(events, elapsed)

    def step(self, events: list[pygame.event.Event], elapsed: int = FRAME_MS) -> None:
        """One pass of the loop: input, disk results, animation, and a redraw if anything changed."""
        for intent in intents.read(events, self.keys_down):
            self.dispatch(intent)
        if self.disk.finished():
            self.dirty = True
        self.tick(elapsed)
        if self.dirty and self.running:
            self.render()
            pygame.display.flip()

    def tick(self, elapsed: int) -> None:
        if self.notice_left > 0:
            self.notice_left -= elapsed
            if self.notice_left <= 0:
                self.notice = None
                self.dirty = True
        for scene in list(self.stack):
            if scene.animating and scene.update(elapsed):
                self.dirty = True
        if self.watcher is not None:
            self.watcher.tick(elapsed)

    def dispatch(self, intent: Intent) -> None:
        if isinstance(intent, Quit):
            self.quit()
            return
        if isinstance(intent, Resize):
            self.screen = pygame.display.get_surface()
            if self.screen is not None:
                self._retheme()
                size = self.screen.get_size()
                if not self.settings.fullscreen and self.options.size is None and size != (
                        self.settings.width, self.settings.height):
                    self.apply_settings(replace(self.settings, width=size[0], height=size[1]))  # kept for next time
            return
        if isinstance(intent, (intents.Motion, intents.Release)):
            redraw = False
            if isinstance(intent, intents.Motion):
                self.hover(intent.x, intent.y)
                redraw = bool(self.stack) and self.top.on_motion(intent)  # a chart's value under the pointer
            if self.stack and getattr(self.top, "dragging", False):  # a drag (the log's top edge) follows the mouse
                self.top.handle(intent)
                redraw = True
            if redraw:
                self.dirty = True
            return
        self.dirty = True
        if isinstance(intent, Key) and self.global_key(intent):
            return
        if self.watcher is not None and not self.watcher.finished and not self.top.name == "help":
            self.watcher.input(intent)
            return
        if isinstance(intent, intents.Text) and self._swallow_text:
            self._swallow_text = False
            if len(intent.text) == 1:
                return  # the character of a key a control just used (Space on a button, 1 in Charts…)
        self._swallow_text = False
        if self.stack:
            handled = self.top.handle(intent)
            if handled and isinstance(intent, Key) and not intent.ctrl and (len(intent.name) == 1 or intent.name == "space"):
                self._swallow_text = True

    _swallow_text = False

    def hover(self, x: int, y: int) -> None:
        """Light up the control under the pointer (and show a hand over it); redraw only when that changes."""
        under = None
        if self.stack:
            for widget in self.top.widgets():
                if widget.visible and widget.rect.collidepoint(x, y):
                    under = widget
                    break
        grip = getattr(self.top, "grip_rect", None) if self.stack else None
        on_grip = under is None and grip is not None and grip.collidepoint(x, y)
        if under is self._hovered and on_grip == self._on_grip:
            return
        self._on_grip = on_grip
        if self._hovered is not None:
            self._hovered.hovered = False
        self._hovered = under
        if under is not None:
            under.hovered = True
        cursor = pygame.SYSTEM_CURSOR_HAND if under is not None else pygame.SYSTEM_CURSOR_ARROW
        if on_grip:
            cursor = pygame.SYSTEM_CURSOR_SIZENS  # the log's top edge: drag to resize
        try:
            pygame.mouse.set_cursor(cursor)
        except pygame.error:
            pass  # no cursors here (headless)
        self.dirty = True

    _hovered: Any = None
    _on_grip = False

    def global_key(self, key: Key) -> bool:
        from .scenes.help import HelpOverlay

        if key.name == "f1" or (key.name == "/" and key.shift):
            if isinstance(self.top, HelpOverlay):
                self.pop()
            else:
                self.push(HelpOverlay(self))
            return True
        if key.ctrl and key.name == "r":  # a modder's action, off the F-keys a slip from F4 or F6 would reach
            self.reload_content()
            return True
        if key.name == "f5":  # it reloaded once: say where that went rather than do it
            self.say(RELOAD_MOVED, "info")
            return True
        if key.name == "f11":
            self.apply_settings(replace(self.settings, fullscreen=not self.settings.fullscreen))
            return True
        if key.name == "f12":
            self.screenshot()
            return True
        if key.ctrl and key.name == "q":
            self.quit()
            return True
        return False

    def render(self) -> Painter:
        """Draw every scene from the last opaque one up; returns the painter (its transcript is this frame's)."""
        assert self.painter is not None and self.screen is not None
        self.painter.transcript = []
        self.painter.fill("background")
        first = max((index for index, scene in enumerate(self.stack) if scene.opaque), default=0)
        shown = self.stack[first:]
        for index, scene in enumerate(shown):
            if scene.modal_card and any(above.modal_card for above in shown[index + 1:]):
                continue  # cards queue: only the top one shows, never one over another's text
            scene.draw(self.painter)
        self._draw_notice()
        self.dirty = False
        self.frames += 1
        if self.watcher is not None:
            self.watcher.drawn()
        return self.painter

    def _draw_notice(self) -> None:
        if not self.notice:
            return
        assert self.painter is not None and self.screen is not None
        text, tag = self.notice
        theme = self.theme
        width = min(self.screen.get_width() * 2 // 3, self.fonts.width(text, "bold", theme.body) + 4 * theme.pad)
        lines = self.fonts.wrap(text, "bold", theme.body, width - 4 * theme.pad)[:4]
        height = self.fonts.line_height("bold", theme.body) * len(lines) + theme.pad
        bottom = self.screen.get_height() - 2 * theme.pad - self.fonts.line_height("mono", theme.body) - theme.pad // 2
        rect = pygame.Rect(self.screen.get_width() - width - 2 * theme.pad, bottom - height, width, height)
        self.painter.rect(rect, "console", radius=theme.px(4))
        self.painter.rect(rect, tag if tag in ("good", "bad", "warn") else "accent", width=theme.px(2), radius=theme.px(4))
        for index, line in enumerate(lines):
            self.painter.text(line, rect.x + 2 * theme.pad, rect.y + theme.pad // 2 + index * self.fonts.line_height(
                "bold", theme.body), theme.body, "text", "bold", max_width=rect.width - 4 * theme.pad)

    def screenshot(self, path: Path | None = None) -> Path | None:
        """Save the screen as a PNG now (watch --screenshots, tests); with no path (F12), a copy of the screen is
        written into saves/screenshots by the disk worker."""
        if self.screen is None:
            return None
        if path is not None:
            pygame.image.save(self.screen, str(path))
            self.shots.append(path)
            return path
        picture = self.screen.copy()
        folder = self.options.saves_dir / "screenshots"

        def job() -> Path:
            folder.mkdir(parents=True, exist_ok=True)
            numbers = [int(path.stem[7:]) for path in folder.glob("screen-*.png") if path.stem[7:].isdigit()]
            target = folder / f"screen-{max(numbers, default=0) + 1:03d}.png"
            pygame.image.save(picture, str(target))
            return target

        def done(target: Path | None, error: BaseException | None) -> None:
            if error is not None or target is None:
                self.say(f"The screenshot could not be saved: {error}", "bad")
            else:
                self.shots.append(target)
                self.say(f"Screenshot saved: {target}", "good")

        self.disk.run(job, done)
        return None

    def close(self) -> None:
        try:
            self.disk.stop()
        finally:
            if pygame.mixer.get_init():
                pygame.mixer.quit()
            pygame.display.quit()
