"""The terminal game in a real pseudo-terminal, as a player meets it: Up recalls a command, Tab completes an id,
output fits 80 columns, NO_COLOR means no colour, and `end` asks before losing money, but only when a person is
at the keyboard (piped commands are never asked anything)."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import REPO_ROOT

pty = pytest.importorskip("pty")  # POSIX only: Windows has no pseudo-terminals to test with

CSI = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]")
OTHER_ESCAPES = re.compile(r"\x1b[\]P^_].*?(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
COLOUR_SGR = re.compile(r"\x1b\[((?:\d+;)*(?:3\d|4\d|9\d|10\d)(?:;\d+)*)m")


class Terminal:
    """A game running in a pseudo-terminal; what it printed so far is kept raw and as the screen would show it."""

    def __init__(self, tmp_path: Path, columns: int = 80, options: tuple[str, ...] = (), **extra: str) -> None:
        env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "COLUMNS", "LINES"))}
        env.update(PYTHONPATH=str(REPO_ROOT), COLUMNS=str(columns), LINES="40", TERM="xterm-256color",
                   SPACE_RACE_HISTORY=str(tmp_path / "history.txt"), XDG_CONFIG_HOME=str(tmp_path / "config"),
                   PROMPT_TOOLKIT_NO_CPR="1", **extra)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the game, as a player starts it
            os.chdir(tmp_path)
            os.execve(sys.executable, [sys.executable, "-m", "game", "play", "--ui", "text", "--side", "usa",
                                       "--seed", "5", "--saves-dir", str(tmp_path / "saves"), *options], env)
        self.raw = ""

    def read_until(self, text: str, timeout: float = 30) -> str:
        """Read until the text has been printed (as shown, escapes removed); fails the test on a timeout."""
        deadline = time.monotonic() + timeout
        while text not in self.shown():
            left = deadline - time.monotonic()
            if left <= 0:
                pytest.fail(f"{text!r} never came; the screen ends:\n{self.shown()[-1500:]}")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                self.raw += chunk.decode("utf-8", errors="replace")
        return self.shown()

    def wait_for(self, test, what: str, timeout: float = 30) -> None:  # noqa: ANN001
        deadline = time.monotonic() + timeout
        while not test(self.shown()):
            if time.monotonic() > deadline:
                pytest.fail(f"{what} never came; the screen ends:\n{self.shown()[-1500:]}")
            ready, _, _ = select.select([self.fd], [], [], 0.2)
            if ready:
                self.raw += os.read(self.fd, 65536).decode("utf-8", errors="replace")

    def run(self, command: str) -> None:
        """Type a command and Enter, and wait for the next prompt."""
        prompts = self.shown().count("USA>")
        self.type(command + "\r")
        self.wait_for(lambda shown: shown.count("USA>") > prompts + 0 and shown.rstrip().endswith("USA>"),
                      f"the prompt after {command!r}")

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def shown(self) -> str:
        return OTHER_ESCAPES.sub("", CSI.sub("", self.raw))

    def lines(self) -> list[str]:
        """Each line as the terminal leaves it: a carriage return goes back to the start of the line."""
        return [line.split("\r")[-1] if not line.endswith("\r") else line.rstrip("\r").split("\r")[-1]
                for line in self.shown().split("\n")]

    def close(self) -> None:
        try:
            os.kill(self.pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.fixture()
def terminal(tmp_path: Path):  # noqa: ANN201
    made: list[Terminal] = []

    def start(options: tuple[str, ...] = (), **extra: str) -> Terminal:
        made.append(Terminal(tmp_path, options=options, **extra))
        made[-1].read_until("1955 USA>")
        return made[-1]

    yield start
    for item in made:
        item.close()


def test_up_recalls_a_command_and_tab_completes_an_id(terminal, tmp_path: Path) -> None:  # noqa: ANN001
    game = terminal()
    game.run("status")
    game.run("\x1b[A")  # Up, then Enter: the same command again
    assert game.shown().count("Pads 1") == 2
    game.type("examine vangu")
    game.read_until("examine vangu")
    game.type("\t")  # Tab completes the id of the Navy's rocket
    game.read_until("examine vanguard")
    time.sleep(0.5)  # the line editor finishes the completion before Enter
    game.run("")
    assert "Vanguard (vanguard) — USA rocket" in game.shown()
    game.type("quit\r")
    game.read_until("Game saved")
    assert "status" in (tmp_path / "history.txt").read_text(encoding="utf-8")  # kept for the next game


def test_output_fits_80_columns_without_colour_when_no_color_is_set(terminal) -> None:  # noqa: ANN001
    game = terminal(NO_COLOR="1")
    for command in ("status", "programs all", "missions all", "crew", "race", "help"):
        game.run(command)
    assert "Getting started" in game.shown() and "viking" in game.shown()  # the last command and the longest table
    too_wide = [line for line in game.lines() if len(line) > 80]
    assert not too_wide, "\n".join(too_wide)
    assert not COLOUR_SGR.search(game.raw), COLOUR_SGR.search(game.raw)


def test_plain_mode_wraps_at_words_within_80_columns(terminal) -> None:  # noqa: ANN001
    game = terminal(options=("--plain",))
    for command in ("status", "budget", "missions all", "help schedule"):
        game.run(command)
    assert "Getting started" not in game.shown() and "Books a mission" in game.shown()
    too_wide = [line for line in game.lines() if len(line) > 80]
    assert not too_wide, "\n".join(too_wide)  # the terminal would split these wherever column 80 falls
    assert "━━" not in game.shown()  # still plain: no rules drawn


def test_a_colour_terminal_gets_colour(terminal) -> None:  # noqa: ANN001
    game = terminal()
    game.type("end yes\r")
    game.read_until("1956 USA>")
    assert COLOUR_SGR.search(game.raw)  # the year's headings and news are coloured


def test_end_with_money_unspent_asks_and_no_keeps_the_year(terminal) -> None:  # noqa: ANN001
    game = terminal()
    game.type("end\r")
    screen = game.read_until("End the year anyway? [y/N]")
    assert "would go back to the treasury" in screen and "decision waiting" in screen
    game.run("n")  # no: the year goes on, back at the prompt
    assert "The year goes on." in game.shown()
    game.type("end\r")
    game.wait_for(lambda shown: shown.count("End the year anyway? [y/N]") == 2, "the question again")
    game.type("y\r")
    game.read_until("1956 USA>")


def test_funding_more_than_is_left_offers_what_is_left(terminal) -> None:  # noqa: ANN001
    game = terminal()
    game.type("fund vanguard 100000\r")
    game.read_until("Only $60M is left for Vanguard (you asked for $100000M). Set it to $60M? [y/N]")
    game.run("y")
    game.run("programs")
    assert re.search(r"vanguard .*\$60M", game.shown()), game.shown()[-2000:]


def test_piped_commands_are_never_asked(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "COLUMNS", "LINES"))}
    env.update(PYTHONPATH=str(REPO_ROOT), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-m", "game", "play", "--ui", "text", "--side", "usa", "--seed", "5",
                           "--saves-dir", str(tmp_path / "saves")], input="end\nstatus\n", capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "anyway?" not in done.stdout and "1956 — The United States" in done.stdout
    assert "\x1b[" not in done.stdout  # piped: no colour, no cursor movement


def test_ctrl_c_clears_the_line_and_the_game_goes_on(terminal) -> None:  # noqa: ANN001
    game = terminal()
    game.type("fund apol")
    game.read_until("fund apol")
    game.type("\x03")  # Ctrl+C
    game.read_until("Ctrl+C clears the line")
    game.wait_for(lambda shown: shown.rstrip().endswith("USA>"), "the prompt again")
    time.sleep(0.3)
    game.run("where")
    assert "1955, the United States" in game.shown()  # still playing, the half-typed line gone

