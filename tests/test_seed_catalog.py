"""Golden master: the seed catalog must not change unless the rules or content were meant to change."""

from __future__ import annotations

import json

import pytest

from tests.seed_catalog import CATALOG, GAMES, entry

EXPECTED = {(item["scenario"], item["seed"]): item for item in json.loads(CATALOG.read_text(encoding="utf-8"))}


@pytest.mark.parametrize(("scenario", "seed"), GAMES, ids=[f"{s}-{n}" for s, n in GAMES])
def test_seed_plays_as_catalogued(scenario: str, seed: int) -> None:
    got = entry(scenario, seed)
    expected = EXPECTED[(scenario, seed)]
    assert got == expected, (
        "this seed now plays differently; if the rules or content changed on purpose, "
        "run `python tests/seed_catalog.py` and commit tests/data/seed_catalog.json"
    )
