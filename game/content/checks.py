"""Checking a table of a content file against the schema: every key known, every value of the right type and
within its limits, defaults filled in. Each problem is reported at the key or value it concerns."""

from __future__ import annotations

from typing import Any, Callable

from .merge import Raw
from .problems import PathKey, Report, suggest
from .schema import TABLES, Field

TYPE_NAMES = {
    "str": "a string", "int": "a whole number", "bool": "true or false", "str_list": "a list of strings",
    "int_pair": "a list of two whole numbers", "int_list": "a list of whole numbers", "condition": "a condition string",
    "windows": "a list of [year, month] pairs", "asset": "a file path inside the mod's folder",
    "effects": "a list of effect strings", "table": "a table", "tables": "a list of tables",
    "int_table": "a table of whole numbers", "weights": "a table of whole-number weights",
    "text": "a string, or a list of variants ({ when = \"…\", text = \"…\" }) ending with a plain string",
    "pair_table": "a table of [first, last] pairs",
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
        raw.problem(report, (*rel, *sub), message or f"{spec.name} should be {TYPE_NAMES[spec.type]}", code, at_value=True)

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
    if kind == "text":
        return _check_text(value, spec, raw, rel, report, wrong)
    if kind == "pair_table":
        if not isinstance(value, dict):
            return wrong()
        for key, item in value.items():
            if not (isinstance(item, list) and len(item) == 2 and all(_is_int(part) for part in item) and item[0] <= item[1]):
                return wrong(f"{spec.name}.{key} should be [first, last] with first <= last", sub=(key,))
            if any(not (spec.low or 0) <= part <= (spec.high or 9999) for part in item):
                return wrong(f"{spec.name}.{key} values must be between {spec.low} and {spec.high}", "E-RANGE", sub=(key,))
        return {key: (item[0], item[1]) for key, item in value.items()}
    if kind in ("int_table", "weights"):
        if not isinstance(value, dict):
            return wrong()
        low = spec.low if spec.low is not None else 0
        for key, item in value.items():
            if not _is_int(item) or item < low or (spec.high is not None and item > spec.high):
                bounds = f"from {low} to {spec.high}" if spec.high is not None else f"of at least {low}"
                return wrong(f"{spec.name}.{key} should be a whole number {bounds}", sub=(key,))
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


def _check_text(value: Any, spec: Field, raw: Raw, rel: PathKey, report: Report, wrong: Callable[..., None]) -> Any:
    """A text: a plain string, or variants [{ when, text }, …] ending with a plain string (shown when no variant's
    condition holds). Returns ((when, text), …, ("", plain))."""
    if isinstance(value, str):
        return (("", value),)
    if not isinstance(value, list) or not value:
        return wrong()
    variants: list[tuple[str, str]] = []
    for index, item in enumerate(value):
        last = index == len(value) - 1
        if isinstance(item, str):
            if not last:
                wrong(f"{spec.name}[{index + 1}]: only the last entry may be a plain string (the text shown when no "
                      "variant's condition holds)", "E-VALUE", sub=(index,))
                return None
            variants.append(("", item))
        elif isinstance(item, dict):
            unknown = sorted(set(item) - {"when", "text"})
            if unknown or not isinstance(item.get("when"), str) or not isinstance(item.get("text"), str):
                wrong(f"{spec.name}[{index + 1}] should be {{ when = \"a condition\", text = \"…\" }}", sub=(index,))
                return None
            variants.append((item["when"], item["text"]))
        else:
            wrong(f"{spec.name}[{index + 1}] should be a string or {{ when = …, text = … }}", sub=(index,))
            return None
    if variants[-1][0]:
        wrong(f"{spec.name} needs a plain string last: the text shown when no variant's condition holds", "E-VALUE")
        return None
    return tuple(variants)


