"""The terminal itself: line editing, history kept between games, Tab completion, colour only where it belongs,
and questions before irreversible steps. Commands typed here go to the shared interpreter (game.app.commands);
input piped in is read plainly, never asked anything, and never coloured."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from game.app.commands.completion import complete
from game.app.commands.interpreter import TextGame

HISTORY_ENV = "SPACE_RACE_HISTORY"  # a file to keep the command history in, instead of the user data folder
WIDEST = 110  # output is laid out to the terminal's width, up to this many columns


def colour_wanted(out: TextIO) -> bool:
    """Colour only on a terminal that shows it: not when piped, not with NO_COLOR set, not on TERM=dumb."""
    return out.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM", "") != "dumb"


def width_for(out: TextIO) -> int | None:
    """The columns to lay out to on a terminal (COLUMNS wins, as everywhere); None when piped (no wrapping)."""
    if not out.isatty():
        return None
    return max(min(shutil.get_terminal_size().columns - 1, WIDEST), 40)  # the last column invites a stray wrap


def history_path() -> Path:
    """Where the command history is kept between games ($SPACE_RACE_HISTORY, or the user data folder)."""
    chosen = os.environ.get(HISTORY_ENV)
    if chosen:
        return Path(chosen)
    import platformdirs

    return platformdirs.user_data_path("space-race", appauthor=False) / "history.txt"


def stdin_lines(game: TextGame, interactive: bool) -> Iterator[str]:
    """The player's command lines: edited at a prompt on a terminal, read as they come when piped."""
    if not interactive:
        yield from sys.stdin
        return
    session = _prompt_session(game)
    if session is None:  # no line editor to be had: the plain prompt still works
        yield from _plain_lines(game)
        return
    while True:
        if game.width is not None:  # the terminal may have been resized since the last command
            game.width = width_for(sys.stdout)
        try:
            yield session.prompt(game.prompt())
        except EOFError:  # Ctrl+D
            print()
            return
        except KeyboardInterrupt:  # Ctrl+C clears the line, as in a shell; Ctrl+D or 'quit' leaves
            print("(Ctrl+C clears the line; Ctrl+D or 'quit' saves and leaves.)")


def _plain_lines(game: TextGame) -> Iterator[str]:
    while True:
        try:
            yield input(game.prompt())
        except EOFError:
            print()
            return


def _prompt_session(game: TextGame):  # noqa: ANN202 - a prompt_toolkit PromptSession, or None
    try:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.completion import Completer, Completion
        from prompt_toolkit.history import FileHistory, History, InMemoryHistory
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        return None

    class CommandCompleter(Completer):
        """Completes command names, then the ids, names and choices the command takes (the window's Tab too)."""

        def get_completions(self, document, complete_event) -> Iterable[Completion]:  # noqa: ANN001
            typed = document.text_before_cursor
            for line in complete(typed, game):
                shown = line.rstrip().split(" ")[-1] or line
                yield Completion(line, start_position=-len(typed), display=shown)

    path = history_path()
    history: History
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        history = FileHistory(str(path))
    except OSError:
        history = InMemoryHistory()  # a read-only home: history for this game only
    return PromptSession(history=history, completer=CommandCompleter(), complete_while_typing=False)


def ask(question: str) -> bool:
    """A yes/no question on the terminal; only Enter on 'y' or 'yes' says yes (Ctrl+C or Ctrl+D: no)."""
    try:
        answer = input(f"{question} [y/N] ")
    except (EOFError, KeyboardInterrupt):
        print()
        return False
    return answer.strip().lower() in ("y", "yes")


def setup(game: TextGame, interactive: bool, settings_path: Path | None) -> None:
    """For a player at the keyboard, as the settings say: questions before irreversible steps (on by default) and
    a year's end in brief (on by default); 'confirm on|off' and 'digest on|off' change them and keep the choice in
    the settings file. Input piped in reads no settings: it plays the same whoever runs it."""
    if not interactive:
        return
    from game.app.settings import Settings, default_path, load_settings

    path = settings_path or default_path()
    settings, _ = load_settings(path)
    game.ask = ask
    game.asker = ask if settings.confirm else None
    game.digest = settings.digest

    def keep(name: str, on: bool) -> str:
        """Keep one on/off setting ('confirm', 'digest') in the settings file, the others as they are there."""
        from dataclasses import asdict

        current, _ = load_settings(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(Settings(**{**asdict(current), name: on}).to_json(), encoding="utf-8")
        except OSError as error:
            return f" (for this game only: {path} could not be written, {error.strerror})"
        return f" (kept in {path})"

    game.keep_setting = keep
