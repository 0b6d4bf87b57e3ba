"""Watch (attract mode): AI against AI in the window, a year at a time, for a spectator.

Each year the watcher lets both AIs play, then shows the year's flights, the year-end report, the race
board and the charts, each for a while (or, with --screenshots, saves a PNG of each screen as soon as it is
drawn and moves on, so a headless run ends quickly). Esc stops watching; Space moves on at once.
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
        self.queue: list[Callable[[], Scene]] = []
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

    def _next_year(self) -> None:
        play = self.app.play
        assert play is not None
        if play.state.over or (self.options.years is not None and self.years >= self.options.years):
            self._end()
            return
        self.year_shown = play.state.year
        outcomes = play.session.play_ai(whole_game=False)
        play.told(outcomes)
        play.take_recent()
        self.years += 1
        self.queue = self._scenes_for(outcomes)

    def _scenes_for(self, outcomes: list[Outcome]) -> list[Callable[[], Scene]]:
        from .flight import FlightScene
        from .frame import tab_scene
        from .year_end import YearEndScene

        app = self.app
        flights = [outcome for outcome in outcomes if isinstance(outcome, MissionFlew)]
        steps: list[Callable[[], Scene]] = []
        if flights:
            steps.append(lambda: FlightScene(app, flights[:FLIGHTS_SHOWN], outcomes))
        steps.append(lambda: YearEndScene(app, outcomes))
        steps.append(lambda: tab_scene(app, "race"))
        steps.append(lambda: tab_scene(app, "charts"))
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
        if not self.queue:
            self._next_year()
        if self.queue and not self.finished:
            scene = self.queue.pop(0)()
            self.app.reset(scene)
            self._showing(scene)

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
            if self.current.animating:
                self.current.handle(Key("space"))  # straight to the result of the flight: one shot per flight
                moment = getattr(self.current, "moment", None)
                if moment is not None and moment.phase != "result" and self.current.animating:
                    self.current.handle(Key("space"))  # that was the next flight's countdown: on to its result
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
