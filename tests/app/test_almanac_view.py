"""The almanac view-model: real history beside the game, year by year."""

from __future__ import annotations

import pytest

from game.app import race_views, views
from game.app.session import Session
from game.content.loader import load_game
from game.engine.orders import EndYear


@pytest.fixture(scope="module")
def content():  # noqa: ANN201 - Content
    result = load_game(mod_paths=[], mods_dir=None)
    assert result.content is not None
    return result.content


def test_every_year_of_the_scenario_with_the_real_history_in_date_order(content) -> None:  # noqa: ANN001
    session, _ = Session.new(content, "sputnik_shock", 3, players=("usa",))
    rows = views.almanac(session.state, content, "usa")
    assert [row.year for row in rows] == list(range(1957, 1962))
    first = rows[0]
    sputnik = next(entry for entry in first.history if entry.title == "First artificial satellite")
    assert (sputnik.month, sputnik.day, sputnik.side, sputnik.kind) == (10, 4, "ussr", "milestone")
    assert sputnik.when == "4 Oct"
    for row in rows:
        assert [(entry.month, entry.day) for entry in row.history] == sorted((e.month, e.day) for e in row.history)
    # events carry no date field: the year (and month) come from the note's own words
    kinds = {entry.kind for row in rows for entry in row.history}
    assert {"milestone", "hardware", "event"} <= kinds
    assert [row.status for row in rows] == ["current", "future", "future", "future", "future"]


def test_the_game_column_holds_claims_news_and_each_years_closing_prestige(content) -> None:  # noqa: ANN001
    session, _ = Session.new(content, "sputnik_shock", 3, players=("usa",))
    session.submit(EndYear(side="usa"))
    state = session.state
    rows = {row.year: row for row in views.almanac(state, content, "usa")}
    year = rows[1957]
    assert year.status == "past" and rows[1958].status == "current"
    claims = [entry for entry in year.game if entry.kind in ("first", "second")]
    assert [(entry.title, entry.side) for entry in claims] == [
        (content.milestones[claim.milestone].name, claim.side) for claim in state.claims if claim.year == 1957]
    closing = year.game[-1]
    assert closing.kind == "year" and f"USA {state.sides['usa'].history[0]['prestige']}" in closing.text
    news = [entry for entry in year.game if entry.kind in ("news", "decision")]
    assert news and all(entry.side == "usa" for entry in news)  # the rival's briefings stay secret
    both = {row.year: row for row in views.almanac(state, content)}
    assert {entry.side for entry in both[1957].game if entry.kind in ("news", "decision")} == {"usa", "ussr"}


def test_history_dates_from_fields_and_from_notes() -> None:
    assert race_views._history_date("1957-10-04", "") == (1957, 10, 4)
    assert race_views._history_date("1961", "") == (1961, 0, 0)
    assert race_views._history_date("", "On 27 January 1967 a fire in the cabin") == (1967, 1, 27)
    assert race_views._history_date("", "In August–September 1955 the committee chose") == (1955, 9, 0)
    assert race_views._history_date("", "No date here at all.") is None
