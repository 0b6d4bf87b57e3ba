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


@pytest.fixture(scope="session")
def story_content(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - Content
    """The test story (tests/data/story): every consequence mechanism in a small scenario, 1961–1966."""
    from ..story import load_story

    return load_story(tmp_path_factory.mktemp("story"))


@pytest.fixture()
def story_app(make_app, story_content):  # noqa: ANN001, ANN201
    """story_app(size=…, content=…) → a window with a new USA game of the test story (seed 5), its opening card
    (the Budget Memo, spoken by Webb) on top of the HQ."""

    def make(size: tuple[int, int] = (1280, 720), content=None) -> WindowApp:  # noqa: ANN001
        app = make_app(size=size, loader=None)
        app.content = content or story_content
        app.new_game("story", "usa", 5)
        return app

    return make


def texts_inside(painter, size: tuple[int, int]) -> None:  # noqa: ANN001
    """Every text drawn lies inside the window."""
    width, height = size
    for call in painter.transcript:
        if call.kind == "text":
            x, y, w, h = call.rect
            assert 0 <= x and x + w <= width and 0 <= y and y + h <= height, (call.text, call.rect, size)


def no_overlaps(calls) -> None:  # noqa: ANN001
    """No two texts are drawn over each other."""
    boxes = [call for call in calls if call.kind == "text" and call.text.strip()]
    for index, first in enumerate(boxes):
        ax, ay, aw, ah = first.rect
        for second in boxes[index + 1:]:
            bx, by, bw, bh = second.rect
            overlap_x = min(ax + aw, bx + bw) - max(ax, bx)
            overlap_y = min(ay + ah, by + bh) - max(ay, by)
            assert overlap_x <= 1 or overlap_y <= 1, (first.text, first.rect, second.text, second.rect)


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
