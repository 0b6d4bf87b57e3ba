"""The year's launches: countdown, lift-off, the steps one by one, the result; Space skips, Esc skips all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from game.app.narrate import RESULT_WORDS
from game.engine.orders import ScheduleMission
from game.engine.outcomes import MilestoneClaimed, MissionFlew
from game.ui.window.intents import Key
from game.ui.window.scenes.flight import FlightScene, Timeline, tied_outcomes

from .conftest import close_overlays, press, texts_inside, type_line


@pytest.fixture()
def flown(make_app):  # noqa: ANN001, ANN201
    """A Détente game (1969) whose first year has flown: (app, the year's flights, all its outcomes)."""

    def make(size: tuple[int, int] = (1280, 720), speed: str = "fast"):  # noqa: ANN202
        app = make_app(size=size)
        app.settings = replace(app.settings, text_speed=speed)
        app.new_game("detente", "usa", 7)
        close_overlays(app)
        for mission, month in (("lunar_soft_landing", 3), ("mars_flyby", 4), ("crewed_lunar_landing", 7)):
            app.play.submit(ScheduleMission(side="usa", mission=mission, month=month))
        outcomes = app.play.end_year()  # straight from Play: these tests build the scene themselves
        flights = [outcome for outcome in outcomes if isinstance(outcome, MissionFlew)]
        assert any(flight.side == "usa" for flight in flights) and any(flight.side == "ussr" for flight in flights)
        return app, flights, outcomes

    return make


def show(app, flights, outcomes) -> FlightScene:  # noqa: ANN001
    scene = FlightScene(app, flights, outcomes)
    app.push(scene)
    return scene


def test_the_flight_goes_through_countdown_liftoff_steps_and_result(flown) -> None:  # noqa: ANN001
    app, flights, outcomes = flown(speed="normal")
    own = next(flight for flight in flights if flight.side == "usa")
    scene = show(app, [own], outcomes)
    assert scene.animating
    painter = app.render()
    assert painter.shown("T-10") and painter.shown("LIFT") is False
    assert any(call.kind == "shape" and call.text.startswith("rocket") for call in painter.transcript)
    assert painter.shown("USA · you")
    seen: list[str] = []
    for _ in range(400):
        if not scene.animating:
            break
        app.tick(40)
        painter = app.render()
        seen.append(scene.moment.phase)
        if scene.moment.phase == "liftoff":
            assert painter.shown("LIFT-OFF")
    assert not scene.animating  # the last flight waits for the player
    assert seen.index("countdown") < seen.index("liftoff") < seen.index("steps") < seen.index("result")
    painter = app.render()
    for result in own.steps:
        assert painter.shown(result.name)
        assert painter.shown(f"{result.chance / 10:.1f}%")
    assert painter.shown(RESULT_WORDS[own.result])
    assert painter.shown("ok" if own.steps[0].passed else "ABORT")
    assert scene.next_button.label == "Continue"


def test_each_moment_draws_what_it_should(flown) -> None:  # noqa: ANN001
    app, flights, outcomes = flown(speed="normal")
    own = next(flight for flight in flights if flight.side == "usa")
    scene = show(app, [own], outcomes)
    timeline = scene.timeline
    moment = timeline.at(timeline.steps + 1)
    assert (moment.phase, moment.shown, moment.verdicts) == ("steps", 1, 0)
    moment = timeline.at(timeline.starts[0] + timeline.verdict_delays[0])
    assert moment.verdicts == 1
    scene.update(timeline.steps + 1)
    painter = app.render()
    assert painter.shown("STEP 1 OF")  # the step on its way, named over the picture
    assert painter.shown(own.steps[0].name)
    assert scene.moment.phase == "steps" and scene.next_button.label == "Skip to the result"


def test_space_skips_to_the_result_then_the_next_flight_and_pops_at_the_end(flown) -> None:  # noqa: ANN001
    app, flights, outcomes = flown()
    scene = show(app, flights[:2], outcomes)
    press(app, "space")
    assert scene.index == 0 and scene.moment.phase == "result"
    painter = app.render()
    assert painter.shown(RESULT_WORDS[flights[0].result])
    press(app, "space")
    assert scene.index == 1 and scene.moment.phase == "countdown"
    press(app, "return")
    assert scene.moment.phase == "result"
    assert scene.next_button.label == "Continue"
    press(app, "return")
    assert scene not in app.stack


def test_esc_skips_every_flight(flown) -> None:  # noqa: ANN001
    app, flights, outcomes = flown()
    scene = show(app, flights, outcomes)
    press(app, "escape")
    assert scene not in app.stack
    assert app.top.name == "hq"


def test_instant_shows_the_result_at_once(flown) -> None:  # noqa: ANN001
    app, flights, outcomes = flown(speed="instant")
    scene = show(app, flights, outcomes)
    assert not scene.animating
    assert scene.moment.phase == "result"
    painter = app.render()
    assert painter.shown(RESULT_WORDS[flights[0].result])
    press(app, "space")
    assert scene.index == 1 and scene.moment.phase == "result"


def test_flights_follow_one_another_and_the_rival_is_marked(flown) -> None:  # noqa: ANN001
    app, flights, outcomes = flown(speed="fast")
    scene = show(app, flights, outcomes)
    for index, flight in enumerate(flights):
        assert scene.index == index
        while scene.moment.phase != "result":
            app.tick(100)
        painter = app.render()
        assert painter.shown(RESULT_WORDS[flight.result])
        if flight.side == "ussr":
            assert painter.shown("USSR · rival")
            assert painter.shown("The rival's chances are secret")
            assert not any(painter.shown(f"{step.chance / 10:.1f}%") for step in flight.steps)
        else:
            assert painter.shown(f"{flight.steps[0].chance / 10:.1f}%")
        for claim in tied_outcomes(flight, outcomes):
            if isinstance(claim, MilestoneClaimed):
                assert painter.shown("FIRST IN THE WORLD" if claim.first else "SECOND")
        run_to = scene.index
        while scene.index == run_to and scene.animating:
            app.tick(200)
        if scene.held and index < len(flights) - 1:  # the player's own first waits for them: Space goes on
            assert scene.index == run_to and flight.side == "usa" and any(
                isinstance(claim, MilestoneClaimed) and claim.first for claim in tied_outcomes(flight, outcomes))
            press(app, "space")
    assert not scene.animating and scene.index == len(flights) - 1


def test_the_players_own_first_waits_for_them_while_the_rest_move_on(flown) -> None:  # noqa: ANN001
    """A window play-tester missed their own Moon landing: the flights after it had moved the screen on."""
    app, flights, outcomes = flown(speed="fast")
    scene = show(app, flights, outcomes)
    firsts = [index for index, flight in enumerate(flights) if flight.side == "usa" and any(
        isinstance(claim, MilestoneClaimed) and claim.first for claim in tied_outcomes(flight, outcomes))]
    assert firsts and firsts[0] < len(flights) - 1
    for _ in range(2000):
        if scene.index == firsts[0] and scene.held:
            break
        if scene.held:
            press(app, "space")
        app.tick(200)
    assert scene.index == firsts[0] and scene.held and not scene.animating
    for _ in range(50):
        app.tick(200)
    assert scene.index == firsts[0]  # still there, however long the player reads
    press(app, "space")
    assert scene.index == firsts[0] + 1


def test_a_flight_at_fast_speed_is_short() -> None:
    from game.ui.window.scenes.flight import SPEED_SCALE, FlightStory, StepView

    steps = tuple(StepView(f"step {n}", 900, True, True, "ok", "", "") for n in range(9))
    story = FlightStory(None, True, "m", "", "", "", steps, "SUCCESS", "good", "", (), (), "atlas", "orbit")  # type: ignore[arg-type]
    assert Timeline.make(story, SPEED_SCALE["fast"]).end <= 4000  # even the longest mission
    assert Timeline.make(story, SPEED_SCALE["instant"]).end == 0


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 600)])
def test_it_draws_at_other_sizes(flown, size) -> None:  # noqa: ANN001
    app, flights, outcomes = flown(size=size, speed="normal")
    scene = show(app, flights, outcomes)
    width, height = size
    for elapsed in (300, 2000, 3500, 20000):
        scene.update(elapsed)
        painter = app.render()
        for call in painter.transcript:
            if call.kind == "text":
                x, y, w, h = call.rect
                assert 0 <= x and x + w <= width and 0 <= y and y + h <= height, call


