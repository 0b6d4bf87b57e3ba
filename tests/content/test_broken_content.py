"""Each folder under broken/ is a content root with a deliberate mistake; the loader must pin it exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content.loader import ContentError, Problem, check_content, load_content

BROKEN = Path(__file__).parent / "broken"

#: case → (file, line, col, code, fragment of str(problem)); each case has exactly this one error.
EXPECTED: dict[str, tuple[str, int, int, str, str]] = {
    # TOML syntax and encoding
    "toml_unclosed_string": ("hardware.toml", 2, 20, "E-TOML", "is a string missing its closing quote?"),
    "toml_unclosed_literal_string": ("hardware.toml", 2, 20, "E-TOML", "TOML syntax: Expected \"'\""),
    "toml_duplicate_key": ("hardware.toml", 9, 1, "E-TOML", "unit_cost is already set"),
    "toml_bad_table_header": ("hardware.toml", 1, 22, "E-TOML", "Expected ']' at the end of a table declaration"),
    "not_utf8": ("milestones.toml", 2, 26, "E-TOML", "not UTF-8 text (invalid continuation byte at byte 53)"),
    # layout and schema
    "unknown_top_level_table": ("hardware.toml", 1, 1, "E-KEY", "unknown table [hardwares] (did you mean 'hardware'?)"),
    "bad_id": ("hardware.toml", 1, 1, "E-ID", "hardware id 'TestRocket' should be snake_case"),
    "unknown_key_suggestion": ("hardware.toml", 13, 1, "E-KEY", "unknown key 'descripton' in hardware test_rocket (did you mean 'description'?)"),
    "missing_required_key": ("hardware.toml", 1, 1, "E-MISSING", "hardware test_rocket is missing required key 'unit_cost'"),
    "string_for_int": ("hardware.toml", 6, 14, "E-TYPE", "start_cost should be a whole number"),
    "int_for_string": ("hardware.toml", 2, 8, "E-TYPE", "name should be a string"),
    "list_for_table": ("hardware.toml", 13, 11, "E-TYPE", "history should be a table"),
    "out_of_range": ("hardware.toml", 9, 20, "E-RANGE", "base_reliability must be between 0 and 1000, not 1200"),
    "value_not_in_choices": ("hardware.toml", 4, 8, "E-VALUE", "not 'rockett' (did you mean 'rocket'?)"),
    "unknown_capability": ("hardware.toml", 13, 24, "E-VALUE", "'dockng' is not a valid capabilities value (did you mean 'docking'?)"),
    # references between objects
    "unknown_milestone_claim": ("missions.toml", 11, 11, "E-REF", "unknown milestone 'satelite_orbit' (did you mean 'satellite_orbit'?)"),
    "unknown_required_hardware": ("hardware.toml", 13, 13, "E-REF", "unknown hardware 'atlass'"),
    "scenario_other_sides_program": ("scenario.toml", 7, 14, "E-REF", "'r7' is the other side's hardware"),
    "duplicate_id_two_files": ("b.toml", 3, 1, "E-DUPLICATE", "already defined in "),
    # expressions: the column points inside the string, at the fault
    "expr_syntax_error": ("events.toml", 7, 29, "E-SYNTAX", "expected a value before 'and'"),
    "expr_error_after_escapes": ("events.toml", 7, 39, "E-NAME", "unknown name 'suport' (did you mean 'support'?)"),
    "expr_error_in_multiline_string": ("events.toml", 9, 28, "E-NAME", "unknown name 'suport' (did you mean 'support'?)"),
    "unknown_effect_function": ("events.toml", 7, 13, "E-NAME", "unknown function 'add_prestig' (did you mean 'add_prestige'?)"),
    "unknown_variable": ("events.toml", 7, 12, "E-NAME", "unknown name 'suport' (did you mean 'support'?)"),
    "type_error": ("events.toml", 7, 12, "E-TYPE", "'and' needs true/false on both sides, but the left side is a number"),
    "effect_in_condition": ("events.toml", 7, 12, "E-EFFECT", "add_prestige() is an effect"),
    "flag_never_set": ("events.toml", 7, 17, "E-REF", "unknown flag id 'moon_goal'"),
    "wrong_argument_count": ("events.toml", 7, 30, "E-ARGS", "takes 2 arguments, got 1"),
    "hostile_import": ("events.toml", 7, 12, "E-NAME", "unknown function '__import__'"),
    "hostile_class": ("events.toml", 7, 14, "E-SYNTAX", "attribute access is not allowed"),
    "hostile_open": ("events.toml", 7, 13, "E-NAME", "unknown function 'open'"),
    "hostile_deep_nesting": ("events.toml", 7, 52, "E-LIMIT", "nested too deeply (the limit is 40 levels)"),
    # events
    "dilemma_no_default": ("events.toml", 1, 1, "E-VALUE", "needs exactly one choice with default = true (it has 0)"),
    "dilemma_two_defaults": ("events.toml", 1, 1, "E-VALUE", "needs exactly one choice with default = true (it has 2)"),
    "dilemma_one_choice": ("events.toml", 1, 1, "E-VALUE", "dilemma 'moon_decision' needs at least two choices"),
    "news_with_choices": ("events.toml", 9, 1, "E-VALUE", "news has no choices"),
    # scenarios
    "budget_wrong_length": ("scenario.toml", 10, 10, "E-VALUE", "budget has 3 entries; the scenario runs 2 years (1957–1958)"),
    "end_before_start": ("scenario.toml", 4, 12, "E-VALUE", "end_year is before start_year"),
    # hardware and missions
    "rocket_lift_zero": ("hardware.toml", 12, 8, "E-VALUE", "rocket 'test_rocket' needs a lift above 0"),
    "base_above_max_reliability": ("hardware.toml", 9, 20, "E-VALUE", "base_reliability is above max_reliability"),
    "lander_step_without_lander": ("missions.toml", 16, 8, "E-VALUE", "a step uses the lander but the mission does not set lander = true"),
    "duplicate_step_id": ("missions.toml", 14, 6, "E-DUPLICATE", "step id 'launch' is used twice in this mission"),
}

#: Three independent mistakes in one content root, all reported by a single load.
THREE_ERRORS: list[tuple[str, int, int, str, str]] = [
    ("events/news.toml", 7, 19, "E-SYNTAX", "expected a value, but the expression ended"),
    ("hardware.toml", 4, 8, "E-VALUE", "not 'rockett'"),
    ("missions.toml", 11, 11, "E-REF", "unknown milestone 'satelite_orbit'"),
]

ALL_CASES = sorted([*EXPECTED, "three_errors"])
PROBLEM_TEXT = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning)\[(?P<code>[A-Z]-[A-Z-]+)\]: (?P<message>.+)$", re.S
)


def _errors(case: str) -> list[Problem]:
    content, problems = check_content(BROKEN / case)
    assert content is None
    return [problem for problem in problems if problem.severity == "error"]


def _matches(problem: Problem, case: str, expected: tuple[str, int, int, str, str]) -> bool:
    file, line, col, code, fragment = expected
    return (Path(problem.path).as_posix().endswith(f"broken/{case}/{file}") and (problem.line, problem.col) == (line, col)
            and problem.code == code and fragment in str(problem))


def test_every_case_folder_has_an_expectation() -> None:
    folders = sorted(path.name for path in BROKEN.iterdir() if path.is_dir())
    assert folders == ALL_CASES
    assert len(folders) >= 30
    for folder in folders:
        assert list((BROKEN / folder).rglob("*.toml")), folder


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case_reports_exactly_its_error(case: str) -> None:
    errors = _errors(case)
    shown = "\n".join(str(problem) for problem in errors)
    assert len(errors) == 1, shown
    assert _matches(errors[0], case, EXPECTED[case]), shown


def test_a_duplicate_id_names_the_file_that_defined_it_first() -> None:
    (error,) = _errors("duplicate_id_two_files")
    assert "broken/duplicate_id_two_files/a.toml;" in error.message


def test_three_independent_errors_are_all_reported_at_once() -> None:
    errors = _errors("three_errors")
    shown = "\n".join(str(problem) for problem in errors)
    assert len(errors) == 3, shown
    for expected in THREE_ERRORS:
        assert any(_matches(problem, "three_errors", expected) for problem in errors), (expected, shown)


@pytest.mark.parametrize("case", ALL_CASES)
def test_problems_print_as_path_line_col_severity_message(case: str) -> None:
    for problem in _errors(case):
        match = PROBLEM_TEXT.match(str(problem))
        assert match, str(problem)
        assert (match["path"], int(match["line"]), int(match["col"])) == (problem.path, problem.line, problem.col)
        assert match["severity"] == "error"
        assert match["code"] == problem.code
        assert match["message"].startswith(problem.message)
        if problem.suggestion:
            assert str(problem).endswith(f" ({problem.suggestion})")


@pytest.mark.parametrize("case", ALL_CASES)
def test_loading_reports_problems_and_never_raises_anything_else(case: str) -> None:
    content, problems = check_content(BROKEN / case)
    assert content is None and problems
    with pytest.raises(ContentError) as raised:
        load_content(BROKEN / case)
    assert raised.value.problems == problems
    assert str(problems[0]) in str(raised.value)
