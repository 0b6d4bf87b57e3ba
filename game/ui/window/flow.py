"""The game-flow glue the scenes call, kept apart from the window's machinery: a new game (keeping the game it
replaces), a load, the end of a year (asking first when something would be lost) and what it brings on screen,
and the reload of the content (Ctrl+R). WindowApp mixes it in."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from game.app.narrate import Line, visible_flights
from game.app.session import Session, keep_previous_autosave
from game.engine.orders import OrderRefused
from game.engine.outcomes import EventFired, GameOver, Outcome, YearReport
from game.record.save import SaveError, SaveFile, game_id_for, read_save

from .play import Play

if TYPE_CHECKING:
    from .app import WindowApp
    from .scene import Scene


class GameFlow:
    """New game, load, end of year, reload: the steps of a game, on the window (mixed into WindowApp)."""

    if TYPE_CHECKING:  # what WindowApp provides
        content: Any
        options: Any
        play: Play | None
        stack: list[Scene]
        disk: Any
        notice: tuple[str, str] | None
        notice_left: int
        _reloading: bool

        def push(self, scene: Scene) -> None: ...
        def pop(self, scene: Scene | None = None) -> None: ...
        def reset(self, scene: Scene) -> None: ...
        def show_tab(self, name: str) -> None: ...
        def say(self, text: str, tag: str = "info") -> None: ...
        def write(self, path: Path, text: str, done_message: str) -> None: ...

    def new_game(self, scenario: str, side: str | None, seed: int | None, difficulty: str = "normal",
                 rival: str | None = None) -> None:
        content = self.content
        if scenario not in content.scenarios:
            self.say(f"There is no scenario {scenario!r}.", "bad")
            return
        side = side or content.scenarios[scenario].default_side
        seed = seed if seed is not None else secrets.randbelow(1_000_000)
        kwargs: dict[str, Any] = {"difficulty": difficulty} if difficulty != "normal" else {}
        game_id = game_id_for(scenario, seed, (side,), self.options.saves_dir)
        previous = keep_previous_autosave(self.options.saves_dir, game_id)  # the game this one replaces is kept
        session, outcomes = Session.new(content, scenario, seed, players=(side,),
                                        policy=rival or self.options.rival, game_id=game_id, **kwargs)
        self.begin(Play(session, side, self.options.saves_dir, self.write, self.options.loader), outcomes)
        if previous:
            self.say(previous.replace("space-race play --load ", "Load game (Ctrl+L) or --load "), "info")

    def begin(self, play: Play, outcomes: list[Outcome]) -> None:
        self.play = play
        play.told(outcomes)
        play.take_recent()
        self.show_tab("hq")
        self.present_briefing(outcomes)

    def load_game(self, path: Path) -> None:
        """Read a save on the disk worker; the game opens when it is read (or a notice says why not)."""
        content = self.content

        def job() -> SaveFile:
            return read_save(path, content)

        def done(save: SaveFile | None, error: BaseException | None) -> None:
            if error is not None or save is None:
                self.say(str(error) if isinstance(error, SaveError) else f"{path}: {error}", "bad")
                return
            session = Session.resume(content, save)
            side = session.players[0] if session.players else "usa"
            if self.play is not None:
                self.play.keep_before_leaving()  # the game being left is kept, if it changed since it was saved
            play = Play(session, side, self.options.saves_dir, self.write, self.options.loader,
                        spectator=not session.players)
            play.feed_line(Line("info", f"Resumed {path.name}: {content.scenarios[session.state.scenario].name}, "
                                        f"{session.state.year}."))
            if save.record.mods != content.mods:
                play.feed_line(Line("warn", f"This game was played with {', '.join(save.record.mods) or 'no mods'}; it "
                                            f"continues with {', '.join(content.mods) or 'no mods'}."))
            self.play = play
            if session.over:
                from .scenes.game_over import GameOverScene

                self.reset(GameOverScene(self))
            else:
                self.show_tab("hq")
                self.present_briefing([])

        self.disk.run(job, done)

    def ask_end_year(self) -> None:
        """The End year button and Ctrl+E: when ending now would lose money or decisions (and the settings ask
        for it), ask first; otherwise end the year."""
        from .scenes.confirm_end import ConfirmEndScene, warnings_for

        warnings = warnings_for(self)
        if warnings and self.play is not None and not self.play.game_over:
            self.push(ConfirmEndScene(self, warnings))
        else:
            self.end_year()

    def end_year(self) -> None:
        if self.play is None or self.play.game_over:
            return
        try:
            outcomes = self.play.end_year()
        except OrderRefused as error:
            self.say(f"Refused: {error}.", "bad")
            return
        self.present(self.play.take_recent() or outcomes)

    def present(self, outcomes: list[Outcome]) -> None:
        """After the year: each flight, the year-end report, then the new year's briefing (or the game over)."""
        from .scenes.flight import FlightScene
        from .scenes.game_over import GameOverScene
        from .scenes.year_end import YearEndScene

        assert self.play is not None
        flights = visible_flights(outcomes, None if self.play.spectator else self.play.side, self.play.content)
        reports = [outcome for outcome in outcomes if isinstance(outcome, YearReport)]
        over = self.play.game_over or any(isinstance(outcome, GameOver) for outcome in outcomes)
        queue: list[Scene] = []
        if flights:
            queue.append(FlightScene(cast("WindowApp", self), flights, outcomes))
        if reports:
            queue.append(YearEndScene(self, outcomes))
        if over:
            self.reset(GameOverScene(self))
            for scene in reversed(queue):
                self.push(scene)
            return
        self.show_tab("hq")
        self.present_briefing(outcomes, shown_first=False)
        for scene in reversed(queue):
            self.push(scene)

    def present_briefing(self, outcomes: list[Outcome], shown_first: bool = True) -> None:
        """Dilemmas waiting for the player open as cards over the HQ (news is in the HQ's feed)."""
        from .scenes.event_card import EventCardScene

        if self.play is None:
            return
        pending = [item.event for item in self.play.state.sides[self.play.side].pending]
        fired_news = [outcome for outcome in outcomes
                      if isinstance(outcome, EventFired) and outcome.side == self.play.side and not outcome.dilemma
                      and outcome.event in self.play.content.events]
        for event_id in reversed(pending):
            self.push(EventCardScene(self, event_id))
        for fired in reversed(fired_news[-3:]):
            if self.play.content.events[fired.event].image or shown_first is False:
                self.push(EventCardScene(self, fired.event, fired))

    def reload_content(self) -> None:
        """Ctrl+R: read the content and mods again on the disk worker; errors show in an overlay and the old content
        stays, so a modder sees an edit without restarting."""
        loader = self.options.loader
        if loader is None:
            self.say("This game cannot reload its content.", "warn")
            return
        if self._reloading:
            return
        self._reloading = True
        self.say("Reading the content and mods again…", "info")

        def done(result: Any, error: BaseException | None) -> None:
            self._reloading = False
            if error is not None or result is None:
                self.say(f"The content could not be read: {error}", "bad")
                return
            self._reloaded(result)

        self.disk.run(loader, done)

    _reloading = False

    def _reloaded(self, result: Any) -> None:
        from .scenes.problems import ProblemsOverlay

        if result.content is None:
            for scene in [scene for scene in self.stack if isinstance(scene, ProblemsOverlay)]:
                self.stack.remove(scene)  # a newer list replaces the old one
            self.push(ProblemsOverlay(self, result.errors, result.warnings))
            self.notice, self.notice_left = None, 0
            return
        for scene in [scene for scene in self.stack if isinstance(scene, ProblemsOverlay)]:
            self.pop(scene)  # fixed: the old list of errors goes
        if self.play is not None:
            problem = self.play.session.reload(result.content)
            if problem:
                self.say(f"The new content cannot continue this game: {problem}", "bad")
                return
            self.play.version += 1
        self.content = result.content
        warnings = f" ({len(result.warnings)} warnings)" if result.warnings else ""
        self.say(f"Content reloaded from disk{warnings}.", "good")
