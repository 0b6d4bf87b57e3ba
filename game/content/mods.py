"""Mods: reading `mod.toml` manifests, finding mod folders, and the load order every machine agrees on.

A mod is a folder holding `mod.toml` and content files in the same layout as `assets/content` (which is
itself the mod `base`, always loaded first). The order is deterministic: a mod loads after the mods it
`requires` and lists in `load_after`; otherwise mods load by id. The order of folders on disk or on the
command line never matters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game import __version__

from .files import MANIFEST, display_path, parse_file
from .problems import PathKey, Problem, Report, Source, suggest
BASE_ID = "base"
MOD_ID = re.compile(r"^[a-z][a-z0-9_]*$")
VERSION = re.compile(r"^\d+(\.\d+)*$")
CONSTRAINT = re.compile(r"^\s*(>=|<=|==|!=|>|<)?\s*(\d+(?:\.\d+)*)\s*$")

MANIFEST_KEYS: dict[str, tuple[str, bool, str]] = {
    # key: (type, required, meaning) — the reference `space-race mods docs` prints
    "id": ("str", True, "The mod's id: lowercase letters, digits and _. Other mods name it in requires/load_after."),
    "name": ("str", True, "Display name."),
    "version": ("str", True, "The mod's own version, e.g. \"1.2.0\"."),
    "game": ("str", True, "Game versions it supports, e.g. \">=0.1, <0.2\"."),
    "description": ("str", False, "A sentence or two for the mods list."),
    "authors": ("str_list", False, "Who made it."),
    "requires": ("str_list", False, "Mods that must be present; they load first."),
    "load_after": ("str_list", False, "Mods that, when present, load before this one."),
    "conflicts": ("str_list", False, "Mods that cannot be used together with this one."),
    "silence": ("str_list", False, "Warning codes not to report for this mod's files (errors cannot be silenced)."),
}


@dataclass(slots=True)
class Manifest:
    """A mod as its manifest describes it."""

    id: str
    name: str
    version: str
    game: str
    root: Path  # the folder that holds the content files
    source: Source | None = None  # the parsed mod.toml (None for a base without one)
    description: str = ""
    authors: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    load_after: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    silence: tuple[str, ...] = ()
    status: str = "ok"  # ok | has errors | missing requirement | conflict | unsupported game version | load cycle
    problems: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.id} {self.version}"


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def supports(spec: str, version: str = __version__) -> bool | None:
    """Whether a version spec like ">=0.1, <0.2" admits the game's version; None if the spec is malformed."""
    current = version_tuple(version)
    for part in spec.split(","):
        match = CONSTRAINT.match(part)
        if not match:
            return None
        op, wanted = match.group(1) or "==", version_tuple(match.group(2))
        width = max(len(current), len(wanted))
        left, right = current + (0,) * (width - len(current)), wanted + (0,) * (width - len(wanted))
        ok = {">=": left >= right, "<=": left <= right, ">": left > right, "<": left < right,
              "==": left == right, "!=": left != right}[op]
        if not ok:
            return False
    return True


def base_manifest(root: Path, report: Report) -> Manifest:
    """The base game's manifest (a base folder without mod.toml, as in tests, is the base all the same)."""
    if (root / MANIFEST).is_file():
        manifest = read_manifest(root / MANIFEST, report)
        if manifest is not None:
            manifest.id = BASE_ID
            return manifest
    return Manifest(id=BASE_ID, name="Space Race 1955–1975", version=__version__, game=f"=={__version__}", root=root)


def read_manifest(path: Path, report: Report) -> Manifest | None:
    """Read and check a mod.toml; problems go to the report. None when it cannot be read at all."""
    source, data = parse_file(path, report, mod="")
    if source is None or data is None:
        return None
    for key in data:
        if key not in MANIFEST_KEYS:
            report.add(source, (key,), f"unknown key {key!r} in mod.toml", "E-MOD-KEY", suggest(key, MANIFEST_KEYS),
                       where="mod.toml")
    values: dict[str, Any] = {}
    for key, (kind, required, meaning) in MANIFEST_KEYS.items():
        if key not in data:
            if required:
                report.add(source, (), f"mod.toml is missing {key!r} ({meaning})", "E-MOD-KEY", where="mod.toml")
            continue
        value = data[key]
        good = isinstance(value, str) if kind == "str" else isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not good:
            report.add(source, (key,), f"{key} should be {'a string' if kind == 'str' else 'a list of strings'}",
                       "E-MOD-KEY", at_value=True, where="mod.toml")
            continue
        values[key] = value if kind == "str" else tuple(value)
    mod_id = values.get("id", "")
    if mod_id and not MOD_ID.match(mod_id):
        report.add(source, ("id",), f"mod id {mod_id!r} should be lowercase letters, digits and _", "E-MOD-KEY",
                   at_value=True, where="mod.toml")
        mod_id = ""
    if "version" in values and not VERSION.match(values["version"]):
        report.add(source, ("version",), f"version {values['version']!r} should look like 1.0 or 1.2.3", "E-MOD-KEY",
                   at_value=True, where="mod.toml")
    if "game" in values and supports(values["game"]) is None:
        report.add(source, ("game",), f"game {values['game']!r} should be constraints like \">=0.1, <0.2\"",
                   "E-MOD-KEY", at_value=True, where="mod.toml")
    if not mod_id or any(key not in values for key, spec in MANIFEST_KEYS.items() if spec[1]):
        return None
    source.mod = mod_id
    return Manifest(
        id=mod_id, name=values["name"], version=values["version"], game=values["game"], root=path.parent,
        source=source, description=values.get("description", ""), authors=values.get("authors", ()),
        requires=values.get("requires", ()), load_after=values.get("load_after", ()),
        conflicts=values.get("conflicts", ()), silence=values.get("silence", ()),
    )


