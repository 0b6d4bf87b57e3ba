"""Where spare money does good: when money would go back to the treasury, the budget screens name uses for it,
each with the order that does it, and each is an order the game takes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.app import spare_money
from game.app.session import Session
from game.content.loader import load_content
from game.engine import ai
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
