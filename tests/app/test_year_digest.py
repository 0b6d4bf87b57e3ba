"""A year's end in brief (issue 11, "tedium late in the game"): the terminal tells a closed year in a few lines,
keeps the whole report a 'report' away, and never summarises away what a player must read — deaths, firsts,
decisions taken by default, promises judged. 'digest off' brings the whole report back every year."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from game.app.commands.interpreter import TextGame
from game.app.digest import flight_summary, main_support_cause, split_year, year_digest
from game.app.session import Session
from game.content.loader import load_content
from game.engine import ai
from game.engine import outcomes as out
from game.engine.defs import Content
from game.engine.orders import EndYear, Order, OrderRefused
from game.record.save import read_save


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def terminal(content: Content, tmp_path: Path, seed: int = 5) -> tuple[TextGame, io.StringIO]:
    session, _ = Session.new(content, "full_campaign", seed, players=("usa",))
    output = io.StringIO()
    return TextGame(session, "usa", output, tmp_path), output


def said(game: TextGame, output: io.StringIO, line: str) -> str:
    output.seek(0)
    output.truncate()
    game.handle(line)
    return output.getvalue()


def play_as_the_ai(game: TextGame) -> None:
    """This year's orders for the player's side as the AI would give them, sent as the player's orders."""
    def submit(order: Order) -> bool:
        try:
            game.session.submit(order)
        except OrderRefused:
            return False
        return True

    ai.act(game.state, game.content, game.side, submit)


def report(side: str = "usa", **changes: int) -> out.YearReport:
    values = dict(year=1962, prestige=120, prestige_change=10, support=48, support_change=-6, next_budget=900,
                  carried_over=40, support_race=-4, support_drift=-1, support_service=1, prestige_gain=10, rival_gain=30)
    values.update(changes)
    return out.YearReport(side=side, **values)


def flight(number: int, result: str, side: str = "usa", mission: str = "small_satellite") -> out.MissionFlew:
    return out.MissionFlew(side=side, number=number, mission=mission, year=1962, month=5, day=3, rocket="juno_i",
                           craft="explorer", lander="", crew=(), result=result, steps=(), prestige=2)


# -- the digest itself --------------------------------------------------------------------------------------------


def test_the_year_is_split_where_the_next_one_begins() -> None:
    ended, began = out.YearEnded(side="usa", year=1962), out.YearBegan(side="usa", year=1963, budget=900, support=48)
    before = out.Funded(side="usa", target="training", amount=5)
    closed, rest = split_year([before, ended, flight(1, "success"), report(), began], "usa")
    assert closed == [before, ended, flight(1, "success"), report()] and rest == [began]
    assert split_year([before, began], "usa") == ([], [before, began])  # no year closed: all told as it comes
    assert split_year([out.YearEnded(side="ussr", year=1962), began], "usa")[0] == []  # the rival's year is not ours


def test_flights_are_counted_and_the_failures_named(content: Content, tmp_path: Path) -> None:
    game, _ = terminal(content, tmp_path)
    flown = [flight(1, "success"), flight(2, "failure", mission="crewed_orbit"), flight(3, "success"),
             flight(4, "success", side="ussr"),
             out.MissionScrubbed(side="usa", number=5, mission="small_satellite", month=6, reason="x", refund=5)]
    text = flight_summary(flown, content, game.state, "usa")
    assert text.startswith("Your flights: 3 — 2 successes, 1 failure (#2 Crewed orbital flight failed); 1 scrubbed.")
    assert "The Soviet Union's flights the world saw: 1 — 1 success." in text
    assert flight_summary([], content, game.state, "usa") == ""


