"""Content files → validated, compiled definitions, with every problem collected as path:line:col: message.

The loader never stops at the first problem: it reads every file, checks every object against the schema,
compiles every expression (checking every name it uses), cross-checks ids between objects, and reports all
problems at once. Only when there are no errors does it build the engine's `Content`.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from game.engine import defs
from game.engine.defs import SIDES

from . import expr, tomlpos
from .analysis import analyse
from .env import script_env
from .files import content_files, display_path, why_unsafe_asset
from .merge import Merged, Raw, Touch, merge_mods
from .mods import BASE_ID, Manifest, base_manifest, find_mods, load_order
from .paths import content_root
from .problems import ContentError, PathKey, Problem, Report, ordered, suggest
from .schema import KINDS, TABLES, Field

__all__ = ["ContentError", "LoadResult", "Problem", "check_content", "content_files", "load_content", "load_game"]


# -- schema checks ----------------------------------------------------------------------------------

_TYPE_NAMES = {
    "str": "a string", "int": "a whole number", "bool": "true or false", "str_list": "a list of strings",
    "int_pair": "a list of two whole numbers", "int_list": "a list of whole numbers", "condition": "a condition string",
    "windows": "a list of [year, month] pairs", "asset": "a file path inside the mod's folder",
    "effects": "a list of effect strings", "table": "a table", "tables": "a list of tables",
    "int_table": "a table of whole numbers", "weights": "a table of whole-number weights",
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_table(data: dict[str, Any], schema: str, raw: Raw, rel: PathKey, report: Report) -> dict[str, Any]:
    """Check a table against its schema; return it with defaults filled in (invalid keys dropped)."""
    fields = TABLES[schema]
    clean: dict[str, Any] = {}
    what = raw.label(rel)
    for key in data:
        if key not in fields:
            raw.problem(report, (*rel, key), f"unknown key {key!r} in {what}", "E-KEY", suggest(key, fields))
    for name, spec in fields.items():
        if name not in data:
            if spec.required:
                raw.problem(report, rel, f"{what} is missing required key {name!r} ({spec.doc})", "E-MISSING")
            elif spec.type == "table":
                clean[name] = check_table({}, spec.sub, raw, (*rel, name), report)
            else:
                clean[name] = spec.default
            continue
        value = _check_value(data[name], spec, raw, (*rel, name), report)
        if value is not None:
            clean[name] = value
        elif not spec.required:  # already reported: fall back to the default so the later checks still run
            clean[name] = check_table({}, spec.sub, raw, rel, Report()) if spec.type == "table" else spec.default
    return clean


def _check_value(value: Any, spec: Field, raw: Raw, rel: PathKey, report: Report) -> Any:
    """The value if it fits the field's type and limits, else None (with the problem reported)."""

    def wrong(message: str | None = None, code: str = "E-TYPE", sub: PathKey = ()) -> None:
        raw.problem(report, (*rel, *sub), message or f"{spec.name} should be {_TYPE_NAMES[spec.type]}", code, at_value=True)

    kind = spec.type
    if kind in ("str", "condition", "asset"):
        if not isinstance(value, str):
            return wrong()
        if spec.choices and value not in spec.choices:
            wrong(f"{spec.name} must be one of {', '.join(repr(c) for c in spec.choices)}, not {value!r}", "E-VALUE")
            report.suggest_last(suggest(value, spec.choices))
            return None
        return value
    if kind == "int":
        if not _is_int(value):
            return wrong()
        if (spec.low is not None and value < spec.low) or (spec.high is not None and value > spec.high):
            return wrong(f"{spec.name} must be between {spec.low} and {spec.high}, not {value}", "E-RANGE")
        return value
    if kind == "bool":
        return value if isinstance(value, bool) else wrong()
    if kind in ("str_list", "effects"):
        if not isinstance(value, list):
            return wrong()
        ok = True
        for index, item in enumerate(value):
            if not isinstance(item, str):
                wrong(f"{spec.name}[{index + 1}] should be a string", sub=(index,))
                ok = False
            elif spec.choices and item not in spec.choices:
                wrong(f"{item!r} is not a valid {spec.name} value", "E-VALUE", sub=(index,))
                report.suggest_last(suggest(item, spec.choices))
                ok = False
        return tuple(value) if ok else None
    if kind in ("int_pair", "int_list"):
        if not isinstance(value, list) or not all(_is_int(item) for item in value):
            return wrong()
        if kind == "int_pair" and (len(value) != 2 or value[0] > value[1]):
            return wrong(f"{spec.name} should be [first, last] with first <= last", "E-VALUE")
        for index, item in enumerate(value):
            if (spec.low is not None and item < spec.low) or (spec.high is not None and item > spec.high):
                return wrong(f"{spec.name} values must be between {spec.low} and {spec.high}, not {item}", "E-RANGE", sub=(index,))
        return tuple(value)
    if kind == "windows":
        if not isinstance(value, list):
            return wrong()
        for index, item in enumerate(value):
            if not (isinstance(item, list) and len(item) == 2 and all(_is_int(part) for part in item)):
                return wrong(f"{spec.name}[{index + 1}] should be [year, month]", sub=(index,))
            year, month = item
            if not (spec.low or 0) <= year <= (spec.high or 9999) or not 1 <= month <= 12:
                return wrong(f"{spec.name}[{index + 1}] = {item} is not a year {spec.low}–{spec.high} and a month 1–12",
                             "E-RANGE", sub=(index,))
        return tuple(sorted((item[0], item[1]) for item in value))
    if kind in ("int_table", "weights"):
        if not isinstance(value, dict):
            return wrong()
        for key, item in value.items():
            if not _is_int(item) or item < 0:
                return wrong(f"{spec.name}.{key} should be a whole number of at least 0", sub=(key,))
            if spec.choices and key not in spec.choices:
                raw.problem(report, (*rel, key), f"{key!r} is not one of {', '.join(spec.choices)}", "E-KEY", suggest(key, spec.choices))
                return None
        if kind == "weights" and sum(value.values()) <= 0:
            return wrong(f"{spec.name} needs at least one weight above 0", "E-VALUE")
        return dict(value)
    if kind == "table":
        if not isinstance(value, dict):
            return wrong()
        return check_table(value, spec.sub, raw, rel, report)
    if kind == "tables":
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            return wrong()
        return tuple(check_table(item, spec.sub, raw, (*rel, index), report) for index, item in enumerate(value))
    raise AssertionError(f"unknown field type {kind}")


