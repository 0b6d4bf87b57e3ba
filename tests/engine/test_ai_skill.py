"""Honest difficulty: the rival's difficulty changes how well the strategic policy plays (and, a little, its
budget), never the rules: an easy rival flies no backups and spreads its money thin; a hard one flies backups for
almost every first."""

from __future__ import annotations

import copy

from game.app.session import DIFFICULTY_WORDS, Session
from game.engine import ai, rules, turn
from game.engine.orders import EndYear, Order, OrderRefused
from game.engine.state import GameState
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


def test_an_easy_rival_flies_no_backups_and_the_others_do(base_content: Content) -> None:
    easy, normal, hard = (_bookings(base_content, level) for level in ("easy", "normal", "hard"))
    assert not any(item.backup for _, item in easy)
    assert sum(item.backup for _, item in normal) > 0 and sum(item.backup for _, item in hard) > 0


def test_an_easy_rival_spreads_its_money_where_a_normal_one_backs_the_great_prizes(base_content: Content) -> None:
    """The same year, the same state: the normal rival puts more into the hardware of the great prizes (the Moon)
    than the easy one, which spreads its money over every prize."""
    start, _ = turn.new_game(base_content, "full_campaign", 5)

    while start.year < 1965:  # both sides played by the normal rival; 1965's orders not yet given
        for side in ("usa", "ussr"):
            ai.act(start, base_content, side, lambda order: _take(start, base_content, order))
        for side in ("usa", "ussr"):
            turn.apply(start, base_content, EndYear(side=side))
    grand_money = {}
    for level in ("easy", "normal"):
        state = copy.deepcopy(start)
        own = state.sides["ussr"]
        goals = ai._goals(state, base_content, "ussr")
        grand = sorted(goals, key=lambda goal: (-goal.value, goal.mission.id))[:2]
        ai._develop(state, base_content, "ussr", lambda order, state=state: _take(state, base_content, order),
                    goals, ai.SKILLS[level])
        grand_money[level] = sum(own.programs[hid].funding for goal in grand for hid in set(goal.path)
                                 if hid in own.programs)
    assert grand_money["normal"] > grand_money["easy"] * 11 // 10


def _take(state: GameState, content: Content, order: Order) -> bool:
    try:
        turn.apply(state, content, order)
    except OrderRefused:
        return False
    return True


def test_each_difficulty_is_described_and_its_budget_differs_only_a_little() -> None:
    assert set(DIFFICULTY_WORDS) == set(rules.DIFFICULTIES) == set(ai.SKILLS)
    assert all(90 <= percent <= 120 for percent in rules.DIFFICULTY_BUDGET_PERCENT.values())
