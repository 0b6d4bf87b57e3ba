"""A disabled id named in an expression says who disabled it; a content file that links out of its mod is refused."""

from __future__ import annotations

from pathlib import Path

from game.content.loader import load_game

MANIFEST = 'id = "{id}"\nname = "{id}"\nversion = "1.0"\ngame = ">=0.1"\n'


def make_mod(root: Path, mod_id: str, files: dict[str, str]) -> Path:
    folder = root / mod_id
    folder.mkdir(parents=True)
    (folder / "mod.toml").write_text(MANIFEST.format(id=mod_id), encoding="utf-8")
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_an_expression_naming_a_disabled_milestone_says_which_mod_disabled_it(tmp_path: Path) -> None:
    mod = make_mod(tmp_path, "no_orbit", {"changes.toml": '[disable]\nmilestone = ["spacewalk"]\n'})
    result = load_game(mod_paths=[mod])
    assert result.content is None
    expression_errors = [p for p in result.errors if p.code == "E-REF" and p.message.startswith("in ")]
    assert expression_errors, [str(p) for p in result.errors]
    assert all(p.suggestion == "it was disabled by the mod no_orbit" for p in expression_errors
               if "'spacewalk'" in p.message)


def test_a_content_file_linking_outside_the_mod_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.toml"
    outside.write_text('[text]\nsecret = "not yours"\n', encoding="utf-8")
    mod = make_mod(tmp_path / "mods", "sneaky", {})
    (mod / "events.toml").symlink_to(outside)
    result = load_game(mod_paths=[mod])
    assert result.content is None
    (problem,) = result.errors
    assert problem.code == "E-FILE" and "leads outside the mod's folder" in problem.message
    assert "not yours" not in problem.source_line


def test_hardware_may_not_take_the_ids_fund_reserves(tmp_path: Path) -> None:
    rocket = ('[hardware.education]\nname = "Edu Rocket"\nside = "usa"\nkind = "rocket"\navailable = 1955\nstart_cost = 1\n'
              'development_cost = 10\nunit_cost = 1\nbase_reliability = 500\nmax_reliability = 900\nresearch_scale = 10\nlift = 1\n')
    mod = make_mod(tmp_path, "edu", {"hardware.toml": rocket})
    result = load_game(mod_paths=[mod])
    (problem,) = result.errors
    assert problem.code == "E-ID" and "reserved" in problem.message and (problem.line, problem.col) == (1, 1)