# -- expressions ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Compiler:
    """Compiles every expression against the script registry and the ids the content defines, keeping each
    compiled expression's references (flags read and written) for the analysis that follows."""

    report: Report
    known: dict[str, list[str]]
    disabled: dict[str, str] = field(default_factory=dict)  # id → the mod that disabled it
    refs: list[tuple[expr.Ref, Raw, PathKey]] = field(default_factory=list)

    def _compile(self, compile_fn: Callable[..., Any], text: str, raw: Raw, rel: PathKey) -> Any:
        compiled, errors = compile_fn(text, script_env(), self.known)
        source, path = raw.where(rel)
        located = tomlpos.locate(source.positions, path)
        for error in errors:
            at = tomlpos.string_char_pos(source.text, located.value, error.offset) if located else tomlpos.Pos(1, 1)
            suggestion = error.suggestion
            named = text[error.offset:error.offset + error.length].strip("'\"")
            if error.code == "E-REF" and named in self.disabled:  # not a typo: a mod took it away
                suggestion = f"it was disabled by the mod {self.disabled[named]}"
            self.report.add_at(source, at.line, at.col, f"in {text!r}: {error.message}", error.code, suggestion,
                               where=raw.label(rel), length=error.length)
        if compiled is not None:
            self.refs.extend((ref, raw, rel) for ref in compiled.refs)
        return compiled

    def condition(self, text: str, raw: Raw, rel: PathKey) -> Any:
        return self._compile(expr.compile_condition, text, raw, rel) if text else None

    def effects(self, texts: tuple[str, ...], raw: Raw, rel: PathKey) -> tuple[Any, ...]:
        return tuple(self._compile(expr.compile_effect, text, raw, (*rel, index)) for index, text in enumerate(texts))


