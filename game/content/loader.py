"""Content files → validated, compiled definitions, with every problem collected as path:line:col: message.

The loader never stops at the first problem: it reads every file, checks every object against the schema,
compiles every expression (checking every name it uses), cross-checks ids between objects, and reports all
problems at once. Only when there are no errors does it build the engine's `Content`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any, Callable, Iterable

from game.engine import defs
from game.engine.defs import SIDES

from . import expr, tomlpos
from .env import script_env
from .paths import content_root
from .schema import KINDS, TABLES, TEXT_KIND, Field

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the content, located in its file."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"  # error | warning
    code: str = "E-CONTENT"
    suggestion: str | None = None

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        return f"{text} ({self.suggestion})" if self.suggestion else text


class ContentError(Exception):
    """The content has errors; `problems` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [problem for problem in problems if problem.severity == "error"]
        super().__init__(f"{len(errors)} content error(s):\n" + "\n".join(str(problem) for problem in errors[:50]))


@dataclass(slots=True)
class Source:
    """One parsed file: its display name and where each key sits."""

    display: str
    positions: dict[PathKey, tomlpos.Located]
    text: str = ""  # the file's text, to place errors inside string values


@dataclass(slots=True)
class Raw:
    """One object as read from a file, before it is built."""

    kind: str
    id: str
    data: dict[str, Any]
    source: Source
    path: PathKey


@dataclass(slots=True)
class Report:
    problems: list[Problem] = field(default_factory=list)

    def add(self, source: Source, path: PathKey, message: str, code: str = "E-CONTENT",
            suggestion: str | None = None, at_value: bool = False, offset: int = 0, severity: str = "error") -> None:
        located = tomlpos.locate(source.positions, path)
        line, col = (1, 1)
        if located is not None:
            pos = located.value if at_value else located.key
            line, col = pos.line, pos.col + offset
        self.problems.append(Problem(source.display, line, col, message, severity, code, suggestion))

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)


def suggest(word: str, options: Iterable[str]) -> str | None:
    found = get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f"did you mean {found[0]!r}?" if found else None


# -- reading files ----------------------------------------------------------------------------------


def content_files(root: Path) -> list[Path]:
    """Every .toml file below root, in sorted relative-path order (the same on every machine)."""
    return sorted((path for path in root.rglob("*.toml") if path.is_file()), key=lambda path: path.relative_to(root).as_posix())


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_objects(root: Path, report: Report, digest: "hashlib._Hash") -> tuple[list[Raw], dict[str, tuple[str, Source, PathKey]]]:
    """Parse every file; return its objects and its [text] strings, reporting syntax and layout problems."""
    objects: list[Raw] = []
    texts: dict[str, tuple[str, Source, PathKey]] = {}
    for path in content_files(root):
        display = _display(path)
        raw_bytes = path.read_bytes()
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + raw_bytes + b"\0")
        try:
            text = raw_bytes.decode("utf-8")
        except UnicodeDecodeError as error:
            before = raw_bytes[:error.start]
            line_start = before.rfind(b"\n") + 1
            line, col = before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1
            report.problems.append(Problem(display, line, col, f"the file is not UTF-8 text ({error.reason} at byte {error.start})",
                                           code="E-TOML", suggestion="save it as UTF-8"))
            continue
        try:
            data, positions = tomlpos.parse(text)
        except tomlpos.TomlSyntaxError as error:
            report.problems.append(_syntax_problem(display, text, error))
            continue
        source = Source(display, positions, text)
        for top, value in data.items():
            if top == TEXT_KIND:
                _read_texts(value, source, report, texts)
                continue
            if top not in KINDS:
                report.add(source, (top,), f"unknown table [{top}]", "E-KEY", suggest(top, [*KINDS, TEXT_KIND]))
                continue
            if not isinstance(value, dict):
                report.add(source, (top,), f"[{top}] should be a table of objects keyed by id", "E-TYPE")
                continue
            for object_id, body in value.items():
                where: PathKey = (top, object_id)
                if top != "crew_names" and not ID_PATTERN.match(object_id):
                    report.add(source, where, f"{top} id {object_id!r} should be snake_case: lowercase letters, digits and _", "E-ID")
                    continue
                if not isinstance(body, dict):
                    report.add(source, where, f"{top} {object_id!r} should be a table", "E-TYPE", at_value=True)
                    continue
                objects.append(Raw(top, object_id, body, source, where))
    return objects, texts


