"""The race board tab: every milestone from the view-model, first and second with side marks and labels,
the real history, and the selected milestone's story."""

from __future__ import annotations

import pytest

from game.app import views
from game.engine.state import Claim
from game.ui.window.intents import Click
from game.ui.window.scenes.race import RaceScene

from .conftest import close_overlays, press
from .test_game_over_scene import fits


def open_race(app) -> RaceScene:  # noqa: ANN001
    press(app, "f8")
    assert isinstance(app.top, RaceScene)
    app.render()
    return app.top


def claim(app, milestone: str, side: str, year: int, month: int, first: bool) -> None:  # noqa: ANN001
    app.play.state.claims.append(Claim(milestone, side, year, month, first))
    app.play.version += 1


def test_f8_opens_the_board_from_the_hq_and_esc_goes_back(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_race(app)
    assert scene.title == "Race" and scene.focused() is scene.board
    press(app, "escape")
    assert app.top.name == "hq"


def test_it_shows_every_milestone_with_the_real_history(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_race(app)
    rows = views.race_board(app.play.state, app.play.content)
    assert [row.id for row in scene.rows] == [row.id for row in rows]
    painter = app.render()
    for label in ("Milestone", "First", "Second", "In history"):
        assert painter.shown(label)
    decisive = [row for row in rows if row.decisive]
    scene.board.select(rows.index(decisive[0]))  # it comes in the era's order, perhaps below the fold
    painter = app.render()
    assert decisive and painter.shown("★ " + decisive[0].name)
    assert painter.shown(decisive[0].history)  # "USA, 1969-07-20"
    milestone = app.play.content.milestones[decisive[0].id]
    assert painter.shown(f"+{milestone.prestige_first} for the first")
    assert painter.shown(f"In history ({milestone.history.side.upper()}, {milestone.history.date})")


def test_claims_show_who_was_first_and_second_and_when(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_race(app)
    claim(app, "satellite_orbit", "ussr", 1957, 10, True)
    claim(app, "satellite_orbit", "usa", 1958, 1, False)
    painter = app.render()
    index = [row.id for row in scene.rows].index("satellite_orbit")
    scene.board.select(index)
    painter = app.render()
    assert painter.shown("USSR Oct 1957") and painter.shown("USA Jan 1958")
    assert painter.shown("USSR, Oct 1957") and painter.shown("USA (you), Jan 1958")  # the detail panel
    assert painter.shown("USA (you) 0") and painter.shown("USSR 1")  # firsts so far
    labels = [call.text for call in painter.transcript if call.kind == "shape"]
    assert "USA" in labels and "USSR" in labels  # a circle and a triangle beside the labels


def test_arrows_choose_a_milestone_and_the_detail_follows(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_race(app)
    content = app.play.content
    press(app, "down")
    assert scene.board.selected == 1
    painter = app.render()
    second = content.milestones[scene.rows[1].id]
    assert painter.shown(second.name)
    assert painter.shown(second.description.split(" ")[0])
    press(app, "end")
    assert scene.board.selected == len(scene.rows) - 1
    painter = app.render()
    assert painter.shown(scene.rows[-1].name)  # scrolled into view
    press(app, "home")
    assert scene.board.selected == 0
    app.render()
    row = scene.board.rect.y + 3 * app.theme.px(scene.board.row_height) + 2
    app.dispatch(Click(scene.board.rect.x + 20, row))
    assert scene.board.selected == 3


def test_typing_still_reaches_the_command_line(game_app) -> None:  # noqa: ANN001
    from .conftest import type_line

    app = game_app
    open_race(app)
    type_line(app, "race")
    assert app.top.name == "race"
    assert any("Milestone" in line.text or "First" in line.text for line in app.play.feed[-30:])


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 600)])
def test_it_fits_at_4k_and_small_sizes(make_app, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = make_app(size=size)
    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    scene = open_race(app)
    claim(app, "satellite_orbit", "ussr", 1957, 10, True)
    painter = app.render()
    assert painter.shown(scene.rows[0].name)
    fits(painter, size)


def test_the_board_runs_in_the_eras_order_with_open_ones_marked(game_app) -> None:  # noqa: ANN001
    """The firsts in the order the real race reached them (not the decisive one first, then by id), and a first
    nobody holds says OPEN where a held one names its side and date."""
    app = game_app
    scene = open_race(app)
    content = app.play.content
    dates = [content.milestones[row.id].history.date for row in scene.rows]
    assert [date for date in dates if date] == sorted(date for date in dates if date)
    assert scene.rows[0].id == "satellite_orbit" and scene.rows[-1].id != "crewed_lunar_landing"
    ids = [row.id for row in scene.rows]
    assert ids.index("human_in_space") < ids.index("crewed_orbit")  # the same day: the smaller prize first
    claim(app, "satellite_orbit", "ussr", 1957, 10, True)
    painter = app.render()
    assert not scene.rows[0].open and scene.rows[1].open
    first = [call for call in painter.transcript if call.kind == "text" and call.text == "USSR Oct 1957"]
    opens = [call for call in painter.transcript if call.kind == "text" and call.text == "OPEN"]
    assert len(first) == 1 and len(opens) >= 5  # every other row in view says OPEN
    assert all(call.rect[1] > first[0].rect[1] for call in opens)  # below the held first, in the era's order
