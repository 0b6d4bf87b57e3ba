"""Tests for budgets, carry-over and support (game.engine.economy and the year-end accounts in turn)."""

from __future__ import annotations

import pytest

from game.engine import economy, rules
from game.engine.defs import Content
from game.engine.orders import Fund
from game.engine.outcomes import Changed, YearReport
from game.engine.scripting import EvalContext
from game.engine.state import Claim, GameState

from .conftest import eff, end_year, of_type, submit


@pytest.mark.parametrize(("support", "budget"), [(0, 100), (25, 150), (50, 200), (75, 225), (100, 250), (90, 240)])
def test_budget_scales_with_support_and_each_point_above_50_buys_half(state: GameState, content: Content, support: int,
                                                                      budget: int) -> None:
    """Half the curve at 0, the curve at 50, and above 50 half as much a point (1.25× at 100): a popular programme
    gets more, but a runaway leader's money does not run away with it."""
    state.sides["usa"].support = support
    assert economy.budget_for(state, content, "usa", 1957) == budget


def test_budget_follows_the_scenario_curve_and_holds_its_ends(state: GameState, content: Content) -> None:
    assert [economy.budget_for(state, content, "usa", year) for year in (1956, 1957, 1958, 1960, 1975)] == [
        200, 200, 220, 260, 260,
    ]
    assert economy.budget_for(state, content, "ussr", 1959) == 220


def test_starting_budget_and_funds(state: GameState) -> None:
    assert (state.sides["usa"].budget, state.sides["usa"].funds) == (200, 200)
    assert (state.sides["ussr"].budget, state.sides["ussr"].funds) == (180, 180)


@pytest.mark.parametrize(("funds", "carried"), [(0, 0), (30, 30), (50, 50), (51, 50), (200, 50)])
def test_carry_over_is_capped_at_a_quarter_of_the_budget(state: GameState, content: Content, funds: int,
                                                         carried: int) -> None:
    own = state.sides["usa"]
    own.budget, own.funds = 200, funds
    assert economy.carry_over(state, content, "usa") == carried


def test_what_was_carried_in_does_not_raise_the_carry_over(state: GameState, content: Content) -> None:
    own = state.sides["usa"]
    own.budget, own.funds = 200 + 50, 250  # $50M carried in: the limit is still a quarter of the year's own 200
    assert economy.carry_over(state, content, "usa") == 50


def test_after_the_moon_landing_support_moves_the_budget_half_as_much(state: GameState, content: Content) -> None:
    state.sides["usa"].support = 100
    assert economy.budget_for(state, content, "usa", 1957) == 250
    state.claims.append(Claim(milestone=rules.SPENT_AFTER, side="ussr", year=1957, month=5, first=True, mission="x"))
    assert economy.budget_for(state, content, "usa", 1957) == 225
    state.sides["usa"].support = 0
    assert economy.budget_for(state, content, "usa", 1957) == 150
    state.sides["usa"].support = 50
    assert economy.budget_for(state, content, "usa", 1957) == 200


def test_year_end_sets_next_budget_with_carry_over(state: GameState, content: Content) -> None:
    submit(state, content, Fund(side="usa", target="education", amount=170))  # 30 left unspent
    reports = {report.side: report for report in of_type(end_year(state, content), YearReport)}
    assert (reports["usa"].carried_over, reports["usa"].next_budget) == (30, 220 + 30)
    assert (reports["ussr"].carried_over, reports["ussr"].next_budget) == (45, 200 + 45)  # 180 unspent → 180 // 4
    assert state.year == 1958
    assert (state.sides["usa"].budget, state.sides["usa"].funds) == (250, 250)
    assert state.sides["usa"].history == [{"year": 1957, "prestige": 5, "budget": 200, "support": 50, "unspent": 30}]


@pytest.mark.parametrize(
    ("support", "gain", "rival_gain", "swing"),
    [
        (50, 0, 0, 0),  # nothing happened: no change
        (50, 6, 0, 3),  # half the lead in prestige
        (50, 40, 0, rules.SUPPORT_SWING_CAP),  # capped
        (50, 0, 40, -rules.SUPPORT_SWING_CAP),
        (55, 0, 0, -1),  # drifts back toward 50 from above
        (45, 0, 0, 1),  # … and from below
        (70, 0, 0, -2),  # faster the further away it is
        (30, 0, 0, 2),
        (95, 0, 0, -4),
        (70, 40, 0, rules.SUPPORT_SWING_CAP - 2),  # the drift applies after the cap
        (30, 0, 40, -rules.SUPPORT_SWING_CAP + 2),
    ],
)
def test_support_swing(state: GameState, support: int, gain: int, rival_gain: int, swing: int) -> None:
    usa, ussr = state.sides["usa"], state.sides["ussr"]
    usa.support = support
    usa.prestige = usa.prestige_start + gain
    ussr.prestige = ussr.prestige_start + rival_gain
    assert economy.support_swing(state, "usa") == swing


def test_support_swing_applies_at_year_end_and_stays_in_bounds(state: GameState, content: Content) -> None:
    usa, ussr = state.sides["usa"], state.sides["ussr"]
    usa.support, ussr.support = 97, 4
    usa.prestige += 100
    end_year(state, content)
    assert usa.support == 100  # 97 + 8 - 1 = 104, clamped
    assert ussr.support == 0  # 4 - 8 + 1 = -3, clamped (and the rival wins: see the win tests)


def test_both_swings_are_computed_before_either_changes(state: GameState, content: Content) -> None:
    state.sides["usa"].prestige += 10
    reports = {report.side: report for report in of_type(end_year(state, content), YearReport)}
    assert (reports["usa"].support_change, reports["ussr"].support_change) == (5, -5)


def test_add_funds_can_never_make_funds_negative(state: GameState, content: Content) -> None:
    context = EvalContext(state, content, "usa", cause="test")
    eff("add_funds(-1000000)")(context)
    assert state.sides["usa"].funds == 0
    assert context.outcomes == [Changed(side="usa", what="funds", amount=-200, cause="test")]
    reports = {report.side: report for report in of_type(end_year(state, content), YearReport)}
    assert reports["usa"].carried_over == 0
    assert reports["usa"].next_budget == 220
    assert state.sides["usa"].funds == 220


def test_budget_is_never_negative_at_zero_support(state: GameState, content: Content) -> None:
    own = state.sides["usa"]
    own.support = 0
    assert economy.budget_for(state, content, "usa", 1958) == 110
    context = EvalContext(state, content, "usa")
    eff("add_support(-500)")(context)
    assert own.support == 0
    eff("add_support(500)")(context)
    assert own.support == 100