def test_a_real_year_ends_with_the_flights(game_app) -> None:  # noqa: ANN001
    app = game_app
    type_line(app, "start explorer")
    type_line(app, "fund explorer 40")
    for _ in range(4):
        press(app, "e", ctrl=True)
        if app.top.name == "confirm_end":  # money would go back: end the year anyway
            press(app, "return")
        scenes = [scene for scene in app.stack if isinstance(scene, FlightScene)]
        if scenes:
            break
        close_overlays(app)
    else:
        raise AssertionError("nothing flew in four years")
    scene = scenes[0]
    assert app.top is scene  # the flights come first, before the year's report
    painter = app.render()
    assert painter.shown(f"LAUNCHES OF {scene.story.flight.year}")
    press(app, "escape")
    assert scene not in app.stack


def test_looking_back_at_a_flight_stays_there(game_app) -> None:  # noqa: ANN001
    """Left shows the flight before at its result, and it stays until the player moves on."""
    from game.ui.window.scenes.flight import FlightScene

    app = game_app
    for _ in range(8):  # years until a year has at least two flights
        outcomes = app.play.end_year()
        flights = [outcome for outcome in outcomes if type(outcome).__name__ == "MissionFlew"]
        if len(flights) >= 2:
            break
    assert len(flights) >= 2
    scene = FlightScene(app, flights, outcomes)
    app.push(scene)
    scene.advance()
    scene.advance()  # the second flight's countdown
    assert scene.index == 1
    app.dispatch(Key("left"))
    assert scene.index == 0 and not scene.animating
    for _ in range(20):
        scene.update(500)
    assert scene.index == 0  # no jumping on by itself
    app.dispatch(Key("space"))
    assert scene.index == 1


