"""Tests for the strategic AI (game.engine.ai): it plays whole campaigns through the same door as a player."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pytest

from game.app.session import Session
from game.engine import ai, turn
from game.engine.defs import SIDES, Content
from game.engine.orders import Choose, EndYear, Order, OrderRefused
from game.engine.outcomes import ChoiceMade
from game.engine.state import GameState

from .conftest import SCENARIO, of_type

WINNERS = {"usa", "ussr", "draw"}


@dataclass
class Audit:
    state: GameState
    accepted: list[Order] = field(default_factory=list)
    refusals: list[tuple[Order, str]] = field(default_factory=list)


_AUDITS: dict[tuple[str, str, int], Audit] = {}


def base_audit(content: Content, seed: int) -> Audit:
    """The audited full campaign for a seed, played once per test session (the audit is the slow part)."""
    key = (content.digest, "full_campaign", seed)
    if key not in _AUDITS:
        _AUDITS[key] = audited_campaign(content, "full_campaign", seed)
    return _AUDITS[key]


def audited_campaign(content: Content, scenario: str, seed: int) -> Audit:
    """Play AI against AI exactly as Session.play_ai does, checking that every refusal left the state alone."""
    state, _ = turn.new_game(content, scenario, seed)
    audit = Audit(state)

    def submit(order: Order) -> bool:
        before = state.to_dict()
        try:
            turn.apply(state, content, order)
        except OrderRefused as error:
            assert state.to_dict() == before, f"refused {order} changed the state"
            audit.refusals.append((order, str(error)))
            return False
        audit.accepted.append(order)
        return True

    while not state.over:
        for side in SIDES:
            if state.over or state.sides[side].ended:
                continue
            ai.act(state, content, side, submit)
            audit.accepted.append(EndYear(side=side))
            turn.apply(state, content, EndYear(side=side))
    return audit


@pytest.mark.parametrize("seed", [1, 2])
def test_ai_campaign_orders_are_accepted_or_harmlessly_refused(base_content: Content, seed: int) -> None:
    audit = base_audit(base_content, seed)
    assert audit.state.over and audit.state.winner in WINNERS
    assert audit.state.reason in {"collapse", "win", "end", "time"}
    for _, reason in audit.refusals:
        assert reason and "\n" not in reason
    assert len(audit.refusals) < len(audit.accepted)  # refusals are the exception, not the plan
    kinds = Counter((order.side, type(order).__name__) for order in audit.accepted)
    for side in SIDES:
        for kind in ("StartProgram", "Fund", "ScheduleMission", "EndYear"):
            assert kinds[(side, kind)] > 0, (side, kind)


@pytest.mark.parametrize("seed", [1, 2])
def test_session_records_exactly_the_ai_orders_that_were_accepted(base_content: Content, seed: int) -> None:
    audit = base_audit(base_content, seed)
    session, _ = Session.new(base_content, "full_campaign", seed, players=())
    assert [order for _, order in session.record.orders] == audit.accepted
    assert session.state.to_dict() == audit.state.to_dict()


@pytest.mark.parametrize("seed", [4, 5])
def test_the_ai_has_no_hidden_bonus(base_content: Content, seed: int) -> None:
    """Replaying only the recorded orders on a fresh game rebuilds the AI's game exactly."""
    session, _ = Session.new(base_content, "full_campaign", seed, players=())
    assert session.over and session.state.winner in WINNERS
    state, _ = turn.new_game(base_content, "full_campaign", seed)
    checksums = {str(state.year): state.checksum()}
    for year, order in session.record.orders:
        assert state.year == year
        turn.apply(state, base_content, order)
        if state.over or state.year != year:
            checksums["final" if state.over else str(state.year)] = state.checksum()
    assert state.to_dict() == session.state.to_dict()
    assert checksums == session.record.checksums


def test_the_ai_plays_the_synthetic_race_to_the_end(content: Content) -> None:
    for seed in range(4):
        audit = audited_campaign(content, SCENARIO, seed)
        assert audit.state.over and audit.state.winner in WINNERS
        assert audit.state.year <= audit.state.end_year


def test_the_ai_decides_its_own_dilemmas(content: Content) -> None:
    session, outcomes = Session.new(content, SCENARIO, 2, players=())
    choices = [order for _, order in session.record.orders if isinstance(order, Choose)]
    assert [(order.side, order.event) for order in choices] == [("ussr", "korolev_pitch")]
    flag = {"simple": "simple_sat", "grand": "grand_sat"}[choices[0].choice]
    assert session.state.sides["ussr"].flags == sorted(["igy_seen", flag])
    assert not any(item.by_default for item in of_type(outcomes, ChoiceMade))  # nothing was left to the default


def test_with_a_human_side_the_ai_waits_for_the_player(base_content: Content) -> None:
    session, _ = Session.new(base_content, "full_campaign", 6, players=("usa",))
    start_year = session.state.year
    assert not session.over
    assert session.state.sides["ussr"].ended and not session.state.sides["usa"].ended
    assert {order.side for _, order in session.record.orders} == {"ussr"}
    session.submit(EndYear(side="usa"))
    assert session.state.year == start_year + 1
    assert session.state.sides["ussr"].ended and not session.state.sides["usa"].ended