def find_mods(paths: list[Path], mods_dir: Path | None, report: Report) -> list[Manifest]:
    """Every mod named on the command line or found in the mods folder (each folder read once)."""
    folders: list[Path] = []
    for path in paths:
        folder = path.parent if path.name == MANIFEST else path
        if not (folder / MANIFEST).is_file():
            report.problems.append(_file_problem(display_path(folder), f"{folder} is not a mod: it has no {MANIFEST}"))
            continue
        folders.append(folder)
    if mods_dir is not None and mods_dir.is_dir():
        folders.extend(sorted(child for child in mods_dir.iterdir() if (child / MANIFEST).is_file()))
    manifests: list[Manifest] = []
    seen: set[Path] = set()
    for folder in folders:
        resolved = folder.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        manifest = read_manifest(folder / MANIFEST, report)
        if manifest is None:  # listed, so `mods list` can show it, but never loaded
            manifest = Manifest(id=folder.name, name=folder.name, version="?", game="", root=folder,
                                status="has errors", problems=[f"its {MANIFEST} has errors"])
        manifests.append(manifest)
    return manifests


def _file_problem(path: str, message: str) -> Problem:
    return Problem(path, 1, 1, message, "error", "E-MOD-FILE")


def load_order(base: Manifest, mods: list[Manifest], report: Report) -> list[Manifest]:
    """The base first, then every usable mod after what it requires and loads after, ties broken by id.
    Mods that cannot load get a status and an error; they are left out of the order."""
    by_id: dict[str, Manifest] = {}
    for mod in sorted((item for item in mods if item.status == "ok"), key=lambda item: (item.id, str(item.root))):
        if mod.id == BASE_ID or mod.id in by_id:
            other_root = base.root if mod.id == BASE_ID else by_id[mod.id].root
            _mod_error(report, mod, ("id",), f"mod id {mod.id!r} is already used by {other_root}", "E-MOD-DUPLICATE", "has errors")
            continue
        by_id[mod.id] = mod
    for mod in by_id.values():
        if supports(mod.game) is False:
            _mod_error(report, mod, ("game",), f"{mod.name} supports game versions {mod.game}, not {__version__}",
                       "E-MOD-VERSION", "unsupported game version")
        for index, other in enumerate(mod.conflicts):
            if other in by_id:
                _mod_error(report, mod, ("conflicts", index), f"{mod.id} conflicts with {other}, which is also loaded",
                           "E-MOD-CONFLICT", "conflict")
                if mod.id not in by_id[other].conflicts:  # both are marked, so neither loads half-agreed
                    _mod_error(report, by_id[other], ("id",), f"{other} conflicts with {mod.id}, which is also loaded "
                               f"(declared in {mod.id}'s mod.toml)", "E-MOD-CONFLICT", "conflict")
    changed = True
    while changed:  # a mod missing a requirement takes every mod that requires it down with it
        changed = False
        for mod in by_id.values():
            if mod.status != "ok":
                continue
            for index, needed in enumerate(mod.requires):
                if needed == BASE_ID:
                    continue
                if needed not in by_id:
                    _mod_error(report, mod, ("requires", index), f"{mod.id} requires the mod {needed!r}, which is not installed",
                               "E-MOD-REQUIRES", "missing requirement", suggest(needed, by_id))
                    changed = True
                    break
                if by_id[needed].status != "ok":
                    _mod_error(report, mod, ("requires", index), f"{mod.id} requires {needed}, which cannot load ({by_id[needed].status})",
                               "E-MOD-REQUIRES", "missing requirement")
                    changed = True
                    break
    usable = {mod_id: mod for mod_id, mod in by_id.items() if mod.status == "ok"}
    order: list[Manifest] = [base]
    placed: set[str] = {BASE_ID}
    while len(placed) < len(usable) + 1:
        ready = sorted(
            mod_id for mod_id, mod in usable.items()
            if mod_id not in placed and all(dep in placed or dep not in usable for dep in (*mod.requires, *mod.load_after))
        )
        if not ready:
            stuck = sorted(mod_id for mod_id in usable if mod_id not in placed)
            for mod_id in stuck:
                mod = usable[mod_id]  # point at the entry that waits on another mod of the cycle
                at: PathKey = next(((key, index) for key in ("requires", "load_after")
                           for index, dep in enumerate(getattr(mod, key)) if dep in stuck), ("load_after",))
                _mod_error(report, mod, at, f"load order cycle among: {', '.join(stuck)}", "E-MOD-CYCLE", "load cycle")
            break
        order.append(usable[ready[0]])  # determinism: the smallest ready id goes next
        placed.add(ready[0])
    return order


def _mod_error(report: Report, mod: Manifest, path: PathKey, message: str, code: str, status: str,
               suggestion: str | None = None) -> None:
    mod.status = status
    mod.problems.append(message)
    if mod.source is not None:
        report.add(mod.source, path, message, code, suggestion, at_value=bool(path), where=f"mod {mod.id}")
    else:
        report.problems.append(_file_problem(str(mod.root), message))