_DUPLICATE_KEY = re.compile(r"""\s*((?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*)\s*=""")


def _syntax_problem(display: str, text: str, error: tomlpos.TomlSyntaxError) -> Problem:
    """A TOML syntax error, reworded where tomllib's words are terse: a key set twice is named and pointed at."""
    line, col, message, hint = error.line, error.col, f"TOML syntax: {error.message}", None
    lines = text.split("\n")
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if error.message == "Cannot overwrite a value":
        match = _DUPLICATE_KEY.match(source_line)
        if match:
            col, message = match.start(1) + 1, f"TOML syntax: Cannot overwrite a value: {match.group(1)} is already set"
    elif error.message == "Illegal character '\\n'" and ('"' in source_line or "'" in source_line):
        hint = "is a string missing its closing quote?"
    return Problem(display, line, col, message, code="E-TOML", suggestion=hint)


def _read_texts(value: Any, source: Source, report: Report, texts: dict[str, tuple[str, Source, PathKey]]) -> None:
    if not isinstance(value, dict):
        report.add(source, (TEXT_KIND,), "[text] should be a table of named strings", "E-TYPE")
        return
    for key, text in value.items():
        where: PathKey = (TEXT_KIND, key)
        if not isinstance(text, str):
            report.add(source, where, f"text {key!r} should be a string", "E-TYPE", at_value=True)
        elif key in texts:
            report.add(source, where, f"text {key!r} is already defined in {texts[key][1].display}", "E-DUPLICATE")
        else:
            texts[key] = (text, source, where)


# -- schema checks ----------------------------------------------------------------------------------

_TYPE_NAMES = {
    "str": "a string", "int": "a whole number", "bool": "true or false", "str_list": "a list of strings",
    "int_pair": "a list of two whole numbers", "int_list": "a list of whole numbers", "condition": "a condition string",
    "windows": "a list of [year, month] pairs",
    "effects": "a list of effect strings", "table": "a table", "tables": "a list of tables",
    "int_table": "a table of whole numbers", "weights": "a table of whole-number weights",
}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_table(data: dict[str, Any], schema: str, source: Source, path: PathKey, report: Report, what: str) -> dict[str, Any]:
    """Check a table against its schema; return it with defaults filled in (invalid keys dropped)."""
    fields = TABLES[schema]
    clean: dict[str, Any] = {}
    for key in data:
        if key not in fields:
            report.add(source, (*path, key), f"unknown key {key!r} in {what}", "E-KEY", suggest(key, fields))
    for name, spec in fields.items():
        if name not in data:
            if spec.required:
                report.add(source, path, f"{what} is missing required key {name!r} ({spec.doc})", "E-MISSING")
            elif spec.type == "table":
                clean[name] = check_table({}, spec.sub, source, (*path, name), report, f"{what} › {name}")
            else:
                clean[name] = spec.default
            continue
        value = _check_value(data[name], spec, source, (*path, name), report, what)
        if value is not None:
            clean[name] = value
        elif not spec.required:  # already reported: fall back to the default so the later checks still run
            clean[name] = check_table({}, spec.sub, source, path, Report(), what) if spec.type == "table" else spec.default
    return clean


