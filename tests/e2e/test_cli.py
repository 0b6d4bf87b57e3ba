"""The command line itself: end of input, --help and --version everywhere, the scenario list, bad option values."""

from __future__ import annotations

from typing import Callable

import pytest

from game import __version__

from .conftest import Run, exchanges, lines

SUBCOMMANDS = ["play", "simulate", "replay", "scenarios"]


def test_end_of_input_mid_game_saves_and_exits_cleanly(game: Callable[..., Run]) -> None:
    run = game("play", "--seed", "7", commands=lines("fund vanguard 10", "end", "recruit 1"))

    assert run.returncode == 0
    assert run.stderr == ""
    assert "End of input: the game is saved. Resume it with: space-race play --load saves/autosaves/" in run.stdout
    save = run.save()
    assert save["state"]["year"] == 1956 and save["state"]["over"] is False
    assert [order["type"] for order in save["record"]["orders"] if order["side"] == "usa"][-1] == "Recruit"


def test_no_input_at_all_still_starts_and_saves(game: Callable[..., Run]) -> None:
    run = game("--seed", "7")

    assert run.returncode == 0
    assert "SPACE RACE 1955–1975" in run.stdout
    assert run.save()["state"]["year"] == 1955
    title = run.stdout.splitlines()[0]
    assert title == "SPACE RACE 1955–1975", "the title once, not again as the scenario's name"
    assert run.stdout.lower().count("space race") == 1


def test_a_scenario_with_its_own_name_opens_with_it_after_the_title(game: Callable[..., Run]) -> None:
    run = game("play", "--scenario", "detente", "--seed", "7", commands="quit\n")
    assert run.stdout.splitlines()[0] == "SPACE RACE 1955–1975 — Détente, 1969–1975"


def test_input_without_a_final_newline_is_still_read(game: Callable[..., Run]) -> None:
    run = game("play", "--seed", "7", commands="status\nend")

    assert [answer.command for answer in exchanges(run.stdout)] == ["status", "end"]
    assert run.save()["state"]["year"] == 1956


def test_quit_saves_and_says_how_to_resume(game: Callable[..., Run]) -> None:
    run = game("play", "--seed", "7", commands=lines("quit", "end"))

    assert run.returncode == 0
    assert "Game saved. Resume it with: space-race play --load saves/autosaves/" in run.stdout
    assert exchanges(run.stdout)[-1].command == "quit", "nothing after quit is read"
    assert run.save()["state"]["year"] == 1955
    kept = run.stdout.split("--load ", 1)[1].split()[0]  # this game's own copy: another game cannot replace it
    again = game("play", "--load", kept, commands=lines("quit"))
    assert again.returncode == 0 and again.stdout.startswith("Resumed")


@pytest.mark.parametrize("command", [[], *([name] for name in SUBCOMMANDS)], ids=["top", *SUBCOMMANDS])
def test_help_and_version_work_on_the_command_and_every_subcommand(game: Callable[..., Run], command: list[str]) -> None:
    helped = game(*command, "--help")
    version = game(*command, "--version")

    assert helped.returncode == 0 and version.returncode == 0
    assert helped.stdout.startswith("usage: space-race")
    assert version.stdout.strip() == f"space-race {__version__}"
    if not command:
        for name in SUBCOMMANDS:
            assert name in helped.stdout


def test_scenarios_lists_the_full_campaign(game: Callable[..., Run]) -> None:
    run = game("scenarios")

    assert run.returncode == 0
    listed = {line.split()[0] for line in run.stdout.splitlines() if line and not line.startswith(" ")}
    assert "full_campaign" in listed
    assert "1955–1975" in next(line for line in run.stdout.splitlines() if line.startswith("full_campaign"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--seed", "abc"], "'abc' is not a whole number"),
        (["play", "--seed", "abc"], "'abc' is not a whole number"),
        (["--seed", "-1"], "seeds are whole numbers"),
        (["--side", "mars"], "invalid choice: 'mars'"),
        (["play", "--side", "mars"], "invalid choice: 'mars'"),
        (["--scenario", "nope"], "there is no scenario 'nope'"),
        (["play", "--scenario", "nope"], "there is no scenario 'nope'"),
        (["simulate", "--scenario", "nope"], "there is no scenario 'nope'"),
        (["simulate", "--games", "0"], "must be at least 1"),
        (["simulate", "--games", "many"], "'many' is not a whole number"),
        (["replay"], "required: SAVE"),
        (["conquer"], "invalid choice: 'conquer'"),
    ],
    ids=lambda value: "_".join(value) if isinstance(value, list) else None,
)
def test_bad_option_values_exit_2_with_a_message(game: Callable[..., Run], args: list[str], message: str) -> None:
    run = game(*args, commands=lines("end"))

    assert run.returncode == 2
    assert message in run.stderr
    assert "SPACE RACE" not in run.stdout, "no game may start"
    assert not (run.cwd / "saves").exists()
