"""Save, quit, `play --load`, continue: the game ends exactly where one uninterrupted run with the same commands ends."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest

from .conftest import Run, exchanges, lines, result_screen, run_game

SEED = "1957"
YEARS = [
    ["choose orbiter", "start explorer", "fund explorer 20", "fund juno_i 20", "recruit 2", "end"],
    ["fund explorer 40", "fund training 4", "recruit 1", "end"],
    ["build pad", "schedule small_satellite 3", "schedule small_satellite 5 rocket=juno_i craft=explorer",
     "schedule small_satellite 7", "cancel 2", "fund education 5", "end"],
    ["schedule small_satellite 2", "recruit 4", "end"],
]
COMMANDS = [command for year in YEARS for command in year] + ["end"] * (21 - len(YEARS))


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> Run:
    run = run_game("play", "--side", "usa", "--seed", SEED, cwd=tmp_path_factory.mktemp("uninterrupted"),
                   commands=lines(*COMMANDS))
    assert run.returncode == 0
    assert run.save()["state"]["over"] is True
    return run


def play_in_two_sittings(game: Callable[..., Run], tmp_path: Path, split: int) -> tuple[Run, Run]:
    first = game("play", "--side", "usa", "--seed", SEED, commands=lines(*COMMANDS[:split], "save mid", "quit"))
    second = game("play", "--load", "mid", commands=lines(*COMMANDS[split:]))
    return first, second


def same_game(resumed: dict[str, Any], whole: dict[str, Any]) -> None:
    assert resumed["state"] == whole["state"]
    assert resumed["record"]["orders"] == whole["record"]["orders"]
    assert resumed["record"]["checksums"] == whole["record"]["checksums"]


def test_a_save_between_years_continues_exactly_like_the_uninterrupted_game(
    game: Callable[..., Run], tmp_path: Path, uninterrupted: Run
) -> None:
    split = sum(len(year) for year in YEARS[:2])  # after closing 1956

    first, second = play_in_two_sittings(game, tmp_path, split)

    assert "Saved to saves/mid.json" in first.stdout
    assert first.save("mid")["state"]["year"] == 1957
    assert second.returncode == 0
    assert second.stdout.startswith("Resumed saves/mid.json")
    assert result_screen(second.stdout) == result_screen(uninterrupted.stdout)
    same_game(second.save(), uninterrupted.save())


def test_a_save_in_the_middle_of_a_year_continues_exactly_like_the_uninterrupted_game(
    game: Callable[..., Run], tmp_path: Path, uninterrupted: Run
) -> None:
    split = sum(len(year) for year in YEARS[:2]) + 5  # 1957: a pad built, three launches booked, one cancelled

    first, second = play_in_two_sittings(game, tmp_path, split)

    mid = first.save("mid")["state"]
    assert mid["year"] == 1957
    assert [item["number"] for item in mid["sides"]["usa"]["scheduled"]] == [1, 3]
    assert second.returncode == 0
    assert exchanges(second.stdout)[0].command == COMMANDS[split]
    assert result_screen(second.stdout) == result_screen(uninterrupted.stdout)
    same_game(second.save(), uninterrupted.save())


def test_a_resumed_game_replays_cleanly(game: Callable[..., Run], tmp_path: Path) -> None:
    split = sum(len(year) for year in YEARS[:3]) - 1  # everything of 1957 but its end

    play_in_two_sittings(game, tmp_path, split)
    replay = game("replay", "autosave")

    assert replay.returncode == 0, replay.stdout + replay.stderr
    assert "Replay matches" in replay.stdout


def test_loading_a_finished_game_shows_its_result(game: Callable[..., Run], uninterrupted: Run) -> None:
    run = game("play", "--load", str(uninterrupted.cwd / "saves" / "autosave.json"))

    assert run.returncode == 0
    assert result_screen(run.stdout) == result_screen(uninterrupted.stdout)
