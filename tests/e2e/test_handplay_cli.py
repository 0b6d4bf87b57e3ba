"""A campaign a new player played by hand (USSR against the normal rival, seed 1961), replayed through the CLI:
what that player ran into late in the game and after its end, checked on today's rules."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import REPO_ROOT, Exchange, Run, exchanges, lines, run_game

COMMANDS = (REPO_ROOT / "tests" / "data" / "handplay" / "ussr_seed1961_normal.txt").read_text(encoding="utf-8")
ARGS = ("play", "--ui", "text", "--side", "ussr", "--seed", "1961", "--difficulty", "normal", "--saves-dir", "saves")
ORDER = re.compile(r"^  ((?:fund|start|schedule|build) [^ ]+(?: \d+)?)  ", re.MULTILINE)


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Run:
    """The whole hand-played campaign, then a few more looks once the race is over."""
    return run_game(*ARGS, cwd=tmp_path_factory.mktemp("handplay"),
                    commands=COMMANDS + lines("status", "where", "budget", "missions", "end"))


def _answers(run: Run, command: str) -> list[Exchange]:
    return [exchange for exchange in exchanges(run.stdout) if exchange.command == command]


def test_the_rivals_programmes_stay_listed_to_the_end(campaign: Run) -> None:
    """Play-test report: 'Programs known:' looked empty from 1970 on, at the best intelligence level. (The orders were
    given under older rules, so today the intelligence they bought may stop short of the best level: the list must be
    full at whatever level it reached.)"""
    late = [exchange for exchange in _answers(campaign, "rival") if exchange.year >= 1970]
    assert len(late) >= 5
    for exchange in late:
        listed = exchange.answer.split("Programs known:", 1)[1].splitlines()[1:]
        programmes = [line for line in listed if line.startswith("    ") and "(" in line]
        assert "intelligence level" in exchange.answer and len(programmes) >= 10, exchange.answer


def test_after_the_end_the_advice_says_the_race_is_over(campaign: Run) -> None:
    assert "THE RACE IS OVER (1975)" in campaign.stdout
    told = exchanges(campaign.stdout)
    ended = next(index for index, exchange in enumerate(told) if "THE RACE IS OVER (1975)" in exchange.answer)
    looks = {exchange.command: exchange.answer for exchange in told[ended + 1:]}
    assert {"status", "where", "budget", "missions", "end"} <= set(looks)
    for command in ("status", "where", "budget", "missions", "end"):
        answer = looks[command]
        assert "The race is over (1975): 'result' shows how it ended" in answer, (command, answer)
        assert "'save NAME' keeps the game and 'quit' leaves" in answer
        assert "spend it" not in answer and "book one" not in answer and "To see to" not in answer, (command, answer)


def test_the_budget_advice_suggests_only_bookings_the_game_takes(tmp_path: Path) -> None:
    """Play-test: in 1967 the budget suggested 'schedule crewed_lunar_landing', which the game refused (the docking
    it needs was booked, but for a month after the landing's earliest)."""
    prefix = COMMANDS.split("# ===== 1967 =====\n", 1)
    year = prefix[1].splitlines()
    upto = year.index("build pad") + 2  # the year's first orders, up to its two new pads
    commands = (prefix[0] + "# ===== 1967 =====\n" + lines(*year[:upto])
                + lines("schedule automatic_docking oct", "budget", "schedule crewed_lunar_landing"))
    run = run_game(*ARGS, cwd=tmp_path / "first", commands=commands)
    budget, landing = exchanges(run.stdout)[-2:]
    assert budget.year == 1967 and "Where it would do good:" in budget.answer
    assert landing.answer.startswith("Refused: Crewed lunar landing needs your own “First docking in orbit”")
    suggested = ORDER.findall(budget.answer)
    assert suggested and "schedule crewed_lunar_landing" not in suggested
    checked = run_game(*ARGS, cwd=tmp_path / "second", commands=commands.rsplit("schedule crewed_lunar_landing", 1)[0]
                       + lines(*suggested))
    for exchange in exchanges(checked.stdout)[-len(suggested):]:
        assert not exchange.answer.startswith(("Refused", "Unknown", "There is no")), (exchange.command, exchange.answer)
