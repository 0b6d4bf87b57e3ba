"""Tests for TOML key/value positions (game.content.tomlpos)."""

from __future__ import annotations

import datetime
import math
import random
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.content.tomlpos import Located, Path, Pos, TomlSyntaxError, locate, parse

EXAMPLE = '''\
# Events
[event.kennedy_speech]
title = "A goal for the nation"
years = [1961, 1962]
trigger = "year >= 1961 and rival_achieved('crewed_orbit')"
history.note = "25 May 1961"

[[event.kennedy_speech.choices]]
id = "moon"
effects = [
  "add_support(10)",
  "set_flag('moon_goal')",   # comment with ] and " inside
]
[[event.kennedy_speech.choices]]
id = "wait"
text = """Multi-line
text with [brackets] and key = value"""
inline = { a = 1, b = { c = "x" } }
'''

K = ("event", "kennedy_speech")


def at(key: tuple[int, int], value: tuple[int, int] | None = None) -> Located:
    value = key if value is None else value
    return Located(Pos(*key), Pos(*value))


def test_example_values_match_tomllib() -> None:
    data, _ = parse(EXAMPLE)
    assert data == tomllib.loads(EXAMPLE)


@pytest.mark.parametrize("path, expected", [
    (("event",), at((2, 1))),
    (K, at((2, 1))),
    (K + ("title",), at((3, 1), (3, 9))),
    (K + ("years",), at((4, 1), (4, 9))),
    (K + ("years", 0), at((4, 10))),
    (K + ("years", 1), at((4, 16))),
    (K + ("trigger",), at((5, 1), (5, 11))),
    (K + ("history",), at((6, 1))),
    (K + ("history", "note"), at((6, 9), (6, 16))),
    (K + ("choices",), at((8, 1))),
    (K + ("choices", 0), at((8, 1))),
    (K + ("choices", 0, "id"), at((9, 1), (9, 6))),
    (K + ("choices", 0, "effects"), at((10, 1), (10, 11))),
    (K + ("choices", 0, "effects", 0), at((11, 3))),
    (K + ("choices", 0, "effects", 1), at((12, 3))),
    (K + ("choices", 1), at((14, 1))),
    (K + ("choices", 1, "id"), at((15, 1), (15, 6))),
    (K + ("choices", 1, "text"), at((16, 1), (16, 8))),
    (K + ("choices", 1, "inline"), at((18, 1), (18, 10))),
    (K + ("choices", 1, "inline", "a"), at((18, 12), (18, 16))),
    (K + ("choices", 1, "inline", "b"), at((18, 19), (18, 23))),
    (K + ("choices", 1, "inline", "b", "c"), at((18, 25), (18, 29))),
])
def test_example_positions(path: Path, expected: Located) -> None:
    _, positions = parse(EXAMPLE)
    assert positions[path] == expected


def test_example_has_no_extra_paths() -> None:
    data, positions = parse(EXAMPLE)
    assert set(positions) == set(_all_paths(data))


def test_locate_falls_back_to_longest_prefix() -> None:
    _, positions = parse(EXAMPLE)
    assert locate(positions, K + ("title",)) == at((3, 1), (3, 9))
    assert locate(positions, K + ("choices", 1, "ai")) == at((14, 1))
    assert locate(positions, K + ("choices", 0, "effects", 7)) == at((10, 1), (10, 11))
    assert locate(positions, ("missing",)) is None
    assert locate(positions, ()) is None


def test_quoted_keys_and_headers() -> None:
    text = '[a.b."quoted key"]\n"x.y" = 1\n\'lit\' . "d" = "v"\n[ spaced . "t" ]\nz=2\n'
    data, positions = parse(text)
    assert data == {"a": {"b": {"quoted key": {"x.y": 1, "lit": {"d": "v"}}}}, "spaced": {"t": {"z": 2}}}
    base = ("a", "b", "quoted key")
    assert positions[base] == at((1, 1))
    assert positions[base + ("x.y",)] == at((2, 1), (2, 9))
    assert positions[base + ("lit",)] == at((3, 1))
    assert positions[base + ("lit", "d")] == at((3, 9), (3, 15))
    assert positions[("spaced", "t")] == at((4, 1))
    assert positions[("spaced", "t", "z")] == at((5, 1), (5, 3))


def test_escaped_quoted_key_is_decoded() -> None:
    data, positions = parse('"a\\u00e9\\"b" = 1\n')
    assert data == {'aé"b': 1}
    assert positions[('aé"b',)] == at((1, 1), (1, 16))


def test_strings_with_confusing_content() -> None:
    text = (
        'a = "# not a comment [x] = y"  # real comment\n'
        "b = 'c:\\path\\[x]'\n"
        "c = '''\nline '' \"\"\" = [ # x\n'''\n"
        'd = """\\"""\\\\"""  \n'
        'e = """ends with quotes"""""\n'
        "f = 1\n"
    )
    data, positions = parse(text)
    assert data == tomllib.loads(text)
    assert positions[("b",)] == at((2, 1), (2, 5))
    assert positions[("c",)] == at((3, 1), (3, 5))
    assert positions[("d",)] == at((6, 1), (6, 5))
    assert positions[("e",)] == at((7, 1), (7, 5))
    assert positions[("f",)] == at((8, 1), (8, 5))


