"""Building the story's definitions from checked tables: events and their choices (conditions, costs, text
variants), variables, named conditions and effect lists, characters and promises, each id they name checked."""

from __future__ import annotations

from typing import Any

from game.engine import defs
from game.engine.defs import SIDES
from game.engine.scripting import HOOK_VARIABLES

from . import expr
from .builder import Builder, history_note
from .env import script_env
from .merge import Raw
from .problems import PathKey
from .words import describe


def text(builder: Builder, raw: Raw, rel: PathKey, value: Any, hook: str = "") -> tuple[str, tuple[defs.TextVariant, ...]]:
    """A text field: its plain string, and its variants with their conditions compiled."""
    if isinstance(value, str):
        return value, ()
    variants: list[defs.TextVariant] = []
    plain = ""
    for index, (when, words) in enumerate(value):
        if not when:
            plain = words
            continue
        compiled = builder.compiler.condition(when, raw, (*rel, index, "when"), hook)
        if compiled is not None:
            variants.append(defs.TextVariant(compiled, words, when))
    return plain, tuple(variants)


def _texts(builder: Builder, raw: Raw, at: PathKey, clean: dict[str, Any], names: tuple[str, ...],
           hook: str) -> tuple[dict[str, str], dict[str, tuple[defs.TextVariant, ...]]]:
    plain: dict[str, str] = {}
    variants: dict[str, tuple[defs.TextVariant, ...]] = {}
    for name in names:
        plain[name], found = text(builder, raw, (*at, name), clean[name], hook)
        if found:
            variants[name] = found
    return plain, variants


def event(builder: Builder, raw: Raw, clean: dict[str, Any]) -> defs.Event:
    report = builder.report
    hook = clean["on"]
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
    _check_firing(builder, raw, clean)
    builder.unique_ids(raw, clean["choices"], "choices", "choice id {!r} is used twice")
    choices = [choice_of(builder, raw, index, item, hook) for index, item in enumerate(clean["choices"])
               if "id" in item and "text" in item]
    first, last = clean["years"]
    plain, variants = _texts(builder, raw, (), clean, ("title", "text"), hook)
    return defs.Event(
        id=raw.id, title=plain["title"], text=plain["text"], kind=clean["kind"], sides=clean["sides"],
        first_year=first, last_year=last, trigger=builder.compiler.condition(clean["trigger"], raw, ("trigger",), hook),
        trigger_text=clean["trigger"], chance=clean["chance"], once=clean["once"], priority=clean["priority"],
        effects=builder.compiler.effects(clean["effects"], raw, ("effects",), hook), effects_text=clean["effects"],
        choices=tuple(choices), history=defs.HistoryNote(note=clean["history"]),
        image=builder.asset(raw, ("image",), clean["image"]), on=hook, threshold=clean["threshold"],
        follow_up=clean["follow_up"], foreseen=clean["foreseen"], speaker=clean["speaker"], scenarios=clean["scenarios"],
        variants=variants,
    )


def _check_firing(builder: Builder, raw: Raw, clean: dict[str, Any]) -> None:
    """How an event fires must make sense: one way (calendar, hook or follow-up), a threshold with support_below,
    a speaker of its own side."""
    report = builder.report
    if clean["on"] and clean["follow_up"]:
        raw.problem(report, ("follow_up",), "an event fires from a hook (on) or as a follow-up, not both", "E-VALUE",
                    at_value=True)
    if clean["on"] == "support_below" and not clean["threshold"]:
        raw.problem(report, ("on",), "on = \"support_below\" needs a threshold (1–100): the support level whose "
                    "downward crossing fires it", "E-MISSING", at_value=True)
    elif clean["threshold"] and clean["on"] != "support_below":
        raw.problem(report, ("threshold",), "threshold is used only with on = \"support_below\"", "E-VALUE", at_value=True)
    if clean["foreseen"] and not clean["follow_up"]:
        raw.problem(report, ("foreseen",), "foreseen is the ledger's text for a follow-up; set follow_up = true",
                    "E-VALUE", at_value=True)
    builder.refs(raw, clean["scenarios"], "scenario", ("scenarios",))
    speaker = clean["speaker"]
    if speaker and builder.ref(raw, speaker, "character", ("speaker",)):
        owners = builder.sides_of_kind.get(("character", speaker), ())
        if any(side not in owners for side in clean["sides"]):
            raw.problem(report, ("speaker",), f"{speaker!r} serves {', '.join(o.upper() for o in owners)}, but the event "
                        f"is seen by {', '.join(s.upper() for s in clean['sides'])}", "E-REF", at_value=True)


