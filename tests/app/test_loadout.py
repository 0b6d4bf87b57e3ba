"""The choices a flight can be booked with: what can fly a mission (the engine's best first), the crew free to fly
it, and the plan for any choice; the terminal names them with the words that book them."""

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
