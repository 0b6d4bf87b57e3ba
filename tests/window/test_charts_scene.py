"""The charts tab: prestige, budget and support by year, readable without colour; and its pure helpers."""

from __future__ import annotations

import pygame
import pytest

from game.ui.window.intents import Click, Key, Motion, Text
from game.ui.window.scenes.charts import (
    ChartsScene,
    chart_points,
    history_series,
    nice_scale,
)

from .conftest import close_overlays, press, texts_inside
from .test_game_over_scene import fits

# -- the pure helpers ----------------------------------------------------------------------------------


def test_chart_points_spread_years_across_and_values_up() -> None:
    rect = pygame.Rect(10, 20, 101, 51)
    points = chart_points([(1957, 0), (1958, 50), (1959, 100)], rect, 0, 100)
    assert points == [(10, 70), (60, 45), (110, 20)]  # bottom-left, middle, top-right


def test_chart_points_edge_cases() -> None:
    rect = pygame.Rect(0, 0, 100, 100)
    assert chart_points([], rect, 0, 10) == []
    assert chart_points([(1960, 5)], rect, 0, 10) == [(50, 49)]  # one year: the middle
    assert chart_points([(1960, 5), (1961, 5)], rect, 5, 5) == [(0, 49), (99, 49)]  # a flat scale: half way
    assert chart_points([(1960, -50), (1961, 500)], rect, 0, 100) == [(0, 99), (99, 0)]  # clamped
    # a shared year axis: a side that started later begins further right
    assert chart_points([(1962, 0)], rect, 0, 10, x_min=1960, x_max=1964) == [(50, 99)]


def test_nice_scale_has_round_steps_that_hold_every_value() -> None:
    assert nice_scale([0, 34, 66]) == (0, 80, 20)
    assert nice_scale([]) == (0, 10, 5)
    low, high, step = nice_scale([-12, 40])
    assert low <= -12 and high >= 40 and step in (10, 20) and low % step == 0
    low, high, step = nice_scale([150, 1220])
    assert (low, high) == (0, 1500) and step == 500


# -- the scene -----------------------------------------------------------------------------------------


def open_charts(app) -> ChartsScene:  # noqa: ANN001
    press(app, "f9")
    assert isinstance(app.top, ChartsScene)
    app.render()
    return app.top


def test_f9_opens_the_charts_and_the_first_year_says_there_is_no_history_yet(make_app) -> None:  # noqa: ANN001
    app = make_app()
    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    scene = open_charts(app)
    assert scene.title == "Charts" and scene.focused() is scene.buttons[0]
    assert not app.play.state.sides["usa"].history
    painter = app.render()
    assert painter.shown("No year has ended yet")
    assert painter.shown("USA (you)") and painter.shown("USSR")  # the legend is never empty
    assert painter.shown(str(app.play.state.year))
    press(app, "escape")
    assert app.top.name == "hq"