def _check_value(value: Any, spec: Field, source: Source, path: PathKey, report: Report, what: str) -> Any:
    """The value if it fits the field's type and limits, else None (with the problem reported)."""

    def wrong(message: str | None = None, code: str = "E-TYPE", sub: PathKey = ()) -> None:
        report.add(source, (*path, *sub), message or f"{spec.name} should be {_TYPE_NAMES[spec.type]}", code, at_value=True)

    kind = spec.type
    if kind in ("str", "condition"):
        if not isinstance(value, str):
            return wrong()
        if spec.choices and value not in spec.choices:
            wrong(f"{spec.name} must be one of {', '.join(repr(c) for c in spec.choices)}, not {value!r}", "E-VALUE")
            report.problems[-1] = _with_suggestion(report.problems[-1], suggest(value, spec.choices))
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
                report.problems[-1] = _with_suggestion(report.problems[-1], suggest(item, spec.choices))
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
                report.add(source, (*path, key), f"{key!r} is not one of {', '.join(spec.choices)}", "E-KEY", suggest(key, spec.choices))
                return None
        if kind == "weights" and sum(value.values()) <= 0:
            return wrong(f"{spec.name} needs at least one weight above 0", "E-VALUE")
        return dict(value)
    if kind == "table":
        if not isinstance(value, dict):
            return wrong()
        return check_table(value, spec.sub, source, path, report, f"{what} › {spec.name}")
    if kind == "tables":
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            return wrong()
        return tuple(
            check_table(item, spec.sub, source, (*path, index), report, f"{what} › {spec.name} {index + 1}")
            for index, item in enumerate(value)
        )
    raise AssertionError(f"unknown field type {kind}")


def _with_suggestion(problem: Problem, suggestion: str | None) -> Problem:
    return Problem(problem.path, problem.line, problem.col, problem.message, problem.severity, problem.code, suggestion)


# -- expressions ------------------------------------------------------------------------------------


@dataclass(slots=True)
class Compiler:
    """Compiles every expression against the script registry and the ids the content defines."""

    report: Report
    known: dict[str, list[str]]

    def _compile(self, compile_fn: Callable[..., Any], text: str, source: Source, path: PathKey) -> Any:
        compiled, errors = compile_fn(text, script_env(), self.known)
        located = tomlpos.locate(source.positions, path)
        for error in errors:
            at = tomlpos.string_char_pos(source.text, located.value, error.offset) if located else tomlpos.Pos(1, 1)
            line, col = at.line, at.col
            self.report.problems.append(
                Problem(source.display, line, col, f"in {text!r}: {error.message}", "error", error.code, error.suggestion)
            )
        return compiled

    def condition(self, text: str, source: Source, path: PathKey) -> Any:
        return self._compile(expr.compile_condition, text, source, path) if text else None

    def effects(self, texts: tuple[str, ...], source: Source, path: PathKey) -> tuple[Any, ...]:
        return tuple(self._compile(expr.compile_effect, text, source, (*path, index)) for index, text in enumerate(texts))


def flags_written(objects: list[Raw]) -> list[str]:
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


def _check_refs(ids: Iterable[str], kind: str, known: dict[str, list[str]], source: Source, path: PathKey,
                report: Report, list_field: bool = True) -> None:
    for index, item in enumerate(ids):
        if item not in known[kind]:
            where = (*path, index) if list_field else (*path, item)
            report.add(source, where, f"unknown {kind} {item!r}", "E-REF", suggest(item, known[kind]), at_value=list_field)


