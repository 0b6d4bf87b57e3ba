"""The new-game screen: side, scenario, opponent, difficulty and seed, by keyboard and by mouse."""

from __future__ import annotations

from dataclasses import replace

from game.ui.window.intents import Click, Key, Text
from game.ui.window.scenes.new_game import SEED_MAX, NewGameScene

from .conftest import press, settle, type_line


def open_new_game(make_app, **options):  # noqa: ANN001, ANN003, ANN201
    app = make_app(**options)
    settle(app)
    press(app, "n")
    assert isinstance(app.top, NewGameScene)
    return app


def test_keyboard_only_from_the_title(make_app) -> None:  # noqa: ANN001
    app = open_new_game(make_app)
    scene = app.top
    assert scene.focused() is scene.side_row
    press(app, "right")  # side: USA → USSR
    press(app, "down", "right")  # scenario: the next one
    press(app, "down", "right")  # difficulty: normal → hard
    press(app, "down")  # the seed field
    assert scene.focused() is scene.seed_field
    type_line(app, "4242")  # Enter starts
    assert app.play is not None
    assert app.play.side == "ussr"
    assert app.play.session.record.seed == 4242
    assert app.play.session.record.difficulty == "hard"
    assert app.play.state.scenario == scene.scenarios[(scene.scenarios.index("full_campaign") + 1) % len(scene.scenarios)]
    assert app.top.name == "hq" or app.stack[0].name == "hq"


def test_it_shows_the_choices_from_the_content(make_app) -> None:  # noqa: ANN001
    app = open_new_game(make_app)
    painter = app.render()
    scenario = app.content.scenarios["full_campaign"]
    assert painter.shown(scenario.name)
    assert painter.shown("1955–1975")
    assert painter.shown(scenario.description.split(".")[0])
    assert painter.shown("usual side: USA")
    assert painter.shown("Strategic AI")  # the opponent: fixed and explained, not a choice
    assert painter.shown("118 %") is False and painter.shown("100 %")
    sides = [call.text for call in painter.transcript if call.kind == "shape"]
    assert "USA" in sides and "USSR" in sides  # side markers, not colour alone
    press(app, "down", "down", "left")  # difficulty: easy
    assert app.render().shown("loosely")


def test_the_side_follows_the_scenario_until_chosen(make_app) -> None:  # noqa: ANN001
    app = open_new_game(make_app)
    scene = app.top
    detente = scene.scenarios.index("detente")
    scene.focus_on(scene.scenario_row)
    while scene.scenario_index != detente:
        press(app, "right")
    assert scene.side == "ussr"  # Détente's usual side
    press(app, "up", "left")  # the player picks the USA
    assert scene.side == "usa"
    press(app, "down", "left")
    assert scene.side == "usa"  # a chosen side stays


def test_seed_validation(make_app) -> None:  # noqa: ANN001
    app = open_new_game(make_app)
    scene = app.top
    scene.focus_on(scene.seed_field)
    app.dispatch(Text("12a"))
    assert scene.seed_field.text == "12"
    assert app.render().shown("digits only")
    press(app, "backspace", "backspace")
    app.dispatch(Text(str(SEED_MAX + 1)))
    assert app.render().shown(f"from 0 to {SEED_MAX}")
    press(app, "return")
    assert app.play is None and isinstance(app.top, NewGameScene)  # refused, with a notice
    assert app.notice is not None and app.notice[1] == "bad"
    press(app, "backspace")
    assert int(scene.seed_field.text) <= SEED_MAX
    press(app, "return")
    assert app.play is not None and app.play.session.record.seed == int(str(SEED_MAX + 1)[:-1])


def test_blank_seed_is_random_and_escape_goes_back(make_app) -> None:  # noqa: ANN001
    app = open_new_game(make_app)
    press(app, "escape")
    assert app.top.name == "title"
    press(app, "n", "return")
    assert app.play is not None and app.play.side == "usa" and app.play.state.scenario == "full_campaign"


def test_mouse_picks_side_and_difficulty(make_app) -> None:  # noqa: ANN001
    app = open_new_game(make_app, size=(3840, 2160))
    scene = app.top
    painter = app.render()
    ussr = next(call.rect for call in painter.transcript if call.kind == "rect" and call.text == "Side: USSR")
    app.dispatch(Click(ussr[0] + ussr[2] // 2, ussr[1] + ussr[3] // 2))
    hard = next(call.rect for call in app.render().transcript if call.kind == "rect" and call.text == "Difficulty: Hard")
    app.dispatch(Click(hard[0] + 2, hard[1] + 2))
    assert scene.side == "ussr" and scene.difficulty == "hard"
    app.render()
    app.dispatch(Click(scene.start_button.rect.centerx, scene.start_button.rect.centery))
    assert app.play is not None and app.play.side == "ussr" and app.play.session.record.difficulty == "hard"


def test_small_and_scaled_windows_keep_every_row_reachable(make_app) -> None:  # noqa: ANN001
    app = open_new_game(make_app, size=(1024, 600))
    app.apply_settings(replace(app.settings, scale=200))
    scene = app.top
    for _ in range(len(scene.widgets())):
        painter = app.render()
        assert scene.focused().rect.width > 0  # scrolled into view
        assert painter.shown("Start")
        press(app, "tab")
    app.dispatch(Key("escape"))


def test_a_non_ascii_digit_is_refused_without_a_crash(make_app) -> None:  # noqa: ANN001
    app = open_new_game(make_app)
    scene = app.top
    scene.focus_on(scene.seed_field)
    app.dispatch(Text("42"))
    for typed in ("²", "٣", "7²"):  # str.isdigit() holds for these, but the seed takes 0–9 only
        app.dispatch(Text(typed))
    assert scene.seed_field.text == "427" and scene.seed() == 427
    assert app.render().shown("digits only")
    scene.focus_on(scene.side_row)
    app.dispatch(Text("²"))  # typed away from the field: not sent to it either
    assert scene.seed_field.text == "427" and scene.focused() is scene.side_row
    scene.focus_on(scene.start_button)
    press(app, "return")
    assert app.play is not None and app.play.session.record.seed == 427


def test_the_seed_field_takes_only_ascii_digits() -> None:
    from game.ui.window.scenes.forms import is_digit

    assert all(is_digit(ch) for ch in "0123456789")
    assert not any(is_digit(ch) for ch in ("²", "٣", "½", "a", "", "12"))
