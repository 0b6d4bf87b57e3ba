"""Saves: versioned JSON holding the game's record (seed, scenario, every order) and a state snapshot.

A save is literal data, never pickle. It is written atomically (temporary file, flush, fsync, rename), so a
crash mid-write leaves the old save intact. Reading checks everything and raises SaveError with a message a
player can act on; it never lets a damaged file reach the engine.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import __version__
from game.engine import ai
from game.engine.defs import SIDES, Content
from game.engine.orders import Order, OrderFormatError, order_from_dict, order_to_dict
from game.engine.rules import DEFAULT_DIFFICULTY, DIFFICULTIES, DIFFICULTY_BUDGET_PERCENT, RULES_VERSION
from game.engine.state import GameState, StateError

from .upgrade import SAVE_VERSION, UpgradeError, upgrade_save

SAVE_FORMAT = "space-race-save"
SAVE_SUFFIX = ".json"
DEFAULT_POLICY = "strategic"  # the AI policy a side gets when none is named (game.engine.ai.POLICIES)


class SaveError(Exception):
    """A save (or replay) that cannot be used; str(error) says why, naming the file."""


def every_side(name: str) -> dict[str, str]:
    """The same policy or difficulty for every side."""
    return {side: name for side in SIDES}


@dataclass(slots=True)
class Record:
    """Everything that defines a game: scenario, seed, content, each side's policy and difficulty, and every
    order in the order given."""

    scenario: str
    seed: int
    content_digest: str
    players: tuple[str, ...]  # sides played by humans
    # side → the AI policy that plays it (game.engine.ai.POLICIES); a player's side keeps the default, unused
    policies: dict[str, str] = field(default_factory=lambda: every_side(DEFAULT_POLICY))
    mods: tuple[str, ...] = ()  # "id version" of each mod the game was played with, in load order
    orders: list[tuple[int, Order]] = field(default_factory=list)  # (year, order)
    checksums: dict[str, str] = field(default_factory=dict)  # "1961" → state checksum when 1961 began; "final"
    # side → easy | normal | hard: its yearly budget is rules.DIFFICULTY_BUDGET_PERCENT of it (players: normal)
    difficulties: dict[str, str] = field(default_factory=lambda: every_side(DEFAULT_DIFFICULTY))
    rules_version: int = RULES_VERSION  # the rules the orders were played under (a replay needs the same)
    game_id: str = ""  # tells one game's autosaves from another's (a new game gets a fresh one)

    @property
    def rival(self) -> str | None:
        """The side the AI plays against a player (None when nobody plays, or everybody)."""
        if not self.players:
            return None
        return next((side for side in SIDES if side not in self.players), None)

    @property
    def difficulty(self) -> str:
        """The difficulty a player faces: the AI rival's (normal when there is no rival)."""
        rival = self.rival
        return self.difficulties.get(rival, DEFAULT_DIFFICULTY) if rival else DEFAULT_DIFFICULTY

    def budget_percents(self) -> dict[str, int]:
        """Each side's yearly budget percent, from its difficulty (what the game was set up with)."""
        return {side: DIFFICULTY_BUDGET_PERCENT[self.difficulties[side]] for side in SIDES}

    def to_dict(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "seed": self.seed,
            "content_digest": self.content_digest,
            "players": list(self.players),
            "policies": {side: self.policies[side] for side in SIDES},
            "difficulties": {side: self.difficulties[side] for side in SIDES},
            "difficulty": self.difficulty,  # what a save's preview shows; derived from difficulties, not read back
            "rules_version": self.rules_version,
            "game_id": self.game_id,
            "mods": list(self.mods),
            "orders": [{"year": year, **order_to_dict(order)} for year, order in self.orders],
            "checksums": dict(sorted(self.checksums.items())),
        }

    @classmethod
    def from_dict(cls, data: Any) -> "Record":
        if not isinstance(data, dict):
            raise SaveError("the record is not a table")
        try:
            orders: list[tuple[int, Order]] = []
            for index, item in enumerate(_field(data, "orders", list)):
                if not isinstance(item, dict) or not isinstance(item.get("year"), int):
                    raise SaveError(f"order {index + 1} has no year")
                body = {key: value for key, value in item.items() if key != "year"}
                try:
                    orders.append((item["year"], order_from_dict(body)))
                except OrderFormatError as error:
                    raise SaveError(f"order {index + 1}: {error}") from None
            players = tuple(_field(data, "players", list))
            if not all(side in SIDES for side in players):
                raise SaveError(f"unknown player side in {list(players)}")
            checksums = {str(key): str(value) for key, value in _field(data, "checksums", dict).items()}
            return cls(
                scenario=_field(data, "scenario", str),
                seed=_field(data, "seed", int),
                content_digest=_field(data, "content_digest", str),
                players=players,
                policies=_per_side(data, "policies", "AI policy", ai.POLICIES),
                mods=_mods(data),
                orders=orders,
                checksums=checksums,
                difficulties=_per_side(data, "difficulties", "difficulty", DIFFICULTIES),
                rules_version=_field(data, "rules_version", int),
                game_id=_game_id(data),
            )
        except (ValueError, TypeError) as error:
            raise SaveError(f"the record is damaged: {error}") from None


