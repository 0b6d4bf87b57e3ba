"""What needs the side's attention, each item with its place: the same items the HQ links and the terminal names."""

from __future__ import annotations

import pytest

from game.app import attention
from game.app.session import Session
from game.content.loader import load_content
from game.engine.defs import Content
from game.engine.orders import ScheduleMission


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


def test_programs_named_in_order_and_the_longest_name_wins(content: Content) -> None:
    names = {hardware.name: hardware_id for hardware_id, hardware in content.hardware.items() if hardware.side == "usa"}
    text = "Atlas-Agena flies it; Atlas does not, nor does Mercury"
    assert attention.programs_named(content, "usa", text) == (names["Atlas-Agena"], names["Atlas"], names["Mercury"])


def test_an_open_first_not_ready_names_every_program_it_could_use(content: Content) -> None:
    session, _ = Session.new(content, "full_campaign", 7, players=("usa",))
    items = attention.attention(session.state, content, "usa")
    first = next(item for item in items if item.place.screen == "missions")
    assert first.place.id == "small_satellite" and len(first.links) >= 2
    assert all(link.place.screen == "programs" and link.label in first.fact for link in first.links)
    unfunded = next(item for item in items if "no money this year" in item.fact)
    assert [link.label for link in unfunded.links] == ["Vanguard"]


def test_bookings_say_who_flies_and_lead_to_the_planner(content: Content) -> None:
    session, _ = Session.new(content, "detente", 7, players=("usa",))
    session.submit(ScheduleMission(side="usa", mission="crewed_orbit", month=0))
    (booking,) = attention.bookings(session.state, content, "usa")
    member = session.state.sides["usa"].crew_by_id(session.state.sides["usa"].scheduled[0].crew[0])
    assert member is not None and booking.crew == member.name and booking.crew_short == member.name.split()[-1]
    assert booking.place == attention.Place("missions", "crewed_orbit", booking.number) and 0 < booking.chance < 1000
