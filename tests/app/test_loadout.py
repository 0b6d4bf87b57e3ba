"""The choices a flight can be booked with: what can fly a mission (the best first: the cheapest within two points
of the top chance), the crew free to fly it, and the plan for any choice; the terminal names them with the words
that book them."""

from __future__ import annotations

import io

import pytest

from game.app import loadout, views
from game.app.commands.interpreter import TextGame
from game.app.session import Session
from game.content.loader import load_content
from game.engine.defs import Content
from game.engine.orders import ScheduleMission


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture()
def session(content: Content) -> Session:
    return Session.new(content, "detente", 7, players=("usa",))[0]


def test_the_best_comes_first_and_matches_the_plan(session: Session, content: Content) -> None:
    options = loadout.hardware_options(session.state, content, "usa", "crewed_orbit")
    assert len(options) > 1 and options[0].best and not any(option.best for option in options[1:])
    best = views.mission_plan(session.state, content, "usa", "crewed_orbit")
    chosen = loadout.choice_plan(session.state, content, "usa", "crewed_orbit")
    assert not isinstance(best, str) and chosen == best
    other = options[1]
    plan = loadout.choice_plan(session.state, content, "usa", "crewed_orbit", other.rocket, other.craft, other.lander)
    assert not isinstance(plan, str) and (plan.loadout.rocket, plan.loadout.craft) == (other.rocket, other.craft)
    assert plan.chance == other.chance


def test_crew_free_to_fly_and_a_booked_one_refused(session: Session, content: Content) -> None:
    free = loadout.crew_options(session.state, content, "usa", "crewed_orbit")
    first = free[0].id
    assert [option.skill for option in free] == sorted((option.skill for option in free), reverse=True)
    session.submit(ScheduleMission(side="usa", mission="crewed_orbit", month=0, crew=(first,)))
    assert first not in [option.id for option in loadout.crew_options(session.state, content, "usa", "crewed_orbit")]
    assert loadout.booked_on(session.state, "usa", first) == session.state.sides["usa"].scheduled[-1].number
    refused = loadout.choice_plan(session.state, content, "usa", "crewed_orbit", crew=(first,))
    assert isinstance(refused, str) and "already assigned" in refused


def test_the_terminal_names_the_choices_with_their_words(session: Session) -> None:
    out = io.StringIO()
    game = TextGame(session, "usa", out, None, colour=False, width=100)
    game.handle("examine crewed_orbit")
    text = out.getvalue()
    assert "Can also fly on:" in text and "rocket=" in text and "crew=NAME,NAME" in text


def test_best_is_the_least_money_per_success_within_five_points_of_the_highest_chance() -> None:
    def option(name: str, chance: int, cost: int) -> loadout.HardwareOption:
        return loadout.HardwareOption(name, "craft", "", name, chance, cost, False)

    dear, close, far = option("dear", 700, 30), option("close", 681, 20), option("far", 640, 10)
    assert loadout.best_of([dear, close, far]) is close  # 1.9 points less for a third less: better value
    assert loadout.best_of([dear, far]) is dear  # 6 points behind: never preferred for its price
    saturn, delta = option("saturn_v", 980, 250), option("thor_delta", 940, 12)
    assert loadout.best_of([saturn, delta]) is delta  # a weather satellite does not need a Moon rocket
    same = option("same", 690, 20)
    assert loadout.best_of([dear, close, same]) is same  # as cheap: the higher chance
    twice = option("twice", 700, 60)
    assert loadout.best_of([dear, twice]) is dear  # the same chance: the cheaper
    assert loadout.best_of([]) is None


@pytest.mark.parametrize("side", ["usa", "ussr"])
def test_the_option_marked_best_is_the_best_value_at_a_similar_chance(content: Content, side: str) -> None:
    """Every mission either side can fly in 1969: "(best)" goes to the least money per success within five points of
    the top chance, and the planner's plan with nothing chosen is that one."""
    state = Session.new(content, "detente", 7, players=(side,))[0].state
    checked = 0
    for mission_id in sorted(content.missions):
        options = loadout.hardware_options(state, content, side, mission_id)
        if len(options) < 2:
            continue
        checked += 1
        best = [option for option in options if option.best]
        assert len(best) == 1 and options[0] is best[0]
        top = max(option.chance for option in options)
        margin = loadout.BEST_MARGIN
        assert best[0].chance >= top - margin
        assert all(option.cost * best[0].chance >= best[0].cost * option.chance
                   for option in options if option.chance >= top - margin), mission_id
        plan = loadout.choice_plan(state, content, side, mission_id)
        assert not isinstance(plan, str)
        assert (plan.loadout.rocket, plan.loadout.craft, plan.loadout.lander) == (best[0].rocket, best[0].craft,
                                                                                  best[0].lander)
        assert plan.chance == best[0].chance
    assert checked >= 5


def test_the_terminal_says_the_chance_of_losing_the_crew(session: Session, content: Content) -> None:
    plan = views.mission_plan(session.state, content, "usa", "crewed_orbit")
    assert not isinstance(plan, str) and plan.crew_risk > 0
    out = io.StringIO()
    game = TextGame(session, "usa", out, None, colour=False, width=100)
    game.handle("examine crewed_orbit")
    game.handle("examine small_satellite")
    text = out.getvalue()
    assert f"Chance of losing the crew: {plan.crew_risk / 10:.1f}%" in text
    assert text.count("Chance of losing the crew") == 1  # the satellite flies nobody
    game.handle("schedule crewed_orbit")
    game.handle("status")
    assert "to lose the crew)" in out.getvalue()  # the booking's line says it too


def test_the_planners_list_says_what_its_plan_shows(content: Content) -> None:
    """Each ready row of the planner's list names the vehicle, chance and cost of the plan beside it (the best)."""
    state = Session.new(content, "detente", 7, players=("ussr",))[0].state
    rows = [row for row in loadout.planner_rows(state, content, "ussr") if row.ready]
    assert len(rows) >= 5
    for row in rows:
        plan = loadout.choice_plan(state, content, "ussr", row.id)
        assert not isinstance(plan, str)
        names = content.hardware
        vehicle = f"{names[plan.loadout.rocket].name} / {names[plan.loadout.craft].name}"
        assert row.note.startswith(vehicle) and (row.chance, row.cost) == (plan.chance, plan.cost), row.id
