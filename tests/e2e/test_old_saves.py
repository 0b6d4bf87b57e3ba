"""Saves written by earlier versions of the game (tests/data/saves) still load, play on, and replay honestly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.app.replay import replay_save
from game.app.session import Session
from game.content.loader import load_content
from game.engine.orders import EndYear
from game.engine.rules import RULES_VERSION
from game.record.save import SaveError, read_save
from game.record.upgrade import SAVE_VERSION, UpgradeError, upgrade_save, why_unreadable

from .conftest import lines, run_game

OLD_SAVES_DIR = Path(__file__).resolve().parents[1] / "data" / "saves"
OLD_SAVES = sorted(OLD_SAVES_DIR.glob("*.json"))


@pytest.fixture(scope="module")
def content():  # noqa: ANN201
    return load_content()


def test_there_is_an_example_of_every_older_format() -> None:
    versions = {json.loads(path.read_text(encoding="utf-8"))["version"] for path in OLD_SAVES}
    assert versions >= set(range(1, SAVE_VERSION)), "every save-format change keeps an example save"


@pytest.mark.parametrize("path", OLD_SAVES, ids=lambda path: path.stem)
def test_an_old_save_loads_and_the_game_plays_on(path: Path, content) -> None:  # noqa: ANN001
    save = read_save(path, content)
    assert save.record.rules_version >= 1
    session = Session.resume(content, save)
    side = session.players[0]
    year = session.state.year
    session.submit(EndYear(side=side))
    assert session.state.year == year + 1 or session.state.over
    assert session.state.checksum()


@pytest.mark.parametrize("path", OLD_SAVES, ids=lambda path: path.stem)
def test_an_old_save_replays_or_says_plainly_why_it_cannot(path: Path, content) -> None:  # noqa: ANN001
    save = read_save(path, content)
    report = replay_save(content, save)
    text = "\n".join(report.lines)
    assert "tamper" not in text.lower()
    if save.record.rules_version != RULES_VERSION:
        assert not report.ok
        assert f"played under rules version {save.record.rules_version}" in text
        assert "still loads and plays on" in text
    elif save.record.content_digest != content.digest:
        assert report.ok or "content changed since the game was recorded" in text
    else:
        assert report.ok, text


def test_an_old_save_continues_from_the_command_line(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    shutil.copy(OLD_SAVES[0], saves / "old.json")
    run = run_game("play", "--ui", "text", "--load", "old", cwd=tmp_path, commands=lines("status", "end", "status"))
    assert run.returncode == 0, run.stderr
    assert "Resumed" in run.stdout
    assert run.save()["version"] == SAVE_VERSION  # the autosave is written in today's format


def test_upgrade_steps_fill_in_what_the_older_format_lacked() -> None:
    data = {"format": "space-race-save", "version": 1, "record": {"orders": []}, "state": {}}
    upgraded = upgrade_save(data)
    assert upgraded["version"] == SAVE_VERSION
    assert upgraded["record"]["rules_version"] == 1


@pytest.mark.parametrize("version, words", [
    (SAVE_VERSION + 1, "written by a newer Space Race"), (0, "not a version"), ("2", "not a version"),
    (True, "not a version"), (None, "not a version"),
])
def test_unreadable_versions_are_explained(version: object, words: str) -> None:
    assert words in (why_unreadable(version) or "")
    with pytest.raises(UpgradeError, match=words):
        upgrade_save({"version": version})


def test_a_save_from_a_newer_game_is_refused_with_a_reason(tmp_path: Path, content) -> None:  # noqa: ANN001
    data = json.loads(OLD_SAVES[0].read_text(encoding="utf-8"))
    data["version"] = SAVE_VERSION + 1
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SaveError, match="newer Space Race"):
        read_save(path, content)


def test_a_replay_with_other_content_says_so_rather_than_blaming_the_save(content) -> None:  # noqa: ANN001
    session, _ = Session.new(content, "sputnik_shock", 5, players=("usa",))
    session.submit(EndYear(side="usa"))
    save = session.save_file()
    save.record.content_digest = "0123456789abcdef"
    save.record.mods = ("first_lady 1.0",)
    report = replay_save(content, save)
    text = "\n".join(report.lines)
    assert "the content has changed since this game was recorded (content 0123456789abcdef then" in text
    assert "it was played with first_lady 1.0, and no mods are loaded now" in text
    assert report.ok  # the orders still play out the same: the change did not touch this game
    save.record.orders[0] = (save.record.orders[0][0], EndYear(side="ussr"))  # now it really differs
    report = replay_save(content, save)
    assert not report.ok
    assert "content changed since the game was recorded, which explains a difference" in "\n".join(report.lines)


def test_a_format_3_save_continues_with_its_rivals_difficulty_and_policy(tmp_path: Path) -> None:
    """Format 3 kept one policy and the rival's difficulty; format 4 keeps them per side, and the game goes on
    as it was: the American rival still at 125 %, still strategic."""
    saves = tmp_path / "saves"
    saves.mkdir()
    shutil.copy(OLD_SAVES_DIR / "v3_full_campaign_ussr_1962.json", saves / "old.json")
    run = run_game("play", "--ui", "text", "--load", "old", "--difficulty", "hard", "--rival", "strategic",
                   cwd=tmp_path, commands=lines("status", "end", "status"))
    assert run.returncode == 0, run.stderr
    assert "Difficulty hard: the rival plays sharper" in run.stdout
    assert "this game keeps the budget it began with, 125 % of the normal budget" in run.stdout
    save = run.save()
    assert save["version"] == SAVE_VERSION and save["state"]["year"] == 1963
    assert save["record"]["policies"] == {"usa": "strategic", "ussr": "strategic"}
    assert save["record"]["difficulties"] == {"usa": "hard", "ussr": "normal"}
    assert save["state"]["sides"]["usa"]["budget_percent"] == 125
    refused = run_game("play", "--ui", "text", "--load", "old", "--difficulty", "normal", cwd=tmp_path)
    assert refused.returncode == 2 and "hard difficulty" in refused.stderr