def test_an_arrival_starts_in_space_without_a_countdown(flown) -> None:  # noqa: ANN001
    from game.ui.window.scenes.flight import Timeline, build_story

    app, flights, outcomes = flown()
    arrival = next((flight for flight in flights if flight.launched), None)
    assert arrival is not None, "the Moon probe of these flights arrives the same month"
    story = build_story(arrival, outcomes, app.play.content, app.play.state, "usa")
    timeline = Timeline.make(story, 1.0)
    assert timeline.liftoff == timeline.steps == 0 and timeline.at(0).phase == "steps"
    assert "arrival (launched" in story.date


# -- what belongs to a flight ----------------------------------------------------------------------------------


def _satellite_and_a_training_death(state):  # noqa: ANN001, ANN202
    """An uncrewed satellite's flight, then a training accident that the year's end happens to emit next."""
    from game.engine.outcomes import CrewLost, StepResult

    member = state.sides["usa"].crew[0]
    flight = MissionFlew(side="usa", number=1, mission="small_satellite", year=state.year, month=12, day=3,
                         rocket="juno_i", craft="explorer", lander="", crew=(), result="success",
                         steps=(StepResult("launch", "Launch", 900, True), StepResult("orbit", "Orbit", 900, True)),
                         prestige=2)
    claim = MilestoneClaimed(side="usa", milestone="satellite_orbit", year=state.year, month=12, first=True,
                             prestige=30, mission="small_satellite")
    death = CrewLost(side="usa", crew=member.id, cause="training_accident")
    return flight, claim, death, member


@pytest.fixture()
def crewed_app(make_app):  # noqa: ANN001, ANN201
    """A Détente game (1969): both corps have astronauts."""
    app = make_app()
    app.new_game("detente", "usa", 7)
    close_overlays(app)
    return app


def test_a_training_death_is_not_shown_under_an_uncrewed_flight(crewed_app) -> None:  # noqa: ANN001
    app = crewed_app
    flight, claim, death, member = _satellite_and_a_training_death(app.play.state)
    outcomes = [flight, claim, death]
    assert tied_outcomes(flight, outcomes) == [claim]  # the milestone is the flight's; the accident is not
    scene = FlightScene(app, [flight], outcomes)
    app.push(scene)
    scene.advance()
    painter = app.render()
    assert painter.shown("FIRST IN THE WORLD")
    assert not painter.shown("killed") and not painter.shown(member.name)
    # the year-end report tells it instead
    from game.ui.window.scenes.year_end import YearEndScene

    app.pop(scene)
    app.push(YearEndScene(app, outcomes))
    assert app.render().shown(f"{member.name} was killed in a training accident")


