"""A new game never loses another: each game keeps its own last autosaves in saves/autosaves/, and starting a new
game says where the unfinished one is; loading it from there takes the game up where it was."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from game.record.save import AUTOSAVES_KEPT

from .conftest import Run, exchanges, lines


def test_a_new_game_keeps_the_unfinished_one_and_says_where(game: Callable[..., Run], tmp_path: Path) -> None:
    first = game("play", "--side", "usa", "--seed", "101", commands=lines("end", "end", "end", "end", "end", "quit"))
    assert first.returncode == 0
    kept = sorted((tmp_path / "saves" / "autosaves").glob("*.json"))
    assert len(kept) == AUTOSAVES_KEPT  # the last few years of this game, no more
    assert kept[-1].name.endswith("-1960.json")

    second = game("play", "--side", "ussr", "--seed", "202", commands=lines("end", "quit"))
    assert second.returncode == 0
    assert ("Your unfinished game (USA in The Space Race, 1955–1975, 1960) is kept: resume it with space-race play "
            "--load") in second.stdout
    path = second.stdout.split("space-race play --load ", 1)[1].split("\n", 1)[0].strip()
    assert second.save()["record"]["seed"] == 202  # the autosave is the new game's now …

    again = game("play", "--load", path, commands=lines("status", "quit"))  # … and the first one is still there
    assert again.returncode == 0 and again.stdout.startswith("Resumed")
    assert again.save()["record"]["seed"] == 101 and again.save()["state"]["year"] == 1960


def test_the_same_seed_begun_again_is_a_new_game(game: Callable[..., Run], tmp_path: Path) -> None:
    game("play", "--side", "usa", "--seed", "7", commands=lines("end", "quit"))
    game("play", "--side", "usa", "--seed", "7", commands=lines("end", "end", "quit"))
    names = sorted(path.name for path in (tmp_path / "saves" / "autosaves").glob("*.json"))
    ids = {name.rsplit("-", 1)[0] for name in names}
    assert len(ids) == 2, names  # two games, two names: the second did not overwrite the first's autosaves


def test_saves_lists_them_and_load_takes_one_up_with_its_briefing(game: Callable[..., Run], tmp_path: Path) -> None:
    game("play", "--side", "usa", "--seed", "3", commands=lines("end yes", "end yes", "save one", "quit"))
    run = game("play", "--side", "ussr", "--seed", "4",
               commands=lines("saves", "load one", "load nothing", "status"))
    assert run.returncode == 0
    text = run.stdout
    assert "Load it with" in text and "autosaves/" in text  # its own saves and the kept ones
    listed = exchanges(text)[0].answer
    rows = [line for line in listed.splitlines() if re.match(r"\s+\d+  ", line)]
    assert rows and all(" in The Space Race, 1955–1975" in row for row in rows)  # the scenario's name, not its id
    assert any("(autosave)" in row and "autosaves/" in row.split()[-1] for row in rows), rows
    assert any(row.rstrip().endswith("  one") and "USA in" in row and "(autosave)" not in row for row in rows), rows
    assert "full_campaign" not in listed
    assert "Loaded saves/one.json" in text and "playing the United States" in text
    assert "This year's briefing (1957):" in text  # the year's news again, after a load
    assert "That save cannot be loaded: saves/nothing.json: no such save" in text
    assert "1957 USA> status" in text  # the loaded game goes on
    kept = {path.name.rsplit("-", 1)[0] for path in (tmp_path / "saves" / "autosaves").glob("*.json")}
    assert len(kept) == 2  # the Soviet game was autosaved before the load: both games are kept


def test_play_load_shows_the_years_briefing(game: Callable[..., Run]) -> None:
    game("play", "--side", "usa", "--seed", "3", commands=lines("end yes", "save here", "quit"))
    run = game("play", "--load", "here", commands=lines("quit"))
    assert run.stdout.startswith("Resumed saves/here.json")
    assert "This year's briefing (1956):" in run.stdout and "Prestige" in run.stdout


def test_a_game_taken_up_from_an_earlier_year_keeps_its_new_autosave(game: Callable[..., Run], tmp_path: Path) -> None:
    game("play", "--side", "usa", "--seed", "9", commands=lines("end yes", "save early", *["end yes"] * 4, "quit"))
    again = game("play", "--load", "early", commands=lines("end yes", "quit"))  # 1956 again, a different future
    assert again.returncode == 0
    kept = sorted(path.name for path in (tmp_path / "saves" / "autosaves").glob("*.json"))
    assert any(name.endswith("-1957.json") for name in kept), kept  # the copy just written is never pruned
    assert f"--load saves/autosaves/" in again.stdout and again.stdout.rstrip().endswith("-1957.json")


def test_fund_last_sets_last_years_lines_again(game: Callable[..., Run]) -> None:
    run = game("play", "--side", "usa", "--seed", "5",
               commands=lines("start explorer", "fund explorer 20", "fund education 5", "fund explorer 30", "end yes",
                              "fund last", "budget"))
    assert run.returncode == 0
    assert "Funded as in 1955: explorer $30M, education $5M." in run.stdout
    assert "Research: Explorer satellite" in run.stdout.split("USA> budget", 1)[1]


def test_load_takes_a_number_from_the_saves_list(game: Callable[..., Run], tmp_path: Path) -> None:
    game("play", "--side", "usa", "--seed", "3", commands=lines("end yes", "save one", "quit"))
    run = game("play", "--side", "ussr", "--seed", "4", commands=lines("load 2", "saves", "load 9", "load 2", "quit"))
    answers = exchanges(run.stdout)
    assert "no such save" in answers[0].answer  # no list shown yet: '2' is a name
    second = next(line for line in answers[1].answer.splitlines() if line.split()[:1] == ["2"])
    assert "there is no number 9" in answers[2].answer
    assert answers[3].answer.startswith(f"Loaded saves/{second.split()[-1]}.json")
