"""Reading content files: sorted discovery, UTF-8 and TOML checks with exact positions, and safe file paths."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from typing import Any

from . import tomlpos
from .problems import Problem, Report, Source

MANIFEST = "mod.toml"


def content_files(root: Path) -> list[Path]:
    """Every content .toml file below root (not mod.toml, nor hidden files and folders such as an editor's
    .taplo.toml), in sorted relative-path order on every machine."""
    return sorted(
        (path for path in root.rglob("*.toml")
         if path.is_file() and path.relative_to(root).as_posix() != MANIFEST
         and not any(part.startswith(".") for part in path.relative_to(root).parts)),
        key=lambda path: path.relative_to(root).as_posix(),
    )


def display_path(path: Path) -> str:
    """A path as the modder reads it: relative to where they stand when it can be."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def parse_file(path: Path, report: Report, mod: str) -> tuple[Source | None, dict[str, Any] | None]:
    """Read one TOML file; report a file that is not UTF-8 or not valid TOML at its exact line and column."""
    display = display_path(path)
    try:
        raw_bytes = path.read_bytes()
    except OSError as error:
        report.problems.append(Problem(display, 1, 1, f"the file cannot be read ({error.strerror})", code="E-FILE"))
        return None, None
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw_bytes[: error.start]
        line_start = before.rfind(b"\n") + 1
        line, col = before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1
        shown = raw_bytes.split(b"\n")[line - 1].decode("utf-8", "replace").rstrip("\r")  # for the caret display
        report.problems.append(Problem(display, line, col, f"the file is not UTF-8 text ({error.reason} at byte {error.start})",
                                       code="E-TOML", suggestion="save it as UTF-8", source_line=shown))
        return None, None
    try:
        data, positions = tomlpos.parse(text)
    except tomlpos.TomlSyntaxError as error:
        report.problems.append(_syntax_problem(display, text, error))
        return None, None
    return Source(display, positions, text, mod), data


_DUPLICATE_KEY = re.compile(r"""\s*((?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*'))*)\s*=""")


def _syntax_problem(display: str, text: str, error: tomlpos.TomlSyntaxError) -> Problem:
    """A TOML syntax error, reworded where tomllib's words are terse: a key set twice is named and pointed at."""
    line, col, message, hint = error.line, error.col, f"TOML syntax: {error.message}", None
    lines = text.split("\n")
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    if error.message == "Cannot overwrite a value":
        match = _DUPLICATE_KEY.match(source_line)
        if match:
            col, message = match.start(1) + 1, f"TOML syntax: Cannot overwrite a value: {match.group(1)} is already set"
    elif error.message == "Illegal character '\\n'" and ('"' in source_line or "'" in source_line):
        hint = "is a string missing its closing quote?"
    return Problem(display, line, col, message, code="E-TOML", suggestion=hint, source_line=source_line.rstrip("\r"))


ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".ogg", ".wav", ".ttf", ".otf")


def why_unsafe_asset(reference: str, mod_root: Path) -> str | None:
    """Why a file reference (an image or a sound) is not allowed: it must be a relative path that stays
    inside the mod's own folder, to a file that exists, of a kind the game can use."""
    if not reference:
        return "the file name is empty"
    if "\\" in reference or reference.startswith("/") or re.match(r"^[A-Za-z]:", reference):
        return f"{reference!r} must be a relative path with '/' separators"
    parts = PurePosixPath(reference).parts
    if any(part in ("..", ".") for part in parts) or any(part.startswith("~") for part in parts):
        return f"{reference!r} may not leave the mod's folder"
    if PurePosixPath(reference).suffix.lower() not in ASSET_SUFFIXES:
        return f"{reference!r} is not a file the game can use ({', '.join(ASSET_SUFFIXES)})"
    target = (mod_root / reference).resolve()
    root = mod_root.resolve()
    if root not in target.parents:
        return f"{reference!r} leads outside the mod's folder"
    if not target.is_file():
        return f"{reference!r} does not exist in the mod's folder"
    return None
