"""The saves folder as both front ends list it: a preview of each save (scenario, side, year, when, mods) read
from its top-level facts, never raising on a damaged file; each game's own autosaves (autosaves/) included."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from game.engine.defs import SIDES
from game.record.save import AUTOSAVES_FOLDER, SAVE_FORMAT, SAVE_SUFFIX
from game.record.upgrade import why_unreadable

PREVIEW_LIMIT = 64 * 1024 * 1024  # a save bigger than this is not a save this game wrote
NAME_LIMIT = 64


@dataclass(frozen=True, slots=True)
class SavePreview:
    """What the list shows of one save file; `problem` says why it cannot be read ("" when it can)."""

    path: Path
    saved: float  # the file's modification time (seconds since the epoch)
    scenario: str = ""
    year: int = 0
    players: tuple[str, ...] = ()
    mods: tuple[str, ...] = ()
    difficulty: str = ""
    game_version: str = ""
    problem: str = ""
    game_id: str = ""  # the game it belongs to ("" in a save from before games had one)
    over: bool = False  # the race in it is over

    @property
    def name(self) -> str:
        """What to type to load it: the file's name, with autosaves/ in front for a game's kept autosave."""
        stem = self.path.name.removesuffix(SAVE_SUFFIX)
        return f"{AUTOSAVES_FOLDER}/{stem}" if self.path.parent.name == AUTOSAVES_FOLDER else stem


def read_preview(path: Path) -> SavePreview:
    """A save's top-level facts; any problem (unreadable, not JSON, not a save, a newer format) is described
    in `problem`, never raised."""
    try:
        saved = path.stat().st_mtime
    except OSError as error:
        return SavePreview(path, 0.0, problem=f"cannot be read ({error.strerror or error})")
    try:
        if path.stat().st_size > PREVIEW_LIMIT:
            return SavePreview(path, saved, problem="too large to be a save")
        data: Any = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as error:
        return SavePreview(path, saved, problem=f"cannot be read ({error.strerror or error})")
    except UnicodeDecodeError:
        return SavePreview(path, saved, problem="not text: the file is damaged")
    except json.JSONDecodeError as error:
        return SavePreview(path, saved, problem=f"damaged or truncated (line {error.lineno}, column {error.colno})")
    except (ValueError, RecursionError) as error:
        return SavePreview(path, saved, problem=f"damaged ({error.__class__.__name__})")
    if not isinstance(data, dict) or data.get("format") != SAVE_FORMAT:
        return SavePreview(path, saved, problem="not a Space Race save")
    unreadable = why_unreadable(data.get("version"))
    if unreadable:
        return SavePreview(path, saved, problem=unreadable)
    year, scenario, record = data.get("year"), data.get("scenario"), data.get("record")
    if not isinstance(year, int) or isinstance(year, bool) or not isinstance(scenario, str) or not isinstance(record, dict):
        return SavePreview(path, saved, problem="damaged: the year, scenario or record is missing")
    players, mods = record.get("players", []), record.get("mods", [])
    if not isinstance(players, list) or not all(side in SIDES for side in players):
        return SavePreview(path, saved, problem="damaged: the players are not sides")
    if not isinstance(mods, list) or not all(isinstance(mod, str) for mod in mods):
        return SavePreview(path, saved, problem="damaged: the mods are not a list of names")
    difficulty, state = record.get("difficulty", "normal"), data.get("state")
    return SavePreview(path, saved, scenario=scenario, year=year, players=tuple(players), mods=tuple(mods),
                       difficulty=difficulty if isinstance(difficulty, str) else "?",
                       game_version=str(data.get("game_version", "")), game_id=str(record.get("game_id") or ""),
                       over=isinstance(state, dict) and state.get("over") is True)


def list_saves(folder: Path, autosaves: bool = False) -> list[SavePreview]:
    """Every *.json in the folder (hidden and temporary files left out), newest first; with `autosaves`, each
    game's kept autosaves too (named autosaves/GAME-YEAR). Runs on the window's disk worker."""
    if not folder.is_dir():
        return []
    paths = [path for path in folder.glob(f"*{SAVE_SUFFIX}") if not path.name.startswith(".") and path.is_file()]
    if autosaves and (folder / AUTOSAVES_FOLDER).is_dir():
        paths += [path for path in (folder / AUTOSAVES_FOLDER).glob(f"*{SAVE_SUFFIX}")
                  if not path.name.startswith(".") and path.is_file()]
    previews = [read_preview(path) for path in paths]
    return sorted(previews, key=lambda preview: (-preview.saved, preview.name))


@dataclass(frozen=True, slots=True)
class SaveRow:
    name: str  # what to type after 'load' (a kept autosave's holds its game's id: 'load N' spares typing it)
    game: str  # "USA in The Space Race, 1955–1975 (hard), autosave" or why it cannot be loaded
    year: str
    when: str  # "2026-12-03 17:40"


def saves_list(folder: Path, scenario_names: Mapping[str, str] | None = None) -> list[SaveRow]:
    """The saves and kept autosaves as rows for the terminal's 'saves', newest first, each game said in words: the
    side, the scenario's name (its id when the content does not know it), the level, whether the race is over and
    whether the game saved it itself."""
    names = scenario_names or {}
    rows = []
    for preview in list_saves(folder, autosaves=True):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(preview.saved)) if preview.saved else ""
        if preview.problem:
            rows.append(SaveRow(preview.name, f"cannot be loaded: {preview.problem}", "", when))
            continue
        sides = " and ".join(side.upper() for side in preview.players) or "AI only"
        notes = [preview.difficulty] if preview.difficulty not in ("", "normal") else []
        notes += ["race over"] * preview.over
        notes += ["autosave"] * (preview.name == "autosave" or preview.path.parent.name == AUTOSAVES_FOLDER)
        game = f"{sides} in {names.get(preview.scenario, preview.scenario)}" + (f" ({', '.join(notes)})" if notes else "")
        rows.append(SaveRow(preview.name, game, str(preview.year), when))
    return rows
