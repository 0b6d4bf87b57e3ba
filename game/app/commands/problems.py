"""Content problems as a modder reads them in a terminal: the location, the line, a caret, the object, a hint."""

from __future__ import annotations

from game.content.problems import Problem

_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m"}
_RESET, _BOLD, _DIM = "\033[0m", "\033[1m", "\033[2m"


def headline(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.col}: {problem.severity}[{problem.code}]: {problem.message}"


def render_problem(problem: Problem, colour: bool = False) -> str:
    """path:line:col: error[CODE]: message, then the source line with a caret under the fault, the object
    path, and the suggestion."""
    severity = f"{problem.severity}[{problem.code}]"
    if colour:
        severity = f"{_COLOURS.get(problem.severity, '')}{severity}{_RESET}"
    lines = [f"{problem.path}:{problem.line}:{problem.col}: {severity}: {problem.message}"]
    gutter = " " * len(str(problem.line))
    if problem.source_line:
        shown = problem.source_line.replace("\t", " ")
        caret_at = max(problem.col - 1, 0)
        width = max(1, min(problem.length, max(len(shown) - caret_at, 1)))
        caret = " " * caret_at + "^" * width
        if colour:
            caret = f"{_COLOURS.get(problem.severity, '')}{caret}{_RESET}"
        lines.append(f" {gutter} |")
        lines.append(f" {problem.line} | {shown}")
        lines.append(f" {gutter} | {caret}")
    if problem.where:
        lines.append(f" {gutter} = in {problem.where}")
    if problem.suggestion:
        lines.append(f" {gutter} = help: {problem.suggestion}")
    return "\n".join(lines)


def summary(problems: list[Problem]) -> str:
    errors = sum(1 for problem in problems if problem.severity == "error")
    warnings = len(problems) - errors
    if not problems:
        return "No problems found."
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}."
