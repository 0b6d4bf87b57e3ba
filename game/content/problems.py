"""Content problems: what is wrong, where (file, line, column, object), how bad, and what to try instead."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from typing import Any, Iterable

from . import tomlpos

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the content, located in its file."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"  # error | warning
    code: str = "E-CONTENT"
    suggestion: str | None = None
    where: str = ""  # the object path: "event kennedy_speech › choice 2 › effects"
    length: int = 1  # characters to underline
    source_line: str = ""  # the file's line, shown with a caret under the fault

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}[{self.code}]: {self.message}"
        return f"{text} ({self.suggestion})" if self.suggestion else text

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "line": self.line, "col": self.col, "severity": self.severity, "code": self.code,
            "message": self.message, "suggestion": self.suggestion, "where": self.where, "length": self.length,
            "source_line": self.source_line,
        }


class ContentError(Exception):
    """The content has errors; `problems` lists them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        errors = [problem for problem in problems if problem.severity == "error"]
        super().__init__(f"{len(errors)} content error(s):\n" + "\n".join(str(problem) for problem in errors[:50]))


@dataclass(slots=True)
class Source:
    """One parsed file: its display name, its text, and where each key sits."""

    display: str
    positions: dict[PathKey, tomlpos.Located]
    text: str = ""
    mod: str = ""  # the id of the mod the file belongs to

    def line_text(self, line: int) -> str:
        lines = self.text.split("\n")
        return lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""


@dataclass(slots=True)
class Report:
    problems: list[Problem] = field(default_factory=list)

    def add(self, source: Source, path: PathKey, message: str, code: str = "E-CONTENT",
            suggestion: str | None = None, at_value: bool = False, offset: int = 0, severity: str = "error",
            where: str = "") -> None:
        located = tomlpos.locate(source.positions, path)
        line, col = (1, 1)
        if located is not None:
            pos = located.value if at_value else located.key
            line, col = pos.line, pos.col + offset
        length = len(str(path[-1])) if path and not at_value and isinstance(path[-1], str) else 1
        if at_value and located is not None:
            length = _value_length(source.line_text(line), col)
        self.problems.append(Problem(source.display, line, col, message, severity, code, suggestion, where,
                                     length, source.line_text(line)))

    def add_at(self, source: Source, line: int, col: int, message: str, code: str, suggestion: str | None = None,
               severity: str = "error", where: str = "", length: int = 1) -> None:
        self.problems.append(Problem(source.display, line, col, message, severity, code, suggestion, where, length,
                                     source.line_text(line)))

    def suggest_last(self, suggestion: str | None) -> None:
        """Attach a suggestion to the problem just added."""
        if self.problems and suggestion:
            self.problems[-1] = replace(self.problems[-1], suggestion=suggestion)

    @property
    def has_errors(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)


def _value_length(line: str, col: int) -> int:
    """How far a value that starts at `col` runs on its line: a quoted string to its closing quote, anything
    else to the next comma, bracket or comment."""
    rest = line[col - 1:]
    if rest[:1] in ('"', "'"):
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else len(rest)
    for index, char in enumerate(rest):
        if char in ",]}#" or (char == " " and index and rest[index - 1] != ","):
            return max(index, 1)
    return max(len(rest.rstrip()), 1)


def suggest(word: str, options: Iterable[str]) -> str | None:
    found = get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return f"did you mean {found[0]!r}?" if found else None


ROOT_CAUSES = ("E-FILE", "E-TOML", "E-MOD")
DEFINITIONS = ("E-ID", "E-DUPLICATE", "E-PATCH", "E-KEY", "E-MISSING", "E-TYPE", "E-RANGE", "E-VALUE")


def ordered(problems: list[Problem]) -> list[Problem]:
    """Root causes first: unreadable files and broken mods, then malformed definitions, then references and
    expressions; warnings last. Within a group, by file, line and column."""

    def key(problem: Problem) -> tuple[bool, int, str, int, int]:
        group = 0 if problem.code.startswith(ROOT_CAUSES) else 1 if problem.code.startswith(DEFINITIONS) else 2
        return (problem.severity != "error", group, problem.path, problem.line, problem.col)

    return sorted(problems, key=key)
