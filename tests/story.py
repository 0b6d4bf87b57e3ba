"""The test story (tests/data/story/story.toml) loaded beside the base game's hardware, missions, milestones and
texts: a small scenario that uses every consequence mechanism, for the engine, view and terminal tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.content.loader import check_content
from game.engine.defs import Content

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "tests" / "data" / "story" / "story.toml"
BASE = ROOT / "assets" / "content"


def load_story(folder: Path) -> Content:
    for name in ("hardware.toml", "missions.toml", "milestones.toml", "texts.toml"):
        shutil.copy(BASE / name, folder / name)
    shutil.copy(STORY, folder / "story.toml")
    loaded, problems = check_content(folder)
    errors = [problem for problem in problems if problem.severity == "error"]
    assert loaded is not None and not errors, errors
    return loaded
