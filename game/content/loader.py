"""Content files → validated, compiled definitions, with every problem collected as path:line:col: message.

The loader never stops at the first problem: it reads every file, checks every object against the schema,
compiles every expression (checking every name it uses), cross-checks ids between objects, and reports all
problems at once. Only when there are no errors does it build the engine's `Content`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable

from game.engine import defs
from game.engine.defs import SIDES
from game.engine.scripting import HOOK_VARIABLES

from . import schedules, story, tomlpos
from .analysis import analyse
from .builder import Builder
from .checks import check_table
from .compiler import Compiler, flags_written
from .env import script_env
from .files import content_files, display_path
from .merge import Merged, Raw, Touch, merge_mods
from .mods import BASE_ID, Manifest, base_manifest, find_mods, load_order
from .paths import content_root
from .problems import ContentError, Problem, Report, ordered, suggest
from .schema import KINDS, TABLES

__all__ = ["ContentError", "LoadResult", "Problem", "check_content", "content_files", "load_content", "load_game"]


# -- the whole load ---------------------------------------------------------------------------------


@dataclass(slots=True)
class LoadResult:
    """What loading the base game and its mods gave: the content (None if any error), every problem
    (root causes first), the mods found and the order they loaded in, and who touched each object."""

    content: defs.Content | None
    problems: list[Problem]
    mods: list[Manifest]
    order: list[Manifest]
    touches: dict[tuple[str, str], list[Touch]] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity == "warning"]

    def contested(self) -> list[tuple[str, str, list[Touch], str]]:
        """Every object more than one mod touched: (kind, id, touches in order, the mod whose version won)."""
        rows = []
        for (kind, object_id), touches in sorted(self.touches.items()):
            if len({touch.mod for touch in touches}) < 2:
                continue
            winner = next((t.mod for t in reversed(touches) if t.action in ("defined", "overrode", "disabled")), touches[0].mod)
            rows.append((kind, object_id, touches, winner))
        return rows


def load_game(mod_paths: Iterable[Path] = (), mods_dir: Path | None = None, base_root: Path | None = None) -> LoadResult:
    """Load the base game, the mods named, and the mods found in `mods_dir`, merged in load order."""
    root = base_root or content_root()
    report = Report()
    if not root.is_dir():
        report.problems.append(Problem(display_path(root), 1, 1, "the content folder does not exist", code="E-FILE"))
        return LoadResult(None, report.problems, [], [])
    base = base_manifest(root, report)
    found = find_mods(list(mod_paths), mods_dir, report)
    order = load_order(base, found, report)
    digest = hashlib.sha256()
    merged = merge_mods(order, report, digest)
    content = _build(merged, report, digest, root, {mod.id: mod.root for mod in order})
    if content is not None:
        content = dataclasses.replace(content, mods=tuple(mod.label for mod in order if mod.id != BASE_ID))
    problems = _silence(report.problems, order, merged)
    mods = [base, *sorted(found, key=lambda mod: mod.id)]
    for mod in mods:
        mine = {mod.source.display} if mod.source is not None else set()  # its mod.toml, and its content files
        if mod.status == "ok" and any(p.severity == "error" and (merged.files.get(p.path) == mod.id or p.path in mine)
                                      for p in problems):
            mod.status = "has errors"
    if any(problem.severity == "error" for problem in problems):
        content = None
    return LoadResult(content, ordered(problems), mods, order, merged.touches)


_NAME_FIELDS = {"hardware": "name", "milestone": "name", "mission": "name", "event": "title", "promise": "name",
                "variable": "name", "character": "short"}


def _display_name(raw: Raw) -> str:
    """What a player calls an object, read before it is built (for plain-words descriptions)."""
    value = raw.data.get(_NAME_FIELDS.get(raw.kind, "name"), "")
    if raw.kind == "character" and not value:
        value = raw.data.get("name", "")
        value = value.split()[-1] if isinstance(value, str) and value.split() else ""
    if isinstance(value, list):  # a text with variants: its plain string comes last
        value = value[-1] if value and isinstance(value[-1], str) else ""
    return value if isinstance(value, str) else ""


def _build(merged: Merged, report: Report, digest: "hashlib._Hash", root: Path, roots: dict[str, Path]) -> defs.Content | None:
    objects = sorted(merged.objects.values(), key=lambda raw: (raw.kind, raw.id))  # determinism: sorted kinds and ids
    known: dict[str, list[str]] = {kind: sorted(raw.id for raw in objects if raw.kind == kind) for kind in KINDS}
    known["program"] = known["hardware"]
    known["side"] = list(SIDES)
    builtin = {*script_env().functions, *script_env().variables, *HOOK_VARIABLES}
    conditions = tuple(item for item in known["condition"] if item not in builtin)  # a clash is reported, not used
    known["flag"] = flags_written(objects)
    compiler = Compiler(report, known, {object_id: mod for (_, object_id), mod in sorted(merged.disabled.items())},
                        conditions=conditions)
    sides_of = {raw.id: raw.data.get("side", "") for raw in objects if raw.kind == "hardware"}
    builder = Builder(report, known, compiler, sides_of, merged.disabled, roots)
    builder.kinds_of = {raw.id: raw.data.get("kind", "") for raw in objects if raw.kind == "hardware"}
    for raw in objects:
        kind = "program" if raw.kind == "hardware" else raw.kind
        builder.names[(kind, raw.id)] = _display_name(raw)
        if raw.kind in ("character", "variable", "promise"):
            builder.sides_of_kind[(raw.kind, raw.id)] = story.sides_of(raw)
        if raw.kind == "condition" and isinstance(raw.data.get("description"), str):
            builder.condition_words[raw.id] = raw.data["description"]

    built: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
    makers: dict[str, Callable[[Raw, dict[str, Any]], Any]] = {
        "hardware": builder.hardware, "mission": builder.mission, "milestone": builder.milestone,
        "scenario": builder.scenario, "crew_names": partial(_crew_names, report),
        "event": partial(story.event, builder), "variable": partial(story.variable, builder),
        "condition": partial(story.named_condition, builder), "effects": partial(story.effect_list, builder),
        "character": partial(story.character, builder), "promise": partial(story.promise, builder),
        "schedule": partial(schedules.schedule, builder, content_tables=built),  # built after hardware, missions, events
    }
    for raw in objects:
        clean = check_table(raw.data, KINDS[raw.kind], raw, (), report)
        if any(spec.required and name not in clean for name, spec in TABLES[KINDS[raw.kind]].items()):
            continue  # missing required keys already reported
        made = makers[raw.kind](raw, clean)
        if made is not None:
            built[raw.kind][raw.id] = made

    if not built["scenario"] and not report.has_errors:
        report.problems.append(Problem(display_path(root), 1, 1, "the content defines no scenario", code="E-MISSING"))
    if report.has_errors:
        return None
    events = built["event"]
    content = defs.Content(
        hardware=built["hardware"], missions=built["mission"], milestones=built["milestone"], events=events,
        scenarios=built["scenario"], texts={key: value[0] for key, value in sorted(merged.texts.items())},
        crew_names=built["crew_names"], digest=digest.hexdigest()[:16], variables=built["variable"],
        conditions=built["condition"], effect_lists=built["effects"], characters=built["character"],
        promises=built["promise"], schedules=built["schedule"], event_index=defs.index_events(events), hook_index=defs.index_hooks(events),
    )
    analyse(content, merged, compiler.refs, compiler.calls, report)
    if report.has_errors:
        return None
    return content


def _crew_names(report: Report, raw: Raw, clean: dict[str, Any]) -> defs.CrewNames:
    if raw.id not in SIDES:
        raw.problem(report, (), f"crew_names must be keyed by side, not {raw.id!r}", "E-KEY", suggest(raw.id, SIDES))
    if clean["female_last"] and len(clean["female_last"]) != len(clean["last"]):
        raw.problem(report, ("female_last",), f"female_last has {len(clean['female_last'])} names; it must match "
                    f"last ({len(clean['last'])}), name for name", "E-VALUE", at_value=True)
    return defs.CrewNames(clean["male"], clean["female"], clean["last"], clean["female_last"])


def _silence(problems: list[Problem], order: list[Manifest], merged: Merged) -> list[Problem]:
    """Drop the warnings a mod silenced for its own files; errors are never silenced."""
    silenced = {mod.id: set(mod.silence) for mod in order}
    kept = []
    for problem in problems:
        owner = merged.files.get(problem.path, "")
        if problem.severity == "warning" and problem.code in silenced.get(owner, set()):
            continue
        kept.append(problem)
    for mod in order:
        for index, code in enumerate(mod.silence):
            if code.startswith("E") and mod.source is not None:
                located = tomlpos.locate(mod.source.positions, ("silence", index))
                line, col = (located.value.line, located.value.col) if located else (1, 1)
                kept.append(Problem(mod.source.display, line, col, f"{code} is an error; errors cannot be silenced",
                                    "warning", "W-SILENCE-ERROR", where=f"mod {mod.id}",
                                    source_line=mod.source.line_text(line)))
    return kept


def check_content(root: Path | None = None) -> tuple[defs.Content | None, list[Problem]]:
    """Load and validate one content folder as the base game (the shipped one by default), with no mods."""
    result = load_game(base_root=root)
    return result.content, result.problems


def load_content(root: Path | None = None) -> defs.Content:
    """The validated base content, or ContentError listing every problem."""
    content, problems = check_content(root)
    if content is None:
        raise ContentError(problems)
    return content
