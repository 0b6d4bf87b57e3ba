"""`space-race mods stats` counts what the content holds; `mods simulate` says how often each choice was open,
taken, and each follow-up and promise came to anything."""

from __future__ import annotations

import io
import json
from pathlib import Path

from game.cli import main
from game.content.loader import load_content
from game.content.stats import content_stats

from ..story import load_story


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(args), out)
    return code, out.getvalue()


def test_stats_json_counts_the_base_game() -> None:
    code, text = run("mods", "stats", "--json", "--mods-dir", "/nonexistent")
    assert code == 0
    stats = json.loads(text)
    content = load_content()
    assert stats["events"] == len(content.events)
    assert stats["dilemmas"] == sum(1 for event in content.events.values() if event.kind == "dilemma")
    assert stats["choices"] == sum(len(event.choices) for event in content.events.values())
    for key in ("choices_with_condition", "choices_with_cost", "follow_ups", "promises", "hooks", "variables",
                "characters", "named_conditions"):
        assert key in stats
    assert set(stats["dilemmas_by_year"]) == {"usa", "ussr"}
    assert list(stats["dilemmas_by_year"]["usa"]) == [str(year) for year in range(1955, 1976)]
    vanguard = stats["dilemmas_by_year"]["usa"]["1955"]
    assert vanguard == {"calendar": 1, "hook": 1, "follow_up": 0}  # Whose Rocket?, and support slumping


def test_stats_count_every_mechanism_of_the_test_story(tmp_path: Path) -> None:
    stats = content_stats(load_story(tmp_path), "story")
    assert (stats["dilemmas"], stats["choices"], stats["choices_with_condition"], stats["choices_with_cost"]) == (3, 9, 2, 4)
    assert (stats["follow_ups"], stats["follow_ups_foreseen"], stats["promises"], stats["variables"]) == (2, 1, 2, 2)
    assert stats["hooks"] == {"milestone_claimed": 1, "rival_first": 1, "mission_failed": 1, "catastrophe": 0,
                              "crew_lost": 1, "support_below": 1}
    assert (stats["characters"], stats["named_conditions"], stats["effect_lists"], stats["texts_with_variants"]) == (4, 2, 1, 1)
    assert stats["dilemmas_by_year"]["usa"]["1961"] == {"calendar": 1, "hook": 1, "follow_up": 0}
    assert stats["dilemmas_by_year"]["ussr"]["1961"] == {"calendar": 0, "hook": 1, "follow_up": 0}


def test_stats_text_reads_as_a_summary() -> None:
    code, text = run("mods", "stats", "--mods-dir", "/nonexistent")
    assert code == 0
    assert text.startswith("Events ") and "Hooks: milestone_claimed" in text and "Year " in text


def test_simulate_reports_choices_open_and_taken_and_follow_ups() -> None:
    code, text = run("mods", "simulate", "--games", "2", "--json", "--mods-dir", "/nonexistent")
    assert code == 0
    stats = json.loads(text)
    decided = [event for event in stats["events"] if event["kind"] == "dilemma" and sum(event["fired"].values())]
    assert decided
    for event in decided:
        assert set(event["available"]) == set(event["choices"])
        assert all(event["choices"][choice] <= event["available"][choice] for choice in event["choices"])
    assert "promises" in stats


def test_simulate_with_the_historical_policy_fires_what_history_dated() -> None:
    code, text = run("mods", "simulate", "--games", "3", "--json", "--policy", "historical", "--mods-dir", "/nonexistent")
    assert code == 0
    events = {event["event"]: event for event in json.loads(text)["events"]}
    # Luna 2 hits the Moon in 1959 when the Soviet side flies as it did, so Khrushchev takes a pennant to America
    assert events["khrushchev_in_america"]["fired"]["ussr"] >= 1
    crisis = events["sputnik_crisis"]  # whenever it came, the American side did what Eisenhower did
    assert crisis["choices"]["unleash_army"] == sum(crisis["fired"].values()) > 0
