"""Launch months that mean something (preparation on the pad, turnaround, what extra preparation buys) and
probes that cruise: their firsts are claimed, reported and dated on arrival, perhaps the next year."""

from __future__ import annotations

import dataclasses

from game.engine import launch, missions, rules
from game.engine.defs import Content, MissionType
from game.engine.orders import ScheduleMission
from game.engine.outcomes import MilestoneClaimed, MissionFlew
from game.engine.state import GameState

from .conftest import END_YEAR, end_year, extend, of_type, operational, perfect, refused, search, start, step, submit

PROBE = MissionType(
    id="probe_out", name="Probe Out", available=1957, cost=3, craft=("satellite",), prestige=1, cruise_days=120,
    arrives_at="arrive",
    steps=(step("launch", "rocket"), step("depart", "craft"), step("arrive", "craft", claims=("first_satellite",))),
)
QUICK = dataclasses.replace(PROBE, id="probe_quick", name="Probe Quick", cruise_days=20)
SLOW_ROCKET = perfect("us_slow", "usa", "rocket", lift=5, prep_months=4)


def cruise_content(content: Content) -> Content:
    return extend(content, missions=(PROBE, QUICK), hardware=(SLOW_ROCKET,))


def ready(content: Content, seed: int = 1) -> GameState:
    state = start(content, seed)
    for side, parts in (("usa", ("us_ace", "us_ace_sat", "us_slow")), ("ussr", ("su_ace", "su_ace_sat"))):
        operational(state, content, side, *(part for part in parts if part in content.hardware))
        state.sides[side].funds = 500
    return state


def test_a_launch_needs_its_months_on_the_pad_and_month_zero_is_the_earliest(content: Content) -> None:
    content = cruise_content(content)
    state = ready(content)
    assert refused(state, content, ScheduleMission(side="usa", mission="sat_orbit", month=3, rocket="us_slow",
                                                  craft="us_ace_sat")) == (
        "Satellite to Orbit on Us Slow takes 4 months of preparation on the pad, so the earliest launch this year is April")
    (booked,) = submit(state, content, ScheduleMission(side="usa", mission="sat_orbit", month=0, rocket="us_slow",
                                                      craft="us_ace_sat"))
    assert booked.month == 4  # type: ignore[attr-defined]
    # the pad is busy January to April; the next launch on a two-month rocket can go in June at the earliest
    assert submit(state, content, ScheduleMission(side="usa", mission="sat_orbit", month=0, rocket="us_ace",
                                                  craft="us_ace_sat"))[0].month == 6  # type: ignore[attr-defined]


def test_extra_preparation_makes_every_step_surer_up_to_a_cap(content: Content) -> None:
    state = ready(content)
    mission = content.missions["sat_orbit"]
    loadout = missions.Loadout("us_rocket", "us_sat", "", ())
    operational(state, content, "usa", "us_rocket", "us_sat")
    earliest = missions.step_chances(state, content, "usa", mission, loadout, month=2)
    later = missions.step_chances(state, content, "usa", mission, loadout, month=4)
    capped = missions.step_chances(state, content, "usa", mission, loadout, month=12)
    assert [b - a for a, b in zip(earliest, later)] == [2 * rules.EXTRA_PREP_BONUS] * len(earliest)
    assert [b - a for a, b in zip(earliest, capped)] == [rules.EXTRA_PREP_MONTHS * rules.EXTRA_PREP_BONUS] * len(earliest)
    assert launch.prep_bonus(state, content, mission, "us_rocket", 2) == 0


def fly_probes(content: Content, seed: int, usa: tuple[str, int], ussr: tuple[str, int] | None = None) -> tuple[GameState, list]:
    state = ready(content, seed)
    state.year = END_YEAR - 1 if ussr is None else state.year
    submit(state, content, ScheduleMission(side="usa", mission=usa[0], month=usa[1], rocket="us_ace", craft="us_ace_sat"))
    if ussr is not None:
        submit(state, content, ScheduleMission(side="ussr", mission=ussr[0], month=ussr[1], rocket="su_ace",
                                               craft="su_ace_sat"))
    outcomes = end_year(state, content)
    return state, outcomes


def test_a_probe_cruises_into_the_next_year_and_claims_its_first_on_arrival(content: Content) -> None:
    content = cruise_content(content)
    state, outcomes = search(lambda seed: fly_probes(content, seed, ("probe_out", 11)),
                             lambda found: [f.result for f in of_type(found[1], MissionFlew)] == ["cruising"])
    (departed,) = of_type(outcomes, MissionFlew)
    assert departed.arrives == (END_YEAR, 3) or departed.arrives == (END_YEAR, 4)  # 120 days after a November launch
    assert not of_type(outcomes, MilestoneClaimed) and "first_satellite" not in state.sides["usa"].achieved
    (flight,) = state.sides["usa"].in_flight
    assert GameState.from_dict(state.to_dict()).sides["usa"].in_flight == [flight]  # it saves
    outcomes = end_year(state, content)
    arrived = [f for f in of_type(outcomes, MissionFlew) if f.mission == "probe_out"]
    assert arrived and arrived[0].launched == (END_YEAR - 1, 11) and arrived[0].month == flight.arrive_month
    claims = of_type(outcomes, MilestoneClaimed)
    if arrived[0].result == "success":
        assert claims[0].year == END_YEAR and claims[0].month == flight.arrive_month
    assert state.sides["usa"].in_flight == []


