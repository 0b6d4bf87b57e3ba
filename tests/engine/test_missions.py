"""Tests for flying missions (game.engine.missions): step chances, every result branch, milestones, scrubs."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import pytest

from game.engine import missions, rules
from game.engine.defs import Content, MissionType
from game.engine.orders import ScheduleMission
from game.engine.outcomes import (
    Changed,
    CrewLost,
    MilestoneClaimed,
    MissionFlew,
    MissionScrubbed,
    Outcome,
    ProgramGrounded,
)
from game.engine.rng import Rng
from game.engine.scripting import EvalContext
from game.engine.state import CrewMember, GameState, ScheduledMission, SideState

from .conftest import add_crew, eff, end_year, extend, of_type, operational, refused, search, start, step, submit


def risky(mode: str, *, crewed: bool, uses: str = "craft") -> MissionType:
    """A sure launch, then a step clamped to MIN_STEP_CHANCE that always fails in the given mode."""
    return MissionType(
        id=f"risky_{mode}_{'crewed' if crewed else 'robot'}_{uses}", name=f"Risky {mode}", available=1957, cost=4,
        craft=("capsule",) if crewed else ("satellite",), crew_min=1 if crewed else 0, crew_max=2 if crewed else 0,
        prestige=6, steps=(step("launch", "rocket"), step("doom", uses, difficulty=5000, failure={mode: 1})),
    )


RISKY = tuple(
    risky(mode, crewed=crewed, uses=uses)
    for mode in ("abort", "partial", "catastrophe") for crewed in (True, False) for uses in ("craft", "rocket")
)


@pytest.fixture(scope="module")
def risky_content(content: Content) -> Content:
    return extend(content, missions=RISKY)


@dataclass
class Flight:
    state: GameState
    outcomes: list[Outcome]
    crew: list[CrewMember]
    prestige_before: int
    support_before: int

    @property
    def flew(self) -> MissionFlew:
        (flew,) = of_type(self.outcomes, MissionFlew)
        return flew

    @property
    def own(self) -> SideState:
        return self.state.sides["usa"]


def fly(content: Content, mission_id: str, *, seed: int, crew: int = 0, women: int = 0, skill: int = 50) -> Flight:
    """Fly one USA mission on perfect hardware, straight through missions.fly with Rng(seed)."""
    state = start(content)
    mission = content.missions[mission_id]
    craft = "us_ace_capsule" if "capsule" in mission.craft else "us_ace_sat"
    operational(state, content, "usa", "us_ace", craft)
    members = add_crew(state, "usa", crew - women, skill=skill) + add_crew(state, "usa", women, skill=skill, woman=True)
    own = state.sides["usa"]
    before = (own.prestige, own.support)
    item = ScheduledMission(number=1, mission=mission_id, month=4, rocket="us_ace", craft=craft,
                            crew=[member.id for member in members])
    outcomes = missions.fly(state, content, "usa", item, 10, Rng(seed))
    return Flight(state, outcomes, members, *before)


def fly_until(content: Content, mission_id: str, result: str, **kwargs: int) -> Flight:
    return search(lambda seed: fly(content, mission_id, seed=seed, **kwargs), lambda flight: flight.flew.result == result)


# -- step chances -----------------------------------------------------------------------------------


def chance_of(state: GameState, content: Content, rocket: str, *, difficulty: int, skill: str, crew: list[CrewMember]) -> int:
    loadout = missions.Loadout(rocket, "us_ace_capsule", "", tuple(member.id for member in crew))
    return missions.step_chance(state, content, "usa", step("s", "rocket", difficulty=difficulty, skill=skill), loadout, crew)


def test_step_chance_is_reliability_less_difficulty(state: GameState, content: Content) -> None:
    operational(state, content, "usa", "us_rocket")  # reliability 600
    assert chance_of(state, content, "us_rocket", difficulty=100, skill="", crew=[]) == 500


def test_crew_skill_raises_and_lowers_a_step_chance(state: GameState, content: Content) -> None:
    operational(state, content, "usa", "us_rocket")
    (ace,) = add_crew(state, "usa", skill=80)
    (rookie,) = add_crew(state, "usa", skill=20)
    (average,) = add_crew(state, "usa", skill=50)
    assert chance_of(state, content, "us_rocket", difficulty=100, skill="piloting", crew=[ace]) == 500 + 30 * rules.CREW_SKILL_WEIGHT
    assert chance_of(state, content, "us_rocket", difficulty=100, skill="piloting", crew=[rookie]) == 500 - 30 * rules.CREW_SKILL_WEIGHT
    assert chance_of(state, content, "us_rocket", difficulty=100, skill="piloting", crew=[average]) == 500
    assert chance_of(state, content, "us_rocket", difficulty=100, skill="piloting", crew=[ace, rookie]) == 500  # the average
    assert chance_of(state, content, "us_rocket", difficulty=100, skill="", crew=[ace]) == 500  # a step with no skill


def test_step_chance_is_clamped_to_the_rules_bounds(state: GameState, content: Content) -> None:
    operational(state, content, "usa", "us_ace")
    (ace,) = add_crew(state, "usa", skill=100)
    assert chance_of(state, content, "us_ace", difficulty=0, skill="piloting", crew=[ace]) == rules.MAX_STEP_CHANCE
    assert chance_of(state, content, "us_ace", difficulty=5000, skill="", crew=[]) == rules.MIN_STEP_CHANCE
    assert chance_of(state, content, "us_rocket", difficulty=0, skill="", crew=[]) == rules.MIN_STEP_CHANCE  # not started


def test_overall_chance_multiplies_per_mille() -> None:
    assert missions.overall_chance([]) == 1000
    assert missions.overall_chance([900, 500]) == 450
    assert missions.overall_chance([995, 995, 995]) == 985


# -- results ----------------------------------------------------------------------------------------


def test_uncrewed_success_claims_the_milestone_and_records_experience(content: Content) -> None:
    flight = fly_until(content, "sat_orbit", "success")
    assert flight.flew.prestige == 2
    assert [result.chance for result in flight.flew.steps] == [995, 995]
    claimed = of_type(flight.outcomes, MilestoneClaimed)
    assert claimed == [MilestoneClaimed(side="usa", milestone="first_satellite", year=1957, month=4, first=True,
                                        prestige=20, mission="sat_orbit")]
    assert flight.own.prestige == flight.prestige_before + 22
    assert flight.own.achieved == {"first_satellite": 1957}
    assert flight.own.flights == {"sat_orbit": 1}
    for program_id in ("us_ace", "us_ace_sat"):
        program = flight.own.programs[program_id]
        assert (program.flights, program.successes, program.failures) == (1, 1, 0)


def test_crewed_success_trains_the_crew_on_the_steps_they_flew(content: Content) -> None:
    flight = fly_until(content, "crewed_orbit", "success", crew=1)
    (member,) = flight.crew
    assert member.flights == 1 and member.status == "active"
    assert member.piloting == 50 + 2 * rules.FLIGHT_SKILL_GAIN  # orbit and re-entry use piloting; launch uses none
    assert member.eva == 50
    assert [claim.milestone for claim in of_type(flight.outcomes, MilestoneClaimed)] == ["first_human"]
    assert flight.own.prestige == flight.prestige_before + 5 + 30


def test_conditional_milestone_is_claimed_only_when_its_condition_holds(content: Content) -> None:
    flight = fly_until(content, "crewed_orbit", "success", crew=2, women=1)
    assert [claim.milestone for claim in of_type(flight.outcomes, MilestoneClaimed)] == ["first_human", "first_woman"]
    assert flight.own.prestige == flight.prestige_before + 5 + 30 + 15


def test_abort_fails_the_mission_but_keeps_the_crew_safe(risky_content: Content) -> None:
    flight = fly_until(risky_content, "risky_abort_crewed_craft", "failure", crew=2)
    flew = flight.flew
    assert flew.prestige == -rules.FAILURE_PRESTIGE
    assert [(result.step, result.passed, result.mode) for result in flew.steps] == [("launch", True, ""), ("doom", False, "abort")]
    assert flew.steps[1].chance == rules.MIN_STEP_CHANCE
    assert all(member.status == "active" and member.flights == 1 for member in flight.crew)
    assert flight.own.prestige == flight.prestige_before - rules.FAILURE_PRESTIGE
    assert flight.own.support == flight.support_before
    assert not any(program.grounded for program in flight.own.programs.values())
    rocket, craft = flight.own.programs["us_ace"], flight.own.programs["us_ace_capsule"]
    assert (rocket.successes, rocket.failures, craft.successes, craft.failures) == (1, 0, 0, 1)
    assert flight.own.flights == {}
    assert of_type(flight.outcomes, MissionFlew) == flight.outcomes  # nothing else happened


def test_partial_success_earns_half_the_mission_prestige(risky_content: Content) -> None:
    flight = fly_until(risky_content, "risky_partial_robot_craft", "partial")
    assert flight.flew.prestige == 6 // 2
    assert flight.own.prestige == flight.prestige_before + 3
    assert flight.flew.steps[-1].mode == "partial"
    assert flight.own.flights == {}


def test_catastrophe_with_crew_kills_grounds_and_costs_support(risky_content: Content) -> None:
    mission = "risky_catastrophe_crewed_rocket"
    flight = fly_until(risky_content, mission, "catastrophe", crew=2)
    own = flight.own
    assert flight.flew.prestige == -rules.CATASTROPHE_PRESTIGE
    assert own.prestige == flight.prestige_before - rules.CATASTROPHE_PRESTIGE
    assert own.support == flight.support_before - rules.CATASTROPHE_SUPPORT
    assert [member.status for member in flight.crew] == ["dead", "dead"]
    assert [member.died for member in flight.crew] == ["1957-04", "1957-04"]
    assert (own.catastrophes, own.crew_lost) == (1, 2)
    assert own.programs["us_ace"].grounded and not own.programs["us_ace_capsule"].grounded
    assert of_type(flight.outcomes, ProgramGrounded) == [ProgramGrounded(side="usa", program="us_ace", cause=mission)]
    assert of_type(flight.outcomes, Changed) == [
        Changed(side="usa", what="support", amount=-rules.CATASTROPHE_SUPPORT, cause="catastrophe", value=own.support)
    ]
    assert of_type(flight.outcomes, CrewLost) == [CrewLost(side="usa", crew=member.id, cause=mission) for member in flight.crew]


def test_catastrophe_without_crew_costs_less_and_touches_no_support(risky_content: Content) -> None:
    flight = fly_until(risky_content, "risky_catastrophe_robot_craft", "catastrophe")
    own = flight.own
    assert flight.flew.prestige == -rules.UNCREWED_LOSS_PRESTIGE
    assert own.prestige == flight.prestige_before - rules.UNCREWED_LOSS_PRESTIGE
    assert own.support == flight.support_before
    assert (own.catastrophes, own.crew_lost) == (0, 0)
    assert own.programs["us_ace_sat"].grounded and not own.programs["us_ace"].grounded
    assert not of_type(flight.outcomes, CrewLost)


def test_a_failed_step_stops_the_mission_before_its_claims(risky_content: Content) -> None:
    claimer = MissionType(
        id="doomed_claim", name="Doomed Claim", available=1957, cost=1, craft=("satellite",),
        steps=(step("doom", "rocket", difficulty=5000), step("orbit", "craft", claims=("first_satellite",))),
    )
    flight = fly_until(extend(risky_content, missions=[claimer]), "doomed_claim", "failure")
    assert len(flight.flew.steps) == 1
    assert not of_type(flight.outcomes, MilestoneClaimed) and not flight.state.claims


def test_low_chance_steps_fail_about_as_often_as_they_should(risky_content: Content) -> None:
    results = [fly(risky_content, "risky_abort_robot_craft", seed=seed).flew.result for seed in range(300)]
    assert 0 < results.count("success") <= 20  # 0.995 × 0.02 ≈ 2% of 300 = 6


# -- milestones -------------------------------------------------------------------------------------


def test_milestone_first_then_second(state: GameState, content: Content) -> None:
    first = missions.claim(state, content, "usa", "first_satellite", 3, "sat_orbit", [])
    second = missions.claim(state, content, "ussr", "first_satellite", 9, "sat_orbit", [])
    again = missions.claim(state, content, "usa", "first_satellite", 11, "sat_orbit", [])
    assert [(outcome.side, outcome.first, outcome.prestige) for outcome in of_type(first + second, MilestoneClaimed)] == [
        ("usa", True, 20), ("ussr", False, 8),
    ]
    assert again == []
    assert [(claim.side, claim.first, claim.month) for claim in state.claims] == [("usa", True, 3), ("ussr", False, 9)]
    assert state.first_claim("first_satellite").side == "usa"  # type: ignore[union-attr]


def test_conditional_milestone_needs_its_condition(state: GameState, content: Content) -> None:
    (man,) = add_crew(state, "usa")
    (woman,) = add_crew(state, "usa", woman=True)
    assert missions.claim(state, content, "usa", "first_woman", 6, "crewed_orbit", [man]) == []
    assert missions.claim(state, content, "usa", "first_woman", 6, "crewed_orbit", []) == []
    assert "first_woman" not in state.sides["usa"].achieved
    (claimed,) = missions.claim(state, content, "usa", "first_woman", 6, "crewed_orbit", [man, woman])
    assert isinstance(claimed, MilestoneClaimed) and claimed.first and claimed.prestige == 15


# -- scrubs -----------------------------------------------------------------------------------------


def ready_usa(state: GameState, content: Content, crew: int = 2) -> list[CrewMember]:
    operational(state, content, "usa", "us_ace", "us_ace_sat", "us_ace_capsule")
    return add_crew(state, "usa", crew)


def test_grounded_hardware_scrubs_every_mission_that_uses_it(state: GameState, content: Content) -> None:
    members = ready_usa(state, content)
    submit(state, content,
           ScheduleMission(side="usa", mission="sat_orbit", month=2, rocket="us_ace", craft="us_ace_sat"),
           ScheduleMission(side="usa", mission="crewed_orbit", month=5, rocket="us_ace", craft="us_ace_capsule",
                           crew=(members[0].id,)))
    eff("ground('us_ace')")(EvalContext(state, content, "usa", cause="strike"))
    outcomes = end_year(state, content)
    assert not of_type(outcomes, MissionFlew)
    scrubbed = of_type(outcomes, MissionScrubbed)
    assert [(item.mission, item.reason, item.refund) for item in scrubbed] == [
        ("sat_orbit", "Us Ace is grounded", 7 // 2), ("crewed_orbit", "Us Ace is grounded", 12 // 2),
    ]
    assert members[0].flights == 0
    assert state.sides["usa"].programs["us_ace"].flights == 0
    assert not state.sides["usa"].programs["us_ace"].grounded  # the grounding lasts for the year only


def test_lost_crew_scrubs_the_mission_and_dead_crew_never_fly(state: GameState, content: Content) -> None:
    members = ready_usa(state, content)
    submit(state, content, ScheduleMission(side="usa", mission="crewed_orbit", month=5, rocket="us_ace",
                                           craft="us_ace_capsule", crew=(members[0].id, members[1].id)))
    members[1].status = "dead"
    outcomes = end_year(state, content)
    (scrub,) = of_type(outcomes, MissionScrubbed)
    assert scrub.reason == f"{members[1].name} can no longer fly"
    assert not of_type(outcomes, MissionFlew)
    assert [member.flights for member in members] == [0, 0]
    reason = refused(state, content, ScheduleMission(side="usa", mission="crewed_orbit", month=3, rocket="us_ace",
                                                     craft="us_ace_capsule", crew=(members[1].id,)))
    assert reason == f"{members[1].name} is dead and cannot fly"


def test_a_catastrophe_scrubs_later_flights_on_the_same_rocket(risky_content: Content) -> None:
    def attempt(seed: int) -> tuple[list[Outcome], list[CrewMember]]:
        state = start(risky_content, seed)
        members = ready_usa(state, risky_content, crew=2)
        submit(state, risky_content,
               ScheduleMission(side="usa", mission="risky_catastrophe_crewed_rocket", month=2, rocket="us_ace",
                               craft="us_ace_capsule", crew=(members[0].id,)),
               ScheduleMission(side="usa", mission="crewed_orbit", month=8, rocket="us_ace", craft="us_ace_capsule",
                               crew=(members[1].id,)))
        return end_year(state, risky_content), members

    outcomes, members = search(attempt, lambda found: any(item.result == "catastrophe" for item in of_type(found[0], MissionFlew)))
    (flew,) = of_type(outcomes, MissionFlew)
    (scrub,) = of_type(outcomes, MissionScrubbed)
    assert flew.mission == "risky_catastrophe_crewed_rocket"
    assert (scrub.mission, scrub.reason) == ("crewed_orbit", "Us Ace is grounded")
    assert [member.status for member in members] == ["dead", "active"]
    assert members[1].flights == 0


def test_best_crew_never_picks_dead_injured_or_candidate_crew(state: GameState, content: Content) -> None:
    ready_usa(state, content, crew=0)
    add_crew(state, "usa", skill=99, status="dead")
    add_crew(state, "usa", skill=98, status="injured")
    add_crew(state, "usa", skill=97, joined=state.year)
    (pilot,) = add_crew(state, "usa", skill=30)
    mission = content.missions["crewed_orbit"]
    assert missions.best_crew(state, content, "usa", mission, "us_ace_capsule") == (pilot.id,)
    pilot.status = "retired"
    assert missions.best_crew(state, content, "usa", mission, "us_ace_capsule") == (
        "Crewed Orbit needs 1 crew ready to fly; you have 0 available"
    )


def test_the_reason_comes_from_the_combination_nearest_to_flying(state: GameState, content: Content) -> None:
    """A grounded rocket is the reason, not a spacecraft still in development whose id sorts first."""
    from .conftest import hardware

    content = extend(content, hardware=[hardware("us_a_sat", "usa", "satellite", development_cost=400, mass=1)])
    operational(state, content, "usa", "us_rocket", "us_sat")
    state.sides["usa"].programs["us_a_sat"] = dataclasses.replace(state.sides["usa"].programs["us_sat"], id="us_a_sat",
                                                                  research=0)
    state.sides["usa"].programs["us_rocket"].grounded = True
    reason = missions.best_hardware(state, content, "usa", content.missions["sat_orbit"])
    assert reason == "Us Rocket is grounded for the rest of the year"
