"""The condition/effect language's syntax: the lexer, the syntax tree and a recursive-descent parser, with
every error positioned for underlining. Compiling (names, types, closures) is `expr`'s job."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

MAX_SOURCE = 2000
MAX_DEPTH = 40
MAX_INT = 10**9
MAX_ARGS = 8


# ---------------------------------------------------------------- types

@dataclass(frozen=True, slots=True)
class Type:
    """A value type; `kind` is set only for reference types (ids checked at load)."""

    base: str
    kind: str | None = None

    INT: ClassVar[Type]
    BOOL: ClassVar[Type]
    STR: ClassVar[Type]

    @property
    def is_ref(self) -> bool:
        return self.kind is not None

    @property
    def runtime(self) -> str:
        """The base type seen at runtime: reference ids are plain text."""
        return "str" if self.kind is not None else self.base

    def __repr__(self) -> str:
        return f"ref({self.kind!r})" if self.kind is not None else self.base.upper()


INT = Type("int")
BOOL = Type("bool")
STR = Type("str")
Type.INT, Type.BOOL, Type.STR = INT, BOOL, STR


@dataclass(frozen=True, slots=True)
class ExprError:
    """One problem in a source string, positioned so the loader can underline it."""

    code: str
    message: str
    offset: int
    length: int
    suggestion: str | None = None


class _Stop(Exception):
    """Abort parsing at the first syntax or limit error (later errors would only cascade)."""

    def __init__(self, error: ExprError) -> None:
        super().__init__(error.message)
        self.error = error


# ---------------------------------------------------------------- lexer

@dataclass(frozen=True, slots=True)
class _Tok:
    """A lexical token; `value` holds the decoded int or string for literals."""

    kind: str  # "int", "str", "name", "kw", "op", "eof"
    text: str
    offset: int
    length: int
    value: Any = None


_KEYWORDS = frozenset({"and", "or", "not", "true", "false"})
_NAME_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_NAME_CHARS = _NAME_START | frozenset("0123456789")
_DIGITS = frozenset("0123456789")
_SPACE = frozenset(" \t\r\n")
_OPS2 = frozenset({"<=", ">=", "==", "!="})
_OPS1 = frozenset("<>+-*/%(),")
_BAD2 = {
    "**": "exponentiation is not allowed",
    "&&": "use 'and' instead of '&&'",
    "||": "use 'or' instead of '||'",
    "//": "use '/' for division (it already rounds down)",
    "=>": "use '>=' to compare",
    "=<": "use '<=' to compare",
    "<>": "use '!=' to compare",
}
_BAD1 = {
    ".": "attribute access is not allowed",
    "=": "use '==' to compare",
    "!": "use 'not' instead of '!'",
    "&": "use 'and' instead of '&'",
    "|": "use 'or' instead of '|'",
    "[": "lists and indexing are not allowed",
    "]": "lists and indexing are not allowed",
    "{": "braces are not allowed",
    "}": "braces are not allowed",
    ";": "only one expression is allowed (no ';')",
    ":": "':' is not allowed here",
    "^": "'^' is not allowed; there is no exponentiation or bitwise logic",
    "~": "'~' is not allowed",
    "@": "'@' is not allowed",
    "`": "backquotes are not allowed; quote text with ' or \"",
}


def _lex(src: str) -> tuple[list[_Tok], list[ExprError]]:
    """Split into tokens, collecting every lexical error so they can all be reported at once."""
    toks: list[_Tok] = []
    errors: list[ExprError] = []
    i, n = 0, len(src)
    while i < n:
        ch = src[i]
        if ch in _SPACE:
            i += 1
        elif ch in _DIGITS:
            i = _lex_int(src, i, toks, errors)
        elif ch in _NAME_START:
            j = i + 1
            while j < n and src[j] in _NAME_CHARS:
                j += 1
            word = src[i:j]
            toks.append(_Tok("kw" if word in _KEYWORDS else "name", word, i, j - i))
            i = j
        elif ch in "'\"":
            i = _lex_str(src, i, toks, errors)
        else:
            i = _lex_op(src, i, toks, errors)
    toks.append(_Tok("eof", "", n, 1))
    return toks, errors


def _lex_int(src: str, i: int, toks: list[_Tok], errors: list[ExprError]) -> int:
    """Read digits (with single underscores between them); reject decimals and huge values."""
    n = len(src)
    j = i
    while j < n and (src[j] in _DIGITS or src[j] == "_"):
        j += 1
    if j + 1 < n and src[j] == "." and src[j + 1] in _DIGITS:
        k = j + 1
        while k < n and src[k] in _DIGITS:
            k += 1
        errors.append(ExprError("E-SYNTAX", "decimal numbers are not allowed; use whole numbers",
                                i, k - i))
        return k
    text = src[i:j]
    if j < n and src[j] in _NAME_START:
        k = j
        while k < n and src[k] in _NAME_CHARS:
            k += 1
        errors.append(ExprError("E-SYNTAX", f"a number can't run into a name: '{src[i:k]}'",
                                i, k - i))
        return k
    if text.endswith("_") or "__" in text:
        errors.append(ExprError("E-SYNTAX", f"badly placed '_' in number '{text}'", i, j - i))
        return j
    digits = text.replace("_", "").lstrip("0") or "0"
    if len(digits) > 10 or int(digits) > MAX_INT:
        errors.append(ExprError("E-LIMIT", f"number is too large (the limit is {MAX_INT:_})",
                                i, j - i))
        return j
    toks.append(_Tok("int", text, i, j - i, int(digits)))
    return j


def _lex_str(src: str, i: int, toks: list[_Tok], errors: list[ExprError]) -> int:
    """Read a quoted string; only \\\\ \\' \\" escapes exist, and strings end on the same line."""
    quote, n = src[i], len(src)
    j = i + 1
    out: list[str] = []
    while j < n and src[j] != quote and src[j] not in "\r\n":
        if src[j] == "\\":
            if j + 1 < n and src[j + 1] in "\\'\"":
                out.append(src[j + 1])
                j += 2
                continue
            errors.append(ExprError("E-SYNTAX", "only \\\\, \\' and \\\" escapes are allowed in text",
                                    j, 2 if j + 1 < n else 1))
            j += 1
            continue
        out.append(src[j])
        j += 1
    if j >= n or src[j] != quote:
        errors.append(ExprError("E-SYNTAX", f"text is missing its closing {quote}", i, max(1, j - i)))
        return j
    toks.append(_Tok("str", src[i:j + 1], i, j + 1 - i, "".join(out)))
    return j + 1


