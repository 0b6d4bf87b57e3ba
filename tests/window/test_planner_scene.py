"""The mission planner: the plan broken down by step, the month, Schedule and Cancel — all by keyboard."""

from __future__ import annotations

import pytest

from game.app import views
from game.ui.window.scenes.planner import PlannerScene

from .conftest import close_overlays, press, tab_to, watched_game


@pytest.fixture()
def detente(make_app):  # noqa: ANN001, ANN201
    """A USA game of Détente (1969): most missions are ready to fly, the Mars flyby only in March and April."""
    app = make_app()
    app.new_game("detente", "usa", 7)
    close_overlays(app)
    return app


def open_planner(app, mission_id: str = "") -> PlannerScene:  # noqa: ANN001
    press(app, "f7")
    scene = app.top
    assert isinstance(scene, PlannerScene)
    if mission_id:
        ids = [row.id for row in scene.rows]
        scene.focus_on(scene.list)
        press(app, "home", *["down"] * ids.index(mission_id))
        assert scene.selected_id == mission_id
    return scene


def test_f7_from_the_hq_opens_the_planner(game_app) -> None:  # noqa: ANN001
    app = game_app
    assert app.top.name == "hq"
    scene = open_planner(app)
    assert scene.focused() is scene.list  # Up/Down choose at once
    painter = app.render()
    assert painter.shown("Missions 1955".upper())
    # 1955: nothing can fly yet; the list says why, muted, and the plan says so too
    assert not any(row.ready for row in scene.rows)
    assert painter.shown("Not ready to fly")
    first = scene.rows[0]
    assert painter.shown(first.note[:1].upper() + first.note[1:12])


def test_ready_missions_come_first_with_chance_cost_and_prizes(detente) -> None:  # noqa: ANN001
    app = detente
    scene = open_planner(app)
    ready = [row.ready for row in scene.rows]
    assert ready == sorted(ready, reverse=True) and ready[0] and not ready[-1]
    painter = app.render()
    top = scene.rows[0]
    assert painter.shown(top.name)
    assert painter.shown(f"{top.chance / 10:.1f}%  ${top.cost}M")
    if top.prizes:
        assert painter.shown("Prizes: " + top.prizes[0])


def test_the_plan_shows_each_steps_chance_from_the_view_model(detente) -> None:  # noqa: ANN001
    app = detente
    scene = open_planner(app, "crewed_lunar_landing")
    plan = views.mission_plan(app.play.state, app.play.content, "usa", "crewed_lunar_landing")
    assert isinstance(plan, views.MissionPlan) and len(plan.steps) >= 5
    painter = app.render()
    bars = {call.text for call in painter.transcript if call.kind == "bar"}
    for name, chance in plan.steps:
        assert f"{name} {chance / 10:.1f}%" in bars  # one bar per step, with its own chance
        assert painter.shown(f"{chance / 10:.1f}%")
    assert f"overall {plan.chance / 10:.1f}%" in bars
    assert painter.shown("Overall")
    content = app.play.content
    for hardware in (plan.loadout.rocket, plan.loadout.craft, plan.loadout.lander):
        assert painter.shown(content.hardware[hardware].name)
    crew = app.play.state.sides["usa"].crew_by_id(plan.loadout.crew[0])
    assert painter.shown(crew.name)
    assert scene.picker.visible and scene.schedule_button.enabled


def test_scheduling_by_keyboard_uses_the_shown_month_and_the_plan(detente) -> None:  # noqa: ANN001
    app = detente
    scene = open_planner(app, "mars_flyby")
    assert scene.month == 3  # its first open month: the launch window opens in March
    press(app, "right")  # on the list, Left/Right choose the month
    assert scene.month == 4
    painter = app.render()
    assert painter.shown("Schedule for April")
    assert any(call.kind == "rect" and call.text == "month April" for call in painter.transcript)
    plan = scene.plan
    press(app, "return")
    booked = app.play.state.sides["usa"].scheduled
    assert [(item.mission, item.month) for item in booked] == [("mars_flyby", 4)]
    assert (booked[0].rocket, booked[0].craft) == (plan.loadout.rocket, plan.loadout.craft)
    painter = app.render()
    assert painter.shown("Cancel #1")
    assert painter.shown(f"#{booked[0].number} Apr: Mars flyby")


