"""The rival as the player can see it, end to end: `rival` shows only what the world saw, intelligence is funded
like anything else and sharpens the picture, and the rival's plan for the year never shows."""

from __future__ import annotations

from pathlib import Path

from .conftest import exchanges, lines, run_game


def test_rival_shows_what_the_world_saw_and_intelligence_sharpens_it(tmp_path: Path) -> None:
    run = run_game("play", "--ui", "text", "--scenario", "moon_race", "--side", "usa", "--seed", "11", cwd=tmp_path,
                   commands=lines("rival", "fund intelligence 200", "budget", "end", "rival", "rival now", "quit"))
    assert run.returncode == 0, run.stderr
    said = {(exchange.year, exchange.command): exchange.answer for exchange in exchanges(run.stdout)}
    before = said[(1961, "rival")]
    assert "The Soviet Union, as far as you can see (intelligence level 0: what the newspapers print)" in before
    assert "Firsts: First artificial satellite" in before
    assert "Its plans for this year stay secret (but for a joint flight), whatever you spend." in before and "$40M more" in before
    assert "Intelligence" in said[(1961, "budget")] and "$200M" in said[(1961, "budget")]
    after = said[(1962, "rival")]
    assert "(intelligence level 5: as good as it gets)" in after
    assert "±5%" in after or "flying (" in after
    assert "your intelligence is as good as it gets" in after
    assert "'rival' takes no words after it" in said[(1962, "rival now")]
