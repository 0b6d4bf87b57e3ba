"""A player's choices come back, end to end through `python -m game`: the Moon goal chosen in 1961 is foreseen in
the ledger and comes back in 1963 saying why; the Moon promise is judged at its deadline and the result lists it."""

from __future__ import annotations

from pathlib import Path

from .conftest import exchanges, lines, result_screen, run_game


def test_a_1961_choice_comes_back_in_1963_and_says_why(tmp_path: Path) -> None:
    run = run_game("play", "--ui", "text", "--scenario", "moon_race", "--side", "usa", "--seed", "11", cwd=tmp_path,
                   commands=lines("decisions", "choose kennedy_moon_goal moon", "ledger", "end", "end", "ledger", "quit"))
    assert run.returncode == 0, run.stderr
    said = {(exchange.year, exchange.command): exchange.answer for exchange in exchanges(run.stdout)}
    decisions = said[(1961, "decisions")]
    assert "John F. Kennedy, President, speaks (opinion of you 50, wary)." in decisions
    assert "choose kennedy_moon_goal moon — Commit the nation" in decisions
    chosen = said[(1961, "choose kennedy_moon_goal moon")]
    assert "Promise made: A man on the Moon before 1970 (judged at the end of 1969 at the latest)." in chosen
    assert "Foreseen for 1963: Congress will ask what the Moon is going to cost" in chosen
    assert "Kennedy's opinion of you +10: now 60, warm." in chosen
    ledger = said[(1961, "ledger")]
    assert "1963: Congress will ask what the Moon is going to cost" in ledger
    assert "A man on the Moon before 1970 — open, judged by the end of 1969; made with your choice “Commit the nation" in ledger
    assert "John F. Kennedy, President: 60 warm, +10 lately" in ledger
    into_1963 = said[(1962, "end")]
    at = into_1963.index("NEWS: The Bill for the Moon")
    assert ("This comes of your choice in 1961 on “A Goal We Can Win”: “Commit the nation: a man on the Moon, and home "
            "safely, before this decade is out.”") in into_1963[at:]
    assert "1963: Congress" not in said[(1963, "ledger")]  # it came: no longer foreseen


def test_the_moon_promise_is_judged_at_its_deadline_and_shown_at_the_end(tmp_path: Path) -> None:
    run = run_game("play", "--ui", "text", "--scenario", "detente", "--side", "usa", "--seed", "4", cwd=tmp_path,
                   commands=lines("ledger", *["end"] * 8))
    assert run.returncode == 0, run.stderr
    said = exchanges(run.stdout)
    assert "A man on the Moon before 1970 — open, judged by the end of 1969; in force when the race began" in said[0].answer
    first_year = next(exchange.answer for exchange in said if exchange.year == 1969 and exchange.command == "end")
    assert "Promise kept: A man on the Moon before 1970." in first_year or "Promise broken: A man on the Moon before 1970." in first_year
    screen = result_screen(run.stdout) + run.stdout[run.stdout.index("Your promises:"):]
    assert "A man on the Moon before 1970 — kept in 1969" in screen or "A man on the Moon before 1970 — broken in 1969" in screen
