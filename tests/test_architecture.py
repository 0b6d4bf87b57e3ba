"""The house rules that keep the game deterministic and layered, checked on the source itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parent.parent / "game"
LAYERS = ["engine", "content", "record", "app", "ui"]
# Each layer may import only the layers listed for it (imports flow ui → app → record, content → engine).
ALLOWED = {
    "engine": {"engine"},
    "content": {"content", "engine"},
    "record": {"record", "engine"},
    "app": {"app", "record", "content", "engine"},
    "ui": {"ui", "app", "record", "content", "engine"},
}
FORBIDDEN_IN_ENGINE = {"pygame", "random", "time", "datetime", "os", "sys", "io", "pathlib", "socket", "pickle"}


def modules() -> list[Path]:
    return sorted(GAME.rglob("*.py"))


def imports_of(path: Path) -> list[tuple[str, int]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, int]] = []
    package = ".".join(path.relative_to(GAME.parent).with_suffix("").parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((name, node.lineno))
    return found


def layer_of(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "game" and parts[1] in LAYERS else None


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(GAME.parent).as_posix())
def test_imports_flow_one_way(path: Path) -> None:
    own = layer_of(".".join(path.relative_to(GAME.parent).with_suffix("").parts))
    if own is None:
        return  # game/__init__.py, cli.py and __main__.py are the composition root
    for name, line in imports_of(path):
        target = layer_of(name)
        assert target is None or target in ALLOWED[own], f"{path.name}:{line} ({own}) imports {name} ({target})"


@pytest.mark.parametrize("path", sorted((GAME / "engine").glob("*.py")), ids=lambda p: p.name)
def test_engine_is_pure(path: Path) -> None:
    for name, line in imports_of(path):
        root = name.split(".")[0]
        if path.name == "rng.py" and root == "hashlib":
            continue
        assert root not in FORBIDDEN_IN_ENGINE, f"{path.name}:{line} imports {name}"


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(GAME.parent).as_posix())
def test_no_code_from_data(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id not in ("eval", "exec", "compile", "__import__"), f"{path.name}:{node.lineno}"
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [alias.name for alias in node.names] + [getattr(node, "module", "") or ""]
            assert not any(name.split(".")[0] in ("pickle", "marshal", "shelve") for name in names), path.name


def test_pygame_only_under_the_window() -> None:
    for path in modules():
        if "window" in path.relative_to(GAME).parts:
            continue
        for name, line in imports_of(path):
            assert not name.startswith("pygame"), f"{path}:{line}"


def test_engine_never_iterates_a_set_literal_or_uses_hash() -> None:
    for path in sorted((GAME / "engine").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id not in ("hash", "id"), f"{path.name}:{node.lineno} calls {node.func.id}()"
            if isinstance(node, (ast.For, ast.comprehension)):
                assert not isinstance(node.iter, (ast.Set, ast.SetComp)), f"{path.name}:{node.iter.lineno} iterates a set"


def test_window_modules_stay_small() -> None:
    """Modules aim under ~400 lines and are split past 600 (the Programs screen was 749 lines before its table,
    tree and detail panel became modules of their own)."""
    window = GAME / "ui" / "window"
    long = [f"{path.relative_to(GAME)}: {lines}" for path in sorted(window.rglob("*.py"))
            if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 600]
    assert not long, long
