"""Entry points the command line calls: play in the window, or watch AI against AI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable


class WindowUnavailable(Exception):
    """No window can open here (no display, or SDL refused); str() says why."""


def display_available() -> str:
    """Why a window cannot open here, or "" when it can (auto mode then prefers the window)."""
    driver = os.environ.get("SDL_VIDEODRIVER", "")
    if driver in ("dummy", "offscreen"):
        return f"SDL_VIDEODRIVER is {driver!r} (no screen)"
    if driver or os.name == "nt" or (hasattr(os, "uname") and os.uname().sysname == "Darwin"):
        return ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return "no display found (DISPLAY and WAYLAND_DISPLAY are not set)"


def _app(options: Any, content: Any) -> Any:
    try:
        import pygame  # noqa: F401 - the window needs pygame-ce
    except ImportError as error:  # pragma: no cover - pygame-ce is a dependency
        raise WindowUnavailable(f"pygame-ce is not installed ({error})") from None
    from .app import WindowApp

    app = WindowApp(options, content)
    try:
        app.start()
    except Exception as error:  # pygame.error: the display would not open
        try:
            app.close()
        except Exception:  # noqa: BLE001
            pass
        raise WindowUnavailable(f"the window could not open ({error})") from None
    return app


def play(content: Any, loader: Callable[[], Any], saves_dir: Path, settings_path: Path | None, scenario: str | None,
         side: str | None, seed: int | None, difficulty: str, load: str | None, mods_dir: Path | None = None,
         rival: str = "strategic") -> int:
    """The game in a window: straight into a game when scenario, side, seed or a save is given; else the title."""
    from .app import WindowOptions
    from game.app.settings import default_path

    options = WindowOptions(saves_dir=saves_dir, settings_path=settings_path or default_path(), loader=loader,
                            scenario=scenario, side=side, seed=seed, difficulty=difficulty, load=load, rival=rival)
    options.start_game = load is None and (scenario is not None or side is not None or seed is not None)
    options.mods_dir = mods_dir
    return _app(options, content).run()


def watch(content: Any, saves_dir: Path, settings_path: Path | None, scenario: str, seed: int, years: int | None,
          screenshots: Path | None, size: tuple[int, int] | None = None, loader: Callable[[], Any] | None = None,
          mods_dir: Path | None = None) -> int:
    """AI against AI in the window; with screenshots, a PNG of each screen and an exit when done (drawn with the
    default settings unless a settings file is given, so every machine shoots the same pictures)."""
    from .app import WatchOptions, WindowOptions
    from game.app.settings import default_path

    if settings_path is None and screenshots is None:
        settings_path = default_path()
    options = WindowOptions(saves_dir=saves_dir, settings_path=settings_path, loader=loader,
                            watch=WatchOptions(scenario=scenario, seed=seed, years=years, screenshots=screenshots),
                            size=size)
    options.mods_dir = mods_dir
    app = _app(options, content)
    code = app.run()
    if screenshots is not None:
        print(f"{len(app.shots)} screenshots in {screenshots}")
    return code