def test_keys_1_2_3_and_the_buttons_switch_the_chart(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_charts(app)
    assert app.render().shown("PRESTIGE AT EACH YEAR'S END")
    for key, heading in (("2", "BUDGET ($M)"), ("3", "SUPPORT AT HOME"), ("1", "PRESTIGE")):
        app.dispatch(Key(key))
        app.dispatch(Text(key))  # the same keystroke as text: swallowed, not typed at the prompt
        assert app.render().shown(heading)
        assert scene.prompt.text == ""
    app.render()
    budget = scene.buttons[1]
    app.dispatch(Click(budget.rect.centerx, budget.rect.centery))
    assert scene.metric == 1
    state = app.play.state
    assert app.render().shown(f"${state.sides['usa'].budget}")  # the live value in the table
    press(app, "left")  # focus back on Prestige, Enter shows it
    press(app, "return")
    assert scene.metric == 0


def test_digits_go_to_the_command_line_while_a_command_is_typed(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_charts(app)
    app.dispatch(Text("fund vanguard "))
    app.dispatch(Key("2"))
    app.dispatch(Text("2"))
    assert scene.metric == 0 and scene.prompt.text == "fund vanguard 2"


def test_after_some_years_both_sides_are_lines_with_their_own_marks(game_app) -> None:  # noqa: ANN001
    app = game_app
    for _ in range(3):
        app.end_year()
        close_overlays(app)
    scene = open_charts(app)
    state = app.play.state
    series = history_series(state, "prestige")
    assert [year for year, _ in series["usa"]] == [1955, 1956, 1957, 1958]  # three closed years and this one
    assert series["ussr"][-1] == (state.year, state.sides["ussr"].prestige)
    painter = app.render()
    assert not painter.shown("No year has ended yet")
    lines = [call for call in painter.transcript if call.kind == "line" and call.text.endswith(" line")]
    assert {call.text for call in lines} == {"USA line", "USSR line"}
    marks = [call.text for call in painter.transcript if call.kind == "shape"]
    assert marks.count("USA") >= 4 and marks.count("USSR") >= 4  # a mark at every year (circle / triangle)
    for year in (1955, 1957):
        assert painter.shown(str(year))
    assert painter.shown("BY YEAR")
    press(app, "3")
    assert scene.metric == 2
    assert app.render().shown(f"{state.sides['usa'].history[-1]['support']}")


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 600)])
def test_it_fits_at_4k_and_small_sizes(make_app, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = make_app(size=size)
    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    open_charts(app)
    for key in ("1", "2", "3"):
        press(app, key)
        painter = app.render()
        assert painter.shown("BY YEAR")
        fits(painter, size)


# -- hover values, the year so far, the firsts, the support axis -----------------------------------------------


@pytest.fixture()
def history_app(make_app):  # noqa: ANN001, ANN201
    """A watched game (seed 4) played into 1962: years of history and firsts on both sides."""
    from .conftest import watched_game

    app = make_app()
    watched_game(app)
    while app.play.state.year < 1962:
        app.play.told(app.play.session.play_ai(whole_game=False))
    from game.ui.window.scenes.frame import tab_scene

    app.reset(tab_scene(app, "charts"))
    app.render()
    return app


def _centre(spot) -> tuple[int, int]:  # noqa: ANN001
    x, y, w, h = spot.rect
    return x + w // 2, y + h // 2


def test_the_pointer_over_a_point_shows_its_year_and_value(history_app) -> None:  # noqa: ANN001
    app = history_app
    scene = app.top
    assert isinstance(scene, ChartsScene)
    usa = app.play.state.sides["usa"]
    entry = next(entry for entry in usa.history if entry.get("year") == 1958)
    spot = next(spot for spot in scene.spots if spot.text.startswith("USA 1958:"))
    assert spot.text == f"USA 1958: {entry['prestige']}"
    assert not app.render().shown(spot.text)
    app.dispatch(Motion(*_centre(spot)))
    assert app.dirty and scene.hovered == spot
    painter = app.render()
    assert painter.shown(spot.text)
    assert any(call.kind == "rect" and call.text == "tooltip" for call in painter.transcript)
    app.dispatch(Motion(2, 2))  # away from every point: the words go
    assert scene.hovered is None and not app.render().shown(spot.text)
    app.dispatch(Motion(2, 3))  # moving about where nothing is does not redraw
    assert not app.dirty


def test_the_year_so_far_is_hollow_and_labelled(history_app) -> None:  # noqa: ANN001
    app = history_app
    scene = app.top
    year = app.play.state.year
    painter = app.render()
    assert painter.shown(f"{year} so far")
    hollow = [call for call in painter.transcript if call.kind == "shape" and call.text.endswith("(hollow)")]
    assert {call.text for call in hollow} == {"USA (hollow)", "USSR (hollow)"}  # the year so far, each side
    live = next(spot for spot in scene.spots if spot.text.startswith(f"USA {year}:"))
    assert live.text.endswith("so far this year")
    final = [spot for spot in scene.spots if spot.text.startswith("USA ") and "so far" not in spot.text]
    assert len(final) == year - 1955  # every year's end is a solid point
    app.dispatch(Motion(*_centre(live)))
    assert app.render().shown(live.text)


def test_the_firsts_won_sit_on_the_timeline_and_name_themselves(history_app) -> None:  # noqa: ANN001
    app = history_app
    scene = app.top
    state, content = app.play.state, app.play.content
    firsts = [claim for claim in state.claims if claim.first]
    assert firsts
    painter = app.render()
    marks = [call.text for call in painter.transcript if call.kind == "shape" and call.text.startswith("first: ")]
    assert sorted(marks) == sorted(f"first: {content.milestones[claim.milestone].name}" for claim in firsts)
    claim = firsts[0]
    name = content.milestones[claim.milestone].name
    spot = next(spot for spot in scene.spots if spot.text.endswith(f"first — {name}"))
    assert str(claim.year) in spot.text and ("USA" if claim.side == "usa" else "USSR") in spot.text
    assert not painter.shown(name)
    app.dispatch(Motion(*_centre(spot)))
    assert app.render().shown(spot.text)
    app.dispatch(Key("2"))  # another chart: the words go until the pointer moves again
    assert scene.hovered is None and not app.render().shown(spot.text)


def test_the_support_axis_runs_to_100(history_app) -> None:  # noqa: ANN001
    app = history_app
    app.dispatch(Key("3"))
    painter = app.render()
    assert painter.shown("SUPPORT AT HOME")
    labels = [call for call in painter.transcript if call.kind == "text" and call.text in ("100", "80", "60", "40", "20")]
    assert {call.text for call in labels} == {"100", "80", "60", "40", "20"}
    values = [spot for spot in app.top.spots if spot.text.startswith(("USA", "USSR"))]
    assert all(int(spot.text.split(": ")[1].split()[0]) <= 100 for spot in values)
    texts_inside(painter, (1280, 720))


def test_a_first_sits_under_its_own_year(history_app) -> None:  # noqa: ANN001
    """A first of October 1957 sits under the label 1957 (the months spread across that year), not between 1956
    and 1957 where a reader would take it for a first of 1956."""
    import pygame

    from game.ui.window.chart import chart_points, marker_x

    inset = pygame.Rect(100, 0, 701, 10)  # 1955–1962: a year every 100 pixels
    tick = chart_points([(1957, 0)], inset, 0, 1, 1955, 1962)[0][0]
    assert tick == 300
    january, june, december = (marker_x(inset, 1957, month, 1955, 1962) for month in (1, 6, 12))
    assert tick - 50 < january < june <= tick < december < tick + 50
    assert marker_x(inset, 1955, 1, 1955, 1962) == inset.x  # the first year's January stays on the axis
    app = history_app
    scene = app.top
    points = {int(spot.text.split()[1].rstrip(":")): _centre(spot)[0] for spot in scene.spots
              if spot.text.startswith("USA 1") and ":" in spot.text}
    firsts = [spot for spot in scene.spots if " first — " in spot.text]
    assert firsts
    for spot in firsts:
        year = int(spot.text.split(":")[0].split()[-1])
        x = _centre(spot)[0]
        nearest = min(points, key=lambda found: abs(points[found] - x))
        assert nearest == year, spot.text
