"""Compile the safe condition/effect language used in data files into closures."""

from __future__ import annotations

import re

import difflib
import operator
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_SOURCE", "MAX_DEPTH", "MAX_INT", "MAX_ARGS",
    "Type", "INT", "BOOL", "STR", "ref", "describe",
    "Param", "Function", "Variable", "Env",
    "ExprError", "Ref", "Compiled", "EffectCall",
    "compile_condition", "compile_value", "compile_effect",
    "parse", "conjuncts", "Node", "Literal", "Name", "Call", "Unary", "Chain", "Compare",
]


from .expr_syntax import (  # noqa: F401 - the language's syntax, re-exported for its readers
    _BAD1, _BAD2, BOOL, INT, MAX_ARGS, MAX_DEPTH, MAX_INT, MAX_SOURCE, STR, Call, Chain, Compare, ExprError, Literal,
    Name, Node, Type, Unary, _Call, _Chain, _Compare, _front, _Lit, _Name, _Node, _Unary, conjuncts, parse,
)

_NO_IDS: Mapping[str, Collection[str]] = {}


def ref(kind: str) -> Type:
    """A reference type: arguments must be quoted ids of this kind so they can be checked at load."""
    return Type("str", kind)


def describe(type_: Type | None) -> str:
    """Name a type in words modders understand (used in messages and docs)."""
    if type_ is None:
        return "nothing (an effect)"
    if type_.kind is not None:
        return f"{type_.kind} id"
    return {"int": "number", "bool": "true/false", "str": "text"}.get(type_.base, type_.base)


def _a(type_: Type) -> str:
    """Describe with an article, because messages read 'the left side is a number'."""
    words = describe(type_)
    if words in ("true/false", "text"):
        return words
    return ("an " if words[0] in "aeiou" else "a ") + words


# ---------------------------------------------------------------- environment

@dataclass(frozen=True, slots=True)
class Param:
    """One parameter of a Function, named so messages can show the signature."""

    name: str
    type: Type


@dataclass(frozen=True, slots=True)
class Function:
    """A callable the data files may use; `impl` is called as impl(ctx, *args)."""

    name: str
    params: tuple[Param, ...]
    returns: Type | None
    impl: Callable[..., Any]
    doc: str
    example: str
    effect: bool = False


@dataclass(frozen=True, slots=True)
class Variable:
    """A read-only value the data files may use; `getter` is called as getter(ctx)."""

    name: str
    type: Type
    getter: Callable[[Any], Any]
    doc: str
    example: str


@dataclass(frozen=True, slots=True)
class Env:
    """Everything a compiled expression may touch; the language itself knows nothing of the game."""

    functions: Mapping[str, Function]
    variables: Mapping[str, Variable]


def signature(fn: Function) -> str:
    """Render 'add_prestige(amount: number)' for argument-count messages and docs."""
    params = ", ".join(f"{p.name}: {describe(p.type)}" for p in fn.params)
    return f"{fn.name}({params})"


# ---------------------------------------------------------------- results

@dataclass(frozen=True, slots=True)
class Ref:
    """A quoted id found in the source, kept for cross-file checks (e.g. flags read but never set)."""

    kind: str
    id: str
    offset: int
    length: int
    write: bool


@dataclass(frozen=True, slots=True)
class EffectCall:
    """What an effect statement calls: the function's name and each argument as a closure over a context, so a
    reader (the AI weighing a choice) can see what an effect would do without doing it."""

    name: str
    args: tuple[Callable[[Any], Any], ...]
    constants: tuple[Any, ...] = ()  # each argument's value when it is known at load (else None)

    def values(self, ctx: Any) -> tuple[Any, ...]:
        return tuple(arg(ctx) for arg in self.args)


@dataclass(frozen=True, slots=True)
class Compiled:
    """A checked expression; calling it evaluates against a context without re-parsing."""

    source: str
    type: Type | None
    refs: tuple[Ref, ...]
    _fn: Callable[[Any], Any] = field(repr=False, compare=False)
    names: tuple[str, ...] = ()  # the variables it reads, in order (named conditions among them)
    call: EffectCall | None = field(default=None, compare=False)  # an effect: the function it calls and its arguments (for readers such as the AI)

    def __call__(self, ctx: Any) -> Any:
        return self._fn(ctx)

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise TypeError("compiled expressions are rebuilt from source, never pickled")


