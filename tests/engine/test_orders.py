"""Tests for order validation in game.engine.turn: each refusal gives a one-line reason and changes nothing."""

from __future__ import annotations

import pytest

from game.engine import rules
from game.engine.defs import Content, MissionType
from game.engine.orders import (
    BuildPad,
    CancelMission,
    Choose,
    EndYear,
    Fund,
    Order,
    Recruit,
    ScheduleMission,
    StartProgram,
)
from game.engine.outcomes import CrewRecruited, MissionCancelled, MissionScheduled, PadBuilt
from game.engine.state import CrewMember, GameState

from .conftest import add_crew, end_year, extend, of_type, operational, refused, step, submit

US_HARDWARE = ("us_rocket", "us_sat", "us_capsule", "us_ace", "us_ace_sat", "us_ace_capsule")


@pytest.fixture
def ready(state: GameState, content: Content) -> GameState:
    """USA with every program developed, three pilots ready, and one each injured, dead and in training."""
    operational(state, content, "usa", *US_HARDWARE)
    add_crew(state, "usa", 3)  # usa_01..usa_03
    add_crew(state, "usa", status="injured")  # usa_04
    add_crew(state, "usa", status="dead")  # usa_05
    add_crew(state, "usa", joined=state.year)  # usa_06, a candidate
    return state


def crew(state: GameState, number: int) -> CrewMember:
    member = state.sides["usa"].crew_by_id(f"usa_{number:02d}")
    assert member is not None
    return member


def sat(month: int, **extra: object) -> ScheduleMission:
    return ScheduleMission(side="usa", mission="sat_orbit", month=month, rocket="us_ace", craft="us_ace_sat", **extra)  # type: ignore[arg-type]


def crewed(month: int, *crew_ids: str) -> ScheduleMission:
    return ScheduleMission(side="usa", mission="crewed_orbit", month=month, rocket="us_ace", craft="us_ace_capsule", crew=crew_ids)


# -- orders in general ------------------------------------------------------------------------------


def test_unknown_side_is_refused(ready: GameState, content: Content) -> None:
    assert refused(ready, content, BuildPad(side="china")) == "there is no side called 'china'"


def test_ending_the_year_twice_is_refused(ready: GameState, content: Content) -> None:
    submit(ready, content, EndYear(side="usa"))
    assert refused(ready, content, EndYear(side="usa")) == "USA has already ended 1957"
    assert refused(ready, content, BuildPad(side="usa")) == "USA has already ended 1957"
    submit(ready, content, BuildPad(side="ussr"))  # the other side may still act


# -- programs and funding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "reason"),
    [
        (StartProgram(side="usa", program="nope"), "there is no program called 'nope'"),
        (Fund(side="usa", target="nope", amount=5),
         "nothing called 'nope' can be funded (a started program, training, education or intelligence)"),
        (Fund(side="usa", target="us_heavy", amount=5), "Us Heavy has not been started"),
        (Fund(side="usa", target="us_rocket", amount=-1), "an allocation cannot be negative"),
        (Fund(side="usa", target="training", amount=-10), "an allocation cannot be negative"),
        (Fund(side="usa", target="education", amount=201), "$201M is more than you have: $200M available for it"),
    ],
)
def test_program_and_funding_refusals(ready: GameState, content: Content, order: Order, reason: str) -> None:
    assert refused(ready, content, order) == reason


def test_too_expensive_programs_are_refused(state: GameState, content: Content) -> None:
    state.sides["usa"].funds = 19
    assert refused(state, content, StartProgram(side="usa", program="us_rocket")) == (
        "starting Us Rocket costs $20M but only $19M is left this year"
    )


def test_raising_an_allocation_counts_what_is_already_allocated(ready: GameState, content: Content) -> None:
    submit(ready, content, Fund(side="usa", target="training", amount=150))
    assert ready.sides["usa"].funds == 50
    submit(ready, content, Fund(side="usa", target="training", amount=200))
    assert ready.sides["usa"].funds == 0
    assert refused(ready, content, Fund(side="usa", target="training", amount=201)) == (
        "$201M is more than you have: $200M available for it"
    )


