"""`play --difficulty`: the AI rival's budget is scaled, the choice survives save and load, a replay of the game
verifies, and a save naming an unknown difficulty is refused cleanly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from game.engine import rules
from game.record.save import Record, SaveError
from game.record.upgrade import upgrade_save

from .conftest import Run, exchanges, lines, run_game

SEED = "7"
OPENING = ["choose orbiter", "start explorer", "fund explorer 15", "fund juno_i 20", "end", "recruit 2"]


@pytest.fixture(scope="module")
def hard(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """A hard game a year and a bit in, saved as 'mid'."""
    run = run_game("play", "--difficulty", "hard", "--seed", SEED, cwd=tmp_path_factory.mktemp("hard"),
                   commands=lines(*OPENING, "status", "save mid", "quit"))
    assert run.returncode == 0, run.stderr
    return run


@pytest.fixture(scope="module")
def normal(tmp_path_factory: pytest.TempPathFactory) -> Run:
    run = run_game("play", "--seed", SEED, cwd=tmp_path_factory.mktemp("normal"),
                   commands=lines(*OPENING, "status", "quit"))
    assert run.returncode == 0, run.stderr
    return run


def test_play_hard_through_stdin(game: Callable[..., Run]) -> None:
    run = game("play", "--difficulty", "hard", "--seed", SEED, commands=lines("status", "quit"))

    assert run.returncode == 0 and run.stderr == ""
    status = exchanges(run.stdout)[0]
    assert status.command == "status"
    hard = rules.DIFFICULTY_BUDGET_PERCENT["hard"]
    assert "Difficulty hard: the rival plays sharper" in status.answer
    assert f"({hard} % of the normal budget)" in status.answer
    save = run.save()
    assert save["record"]["difficulty"] == "hard"
    assert save["state"]["sides"]["ussr"]["budget_percent"] == hard
    assert "budget_percent" not in save["state"]["sides"]["usa"], "the player's budget is untouched"


def test_a_normal_game_says_nothing_about_difficulty(normal: Run) -> None:
    assert "Difficulty" not in normal.stdout
    save = normal.save()
    assert save["record"]["difficulty"] == "normal"
    assert all("budget_percent" not in side for side in save["state"]["sides"].values())


def test_hard_gives_the_rival_more_money_and_the_player_the_same(hard: Run, normal: Run) -> None:
    hard_sides = hard.save("mid")["state"]["sides"]
    normal_sides = normal.save()["state"]["sides"]
    assert hard_sides["usa"]["history"] == normal_sides["usa"]["history"]
    assert hard_sides["usa"]["budget"] == normal_sides["usa"]["budget"]
    percent = rules.DIFFICULTY_BUDGET_PERCENT["hard"]
    assert hard_sides["ussr"]["history"][0]["budget"] == normal_sides["ussr"]["history"][0]["budget"] * percent // 100


def test_easy_sets_the_rivals_budget_and_says_how_it_plays(game: Callable[..., Run], normal: Run) -> None:
    run = game("play", "--difficulty", "easy", "--seed", SEED, commands=lines("status", "end", "quit"))

    assert run.returncode == 0
    assert "Difficulty easy: the rival plays loosely" in exchanges(run.stdout)[0].answer
    first = run.save()["state"]["sides"]["ussr"]["history"][0]["budget"]
    percent = rules.DIFFICULTY_BUDGET_PERCENT["easy"]
    assert first == normal.save()["state"]["sides"]["ussr"]["history"][0]["budget"] * percent // 100


def test_save_and_load_keep_the_difficulty(game: Callable[..., Run], tmp_path: Path, hard: Run) -> None:
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "mid.json").write_bytes((hard.cwd / "saves" / "mid.json").read_bytes())

    run = game("play", "--load", "mid", commands=lines("status", "end", "quit"))

    assert run.returncode == 0, run.stderr
    assert "Difficulty hard" in exchanges(run.stdout)[0].answer
    save = run.save()
    assert save["record"]["difficulty"] == "hard"
    assert save["state"]["sides"]["ussr"]["budget_percent"] == rules.DIFFICULTY_BUDGET_PERCENT["hard"]
    assert save["state"]["year"] == 1957


def test_load_refuses_a_different_difficulty(game: Callable[..., Run], tmp_path: Path, hard: Run) -> None:
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "mid.json").write_bytes((hard.cwd / "saves" / "mid.json").read_bytes())

    run = game("play", "--load", "mid", "--difficulty", "easy", commands=lines("status"))

    assert run.returncode == 2 and run.stdout == ""
    assert "hard difficulty" in run.stderr


def test_replay_of_a_hard_game_verifies(game: Callable[..., Run], hard: Run) -> None:
    run = game("replay", "mid", cwd=hard.cwd)

    assert run.returncode == 0, run.stdout + run.stderr
    assert "Replay matches the record" in run.stdout


def test_replay_notices_a_difficulty_edited_after_the_game(game: Callable[..., Run], tmp_path: Path, hard: Run) -> None:
    data = hard.save("mid")
    data["record"]["difficulties"]["ussr"] = "easy"
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "edited.json").write_text(json.dumps(data), encoding="utf-8")

    run = game("replay", "edited")

    assert run.returncode == 1
    assert "Drift" in run.stdout


@pytest.mark.parametrize("command", ["play", "replay"])
def test_a_bogus_difficulty_in_a_save_is_a_clean_error(
    game: Callable[..., Run], tmp_path: Path, hard: Run, command: str
) -> None:
    data = hard.save("mid")
    data["record"]["difficulties"]["ussr"] = "nightmare"
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "bogus.json").write_text(json.dumps(data), encoding="utf-8")

    run = game(*(["play", "--load"] if command == "play" else ["replay"]), "bogus", commands=lines("status"))

    assert run.returncode == 2
    assert run.stdout == ""
    message = run.stderr.strip()
    assert "\n" not in message
    assert message.startswith("space-race: saves/bogus.json: ")
    assert "unknown difficulty 'nightmare'" in message


def test_bad_difficulty_option_is_a_usage_error(game: Callable[..., Run]) -> None:
    run = game("play", "--difficulty", "nightmare")

    assert run.returncode == 2
    assert "--difficulty" in run.stderr and "nightmare" in run.stderr


def test_play_help_explains_the_difficulty(game: Callable[..., Run]) -> None:
    run = game("play", "--help")

    assert run.returncode == 0
    text = " ".join(run.stdout.split())
    assert "--difficulty {easy,normal,hard}" in text
    assert "how well the AI rival plays — easy: the rival plays loosely" in text and "(118 % of its budget)" in text


def _record(**changes: Any) -> dict[str, Any]:
    record = Record(scenario="full_campaign", seed=1, content_digest="x", players=("usa",)).to_dict()
    record.update(changes)
    return record


def test_record_round_trip_and_old_records() -> None:
    hard = Record.from_dict(_record(difficulties={"usa": "normal", "ussr": "hard"}))
    assert hard.difficulty == "hard" and hard.difficulties == {"usa": "normal", "ussr": "hard"}
    assert Record.from_dict(hard.to_dict()) == hard
    assert hard.to_dict()["difficulty"] == "hard", "what a save's preview shows"
    old = _record()
    del old["difficulties"], old["policies"]
    old.update(policy="strategic")
    del old["difficulty"]
    upgraded = upgrade_save({"format": "space-race-save", "version": 3, "record": old})["record"]
    assert Record.from_dict(upgraded).difficulties == {"usa": "normal", "ussr": "normal"}


@pytest.mark.parametrize("bad", ["nightmare", "", "HARD", 3, None, ["hard"]])
def test_record_refuses_an_unknown_difficulty(bad: object) -> None:
    with pytest.raises(SaveError, match="unknown difficulty"):
        Record.from_dict(_record(difficulties={"usa": "normal", "ussr": bad}))