def test_a_rival_that_launches_later_but_arrives_sooner_takes_the_first(content: Content) -> None:
    content = cruise_content(content)
    content = extend(content, missions=(dataclasses.replace(QUICK, sides=("usa", "ussr")),
                                        dataclasses.replace(PROBE, sides=("usa", "ussr"))))

    def both_arrive(found: tuple[GameState, list]) -> bool:
        flights = [f for f in of_type(found[1], MissionFlew) if f.result == "success"]
        return len(flights) == 2

    state, outcomes = search(lambda seed: fly_probes(content, seed, ("probe_out", 2), ("probe_quick", 4)), both_arrive)
    first = next(claim for claim in of_type(outcomes, MilestoneClaimed) if claim.first)
    assert first.side == "ussr" and first.month in (4, 5)  # launched in April, 20 days out
    usa = next(claim for claim in of_type(outcomes, MilestoneClaimed) if claim.side == "usa")
    assert not usa.first and usa.month in (6, 7)  # launched in February, 120 days out


def test_a_failed_departure_is_reported_at_launch_and_nothing_cruises(content: Content) -> None:
    content = cruise_content(content)
    weak = dataclasses.replace(content.hardware["us_ace"], base_reliability=300, max_reliability=300)
    content = extend(content, hardware=(weak,))
    state, outcomes = search(lambda seed: fly_probes(content, seed, ("probe_out", 3)),
                             lambda found: [f.result for f in of_type(found[1], MissionFlew)] == ["failure"])
    assert state.sides["usa"].in_flight == []


def test_a_backup_goes_after_its_primary_and_stands_down_once_the_first_is_won(content: Content) -> None:
    from game.engine.outcomes import MissionScrubbed

    def attempt(seed: int) -> tuple[GameState, list]:
        state = ready(content, seed)
        submit(state, content, ScheduleMission(side="usa", mission="sat_orbit", month=0, rocket="us_ace", craft="us_ace_sat"))
        (backup,) = submit(state, content, ScheduleMission(side="usa", mission="sat_orbit", month=0, rocket="us_ace",
                                                           craft="us_ace_sat", backup=True))
        assert backup.month > 2 and backup.backup  # type: ignore[attr-defined]  # after the primary, not beside it
        return state, end_year(state, content)

    state, outcomes = search(attempt, lambda found: of_type(found[1], MissionFlew)[0].result == "success")
    (stood_down,) = of_type(outcomes, MissionScrubbed)
    assert "stood down" in stood_down.reason
    assert stood_down.refund == (5 + 1 + 1) // 2  # half its cost back: ops $5M, the Ace rocket and satellite $1M each
    assert [flight.result for flight in of_type(outcomes, MissionFlew)] == ["success"]
    assert refused(state, content, ScheduleMission(side="usa", mission="sat_orbit", month=0, rocket="us_ace",
                                                   craft="us_ace_sat", backup=True)).startswith(
        "Satellite to Orbit has no first left for you to win")


def test_a_flight_may_be_booked_after_the_one_it_depends_on_and_is_scrubbed_if_that_one_fails(base_content: Content) -> None:
    from game.engine import turn
    from game.engine.outcomes import MissionScrubbed

    def attempt(seed: int) -> tuple[GameState, list]:
        state, _ = turn.new_game(base_content, "full_campaign", seed)
        state.year = 1958
        operational(state, base_content, "ussr", "r7", "sputnik_ps1", "r7_luna", "luna_e1")
        state.sides["ussr"].funds = state.sides["ussr"].budget = 500
        state.sides["ussr"].pads = 2
        # a Moon probe needs a satellite in orbit first: not before one is booked, but after one it may be
        assert "needs" in refused(state, base_content, ScheduleMission(side="ussr", mission="lunar_impact", month=6))
        submit(state, base_content, ScheduleMission(side="ussr", mission="small_satellite", month=3),
               ScheduleMission(side="ussr", mission="lunar_impact", month=6))
        assert "needs" in refused(state, base_content, ScheduleMission(side="ussr", mission="lunar_impact", month=2))
        return state, end_year(state, base_content)

    def satellite(found: tuple[GameState, list]) -> str:
        return next(flight.result for flight in of_type(found[1], MissionFlew) if flight.mission == "small_satellite")

    _, failed = search(attempt, lambda found: satellite(found) == "failure")
    (scrubbed,) = [item for item in of_type(failed, MissionScrubbed) if item.mission == "lunar_impact"]
    assert "which the flight before it did not achieve" in scrubbed.reason
    _, worked = search(attempt, lambda found: satellite(found) == "success")
    assert any(flight.mission == "lunar_impact" for flight in of_type(worked, MissionFlew))