def test_the_month_picker_and_the_schedule_button_by_tab(detente) -> None:  # noqa: ANN001
    app = detente
    scene = open_planner(app, "small_satellite")
    press(app, "tab")
    assert scene.focused() is scene.vehicle  # first the vehicle (several can fly it), then the months
    press(app, "tab")
    assert scene.focused() is scene.picker
    assert scene.month == 2  # the first month its preparation on the pad allows
    press(app, "right", "right")
    assert scene.month == 4
    press(app, "left")
    assert scene.month == 3
    press(app, "tab")
    assert scene.focused() is scene.schedule_button
    press(app, "return")
    assert [(item.mission, item.month) for item in app.play.state.sides["usa"].scheduled] == [("small_satellite", 3)]


def test_a_closed_month_cannot_be_chosen_and_says_why(detente) -> None:  # noqa: ANN001
    """Closed months are struck out and passed over by the keys; a click on one chooses nothing and says why, and
    pointing at one shows its reason in full under the strip."""
    from game.ui.window.intents import Click, Motion

    app = detente
    scene = open_planner(app, "mars_flyby")
    assert scene.month == 3
    press(app, "right")
    assert scene.month == 4
    press(app, "right")  # May to February are closed (outside the launch window): round to March
    assert scene.month == 3
    press(app, "left")
    assert scene.month == 4
    painter = app.render()
    cell = next(rect for rect, month in scene.picker.cells if month == 5)
    app.dispatch(Click(*cell.center))
    assert scene.month == 4 and scene.schedule_button.label == "Schedule for April"
    assert app.notice is not None and app.notice[1] == "warn"
    assert app.notice[0].startswith("May is closed: Mars flyby can launch only in March and April 1969")
    app.notice = None
    app.dispatch(Motion(*cell.center))
    assert scene.pointed == 5
    painter = app.render()
    reason = scene.months[4].reason
    said = " ".join(call.text for call in painter.transcript if call.kind == "text" and call.colour == "warn")
    assert f"May is closed: {reason}." in said  # whole, if over two lines
    press(app, "return")
    assert [(item.mission, item.month) for item in app.play.state.sides["usa"].scheduled] == [("mars_flyby", 4)]


def test_the_schedule_button_stays_put_as_bookings_change(detente) -> None:  # noqa: ANN001
    app = detente
    scene = open_planner(app, "small_satellite")
    app.render()
    where = (scene.schedule_button.rect.copy(), scene.picker.rect.copy())
    for _ in range(5):
        press(app, "return")  # booked, in the next open month each time
        app.render()
        assert (scene.schedule_button.rect, scene.picker.rect) == where
    assert len(app.play.state.sides["usa"].scheduled) == 5
    scene.focus_on(scene.cancel_buttons[0])
    press(app, "return")
    app.render()
    assert (scene.schedule_button.rect, scene.picker.rect) == where


