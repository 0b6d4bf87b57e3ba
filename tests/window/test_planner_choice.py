"""Choosing the vehicle and the crew in the planner: the chance follows the choice, the booking flies what was
shown (with the ordinary ScheduleMission), and a crew that changes because of another booking says so."""

from __future__ import annotations

from game.engine.orders import ScheduleMission
from game.ui.window.scenes.crew_choice import CrewChoiceScene
from game.ui.window.scenes.planner import PlannerScene

from .conftest import close_overlays, press, tab_to


def planner(make_app, mission: str = "crewed_orbit") -> tuple:  # noqa: ANN001
    app = make_app()
    app.new_game("detente", "usa", 7)
    close_overlays(app)
    press(app, "f7")
    scene = app.top
    assert isinstance(scene, PlannerScene)
    scene.show_mission(mission)
    app.render()
    return app, scene


def test_stepping_the_vehicle_changes_the_plan_and_its_chance(make_app) -> None:  # noqa: ANN001
    app, scene = planner(make_app)
    assert len(scene.options) > 1 and scene.options[0].best
    first = scene.plan
    assert app.render().shown("(best)")
    tab_to(app, scene.vehicle)
    press(app, "right")
    option = scene.options[1]
    assert (scene.plan.loadout.rocket, scene.plan.loadout.craft) == (option.rocket, option.craft)
    painter = app.render()
    assert painter.shown(option.label) and painter.shown(f"{scene.plan.chance / 10:.1f}%")
    assert scene.plan.chance != first.chance or scene.plan.cost != first.cost
    press(app, "left")
    assert scene.plan.loadout == first.loadout


def test_the_booking_flies_the_vehicle_and_crew_chosen(make_app) -> None:  # noqa: ANN001
    app, scene = planner(make_app)
    sent: list = []
    submit = app.submit
    app.submit = lambda order: (sent.append(order), submit(order))[1]  # type: ignore[method-assign]
    tab_to(app, scene.vehicle)
    press(app, "right")
    tab_to(app, scene.crew_button)
    press(app, "return")
    choice = app.top
    assert isinstance(choice, CrewChoiceScene)
    before = choice.plan
    press(app, "down", "return")  # a second name in (the craft seats two), or the first taken over
    assert choice.plan != before  # the chance shown follows the names chosen
    chosen = tuple(choice.chosen)
    expected = choice.plan
    assert not isinstance(expected, str) and app.render().shown(f"{expected.chance / 10:.1f}% to succeed")
    tab_to(app, choice.use_button)
    press(app, "return")
    assert app.top is scene and scene.plan.loadout.crew == chosen and app.render().shown("(your choice)")
    assert scene.plan.chance == expected.chance
    vehicle = (scene.plan.loadout.rocket, scene.plan.loadout.craft)
    scene.schedule()
    order = sent[-1]
    assert isinstance(order, ScheduleMission) and (order.rocket, order.craft) == vehicle and order.crew == chosen
    booked = app.play.state.sides["usa"].scheduled[-1]
    assert (booked.rocket, booked.craft, tuple(booked.crew)) == (*vehicle, chosen)


def test_a_crew_taken_by_another_booking_is_said_not_silently_changed(make_app) -> None:  # noqa: ANN001
    app, scene = planner(make_app)
    shown = scene.plan.loadout.crew
    names = [app.play.state.sides["usa"].crew_by_id(crew_id).name for crew_id in shown]
    press(app, "f2")
    app.play.submit(ScheduleMission(side="usa", mission="long_duration", month=0, crew=shown[:1]))
    number = app.play.state.sides["usa"].scheduled[-1].number
    press(app, "f7")
    scene = app.top
    scene.show_mission("crewed_orbit")
    painter = app.render()
    assert scene.plan.loadout.crew != shown
    assert painter.shown(f"Crew changed: {names[0]} (booked on #{number}) gave way to")


def test_the_crew_choice_backs_out_with_escape_and_best_goes_back_to_auto(make_app) -> None:  # noqa: ANN001
    app, scene = planner(make_app)
    auto = scene.plan.loadout.crew
    scene.open_crew()
    press(app, "down", "return")
    press(app, "escape")
    assert app.top is scene and scene.plan.loadout.crew == auto
    scene.open_crew()
    choice = app.top
    press(app, "down", "return")
    choice.use()
    assert scene.plan.loadout.crew != auto
    scene.open_crew()
    app.top.best()
    assert scene.plan.loadout.crew == auto and app.render().shown("(the best free)")


def test_six_bookings_show_whole_at_200_percent_in_reading_order(make_app) -> None:  # noqa: ANN001
    """At 200 % the plan keeps its room (its Schedule button never moves for the bookings): the bookings that fit
    show whole, row by row, and the rest are counted."""
    from dataclasses import replace

    from .conftest import texts_inside, type_line

    app, scene = planner(make_app)
    app.apply_settings(replace(app.settings, scale=200))
    for mission in ("small_satellite", "crewed_orbit", "comms_satellite", "crewed_orbit", "weather_satellite",
                    "navigation_satellite"):
        type_line(app, f"schedule {mission}")
    press(app, "f7")
    scene = app.top
    painter = app.render()
    texts_inside(painter, (1280, 720))
    shown = [button for button in scene.cancel_buttons if button.visible]
    assert len(scene.cancel_buttons) == 6 and len(shown) >= 2
    assert shown == scene.cancel_buttons[:len(shown)]  # the first to fly first
    if len(shown) < 6:
        assert painter.shown(f"… {6 - len(shown)} more")
    rects = [button.rect for button in shown]
    assert sorted(rects, key=lambda rect: (rect.y, rect.x)) == rects  # row by row, in the order they fly
    for button in shown:  # the label sits inside its border
        text = next(call for call in painter.transcript if call.kind == "text" and call.text == button.label)
        assert button.rect.y < text.rect[1] and text.rect[1] + text.rect[3] < button.rect.bottom


def test_both_crew_lists_share_one_dialog() -> None:
    """The planner's crew choice and a decision's crew picker share their list, Back, Esc and box (one place)."""
    from game.ui.window.scenes.crew_choice import CrewChoiceScene
    from game.ui.window.scenes.crew_dialog import CrewDialog
    from game.ui.window.scenes.crew_picker import CrewPickerScene

    for scene in (CrewChoiceScene, CrewPickerScene):
        assert issubclass(scene, CrewDialog)
        assert "on_key" not in vars(scene) and "handle" not in vars(scene) and "back" not in vars(scene)
