"""Damaged, foreign and impossible saves given to `play --load` and `replay`: exit status 2 and one line naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from .conftest import Run, lines, run_game


@pytest.fixture(scope="module")
def real_save(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text of a real save, two years and a few orders into a US campaign."""
    commands = lines("choose orbiter", "start explorer", "fund explorer 15", "fund juno_i 20", "end", "recruit 2",
                     "fund explorer 40", "fund juno_i 30", "end", "schedule small_satellite 4", "quit")
    run = run_game("play", "--seed", "7", cwd=tmp_path_factory.mktemp("real"), commands=commands)
    assert run.returncode == 0
    assert "Scheduled #1" in run.stdout
    return (run.cwd / "saves" / "autosave.json").read_text(encoding="utf-8")


def edited(text: str, change: Callable[[dict[str, Any]], None]) -> bytes:
    data = json.loads(text)
    change(data)
    return json.dumps(data).encode("utf-8")


def _unknown_program(data: dict[str, Any]) -> None:
    programs = data["state"]["sides"]["usa"]["programs"]
    programs["warp_drive"] = dict(programs.pop("explorer"), id="warp_drive")


def _scheduled_on_unknown_hardware(data: dict[str, Any]) -> None:
    data["state"]["sides"]["usa"]["scheduled"][0]["rocket"] = "saturn_xx"


def _claim_of_unknown_milestone(data: dict[str, Any]) -> None:
    data["state"]["claims"].append({"milestone": "first_on_mars_by_bus", "side": "usa", "year": 1956, "month": 3,
                                    "first": True, "mission": ""})


BAD_SAVES: dict[str, tuple[Callable[[str], bytes | None], str]] = {
    "missing": (lambda text: None, "no such save"),
    "empty": (lambda text: b"", "damaged or truncated"),
    "truncated": (lambda text: text[: len(text) // 2].encode("utf-8"), "damaged or truncated"),
    "garbage": (lambda text: bytes(range(256)) * 8, "damaged or truncated"),
    "wrong_format": (lambda text: b'{"hello": "world"}', "not a Space Race save"),
    "a_list": (lambda text: b"[1, 2, 3]", "not a Space Race save"),
    "wrong_version": (lambda text: edited(text, lambda data: data.update(version=99)), "version 99"),
    "wrong_type": (lambda text: edited(text, lambda data: data["state"].update(year="1957")), "year"),
    "null_budget": (lambda text: edited(text, lambda data: data["state"]["sides"]["usa"].update(budget=None)), "budget"),
    "missing_state": (lambda text: edited(text, lambda data: data.pop("state")), "state"),
    "unknown_program": (lambda text: edited(text, _unknown_program), "warp_drive"),
    "unknown_hardware": (lambda text: edited(text, _scheduled_on_unknown_hardware), "saturn_xx"),
    "unknown_milestone": (lambda text: edited(text, _claim_of_unknown_milestone), "first_on_mars_by_bus"),
    "unknown_order": (lambda text: edited(text, lambda data: data["record"]["orders"][0].update(type="Nuke")), "Nuke"),
    "other_scenario": (lambda text: edited(text, lambda data: data["record"].update(scenario="moon_race")), "scenario"),
}


@pytest.mark.parametrize("case", sorted(BAD_SAVES))
def test_play_refuses_a_bad_save_with_one_line_naming_it(
    game: Callable[..., Run], tmp_path: Path, real_save: str, case: str
) -> None:
    make, reason = BAD_SAVES[case]
    body = make(real_save)
    if body is not None:
        (tmp_path / "saves").mkdir()
        (tmp_path / "saves" / f"{case}.json").write_bytes(body)

    run = game("play", "--load", case, commands=lines("status", "end"))

    assert run.returncode == 2
    assert run.stdout == "", "no game may start from a bad save"
    message = run.stderr.strip()
    assert "\n" not in message, f"one line, please:\n{run.stderr}"
    assert message.startswith(f"space-race: saves/{case}.json: "), message
    assert reason in message


@pytest.mark.parametrize("case", ["truncated", "unknown_hardware", "other_scenario"])
def test_replay_refuses_a_bad_save_the_same_way(game: Callable[..., Run], tmp_path: Path, real_save: str, case: str) -> None:
    make, reason = BAD_SAVES[case]
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / f"{case}.json").write_bytes(make(real_save) or b"")

    run = game("replay", case)

    assert run.returncode == 2
    assert run.stderr.strip().startswith(f"space-race: saves/{case}.json: ")
    assert reason in run.stderr


def test_a_folder_in_place_of_a_save_is_refused(game: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "saves" / "folder.json").mkdir(parents=True)

    run = game("play", "--load", "folder")

    assert run.returncode == 2
    assert run.stderr.startswith("space-race: saves/folder.json: cannot be read")


def test_the_real_save_itself_loads(game: Callable[..., Run], tmp_path: Path, real_save: str) -> None:
    (tmp_path / "saves").mkdir()
    (tmp_path / "saves" / "good.json").write_text(real_save, encoding="utf-8")

    run = game("play", "--load", "good", commands=lines("status"))

    assert run.returncode == 0
    assert run.stdout.startswith("Resumed saves/good.json")
    assert "Scheduled: #1" in run.stdout


def test_a_save_named_with_json_is_found_where_the_game_wrote_it(tmp_path) -> None:  # noqa: ANN001
    from game.record.save import resolve_save_path

    saves = tmp_path / "saves"
    assert resolve_save_path("moon.json", saves) == saves / "moon.json"
    assert resolve_save_path("moon", saves) == saves / "moon.json"
    assert resolve_save_path("elsewhere/moon.json", saves).as_posix() == "elsewhere/moon.json"
