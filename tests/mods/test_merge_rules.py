"""Merge rules over the real base game: override, patch, add/remove choices, disable, and contested ids."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest

from game.app.session import Session
from game.content.loader import LoadResult, load_game
from game.engine.defs import Content
from game.engine.orders import Choose, OrderRefused
from game.engine.outcomes import ChoiceMade

SCENARIO = "sputnik_shock"  # starts in 1957, when sputnik_crisis and igy_begins can fire


def write_mod(parent: Path, mod_id: str, files: dict[str, str], manifest: str = "") -> Path:
    folder = parent / mod_id
    folder.mkdir(parents=True)
    (folder / "mod.toml").write_text(
        f'id = "{mod_id}"\nname = "{mod_id}"\nversion = "1.0"\ngame = ">=0.1"\n{manifest}', encoding="utf-8"
    )
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def loaded(result: LoadResult) -> Content:
    assert result.errors == [], "\n".join(str(problem) for problem in result.errors)
    assert result.content is not None
    return result.content


@cache
def base() -> Content:
    return loaded(load_game())


# -- override -----------------------------------------------------------------------------------------

OVERRIDE = '''[event.sputnik_crisis]
override = true
title = "Sputnik, Quietly"
text = "{rival_name} has a satellite up. The papers shrug."
kind = "news"
sides = ["usa"]
years = [1957, 1958]
effects = ["set_flag('army_unleashed')"]
'''


def test_override_replaces_the_object_whole(tmp_path: Path) -> None:
    result = load_game([write_mod(tmp_path, "quiet", {"events.toml": OVERRIDE})])
    event = loaded(result).events["sputnik_crisis"]
    assert (event.title, event.kind, event.last_year) == ("Sputnik, Quietly", "news", 1958)
    # nothing of the base definition survives: no choices, no trigger, no priority, no history
    assert event.choices == () and event.trigger_text == "" and event.priority == 0 and event.history.note == ""
    assert event.effects_text == ("set_flag('army_unleashed')",) and len(event.effects) == 1
    touches = result.touches[("event", "sputnik_crisis")]
    assert [(touch.mod, touch.action) for touch in touches] == [("base", "defined"), ("quiet", "overrode")]
    assert result.warnings == []


# -- patch --------------------------------------------------------------------------------------------


def test_patch_changes_only_the_fields_it_names(tmp_path: Path) -> None:
    patch = '[patch.event.sputnik_crisis]\npriority = 3\ntitle = "A Red Moon, Revised"\n'
    result = load_game([write_mod(tmp_path, "tweak", {"patch.toml": patch})])
    patched, original = loaded(result).events["sputnik_crisis"], base().events["sputnik_crisis"]
    assert patched == dataclasses.replace(original, priority=3, title="A Red Moon, Revised")
    assert patched != original
    others = {key: value for key, value in loaded(result).events.items() if key != "sputnik_crisis"}
    assert others == {key: value for key, value in base().events.items() if key != "sputnik_crisis"}
    assert [touch.action for touch in result.touches[("event", "sputnik_crisis")]] == ["defined", "patched"]


def test_patch_of_a_mission_field_leaves_its_steps_alone(tmp_path: Path) -> None:
    result = load_game([write_mod(tmp_path, "cheap", {"patch.toml": "[patch.mission.crewed_orbit]\ncost = 5\n"})])
    patched, original = loaded(result).missions["crewed_orbit"], base().missions["crewed_orbit"]
    assert patched.cost == 5 != original.cost
    assert patched.steps == original.steps and patched.requires_text == original.requires_text


def test_text_patch_replaces_the_named_string_only(tmp_path: Path) -> None:
    patch = '[patch.text]\nleader_usa = "the Chief Executive"\n'
    content = loaded(load_game([write_mod(tmp_path, "words", {"texts.toml": patch})]))
    assert content.texts["leader_usa"] == "the Chief Executive"
    assert base().texts["leader_usa"] != "the Chief Executive"
    assert {k: v for k, v in content.texts.items() if k != "leader_usa"} == {
        k: v for k, v in base().texts.items() if k != "leader_usa"}


# -- choices ------------------------------------------------------------------------------------------

CHOICES = '''[patch.event.sputnik_crisis]
trigger = "year == 1957"
remove_choices = ["stay_calm"]

[[patch.event.sputnik_crisis.add_choices]]
id = "call_scientists"
text = "Ask the scientists what they need."
effects = ["add_prestige(40)"]
ai = 1000
result = "The scientists ask for money, time and quiet. They get money."
'''


@pytest.fixture
def with_new_choice(tmp_path: Path) -> Content:
    return loaded(load_game([write_mod(tmp_path, "choices", {"patch.toml": CHOICES})]))


def test_add_and_remove_choices_edit_the_event(with_new_choice: Content) -> None:
    event = with_new_choice.events["sputnik_crisis"]
    assert [choice.id for choice in event.choices] == ["unleash_army", "back_vanguard", "call_scientists"]
    added = event.choices[-1]
    assert (added.ai, added.default, added.effects_text, len(added.effects)) == (1000, False, ("add_prestige(40)",), 1)
    default = event.default_choice()
    assert default is not None and default.id == "unleash_army"
    assert event.choices[:2] == base().events["sputnik_crisis"].choices[:2]


def test_a_player_can_take_the_added_choice_and_not_the_removed_one(with_new_choice: Content) -> None:
    session, outcomes = Session.new(with_new_choice, SCENARIO, seed=11, players=("usa",))
    assert [item.event for item in session.state.sides["usa"].pending] == ["sputnik_crisis"]
    with pytest.raises(OrderRefused, match="stay_calm"):
        session.submit(Choose(side="usa", event="sputnik_crisis", choice="stay_calm"))
    before = session.state.sides["usa"].prestige
    made = session.submit(Choose(side="usa", event="sputnik_crisis", choice="call_scientists"))
    assert ChoiceMade(side="usa", event="sputnik_crisis", choice="call_scientists", by_default=False) in made
    assert session.state.sides["usa"].prestige == before + 40
    assert session.state.sides["usa"].pending == []


def test_the_ai_picks_the_added_choice(with_new_choice: Content) -> None:
    """The AI weighs a choice a mod adds like any other, and takes it when it is worth the most."""
    session, outcomes = Session.new(with_new_choice, SCENARIO, seed=11, players=("ussr",))
    made = [o for o in outcomes if isinstance(o, ChoiceMade) and o.event == "sputnik_crisis"]
    assert made == [ChoiceMade(side="usa", event="sputnik_crisis", choice="call_scientists", by_default=False)]


# -- disable ------------------------------------------------------------------------------------------


def _fired_in_first_year(content: Content) -> dict[str, dict[str, int]]:
    session, _ = Session.new(content, SCENARIO, seed=5, players=("usa", "ussr"))
    return {side: dict(session.state.sides[side].fired) for side in ("usa", "ussr")}


def test_disable_removes_an_event_so_it_never_fires(tmp_path: Path) -> None:
    assert all("igy_begins" in fired for fired in _fired_in_first_year(base()).values())
    result = load_game([write_mod(tmp_path, "no_igy", {"disable.toml": '[disable]\nevent = ["igy_begins"]\n'})])
    content = loaded(result)
    assert "igy_begins" not in content.events
    assert all("igy_begins" not in event.id for event in content.events_for_year(1957))
    assert all("igy_begins" not in fired for fired in _fired_in_first_year(content).values())
    assert [touch.action for touch in result.touches[("event", "igy_begins")]] == ["defined", "disabled"]


def test_a_later_mod_may_define_an_id_again_after_it_was_disabled(tmp_path: Path) -> None:
    redefine = OVERRIDE.replace("override = true\n", "").replace("[event.sputnik_crisis]", "[event.igy_begins]")
    mods = [write_mod(tmp_path, "aaa_off", {"d.toml": '[disable]\nevent = ["igy_begins"]\n'}),
            write_mod(tmp_path, "zzz_on", {"e.toml": redefine.replace("set_flag('army_unleashed')", "add_support(1)")})]
    result = load_game(mods)
    assert loaded(result).events["igy_begins"].title == "Sputnik, Quietly"


# -- contested ids and load order ---------------------------------------------------------------------


def test_contested_lists_every_id_more_than_one_mod_touched(tmp_path: Path) -> None:
    new_event = OVERRIDE.replace("override = true\n", "").replace("sputnik_crisis", "alpha_news")
    mods = [
        write_mod(tmp_path, "alpha", {"a.toml": new_event, "p.toml": "[patch.event.sputnik_crisis]\npriority = 3\n"}),
        write_mod(tmp_path, "beta", {"p.toml": "[patch.event.sputnik_crisis]\npriority = 5\n",
                                     "o.toml": OVERRIDE.replace("sputnik_crisis", "igy_begins")
                                     .replace("set_flag('army_unleashed')", "add_support(1)")}),
        write_mod(tmp_path, "gamma", {"d.toml": '[disable]\nevent = ["tet_offensive"]\n'}),
    ]
    result = load_game(mods)
    content = loaded(result)
    assert content.events["sputnik_crisis"].priority == 5  # beta loads after alpha (by id): its patch wins
    rows = {(kind, object_id): (touches, winner) for kind, object_id, touches, winner in result.contested()}
    assert sorted(rows) == [("event", "igy_begins"), ("event", "sputnik_crisis"), ("event", "tet_offensive")]
    touches, winner = rows[("event", "sputnik_crisis")]
    assert [(t.mod, Path(t.file).name, t.action) for t in touches] == [
        ("base", "1950s.toml", "defined"), ("alpha", "p.toml", "patched"), ("beta", "p.toml", "patched")]
    assert all(Path(t.file).parent.name == t.mod for t in touches[1:])
    assert winner == "base"  # patched, but still the base's object
    touches, winner = rows[("event", "igy_begins")]
    assert [(t.mod, t.action) for t in touches] == [("base", "defined"), ("beta", "overrode")] and winner == "beta"
    touches, winner = rows[("event", "tet_offensive")]
    assert [(t.mod, t.action) for t in touches] == [("base", "defined"), ("gamma", "disabled")] and winner == "gamma"
    assert ("event", "alpha_news") in result.touches  # touched by one mod only: not contested


@pytest.mark.parametrize("load_after, winner", [("", 9), ('load_after = ["zzz"]\n', 1)])
def test_two_patches_of_one_field_the_later_in_load_order_wins(tmp_path: Path, load_after: str, winner: int) -> None:
    mods = [write_mod(tmp_path, "aaa", {"p.toml": "[patch.event.sputnik_crisis]\npriority = 1\n"}, load_after),
            write_mod(tmp_path, "zzz", {"p.toml": "[patch.event.sputnik_crisis]\npriority = 9\n"})]
    result = load_game(mods)
    assert loaded(result).events["sputnik_crisis"].priority == winner
    last = result.touches[("event", "sputnik_crisis")][-1].mod
    assert last == ("zzz" if winner == 9 else "aaa")
    assert [mod.id for mod in result.order] == (["base", "aaa", "zzz"] if winner == 9 else ["base", "zzz", "aaa"])


def test_a_patch_sees_the_override_that_loaded_before_it(tmp_path: Path) -> None:
    mods = [write_mod(tmp_path, "aaa", {"o.toml": OVERRIDE}),
            write_mod(tmp_path, "bbb", {"p.toml": '[patch.event.sputnik_crisis]\ntitle = "Patched over"\n'})]
    event = loaded(load_game(mods)).events["sputnik_crisis"]
    assert (event.title, event.kind, event.last_year) == ("Patched over", "news", 1958)


def test_a_mod_patches_its_own_definitions_and_disables_last(tmp_path: Path) -> None:
    new_event = OVERRIDE.replace("override = true\n", "").replace("sputnik_crisis", "mod_news")
    files = {"z_events.toml": new_event, "a_patch.toml": "[patch.event.mod_news]\npriority = 4\n",
             "a_disable.toml": '[disable]\nevent = ["tet_offensive"]\n'}
    result = load_game([write_mod(tmp_path, "selfish", files)])
    content = loaded(result)
    assert content.events["mod_news"].priority == 4  # the patch file sorts first, yet applies after definitions
    assert "tet_offensive" not in content.events
