"""--plain: the terminal game for screen readers. Tables become one "label: value" line a row with the count
first; no colour, columns or box drawing; 'where' says where you stand in one sentence; 'repeat' says it again."""

from __future__ import annotations

from typing import Callable

from .conftest import Run, lines


def test_plain_mode_reads_as_sentences(game: Callable[..., Run]) -> None:
    run = game("play", "--plain", "--side", "usa", "--seed", "5",
               commands=lines("where", "programs", "repeat", "race", "help", "end yes", "status"))
    assert run.returncode == 0, run.stderr
    text = run.stdout
    assert not any(rule in text for rule in "─━═")  # no box drawing anywhere
    assert "\x1b[" not in text
    assert ("1955, the United States: prestige 0, level with the rival; support 53 of 100; $60M unspent; "
            "0 of 4 launches booked. 1 decision waiting.") in text
    assert "3 rows.\nexplorer: Name: Explorer satellite; Kind: satellite; Status: available;" in text
    assert text.count("vanguard: Name: Vanguard; Kind: rocket") == 2  # programs, then repeat
    assert "help [COMMAND]: What it does: list commands, or explain one." in text  # help as sentences too
    assert "\n1956\n" in text  # the year's heading without its rules
