"""Where the game's bundled assets live, whether run from a checkout or installed as a package."""

from __future__ import annotations

from pathlib import Path


def assets_root() -> Path:
    """The `assets` folder: packaged as `game/assets` in an installed game, at the top of a checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "assets"
    if (installed / "content").is_dir():
        return installed
    return package.parent / "assets"


def content_root() -> Path:
    return assets_root() / "content"