def flags_written(objects: Iterable[Raw]) -> list[str]:
    """Every flag some effect sets (or a scenario starts with): the flags a condition may read."""
    env = script_env()
    flags: set[str] = set()
    for raw in objects:
        effect_lists: list[Any] = []
        if raw.kind == "event":
            effect_lists.append(raw.data.get("effects", []))
            choices = raw.data.get("choices", [])
            if isinstance(choices, list):  # a wrong type is reported by the schema check
                effect_lists.extend(choice.get("effects", []) for choice in choices if isinstance(choice, dict))
        if raw.kind == "scenario":
            for side in SIDES:
                setup = raw.data.get(side)
                if isinstance(setup, dict) and isinstance(setup.get("flags"), list):
                    flags.update(flag for flag in setup["flags"] if isinstance(flag, str))
        for effects in effect_lists:
            if not isinstance(effects, list):
                continue
            for text in effects:
                if not isinstance(text, str):
                    continue
                compiled, _ = expr.compile_effect(text, env, {})
                if compiled is not None:
                    flags.update(ref.id for ref in compiled.refs if ref.kind == "flag" and ref.write)
    return sorted(flags)


# -- building definitions ---------------------------------------------------------------------------


def _history(data: dict[str, Any]) -> defs.HistoryNote:
    return defs.HistoryNote(date=data.get("date", ""), side=data.get("side", ""), note=data.get("note", ""))


