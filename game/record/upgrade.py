"""Save-format upgrades: one step per format change, applied in order, so a save from any earlier version loads.

A save names its format version. Reading one older than this game's applies each step from its version up to
`SAVE_VERSION`; every step is a plain function on the JSON data (dicts and lists), written once and never
edited afterwards, and every format change adds a step here and an example save under tests/data/saves/.
An upgrade only fills in what the older format lacked; the game the save holds is unchanged.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Callable

SAVE_VERSION = 5  # the format this game writes


class UpgradeError(ValueError):
    """A save whose version cannot be upgraded (from a newer game, or not a version at all)."""


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 records the rules version a game is played under. Every version-1 save was played under
    rules version 1, the only one there was."""
    record = data.get("record")
    if isinstance(record, dict):
        record.setdefault("rules_version", 1)
    return data


_PENDING_FIELDS = {"held": 0, "variant": -1, "source": "calendar", "subject": {}, "cause_event": "", "cause_choice": "",
                   "cause_year": 0, "why_waiting": ""}


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """Version 3 (state version 2) keeps consequences in the state: variables, characters, scheduled follow-ups,
    promises, dilemmas held over, this year's briefing and launches given up. A version-2 game had none of them;
    its briefing is rebuilt from the events that fired this year, so the headquarters still shows them."""
    state = data.get("state")
    if not isinstance(state, dict) or not isinstance(state.get("sides"), dict):
        return data  # damaged: reading the state says what is wrong
    for side in state["sides"].values():
        if not isinstance(side, dict):
            continue
        pending = [item for item in side.get("pending", []) if isinstance(item, dict)] \
            if isinstance(side.get("pending"), list) else []
        for item in pending:
            for key, default in _PENDING_FIELDS.items():
                item.setdefault(key, dict(default) if isinstance(default, dict) else default)
        fired = side.get("fired")
        waiting = {item.get("event") for item in pending}
        briefing = [{**_PENDING_FIELDS, "event": event, "year": year, "subject": {}}
                    for event, year in (fired.items() if isinstance(fired, dict) else ())
                    if year == state.get("year") and event not in waiting]
        for key, default in (("variables", {}), ("characters", {}), ("followups", []), ("promises", []),
                             ("waiting", []), ("briefing", briefing), ("launches_given_up", 0)):
            side.setdefault(key, default)
    if state.get("version") == 1:
        state["version"] = 2
    return data


_V3_SIDES = ("usa", "ussr")  # the sides a version-3 save could hold


def _v3_to_v4(data: dict[str, Any]) -> dict[str, Any]:
    """Version 4 records each side's AI policy and difficulty (`policies` and `difficulties`, side → name). A
    version-3 game had one policy for every AI side and one difficulty for its AI rival; the players' sides had the
    default policy and a normal budget, and with nobody playing (AI against AI) the difficulty changed nothing."""
    record = data.get("record")
    if not isinstance(record, dict):
        return data  # damaged: reading the record says what is wrong
    players = record["players"] if isinstance(record.get("players"), list) else []
    policy = record.pop("policy", "strategic")
    difficulty = record.get("difficulty", "normal")
    record.setdefault("policies", {side: "strategic" if side in players else policy for side in _V3_SIDES})
    record.setdefault("difficulties", {side: difficulty if players and side not in players else "normal"
                                       for side in _V3_SIDES})
    return data


def _v4_to_v5(data: dict[str, Any]) -> dict[str, Any]:
    """Version 5 names each game (`game_id`), so its autosaves are kept apart from another game's. A version-4 game
    gets a name made from what defines it (scenario, seed, sides played), the same each time it is loaded."""
    record = data.get("record")
    if not isinstance(record, dict):
        return data  # damaged: reading the record says what is wrong
    if "game_id" not in record:
        defining = json.dumps([record.get("scenario"), record.get("seed"), record.get("players")], sort_keys=True)
        record["game_id"] = "v4-" + hashlib.sha256(defining.encode("utf-8")).hexdigest()[:8]
    return data


#: version N → the step that turns a version-N save into version N+1
STEPS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
    4: _v4_to_v5,
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
