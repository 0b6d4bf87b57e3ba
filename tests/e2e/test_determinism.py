"""Same scenario, seed and commands → byte-identical output in separate processes, whatever the hash seed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from .conftest import Run, lines

ORDERS = {
    "usa": ["choose orbiter", "start explorer", "fund explorer 20", "fund juno_i 20", "recruit 2", "end",
            "fund explorer 40", "fund training 5", "end", "build pad", "schedule small_satellite 3", "end"],
    "ussr": ["start sputnik_ps1", "fund r7 40", "fund sputnik_ps1 10", "recruit 3", "end", "choose simple",
             "fund r7 60", "end", "schedule small_satellite 2", "schedule small_satellite 6", "end"],
}


@pytest.mark.parametrize("side", ["usa", "ussr"])
def test_a_whole_campaign_prints_the_same_bytes_under_different_hash_seeds(
    game: Callable[..., Run], tmp_path: Path, side: str
) -> None:
    orders = ORDERS[side]
    commands = lines(*orders, *["end"] * (21 - orders.count("end")))

    first = game("play", "--side", side, "--seed", "1961", commands=commands, cwd=tmp_path / "one", hashseed="1")
    second = game("play", "--side", side, "--seed", "1961", commands=commands, cwd=tmp_path / "two", hashseed="2")

    assert first.returncode == second.returncode == 0
    assert "WINS THE SPACE RACE" in first.stdout or "DRAW" in first.stdout
    assert first.stdout == second.stdout
    assert (first.cwd / "saves" / "autosave.json").read_bytes() == (second.cwd / "saves" / "autosave.json").read_bytes()


def test_a_different_seed_tells_a_different_story(game: Callable[..., Run], tmp_path: Path) -> None:
    commands = lines(*["end"] * 21)

    first = game("play", "--seed", "1961", commands=commands, cwd=tmp_path / "one")
    second = game("play", "--seed", "1962", commands=commands, cwd=tmp_path / "two")

    assert first.save()["state"] != second.save()["state"]


def test_simulate_json_is_identical_under_different_hash_seeds(game: Callable[..., Run], tmp_path: Path) -> None:
    args = ("simulate", "--games", "3", "--seed", "5", "--json")

    first = game(*args, cwd=tmp_path / "one", hashseed="1")
    second = game(*args, cwd=tmp_path / "two", hashseed="2")

    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)["games"] == 3
