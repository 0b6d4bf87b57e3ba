"""Whole campaigns played through `python -m game` from a command file, for each side: the result screen and the saves."""

from __future__ import annotations

import re
from typing import Callable

import pytest

from game.content.loader import load_content
from game.engine.defs import Content

from .conftest import Run, exchanges, lines, result_screen

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WINNER_LINE = re.compile(r"(YOU WIN|YOU LOSE): THE (UNITED STATES|SOVIET UNION) WINS THE SPACE RACE \((\d{4})\)"
                         r"|THE RACE ENDS IN A DRAW \((\d{4})\)")
PRESTIGE_LINE = re.compile(r"Final prestige — USA (-?\d+), USSR (-?\d+)")
SIDE_NAMES = {"UNITED STATES": "usa", "SOVIET UNION": "ussr"}


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def check_result_screen(run: Run, content: Content, side: str) -> None:
    """The result screen names the winner, both prestige totals and every milestone's first and second, and it
    agrees with the final autosave."""
    assert run.returncode == 0, run.stderr
    screen = result_screen(run.stdout)
    state = run.save()["state"]
    assert state["over"] is True

    verdict = WINNER_LINE.search(screen)
    assert verdict, screen
    if verdict.group(4):
        assert state["winner"] == "draw"
    else:
        winner = SIDE_NAMES[verdict.group(2)]
        assert state["winner"] == winner
        assert verdict.group(1) == ("YOU WIN" if winner == side else "YOU LOSE")
    assert int(verdict.group(3) or verdict.group(4)) == state["year"]

    prestige = PRESTIGE_LINE.search(screen)
    assert prestige, screen
    assert (int(prestige.group(1)), int(prestige.group(2))) == (
        state["sides"]["usa"]["prestige"], state["sides"]["ussr"]["prestige"])

    assert re.search(r"Milestone\s+First\s+Second", screen), screen
    table = screen[screen.index("Milestone"):]
    for milestone in content.milestones.values():
        assert milestone.name in table, f"{milestone.name} missing from the result table"
    claims = state["claims"]
    assert claims, "a whole campaign always has someone claiming something"
    for claim in claims:
        name = content.milestones[claim["milestone"]].name
        row = next(line for line in table.splitlines() if name in line)
        cell = f"{claim['side'].upper()} {MONTHS[claim['month'] - 1]} {claim['year']}"
        assert cell in row, f"{row!r} should show {'first' if claim['first'] else 'second'} {cell}"


@pytest.mark.parametrize("side", ["usa", "ussr"])
def test_a_campaign_of_only_end_reaches_the_result_screen(game: Callable[..., Run], content: Content, side: str) -> None:
    run = game("play", "--ui", "text", "--side", side, "--seed", "7", commands=lines(*["end"] * 21))

    assert run.returncode == 0
    assert "SPACE RACE 1955–1975" in run.stdout
    assert (run.cwd / "saves" / "autosave.json").is_file()
    check_result_screen(run, content, side)
    assert run.save()["record"]["players"] == [side]


def usa_script(content: Content) -> list[tuple[str, str]]:
    """(command, what the answer must contain) for a US campaign that uses most commands."""
    rocket = content.hardware["juno_i"].name
    mission = content.missions["small_satellite"].name
    return [
        ("help", "Commands"),
        ("status", "1955 — The United States"),
        ("budget", "Budget 1955"),
        ("programs", "explorer"),
        ("programs all", "apollo_csm"),
        ("missions", "No mission can fly yet"),
        ("missions all", "small_satellite"),
        ("crew", "You have no crew yet"),
        ("examine vanguard", "(vanguard)"),
        ("examine small_satellite", f"{mission} (small_satellite)"),
        ("examine satellite_orbit", "(satellite_orbit)"),
        ("decisions", "choose vanguard_or_orbiter orbiter"),
        ("choose orbiter", "On “"),
        ("start explorer", "Program started: "),
        ("fund explorer 15", "$15M allocated for 1955"),
        ("fund juno_i 20", "$20M allocated for 1955"),
        ("fund training 2", "$2M allocated for 1955"),
        ("fund education 3", "$3M allocated for 1955"),
        ("recruit 2", "New candidates selected"),
        ("budget", "Research: "),
        ("end", "You close the books on 1955"),
        ("examine usa_01", "(usa_01) — active, selected 1955"),
        ("crew", "usa_02"),
        ("fund explorer 40", "$40M allocated for 1956"),
        ("fund juno 30", "(Jupiter-C): $30M allocated for 1956"),  # the started Juno, not Juno II
        (f'fund "{rocket}" 30', f"{rocket}: $30M allocated for 1956"),
        ("end", "You close the books on 1956"),
        ("build pad", "2 pads"),
        ("missions", "small_satellite"),
        ("schedule small_satellite march", "Scheduled #1: "),
        ("schedule small_satellite 5 rocket=juno_i craft=explorer", "Scheduled #2: "),
        (f'schedule "{mission}" month=july', "Scheduled #3: "),
        ("schedule small_satellite 8 crew=usa_01", "Refused: "),
        ("cancel 3", "Cancelled #3"),
        ("status", "Scheduled: #1 Mar"),
        ("race", "First"),
        ("log 5", "Cancelled #3"),
        ("save rich_usa", "Saved to saves/rich_usa.json"),
        ("end", "Your flights: 2"),  # the year in brief …
        ("report", f"USA: {mission}"),  # … and in full
    ]


