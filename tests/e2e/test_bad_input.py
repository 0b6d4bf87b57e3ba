"""Bad commands typed into the terminal game: short messages and suggestions, refusals that change nothing, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from .conftest import Run, exchanges, lines

# (command, what the answer must contain). None of these may change the game.
BAD_COMMANDS: list[tuple[str, str]] = [
    ("shedule small_satellite", "Unknown command 'shedule'. Did you mean 'schedule'?"),
    ("frobnicate", "Unknown command 'frobnicate'"),
    ("fund", "Usage: fund"),
    ("fund vanguard", "Usage: fund"),
    ("fund vanguard lots", "'lots'"),
    ("fund nothing_like_this 10", "no program called 'nothing_like_this'"),
    ("fund vanguard -5", "Refused: "),
    ("fund vanguard 100000", "Only $60M is left for Vanguard (you asked for $100000M): fund vanguard 60"),
    ("fund vanguard 99999999999999999999999999", "only $60M is left for Vanguard"),
    ("schedule nothing_like_this", "no mission type called 'nothing_like_this'"),
    ("schedule small_satellite", "Refused: "),
    ("schedule small_satellite 13", "is not a month: use 1–12"),
    ("schedule small_satellite colour=red", "Unknown option 'colour'"),
    ("schedule =x", "Unknown option"),
    ("choose", "Usage: choose"),
    ("choose vanguard_or_orbiter nothing", "no choice called 'nothing'"),
    ("choose nonsense_event vanguard", "no open decision called 'nonsense_event'"),
    ("cancel", "Usage: cancel"),
    ("cancel x", "'x'"),
    ("cancel 99", "Refused: there is no scheduled mission #99"),
    ("recruit 0", "Refused: "),
    ("recruit many", "'many'"),
    ("recruit 100", "Refused: "),
    ("start", "Usage: start"),
    ("start nothing", "no program called 'nothing'"),
    ("start apollo_csm", "Refused: "),
    ("build rocket", "build pad"),
    ("examine", "Usage: examine"),
    ("examine zzzz", "nothing called 'zzzz'"),
    ("help nosuch", "no command 'nosuch'"),
    ("log x", "'x'"),
    ("log -3", "at least 1"),
    ("result", "still on"),
    ("save", "Usage: save"),
    ("save ../../etc", "Save names use letters"),
    ("save /tmp/escape", "Save names use letters"),
    ("save .hidden", "Save names use letters"),
    ('fund "vanguard 10', "I could not read that line"),
    ("schedule 'small_satellite march", "I could not read that line"),
    ("examine \"", "I could not read that line"),
]


def test_bad_commands_get_a_short_message_and_change_nothing(game: Callable[..., Run], tmp_path: Path) -> None:
    commands = [command for command, _ in BAD_COMMANDS] + ["", "# a comment", "status", "quit"]

    run = game("play", "--side", "usa", "--seed", "7", commands=lines(*commands))

    assert run.returncode == 0
    assert run.stderr == ""
    answers = exchanges(run.stdout)
    assert [answer.command for answer in answers] == commands
    for (command, expected), answer in zip(BAD_COMMANDS, answers):
        assert expected.lower() in answer.answer.lower(), f"{command!r} answered:\n{answer.answer}"
        message = answer.answer.splitlines()
        assert 1 <= len(message) <= 2, f"{command!r} should get a one-line message:\n{answer.answer}"
        if len(message) == 2:
            assert message[1].startswith("Usage: "), f"{command!r}: the second line may only be a usage hint"
    blank, comment, status, _ = answers[len(BAD_COMMANDS):]
    assert blank.answer == "" and comment.answer == ""
    money = re.search(r"Budget \$(\d+)M, unspent \$(\d+)M", status.answer)
    assert money and money.group(1) == money.group(2), f"a refused order spent money:\n{status.answer}"
    written = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file())
    assert [path for path in written if not path.startswith("saves/autosaves/")] == ["saves/autosave.json"], \
        "a bad save name wrote outside the saves folder"  # (saves/autosaves/ keeps each game's own autosaves)


def test_a_save_name_ending_in_json_still_goes_to_the_saves_folder(game: Callable[..., Run], tmp_path: Path) -> None:
    run = game("play", "--seed", "7", commands=lines("save moon.json", "save Moon.JSON", "save .json"))

    answers = exchanges(run.stdout)
    assert "Saved to saves/moon.json" in answers[0].answer
    assert "Saved to saves/Moon.json" in answers[1].answer
    assert "Give the save a name" in answers[2].answer
    assert (tmp_path / "saves" / "moon.json").is_file()
    assert not (tmp_path / "moon.json").exists()


def test_commands_after_the_race_is_over_are_answered_not_crashed(game: Callable[..., Run]) -> None:
    after = ["end", "fund vanguard 10", "schedule small_satellite", "status", "race", "save final", "result"]

    run = game("play", "--seed", "7", commands=lines(*["end"] * 21, *after))

    assert run.returncode == 0
    answers = exchanges(run.stdout)[-len(after):]
    assert [answer.command for answer in answers] == after
    for answer in answers[:3]:
        assert "The race is over" in answer.answer
    assert "Saved to saves/final.json" in answers[5].answer
    assert "WINS THE SPACE RACE" in answers[6].answer or "DRAW" in answers[6].answer


def test_an_unwritable_saves_folder_warns_instead_of_claiming_a_save(game: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the saves folder should be")

    run = game("play", "--seed", "3", "--saves-dir", "blocked", commands=lines("save foo", "end", "quit"))

    assert run.returncode == 0
    answers = exchanges(run.stdout)
    assert "could not be written" in answers[0].answer
    assert "Warning: the autosave could not be written" in answers[1].answer
    assert "Game saved" not in run.stdout and "saved to" not in run.stdout.lower()


def test_a_bare_schedule_lists_the_bookings_instead_of_a_usage_error(game: Callable[..., Run], tmp_path: Path) -> None:
    run = game("play", "--side", "usa", "--seed", "7", commands=lines("schedule", "quit"))
    answer = exchanges(run.stdout)[0].answer
    assert answer.splitlines() == [
        "No flights are booked for 1955 yet ('missions' shows what can fly).",
        "To book one: schedule MISSION [MONTH] [rocket=ID] [craft=ID] [lander=ID] [crew=NAME,NAME] [backup]   "
        "('cancel N' takes one off.)"]
