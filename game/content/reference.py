"""The modders' reference in Markdown, generated from the registries the loader checks against so it cannot drift.

`space-race mods docs` prints it. Every table and key comes from `schema.TABLES`, mod.toml from
`mods.MANIFEST_KEYS`, expression names from `scripting.VARIABLES` / `FUNCTIONS`, limits from `expr`, text
placeholders from `analysis`, and problem codes from `codes.CODES`: change a registry and the reference follows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from game import __version__
from game.engine import rules, scripting
from game.engine.defs import HOOK_SUBJECTS

from . import expr
from .analysis import EVENT_PLACEHOLDERS, STEP_PLACEHOLDERS
from .codes import CODES
from .env import content_env, script_env, type_of
from .checks import TYPE_NAMES  # the loader's own words for each field type
from .merge import DISABLE, ID_PATTERN, OVERRIDE, PATCH
from .mods import MANIFEST_KEYS
from .schema import KINDS, TABLES, TEXT_KIND, Field

# -- small renderers ---------------------------------------------------------------------------------


def toml_value(value: Any) -> str:
    """A Python value as a TOML literal, for defaults and examples (JSON strings are valid TOML strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }" if value else "{}"
    raise TypeError(f"no TOML form for {value!r}")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def _code(text: str) -> str:
    """Inline code that survives backquotes in the text."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


# -- sample values (for the layout skeletons and examples) ------------------------------------------

def _sample_id(kind: str) -> str:
    """A table's id in skeletons: what a modder replaces."""
    return "usa" if kind == "crew_names" else f"my_{kind}"


#: Values chosen so the skeletons show the richer form (a dilemma shows its choices).
_PREFERRED = {("event", "kind"): "dilemma"}


def _clamp(number: int, spec: Field) -> int:
    low = spec.low if spec.low is not None else number
    high = spec.high if spec.high is not None else number
    return min(max(number, low), high)


def sample_value(table: str, spec: Field) -> str:
    """A TOML value that fits the field: its documented example, else one built from its type and limits."""
    if spec.example:
        return spec.example
    if (table, spec.name) in _PREFERRED:
        return toml_value(_PREFERRED[(table, spec.name)])
    if spec.type == "bool":  # the interesting value is the one that is not the default
        return toml_value(spec.default is not True)
    if spec.default not in (None, (), {}, "") and spec.type != "table":
        return toml_value(spec.default)
    first = next((choice for choice in spec.choices if choice), "")
    kind = spec.type
    if kind in ("str", "asset", "text"):
        return toml_value(first or (f"my_{table}" if spec.name == "id" else "…"))
    if kind == "condition":
        return toml_value("year >= 1961")
    if kind == "int":
        return toml_value(_clamp(0, spec))
    if kind in ("str_list", "effects"):
        return toml_value([first or ("add_prestige(5)" if kind == "effects" else "…")])
    if kind in ("int_list", "int_pair"):
        return toml_value([_clamp(0, spec)] * (2 if kind == "int_pair" else 1))
    return "{}" if kind in ("int_table", "weights", "pair_table") else "[]"


# -- types, defaults and limits in words ----------------------------------------------------------------


def type_words(spec: Field) -> str:
    """The field's type as a modder reads it, naming the kind of id it must refer to."""
    words = TYPE_NAMES[spec.type]
    if spec.type in ("table", "tables"):
        return f"{words}: keys in [{spec.sub}](#{spec.sub})"
    if spec.ref and spec.type in ("int_table", "pair_table"):
        return f"{words}, keyed by {spec.ref} id"
    if spec.ref:
        return f"{words}, each a {spec.ref} id"
    return words


def default_words(spec: Field) -> str:
    if spec.required:
        return "**required**"
    if spec.type == "table":
        return "its keys' defaults"
    if spec.default is None:
        return "optional"
    return f"default {_code(toml_value(spec.default))}"


