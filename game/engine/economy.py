"""Money and support: the yearly budget from the government, moved by support, and support moved by the race."""

from __future__ import annotations

from . import rules
from .defs import Content, rival_of
from .state import GameState


def budget_for(state: GameState, content: Content, side: str, year: int) -> int:
    """History's budget curve for the year, scaled by support: half at 0 support, the curve itself at 50, and above
    50 each point buys half as much (1.25× at 100: a government can only pour so much into one race, however popular,
    so a runaway leader's money does not run away with it). Once a crew has landed on the Moon the government's
    enthusiasm is spent and support counts half as much again (0.75× at 0, 1.125× at 100). Then the side's
    budget_percent (the difficulty: 100 leaves it as it is)."""
    base = content.scenarios[state.scenario].base_budget(side, year)
    own = state.sides[side]
    # per 2000: 1000 + 20 a point up to 50, 10 a point above it (halved, and centred on 1.0, after the landing)
    swing = 20 * min(own.support, 50) + 10 * max(own.support - 50, 0) - 1000
    if state.first_claim(rules.SPENT_AFTER) is not None:
        swing //= 2
    budget = base * (2000 + swing) // 2000
    return budget * own.budget_percent // 100  # integers only: 100 % gives the budget back exactly


def support_swing(state: GameState, side: str) -> int:
    """How the year's prestige race moves support: gaining on the rival wins friends in Congress or the
    Politburo; falling behind loses them. Support also drifts back toward the middle, faster the further it is from it."""
    race, drift = support_swing_parts(state, side)
    return race + drift


def support_swing_parts(state: GameState, side: str) -> tuple[int, int]:
    """The year-end swing of support in its two parts: (the prestige race, the drift back toward 50)."""
    own = state.sides[side]
    rival = state.sides[rival_of(side)]
    gain = own.prestige - own.prestige_start
    rival_gain = rival.prestige - rival.prestige_start
    race = min(max((gain - rival_gain) // 2, -rules.SUPPORT_SWING_CAP), rules.SUPPORT_SWING_CAP)
    drift = 0
    if own.support > 50:  # the further from the middle, the stronger the pull back: enthusiasm fades, anger cools
        drift = -(1 + (own.support - 50) // rules.SUPPORT_DRIFT_STEP)
    elif own.support < 50:
        drift = 1 + (50 - own.support) // rules.SUPPORT_DRIFT_STEP
    return race, drift


def carry_over(state: GameState, content: Content, side: str) -> int:
    """Unspent money carried into next year: at most a quarter of the year's budget as the government sets it at
    today's support (what was carried in does not raise the limit, so savings cannot snowball); the rest goes
    back."""
    own = state.sides[side]
    return min(own.funds, budget_for(state, content, side, state.year) // rules.CARRY_OVER_SHARE)
