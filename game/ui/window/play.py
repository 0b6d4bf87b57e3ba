"""A game in the window: the session, the side played, and the console that runs typed commands.

The console is the terminal game's own command interpreter (one parser for both front ends), writing into
a feed of tagged lines instead of a terminal. Orders from buttons go through `submit`, the same door.
Saves are serialised here and written by the disk worker, so no frame waits on the disk.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Callable, Iterable

from game.app.digest import split_year
from game.app.narrate import Line, narrate
from game.app.session import AUTOSAVE_NAME, Session
from game.engine.orders import EndYear, Order, OrderRefused
from game.engine.outcomes import EventFired, Funded, GameOver, Outcome, YearBegan, YearEnded
from game.record.save import (
    AUTOSAVES_FOLDER,
    AUTOSAVES_KEPT,
    SAVE_SUFFIX,
    autosave_paths,
    resolve_save_path,
    save_text,
)
from game.app.commands.interpreter import TextGame

FEED_LIMIT = 2000
SPECTATOR_COMMANDS = {"help", "?", "h", "status", "s", "st", "race", "milestones", "board", "log", "examine", "x", "look",
                      "info", "programs", "p", "prog", "missions", "m", "crew", "c", "budget", "money", "decisions", "d",
                      "result", "ledger", "promises", "people"}


class WindowConsole(TextGame):
    """The terminal game's commands, told into the window's feed."""

    tells_year_end = False  # the year-end scene shows each year whole: no digest here ('report' still works)

    def __init__(self, play: "Play") -> None:
        super().__init__(play.session, play.side, io.StringIO(), play.saves_dir, colour=False, width=None)
        self.play = play

    def say(self, text: str = "", fitted: bool = False) -> None:
        for line in text.split("\n"):
            self.play.feed_line(Line("console", line))

    def tell(self, outcomes: Iterable[Outcome]) -> None:
        outcomes = list(outcomes)
        self.play.told(outcomes)

    def autosave(self) -> bool:
        self.play.autosave()
        return True

    def show_result(self) -> None:
        super().show_result()
        self.play.game_over = True


class Play:
    def __init__(self, session: Session, side: str, saves_dir: Path, write: Callable[[Path, str, str], None],
                 loader: Callable[[], Any] | None = None, spectator: bool = False) -> None:
        self.session = session
        self.side = side  # the side whose screens are shown (a spectator sees the USA's, and hears everything)
        self.spectator = spectator
        self.saves_dir = saves_dir
        self.write = write  # (path, text, what) → queued on the disk worker
        self.feed: list[Line] = []  # everything told this session, for the console and the log
        self.recent: list[Outcome] = []  # outcomes not yet presented by a scene (flights, year-end report)
        self.game_over = session.over
        self.console = WindowConsole(self)
        self.console.loader = loader
        self.version = 0  # bumps on every change, so scenes know when to rebuild their rows
        self.history: list[str] = []  # commands typed, for the command line's up/down
        # the planner's choices, kept while the game is open (its screen is built anew on each visit): mission → the
        # vehicle chosen, the crew chosen, and the crew last shown (to say when it changes, never silently)
        self.vehicles: dict[str, tuple[str, str, str]] = {}
        self.crews: dict[str, tuple[str, ...]] = {}
        self.shown_crew: dict[str, tuple[str, ...]] = {}

    @property
    def no_orders(self) -> str:
        """Why no orders can be given now ("" when they can): a spectator's game, or a finished race."""
        if self.spectator:
            return "You are watching: spectators give no orders."
        if self.game_over:
            return "The race is over: see the result (Ctrl+E)."
        return ""

    @property
    def state(self):  # noqa: ANN201 - GameState
        return self.session.state

    @property
    def content(self):  # noqa: ANN201 - Content
        return self.session.content

    # -- telling ------------------------------------------------------------------------------------

    _last_funded: str | None = None  # the target of the last order, when it was a Fund

    def feed_line(self, line: Line) -> None:
        self._last_funded = None  # something else was said: the next funding report is a line of its own
        self._append(line)

    def _append(self, line: Line) -> None:
        self.feed.append(line)
        del self.feed[:-FEED_LIMIT]
        self.version += 1

    def told(self, outcomes: list[Outcome]) -> None:
        """Outcomes from any order: narrated into the feed and kept for the scenes that present them. Funding the
        same line again, step by step, replaces its last report rather than filling the feed."""
        funded = outcomes[0].target if len(outcomes) == 1 and isinstance(outcomes[0], Funded) else None
        viewer = None if self.spectator else self.side
        lines: list[Line] = []
        run: list[Outcome] = []
        for outcome in outcomes:  # a decision of ours has its card: the feed keeps only its headline
            if isinstance(outcome, EventFired) and outcome.dilemma and not outcome.waits and outcome.side == viewer:
                lines.extend(narrate(run, self.content, self.state, viewer))
                run = []
                told = narrate([outcome], self.content, self.state, viewer)
                lines.extend(told[:1] + [Line("info", "  Its card shows the text and the choices, with what each "
                                                      "costs (Enter on the HQ's headline opens it again).")] if told else [])
            else:
                run.append(outcome)
        lines.extend(narrate(run, self.content, self.state, viewer))
        closed, _ = split_year(outcomes, self.side)
        if closed and not self.spectator:  # kept for 'report' at the command line, as the terminal keeps it
            year = next(outcome.year for outcome in closed if isinstance(outcome, YearEnded))
            self.console.reports[year] = narrate(closed, self.content, self.state, self.side)
        if funded is not None and funded == self._last_funded and self.feed and lines:
            self.feed.pop()
        for line in lines:
            self._append(line)
        self._last_funded = funded
        self.recent.extend(outcomes)
        if any(isinstance(outcome, (YearBegan, GameOver)) for outcome in outcomes) and not self.spectator:
            self.autosave()  # as in the terminal: each new year, and the final result (Continue then shows it)
        if self.state.over:
            self.game_over = True
        self.version += 1

    # -- orders -------------------------------------------------------------------------------------

    def submit(self, order: Order) -> list[Outcome]:
        """Send an order (OrderRefused propagates, with its reason, for the scene to show)."""
        if self.spectator:
            raise OrderRefused("you are watching: spectators give no orders")
        outcomes = self.session.submit(order)
        self.told(outcomes)
        return outcomes

    def end_year(self) -> list[Outcome]:
        return self.submit(EndYear(side=self.side))

    def command(self, line: str) -> None:
        """A typed command, run by the shared interpreter; its answer goes into the feed."""
        self.feed_line(Line("prompt", f"{self.console.prompt()}{line}"))
        word = line.split()[0].lower() if line.split() else ""
        if self.spectator and word not in SPECTATOR_COMMANDS:
            self.feed_line(Line("warn", "You are watching: only looking commands work (help, status, race, log, "
                                        "examine, programs, missions, crew, budget)."))
            return
        self.console.handle(line)
        self.version += 1

    def take_recent(self) -> list[Outcome]:
        taken, self.recent = self.recent, []
        return taken

    # -- saving -------------------------------------------------------------------------------------

    def save(self, name: str, quiet: bool = False) -> Path:
        """Serialise now; the disk worker writes it (and says "Saved" unless quiet, as autosaves are)."""
        path = resolve_save_path(name, self.saves_dir)
        self.write(path, save_text(self.session.save_file()), "" if quiet else f"Saved to {path}.")
        self.session.mark_saved()
        return path

    def keep_before_leaving(self) -> None:
        """Leaving this game (loading another, quitting): autosave it, with its own kept copy, when orders were
        given since it was loaded or saved. An untouched game is already on disk, so nothing is rewritten and the
        saves list keeps its order."""
        if not self.spectator and not self.state.over and self.session.unsaved:
            self.autosave()

    def autosave(self) -> None:
        """The autosave, and this game's own copy of it (its last few kept, as the terminal keeps them)."""
        if self.spectator:
            return
        self.save(AUTOSAVE_NAME, quiet=True)
        game_id = self.session.record.game_id
        if game_id:
            kept = self.saves_dir / AUTOSAVES_FOLDER / f"{game_id}-{self.state.year}{SAVE_SUFFIX}"
            self.write(kept, save_text(self.session.save_file()), "")
            for old in autosave_paths(self.saves_dir, game_id)[:-(AUTOSAVES_KEPT - 1)]:
                if old != kept:
                    try:
                        old.unlink()
                    except OSError:
                        pass  # an old copy that cannot go stays; nothing is lost