def allowed_words(spec: Field) -> str:
    parts: list[str] = []
    if spec.choices:
        parts.append(", ".join(_code(toml_value(choice)) for choice in spec.choices))
    if spec.type == "windows":
        parts.append(f"years {spec.low}–{spec.high}, months 1–12")
    elif spec.type in ("int_table", "weights") and spec.low is None:
        parts.append(f"values 0 to {spec.high}" if spec.high is not None else "values 0 or more")
    elif spec.low is not None or spec.high is not None:
        parts.append(f"{spec.low} to {spec.high}")
    return "; ".join(parts) or "—"


# -- where each table lives ---------------------------------------------------------------------------


def _homes(table: str) -> list[str]:
    """Every TOML header a table appears under: `[hardware.ID]`, `[[mission.ID.steps]]`, `[scenario.ID.usa]`."""
    homes = [f"[{kind}.{'SIDE' if kind == 'crew_names' else 'ID'}]" for kind, name in KINDS.items() if name == table]
    for parent, fields in TABLES.items():
        for spec in fields.values():
            if spec.sub != table:
                continue
            for home in _homes(parent):
                inner = home.strip("[]")
                homes.append(f"[[{inner}.{spec.name}]]" if spec.type == "tables" else f"[{inner}.{spec.name}]")
    return homes


# -- sections -----------------------------------------------------------------------------------------


def skeleton(kind: str) -> str:
    """A TOML skeleton of one kind of object: its required keys, then its nested tables as sections."""
    return "\n".join(_skeleton_lines(TABLES[KINDS[kind]], KINDS[kind], f"{kind}.{_sample_id(kind)}", False))


def _skeleton_lines(fields: dict[str, Field], table: str, header: str, array: bool) -> list[str]:
    lines = [f"[[{header}]]" if array else f"[{header}]"]
    nested: list[Field] = []
    for spec in fields.values():
        if spec.type == "tables" or (spec.type == "table" and spec.required):
            nested.append(spec)
        elif spec.required:
            lines.append(f"{spec.name} = {sample_value(table, spec)}")
    for spec in nested:
        lines.append("")
        lines += _skeleton_lines(TABLES[spec.sub], spec.sub, f"{header}.{spec.name}", spec.type == "tables")
    return lines


def changes_example() -> str:
    """Override, patch (fields and an event's choices), patched texts and disables, as one TOML file."""
    added = [f"{spec.name} = {sample_value('choice', spec)}" for spec in TABLES["choice"].values() if spec.required]
    return "\n".join([
        "[milestone.satellite_orbit]       # replace the base game's milestone whole",
        f"{OVERRIDE} = true",
        *(f"{spec.name} = {sample_value('milestone', spec)}" for spec in TABLES["milestone"].values() if spec.required),
        "",
        f"[{PATCH}.event.kennedy_moon_goal]   # change a few fields, keep the rest",
        f"{TABLES['event']['chance'].name} = 500",
        'remove_choices = ["no_stunts"]',
        "",
        f"[[{PATCH}.event.kennedy_moon_goal.add_choices]]",
        *added,
        "",
        f"[{PATCH}.{TEXT_KIND}]",
        'agency_usa = "the Agency"',
        "",
        f"[{DISABLE}]",
        'event = ["u2_affair"]',
    ])


def _toml_block(text: str) -> list[str]:
    return ["```toml", text, "```", ""]


def layout_section() -> list[str]:
    lines = [
        "## File layout",
        "",
        "A mod is a folder with `mod.toml` and any number of `.toml` content files in any sub-folders (read in "
        "sorted path order). Every content file may hold any of these top-level tables:",
        "",
    ]
    rows = [(_code(home), f"one {name} per {'side' if kind == 'crew_names' else 'id'}, keys in [{name}](#{name})")
            for kind, name in KINDS.items() for home in _homes(name)]
    rows += [
        (_code(f"[{TEXT_KIND}]"), "named strings: `key = \"text\"`"),
        (_code(f"[{PATCH}.KIND.ID]"), "set some fields of an object another mod (or this one) defined; events also "
         "take `add_choices` (array of choice tables) and `remove_choices` (list of choice ids)"),
        (_code(f"[{PATCH}.{TEXT_KIND}]"), "replace named strings"),
        (_code(f"[{DISABLE}]"), "`KIND = [\"id\", …]`: remove objects by id"),
    ]
    lines += _table(("Table", "Holds"), rows)
    lines += [
        "",
        f"Ids match `{ID_PATTERN.pattern}` (snake_case); `[crew_names.SIDE]` is keyed by side. A new id defines "
        f"an object; defining an id again is an error unless the new table says `{OVERRIDE} = true`, which "
        "replaces the object whole. Within a mod, definitions apply first, then patches, then disables; mods "
        "apply in load order (the base game first).",
        "",
    ]
    for kind in KINDS:
        lines += [f"### Example: {kind}", ""] + _toml_block(skeleton(kind))
    lines += ["### Overrides, patches and disables", ""] + _toml_block(changes_example())
    return lines


