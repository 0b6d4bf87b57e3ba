"""Headless window fixtures: SDL's dummy video and audio drivers, the base content loaded once, a fresh app."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

pygame = pytest.importorskip("pygame")

from game.content.loader import load_game  # noqa: E402
from game.ui.window.app import WindowApp, WindowOptions  # noqa: E402
from game.ui.window.intents import Key, Text  # noqa: E402


@pytest.fixture(autouse=True)
def headless(monkeypatch: pytest.MonkeyPatch) -> None:
    """SDL's dummy drivers for every window test (set per test, so other tests never see them)."""
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")


@pytest.fixture(scope="session")
def loaded():  # noqa: ANN201 - LoadResult
    result = load_game(mod_paths=[], mods_dir=None)
    assert result.content is not None
    return result


@pytest.fixture()
def make_app(loaded, tmp_path: Path) -> Iterator:  # noqa: ANN001
    """make_app(**options) → a started WindowApp (1280×720 unless size= is given), closed after the test."""
    apps: list[WindowApp] = []

    def make(**overrides) -> WindowApp:  # noqa: ANN003
        options = WindowOptions(saves_dir=tmp_path / "saves", settings_path=tmp_path / "settings.json",
                                loader=lambda: loaded, size=(1280, 720))
        for key, value in overrides.items():
            setattr(options, key, value)
        app = WindowApp(options, loaded.content)
        app.start()
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close()


@pytest.fixture()
def game_app(make_app):  # noqa: ANN001, ANN201
    """A window with a new USA game of the full campaign (seed 7), on the HQ, with any opening cards closed."""
    app = make_app()
    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    return app


def close_overlays(app: WindowApp) -> None:
    """Close event cards and other overlays until an in-game tab is on top."""
    from game.ui.window.scenes.frame import GameScene

    for _ in range(50):
        if isinstance(app.top, GameScene):
            return
        app.top.handle(Key("escape"))
        app.disk.drain()
        app.disk.finished()
    raise AssertionError(f"could not close {app.top!r}")


def press(app: WindowApp, *names: str, ctrl: bool = False, shift: bool = False) -> None:
    for name in names:
        app.dispatch(Key(name, ctrl=ctrl, shift=shift))


def type_line(app: WindowApp, text: str, enter: bool = True) -> None:
    app.dispatch(Text(text))
    if enter:
        app.dispatch(Key("return"))


def settle(app: WindowApp) -> None:
    """Let the disk worker finish and run its callbacks (saves written, save folders read)."""
    app.disk.drain()
    app.disk.finished()


def tab_to(app: WindowApp, widget: object) -> None:
    """Press Tab until the widget has the focus (as a keyboard player would)."""
    for _ in range(40):
        if app.top.focused() is widget:
            return
        press(app, "tab")
    raise AssertionError(f"Tab never reached {widget!r}")


def refused(app: WindowApp) -> bool:
    """Whether the last notice is an order the engine refused."""
    return app.notice is not None and app.notice[1] == "bad" and app.notice[0].startswith("Refused")


def watched_game(app: WindowApp, scenario: str = "full_campaign") -> None:
    """Open an AI-vs-AI game as a spectator, then stop the watcher so the test can browse its screens."""
    from game.ui.window.app import WatchOptions
    from game.ui.window.scenes.watch import Watcher

    app.watcher = Watcher(app, WatchOptions(scenario=scenario, seed=4, years=1))
    app.watcher.begin()
    app.watcher.finished = True
    app.watcher = None
    assert app.play is not None and app.play.spectator
