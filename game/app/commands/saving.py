"""The commands about games on disk: save, saves, load and quit (the game's own autosave named in the hint)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app.narrate import side_name
from game.app.saves_list import saves_list
from game.app.session import Session
from game.record.save import resolve_save_path, valid_save_name

from .commandkit import CommandError, CommandNotice, _need
from .render import table

if TYPE_CHECKING:
    from .interpreter import TextGame


def cmd_save(game: TextGame, args: list[str]) -> None:
    _need(args, 1, "save NAME")
    if len(args) > 1:
        raise CommandError(f"a save's name is one word: save {'_'.join(args)}")
    name = args[0][: -len(".json")] if args[0].lower().endswith(".json") else args[0]  # always in the saves folder
    problem = valid_save_name(name)
    if problem:
        raise CommandError(problem)
    try:
        path = game.session.save(name, game.saves_dir)
    except OSError as error:
        raise CommandError(f"the save could not be written to {game.saves_dir}: {error.strerror}") from None
    game.say(f"Saved to {path}.")


def cmd_saves(game: TextGame, args: list[str]) -> None:
    names = {scenario_id: scenario.name for scenario_id, scenario in game.content.scenarios.items()}
    rows = saves_list(game.saves_dir, names)
    if not rows:
        game.say(f"No saves yet in {game.saves_dir}. 'save NAME' makes one; the game saves itself every year.")
        return
    game.listed_saves = [row.name for row in rows]
    body = [[str(number), row.game, row.year, row.when, row.name] for number, row in enumerate(rows, 1)]
    game.say(table(["No.", "Game", "Year", "Saved", "Load it with"], body, right=(0,), width=game.width,
                   plain=game.plain, keep=(0, 4)))
    game.say("'load 1' takes up the first (its number here), 'load NAME' any by its name; this game is autosaved "
             "first if it changed since it was loaded or saved. Each game keeps its last autosaves under autosaves/.")


def cmd_load(game: TextGame, args: list[str]) -> None:
    _need(args, 1, "load NAME")
    if game.read_save is None:
        raise CommandError("games are loaded from the menu here (Load game, Ctrl+L)")
    name = " ".join(args)
    if name.isdigit() and game.listed_saves and not (game.saves_dir / f"{name}.json").exists():  # a save named 2 wins
        number = int(name)
        if not 1 <= number <= len(game.listed_saves):
            raise CommandNotice(f"'saves' listed {len(game.listed_saves)} save(s): there is no number {number}")
        name = game.listed_saves[number - 1]
    path = resolve_save_path(name, game.saves_dir)
    save = game.read_save(path)  # raises SaveError with the file and what is wrong
    players = save.record.players
    if not players:
        raise CommandError(f"{path} holds a game with no player (AI against AI): 'space-race replay {path}' shows it")
    if not game.state.over and game.session.unsaved:  # the game being left is kept; an untouched one is on disk
        game.autosave()
    game.session = Session.resume(game.session.content, save)
    game.side = game.side if game.side in players else players[0]
    game.log = []
    game.reports = {}
    game.say(f"Loaded {path} — {game.content.scenarios[game.state.scenario].name}, {game.state.year}, "
             f"playing {side_name(game.content, game.side)}.")
    game.show_briefing()


def cmd_quit(game: TextGame, args: list[str]) -> None:
    if not game.state.over and game.autosave():  # 'quit' saves and says how to take the game up again
        game.say(f"Game saved. Resume it with: {game.resume_hint()}")
    game.quit = True

