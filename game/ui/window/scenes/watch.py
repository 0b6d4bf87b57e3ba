"""Watch (attract mode): AI against AI in the window, a year at a time, for a spectator.

Each year the watcher shows the race board and the charts as the year begins, lets both AIs play, then shows
the year's flights and its year-end report, each for a while. With --screenshots it saves a PNG of each screen
once it shows what it is for, and moves on, so a headless run ends quickly: each flight is shot with its result
on screen (never its countdown), and every shot is named by the year it shows, the year-end report being the
last of its year. Esc stops watching; Space moves on at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from game.app.session import Session
from game.engine.outcomes import MissionFlew, Outcome

from ..intents import Key
from ..play import Play
from ..scene import Scene

if TYPE_CHECKING:
    from ..app import WatchOptions, WindowApp

DWELL_MS = {"flight": 0, "year_end": 4000, "race": 3500, "charts": 3000, "hq": 2500}
FLIGHTS_SHOWN = 3  # flights animated per year (the rest are in the report)


class Watcher:
    def __init__(self, app: "WindowApp", options: "WatchOptions") -> None:
        self.app = app
        self.options = options
        self.queue: list[Callable[[], Scene | None]] = []  # None: nothing to show (the year was played)
        self.current: Scene | None = None
        self.waited = 0
        self.years = 0
        self.shots = 0
        self.need_shot = False
        self.finished = False
        self.year_shown = 0  # the year whose screens are showing (the game has moved on to the next)

    @property
    def busy(self) -> bool:
        return not self.finished

    def begin(self) -> None:
        content = self.app.content
        scenario = self.options.scenario
        if scenario not in content.scenarios:
            self.app.say(f"There is no scenario {scenario!r}.", "bad")
            self.finished = True
            return
        session, outcomes = Session.new(content, scenario, self.options.seed, players=(), run_ai=False)
        play = Play(session, "usa", self.app.options.saves_dir, self.app.write, self.app.options.loader, spectator=True)
        play.told(outcomes)
        play.take_recent()
        self.app.play = play
        self.app.show_tab("hq")
        self._showing(self.app.top)
        self.queue = []

    # -- the sequence -------------------------------------------------------------------------------

    def _showing(self, scene: Scene) -> None:
        self.current = scene
        self.waited = 0
        self.need_shot = self.options.screenshots is not None
        if self.need_shot:
            _to_result(scene)  # a flight is shot with its result on screen, never at T-10

    def _next_year(self) -> None:
        """The year's screens: the race and the charts as it begins, then (played when reached) its flights and
        its year-end report, so the last screen of a year is that year's."""
        from .frame import tab_scene

        play = self.app.play
        assert play is not None
        if play.state.over or (self.options.years is not None and self.years >= self.options.years):
            self._end()
            return
        app = self.app
        self.year_shown = play.state.year
        self.queue = [lambda: tab_scene(app, "race"), lambda: tab_scene(app, "charts"), self._play_year]

    def _play_year(self) -> None:
        """Let both AIs play the year; its flights and its report join the queue."""
        play = self.app.play
        assert play is not None
        outcomes = play.session.play_ai(whole_game=False)
        play.told(outcomes)
        play.take_recent()
        self.years += 1
        self.queue = self._scenes_for(outcomes) + self.queue
        return None

    def _scenes_for(self, outcomes: list[Outcome]) -> list[Callable[[], Scene | None]]:
        from .flight import FlightScene
        from .year_end import YearEndScene

        app = self.app
        flights = [outcome for outcome in outcomes if isinstance(outcome, MissionFlew)]
        steps: list[Callable[[], Scene | None]] = []
        if flights:
            steps.append(lambda: FlightScene(app, flights[:FLIGHTS_SHOWN], outcomes))
        steps.append(lambda: YearEndScene(app, outcomes))
        return steps

    def _end(self) -> None:
        from .game_over import GameOverScene

        play = self.app.play
        if play is not None and play.state.over:
            self.app.reset(GameOverScene(self.app))
            self._showing(self.app.top)
            self.queue = []
            self.closing = True
        else:
            self.app.reset(self.app.top)
        self.finished = self.options.screenshots is None
        if self.options.screenshots is not None and not (play is not None and play.state.over):
            self.app.running = False

    closing = False

    def advance(self) -> None:
        """Move on to the next screen of the year, or to the next year."""
        if self.closing:
            if self.options.screenshots is not None:
                self.app.running = False
            self.finished = True
            return
        while not self.finished:
            if not self.queue:
                self._next_year()
                if not self.queue:
                    return
            scene = self.queue.pop(0)()
            if scene is not None:
                self.app.reset(scene)
                self._showing(scene)
                return

    # -- driven by the app ----------------------------------------------------------------------------

    def tick(self, elapsed: int) -> None:
        if self.finished or self.current is None:
            return
        if self.app.watcher is not self:
            self.finished = True  # the spectator left
            return
        if self.current not in self.app.stack:  # the screen closed itself (a flight scene at its end)
            self.advance()
            return
        if self.need_shot:
            return  # wait for the frame to be drawn and saved
        if self.options.screenshots is not None:
            if _next_result(self.current):  # the next flight of the year, at its result: one shot per flight
                self.app.dirty = True
                self.need_shot = True
                return
            self.advance()
            return
        if self.current.animating:
            return
        self.waited += elapsed
        if self.waited >= DWELL_MS.get(self.current.name, 2500):
            self.advance()

    def input(self, intent: object) -> None:
        """While watching: Esc stops (back to the title), Space or Enter moves on, F1 shows the keys."""
        from ..intents import Click, Quit

        if isinstance(intent, Quit):
            self.app.quit()
        elif isinstance(intent, Key) and intent.name == "escape":
            self.finished = True
            self.app.quit_to_title()
        elif isinstance(intent, Key) and intent.name in ("space", "return", "enter") or isinstance(intent, Click):
            self.advance()

    def drawn(self) -> None:
        """After each frame: with --screenshots, save this screen once."""
        if not self.need_shot or self.options.screenshots is None or self.current is None:
            return
        self.need_shot = False
        folder = self.options.screenshots
        folder.mkdir(parents=True, exist_ok=True)
        year = self.year_shown or (self.app.play.state.year if self.app.play else 0)
        self.shots += 1
        self.app.screenshot(folder / f"{self.shots:03d}-{year}-{self.current.name}.png")


def _to_result(scene: Scene) -> None:
    """A flight scene jumps to the result of the flight on screen (other screens are shot as they are)."""
    from .flight import FlightScene

    if isinstance(scene, FlightScene) and scene.stories and scene.moment.phase != "result":
        scene.advance()


def _next_result(scene: Scene) -> bool:
    """A flight scene moves to its next flight, at its result; False when it has none (or is no flight scene)."""
    from .flight import FlightScene

    if not isinstance(scene, FlightScene) or scene.index >= len(scene.stories) - 1:
        return False
    scene.browse(1)
    _to_result(scene)
    return True
