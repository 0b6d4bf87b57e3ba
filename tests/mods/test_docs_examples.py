"""The TOML examples of docs/CONTENT.md and of MODDING.md's reference on consequences parse, fit the schema and
load on top of the base game; CONTENT.md's tables have a row for every key the loader knows and quote the base
schedules as they are; every problem code is in MODDING.md's table."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import jsonschema
import pytest

from game.content.codes import CODES
from game.content.jsonschema import content_schema
from game.content.loader import LoadResult, load_game
from game.content.schema import TABLES
from game.engine import historical, turn
from game.engine.defs import Content

REPO = Path(__file__).resolve().parents[2]
CONTENT_MD = REPO / "docs" / "CONTENT.md"
MODDING = REPO / "MODDING.md"
MANIFEST = 'id = "{id}"\nname = "Examples"\nversion = "1.0.0"\ngame = ">=0.1"\n'


def toml_blocks(markdown: str) -> list[str]:
    return re.findall(r"^```toml\n(.*?)^```", markdown, flags=re.M | re.S)


def section(markdown: str, heading: str) -> str:
    """A `### ` section of MODDING.md, up to the next `### ` or `## ` heading."""
    start = markdown.index(heading + "\n")
    rest = markdown[start + len(heading) + 1:]
    stop = re.search(r"^#{2,3} ", rest, re.M)
    return rest[: stop.start()] if stop else rest


def consequence_blocks() -> list[str]:
    return toml_blocks(section(MODDING.read_text(encoding="utf-8"), "### Consequences"))


def load_examples(tmp_path: Path, mod_id: str, blocks: list[str]) -> tuple[LoadResult, Path]:
    """The blocks as one file of a mod, loaded on top of the base game."""
    folder = tmp_path / mod_id
    folder.mkdir()
    (folder / "mod.toml").write_text(MANIFEST.format(id=mod_id), encoding="utf-8")
    examples = folder / "examples.toml"
    examples.write_text("\n\n".join(blocks), encoding="utf-8")
    return load_game(mod_paths=[folder], mods_dir=tmp_path / "none"), examples


def own_problems(result: LoadResult, examples: Path) -> list[str]:
    """Problems in the examples themselves (the base game's own are its tests' business)."""
    return [str(problem) for problem in result.problems
            if problem.severity == "error" or Path(problem.path).name == examples.name]


@pytest.fixture(scope="module")
def content_md_examples(tmp_path_factory: pytest.TempPathFactory) -> Content:
    result, examples = load_examples(tmp_path_factory.mktemp("content_md"), "content_examples",
                                     toml_blocks(CONTENT_MD.read_text(encoding="utf-8")))
    assert own_problems(result, examples) == []
    assert result.content is not None
    return result.content


@pytest.fixture(scope="module")
def modding_examples(tmp_path_factory: pytest.TempPathFactory) -> Content:
    result, examples = load_examples(tmp_path_factory.mktemp("modding"), "modding_examples", consequence_blocks())
    assert own_problems(result, examples) == []
    assert result.content is not None
    return result.content


@pytest.mark.parametrize("where", ["CONTENT.md", "MODDING.md › Consequences"])
def test_every_content_example_parses_and_fits_the_schema(where: str) -> None:
    """Whole objects, as an editor's schema sees them (the tutorial's excerpts of a file are checked against it
    by tests/mods/test_example_mod.py instead)."""
    validator = jsonschema.Draft7Validator(content_schema())
    blocks = toml_blocks(CONTENT_MD.read_text(encoding="utf-8")) if where == "CONTENT.md" else consequence_blocks()
    for block in blocks:
        data = tomllib.loads(block)
        assert [error.message for error in validator.iter_errors(data)] == [], block[:200]
    assert len(blocks) >= 7


SCHEDULE_HEADING = "## `[schedule.<id>]` — a side's real programme (the historical policy)"


def test_content_md_documents_every_new_table_and_key() -> None:
    text = CONTENT_MD.read_text(encoding="utf-8")
    for heading in ("## `[variable.<id>]`", "## `[condition.<id>]` and `[effects.<id>]`", "## `[character.<id>]`",
                    "## `[promise.<id>]`", "### Follow-ups", "### Hooks", "### Launch months", SCHEDULE_HEADING):
        assert heading in text, heading
    for key in ("on", "threshold", "follow_up", "foreseen", "speaker", "scenarios", "condition", "unavailable", "cost",
                "prep_months", "rockets", "cruise_days", "arrives_at", "claims_second", "programs", "flights",
                "choices", "recruit", "ready", "give_up", "when"):
        assert f"\n| {key} |" in text, key
    for key in ("variables", "opinions", "service", "promises"):
        assert f"`{key}`" in section(text.replace("## `[scenario", "### `[scenario"), "### `[scenario.<id>]`"), key


def documented_keys(markdown: str, heading: str) -> set[str]:
    """The keys in the first column of the tables of a `## ` section of CONTENT.md (`crew_min, crew_max` is two)."""
    start = markdown.index(heading)
    rest = markdown[start + len(heading):]
    stop = re.search(r"^## ", rest, re.M)
    body = rest[: stop.start()] if stop else rest
    cells = re.findall(r"^\| ([^|]+?) \|", body, re.M)
    return {key.strip().strip("`") for cell in cells for key in cell.split(",")}


@pytest.mark.parametrize(("heading", "tables"), [
    ("## `[hardware.<id>]`", ("hardware",)),
    ("## `[mission.<id>]`", ("mission", "step")),
    (SCHEDULE_HEADING, ("schedule", "schedule_program", "schedule_flight", "schedule_choice", "schedule_recruit")),
])
def test_content_md_tables_have_a_row_for_every_key_the_loader_knows(heading: str, tables: tuple[str, ...]) -> None:
    documented = documented_keys(CONTENT_MD.read_text(encoding="utf-8"), heading)
    missing = [f"{table}.{key}" for table in tables for key in TABLES[table] if key not in documented]
    assert missing == []


def test_content_md_quotes_the_base_schedules_as_they_are() -> None:
    """The excerpt of usa.toml (in a plain fence: it is not loaded again) is in the file, line for line."""
    text = CONTENT_MD.read_text(encoding="utf-8")
    blocks = re.findall(r"^```([\w-]*)\n(.*?)^```", text, flags=re.M | re.S)
    excerpts = [body for language, body in blocks if not language and "[[schedule." in body]
    assert excerpts
    base = (REPO / "assets" / "content" / "schedules" / "usa.toml").read_text(encoding="utf-8")
    for excerpt in excerpts:
        assert excerpt.strip() in base


def test_the_content_md_schedule_wins_in_its_scenario_only(content_md_examples: Content) -> None:
    schedule = content_md_examples.schedules["mercury_as_flown"]
    assert (schedule.side, schedule.scenarios) == ("usa", ("kennedy_years",))
    assert historical.schedule_for(content_md_examples, "kennedy_years", "usa") is schedule
    assert historical.schedule_for(content_md_examples, "full_campaign", "usa").id == "usa_history"
    assert historical.schedule_for(content_md_examples, "kennedy_years", "ussr").id == "ussr_history"
    assert [(plan.program, plan.ready) for plan in schedule.programs] == [("atlas", 1958), ("mercury", 1961)]
    suborbital, orbit = schedule.flights
    assert (suborbital.goal, suborbital.give_up) == ("", 1964)  # give_up's default: three years after its own
    assert (orbit.goal, orbit.give_up, orbit.month) == ("crewed_orbit", 1963, 2)
    assert schedule.choices == {"kennedy_moon_goal": "moon"} and schedule.recruit == {1962: 9}


def test_modding_md_says_how_to_try_a_schedule() -> None:
    text = MODDING.read_text(encoding="utf-8")
    for command in ("--rival historical", "--policy historical", "--policy usa=strategic,ussr=historical"):
        assert command in text, command


def test_the_content_md_examples_load_and_do_what_they_say(content_md_examples: Content) -> None:
    content = content_md_examples
    assert {"press_goodwill"} <= set(content.variables) and {"press_is_kind"} <= set(content.conditions)
    assert "open_house" in content.effect_lists and "press_officer" in content.characters
    assert "press_tour_by_1964" in content.promises
    hearing = content.events["budget_hearing"]
    assert hearing.speaker == "webb" and len(hearing.variants["text"]) == 2
    assert content.events["budget_review"].follow_up and content.events["rival_first_in_orbit"].on == "rival_first"
    state, _ = turn.new_game(content, "kennedy_years", 1)
    usa = state.sides["usa"]
    assert usa.variables["safety"] == 60
    assert (usa.characters["kennedy"].opinion, usa.characters["webb"].opinion) == (65, 55)
    assert (usa.characters["webb"].first, usa.characters["webb"].last) == (1961, 1963)
    assert [(promise.promise, promise.status) for promise in usa.promises] == [("moon_before_1970", "open")]


def test_the_modding_md_consequence_examples_load_together(modding_examples: Content) -> None:
    content = modding_examples
    assert "public_trust" in content.variables and "trust_is_high" in content.conditions
    assert "good_press" in content.effect_lists and "flight_surgeon" in content.characters
    assert content.events["tour_review"].follow_up and content.events["tour_review"].foreseen
    assert (content.events["rival_took_it"].on, content.events["hard_times"].on) == ("rival_first", "support_below")
    assert content.events["hard_times"].threshold == 30
    tour = content.events["press_tour"]
    assert [choice.id for choice in tour.choices] == ["send_one", "film_a_launch", "a_press_release"]
    send_one, film, release = tour.choices
    words = [part.words for part in send_one.requirements]
    assert words == ["the public's trust at 70 or more", "active crew at least 4"]  # as MODDING.md quotes them
    assert film.unavailable and film.cost.launches == 1 and send_one.cost.crew == "sits_out"
    assert release.default and release.cost.funds == 5
    assert content.events["trust_test_opens"].scenarios == ("trust_test",)
    state, _ = turn.new_game(content, "trust_test", 1)
    usa = state.sides["usa"]
    assert usa.variables["public_trust"] == 65 and usa.characters["webb"].opinion == 60
    assert [promise.promise for promise in usa.promises] == ["orbit_by_1963"]
    assert "trust_test_opens" in usa.fired


def test_modding_md_quotes_the_reasons_it_shows() -> None:
    text = section(MODDING.read_text(encoding="utf-8"), "### Consequences")
    assert '("needs the public\'s trust at 70 or more and active crew at least 4")' in text


def test_a_character_can_be_patched_as_modding_md_says(tmp_path: Path) -> None:
    result, examples = load_examples(tmp_path, "patch_example", ["[patch.character.kamanin]\nopinion = 60\n"])
    assert own_problems(result, examples) == [] and result.content is not None
    assert result.content.characters["kamanin"].opinion == 60
    assert "`[patch.character.kamanin]` with `opinion = 60`" in MODDING.read_text(encoding="utf-8")


def test_every_problem_code_is_in_modding_md_table() -> None:
    table = section(MODDING.read_text(encoding="utf-8"), "### Problem codes")
    missing = [code for code in CODES if f"| `{code}` |" not in table]
    assert missing == []
