"""Honest difficulty: the rival's difficulty changes how well the strategic policy plays (and, a little, its
budget), never the rules: an easy rival flies no backups and tries uncrewed firsts only at good odds; a hard one
flies backups for smaller firsts."""

from __future__ import annotations

import pytest

from game.app.session import DIFFICULTY_WORDS, Session
from game.engine import ai, rules
from game.engine.defs import Content
from game.engine.outcomes import MissionScheduled, YearBegan


def _bookings(content: Content, difficulty: str) -> list[tuple[int, MissionScheduled]]:
    """The Soviet rival's bookings, with the year of each, over three whole campaigns at this difficulty."""
    booked: list[tuple[int, MissionScheduled]] = []
    for seed in (5, 6, 7):
        session, outcomes = Session.new(content, "full_campaign", seed, players=(), difficulty={"ussr": difficulty})
        assert session.over
        year = 0
        for outcome in outcomes:
            if isinstance(outcome, YearBegan):
                year = outcome.year
            elif isinstance(outcome, MissionScheduled) and outcome.side == "ussr":
                booked.append((year, outcome))
    return booked


def test_an_easy_rival_flies_no_backups_and_fewer_long_shots_and_a_hard_one_flies_more_backups(
        base_content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(rules.DIFFICULTY_BUDGET_PERCENT, "easy", 100)  # how it plays, on the same money as normal
    easy, normal, hard = (_bookings(base_content, level) for level in ("easy", "normal", "hard"))
    assert not any(item.backup for _, item in easy)
    assert sum(item.backup for _, item in hard) > sum(item.backup for _, item in normal) > 0

    def early_probes(booked: list[tuple[int, MissionScheduled]]) -> int:  # uncrewed tries before the odds are good
        return sum(1 for year, item in booked if year <= 1960 and not item.crew and not item.backup)

    assert early_probes(easy) < early_probes(normal)


def test_each_difficulty_is_described_and_its_budget_differs_only_a_little() -> None:
    assert set(DIFFICULTY_WORDS) == set(rules.DIFFICULTIES) == set(ai.SKILLS)
    assert all(90 <= percent <= 110 for percent in rules.DIFFICULTY_BUDGET_PERCENT.values())