def _lex_op(src: str, i: int, toks: list[_Tok], errors: list[ExprError]) -> int:
    """Read an operator, or explain why a character is not part of the language."""
    two = src[i:i + 2]
    if two in _OPS2:
        toks.append(_Tok("op", two, i, 2))
        return i + 2
    if two in _BAD2:
        errors.append(ExprError("E-SYNTAX", _BAD2[two], i, 2))
        return i + 2
    ch = src[i]
    if ch in _OPS1:
        toks.append(_Tok("op", ch, i, 1))
    elif ch in _BAD1:
        errors.append(ExprError("E-SYNTAX", _BAD1[ch], i, 1))
    else:
        shown = ch if ch.isprintable() and ch.isascii() else repr(ch)[1:-1]
        errors.append(ExprError("E-SYNTAX", f"unexpected character '{shown}'", i, 1))
    return i + 1


# ---------------------------------------------------------------- syntax tree

@dataclass(frozen=True, slots=True)
class _Node:
    """Base of the load-time syntax tree; spans are for error underlining."""

    offset: int
    length: int


@dataclass(frozen=True, slots=True)
class _Lit(_Node):
    value: Any
    type: Type


@dataclass(frozen=True, slots=True)
class _Name(_Node):
    name: str


@dataclass(frozen=True, slots=True)
class _Call(_Node):
    name: str
    name_length: int
    args: tuple[_Node, ...]


