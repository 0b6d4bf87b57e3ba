"""Running `python -m game` as a user does — a separate process, from a checkout, in a temporary folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 120  # seconds; a whole campaign takes well under one
PROMPT = re.compile(r"^(\d{4}) (USA|USSR)> (.*)$")
RULE = "═" * 20


@dataclass(frozen=True)
class Run:
    """One finished run of the command: its exit status, both streams and the folder it ran in."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    cwd: Path

    def save(self, name: str = "autosave") -> dict[str, Any]:
        """The JSON of a save the run left in its saves folder."""
        return json.loads((self.cwd / "saves" / f"{name}.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Exchange:
    """One command as echoed after its prompt, and everything the game printed in answer."""

    year: int
    side: str
    command: str
    answer: str


def game_env(hashseed: str | None = "0") -> dict[str, str]:
    """The user's environment, with the checkout importable (no install needed) and a fixed hash seed."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "COLUMNS", "LINES"))}
    env["PYTHONPATH"] = str(REPO_ROOT)
    if hashseed is not None:
        env["PYTHONHASHSEED"] = hashseed
    return env


def run_game(*args: str, cwd: Path, commands: str = "", hashseed: str | None = "0") -> Run:
    """Run `python -m game ARGS` with `commands` on standard input; a traceback anywhere fails the test."""
    cwd.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, "-m", "game", *args], cwd=cwd, env=game_env(hashseed), input=commands,
        capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT,
    )
    assert "Traceback" not in done.stderr, f"python -m game {' '.join(args)} crashed:\n{done.stderr}"
    assert "Traceback" not in done.stdout, f"python -m game {' '.join(args)} printed a traceback:\n{done.stdout}"
    return Run(tuple(args), done.returncode, done.stdout, done.stderr, cwd)


def lines(*commands: str) -> str:
    """A command file: one command a line."""
    return "".join(f"{command}\n" for command in commands)


def exchanges(stdout: str) -> list[Exchange]:
    """Split a piped transcript (the game echoes each command after its prompt) into command/answer pairs."""
    found: list[tuple[int, str, str, list[str]]] = []
    for line in stdout.splitlines():
        match = PROMPT.match(line)
        if match:
            found.append((int(match.group(1)), match.group(2).lower(), match.group(3), []))
        elif found:
            found[-1][3].append(line)
    return [Exchange(year, side, command, "\n".join(answer)) for year, side, command, answer in found]


def result_screen(stdout: str) -> str:
    """The final result screen: from the first ═══ rule to the end of the milestone table."""
    assert RULE in stdout, f"no result screen in the transcript:\n{stdout[-3000:]}"
    screen = []
    for line in stdout[stdout.index(RULE):].splitlines():
        if PROMPT.match(line):
            break
        screen.append(line)
    return "\n".join(screen).rstrip()


@pytest.fixture
def game(tmp_path: Path) -> Callable[..., Run]:
    """`game(*args, commands=..., cwd=..., hashseed=...)` runs the command in tmp_path (or in cwd)."""

    def run(*args: str, commands: str = "", cwd: Path | None = None, hashseed: str | None = "0") -> Run:
        return run_game(*args, cwd=cwd or tmp_path, commands=commands, hashseed=hashseed)

    return run
