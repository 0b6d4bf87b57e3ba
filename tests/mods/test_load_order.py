"""Load order: the same whatever order mods are named or listed in; requirements, ties, conflicts, cycles."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from typing import Iterator

import pytest

from game.content.loader import LoadResult, load_game

PATCH = "[patch.event.sputnik_crisis]\npriority = {value}\n"


def write_mod(parent: Path, folder: str, mod_id: str, manifest: str = "", priority: int | None = None) -> Path:
    """A mod; when `priority` is given it patches one base field, so the last mod in the order shows."""
    path = parent / folder
    path.mkdir(parents=True)
    (path / "mod.toml").write_text(
        f'id = "{mod_id}"\nname = "{mod_id}"\nversion = "1.0"\ngame = ">=0.1"\n{manifest}', encoding="utf-8"
    )
    if priority is not None:
        (path / "patch.toml").write_text(PATCH.format(value=priority), encoding="utf-8")
    return path


def ids(result: LoadResult) -> list[str]:
    return [mod.id for mod in result.order]


def statuses(result: LoadResult) -> dict[str, str]:
    return {mod.id: mod.status for mod in result.mods}


@pytest.fixture
def four_mods(tmp_path: Path) -> list[Path]:
    """alpha loads after delta, charlie requires bravo; folder names deliberately disagree with ids."""
    root = tmp_path / "mods"
    return [
        write_mod(root, "1_alpha", "alpha", 'load_after = ["delta"]\n', priority=1),
        write_mod(root, "2_bravo", "bravo", "", priority=2),
        write_mod(root, "3_charlie", "charlie", 'requires = ["bravo"]\n', priority=3),
        write_mod(root, "0_delta", "delta", "", priority=4),
    ]


EXPECTED_ORDER = ["base", "bravo", "charlie", "delta", "alpha"]


def test_load_order_is_the_same_for_every_order_of_mod_paths(four_mods: list[Path]) -> None:
    digests = set()
    for permutation in itertools.permutations(four_mods):
        result = load_game(list(permutation))
        assert result.errors == [], permutation
        assert ids(result) == EXPECTED_ORDER, permutation
        assert result.content is not None and result.content.events["sputnik_crisis"].priority == 1  # alpha is last
        assert result.content.mods == ("bravo 1.0", "charlie 1.0", "delta 1.0", "alpha 1.0")
        digests.add(result.content.digest)
    assert len(digests) == 1


def test_load_order_ignores_the_order_the_file_system_lists_folders_in(four_mods: list[Path],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    mods_dir = four_mods[0].parent
    real_iterdir = Path.iterdir
    listings: list[list[str]] = []
    shuffler = random.Random(0)

    def shuffled_iterdir(self: Path) -> Iterator[Path]:
        children = list(real_iterdir(self))
        if self == mods_dir:
            shuffler.shuffle(children)
            listings.append([child.name for child in children])
        return iter(children)

    monkeypatch.setattr(Path, "iterdir", shuffled_iterdir)
    results = [load_game(mods_dir=mods_dir) for _ in range(6)]
    assert len({tuple(listing) for listing in listings}) > 1  # the listings really came in different orders
    for result in results:
        assert result.errors == []
        assert ids(result) == EXPECTED_ORDER
        assert result.content is not None and result.content.events["sputnik_crisis"].priority == 1
    assert len({result.content.digest for result in results if result.content}) == 1


def test_mods_named_and_found_in_the_mods_folder_are_read_once(four_mods: list[Path]) -> None:
    result = load_game([four_mods[2], four_mods[2] / "mod.toml"], mods_dir=four_mods[0].parent)
    assert result.errors == []
    assert ids(result) == EXPECTED_ORDER


def test_requires_and_load_after_beat_alphabetical_order(tmp_path: Path) -> None:
    mods = [write_mod(tmp_path, "a", "aaa", 'requires = ["zzz"]\n', priority=1),
            write_mod(tmp_path, "b", "bbb", 'load_after = ["yyy"]\n', priority=2),
            write_mod(tmp_path, "y", "yyy", "", priority=3),
            write_mod(tmp_path, "z", "zzz", "", priority=4)]
    result = load_game(mods)
    assert result.errors == []
    assert ids(result) == ["base", "yyy", "bbb", "zzz", "aaa"]


def test_ties_are_broken_by_id(tmp_path: Path) -> None:
    mods = [write_mod(tmp_path, name, mod_id) for name, mod_id in (("x", "mango"), ("y", "apple"), ("z", "kiwi"))]
    assert ids(load_game(mods)) == ["base", "apple", "kiwi", "mango"]


def test_load_after_a_mod_that_is_absent_is_no_error(tmp_path: Path) -> None:
    result = load_game([write_mod(tmp_path, "a", "aaa", 'load_after = ["not_here"]\nrequires = ["base"]\n')])
    assert result.problems == []
    assert ids(result) == ["base", "aaa"]


def test_a_missing_requirement_takes_its_dependents_down(tmp_path: Path) -> None:
    mods = [write_mod(tmp_path, "a", "lunar", 'requires = ["rockets"]\n', priority=1),
            write_mod(tmp_path, "b", "rockets", 'requires = ["engines"]\n', priority=2),
            write_mod(tmp_path, "c", "crew_pack", 'requires = ["lunar"]\n', priority=3),
            write_mod(tmp_path, "d", "standalone", "", priority=4)]
    result = load_game(mods)
    assert result.content is None
    assert statuses(result) == {"base": "ok", "crew_pack": "missing requirement", "lunar": "missing requirement",
                                "rockets": "missing requirement", "standalone": "ok"}
    assert ids(result) == ["base", "standalone"]
    messages = sorted(str(problem) for problem in result.errors)
    assert [problem.code for problem in result.errors] == ["E-MOD-REQUIRES"] * 3
    assert any("rockets requires the mod 'engines', which is not installed" in message for message in messages)
    assert any("lunar requires rockets, which cannot load (missing requirement)" in message for message in messages)
    assert any("crew_pack requires lunar, which cannot load (missing requirement)" in message for message in messages)


def test_a_typo_in_requires_gets_a_suggestion(tmp_path: Path) -> None:
    mods = [write_mod(tmp_path, "a", "apollo_pack"), write_mod(tmp_path, "b", "needs", 'requires = ["apolo_pack"]\n')]
    result = load_game(mods)
    assert [problem.suggestion for problem in result.errors] == ["did you mean 'apollo_pack'?"]
    assert statuses(result)["apollo_pack"] == "ok"


def test_conflicts_mark_both_mods_and_neither_loads(tmp_path: Path) -> None:
    mods = [write_mod(tmp_path, "a", "realism", 'conflicts = ["arcade"]\n', priority=1),
            write_mod(tmp_path, "b", "arcade", "", priority=2),
            write_mod(tmp_path, "c", "bystander", "", priority=3)]
    result = load_game(mods)
    assert result.content is None
    assert statuses(result) == {"base": "ok", "arcade": "conflict", "bystander": "ok", "realism": "conflict"}
    assert ids(result) == ["base", "bystander"]
    assert sorted(Path(problem.path).parent.name for problem in result.errors) == ["a", "b"]
    assert all(problem.code == "E-MOD-CONFLICT" for problem in result.errors)


def test_mutual_conflicts_are_reported_once_per_mod(tmp_path: Path) -> None:
    mods = [write_mod(tmp_path, "a", "realism", 'conflicts = ["arcade"]\n'),
            write_mod(tmp_path, "b", "arcade", 'conflicts = ["realism"]\n')]
    result = load_game(mods)
    assert sorted(Path(problem.path).parent.name for problem in result.errors) == ["a", "b"]
    assert statuses(result) == {"base": "ok", "arcade": "conflict", "realism": "conflict"}


def test_a_cycle_marks_every_mod_in_it_and_spares_the_rest(tmp_path: Path) -> None:
    mods = [write_mod(tmp_path, "a", "alpha", 'load_after = ["beta"]\n'),
            write_mod(tmp_path, "b", "beta", 'requires = ["alpha"]\n'),
            write_mod(tmp_path, "c", "calm")]
    result = load_game(mods)
    assert statuses(result) == {"base": "ok", "alpha": "load cycle", "beta": "load cycle", "calm": "ok"}
    assert ids(result) == ["base", "calm"]
    assert [problem.code for problem in result.errors] == ["E-MOD-CYCLE", "E-MOD-CYCLE"]


def test_a_folder_without_mod_toml_is_not_a_mod(tmp_path: Path) -> None:
    (tmp_path / "loose").mkdir()
    result = load_game([tmp_path / "loose"])
    assert result.content is None
    assert [problem.code for problem in result.errors] == ["E-MOD-FILE"]
    assert "has no mod.toml" in result.errors[0].message