def test_an_unready_mission_cannot_be_scheduled(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_planner(app)
    press(app, "return")
    assert app.play.state.sides["usa"].scheduled == []
    assert app.notice is not None and "cannot be scheduled" in app.notice[0]
    assert not scene.picker.visible


def test_cancel_removes_the_booking(detente) -> None:  # noqa: ANN001
    app = detente
    scene = open_planner(app, "small_satellite")
    press(app, "return")
    press(app, "down", "return")
    own = app.play.state.sides["usa"]
    assert len(own.scheduled) == 2
    numbers = [item.number for item in own.scheduled]
    app.render()
    scene.focus_on(scene.cancel_buttons[0])
    assert scene.focused().label == f"Cancel #{numbers[0]}"
    press(app, "return")
    assert [item.number for item in own.scheduled] == numbers[1:]
    assert scene.focused() is scene.cancel_buttons[0]  # the focus stays among the bookings
    press(app, "return")
    assert own.scheduled == []
    assert scene.focused() is scene.list
    assert app.render().shown("Nothing booked yet")


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 600)])
def test_it_draws_at_other_sizes(make_app, size) -> None:  # noqa: ANN001
    app = make_app(size=size)
    app.new_game("detente", "usa", 7)
    close_overlays(app)
    scene = open_planner(app, "crewed_lunar_landing")
    press(app, "return")
    painter = app.render()
    assert painter.shown("Overall")
    assert painter.shown("Cancel #")
    width, height = size
    for call in painter.transcript:
        if call.kind == "text":
            x, y, w, h = call.rect
            assert 0 <= x and x + w <= width and 0 <= y and y + h <= height, call
    assert scene.schedule_button.rect.width > 0


def test_clicks_choose_a_mission_and_a_month_but_only_the_button_schedules(detente) -> None:  # noqa: ANN001
    from game.ui.window.intents import Click

    app = detente
    scene = open_planner(app)
    app.render()
    second = scene.list.rect.y + scene.list._pixel_row * 3 // 2
    for _ in range(2):  # clicking the selected row again does not schedule it
        app.dispatch(Click(scene.list.rect.x + 20, second))
    assert scene.selected_id == scene.rows[1].id
    assert app.play.state.sides["usa"].scheduled == []
    app.render()
    cell = next(rect for rect, month in scene.picker.cells if month == 6)
    app.dispatch(Click(*cell.center))
    assert scene.month == 6
    app.render()
    app.dispatch(Click(*scene.schedule_button.rect.center))
    assert [(item.mission, item.month) for item in app.play.state.sides["usa"].scheduled] == [(scene.rows[1].id, 6)]


def test_a_clicked_month_names_itself_on_the_schedule_button_and_is_booked(detente) -> None:  # noqa: ANN001
    from game.ui.window.intents import Click

    app = detente
    scene = open_planner(app, "small_satellite")
    app.render()
    assert scene.month != 6 and scene.months[5].allowed
    cell = next(rect for rect, month in scene.picker.cells if month == 6)
    app.dispatch(Click(*cell.center))
    assert scene.month == 6
    assert scene.schedule_button.label == "Schedule for June"  # relabelled, as the keys do
    assert app.render().shown("Schedule for June")
    app.dispatch(Click(*scene.schedule_button.rect.center))
    assert [(item.mission, item.month) for item in app.play.state.sides["usa"].scheduled] == [("small_satellite", 6)]


def test_the_bookings_count_comes_from_the_status_view(detente, monkeypatch) -> None:  # noqa: ANN001
    from game.engine import rules

    app = detente
    monkeypatch.setattr(rules, "LAUNCHES_PER_PAD", 3)  # not the usual 4: the planner must not assume it
    open_planner(app)
    status = views.status(app.play.state, app.play.content, "usa")
    assert status.launch_capacity == 3 * status.pads
    assert app.render().shown(f"Booked for 1969: 0 of {status.launch_capacity} launches".upper())