def _field_example(table: str, spec: Field) -> str:
    if spec.type in ("table", "tables"):
        return "—"
    return _code(f"{spec.name} = {sample_value(table, spec)}")


def tables_section() -> list[str]:
    lines = ["## Tables and their keys", ""]
    for name, fields in TABLES.items():
        homes = ", ".join(_code(home) for home in _homes(name))
        lines += [f"### {name}", "", f"Appears as {homes}.", ""]
        rows = [(f"`{spec.name}`", type_words(spec), default_words(spec), allowed_words(spec), spec.doc,
                 _field_example(name, spec)) for spec in fields.values()]
        lines += _table(("Key", "Type", "Required / default", "Allowed", "Meaning", "Example"), rows) + [""]
    return lines


def sample_manifest() -> str:
    """A mod.toml using every key, valid for the running game version."""
    major_minor = ".".join(__version__.split(".")[:2])
    samples: dict[str, Any] = {
        "id": "my_mod", "name": "My mod", "version": "1.0.0", "game": f">={major_minor}",
        "description": "What the mod adds.", "authors": ["A. Modder"], "requires": [], "load_after": [],
        "conflicts": [], "silence": ["W-FLAG-UNUSED"],
    }
    lines = []
    for key, (kind, _required, _meaning) in MANIFEST_KEYS.items():
        value = samples.get(key, "…" if kind == "str" else [])
        lines.append(f"{key} = {toml_value(value)}")
    return "\n".join(lines)


def manifest_section() -> list[str]:
    lines = ["## mod.toml", "", "Every mod folder holds a `mod.toml` that says what the mod is and where it loads:", ""]
    rows = [(f"`{key}`", TYPE_NAMES[kind], "**required**" if required else "optional", meaning)
            for key, (kind, required, meaning) in MANIFEST_KEYS.items()]
    lines += _table(("Key", "Type", "Required", "Meaning"), rows) + [""]
    lines += _toml_block(sample_manifest())
    lines += ["Load order: the base game first, then each mod after the mods it `requires` and `load_after`s, "
              "ties broken by id — the same on every machine whatever order the folders are found in.", ""]
    return lines


def _fields_of(kind: str) -> str:
    """Every table key holding expressions of a type: where a modder may write conditions or effects."""
    names = [f"`{table}.{spec.name}`" for table, fields in TABLES.items() for spec in fields.values() if spec.type == kind]
    return ", ".join(names)


def _operators() -> str:
    arithmetic = " ".join(f"`{op}`" for op in expr._ARITH)
    comparison = " ".join(f"`{op}`" for op in expr._CMP)
    return f"arithmetic {arithmetic}; comparison {comparison}; logic `and` `or` `not`"


