"""The terminal game: read commands, turn them into orders or views, print what happened.

Every command is parsed here into either an order for the session or a view of the state; nothing in this
module changes the game except through `Session.submit`. Bad input never raises out of the loop: it gets a
one-line message and, when we can guess, a suggestion.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any, Callable, Iterable, TextIO

from game.app import story, views
from game.app.ledger import ledger
from game.app.narrate import Line, cap, narrate, side_name
from game.app.session import DIFFICULTY_WORDS, Session
from game.engine.defs import rival_of
from game.engine.orders import Order, OrderRefused
from game.engine.outcomes import GameOver, Outcome, YearBegan
from game.engine.rules import DEFAULT_DIFFICULTY, DIFFICULTY_BUDGET_PERCENT
from game.record.save import SaveError

from .commandkit import CommandError, CommandNotice, _need, race_over_words
from .decide import cmd_choose, cmd_decisions, cmd_ledger
from .help_text import HELP
from .listing import (
    cmd_budget,
    cmd_crew,
    cmd_log,
    cmd_missions,
    cmd_programs,
    cmd_race,
    cmd_rival,
    cmd_status,
    mission_plan_text,
    race_table,
)
from .lookup import NotFound
from .ordering import cmd_build, cmd_cancel, cmd_fund, cmd_recruit, cmd_schedule, cmd_start
from .problems import headline
from .render import fit_line, plain_line, render, table
from .report import cmd_digest, cmd_report
from .saving import cmd_load, cmd_quit, cmd_save, cmd_saves
from .year import cmd_confirm, cmd_end, cmd_repeat, cmd_where

__all__ = ["COMMANDS", "COMMANDS_BY_NAME", "Command", "TextGame", "mission_plan_text", "race_table", "run"]


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    usage: str
    summary: str
    run: Callable[["TextGame", list[str]], None]
    aliases: tuple[str, ...] = ()


class TextGame:
    tells_year_end = True  # a front end that shows a year's end its own way (the window's scene) says False

    def __init__(
        self, session: Session, side: str, out: TextIO, saves_dir: Path, colour: bool = False, width: int | None = None
    ) -> None:
        self.width = width  # wrap narrative to this many columns (interactive terminals only)
        self.plain = False  # for screen readers: "label: value" lines, no columns or box drawing (--plain)
        self.last_answer = ""  # what the last command printed, for 'repeat'
        self._answer: list[str] = []
        self.session = session
        self.side = side
        self.out = out
        self.saves_dir = saves_dir
        self.colour = colour
        self.log: list[Line] = []
        self.quit = False
        self.loader: Callable[[], Any] | None = None  # reloads content from disk (cli.load_for), for 'reload'
        self.ask: Callable[[str], bool] | None = None  # asks the player yes or no (None: nobody at the keyboard)
        self.asker: Callable[[str], bool] | None = None  # the same, while confirmations are on
        self.keep_setting: Callable[[str, bool], str] | None = None  # keeps a choice in the settings; says where
        self.digest = True  # a year's end told in brief ('digest off': in full every year)
        self.reports: dict[int, list[Line]] = {}  # each year closed here, told in full, for 'report'

        self.read_save: Callable[[Path], Any] | None = None  # reads a save for 'load' (raises SaveError)
        self.listed_saves: list[str] = []  # the names 'saves' last listed, in order: 'load N' takes the Nth

    # -- plumbing -----------------------------------------------------------------------------------

    @property
    def state(self):  # noqa: ANN201 - the engine's GameState
        return self.session.state

    @property
    def content(self):  # noqa: ANN201
        return self.session.content

    def say(self, text: str = "", fitted: bool = False) -> None:
        """Print text; with a width (a terminal), lines too long for it wrap at words under their own indent
        (fitted: the text is laid out already, and may hold colour codes that take no room). In plain mode the
        box-drawing rules are left out: a screen reader would read every one of them."""
        if self.plain:
            text = "\n".join(line for line in (plain_line(line) for line in text.split("\n")) if line is not None)
        if self.width and not fitted:
            text = "\n".join(fit_line(line, self.width) for line in text.split("\n"))
        self._answer.append(text)
        self.out.write(text + "\n")

    def tell(self, outcomes: Iterable[Outcome]) -> None:
        from .report import tell_year_end

        lines = narrate(tell_year_end(self, list(outcomes)), self.content, self.state, self.side)
        self.log.extend(lines)
        if lines:
            self.say(render(lines, self.colour, self.width), fitted=True)

    def order(self, order: Order) -> list[Outcome]:
        outcomes = self.session.submit(order)
        self.tell(outcomes)
        if any(isinstance(outcome, (YearBegan, GameOver)) for outcome in outcomes):
            self.autosave()
        if self.state.over:
            self.show_result()
        return outcomes

    def resume_hint(self) -> str:
        """The command that takes this game up again: its own kept autosave, which another game cannot replace."""
        kept = self.session.kept_autosave(self.saves_dir)
        return f"space-race play --load {kept}" if kept else f"space-race play --load {self.saves_dir / 'autosave.json'}"

    def autosave(self) -> bool:
        """Write the autosave; on failure warn and return False (the game goes on)."""
        try:
            self.session.autosave(self.saves_dir)
        except OSError as error:
            self.say(f"Warning: the autosave could not be written to {self.saves_dir} ({error.strerror}).")
            return False
        return True

    def prompt(self) -> str:
        return f"{self.state.year} {self.side.upper()}> "

    def intro(self, outcomes: list[Outcome]) -> None:
        self.say(opening_title(self.content.scenarios[self.state.scenario].name))
        self.say(f"You direct the space program of {side_name(self.content, self.side)} against "
                 f"{side_name(self.content, rival_of(self.side))}. Seed {self.state.seed}.")
        if self.difficulty_note():
            self.say(self.difficulty_note())
        self.say("Type 'help' for commands, 'status' for where you stand, 'end' to close the year.")
        self.tell(outcomes)

    def difficulty_note(self) -> str:
        """'Difficulty hard: the rival plays sharper still: … (118 % of the normal budget).' — empty at normal."""
        difficulty = self.session.record.difficulty
        rival = rival_of(self.side)
        if difficulty == DEFAULT_DIFFICULTY or not self.session.players or rival in self.session.players:
            return ""  # nothing to say at normal, or when no AI rival is playing
        percent = self.state.sides[rival].budget_percent
        how = DIFFICULTY_WORDS.get(difficulty, "")
        if percent != DIFFICULTY_BUDGET_PERCENT.get(difficulty, percent):  # an older game keeps the budget it began with
            return (f"Difficulty {difficulty}: {how.split(', and a little')[0]}; this game keeps the budget it began "
                    f"with, {percent} % of the normal budget.")
        return f"Difficulty {difficulty}: {how} ({percent} % of the normal budget)."

    def show_briefing(self) -> None:
        """Where a resumed game stands: this year's news and decisions again, then the status."""
        own = self.state.sides[self.side]
        news = [item for item in own.briefing if item.event in self.content.events]
        if news:
            self.say(f"This year's briefing ({self.state.year}):")
            for item in news:
                event = self.content.events[item.event]
                kind = "DECISION" if event.kind == "dilemma" else "NEWS"
                self.say(f"  {kind}: {story.event_title(self.content, self.state, self.side, event, item)}")
        for item in own.pending:
            if item.event in self.content.events:
                title = story.event_title(self.content, self.state, self.side, self.content.events[item.event], item)
                self.say(f"Decision waiting: {title} — 'examine {item.event}' shows the choices.")
        self.handle("status")

    # -- one line -----------------------------------------------------------------------------------

    def handle(self, line: str) -> None:
        """Run one command line; every problem becomes a message, never an exception."""
        line = "".join(ch for ch in line if ch.isprintable()).strip()  # drop stray escape sequences
        if not line or line.startswith("#"):
            return
        try:
            words = shlex.split(line)
        except ValueError as error:
            self.say(f"I could not read that line: {error}.")
            return
        name, args = words[0].lower(), words[1:]
        command = COMMANDS_BY_NAME.get(name)
        if command is None:
            close = get_close_matches(name, sorted(COMMANDS_BY_NAME), n=1, cutoff=0.6)
            hint = f" Did you mean '{COMMANDS_BY_NAME[close[0]].name}'?" if close else ""
            self.say(f"Unknown command '{name}'.{hint} Type 'help' for the list.")
            return
        if self.state.over and command.name not in ("help", "quit", "status", "where", "race", "log", "examine", "save",
                                                        "result", "report", "repeat"):
            self.say(race_over_words(self))
            return
        self._answer = []
        try:
            command.run(self, args)
        except OrderRefused as error:
            self.say(f"Refused: {error}.")
        except SaveError as error:
            self.say(f"That save cannot be loaded: {error}")
        except (CommandError, NotFound) as error:
            message = cap(str(error))
            self.say(message if message.endswith((".", "?")) else f"{message}.")
            if isinstance(error, CommandError) and not isinstance(error, CommandNotice) and "usage" not in str(error).lower():
                self.say(f"Usage: {command.usage}")
        if command.name != "repeat":
            self.last_answer = "\n".join(self._answer)

    # -- results ------------------------------------------------------------------------------------

    def show_result(self) -> None:
        result = views.result(self.state, self.content)
        self.say()
        self.say("═" * 72)
        if result.winner == "draw":
            self.say(f"  THE RACE ENDS IN A DRAW ({result.year})")
        else:
            verdict = "YOU WIN" if result.winner == self.side else "YOU LOSE"
            self.say(f"  {verdict}: {side_name(self.content, result.winner).upper()} WINS THE SPACE RACE ({result.year})")
        reasons = {"collapse": "a program's support collapsed", "win": "a victory condition was met",
                   "end": "the scenario's goal was reached", "time": "the final year is over"}
        self.say(f"  The game ended because {reasons.get(result.reason, result.reason)}.")
        self.say(f"  Final prestige — USA {result.prestige['usa']}, USSR {result.prestige['ussr']}")
        self.say("═" * 72)
        self.say(race_table(result.race, self.width, self.plain))
        promises = ledger(self.state, self.content, self.side).promises
        if promises:
            self.say("Your promises:")
            for promise in promises:
                fate = {"kept": f"kept in {promise.settled}", "broken": f"broken in {promise.settled}"}.get(
                    promise.status, f"still open (due by the end of {promise.deadline})")
                self.say(f"  {promise.name} — {fate}")