def test_a_probe_launched_and_arrived_in_one_year_is_counted_once(content: Content, tmp_path: Path) -> None:
    game, _ = terminal(content, tmp_path)
    launched = flight(3, "cruising", mission="lunar_impact")
    arrived = out.MissionFlew(side="usa", number=3, mission="lunar_impact", year=1962, month=8, day=1, rocket="juno_i",
                              craft="explorer", lander="", crew=(), result="success", steps=(), prestige=5,
                              launched=(1962, 5))
    assert flight_summary([launched, arrived], content, game.state, "usa") == "Your flights: 1 — 1 success."
    still_going = flight_summary([flight(1, "success"), flight(4, "cruising", mission="mars_flyby")], content,
                                 game.state, "usa")
    assert still_going == "Your flights: 2 — 1 success, 1 on its way."
    last_year = out.MissionFlew(side="usa", number=9, mission="lunar_impact", year=1962, month=2, day=1,
                                rocket="juno_i", craft="explorer", lander="", crew=(), result="failure", steps=(),
                                prestige=0, launched=(1961, 11))  # launched last year: its arrival counts this year
    assert flight_summary([last_year], content, game.state, "usa").startswith("Your flights: 1 — 1 failure")
    mixed = flight_summary([flight(5, "failure", mission="crewed_lunar_landing"), flight(6, "cruising",
                                                                                     mission="mars_flyby")],
                           content, game.state, "usa")  # the failed one is named as failed, not as the one on its way
    assert mixed == "Your flights: 2 — 1 failure, 1 on its way (#5 Crewed lunar landing failed)."


def test_the_main_cause_of_a_support_change_is_named() -> None:
    assert main_support_cause(report()) == "-4 from the race (your prestige +10 this year, the rival's +30)"
    assert main_support_cause(report(support_change=7, support_race=0, support_drift=-1, support_service=0)) == (
        "+8 from the year's news, decisions and losses")
    assert main_support_cause(report(support_change=0, support_race=0, support_drift=0, support_service=0)) == ""
    assert main_support_cause(report(support=100, support_change=0, support_race=8)) == ""  # held at the top


def test_deaths_firsts_and_promises_keep_their_own_lines(content: Content, tmp_path: Path) -> None:
    game, _ = terminal(content, tmp_path)
    closed: list[out.Outcome] = [
        out.YearEnded(side="usa", year=1962), flight(7, "catastrophe", mission="crewed_orbit"),
        out.CrewLost(side="usa", crew="nobody", cause="flight"),
        out.MilestoneClaimed(side="ussr", milestone="satellite_orbit", year=1962, month=4, first=True, prestige=30,
                             mission="small_satellite"),
        out.ProgramDeveloped(side="usa", program="juno_i", year=1962), report(), report("ussr", prestige=200)]
    text = "\n".join(line.text for line in year_digest(closed, content, game.state, "usa"))
    assert text.startswith("You close the books on 1962.")
    assert "nobody was killed in the line of duty." in text
    assert "★ FIRST IN THE WORLD: The Soviet Union — First artificial satellite! (+30 prestige)" in text
    assert "Your flights: 1 — 1 catastrophe (#7 Crewed orbital flight was lost)." in text
    assert "Prestige 120 (+10); the rival 200 (+10)." in text
    assert "Support 48/100 (-6), mainly -4 from the race" in text
    assert "Next year's budget: $900M, including $40M carried over." in text
    assert "For next year:\n  Juno I (Jupiter-C) has finished development and is ready to fly." in text
    assert "Year-end report" not in text  # the full report's heading is not repeated


# -- through the interpreter --------------------------------------------------------------------------------------


def test_end_tells_the_year_in_brief_and_report_tells_it_whole(content: Content, tmp_path: Path) -> None:
    game, output = terminal(content, tmp_path)
    ended = said(game, output, "end")
    assert "You close the books on 1955." in ended and "Year-end report, 1955" not in ended
    assert "Support 54/100 (+4)" in ended and "('report' shows the whole of 1955" in ended
    assert "━━━━  1956  ━━━━" in ended and "NEWS: The Army Is Told to Wait" in ended  # the new year's news, whole
    whole = said(game, output, "report")
    assert whole.startswith("The year 1955 in full:") and "Year-end report, 1955" in whole
    assert "Why support moved: -1 as opinion drifts back toward 50" in whole
    assert "Year-end report, 1955" in said(game, output, "log 60")  # the log keeps every line
    assert "there is no report of 1950: the race began in 1955" in said(game, output, "report 1950").lower()
    assert "1956 is still going on" in said(game, output, "report 1956")
    assert said(game, output, "report 1955") == whole


