"""The late planetary firsts history gave the United States (Pioneer 10 at Jupiter, Mariner 10 at Mercury by way
of Venus), and the rule that keeps a probe from being launched when it would arrive after the race is over."""

from __future__ import annotations

import pytest

from game.app import flight_scenery
from game.content.loader import load_content
from game.engine import launch, missions, turn
from game.engine.defs import Content
from game.engine.orders import EndYear, OrderRefused, ScheduleMission
from game.engine.state import GameState, Program


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def _state(content: Content, year: int) -> GameState:
    state, _ = turn.new_game(content, "full_campaign", 5)
    state.year = year
    for side in ("usa", "ussr"):
        state.sides[side].funds = 5000
        state.sides[side].achieved.update({"satellite_orbit": 1958, "venus_flyby": 1962, "mars_flyby": 1965})
    for side, ids in (("usa", ("atlas_centaur", "mariner", "pioneer_jupiter")), ("ussr", ("proton", "molniya", "venera", "mars_m71"))):
        for hardware_id in ids:
            hardware = content.hardware[hardware_id]
            state.sides[side].programs[hardware_id] = Program(id=hardware_id, research=hardware.development_cost + 500,
                                                               started=1960)
    return state


def test_the_us_can_send_pioneer_to_jupiter_and_mariner_to_mercury(content: Content) -> None:
    state = _state(content, 1972)
    assert missions.why_not_hardware(state, content, "usa", content.missions["jupiter_flyby"], "atlas_centaur",
                                     "pioneer_jupiter", "") is None
    assert "not built to go to Jupiter" in str(missions.why_not_hardware(
        state, content, "usa", content.missions["jupiter_flyby"], "atlas_centaur", "mariner", ""))
    turn.apply(state, content, ScheduleMission(side="usa", mission="jupiter_flyby", month=0))
    booked = state.sides["usa"].scheduled[-1]
    assert (booked.rocket, booked.craft, booked.month) == ("atlas_centaur", "pioneer_jupiter", 3)
    state = _state(content, 1973)
    turn.apply(state, content, ScheduleMission(side="usa", mission="mercury_flyby", month=11))
    assert state.sides["usa"].scheduled[-1].craft == "mariner"


def test_the_soviet_probes_cannot_fly_the_outer_planet_missions(content: Content) -> None:
    state = _state(content, 1973)
    for mission_id in ("jupiter_flyby", "mercury_flyby"):
        with pytest.raises(OrderRefused):
            turn.apply(state, content, ScheduleMission(side="ussr", mission=mission_id, month=0))
    assert "not built to go to Mercury" in str(missions.why_not_hardware(
        state, content, "ussr", content.missions["mercury_flyby"], "proton", "venera", ""))


def test_a_jupiter_flyby_arrives_twenty_months_later_and_claims_the_first_then(content: Content) -> None:
    for seed in range(5, 60):  # a seed whose launch passes its departure steps and whose probe then arrives whole
        state = _state(content, 1972)
        state.seed = seed
        turn.apply(state, content, ScheduleMission(side="usa", mission="jupiter_flyby", month=3))
        while state.year < 1974 and not state.over:
            for side in ("usa", "ussr"):
                turn.apply(state, content, EndYear(side=side))
            if state.year == 1973:
                flights = state.sides["usa"].in_flight
                if not flights:
                    break
                assert (flights[0].arrives, flights[0].arrive_month) in ((1973, 11), (1973, 12))
        if "jupiter_flyby" in state.sides["usa"].achieved:
            assert state.sides["usa"].achieved["jupiter_flyby"] == 1973
            claim = next(claim for claim in state.claims if claim.milestone == "jupiter_flyby")
            assert (claim.side, claim.year, claim.first) == ("usa", 1973, True)
            return
    pytest.fail("no seed in 5-59 reached Jupiter")


def test_a_probe_that_would_arrive_after_1975_is_refused_with_the_date(content: Content) -> None:
    state = _state(content, 1975)
    mars = content.missions["mars_flyby"]
    why = launch.why_not_month(state, content, "usa", mars, "atlas_centaur", 8)
    assert why == "Mars flyby launched in August 1975 could arrive only in 1976, after the race ends with 1975"
    assert launch.open_months(state, content, "usa", mars, "atlas_centaur") == []
    assert missions.why_not_available(state, content, "usa", mars) == why
    with pytest.raises(OrderRefused, match="after the race ends with 1975"):
        turn.apply(state, content, ScheduleMission(side="usa", mission="mars_flyby", month=0))
    # a probe that arrives within the race still goes: Venus in 1975 takes 109 days
    venus = content.missions["venus_flyby"]
    assert launch.open_months(state, content, "usa", venus, "atlas_centaur") == [6, 7]


def test_the_window_draws_jupiter_and_mercury_not_the_rocket_or_the_capsule(content: Content) -> None:
    assert flight_scenery.destination(content.missions["jupiter_flyby"]) == "jupiter"
    assert flight_scenery.destination(content.missions["mercury_flyby"]) == "mercury"
    # the Mercury capsule's flights and the Jupiter rocket do not send the picture to another planet
    assert flight_scenery.destination(content.missions["crewed_orbit"]) == "orbit"
    assert flight_scenery.destination(content.missions["crewed_suborbital"]) == "suborbital"


def test_every_jupiter_window_can_be_flown_on_the_atlas_centaur(content: Content) -> None:
    """Its three months on the pad start in January: a window that closed in February could never be used."""
    jupiter = content.missions["jupiter_flyby"]
    for year, _ in jupiter.windows:
        state = _state(content, year)
        assert launch.open_months(state, content, "usa", jupiter, "atlas_centaur"), year
