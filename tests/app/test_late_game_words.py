"""What the late game says to the player: what craft at work paid, when one leaves service, what a booking of a
craft at its limit or of a joint flight's half should know, and what status lists as at work."""

from __future__ import annotations

from game.app import views
from game.app.narrate import narrate
from game.content.loader import load_content
from game.engine import turn
from game.engine.outcomes import MissionScheduled, ServiceEnded, ServicePaid
from game.engine.state import InService, ScheduledMission


def _said(outcomes: list, state, content) -> str:  # noqa: ANN001
    return " ".join(line.text for line in narrate(outcomes, content, state, "usa"))


def test_service_is_told_in_plain_words() -> None:
    content = load_content()
    state, _ = turn.new_game(content, "full_campaign", 1)
    paid = ServicePaid(side="usa", year=1963, missions=("comms_satellite", "comms_satellite", "weather_satellite"),
                       support=3, budget=40, prestige=0, value=60)
    told = _said([paid], state, content)
    assert "At work in 1963: 2 × communications relay satellite, weather satellite" in told
    assert "support +3" in told and "$40M of budget" in told and "next year's budget" in told
    worn = ServiceEnded(side="usa", mission="weather_satellite", craft="tiros", number=4, launched=1960, replaced=False)
    assert "#4 Weather satellite (TIROS, 1960) leaves service: its working life is over" in _said([worn], state, content)
    science = ServiceEnded(side="usa", mission="crewed_lunar_landing", craft="apollo_csm", number=9, launched=1969,
                           replaced=True)
    assert "The science from #9 Crewed lunar landing (1969) gives way to a newer expedition's" in _said(
        [science], state, content)
    capped = ServicePaid(side="usa", year=1970, missions=("weather_satellite",), support=0, budget=0, prestige=0,
                         value=100)
    assert "Support is already at 100: they earned nothing more this year." in _said([capped], state, content)
    assert _said([paid], state, content) and not " ".join(
        line.text for line in narrate([paid], content, state, "ussr"))  # the rival's pay is its own


def test_a_booking_says_when_it_will_retire_a_craft_and_whether_the_partner_is_there() -> None:
    content = load_content()
    state, _ = turn.new_game(content, "full_campaign", 1)
    state.year = 1972
    own = state.sides["usa"]
    own.in_service = [InService(mission="weather_satellite", craft="tiros", number=3, launched=1971, until=1973)]
    booked = MissionScheduled(side="usa", number=5, mission="weather_satellite", month=4, rocket="thor_delta",
                              craft="tiros", lander="", crew=(), cost=12)
    assert "if this one works, it retires the oldest (#3, to 1973)" in _said([booked], state, content)
    joint = MissionScheduled(side="usa", number=6, mission="joint_docking", month=7, rocket="saturn_ib",
                             craft="apollo_csm", lander="", crew=(), cost=80)
    assert "The rival has not booked its half for July (yet)" in _said([joint], state, content)
    state.sides["ussr"].scheduled = [ScheduledMission(number=2, mission="joint_docking", month=7, rocket="soyuz_rocket",
                                                      craft="soyuz")]
    assert "The rival's half is booked for the same month" in _said([joint], state, content)
    state.sides["ussr"].scheduled = [ScheduledMission(number=2, mission="joint_docking", month=8, rocket="soyuz_rocket",
                                                      craft="soyuz")]  # a month apart: say so, and which month
    assert "The rival's half is booked for August, not July" in _said([joint], state, content)
    assert "Book yours for August to meet it." in _said([joint], state, content)
    status = views.status(state, content, "usa")
    assert status.in_service == ("#3 Weather satellite (to 1973)",) and status.service_note == "support +1 a year"
