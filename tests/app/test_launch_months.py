"""Launch windows before a booking is refused (issue 11, "launch windows appear only when a booking is refused"):
'missions' shows the months of this year each mission can still take and, under the table, the planets' launch
windows, with when the next opens for one that has none this year."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.app.commands.interpreter import TextGame
from game.app.launch_months import launch_months, month_span, open_words, waiting_for_a_window, window_words, windows_line
from game.app.session import Session
from game.content.loader import load_content
from game.engine import ai
from game.engine.defs import Content
from game.engine.orders import Order, OrderRefused


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def late_game(content: Content, tmp_path_factory: pytest.TempPathFactory) -> TextGame:
    """The USA played by the AI's orders (given as the player's) into 1962, when Venus has a window."""
    session, _ = Session.new(content, "full_campaign", 11, players=("usa",))
    game = TextGame(session, "usa", io.StringIO(), tmp_path_factory.mktemp("saves"), width=79)

    def submit(order: Order) -> bool:
        try:
            session.submit(order)
        except OrderRefused:
            return False
        return True

    while game.state.year < 1962:
        ai.act(game.state, content, "usa", submit)
        game.handle("end yes")
    return game


def said(game: TextGame, line: str) -> str:
    game.out = io.StringIO()
    game.handle(line)
    return game.out.getvalue()


def test_months_are_written_as_short_ranges() -> None:
    assert month_span(tuple(range(3, 13))) == "Mar–Dec"
    assert month_span((1, 11, 12)) == "Jan, Nov–Dec"
    assert month_span((5,)) == "May" and month_span(()) == ""


def test_a_planet_has_its_window_and_the_next_one(content: Content) -> None:
    session, _ = Session.new(content, "full_campaign", 5, players=("usa",))
    venus = content.missions["venus_flyby"]
    months = launch_months(session.state, content, "usa", venus)
    assert months.windowed and months.window == () and months.open == ()
    assert window_words(months, 1955) == f"none in 1955 (next Nov {venus.windows[0][0]})"
    satellite = launch_months(session.state, content, "usa", content.missions["small_satellite"])
    assert not satellite.windowed and len(satellite.window) == 12 and window_words(satellite, 1955) == ""
    assert open_words(satellite) == "Feb–Dec"  # the months alone (whether anything can fly it is the hardware's say)
    assert open_words(months) == "none"
    assert windows_line([(venus, months), (content.missions["venus_lander"], months)], 1955).startswith(
        "Launch windows (no other month will do): Venus flyby and Venus descent probe none in 1955")


def test_the_open_months_are_the_ones_the_rules_allow(late_game: TextGame, content: Content) -> None:
    from game.engine import launch, missions

    state = late_game.state
    for mission_id in ("small_satellite", "venus_flyby"):
        mission = content.missions[mission_id]
        months = launch_months(state, content, "usa", mission)
        best = missions.best_hardware(state, content, "usa", mission)
        assert isinstance(best, tuple), mission_id
        allowed = tuple(month for month in range(1, 13)
                        if not launch.why_not_month(state, content, "usa", mission, best[0], month))
        assert months.open == allowed and set(months.open) <= set(months.window)
    assert launch_months(state, content, "usa", content.missions["venus_flyby"]).window == (8, 9)


def test_missions_shows_open_months_and_the_windows_and_fits_80_columns(late_game: TextGame, content: Content) -> None:
    text = said(late_game, "missions")
    assert "Open" in text.splitlines()[0]
    assert "Launch windows (no other month will do): " in text and "Venus flyby Aug–Sep 1962" in " ".join(text.split())
    for mission, _ in waiting_for_a_window(late_game.state, content, "usa"):
        assert mission.name in " ".join(text.split())  # ready but for its window: named, with the next window
    assert all(len(line) <= 80 for line in text.splitlines())
    every = said(late_game, "missions all")
    assert "Joint docking flight (Apollo–Soyuz) none in 1962 (next Jul 1972)" in " ".join(every.split())
    assert all(len(line) <= 80 for line in every.splitlines())


def test_a_booking_outside_the_window_is_still_refused_with_the_window_named(late_game: TextGame) -> None:
    answer = said(late_game, "examine venus_flyby")
    assert "in its launch window (August and September)" in " ".join(answer.split())
    assert "can launch only in August and September 1962" in " ".join(said(late_game, "schedule venus_flyby may").split())