GAME_TITLE = "SPACE RACE 1955–1975"


def opening_title(scenario: str) -> str:
    """The game's title, with the scenario's name after it unless that only says the title again ("The Space Race,
    1955–1975"): "SPACE RACE 1955–1975 — Détente, 1969–1975"."""
    def words(text: str) -> list[str]:
        return [word for word in re.findall(r"\w+", text.lower()) if word != "the"]

    return GAME_TITLE if words(scenario) == words(GAME_TITLE) else f"{GAME_TITLE} — {scenario}"


# -- commands -----------------------------------------------------------------------------------------


def cmd_help(game: TextGame, args: list[str]) -> None:
    if args:
        command = COMMANDS_BY_NAME.get(args[0].lower())
        if command is None:
            raise CommandError(f"there is no command {args[0]!r}")
        game.say(f"{command.usage}\n  {cap(command.summary)}.")
        paragraph, examples = HELP.get(command.name, ("", ()))
        if paragraph:
            game.say(f"  {paragraph}")
        if examples:
            game.say("  For example:")
            for example in examples:
                game.say(f"    {example}")
        if command.aliases:
            game.say(f"  Also: {', '.join(command.aliases)}")
        return
    game.say("Commands (type 'help COMMAND' for more):")
    rows = [[command.usage, command.summary] for command in COMMANDS]
    game.say(table(["Command", "What it does"], rows, width=game.width, plain=game.plain))
    scenario = game.content.scenarios[game.state.scenario]
    game.say(f"How it is won: whoever has more prestige when the game ends ({scenario.end_year}, or as the scenario "
             "says) wins; the firsts bring the most, the first crew on the Moon most of all. 'where' and 'status' "
             "show the score.")
    game.say("Money is in millions of dollars; chances are per cent. Names can be ids, names or unique beginnings.")
    game.say("A line that starts with # is a comment: the game does nothing with it (handy for notes in a file of "
             "commands).")
    game.say("Getting started: settle the 'decisions'; see 'programs all' and 'start' and 'fund' what you need; "
             "'recruit' crew a year ahead; 'missions' shows what can fly — 'schedule' it; then 'end' the year.")


