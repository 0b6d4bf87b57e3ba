"""The planner's months: which are open for a mission this year, and why the others are not."""

from __future__ import annotations

import pytest

from game.app import views
from game.app.session import Session
from game.content.loader import load_game
from game.engine.orders import OrderRefused, ScheduleMission


@pytest.fixture(scope="module")
def content():  # noqa: ANN201 - Content
    result = load_game(mod_paths=[], mods_dir=None)
    assert result.content is not None
    return result.content


def test_a_launch_window_opens_only_its_months(content) -> None:  # noqa: ANN001
    session, _ = Session.new(content, "detente", 7, players=("usa",))
    choices = views.month_choices(session.state, content, "usa", "mars_flyby")
    assert [choice.month for choice in choices] == list(range(1, 13))
    assert [choice.name for choice in choices if choice.allowed] == ["March", "April"]
    may = choices[4]
    assert "only in March and April 1969" in may.reason and "launch window" in may.reason
    assert all(choice.booked == 0 for choice in choices)


def test_the_months_agree_with_the_engine(content) -> None:  # noqa: ANN001
    session, _ = Session.new(content, "detente", 7, players=("usa",))
    own = session.state.sides["usa"]
    for _ in range(own.pads):  # fill every pad in February (prepared in January and February)
        session.submit(ScheduleMission(side="usa", mission="small_satellite", month=2))
    choices = views.month_choices(session.state, content, "usa", "small_satellite")
    assert "preparation" in choices[0].reason and "February" in choices[0].reason  # two months on the pad
    assert choices[1].booked == own.pads and not choices[1].allowed and "pad" in choices[1].reason
    assert not choices[2].allowed  # March would need the pads in February too
    assert choices[3].allowed and choices[3].reason == ""
    for choice in choices:  # what the view says is what the engine does
        order = ScheduleMission(side="usa", mission="small_satellite", month=choice.month)
        if choice.allowed:
            continue
        with pytest.raises(OrderRefused):
            session.submit(order)


def test_a_mission_not_available_this_year_has_no_open_month(content) -> None:  # noqa: ANN001
    session, _ = Session.new(content, "full_campaign", 7, players=("usa",))
    choices = views.month_choices(session.state, content, "usa", "animal_orbit")
    assert not any(choice.allowed for choice in choices)
    assert all("1959" in choice.reason for choice in choices)  # the return from orbit needs a heat shield