def expressions_section() -> list[str]:
    lines = [
        "## Expressions",
        "",
        f"Conditions (true/false) are written in {_fields_of('condition')}. Effects are lists of calls in "
        f"{_fields_of('effects')}. Every expression is checked at load: names, argument counts, types, and "
        "quoted ids (milestones, programs, missions, events, flags) must exist in the loaded content.",
        "",
        "Grammar, loosest binding first:",
        "",
        "```",
        "expression  = and_expr { 'or' and_expr }",
        "and_expr    = not_expr { 'and' not_expr }",
        "not_expr    = 'not' not_expr | comparison",
        "comparison  = sum [ ('<' | '<=' | '>' | '>=' | '==' | '!=') sum ]     (comparisons do not chain)",
        "sum         = term { ('+' | '-') term }",
        "term        = unary { ('*' | '/' | '%') unary }",
        "unary       = '-' unary | atom",
        "atom        = number | text | 'true' | 'false' | name | name '(' [ expression { ',' expression } ] ')'",
        "            | '(' expression ')'",
        "number      = digits, with single _ between them: 1_000",
        "text        = 'in single quotes' | \"in double quotes\"      (escapes: \\\\ \\' \\\")",
        "effect      = name '(' arguments ')'                       (one call of an effect function)",
        "```",
        "",
        f"Operators: {_operators()}. Whole numbers only; `/` rounds down and dividing by zero gives 0; every "
        f"result is kept within ±{expr.MAX_INT:_}.",
        "",
        "Limits:",
        "",
    ]
    lines += _table(("Limit", "Value"), [
        ("characters in one expression", f"{expr.MAX_SOURCE}"),
        ("nesting depth (brackets, calls, `not`, unary `-`)", f"{expr.MAX_DEPTH}"),
        ("largest whole number", f"{expr.MAX_INT:_}"),
        ("arguments in one call", f"{expr.MAX_ARGS}"),
    ])
    lines += ["", "Refused on sight (there is no attribute access, indexing, exponentiation or assignment):", ""]
    refused = {**expr._BAD2, **expr._BAD1}
    lines += _table(("Written", "Why"), [(_code(text), why) for text, why in refused.items()]) + [""]
    return lines


def data_file_line(example: str, hook: str = "") -> str:
    """How an expression example looks in a data file: a trigger if it is a condition, else an effect."""
    env = content_env((), hook) if hook else script_env()
    if expr.compile_condition(example, env)[0] is not None:
        return f"trigger = {toml_value(example)}"
    if expr.compile_effect(example, env)[0] is not None:
        return f"effects = [{toml_value(example)}]"
    return f"# {example}"


def variables_section() -> list[str]:
    env = script_env()
    lines = ["## Variables", "", "Read-only values, always about \"this side\" (the side the event or rule speaks for).", ""]
    rows = [(f"`{name}`", expr.describe(env.variables[name].type), variable.doc, _code(data_file_line(variable.example)))
            for name, variable in scripting.VARIABLES.items()]
    lines += _table(("Name", "Type", "Meaning", "In a data file"), rows) + [""]
    lines += ["A `[condition]` is read by its bare name too: with `[condition.rival_leads] when = \"rival_prestige > "
              "prestige\"`, write `trigger = \"rival_leads and year >= 1961\"`.", ""]
    return lines


def hooks_section() -> list[str]:
    lines = ["## Hooks", "",
             "An event with `on = \"HOOK\"` fires when that happens, in the order things happened, instead of from "
             "the calendar (its `years`, `trigger`, `chance` and `once` still apply). News is told at once, in that "
             "year's report; a dilemma waits for the next briefing. Its conditions and texts also know what happened:", ""]
    rows = []
    for hook, doc in scripting.HOOK_DOCS.items():
        names = [name for name, variable in scripting.HOOK_VARIABLES.items() if hook in variable.hooks]
        placeholders = " ".join(f"`{{{item}}}`" for item in HOOK_SUBJECTS[hook] if item != "threshold")
        rows.append((f"`{hook}`", doc, " ".join(f"`{name}`" for name in names) or "—", placeholders or "—"))
    lines += _table(("Hook", "Fires when", "Condition names", "Placeholders"), rows) + [""]
    rows = [(f"`{name}`", expr.describe(type_of(variable.type)), variable.doc,
             _code(data_file_line(variable.example, variable.hooks[0])))
            for name, variable in scripting.HOOK_VARIABLES.items()]
    lines += _table(("Name", "Type", "Meaning", "In a data file"), rows) + [""]
    lines += [
        "Every year's briefing posts at most "
        f"{rules.MAX_DILEMMAS_PER_YEAR} dilemmas to a side: dilemmas held over from last year first, then follow-ups "
        "that come due, then the calendar's by priority. The rest wait, shown as waiting, for the next briefing, where "
        "their conditions are checked again. `mods check` warns (W-DILEMMA-CAP) when a year's calendar can hold more.",
        "",
    ]
    return lines


