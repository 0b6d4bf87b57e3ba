"""Fuzz the content loader with random bytes and TOML-shaped text: it must report problems, never raise."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import Problem, check_content

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

HEADERS = [
    "[hardware.test_rocket]", "[hardware.capsule_one]", "[hardware.Bad-Id]", "[mission.orbit_trip]",
    "[[mission.orbit_trip.steps]]", "[milestone.satellite_orbit]", "[event.money]", "[[event.money.choices]]",
    "[scenario.tiny]", "[scenario.tiny.usa]", "[scenario.tiny.ussr]", "[text]", "[crew_names.usa]",
    "[history]", "[[hardware]]", "[event.money.choices]", "[scenario]",
]
KEYS = [
    "name", "side", "kind", "available", "start_cost", "development_cost", "unit_cost", "base_reliability",
    "max_reliability", "research_scale", "lift", "mass", "seats", "capabilities", "requires", "history",
    "cost", "craft", "crew_min", "crew_max", "needs", "lander", "min_lift", "prestige", "station", "sides",
    "steps", "id", "uses", "difficulty", "skill", "failure", "claims", "prestige_first", "prestige_second",
    "condition", "decisive", "title", "text", "years", "trigger", "chance", "once", "priority", "effects",
    "choices", "default", "ai", "start_year", "end_year", "budget", "programs", "flags", "achieved", "usa",
    "ussr", "male", "female", "last", "history.note", "failure.abort", "unknown_key",
]
VALUES = [
    "0", "1", "-5", "1957", "1200", "99999999999", "true", "false", "1.5", "1957-10-04",
    '"usa"', '"ussr"', '"rocket"', '"capsule"', '"satellite"', '"dilemma"', '"news"', '"rocket"', '"lander"',
    '"Test"', '""', "'literal'", '"""multi\nline"""', '"esc\\"aped"', '"\\u00e9"',
    '["satellite"]', '["satellite_orbit"]', '["usa", "ussr"]', "[1957, 1960]", "[1960, 1957]", "[100, 100]",
    "[]", "[1, \"two\"]", "[[1], [2]]", '["add_funds(10)"]', '["set_flag(\'moon\')", "add_prestige(x)"]',
    '"year >= 1957"', '"flag(\'moon\')"', '"year and true"', '"(((((("', '"achieved(\\"satellite_orbit\\")"',
    "{ abort = 1 }", "{ abort = 0 }", "{ test_rocket = 10 }", "{ date = \"1957\", side = \"usa\" }", "{}",
    '[{ id = "a", text = "b", default = true }]', '[{ id = "a" }, 5]',
]

#: A small valid content file; the third test swaps its values for others and damages it.
VALID = """\
[hardware.test_rocket]
name = "Test Rocket"
side = "usa"
kind = "rocket"
available = 1957
start_cost = 10
development_cost = 50
unit_cost = 5
base_reliability = 600
max_reliability = 900
research_scale = 40
lift = 2

[hardware.capsule_one]
name = "Capsule One"
side = "usa"
kind = "capsule"
available = 1958
start_cost = 10
development_cost = 50
unit_cost = 5
base_reliability = 600
max_reliability = 900
research_scale = 40
mass = 1
seats = 1
capabilities = ["eva"]
requires = ["test_rocket"]

[milestone.satellite_orbit]
name = "First satellite"
prestige_first = 10
prestige_second = 5
condition = "crew_size >= 0"

[mission.orbit_trip]
name = "Orbit trip"
available = 1958
cost = 3
craft = ["capsule"]
crew_min = 1
crew_max = 1
requires = "year >= 1958"

[[mission.orbit_trip.steps]]
id = "launch"
name = "Launch"
uses = "rocket"
failure = { abort = 1, catastrophe = 1 }

[[mission.orbit_trip.steps]]
id = "orbit"
name = "Orbit"
uses = "craft"
skill = "piloting"
claims = ["satellite_orbit"]

[event.money]
title = "Money"
text = "{side_name} finds money in {year}."
kind = "dilemma"
sides = ["usa", "ussr"]
years = [1957, 1960]
trigger = "not flag('rich') and achieved('satellite_orbit')"

[[event.money.choices]]
id = "take"
text = "Take it."
effects = ["add_funds(10)", "set_flag('rich')", "add_research('test_rocket', 5)"]
default = true

[[event.money.choices]]
id = "leave"
text = "Leave it."

[scenario.tiny]
name = "Tiny"
start_year = 1957
end_year = 1958
lose_if = "support <= 0"

[scenario.tiny.usa]
budget = [100, 100]
programs = { test_rocket = 10 }
flags = ["rich"]

[scenario.tiny.ussr]
budget = [100, 100]
achieved = { satellite_orbit = 1957 }
"""


@st.composite
def toml_like(draw: st.DrawFn) -> str:
    """Lines of headers and key = value pairs from the schema's vocabulary, sometimes damaged."""
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        if draw(st.integers(0, 3)) == 0:
            lines.append(draw(st.sampled_from(HEADERS)))
        else:
            lines.append(f"{draw(st.sampled_from(KEYS))} = {draw(st.sampled_from(VALUES))}")
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 3))):  # damage: insert, delete or replace a character
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        junk = draw(st.sampled_from(['"', "'", "[", "]", "=", "\n", "{", "}", ",", "#", "\\", "é", "\t", ""]))
        text = text[:at] + junk + text[at + draw(st.integers(0, 1)):]
    return text


@st.composite
def damaged_valid(draw: st.DrawFn) -> str:
    """The valid file with a few values swapped for others from the vocabulary, or lines dropped."""
    lines = VALID.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        key, equals, value = lines[at].partition(" = ")
        choice = draw(st.integers(0, 3))
        if choice == 0:
            del lines[at]
        elif equals:
            lines[at] = f"{key} = {draw(st.sampled_from(VALUES))}" if choice == 1 else f"{draw(st.sampled_from(KEYS))} = {value}"
        else:
            lines[at] = draw(st.sampled_from(HEADERS))
    return "\n".join(lines)


def _check_file(tmp_path: Path, data: bytes) -> None:
    """Write one content file in a fresh folder and check the loader's answer is well formed."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    (folder / "content.toml").write_bytes(data)
    content, problems = check_content(folder)
    assert isinstance(problems, list)
    assert all(isinstance(problem, Problem) for problem in problems)
    assert all(problem.line >= 1 and problem.col >= 1 for problem in problems), [str(p) for p in problems]
    lines = data.decode("utf-8", "replace").split("\n")
    for problem in problems:  # every problem points into the file: at a character or just past a line's end
        assert problem.line <= len(lines) and problem.col <= len(lines[problem.line - 1]) + 1, str(problem)
    if content is None:
        assert any(problem.severity == "error" for problem in problems)
    else:
        assert not any(problem.severity == "error" for problem in problems)


@FUZZ
@given(data=st.binary(max_size=600))
def test_random_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    _check_file(tmp_path, data)


@FUZZ
@given(text=toml_like())
def test_toml_shaped_text_never_raises(tmp_path: Path, text: str) -> None:
    _check_file(tmp_path, text.encode("utf-8"))


def test_the_undamaged_file_loads(tmp_path: Path) -> None:
    (tmp_path / "content.toml").write_text(VALID, encoding="utf-8")
    content, problems = check_content(tmp_path)
    assert problems == []
    assert content is not None and sorted(content.hardware) == ["capsule_one", "test_rocket"]


@FUZZ
@given(text=damaged_valid())
def test_damaged_valid_content_never_raises(tmp_path: Path, text: str) -> None:
    _check_file(tmp_path, text.encode("utf-8"))