@dataclass(frozen=True, slots=True)
class _Unary(_Node):
    op: str  # "-" or "not"
    operand: _Node


@dataclass(frozen=True, slots=True)
class _Chain(_Node):
    """n-ary left-associative chain (and/or/arithmetic), flat so long chains cost no recursion."""

    first: _Node
    rest: tuple[tuple[str, _Node], ...]


@dataclass(frozen=True, slots=True)
class _Compare(_Node):
    op: str
    left: _Node
    right: _Node


def _span(start: _Node | _Tok, end: _Node | _Tok) -> tuple[int, int]:
    return start.offset, end.offset + end.length - start.offset


# ---------------------------------------------------------------- parser

_CMP_OPS = frozenset({"<", "<=", ">", ">=", "==", "!="})


class _Parser:
    """Recursive descent that checks nesting depth before every recursive step."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.pos = 0
        self.depth = 0

    @property
    def tok(self) -> _Tok:
        return self.toks[self.pos]

    def take(self) -> _Tok:
        tok = self.toks[self.pos]
        if tok.kind != "eof":
            self.pos += 1
        return tok

    def at(self, kind: str, text: str) -> bool:
        return self.tok.kind == kind and self.tok.text == text

    def fail(self, message: str, tok: _Tok | None = None) -> _Stop:
        tok = tok or self.tok
        return _Stop(ExprError("E-SYNTAX", message, tok.offset, tok.length))

    def enter(self, tok: _Tok) -> None:
        """Count one nesting level opened by `tok`, refusing before the stack can grow further."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _Stop(ExprError("E-LIMIT", f"expression is nested too deeply (the limit is {MAX_DEPTH} levels)",
                                  tok.offset, tok.length))

    def parse(self) -> _Node:
        node = self.expr()
        if self.tok.kind != "eof":
            raise self.fail(self.trailing_message())
        return node

    def trailing_message(self) -> str:
        tok = self.tok
        if tok.text == ")":
            return "unmatched ')'"
        if tok.text == "(":
            return "unexpected '('; only names can be called"
        return f"unexpected '{tok.text}'; is an operator missing before it?"

    def expr(self) -> _Node:
        return self.chain(("or",), self.and_)

    def and_(self) -> _Node:
        return self.chain(("and",), self.not_)

    def chain(self, ops: tuple[str, ...], sub: Callable[[], _Node]) -> _Node:
        first = sub()
        rest: list[tuple[str, _Node]] = []
        while self.tok.kind in ("kw", "op") and self.tok.text in ops:
            op = self.take().text
            rest.append((op, sub()))
        if not rest:
            return first
        return _Chain(*_span(first, rest[-1][1]), first, tuple(rest))

    def not_(self) -> _Node:
        if not self.at("kw", "not"):
            return self.compare()
        tok = self.take()
        self.enter(tok)
        operand = self.not_()
        self.depth -= 1
        return _Unary(*_span(tok, operand), "not", operand)

    def compare(self) -> _Node:
        left = self.sum_()
        if not (self.tok.kind == "op" and self.tok.text in _CMP_OPS):
            return left
        op = self.take().text
        right = self.sum_()
        if self.tok.kind == "op" and self.tok.text in _CMP_OPS:
            raise self.fail("comparisons can't be chained; write 'a < b and b < c'")
        return _Compare(*_span(left, right), op, left, right)

    def sum_(self) -> _Node:
        return self.chain(("+", "-"), self.term)

    def term(self) -> _Node:
        return self.chain(("*", "/", "%"), self.unary)

    def unary(self) -> _Node:
        if not self.at("op", "-"):
            return self.atom()
        tok = self.take()
        self.enter(tok)
        operand = self.unary()
        self.depth -= 1
        return _Unary(*_span(tok, operand), "-", operand)

    def atom(self) -> _Node:
        tok = self.tok
        if tok.kind == "int":
            self.take()
            return _Lit(tok.offset, tok.length, tok.value, INT)
        if tok.kind == "str":
            self.take()
            return _Lit(tok.offset, tok.length, tok.value, STR)
        if tok.kind == "kw" and tok.text in ("true", "false"):
            self.take()
            return _Lit(tok.offset, tok.length, tok.text == "true", BOOL)
        if tok.kind == "name":
            return self.name_or_call()
        if self.at("op", "("):
            return self.group()
        raise self.fail(self.missing_value_message(tok))

    def missing_value_message(self, tok: _Tok) -> str:
        if tok.kind == "eof":
            return "expected a value, but the expression ended"
        if tok.kind == "kw":
            return f"expected a value before '{tok.text}'"
        return f"expected a value, found '{tok.text}'"

    def group(self) -> _Node:
        open_tok = self.take()
        self.enter(open_tok)
        node = self.expr()
        self.depth -= 1
        if not self.at("op", ")"):
            raise self.fail(f"missing ')' to close the '(' at character {open_tok.offset + 1}")
        self.take()
        return node

    def name_or_call(self) -> _Node:
        name = self.take()
        if not self.at("op", "("):
            return _Name(name.offset, name.length, name.text)
        open_tok = self.take()
        args: list[_Node] = []
        if not self.at("op", ")"):
            args = self.arguments(name, open_tok)
        if not self.at("op", ")"):
            raise self.fail(f"expected ',' or ')' in the call to {name.text}() opened at character "
                            f"{open_tok.offset + 1}")
        close = self.take()
        return _Call(*_span(name, close), name.text, name.length, tuple(args))

    def arguments(self, name: _Tok, open_tok: _Tok) -> list[_Node]:
        self.enter(open_tok)
        args = [self.expr()]
        while self.at("op", ","):
            self.take()
            if len(args) == MAX_ARGS:
                tok = self.tok
                raise _Stop(ExprError("E-LIMIT", f"too many arguments to {name.text}() "
                                      f"(the limit is {MAX_ARGS})", tok.offset, tok.length))
            args.append(self.expr())
        self.depth -= 1
        return args


