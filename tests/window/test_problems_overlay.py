"""Ctrl+R with broken content: the overlay lists each problem with its file, line, column, code and source line;
the game keeps the content it had; the overlay scrolls and closes with Esc or Enter."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.content.loader import load_game
from game.content.problems import Problem
from game.ui.window.intents import Click, Wheel
from game.ui.window.scenes.frame import GameScene
from game.ui.window.scenes.problems import ProblemsOverlay

from .conftest import close_overlays, press, settle

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mods" / "first_lady"


def broken_mod(tmp_path: Path) -> Path:
    """The example mod with one TOML line broken and one value of the wrong type."""
    mod = tmp_path / "broken_lady"
    shutil.copytree(EXAMPLE, mod)
    events = mod / "events" / "women_in_space.toml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("priority = 4", 'priority = "four"'), encoding="utf-8")
    return mod


def game_with(make_app, loader):  # noqa: ANN001, ANN201
    app = make_app(loader=loader)
    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    return app


def test_ctrl_r_with_errors_shows_them_and_keeps_the_content(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    mod = broken_mod(tmp_path)
    app = game_with(make_app, lambda: load_game(mod_paths=[mod], mods_dir=None))
    content, session_content = app.content, app.play.content
    press(app, "r", ctrl=True)
    settle(app)  # the content is read again on the disk worker
    overlay = app.top
    assert isinstance(overlay, ProblemsOverlay) and overlay.opaque is False
    painter = app.render()
    assert painter.shown("The content has 1 error; the game keeps the content it had.")
    line = next(number for number, text in enumerate(
        (mod / "events" / "women_in_space.toml").read_text(encoding="utf-8").split("\n"), start=1)
        if 'priority = "four"' in text)
    assert painter.shown(f"women_in_space.toml:{line}:")  # file:line:col
    assert painter.shown("error[E-TYPE]")
    assert painter.shown('priority = "four"')  # the source line
    assert any(text.strip().endswith("^") for text in painter.texts())  # with a caret under the fault
    assert any(call.kind == "text" and call.text.startswith("1955") for call in painter.transcript)  # the game below
    assert app.content is content and app.play.content is session_content  # the old content stays
    press(app, "escape")
    assert isinstance(app.top, GameScene)
    press(app, "r", ctrl=True)
    settle(app)
    press(app, "return")  # Enter closes too
    assert isinstance(app.top, GameScene)


def test_broken_toml_line(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    mod = tmp_path / "torn"
    shutil.copytree(EXAMPLE, mod)
    events = mod / "events" / "women_in_space.toml"
    events.write_text(events.read_text(encoding="utf-8").replace("chance = 800", "chance = 800 +"), encoding="utf-8")
    app = game_with(make_app, lambda: load_game(mod_paths=[mod], mods_dir=None))
    press(app, "r", ctrl=True)
    settle(app)
    painter = app.render()
    assert painter.shown("error[E-TOML]")
    assert painter.shown("chance = 800 +")
    press(app, "r", ctrl=True)  # again: the new report replaces the old one
    settle(app)
    assert sum(isinstance(scene, ProblemsOverlay) for scene in app.stack) == 1


def test_many_problems_scroll(make_app) -> None:  # noqa: ANN001
    app = make_app()
    settle(app)
    errors = [Problem(f"mods/big/file{index}.toml", index + 1, 3, f"problem number {index}", code="E-KEY",
                      source_line=f"key{index} = 1", where=f"event e{index}") for index in range(40)]
    warnings = [Problem("mods/big/last.toml", 9, 1, "the last warning", severity="warning", code="W-FLAG-UNUSED")]
    app.push(ProblemsOverlay(app, errors, warnings))
    overlay = app.top
    painter = app.render()
    assert painter.shown("The content has 40 errors") and painter.shown("1 warning")
    assert painter.shown("mods/big/file0.toml:1:3: error[E-KEY]: problem number 0")
    assert not painter.shown("the last warning")
    assert painter.shown("more lines")
    press(app, "page down")
    assert overlay.scroll > 0 and not app.render().shown("file0.toml")
    press(app, "end")
    assert app.render().shown("mods/big/last.toml:9:1: warning[W-FLAG-UNUSED]: the last warning")
    press(app, "home")
    assert overlay.scroll == 0
    app.dispatch(Wheel(10, 10, -2))
    assert overlay.scroll == 6
    press(app, "up")
    assert overlay.scroll == 5
    press(app, "escape")
    assert app.top.name == "title"


def test_overlay_at_4k_and_small(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    mod = broken_mod(tmp_path)
    for size in ((3840, 2160), (1024, 600)):
        app = game_with(lambda **options: make_app(size=size, **options), lambda: load_game(mod_paths=[mod],
                                                                                           mods_dir=None))
        press(app, "r", ctrl=True)
        settle(app)
        painter = app.render()
        assert painter.shown("CONTENT ERRORS")
        assert painter.shown("error[E-TYPE]")
        app.render()
        button = app.top.close_button.rect
        app.dispatch(Click(button.centerx, button.centery))
        assert isinstance(app.top, GameScene)
