"""Settings: each row changes at once (Left/Right or a click), the file is written on the disk worker and
read back next time; a broken file gives the defaults and a notice."""

from __future__ import annotations

import json
from pathlib import Path

from game.ui.window.intents import Click
from game.ui.window.scenes.settings import SettingsScene
from game.app.settings import PALETTES, SCALES, Settings
from game.ui.window.theme import PALETTES as THEME_PALETTES

from .conftest import press, settle


def open_settings(make_app, **options):  # noqa: ANN001, ANN003, ANN201
    app = make_app(**options)
    settle(app)
    press(app, "s")
    assert isinstance(app.top, SettingsScene)
    settle(app)
    return app


def test_scale_and_palette_change_at_once_and_are_kept(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    app = open_settings(make_app)
    scene = app.top
    scale_before = app.theme.scale
    press(app, "down")  # UI scale
    assert scene.focused() is scene.scale_row
    press(app, "right")
    assert app.settings.scale == SCALES[SCALES.index(100) + 1]
    assert app.theme.scale > scale_before  # applied at once
    press(app, "down", "down", "down", "down")  # confirmations
    assert scene.focused() is scene.confirm_row
    press(app, "left")
    assert app.settings.confirm is False  # the question before ending a year is off
    press(app, "down")  # palette
    assert scene.focused() is scene.palette_row
    press(app, "right")
    assert app.settings.palette == PALETTES[1]
    assert app.theme.colour("usa") == THEME_PALETTES[PALETTES[1]]["usa"]  # the new colours are in use
    settle(app)
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert saved["scale"] == app.settings.scale and saved["palette"] == PALETTES[1] and saved["confirm"] is False
    press(app, "escape")
    assert app.top.name == "title"
    again = make_app()  # the next run reads them back
    assert again.settings.scale == app.settings.scale and again.settings.palette == PALETTES[1]


def test_every_row_is_shown_honestly(make_app) -> None:  # noqa: ANN001
    app = open_settings(make_app)
    painter = app.render()
    for label in ("Window size", "UI scale", "Full screen", "Text speed", "Sound effects", "Palette"):
        assert painter.shown(label)
    assert painter.shown("1280 × 720") and painter.shown("100 %")
    assert painter.shown("Countdown beeps") or painter.shown("no audio device")  # what the sound row does here
    shapes = [call.text for call in painter.transcript if call.kind == "shape"]
    assert "USA" in shapes and "USSR" in shapes  # the palette swatch shows the side markers
    assert painter.shown("Kept in")


def test_toggles_and_mouse(make_app) -> None:  # noqa: ANN001
    app = open_settings(make_app)
    scene = app.top
    press(app, "down", "down", "down", "down")  # sound
    assert scene.focused() is scene.sound_row
    press(app, "left")
    assert app.settings.sound is False
    press(app, "up")  # text speed
    press(app, "right")
    assert app.settings.text_speed == "fast"
    painter = app.render()
    chip = next(call.rect for call in painter.transcript if call.kind == "rect" and call.text == "Palette: High contrast")
    app.dispatch(Click(chip[0] + chip[2] // 2, chip[1] + chip[3] // 2))
    assert app.settings.palette == "high contrast"
    app.render()
    app.dispatch(Click(scene.defaults.rect.centerx, scene.defaults.rect.centery))
    assert app.settings == Settings()
    scene.focus_on(scene.size_row)
    press(app, "return")  # Enter on a row closes, like Back
    assert app.top.name == "title"


def test_window_size_row_keeps_the_choice(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    app = open_settings(make_app)
    press(app, "right")
    assert (app.settings.width, app.settings.height) == (1600, 900)
    settle(app)
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert (saved["width"], saved["height"]) == (1600, 900)
    assert app.render().shown("kept for next time")  # the test window's size is fixed


def test_broken_settings_file_gives_defaults_and_a_notice(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "settings.json").write_text("{ this is not json", encoding="utf-8")
    app = make_app()
    assert app.settings == Settings()
    assert app.notice is not None and "using the defaults" in app.notice[0]
    assert "settings could not be read" in " ".join(app.render().texts())  # on screen, wrapped to fit
    settle(app)
    press(app, "s")
    settle(app)
    press(app, "down", "right")
    settle(app)
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["scale"] == app.settings.scale


def test_settings_at_4k_and_at_a_large_scale(make_app) -> None:  # noqa: ANN001
    app = open_settings(make_app, size=(3840, 2160))
    assert app.render().shown("Palette")
    small = open_settings(make_app, size=(1024, 600))
    scene = small.top
    press(small, "down")
    for _ in range(SCALES.index(125) - SCALES.index(100)):
        press(small, "right")
    assert small.settings.scale == 125
    for _ in range(len(scene.widgets())):  # every row scrolls into view
        small.render()
        assert scene.focused().rect.width > 0
        press(small, "tab")


def test_the_text_speed_note_says_what_it_changes(make_app) -> None:  # noqa: ANN001
    from game.app.settings import TEXT_SPEEDS

    app = open_settings(make_app)
    scene = app.top
    scene.focus_on(scene.speed_row)
    notes = set()
    for _ in TEXT_SPEEDS:
        text = " ".join(app.render().texts())
        assert "Launches play out" in text
        assert "typewriter" not in text and "Narrated reports" not in text  # reports never type out
        notes.add(scene._speed_note())
        press(app, "right")
    assert len(notes) == len(TEXT_SPEEDS)


def test_esc_from_settings_opened_in_the_game_menu_goes_back_to_the_menu(game_app) -> None:  # noqa: ANN001
    from game.ui.window.scenes.menu import MenuScene
    from game.ui.window.scenes.settings import SettingsScene

    app = game_app
    press(app, "escape")  # the HQ's Esc opens the menu
    assert isinstance(app.top, MenuScene)
    menu = app.top
    settings = next(button for button in menu.column.buttons if button.label == "Settings")
    settings.press()
    assert isinstance(app.top, SettingsScene)
    press(app, "escape")
    assert app.top is menu  # back where it was opened from, as from the title screen
    press(app, "escape")
    assert app.top.name == "hq"


def test_every_scale_offered_shows_as_itself_and_a_larger_old_one_loads_as_the_largest(make_app) -> None:  # noqa: ANN001
    """The screens need 1024×576 of room at 100 % and the window's size already scales them to fill it, so 125 % is
    the most any window shows: the choices stop there (150–200 % looked the same as 125 % everywhere), and a
    settings file from before that asks for 200 % loads as 125 %. A scale clamped all the same says so."""
    from game.ui.window.theme import scale_in_use

    for window in ((1280, 720), (1920, 1080), (3840, 2160), (1024, 600)):
        for scale in SCALES:
            assert scale_in_use(window, scale) == scale, (window, scale)
    assert scale_in_use((1280, 720), 200) == 125
    assert Settings(scale=200).checked().scale == 125 and Settings(scale=33).checked().scale == 100
    app = open_settings(make_app)
    scene = app.top
    press(app, "down")  # UI scale
    assert scene.focused() is scene.scale_row
    painter = app.render()
    assert not painter.shown("fits)") and painter.shown("on top of the window's own size")
    for _ in range(SCALES.index(125) - SCALES.index(100)):
        press(app, "right")
    assert app.settings.scale == SCALES[-1] == 125
    assert not app.render().shown("fits)")
