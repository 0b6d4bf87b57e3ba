"""Esc has one rule in the game, and every hint tells it: Esc closes the card or overlay on top; on an in-game
screen it goes back to the HQ, and on the HQ it opens the menu (after the race: back to the result). The Menu
button's key hint says what Esc does from the screen it is on, and F1 says the same."""

from __future__ import annotations

from game.ui.window.scenes.frame import TABS, GameScene
from game.ui.window.scenes.help import HelpOverlay
from game.ui.window.scenes.menu import MenuScene

from .conftest import press


def test_the_menu_hint_tells_what_esc_does_on_every_screen(game_app) -> None:  # noqa: ANN001
    app = game_app
    for _, _, name, _ in TABS:
        app.show_tab(name)
        scene = app.top
        assert isinstance(scene, GameScene)
        app.render()
        hint = scene.menu_button.hint
        assert hint == ("Esc" if name == "hq" else "Esc twice"), name
        press(app, *["escape"] * (1 if hint == "Esc" else 2))
        assert isinstance(app.top, MenuScene), f"{name}: '{hint}' did not open the menu"
        press(app, "escape")  # Esc closes the menu: back to the HQ
        assert isinstance(app.top, GameScene) and app.top.name == "hq"


def test_f1_states_the_same_rule(game_app) -> None:  # noqa: ANN001
    app = game_app
    app.show_tab("budget")
    press(app, "f1")
    assert isinstance(app.top, HelpOverlay)
    painter = app.render()
    assert painter.shown("back to the HQ; on the HQ, the menu")
    assert not painter.shown("on the HQ, the …")  # said whole, not cut short
    press(app, "escape")  # Esc closes the overlay on top, nothing more
    assert isinstance(app.top, GameScene) and app.top.name == "budget"


def test_after_the_race_esc_goes_to_the_result_and_the_menu_hint_claims_no_key(game_app) -> None:  # noqa: ANN001
    from game.ui.window.scenes.game_over import GameOverScene

    app = game_app
    app.play.game_over = True
    app.show_tab("race")
    app.render()
    assert app.top.menu_button.hint == ""
    assert app.top.result_button.hint == "Esc"
    press(app, "escape")
    assert isinstance(app.top, GameOverScene)
