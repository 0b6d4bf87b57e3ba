"""Each side's AI policy and difficulty: how a session takes them, keeps them in its record and save, plays them;
the save-format step that brings them to older saves; and the simulate summary's plain data (the game details,
the comparison with history, the months of the firsts)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from game.app import simulate
from game.app.session import Session, side_difficulties, side_policies
from game.cli_simulate import POLICY_WORDS, SIDE_NAMES, per_side
from game.content.loader import load_content
from game.engine import ai, rules
from game.engine.defs import SIDES, Content
from game.engine.rules import DIFFICULTIES
from game.record.save import Record, SaveError, read_save, write_save
from game.record.upgrade import SAVE_VERSION, upgrade_save

SCENARIO = "sputnik_shock"  # a short campaign: a whole AI-vs-AI game takes well under a second
V3_SAVE = Path(__file__).resolve().parents[1] / "data" / "saves" / "v3_full_campaign_ussr_1962.json"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


# -- the session -------------------------------------------------------------------------------------


def test_one_policy_is_for_every_ai_side_and_players_keep_the_default() -> None:
    for policy in ai.POLICIES:
        assert side_policies((), policy) == {"usa": policy, "ussr": policy}
        assert side_policies(("usa",), policy) == {"usa": "strategic", "ussr": policy}
    assert side_policies((), {"ussr": ai.POLICIES[-1]}) == {"usa": "strategic", "ussr": ai.POLICIES[-1]}


def test_one_difficulty_is_the_rivals_and_a_table_names_sides() -> None:
    assert side_difficulties(("usa",), "hard") == {"usa": "normal", "ussr": "hard"}
    assert side_difficulties(("ussr",), "easy") == {"usa": "easy", "ussr": "normal"}
    assert side_difficulties((), "hard") == {"usa": "normal", "ussr": "normal"}  # AI against AI: nobody to handicap
    assert side_difficulties((), {"ussr": "hard"}) == {"usa": "normal", "ussr": "hard"}
    assert side_difficulties((), {"usa": "easy", "ussr": "hard"}) == {"usa": "easy", "ussr": "hard"}


@pytest.mark.parametrize(("call", "words"), [
    (lambda: side_policies((), "cunning"), "unknown AI policy 'cunning' (choose one of: strategic"),
    (lambda: side_policies((), {"mars": "strategic"}), "unknown side 'mars'"),
    (lambda: side_difficulties((), {"ussr": "nightmare"}), "unknown difficulty 'nightmare' (choose one of: easy, normal, hard)"),
    (lambda: side_difficulties(("usa",), "nightmare"), "unknown difficulty 'nightmare'"),
])
def test_unknown_names_are_refused_naming_what_is_allowed(call: Any, words: str) -> None:
    with pytest.raises(ValueError) as error:
        call()
    assert words in str(error.value)


@pytest.mark.parametrize("usa", ai.POLICIES)
@pytest.mark.parametrize("ussr", ai.POLICIES)
def test_each_ai_side_is_played_by_its_own_policy(
    content: Content, monkeypatch: pytest.MonkeyPatch, usa: str, ussr: str
) -> None:
    played: set[tuple[str, str]] = set()
    act = ai.act

    def spy(state, content, side, submit, policy="strategic", difficulty="normal"):  # noqa: ANN001, ANN202
        played.add((side, policy))
        return act(state, content, side, submit, policy)

    monkeypatch.setattr(ai, "act", spy)
    session, _ = Session.new(content, SCENARIO, 4, players=(), policy={"usa": usa, "ussr": ussr}, run_ai=False)
    session.play_ai(whole_game=False)
    assert played == {("usa", usa), ("ussr", ussr)}
    assert session.record.policies == {"usa": usa, "ussr": ussr}


def test_a_players_game_plays_only_the_rival(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    played: list[tuple[str, str]] = []
    monkeypatch.setattr(ai, "act", lambda state, content, side, submit, policy="strategic", difficulty="normal": played.append((side, policy)))
    session, _ = Session.new(content, SCENARIO, 4, players=("usa",), policy=ai.POLICIES[-1])
    assert played == [("ussr", ai.POLICIES[-1])]
    assert session.record.policies == {"usa": "strategic", "ussr": ai.POLICIES[-1]}


def test_per_side_difficulty_scales_each_sides_budget(content: Content) -> None:
    even = simulate.play_ai_game(content, SCENARIO, 9)
    hard = simulate.play_ai_game(content, SCENARIO, 9, difficulty={"ussr": "hard"})
    percent = rules.DIFFICULTY_BUDGET_PERCENT["hard"]
    assert percent > 100
    assert (hard.state.sides["usa"].budget_percent, hard.state.sides["ussr"].budget_percent) == (100, percent)
    assert hard.record.difficulties == {"usa": "normal", "ussr": "hard"}
    assert hard.record.budget_percents() == {"usa": 100, "ussr": percent}
    first_year = [side["history"][0]["budget"] for side in (even.state.to_dict()["sides"]["ussr"],
                                                           hard.state.to_dict()["sides"]["ussr"])]
    assert first_year[1] == first_year[0] * percent // 100


# -- the record and the save ------------------------------------------------------------------------


@pytest.mark.parametrize("policy", ai.POLICIES)
def test_a_save_keeps_each_sides_policy_and_difficulty(content: Content, tmp_path: Path, policy: str) -> None:
    session, _ = Session.new(content, SCENARIO, 6, players=("ussr",), policy=policy, difficulty="easy", run_ai=False)
    path = tmp_path / "game.json"
    write_save(path, session.save_file())
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == SAVE_VERSION
    assert data["record"]["policies"] == {"usa": policy, "ussr": "strategic"}
    assert data["record"]["difficulties"] == {"usa": "easy", "ussr": "normal"}
    assert data["record"]["difficulty"] == "easy", "the rival's, for a save's preview"
    assert "policy" not in data["record"]
    loaded = read_save(path, content)
    assert loaded.record == session.record
    assert (loaded.record.rival, loaded.record.difficulty) == ("usa", "easy")


def _record(**changes: Any) -> dict[str, Any]:
    record = Record(scenario="full_campaign", seed=1, content_digest="x", players=("usa",)).to_dict()
    record.update(changes)
    return record


@pytest.mark.parametrize(("policies", "words"), [
    ({"usa": "strategic", "ussr": "cunning"}, "unknown AI policy 'cunning' for USSR (the game knows strategic"),
    ({"usa": "strategic"}, "'policies' should hold one AI policy for each side (usa, ussr)"),
    ({"usa": "strategic", "ussr": "strategic", "mars": "strategic"}, "for each side"),
    ("strategic", "for each side"),
    (None, "for each side"),
])
def test_a_record_with_bad_policies_is_refused(policies: object, words: str) -> None:
    with pytest.raises(SaveError) as error:
        Record.from_dict(_record(policies=policies))
    assert words in str(error.value)


def test_a_record_names_no_rival_when_nobody_plays() -> None:
    record = Record(scenario="s", seed=1, content_digest="x", players=(), difficulties={"usa": "hard", "ussr": "hard"})
    assert record.rival is None and record.difficulty == "normal"
    assert record.budget_percents() == {"usa": 118, "ussr": 118}


# -- the upgrade from format 3 ---------------------------------------------------------------------


def _v3(players: list[str], policy: str = "strategic", difficulty: str = "normal") -> dict[str, Any]:
    return {"format": "space-race-save", "version": 3,
            "record": {"players": players, "policy": policy, "difficulty": difficulty, "orders": []}, "state": {}}


@pytest.mark.parametrize(("players", "difficulty", "difficulties"), [
    (["usa"], "hard", {"usa": "normal", "ussr": "hard"}),
    (["ussr"], "easy", {"usa": "easy", "ussr": "normal"}),
    ([], "hard", {"usa": "normal", "ussr": "normal"}),  # AI against AI never had a handicap
    (["usa", "ussr"], "hard", {"usa": "normal", "ussr": "normal"}),
])
def test_upgrade_gives_the_old_difficulty_to_the_ai_rival(players: list[str], difficulty: str, difficulties: dict) -> None:
    record = upgrade_save(_v3(players, difficulty=difficulty))["record"]
    assert record["difficulties"] == difficulties
    assert "policy" not in record


def test_upgrade_gives_the_old_policy_to_every_ai_side() -> None:
    assert upgrade_save(_v3([]))["record"]["policies"] == {"usa": "strategic", "ussr": "strategic"}
    odd = upgrade_save(_v3(["usa"], policy="odd"))["record"]
    assert odd["policies"] == {"usa": "strategic", "ussr": "odd"}
    with pytest.raises(SaveError, match="unknown AI policy 'odd' for USSR"):  # a policy this game cannot play
        Record.from_dict(_record(policies=odd["policies"]))


def test_the_v3_example_save_upgrades_to_what_it_played(content: Content) -> None:
    data = json.loads(V3_SAVE.read_text(encoding="utf-8"))
    assert data["version"] == 3 and data["record"]["policy"] == "strategic" and data["record"]["difficulty"] == "hard"
    save = read_save(V3_SAVE, content)
    assert save.record.players == ("ussr",)
    assert save.record.policies == {"usa": "strategic", "ussr": "strategic"}
    assert save.record.difficulties == {"usa": "hard", "ussr": "normal"}
    assert save.record.difficulty == "hard" and save.record.rival == "usa"
    assert save.state.sides["usa"].budget_percent == 125  # the old game keeps the budget it was played with
    assert save.state.sides["ussr"].budget_percent == 100


# -- the simulate summary's data ------------------------------------------------------------------


def test_game_detail_has_each_sides_achievements_crew_lost_and_ending(content: Content) -> None:
    session = simulate.play_ai_game(content, SCENARIO, 12)
    detail = simulate.game_detail(session)
    state = session.state
    assert set(detail["achieved"]) == set(SIDES)
    claims = {(claim.side, claim.milestone): claim for claim in state.claims}
    assert {(side, milestone) for side in SIDES for milestone in detail["achieved"][side]} == set(claims)
    for (side, milestone), claim in claims.items():
        assert detail["achieved"][side][milestone] == {"year": claim.year, "month": claim.month, "first": claim.first}
    for milestone, first in detail["firsts"].items():
        assert detail["achieved"][first["side"]][milestone]["first"]
    for side in SIDES:
        assert detail["crew_lost"][side] == sum(member.status == "dead" for member in state.sides[side].crew)
    assert detail["ending"] == {"reason": state.reason, "year": state.year}
    assert state.reason in ("win", "collapse", "end", "time")


def _result(firsts: list[dict[str, tuple[str, int, int]]], scenario: str = "full_campaign") -> dict[str, Any]:
    return {"games": len(firsts), "seed": 1, "scenario": scenario, "wins": {},
            "games_detail": [{"firsts": {milestone: {"side": side, "year": year, "month": month}
                                         for milestone, (side, year, month) in game.items()}} for game in firsts]}


def test_history_comparison_counts_milestones_near_history_and_on_historys_side(content: Content) -> None:
    result = _result([
        {"satellite_orbit": ("ussr", 1957, 10), "crewed_orbit": ("usa", 1961, 1)},
        {"satellite_orbit": ("ussr", 1958, 12), "crewed_orbit": ("ussr", 1966, 1)},
        {"satellite_orbit": ("usa", 1960, 1)},
    ])
    comparison = simulate.history_comparison(result, content)
    rows = {row["milestone"]: row for row in comparison["milestones"]}
    dated = [milestone for milestone in content.milestones.values() if milestone.history.date]
    assert comparison["total"] == len(rows) == len(dated)
    assert [row["history_year"] for row in comparison["milestones"]] == sorted(row["history_year"] for row in rows.values())
    satellite = rows["satellite_orbit"]
    assert (satellite["history_year"], satellite["history_side"]) == (1957, "ussr")
    assert (satellite["claimed"], satellite["median_year"], satellite["modal_side"]) == (3, 1958, "ussr")
    assert satellite["modal_share"] == pytest.approx(66.7)
    assert satellite["within_a_year"] and satellite["side_matches"]
    crewed = rows["crewed_orbit"]  # one each: no side took it most often; the median is late
    assert crewed["modal_side"] is None and not crewed["side_matches"]
    assert crewed["median_year"] == 1963 and not crewed["within_a_year"]
    never = rows["crewed_lunar_landing"]
    assert never["claimed"] == 0 and never["median_year"] is None and not never["within_a_year"]
    assert (comparison["within_a_year"], comparison["side_matches"]) == (1, 1)
    lines = simulate.history_lines(comparison)
    assert f"Within a year of history: 1 of {len(dated)}; history's side first: 1 of {len(dated)}" in lines


def test_history_comparison_keeps_to_the_scenarios_years(content: Content) -> None:
    comparison = simulate.history_comparison(_result([{}], scenario=SCENARIO), content)
    scenario = content.scenarios[SCENARIO]
    assert comparison["years"] == [scenario.start_year, scenario.end_year]
    assert comparison["total"] and all(scenario.start_year <= row["history_year"] <= scenario.end_year
                                       for row in comparison["milestones"])


def test_month_histogram_shares_and_the_largest() -> None:
    result = _result([{"a": ("usa", 1960, 1), "b": ("ussr", 1960, 1), "c": ("usa", 1961, 3)},
                      {"a": ("usa", 1960, 3), "b": ("ussr", 1962, 7)}])
    histogram = simulate.month_histogram(result)
    assert histogram["total"] == 5
    assert [item["count"] for item in histogram["months"]] == [2, 0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    assert [item["share"] for item in histogram["months"]][:3] == [40.0, 0.0, 40.0]
    assert histogram["largest"]["name"] == "January"  # the earliest of a tie
    lines = simulate.month_lines(histogram)
    assert lines[-1] == "Largest: January 40%"
    assert simulate.month_lines(simulate.month_histogram(_result([{}]))) == ["Months of the firsts: no firsts were claimed"]


@pytest.mark.parametrize("policy", ai.POLICIES)
def test_simulate_games_records_policies_and_difficulties(content: Content, policy: str) -> None:
    result = simulate.simulate_games(content, SCENARIO, 2, 1, policy, {"usa": "easy"})
    assert result["policies"] == {"usa": policy, "ussr": policy}
    assert result["difficulties"] == {"usa": "easy", "ussr": "normal"}
    text = "\n".join(simulate.summary_lines(result, content))
    assert f"Policies: USA {policy}, USSR {policy}" in text and "Difficulty: USA easy, USSR normal" in text
    assert "Within a year of history:" in text and "Largest: " in text


# -- the command line's per-side syntax --------------------------------------------------------------


def test_the_command_lines_sides_and_words_match_the_game() -> None:
    assert SIDE_NAMES == SIDES
    assert set(ai.POLICIES) <= set(POLICY_WORDS), "every policy the AI plays is explained in the help"


@pytest.mark.parametrize(("text", "parsed"), [
    ("hard", {"usa": "hard", "ussr": "hard"}),
    ("ussr=hard", {"ussr": "hard"}),
    (" USA = easy , ussr=hard ", {"usa": "easy", "ussr": "hard"}),
])
def test_per_side_syntax(text: str, parsed: dict[str, str]) -> None:
    assert per_side(text, DIFFICULTIES, "difficulty", "ussr=hard") == parsed


@pytest.mark.parametrize(("text", "words"), [
    ("", "no difficulty given"), ("nightmare", "unknown difficulty 'nightmare'"), ("mars=hard", "unknown side 'mars'"),
    ("usa=hard,usa=easy", "usa is named twice"), ("usa=hard,", "no difficulty given"), ("usa=hard,easy", "names no side"),
    ("ussr=", "unknown difficulty '' for ussr"),
])
def test_per_side_syntax_errors_say_what_is_allowed(text: str, words: str) -> None:
    with pytest.raises(ValueError) as error:
        per_side(text, DIFFICULTIES, "difficulty", "ussr=hard")
    assert words in str(error.value)
    if "side" not in words and "twice" not in words:
        assert "easy, normal, hard" in str(error.value)


def test_the_late_game_figures_count_idle_money_and_what_the_years_after_the_landing_earned(content: Content) -> None:
    session, outcomes = simulate.run_ai_game(content, "moon_race", 4, {"usa": "historical", "ussr": "historical"})
    late = simulate.game_detail(session, outcomes)["late"]
    state = session.state
    for side in SIDES:
        shares = late["unspent_percent"][side]
        assert sorted(shares) == [str(entry["year"]) for entry in state.sides[side].history]
        assert all(0 <= share <= 100 for share in shares.values())
    assert late["after_landing"] == {side: {} for side in SIDES}  # Moon Race ends at the landing: no years after it
    full = simulate.simulate_games(content, "full_campaign", 1, 2)
    for detail in full["games_detail"]:
        landing = detail["firsts"]["crewed_lunar_landing"]["year"]
        years = [int(year) for side in SIDES for year in detail["late"]["after_landing"][side]]
        assert years and min(years) == landing + 1 and max(years) <= 1975
    lines = simulate.summary_lines(full, content)
    late_at = lines.index("Late game:")
    assert "left unspent after 1965" in lines[late_at + 1] and "after the first crewed Moon landing" in lines[-1]
    earned = [row for detail in full["games_detail"] for rows in detail["late"]["after_landing"].values()
              for row in rows.values()]
    assert earned and any(row["service_support"] > 0 for row in earned)  # craft in service pay in the late game
