"""A plain (non-editable) install must carry the game's data: the wheel holds assets/ as game/assets/."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_carries_every_content_file(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("space_race-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    content = sorted(path.relative_to(ROOT / "assets").as_posix() for path in (ROOT / "assets").rglob("*.toml"))
    assert content, "the checkout has no content"
    missing = [name for name in content if f"game/assets/{name}" not in names]
    assert not missing, f"not packaged: {missing}"
    assert "game/cli.py" in names and "game/engine/turn.py" in names
    fonts = sorted(path.name for path in (ROOT / "assets" / "fonts").iterdir())
    assert {"DejaVuSans.ttf", "LICENSE.txt"} <= set(fonts)
    assert all(f"game/assets/fonts/{name}" in names for name in fonts), "the window's fonts are not packaged"
    assert "game/ui/window/scenes/hq.py" in names
    metadata = next(name for name in names if name.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Requires-Dist: pygame-ce" in text
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "space-race = game.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
