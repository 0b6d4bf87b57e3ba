"""What a side can see: the AI decides from its view alone, and the view hides the rival's plan and secrets."""

from __future__ import annotations

import copy

import pytest

from game.engine import ai, turn, view
from game.engine.defs import Content
from game.engine.orders import EndYear, Fund, Order, OrderRefused, ScheduleMission
from game.engine.state import GameState


def _orders(state: GameState, content: Content, side: str, policy: str) -> list[Order]:
    given: list[Order] = []

    def submit(order: Order) -> bool:
        try:
            turn.apply(state, content, order)
        except OrderRefused:
            return False
        given.append(order)
        return True

    ai.act(state, content, side, submit, policy)
    return given


def _midgame(content: Content, seed: int) -> GameState:
    """A full campaign played by the AI on both sides to 1962, then the USA books its year as a player would."""
    state, _ = turn.new_game(content, "full_campaign", seed)
    while state.year < 1962:
        for side in ("usa", "ussr"):
            _orders(state, content, side, "strategic")
            turn.apply(state, content, EndYear(side=side))
    _orders(state, content, "usa", "strategic")
    assert state.sides["usa"].scheduled, "the USA's plan for the year should be booked"
    return state


@pytest.mark.parametrize("policy", ai.POLICIES)
@pytest.mark.parametrize("seed", [3, 11])
def test_the_ai_gives_the_same_orders_without_the_rivals_plan(base_content: Content, policy: str, seed: int) -> None:
    state = _midgame(base_content, seed)
    blind = copy.deepcopy(state)
    usa = blind.sides["usa"]
    usa.scheduled, usa.pending, usa.followups = [], [], []  # the plan and the secrets, gone
    usa.funds, usa.training, usa.education, usa.intelligence = 1, 0, 0, 0
    for program in usa.programs.values():
        program.funding = 0
    assert _orders(copy.deepcopy(state), base_content, "ussr", policy) == _orders(blind, base_content, "ussr", policy)


def test_the_view_hides_the_plan_money_and_secret_failures(base_content: Content) -> None:
    state = _midgame(base_content, 5)
    ussr = state.sides["ussr"]
    seen_by_usa = view.side_view(state, base_content, "usa")
    rival = seen_by_usa.sides["ussr"]
    assert rival.scheduled == [] and rival.funds == 0 and rival.pending == [] and rival.followups == []
    assert rival.achieved == ussr.achieved and rival.prestige == ussr.prestige
    assert all(program.failures == 0 for program in rival.programs.values())  # a Soviet failure was never announced
    hidden = [pid for pid, program in ussr.programs.items() if program.successes == 0]
    assert all(pid not in rival.programs for pid in hidden)  # not flown, not uncovered: unknown
    assert seen_by_usa.sides["usa"] is state.sides["usa"]  # the own side is the game's, so orders show at once
    seen_by_ussr = view.side_view(state, base_content, "ussr")
    assert set(seen_by_ussr.sides["usa"].programs) == set(state.sides["usa"].programs)  # NASA's programmes are public
    assert seen_by_ussr.sides["usa"].scheduled == []


def test_intelligence_uncovers_programmes_and_narrows_estimates(base_content: Content) -> None:
    state = _midgame(base_content, 5)
    usa = state.sides["usa"]
    before = view.sightings(state, base_content, "usa")
    usa.intelligence_total = 10_000
    after = view.sightings(state, base_content, "usa")
    assert view.intelligence_level(usa) == 5
    assert len(after) >= len(before) and {s.program for s in before} <= {s.program for s in after}
    assert all(sighting.error == view.estimate_error(5) for sighting in after)
    real = state.sides["ussr"].programs
    assert all(abs(s.research - real[s.program].research) <= real[s.program].research * 5 // 100 + 1 for s in after)


def test_intelligence_is_funded_by_an_order_and_counts_at_year_end(base_content: Content) -> None:
    state, _ = turn.new_game(base_content, "full_campaign", 1)
    turn.apply(state, base_content, Fund(side="usa", target="intelligence", amount=30))
    assert state.sides["usa"].intelligence == 30
    for side in ("usa", "ussr"):
        turn.apply(state, base_content, EndYear(side=side))
    assert state.sides["usa"].intelligence_total == 30 and state.sides["usa"].intelligence == 0


def test_the_historical_policy_books_sputnik_in_october_1957(base_content: Content) -> None:
    state, _ = turn.new_game(base_content, "full_campaign", 7)
    while state.year < 1957:
        for side in ("usa", "ussr"):
            _orders(state, base_content, side, "historical")
            turn.apply(state, base_content, EndYear(side=side))
    booked = [order for order in _orders(state, base_content, "ussr", "historical") if isinstance(order, ScheduleMission)]
    assert ("small_satellite", 10) in [(order.mission, order.month) for order in booked]  # history's month is reachable