def _front(source: str) -> tuple[_Node | None, list[ExprError]]:
    """Limits, lexing and parsing: everything that must pass before names and types are checked."""
    if not isinstance(source, str):
        return None, [ExprError("E-SYNTAX", "an expression must be text", 0, 1)]
    if len(source) > MAX_SOURCE:
        return None, [ExprError("E-LIMIT", f"expression is too long ({len(source)} characters; "
                                f"the limit is {MAX_SOURCE})", MAX_SOURCE, len(source) - MAX_SOURCE)]
    if not source.strip(" \t\r\n"):
        return None, [ExprError("E-SYNTAX", "empty expression", 0, 1)]
    toks, errors = _lex(source)
    if errors:
        return None, errors
    try:
        return _Parser(toks).parse(), []
    except _Stop as stop:
        return None, [stop.error]



# -- the syntax tree, for tools that read an expression rather than run it (plain-words descriptions) --------------

Node = _Node
Literal = _Lit
Name = _Name
Call = _Call
Unary = _Unary
Chain = _Chain
Compare = _Compare


def parse(source: str) -> Node | None:
    """The syntax tree of a well-formed expression, or None (compiling it reports why)."""
    node, _ = _front(source)
    return node


def conjuncts(source: str) -> list[str]:
    """The parts of a condition joined by a top-level `and` ("a and (b or c)" → ["a", "b or c"]); the whole
    source when it is not such a chain."""
    node = parse(source)
    if isinstance(node, _Chain) and node.rest[0][0] == "and":
        parts = [node.first, *(part for _, part in node.rest)]
        return [source[part.offset:part.offset + part.length] for part in parts]
    return [source]
