"""What the player is told of launch months and probes in flight: examine's timing line, status's 'On the way',
and the briefing of a year a probe is still cruising into."""

from __future__ import annotations

from game.app import views
from game.app.narrate import narrate
from game.content.loader import load_content
from game.engine import turn
from game.engine.outcomes import YearBegan
from game.engine.state import InFlight


def test_a_probe_cruising_into_the_new_year_is_in_the_status_and_the_briefing() -> None:
    content = load_content()
    state, _ = turn.new_game(content, "full_campaign", 1)
    state.year = 1965
    state.sides["usa"].in_flight.append(InFlight(number=4, mission="mars_flyby", rocket="atlas_agena", craft="mariner",
                                                 launched=1964, launch_month=11, arrives=1965, arrive_month=7,
                                                 arrive_day=14, step=2))
    assert views.status(state, content, "usa").in_flight == ("#4 Mariner (Mars flyby), arriving July 1965",)
    told = [line.text for line in narrate([YearBegan(side="usa", year=1965, budget=5100, support=60)], content, state, "usa")]
    assert "On the way: Mariner (Mars flyby), arriving July 1965." in told


def test_the_timing_words_say_the_earliest_month_and_a_missing_window() -> None:
    content = load_content()
    state, _ = turn.new_game(content, "detente", 3)
    mission = content.missions["mars_flyby"]
    assert views.launch_timing(state, content, "usa", mission, "atlas_agena").startswith(
        "2 months on the pad: the earliest launch this year is March, in its launch window (March and April); each "
        "month more of preparation, up to 3, adds 1% "
        "to every step. It reaches its target after about 8 months of cruise")
    state.year = 1972  # no Mars window that year
    assert "there is no launch window this year; the next opens in July 1973" in views.launch_timing(
        state, content, "usa", mission, "atlas_agena")
