"""PNG snapshots of a few screens, drawn with the bundled fonts, compared with a small tolerance.

After an intended change of look, regenerate them with:  python -m tests.window.test_snapshots
and look at the new PNGs in tests/data/snapshots before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

import pytest

pygame = pytest.importorskip("pygame")

SNAPSHOTS = Path(__file__).resolve().parent.parent / "data" / "snapshots"
CHANNEL_TOLERANCE = 48  # a pixel "differs" when a channel moves more than this
SHARE_TOLERANCE = 0.01  # and at most this share of pixels may differ (font hinting, SDL versions)


def _title(app) -> None:  # noqa: ANN001
    app.disk.drain()
    app.disk.finished()


def _briefing(app) -> None:  # noqa: ANN001
    app.new_game("full_campaign", "usa", 7)


def _hq(app) -> None:  # noqa: ANN001
    from .conftest import close_overlays, type_line

    app.new_game("full_campaign", "usa", 7)
    close_overlays(app)
    type_line(app, "start explorer")
    type_line(app, "fund explorer 40")
    app.disk.drain()  # the autosave is written; nothing is left to change the screen


SCREENS: dict[str, Callable] = {"title": _title, "briefing": _briefing, "hq": _hq}


def render(make_app, name: str) -> "pygame.Surface":  # noqa: ANN001
    app = make_app()
    SCREENS[name](app)
    app.render()
    return app.screen.copy()


def differing_share(first: "pygame.Surface", second: "pygame.Surface") -> float:
    if first.get_size() != second.get_size():
        return 1.0
    a = pygame.image.tobytes(first, "RGB")
    b = pygame.image.tobytes(second, "RGB")
    differing = sum(1 for index in range(0, len(a), 3)
                    if max(abs(a[index] - b[index]), abs(a[index + 1] - b[index + 1]),
                           abs(a[index + 2] - b[index + 2])) > CHANNEL_TOLERANCE)
    return differing / (len(a) // 3)


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_matches_its_snapshot(make_app, name: str, tmp_path: Path) -> None:  # noqa: ANN001
    expected_path = SNAPSHOTS / f"{name}.png"
    assert expected_path.is_file(), f"missing {expected_path}: run python -m tests.window.test_snapshots"
    actual = render(make_app, name)
    share = differing_share(actual, pygame.image.load(str(expected_path)))
    if share > SHARE_TOLERANCE:
        pygame.image.save(actual, str(tmp_path / f"{name}.png"))
    assert share <= SHARE_TOLERANCE, f"{name}: {share:.1%} of pixels differ (actual saved in {tmp_path})"


if __name__ == "__main__":  # regenerate the snapshots
    import tempfile

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.content.loader import load_game
    from game.ui.window.app import WindowApp, WindowOptions

    loaded = load_game(mod_paths=[], mods_dir=None)
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    for screen in sorted(SCREENS):
        with tempfile.TemporaryDirectory() as folder:
            def make(folder: str = folder) -> WindowApp:
                options = WindowOptions(saves_dir=Path(folder) / "saves", settings_path=Path(folder) / "s.json",
                                        loader=lambda: loaded, size=(1280, 720))
                app = WindowApp(options, loaded.content)
                app.start()
                return app

            pygame.image.save(render(make, screen), str(SNAPSHOTS / f"{screen}.png"))
            print(f"wrote {SNAPSHOTS / screen}.png")
