"""Property test: whatever a mod's files hold, loading gives content or problems — never another exception."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import load_game

KEYS = ["id", "name", "version", "game", "requires", "load_after", "conflicts", "silence", "override", "title",
        "text", "kind", "sides", "years", "trigger", "effects", "choices", "add_choices", "remove_choices"]
SCALARS = st.one_of(
    st.integers(-10**12, 10**12), st.booleans(), st.text(max_size=30),
    st.sampled_from(["base", "m", "1.0", ">=0.1", "news", "dilemma", "usa", "year >= 1960", "add_prestige(1)",
                     "sputnik_crisis", "crewed_orbit", "../x.png", "__import__('os')"]),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4), max_leaves=8)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(value)


TABLE_HEADERS = st.sampled_from(["", "[event.fuzz_event]", "[patch.event.sputnik_crisis]", "[patch.mission.crewed_orbit]",
                                 "[disable]", "[patch.text]", "[mission.fuzz_mission]", "[[event.fuzz_event.choices]]"])


@st.composite
def mod_files(draw: st.DrawFn) -> tuple[str, str]:
    manifest = "\n".join(f"{key} = {toml_value(draw(VALUES))}" for key in draw(st.lists(st.sampled_from(KEYS[:8]), max_size=8, unique=True)))
    body_parts = []
    for _ in range(draw(st.integers(0, 4))):
        body_parts.append(draw(TABLE_HEADERS))
        for key in draw(st.lists(st.sampled_from(KEYS), max_size=5, unique=True)):
            body_parts.append(f"{key} = {toml_value(draw(VALUES))}")
    return manifest, "\n".join(body_parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=mod_files(), raw=st.binary(max_size=200))
def test_any_mod_loads_or_reports_problems(files: tuple[str, str], raw: bytes) -> None:
    manifest, body = files
    root = Path(tempfile.mkdtemp())
    try:
        mod = root / "fuzz"
        mod.mkdir()
        (mod / "mod.toml").write_text(manifest, encoding="utf-8")
        (mod / "content.toml").write_text(body, encoding="utf-8")
        (mod / "noise.toml").write_bytes(raw)
        result = load_game(mod_paths=[mod])
        assert (result.content is None) == bool(result.errors)
        for problem in result.problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.code[:2] in ("E-", "W-")
    finally:
        shutil.rmtree(root)
