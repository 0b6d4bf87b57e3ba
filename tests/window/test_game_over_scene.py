"""The game-over summary: a short scenario played to its end by ending years, then the result and its buttons."""

from __future__ import annotations

import pytest

from game.app import views
from game.ui.window.scenes.game_over import GameOverScene

from .conftest import close_overlays, press, settle


def play_to_the_end(app, limit: int = 30) -> None:  # noqa: ANN001
    """End years (closing the flights, reports and cards between them) until the race is over."""
    for _ in range(limit):
        if app.play.game_over:
            break
        app.end_year()
        if not app.play.game_over:
            close_overlays(app)
    assert app.play.game_over


def close_to(app, kind: type, limit: int = 20):  # noqa: ANN001, ANN201
    """Press Esc on whatever is above a scene of this kind until it is on top."""
    for _ in range(limit):
        if isinstance(app.top, kind):
            return app.top
        press(app, "escape")
        settle(app)
    raise AssertionError(f"{app.top!r} is still above the {kind.__name__}")


def fits(painter, size: tuple[int, int]) -> None:  # noqa: ANN001
    """Every text drawn is inside the window."""
    for call in painter.transcript:
        if call.kind == "text":
            x, y, w, h = call.rect
            assert x >= 0 and x + w <= size[0] + 1 and y >= 0 and y + h <= size[1] + 1, (call.text, call.rect, size)


@pytest.fixture()
def over_app(make_app):  # noqa: ANN001, ANN201
    """Sputnik Shock (five years) as the USA, played to the end by ending every year."""

    def make(size: tuple[int, int] = (1280, 720)):  # noqa: ANN202
        app = make_app(size=size)
        app.new_game("sputnik_shock", "usa", 3)
        close_overlays(app)
        play_to_the_end(app)
        return app

    return make


def test_a_game_played_to_the_end_shows_the_result(over_app) -> None:  # noqa: ANN001
    app = over_app()
    assert isinstance(app.stack[0], GameOverScene)  # under the last flights and the last year-end report
    scene = close_to(app, GameOverScene)
    view = views.result(app.play.state, app.play.content)
    painter = app.render()
    verdict = "DRAW" if view.winner == "draw" else "YOU WIN" if view.winner == "usa" else "YOU LOSE"
    assert painter.shown(verdict)
    assert painter.shown("the final year is over") if view.reason == "time" else painter.shown("The game ended because")
    assert painter.shown(f"USA (you): {view.prestige['usa']} prestige")
    assert painter.shown(f"USSR: {view.prestige['ussr']} prestige")
    assert painter.shown("Prestige by year") or painter.shown("PRESTIGE BY YEAR")
    for entry in view.history["usa"]:
        assert painter.shown(str(entry["year"]))  # the chart's year axis
    marks = [call for call in painter.transcript if call.kind == "shape"]
    assert {call.text for call in marks} >= {"USA", "USSR"}  # circles and triangles, not colour alone
    firsts = [row for row in view.race if row.first_side]
    for row in firsts[:3]:
        assert painter.shown(row.name)
    counts = {side: sum(1 for row in view.race if row.first_side == side) for side in ("usa", "ussr")}
    assert painter.shown(f"USSR {counts['ussr']}")
    for label in ("Race board", "Almanac", "Save", "Title screen", "Quit"):
        assert painter.shown(label)
    assert scene.focused() is scene.buttons[0]
    state = app.play.state
    for winner, words in (("usa", "YOU WIN"), ("ussr", "YOU LOSE"), ("draw", "DRAW")):
        state.winner = winner  # the same screen for each verdict
        assert app.render().shown(words)
    state.winner = "ussr"
    app.play.spectator = True  # a spectator is told who won, not "you"
    painter = app.render()
    assert painter.shown("USSR WINS") and not painter.shown("YOU LOSE")


def test_its_buttons_open_the_race_board_and_almanac_and_come_back(over_app) -> None:  # noqa: ANN001
    app = over_app()
    close_to(app, GameOverScene)
    press(app, "r")
    assert app.top.name == "race" and app.render().shown("Back to the result")
    press(app, "escape")
    assert isinstance(app.top, GameOverScene)
    press(app, "tab")  # to Almanac, then Enter
    press(app, "return")
    assert app.top.name == "almanac"
    press(app, "escape")
    assert isinstance(app.top, GameOverScene)
    press(app, "f9")  # the tabs work too while the finished game is open
    assert app.top.name == "charts"
    app.render()
    app.top.result_button.press()
    assert isinstance(app.top, GameOverScene)


