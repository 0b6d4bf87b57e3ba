"""The JSON Schemas editors use accept every shipped file and reject what the loader rejects."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from game.content.jsonschema import content_schema, manifest_schema
from game.content.loader import load_game
from game.content.mods import MANIFEST_KEYS
from game.content.reference import sample_manifest
from game.content.schema import KINDS, TABLES, Field

REPO = Path(__file__).resolve().parents[2]
SHIPPED = sorted((REPO / "assets" / "content").rglob("*.toml"))
EXAMPLES = sorted((REPO / "examples" / "mods").rglob("*.toml"))


@pytest.fixture(scope="module")
def content_validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(content_schema())


@pytest.fixture(scope="module")
def manifest_validator() -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(manifest_schema())


def _errors(validator: jsonschema.Draft7Validator, document: dict[str, Any]) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


def test_both_schemas_are_valid_draft_07_and_plain_json() -> None:
    for schema in (content_schema(), manifest_schema()):
        jsonschema.Draft7Validator.check_schema(schema)
        assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
        assert json.loads(json.dumps(schema)) == schema


@pytest.mark.parametrize("path", SHIPPED + EXAMPLES, ids=lambda path: path.relative_to(REPO).as_posix())
def test_every_shipped_and_example_file_validates(path: Path, content_validator: jsonschema.Draft7Validator,
                                                 manifest_validator: jsonschema.Draft7Validator) -> None:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    validator = manifest_validator if path.name == "mod.toml" else content_validator
    assert _errors(validator, document) == []


def test_the_shipped_content_is_found() -> None:
    assert len([path for path in SHIPPED if path.name != "mod.toml"]) >= 5


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_schema_field_has_a_property_with_its_doc_and_required_flag(table: str) -> None:
    definition = content_schema()["definitions"][table]
    fields: dict[str, Field] = TABLES[table]
    assert set(fields) <= set(definition["properties"])
    assert definition["additionalProperties"] is False
    assert set(definition.get("required", [])) == {name for name, spec in fields.items() if spec.required}
    for name, spec in fields.items():
        assert definition["properties"][name]["description"].startswith(spec.doc)


def test_every_top_level_kind_and_the_special_tables_are_described() -> None:
    properties = content_schema()["properties"]
    assert set(properties) == {*KINDS, "text", "patch", "disable"}
    assert set(properties["patch"]["properties"]) == {*KINDS, "text"}
    assert set(properties["disable"]["properties"]) == set(KINDS)


EVENT = """
[event.test_news]
title = "Test"
text = "Something happens."
kind = "news"
sides = ["usa"]
years = [1958, 1960]
"""

BAD_DOCUMENTS = {
    "unknown key": (EVENT + "chanse = 500\n", "E-KEY"),
    "wrong type": (EVENT + 'chance = "high"\n', "E-TYPE"),
    "bad enum": (EVENT.replace('"news"', '"rumour"'), "E-VALUE"),
    "out of range": (EVENT + "chance = 1500\n", "E-RANGE"),
    "bad list element": (EVENT.replace('["usa"]', '["usa", "mars"]'), "E-VALUE"),
    "bad id": (EVENT.replace("test_news", "Test-News"), "E-ID"),
    "missing required key": (EVENT.replace('title = "Test"\n', ""), "E-MISSING"),
    "unknown top-level table": ("[events.test_news]\ntitle = \"Test\"\n", "E-KEY"),
    "override is not a patch key": ("[patch.event.sputnik_crisis]\noverride = true\n", "E-KEY"),
    "unknown patch kind": ("[patch.rocket.r7]\nlift = 3\n", "E-PATCH"),
    "unknown disable kind": ("[disable]\nrocket = [\"r7\"]\n", "E-PATCH"),
    "crew names keyed by a side only": ("[crew_names.mars]\nmale = [\"A\"]\nfemale = [\"B\"]\nlast = [\"C\"]\n", "E-KEY"),
    "failure mode not allowed": ("[patch.mission.small_satellite]\n[[patch.mission.small_satellite.steps]]\n"
                                 "id = \"launch\"\nname = \"Launch\"\nuses = \"rocket\"\nfailure = { explode = 1 }\n", "E-KEY"),
    "launch window month": ("[patch.mission.small_satellite]\nwindows = [[1960, 13]]\n", "E-RANGE"),
}


@pytest.mark.parametrize("case", sorted(BAD_DOCUMENTS))
def test_bad_documents_are_rejected_by_the_schema_and_by_the_loader(
        case: str, content_validator: jsonschema.Draft7Validator, tmp_path: Path) -> None:
    text, code = BAD_DOCUMENTS[case]
    assert _errors(content_validator, tomllib.loads(text)), f"the schema accepted: {case}"
    mod = tmp_path / "m"
    mod.mkdir()
    (mod / "mod.toml").write_text('id = "m"\nname = "M"\nversion = "1.0"\ngame = ">=0.1"\n', encoding="utf-8")
    (mod / "bad.toml").write_text(text, encoding="utf-8")
    codes = {problem.code for problem in load_game(mod_paths=[mod]).errors}
    assert code in codes, f"the loader should refuse it too ({case}): {codes}"


def test_a_good_mod_file_with_overrides_patches_texts_and_disables_validates(
        content_validator: jsonschema.Draft7Validator) -> None:
    document = tomllib.loads(EVENT + """