def choice_of(builder: Builder, raw: Raw, index: int, item: dict[str, Any], hook: str) -> defs.Choice:
    at: PathKey = ("choices", index)
    condition_text = item["condition"]
    condition = builder.compiler.condition(condition_text, raw, (*at, "condition"), hook)
    cost = defs.Cost(**item["cost"])
    if item["default"]:
        if condition_text:
            raw.problem(builder.report, (*at, "condition"), "the default choice is taken when the player does not "
                        "decide, so it cannot have a condition that may fail", "E-DEFAULT", at_value=True)
        if cost.crew or cost.launches:
            raw.problem(builder.report, (*at, "cost"), "the default choice cannot cost a crew member or launches: "
                        "nobody is there to name the crew, and the launches may be booked", "E-DEFAULT", at_value=True)
    plain, variants = _texts(builder, raw, at, item, ("text", "result"), hook)
    return defs.Choice(
        id=item["id"], text=plain["text"], effects=builder.compiler.effects(item["effects"], raw, (*at, "effects"), hook),
        effects_text=item["effects"], ai=item["ai"], default=item["default"], result=plain["result"],
        condition=condition, condition_text=condition_text,
        requirements=requirements(builder, condition_text, hook) if condition is not None else (),
        unavailable=item["unavailable"], cost=cost, variants=variants,
    )


def requirements(builder: Builder, source: str, hook: str = "") -> tuple[defs.Requirement, ...]:
    """A condition's `and`-ed parts, each compiled on its own with its plain words, so a player is told only
    what is missing."""
    found: list[defs.Requirement] = []
    for part in expr.conjuncts(source):
        compiled, errors = expr.compile_condition(part, builder.compiler.env(hook), builder.known)
        if compiled is not None and not errors:
            found.append(defs.Requirement(compiled, words(builder, part)))
    return tuple(found)


def words(builder: Builder, source: str) -> str:
    return describe(source, lambda kind, item: builder.names.get((kind, item), ""), builder.condition_words)


def variable(builder: Builder, raw: Raw, clean: dict[str, Any]) -> defs.VariableDef:
    if not clean["min"] <= clean["default"] <= clean["max"]:
        raw.problem(builder.report, ("default",), f"default {clean['default']} is outside min–max "
                    f"({clean['min']}–{clean['max']})", "E-RANGE", at_value=True)
    return defs.VariableDef(id=raw.id, name=clean["name"], description=clean["description"], default=clean["default"],
                            low=clean["min"], high=clean["max"], sides=clean["sides"], visible=clean["visible"])


def named_condition(builder: Builder, raw: Raw, clean: dict[str, Any]) -> defs.NamedCondition | None:
    env = script_env()
    if raw.id in env.functions or raw.id in env.variables or raw.id in HOOK_VARIABLES:
        raw.problem(builder.report, (), f"condition id {raw.id!r} is a name the game already uses; choose another", "E-ID")
        return None
    test = builder.compiler.condition(clean["when"], raw, ("when",))
    if test is None:
        return None
    return defs.NamedCondition(id=raw.id, test=test, source=clean["when"], description=clean["description"])


def effect_list(builder: Builder, raw: Raw, clean: dict[str, Any]) -> defs.EffectList:
    return defs.EffectList(id=raw.id, effects=builder.compiler.effects(clean["effects"], raw, ("effects",)),
                           effects_text=clean["effects"], description=clean["description"])


def character(builder: Builder, raw: Raw, clean: dict[str, Any]) -> defs.CharacterDef:
    builder.refs(raw, clean["scenarios"], "scenario", ("scenarios",))
    first, last = clean["years"]
    name = clean["name"]
    return defs.CharacterDef(
        id=raw.id, name=name, short=clean["short"] or name.split()[-1], title=clean["title"], side=clean["side"],
        role=clean["role"], first=first, last=last, opinion=clean["opinion"], resigns_below=clean["resigns_below"],
        description=clean["description"], departure=clean["departure"], resignation=clean["resignation"],
        history=history_note(clean["history"]), scenarios=clean["scenarios"],
    )


def promise(builder: Builder, raw: Raw, clean: dict[str, Any]) -> defs.PromiseDef | None:
    builder.refs(raw, clean["scenarios"], "scenario", ("scenarios",))
    if bool(clean["deadline"]) == bool(clean["within"]):
        raw.problem(builder.report, (), f"promise {raw.id!r} needs a deadline (a year) or within (years), one of them",
                    "E-VALUE")
    condition = builder.compiler.condition(clean["condition"], raw, ("condition",))
    plain, variants = _texts(builder, raw, (), clean, ("kept_text", "broken_text"), "")
    if condition is None:
        return None
    return defs.PromiseDef(
        id=raw.id, name=clean["name"], text=clean["text"], sides=clean["sides"], deadline=clean["deadline"],
        within=clean["within"], condition=condition, condition_text=clean["condition"],
        kept=builder.compiler.effects(clean["kept"], raw, ("kept",)), kept_text=plain["kept_text"],
        broken=builder.compiler.effects(clean["broken"], raw, ("broken",)), broken_text=plain["broken_text"],
        kept_effects_text=clean["kept"], broken_effects_text=clean["broken"], scenarios=clean["scenarios"],
        variants=variants,
    )


def sides_of(raw: Raw) -> tuple[str, ...]:
    """Whose an object is, before it is built: a character's side, a variable's or a promise's sides."""
    if raw.kind == "character":
        side = raw.data.get("side")
        return (side,) if isinstance(side, str) else ()
    found = raw.data.get("sides", SIDES)
    return tuple(item for item in found if isinstance(item, str)) if isinstance(found, list) else SIDES