def build_hardware(raw: Raw, clean: dict[str, Any], known: dict[str, list[str]], sides_of: dict[str, str], report: Report) -> defs.Hardware:
    src, path = raw.source, raw.path
    _check_refs(clean["requires"], "hardware", known, src, (*path, "requires"), report)
    for index, needed in enumerate(clean["requires"]):
        if needed == raw.id:
            report.add(src, (*path, "requires", index), f"{raw.id!r} cannot require itself", "E-REF", at_value=True)
        elif needed in sides_of and sides_of[needed] != clean["side"]:
            report.add(src, (*path, "requires", index), f"{needed!r} belongs to the other side", "E-REF", at_value=True)
    if clean["kind"] == "rocket" and clean["lift"] <= 0:
        report.add(src, (*path, "lift"), f"rocket {raw.id!r} needs a lift above 0", "E-VALUE", at_value=True)
    if clean["kind"] != "rocket" and clean["mass"] <= 0:
        report.add(src, (*path, "mass"), f"{clean['kind']} {raw.id!r} needs a mass above 0 (the lift class it needs)", "E-VALUE", at_value=True)
    if clean["base_reliability"] > clean["max_reliability"]:
        report.add(src, (*path, "base_reliability"), "base_reliability is above max_reliability", "E-VALUE", at_value=True)
    return defs.Hardware(
        id=raw.id, name=clean["name"], side=clean["side"], kind=clean["kind"], available=clean["available"],
        start_cost=clean["start_cost"], development_cost=clean["development_cost"], unit_cost=clean["unit_cost"],
        base_reliability=clean["base_reliability"], max_reliability=clean["max_reliability"],
        research_scale=clean["research_scale"], lift=clean["lift"], mass=clean["mass"], seats=clean["seats"],
        capabilities=clean["capabilities"], requires=clean["requires"], description=clean["description"],
        history=_history(clean["history"]),
    )


def build_mission(raw: Raw, clean: dict[str, Any], known: dict[str, list[str]], compiler: Compiler, report: Report) -> defs.MissionType:
    src, path = raw.source, raw.path
    if clean["crew_max"] < clean["crew_min"]:
        clean["crew_max"] = clean["crew_min"]
    if not clean["steps"]:
        report.add(src, (*path, "steps"), f"mission {raw.id!r} needs at least one step", "E-VALUE")
    steps: list[defs.Step] = []
    seen: set[str] = set()
    for index, step in enumerate(clean["steps"]):
        where = (*path, "steps", index)
        if step.get("id") in seen:
            report.add(src, (*where, "id"), f"step id {step['id']!r} is used twice in this mission", "E-DUPLICATE", at_value=True)
        seen.add(step.get("id", ""))
        _check_refs(step.get("claims", ()), "milestone", known, src, (*where, "claims"), report)
        if step.get("uses") == "lander" and not clean["lander"]:
            report.add(src, (*where, "uses"), "a step uses the lander but the mission does not set lander = true", "E-VALUE", at_value=True)
        if step.get("uses") == "station" and clean["station"] != "visit":
            report.add(src, (*where, "uses"), "a step uses the station but the mission does not set station = \"visit\"", "E-VALUE", at_value=True)
        if step.get("skill") and clean["crew_min"] == 0:
            report.add(src, (*where, "skill"), "an uncrewed mission's step cannot use a crew skill", "E-VALUE", at_value=True)
        if "id" in step and "name" in step and "uses" in step:
            steps.append(defs.Step(
                id=step["id"], name=step["name"], uses=step["uses"], difficulty=step["difficulty"], skill=step["skill"],
                failure=step["failure"], claims=step["claims"], success_text=step["success_text"], failure_text=step["failure_text"],
            ))
    return defs.MissionType(
        id=raw.id, name=clean["name"], available=clean["available"], cost=clean["cost"], craft=clean["craft"],
        steps=tuple(steps), crew_min=clean["crew_min"], crew_max=clean["crew_max"], needs=clean["needs"],
        lander=clean["lander"], min_lift=clean["min_lift"], prestige=clean["prestige"],
        requires=compiler.condition(clean["requires"], src, (*path, "requires")), requires_text=clean["requires"],
        description=clean["description"], sides=clean["sides"], station=clean["station"], windows=clean["windows"],
    )


def build_milestone(raw: Raw, clean: dict[str, Any], compiler: Compiler) -> defs.Milestone:
    return defs.Milestone(
        id=raw.id, name=clean["name"], prestige_first=clean["prestige_first"], prestige_second=clean["prestige_second"],
        description=clean["description"], condition=compiler.condition(clean["condition"], raw.source, (*raw.path, "condition")),
        condition_text=clean["condition"], decisive=clean["decisive"], history=_history(clean["history"]),
    )


