"""Honest difficulty: the rival's difficulty changes how well the strategic policy plays (and, a little, its
budget), never the rules: an easy rival flies no backups and no test flights and launches as early as it can."""

from __future__ import annotations

from game.app.session import DIFFICULTY_WORDS, Session
from game.engine import ai, rules
from game.engine.defs import Content
from game.engine.outcomes import MissionScheduled


def _bookings(content: Content, difficulty: str) -> list[MissionScheduled]:
    """The Soviet rival's bookings over three whole campaigns at this difficulty."""
    booked: list[MissionScheduled] = []
    for seed in (5, 6, 7):
        session, outcomes = Session.new(content, "full_campaign", seed, players=(), difficulty={"ussr": difficulty})
        assert session.over
        booked += [o for o in outcomes if isinstance(o, MissionScheduled) and o.side == "ussr"]
    return booked


def test_an_easy_rival_flies_no_backups_or_test_flights_and_a_hard_one_flies_more_backups(base_content: Content) -> None:
    easy, normal, hard = (_bookings(base_content, level) for level in ("easy", "normal", "hard"))
    assert not any(item.backup or item.mission == ai.TEST_MISSION for item in easy)
    assert any(item.mission == ai.TEST_MISSION for item in normal)
    assert sum(item.backup for item in hard) > sum(item.backup for item in normal) > 0


def test_each_difficulty_is_described_and_its_budget_differs_only_a_little() -> None:
    assert set(DIFFICULTY_WORDS) == set(rules.DIFFICULTIES) == set(ai.SKILLS)
    assert all(90 <= percent <= 110 for percent in rules.DIFFICULTY_BUDGET_PERCENT.values())
