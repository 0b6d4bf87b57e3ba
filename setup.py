"""Packaging glue that pyproject.toml cannot express: ship the top-level `assets/` folder inside the
package as `game/assets`, so an installed game (not only a checkout) finds its content, fonts and images."""

from pathlib import Path

from setuptools import find_packages, setup

ASSET_DIRS = sorted(
    ".".join(("game", "assets", *path.relative_to("assets").parts)).rstrip(".")
    for path in [Path("assets"), *Path("assets").rglob("*")]
    if path.is_dir() and "__pycache__" not in path.parts
)

setup(
    packages=find_packages(include=["game", "game.*"]) + ASSET_DIRS,
    package_dir={"game.assets": "assets"},
    package_data={name: ["*"] for name in ASSET_DIRS},
)
