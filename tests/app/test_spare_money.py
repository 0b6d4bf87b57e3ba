"""Where spare money does good: when money would go back to the treasury, the budget screens name uses for it,
each with the order that does it, and each is an order the game takes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.app import spare_money
from game.app.session import Session
from game.content.loader import load_content
from game.engine import ai, research
from game.engine.defs import Content
from game.engine.orders import EndYear, Order, OrderRefused
from game.app.commands.interpreter import TextGame


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def _mid_game(content: Content, year: int) -> Session:
    """A full campaign whose American side the AI has played up to the start of `year`, with a player's seat."""
    session, _ = Session.new(content, "full_campaign", 3, players=("usa",))

    def submit(order: Order) -> bool:
        try:
            session.submit(order)
        except OrderRefused:
            return False
        return True

    while session.state.year < year:
        ai.act(session.state, content, "usa", submit)
        session.submit(EndYear(side="usa"))
    return session


def test_nothing_is_suggested_while_nothing_would_be_lost(content: Content) -> None:
    session = _mid_game(content, 1958)
    own = session.state.sides["usa"]
    own.funds = 0
    assert spare_money.spare(session.state, content, "usa") == 0 and spare_money.uses(session.state, content, "usa") == []


def test_spare_money_gets_uses_the_terminal_shows_and_takes(content: Content, tmp_path: Path) -> None:
    session = _mid_game(content, 1966)
    own = session.state.sides["usa"]
    own.funds += 3000  # a windfall: far more than can carry over
    uses = spare_money.uses(session.state, content, "usa")
    assert spare_money.spare(session.state, content, "usa") > 2000
    assert 1 <= len(uses) <= spare_money.MOST_HINTS
    assert any(use.order.startswith("fund ") and "reliable" in use.why for use in uses)  # surer hardware
    out = io.StringIO()
    game = TextGame(session, "usa", out, tmp_path)
    game.handle("budget")
    shown = out.getvalue()
    assert "would go back if the year ended now. Where it would do good:" in shown
    for use in uses:
        assert use.order in shown and use.why in shown
    spent_before = own.funds
    for use in uses:
        out.seek(0)
        out.truncate()
        game.handle(use.order)
        reply = out.getvalue()
        assert "refused" not in reply.lower() and "unknown" not in reply.lower() and "error" not in reply.lower(), reply
    assert own.funds < spent_before  # each order took money that would otherwise have gone back


def test_a_programme_the_choice_passed_over_is_never_suggested(content: Content, tmp_path: Path) -> None:
    session, _ = Session.new(content, "full_campaign", 3, players=("usa",))
    game = TextGame(session, "usa", io.StringIO(), tmp_path)
    for line in ("choose orbiter", "start explorer", "fund juno_i 40", "fund explorer 20", "end yes"):
        game.handle(line)
    own = session.state.sides["usa"]
    assert "vanguard" in own.programs and "juno_i" in own.programs  # Vanguard is still on the books, passed over
    own.funds += 400  # plenty to finish Vanguard too
    for program_id in ("juno_i", "explorer"):  # what the Army's satellite needs is paid for already
        game.handle(f"fund {program_id} {research.development_left(content.hardware[program_id], own.programs[program_id])}")
    orders = [use.order for use in spare_money.uses(session.state, content, "usa")]
    assert orders and not any("vanguard" in order for order in orders), orders
    assert "Where it would do good" in _budget(game)


def test_the_hardware_the_grand_prize_needs_is_suggested_while_it_is_being_built(content: Content) -> None:
    session = _mid_game(content, 1965)
    own = session.state.sides["usa"]
    saturn = own.programs.get("saturn_v")
    assert saturn is not None and not research.is_operational(content.hardware["saturn_v"], saturn)
    saturn.funding = 0  # nothing put on it yet this year
    own.funds += 600  # spare money, but far less than the Saturn V still needs
    uses = spare_money.uses(session.state, content, "usa")
    assert any(use.order.startswith("fund saturn_v ") for use in uses), uses


def _budget(game: TextGame) -> str:
    game.out = io.StringIO()
    game.handle("budget")
    return game.out.getvalue()


def test_with_vanguard_chosen_the_armys_rocket_is_not_suggested_to_start(content: Content, tmp_path: Path) -> None:
    session, _ = Session.new(content, "full_campaign", 3, players=("usa",))
    game = TextGame(session, "usa", io.StringIO(), tmp_path)
    game.handle("choose vanguard")
    session.state.sides["usa"].funds += 200
    orders = [use.order for use in spare_money.uses(session.state, content, "usa")]
    assert orders and "start juno_i" not in orders, orders  # Vanguard has the lift: finishing it is the way
    assert any(order.startswith("fund vanguard ") for order in orders), orders


def test_once_the_race_is_over_nothing_asks_to_spend_or_book(content: Content) -> None:
    """Play-test: with the race over, 'status' still said to spend $3.7B and book a flight."""
    from game.app import attention, year_end_check

    session = _mid_game(content, 1966)
    session.state.sides["usa"].funds += 3000
    assert spare_money.uses(session.state, content, "usa") and attention.attention(session.state, content, "usa")
    session.state.over = True
    assert spare_money.uses(session.state, content, "usa") == []
    assert attention.attention(session.state, content, "usa") == []
    assert year_end_check.warnings(session.state, content, "usa") == []


def test_no_booking_is_asked_for_that_the_game_would_refuse(content: Content) -> None:
    """'No flight is booked: book one' only when a booking would be taken (here: no money left for any flight)."""
    from game.app import attention

    session = _mid_game(content, 1966)
    own = session.state.sides["usa"]
    assert not own.scheduled
    said = [item.fact for item in attention.attention(session.state, content, "usa")]
    assert "No flight is booked this year" in said
    own.funds = 5  # less than any flight costs
    said = [item.fact for item in attention.attention(session.state, content, "usa")]
    assert "No flight is booked this year" not in said
