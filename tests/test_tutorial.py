"""The tutorial scenario: it loads and is listed, its lessons win the race when followed, and they stay out of other games."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.app.simulate import play_ai_game
from game.content.loader import check_content
from game.engine.defs import SIDES, Content

from tests.e2e.conftest import exchanges, lines, run_game

SCENARIO = "tutorial"
SEED = 2  # pinned: following the lessons, each side flies the first human into orbit in 1959 on this seed
BANNER = re.compile(r"^━+\s+(\d{4})\s+━+$", re.MULTILINE)
VERDICT = re.compile(r"YOU WIN: THE (UNITED STATES|SOVIET UNION) WINS THE SPACE RACE \((\d{4})\)")
SIDE_NAMES = {"usa": "UNITED STATES", "ussr": "SOVIET UNION"}

# What a new player types, year by year, doing exactly what the lessons say (the Soviet variants where they differ).
LESSON_SCRIPTS = {
    "usa": {
        "first": ["status", "decisions", "help", "programs all", "fund explorer 40", "fund atlas 200", "recruit 4", "crew",
                  "fund training 10", "end"],
        "second": ["missions", "schedule small_satellite", "schedule small_satellite 6", "examine crewed_orbit",
                   "start mercury", "fund mercury 400", "fund training 10", "save tutorial", "end"],
        "later": ["programs", "missions", "schedule crewed_orbit", "schedule crewed_orbit 8", "fund atlas 100", "end"],
    },
    "ussr": {
        "first": ["status", "decisions", "help", "programs all", "fund sputnik_ps1 40", "fund r7_luna 100", "recruit 4",
                  "crew", "fund training 10", "end"],
        "second": ["missions", "schedule small_satellite", "schedule small_satellite 6", "examine crewed_orbit",
                   "start vostok", "fund vostok 300", "fund training 10", "save tutorial", "end"],
        "later": ["programs", "missions", "schedule crewed_orbit", "schedule crewed_orbit 8", "fund r7_luna 100", "end"],
    },
}


@pytest.fixture(scope="module")
def content() -> Content:
    loaded, problems = check_content()
    assert problems == [], [str(problem) for problem in problems]
    assert loaded is not None
    return loaded


def lessons(content: Content) -> list:
    return sorted((event for event in content.events.values() if event.id.startswith("tutorial_")), key=lambda e: e.title)


def script(side: str) -> list[str]:
    parts = LESSON_SCRIPTS[side]
    return parts["first"] + parts["second"] + parts["later"] * 3


def test_the_tutorial_scenario_loads_with_a_head_start_for_both_sides(content: Content) -> None:
    scenario = content.scenarios[SCENARIO]
    assert scenario.name == "Tutorial: Reach for Orbit"
    assert (scenario.start_year, scenario.end_year, scenario.default_side) == (1957, 1961, "usa")
    assert "crewed_orbit" in scenario.win_if_text and scenario.lose_if_text == "support <= 0"
    for side in SIDES:
        setup = scenario.setups[side]
        assert len(setup.budget) == 5 and setup.pads == 1
        rockets = [program for program in setup.programs if content.hardware[program].kind == "rocket"]
        satellites = [program for program in setup.programs if content.hardware[program].kind == "satellite"]
        assert rockets and satellites, side
        for program in rockets[:1] + satellites:
            hardware = content.hardware[program]
            assert setup.programs[program] >= hardware.development_cost * 3 // 5, (side, program)


def test_the_lessons_are_short_news_for_both_sides_gated_to_the_tutorial(content: Content) -> None:
    found = lessons(content)
    assert 5 <= len(found) <= 7
    others = max(event.priority for event in content.events.values() if not event.id.startswith("tutorial_"))
    for event in found:
        assert event.kind == "news" and set(event.sides) == set(SIDES), event.id
        assert event.scenarios == ("tutorial",), event.id  # the lessons come only in the tutorial
        assert event.priority > others, event.id
        assert len(event.text.split()) <= 90, event.id
        assert 1957 <= event.first_year <= event.last_year <= 1961, event.id
    texts = " ".join(event.text for event in found)
    for command in ("'status'", "'decisions'", "'help'", "'programs all'", "'schedule small_satellite'", "'recruit 4'",
                    "'fund training 10'", "'examine crewed_orbit'", "'save tutorial'", "autosave"):
        assert command in texts, command


@pytest.mark.parametrize("side", SIDES)
def test_every_scripted_command_is_one_the_lessons_teach(content: Content, side: str) -> None:
    texts = " ".join(event.text for event in lessons(content))
    for command in set(script(side)):
        assert f"'{command}'" in texts, command


def test_the_scenarios_command_lists_the_tutorial(tmp_path: Path) -> None:
    run = run_game("scenarios", cwd=tmp_path)

    assert run.returncode == 0
    assert re.search(r"^tutorial\s+1957–1961\s+Tutorial: Reach for Orbit$", run.stdout, re.MULTILINE), run.stdout


@pytest.mark.parametrize("side", SIDES)
def test_following_the_lessons_wins_the_tutorial(content: Content, tmp_path: Path, side: str) -> None:
    run = run_game("play", "--scenario", SCENARIO, "--side", side, "--seed", str(SEED), cwd=tmp_path,
                   commands=lines(*script(side)))

    assert run.returncode == 0, run.stderr
    for event in lessons(content):
        assert f"NEWS: {event.title}\n{event.text}" in run.stdout, event.title
    years = BANNER.split(run.stdout)[1:]
    briefings = dict(zip(map(int, years[::2]), years[1::2]))
    for year in (1957, 1958, 1959):
        first_news = re.search(r"^NEWS: (.*)$", briefings[year], re.MULTILINE)
        assert first_news and first_news.group(1).startswith("Lesson"), (year, first_news)
    refused = [answer for answer in exchanges(run.stdout) if answer.answer.startswith("Refused")]
    assert refused == [], refused

    verdict = VERDICT.search(run.stdout)
    assert verdict, run.stdout[-3000:]
    assert verdict.group(1) == SIDE_NAMES[side] and int(verdict.group(2)) <= 1961
    state = run.save()["state"]
    assert (state["over"], state["winner"], state["reason"]) == (True, side, "win")
    assert [claim["side"] for claim in state["claims"] if claim["milestone"] == "crewed_orbit" and claim["first"]] == [side]
    kept = json.loads((tmp_path / "saves" / "tutorial.json").read_text(encoding="utf-8"))
    assert kept["state"]["year"] == 1958


@pytest.mark.parametrize("seed", [1, 1955])
def test_the_lessons_never_fire_in_the_full_campaign(content: Content, seed: int) -> None:
    state = play_ai_game(content, "full_campaign", seed).state

    assert state.over
    for side in SIDES:
        own = state.sides[side]
        assert own.fired, "some events always fire in a whole campaign"
        assert [event for event in own.fired if event.startswith("tutorial_")] == []
