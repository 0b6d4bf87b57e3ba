"""Hostile mods: code execution, huge expressions, blow-ups and path traversal are refused cleanly, never half-loaded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from game.app.session import Session
from game.content import expr
from game.content.env import script_env
from game.content.loader import LoadResult, load_game

MANIFEST = 'id = "{mod_id}"\nname = "Hostile"\nversion = "1.0"\ngame = ">=0.1"\n'


def toml_string(text: str) -> str:
    """A TOML basic string holding `text` exactly."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def event(trigger: str | None = None, effects: tuple[str, ...] = ("add_support(1)",), image: str | None = None) -> str:
    lines = ["[event.hostile_news]", 'title = "Hostile"', 'text = "Nothing to see."', 'kind = "news"',
             'sides = ["usa", "ussr"]', "years = [1957, 1957]",
             "effects = [" + ", ".join(toml_string(effect) for effect in effects) + "]"]
    if trigger is not None:
        lines.append("trigger = " + toml_string(trigger))
    if image is not None:
        lines.append("image = " + toml_string(image))
    return "\n".join(lines) + "\n"


def make_mod(parent: Path, files: dict[str, str], mod_id: str = "hostile") -> Path:
    folder = parent / "hostile"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "mod.toml").write_text(MANIFEST.format(mod_id=mod_id), encoding="utf-8")
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def refused(result: LoadResult, code: str, fragment: str, file: str = "hostile/events.toml") -> None:
    """The load refused the mod: no content at all, and the expected error placed in the mod's file."""
    assert result.content is None, "a hostile mod must never half-load"
    matching = [problem for problem in result.errors if problem.code == code and fragment in problem.message]
    assert matching, "\n".join(str(problem) for problem in result.problems)
    assert all(Path(problem.path).as_posix().endswith(file) for problem in matching)
    assert all(problem.line >= 1 and problem.col >= 1 and problem.source_line for problem in matching)


# -- expressions --------------------------------------------------------------------------------------

HOSTILE_CONDITIONS: dict[str, tuple[str, str, str]] = {
    # name: (trigger, code, message fragment)
    "import": ("__import__('os').system('touch /tmp/pwned') == 0", "E-SYNTAX", "attribute access is not allowed"),
    "import_call": ("__import__('os') == 'x'", "E-NAME", "unknown function '__import__'"),
    "dunder_class": ("().__class__.__bases__ == 0", "E-SYNTAX", "attribute access is not allowed"),
    "attribute_of_variable": ("support.__class__ == 0", "E-SYNTAX", "attribute access is not allowed"),
    "open_file": ("open('/etc/passwd') == 'root'", "E-NAME", "unknown function 'open'"),
    "eval": ("eval('1') == 1", "E-NAME", "unknown function 'eval'"),
    "exec": ("exec('import os') == 1", "E-NAME", "unknown function 'exec'"),
    "globals": ("globals() == 1", "E-NAME", "unknown function 'globals'"),
    "builtins": ("__builtins__ == 1", "E-NAME", "unknown name '__builtins__'"),
    "lambda": ("lambda: 1", "E-SYNTAX", "':' is not allowed here"),
    "comprehension": ("[x for x in ()] == 1", "E-SYNTAX", "lists and indexing are not allowed"),
    "two_statements": ("support > 0; __import__('os')", "E-SYNTAX", "only one expression is allowed"),
    "power_tower": ("10**9 > support", "E-SYNTAX", "exponentiation is not allowed"),
    "huge_literal": ("99999999999999999999 > support", "E-LIMIT", "number is too large"),
    "string_repetition": ("'a' * 999999999 == 'b'", "E-TYPE", "'*' needs numbers on both sides"),
    "huge_expression": ("support > 0 and " * 6250 + "true", "E-LIMIT", "expression is too long (100004 characters"),
    "deep_parentheses": ("(" * 500 + "support" + ")" * 500 + " > 0", "E-LIMIT", "nested too deeply"),
    "deep_not": ("not " * 300 + "true", "E-LIMIT", "nested too deeply"),
    "deep_unary_minus": ("-" * 1000 + "1 > 0", "E-LIMIT", "nested too deeply"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_CONDITIONS))
def test_hostile_condition_is_refused_cleanly(tmp_path: Path, name: str) -> None:
    trigger, code, fragment = HOSTILE_CONDITIONS[name]
    result = load_game([make_mod(tmp_path, {"events.toml": event(trigger=trigger)})])
    refused(result, code, fragment)
    assert not Path("/tmp/pwned").exists()


@pytest.mark.parametrize("effect, code, fragment", [
    ("__import__('os').system('true')", "E-SYNTAX", "attribute access is not allowed"),
    ("setattr(support, 'x', 1)", "E-NAME", "unknown function 'setattr'"),
    ("support = 0", "E-READONLY", "'support' is read-only"),
    ("add_funds(10**12)", "E-SYNTAX", "exponentiation is not allowed"),
    ("add_funds(" * 100 + "1" + ")" * 100, "E-LIMIT", "nested too deeply"),
])
def test_hostile_effect_is_refused_cleanly(tmp_path: Path, effect: str, code: str, fragment: str) -> None:
    result = load_game([make_mod(tmp_path, {"events.toml": event(effects=(effect,))})])
    refused(result, code, fragment)


