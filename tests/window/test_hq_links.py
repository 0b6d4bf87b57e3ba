"""Every item on the HQ is a link to where it is fixed, with the thing selected, by click or by Tab and Enter:
programs, open firsts, booked flights, the money line, and each warning (naming every program it needs)."""

from __future__ import annotations

import pytest

from game.ui.window.intents import Click
from game.ui.window.scenes.budget import BudgetScene
from game.ui.window.scenes.hq import HQScene
from game.ui.window.scenes.planner import PlannerScene
from game.ui.window.scenes.programs import ProgramsScene

from .conftest import close_overlays, press, tab_to, texts_inside, type_line


@pytest.fixture()
def booked(make_app):  # noqa: ANN001, ANN201
    """Détente (1969) with three flights booked, on the HQ."""
    app = make_app()
    app.new_game("detente", "usa", 7)
    close_overlays(app)
    for line in ("schedule small_satellite", "schedule crewed_orbit", "schedule comms_satellite"):
        type_line(app, line)
    app.show_tab("hq")
    app.render()
    return app


def hq(app) -> HQScene:  # noqa: ANN001
    scene = app.top
    assert isinstance(scene, HQScene)
    return scene


def test_a_program_row_leads_to_programs_with_it_selected(booked) -> None:  # noqa: ANN001
    scene = hq(booked)
    link = scene.panels.program_links[2]
    row = scene.panels.program_rows[2]
    assert link.visible
    tab_to(booked, link)
    booked.render()
    press(booked, "return")
    assert isinstance(booked.top, ProgramsScene) and booked.top.selected_id == row.id


def test_a_click_on_a_program_row_follows_it(booked) -> None:  # noqa: ANN001
    scene = hq(booked)
    link, row = scene.panels.program_links[0], scene.panels.program_rows[0]
    booked.dispatch(Click(*link.rect.center))
    assert isinstance(booked.top, ProgramsScene) and booked.top.selected_id == row.id


def test_a_booked_flight_leads_to_the_planner_with_its_mission_and_its_cancel(booked) -> None:  # noqa: ANN001
    scene = hq(booked)
    painter = booked.render()
    bookings = scene.panels.bookings
    assert [booking.number for booking in bookings] and all(link.visible for link in scene.panels.booking_links)
    crewed = next(booking for booking in bookings if booking.crew)
    assert painter.shown(crewed.crew)  # who flies it is on the HQ
    index = bookings.index(crewed)
    tab_to(booked, scene.panels.booking_links[index])
    press(booked, "return")
    planner = booked.top
    assert isinstance(planner, PlannerScene) and planner.selected_id == "crewed_orbit"
    assert planner.focused() is planner.cancel_buttons[index]


def test_the_money_warning_and_the_money_line_lead_to_the_budget(booked) -> None:  # noqa: ANN001
    scene = hq(booked)
    painter = booked.render()
    assert painter.shown("would go back to the treasury")
    budget = next(link for link, item in zip(scene.attention_links, scene.items) if item.place.screen == "budget")
    tab_to(booked, budget)
    press(booked, "return")
    assert isinstance(booked.top, BudgetScene)
    booked.show_tab("hq")
    booked.render()
    booked.dispatch(Click(*hq(booked).panels.money_link.rect.center))
    assert isinstance(booked.top, BudgetScene)


def test_an_open_first_leads_to_the_mission_that_claims_it(booked) -> None:  # noqa: ANN001
    scene = hq(booked)
    first = scene.panels.firsts[0]
    assert first.mission and scene.panels.first_links[0].visible
    tab_to(booked, scene.panels.first_links[0])
    press(booked, "return")
    assert isinstance(booked.top, PlannerScene) and booked.top.selected_id == first.mission


def test_a_warning_names_every_program_missing_each_a_link(game_app) -> None:  # noqa: ANN001
    app = game_app  # 1955: nothing can fly the first satellite yet
    scene = hq(app)
    painter = app.render()
    item = next(item for item in scene.items if item.place.screen == "missions")
    names = [link.label for link in item.links]
    assert len(names) >= 2 and all(name in item.fact for name in names)
    chips = scene.attention_chips[scene.items.index(item)]
    assert [chip.label for chip in chips] == names
    assert all(chip.visible for chip in chips) and all(painter.shown(name) for name in names)
    tab_to(app, chips[1])
    press(app, "return")
    assert isinstance(app.top, ProgramsScene) and app.top.selected_id == item.links[1].place.id


@pytest.mark.parametrize("scale", [150, 200])
def test_the_hq_fits_at_large_scales(booked, scale) -> None:  # noqa: ANN001
    from dataclasses import replace

    booked.apply_settings(replace(booked.settings, scale=scale))
    scene = hq(booked)
    painter = booked.render()
    texts_inside(painter, (1280, 720))
    tabs = [tab.rect for tab in scene.tabs] + [scene.end_button.rect, scene.menu_button.rect]
    assert len({rect.y for rect in tabs}) == 1  # the tab bar never wraps
    assert all(link.visible for link in scene.panels.booking_links)  # three flights: all listed
    for button in scene.decision_buttons:  # the text sits inside its border, descenders and all
        text = next(call for call in painter.transcript if call.kind == "text" and call.text == button.text())
        assert text.rect[1] > button.rect.y and text.rect[1] + text.rect[3] < button.rect.bottom