def build_event(raw: Raw, clean: dict[str, Any], compiler: Compiler, report: Report) -> defs.Event:
    src, path = raw.source, raw.path
    choices: list[defs.Choice] = []
    if clean["kind"] == "dilemma":
        if len(clean["choices"]) < 2:
            report.add(src, path, f"dilemma {raw.id!r} needs at least two choices", "E-VALUE")
        defaults = sum(1 for choice in clean["choices"] if choice.get("default"))
        if clean["choices"] and defaults != 1:
            report.add(src, path, f"dilemma {raw.id!r} needs exactly one choice with default = true (it has {defaults})", "E-VALUE")
        if clean["effects"]:
            report.add(src, (*path, "effects"), "a dilemma's effects belong to its choices", "E-VALUE")
    elif clean["choices"]:
        report.add(src, (*path, "choices"), "news has no choices; make it kind = \"dilemma\"", "E-VALUE")
    seen: set[str] = set()
    for index, choice in enumerate(clean["choices"]):
        where = (*path, "choices", index)
        if choice.get("id") in seen:
            report.add(src, (*where, "id"), f"choice id {choice['id']!r} is used twice", "E-DUPLICATE", at_value=True)
        seen.add(choice.get("id", ""))
        if "id" in choice and "text" in choice:
            choices.append(defs.Choice(
                id=choice["id"], text=choice["text"], effects=compiler.effects(choice["effects"], src, (*where, "effects")),
                effects_text=choice["effects"], ai=choice["ai"], default=choice["default"], result=choice["result"],
            ))
    first, last = clean["years"]
    return defs.Event(
        id=raw.id, title=clean["title"], text=clean["text"], kind=clean["kind"], sides=clean["sides"],
        first_year=first, last_year=last, trigger=compiler.condition(clean["trigger"], src, (*path, "trigger")),
        trigger_text=clean["trigger"], chance=clean["chance"], once=clean["once"], priority=clean["priority"],
        effects=compiler.effects(clean["effects"], src, (*path, "effects")), effects_text=clean["effects"],
        choices=tuple(choices), history=defs.HistoryNote(note=clean["history"]),
    )


def build_scenario(raw: Raw, clean: dict[str, Any], known: dict[str, list[str]], sides_of: dict[str, str],
                   compiler: Compiler, report: Report) -> defs.Scenario:
    src, path = raw.source, raw.path
    years = clean["end_year"] - clean["start_year"] + 1
    if years < 1:
        report.add(src, (*path, "end_year"), "end_year is before start_year", "E-VALUE", at_value=True)
    setups: dict[str, defs.SideSetup] = {}
    for side in SIDES:
        setup = clean.get(side)
        if setup is None:
            continue
        where = (*path, side)
        if years >= 1 and "budget" in setup and len(setup["budget"]) != years:
            report.add(src, (*where, "budget"), f"budget has {len(setup['budget'])} entries; the scenario runs {years} years "
                       f"({clean['start_year']}–{clean['end_year']})", "E-VALUE", at_value=True)
        _check_refs(setup["programs"], "hardware", known, src, (*where, "programs"), report, list_field=False)
        for program in setup["programs"]:
            if sides_of.get(program, side) != side:
                report.add(src, (*where, "programs", program), f"{program!r} is the other side's hardware", "E-REF")
        _check_refs(setup["achieved"], "milestone", known, src, (*where, "achieved"), report, list_field=False)
        setups[side] = defs.SideSetup(
            prestige=setup["prestige"], support=setup["support"], budget=setup.get("budget", ()),
            programs=dict(setup["programs"]), crew=setup["crew"], pads=setup["pads"], flags=setup["flags"],
            achieved=dict(setup["achieved"]),
        )
    return defs.Scenario(
        id=raw.id, name=clean["name"], description=clean["description"], start_year=clean["start_year"],
        end_year=clean["end_year"], setups=setups, default_side=clean["default_side"],
        win_if=compiler.condition(clean["win_if"], src, (*path, "win_if")),
        lose_if=compiler.condition(clean["lose_if"], src, (*path, "lose_if")),
        end_if=compiler.condition(clean["end_if"], src, (*path, "end_if")),
        win_if_text=clean["win_if"], lose_if_text=clean["lose_if"], end_if_text=clean["end_if"],
    )


