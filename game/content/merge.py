"""Merging every loaded mod's files into one set of objects by id: define, override, patch, disable.

Within a mod, its definitions are read first (files in sorted order), then its patches, then its disables;
mods are merged one after another in load order. Every file that touched an object is remembered, so the load
report can say who defined, replaced, patched or disabled what, and which mod won.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from . import tomlpos
from .files import content_files, display_path, parse_file
from .mods import Manifest
from .problems import PathKey, Problem, Report, Source, suggest
from .schema import KINDS, TABLES, TEXT_KIND

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
RESERVED_HARDWARE_IDS = ("training", "education")  # targets of the Fund order besides programs
PATCH = "patch"
DISABLE = "disable"
OVERRIDE = "override"
LIST_LABELS = {"choices": "choice", "steps": "step", "effects": "effect"}


@dataclass(slots=True)
class Raw:
    """One object after merging: its data, and where each part of it was written."""

    kind: str
    id: str
    data: dict[str, Any]
    source: Source
    path: PathKey  # the object's table in `source`
    origins: dict[PathKey, tuple[Source, PathKey]] = field(default_factory=dict)  # parts written elsewhere (patches)

    def where(self, rel: PathKey) -> tuple[Source, PathKey]:
        """The file and key path that wrote the part of this object at `rel`."""
        best: PathKey | None = None
        for prefix in self.origins:
            if rel[: len(prefix)] == prefix and (best is None or len(prefix) > len(best)):
                best = prefix
        if best is None:
            return self.source, (*self.path, *rel)
        source, base = self.origins[best]
        return source, (*base, *rel[len(best):])

    def label(self, rel: PathKey = ()) -> str:
        """The object path a modder reads: event kennedy_speech › choice 2 › effects."""
        parts = [f"{self.kind} {self.id}"]
        previous = ""
        for part in rel:
            if isinstance(part, int):
                name = LIST_LABELS.get(previous)
                if name and parts and parts[-1] == previous:
                    parts[-1] = f"{name} {part + 1}"
                else:
                    parts.append(str(part + 1))
            else:
                parts.append(part)
            previous = part if isinstance(part, str) else ""
        return " › ".join(parts)

    def problem(self, report: Report, rel: PathKey, message: str, code: str, suggestion: str | None = None,
                at_value: bool = False, severity: str = "error") -> None:
        source, path = self.where(rel)
        report.add(source, path, message, code, suggestion, at_value=at_value, severity=severity, where=self.label(rel))


    def problem_in_string(self, report: Report, rel: PathKey, index: int, length: int, message: str, code: str,
                          suggestion: str | None = None, severity: str = "error") -> None:
        """A problem at the index-th character of the string value at `rel` (escapes and line breaks counted)."""
        source, path = self.where(rel)
        located = tomlpos.locate(source.positions, path)
        at = tomlpos.string_char_pos(source.text, located.value, index) if located else tomlpos.Pos(1, 1)
        report.add_at(source, at.line, at.col, message, code, suggestion, severity, self.label(rel), length)


@dataclass(frozen=True, slots=True)
class Touch:
    """One file's part in an object's story."""

    mod: str
    file: str
    action: str  # defined | overrode | patched | disabled


@dataclass(slots=True)
class Merged:
    objects: dict[tuple[str, str], Raw] = field(default_factory=dict)
    texts: dict[str, tuple[str, Source, PathKey]] = field(default_factory=dict)
    touches: dict[tuple[str, str], list[Touch]] = field(default_factory=dict)
    disabled: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) → the mod that disabled it
    files: dict[str, str] = field(default_factory=dict)  # display path → mod id (for silencing warnings)

    def touch(self, key: tuple[str, str], mod: str, file: str, action: str) -> None:
        self.touches.setdefault(key, []).append(Touch(mod, file, action))


def merge_mods(order: list[Manifest], report: Report, digest: "hashlib._Hash") -> Merged:
    merged = Merged()
    for mod in order:
        patches: list[tuple[Source, dict[str, Any]]] = []
        disables: list[tuple[Source, Any]] = []
        for path in content_files(mod.root):
            if mod.root.resolve() not in path.resolve().parents:  # a link that leads out of the mod
                report.problems.append(Problem(display_path(path), 1, 1, f"{path.name} is a link that leads outside the "
                                               f"mod's folder; a mod's content must be its own files", code="E-FILE"))
                merged.files[display_path(path)] = mod.id
                continue
            digest.update(f"{mod.id}/{path.relative_to(mod.root).as_posix()}".encode() + b"\0" + path.read_bytes() + b"\0")
            merged.files[display_path(path)] = mod.id  # even when unreadable: its errors belong to this mod
            source, data = parse_file(path, report, mod.id)
            if source is None or data is None:
                continue
            for top, value in data.items():
                if top == PATCH:
                    patches.append((source, value))
                elif top == DISABLE:
                    disables.append((source, value))
                elif top == TEXT_KIND:
                    _define_texts(merged, source, value, report)
                elif top in KINDS:
                    _define_objects(merged, mod, source, top, value, report)
                else:
                    report.add(source, (top,), f"unknown table [{top}]", "E-KEY", suggest(top, [*KINDS, TEXT_KIND, PATCH, DISABLE]),
                               where=f"[{top}]")
        for source, value in patches:
            _apply_patches(merged, mod, source, value, report)
        for source, value in disables:
            _apply_disables(merged, mod, source, value, report)
    return merged


def _define_objects(merged: Merged, mod: Manifest, source: Source, kind: str, value: Any, report: Report) -> None:
    if not isinstance(value, dict):
        report.add(source, (kind,), f"[{kind}] should be a table of objects keyed by id", "E-TYPE")
        return
    for object_id, body in value.items():
        where: PathKey = (kind, object_id)
        label = f"{kind} {object_id}"
        if kind != "crew_names" and not ID_PATTERN.match(object_id):
            report.add(source, where, f"{kind} id {object_id!r} should be snake_case: lowercase letters, digits and _",
                       "E-ID", where=label)
            continue
        if kind == "hardware" and object_id in RESERVED_HARDWARE_IDS:
            report.add(source, where, f"hardware id {object_id!r} is reserved: 'fund {object_id} N' already means the "
                       f"{object_id} budget", "E-ID", where=label)
            continue
        if not isinstance(body, dict):
            report.add(source, where, f"{kind} {object_id!r} should be a table", "E-TYPE", at_value=True, where=label)
            continue
        body = dict(body)
        override = body.pop(OVERRIDE, False)
        if not isinstance(override, bool):
            report.add(source, (*where, OVERRIDE), "override should be true or false", "E-TYPE", at_value=True, where=label)
            override = False
        key = (kind, object_id)
        existing = merged.objects.get(key)
        if existing is not None and not override:
            report.add(source, where, f"{kind} {object_id!r} is already defined in {existing.source.display}; "
                       f"set override = true to replace it, or change fields with [patch.{kind}.{object_id}]",
                       "E-DUPLICATE", where=label)
            continue
        if existing is None and override:
            report.add(source, (*where, OVERRIDE), f"override = true, but no loaded mod defines {kind} {object_id!r}; "
                       "it is simply a new object", "W-OVERRIDE-NEW", at_value=True, severity="warning", where=label)
        merged.disabled.pop(key, None)
        merged.objects[key] = Raw(kind, object_id, body, source, where)
        merged.touch(key, mod.id, source.display, "overrode" if existing else "defined")


def _define_texts(merged: Merged, source: Source, value: Any, report: Report) -> None:
    if not isinstance(value, dict):
        report.add(source, (TEXT_KIND,), "[text] should be a table of named strings", "E-TYPE")
        return
    for key, text in value.items():
        where: PathKey = (TEXT_KIND, key)
        if not isinstance(text, str):
            report.add(source, where, f"text {key!r} should be a string", "E-TYPE", at_value=True, where=f"text {key}")
        elif key in merged.texts:
            report.add(source, where, f"text {key!r} is already defined in {merged.texts[key][1].display}; "
                       "change it with [patch.text]", "E-DUPLICATE", where=f"text {key}")
        else:
            merged.texts[key] = (text, source, where)


def _apply_patches(merged: Merged, mod: Manifest, source: Source, value: Any, report: Report) -> None:
    """[patch.KIND.ID] sets fields of an existing object; for events, add_choices / remove_choices edit its
    choices. [patch.text] replaces named strings."""
    if not isinstance(value, dict):
        report.add(source, (PATCH,), "[patch] should hold tables like [patch.event.some_id]", "E-TYPE")
        return
    for kind, targets in value.items():
        if kind == TEXT_KIND:
            _patch_texts(merged, source, targets, report)
            continue
        if kind not in KINDS:
            report.add(source, (PATCH, kind), f"cannot patch {kind!r}: not a kind of object", "E-PATCH", suggest(kind, KINDS),
                       where=f"patch {kind}")
            continue
        if not isinstance(targets, dict):
            report.add(source, (PATCH, kind), f"[patch.{kind}] should hold one table per id", "E-TYPE")
            continue
        for object_id, fields in targets.items():
            where: PathKey = (PATCH, kind, object_id)
            key = (kind, object_id)
            raw = merged.objects.get(key)
            if raw is None:
                known = [oid for (k, oid) in merged.objects if k == kind]
                gone = " (it was disabled)" if key in merged.disabled else ""
                report.add(source, where, f"cannot patch {kind} {object_id!r}: no loaded mod defines it{gone}", "E-PATCH",
                           suggest(object_id, known), where=f"patch {kind} {object_id}")
                continue
            if not isinstance(fields, dict):
                report.add(source, where, f"[patch.{kind}.{object_id}] should be a table of fields", "E-TYPE")
                continue
            _patch_object(raw, source, where, fields, report)
            merged.touch(key, mod.id, source.display, "patched")


def _patch_object(raw: Raw, source: Source, where: PathKey, fields: dict[str, Any], report: Report) -> None:
    schema = TABLES[KINDS[raw.kind]]
    label = f"patch {raw.kind} {raw.id}"
    for name, value in fields.items():
        if name in ("add_choices", "remove_choices") and raw.kind == "event":
            continue
        if name not in schema:
            extra = ["add_choices", "remove_choices"] if raw.kind == "event" else []
            report.add(source, (*where, name), f"unknown key {name!r} for {raw.kind}", "E-KEY",
                       suggest(name, [*schema, *extra]), where=label)
            continue
        raw.data[name] = value
        for prefix in [prefix for prefix in raw.origins if prefix[:1] == (name,)]:
            del raw.origins[prefix]
        raw.origins[(name,)] = (source, (*where, name))
    if raw.kind == "event":
        _patch_choices(raw, source, where, fields, report)


def _patch_choices(raw: Raw, source: Source, where: PathKey, fields: dict[str, Any], report: Report) -> None:
    label = f"patch event {raw.id}"
    choices = raw.data.get("choices", [])
    if not isinstance(choices, list):
        return
    # remember where every current choice was written before the list changes shape
    placed = [raw.where(("choices", index)) for index in range(len(choices))]
    removed = fields.get("remove_choices", [])
    if not isinstance(removed, list) or not all(isinstance(item, str) for item in removed):
        report.add(source, (*where, "remove_choices"), "remove_choices should be a list of choice ids", "E-TYPE",
                   at_value=True, where=label)
        removed = []
    ids = [choice.get("id") if isinstance(choice, dict) else None for choice in choices]
    for index, choice_id in enumerate(removed):
        if choice_id not in ids:
            report.add(source, (*where, "remove_choices", index), f"event {raw.id!r} has no choice {choice_id!r}",
                       "E-PATCH", suggest(choice_id, [i for i in ids if isinstance(i, str)]), at_value=True, where=label)
    kept = [(choice, origin) for choice, origin, choice_id in zip(choices, placed, ids) if choice_id not in removed]
    added = fields.get("add_choices", [])
    if not isinstance(added, list) or not all(isinstance(item, dict) for item in added):
        report.add(source, (*where, "add_choices"), "add_choices should be a list of tables ([[patch.event.ID.add_choices]])",
                   "E-TYPE", at_value=True, where=label)
        added = []
    kept += [(choice, (source, (*where, "add_choices", index))) for index, choice in enumerate(added)]
    if "remove_choices" in fields or "add_choices" in fields:
        raw.data["choices"] = [choice for choice, _ in kept]
        for prefix in [prefix for prefix in raw.origins if prefix[:1] == ("choices",)]:
            del raw.origins[prefix]
        for index, (_, origin) in enumerate(kept):
            raw.origins[("choices", index)] = origin


def _patch_texts(merged: Merged, source: Source, value: Any, report: Report) -> None:
    if not isinstance(value, dict):
        report.add(source, (PATCH, TEXT_KIND), "[patch.text] should be a table of named strings", "E-TYPE")
        return
    for key, text in value.items():
        where: PathKey = (PATCH, TEXT_KIND, key)
        if key not in merged.texts:
            report.add(source, where, f"cannot patch text {key!r}: no loaded mod defines it", "E-PATCH",
                       suggest(key, merged.texts), where=f"patch text {key}")
        elif not isinstance(text, str):
            report.add(source, where, f"text {key!r} should be a string", "E-TYPE", at_value=True)
        else:
            merged.texts[key] = (text, source, where)


def _apply_disables(merged: Merged, mod: Manifest, source: Source, value: Any, report: Report) -> None:
    """[disable] lists ids per kind, e.g. event = ["sputnik_crisis"]: those objects are removed."""
    if not isinstance(value, dict):
        report.add(source, (DISABLE,), "[disable] should be a table like: event = [\"some_id\"]", "E-TYPE")
        return
    for kind, ids in value.items():
        if kind not in KINDS:
            report.add(source, (DISABLE, kind), f"cannot disable {kind!r}: not a kind of object", "E-PATCH", suggest(kind, KINDS),
                       where=f"disable {kind}")
            continue
        if not isinstance(ids, list) or not all(isinstance(item, str) for item in ids):
            report.add(source, (DISABLE, kind), f"disable.{kind} should be a list of ids", "E-TYPE", at_value=True)
            continue
        for index, object_id in enumerate(ids):
            key = (kind, object_id)
            if key not in merged.objects:
                known = [oid for (k, oid) in merged.objects if k == kind]
                report.add(source, (DISABLE, kind, index), f"nothing to disable: no loaded mod defines {kind} {object_id!r}",
                           "W-DISABLE-MISSING", suggest(object_id, known), at_value=True, severity="warning",
                           where=f"disable {kind} {object_id}")
                continue
            del merged.objects[key]
            merged.disabled[key] = mod.id
            merged.touch(key, mod.id, source.display, "disabled")
