"""JSON Schemas (draft-07) of content files and mod.toml, generated from the loader's registries for TOML editors.

Taplo / Even Better TOML read these to complete keys, show each key's doc and flag typos while a modder types.
Everything here is derived from `schema.TABLES`, `mods.MANIFEST_KEYS` and the merge constants, so an editor
accepts what the loader accepts (the loader checks more: ids that must exist, expressions, cross-field rules).
"""

from __future__ import annotations

from typing import Any

from game import __version__

from game.engine.defs import SIDES

from .codes import CODES
from .merge import DISABLE, ID_PATTERN, OVERRIDE, PATCH
from .mods import CONSTRAINT, MANIFEST_KEYS, MOD_ID, VERSION
from .schema import KINDS, TABLES, TEXT_KIND, Field

DRAFT = "http://json-schema.org/draft-07/schema#"
Schema = dict[str, Any]


def _json_default(value: Any) -> Any:
    """Defaults as JSON: tuples become lists."""
    if isinstance(value, tuple):
        return [_json_default(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_default(item) for key, item in value.items()}
    return value


def _bounded(schema: Schema, spec: Field) -> Schema:
    """An integer schema with the field's range."""
    if spec.low is not None:
        schema["minimum"] = spec.low
    if spec.high is not None:
        schema["maximum"] = spec.high
    return schema


def _string(spec: Field) -> Schema:
    return {"type": "string", "enum": list(spec.choices)} if spec.choices else {"type": "string"}


def _value_schema(spec: Field) -> Schema:
    """The JSON Schema of one field's value, by the field's type (the same types the loader checks)."""
    kind = spec.type
    if kind in ("str", "condition", "asset"):
        return _string(spec)
    if kind == "int":
        return _bounded({"type": "integer"}, spec)
    if kind == "bool":
        return {"type": "boolean"}
    if kind in ("str_list", "effects"):
        return {"type": "array", "items": _string(spec)}
    if kind == "int_list":
        return {"type": "array", "items": _bounded({"type": "integer"}, spec)}
    if kind == "int_pair":
        return {"type": "array", "items": _bounded({"type": "integer"}, spec), "minItems": 2, "maxItems": 2}
    if kind == "windows":
        year = _bounded({"type": "integer"}, spec)
        month = {"type": "integer", "minimum": 1, "maximum": 12}
        pair = {"type": "array", "items": [year, month], "minItems": 2, "maxItems": 2, "additionalItems": False}
        return {"type": "array", "items": pair}
    if kind == "text":
        variant = {"type": "object", "properties": {"when": {"type": "string"}, "text": {"type": "string"}},
                   "required": ["when", "text"], "additionalProperties": False}
        return {"anyOf": [{"type": "string"},
                          {"type": "array", "minItems": 1, "items": {"anyOf": [{"type": "string"}, variant]}}]}
    if kind == "pair_table":
        pair = _bounded({"type": "integer"}, spec)
        return {"type": "object", "additionalProperties": {"type": "array", "items": pair, "minItems": 2, "maxItems": 2}}
    if kind in ("int_table", "weights"):
        schema: Schema = {"type": "object", "additionalProperties": _bounded({"type": "integer"}, spec)
                          if spec.low is not None else {"type": "integer", "minimum": 0}}
        if spec.choices:
            schema["propertyNames"] = {"enum": list(spec.choices)}
        return schema
    if kind == "table":  # draft-07 ignores keys beside a $ref, so wrap it to keep the description
        return {"allOf": [{"$ref": f"#/definitions/{spec.sub}"}]}
    if kind == "tables":
        return {"type": "array", "items": {"$ref": f"#/definitions/{spec.sub}"}}
    raise AssertionError(f"unknown field type {kind}")


def _description(spec: Field) -> str:
    """The field's doc, plus what refers where, so the editor's hover says as much as the reference."""
    text = spec.doc
    if spec.ref:
        text += f" Each entry names a {spec.ref} id."
    if spec.example:
        text += f" Example: {spec.name} = {spec.example}"
    return text


def field_schema(spec: Field) -> Schema:
    """One key: its value schema with a description and, for optional keys, the default."""
    schema = _value_schema(spec)
    schema["description"] = _description(spec)
    if not spec.required and spec.default is not None and spec.type != "table":
        schema["default"] = _json_default(spec.default)
    return schema


def table_schema(name: str, *, patch: bool = False, top_level: bool = False) -> Schema:
    """One table of `schema.TABLES`: unknown keys are rejected as the loader rejects them (E-KEY). A patch
    sets only some fields, so nothing is required in it."""
    fields = TABLES[name]
    properties = {key: field_schema(spec) for key, spec in fields.items()}
    if top_level and not patch:
        properties[OVERRIDE] = {"type": "boolean", "default": False,
                                "description": "Replace an object another mod defined with this one, whole."}
    schema: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    required = [key for key, spec in fields.items() if spec.required]
    if required and not patch:
        schema["required"] = required
    return schema


def _event_patch() -> Schema:
    """An event patch also edits the list of choices without copying the event."""
    schema = table_schema("event", patch=True)
    schema["properties"]["add_choices"] = {
        "type": "array", "items": {"$ref": "#/definitions/choice"},
        "description": "Choices appended to the event: [[patch.event.ID.add_choices]].",
    }
    schema["properties"]["remove_choices"] = {
        "type": "array", "items": {"type": "string"}, "description": "Ids of the event's choices to remove.",
    }
    return schema


def _by_id(item: Schema, kind: str) -> Schema:
    """Objects of one kind keyed by id: snake_case ids (E-ID), except crew names, keyed by side."""
    if kind == "crew_names":
        return {"type": "object", "properties": {side: item for side in SIDES}, "additionalProperties": False}
    return {"type": "object", "patternProperties": {ID_PATTERN.pattern: item}, "additionalProperties": False}


def _texts(description: str) -> Schema:
    return {"type": "object", "additionalProperties": {"type": "string"}, "description": description}


def _patch_schema() -> Schema:
    properties: Schema = {
        kind: _by_id({"$ref": f"#/definitions/{table}_patch"}, kind) for kind, table in KINDS.items()
    }
    properties[TEXT_KIND] = _texts("Replace named strings another mod defined.")
    return {"type": "object", "properties": properties, "additionalProperties": False,
            "description": "[patch.KIND.ID] sets fields of an object another mod defined; [patch.text] replaces texts."}


def _disable_schema() -> Schema:
    properties = {kind: {"type": "array", "items": {"type": "string"}, "description": f"Ids of {kind} objects to remove."}
                  for kind in KINDS}
    return {"type": "object", "properties": properties, "additionalProperties": False,
            "description": "Remove objects by id: KIND = [\"id\", …]."}


def _definitions() -> Schema:
    top_tables = set(KINDS.values())
    definitions: Schema = {name: table_schema(name, top_level=name in top_tables) for name in TABLES}
    for table in KINDS.values():
        definitions[f"{table}_patch"] = _event_patch() if table == "event" else table_schema(table, patch=True)
    return definitions


def content_schema() -> Schema:
    """The JSON Schema of one content file (any file under a mod's folder except mod.toml)."""
    properties: Schema = {
        kind: _by_id({"$ref": f"#/definitions/{table}"}, kind) for kind, table in KINDS.items()
    }
    properties[TEXT_KIND] = _texts("Named strings the game shows (side names, agencies, leaders, narration).")
    properties[PATCH] = _patch_schema()
    properties[DISABLE] = _disable_schema()
    return {
        "$schema": DRAFT,
        "title": f"Space Race {__version__} content file",
        "description": "Hardware, missions, milestones, events, scenarios, crew names, texts, patches and disables.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "definitions": _definitions(),
    }


def _game_pattern() -> str:
    """A comma-separated list of version constraints, built from the one regex the loader matches each with."""
    one = CONSTRAINT.pattern.removeprefix("^").removesuffix("$")
    return f"^{one}(,{one})*$"


def _manifest_value(key: str, kind: str) -> Schema:
    if kind == "str":
        schema: Schema = {"type": "string"}
        patterns = {"id": MOD_ID.pattern, "version": VERSION.pattern, "game": _game_pattern()}
        if key in patterns:
            schema["pattern"] = patterns[key]
        return schema
    items: Schema = {"type": "string"}
    if key == "silence":
        items["enum"] = sorted(code for code, entry in CODES.items() if entry.severity == "warning")
    return {"type": "array", "items": items}


def manifest_schema() -> Schema:
    """The JSON Schema of mod.toml, from `mods.MANIFEST_KEYS`."""
    properties = {}
    for key, (kind, _required, meaning) in MANIFEST_KEYS.items():
        properties[key] = {**_manifest_value(key, kind), "description": meaning}
    return {
        "$schema": DRAFT,
        "title": f"Space Race {__version__} mod.toml",
        "type": "object",
        "properties": properties,
        "required": [key for key, (_kind, required, _meaning) in MANIFEST_KEYS.items() if required],
        "additionalProperties": False,
    }