def test_digest_off_tells_every_year_whole_and_on_brings_the_digest_back(content: Content, tmp_path: Path) -> None:
    game, output = terminal(content, tmp_path)
    assert "now told in full" in said(game, output, "digest off")
    assert "Year-end report, 1955" in said(game, output, "end")
    assert "now told in brief" in said(game, output, "digest on")
    assert "Year-end report, 1956" not in said(game, output, "end")
    assert "Say 'digest on'" in said(game, output, "digest maybe")


def test_report_before_any_year_ended_says_why(content: Content, tmp_path: Path) -> None:
    game, output = terminal(content, tmp_path)
    answer = said(game, output, "report")
    assert "No year has ended yet: 1955 is the first" in answer and "Usage" not in answer


def test_report_after_loading_rebuilds_the_years_from_the_record(content: Content, tmp_path: Path) -> None:
    game, output = terminal(content, tmp_path, seed=11)
    while game.state.year < 1960:
        play_as_the_ai(game)
        said(game, output, "end yes")
    told = {year: said(game, output, f"report {year}") for year in (1957, 1959)}
    said(game, output, "save kept")
    game.read_save = lambda path: read_save(path, content)
    assert "Loaded" in said(game, output, "load kept") and game.reports == {}
    assert said(game, output, "report 1957") == told[1957]  # told as it was when it ended
    assert said(game, output, "report") == told[1959]  # the last year, not the last one asked for
    fresh, fresh_output = terminal(content, tmp_path)  # a game begun from the command line with --load, likewise
    fresh.session = Session.resume(content, read_save(tmp_path / "kept.json", content))
    assert said(fresh, fresh_output, "report last") == told[1959]


def test_nothing_a_player_must_read_is_lost_in_a_decade_of_digests(content: Content, tmp_path: Path) -> None:
    game, output = terminal(content, tmp_path, seed=11)
    while game.state.year < 1966:
        play_as_the_ai(game)
        told = said(game, output, "end yes")
        year = game.state.year - 1
        whole = game.reports[year]
        for line in whole:
            must = (line.tag in ("milestone", "dilemma") or " was killed " in line.text
                    or line.text.startswith(("Promise kept", "Promise broken", "No decision was taken")))
            if must:
                assert line.text in told, f"{year}: {line.text!r} is missing from the digest"
        flights = sum(1 for line in whole if line.tag == "heading" and "— USA:" in line.text
                      and not re.search(rf"arrives \(launched \w+ {year}\)", line.text))  # this year's launch arriving: one flight
        if flights:
            assert f"Your flights: {flights}" in told
        assert len(told.split("━━━━")[0].splitlines()) < len(whole) or len(whole) < 12


def test_the_last_year_of_the_race_is_told_whole(content: Content, tmp_path: Path) -> None:
    game, output = terminal(content, tmp_path)
    while not game.state.over:  # a side that does nothing: its support collapses before the race's end
        told, year = said(game, output, "end"), game.state.year
    assert f"Year-end report, {year}" in told and "'report' shows the whole" not in told


def test_after_the_races_last_year_no_next_years_budget_is_told(content: Content, tmp_path: Path) -> None:
    """A window play-tester read "Next year's budget $4124M" under the result of a race that was over."""
    from game.app.narrate import narrate
    from game.app.digest import score_lines

    game, _ = terminal(content, tmp_path)
    state = game.state
    state.year = 1962
    ongoing = " ".join(line.text for line in narrate([report()], content, state, "usa"))
    assert "Next year's budget: $900M" in ongoing
    assert any("Next year's budget" in line.text for line in score_lines(report(), None, content))
    state.over = True  # the race ended with 1962
    over = " ".join(line.text for line in narrate([report()], content, state, "usa"))
    assert "Year-end report, 1962" in over and "Next year's budget" not in over
    assert not any("Next year's budget" in line.text for line in score_lines(report(), None, content, last=True))
