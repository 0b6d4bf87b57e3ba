"""The example mod of MODDING.md loads clean, does what it says, fires in real campaigns; the tutorial is valid."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

from game.app.session import Session
from game.cli import _parser
from game.content.loader import LoadResult, load_content, load_game
from game.engine.defs import Content
from game.engine.orders import Choose, EndYear
from game.engine.outcomes import Changed, ChoiceMade, EventFired, FlagChanged, MilestoneClaimed, Outcome

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "mods" / "first_lady"
MODDING = REPO / "MODDING.md"
NEW_EVENTS = ("mercury_13", "which_of_the_five", "space_girl")
AI_SEEDS = range(1, 22)  # AI-vs-AI campaigns take about 0.1 s each; these cover every choice


@pytest.fixture(scope="module")
def loaded() -> LoadResult:
    return load_game(mod_paths=[EXAMPLE])


@pytest.fixture(scope="module")
def content(loaded: LoadResult) -> Content:
    assert loaded.content is not None, [str(problem) for problem in loaded.problems]
    return loaded.content


@pytest.fixture(scope="module")
def base() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def ai_games(content: Content) -> dict[int, list[Outcome]]:
    """Every outcome of AI-vs-AI full campaigns with the mod, by seed."""
    games = {}
    for seed in AI_SEEDS:
        session, outcomes = Session.new(content, "full_campaign", seed, players=())
        assert session.over
        games[seed] = outcomes
    return games


# -- loading ----------------------------------------------------------------------------------------


def test_example_mod_loads_with_no_errors_and_no_warnings(loaded: LoadResult) -> None:
    assert [str(problem) for problem in loaded.problems] == []
    assert loaded.content is not None
    assert [mod.id for mod in loaded.order] == ["base", "first_lady"]
    assert all(mod.status == "ok" for mod in loaded.mods)


def test_example_mod_loads_clean_from_a_mods_folder(tmp_path: Path) -> None:
    mods_dir = tmp_path / "mods"
    shutil.copytree(EXAMPLE, mods_dir / "first_lady")
    result = load_game(mods_dir=mods_dir)
    assert [str(problem) for problem in result.problems] == []
    assert result.content is not None
    assert [mod.id for mod in result.order] == ["base", "first_lady"]
    assert set(NEW_EVENTS) <= set(result.content.events)


def test_manifest_has_the_documented_keys(loaded: LoadResult) -> None:
    manifest = next(mod for mod in loaded.mods if mod.id == "first_lady")
    assert (manifest.name, manifest.version, manifest.game) == ("First Lady of Space", "1.0.0", ">=0.1")
    assert manifest.description and manifest.authors
    assert manifest.root.resolve() == EXAMPLE.resolve()


def test_every_flag_the_mod_sets_is_read_and_every_flag_it_reads_is_set() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(EXAMPLE.rglob("*.toml")))
    written = set(re.findall(r"set_flag\('([a-z0-9_]+)'\)", text))
    read = set(re.findall(r"(?<![a-z_])(?:rival_)?flag\('([a-z0-9_]+)'\)", text))
    assert written == read == {"women_in_corps"}


# -- what the mod changes ---------------------------------------------------------------------------


def test_new_events_are_in_the_content(content: Content, base: Content) -> None:
    for event_id in NEW_EVENTS:
        assert event_id in content.events and event_id not in base.events
    assert content.events["space_girl"].sides == ("usa", "ussr")
    assert content.events["mercury_13"].kind == "dilemma"
    assert [choice.id for choice in content.events["mercury_13"].choices] == ["let_them_fly", "test_pilots_only"]


def test_override_replaces_the_base_women_cosmonauts_event(content: Content, base: Content) -> None:
    ours, theirs = content.events["women_cosmonauts"], base.events["women_cosmonauts"]
    assert (theirs.first_year, ours.first_year) == (1962, 1961)
    assert "rival_flag('women_in_corps')" in ours.trigger_text
    assert ours.effects_text == ("recruit_women(5)", "add_support(1)")


def test_patch_adds_a_choice_to_the_base_dilemma(content: Content, base: Content) -> None:
    before = [choice.id for choice in base.events["khrushchev_three_cosmonauts"].choices]
    after = [choice.id for choice in content.events["khrushchev_three_cosmonauts"].choices]
    assert after == [*before, "woman_aboard"]
    patched = content.events["khrushchev_three_cosmonauts"]
    assert patched.title == base.events["khrushchev_three_cosmonauts"].title  # the rest is untouched
    assert sum(1 for choice in patched.choices if choice.default) == 1


def test_load_report_names_who_touched_what(loaded: LoadResult) -> None:
    contested = {(kind, object_id): (winner, [(t.mod, t.action) for t in touches])
                 for kind, object_id, touches, winner in loaded.contested()}
    assert contested == {
        ("event", "khrushchev_three_cosmonauts"): ("base", [("base", "defined"), ("first_lady", "patched")]),
        ("event", "women_cosmonauts"): ("first_lady", [("base", "defined"), ("first_lady", "overrode")]),
    }


# -- the events fire in real campaigns --------------------------------------------------------------


def _fired(outcomes: list[Outcome]) -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for outcome in outcomes:
        if isinstance(outcome, EventFired):
            found[outcome.event].append((outcome.side, outcome.year))
    return found


def _choices(outcomes: list[Outcome]) -> set[tuple[str, str]]:
    return {(outcome.event, outcome.choice) for outcome in outcomes if isinstance(outcome, ChoiceMade)}


def test_every_new_event_fires_and_every_choice_is_open_in_ai_campaigns(ai_games: dict[int, list[Outcome]],
                                                                       content: Content) -> None:
    """Every new event fires and every new choice can be taken; the AI, weighing them from the state, takes the
    best or one nearly as good, so it leaves a choice that is plainly worse (a_stunt, 3 support for nothing)."""
    fired_sides: dict[str, set[str]] = defaultdict(set)
    chosen: set[tuple[str, str]] = set()
    available: set[tuple[str, str]] = set()
    for outcomes in ai_games.values():
        for event_id, hits in _fired(outcomes).items():
            fired_sides[event_id].update(side for side, _ in hits)
        chosen |= _choices(outcomes)
        available |= {(o.event, choice) for o in outcomes if isinstance(o, ChoiceMade) for choice in o.available}
    assert fired_sides["mercury_13"] == {"usa"}
    assert fired_sides["which_of_the_five"] == {"ussr"}
    assert fired_sides["space_girl"] == {"usa", "ussr"}  # whichever side was beaten to the first woman
    assert fired_sides["women_cosmonauts"] == {"ussr"}
    for event_id in (*NEW_EVENTS, "khrushchev_three_cosmonauts"):
        for choice in content.events[event_id].choices:
            assert (event_id, choice.id) in available, f"{event_id} › {choice.id} never open in seeds {list(AI_SEEDS)}"
    assert {("which_of_the_five", "the_worker"), ("which_of_the_five", "the_engineer")} <= chosen  # near in value
    assert ("space_girl", "a_stunt") not in chosen


def test_space_girl_fires_only_for_the_side_beaten_to_the_first_woman(ai_games: dict[int, list[Outcome]]) -> None:
    for seed, outcomes in ai_games.items():
        firsts = [o for o in outcomes if isinstance(o, MilestoneClaimed) and o.milestone == "woman_in_space" and o.first]
        for side, year in _fired(outcomes).get("space_girl", []):
            assert firsts, f"seed {seed}: space_girl fired before any woman flew"
            assert firsts[0].side != side and firsts[0].year <= year


def test_opening_the_corps_recruits_sets_the_flag_and_hurries_the_soviet_women(ai_games: dict[int, list[Outcome]]) -> None:
    opened = 0
    early = 0
    for seed, outcomes in ai_games.items():
        fired = _fired(outcomes)
        index = next((i for i, o in enumerate(outcomes)
                      if isinstance(o, ChoiceMade) and (o.event, o.choice) == ("mercury_13", "let_them_fly")), None)
        women_year = fired["women_cosmonauts"][0][1]
        if index is None:
            assert women_year >= 1962, f"seed {seed}: the Soviet women came early though the US corps stayed closed"
            continue
        opened += 1
        effects = outcomes[index + 1:index + 5]
        assert FlagChanged(side="usa", flag="women_in_corps", set=True) in effects
        assert Changed(side="usa", what="crew", amount=3, cause="mercury_13") in effects
        mercury_year = fired["mercury_13"][0][1]
        if mercury_year <= 1960:
            assert women_year == mercury_year + 1, f"seed {seed}: rival_flag('women_in_corps') did not bring them forward"
            early += 1
    assert opened >= 2 and early >= 1, "pick seeds where the AI opens the corps, once in 1960"


def _play_usa_until(content: Content, seed: int, event_id: str) -> tuple[Session, list[Outcome]]:
    """A human USA that only ends years (so it never flies a woman) against the Soviet AI."""
    session, outcomes = Session.new(content, "full_campaign", seed, players=("usa",))
    while not session.over and not any(item.event == event_id for item in session.state.sides["usa"].pending):
        outcomes += session.submit(EndYear(side="usa"))
    return session, outcomes


def test_a_human_who_answers_space_girl_gets_recruits_and_the_flag(content: Content) -> None:
    session, outcomes = _play_usa_until(content, 2, "space_girl")
    assert not session.over, "seed 2: the Soviets fly a woman while the US sits still"
    usa = session.state.sides["usa"]
    crew_before = len(usa.crew)
    answer = session.submit(Choose(side="usa", event="space_girl", choice="our_own"))
    assert ChoiceMade(side="usa", event="space_girl", choice="our_own", by_default=False) in answer
    assert len(usa.crew) == crew_before + 4
    assert usa.has_flag("women_in_corps")
    while not session.over:
        outcomes += session.submit(EndYear(side="usa"))
    assert [side for side, _ in _fired(outcomes)["space_girl"]] == ["usa"]  # once, and never again


def test_an_undecided_space_girl_takes_the_default_and_costs_support(content: Content) -> None:
    session, _ = _play_usa_until(content, 2, "space_girl")
    outcomes = session.submit(EndYear(side="usa"))
    assert ChoiceMade(side="usa", event="space_girl", choice="a_stunt", by_default=True) in outcomes
    assert any(isinstance(o, Changed) and o.what == "support" and o.cause == "space_girl" and o.amount < 0
               for o in outcomes)
    assert not session.state.sides["usa"].has_flag("women_in_corps")


# -- the tutorial -----------------------------------------------------------------------------------


def _code_blocks(markdown: str) -> list[tuple[str, str]]:
    """(language, body) of every fenced code block."""
    return re.findall(r"^```([\w-]*)[^\n]*\n(.*?)^```", markdown, flags=re.M | re.S)


def _command_lines(markdown: str) -> list[str]:
    lines = []
    for _, body in _code_blocks(markdown):
        for line in body.splitlines():
            line = line.strip().removeprefix("$ ")
            if line.startswith("space-race"):
                lines.append(line)
    prose = re.sub(r"^```.*?^```", "", markdown, flags=re.M | re.S)
    lines += [span for span in re.findall(r"`([^`\n]+)`", prose) if span.startswith("space-race")]
    return lines


def test_every_toml_block_in_modding_md_parses() -> None:
    blocks = [body for language, body in _code_blocks(MODDING.read_text(encoding="utf-8")) if language == "toml"]
    assert len(blocks) >= 8
    for body in blocks:
        tomllib.loads(body)


def test_final_tutorial_blocks_match_the_shipped_mod() -> None:
    """Blocks headed `# examples/mods/first_lady/FILE` are copied verbatim from that file."""
    checked = 0
    for language, body in _code_blocks(MODDING.read_text(encoding="utf-8")):
        first, _, rest = body.partition("\n")
        match = re.fullmatch(r"# (examples/mods/first_lady/[\w/.]+)", first.strip())
        if language == "toml" and match:
            assert rest.strip() in (REPO / match.group(1)).read_text(encoding="utf-8"), match.group(1)
            checked += 1
    assert checked >= 4


def test_every_space_race_command_in_modding_md_exists() -> None:
    commands = _command_lines(MODDING.read_text(encoding="utf-8"))
    used = {" ".join(shlex.split(line)[:3]) for line in commands}
    for needed in ("space-race mods check", "space-race mods list", "space-race mods schema", "space-race mods docs",
                   "space-race mods simulate", "space-race play --mod"):
        assert any(line.startswith(needed) for line in used | set(commands)), needed
    for line in commands:
        words = shlex.split(re.split(r"\s[|<>]", line)[0])
        assert words[0] == "space-race"
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
            try:
                _parser().parse_args(words[1:])
            except SystemExit as stop:
                assert stop.code == 0, f"{line!r} is not a valid command: {stderr.getvalue().strip()}"