def test_a_crew_lost_on_the_flight_is_shown_with_it(crewed_app) -> None:  # noqa: ANN001
    from game.engine.outcomes import Changed, CrewLost, ProgramGrounded, StepResult

    app = crewed_app
    state = app.play.state
    first, second = state.sides["usa"].crew[:2]
    flight = MissionFlew(side="usa", number=2, mission="crewed_orbit", year=state.year, month=5, day=9,
                         rocket="atlas", craft="mercury", lander="", crew=(first.id,), result="catastrophe",
                         steps=(StepResult("launch", "Launch", 900, False, "catastrophe"),), prestige=-20)
    grounded = ProgramGrounded(side="usa", program="atlas", cause="crewed_orbit")
    support = Changed(side="usa", what="support", amount=-10, cause="catastrophe", value=40)
    lost = CrewLost(side="usa", crew=first.id, cause="crewed_orbit")
    training = CrewLost(side="usa", crew=second.id, cause="training_accident")
    assert tied_outcomes(flight, [flight, grounded, support, lost, training]) == [grounded, support, lost]
    # a rival's loss, or a crew member who was not aboard, never joins the flight either
    assert tied_outcomes(flight, [flight, CrewLost(side="usa", crew=second.id, cause="crewed_orbit")]) == []
    assert tied_outcomes(flight, [flight, CrewLost(side="ussr", crew=first.id, cause="crewed_orbit")]) == []
    scene = FlightScene(app, [flight], [flight, grounded, support, lost, training])
    app.push(scene)
    scene.advance()
    painter = app.render()
    assert painter.shown(f"{first.name} was killed in the line of duty")
    assert not painter.shown(second.name)


# -- the picture: the rocket of the flight's family and where it is going ------------------------------------


def _flight_of(rocket: str, mission: str, side: str = "usa", number: int = 1) -> MissionFlew:
    from game.engine.outcomes import StepResult

    return MissionFlew(side=side, number=number, mission=mission, year=1969, month=3, day=1, rocket=rocket,
                       craft="apollo_csm", lander="", crew=(), result="success",
                       steps=(StepResult("launch", "Launch", 900, True),), prestige=1)


@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_each_flight_shows_its_rockets_family_and_its_destination(make_app, size) -> None:  # noqa: ANN001
    app = make_app(size=size)
    app.new_game("detente", "usa", 7)
    close_overlays(app)
    cases = [("saturn_v", "crewed_lunar_landing", "usa", "saturn_v", "the Moon"),
             ("r7", "small_satellite", "ussr", "r7", None), ("proton", "mars_lander", "ussr", "proton", "Mars"),
             ("molniya", "venus_flyby", "ussr", "r7", "Venus"), ("n1", "lunar_orbiter", "ussr", "n1", "the Moon"),
             ("juno_i", "crewed_suborbital", "usa", "redstone", None)]
    flights = [_flight_of(rocket, mission, side, index + 1) for index, (rocket, mission, side, _, _) in enumerate(cases)]
    scene = FlightScene(app, flights, flights)
    app.push(scene)
    width, height = size
    for index, (_, _, _, family, world) in enumerate(cases):
        assert scene.story.family == family
        painter = app.render()  # on the pad: the family's silhouette, the world low in the sky
        rocket = [call for call in painter.transcript if call.kind == "shape" and call.text.startswith("rocket")]
        assert len(rocket) == 1 and rocket[0].text.endswith(f"({family})")
        worlds = [call.text for call in painter.transcript if call.kind == "shape" and call.text in ("the Moon", "Venus", "Mars")]
        assert worlds == ([world] if world else [])
        scene.advance()  # the result, in space: the world the path ends at, named
        painter = app.render()
        worlds = [call for call in painter.transcript if call.kind == "shape" and call.text in ("the Moon", "Venus", "Mars")]
        assert [call.text for call in worlds] == ([world] if world else [])
        if world:
            x, y, w, h = worlds[0].rect
            assert 0 <= x and x + w <= width and 0 <= y and y + h <= height
            assert painter.shown(world.removeprefix("the ").upper())
        texts_inside(painter, size)
        scene.advance()
    # a taller family stands taller on the same pad
    from game.ui.window import rockets

    assert rockets.height_share("saturn_v") > rockets.height_share("atlas") > rockets.height_share("redstone")
    assert rockets.half_width("n1", 100) > rockets.half_width("saturn_v", 100) > rockets.half_width("vanguard", 100)


def test_clicking_a_flight_in_the_strip_shows_that_flight(flown) -> None:  # noqa: ANN001
    """A click on a flight of the strip goes to that flight; it never acts as Continue (which would skip ahead)."""
    from game.ui.window.intents import Click

    app, flights, outcomes = flown(speed="normal")
    assert len(flights) >= 3
    scene = show(app, flights, outcomes)
    app.render()
    last = len(flights) - 1
    target = next(rect for rect, index in scene.chips if index == last)
    app.dispatch(Click(target.centerx, target.centery))
    assert app.top is scene and scene.index == last
    assert scene.moment.phase != "result"  # a flight not yet seen starts from its start
    app.render()
    first = next(rect for rect, index in scene.chips if index == 0)
    app.dispatch(Click(first.centerx, first.centery))
    assert app.top is scene and scene.index == 0
    assert scene.moment.phase == "result" and not scene.animating  # looked back at: its result, and it stays
    app.render()
    here = next(rect for rect, index in scene.chips if index == 0)
    app.dispatch(Click(here.centerx, here.centery))  # the flight on screen: nothing changes
    assert app.top is scene and scene.index == 0


