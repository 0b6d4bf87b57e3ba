"""Tests for programs and research (game.engine.research and the StartProgram/Fund orders)."""

from __future__ import annotations

import dataclasses

import pytest

from game.engine import research
from game.engine.defs import Content
from game.engine.orders import Fund, StartProgram
from game.engine.outcomes import Changed, ProgramDeveloped, ProgramStarted
from game.engine.scripting import EvalContext
from game.engine.state import GameState, Program

from .conftest import eff, end_year, of_type, operational, refused, submit

# us_rocket: development 100, base 600, ceiling 950, research_scale 200 → one flight teaches 200 // 6 = 33


def rocket(content: Content, research_done: int = 100, flights: int = 0) -> int:
    return research.reliability(content.hardware["us_rocket"], Program("us_rocket", research=research_done, flights=flights))


def test_reliability_is_zero_without_a_program(content: Content) -> None:
    assert research.reliability(content.hardware["us_rocket"], None) == 0


def test_reliability_is_the_base_at_development(content: Content) -> None:
    assert rocket(content, research_done=100) == 600
    assert rocket(content, research_done=40) == 600  # still in development: no extra yet


def test_reliability_rises_with_research_beyond_development(content: Content) -> None:
    assert rocket(content, research_done=300) == 600 + 350 * 200 // 400  # 775: half the gap at research_scale


def test_reliability_rises_with_flights(content: Content) -> None:
    assert research.experience_value(content.hardware["us_rocket"]) == 33
    assert rocket(content, flights=3) == 600 + 350 * 99 // 299  # 715
    assert rocket(content, research_done=300, flights=3) == 600 + 350 * 299 // 499  # 809


def test_experience_value_has_a_floor(content: Content) -> None:
    tiny = dataclasses.replace(content.hardware["us_rocket"], research_scale=12)
    assert research.experience_value(tiny) == 5


def test_reliability_never_exceeds_the_ceiling(content: Content) -> None:
    values = [rocket(content, research_done=amount, flights=amount // 10) for amount in range(0, 100_000, 997)]
    assert values == sorted(values)  # never falls as research and flights grow
    assert max(values) <= 950
    assert rocket(content, research_done=10**9, flights=10**6) == 949


def test_is_operational_and_development_left(content: Content) -> None:
    hardware = content.hardware["us_rocket"]
    assert not research.is_operational(hardware, None)
    assert research.development_left(hardware, None) == 100
    assert not research.is_operational(hardware, Program("us_rocket", research=99))
    assert research.development_left(hardware, Program("us_rocket", research=40)) == 60
    assert research.is_operational(hardware, Program("us_rocket", research=100))
    assert research.development_left(hardware, Program("us_rocket", research=150)) == 0


@pytest.mark.parametrize(("education_total", "efficiency"), [(0, 1000), (4, 1000), (500, 1100), (1500, 1300), (10**6, 1300)])
def test_education_bonus_is_slow_and_capped(state: GameState, education_total: int, efficiency: int) -> None:
    state.sides["usa"].education_total = education_total
    assert research.research_efficiency(state.sides["usa"]) == efficiency


def test_research_is_applied_at_year_end_with_the_education_bonus(state: GameState, content: Content) -> None:
    state.sides["usa"].education_total = 500  # +10%
    submit(state, content, StartProgram(side="usa", program="us_rocket"), Fund(side="usa", target="us_rocket", amount=50))
    program = state.sides["usa"].programs["us_rocket"]
    assert (program.research, program.funding) == (0, 50)  # nothing until the year ends
    assert state.sides["usa"].funds == 200 - 20 - 50
    outcomes = end_year(state, content)
    assert (program.research, program.funding) == (55, 0)
    assert not of_type(outcomes, ProgramDeveloped)


def test_program_developed_is_reported_once(state: GameState, content: Content) -> None:
    outcomes = submit(state, content, StartProgram(side="usa", program="us_rocket"))
    assert outcomes == [ProgramStarted(side="usa", program="us_rocket", cost=20)]
    submit(state, content, Fund(side="usa", target="us_rocket", amount=100))
    developed = of_type(end_year(state, content), ProgramDeveloped)
    assert developed == [ProgramDeveloped(side="usa", program="us_rocket", year=1957)]
    submit(state, content, Fund(side="usa", target="us_rocket", amount=50))
    assert not of_type(end_year(state, content), ProgramDeveloped)
    assert state.sides["usa"].programs["us_rocket"].research == 150


def test_fund_can_be_lowered_for_a_refund(state: GameState, content: Content) -> None:
    operational(state, content, "usa", "us_rocket")
    submit(state, content, Fund(side="usa", target="us_rocket", amount=80))
    assert state.sides["usa"].funds == 120
    submit(state, content, Fund(side="usa", target="us_rocket", amount=30))
    assert state.sides["usa"].funds == 170
    assert state.sides["usa"].programs["us_rocket"].funding == 30


def test_why_cannot_start_allows_a_valid_program(state: GameState, content: Content) -> None:
    assert research.why_cannot_start(state, content, "usa", "us_rocket") is None


@pytest.mark.parametrize(
    ("side", "program", "reason"),
    [
        ("usa", "warp_drive", "there is no program called 'warp_drive'"),
        ("usa", "su_rocket", "Su Rocket is the other side's hardware"),
        ("usa", "us_heavy", "Us Heavy cannot be started before 1959"),
        ("usa", "us_capsule", "Us Capsule needs Us Rocket to be operational first"),
    ],
)
def test_why_cannot_start_reasons(state: GameState, content: Content, side: str, program: str, reason: str) -> None:
    assert research.why_cannot_start(state, content, side, program) == reason
    assert refused(state, content, StartProgram(side=side, program=program)) == reason


def test_already_started_program_is_refused(state: GameState, content: Content) -> None:
    submit(state, content, StartProgram(side="usa", program="us_rocket"))
    assert refused(state, content, StartProgram(side="usa", program="us_rocket")) == "Us Rocket is already under way"


def test_prerequisite_in_development_is_not_enough(state: GameState, content: Content) -> None:
    state.sides["usa"].programs["us_rocket"] = Program("us_rocket", research=99)
    assert research.why_cannot_start(state, content, "usa", "us_capsule") == "Us Capsule needs Us Rocket to be operational first"
    state.sides["usa"].programs["us_rocket"].research = 100
    assert research.why_cannot_start(state, content, "usa", "us_capsule") is None


def test_event_research_counts_at_once_and_never_goes_below_zero(state: GameState, content: Content) -> None:
    state.sides["usa"].programs["us_rocket"] = Program("us_rocket", research=90)
    context = EvalContext(state, content, "usa", cause="boost")
    eff("add_research('us_rocket', 15)")(context)
    assert state.sides["usa"].programs["us_rocket"].research == 105
    assert context.outcomes == [
        Changed(side="usa", what="research", amount=15, subject="us_rocket", cause="boost"),
        ProgramDeveloped(side="usa", program="us_rocket", year=1957),
    ]
    eff("add_research('us_rocket', -1000)")(context)
    assert state.sides["usa"].programs["us_rocket"].research == 0
    eff("add_research('us_sat', 50)")(context)  # not started: nothing happens
    assert "us_sat" not in state.sides["usa"].programs
