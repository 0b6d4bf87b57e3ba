"""The expression environment data files compile against, built once from the engine's script registry."""

from __future__ import annotations

from functools import lru_cache

from game.engine import scripting

from . import expr

_BASE_TYPES = {"int": expr.INT, "bool": expr.BOOL, "str": expr.STR}


def type_of(name: str) -> expr.Type:
    """'int' | 'bool' | 'str', or a reference kind such as 'milestone' (a checked id)."""
    return _BASE_TYPES.get(name) or expr.ref(name)


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
    variables = {
        name: expr.Variable(name=name, type=type_of(spec.type), getter=spec.getter, doc=spec.doc, example=spec.example)
        for name, spec in scripting.VARIABLES.items()
    }
    return expr.Env(functions=functions, variables=variables)
