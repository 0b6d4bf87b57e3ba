"""A condition in the plain words a player reads: "operational('saturn_v')" → "an operational Saturn V".

Used at load time to say why a choice is not available. It reads the expression's syntax tree (never runs it);
what it cannot put into words it shows as written, which is still true.
"""

from __future__ import annotations

from typing import Callable

from . import expr

#: (kind of id, id) → the name a player knows it by ("" when unknown)
NameOf = Callable[[str, str], str]

_CALLS: dict[str, tuple[str, str]] = {  # function → (kind of its id, phrase with {} for the name)
    "achieved": ("milestone", "your own {}"),
    "rival_achieved": ("milestone", "the rival's {}"),
    "first": ("milestone", "being first to {}"),
    "claimed": ("milestone", "someone's {}"),
    "flag": ("flag", "the decision: {}"),
    "rival_flag": ("flag", "the rival's decision: {}"),
    "has_program": ("program", "the {} program"),
    "operational": ("program", "an operational {}"),
    "reliability": ("program", "the reliability of {}"),
    "flights": ("mission", "successful flights of {}"),
    "fired": ("event", "{} to have happened"),
    "var": ("variable", "{}"),
    "rival_var": ("variable", "the rival's {}"),
    "opinion": ("character", "{}'s opinion of you"),
    "serving": ("character", "{} in office"),
    "promised": ("promise", "the promise {} still open"),
    "kept": ("promise", "the promise {} kept"),
    "broken": ("promise", "the promise {} broken"),
}
_NEGATED_CALLS: dict[str, str] = {
    "achieved": "{} not yet achieved", "rival_achieved": "the rival without {}", "claimed": "{} still unclaimed",
    "flag": "not the decision: {}", "has_program": "no {} program", "operational": "{} not yet operational",
    "serving": "{} out of office", "first": "not being first to {}",
}
_NAMES: dict[str, str] = {
    "year": "the year", "prestige": "prestige", "rival_prestige": "the rival's prestige", "support": "support",
    "rival_support": "the rival's support", "budget": "this year's budget ($M)", "funds": "money left this year ($M)",
    "crew_count": "active crew", "crew_lost": "crew lost", "catastrophes": "crews lost in flight", "pads": "launch pads",
    "launches_left": "launches left this year",
}
_COMPARE = {">=": "at least", "<=": "at most", ">": "above", "<": "below", "==": "of", "!=": "other than"}


def describe(source: str, name_of: NameOf, conditions: dict[str, str] | None = None) -> str:
    """Plain words for a condition; `conditions` gives named conditions' own descriptions."""
    node = expr.parse(source)
    if node is None:
        return source
    return _words(node, source, name_of, conditions or {})


def _words(node: expr.Node, source: str, name_of: NameOf, conditions: dict[str, str]) -> str:
    def text(part: expr.Node) -> str:
        return source[part.offset:part.offset + part.length]

    def again(part: expr.Node) -> str:
        return _words(part, source, name_of, conditions)

    if isinstance(node, expr.Call) and node.name in _CALLS and len(node.args) == 1 and _quoted(node.args[0]):
        kind, phrase = _CALLS[node.name]
        return phrase.format(_named(kind, _quoted(node.args[0]), name_of))
    if isinstance(node, expr.Name):
        return conditions.get(node.name) or _NAMES.get(node.name, node.name.replace("_", " "))
    if isinstance(node, expr.Literal):
        return "true" if node.value is True else "false" if node.value is False else str(node.value)
    if isinstance(node, expr.Unary) and node.op == "not":
        inner = node.operand
        if isinstance(inner, expr.Call) and inner.name in _NEGATED_CALLS and len(inner.args) == 1 and _quoted(inner.args[0]):
            kind = _CALLS[inner.name][0]
            return _NEGATED_CALLS[inner.name].format(_named(kind, _quoted(inner.args[0]), name_of))
        if isinstance(inner, expr.Name) and inner.name in conditions:
            return f"not ({conditions[inner.name]})"
        return f"not {again(inner)}"
    if isinstance(node, expr.Chain) and node.rest[0][0] in ("and", "or"):
        parts = [again(node.first), *(again(part) for _, part in node.rest)]
        joiner = " and " if node.rest[0][0] == "and" else " or "
        return joiner.join(parts)
    if isinstance(node, expr.Compare):
        return _comparison(node, again(node.left), text(node.right) if not isinstance(node.right, expr.Name) else again(node.right))
    return text(node)


def _comparison(node: expr.Compare, left: str, right: str) -> str:
    if isinstance(node.left, expr.Name) and node.left.name == "year" and isinstance(node.right, expr.Literal):
        year = int(node.right.value)
        return {">=": f"{year} or later", ">": f"after {year}", "<=": f"{year} or earlier", "<": f"before {year}",
                "==": f"the year {year}", "!=": f"a year other than {year}"}[node.op]
    if node.op == "==" and isinstance(node.right, expr.Literal) and isinstance(node.right.value, str):
        return f"{left} {node.right.value}"
    return f"{left} {_COMPARE[node.op]} {right}"


def _quoted(node: expr.Node) -> str:
    return node.value if isinstance(node, expr.Literal) and isinstance(node.value, str) else ""


def _named(kind: str, item: str, name_of: NameOf) -> str:
    if kind == "flag":
        return item.replace("_", " ")
    name = name_of(kind, item)
    if not name:
        return item
    return f"\u201c{name}\u201d" if kind in ("milestone", "event", "promise") else name
