"""What used to happen silently is told: crew whose years of service are over retire with a line of news, and a
station that can no longer be visited says so at the start of the year."""

from __future__ import annotations

import pytest

from game.app.narrate import narrate
from game.app.session import Session
from game.content.loader import load_content
from game.engine import ai, rules
from game.engine.defs import Content
from game.engine.orders import EndYear, Order, OrderRefused
from game.engine.outcomes import CrewRetired, Outcome, StationClosed


@pytest.fixture(scope="module")
def campaign() -> tuple[Session, list[Outcome]]:
    """A whole campaign with the American side played by the AI through the player's seat."""
    content: Content = load_content()
    session, outcomes = Session.new(content, "full_campaign", 4, players=("usa",))  # a seed whose station wears out

    def submit(order: Order) -> bool:
        try:
            outcomes.extend(session.submit(order))
        except OrderRefused:
            return False
        return True

    while not session.over:
        ai.act(session.state, content, "usa", submit)
        outcomes.extend(session.submit(EndYear(side="usa")))
    return session, outcomes


def test_crew_retire_with_news(campaign: tuple[Session, list[Outcome]]) -> None:
    session, outcomes = campaign
    retired = [o for o in outcomes if isinstance(o, CrewRetired) and o.side == "usa"]
    assert retired
    member = session.state.sides["usa"].crew_by_id(retired[0].crew)
    assert member is not None and member.status == "retired"
    text = " ".join(line.text for line in narrate(retired[:1], session.content, session.state, "usa"))
    assert f"{member.name} retires from the corps" in text and f"{rules.CREW_SERVICE_YEARS} years" in text


def test_a_worn_out_station_is_told(campaign: tuple[Session, list[Outcome]]) -> None:
    session, outcomes = campaign
    closed = [o for o in outcomes if isinstance(o, StationClosed) and o.side == "usa"]
    stations = [s for s in session.state.sides["usa"].stations if s.launched + rules.STATION_LIFE_YEARS <= 1975]
    assert len(closed) == len(stations) > 0
    text = " ".join(line.text for line in narrate(closed[:1], session.content, session.state, "usa"))
    assert "can no longer visit it" in text and f"launched {closed[0].launched}" in text


def test_the_year_end_report_says_why_support_moved(campaign: tuple[Session, list[Outcome]]) -> None:
    from game.engine.outcomes import YearReport

    session, outcomes = campaign
    reports = [o for o in outcomes if isinstance(o, YearReport) and o.side == "usa"]
    behind = next(r for r in reports if r.rival_gain >= r.prestige_gain + 4)  # a year the rival gained more
    assert behind.support_race < 0
    text = " ".join(line.text for line in narrate([behind], session.content, session.state, "usa"))
    assert f"Why support moved: {behind.support_race} from the race (your prestige" in text
    assert f"the rival's +{behind.rival_gain})" in text
    for report in reports:  # the parts never claim more than the change they explain
        said = " ".join(line.text for line in narrate([report], session.content, session.state, "usa"))
        assert ("Why support moved" in said) == any((report.support_race, report.support_drift, report.support_service))


def test_the_rivals_prestige_changes_say_where_they_come_from(campaign: tuple[Session, list[Outcome]]) -> None:
    from game.engine.outcomes import Changed

    session, outcomes = campaign
    theirs = [o for o in outcomes if isinstance(o, Changed) and o.side == "ussr" and o.what == "prestige"]
    assert theirs
    for change in theirs:
        text = " ".join(line.text for line in narrate([change], session.content, session.state, "usa"))
        assert text.startswith("The Soviet Union: prestige") and "(" in text, text