def _game_id(data: dict[str, Any]) -> str:
    game_id = data.get("game_id", "")
    if not isinstance(game_id, str) or not all(ch.isalnum() or ch == "-" for ch in game_id) or len(game_id) > 40:
        raise SaveError("'game_id' should be a short name of letters, digits and '-'")
    return game_id


def _mods(data: dict[str, Any]) -> tuple[str, ...]:
    mods = data.get("mods", [])  # saves from before mods existed have none
    if not isinstance(mods, list) or not all(isinstance(item, str) for item in mods):
        raise SaveError("'mods' should be a list of mod names")
    return tuple(mods)


def _per_side(data: dict[str, Any], key: str, what: str, known: tuple[str, ...]) -> dict[str, str]:
    """A name for each side (policies, difficulties), each one this game knows."""
    table = data.get(key)
    if not isinstance(table, dict) or sorted(table) != sorted(SIDES):
        raise SaveError(f"{key!r} should hold one {what} for each side ({', '.join(SIDES)})")
    for side in SIDES:
        if table[side] not in known:
            raise SaveError(f"unknown {what} {table[side]!r} for {side.upper()} (the game knows {', '.join(known)})")
    return {side: str(table[side]) for side in SIDES}


def _field(data: dict[str, Any], key: str, kind: type) -> Any:
    value = data.get(key)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise SaveError(f"{key!r} is missing or not {kind.__name__}")
    return value


@dataclass(slots=True)
class SaveFile:
    record: Record
    state: GameState
    game_version: str = __version__

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": SAVE_FORMAT,
            "version": SAVE_VERSION,
            "game_version": self.game_version,
            "year": self.state.year,
            "scenario": self.state.scenario,
            "record": self.record.to_dict(),
            "state": self.state.to_dict(),
        }


def resolve_save_path(name_or_path: str, saves_dir: Path) -> Path:
    """A save name ("moon" or "moon.json") lives in the saves folder as moon.json; anything with a folder in it,
    or a file that exists as given, is used as a path."""
    candidate = Path(name_or_path)
    if os.sep in name_or_path or "/" in name_or_path or (candidate.suffix == SAVE_SUFFIX and candidate.is_file()):
        inside = saves_dir / (name_or_path if name_or_path.endswith(SAVE_SUFFIX) else name_or_path + SAVE_SUFFIX)
        if not candidate.exists() and not candidate.is_absolute() and inside.is_file():
            return inside  # "autosaves/7efb4cea-1960", as 'saves' lists it: inside the saves folder
        return candidate
    stem = name_or_path[: -len(SAVE_SUFFIX)] if name_or_path.endswith(SAVE_SUFFIX) else name_or_path
    return saves_dir / f"{stem}{SAVE_SUFFIX}"


AUTOSAVES_FOLDER = "autosaves"  # each game's last few autosaves, kept apart: a new game never overwrites another's
AUTOSAVES_KEPT = 3