def ussr_script(content: Content) -> list[tuple[str, str]]:
    """(command, what the answer must contain) for a Soviet campaign that uses most commands."""
    craft = content.hardware["sputnik_ps1"].name
    mission = content.missions["small_satellite"].name
    return [
        ("status", "1955 — The Soviet Union"),
        ("budget", "Budget 1955"),
        ("programs", "r7"),
        ("programs all", "korabl_sputnik"),
        ("missions", "No mission can fly yet"),
        ("missions all", "small_satellite"),
        ("crew", "You have no crew yet"),
        ("examine r7", "(r7)"),
        ("examine small_satellite", "(small_satellite)"),
        ("examine satellite_orbit", "(satellite_orbit)"),
        ("decisions", "No decisions are waiting"),
        ("start sputnik_ps1", "Program started: "),
        ("start sputnik_ps1", "Refused: "),
        ("fund r7 40", "$40M allocated for 1955"),
        (f'fund "{craft}" 10', f"{craft}: $10M allocated for 1955"),
        ("fund training 2", "$2M allocated for 1955"),
        ("recruit 3", "New candidates selected"),
        ("end", "You close the books on 1955"),
        ("decisions", "choose korolev_simple_satellite simple"),
        ("choose simple", "On “"),
        ("decisions", "No decisions are waiting"),
        ("examine ussr_02", "(ussr_02) — active, selected 1955"),
        ("crew", "ussr_03"),
        ("fund r7 60", "$60M allocated for 1956"),
        ("end", "You close the books on 1956"),
        ("build pad", "2 pads"),
        ("missions", "small_satellite"),
        ("schedule small_satellite february", "Scheduled #1: "),
        ("schedule small_satellite 4 rocket=r7 craft=sputnik_ps1", "Scheduled #2: "),
        (f'schedule "{mission}" month=jun', "Scheduled #3: "),
        ("schedule small_satellite 8 crew=ussr_01", "Refused: "),
        ("cancel 2", "Cancelled #2"),
        ("status", "Scheduled: #1 Feb"),
        ("race", "First"),
        ("log 5", "Cancelled #2"),
        ("save rich_ussr", "Saved to saves/rich_ussr.json"),
        ("end", "Your flights: 2"),
        ("report", f"USSR: {mission}"),
    ]


@pytest.mark.parametrize("side", ["usa", "ussr"])
def test_a_scripted_campaign_using_many_commands_is_acknowledged_throughout(
    game: Callable[..., Run], content: Content, side: str
) -> None:
    script = usa_script(content) if side == "usa" else ussr_script(content)
    years_closed = sum(1 for command, _ in script if command == "end")
    commands = [command for command, _ in script] + ["end"] * (21 - years_closed) + ["result", "quit"]

    run = game("play", "--side", side, "--seed", "7", commands=lines(*commands))

    assert run.returncode == 0, run.stderr
    answers = exchanges(run.stdout)
    assert [answer.command for answer in answers] == commands
    for (command, expected), answer in zip(script, answers):
        assert expected in answer.answer, f"{answer.year} {command!r} answered:\n{answer.answer}"
    assert "Traceback" not in run.stdout
    check_result_screen(run, content, side)
    assert WINNER_LINE.search(answers[-2].answer), "'result' shows the result screen again after the game"

    kept = run.save(f"rich_{side}")
    assert kept["state"]["over"] is False
    assert [item["mission"] for item in kept["state"]["sides"][side]["scheduled"]] == ["small_satellite"] * 2
