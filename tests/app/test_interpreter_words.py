"""The shared command interpreter says what a new player needs: help with a paragraph and examples for every
command, crew named by their names, seconds told apart from firsts, candidates apart from crew who can fly, and
tables that fit a narrow terminal without splitting an id."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.app.commands.help_text import HELP
from game.app.commands.interpreter import COMMANDS, TextGame
from game.app.commands.render import table
from game.app.session import Session
from game.content.loader import load_content
from game.engine.defs import Content
from game.engine.orders import EndYear, Fund, Recruit


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def terminal(content: Content, tmp_path: Path, width: int | None = None) -> tuple[TextGame, io.StringIO]:
    session, _ = Session.new(content, "full_campaign", 5, players=("usa",))
    out = io.StringIO()
    return TextGame(session, "usa", out, tmp_path, width=width), out


def said(game: TextGame, out: io.StringIO, line: str) -> str:
    out.seek(0)
    out.truncate()
    game.handle(line)
    return out.getvalue()


def test_every_command_has_a_paragraph_and_examples_that_run(content: Content, tmp_path: Path) -> None:
    assert {command.name for command in COMMANDS} == set(HELP)
    game, out = terminal(content, tmp_path)
    for command in COMMANDS:
        text = said(game, out, f"help {command.name}")
        paragraph, examples = HELP[command.name]
        assert paragraph[:40] in " ".join(text.split()) and "For example:" in text, command.name
        for example in examples:
            assert example.split()[0] in {command.name, *command.aliases}, example
            assert f"    {example}" in text


def test_help_says_a_line_starting_with_a_hash_is_a_comment(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    assert "A line that starts with # is a comment: the game does nothing with it" in " ".join(said(game, out, "help").split())
    funds = game.state.sides["usa"].funds
    assert said(game, out, "# recruit 3") == "" and said(game, out, "#end") == ""
    assert game.state.year == 1955 and game.state.sides["usa"].funds == funds and not game.state.sides["usa"].crew


def test_funding_more_than_is_left_says_what_fits_and_at_the_keyboard_offers_it(content: Content, tmp_path: Path) -> None:
    """Play-test: '$50M is more than you have' was a flat refusal; now the line that fits is given (piped), or
    offered (at the keyboard), and a piped line never quietly means another amount."""
    game, out = terminal(content, tmp_path)
    own = game.state.sides["usa"]
    left = own.funds
    text = " ".join(said(game, out, f"fund education {left + 50}").split())
    assert f"Only ${left}M is left for education (you asked for ${left + 50}M): fund education {left}" in text
    assert own.education == 0 and own.funds == left  # nothing changed
    asked: list[str] = []
    game.ask = lambda question: asked.append(question) is None and False  # the player says no
    assert "Nothing changed" in said(game, out, f"fund education {left + 50}") and own.education == 0
    game.ask = lambda question: asked.append(question) is None  # the player says yes
    said(game, out, f"fund education {left + 50}")
    assert own.education == left and own.funds == 0
    assert asked[-1] == f"Only ${left}M is left for education (you asked for ${left + 50}M). Set it to ${left}M?"
    assert game.session.record.orders[-1][1] == Fund(side="usa", target="education", amount=left)  # what is kept
    assert "No money is left this year: education keeps its" in said(game, out, f"fund education {left + 1}")


def test_missions_ends_by_counting_the_missions_left_out(content: Content, tmp_path: Path) -> None:
    """Play-test: a landing refused for a missing prerequisite was simply absent from 'missions'."""
    from game.app import views

    game, out = terminal(content, tmp_path)
    rows = views.mission_rows(game.state, content, "usa", include_unavailable=True)
    closed = [row for row in rows if not row.ready]
    assert closed and any(row.id == "crewed_lunar_landing" for row in closed)
    text = said(game, out, "missions")
    assert text.rstrip().splitlines()[-1] == (
        f"{len(closed)} more missions are not open to you yet: 'missions all' shows what each still needs.")
    assert "not open to you yet" not in said(game, out, "missions all")


def test_crew_can_be_named_by_their_names_with_spaces(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    game.session.submit(Recruit(side="usa", count=7))
    for _ in range(3):
        game.session.submit(EndYear(side="usa"))
    member = game.state.sides["usa"].crew[0]
    assert " " in member.name
    answer = said(game, out, f"schedule crewed_orbit crew={member.name} june")
    assert "no crew member" not in answer.lower() and "unknown option" not in answer.lower()  # the name was read whole


def test_status_tells_crew_ready_from_candidates(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    game.session.submit(Recruit(side="usa", count=4))
    assert "Crew ready 0 (+4 in training)" in said(game, out, "status")
    game.session.submit(EndYear(side="usa"))
    assert "Crew ready 4" in said(game, out, "status")


def test_a_prize_the_rival_took_is_marked_as_second(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    game.state.sides["ussr"].achieved["satellite_orbit"] = 1955
    from game.engine.state import Claim

    game.state.claims.append(Claim(milestone="satellite_orbit", side="ussr", year=1955, month=1, first=True))
    text = said(game, out, "missions all")
    assert "First artificial satellite (2nd)" in " ".join(text.split())


def test_a_narrow_table_keeps_ids_whole_and_fits() -> None:
    rows = [["earth_resources_satellite", "Earth-resources satellite", "a long note that needs wrapping " * 3]]
    text = table(["Id", "Name", "Notes"], rows, width=60, keep=(0,))
    assert all(len(line) <= 60 for line in text.split("\n"))
    assert "earth_resources_satellite" in text  # never split
    assert "\n    a long note" in text  # the last column went under the row


def test_booked_flights_show_their_chance(content: Content, tmp_path: Path) -> None:
    from game.app import views
    from game.engine import missions

    game, out = terminal(content, tmp_path)
    for line in ("choose orbiter", "start explorer", "fund explorer 40", "fund juno_i 15", "end yes",
                 "schedule small_satellite"):
        game.handle(line)
    item = game.state.sides["usa"].scheduled[0]
    mission = content.missions[item.mission]
    loadout = missions.Loadout(item.rocket, item.craft, item.lander, tuple(item.crew))
    chance = missions.overall_chance(missions.step_chances(game.state, content, "usa", mission, loadout, item.month))
    assert f"({chance / 10:.0f}% to succeed)" in said(game, out, "status")
    assert views.status(game.state, content, "usa").scheduled[0].endswith("% to succeed)")


def test_the_fund_lines_can_be_examined(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    assert "Intelligence (fund intelligence AMOUNT)" in said(game, out, "examine intelligence")
    assert "estimates of the rival's research are within ±40 %" in said(game, out, "examine intelligence")
    assert "Education pays off slowly" in said(game, out, "examine education")
    assert "recruit candidates first" in said(game, out, "examine training")