# -- the whole load ---------------------------------------------------------------------------------


def check_content(root: Path | None = None) -> tuple[defs.Content | None, list[Problem]]:
    """Load and validate every file below root (the base game by default): (content or None, problems)."""
    root = root or content_root()
    report = Report()
    if not root.is_dir():
        report.problems.append(Problem(_display(root), 1, 1, "the content folder does not exist", code="E-FILE"))
        return None, report.problems
    digest = hashlib.sha256()
    objects, texts = read_objects(root, report, digest)

    # one definition per id and kind
    first_seen: dict[tuple[str, str], Raw] = {}
    unique: list[Raw] = []
    for raw in objects:
        key = (raw.kind, raw.id)
        if key in first_seen:
            other = first_seen[key]
            report.add(raw.source, raw.path, f"{raw.kind} {raw.id!r} is already defined in {other.source.display}", "E-DUPLICATE")
            continue
        first_seen[key] = raw
        unique.append(raw)

    known: dict[str, list[str]] = {kind: sorted(raw.id for raw in unique if raw.kind == kind) for kind in KINDS}
    known["program"] = known["hardware"]
    known["side"] = list(SIDES)
    known["flag"] = flags_written(unique)
    compiler = Compiler(report, known)
    sides_of = {raw.id: raw.data.get("side", "") for raw in unique if raw.kind == "hardware"}

    hardware: dict[str, defs.Hardware] = {}
    missions: dict[str, defs.MissionType] = {}
    milestones: dict[str, defs.Milestone] = {}
    events: dict[str, defs.Event] = {}
    scenarios: dict[str, defs.Scenario] = {}
    crew_names: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
    for raw in sorted(unique, key=lambda item: (item.kind, item.id)):  # determinism: sorted kinds and ids
        clean = check_table(raw.data, KINDS[raw.kind], raw.source, raw.path, report, f"{raw.kind} {raw.id!r}")
        if any(spec.required and name not in clean for name, spec in TABLES[KINDS[raw.kind]].items()):
            continue  # missing required keys already reported
        if raw.kind == "hardware":
            hardware[raw.id] = build_hardware(raw, clean, known, sides_of, report)
        elif raw.kind == "mission":
            missions[raw.id] = build_mission(raw, clean, known, compiler, report)
        elif raw.kind == "milestone":
            milestones[raw.id] = build_milestone(raw, clean, compiler)
        elif raw.kind == "event":
            events[raw.id] = build_event(raw, clean, compiler, report)
        elif raw.kind == "scenario":
            scenarios[raw.id] = build_scenario(raw, clean, known, sides_of, compiler, report)
        elif raw.kind == "crew_names":
            if raw.id not in SIDES:
                report.add(raw.source, raw.path, f"crew_names must be keyed by side, not {raw.id!r}", "E-KEY", suggest(raw.id, SIDES))
            crew_names[raw.id] = (clean["male"], clean["female"], clean["last"])

    if not scenarios and not report.has_errors:
        report.problems.append(Problem(_display(root), 1, 1, "the content defines no scenario", code="E-MISSING"))
    if report.has_errors:
        return None, report.problems
    content = defs.Content(
        hardware=hardware, missions=missions, milestones=milestones, events=events, scenarios=scenarios,
        texts={key: value[0] for key, value in sorted(texts.items())}, crew_names=crew_names,
        digest=digest.hexdigest()[:16], event_index=defs.index_events(events),
    )
    return content, report.problems


def load_content(root: Path | None = None) -> defs.Content:
    """The validated content, or ContentError listing every problem."""
    content, problems = check_content(root)
    if content is None:
        raise ContentError(problems)
    return content
