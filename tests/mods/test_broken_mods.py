"""The broken-mod corpus: every mistake under broken/ pinned to its file, line, column, code and message."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from game.content.loader import LoadResult, Problem, load_game
from game.content.paths import content_root

BROKEN = Path(__file__).parent / "broken"
BASE = content_root()

Expect = tuple[str, int, int, str, str]  # file suffix, line, column, code, fragment of str(problem)


def _base_at(file: str, line_starts: str, needle: str) -> tuple[int, int]:
    """Line and column of `needle` on the first line of a base content file that starts with `line_starts`
    (base files change; the position is read from them rather than written down)."""
    for number, text in enumerate((BASE / file).read_text(encoding="utf-8").split("\n"), start=1):
        if text.startswith(line_starts):
            return number, text.index(needle) + 1
    raise AssertionError(f"{line_starts!r} not found in {file}")


_CLAIM_LINE, _CLAIM_COL = _base_at("missions.toml", 'claims = ["crewed_orbit"', '"crewed_orbit"')

#: case → every problem it must give (exactly these, unless the case is in OPEN_ENDED). Files under broken/ are
#: given relative to the case folder; base files as assets/content/….
EXPECTED: dict[str, list[Expect]] = {
    # TOML syntax
    "toml_unclosed_string": [("m/events.toml", 2, 18, "E-TOML", "Illegal character '\\n' (is a string missing its closing quote?)")],
    "toml_manifest_syntax": [("m/mod.toml", 3, 14, "E-TOML", "TOML syntax: Expected newline or end of document")],
    "toml_duplicate_key": [("m/events.toml", 8, 1, "E-TOML", "Cannot overwrite a value: title is already set")],
    # a mission's service
    "service_no_years": [("m/patch.toml", 2, 1, "E-VALUE", "a service needs years = 1 or more (the years it works)")],
    "service_pays_nothing": [("m/patch.toml", 2, 1, "E-VALUE", "a service pays nothing: give it support, budget or prestige")],
    # mod.toml
    "manifest_missing_id": [("m/mod.toml", 1, 1, "E-MOD-KEY", "mod.toml is missing 'id'")],
    "manifest_missing_name": [("m/mod.toml", 1, 1, "E-MOD-KEY", "mod.toml is missing 'name'")],
    "manifest_missing_version": [("m/mod.toml", 1, 1, "E-MOD-KEY", "mod.toml is missing 'version'")],
    "manifest_missing_game": [("m/mod.toml", 1, 1, "E-MOD-KEY", "mod.toml is missing 'game'")],
    "manifest_bad_id": [("m/mod.toml", 1, 6, "E-MOD-KEY", "mod id 'My-Mod' should be lowercase letters, digits and _")],
    "manifest_bad_version": [("m/mod.toml", 3, 11, "E-MOD-KEY", "version '1.x' should look like 1.0 or 1.2.3")],
    "manifest_bad_game_spec": [("m/mod.toml", 4, 8, "E-MOD-KEY", "game '~> 0.1' should be constraints like")],
    "manifest_unknown_key": [("m/mod.toml", 5, 1, "E-MOD-KEY", "unknown key 'descripton' in mod.toml (did you mean 'description'?)")],
    "manifest_wrong_type": [("m/mod.toml", 5, 12, "E-MOD-KEY", "requires should be a list of strings")],
    "manifest_named_base": [("m/mod.toml", 1, 6, "E-MOD-DUPLICATE", "mod id 'base' is already used by")],
    "unsupported_game_version": [("m/mod.toml", 4, 8, "E-MOD-VERSION", "supports game versions >=9.0, not 0.1.0")],
    "requires_missing_mod": [("m/mod.toml", 5, 13, "E-MOD-REQUIRES", "requires the mod 'apollo_pack', which is not installed")],
    "conflicts_with_loaded_mod": [
        ("a/mod.toml", 5, 14, "E-MOD-CONFLICT", "alpha conflicts with beta, which is also loaded"),
        ("b/mod.toml", 1, 6, "E-MOD-CONFLICT", "beta conflicts with alpha, which is also loaded (declared in alpha's mod.toml)"),
    ],
    "load_after_cycle": [
        ("a/mod.toml", 5, 15, "E-MOD-CYCLE", "load order cycle among: alpha, beta"),
        ("b/mod.toml", 5, 15, "E-MOD-CYCLE", "load order cycle among: alpha, beta"),
    ],
    "requires_cycle": [
        ("a/mod.toml", 5, 13, "E-MOD-CYCLE", "load order cycle among: alpha, beta, gamma"),
        ("b/mod.toml", 5, 13, "E-MOD-CYCLE", "load order cycle among: alpha, beta, gamma"),
        ("c/mod.toml", 5, 13, "E-MOD-CYCLE", "load order cycle among: alpha, beta, gamma"),
    ],
    "duplicate_mod_id": [("b/mod.toml", 1, 6, "E-MOD-DUPLICATE", "mod id 'twin' is already used by")],
    # schema
    "schema_unknown_key": [("m/events.toml", 8, 1, "E-KEY", "unknown key 'prioritty' in event mod_news (did you mean 'priority'?)")],
    "schema_missing_key": [("m/events.toml", 1, 1, "E-MISSING", "event mod_news is missing required key 'kind'")],
    "schema_wrong_type": [("m/events.toml", 8, 10, "E-TYPE", "chance should be a whole number")],
    "schema_out_of_range": [("m/events.toml", 8, 10, "E-RANGE", "chance must be between 0 and 1000, not 1500")],
    "schema_not_in_choices": [("m/events.toml", 4, 8, "E-VALUE", "kind must be one of 'news', 'dilemma', not 'newz' (did you mean 'news'?)")],
    "schema_bad_object_id": [("m/events.toml", 1, 1, "E-ID", "event id 'ModNews' should be snake_case")],
    "schema_unknown_table": [("m/events.toml", 1, 1, "E-KEY", "unknown table [events] (did you mean 'event'?)")],
    # references
    "ref_unknown_program": [("m/events.toml", 7, 45, "E-REF", "unknown program id 'juno_iii' (did you mean 'juno_ii'?)")],
    "ref_unknown_milestone": [("m/events.toml", 8, 21, "E-REF", "unknown milestone id 'crewed_orbt' (did you mean 'crewed_orbit'?)")],
    "ref_unknown_event": [("m/events.toml", 8, 22, "E-REF", "unknown event id 'sputnik_crsis' (did you mean 'sputnik_crisis'?)")],
    "ref_unknown_flag": [("m/events.toml", 8, 17, "E-REF", "unknown flag id 'army_unleahsed' (did you mean 'army_unleashed'?)")],
    "ref_unknown_mission": [("m/events.toml", 8, 20, "E-REF", "unknown mission id 'crewed_orbt' (did you mean 'crewed_orbit'?)")],
    "ref_unknown_milestone_in_claims": [("m/missions.toml", 18, 27, "E-REF", "unknown milestone 'crewed_orbt' (did you mean 'crewed_orbit'?)")],
    "ref_unknown_program_in_requires": [("m/hardware.toml", 13, 13, "E-REF", "unknown hardware 'atlass' (did you mean 'atlas'?)")],
    "ref_claim_of_disabled_milestone": [("pack/missions.toml", 18, 11, "E-REF", "unknown milestone 'mod_first' (disabled by the mod trimmer)")],
    "disable_claimed_base_milestone": [
        ("assets/content/missions.toml", _CLAIM_LINE, _CLAIM_COL, "E-REF", "unknown milestone 'crewed_orbit' (disabled by the mod no_orbit)"),
    ],
    # expressions
    "expr_syntax_error": [("m/events.toml", 8, 20, "E-SYNTAX", "in 'year >= and support > 40': expected a value before 'and'")],
    "expr_unknown_function": [("m/events.toml", 7, 13, "E-NAME", "unknown function 'add_prestig' (did you mean 'add_prestige'?)")],
    "expr_unknown_variable": [("m/events.toml", 8, 12, "E-NAME", "unknown name 'suport' (did you mean 'support'?)")],
    "expr_type_error": [("m/events.toml", 8, 12, "E-TYPE", "'and' needs true/false on both sides, but the left side is a number")],
    "expr_effect_in_condition": [("m/events.toml", 8, 12, "E-EFFECT", "add_prestige() is an effect")],
    "expr_condition_as_effect": [("m/events.toml", 7, 31, "E-EFFECT", "in 'support > 3': an effect must be a single call")],
    "expr_wrong_argument_count": [("m/events.toml", 7, 13, "E-ARGS", "takes 2 arguments, got 1")],
    "expr_assignment": [("m/events.toml", 8, 20, "E-SYNTAX", "use '==' to compare")],
    # duplicates and overrides
    "duplicate_base_id": [("m/events.toml", 2, 1, "E-DUPLICATE", "event 'sputnik_crisis' is already defined in ")],
    "duplicate_between_mods": [("b/events.toml", 1, 1, "E-DUPLICATE", "broken/duplicate_between_mods/a/events.toml; set override")],
    "duplicate_text": [("m/texts.toml", 2, 1, "E-DUPLICATE", "text 'leader_usa' is already defined in ")],
    "override_new_id": [("m/events.toml", 8, 12, "W-OVERRIDE-NEW", "override = true, but no loaded mod defines event 'mod_news'")],
    # patches: every error points into the patch file, never at the base object it changes
    "patch_unknown_target": [("m/patch.toml", 1, 1, "E-PATCH", "cannot patch event 'sputnik_crysis': no loaded mod defines it (did you mean 'sputnik_crisis'?)")],
    "patch_unknown_kind": [("m/patch.toml", 1, 1, "E-PATCH", "cannot patch 'events': not a kind of object (did you mean 'event'?)")],
    "patch_unknown_field": [("m/patch.toml", 3, 1, "E-KEY", "unknown key 'titel' for event (did you mean 'title'?)")],
    "patch_remove_missing_choice": [("m/patch.toml", 2, 32, "E-PATCH", "event 'sputnik_crisis' has no choice 'panic'")],
    "patch_add_choice_bad_effect": [("m/patch.toml", 5, 31, "E-NAME", "unknown function 'add_resarch' (did you mean 'add_research'?)")],
    "patch_add_choice_missing_text": [("m/patch.toml", 1, 1, "E-MISSING", "event sputnik_crisis › choice 4 is missing required key 'text'")],
    "patch_add_choice_duplicate_id": [("m/patch.toml", 2, 6, "E-DUPLICATE", "choice id 'stay_calm' is used twice")],
    "patch_field_type_error": [("m/patch.toml", 3, 10, "E-TYPE", "chance should be a whole number")],
    "patch_trigger_bad_expression": [("m/patch.toml", 2, 50, "E-NAME", "unknown name 'suport' (did you mean 'support'?)")],
    "patch_text_unknown": [("m/patch.toml", 2, 1, "E-PATCH", "cannot patch text 'leader_usaa': no loaded mod defines it (did you mean 'leader_usa'?)")],
    "patch_mission_claims_unknown": [("m/patch.toml", 8, 11, "E-REF", "unknown milestone 'crewed_orbitt' (did you mean 'crewed_orbit'?)")],
    # disable
    "disable_missing": [("m/disable.toml", 2, 24, "W-DISABLE-MISSING", "nothing to disable: no loaded mod defines event 'igy_begin'")],
    "disable_unknown_kind": [("m/disable.toml", 2, 1, "E-PATCH", "cannot disable 'events': not a kind of object (did you mean 'event'?)")],
    # warnings
    "warn_flag_unused": [("m/events.toml", 7, 30, "W-FLAG-UNUSED", "flag 'mod_flag_nobody_reads' is set here but no condition ever reads it")],
    "warn_years_outside_scenarios": [("m/events.toml", 6, 9, "W-NEVER-FIRES", "its years 1950–1953 fall outside every scenario")],
    "warn_contradictory_trigger": [("m/events.toml", 8, 11, "W-NEVER-FIRES", "its trigger allows no year within 1958–1960")],
    "warn_unreachable_milestone": [("m/milestones.toml", 1, 1, "W-UNREACHABLE", "milestone 'mod_unclaimed' is unreachable")],
    "warn_unflyable_mission": [("m/missions.toml", 5, 9, "W-UNFLYABLE", "mission 'mod_rover_station' can never fly")],
    "warn_unknown_placeholder": [("m/events.toml", 3, 41, "W-PLACEHOLDER", "unknown placeholder {presidnet}")],
    "silence_warning": [],  # the same event as warn_flag_unused, with W-FLAG-UNUSED silenced in mod.toml
    "silence_error": [
        ("m/mod.toml", 5, 29, "W-SILENCE-ERROR", "E-NAME is an error; errors cannot be silenced"),
        ("m/events.toml", 7, 13, "E-NAME", "unknown function 'add_prestig'"),
    ],
    # consequences: variables, conditions, costs, follow-ups, promises, hooks, characters
    "story_condition_cycle": [("m/story.toml", 2, 8, "E-CYCLE", "condition 'ahead' uses itself: ahead → behind → ahead")],
    "story_condition_named_like_builtin": [("m/story.toml", 1, 1, "E-ID", "condition id 'support' is a name the game already uses; choose another")],
    "story_cost_unknown_key": [("m/story.toml", 16, 10, "E-KEY", "unknown key 'money' in event mod_choice › choice 2 › cost")],
    "story_default_cost_too_big": [("m/story.toml", 12, 8, "E-DEFAULT", 'the default choice costs $40M, more than a tenth of the lowest base budget ($90M) in the y')],
    "story_default_costs_crew": [("m/story.toml", 12, 8, "E-DEFAULT", 'the default choice cannot cost a crew member or launches: nobody is there to name the crew')],
    "story_default_with_condition": [("m/story.toml", 12, 13, "E-DEFAULT", 'the default choice is taken when the player does not decide, so it cannot have a condition')],
    "story_effects_cycle": [("m/story.toml", 2, 11, "E-CYCLE", "effects 'ping' uses itself: ping → pong → ping")],
    "story_follow_up_delay_zero": [("m/story.toml", 7, 12, "E-FOLLOW-UP", 'a follow-up comes in a later year: its years from now must be at least 1')],
    "story_follow_up_of_calendar_event": [("m/story.toml", 7, 12, "E-FOLLOW-UP", "follow_up() schedules 'igy_begins', which fires from the calendar or a hook; set follow_up")],
    "story_foreseen_without_follow_up": [("m/story.toml", 7, 12, "E-VALUE", "foreseen is the ledger's text for a follow-up; set follow_up = true")],
    "story_hook_name_outside_hook": [("m/story.toml", 7, 12, "E-NAME", "('milestone' is what a hook passes: it is known only in an event with on = \"…\" (milestone_claimed, rival_first))")],
    "story_promise_without_deadline": [("m/story.toml", 1, 1, "E-VALUE", "promise 'mod_promise' needs a deadline (a year) or within (years), one of them")],
    "story_scenario_unknown_character": [("m/scenario.toml", 8, 14, "E-REF", "unknown character 'von_brawn'")],
    "story_speaker_other_side": [("m/story.toml", 13, 11, "E-REF", "'mod_designer' serves USSR, but the event is seen by USA")],
    "story_support_below_without_threshold": [("m/story.toml", 6, 6, "E-MISSING", 'on = "support_below" needs a threshold (1–100): the support level whose downward crossing ')],
    "story_text_variant_bad_when": [("m/story.toml", 4, 13, "E-NAME", "in 'suport > 50': unknown name 'suport' (did you mean 'support'?)")],
    "story_text_without_plain": [("m/story.toml", 3, 8, "E-VALUE", "text needs a plain string last: the text shown when no variant's condition holds")],
    "story_unknown_speaker": [("m/story.toml", 7, 11, "E-REF", "unknown character 'von_brown'")],
    "story_unknown_variable": [("m/story.toml", 12, 21, "E-REF", 'in "add_var(\'mod_trsut\', 5)": unknown variable id \'mod_trsut\'')],
    "story_variable_default_out_of_range": [("m/story.toml", 4, 11, "E-RANGE", 'default 150 is outside min–max (0–100)')],
    "warn_character_other_side": [("m/story.toml", 13, 11, "W-CHARACTER-SIDE", "Ann Chief serves USSR, but event 'mod_news' is seen only by USA: their opinion there is hi")],
    "warn_character_outside_years": [("m/story.toml", 13, 12, "W-CHARACTER-YEARS", "Ann Chief serves 1955–1960, but event 'mod_news' fires only in 1965–1966")],
    "warn_choice_never": [("m/story.toml", 22, 13, "W-CHOICE-NEVER", "choice 'b' can never be taken: var('mod_trust') runs from 0 to 100, so '> 100' never holds")],
    "warn_dilemma_cap": [("m/story.toml", 54, 9, "W-DILEMMA-CAP", "5 dilemmas can come to USSR in 1970 (detente), and a briefing posts at most 4: 'mod_choice_4' may wait")],
    "warn_follow_up_never_scheduled": [("m/story.toml", 6, 13, "W-FOLLOW-UP-NEVER", "follow-up 'mod_later' is never scheduled: no effect calls follow_up('mod_later', …)")],
    "warn_follow_up_out_of_years": [("m/story.toml", 15, 13, "W-FOLLOW-UP-NEVER", "follow-up 'mod_later' can never fire: it is scheduled for years outside its own years (196")],
    "warn_variable_unused": [("m/story.toml", 1, 1, "W-VAR-UNUSED", "variable 'mod_secret' is never read and not visible: nothing and nobody will see it")],
    "warn_variable_unwritten": [("m/story.toml", 12, 11, "W-VAR-UNWRITTEN", "variable 'mod_trust' is read here but nothing ever changes it (no add_var or set_var, no s")],
    # file references
    "asset_leaves_mod": [("m/events.toml", 8, 9, "E-ASSET", "'../images/ok.png' may not leave the mod's folder")],
    "asset_absolute_path": [("m/events.toml", 8, 9, "E-ASSET", "'/etc/passwd.png' must be a relative path")],
    "asset_missing_file": [("m/events.toml", 8, 9, "E-ASSET", "'images/missing.png' does not exist in the mod's folder")],
    "asset_wrong_suffix": [("m/events.toml", 8, 9, "E-ASSET", "'images/notes.txt' is not a file the game can use")],
    "asset_patch_leaves_mod": [("m/patch.toml", 3, 9, "E-ASSET", "'images/../../secret.png' may not leave the mod's folder")],
}

#: Cases whose mistake has many consequences: the expectations above must be present, and every other error
#: must be the same code and name the same id.
OPEN_ENDED: dict[str, tuple[str, str]] = {"disable_claimed_base_milestone": ("E-REF", "'crewed_orbit'")}

#: Problems about a whole file rather than an object have no object path.
FILE_LEVEL_CODES = ("E-TOML", "E-FILE")


@cache
def _load(case: str) -> LoadResult:
    return load_game(mods_dir=BROKEN / case)


def _describe(problems: list[Problem]) -> str:
    return "\n".join(str(problem) for problem in problems) or "(no problems)"


def _matches(problem: Problem, case: str, expected: Expect) -> bool:
    file, line, col, code, fragment = expected
    suffix = file if file.startswith("assets/") else f"broken/{case}/{file}"
    return (Path(problem.path).as_posix().endswith(suffix) and (problem.line, problem.col) == (line, col)
            and problem.code == code and fragment in str(problem))


def test_the_corpus_has_forty_cases_each_with_an_expectation() -> None:
    folders = sorted(path.name for path in BROKEN.iterdir() if path.is_dir())
    assert folders == sorted(EXPECTED)
    assert len(folders) >= 40
    for folder in folders:
        mods = [path for path in (BROKEN / folder).iterdir() if (path / "mod.toml").is_file()]
        assert mods, f"{folder} holds no mod folder"


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_mod_is_pinned_to_file_line_and_column(case: str) -> None:
    result = _load(case)
    expected = EXPECTED[case]
    for item in expected:
        found = [problem for problem in result.problems if _matches(problem, case, item)]
        assert len(found) == 1, f"expected {item} once in:\n{_describe(result.problems)}"
    if case in OPEN_ENDED:
        code, fragment = OPEN_ENDED[case]
        assert all(p.code == code and fragment in p.message for p in result.problems), _describe(result.problems)
    else:
        assert len(result.problems) == len(expected), _describe(result.problems)
    if any(code.startswith("E-") for _, _, _, code, _ in expected):
        assert result.content is None, "a mod with errors must never half-load"
        assert result.errors
    else:
        assert result.content is not None, _describe(result.problems)
        assert result.errors == []


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_every_problem_quotes_its_line_and_names_its_object(case: str) -> None:
    for problem in _load(case).problems:
        lines = Path(problem.path).read_text(encoding="utf-8").split("\n")
        assert problem.source_line == lines[problem.line - 1].rstrip("\r"), str(problem)
        assert 1 <= problem.col <= len(problem.source_line) + 1, str(problem)
        if not problem.code.startswith(FILE_LEVEL_CODES):
            assert problem.where, f"no object path: {problem}"
        assert str(problem).startswith(f"{problem.path}:{problem.line}:{problem.col}: {problem.severity}[{problem.code}]: ")


def test_problems_come_root_causes_first_then_warnings() -> None:
    problems = _load("silence_error").problems
    assert [problem.severity for problem in problems] == ["error", "warning"]


def test_a_disabled_base_milestone_is_named_by_every_reference_that_still_uses_it() -> None:
    result = _load("disable_claimed_base_milestone")
    assert result.content is None
    claims = [problem for problem in result.errors if "claims" in problem.where]
    assert len(claims) >= 2  # crewed_orbit is claimed by more than one base mission
    assert all(problem.path.endswith("assets/content/missions.toml") for problem in claims)
    assert all("(disabled by the mod no_orbit)" in problem.message for problem in claims)
    starts = [problem for problem in result.errors if "achieved" in problem.where]  # scenarios starting mid-race
    assert starts and all("(disabled by the mod no_orbit)" in problem.message for problem in starts)
    assert any(problem.where.endswith("› requires") for problem in result.errors)  # expressions naming it fail too


def test_a_duplicate_names_both_files() -> None:
    (problem,) = _load("duplicate_base_id").problems
    assert problem.path.endswith("broken/duplicate_base_id/m/events.toml")
    assert "assets/content/events/1950s.toml; set override = true" in problem.message
    (problem,) = _load("duplicate_text").problems
    assert "assets/content/texts.toml; change it with [patch.text]" in problem.message


def test_silencing_a_warning_removes_only_that_warning() -> None:
    silenced, loud = BROKEN / "silence_warning" / "m", BROKEN / "warn_flag_unused" / "m"
    assert (silenced / "events.toml").read_text() == (loud / "events.toml").read_text()
    assert [problem.code for problem in _load("warn_flag_unused").problems] == ["W-FLAG-UNUSED"]
    assert _load("silence_warning").problems == []


def test_silencing_an_error_keeps_the_error() -> None:
    result = _load("silence_error")
    assert result.content is None
    assert [problem.code for problem in result.errors] == ["E-NAME"]


#: case → mod id → status after loading.
STATUSES: dict[str, dict[str, str]] = {
    "toml_unclosed_string": {"base": "ok", "toml_unclosed_string": "has errors"},
    "toml_manifest_syntax": {"base": "ok", "m": "has errors"},  # an unreadable mod.toml: listed by its folder name
    "manifest_bad_version": {"base": "ok", "manifest_bad_version": "has errors"},
    "manifest_unknown_key": {"base": "ok", "manifest_unknown_key": "has errors"},
    "unsupported_game_version": {"base": "ok", "unsupported_game_version": "unsupported game version"},
    "requires_missing_mod": {"base": "ok", "requires_missing_mod": "missing requirement"},
    "conflicts_with_loaded_mod": {"base": "ok", "alpha": "conflict", "beta": "conflict"},
    "requires_cycle": {"base": "ok", "alpha": "load cycle", "beta": "load cycle", "gamma": "load cycle"},
    "ref_claim_of_disabled_milestone": {"base": "ok", "moon_pack": "has errors", "trimmer": "ok"},
    "patch_field_type_error": {"base": "ok", "patch_field_type_error": "has errors"},
    "warn_flag_unused": {"base": "ok", "warn_flag_unused": "ok"},
}


@pytest.mark.parametrize("case", sorted(STATUSES))
def test_each_mod_gets_the_status_its_problems_deserve(case: str) -> None:
    assert {mod.id: mod.status for mod in _load(case).mods} == STATUSES[case]


def test_a_mod_that_cannot_load_stays_out_of_the_load_order() -> None:
    for case in ("unsupported_game_version", "requires_missing_mod", "conflicts_with_loaded_mod", "requires_cycle"):
        result = _load(case)
        loaded = [mod.id for mod in result.order]
        assert loaded[0] == "base"
        assert all(mod.status == "ok" for mod in result.order), case
