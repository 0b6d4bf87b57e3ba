"""Tests for scripted events (game.engine.events): news in its window, once, dilemmas, defaults and limits."""

from __future__ import annotations

from game.engine import rules, turn
from game.engine.defs import Choice, Content, Event, index_events
from game.engine.orders import Choose
from game.engine.outcomes import Changed, ChoiceMade, EventFired, FlagChanged, Outcome, YearReport
from game.engine.state import GameState

from .conftest import cond, eff, end_year, extend, of_type, start, submit


def fired(outcomes: list[Outcome], side: str | None = None) -> list[str]:
    return [outcome.event for outcome in of_type(outcomes, EventFired) if side is None or outcome.side == side]


def test_news_fires_in_its_window_and_applies_its_effects(content: Content) -> None:
    state, outcomes = turn.new_game(content, "test_race", 1)
    assert of_type(outcomes, EventFired) == [
        EventFired(side="usa", event="igy", year=1957, dilemma=False),
        EventFired(side="ussr", event="igy", year=1957, dilemma=False),
    ]
    assert Changed(side="usa", what="prestige", amount=5, cause="igy") in outcomes
    assert FlagChanged(side="ussr", flag="igy_seen", set=True) in outcomes
    for side in ("usa", "ussr"):
        assert state.sides[side].prestige == 5
        assert state.sides[side].flags == ["igy_seen"]
        assert state.sides[side].fired == {"igy": 1957}


def test_once_events_fire_only_once_in_their_window(state: GameState, content: Content) -> None:
    outcomes = end_year(state, content)  # 1958 is still inside igy's window
    assert "igy" not in fired(outcomes)
    assert state.sides["usa"].prestige == 5


def test_news_waits_for_its_trigger_and_repeatable_news_fires_every_year(state: GameState, content: Content) -> None:
    assert "boom_years" not in state.sides["usa"].fired
    state.sides["usa"].set_flag("boom")
    state.sides["ussr"].set_flag("boom")  # a usa-only event never fires for the ussr
    outcomes = end_year(state, content)
    assert fired(outcomes, "usa") == ["boom_years"]
    assert state.sides["usa"].funds == state.sides["usa"].budget + 7
    outcomes = end_year(state, content)
    assert fired(outcomes, "usa") == ["boom_years"]
    assert state.sides["usa"].fired["boom_years"] == 1959
    assert "boom_years" not in state.sides["ussr"].fired


def test_events_outside_their_window_never_fire(content: Content) -> None:
    late = Event(id="late_news", title="Late", text="", kind="news", sides=("usa",), first_year=1959, last_year=1959,
                 effects=(eff("add_prestige(1)"),))
    extended = extend(content, events=[late])
    state = start(extended)
    years = {}
    while not state.over:
        years[state.year] = "late_news" in state.sides["usa"].fired
        end_year(state, extended)
    assert years == {1957: False, 1958: False, 1959: True, 1960: True}
    assert state.sides["usa"].fired["late_news"] == 1959


def test_zero_chance_events_never_fire(content: Content) -> None:
    never = Event(id="never", title="Never", text="", kind="news", sides=("usa", "ussr"), first_year=1957,
                  last_year=1960, chance=0, once=False)
    extended = extend(content, events=[never])
    for seed in range(5):
        state = start(extended, seed)
        while not state.over:
            end_year(state, extended)
        assert all("never" not in state.sides[side].fired for side in ("usa", "ussr"))


def test_a_dilemma_waits_for_a_choice(state: GameState, content: Content) -> None:
    outcomes = end_year(state, content)
    assert EventFired(side="ussr", event="korolev_pitch", year=1958, dilemma=True) in outcomes
    ussr = state.sides["ussr"]
    assert [(item.event, item.year) for item in ussr.pending] == [("korolev_pitch", 1958)]
    prestige = ussr.prestige
    outcomes = submit(state, content, Choose(side="ussr", event="korolev_pitch", choice="simple"))
    assert outcomes[0] == ChoiceMade(side="ussr", event="korolev_pitch", choice="simple", by_default=False)
    assert outcomes[0].available == ("simple", "grand")
    assert ussr.pending == [] and ussr.prestige == prestige + 3 and ussr.has_flag("simple_sat")
    outcomes = end_year(state, content)
    assert not of_type(outcomes, ChoiceMade)
    assert "korolev_pitch" not in fired(outcomes)  # once: not posed again in 1959