# -- scheduling -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("order", "reason"),
    [
        (ScheduleMission(side="usa", mission="nope", month=3), "there is no mission type called 'nope'"),
        (sat(-1), "the month must be 1 to 12 (or 0: the earliest the rules allow)"),
        (sat(13), "the month must be 1 to 12 (or 0: the earliest the rules allow)"),
        (sat(1), "Satellite to Orbit on Us Ace takes 2 months of preparation on the pad, so the earliest launch this "
                 "year is February"),
        (ScheduleMission(side="usa", mission="moon_landing", month=3), "Moon Landing cannot be flown before 1959"),
        (ScheduleMission(side="usa", mission="us_probe", month=3), "US Probe cannot be flown before 1958"),
        (ScheduleMission(side="ussr", mission="us_probe", month=3), "US Probe is not flown by this side"),
        (ScheduleMission(side="usa", mission="sat_orbit", month=3, rocket="us_ace", craft="su_sat"),
         "there is no spacecraft of yours called 'su_sat'"),
        (ScheduleMission(side="usa", mission="sat_orbit", month=3, rocket="us_ace", craft="us_ace_capsule"),
         "Us Ace Capsule is a capsule; Satellite to Orbit needs a satellite"),
        (ScheduleMission(side="usa", mission="sat_orbit", month=3, rocket="us_sat", craft="us_ace_sat"),
         "there is no rocket of yours called 'us_sat'"),
        (ScheduleMission(side="usa", mission="sat_orbit", month=3, rocket="us_sat"), "'us_sat' is not a rocket"),
        (sat(3, lander="us_ace"), "Satellite to Orbit does not use a lander"),
        (sat(3, crew=("usa_01",)), "Satellite to Orbit flies without crew"),
        (crewed(3, "usa_01", "usa_02", "usa_03"), "Crewed Orbit on Us Ace Capsule takes 1–2 crew, not 3"),
        (crewed(3, "usa_01", "usa_01"), "the same crew member is named twice"),
        (crewed(3, "usa_99"), "there is no crew member 'usa_99'"),
        (crewed(3, "usa_04"), "Pilot USA 4 is injured and cannot fly"),
        (crewed(3, "usa_05"), "Pilot USA 5 is dead and cannot fly"),
        (crewed(3, "usa_06"), "Pilot USA 6 is still a candidate in training until next year"),
    ],
)
def test_schedule_refusals(ready: GameState, content: Content, order: ScheduleMission, reason: str) -> None:
    assert refused(ready, content, order) == reason


def test_hardware_that_cannot_fly_yet_is_refused(state: GameState, content: Content) -> None:
    assert refused(state, content, ScheduleMission(side="usa", mission="sat_orbit", month=3)) == (
        "none of your programs can fly Satellite to Orbit; start one that can: Us Ace Sat or Us Sat"
    )
    assert refused(state, content, ScheduleMission(side="ussr", mission="us_probe", month=3)) == (
        "US Probe is not flown by this side"
    )
    assert refused(state, content, sat(3)) == "Us Ace Sat has not been started"
    operational(state, content, "usa", "us_ace_sat")
    assert refused(state, content, sat(3)) == "Us Ace has not been started"
    operational(state, content, "usa", "us_ace")
    state.sides["usa"].programs["us_ace"].research = 4
    assert refused(state, content, sat(3)) == "Us Ace is still in development ($6M of research to go)"
    state.sides["usa"].programs["us_ace"].funding = 6  # this year's money finishes it: it flies next year
    assert refused(state, content, sat(3)) == "Us Ace is still in development, funded to be ready next year"
    state.sides["usa"].programs["us_ace"].funding = 0
    state.sides["usa"].programs["us_ace"].research = 10
    state.sides["usa"].programs["us_ace"].grounded = True
    assert refused(state, content, sat(3)) == "Us Ace is grounded for the rest of the year"


def test_a_mission_no_spacecraft_of_the_side_can_fly_is_refused(state: GameState, content: Content) -> None:
    docking = MissionType(id="docking", name="Docking Test", available=1957, cost=5, craft=("capsule",),
                          needs=("docking",), steps=(step("dock", "craft"),))
    extended = extend(content, missions=[docking])
    assert refused(state, extended, ScheduleMission(side="usa", mission="docking", month=3)) == (
        "Docking Test needs a spacecraft this side cannot build"
    )


def test_mission_conditions_and_lift_are_checked(ready: GameState, content: Content) -> None:
    ready.year = 1959
    landing = ScheduleMission(side="usa", mission="moon_landing", month=3, rocket="us_rocket", craft="us_ace_capsule",
                              crew=("usa_01", "usa_02"))
    assert refused(ready, content, landing) == "Moon Landing needs a crewed orbit first"
    ready.sides["usa"].achieved["first_human"] = 1958
    assert refused(ready, content, landing) == "Us Rocket lifts class 2; this mission needs class 5"
    assert of_type(submit(ready, content, ScheduleMission(side="usa", mission="moon_landing", month=3)), MissionScheduled)


