"""The strategic AI plans like a player who wants the Moon: a first is worth part of the prizes it opens
(stepping stones), and the hardware for the great prizes is developed as fast as the money allows."""

from __future__ import annotations

from statistics import median

from game.app.simulate import play_ai_game
from game.engine import ai, turn
from game.engine.defs import Content


def test_a_first_is_worth_part_of_the_prizes_it_opens(base_content: Content) -> None:
    state, _ = turn.new_game(base_content, "full_campaign", 1)
    missions = base_content.missions
    landing = ai.milestone_value(state, base_content, "usa", missions["crewed_lunar_landing"])
    landing_prize = landing - missions["crewed_lunar_landing"].prestige
    docking = ai.opens(state, base_content, "usa", missions["docking"])  # the landing needs a docking first
    assert docking >= landing_prize * ai.STEPPING_STONE_PERCENT // 100 > 0
    orbit = ai.opens(state, base_content, "usa", missions["crewed_orbit"])  # three links back from the landing
    assert orbit > 0
    assert ai.opens(state, base_content, "usa", missions["crewed_lunar_landing"]) == 0  # it opens nothing


def test_a_stepping_stone_already_crossed_is_worth_nothing_more(base_content: Content) -> None:
    state, _ = turn.new_game(base_content, "full_campaign", 1)
    state.sides["usa"].achieved["docking"] = 1966
    assert ai.opens(state, base_content, "usa", base_content.missions["docking"]) == 0


def test_the_strategic_rivals_race_to_the_moon_as_history_did(base_content: Content) -> None:
    """Both sides race for the Moon as a player would: their first crews land in 1968 (the median of a dozen
    campaigns; some in 1967). Before the stepping stones and the focused money, both landed in 1969 or 1970."""
    landings: dict[str, list[float]] = {"usa": [], "ussr": []}
    for seed in range(1, 13):
        game = play_ai_game(base_content, "full_campaign", seed)
        for side, years in landings.items():
            when = game.state.sides[side].achieved.get("crewed_lunar_landing")
            years.append(when if when is not None else 1976)
    assert median(landings["usa"]) <= 1968 and median(landings["ussr"]) <= 1968
