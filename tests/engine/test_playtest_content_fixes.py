"""What the hand-played campaigns of issue 10 found wrong in the base game's content, on the real content: probes
go where they were built to go, a failed lunar lift-off is not told as "a safe landing", "A Hero Falls" takes a
cosmonaut who is on the roster, training no longer brings every skill to 100, the rival's programmes are not
said to have "succeeded" on flights that failed, and a one-seat capsule is not offered a crew's first."""

from __future__ import annotations

import dataclasses

import pytest

from game.app import rival, story, views
from game.app.narrate import narrate
from game.app.text import fill
from game.content.loader import load_content
from game.engine import crew, missions, rules
from game.engine.defs import Content
from game.engine.outcomes import CrewLost, EventFired, MissionFlew, StepResult
from game.engine.rng import Rng
from game.engine.scripting import EvalContext
from game.engine.state import GameState, Program

from game.app.session import Session


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def _state(content: Content, year: int = 1968, scenario: str = "full_campaign") -> GameState:
    session, _ = Session.new(content, scenario, 5, players=("usa", "ussr"))
    state = session.state
    state.year = year
    for side in ("usa", "ussr"):
        for member in crew.recruit(state, content, side, 6, Rng.stream(5, "test-crew", side)):
            member.joined = year - 2
    return state


def _operational(state: GameState, content: Content, side: str, *ids: str) -> None:
    for hardware_id in ids:
        hardware = content.hardware[hardware_id]
        state.sides[side].programs[hardware_id] = Program(id=hardware_id, research=hardware.development_cost + 500,
                                                           started=1955)


def test_a_venus_lander_is_not_sent_to_the_moon(content: Content) -> None:
    state = _state(content, 1966)
    _operational(state, content, "ussr", "molniya", "venera", "luna_e6")
    why = missions.why_not_hardware(state, content, "ussr", content.missions["lunar_soft_landing"], "molniya", "venera", "")
    assert why == "Venera is not built to go to the Moon; Lunar soft landing needs a craft that is"
    assert missions.why_not_hardware(state, content, "ussr", content.missions["venus_lander"], "molniya", "venera", "") is None
    best = missions.best_hardware(state, content, "ussr", content.missions["lunar_soft_landing"])
    assert not isinstance(best, str) and best[1] == "luna_e6"
    # a Mars lander cannot go to Venus, nor a lunar lander to Mars
    assert "Venus" in str(missions.why_not_hardware(state, content, "ussr", content.missions["venus_lander"],
                                                    "molniya", "luna_e6", ""))


def test_every_base_probe_mission_has_a_probe_built_for_its_destination(content: Content) -> None:
    places = set(missions.DESTINATIONS)
    for mission in content.missions.values():
        if mission.craft != ("probe",):
            continue
        wanted = places & set(mission.needs)
        assert len(wanted) == 1, f"{mission.id} names no single destination"
        fits = [hardware.id for hardware in content.hardware.values()
                if hardware.kind == "probe" and set(mission.needs) <= set(hardware.capabilities)]
        assert fits, f"no probe can fly {mission.id}"


def test_a_failed_lunar_lift_off_tells_the_crew_came_home_not_a_safe_landing(content: Content) -> None:
    state = _state(content, 1970)
    side = state.sides["usa"]
    members = [member.id for member in side.crew[:2]]
    mission = content.missions["crewed_lunar_landing"]
    steps = tuple(StepResult(step=step.id, name=step.name, chance=950, passed=step.id != "ascent",
                             mode="partial" if step.id == "ascent" else "")
                  for step in mission.steps[: [s.id for s in mission.steps].index("ascent") + 1])
    flew = MissionFlew(side="usa", mission=mission.id, number=1, month=7, day=20, year=1970, rocket="saturn_v",
                       craft="apollo_csm", lander="apollo_lm", crew=tuple(members), steps=steps, result="partial",
                       prestige=1)
    text = "\n".join(line.text for line in narrate([flew], content, state, "usa"))
    assert "safe landing" not in text
    assert "come home safe, though the flight falls short of its goals" in text