def test_arrays_spanning_lines_and_arrays_of_inline_tables() -> None:
    text = (
        "crew = [\n"
        "  { name = 'Glenn', flights = [1, 2] },  # first\n"
        "\n"
        "  # a comment line\n"
        "  { name = \"Shepard\" }\n"
        "]\n"
        "nested = [[1, 2], [], ['x']]\n"
        "when = 1961-05-05 14:34:13\n"
        "after = true\n"
    )
    data, positions = parse(text)
    assert data == tomllib.loads(text)
    assert positions[("crew", 0)] == at((2, 3))
    assert positions[("crew", 0, "name")] == at((2, 5), (2, 12))
    assert positions[("crew", 0, "flights", 1)] == at((2, 35))
    assert positions[("crew", 1)] == at((5, 3))
    assert positions[("crew", 1, "name")] == at((5, 5), (5, 12))
    assert positions[("nested", 0, 1)] == at((7, 15))
    assert positions[("nested", 2, 0)] == at((7, 24))
    assert positions[("when",)] == at((8, 1), (8, 8))
    assert positions[("after",)] == at((9, 1), (9, 9))


def test_nested_arrays_of_tables_and_subtables() -> None:
    text = (
        "[[fruit]]\nname = 'apple'\n"
        "[fruit.physical]\ncolor = 'red'\n"
        "[[fruit.variety]]\nname = 'red delicious'\n"
        "[[fruit.variety]]\nname = 'granny smith'\n"
        "[[fruit]]\nname = 'banana'\n"
        "[[fruit.variety]]\nname = 'plantain'\n"
    )
    data, positions = parse(text)
    assert data == tomllib.loads(text)
    assert positions[("fruit", 0, "physical", "color")] == at((4, 1), (4, 9))
    assert positions[("fruit", 0, "variety", 1)] == at((7, 1))
    assert positions[("fruit", 0, "variety", 1, "name")] == at((8, 1), (8, 8))
    assert positions[("fruit", 1)] == at((9, 1))
    assert positions[("fruit", 1, "variety", 0, "name")] == at((12, 1), (12, 8))


def test_crlf_and_columns_count_characters() -> None:
    text = "[\"é\"]\r\n\"ü\" = \"ß\"\r\nx = 1\r\n"
    data, positions = parse(text)
    assert data == {"é": {"ü": "ß", "x": 1}}
    assert positions[("é", "ü")] == at((2, 1), (2, 7))
    assert positions[("é", "x")] == at((3, 1), (3, 5))


@pytest.mark.parametrize("text, message, line, col", [
    ("a = 1\nb = \n", "Invalid value", 2, 5),
    ("a = 1\na = 2\n", "Cannot overwrite a value", 2, 6),
    ("[t\nx = 1\n", "Expected ']' at the end of a table declaration", 1, 3),
    ("a = \"open\n", "Illegal character '\\n'", 1, 10),
    ("a = ", "Invalid value", 1, 5),
])
def test_syntax_errors(text: str, message: str, line: int, col: int) -> None:
    with pytest.raises(TomlSyntaxError) as info:
        parse(text)
    assert (info.value.message, info.value.line, info.value.col) == (message, line, col)
    assert isinstance(info.value, ValueError)


def test_absurd_nesting_is_a_syntax_error() -> None:
    with pytest.raises(TomlSyntaxError):
        parse("a = " + "[" * 100_000)


# ---------------------------------------------------------------- generated documents

_KEY_CHARS = "abcXYZ019_- .#=[]{}\"é"
_keys = st.text(alphabet=_KEY_CHARS, max_size=6)
_leaves = st.one_of(
    st.integers(-(2**63), 2**63 - 1),
    st.booleans(),
    st.text(max_size=12),
    st.floats(allow_nan=False),
    st.dates(min_value=datetime.date(1000, 1, 1)),
    st.datetimes(min_value=datetime.datetime(1000, 1, 1)),
)
_values = st.recursive(
    _leaves,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=4)),
    max_leaves=20,
)
_documents = st.dictionaries(_keys, _values, max_size=6)


def _is_bare(key: str) -> bool:
    return bool(key) and all(c.isascii() and (c.isalnum() or c in "_-") for c in key)


def _key(key: str, rnd: random.Random) -> str:
    if _is_bare(key) and rnd.random() < 0.8:
        return key
    if '"' in key or rnd.random() < 0.5:
        return f"'{key}'"  # the alphabet has no ' or \\, so literal keys always work
    return f'"{key}"'


