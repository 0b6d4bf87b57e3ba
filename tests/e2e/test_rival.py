"""`play --rival POLICY`: the AI rival's policy is kept in the save; a save resumes with its own rival, and asking
for another is refused as clearly as another difficulty is; bad names are usage errors naming the allowed ones."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

import pytest

from game import cli
from game.app.session import Session
from game.content.loader import load_content
from game.engine import ai
from game.record.save import write_save

from .conftest import Run, exchanges, lines

SEED = "7"


@pytest.mark.parametrize("policy", ai.POLICIES)
@pytest.mark.parametrize(("side", "rival"), [("usa", "ussr"), ("ussr", "usa")])
def test_the_rival_is_kept_in_the_save(game: Callable[..., Run], policy: str, side: str, rival: str) -> None:
    run = game("play", "--scenario", "sputnik_shock", "--side", side, "--rival", policy, "--seed", SEED,
               commands=lines("status", "quit"))

    assert run.returncode == 0 and run.stderr == ""
    assert exchanges(run.stdout)[0].command == "status"
    record = run.save()["record"]
    assert record["policies"] == {side: "strategic", rival: policy}
    assert record["difficulties"] == {"usa": "normal", "ussr": "normal"}


def test_without_rival_the_rival_plays_strategic_and_resumes_with_it(game: Callable[..., Run]) -> None:
    first = game("play", "--seed", SEED, commands=lines("end", "quit"))
    assert first.save()["record"]["policies"] == {"usa": "strategic", "ussr": "strategic"}

    again = game("play", "--load", "autosave", "--rival", "strategic", commands=lines("status", "quit"))

    assert again.returncode == 0, again.stderr
    assert "Resumed" in again.stdout
    assert again.save()["record"]["policies"] == {"usa": "strategic", "ussr": "strategic"}


@pytest.fixture
def other_policy(monkeypatch: pytest.MonkeyPatch) -> str:
    """A second policy the game accepts (a stand-in until the AI has two)."""
    others = [name for name in ai.POLICIES if name != "strategic"]
    if others:
        return others[0]
    monkeypatch.setattr(ai, "POLICIES", (*ai.POLICIES, "historical"))
    return "historical"


def test_a_save_refuses_another_rival(tmp_path: Path, other_policy: str, capsys: pytest.CaptureFixture[str]) -> None:
    session, _ = Session.new(load_content(), "sputnik_shock", 7, players=("usa",), run_ai=False)
    write_save(tmp_path / "saves" / "mid.json", session.save_file())

    code = cli.main(["play", "--ui", "text", "--saves-dir", str(tmp_path / "saves"), "--load", "mid",
                     "--rival", other_policy], out=io.StringIO())

    assert code == 2
    assert capsys.readouterr().err.strip() == ("space-race: that save's rival plays the strategic policy, which cannot "
                                               "change mid-game (leave out --rival to resume it)")


@pytest.mark.skipif(len(ai.POLICIES) < 2, reason="the AI plays one policy so far")
def test_a_save_refuses_another_rival_from_the_command_line(game: Callable[..., Run]) -> None:
    other = next(name for name in ai.POLICIES if name != "strategic")
    game("play", "--scenario", "sputnik_shock", "--rival", other, "--seed", SEED, commands=lines("save mid", "quit"))

    run = game("play", "--load", "mid", "--rival", "strategic", commands=lines("status"))

    assert run.returncode == 2 and run.stdout == ""
    assert f"that save's rival plays the {other} policy, which cannot change mid-game" in run.stderr


def test_the_window_gets_the_rival(monkeypatch: pytest.MonkeyPatch, other_policy: str) -> None:
    from game.ui.window import run as window

    seen: dict[str, object] = {}

    def fake_play(*args: object, **kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(window, "display_available", lambda: "")
    monkeypatch.setattr(window, "play", fake_play)
    code = cli.main(["play", "--ui", "window", "--rival", other_policy], out=io.StringIO())

    assert code == 0 and seen["rival"] == other_policy


def test_an_unknown_rival_is_a_usage_error(game: Callable[..., Run]) -> None:
    run = game("play", "--rival", "cunning")

    assert run.returncode == 2 and run.stdout == ""
    assert "argument --rival: unknown AI policy 'cunning': choose one of " + ", ".join(ai.POLICIES) in run.stderr


def test_play_help_says_what_each_rival_is(game: Callable[..., Run]) -> None:
    run = game("play", "--help")

    text = " ".join(run.stdout.split())
    assert "--rival {historical,strategic}" in text
    assert "historical: flies the real programme's schedule, adapting when the dice say no" in text
    assert "strategic: plans to win" in text