def _functions(effects: bool) -> list[tuple[str, ...]]:
    env = script_env()
    rows: list[tuple[str, ...]] = []
    for name, function in scripting.FUNCTIONS.items():
        if function.effect != effects:
            continue
        compiled = env.functions[name]
        returns = "" if effects else f" → {expr.describe(compiled.returns)}"
        rows.append((_code(expr.signature(compiled) + returns), function.doc, _code(data_file_line(function.example))))
    return rows


def functions_section() -> list[str]:
    lines = ["## Condition functions", "", "Ids are written in quotes: `achieved('crewed_orbit')`.", ""]
    lines += _table(("Function", "Meaning", "In a data file"), _functions(effects=False)) + [""]
    lines += ["## Effects", "", "Each entry of an `effects` list is one call of one of these.", ""]
    lines += _table(("Effect", "Meaning", "In a data file"), _functions(effects=True)) + [""]
    return lines


def placeholders_section() -> list[str]:
    def names(items: tuple[str, ...]) -> str:
        return " ".join(f"`{{{item}}}`" for item in items)

    return [
        "## Text placeholders",
        "",
        "The game fills these in; any other `{name}` is reported as W-PLACEHOLDER.",
        "",
        *_table(("Where", "Placeholders"), [
            ("event `title`, `text`, `foreseen`, each choice's `text` and `result`; a promise's `kept_text` and "
             "`broken_text`", names(EVENT_PLACEHOLDERS) + " — `{leader}` is the leader in office (a character with "
             "role = \"leader\") — and any character's id, which becomes their `short` name: `{korolev}`"),
            ("an event with a `speaker`", "`{speaker}`: the speaker's full name"),
            ("an event with `on = …`", "what the hook passes: see Hooks"),
            ("step `success_text`, `failure_text`, and `[text]` strings named `step_…` or `crew_safe_after_…`",
             names(STEP_PLACEHOLDERS) + " — `{the_crew} {comes}` reads right for one person or several"),
        ]),
        "",
        "Any text field of type *text* may instead be a list of variants: the first whose `when` holds is shown, "
        "else the plain string that ends the list. An event's variant is chosen when it arrives and kept; a choice's "
        "when it is shown.",
        "",
        "```toml",
        "[event.chief_designer_memo]",
        "title = \"A Memo from the Chief Designer\"",
        "kind = \"news\"",
        "sides = [\"ussr\"]",
        "speaker = \"korolev\"",
        "text = [",
        "  { when = \"rival_prestige > prestige\", text = \"The rival keeps taking the firsts, {speaker} writes.\" },",
        "  { when = \"opinion('korolev') >= 60\", text = \"{korolev} is sure of it: we can win.\" },",
        "  \"The race is close.\",",
        "]",
        "```",
        "",
    ]


def codes_section() -> list[str]:
    lines = ["## Problem codes", "",
             "`space-race mods check` prints each problem as `path:line:col: error|warning[CODE]: message`. Errors "
             "stop the content from loading; warnings do not, and a mod may silence a warning by code in "
             "`mod.toml` (`silence`).", ""]
    lines += _table(("Code", "Severity", "Meaning"), [(f"[{code.code}](#{code.code.lower()})", code.severity, code.title)
                                                     for code in CODES.values()]) + [""]
    for code in CODES.values():
        lines += [f"### {code.code}", "", f"**{code.title}** ({code.severity}). {code.explanation}", "",
                  f"Fix: {_code(code.example_fix)}", ""]
    return lines


def reference_markdown() -> str:
    """The whole modders' reference: what `space-race mods docs` prints."""
    lines = [
        f"# Space Race {__version__} — modders' reference",
        "",
        "Generated by `space-race mods docs` from the registries the content loader checks against; do not edit "
        "by hand. For a step-by-step tutorial see MODDING.md.",
        "",
    ]
    for section in (layout_section, tables_section, manifest_section, expressions_section, variables_section,
                    functions_section, hooks_section, placeholders_section, codes_section):
        lines += section()
    return "\n".join(lines).rstrip("\n") + "\n"
