"""Standing orders (issue 11, "tedium late in the game"): 'schedule last' books last year's flights again and 'fund
last' sets last year's funding again — each as the ordinary order it was, recorded and replayed like any other."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.app.commands.completion import complete
from game.app.commands.interpreter import TextGame
from game.app.replay import replay_save
from game.app.session import Session
from game.app.standing_orders import booking_words, bookings_of, funding_of, still_to_book, still_working
from game.content.loader import load_content
from game.engine.defs import Content
from game.engine.orders import CancelMission, Fund, ScheduleMission
from game.engine.state import InService

OPENING = ("choose orbiter", "start explorer", "fund explorer 40", "fund juno_i 15", "end yes")
BOOKINGS = ("schedule small_satellite march", "schedule small_satellite", "schedule small_satellite 9", "cancel 2")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def terminal(content: Content, tmp_path: Path) -> tuple[TextGame, io.StringIO]:
    session, _ = Session.new(content, "full_campaign", 7, players=("usa",))
    output = io.StringIO()
    return TextGame(session, "usa", output, tmp_path), output


def said(game: TextGame, output: io.StringIO, line: str) -> str:
    output.seek(0)
    output.truncate()
    game.handle(line)
    return output.getvalue()


def a_year_of_bookings(content: Content, tmp_path: Path) -> tuple[TextGame, io.StringIO]:
    """1956 begun with two satellites booked (March, September; a May one cancelled), and that year closed."""
    game, output = terminal(content, tmp_path)
    for line in (*OPENING, *BOOKINGS, "end yes"):
        game.handle(line)
    assert game.state.year == 1957
    return game, output


def test_last_years_bookings_are_read_from_the_record_without_the_cancelled(content: Content, tmp_path: Path) -> None:
    game, _ = a_year_of_bookings(content, tmp_path)
    orders = game.session.record.orders
    bookings = bookings_of(orders, game.state, "usa", 1956)
    assert [(order.mission, order.month) for order in bookings] == [("small_satellite", 3), ("small_satellite", 9)]
    assert bookings_of(orders, game.state, "usa", 1955) == [] and bookings_of(orders, game.state, "ussr", 1956) != bookings
    assert funding_of(orders, "usa", 1955) == {"explorer": 40, "juno_i": 15}
    assert funding_of([(1955, Fund(side="usa", target="explorer", amount=40)),
                       (1955, Fund(side="usa", target="explorer", amount=0))], "usa", 1955) == {}  # taken back


def test_bookings_already_made_this_year_are_not_made_again(content: Content, tmp_path: Path) -> None:
    game, _ = a_year_of_bookings(content, tmp_path)
    bookings = bookings_of(game.session.record.orders, game.state, "usa", 1956)
    assert still_to_book(bookings, game.state, "usa") == (bookings, [])
    game.handle("schedule small_satellite")
    assert still_to_book(bookings, game.state, "usa") == (bookings[1:], ["small_satellite"])


def test_a_booking_is_written_as_the_command_that_gives_it(content: Content) -> None:
    order = ScheduleMission(side="usa", mission="crewed_orbit", month=6, rocket="atlas", craft="", crew=("usa_01",),
                            backup=True)
    assert booking_words(order, content, {"usa_01": "Alan Shepard"}) == (
        "schedule crewed_orbit june rocket=atlas crew=Alan Shepard backup")
    assert booking_words(ScheduleMission(side="usa", mission="small_satellite", month=0), content, {}) == (
        "schedule small_satellite")


def test_schedule_last_books_last_years_flights_as_ordinary_recorded_orders(content: Content, tmp_path: Path) -> None:
    game, output = a_year_of_bookings(content, tmp_path)
    before = len(game.session.record.orders)
    expected = bookings_of(game.session.record.orders, game.state, "usa", 1956)
    answer = said(game, output, "schedule last")
    assert "> schedule small_satellite march\nScheduled #4: Small scientific satellite in March" in answer
    assert "> schedule small_satellite september\nScheduled #5: Small scientific satellite in September" in answer
    assert "Booked as in 1956: 2 of 2." in answer
    given = [order for _, order in game.session.record.orders[before:]]
    assert given == expected  # the very orders given in 1956, recorded as orders of 1957
    assert all(isinstance(order, ScheduleMission) for order in given)
    assert "Booked already this year, so not again: 2 × Small scientific satellite." in said(game, output, "fly again")
    assert len(game.session.record.orders) == before + 2
    game.handle("end yes")
    report = replay_save(content, game.session.save_file())
    assert report.ok, report.lines


def test_each_booking_that_cannot_be_made_is_refused_as_if_typed(content: Content, tmp_path: Path) -> None:
    game, output = a_year_of_bookings(content, tmp_path)
    game.handle(f"fund explorer {game.state.sides['usa'].funds}")  # nothing left to pay for a flight
    answer = said(game, output, "schedule last")
    assert answer.count("Refused: ") == 2 and "Booked as in 1956: 0 of 2, 2 refused." in answer
    assert not game.state.sides["usa"].scheduled


def test_schedule_last_says_what_it_cannot_repeat(content: Content, tmp_path: Path) -> None:
    game, output = terminal(content, tmp_path)
    assert "Nothing was booked in 1954" in said(game, output, "schedule last")
    game, output = a_year_of_bookings(content, tmp_path / "again")
    answer = said(game, output, "schedule last crewed_orbit")
    assert "You did not book Crewed orbital flight in 1956" in answer and "Usage" not in answer
    assert "Booked as in 1956: 2 of 2." in said(game, output, "schedule last small_satellite")


def test_a_cancelled_booking_of_another_year_does_not_hide_this_years(content: Content, tmp_path: Path) -> None:
    game, _ = a_year_of_bookings(content, tmp_path)
    orders = [*game.session.record.orders, (1957, CancelMission(side="usa", number=1))]  # #1 flew in 1956
    assert len(bookings_of(orders, game.state, "usa", 1956)) == 2


def test_last_completes_after_schedule_and_fund(content: Content, tmp_path: Path) -> None:
    game, _ = a_year_of_bookings(content, tmp_path)
    assert "schedule last " in complete("schedule la", game)
    assert "fund last " in complete("fund la", game)
    assert "schedule last small_satellite " in complete("schedule last small_s", game)


def test_a_bare_schedule_last_spares_satellites_still_at_work(content: Content, tmp_path: Path) -> None:
    """A new communications satellite retires the oldest at work once the limit is in orbit: a bare 'schedule last'
    leaves it out while both last beyond this year and no first is left to win; naming it books it anyway."""
    game, output = terminal(content, tmp_path)
    state, own = game.state, game.state.sides["usa"]
    limit = content.missions["comms_satellite"].service.most  # type: ignore[union-attr]
    order = ScheduleMission(side="usa", mission="comms_satellite", month=0)
    own.in_service.extend(InService(mission="comms_satellite", craft="comsat_usa", number=index + 1,
                                    launched=state.year, until=state.year + 2) for index in range(limit))
    assert still_working([order], state, content, "usa") == ([order], [])  # its first is still open
    own.achieved["comms_satellite"] = state.year
    assert still_working([order], state, content, "usa") == ([], ["comms_satellite"])
    own.in_service[0] = InService(mission="comms_satellite", craft="comsat_usa", number=1, launched=state.year,
                                  until=state.year)  # one wears out this year: a replacement is due
    assert still_working([order], state, content, "usa") == ([order], [])