# -- the picture and the step list agree --------------------------------------------------------------------


def _flew(content, mission_id: str, result: str, outcomes, **more) -> MissionFlew:  # noqa: ANN001
    """A flight of mission_id: outcomes is one (passed, mode) for each step flown, in the mission's order from
    `skip` (an arrival's steps after its launch)."""
    from game.engine.outcomes import StepResult

    skip = more.pop("skip", 0)
    steps = content.missions[mission_id].steps[skip:]
    return MissionFlew(side="usa", number=3, mission=mission_id, year=1969, month=6, day=2, rocket="atlas",
                       craft="surveyor", lander="", crew=more.pop("crew", ()), result=result,
                       steps=tuple(StepResult(step.id, step.name, 800, passed, mode)
                                   for step, (passed, mode) in zip(steps, outcomes)), prestige=0, **more)


def _at_result(app, flight: MissionFlew):  # noqa: ANN001, ANN202
    scene = show(app, [flight], [flight])
    scene.advance()
    return scene, app.render()


def test_an_arrival_lists_its_steps_in_the_missions_order_and_marks_the_failure_where_it_happened(crewed_app) -> None:  # noqa: ANN001
    """A probe that fails on landing at the Moon: its launch steps (flown when it left) come first, its failure
    is drawn by the Moon (not on the climb from the pad), and the step after it reads "not flown"."""
    from game.ui.window.scenes.flight_story import EARLIER, NOT_FLOWN

    app = crewed_app
    content = app.play.content
    mission = content.missions["lunar_soft_landing"]
    arrival = _flew(content, "lunar_soft_landing", "failure", [(False, "abort")], skip=3, launched=(1969, 3))
    scene, painter = _at_result(app, arrival)
    story = scene.story
    assert [step.name for step in story.steps] == [step.name for step in mission.steps]
    assert [step.status for step in story.steps] == [EARLIER] * 3 + ["ABORT", NOT_FLOWN]
    assert story.first == 3 and story.flown == 1 and len(scene.timeline.starts) == 1
    rows = {call.text: call.rect[1] for call in painter.transcript if call.kind == "text"}
    assert rows[mission.steps[0].name] < rows[mission.steps[3].name] < rows[mission.steps[4].name]  # in order
    assert painter.shown(NOT_FLOWN) and painter.shown(EARLIER)
    picture_w = painter.surface.get_width() // 2
    mark = [call for call in painter.transcript if call.kind == "text" and call.text == "ABORT"
            and call.rect[0] < picture_w]  # the verdict beside its mark in the picture
    assert mark and mark[0].rect[0] > picture_w // 2  # out by the Moon, far from the pad on the left


def test_an_orbital_flight_that_comes_home_draws_its_way_down(crewed_app) -> None:  # noqa: ANN001
    app = crewed_app
    content = app.play.content
    flight = _flew(content, "crewed_orbit", "success", [(True, "")] * 3, crew=("x",))
    scene, painter = _at_result(app, flight)
    assert scene.story.homeward == 2  # re-entry is the first step home
    paths = [call for call in painter.transcript if call.kind == "line" and call.text == "flight path"]
    assert len(paths) == 2  # up to orbit, then back down
    up, down = paths
    assert down.rect[0] >= up.rect[0] + up.rect[2] // 2 and down.rect[1] + down.rect[3] > up.rect[1] + up.rect[3] // 2
    satellite = _flew(content, "small_satellite", "success", [(True, "")] * 2)
    scene, painter = _at_result(app, satellite)
    assert scene.story.homeward == -1  # a satellite stays up: one leg
    assert len([call for call in painter.transcript if call.kind == "line" and call.text == "flight path"]) == 1


def test_a_failure_with_steps_left_reads_not_flown_for_each(crewed_app) -> None:  # noqa: ANN001
    from game.ui.window.scenes.flight_story import NOT_FLOWN

    app = crewed_app
    content = app.play.content
    flight = _flew(content, "crewed_lunar_orbit", "catastrophe", [(True, ""), (True, ""), (False, "catastrophe")],
                   crew=("x",))
    scene, painter = _at_result(app, flight)
    assert [step.status for step in scene.story.steps][3:] == [NOT_FLOWN, NOT_FLOWN]
    assert sum(call.text == NOT_FLOWN for call in painter.transcript if call.kind == "text") == 2