def test_pads_limit_launches_per_year_and_per_month(ready: GameState, content: Content) -> None:
    submit(ready, content, sat(3))
    assert refused(ready, content, sat(4)) == ("all 1 pad(s) are busy preparing other launches in March–April (this "
                                              "one needs a pad for 2 months); pick another month or build a pad")
    submit(ready, content, sat(5), sat(7), sat(9))
    assert refused(ready, content, sat(11)) == "your 1 pad(s) can support 4 launches a year; build another pad"
    assert submit(ready, content, BuildPad(side="usa")) == [PadBuilt(side="usa", pads=2, cost=rules.PAD_COST)]
    submit(ready, content, sat(3), sat(5))  # two pads: a second launch can be prepared beside each of the first


def test_month_zero_is_the_earliest_the_pads_allow(ready: GameState, content: Content) -> None:
    months = [scheduled.month for order in (sat(0), sat(0), sat(0)) for scheduled in of_type(submit(ready, content, order), MissionScheduled)]
    assert months == [2, 4, 6]  # two months on the pad each, one pad


def test_too_expensive_missions_and_pads_are_refused(ready: GameState, content: Content) -> None:
    ready.sides["usa"].funds = 6
    assert refused(ready, content, sat(3)) == "Satellite to Orbit costs $7M but only $6M is left this year"
    assert refused(ready, content, BuildPad(side="usa")) == "a new launch pad costs $60M but only $6M is left this year"


def test_busy_crew_is_refused_and_missing_crew_is_filled_in(ready: GameState, content: Content) -> None:
    crew(ready, 2).piloting = 90  # the best pilot is picked when no crew is named
    (scheduled,) = of_type(submit(ready, content, ScheduleMission(side="usa", mission="crewed_orbit", month=3)), MissionScheduled)
    assert scheduled.crew == ("usa_02", "usa_01")  # best first, as many as the seats allow
    assert (scheduled.rocket, scheduled.craft) == ("us_ace", "us_ace_capsule")  # the best chance
    assert refused(ready, content, crewed(2, "usa_02")) == "Pilot USA 2 is already assigned to another mission this year"
    (second,) = of_type(submit(ready, content, ScheduleMission(side="usa", mission="crewed_orbit", month=6)), MissionScheduled)
    assert second.crew == ("usa_03",)
    assert refused(ready, content, ScheduleMission(side="usa", mission="crewed_orbit", month=9)) == (
        "Crewed Orbit needs 1 crew ready to fly; you have 0 available"
    )


def test_cancel_refunds_and_unknown_numbers_are_refused(ready: GameState, content: Content) -> None:
    (scheduled,) = of_type(submit(ready, content, sat(3)), MissionScheduled)
    assert ready.sides["usa"].funds == 200 - 7
    assert refused(ready, content, CancelMission(side="usa", number=9)) == "there is no scheduled mission #9"
    assert submit(ready, content, CancelMission(side="usa", number=scheduled.number)) == [
        MissionCancelled(side="usa", number=1, mission="sat_orbit", refund=7)
    ]
    assert ready.sides["usa"].funds == 200 and ready.sides["usa"].scheduled == []


# -- crew and decisions -----------------------------------------------------------------------------


def test_recruit_limits(ready: GameState, content: Content) -> None:
    assert refused(ready, content, Recruit(side="usa", count=0)) == "recruit at least one candidate"
    # usa_06 joined this year, so 11 more may be selected
    assert refused(ready, content, Recruit(side="usa", count=12)) == (
        "you can select at most 12 candidates a year (11 more this year)"
    )
    (recruited,) = of_type(submit(ready, content, Recruit(side="usa", count=9)), CrewRecruited)
    assert recruited.cost == 9 * rules.RECRUIT_COST and len(recruited.crew) == 9
    assert all(crew(ready, number).joined == 1957 for number in range(7, 16))
    assert refused(ready, content, Recruit(side="usa", count=3)) == (
        "you can select at most 12 candidates a year (2 more this year)"
    )
    ready.sides["usa"].funds = 5
    assert refused(ready, content, Recruit(side="usa", count=2)) == "recruiting 2 candidates costs $6M but only $5M is left this year"


def test_choosing_a_decision_that_is_not_open_is_refused(state: GameState, content: Content) -> None:
    assert refused(state, content, Choose(side="ussr", event="korolev_pitch", choice="simple")) == (
        "there is no open decision called 'korolev_pitch'"
    )
    end_year(state, content)  # 1958: the dilemma is posed to the USSR only
    assert refused(state, content, Choose(side="usa", event="korolev_pitch", choice="simple")) == (
        "there is no open decision called 'korolev_pitch'"
    )
    assert refused(state, content, Choose(side="ussr", event="korolev_pitch", choice="maybe")) == (
        "'maybe' is not a choice here (choose one of: simple, grand)"
    )