def test_a_spectator_sees_schedule_and_cancel_disabled(make_app) -> None:  # noqa: ANN001
    from game.engine.orders import ScheduleMission
    from game.ui.window.intents import Click

    app = make_app()
    watched_game(app, "detente")
    play = app.play
    plan = views.mission_plan(play.state, play.content, "usa", "small_satellite")
    loadout = plan.loadout
    play.session.submit(ScheduleMission(side="usa", mission="small_satellite", month=2, rocket=loadout.rocket,
                                        craft=loadout.craft, lander=loadout.lander, crew=tuple(loadout.crew)))
    play.version += 1  # as the AI's booking would show
    scene = open_planner(app, "small_satellite")
    painter = app.render()
    assert scene.picker.visible and not scene.schedule_button.enabled
    assert [button.enabled for button in scene.cancel_buttons] == [False]
    labels = {call.text: call.colour for call in painter.transcript if call.kind == "text"}
    assert labels[scene.schedule_button.text()] == "dim" and labels[scene.cancel_buttons[0].text()] == "dim"
    booked = list(play.state.sides["usa"].scheduled)
    told = len(play.feed)
    app.dispatch(Click(*scene.schedule_button.rect.center))
    app.dispatch(Click(*scene.cancel_buttons[0].rect.center))
    for button in (scene.schedule_button, scene.cancel_buttons[0]):
        scene.focus_on(button)
        press(app, "return")
    assert play.state.sides["usa"].scheduled == booked
    assert len(play.feed) == told and app.notice is None  # no order went out: no "Refused"
    scene.focus_on(scene.list)
    press(app, "return")  # Enter on the list says why nothing is booked, without an order
    assert play.state.sides["usa"].scheduled == booked
    assert app.notice is not None and not app.notice[0].startswith("Refused") and "watching" in app.notice[0]


def test_a_plan_not_ready_links_to_every_program_it_names(game_app) -> None:  # noqa: ANN001
    from game.app.attention import programs_named
    from game.ui.window.scenes.programs import ProgramsScene

    app = game_app
    scene = open_planner(app, "small_satellite")
    painter = app.render()
    assert isinstance(scene.plan, str) and "Explorer satellite" in scene.plan
    named = programs_named(app.play.content, "usa", scene.plan)
    assert len(named) >= 2 and [button.label for button in scene.program_buttons] == [
        app.play.content.hardware[hardware_id].name for hardware_id in named]
    assert all(button.rect.width > 0 and painter.shown(button.label) for button in scene.program_buttons)
    tab_to(app, scene.program_buttons[-1])
    press(app, "return")
    assert isinstance(app.top, ProgramsScene)
    assert app.top.selected_id == named[-1]  # the program that button names, ready to start


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_a_crewed_plan_shows_the_chance_of_losing_the_crew(make_app, size) -> None:  # noqa: ANN001
    """The risk to the crew, from the shared view-model (the terminal's examine and bookings say it too)."""
    app = make_app(size=size)
    app.new_game("detente", "usa", 7)
    close_overlays(app)
    scene = open_planner(app, "crewed_orbit")
    plan = scene.plan
    assert isinstance(plan, views.MissionPlan) and plan.loadout.crew and plan.crew_risk > 0
    painter = app.render()
    assert painter.shown("Chance of losing the crew")
    assert painter.shown(f"{plan.crew_risk / 10:.1f}%")
    scene = open_planner(app, "small_satellite")  # uncrewed: no crew to lose, no line
    assert isinstance(scene.plan, views.MissionPlan) and scene.plan.crew_risk == 0
    assert not app.render().shown("Chance of losing the crew")


def test_a_mission_any_of_several_spacecraft_can_fly_says_one_is_enough(game_app) -> None:  # noqa: ANN001
    """1955: no program can fly the small satellite yet, and any one of those listed would do: the plan says so,
    and the HQ's list of open firsts joins them with "or", never as if all were needed."""
    app = game_app
    hq = app.top
    painter = app.render()
    needs = [call.text for call in painter.transcript if call.kind == "text" and call.text.startswith("needs ")]
    assert needs and all(" and " not in text for text in needs)
    assert any(" or " in text or text.endswith("…") for text in needs)
    assert hq.name == "hq"
    scene = open_planner(app, "small_satellite")
    assert scene.any_one and len(scene.program_buttons) > 1
    painter = app.render()
    assert painter.shown("Start any one of these on Programs (F4): one is enough.")
