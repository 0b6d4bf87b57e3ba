"""Compiling a content file's expressions: each against the right environment (named conditions, and a hook's
subject for an event that listens for one) and the ids the content defines, with every error placed at its
line and column, and every reference kept for the analysis that follows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from game.engine.defs import SIDES
from game.engine.scripting import HOOK_VARIABLES

from . import expr, tomlpos
from .env import content_env
from .merge import Raw
from .problems import PathKey, Report


@dataclass(slots=True)
class Compiler:
    """Compiles every expression against the script registry, the content's named conditions and the ids the
    content defines, keeping each compiled expression's references for the analysis that follows."""

    report: Report
    known: dict[str, list[str]]
    disabled: dict[str, str] = field(default_factory=dict)  # id → the mod that disabled it
    refs: list[tuple[expr.Ref, Raw, PathKey]] = field(default_factory=list)
    calls: list[tuple[expr.EffectCall, Raw, PathKey]] = field(default_factory=list)  # every effect, for the analysis
    conditions: tuple[str, ...] = ()  # named conditions' ids, readable by their bare names
    _envs: dict[str, expr.Env] = field(default_factory=dict)

    def env(self, hook: str = "") -> expr.Env:
        if hook not in self._envs:
            self._envs[hook] = content_env(self.conditions, hook)
        return self._envs[hook]

    def _compile(self, compile_fn: Callable[..., Any], text: str, raw: Raw, rel: PathKey, hook: str = "") -> Any:
        compiled, errors = compile_fn(text, self.env(hook), self.known)
        source, path = raw.where(rel)
        located = tomlpos.locate(source.positions, path)
        for error in errors:
            at = tomlpos.string_char_pos(source.text, located.value, error.offset) if located else tomlpos.Pos(1, 1)
            suggestion = error.suggestion
            named = text[error.offset:error.offset + error.length].strip("'\"")
            if error.code == "E-REF" and named in self.disabled:  # not a typo: a mod took it away
                suggestion = f"it was disabled by the mod {self.disabled[named]}"
            elif error.code == "E-NAME" and named in HOOK_VARIABLES:
                suggestion = (f"'{named}' is what a hook passes: it is known only in an event with on = \"…\" "
                              f"({', '.join(HOOK_VARIABLES[named].hooks)})")
            self.report.add_at(source, at.line, at.col, f"in {text!r}: {error.message}", error.code, suggestion,
                               where=raw.label(rel), length=error.length)
        if compiled is not None:
            self.refs.extend((ref, raw, rel) for ref in compiled.refs)
            if compiled.call is not None:
                self.calls.append((compiled.call, raw, rel))
        return compiled

    def condition(self, text: str, raw: Raw, rel: PathKey, hook: str = "") -> Any:
        return self._compile(expr.compile_condition, text, raw, rel, hook) if text else None

    def effects(self, texts: tuple[str, ...], raw: Raw, rel: PathKey, hook: str = "") -> tuple[Any, ...]:
        return tuple(self._compile(expr.compile_effect, text, raw, (*rel, index), hook) for index, text in enumerate(texts))


def effect_texts(raw: Raw) -> list[Any]:
    """Every effects list an object holds (events and their choices, promises, named effect lists)."""
    lists: list[Any] = []
    if raw.kind == "event":
        lists.append(raw.data.get("effects", []))
        choices = raw.data.get("choices", [])
        if isinstance(choices, list):  # a wrong type is reported by the schema check
            lists.extend(choice.get("effects", []) for choice in choices if isinstance(choice, dict))
    elif raw.kind == "promise":
        lists.extend((raw.data.get("kept", []), raw.data.get("broken", [])))
    elif raw.kind == "effects":
        lists.append(raw.data.get("effects", []))
    return lists


_FLAG_WRITE = re.compile(r"""\b(?:set_flag|clear_flag)\s*\(\s*(['"])([^'"\\]*)\1\s*\)""")


def flags_written(objects: Iterable[Raw]) -> list[str]:
    """Every flag some effect sets or clears (or a scenario starts with): the flags a condition may read. An
    effect is one call, so finding the calls in its text is exact; compiling comes after, once the flags are known."""
    flags: set[str] = set()
    for raw in objects:
        if raw.kind == "scenario":
            for side in SIDES:
                setup = raw.data.get(side)
                if isinstance(setup, dict) and isinstance(setup.get("flags"), list):
                    flags.update(flag for flag in setup["flags"] if isinstance(flag, str))
        for effects in effect_texts(raw):
            if isinstance(effects, list):
                for text in effects:
                    if isinstance(text, str):
                        flags.update(match.group(2) for match in _FLAG_WRITE.finditer(text))
    return sorted(flags)
