"""Tests for the safe condition/effect language (game.content.expr)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import game.content.expr as expr
from game.content.expr import (
    BOOL, INT, MAX_DEPTH, STR, Compiled, Env, ExprError, Function, Param, Ref, Type, Variable,
    compile_condition, compile_effect, compile_value, describe, ref,
)

MILESTONES = ("satellite_orbit", "crewed_orbit", "moon_landing")
PROGRAMS = ("vanguard", "mercury")
KNOWN = {"milestone": MILESTONES, "program": PROGRAMS}


def _achieved(ctx: dict[str, Any], milestone: str) -> bool:
    return milestone in ctx["achieved"]


def _reliability(ctx: dict[str, Any], program: str) -> int:
    return ctx["reliability"].get(program, 0)


def _flag(ctx: dict[str, Any], name: str) -> bool:
    return name in ctx["flags"]


def _add_prestige(ctx: dict[str, Any], amount: int) -> str:
    ctx["prestige"] += amount
    return "ignored"  # effects evaluate to None whatever the impl returns


def _set_flag(ctx: dict[str, Any], name: str) -> None:
    ctx["flags"].add(name)


ENV = Env(
    functions={
        "achieved": Function("achieved", (Param("milestone", ref("milestone")),), BOOL, _achieved,
                             "this side has achieved the milestone", "achieved('satellite_orbit')"),
        "reliability": Function("reliability", (Param("program", ref("program")),), INT,
                                _reliability, "reliability in per mille", "reliability('mercury')"),
        "flag": Function("flag", (Param("flag", ref("flag")),), BOOL, _flag,
                         "the flag is set", "flag('moon_goal')"),
        "add_prestige": Function("add_prestige", (Param("amount", INT),), None, _add_prestige,
                                 "gain prestige", "add_prestige(5)", effect=True),
        "set_flag": Function("set_flag", (Param("flag", ref("flag")),), None, _set_flag,
                             "set a flag", "set_flag('moon_goal')", effect=True),
    },
    variables={
        "year": Variable("year", INT, lambda ctx: ctx["year"], "current year", "year >= 1961"),
        "prestige": Variable("prestige", INT, lambda ctx: ctx["prestige"], "prestige", "prestige > 10"),
        "side": Variable("side", STR, lambda ctx: ctx["side"], "this side", "side == 'usa'"),
    },
)


@pytest.fixture
def ctx() -> dict[str, Any]:
    return {"year": 1962, "prestige": 10, "side": "usa", "achieved": {"satellite_orbit"},
            "reliability": {"mercury": 850}, "flags": {"moon_goal"}}


def cond(source: str, known: dict[str, Any] | None = None) -> Compiled:
    compiled, errors = compile_condition(source, ENV, KNOWN if known is None else known)
    assert errors == [], errors
    assert compiled is not None
    return compiled


def value(source: str) -> Compiled:
    compiled, errors = compile_value(source, ENV, KNOWN)
    assert errors == [], errors
    assert compiled is not None
    return compiled


def errors_of(source: str, kind: str = "condition") -> list[ExprError]:
    compiler = {"condition": compile_condition, "value": compile_value, "effect": compile_effect}[kind]
    compiled, errors = compiler(source, ENV, KNOWN)
    assert compiled is None
    assert errors
    return errors


def one_error(source: str, kind: str = "condition") -> ExprError:
    errors = errors_of(source, kind)
    assert len(errors) == 1, errors
    return errors[0]


# ---------------------------------------------------------------- types

def test_types_and_describe() -> None:
    assert Type.INT is INT and Type.BOOL is BOOL and Type.STR is STR
    assert ref("milestone") == ref("milestone") != ref("program")
    assert describe(INT) == "number"
    assert describe(BOOL) == "true/false"
    assert describe(STR) == "text"
    assert describe(ref("milestone")) == "milestone id"


# ---------------------------------------------------------------- evaluation

@pytest.mark.parametrize("source, expected", [
    ("1 + 2 * 3", 7),
    ("(1 + 2) * 3", 9),
    ("10 - 2 - 3", 5),
    ("2 * 3 % 4", 2),
    ("-7 / 2", -4),
    ("7 / 2", 3),
    ("-(2 + 3)", -5),
    ("--5", 5),
    ("1_000 + year", 2962),
    ("reliability('mercury') / 10", 85),
    ("reliability('vanguard')", 0),
    ("prestige * 2 - -1", 21),
])
def test_values(source: str, expected: int, ctx: dict[str, Any]) -> None:
    assert value(source)(ctx) == expected


@pytest.mark.parametrize("source, expected", [
    ("year >= 1961 and achieved('satellite_orbit')", True),
    ("year >= 1961 and achieved('crewed_orbit')", False),
    ("not achieved('crewed_orbit')", True),
    ("not not true", True),
    ("true or false and false", True),  # and binds tighter than or
    ("(true or false) and false", False),
    ("not true or true", True),  # not binds tighter than or
    ("not 1 == 2", True),  # comparison binds tighter than not
    ("1 + 2 == 3", True),
    ("side == 'usa'", True),
    ("side != \"usa\"", False),
    ("true == false", False),
    ("'a' == 'a'", True),
    ("flag('moon_goal') and not flag('other')", True),
    ("year < 1962 or year > 1962", False),
    ("year <= 1962 and year >= 1962", True),
    ("1 == 1 and 2 == 2 and 3 == 3 and 4 == 5", False),
    ("1 == 2 or 2 == 3 or 3 == 3", True),
    ("'it\\'s' == \"it's\"", True),
    ("  year\n>=\t1961  ", True),
])
def test_conditions(source: str, expected: bool, ctx: dict[str, Any]) -> None:
    assert cond(source)(ctx) is expected


def test_condition_reads_context_each_time(ctx: dict[str, Any]) -> None:
    compiled = cond("year >= 1961 and achieved('crewed_orbit')")
    assert compiled(ctx) is False
    ctx["achieved"].add("crewed_orbit")
    assert compiled(ctx) is True
    ctx["year"] = 1955
    assert compiled(ctx) is False


def test_compiled_metadata() -> None:
    compiled = cond("achieved('crewed_orbit')")
    assert compiled.source == "achieved('crewed_orbit')"
    assert compiled.type == BOOL
    assert value("1").type == INT


def test_effects_run_and_return_none(ctx: dict[str, Any]) -> None:
    add, errors = compile_effect("add_prestige(year / 100 - 14)", ENV, KNOWN)
    assert errors == [] and add is not None
    assert add(ctx) is None
    assert ctx["prestige"] == 15
    flag, errors = compile_effect("set_flag('landed')", ENV, KNOWN)
    assert errors == [] and flag is not None
    assert flag(ctx) is None
    assert "landed" in ctx["flags"]
    assert flag.type is None


def test_clamping_and_division_by_zero(ctx: dict[str, Any]) -> None:
    assert value("1000000000 * 1000000000")(ctx) == 10**9
    assert value("-1000000000 - 1000000000")(ctx) == -(10**9)
    assert value("1000000000 + 1000000000 - 5")(ctx) == 10**9 - 5  # clamped after each step
    assert value("year / 0")(ctx) == 0
    assert value("year % 0")(ctx) == 0
    assert value("7 / (year - year)")(ctx) == 0
    assert value("prestige * 1000000000 * 1000000000")(ctx) == 10**9
    assert value("-prestige * 1000000000")(ctx) == -(10**9)


# ---------------------------------------------------------------- refs

def test_refs_recorded_with_write_flags() -> None:
    compiled = cond("achieved('crewed_orbit') and flag('moon_goal')")
    assert compiled.refs == (
        Ref("milestone", "crewed_orbit", 9, 14, False),
        Ref("flag", "moon_goal", 34, 11, False),
    )
    effect, errors = compile_effect("set_flag('moon_goal')", ENV, KNOWN)
    assert errors == [] and effect is not None
    assert effect.refs == (Ref("flag", "moon_goal", 9, 11, True),)
    effect, errors = compile_effect("add_prestige(reliability('mercury'))", ENV, KNOWN)
    assert errors == [] and effect is not None
    assert effect.refs == (Ref("program", "mercury", 25, 9, False),)


def test_refs_recorded_even_for_kinds_without_known_ids() -> None:
    compiled = cond("flag('anything_at_all')", known={})
    assert compiled.refs == (Ref("flag", "anything_at_all", 5, 17, False),)


def test_ref_typed_variable_compared_with_literal_is_checked() -> None:
    env = Env(ENV.functions, {**ENV.variables,
                              "who": Variable("who", ref("side"), lambda c: c["side"], "side", "who == 'usa'")})
    compiled, errors = compile_condition("who == 'usa'", env, {"side": ("usa", "ussr")})
    assert errors == [] and compiled is not None
    assert compiled.refs == (Ref("side", "usa", 7, 5, False),)
    _, errors = compile_condition("who == 'usr'", env, {"side": ("usa", "ussr")})
    assert errors == [ExprError("E-REF", "unknown side id 'usr'", 7, 5, "did you mean 'ussr'?")]


# ---------------------------------------------------------------- errors, one per code

def test_syntax_error_positions() -> None:
    assert one_error("year >= ") == ExprError(
        "E-SYNTAX", "expected a value, but the expression ended", 8, 1)
    assert one_error("(year > 1") == ExprError(
        "E-SYNTAX", "missing ')' to close the '(' at character 1", 9, 1)
    assert one_error("year > 1)") == ExprError("E-SYNTAX", "unmatched ')'", 8, 1)
    assert one_error("year 1961").offset == 5
    assert one_error("1 < 2 < 3") == ExprError(
        "E-SYNTAX", "comparisons can't be chained; write 'a < b and b < c'", 6, 1)
    assert one_error("'abc") == ExprError("E-SYNTAX", "text is missing its closing '", 0, 4)
    assert one_error("1.5 > 1") == ExprError(
        "E-SYNTAX", "decimal numbers are not allowed; use whole numbers", 0, 3)


@pytest.mark.parametrize("source, offset, length, message", [
    ("a.b", 1, 1, "attribute access is not allowed"),
    ("2 ** 3", 2, 2, "exponentiation is not allowed"),
    ("year = 1961", 5, 1, "use '==' to compare"),
    ("true && false", 5, 2, "use 'and' instead of '&&'"),
    ("true || false", 5, 2, "use 'or' instead of '||'"),
    ("!true", 0, 1, "use 'not' instead of '!'"),
    ("year; 1", 4, 1, "only one expression is allowed (no ';')"),
    ("x\x00", 1, 1, "unexpected character '\\x00'"),
    ("année", 3, 1, "unexpected character 'é'"),
])
def test_helpful_syntax_messages(source: str, offset: int, length: int, message: str) -> None:
    assert one_error(source) == ExprError("E-SYNTAX", message, offset, length)


def test_empty_expression() -> None:
    assert one_error("") == ExprError("E-SYNTAX", "empty expression", 0, 1)
    assert one_error("   ") == ExprError("E-SYNTAX", "empty expression", 0, 1)


def test_name_errors_with_suggestions() -> None:
    assert one_error("yeer > 1961") == ExprError(
        "E-NAME", "unknown name 'yeer'", 0, 4, "did you mean 'year'?")
    assert one_error("acheived('crewed_orbit')") == ExprError(
        "E-NAME", "unknown function 'acheived'", 0, 8, "did you mean 'achieved'?")
    assert one_error("zzz") == ExprError("E-NAME", "unknown name 'zzz'", 0, 3, None)
    assert one_error("True") == ExprError("E-NAME", "unknown name 'True'", 0, 4, "did you mean 'true'?")
    assert one_error("not False") == ExprError(
        "E-NAME", "unknown name 'False'", 4, 5, "did you mean 'false'?")


def test_function_and_variable_misuse() -> None:
    assert one_error("achieved") == ExprError(
        "E-NAME", "'achieved' is a function; call it with parentheses, like achieved('satellite_orbit')",
        0, 8)
    assert one_error("year() > 1") == ExprError(
        "E-NAME", "'year' is a variable, not a function; remove the parentheses", 0, 4)


def test_independent_errors_all_reported_once() -> None:
    errors = errors_of("yeer > 1 and foo(bar) and yeer > 2")
    assert [(e.code, e.offset, e.length) for e in errors] == [
        ("E-NAME", 0, 4), ("E-NAME", 13, 3), ("E-NAME", 17, 3), ("E-NAME", 26, 4)]
    assert len(set(errors)) == len(errors)
    lexical = errors_of("[1] . 2")
    assert [(e.offset, e.length) for e in lexical] == [(0, 1), (2, 1), (4, 1)]


def test_type_errors() -> None:
    assert one_error("1 and true") == ExprError(
        "E-TYPE", "'and' needs true/false on both sides, but the left side is a number", 0, 1)
    assert one_error("true or 'x'") == ExprError(
        "E-TYPE", "'or' needs true/false on both sides, but the right side is text", 8, 3)
    assert one_error("year + true > 1") == ExprError(
        "E-TYPE", "'+' needs numbers on both sides, but the right side is true/false", 7, 4)
    assert one_error("side < 3") == ExprError(
        "E-TYPE", "'<' needs numbers on both sides, but the left side is text", 0, 4)
    assert one_error("year == 'x'") == ExprError(
        "E-TYPE", "'==' needs the same kind of value on both sides, but the left side is a number "
        "and the right side is text", 0, 11)
    assert one_error("not year") == ExprError("E-TYPE", "'not' needs true/false, but got a number", 4, 4)
    assert one_error("-true", "value") == ExprError("E-TYPE", "'-' needs a number, but got true/false", 1, 4)
    assert one_error("year + 1") == ExprError(
        "E-TYPE", "a condition must be true/false, but this is a number", 0, 8)
    assert one_error("year > 1", "value") == ExprError(
        "E-TYPE", "a value must be a number, but this is true/false", 0, 8)
    assert one_error("reliability(year)") == ExprError(
        "E-TYPE", "argument 'program' of reliability() must be a program id written in quotes, "
        "like reliability('mercury')", 12, 4)
    assert one_error("add_prestige(true)", "effect") == ExprError(
        "E-TYPE", "argument 'amount' of add_prestige() must be a number, but got true/false", 13, 4)


def test_ref_errors() -> None:
    assert one_error("achieved('crewed_orbt')") == ExprError(
        "E-REF", "unknown milestone id 'crewed_orbt'", 9, 13, "did you mean 'crewed_orbit'?")
    assert one_error("reliability('qqqqq') > 1") == ExprError(
        "E-REF", "unknown program id 'qqqqq'", 12, 7, None)


def test_argument_count_errors() -> None:
    assert one_error("add_prestige(1, 2)", "effect") == ExprError(
        "E-ARGS", "add_prestige(amount: number) takes 1 argument, got 2", 0, 18)
    assert one_error("achieved()") == ExprError(
        "E-ARGS", "achieved(milestone: milestone id) takes 1 argument, got 0", 0, 10)


def test_effect_errors() -> None:
    assert one_error("add_prestige(1)") == ExprError(
        "E-EFFECT", "add_prestige() is an effect; effects can only be used in effects lists", 0, 12)
    assert one_error("set_flag('x') and true") == ExprError(
        "E-EFFECT", "set_flag() is an effect; effects can only be used in effects lists", 0, 8)
    assert one_error("add_prestige(add_prestige(1))", "effect") == ExprError(
        "E-EFFECT", "add_prestige() is an effect; effects can only be used in effects lists", 13, 12)
    assert one_error("achieved('crewed_orbit')", "effect") == ExprError(
        "E-EFFECT", "achieved() is not an effect; an effect is a single call of an effect function, "
        "like add_prestige(5)", 0, 8)
    assert one_error("prestige + 1", "effect") == ExprError(
        "E-EFFECT", "an effect must be a single call of an effect function, like add_prestige(5)", 0, 12)


# ---------------------------------------------------------------- limits and hostile input

def test_limits_on_length_and_numbers() -> None:
    long = "1 + " * 600 + "1 > 0"
    assert one_error(long) == ExprError(
        "E-LIMIT", f"expression is too long ({len(long)} characters; the limit is 2000)",
        2000, len(long) - 2000)
    assert one_error("1000000001 > 0") == ExprError(
        "E-LIMIT", "number is too large (the limit is 1_000_000_000)", 0, 10)
    assert value("1000000000")({}) == 10**9
    assert one_error("9" * 1500 + " > 0").code == "E-LIMIT"
    args = ", ".join(["1"] * 9)
    assert one_error(f"add_prestige({args})", "effect") == ExprError(
        "E-LIMIT", "too many arguments to add_prestige() (the limit is 8)", 37, 1)


def test_nesting_limit_exact() -> None:
    ok = "(" * MAX_DEPTH + "true" + ")" * MAX_DEPTH
    assert cond(ok)({}) is True
    deep = "(" * (MAX_DEPTH + 1) + "true" + ")" * (MAX_DEPTH + 1)
    assert one_error(deep) == ExprError(
        "E-LIMIT", "expression is nested too deeply (the limit is 40 levels)", MAX_DEPTH, 1)


@pytest.mark.parametrize("source", [
    "(" * 10_000 + "1" + ")" * 10_000,
    "not " * 10_000 + "true",
    "-" * 10_000 + "1 > 0",
    "flag(" * 10_000,
    "(" * 10_000,
    "(not -" * 5_000,
])
def test_deep_nesting_gives_limit_not_recursion_error(source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert one_error(source).code == "E-LIMIT"  # too long
    monkeypatch.setattr(expr, "MAX_SOURCE", 10**6)  # now the depth guard itself must hold
    assert one_error(source).code == "E-LIMIT"


def test_long_flat_chains_do_not_recurse(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.content import expr_syntax

    monkeypatch.setattr(expr_syntax, "MAX_SOURCE", 10**6)  # the parser's limit
    assert value("1" + " + 1" * 20_000)({}) == 20_001
    assert cond(" or ".join(["false"] * 5_000 + ["true"]))({}) is True


@pytest.mark.parametrize("source", [
    "__import__('os')", "().__class__", "open('x')", "lambda: 1", "[1]", "a.b",
    "getattr(year, 'real')", "globals()", "year if true else 1", "{}", "year.__class__", "x = 1",
    "import os", "1; 2", "f'x'", "b'x'", "`x`", "\\", "#", "$x",
])
def test_hostile_inputs_are_errors(source: str) -> None:
    for compiler in (compile_condition, compile_value, compile_effect):
        compiled, errors = compiler(source, ENV, KNOWN)
        assert compiled is None and errors


# ---------------------------------------------------------------- properties

_TOKENS = ["and", "or", "not", "true", "false", "True", "(", ")", ",", "<", "<=", ">", ">=", "==",
           "!=", "+", "-", "*", "/", "%", "0", "1", "1_000", "999999999999", "'x'", '"crewed_orbit"',
           "'satellite_orbit'", "'", "year", "side", "yeer", "achieved", "reliability", "flag",
           "add_prestige", "set_flag", "**", ".", "[", "=", "&&", "\\", " ", "\n"]


def _check_contract(source: str) -> None:
    for compiler in (compile_condition, compile_value, compile_effect):
        compiled, errors = compiler(source, ENV, KNOWN)
        assert isinstance(errors, list)
        if compiled is not None:
            assert errors == []
            assert isinstance(compiled, Compiled)
        else:
            assert errors
            assert len(set(errors)) == len(errors)
            for err in errors:
                assert 0 <= err.offset <= len(source)
                assert err.length >= 1
                assert err.code in {"E-SYNTAX", "E-NAME", "E-TYPE", "E-REF", "E-LIMIT", "E-ARGS", "E-READONLY",
                                    "E-EFFECT"}
                assert "\n" not in err.message


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_never_raises(source: str) -> None:
    _check_contract(source)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30).map(" ".join))
def test_token_soup_never_raises(source: str) -> None:
    _check_contract(source)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join))
def test_glued_token_soup_never_raises(source: str) -> None:
    _check_contract(source)


_ctx_strategy = st.fixed_dictionaries({
    "year": st.integers(-10**12, 10**12), "prestige": st.integers(-10**12, 10**12), "side": st.text(),
    "achieved": st.sets(st.sampled_from(MILESTONES)), "reliability": st.just({"mercury": 900}),
    "flags": st.sets(st.sampled_from(["moon_goal", "x"])),
})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=20).map(" ".join), _ctx_strategy)
def test_compiled_expressions_never_raise(source: str, ctx: dict[str, Any]) -> None:
    for compiler in (compile_condition, compile_value):
        compiled, _ = compiler(source, ENV, KNOWN)
        if compiled is not None:
            result = compiled(ctx)
            assert isinstance(result, bool if compiler is compile_condition else int)