def game_id_for(scenario: str, seed: int, players: tuple[str, ...], saves_dir: Path | None = None) -> str:
    """A short name for a new game, made from what defines it; when the saves folder already holds autosaves of a
    game by that name (the same scenario, seed and side begun again), a number tells the new one apart."""
    defining = json.dumps([scenario, seed, list(players)])
    base = hashlib.sha256(defining.encode("utf-8")).hexdigest()[:8]
    if saves_dir is None:
        return base
    folder = saves_dir / AUTOSAVES_FOLDER
    taken = {path.name.rsplit("-", 1)[0] for path in folder.glob("*.json")} if folder.is_dir() else set()
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}-{number}"
    return name


def autosave_paths(saves_dir: Path, game_id: str) -> list[Path]:
    """This game's kept autosaves, the least recently written first (named GAME-YEAR.json)."""
    folder = saves_dir / AUTOSAVES_FOLDER
    if not folder.is_dir() or not game_id:
        return []
    found = [path for path in folder.glob(f"{game_id}-*.json") if path.stem.rsplit("-", 1)[0] == game_id]

    def written(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    return sorted(found, key=lambda path: (written(path), len(path.stem), path.stem))


def valid_save_name(name: str) -> str | None:
    """Why a save name is not acceptable, or None."""
    if not name:
        return "give the save a name, e.g. save moonshot"
    if len(name) > 64 or not all(ch.isalnum() or ch in "-_." for ch in name) or name.startswith("."):
        return "save names use letters, digits, '-', '_' and '.' (up to 64 characters)"
    return None


def save_text(save: SaveFile) -> str:
    """The save as JSON text (key order kept, so a loaded game iterates as the saved one did)."""
    return json.dumps(save.to_dict(), indent=1)


def write_save(path: Path, save: SaveFile) -> None:
    write_text_atomically(path, save_text(save))


def write_text_atomically(path: Path, text: str) -> None:
    """Write atomically: a temporary file in the same folder, flushed and synced, then renamed over."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def read_save(path: Path, content: Content) -> SaveFile:
    """Read and check a save; raises SaveError naming the file and what is wrong."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save") from None
    except OSError as error:
        raise SaveError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise SaveError(f"{path}: not a readable save — the file is damaged or truncated{where}") from None
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        raise SaveError(f"{path}: not a Space Race save file")
    try:
        data = upgrade_save(data)
    except UpgradeError as error:
        raise SaveError(f"{path}: {error}") from None
    try:
        record = Record.from_dict(data.get("record"))
        state = GameState.from_dict(data.get("state"))
    except (SaveError, StateError) as error:
        raise SaveError(f"{path}: {error}") from None
    problem = unknown_ids(state, content)
    if problem:
        raise SaveError(f"{path}: {problem}")
    if record.scenario != state.scenario:
        raise SaveError(f"{path}: the record's scenario {record.scenario!r} does not match the state's {state.scenario!r}")
    return SaveFile(record=record, state=state, game_version=str(data.get("game_version", "")))


def unknown_ids(state: GameState, content: Content) -> str | None:
    """A save may only name content that exists (a mod may have been removed since)."""
    if state.scenario not in content.scenarios:
        return f"the save's scenario {state.scenario!r} is not in the loaded content"
    for side in state.sides.values():
        for program_id in side.programs:
            if program_id not in content.hardware:
                return f"the save uses program {program_id!r}, which the loaded content does not have"
        for item in side.scheduled:
            if item.mission not in content.missions:
                return f"the save uses mission type {item.mission!r}, which the loaded content does not have"
            for hardware_id in (item.rocket, item.craft, item.lander):
                if hardware_id and hardware_id not in side.programs:
                    return f"scheduled mission #{item.number} uses {hardware_id!r}, which is not one of the side's programs"
        for pending in side.pending:
            if pending.event not in content.events:
                return f"the save has an open decision {pending.event!r}, which the loaded content does not have"
        for milestone_id in side.achieved:
            if milestone_id not in content.milestones:
                return f"the save names milestone {milestone_id!r}, which the loaded content does not have"
    for claim in state.claims:
        if claim.milestone not in content.milestones:
            return f"the save names milestone {claim.milestone!r}, which the loaded content does not have"
    return None
