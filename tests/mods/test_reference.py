"""The generated modders' reference covers every registry entry, and its TOML examples are valid and load."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import jsonschema
import pytest

from game.content import expr
from game.content.analysis import EVENT_PLACEHOLDERS, STEP_PLACEHOLDERS
from game.content.codes import CODES
from game.content.env import script_env
from game.content.jsonschema import content_schema, manifest_schema
from game.content.loader import load_game
from game.content.mods import MANIFEST_KEYS
from game.content.reference import (
    changes_example, data_file_line, reference_markdown, sample_manifest, skeleton, toml_value,
)
from game.content.schema import KINDS, TABLES, Field
from game.engine.scripting import FUNCTIONS, VARIABLES


@pytest.fixture(scope="module")
def reference() -> str:
    return reference_markdown()


def section(text: str, heading: str) -> str:
    """The body of one `## ` or `### ` section, up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = text.index(heading + "\n")
    rest = text[start + len(heading) + 1:]
    stop = re.search(rf"^#{{1,{len(level)}}} ", rest, re.MULTILINE)
    return rest[: stop.start()] if stop else rest


def toml_blocks(text: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)\n```", text, re.DOTALL)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_field_of_every_table_has_a_row_with_its_doc(reference: str, table: str) -> None:
    body = section(section(reference, "## Tables and their keys"), f"### {table}")
    for name, spec in TABLES[table].items():
        row = next((line for line in body.splitlines() if line.startswith(f"| `{name}` |")), None)
        assert row is not None, f"{table}.{name} is missing from the reference"
        assert spec.doc.replace("|", "\\|") in row
        assert ("**required**" in row) == spec.required
        for choice in spec.choices:
            assert f'`"{choice}"`' in row


def test_rows_say_ranges_defaults_and_what_ids_they_name(reference: str) -> None:
    tables = section(reference, "## Tables and their keys")
    chance = next(line for line in section(tables, "### event").splitlines() if line.startswith("| `chance` |"))
    assert "0 to 1000" in chance and "default `1000`" in chance and "a whole number" in chance
    claims = next(line for line in section(tables, "### step").splitlines() if line.startswith("| `claims` |"))
    assert "milestone id" in claims
    assert "`[[mission.ID.steps]]`" in section(tables, "### step")
    assert "`[scenario.ID.usa]`, `[scenario.ID.ussr]`" in section(tables, "### setup")


def test_the_layout_names_every_top_level_table(reference: str) -> None:
    layout = section(reference, "## File layout")
    for kind in KINDS:
        assert f"`[{kind}." in layout
    for header in ("`[text]`", "`[patch.KIND.ID]`", "`[patch.text]`", "`[disable]`", "add_choices", "remove_choices",
                   "override = true", "[[event.my_event.choices]]", "[[mission.my_mission.steps]]",
                   "[scenario.my_scenario.usa]", "[scenario.my_scenario.ussr]"):
        assert header in layout, header


def test_every_manifest_key_is_documented(reference: str) -> None:
    manifest = section(reference, "## mod.toml")
    for key, (_, _, meaning) in MANIFEST_KEYS.items():
        assert f"| `{key}` |" in manifest and meaning in manifest


def test_every_variable_appears_with_its_type_doc_and_data_file_example(reference: str) -> None:
    variables = section(reference, "## Variables")
    env = script_env()
    for name, variable in VARIABLES.items():
        row = next(line for line in variables.splitlines() if line.startswith(f"| `{name}` |"))
        assert expr.describe(env.variables[name].type) in row and variable.doc in row
        assert variable.example.replace("|", "\\|") in row


def test_every_function_and_effect_appears_with_its_signature(reference: str) -> None:
    conditions, effects = section(reference, "## Condition functions"), section(reference, "## Effects")
    env = script_env()
    for name, function in FUNCTIONS.items():
        where = effects if function.effect else conditions
        signature = expr.signature(env.functions[name])
        assert f"`{signature}" in where, signature
        assert function.doc in where and function.example in where
    assert "add_research(program: program id, amount: number)" in effects
    assert "reliability(program: program id) → number" in conditions


@pytest.mark.parametrize("example", [v.example for v in VARIABLES.values()] + [f.example for f in FUNCTIONS.values()])
def test_every_registry_example_compiles_and_is_shown_as_it_is_written_in_a_data_file(example: str) -> None:
    line = data_file_line(example)
    assert line.startswith(("trigger = ", "effects = [")), f"{example!r} compiles neither as a condition nor an effect"
    assert tomllib.loads(line)  # valid TOML a modder can paste


def test_the_grammar_and_every_limit_are_stated(reference: str) -> None:
    expressions = section(reference, "## Expressions")
    assert f"| characters in one expression | {expr.MAX_SOURCE} |" in expressions
    assert f"| {expr.MAX_DEPTH} |" in expressions
    assert f"| {expr.MAX_INT:_} |" in expressions
    assert f"| arguments in one call | {expr.MAX_ARGS} |" in expressions
    for word in ("'or'", "'and'", "'not'", "comparisons do not chain", "exponentiation is not allowed"):
        assert word in expressions
    assert "`event.trigger`" in expressions and "`choice.effects`" in expressions


def test_every_placeholder_is_listed(reference: str) -> None:
    placeholders = section(reference, "## Text placeholders")
    for name in (*EVENT_PLACEHOLDERS, *STEP_PLACEHOLDERS):
        assert f"`{{{name}}}`" in placeholders


def test_every_problem_code_has_a_section_with_its_explanation(reference: str) -> None:
    codes = section(reference, "## Problem codes")
    for code, entry in CODES.items():
        body = section(codes, f"### {code}")
        assert entry.explanation in body and entry.title in body and entry.severity in body
        assert f"[{code}](#{code.lower()})" in codes
    assert len(re.findall(r"^### [EW]-", codes, re.MULTILINE)) == len(CODES)


def test_every_toml_example_in_the_reference_parses_and_validates(reference: str) -> None:
    content = jsonschema.Draft7Validator(content_schema())
    manifest = jsonschema.Draft7Validator(manifest_schema())
    blocks = toml_blocks(reference)
    assert len(blocks) >= len(KINDS) + 2
    for block in blocks:
        document = tomllib.loads(block)
        validator = manifest if "id" in document and "game" in document else content
        assert [error.message for error in validator.iter_errors(document)] == [], block


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_skeleton_holds_every_required_key(kind: str) -> None:
    document = tomllib.loads(skeleton(kind))
    (body,) = document[kind].values()
    for name, spec in TABLES[KINDS[kind]].items():
        assert not spec.required or name in body, f"{kind}.{name}"


def test_the_override_patch_and_disable_example_loads_on_top_of_the_base_game(tmp_path: Path) -> None:
    (tmp_path / "mod.toml").write_text(sample_manifest(), encoding="utf-8")
    (tmp_path / "changes.toml").write_text(changes_example(), encoding="utf-8")
    result = load_game(mod_paths=[tmp_path])
    assert result.errors == [], [str(problem) for problem in result.errors]
    assert result.content is not None
    actions = {key: [touch.action for touch in touches] for key, touches in result.touches.items()}
    assert actions[("milestone", "satellite_orbit")] == ["defined", "overrode"]
    assert actions[("event", "kennedy_moon_goal")] == ["defined", "patched"]
    assert actions[("event", "u2_affair")] == ["defined", "disabled"]
    choices = [choice.id for choice in result.content.events["kennedy_moon_goal"].choices]
    assert "no_stunts" not in choices and "my_choice" in choices


@pytest.mark.parametrize(("value", "literal"), [
    (True, "true"), (3, "3"), ("a \"b\"", '"a \\"b\\""'), ((), "[]"), ({}, "{}"), ({"abort": 1}, "{ abort = 1 }"),
    (("usa", "ussr"), '["usa", "ussr"]'),
])
def test_toml_value_writes_literals_toml_reads_back(value: object, literal: str) -> None:
    assert toml_value(value) == literal
    parsed = tomllib.loads(f"x = {literal}")["x"]
    assert parsed == (list(value) if isinstance(value, tuple) else value)


def test_a_new_schema_field_appears_in_the_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(TABLES["event"], "mood", Field("mood", "str", "How the news feels.", choices=("calm", "grim")))
    event = section(section(reference_markdown(), "## Tables and their keys"), "### event")
    row = next(line for line in event.splitlines() if line.startswith("| `mood` |"))
    assert "How the news feels." in row and '`"calm"`, `"grim"`' in row and "| optional |" in row


def test_the_reference_is_the_same_every_time(reference: str) -> None:
    assert reference_markdown() == reference
    assert reference.startswith("# Space Race") and reference.endswith("\n")
