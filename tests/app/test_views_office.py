"""views.office and views.crew_bookings: what recruiting, training, education and pads cost and buy."""

from __future__ import annotations

import pytest

from game.app import views
from game.app.session import Session
from game.content.loader import load_game
from game.engine import rules
from game.engine.orders import Fund, Recruit


@pytest.fixture(scope="module")
def content():  # noqa: ANN201
    result = load_game(mod_paths=[], mods_dir=None)
    assert result.content is not None
    return result.content


def test_office_before_and_after_recruiting_and_training(content) -> None:  # noqa: ANN001
    session, _ = Session.new(content, "full_campaign", 7, players=("usa",))
    view = views.office(session.state, "usa")
    assert (view.recruit_cost, view.pad_cost, view.pads) == (rules.RECRUIT_COST, rules.PAD_COST, 1)
    assert view.recruits_left == rules.MAX_RECRUITS_PER_YEAR and view.active_crew == 0
    assert view.skill_gain == 0 and view.training_useful == 0 and view.research_bonus == 0
    session.submit(Recruit(side="usa", count=3))
    session.submit(Fund(side="usa", target="training", amount=12))
    view = views.office(session.state, "usa")
    assert view.recruits_left == rules.MAX_RECRUITS_PER_YEAR - 3 and view.active_crew == 3
    assert view.training == 12 and view.training_useful == 3 * rules.TRAINING_PER_MEMBER_CAP
    assert view.skill_gain == rules.BASE_SKILL_GAIN + min(12 // 3, rules.TRAINING_PER_MEMBER_CAP)
    session.state.sides["usa"].education_total = 500
    assert views.office(session.state, "usa").research_bonus == 500 // rules.EDUCATION_PER_BONUS


def test_crew_bookings_name_each_members_flights(content) -> None:  # noqa: ANN001
    session, _ = Session.new(content, "full_campaign", 7, players=("usa",))
    assert views.crew_bookings(session.state, content, "usa") == {}
    own = session.state.sides["usa"]
    session.submit(Recruit(side="usa", count=1))
    from game.engine.state import ScheduledMission

    own.scheduled.append(ScheduledMission(number=1, mission=next(iter(content.missions)), month=5, rocket="", craft="",
                                          crew=[own.crew[0].id]))
    booked = views.crew_bookings(session.state, content, "usa")
    assert list(booked) == [own.crew[0].id] and booked[own.crew[0].id][0].startswith("#1 May: ")
