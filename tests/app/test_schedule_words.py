"""'schedule' as a new player meets it: bare, it lists this year's bookings; a name several missions share lists
them with their ids; 'crewed orbital' is a name, not a mission and a month."""

from __future__ import annotations

import io
from pathlib import Path

from game.app.commands.interpreter import TextGame
from game.app.session import Session
from game.content.loader import load_content
from game.engine import ai
from game.engine.orders import EndYear, Order, OrderRefused


def _game(tmp_path: Path, seed: int = 11) -> tuple[TextGame, io.StringIO]:
    session, _ = Session.new(load_content(), "full_campaign", seed, players=("usa",))
    output = io.StringIO()
    return TextGame(session, "usa", output, tmp_path), output


def _said(game: TextGame, output: io.StringIO, line: str) -> str:
    output.seek(0)
    output.truncate()
    game.handle(line)
    return output.getvalue()


def _play_as_the_ai(game: TextGame) -> None:
    def submit(order: Order) -> bool:
        if isinstance(order, EndYear):
            return False
        try:
            game.session.submit(order)
        except OrderRefused:
            return False
        return True

    ai.act(game.state, game.content, game.side, submit)


def test_a_bare_schedule_lists_this_years_flights_then_how_to_book(tmp_path: Path) -> None:
    game, output = _game(tmp_path)
    empty = _said(game, output, "schedule")
    assert "No flights are booked for 1955 yet" in empty and "To book one: schedule MISSION" in empty
    assert not empty.startswith("Usage")
    while not game.state.sides["usa"].scheduled:
        _said(game, output, "end yes")
        _play_as_the_ai(game)
    listed = _said(game, output, "schedule")
    assert listed.startswith(f"Flights booked for {game.state.year}:")
    header = listed.splitlines()[1]
    for column in ("No.", "Month", "Mission", "Vehicle", "Crew", "Chance"):
        assert column in header
    for item in game.state.sides["usa"].scheduled:
        row = next(line for line in listed.splitlines() if line.startswith(f"#{item.number} "))
        assert game.content.missions[item.mission].name in row and "%" in row
        assert game.content.hardware[item.rocket].name in row
    assert listed.rstrip().splitlines()[-1].startswith("To book one: schedule MISSION")


def test_a_name_several_missions_share_lists_them_with_their_ids(tmp_path: Path) -> None:
    game, output = _game(tmp_path)
    answer = _said(game, output, "schedule crewed")
    assert answer.startswith("'crewed' could be several mission types:")
    assert "  Crewed orbital flight (crewed_orbit)" in answer and "  Crewed suborbital hop (crewed_suborbital)" in answer
    assert "Type the id of the one you mean" in answer
    assert not game.state.sides["usa"].scheduled  # nothing booked on a guess


def test_crewed_orbital_is_a_mission_name_not_a_mission_and_a_month(tmp_path: Path) -> None:
    game, output = _game(tmp_path)
    assert "Crewed orbital flight cannot be flown before 1959" in _said(game, output, "schedule crewed orbital")
    assert "'jnu' is not a month" in _said(game, output, "schedule crewed_orbit jnu")
    assert "'13' is not a month" in _said(game, output, "schedule crewed_orbit 13")


def test_missions_all_gives_the_reason_without_the_missions_name_again(tmp_path: Path) -> None:
    game, output = _game(tmp_path)
    listed = _said(game, output, "missions all")
    satellite = next(line for line in listed.splitlines() if line.startswith("small_satellite "))
    assert satellite.count("Small scientific satellite") == 1
    assert "None of your programs can fly it; start one that can:" in satellite
    laboratory = next(line for line in listed.splitlines() if line.startswith("science_satellite "))
    assert "Heavy science laboratory  " in laboratory and "  Cannot be flown before 1956" in laboratory
    assert laboratory.count("Heavy science laboratory") == 1