def test_an_undecided_dilemma_takes_its_default_at_year_end(state: GameState, content: Content) -> None:
    end_year(state, content)
    ussr = state.sides["ussr"]
    outcomes = end_year(state, content)
    assert of_type(outcomes, ChoiceMade) == [ChoiceMade(side="ussr", event="korolev_pitch", choice="grand", by_default=True)]
    assert Changed(side="ussr", what="funds", amount=-20, cause="korolev_pitch") in outcomes
    assert ussr.has_flag("grand_sat") and not ussr.has_flag("simple_sat")
    assert ussr.pending == []
    choice_at = outcomes.index(of_type(outcomes, ChoiceMade)[0])
    assert choice_at < outcomes.index(of_type(outcomes, YearReport)[0])  # settled before the year's accounts


def test_default_choice_is_the_flagged_one_or_the_first() -> None:
    flagged = Event(id="a", title="", text="", kind="dilemma", sides=("usa",), first_year=1957, last_year=1957,
                    choices=(Choice("x", "X"), Choice("y", "Y", default=True)))
    unflagged = Event(id="b", title="", text="", kind="dilemma", sides=("usa",), first_year=1957, last_year=1957,
                      choices=(Choice("x", "X"), Choice("y", "Y")))
    bare = Event(id="c", title="", text="", kind="news", sides=("usa",), first_year=1957, last_year=1957)
    assert flagged.default_choice().id == "y"  # type: ignore[union-attr]
    assert unflagged.default_choice().id == "x"  # type: ignore[union-attr]
    assert bare.default_choice() is None


def dilemma(event_id: str, priority: int = 0) -> Event:
    return Event(
        id=event_id, title=event_id, text="", kind="dilemma", sides=("usa",), first_year=1957, last_year=1958,
        trigger=cond("year >= 1957"), priority=priority,
        choices=(Choice("yes", "Yes", effects=(eff(f"set_flag('{event_id}_yes')"),)), Choice("no", "No", default=True)),
    )


def test_at_most_the_rules_limit_of_dilemmas_per_year(content: Content) -> None:
    many = extend(content, events=[dilemma(f"d{number}") for number in range(1, 6)] + [dilemma("urgent", priority=9)])
    state, outcomes = turn.new_game(many, "test_race", 1)
    assert rules.MAX_DILEMMAS_PER_YEAR == 4
    assert [item.event for item in state.sides["usa"].pending] == ["urgent", "d1", "d2", "d3"]  # priority, then id
    assert fired(outcomes, "usa") == ["urgent", "igy", "d1", "d2", "d3", "d4", "d5"]
    waiting = [outcome.event for outcome in of_type(outcomes, EventFired) if outcome.waits]
    assert waiting == ["d4", "d5"]  # told, and shown as waiting for next year's briefing
    assert [(item.event, item.why_waiting) for item in state.sides["usa"].waiting] == [
        (event, "more than 4 decisions came this year") for event in ("d4", "d5")]
    outcomes = end_year(state, many)
    assert [(choice.event, choice.by_default) for choice in of_type(outcomes, ChoiceMade)] == [
        ("urgent", True), ("d1", True), ("d2", True), ("d3", True),
    ]
    assert [item.event for item in state.sides["usa"].pending] == ["d4", "d5"]  # the rest waited a year
    assert {outcome.source for outcome in of_type(outcomes, EventFired) if outcome.event in ("d4", "d5")} == {"waiting"}


def test_news_is_not_limited_by_the_dilemma_cap(content: Content) -> None:
    many = extend(content, events=[dilemma(f"d{number}") for number in range(1, 6)])
    state = start(many)
    assert "igy" in state.sides["usa"].fired
    assert len(state.sides["usa"].pending) == rules.MAX_DILEMMAS_PER_YEAR


def test_the_event_index_orders_by_priority_then_id(content: Content) -> None:
    events = {event.id: event for event in [dilemma("b"), dilemma("a"), dilemma("z", priority=3)]}
    index = index_events(events)
    assert sorted(index) == [1957, 1958]
    assert [event.id for event in index[1957]] == ["z", "a", "b"]
    assert [event.id for event in content.events_for_year(1958)] == ["igy", "boom_years", "korolev_pitch"]
    assert content.events_for_year(1990) == ()


def test_recruit_women_selects_only_women() -> None:
    """The effect a women's cosmonaut group uses: every candidate it selects is a woman."""
    from game.content.loader import load_content
    from game.engine import turn
    from game.engine.rng import Rng
    from game.engine.scripting import FUNCTIONS, EvalContext

    content = load_content()
    state, _ = turn.new_game(content, "full_campaign", 11)
    context = EvalContext(state, content, "ussr", rng=Rng.stream(11, "test"))
    FUNCTIONS["recruit_women"].impl(context, 5)
    recruits = state.sides["ussr"].crew
    assert len(recruits) == 5 and all(member.woman for member in recruits)
