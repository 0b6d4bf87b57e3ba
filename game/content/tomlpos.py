"""Map every key path of a TOML document to the line and column of its key and value."""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from collections.abc import Mapping
from typing import Any

__all__ = ["Pos", "Located", "Path", "TomlSyntaxError", "parse", "locate", "string_char_pos"]

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Pos:
    """A 1-based line and 1-based character column, as shown in 'path:line:col' messages."""

    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Located:
    """Where a key sits and where its value starts (same place for headers and array items)."""

    key: Pos
    value: Pos


class TomlSyntaxError(ValueError):
    """Invalid TOML, with the position split out so the loader can format 'path:line:col'."""

    def __init__(self, message: str, line: int, col: int) -> None:
        super().__init__(f"{message} (line {line}, col {col})")
        self.message = message
        self.line = line
        self.col = col


def parse(text: str) -> tuple[dict[str, Any], dict[Path, Located]]:
    """Load with tomllib (the single source of truth for values) and add positions."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(text, str(exc)) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # e.g. absurd nesting or huge ints
        raise TomlSyntaxError(f"unreadable TOML: {type(exc).__name__}", 1, 1) from None
    return data, _Scanner(text).run()


def locate(positions: Mapping[Path, Located], path: Path) -> Located | None:
    """The path's own position, else its longest known prefix (the table lacking a key)."""
    for end in range(len(path), 0, -1):
        found = positions.get(tuple(path[:end]))
        if found is not None:
            return found
    return None


def string_char_pos(text: str, start: Pos, index: int) -> Pos:
    """Where the index-th character of a decoded string value (whose opening quote is at `start`) sits in
    the file, stepping over escapes and line breaks, so errors inside expressions point at the right column."""
    line_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
    if not 0 < start.line <= len(line_starts):
        return Pos(start.line, start.col + 1 + index)
    i = line_starts[start.line - 1] + start.col - 1
    quote = text[i:i + 1]
    if quote not in ('"', "'"):
        return Pos(start.line, start.col + 1 + index)
    triple = text.startswith(quote * 3, i)
    i += 3 if triple else 1
    if triple:  # a line break right after the opening quotes is trimmed
        i += 2 if text.startswith("\r\n", i) else 1 if text.startswith("\n", i) else 0
    joins = quote == '"' and triple

    def skip_line_joins(i: int) -> int:
        """In a multi-line basic string, a backslash ending a line removes it and the whitespace that follows."""
        while joins and text.startswith("\\", i) and text[i + 1:i + 2] in (" ", "\t", "\r", "\n"):
            i += 1
            while i < len(text) and text[i] in " \t\r\n":
                i += 1
        return i

    for _ in range(index):
        i = skip_line_joins(i)
        if i >= len(text):
            break
        if quote == '"' and text[i] == "\\":
            i += {"u": 6, "U": 10}.get(text[i + 1:i + 2], 2)
        else:
            i += 2 if text.startswith("\r\n", i) else 1
    i = skip_line_joins(i)
    line = bisect.bisect_right(line_starts, i)
    return Pos(line, i - line_starts[line - 1] + 1)


def _syntax_error(text: str, raw: str) -> TomlSyntaxError:
    """Turn tomllib's '... (at line X, column Y)' message into fields."""
    cut = raw.rfind(" (at ")
    message, where = (raw[:cut], raw[cut + 5:].rstrip(")")) if cut >= 0 else (raw, "")
    if where.startswith("line "):
        line_part, _, col_part = where[5:].partition(", column ")
        if line_part.isdigit() and col_part.isdigit():
            return TomlSyntaxError(message, int(line_part), int(col_part))
    offset = _unclosed_string(text) if message in ("Expected \"'\"", "Unterminated string") else None
    if offset is not None:  # tomllib places these at the end of the document: point at the string instead
        before = text[:offset]
        return TomlSyntaxError(message, before.count("\n") + 1, offset - before.rfind("\n"))
    last_nl = text.rfind("\n")
    return TomlSyntaxError(message, text.count("\n") + 1, len(text) - last_nl)


