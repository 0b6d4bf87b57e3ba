"""The expression environments data files compile against, built from the engine's script registry.

`script_env` is what every expression may use. Content adds its named conditions (read by their bare names), and
an event that listens for a hook also sees what the hook passes (`milestone`, `mission` …): `content_env`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from game.engine import scripting

from . import expr

_BASE_TYPES = {"int": expr.INT, "bool": expr.BOOL, "str": expr.STR}


def type_of(name: str) -> expr.Type:
    """'int' | 'bool' | 'str', or a reference kind such as 'milestone' (a checked id)."""
    return _BASE_TYPES.get(name) or expr.ref(name)


def _variable(spec: scripting.ScriptVariable) -> expr.Variable:
    return expr.Variable(name=spec.name, type=type_of(spec.type), getter=spec.getter, doc=spec.doc, example=spec.example)


@lru_cache(maxsize=1)
def script_env() -> expr.Env:
    functions = {
        name: expr.Function(
            name=name,
            params=tuple(expr.Param(param, type_of(kind)) for param, kind in spec.params),
            returns=type_of(spec.returns) if spec.returns else None,
            impl=spec.impl,
            doc=spec.doc,
            example=spec.example,
            effect=spec.effect,
        )
        for name, spec in scripting.FUNCTIONS.items()
    }
    variables = {name: _variable(spec) for name, spec in scripting.VARIABLES.items()}
    return expr.Env(functions=functions, variables=variables)


def _named_condition(condition_id: str) -> Any:
    """Read a named condition when it is evaluated (so conditions may use each other in any order)."""
    return lambda ctx: ctx.content.conditions[condition_id].test(ctx)


def content_env(conditions: Iterable[str], hook: str = "") -> expr.Env:
    """The script environment plus content's named conditions, and, for an event listening for `hook`, what the
    hook passes."""
    base = script_env()
    variables = dict(base.variables)
    for condition_id in conditions:
        variables[condition_id] = expr.Variable(
            name=condition_id, type=expr.BOOL, getter=_named_condition(condition_id),
            doc="A named condition defined in [condition]", example=condition_id)
    if hook:
        for name, spec in scripting.HOOK_VARIABLES.items():
            if hook in spec.hooks:
                variables[name] = _variable(spec)
    return expr.Env(functions=base.functions, variables=variables)
