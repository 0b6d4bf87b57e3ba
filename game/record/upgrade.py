"""Save-format upgrades: one step per format change, applied in order, so a save from any earlier version loads.

A save names its format version. Reading one older than this game's applies each step from its version up to
`SAVE_VERSION`; every step is a plain function on the JSON data (dicts and lists), written once and never
edited afterwards, and every format change adds a step here and an example save under tests/data/saves/.
An upgrade only fills in what the older format lacked; the game the save holds is unchanged.
"""

from __future__ import annotations

from typing import Any, Callable

SAVE_VERSION = 2  # the format this game writes


class UpgradeError(ValueError):
    """A save whose version cannot be upgraded (from a newer game, or not a version at all)."""


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 records the rules version a game is played under. Every version-1 save was played under
    rules version 1, the only one there was."""
    record = data.get("record")
    if isinstance(record, dict):
        record.setdefault("rules_version", 1)
    return data


#: version N → the step that turns a version-N save into version N+1
STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
}


def why_unreadable(version: Any) -> str | None:
    """Why a save of this version cannot be read by this game, or None when it can (perhaps after upgrading)."""
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return f"save version {version!r} is not a version this game knows"
    if version > SAVE_VERSION:
        return (f"save version {version} was written by a newer Space Race; this game reads versions 1 to {SAVE_VERSION}, "
                "so update the game to load it")
    return None


def upgrade_save(data: dict[str, Any]) -> dict[str, Any]:
    """The save data brought up to `SAVE_VERSION`, step by step (the data is changed in place and returned)."""
    version = data.get("version")
    problem = why_unreadable(version)
    if problem:
        raise UpgradeError(problem)
    while data["version"] < SAVE_VERSION:
        step = STEPS[data["version"]]
        data = step(data)
        data["version"] += 1
    return data