@dataclass(slots=True)
class Builder:
    """Turns checked tables into the engine's definitions, cross-checking the ids they name."""

    report: Report
    known: dict[str, list[str]]
    compiler: Compiler
    sides_of: dict[str, str]
    disabled: dict[tuple[str, str], str]
    roots: dict[str, Path]  # mod id → its folder, for file references

    def asset(self, raw: Raw, rel: PathKey, reference: str) -> str:
        """A file reference, checked to stay inside the mod that wrote it: its full path, or "" when there is
        none or it is refused."""
        if not reference:
            return ""
        source, _ = raw.where(rel)
        root = self.roots.get(source.mod, Path("."))
        problem = why_unsafe_asset(reference, root)
        if problem:
            raw.problem(self.report, rel, problem, "E-ASSET", at_value=True)
            return ""
        return (root / reference).resolve().as_posix()  # front ends open it; the rules never read it

    def refs(self, raw: Raw, ids: Iterable[str], kind: str, rel: PathKey, list_field: bool = True) -> None:
        catalogue = "hardware" if kind == "program" else kind
        for index, item in enumerate(ids):
            if item not in self.known[kind]:
                gone = f" (disabled by the mod {self.disabled[(catalogue, item)]})" if (catalogue, item) in self.disabled else ""
                at = (*rel, index) if list_field else (*rel, item)
                raw.problem(self.report, at, f"unknown {kind} {item!r}{gone}", "E-REF", suggest(item, self.known[kind]),
                            at_value=list_field)

    def unique_ids(self, raw: Raw, items: Iterable[dict[str, Any]], field_name: str, message: str) -> None:
        """Steps of a mission, or choices of an event, each need an id of their own."""
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.get("id") in seen:
                raw.problem(self.report, (field_name, index, "id"), message.format(item["id"]), "E-DUPLICATE", at_value=True)
            seen.add(item.get("id", ""))

    def hardware(self, raw: Raw, clean: dict[str, Any]) -> defs.Hardware:
        report = self.report
        self.refs(raw, clean["requires"], "hardware", ("requires",))
        for index, needed in enumerate(clean["requires"]):
            if needed == raw.id:
                raw.problem(report, ("requires", index), f"{raw.id!r} cannot require itself", "E-REF", at_value=True)
            elif needed in self.sides_of and self.sides_of[needed] != clean["side"]:
                raw.problem(report, ("requires", index), f"{needed!r} belongs to the other side", "E-REF", at_value=True)
        if clean["kind"] == "rocket" and clean["lift"] <= 0:
            raw.problem(report, ("lift",), f"rocket {raw.id!r} needs a lift above 0", "E-VALUE", at_value=True)
        if clean["kind"] != "rocket" and clean["mass"] <= 0:
            raw.problem(report, ("mass",), f"{clean['kind']} {raw.id!r} needs a mass above 0 (the lift class it needs)",
                        "E-VALUE", at_value=True)
        if clean["base_reliability"] > clean["max_reliability"]:
            raw.problem(report, ("base_reliability",), "base_reliability is above max_reliability", "E-VALUE", at_value=True)
        return defs.Hardware(
            id=raw.id, name=clean["name"], side=clean["side"], kind=clean["kind"], available=clean["available"],
            start_cost=clean["start_cost"], development_cost=clean["development_cost"], unit_cost=clean["unit_cost"],
            base_reliability=clean["base_reliability"], max_reliability=clean["max_reliability"],
            research_scale=clean["research_scale"], lift=clean["lift"], mass=clean["mass"], seats=clean["seats"],
            capabilities=clean["capabilities"], requires=clean["requires"], description=clean["description"],
            history=_history(clean["history"]), image=self.asset(raw, ("image",), clean["image"]),
        )

    def mission(self, raw: Raw, clean: dict[str, Any]) -> defs.MissionType:
        report = self.report
        if clean["crew_max"] < clean["crew_min"]:
            clean["crew_max"] = clean["crew_min"]
        if not clean["steps"]:
            raw.problem(report, ("steps",), f"mission {raw.id!r} needs at least one step", "E-VALUE")
        steps: list[defs.Step] = []
        self.unique_ids(raw, clean["steps"], "steps", "step id {!r} is used twice in this mission")
        for index, step in enumerate(clean["steps"]):
            at = ("steps", index)
            self.refs(raw, step.get("claims", ()), "milestone", (*at, "claims"))
            if step.get("uses") == "lander" and not clean["lander"]:
                raw.problem(report, (*at, "uses"), "a step uses the lander but the mission does not set lander = true",
                            "E-VALUE", at_value=True)
            if step.get("uses") == "station" and clean["station"] != "visit":
                raw.problem(report, (*at, "uses"), "a step uses the station but the mission does not set station = \"visit\"",
                            "E-VALUE", at_value=True)
            if step.get("skill") and clean["crew_min"] == 0:
                raw.problem(report, (*at, "skill"), "an uncrewed mission's step cannot use a crew skill", "E-VALUE", at_value=True)
            if "id" in step and "name" in step and "uses" in step:
                steps.append(defs.Step(
                    id=step["id"], name=step["name"], uses=step["uses"], difficulty=step["difficulty"], skill=step["skill"],
                    failure=step["failure"], claims=step["claims"], success_text=step["success_text"],
                    failure_text=step["failure_text"],
                ))
        return defs.MissionType(
            id=raw.id, name=clean["name"], available=clean["available"], cost=clean["cost"], craft=clean["craft"],
            steps=tuple(steps), crew_min=clean["crew_min"], crew_max=clean["crew_max"], needs=clean["needs"],
            lander=clean["lander"], min_lift=clean["min_lift"], prestige=clean["prestige"],
            requires=self.compiler.condition(clean["requires"], raw, ("requires",)), requires_text=clean["requires"],
            description=clean["description"], sides=clean["sides"], station=clean["station"], windows=clean["windows"],
        )

    def milestone(self, raw: Raw, clean: dict[str, Any]) -> defs.Milestone:
        return defs.Milestone(
            id=raw.id, name=clean["name"], prestige_first=clean["prestige_first"], prestige_second=clean["prestige_second"],
            description=clean["description"], condition=self.compiler.condition(clean["condition"], raw, ("condition",)),
            condition_text=clean["condition"], decisive=clean["decisive"], history=_history(clean["history"]),
        )

    def event(self, raw: Raw, clean: dict[str, Any]) -> defs.Event:
        report = self.report
        choices: list[defs.Choice] = []
        if clean["kind"] == "dilemma":
            # point at the event, unless a patch in another file wrote its choices: then at that patch
            at: PathKey = ("choices",) if raw.where(("choices",))[0] is not raw.source else ()
            if len(clean["choices"]) < 2:
                raw.problem(report, at, f"dilemma {raw.id!r} needs at least two choices", "E-VALUE")
            defaults = sum(1 for choice in clean["choices"] if choice.get("default"))
            if clean["choices"] and defaults != 1:
                raw.problem(report, at, f"dilemma {raw.id!r} needs exactly one choice with default = true (it has {defaults})", "E-VALUE")
            if clean["effects"]:
                raw.problem(report, ("effects",), "a dilemma's effects belong to its choices", "E-VALUE")
        elif clean["choices"]:
            raw.problem(report, ("choices",), "news has no choices; make it kind = \"dilemma\"", "E-VALUE")
        self.unique_ids(raw, clean["choices"], "choices", "choice id {!r} is used twice")
        for index, choice in enumerate(clean["choices"]):
            at = ("choices", index)
            if "id" in choice and "text" in choice:
                choices.append(defs.Choice(
                    id=choice["id"], text=choice["text"], effects=self.compiler.effects(choice["effects"], raw, (*at, "effects")),
                    effects_text=choice["effects"], ai=choice["ai"], default=choice["default"], result=choice["result"],
                ))
        first, last = clean["years"]
        return defs.Event(
            id=raw.id, title=clean["title"], text=clean["text"], kind=clean["kind"], sides=clean["sides"],
            first_year=first, last_year=last, trigger=self.compiler.condition(clean["trigger"], raw, ("trigger",)),
            trigger_text=clean["trigger"], chance=clean["chance"], once=clean["once"], priority=clean["priority"],
            effects=self.compiler.effects(clean["effects"], raw, ("effects",)), effects_text=clean["effects"],
            choices=tuple(choices), history=defs.HistoryNote(note=clean["history"]),
            image=self.asset(raw, ("image",), clean["image"]),
        )

    def scenario(self, raw: Raw, clean: dict[str, Any]) -> defs.Scenario:
        report = self.report
        years = clean["end_year"] - clean["start_year"] + 1
        if years < 1:
            raw.problem(report, ("end_year",), "end_year is before start_year", "E-VALUE", at_value=True)
        setups: dict[str, defs.SideSetup] = {}
        for side in SIDES:
            setup = clean.get(side)
            if setup is None:
                continue
            if years >= 1 and "budget" in setup and len(setup["budget"]) != years:
                raw.problem(report, (side, "budget"), f"budget has {len(setup['budget'])} entries; the scenario runs {years} years "
                            f"({clean['start_year']}–{clean['end_year']})", "E-VALUE", at_value=True)
            self.refs(raw, setup["programs"], "hardware", (side, "programs"), list_field=False)
            for program in setup["programs"]:
                if self.sides_of.get(program, side) != side:
                    raw.problem(report, (side, "programs", program), f"{program!r} is the other side's hardware", "E-REF")
            self.refs(raw, setup["achieved"], "milestone", (side, "achieved"), list_field=False)
            setups[side] = defs.SideSetup(
                prestige=setup["prestige"], support=setup["support"], budget=setup.get("budget", ()),
                programs=dict(setup["programs"]), crew=setup["crew"], pads=setup["pads"], flags=setup["flags"],
                achieved=dict(setup["achieved"]),
            )
        compile_condition = self.compiler.condition
        return defs.Scenario(
            id=raw.id, name=clean["name"], description=clean["description"], start_year=clean["start_year"],
            end_year=clean["end_year"], setups=setups, default_side=clean["default_side"],
            win_if=compile_condition(clean["win_if"], raw, ("win_if",)),
            lose_if=compile_condition(clean["lose_if"], raw, ("lose_if",)),
            end_if=compile_condition(clean["end_if"], raw, ("end_if",)),
            win_if_text=clean["win_if"], lose_if_text=clean["lose_if"], end_if_text=clean["end_if"],
        )


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