def _unclosed_string(text: str) -> int | None:
    """Offset of the end of the line of the first unclosed 'literal string', or of the opening quotes of the
    first unclosed multi-line string; None if every string is closed."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif text.startswith(('"""', "'''"), i):
            close = text.find(text[i:i + 3], i + 3)
            while close > 0 and ch == '"' and _escaped(text, close):
                close = text.find('"""', close + 1)
            if close < 0:
                return i
            i = close + 3
            while i < n and text[i] == ch and i < close + 5:  # up to two quotes may end the string's text
                i += 1
        elif ch in "\"'":
            j = i + 1
            while j < n and text[j] not in (ch, "\n"):
                j += 2 if ch == '"' and text[j] == "\\" and text[j + 1:j + 2] not in ("\r", "\n") else 1
            if j >= n or text[j] == "\n":
                return j - 1 if j > 0 and text[j - 1] == "\r" else j
            i = j + 1
        else:
            i += 1
    return None


def _escaped(text: str, at: int) -> bool:
    """Whether the character at `at` is escaped by an odd run of backslashes."""
    run = 0
    while at - run - 1 >= 0 and text[at - run - 1] == "\\":
        run += 1
    return run % 2 == 1


# ---------------------------------------------------------------- scanner

_BARE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
_SCALAR_END = frozenset(" \t\r\n,]}#")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}


_BASIC_STOP = re.compile(r'["\\\n]')  # where a one-line basic string's plain run ends
_MULTI_STOP = {'"""': re.compile(r'["\\]'), "'''": re.compile("'")}  # the next character a multi-line string cares about


class _ScanError(Exception):
    """The scanner met something it did not expect; only possible if it has a bug."""