def test_save_title_and_quit(over_app) -> None:  # noqa: ANN001
    from game.ui.window.scenes.saves import SavesScene

    app = over_app()
    close_to(app, GameOverScene)
    press(app, "s")
    assert isinstance(app.top, SavesScene) and app.top.mode == "save"
    press(app, "escape")
    settle(app)
    assert isinstance(app.top, GameOverScene)
    app.render()
    app.top.buttons[3].press()  # Title screen
    assert app.play is None and app.top.name == "title"
    app2 = over_app()
    close_to(app2, GameOverScene)
    press(app2, "q")
    assert app2.running is False


@pytest.mark.parametrize("size", [(3840, 2160), (1024, 600), (960, 540)])
def test_it_renders_at_4k_and_small_sizes(over_app, size: tuple[int, int]) -> None:  # noqa: ANN001
    app = over_app(size)
    close_to(app, GameOverScene)
    painter = app.render()
    assert painter.shown("Race board")
    fits(painter, size)


def test_the_final_result_is_autosaved_and_continue_shows_it(make_app, tmp_path) -> None:  # noqa: ANN001
    import json

    from game.ui.window.scenes.game_over import GameOverScene

    from .conftest import close_overlays, settle

    app = make_app()
    app.new_game("sputnik_shock", "usa", 5)
    for _ in range(30):
        if app.play.game_over:
            break
        close_overlays(app)
        app.end_year()
    assert app.play.game_over
    settle(app)
    saved = json.loads((tmp_path / "saves" / "autosave.json").read_text())
    assert saved["state"]["over"] is True  # the final state, not the year before
    app.quit_to_title()
    settle(app)
    app.load_game(tmp_path / "saves" / "autosave.json")
    settle(app)
    assert isinstance(app.top, GameOverScene)


def test_after_the_race_the_screens_give_no_orders(make_app) -> None:  # noqa: ANN001
    from .conftest import close_overlays

    app = make_app()
    app.new_game("sputnik_shock", "usa", 5)
    for _ in range(30):
        if app.play.game_over:
            break
        close_overlays(app)
        app.end_year()
    assert app.play.game_over and app.play.no_orders.startswith("The race is over")
    app.show_tab("missions")
    app.render()
    assert not app.top.schedule_button.enabled
    app.show_tab("programs")
    app.render()
    assert not app.top.start_button.enabled and not app.top.plus_button.enabled


def test_the_result_lists_the_promises_kept_broken_and_open(story_app) -> None:  # noqa: ANN001
    from game.app.ledger import ledger
    from game.engine.orders import Choose

    app = story_app()
    assert app.submit(Choose(side="usa", event="budget_memo", choice="spend")) is not None  # a second promise
    close_overlays(app)
    play_to_the_end(app)
    close_to(app, GameOverScene)
    promises = ledger(app.play.state, app.play.content, "usa").promises
    assert {promise.status for promise in promises} <= {"kept", "broken", "open"} and len(promises) == 2
    painter = app.render()
    assert painter.shown("PROMISES")
    words = {"kept": "Kept", "broken": "Broken", "open": "Still open"}
    for promise in promises:
        when = f" in {promise.settled}" if promise.settled else f" (due by {promise.deadline})"
        assert painter.shown(f"{words[promise.status]}{when}: {promise.name}")
    fits(painter, (1280, 720))
    press(app, "l")
    assert app.top.name == "ledger"
    painter = app.render()
    assert painter.shown("Back to the result")


@pytest.mark.parametrize("size", [(1024, 576), (3840, 2160)])
def test_the_promises_panel_fits_at_other_sizes(story_app, size) -> None:  # noqa: ANN001
    app = story_app(size=size)
    close_overlays(app)
    play_to_the_end(app)
    close_to(app, GameOverScene)
    painter = app.render()
    assert painter.shown("PROMISES") and painter.shown("An American in orbit by 1963")
    fits(painter, size)


def test_no_promises_no_panel(over_app) -> None:  # noqa: ANN001
    app = over_app()
    close_to(app, GameOverScene)
    app.play.state.sides["usa"].promises = []
    assert not app.render().shown("PROMISES")
