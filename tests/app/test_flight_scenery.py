"""What a flight looks like: every base-game rocket has its family, a mod's rocket gets a sensible one, and each
mission's destination is read from its own words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.app.flight_scenery import DESTINATIONS, FAMILIES, ROCKET_FAMILIES, destination, rocket_family
from game.content.loader import load_game


@pytest.fixture(scope="module")
def content():  # noqa: ANN201
    return load_game(mod_paths=[], mods_dir=None).content


def test_every_base_rocket_is_named_with_a_known_family(content) -> None:  # noqa: ANN001
    rockets = sorted(hardware.id for hardware in content.hardware.values() if hardware.kind == "rocket")
    assert rockets == sorted(FAMILIES)
    assert set(FAMILIES.values()) == set(ROCKET_FAMILIES)
    hardware = content.hardware
    assert rocket_family(hardware["saturn_v"]) == "saturn_v" and rocket_family(hardware["n1"]) == "n1"
    assert {rocket_family(hardware[id]) for id in ("r7", "r7_luna", "molniya", "voskhod_rocket", "soyuz_rocket")} == {"r7"}
    assert rocket_family(hardware["juno_i"]) == "redstone" and rocket_family(hardware["atlas_agena"]) == "atlas"


def test_a_mods_rocket_gets_the_family_of_its_side_and_lift(content) -> None:  # noqa: ANN001
    base = content.hardware["atlas"]
    assert rocket_family(replace(base, id="mod_small", lift=1)) == "redstone"
    assert rocket_family(replace(base, id="mod_heavy", lift=12)) == "saturn_v"
    assert rocket_family(replace(base, id="mod_soviet", side="ussr", lift=3)) == "r7"
    assert rocket_family(replace(base, id="mod_soviet_heavy", side="ussr", lift=7)) == "proton"
    assert rocket_family(replace(base, id="mod_soviet_moon", side="ussr", lift=10)) == "n1"
    assert rocket_family(replace(base, id="mod_other", side="esa", lift=4)) == "titan"
    assert rocket_family(None, "saturn_v") == "saturn_v" and rocket_family(None, "gone") in ROCKET_FAMILIES


def test_each_mission_goes_where_its_words_say(content) -> None:  # noqa: ANN001
    found = {mission.id: destination(mission) for mission in content.missions.values()}
    assert set(found.values()) == set(DESTINATIONS)
    assert found["small_satellite"] == found["docking"] == found["station_visit"] == "orbit"
    assert found["crewed_suborbital"] == "suborbital"
    assert found["lunar_impact"] == found["circumlunar_probe"] == found["crewed_lunar_landing"] == "moon"
    assert found["venus_flyby"] == found["venus_lander"] == "venus"
    assert found["mars_flyby"] == found["mars_orbiter"] == found["mars_lander"] == "mars"
    assert destination(None) == "orbit"
    mod = replace(content.missions["small_satellite"], id="phobos_probe", name="Martian moon probe")
    assert destination(mod) == "mars"  # a mod's mission, by its own words


def test_a_flight_that_comes_home_turns_for_home_at_its_first_step_back(content) -> None:  # noqa: ANN001
    from game.app.flight_scenery import return_index

    def home(mission_id: str) -> list[str]:
        mission = content.missions[mission_id]
        return [step.id for step in mission.steps[return_index(mission):]]

    assert home("crewed_orbit") == ["reentry"]
    assert home("animal_orbit") == ["reentry", "recovery"]
    assert home("crewed_lunar_landing") == ["tei", "reentry"]
    assert home("small_satellite") == [] and home("mars_lander") == []  # they stay where they went
    assert home("crewed_suborbital") == []  # one hop up and down: drawn as one arc
