"""A joint flight with the rival: a mission with `partner` flies only if the rival has its own half booked for the
same month, and that booking is public (each side's view shows the other's half: its month, nothing more)."""

from __future__ import annotations

from game.engine import view
from game.engine.defs import Content, MissionType
from game.engine.orders import ScheduleMission
from game.engine.outcomes import MissionFlew, MissionScrubbed

from .conftest import add_crew, end_year, extend, of_type, operational, start, step, submit

HANDSHAKE = MissionType(
    id="handshake", name="Handshake in Orbit", available=1957, cost=5, craft=("capsule",), crew_min=1, crew_max=1,
    prestige=6, partner=True, steps=(step("launch", "rocket"), step("dock", "craft")),
)


def joint_content(content: Content) -> Content:
    return extend(content, missions=(HANDSHAKE,))


def booked(content: Content, sides: tuple[str, ...], months: dict[str, int] | None = None):  # noqa: ANN201
    state = start(content)
    for side, parts in (("usa", ("us_ace", "us_ace_capsule")), ("ussr", ("su_ace", "su_ace_capsule", "su_ace_sat"))):
        operational(state, content, side, *(part for part in parts if part in content.hardware))
        state.sides[side].funds = 500
        add_crew(state, side, 1)
    for side in sides:
        prefix = "us" if side == "usa" else "su"
        submit(state, content, ScheduleMission(side=side, mission="handshake", month=(months or {}).get(side, 7),
                                               rocket=f"{prefix}_ace",
                                               craft=f"{prefix}_ace_capsule"))
    return state


def test_a_joint_flight_with_both_halves_booked_flies_for_both(content: Content) -> None:
    content = joint_content(content)
    state = booked(content, ("usa", "ussr"))
    seen = view.side_view(state, content, "usa").sides["ussr"].scheduled
    assert [(item.mission, item.month) for item in seen] == [("handshake", 7)]
    assert (seen[0].crew, seen[0].rocket, seen[0].craft, seen[0].cost) == ([], "", "", 0)  # the date, nothing more
    outcomes = end_year(state, content)
    assert sorted(flew.side for flew in of_type(outcomes, MissionFlew)) == ["usa", "ussr"]
    assert not of_type(outcomes, MissionScrubbed)


def test_a_joint_flight_cannot_fly_alone(content: Content) -> None:
    content = joint_content(content)
    state = booked(content, ("usa",))
    outcomes = end_year(state, content)
    assert not of_type(outcomes, MissionFlew)
    scrubbed = of_type(outcomes, MissionScrubbed)
    assert [item.side for item in scrubbed] == ["usa"] and "cannot fly alone" in scrubbed[0].reason
    assert scrubbed[0].refund > 0


def test_the_rest_of_the_rivals_plan_stays_hidden(content: Content) -> None:
    content = joint_content(content)
    state = booked(content, ())
    submit(state, content, ScheduleMission(side="ussr", mission="sat_orbit", month=3, rocket="su_ace", craft="su_ace_sat"))
    assert view.side_view(state, content, "usa").sides["ussr"].scheduled == []


def test_the_two_halves_must_fly_in_the_same_month(content: Content) -> None:
    content = joint_content(content)
    state = booked(content, ("usa", "ussr"), {"usa": 7, "ussr": 9})
    outcomes = end_year(state, content)
    assert not of_type(outcomes, MissionFlew)
    assert sorted(item.side for item in of_type(outcomes, MissionScrubbed)) == ["usa", "ussr"]
    assert "not booked for July" in next(item.reason for item in of_type(outcomes, MissionScrubbed) if item.side == "usa")
