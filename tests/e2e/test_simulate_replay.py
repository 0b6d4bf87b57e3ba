"""`simulate` (the JSON shape and the text summary) and `replay` (a clean record matches; a tampered one names its drift)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

from game.content.loader import load_content

from .conftest import Run, lines, run_game

SIDES = {"usa", "ussr"}


def test_simulate_json_has_exactly_the_documented_shape(game: Callable[..., Run]) -> None:
    run = game("simulate", "--games", "4", "--seed", "3", "--json")

    assert run.returncode == 0
    assert run.stdout.count("\n") == 1, "one JSON object on one line"
    result = json.loads(run.stdout)
    assert set(result) == {"games", "seed", "scenario", "policies", "difficulties", "wins", "games_detail"}
    assert (result["games"], result["seed"], result["scenario"]) == (4, 3, "full_campaign")
    assert result["policies"] == {"usa": "strategic", "ussr": "strategic"}
    assert result["difficulties"] == {"usa": "normal", "ussr": "normal"}
    assert set(result["wins"]) == {"usa", "ussr", "draw"}
    assert sum(result["wins"].values()) == 4
    details = result["games_detail"]
    assert len(details) == 4
    milestones = set(load_content().milestones)
    for detail in details:
        assert set(detail) == {"seed", "winner", "prestige", "firsts", "achieved", "crew_lost", "ending", "late"}
        assert detail["winner"] in {"usa", "ussr", "draw"}
        assert set(detail["prestige"]) == SIDES
        assert all(isinstance(value, int) for value in detail["prestige"].values())
        assert detail["firsts"], "every campaign has firsts"
        for milestone, first in detail["firsts"].items():
            assert milestone in milestones
            assert set(first) == {"side", "year", "month"}
            assert first["side"] in SIDES and 1955 <= first["year"] <= 1975 and 1 <= first["month"] <= 12
            own = detail["achieved"][first["side"]][milestone]
            assert own == {"year": first["year"], "month": first["month"], "first": True}, "a first is its side's own"
        assert set(detail["achieved"]) == SIDES and set(detail["crew_lost"]) == SIDES
        assert all(isinstance(count, int) and count >= 0 for count in detail["crew_lost"].values())
        assert detail["ending"]["reason"] in {"win", "collapse", "end", "time"} and 1955 <= detail["ending"]["year"] <= 1975
        assert set(detail["late"]) == {"unspent_percent", "after_landing"}
        assert set(detail["late"]["unspent_percent"]) == SIDES and set(detail["late"]["after_landing"]) == SIDES
        for rows in detail["late"]["after_landing"].values():
            for row in rows.values():
                assert set(row) == {"flights", "firsts", "service_prestige", "service_support", "service_budget"}
    assert len({detail["seed"] for detail in details}) == 4, "each game has its own seed"
    for side in ("usa", "ussr", "draw"):
        assert result["wins"][side] == sum(1 for detail in details if detail["winner"] == side)


def test_simulate_summary_mentions_wins_per_side_and_median_years(game: Callable[..., Run]) -> None:
    run = game("simulate", "--games", "3", "--seed", "3")

    assert run.returncode == 0
    assert "3 AI-vs-AI games of full_campaign" in run.stdout
    assert "Wins: USA " in run.stdout and "USSR " in run.stdout and "draws " in run.stdout
    assert "median year" in run.stdout
    assert "First crew on the Moon" in run.stdout


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The autosave of a finished campaign with a few player orders in it."""
    commands = lines("choose orbiter", "start explorer", "fund explorer 15", "fund juno_i 20", "recruit 2", "end",
                     *["end"] * 20)
    run = run_game("play", "--seed", "21", cwd=tmp_path_factory.mktemp("finished"), commands=commands, hashseed="3")
    assert run.returncode == 0
    save = run.save()
    assert save["state"]["over"] is True
    return save


def write(folder: Path, name: str, save: dict[str, Any]) -> None:
    (folder / "saves").mkdir(exist_ok=True)
    (folder / "saves" / f"{name}.json").write_text(json.dumps(save), encoding="utf-8")


def test_replay_of_a_finished_game_matches(game: Callable[..., Run], tmp_path: Path, finished: dict[str, Any]) -> None:
    write(tmp_path, "finished", finished)

    run = game("replay", "finished", hashseed="4")

    assert run.returncode == 0, run.stdout
    assert "Replay matches" in run.stdout
    years = finished["state"]["year"] - finished["state"]["start_year"] + 1
    assert f"{years + 1} year checksums verified" in run.stdout, "every year's checksum and the final one"


def test_replay_transcript_tells_the_whole_story(game: Callable[..., Run], tmp_path: Path, finished: dict[str, Any]) -> None:
    write(tmp_path, "finished", finished)

    run = game("replay", "finished", "--transcript")

    assert run.returncode == 0
    assert "THE RACE IS OVER" in run.stdout
    assert run.stdout.rstrip().splitlines()[-1].startswith("Replay matches")


def _first_player_fund(save: dict[str, Any]) -> dict[str, Any]:
    return next(order for order in save["record"]["orders"] if order["type"] == "Fund" and order["side"] == "usa")


TAMPERING: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "order_amount": (lambda save: _first_player_fund(save).update(amount=16), "Drift"),
    "order_dropped": (lambda save: save["record"]["orders"].remove(_first_player_fund(save)), "Drift"),
    "order_refused": (lambda save: _first_player_fund(save).update(amount=100000), "refused on replay"),
    "year_checksum": (lambda save: save["record"]["checksums"].update({"1960": "0" * 16}), "start of 1960"),
    "first_checksum": (lambda save: save["record"]["checksums"].update({"1955": "0" * 16}), "start of 1955"),
    "final_checksum": (lambda save: save["record"]["checksums"].update(final="0" * 16), "the final state"),
    "seed": (lambda save: save["record"].update(seed=save["record"]["seed"] + 1), "Drift"),
    "final_state": (lambda save: save["state"]["sides"]["usa"].update(prestige=save["state"]["sides"]["usa"]["prestige"] + 1),
                    "does not end where the save does"),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_replay_reports_drift_in_a_tampered_record(
    game: Callable[..., Run], tmp_path: Path, finished: dict[str, Any], case: str
) -> None:
    tamper, report = TAMPERING[case]
    save = json.loads(json.dumps(finished))
    tamper(save)
    write(tmp_path, case, save)

    run = game("replay", case)

    assert run.returncode == 1, run.stdout
    assert report in run.stdout
    assert "Replay matches" not in run.stdout