def _suggest(word: str, candidates: Collection[str]) -> str | None:
    """'did you mean ...?' phrase, or None when nothing is close."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1)
    return f"did you mean '{close[0]}'?" if close else None


# ---------------------------------------------------------------- compiler

@dataclass(frozen=True, slots=True)
class _Code:
    """A compiled sub-expression: its type, its closure, and its value when known at load time."""

    type: Type
    fn: Callable[[Any], Any]
    const: Any = None
    is_const: bool = False


def _const(type_: Type, value: Any) -> _Code:
    return _Code(type_, lambda ctx: value, value, True)


def _clamp(v: int) -> int:
    return -MAX_INT if v < -MAX_INT else (MAX_INT if v > MAX_INT else v)


def _div(a: int, b: int) -> int:
    return _clamp(a // b) if b else 0


def _mod(a: int, b: int) -> int:
    return a % b if b else 0


_ARITH: dict[str, Callable[[int, int], int]] = {
    "+": lambda a, b: _clamp(a + b),
    "-": lambda a, b: _clamp(a - b),
    "*": lambda a, b: _clamp(a * b),
    "/": _div,
    "%": _mod,
}
_CMP: dict[str, Callable[[Any, Any], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
    "==": operator.eq, "!=": operator.ne,
}


def _arith_closure(ops: list[tuple[Callable[[int, int], int], Callable[[Any], Any]]],
                   first: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Left fold of an arithmetic chain, specialised for the common two-operand case."""
    if len(ops) == 1:
        (f, right), = ops
        return lambda ctx: f(first(ctx), right(ctx))

    def run(ctx: Any) -> int:
        acc = first(ctx)
        for f, right in ops:
            acc = f(acc, right(ctx))
        return acc
    return run


