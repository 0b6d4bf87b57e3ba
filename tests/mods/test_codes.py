"""The problem-code catalogue equals the codes the content checks emit: none missing, none dead, severities right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from game.content import problems as problems_module
from game.content.codes import CODES, Code, explain
from game.content.loader import check_content, load_game
from game.content.problems import Problem

CONTENT = Path(problems_module.__file__).parent
TESTS = Path(__file__).resolve().parents[1]
CODE_LITERAL = re.compile(r"""["']([EW](?:-[A-Z]+)+)["']""")
#: Files that hold codes without emitting them: the catalogue, the reference (its sample mod.toml silences one),
#: and problems.py (a default and the prefixes that order problems), which is checked on its own below.
NOT_EMITTERS = ("codes.py", "reference.py", "problems.py")


def _literals(path: Path) -> set[str]:
    return set(CODE_LITERAL.findall(path.read_text(encoding="utf-8")))


def emitted_codes() -> dict[str, list[str]]:
    """Every code literal in game/content's emitting modules, with the files it appears in."""
    found: dict[str, list[str]] = {}
    for path in sorted(CONTENT.glob("*.py")):
        if path.name in NOT_EMITTERS:
            continue
        for code in sorted(_literals(path)):
            found.setdefault(code, []).append(path.name)
    return found


def test_the_source_scan_finds_codes_in_every_emitting_module() -> None:
    files = {name for names in emitted_codes().values() for name in names}
    assert {"loader.py", "merge.py", "mods.py", "files.py", "analysis.py", "expr.py"} <= files


def test_every_emitted_code_is_in_the_catalogue() -> None:
    missing = {code: files for code, files in emitted_codes().items() if code not in CODES}
    assert not missing, f"add these to game/content/codes.py: {missing}"


def test_every_catalogued_code_is_emitted_somewhere() -> None:
    dead = sorted(set(CODES) - set(emitted_codes()))
    assert not dead, f"no module emits these any more; remove them from CODES: {dead}"


def test_problems_module_holds_only_catalogued_codes_their_prefixes_or_the_unused_default() -> None:
    default = Problem("f", 1, 1, "m").code
    for literal in _literals(CONTENT / "problems.py"):
        assert literal in CODES or literal == default or any(code.startswith(literal + "-") for code in CODES), literal
    assert default not in CODES  # nothing emits the bare default: every check names its code


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_entry_is_complete_and_its_severity_matches_its_letter(code: str) -> None:
    entry = CODES[code]
    assert entry.code == code
    assert entry.severity == {"E": "error", "W": "warning"}[code[0]]
    assert entry.title and entry.explanation and entry.example_fix
    assert len(entry.explanation) >= 40, "explain in plain words what went wrong and how to fix it"


def test_explain_finds_entries_and_returns_none_for_unknown_codes() -> None:
    assert explain("E-REF") == CODES["E-REF"]
    assert isinstance(explain("W-PLACEHOLDER"), Code)
    assert explain("E-NOPE") is None


def test_entries_are_frozen() -> None:
    with pytest.raises(AttributeError):
        CODES["E-REF"].title = "changed"  # type: ignore[misc]


def _corpus_problems() -> list[Problem]:
    """Problems from every deliberately broken content folder and mod in the test corpora."""
    found: list[Problem] = []
    content_cases = TESTS / "content" / "broken"
    for case in sorted(path for path in content_cases.iterdir() if path.is_dir()):
        found += check_content(case)[1]
    mod_cases = TESTS / "mods" / "broken"
    if mod_cases.is_dir():
        for case in sorted(path for path in mod_cases.iterdir() if path.is_dir()):
            found += load_game(mod_paths=sorted(path for path in case.iterdir() if path.is_dir())).problems
    return found


def test_every_problem_the_broken_corpora_produce_has_a_catalogued_code_and_severity() -> None:
    problems = _corpus_problems()
    assert len({problem.code for problem in problems}) >= 10, "the corpora should exercise many codes"
    for problem in problems:
        assert problem.code in CODES, str(problem)
        assert problem.severity == CODES[problem.code].severity, str(problem)