def test_integer_blow_up_clamps_instead_of_growing() -> None:
    compiled, errors = expr.compile_value(" * ".join(["999999999"] * 12), script_env())
    assert errors == [] and compiled is not None
    assert compiled(None) == expr.MAX_INT
    compiled, errors = expr.compile_value(" - ".join(["0"] + ["999999999"] * 12) + " * 999999999", script_env())
    assert errors == [] and compiled is not None
    assert compiled(None) == -expr.MAX_INT


def test_a_clamped_blow_up_in_a_mod_loads_and_plays(tmp_path: Path) -> None:
    trigger = " * ".join(["999999999"] * 8) + " > support"
    result = load_game([make_mod(tmp_path, {"events.toml": event(trigger=trigger)})])
    assert result.errors == [] and result.content is not None
    session, _ = Session.new(result.content, "sputnik_shock", seed=3, players=("usa", "ussr"))
    assert all(session.state.sides[side].fired.get("hostile_news") == 1957 for side in ("usa", "ussr"))


# -- file references ----------------------------------------------------------------------------------

TRAVERSALS: dict[str, tuple[str, str]] = {
    "parent_dirs": ("../../etc/passwd.png", "may not leave the mod's folder"),
    "hidden_parent": ("images/../../../etc/passwd.png", "may not leave the mod's folder"),
    "absolute": ("/etc/x.png", "must be a relative path"),
    "windows_drive": ("C:\\x.png", "must be a relative path"),
    "windows_drive_slash": ("C:/x.png", "must be a relative path"),
    "backslashes": ("..\\..\\x.png", "must be a relative path"),
    "home": ("~/x.png", "may not leave the mod's folder"),
    "not_an_image": ("images/passwd", "is not a file the game can use"),
}


@pytest.mark.parametrize("name", sorted(TRAVERSALS))
def test_path_traversal_in_a_file_reference_is_refused(tmp_path: Path, name: str) -> None:
    reference, fragment = TRAVERSALS[name]
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd.png").write_text("secret", encoding="utf-8")
    result = load_game([make_mod(tmp_path, {"events.toml": event(image=reference), "images/ok.png": "PNG"})])
    refused(result, "E-ASSET", fragment)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlink_inside_the_mod_pointing_outside_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_text("secret", encoding="utf-8")
    mod = make_mod(tmp_path, {"events.toml": event(image="images/innocent.png")})
    (mod / "images").mkdir()
    try:
        (mod / "images" / "innocent.png").symlink_to(outside / "secret.png")
        (mod / "linked").symlink_to(outside, target_is_directory=True)
    except OSError:
        pytest.skip("symlinks are not permitted here")
    refused(load_game([mod]), "E-ASSET", "leads outside the mod's folder")
    (mod / "events.toml").write_text(event(image="linked/secret.png"), encoding="utf-8")
    refused(load_game([mod]), "E-ASSET", "leads outside the mod's folder")


def test_a_symlink_that_stays_inside_the_mod_is_fine(tmp_path: Path) -> None:
    mod = make_mod(tmp_path, {"events.toml": event(image="images/alias.png"), "images/real.png": "PNG"})
    try:
        (mod / "images" / "alias.png").symlink_to(mod / "images" / "real.png")
    except OSError:
        pytest.skip("symlinks are not permitted here")
    result = load_game([mod])
    assert result.errors == [] and result.content is not None
    assert result.content.events["hostile_news"].image == (mod / "images" / "real.png").resolve().as_posix()


# -- malformed files and ids --------------------------------------------------------------------------


@pytest.mark.parametrize("text, code, fragment", [
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "E-TOML", "TOML"),
    ("x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n", "E-TOML", "TOML"),
    ("[event.x]\ntitle = \"a\0b\"\n", "E-TOML", "TOML syntax"),
    ("[event.__class__]\ntitle = \"x\"\n", "E-ID", "should be snake_case"),
    ("[patch.event.__class__]\ntitle = \"x\"\n", "E-PATCH", "no loaded mod defines it"),
    ("[event.hostile_news]\n__class__ = 1\n", "E-KEY", "unknown key '__class__'"),
    ("[__builtins__]\nx = 1\n", "E-KEY", "unknown table [__builtins__]"),
])
def test_malformed_content_files_are_refused_cleanly(tmp_path: Path, text: str, code: str, fragment: str) -> None:
    result = load_game([make_mod(tmp_path, {"events.toml": text})])
    refused(result, code, fragment)


def test_a_file_that_is_not_utf8_is_refused_cleanly(tmp_path: Path) -> None:
    mod = make_mod(tmp_path, {})
    (mod / "events.toml").write_bytes(b'[event.x]\ntitle = "\xff\xfe"\n')
    refused(load_game([mod]), "E-TOML", "not UTF-8")


def test_a_mod_id_that_looks_like_a_path_is_refused(tmp_path: Path) -> None:
    result = load_game([make_mod(tmp_path, {"events.toml": event()}, mod_id="../../etc")])
    refused(result, "E-MOD-KEY", "should be lowercase letters, digits and _", file="hostile/mod.toml")
    assert [mod.id for mod in result.order] == ["base"]