def cmd_examine(game: TextGame, args: list[str]) -> None:
    _need(args, 1, "examine THING")
    from .examine import examine

    game.say(examine(game, " ".join(args)))


def cmd_result(game: TextGame, args: list[str]) -> None:
    if not game.state.over:
        raise CommandNotice(f"the race is still on: it runs to the end of {game.state.end_year}")
    game.show_result()


def cmd_reload(game: TextGame, args: list[str]) -> None:
    """Read the content files (and mods) again, for a modder trying an edit without restarting."""
    if game.loader is None:
        raise CommandError("this game cannot reload its content")
    result = game.loader()
    if result.content is None:
        game.say(f"The content has {len(result.errors)} error(s); the game keeps the content it had:")
        for problem in result.errors[:20]:
            game.say("  " + headline(problem))
        return
    problem = game.session.reload(result.content)
    if problem:
        raise CommandError(f"the new content cannot continue this game: {problem}")
    warnings = f" ({len(result.warnings)} warning(s): 'space-race mods check' shows them)" if result.warnings else ""
    game.say(f"Content reloaded from disk{warnings}. Changes to events apply from the next year's briefing.")


COMMANDS: tuple[Command, ...] = (
    Command("help", "help [COMMAND]", "list commands, or explain one", cmd_help, ("?", "h")),
    Command("status", "status", "where you stand this year", cmd_status, ("s", "st")),
    Command("budget", "budget", "this year's spending and what is left", cmd_budget, ("money",)),
    Command("programs", "programs [all]", "your rockets and spacecraft: status, reliability", cmd_programs, ("p", "prog")),
    Command("missions", "missions [all]", "missions you can fly now, their chance and cost", cmd_missions, ("m",)),
    Command("crew", "crew", "your astronauts or cosmonauts", cmd_crew, ("c",)),
    Command("examine", "examine THING", "a program, mission, crew member, milestone or event", cmd_examine, ("x", "look", "info")),
    Command("fund", "fund WHAT AMOUNT", "set this year's money for a program, training, education or intelligence "
            "($M); 'fund last' repeats last year's", cmd_fund,
            ("f",)),
    Command("start", "start PROGRAM", "start a new program (pays its start cost)", cmd_start),
    Command("schedule", "schedule [MISSION [MONTH] [OPTIONS]]",
            "fly a mission this year, or alone list the flights booked (MONTH left out: the earliest its preparation "
            "allows; backup: it stands down once you hold the firsts it could claim); 'schedule last' books last "
            "year's flights again",
            cmd_schedule, ("fly", "launch")),
    Command("cancel", "cancel N", "cancel scheduled mission #N (full refund)", cmd_cancel),
    Command("recruit", "recruit N", "select N crew candidates ($3M each)", cmd_recruit),
    Command("build", "build pad", "build a launch pad ($60M, +4 launches a year)", cmd_build),
    Command("choose", "choose DECISION CHOICE [crew=NAME] [confirm]",
            "decide a dilemma (CHOICE alone when one is open; crew= names who a choice costs; confirm takes a choice "
            "that would collapse your support)", cmd_choose),
    Command("decisions", "decisions", "the decisions waiting for you", cmd_decisions, ("d",)),
    Command("ledger", "ledger", "promises, foreseen consequences, decisions held over, where people stand", cmd_ledger,
            ("promises", "people")),
    Command("race", "race", "the milestone race board", cmd_race, ("milestones", "board")),
    Command("rival", "rival", "the rival as far as you can see: programmes, probes, estimates", cmd_rival, ("spy",)),
    Command("log", "log [N]", "the last N lines of news", cmd_log),
    Command("report", "report [YEAR]", "the whole year-end report of the last year (or YEAR), flight by flight",
            cmd_report),
    Command("digest", "digest on|off", "tell a year's end in brief (on) or the whole report every year (off)",
            cmd_digest),
    Command("result", "result", "the final result (when the race is over)", cmd_result),
    Command("save", "save NAME", "save the game in the saves folder", cmd_save),
    Command("saves", "saves", "the saved games you can load, newest first", cmd_saves),
    Command("load", "load NAME|N", "take up a saved game by its name, or its number in 'saves' (this one is "
            "autosaved first if it changed)", cmd_load),
    Command("reload", "reload", "read the content files and mods again (for modders)", cmd_reload),
    Command("end", "end [yes]", "end the year: missions fly, research pays off (yes: without being asked)", cmd_end,
            ("next", "e")),
    Command("confirm", "confirm on|off", "ask (or stop asking) before ending a year with money or decisions waiting",
            cmd_confirm),
    Command("where", "where", "one line: the year, the standing, the money and what waits", cmd_where),
    Command("repeat", "repeat", "print the last command's answer again", cmd_repeat, ("again",)),
    Command("quit", "quit", "save and leave", cmd_quit, ("exit", "q")),
)
COMMANDS_BY_NAME: dict[str, Command] = {
    name: command for command in COMMANDS for name in (command.name, *command.aliases)
}


def run(game: TextGame, lines: Iterable[str], echo: bool) -> None:
    """Feed command lines until quit, game over with no more input, or end of input."""
    for line in lines:
        if echo:
            game.say(game.prompt() + line.rstrip("\n"))
        game.handle(line)
        if game.quit:
            return
    if not game.state.over and game.autosave():
        game.say(f"End of input: the game is saved. Resume it with: {game.resume_hint()}")