def _escape(text: str, keep_newlines: bool) -> str:
    out = []
    for ch in text:
        if ch == "\\" or ch == '"':
            out.append("\\" + ch)
        elif ch == "\n" and keep_newlines:
            out.append("\n")
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _string(text: str, rnd: random.Random) -> str:
    plain = not any(ord(c) < 0x20 and c != "\t" or c == "\x7f" for c in text)
    choice = rnd.randrange(4)
    if choice == 1 and plain and "'" not in text:
        return f"'{text}'"
    if choice == 2:
        return '"""\n' + _escape(text, keep_newlines=True) + '"""'
    if choice == 3 and "'" not in text and not any(
            (ord(c) < 0x20 and c not in "\t\n") or c == "\x7f" for c in text):
        return "'''\n" + text + "'''"
    return '"' + _escape(text, keep_newlines=False) + '"'


def _float(value: float) -> str:
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    text = repr(value)
    return text if any(c in text for c in ".en") else text + ".0"


def _value(value: Any, rnd: random.Random) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return _string(value, rnd)
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=rnd.choice(" T"))
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return _array(value, rnd)
    items = ", ".join(f"{_key(k, rnd)} = {_value(v, rnd)}" for k, v in value.items())
    return "{ " + items + " }" if items else "{}"


def _array(items: list[Any], rnd: random.Random) -> str:
    if rnd.random() < 0.5:
        return "[" + ", ".join(_value(v, rnd) for v in items) + "]"
    body = "".join(f"\n  {_value(v, rnd)},  # ] \" ' [x] = 1" for v in items)
    return "[  # open\n" + body + "\n]"


def _write_table(lines: list[str], keys: list[str], table: dict[str, Any], rnd: random.Random) -> None:
    """Direct key/values first, then sub-tables and arrays of tables as later headers."""
    later: list[tuple[str, str, Any]] = []
    for key, value in table.items():
        kind = rnd.random()
        if isinstance(value, dict) and kind < 0.4:
            later.append(("table", key, value))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and kind < 0.6:
            later.append(("aot", key, value))
        elif isinstance(value, dict) and value and kind < 0.7:
            for sub_key, sub_value in value.items():
                lines.append(f"{_key(key, rnd)} . {_key(sub_key, rnd)}= {_value(sub_value, rnd)}")
        else:
            lines.append(f"{_key(key, rnd)} = {_value(value, rnd)}  # note")
    for kind, key, value in later:
        path = keys + [key]
        header = ".".join(_key(k, rnd) for k in path)
        if kind == "table":
            lines.extend(["", f"[{header}]"])
            _write_table(lines, path, value, rnd)
        else:
            for element in value:
                lines.append(f"[[{header}]] # element")
                _write_table(lines, path, element, rnd)


def _write(doc: dict[str, Any], seed: int) -> str:
    lines: list[str] = ["# generated"]
    _write_table(lines, [], doc, random.Random(seed))
    return "\n".join(lines) + "\n"


def _all_paths(value: Any, prefix: Path = ()) -> Iterator[Path]:
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        path = prefix + (key,)
        yield path
        yield from _all_paths(child, path)


def _value_starts(value: Any) -> str:
    if isinstance(value, bool):
        return "tf"
    if isinstance(value, str):
        return "\"'"
    if isinstance(value, (int, float)):
        return "0123456789+-in"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "0123456789"
    if isinstance(value, list):
        return "["
    return ""  # tables: header '[', inline '{' or the first part of a dotted key


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


@settings(max_examples=300, deadline=None)
@given(_documents, st.integers(0, 2**32))
def test_generated_documents(doc: dict[str, Any], seed: int) -> None:
    text = _write(doc, seed)
    data, positions = parse(text)
    assert data == doc == tomllib.loads(text)
    lines = text.split("\n")
    for path in _all_paths(data):
        assert path in positions, path
        loc = positions[path]
        value_char = lines[loc.value.line - 1][loc.value.col - 1]
        starts = _value_starts(_get(data, path))
        assert not starts or value_char in starts, (path, value_char)
        if isinstance(path[-1], str):
            key_line = lines[loc.key.line - 1]
            assert path[-1] in key_line
            key_char = key_line[loc.key.col - 1]
            assert key_char in "\"'[" or key_line[loc.key.col - 1:].startswith(path[-1]), path


@settings(max_examples=200, deadline=None)
@given(_documents, st.integers(0, 2**32), st.data())
def test_damaged_documents_parse_fully_or_raise_syntax_error(
        doc: dict[str, Any], seed: int, data: st.DataObject) -> None:
    text = _write(doc, seed)
    cut = data.draw(st.integers(0, len(text)))
    junk = data.draw(st.sampled_from(["", "[", "]", "=", '"', "'", "\n", "#", "{", ",", ".", "'''"]))
    damaged = text[:cut] + junk + text[cut + data.draw(st.integers(0, 3)):]
    _parses_or_raises_syntax_error(damaged)


def _parses_or_raises_syntax_error(text: str) -> None:
    try:
        data, positions = parse(text)
    except TomlSyntaxError as exc:
        assert exc.line >= 1 and exc.col >= 1
        return
    assert set(_all_paths(data)) <= set(positions)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_raises_only_syntax_errors(text: str) -> None:
    _parses_or_raises_syntax_error(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1=[]{}.,\"'# \n\t-", max_size=40))
def test_toml_shaped_noise_raises_only_syntax_errors(text: str) -> None:
    _parses_or_raises_syntax_error(text)