def test_a_hero_falls_takes_the_most_flown_cosmonaut_and_the_memorial_names_them(content: Content) -> None:
    from game.engine import hooks

    state = _state(content, 1968)
    own = state.sides["ussr"]
    own.achieved["crewed_orbit"] = 1961
    veteran = own.crew[3]
    veteran.flights = 3
    own.crew[0].flights = 1
    event = content.events["gagarin_dies"]
    ctx = EvalContext(state, content, "ussr", rng=Rng.stream(1, "test"), cause=event.id)
    assert event.trigger is not None and event.trigger(ctx)
    for effect in event.effects:
        effect(ctx)
    lost = [outcome for outcome in ctx.outcomes if isinstance(outcome, CrewLost)]
    assert [outcome.crew for outcome in lost] == [veteran.id] and veteran.status == "dead"
    answered = hooks.dispatch(state, content, ctx.outcomes)
    memorial = [outcome for outcome in answered if isinstance(outcome, EventFired) and outcome.event == "crew_memorial"]
    assert memorial, "the crew_lost events answer the death"
    title = fill(content.events["crew_memorial"].title,
                       story.event_values(content, state, "ussr", dict(memorial[0].subject)))
    assert veteran.name in title
    # nobody has flown: the news does not come at all
    fresh = _state(content, 1968)
    fresh.sides["ussr"].achieved["crewed_orbit"] = 1961
    assert not event.trigger(EvalContext(fresh, content, "ussr"))


def test_training_gains_taper_toward_100() -> None:
    gain = rules.BASE_SKILL_GAIN + rules.TRAINING_PER_MEMBER_CAP
    assert crew.training_gain(30, gain) == gain
    assert crew.training_gain(rules.SKILL_TAPER_FROM, gain) == gain
    assert 0 < crew.training_gain(90, gain) < gain
    assert crew.training_gain(100, gain) == 0
    skill = 40
    for _ in range(rules.CREW_SERVICE_YEARS):  # a whole career of the fullest training
        skill += crew.training_gain(skill, gain)
    assert 80 <= skill < 100


def test_the_rivals_programmes_say_how_often_they_failed(content: Content) -> None:
    state = _state(content, 1966)
    _operational(state, content, "usa", "atlas")
    atlas = state.sides["usa"].programs["atlas"]
    atlas.flights, atlas.successes, atlas.failures = 4, 3, 1
    report = rival.rival_report(state, content, "ussr")
    status = next(program.status for program in report.programs if program.name == content.hardware["atlas"].name)
    assert status == "flying (4 flights; it failed on 1)"


def test_a_one_seat_capsule_is_not_offered_a_crews_first(content: Content) -> None:
    state = _state(content, 1962)
    state.sides["usa"].achieved.update(satellite_orbit=1958, crewed_orbit=1961)
    _operational(state, content, "usa", "atlas", "mercury")
    rows = {row.id: row for row in views.mission_rows(state, content, "usa")}
    crewed = [row for row in rows.values() if row.ready and "Mercury" in row.note]
    assert crewed, "Mercury flies something"
    assert all("First multi-person crew" not in row.prizes for row in crewed)
    _operational(state, content, "usa", "titan_ii", "gemini")
    state.sides["usa"].programs["mercury"] = dataclasses.replace(state.sides["usa"].programs["mercury"], research=0)
    rows = {row.id: row for row in views.mission_rows(state, content, "usa")}
    assert any("First multi-person crew" in row.prizes for row in rows.values() if row.ready and "Gemini" in row.note)


def test_the_craft_a_first_needs_are_named_quickest_first_so_sputnik_is_among_them(content: Content) -> None:
    """Play-test: in 1955 the small satellite 'needs Korabl-Sputnik, Meteor, Molniya-1 or Object D' (the first four
    by id) while Sputnik PS-1, the one that flew it, went unnamed."""
    session, _ = Session.new(content, "full_campaign", 5, players=("ussr",))
    why = missions.no_craft_reason(session.state, content, "ussr", content.missions["small_satellite"])
    assert why.startswith("none of your programs can fly Small scientific satellite; start one that can: Sputnik PS-1")
