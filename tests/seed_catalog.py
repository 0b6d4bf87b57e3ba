"""The seed catalog: what a handful of seeds produce, AI against AI, so any change to the rules shows up.

Run `python tests/seed_catalog.py` to rewrite tests/data/seed_catalog.json after an intended change to rules
or content; `tests/test_seed_catalog.py` compares against it. The catalog records outcomes a person can read
(winner, prestige, when the key firsts fell) plus the final state checksum.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "tests" / "data" / "seed_catalog.json"
GAMES = [("full_campaign", seed) for seed in (1, 2, 3, 1955, 1969, 1975)] + [
    ("sputnik_shock", 7), ("moon_race", 7), ("detente", 7),
]
KEY_FIRSTS = ("satellite_orbit", "crewed_orbit", "crewed_lunar_landing")


def entry(scenario: str, seed: int) -> dict[str, Any]:
    from game.app.simulate import play_ai_game
    from game.content.loader import load_content

    state = play_ai_game(load_content(), scenario, seed).state
    firsts = {claim.milestone: f"{claim.side} {claim.year}-{claim.month:02d}" for claim in state.claims if claim.first}
    return {
        "scenario": scenario,
        "seed": seed,
        "winner": state.winner,
        "reason": state.reason,
        "year": state.year,
        "prestige": {side: state.sides[side].prestige for side in ("usa", "ussr")},
        "firsts": {key: firsts.get(key, "") for key in KEY_FIRSTS},
        "checksum": state.checksum(),
    }


def build() -> list[dict[str, Any]]:
    return [entry(scenario, seed) for scenario, seed in GAMES]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    CATALOG.write_text(json.dumps(build(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {CATALOG}")