def _bool_closure(op: str, fns: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    """Short-circuit and/or over a flat list of operands."""
    if len(fns) == 2:
        a, b = fns
        if op == "and":
            return lambda ctx: a(ctx) and b(ctx)
        return lambda ctx: a(ctx) or b(ctx)
    want = op == "or"

    def run(ctx: Any) -> bool:
        for f in fns:
            if bool(f(ctx)) is want:
                return want
        return not want
    return run


def _call_closure(impl: Callable[..., Any], args: list[_Code]) -> Callable[[Any], Any]:
    """Bind arguments known at load time so a call costs one Python call at runtime."""
    if all(a.is_const for a in args):
        consts = tuple(a.const for a in args)
        if not consts:
            return lambda ctx: impl(ctx)
        if len(consts) == 1:
            c0 = consts[0]
            return lambda ctx: impl(ctx, c0)
        return lambda ctx: impl(ctx, *consts)
    fns = tuple(a.fn for a in args)
    if len(fns) == 1:
        f0 = fns[0]
        return lambda ctx: impl(ctx, f0(ctx))
    return lambda ctx: impl(ctx, *[f(ctx) for f in fns])


class _Compiler:
    """Type- and name-check the tree, collecting every independent error, and build closures."""

    def __init__(self, env: Env, known_ids: Mapping[str, Collection[str]]) -> None:
        self.env = env
        self.known_ids = known_ids
        self.errors: list[ExprError] = []
        self.refs: list[Ref] = []
        self.names: list[str] = []
        self.effect_call: EffectCall | None = None

    def error(self, code: str, message: str, node: _Node | tuple[int, int],
              suggestion: str | None = None) -> None:
        offset, length = (node.offset, node.length) if isinstance(node, _Node) else node
        err = ExprError(code, message, offset, max(1, length), suggestion)
        if err not in self.errors:
            self.errors.append(err)

    def build(self, node: _Node) -> _Code | None:
        """Compile any non-effect node; None means an error was already reported."""
        if isinstance(node, _Lit):
            return _const(node.type, node.value)
        if isinstance(node, _Name):
            return self.name(node)
        if isinstance(node, _Call):
            return self.call(node, allow_effect=False)
        if isinstance(node, _Unary):
            return self.unary(node)
        if isinstance(node, _Chain):
            return self.bool_chain(node) if node.rest[0][0] in ("and", "or") else self.arith(node)
        assert isinstance(node, _Compare)
        return self.compare(node)

    # -- names and calls

    def all_names(self) -> list[str]:
        return [*self.env.functions, *self.env.variables]

    def name(self, node: _Name) -> _Code | None:
        var = self.env.variables.get(node.name)
        if var is not None:
            self.names.append(node.name)
            return _Code(var.type, var.getter)
        fn = self.env.functions.get(node.name)
        if fn is not None:
            self.error("E-NAME", f"'{node.name}' is a function; call it with parentheses, "
                       f"like {fn.example}", node)
        elif node.name in ("True", "False"):
            self.error("E-NAME", f"unknown name '{node.name}'", node,
                       f"did you mean '{node.name.lower()}'?")
        else:
            self.error("E-NAME", f"unknown name '{node.name}'", node,
                       _suggest(node.name, self.all_names()))
        return None

    def call(self, node: _Call, allow_effect: bool) -> _Code | None:
        name_span = (node.offset, node.name_length)
        fn = self.env.functions.get(node.name)
        if fn is None:
            self.unknown_call(node, name_span)
            return None
        if fn.effect and not allow_effect:
            self.error("E-EFFECT", f"{node.name}() is an effect; effects can only be used in "
                       "effects lists", name_span)
            self.check_args_loosely(node)
            return None
        if fn.returns is None:
            self.error("E-TYPE", f"{node.name}() gives no value, so it can't be used here", name_span)
            self.check_args_loosely(node)
            return None
        if len(node.args) != len(fn.params):
            self.bad_arg_count(fn, node)
            self.check_args_loosely(node)
            return None
        args = [self.argument(fn, p, a) for p, a in zip(fn.params, node.args)]
        if any(a is None for a in args):
            return None
        return _Code(fn.returns, _call_closure(fn.impl, [a for a in args if a is not None]))

    def unknown_call(self, node: _Call, name_span: tuple[int, int]) -> None:
        if node.name in self.env.variables:
            self.error("E-NAME", f"'{node.name}' is a variable, not a function; "
                       "remove the parentheses", name_span)
        else:
            funcs = list(self.env.functions)
            hint = _suggest(node.name, funcs) or _suggest(node.name, self.all_names())
            self.error("E-NAME", f"unknown function '{node.name}'", name_span, hint)
        self.check_args_loosely(node)

    def bad_arg_count(self, fn: Function, node: _Call) -> None:
        want = len(fn.params)
        words = "no arguments" if want == 0 else f"{want} argument" + ("s" if want != 1 else "")
        self.error("E-ARGS", f"{signature(fn)} takes {words}, got {len(node.args)}", node)

    def check_args_loosely(self, node: _Call) -> None:
        """Still check arguments of a bad call, so independent mistakes inside are reported too."""
        for arg in node.args:
            if not (isinstance(arg, _Lit) and arg.type == STR):
                self.build(arg)

    def argument(self, fn: Function, param: Param, arg: _Node, write: bool = False) -> _Code | None:
        if param.type.kind is not None:
            return self.ref_argument(fn, param, arg, write)
        code = self.build(arg)
        if code is None:
            return None
        if code.type.runtime != param.type.runtime:
            self.error("E-TYPE", f"argument '{param.name}' of {fn.name}() must be "
                       f"{_a(param.type)}, but got {_a(code.type)}", arg)
            return None
        return code

    def ref_argument(self, fn: Function, param: Param, arg: _Node, write: bool) -> _Code | None:
        kind = param.type.kind
        assert kind is not None
        if not (isinstance(arg, _Lit) and arg.type == STR):
            if not isinstance(arg, _Name):  # a bare name here is almost always missing quotes
                self.build(arg)
            self.error("E-TYPE", f"argument '{param.name}' of {fn.name}() must be a {kind} id "
                       f"written in quotes, like {fn.example}", arg)
            return None
        if not self.check_ref(kind, arg, write):
            return None
        return _const(param.type, arg.value)

    def check_ref(self, kind: str, lit: _Lit, write: bool) -> bool:
        self.refs.append(Ref(kind, lit.value, lit.offset, lit.length, write))
        known = self.known_ids.get(kind)
        if known is None or lit.value in known:
            return True
        self.error("E-REF", f"unknown {kind} id '{lit.value}'", lit, _suggest(lit.value, known))
        return False

    # -- operators

    def unary(self, node: _Unary) -> _Code | None:
        code = self.build(node.operand)
        if code is None:
            return None
        want = INT if node.op == "-" else BOOL
        if code.type != want:
            need = "a number" if want == INT else "true/false"
            self.error("E-TYPE", f"'{node.op}' needs {need}, but got {_a(code.type)}", node.operand)
            return None
        if node.op == "-":
            if code.is_const:
                return _const(INT, _clamp(-code.const))
            f = code.fn
            return _Code(INT, lambda ctx: _clamp(-f(ctx)))
        f = code.fn
        return _Code(BOOL, lambda ctx: not f(ctx))

    def operands(self, node: _Chain, want: Type, need: str) -> list[_Code] | None:
        """Build each operand of a chain, reporting every one that has the wrong type."""
        nodes = [node.first, *(n for _, n in node.rest)]
        codes: list[_Code | None] = []
        for i, sub in enumerate(nodes):
            code = self.build(sub)
            if code is not None and code.type != want:
                op = node.rest[max(0, i - 1)][0]
                side = "left" if i == 0 else "right"
                self.error("E-TYPE", f"'{op}' needs {need} on both sides, but the {side} side is "
                           f"{_a(code.type)}", sub)
                code = None
            codes.append(code)
        if any(c is None for c in codes):
            return None
        return [c for c in codes if c is not None]

    def bool_chain(self, node: _Chain) -> _Code | None:
        op = node.rest[0][0]
        codes = self.operands(node, BOOL, "true/false")
        if codes is None:
            return None
        return _Code(BOOL, _bool_closure(op, [c.fn for c in codes]))

    def arith(self, node: _Chain) -> _Code | None:
        codes = self.operands(node, INT, "numbers")
        if codes is None:
            return None
        ops = [_ARITH[op] for op, _ in node.rest]
        if all(c.is_const for c in codes):
            acc = codes[0].const
            for f, c in zip(ops, codes[1:]):
                acc = f(acc, c.const)
            return _const(INT, acc)
        return _Code(INT, _arith_closure([(f, c.fn) for f, c in zip(ops, codes[1:])], codes[0].fn))

    def compare(self, node: _Compare) -> _Code | None:
        left, right = self.build(node.left), self.build(node.right)
        if left is None or right is None:
            return None
        if node.op in ("==", "!="):
            ok = self.check_equality(node, left, right)
        else:
            ok = self.check_order(node, left, right)
        if not ok:
            return None
        op = _CMP[node.op]
        lf = left.fn
        if right.is_const:
            c = right.const
            return _Code(BOOL, lambda ctx: op(lf(ctx), c))
        rf = right.fn
        return _Code(BOOL, lambda ctx: op(lf(ctx), rf(ctx)))

    def check_order(self, node: _Compare, left: _Code, right: _Code) -> bool:
        ok = True
        for side, code, sub in (("left", left, node.left), ("right", right, node.right)):
            if code.type != INT:
                self.error("E-TYPE", f"'{node.op}' needs numbers on both sides, but the {side} "
                           f"side is {_a(code.type)}", sub)
                ok = False
        return ok

    def check_equality(self, node: _Compare, left: _Code, right: _Code) -> bool:
        if left.type.runtime != right.type.runtime:
            self.error("E-TYPE", f"'{node.op}' needs the same kind of value on both sides, but the "
                       f"left side is {_a(left.type)} and the right side is {_a(right.type)}", node)
            return False
        for code, other in ((left, node.right), (right, node.left)):
            if code.type.kind is not None and isinstance(other, _Lit) and other.type == STR:
                if not self.check_ref(code.type.kind, other, write=False):
                    return False
        return True

    # -- effects

    def effect(self, node: _Node) -> _Code | None:
        """An effect statement: exactly one call of an effect function with ordinary arguments."""
        fn = self.env.functions.get(node.name) if isinstance(node, _Call) else None
        if not isinstance(node, _Call) or (fn is not None and not fn.effect):
            self.not_an_effect(node)
            return None
        if fn is None:
            return self.call(node, allow_effect=True)
        if len(node.args) != len(fn.params):
            self.bad_arg_count(fn, node)
            self.check_args_loosely(node)
            return None
        args = [self.argument(fn, p, a, write=True) for p, a in zip(fn.params, node.args)]
        if any(a is None for a in args):
            return None
        built = [a for a in args if a is not None]
        self.effect_call = EffectCall(fn.name, tuple(a.fn for a in built),
                                      tuple(a.const if a.is_const else None for a in built))
        run = _call_closure(fn.impl, built)
        return _Code(BOOL, _discard(run))

    def not_an_effect(self, node: _Node) -> None:
        examples = sorted(f.example for f in self.env.functions.values() if f.effect)
        like = f", like {examples[0]}" if examples else ""
        if isinstance(node, _Call):
            span: tuple[int, int] = (node.offset, node.name_length)
            self.error("E-EFFECT", f"{node.name}() is not an effect; an effect is a single call of "
                       f"an effect function{like}", span)
            self.check_args_loosely(node)
        else:
            self.error("E-EFFECT", f"an effect must be a single call of an effect function{like}", node)
            self.build(node)


def _discard(run: Callable[[Any], Any]) -> Callable[[Any], None]:
    """Effects evaluate to None whatever the implementation returns."""
    def effect(ctx: Any) -> None:
        run(ctx)
    return effect


# ---------------------------------------------------------------- public entry points

def _finish(source: str, compiler: _Compiler, code: _Code | None,
            want: Type | None) -> tuple[Compiled | None, list[ExprError]]:
    if code is not None and want is not None and code.type != want:
        what = "a condition" if want == BOOL else "a value"
        compiler.error("E-TYPE", f"{what} must be {_a(want)}, but this is {_a(code.type)}",
                       (0, len(source)))
    if compiler.errors or code is None:
        return None, compiler.errors or [ExprError("E-SYNTAX", "invalid expression", 0, 1)]
    return Compiled(source, want, tuple(compiler.refs), code.fn, tuple(compiler.names), compiler.effect_call), []


def _compile_as(source: str, env: Env, known_ids: Mapping[str, Collection[str]],
             want: Type | None) -> tuple[Compiled | None, list[ExprError]]:
    try:
        node, errors = _front(source)
        if node is None:
            return None, errors
        compiler = _Compiler(env, known_ids)
        code = compiler.effect(node) if want is None else compiler.build(node)
        return _finish(source, compiler, code, want)
    except RecursionError:  # safety net only: MAX_DEPTH keeps the stack far below the limit
        return None, [ExprError("E-LIMIT", "expression is nested too deeply", 0, 1)]


def compile_condition(source: str, env: Env, known_ids: Mapping[str, Collection[str]] = _NO_IDS,
                      ) -> tuple[Compiled | None, list[ExprError]]:
    """Compile a true/false condition such as "year >= 1961 and achieved('satellite_orbit')"."""
    return _compile_as(source, env, known_ids, BOOL)


def compile_value(source: str, env: Env, known_ids: Mapping[str, Collection[str]] = _NO_IDS,
                  ) -> tuple[Compiled | None, list[ExprError]]:
    """Compile a number-valued expression such as "budget / 10"."""
    return _compile_as(source, env, known_ids, INT)


def compile_effect(source: str, env: Env, known_ids: Mapping[str, Collection[str]] = _NO_IDS,
                   ) -> tuple[Compiled | None, list[ExprError]]:
    """Compile one effect statement such as "add_prestige(5)"; calling it returns None."""
    assignment = _ASSIGNMENT.match(source) if isinstance(source, str) and len(source) <= MAX_SOURCE else None
    if assignment and assignment.group(1) in env.variables:
        name = assignment.group(1)
        effect = f"add_{name}" if f"add_{name}" in env.functions else ""
        hint = f"did you mean {effect}(…)?" if effect else None
        return None, [ExprError("E-READONLY", f"'{name}' is read-only: data files change the game only through effects",
                                assignment.start(1), len(name), hint)]
    return _compile_as(source, env, known_ids, None)


_ASSIGNMENT = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:[-+*/]?=)(?!=)")
