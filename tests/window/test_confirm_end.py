"""Ending a year in the window with something to lose asks first, with the same warnings as the terminal; Esc goes
back to the year, Enter ends it; the settings can turn the question off."""

from __future__ import annotations

from dataclasses import replace

from game.app import year_end_check
from game.ui.window.scenes.confirm_end import ConfirmEndScene

from .conftest import close_overlays, press, settle, type_line


def test_ctrl_e_with_money_and_a_decision_waiting_asks_first(game_app) -> None:  # noqa: ANN001
    app = game_app
    warnings = year_end_check.warnings(app.play.state, app.play.content, "usa")
    assert any("treasury" in text for text in warnings) and any("decision" in text for text in warnings)
    press(app, "e", ctrl=True)
    assert isinstance(app.top, ConfirmEndScene)
    painter = app.render()
    text = " ".join(call.text for call in painter.transcript if call.kind == "text")
    assert "END THE YEAR?" in text and "treasury" in text and "default will stand" in text
    assert painter.shown("End the year anyway") and painter.shown("Back to the year")
    press(app, "escape")  # back: nothing happened
    assert not isinstance(app.top, ConfirmEndScene) and app.play.state.year == 1955
    press(app, "e", ctrl=True)
    press(app, "return")  # the focused button: end the year anyway
    settle(app)
    assert app.play.state.year == 1956


def test_typed_end_asks_too_and_end_yes_does_not(game_app) -> None:  # noqa: ANN001
    app = game_app
    type_line(app, "end")
    assert isinstance(app.top, ConfirmEndScene)
    press(app, "escape")
    type_line(app, "end yes")
    settle(app)
    assert app.play.state.year == 1956


def test_the_settings_can_turn_the_question_off(game_app) -> None:  # noqa: ANN001
    app = game_app
    app.apply_settings(replace(app.settings, confirm=False))
    press(app, "e", ctrl=True)
    settle(app)
    assert not isinstance(app.top, ConfirmEndScene) and app.play.state.year == 1956
    close_overlays(app)


def test_a_new_command_brings_the_scrolled_feed_back_to_its_answer(game_app) -> None:  # noqa: ANN001
    app = game_app
    for _ in range(3):
        type_line(app, "help")  # plenty of lines in the feed
    scene = app.top
    press(app, "page up")
    press(app, "page up")
    app.render()
    assert scene.feed_scroll > 0
    type_line(app, "status")
    assert scene.feed_scroll == 0  # the feed follows the new command's answer
    painter = app.render()
    assert not painter.shown("lines below")


def test_help_in_the_window_reads_in_columns(game_app) -> None:  # noqa: ANN001
    app = game_app
    app.render()
    type_line(app, "help")
    press(app, "page up")  # up among the commands
    painter = app.render()
    rows = [call for call in painter.transcript if call.kind == "text" and call.text.startswith(("end [yes] ", "where "))]
    assert len(rows) == 2
    widths = {round(call.rect[2] / len(call.text), 3) for call in rows}
    assert len(widths) == 1  # every character as wide as the next: a fixed-width face, so the columns line up


def test_support_near_collapse_shows_in_colour_with_its_fall(game_app) -> None:  # noqa: ANN001
    app = game_app
    own = app.play.state.sides["usa"]
    painter = app.render()
    calm = [call for call in painter.transcript if call.kind == "text" and call.text.startswith("Support ")]
    assert calm and calm[0].colour == "text"
    own.history.append({"year": 1955, "prestige": 0, "budget": 60, "support": 20, "unspent": 0})
    own.history.append({"year": 1956, "prestige": 0, "budget": 60, "support": 12, "unspent": 0})
    own.support = 12
    painter = app.render()
    alarm = [call for call in painter.transcript if call.kind == "text" and call.text.startswith("Support 12/100")]
    assert alarm and alarm[0].colour == "bad" and "collapse at 0, -8 last year" in alarm[0].text


def test_buttons_keep_their_place_as_their_labels_change(game_app) -> None:  # noqa: ANN001
    from game.ui.window.scenes.programs import ProgramsScene

    app = game_app
    app.show_tab("programs")
    scene = app.top
    assert isinstance(scene, ProgramsScene)
    scene.select("explorer")
    app.render()
    before = scene.start_button.rect.copy()
    type_line(app, "start explorer")
    scene.select("explorer")
    app.render()
    assert scene.start_button.label == "Under way" and scene.start_button.rect == before


def test_stacked_cards_show_one_at_a_time(game_app) -> None:  # noqa: ANN001
    from game.ui.window.scenes.event_card import EventCardScene

    app = game_app
    event = next(iter(app.play.content.events))
    app.push(EventCardScene(app, "vanguard_or_orbiter"))
    app.push(EventCardScene(app, event))
    painter = app.render()
    titles = [call.text for call in painter.transcript if call.kind == "text" and call.text == "Whose Rocket?"]
    assert not titles  # the card beneath waits its turn: nothing of it shows through
    press(app, "escape")
    painter = app.render()
    assert painter.shown("Whose Rocket?")


def test_the_confirm_card_names_enter_on_the_focused_button_and_nothing_moves(game_app) -> None:  # noqa: ANN001
    from game.ui.window.scenes.confirm_end import ConfirmEndScene

    app = game_app
    press(app, "e", ctrl=True)
    scene = app.top
    assert isinstance(scene, ConfirmEndScene)
    painter = app.render()
    assert painter.shown("End the year anyway  [Enter]")
    before = (scene.end_button.rect.copy(), scene.back_button.rect.copy())
    press(app, "tab")
    painter = app.render()
    assert scene.focused() is scene.back_button and not painter.shown("[Enter]")
    assert (scene.end_button.rect, scene.back_button.rect) == before