class _Scanner:
    """A small tokenizer over text tomllib has already accepted, recording positions as it goes."""

    def __init__(self, text: str) -> None:
        self.s = text
        self.i = 0
        self.line_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]
        self.out: dict[Path, Located] = {}
        self.aot_counts: dict[Path, int] = {}
        self.table: Path = ()

    # -- helpers

    def pos(self, offset: int) -> Pos:
        line = bisect.bisect_right(self.line_starts, offset)
        return Pos(line, offset - self.line_starts[line - 1] + 1)

    def here(self, offset: int | None = None) -> Located:
        p = self.pos(self.i if offset is None else offset)
        return Located(p, p)

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < len(self.s) else ""

    def expect(self, token: str) -> None:
        if not self.s.startswith(token, self.i):
            raise _ScanError(f"expected {token!r} at {self.i}")
        self.i += len(token)

    def skip_ws(self) -> None:
        while self.peek() in (" ", "\t"):
            self.i += 1

    def skip_comment(self) -> None:
        if self.peek() == "#":
            end = self.s.find("\n", self.i)
            self.i = len(self.s) if end < 0 else end

    def skip_blank(self) -> None:
        """Whitespace, newlines and comments, as allowed between statements and array items."""
        while True:
            self.skip_ws()
            self.skip_comment()
            if self.peek() in ("\n", "\r"):
                self.i += 1
            else:
                return

    # -- statements

    def run(self) -> dict[Path, Located]:
        try:
            while True:
                self.skip_blank()
                if self.i >= len(self.s):
                    break
                if self.peek() == "[":
                    self.header()
                else:
                    self.keyval(self.table)
        except _ScanError:
            pass  # keep what was found: locate() falls back to the nearest known prefix
        return self.out

    def header(self) -> None:
        start = self.i
        is_array = self.s.startswith("[[", self.i)
        self.i += 2 if is_array else 1
        keys = self.key()
        self.skip_ws()
        self.expect("]]" if is_array else "]")
        loc = self.here(start)
        path: Path = ()
        for name, _ in keys[:-1]:
            path += (name,)
            self.out.setdefault(path, loc)
            if path in self.aot_counts:
                path += (self.aot_counts[path] - 1,)
        path += (keys[-1][0],)
        if is_array:
            index = self.aot_counts.get(path, 0)
            self.aot_counts[path] = index + 1
            self.out.setdefault(path, loc)
            path += (index,)
        self.out[path] = loc
        self.table = path

    def keyval(self, base: Path) -> None:
        keys = self.key()
        self.skip_ws()
        self.expect("=")
        self.skip_ws()
        path = base
        for name, offset in keys[:-1]:
            path += (name,)
            self.out.setdefault(path, self.here(offset))
        name, offset = keys[-1]
        path += (name,)
        self.out[path] = Located(self.pos(offset), self.pos(self.i))
        self.value(path)

    def key(self) -> list[tuple[str, int]]:
        """A dotted key as (decoded part, offset of the part) pairs."""
        parts: list[tuple[str, int]] = []
        while True:
            self.skip_ws()
            offset = self.i
            parts.append((self.simple_key(), offset))
            self.skip_ws()
            if self.peek() != ".":
                return parts
            self.i += 1

    def simple_key(self) -> str:
        ch = self.peek()
        if ch == '"':
            return self.basic_string()
        if ch == "'":
            return self.literal_string()
        start = self.i
        while self.peek() and self.peek() in _BARE:
            self.i += 1
        if self.i == start:
            raise _ScanError(f"expected a key at {start}")
        return self.s[start:self.i]

    # -- values

    def value(self, path: Path) -> None:
        ch = self.peek()
        if ch == '"':
            self.multiline('"""') if self.s.startswith('"""', self.i) else self.basic_string()
        elif ch == "'":
            self.multiline("'''") if self.s.startswith("'''", self.i) else self.literal_string()
        elif ch == "[":
            self.array(path)
        elif ch == "{":
            self.inline_table(path)
        else:
            self.scalar()

    def array(self, path: Path) -> None:
        self.i += 1
        index = 0
        while True:
            self.skip_blank()
            if self.peek() == "]":
                self.i += 1
                return
            item = path + (index,)
            self.out[item] = self.here()
            self.value(item)
            index += 1
            self.skip_blank()
            if self.peek() == ",":
                self.i += 1
            else:
                self.expect("]")
                return

    def inline_table(self, path: Path) -> None:
        self.i += 1
        self.skip_ws()
        if self.peek() == "}":
            self.i += 1
            return
        while True:
            self.keyval(path)
            self.skip_ws()
            if self.peek() == ",":
                self.i += 1
            else:
                self.expect("}")
                return

    def scalar(self) -> None:
        """Numbers, booleans and dates: skip to a delimiter, allowing 'YYYY-MM-DD HH:MM' dates."""
        start = self.i
        while self.peek() and self.peek() not in _SCALAR_END:
            self.i += 1
        word = self.s[start:self.i]
        if (len(word) == 10 and word[4] == "-" and word[7] == "-" and self.peek() == " "
                and self.peek(1).isdigit()):
            self.i += 1
            while self.peek() and self.peek() not in _SCALAR_END:
                self.i += 1
        if self.i == start:
            raise _ScanError(f"expected a value at {start}")

    # -- strings

    def literal_string(self) -> str:
        end = self.s.find("'", self.i + 1)
        if end < 0:
            raise _ScanError("unterminated literal string")
        text = self.s[self.i + 1:end]
        self.i = end + 1
        return text

    def basic_string(self) -> str:
        """Skip a one-line "..." string, decoding it because quoted keys need their real text (runs of plain
        characters are taken whole: content files are mostly long strings)."""
        self.i += 1
        out: list[str] = []
        while True:
            stop = _BASIC_STOP.search(self.s, self.i)
            if stop is None or stop.group() == "\n":
                raise _ScanError("unterminated basic string")
            out.append(self.s[self.i:stop.start()])
            self.i = stop.start()
            if stop.group() == '"':
                self.i += 1
                return "".join(out)
            out.append(self.escape())

    def escape(self) -> str:
        code = self.peek(1)
        if code in _ESCAPES:
            self.i += 2
            return _ESCAPES[code]
        width = {"u": 4, "U": 8}.get(code)
        digits = self.s[self.i + 2:self.i + 2 + width] if width else ""
        if not width or len(digits) != width:
            raise _ScanError(f"bad escape at {self.i}")
        self.i += 2 + width
        try:
            return chr(int(digits, 16))
        except ValueError as exc:
            raise _ScanError(f"bad escape at {self.i}") from exc

    def multiline(self, quotes: str) -> None:
        """Skip a triple-quoted string; up to two extra quotes may precede the closing ones."""
        self.i += 3
        stops = _MULTI_STOP[quotes]
        while True:
            stop = stops.search(self.s, self.i)
            self.i = len(self.s) if stop is None else stop.start()
            ch = self.peek()
            if ch == "":
                raise _ScanError("unterminated multi-line string")
            if ch == "\\" and quotes == '"""':
                self.i += 2
            elif self.s.startswith(quotes, self.i):
                self.i += 3
                for _ in range(2):
                    if self.peek() == quotes[0]:
                        self.i += 1
                return
            else:
                self.i += 1
