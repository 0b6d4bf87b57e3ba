"""`space-race simulate --policy/--difficulty` as a user runs it: one policy or one difficulty for both sides or
per side, kept in the JSON; the summary's comparison with history and its months; bad values refused with the
allowed ones named."""

from __future__ import annotations

import json
from typing import Callable

import pytest

from game.engine import ai

from .conftest import Run

SHORT = ("simulate", "--scenario", "sputnik_shock", "--seed", "4")  # about a quarter of a second a game


def test_per_side_policy_and_difficulty_are_kept_in_the_json(game: Callable[..., Run]) -> None:
    run = game(*SHORT, "--games", "2", "--json", "--policy", "usa=strategic,ussr=strategic", "--difficulty", "ussr=hard")

    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["policies"] == {"usa": "strategic", "ussr": "strategic"}
    assert result["difficulties"] == {"usa": "normal", "ussr": "hard"}
    assert len(result["games_detail"]) == 2
    for detail in result["games_detail"]:
        assert set(detail) == {"seed", "winner", "prestige", "firsts", "achieved", "crew_lost", "ending", "late"}
        assert set(detail["achieved"]) == set(detail["crew_lost"]) == {"usa", "ussr"}
        for side, achieved in detail["achieved"].items():
            for milestone, when in achieved.items():
                assert set(when) == {"year", "month", "first"}
                assert when["first"] == (detail["firsts"][milestone]["side"] == side)
        assert detail["ending"]["reason"] in {"win", "collapse", "end", "time"}
        assert 1955 <= detail["ending"]["year"] <= 1961


@pytest.mark.parametrize("policy", ai.POLICIES)
def test_one_policy_and_one_difficulty_are_for_both_sides(game: Callable[..., Run], policy: str) -> None:
    run = game(*SHORT, "--games", "1", "--json", "--policy", policy, "--difficulty", "easy")

    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["policies"] == {"usa": policy, "ussr": policy}
    assert result["difficulties"] == {"usa": "easy", "ussr": "easy"}


def test_a_side_not_named_plays_strategic_at_normal(game: Callable[..., Run]) -> None:
    run = game(*SHORT, "--games", "1", "--json", "--policy", f"ussr={ai.POLICIES[-1]}", "--difficulty", "usa=easy")

    result = json.loads(run.stdout)
    assert result["policies"] == {"usa": "strategic", "ussr": ai.POLICIES[-1]}
    assert result["difficulties"] == {"usa": "easy", "ussr": "normal"}


def test_the_same_games_for_the_defaults_named_or_not(game: Callable[..., Run]) -> None:
    plain = game(*SHORT, "--games", "2", "--json")
    named = game(*SHORT, "--games", "2", "--json", "--policy", "strategic", "--difficulty", "usa=normal,ussr=normal")

    assert plain.stdout == named.stdout


def test_the_summary_compares_with_history_and_counts_the_months(game: Callable[..., Run]) -> None:
    run = game(*SHORT, "--games", "2", "--difficulty", "ussr=hard")

    assert run.returncode == 0, run.stderr
    text = run.stdout
    assert "2 AI-vs-AI games of sputnik_shock (seed 4)" in text
    assert "Policies: USA strategic, USSR strategic" in text and "Difficulty: USA normal, USSR hard" in text
    assert "median year" in text and "First artificial satellite" in text  # the table as before
    assert "Against history" in text and "1957 USSR" in text
    totals = next(line for line in text.splitlines() if line.startswith("Within a year of history: "))
    assert "; history's side first: " in totals
    assert "Months of the firsts" in text and "  January " in text and "  December " in text
    largest = text.rstrip().splitlines()[-1]
    assert largest.startswith("Largest: ") and largest.endswith("%")


@pytest.mark.parametrize(("option", "value", "words"), [
    ("--policy", "cunning", "unknown AI policy 'cunning'"),
    ("--policy", "usa=cunning", "unknown AI policy 'cunning' for usa"),
    ("--policy", "mars=strategic", "unknown side 'mars' (the sides are usa, ussr)"),
    ("--policy", "usa=strategic,usa=strategic", "usa is named twice"),
    ("--policy", "", "no AI policy given"),
    ("--difficulty", "nightmare", "unknown difficulty 'nightmare'"),
    ("--difficulty", "ussr=nightmare", "unknown difficulty 'nightmare' for ussr"),
    ("--difficulty", "ussr:hard", "unknown difficulty 'ussr:hard'"),
])
def test_bad_values_are_refused_naming_the_allowed_ones(game: Callable[..., Run], option: str, value: str, words: str) -> None:
    run = game(*SHORT, "--games", "1", option, value)

    assert run.returncode == 2 and run.stdout == ""
    assert f"argument {option}: " in run.stderr and words in run.stderr
    if "side" not in words and "twice" not in words:
        allowed = ", ".join(ai.POLICIES) if option == "--policy" else "easy, normal, hard"
        assert f"choose from {allowed}" in run.stderr


def test_the_help_says_what_each_policy_is(game: Callable[..., Run]) -> None:
    run = game("simulate", "--help")

    text = " ".join(run.stdout.split())
    assert "historical: flies the real programme's schedule, adapting when the dice say no" in text
    assert "strategic: plans to win" in text
    assert "--policy usa=strategic,ussr=historical" in text and "--difficulty ussr=hard" in text
