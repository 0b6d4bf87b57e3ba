"""The year-end report: drawn from the year's outcomes (the player's numbers, the rival's public ones, the
milestones, flights, crew, programs and defaulted decisions), closed by Enter, Space or Esc."""

from __future__ import annotations

import pytest

from game.engine import outcomes as out
from game.ui.window.scenes.year_end import YearEndScene

from .conftest import close_overlays, press
from .test_game_over_scene import fits


def year_outcomes(year: int, flights: int = 2) -> list[out.Outcome]:
    steps = (out.StepResult("launch", "Launch", 900, True),)
    flown = [out.MissionFlew(side="usa" if index % 2 == 0 else "ussr", number=index + 1, mission="small_satellite",
                             year=year, month=1 + index % 12, day=1 + index % 28, rocket="vanguard", craft="explorer",
                             lander="", crew=(), result="success" if index % 3 else "failure", steps=steps,
                             prestige=5 if index % 3 else -2)
             for index in range(flights)]
    return [
        *flown,
        out.MilestoneClaimed(side="usa", milestone="satellite_orbit", year=year, month=3, first=True, prestige=30,
                             mission="small_satellite"),
        out.MilestoneClaimed(side="ussr", milestone="satellite_orbit", year=year, month=5, first=False, prestige=10,
                             mission="small_satellite"),
        out.CrewLost(side="ussr", crew="Ivan Testov", cause="training_accident"),
        out.CrewInjured(side="usa", crew="Al Tester", until=year + 2, cause="training"),
        out.ProgramDeveloped(side="usa", program="vanguard", year=year),
        out.ProgramGrounded(side="usa", program="explorer", cause="failure"),
        out.ChoiceMade(side="usa", event="vanguard_or_orbiter", choice="vanguard", by_default=True),
        out.YearReport(side="ussr", year=year, prestige=44, prestige_change=-3, support=61, support_change=4,
                       next_budget=999, carried_over=11),
        out.YearReport(side="usa", year=year, prestige=37, prestige_change=12, support=55, support_change=-2,
                       next_budget=412, carried_over=25),
        out.YearBegan(side="usa", year=year + 1, budget=412, support=55),
        out.ProgramDeveloped(side="usa", program="juno_i", year=year + 1),  # next year's: not in this report
    ]


def show(app, outcomes: list[out.Outcome]) -> YearEndScene:  # noqa: ANN001
    scene = YearEndScene(app, outcomes)
    app.push(scene)
    return scene


def test_it_reports_the_year_from_its_outcomes(game_app) -> None:  # noqa: ANN001
    app = game_app
    year = app.play.state.year
    scene = show(app, year_outcomes(year))
    assert scene.opaque and app.top is scene
    painter = app.render()
    assert painter.shown("YEAR-END REPORT") and painter.shown(str(year))
    # the player's report
    assert painter.shown("37") and painter.shown("(+12)") and painter.shown("55/100") and painter.shown("(-2)")
    assert painter.shown(f"Budget for {year + 1}") and painter.shown("$412M")
    assert painter.shown("including $25M carried over")
    # the rival's public numbers only: prestige, never its budget or support
    assert painter.shown("USSR (rival)") and painter.shown("44") and painter.shown("(-3)")
    assert not painter.shown("$999M") and not painter.shown("61/100")
    # milestones, first and second, with the side's label and mark
    assert painter.shown("USA FIRST: First artificial satellite")
    assert painter.shown("USSR second: First artificial satellite")
    assert painter.shown("+30")
    # flights: mission, result
    name = app.play.content.missions["small_satellite"].name
    assert painter.shown(f"USA  {name}") and painter.shown(f"USSR  {name}")
    assert painter.shown("FAILED") and painter.shown("SUCCESS")
    # crew, programs and decisions in the narration's words
    assert painter.shown("Ivan Testov was killed in a training accident")
    assert painter.shown("Al Tester was injured")
    assert painter.shown("has finished development and is ready to fly")
    assert painter.shown("is grounded for the rest of the year")
    assert painter.shown("No decision was taken on")
    assert not painter.shown("Juno")  # next year's outcome is left for next year
    shapes = {call.text for call in painter.transcript if call.kind == "shape"}
    assert shapes >= {"USA", "USSR"}
    assert painter.shown("Continue") and scene.focused() is scene.button


def test_a_quiet_year_says_so(game_app) -> None:  # noqa: ANN001
    app = game_app
    year = app.play.state.year
    show(app, [out.YearReport(side="usa", year=year, prestige=0, prestige_change=0, support=50, support_change=0,
                              next_budget=100, carried_over=0)])
    painter = app.render()
    for text in ("No milestone was reached this year.", "Nobody flew this year.", "No one was lost or hurt.",
                 "Every decision was taken in time.", "nothing carried over", "No news from the rival."):
        assert painter.shown(text), text


@pytest.mark.parametrize("key", ["return", "space", "escape"])
def test_enter_space_and_esc_close_it(game_app, key: str) -> None:  # noqa: ANN001
    app = game_app
    scene = show(app, year_outcomes(app.play.state.year))
    app.render()
    press(app, key)
    assert scene not in app.stack and app.top.name == "hq"


def test_a_long_year_scrolls(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = show(app, year_outcomes(app.play.state.year, flights=40))
    painter = app.render()
    assert painter.shown("more below")
    press(app, "end")
    painter = app.render()
    assert scene.scroll > 0 and painter.shown("Up / Page Up to scroll back")
    press(app, "home")
    assert scene.scroll == 0
    press(app, "page down")
    assert scene.scroll > 0
    press(app, "up")
    app.render()
    assert app.top is scene  # scrolling never closes it


def test_ending_a_year_in_the_game_presents_the_report(game_app) -> None:  # noqa: ANN001
    app = game_app
    year = app.play.state.year
    app.end_year()
    scenes = [scene for scene in app.stack if isinstance(scene, YearEndScene)]
    assert len(scenes) == 1 and scenes[0].year == year
    for _ in range(10):
        if app.top is scenes[0]:
            break
        press(app, "escape")
    assert app.top is scenes[0]
    assert app.render().shown(f"Budget for {year + 1}")
    press(app, "return")
    close_overlays(app)
    assert app.top.name == "hq" and app.play.state.year == year + 1


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 600)])
def test_it_fits_at_4k_and_small_sizes(make_app, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = make_app(size=size)
    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    show(app, year_outcomes(app.play.state.year, flights=12))
    painter = app.render()
    assert painter.shown("Continue")
    fits(painter, size)
