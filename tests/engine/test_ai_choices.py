"""The AI settles dilemmas from its state: declared costs and visible effects, never hidden follow-ups."""

from __future__ import annotations

import pytest

from game.engine import ai_choices, events, turn
from game.engine.defs import Content
from game.engine.orders import EndYear
from game.engine.rng import Rng
from game.engine.state import GameState

from ..story import load_story


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return load_story(tmp_path_factory.mktemp("story"))


def new(content: Content) -> GameState:
    return turn.new_game(content, "story", 1)[0]


def scores(state: GameState, content: Content, event_id: str, side: str = "usa") -> dict[str, int]:
    item = events.find_pending(state, side, event_id)
    assert item is not None
    return {choice.id: score for score, _, _, choice, _ in
            ai_choices.score_choices(state, content, side, content.events[event_id], item)}


def test_it_weighs_only_the_choices_it_may_take_and_pay_for(content: Content) -> None:
    state = new(content)
    assert set(scores(state, content, "budget_memo")) == {"spend", "save"}  # trusted and insider are greyed
    state.sides["usa"].funds = 100  # with the 50 held: not enough for 'spend'
    assert set(scores(state, content, "budget_memo")) == {"save"}


def test_money_is_worth_more_when_money_is_short() -> None:
    from game.engine.state import SideState

    poor = GameState("s", 1, 1961, 1961, 1966, {"usa": SideState("usa", budget=200), "ussr": SideState("ussr")})
    wealthy = GameState("s", 1, 1961, 1961, 1966, {"usa": SideState("usa", budget=5000), "ussr": SideState("ussr")})
    assert ai_choices.money_value(poor, "usa", 100) > ai_choices.money_value(wealthy, "usa", 100) > 0


def test_support_near_collapse_is_precious_and_collapse_is_never_chosen(content: Content) -> None:
    state = new(content)
    calm = ai_choices.support_value(state, "usa", -2)
    state.sides["usa"].support = 12
    assert ai_choices.support_value(state, "usa", -2) < calm < 0
    state.sides["usa"].support = 2
    assert ai_choices.support_value(state, "usa", -2) <= ai_choices.COLLAPSE * 10
    assert scores(state, content, "budget_memo")["spend"] < scores(state, content, "budget_memo")["save"]


def test_hidden_follow_ups_and_flags_are_worth_nothing_to_it(content: Content) -> None:
    state = new(content)
    spend = content.events["budget_memo"].choices[0]
    context = events.context_for(state, content, "usa", events.find_pending(state, "usa", "budget_memo"), "spend")
    follow_up = [effect for effect in spend.effects if effect.call.name == "follow_up"]
    assert follow_up and ai_choices._effects_value(state, content, "usa", tuple(follow_up), context, 0) == 0


def test_it_takes_the_best_or_one_near_it_and_names_the_crew_it_can_spare(content: Content) -> None:
    state = new(content)
    turn.apply(state, content, EndYear(side="usa"))
    turn.apply(state, content, EndYear(side="ussr"))
    item = events.find_pending(state, "usa", "volunteer")
    assert item is not None
    picks = [ai_choices.pick_choice(state, content, "usa", content.events["volunteer"], item, Rng.stream(seed, "t"))
             for seed in range(40)]
    taken = {pick[0].id for pick in picks if pick is not None}
    assert taken <= {"send_one", "resign_one", "refuse"} and len(taken) >= 2
    crews = {pick[1] for pick in picks if pick is not None and pick[0].cost.crew}
    newest = min(state.sides["usa"].crew, key=lambda m: (m.flights, m.piloting + m.eva + m.docking + m.endurance, m.id))
    assert crews == {newest.id}