[milestone.satellite_orbit]
override = true
name = "First satellite"
prestige_first = 20
prestige_second = 5

[patch.event.kennedy_moon_goal]
chance = 500
remove_choices = ["no_stunts"]

[[patch.event.kennedy_moon_goal.add_choices]]
id = "wait"
text = "Wait and see."

[patch.text]
agency_usa = "the Agency"

[text]
my_line = "Hello"

[disable]
event = ["u2_affair"]
""")
    assert _errors(content_validator, document) == []


def test_the_sample_manifest_validates_and_the_loader_reads_it(manifest_validator: jsonschema.Draft7Validator,
                                                                tmp_path: Path) -> None:
    assert _errors(manifest_validator, tomllib.loads(sample_manifest())) == []
    (tmp_path / "mod.toml").write_text(sample_manifest(), encoding="utf-8")
    result = load_game(mod_paths=[tmp_path])
    assert result.problems == [] and [mod.status for mod in result.mods] == ["ok", "ok"]


def test_the_manifest_schema_follows_the_manifest_keys() -> None:
    schema = manifest_schema()
    assert set(schema["properties"]) == set(MANIFEST_KEYS)
    assert set(schema["required"]) == {key for key, (_, required, _) in MANIFEST_KEYS.items() if required}
    for key, (_, _, meaning) in MANIFEST_KEYS.items():
        assert schema["properties"][key]["description"] == meaning


@pytest.mark.parametrize("change", [
    {"id": "My-Mod"}, {"version": "one"}, {"game": "latest"}, {"authors": "me"}, {"silence": ["E-REF"]},
    {"homepage": "https://example.org"},
])
def test_bad_manifests_are_rejected(change: dict[str, Any], manifest_validator: jsonschema.Draft7Validator) -> None:
    document = {**tomllib.loads(sample_manifest()), **change}
    assert _errors(manifest_validator, document)


def test_a_manifest_without_an_id_is_rejected(manifest_validator: jsonschema.Draft7Validator) -> None:
    document = tomllib.loads(sample_manifest())
    del document["id"]
    assert _errors(manifest_validator, document)


@pytest.mark.parametrize("game", [">=0.1", ">=0.1, <0.2", "==0.1.0", " > 0.0 , != 0.3 "])
def test_game_constraints_the_loader_accepts_pass_the_schema(game: str,
                                                             manifest_validator: jsonschema.Draft7Validator) -> None:
    assert _errors(manifest_validator, {**tomllib.loads(sample_manifest()), "game": game}) == []


def test_a_new_schema_field_reaches_the_json_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(TABLES["event"], "mood", Field("mood", "str", "How the news feels.", choices=("calm", "grim")))
    mood = content_schema()["definitions"]["event"]["properties"]["mood"]
    assert mood["enum"] == ["calm", "grim"] and mood["description"] == "How the news feels."