def _build(merged: Merged, report: Report, digest: "hashlib._Hash", root: Path, roots: dict[str, Path]) -> defs.Content | None:
    objects = sorted(merged.objects.values(), key=lambda raw: (raw.kind, raw.id))  # determinism: sorted kinds and ids
    known: dict[str, list[str]] = {kind: sorted(raw.id for raw in objects if raw.kind == kind) for kind in KINDS}
    known["program"] = known["hardware"]
    known["side"] = list(SIDES)
    known["flag"] = flags_written(objects)
    compiler = Compiler(report, known, {object_id: mod for (_, object_id), mod in sorted(merged.disabled.items())})
    sides_of = {raw.id: raw.data.get("side", "") for raw in objects if raw.kind == "hardware"}
    builder = Builder(report, known, compiler, sides_of, merged.disabled, roots)

    hardware: dict[str, defs.Hardware] = {}
    missions: dict[str, defs.MissionType] = {}
    milestones: dict[str, defs.Milestone] = {}
    events: dict[str, defs.Event] = {}
    scenarios: dict[str, defs.Scenario] = {}
    crew_names: dict[str, defs.CrewNames] = {}
    for raw in objects:
        clean = check_table(raw.data, KINDS[raw.kind], raw, (), report)
        if any(spec.required and name not in clean for name, spec in TABLES[KINDS[raw.kind]].items()):
            continue  # missing required keys already reported
        if raw.kind == "hardware":
            hardware[raw.id] = builder.hardware(raw, clean)
        elif raw.kind == "mission":
            missions[raw.id] = builder.mission(raw, clean)
        elif raw.kind == "milestone":
            milestones[raw.id] = builder.milestone(raw, clean)
        elif raw.kind == "event":
            events[raw.id] = builder.event(raw, clean)
        elif raw.kind == "scenario":
            scenarios[raw.id] = builder.scenario(raw, clean)
        elif raw.kind == "crew_names":
            if raw.id not in SIDES:
                raw.problem(report, (), f"crew_names must be keyed by side, not {raw.id!r}", "E-KEY", suggest(raw.id, SIDES))
            if clean["female_last"] and len(clean["female_last"]) != len(clean["last"]):
                raw.problem(report, ("female_last",), f"female_last has {len(clean['female_last'])} names; it must match "
                            f"last ({len(clean['last'])}), name for name", "E-VALUE", at_value=True)
            crew_names[raw.id] = defs.CrewNames(clean["male"], clean["female"], clean["last"], clean["female_last"])

    if not scenarios and not report.has_errors:
        report.problems.append(Problem(display_path(root), 1, 1, "the content defines no scenario", code="E-MISSING"))
    if report.has_errors:
        return None
    content = defs.Content(
        hardware=hardware, missions=missions, milestones=milestones, events=events, scenarios=scenarios,
        texts={key: value[0] for key, value in sorted(merged.texts.items())}, crew_names=crew_names,
        digest=digest.hexdigest()[:16], event_index=defs.index_events(events),
    )
    analyse(content, merged, compiler.refs, report)
    return content


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
