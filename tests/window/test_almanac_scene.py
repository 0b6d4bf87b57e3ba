"""The almanac tab: real history beside the player's race, a year at a time."""

from __future__ import annotations

import pytest

from game.app import views
from game.ui.window.intents import Wheel
from game.ui.window.scenes.almanac import AlmanacScene

from .conftest import close_overlays, press
from .test_game_over_scene import fits


def open_almanac(app) -> AlmanacScene:  # noqa: ANN001
    press(app, "f10")
    assert isinstance(app.top, AlmanacScene)
    app.render()
    return app.top


def chosen(scene: AlmanacScene) -> views.AlmanacYear:
    return scene.years[scene.year_list.selected]


def test_f10_opens_on_this_year_with_both_columns(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_almanac(app)
    state = app.play.state
    assert scene.title == "Almanac" and scene.focused() is scene.year_list
    assert chosen(scene).year == state.year
    painter = app.render()
    assert painter.shown("IN HISTORY") and painter.shown("IN YOUR RACE")
    assert painter.shown("the year you are playing")
    for year in (state.start_year, state.start_year + 5):
        assert painter.shown(str(year))  # the list of years
    press(app, "escape")
    assert app.top.name == "hq"


def test_up_and_down_move_a_year_and_the_page_follows(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_almanac(app)
    press(app, "down", "down")  # 1957: Sputnik
    row = chosen(scene)
    assert row.year == app.play.state.year + 2 and row.status == "future"
    painter = app.render()
    assert painter.shown("not played yet") and painter.shown("Not played yet")
    titles = [entry.title for entry in row.history]
    assert "First artificial satellite" in titles
    assert painter.shown("First artificial satellite") and painter.shown("4 Oct")
    marks = {call.text for call in painter.transcript if call.kind == "shape"}
    assert {"USA", "USSR"} <= marks
    press(app, "up")
    assert chosen(scene).year == app.play.state.year + 1
    press(app, "end")
    assert chosen(scene).year == app.play.state.end_year
    press(app, "home")
    assert chosen(scene).year == scene.years[0].year


def test_a_long_year_scrolls_with_page_keys_and_the_wheel(make_app) -> None:  # noqa: ANN001
    app = make_app(size=(1024, 600))
    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    scene = open_almanac(app)
    busiest = max(range(len(scene.years)), key=lambda index: len(scene.years[index].history))
    scene.year_list.select(busiest)
    painter = app.render()
    assert scene._max_scroll > 0 and painter.shown("more lines")
    press(app, "page down")
    assert scene.scroll > 0
    app.render()
    press(app, "page up")
    assert scene.scroll == 0
    app.dispatch(Wheel(scene.page_rect.centerx, scene.page_rect.centery, -1))
    assert scene.scroll == 3
    press(app, "down")
    assert scene.scroll == 0  # a new year starts at its top


def test_the_players_race_fills_in_as_years_end(game_app) -> None:  # noqa: ANN001
    app = game_app
    for _ in range(3):
        app.end_year()
        close_overlays(app)
    scene = open_almanac(app)
    state = app.play.state
    played = [row for row in scene.years if row.status == "past"]
    assert [row.year for row in played] == list(range(state.start_year, state.year))
    scene.year_list.select(scene.years.index(played[-1]))
    painter = app.render()
    row = chosen(scene)
    assert painter.shown("Year's end") and painter.shown(f"USA {state.sides['usa'].history[-1]['prestige']}")
    for entry in row.game:
        assert painter.shown(entry.title)
    claims = [claim for claim in state.claims if claim.year <= played[-1].year]
    if claims:  # whoever reached a milestone, the almanac lists it in its year
        year = next(r for r in scene.years if r.year == claims[0].year)
        assert any(entry.kind in ("first", "second") for entry in year.game)


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 600)])
def test_it_fits_at_4k_and_small_sizes(make_app, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = make_app(size=size)
    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    scene = open_almanac(app)
    for index in range(0, len(scene.years), 4):
        scene.year_list.select(index)
        painter = app.render()
        assert painter.shown("IN HISTORY")
        fits(painter, size)
