"""Choices that come back: variables, named conditions, text variants, choice conditions and costs, follow-ups,
promises, hooks and characters — each through a content file (tests/data/story/story.toml), as a modder writes it."""

from __future__ import annotations

import pytest

from game.engine import characters, choices, consequences, events, turn
from game.engine.context import EvalContext
from game.engine.defs import Content
from game.engine.orders import BuildPad, CancelMission, Choose, OrderRefused, ScheduleMission
from game.engine.outcomes import (
    Changed,
    ChoiceCostPaid,
    CharacterJoined,
    CharacterLeft,
    CrewLost,
    CrewReleased,
    EventFired,
    EventLapsed,
    FollowUpScheduled,
    MilestoneClaimed,
    MissionFlew,
    OpinionChanged,
    Outcome,
    PromiseMade,
    PromiseSettled,
)
from game.engine.state import GameState

from ..story import load_story
from .conftest import end_year, of_type, submit



@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return load_story(tmp_path_factory.mktemp("story"))


def new(content: Content, seed: int = 1) -> GameState:
    state, _ = turn.new_game(content, "story", seed)
    return state


def context(state: GameState, content: Content, side: str = "usa") -> EvalContext:
    return EvalContext(state, content, side)


# -- variables and named conditions ------------------------------------------------------------------


def test_variables_start_at_the_scenario_value_and_stay_in_range(content: Content) -> None:
    state = new(content)
    assert state.sides["usa"].variables == {"public_trust": 60, "secret_doubts": 0}
    assert state.sides["ussr"].variables == {"secret_doubts": 0}  # public_trust is the USA's only
    ctx = context(state, content)
    consequences.set_variable(ctx, "public_trust", 250)
    assert consequences.variable(state, content, "usa", "public_trust") == 100
    assert ctx.outcomes == [Changed(side="usa", what="variable", amount=40, subject="public_trust", cause="", value=100)]
    content.effect_lists["good_press"].effects[0](ctx)
    assert state.sides["usa"].variables["public_trust"] == 100  # clamped at its max


def test_named_conditions_are_read_by_their_bare_names(content: Content) -> None:
    state = new(content)
    ctx = context(state, content)
    assert content.conditions["trust_is_high"].test(ctx) is False
    state.sides["usa"].variables["public_trust"] = 75
    assert content.conditions["trust_is_high"].test(ctx) is True
    variants = content.events["budget_memo"].variants["text"]
    assert [variant.when_text for variant in variants] == ["trust_is_high", "ahead"]


# -- the dilemma: text variants, a speaker, greyed choices, costs --------------------------------------


def test_a_dilemma_in_a_characters_mouth_arrives_with_the_text_that_fits(content: Content) -> None:
    state = new(content)
    (item,) = state.sides["usa"].pending
    assert item.event == "budget_memo" and item.variant == -1  # trust 60, prestige level: the plain text
    state.sides["usa"].variables["public_trust"] = 80
    assert events.pick_variant(content.events["budget_memo"], context(state, content)) == 0


def test_a_greyed_choice_says_why_in_plain_words(content: Content) -> None:
    state = new(content)
    event = content.events["budget_memo"]
    item = state.sides["usa"].pending[0]
    ctx = events.context_for(state, content, "usa", item)
    trusted, insider = event.choices[1], event.choices[2]
    assert choices.why_unavailable(trusted, ctx) == "needs the public's trust at 70 or more and an operational Saturn V"
    state.sides["usa"].variables["public_trust"] = 90
    assert choices.why_unavailable(trusted, ctx) == "needs an operational Saturn V"  # only what is still missing
    assert choices.why_unavailable(insider, ctx) == "Nobody will talk to you yet."  # the author's own words
    with pytest.raises(OrderRefused, match="“trusted” is not available: needs an operational Saturn V"):
        turn.apply(state, content, Choose(side="usa", event="budget_memo", choice="trusted"))


def test_the_defaults_money_is_set_aside_at_the_briefing_and_paid_if_nobody_decides(content: Content) -> None:
    state = new(content)
    own = state.sides["usa"]
    assert own.pending[0].held == 50 and own.funds == own.budget - 50
    outcomes = end_year(state, content)
    paid = of_type(outcomes, ChoiceCostPaid)
    assert paid == [ChoiceCostPaid(side="usa", event="budget_memo", choice="save", funds=50)]
    assert own.ledger.get("decisions") is None  # a new year's ledger; last year's showed it
    assert characters.standing(state, content, "usa", "webb").opinion == 55 - 15


def test_choosing_releases_the_held_money_and_pays_the_choices_own_cost(content: Content) -> None:
    state = new(content)
    own = state.sides["usa"]
    budget, support = own.budget, own.support
    outcomes = submit(state, content, Choose(side="usa", event="budget_memo", choice="spend"))
    assert own.funds == budget - 300 and own.support == support - 2 and own.ledger["decisions"] == 300
    assert ChoiceCostPaid(side="usa", event="budget_memo", choice="spend", funds=300, support=2) in outcomes
    assert Changed(side="usa", what="support", amount=-2, cause="budget_memo", value=support - 2) in outcomes


def test_a_choice_that_cannot_be_paid_is_refused_and_changes_nothing(content: Content) -> None:
    state = new(content)
    own = state.sides["usa"]
    own.funds = 100  # plus the 50 held for the default
    before = state.to_dict()
    with pytest.raises(OrderRefused, match=r"it costs \$300M and only \$150M is left this year"):
        turn.apply(state, content, Choose(side="usa", event="budget_memo", choice="spend"))
    assert state.to_dict() == before


def test_a_choice_that_would_collapse_support_is_known_before_it_is_taken(content: Content) -> None:
    state = new(content)
    spend = content.events["budget_memo"].choices[0]
    assert not choices.would_collapse(state, "usa", spend)
    state.sides["usa"].support = 2
    assert choices.would_collapse(state, "usa", spend)


def test_a_crew_member_given_up_must_be_named_and_not_booked(content: Content) -> None:
    state = new(content)
    end_year(state, content)  # 1962: the volunteer dilemma
    own = state.sides["usa"]
    assert [item.event for item in own.pending] == ["volunteer"]
    member = own.active_crew(state.year)[0]
    with pytest.raises(OrderRefused, match="it costs a crew member: name who"):
        turn.apply(state, content, Choose(side="usa", event="volunteer", choice="send_one"))
    submit(state, content, ScheduleMission(side="usa", mission="crewed_orbit", month=5, crew=(member.id,)))
    with pytest.raises(OrderRefused, match=f"{member.name} is booked on #1"):
        turn.apply(state, content, Choose(side="usa", event="volunteer", choice="send_one", crew=member.id))
    submit(state, content, CancelMission(side="usa", number=1))
    outcomes = submit(state, content, Choose(side="usa", event="volunteer", choice="send_one", crew=member.id))
    assert CrewReleased(side="usa", crew=member.id, leaves=False, cause="volunteer") in outcomes
    assert member.status == "away" and own.launches_given_up == 1
    assert choices.capacity(own) == 3
    end_year(state, content)
    assert member.status == "active"  # back after sitting out the year
    assert own.launches_given_up == 0


def test_launches_given_up_are_refused_while_booked(content: Content) -> None:
    state = new(content)
    end_year(state, content)
    own = state.sides["usa"]
    submit(state, content, *[ScheduleMission(side="usa", mission="small_satellite", month=month) for month in (2, 4, 6, 8)])
    member = own.active_crew(state.year)[0]
    with pytest.raises(OrderRefused, match="it gives up 1 launch this year, and 4 of your 4 launches are booked"):
        turn.apply(state, content, Choose(side="usa", event="volunteer", choice="send_one", crew=member.id))
    submit(state, content, BuildPad(side="usa"))
    submit(state, content, Choose(side="usa", event="volunteer", choice="send_one", crew=member.id))
    assert choices.capacity(own) == 7


# -- follow-ups and promises ---------------------------------------------------------------------------


def test_a_choice_comes_back_two_years_later_and_says_why(content: Content) -> None:
    state = new(content)
    outcomes = submit(state, content, Choose(side="usa", event="budget_memo", choice="spend"))
    assert FollowUpScheduled(side="usa", event="spending_review", first=1963, last=1963, foreseen=True,
                             cause="budget_memo", choice="spend") in outcomes
    assert PromiseMade(side="usa", promise="quick_win", deadline=1963, cause="budget_memo", choice="spend") in outcomes
    assert [(item.event, item.due) for item in state.sides["usa"].followups] == [("spending_review", 1963)]
    end_year(state, content)
    outcomes = end_year(state, content)  # into 1963
    fired = [outcome for outcome in of_type(outcomes, EventFired) if outcome.event == "spending_review"]
    assert fired == [EventFired(side="usa", event="spending_review", year=1963, dilemma=False, source="follow_up",
                                cause_event="budget_memo", cause_choice="spend", cause_year=1961)]
    assert state.sides["usa"].followups == []


def test_a_follow_up_in_a_range_is_due_in_one_drawn_year_and_lapses_if_it_no_longer_applies(content: Content) -> None:
    dues = set()
    for seed in range(12):
        state = new(content, seed)
        outcomes = end_year(state, content)  # the default, 'save', schedules quiet_regret 1–3 years on
        assert FollowUpScheduled(side="usa", event="quiet_regret", first=1962, last=1964, foreseen=False,
                                 cause="budget_memo", choice="save") in outcomes
        came: list[Outcome] = [o for o in outcomes if isinstance(o, EventFired) and o.event == "quiet_regret"]
        while not came:
            came = [o for o in end_year(state, content) if isinstance(o, (EventFired, EventLapsed)) and o.event == "quiet_regret"]
        assert len(came) == 1 and 1962 <= state.year <= 1964
        dues.add(state.year)
    assert len(dues) > 1  # the year is drawn, per game
    state = new(content, 3)
    submit(state, content, Choose(side="usa", event="budget_memo", choice="save"))
    state.sides["usa"].variables["secret_doubts"] = 9  # its trigger no longer holds when it comes due
    lapsed: list[EventLapsed] = []
    while state.sides["usa"].followups:
        lapsed += of_type(end_year(state, content), EventLapsed)
    assert lapsed == [EventLapsed(side="usa", event="quiet_regret", reason="it no longer applies",
                                  cause_event="budget_memo", cause_choice="save")]


def test_a_promise_is_kept_as_soon_as_it_holds_and_broken_at_its_deadline(content: Content) -> None:
    state = new(content)
    usa = state.sides["usa"]
    assert [(item.promise, item.made, item.deadline) for item in usa.promises] == [("orbit_by_1963", 1960, 1963)]
    end_year(state, content)
    end_year(state, content)
    support = usa.support
    outcomes = end_year(state, content)  # the end of 1963, no American in orbit
    assert PromiseSettled(side="usa", promise="orbit_by_1963", kept=False, year=1963) in outcomes
    assert usa.promises[0].status == "broken" and usa.promises[0].settled == 1963
    assert Changed(side="usa", what="support", amount=-6, cause="orbit_by_1963", value=support - 6) in outcomes


def test_a_promise_kept_early(content: Content) -> None:
    state = new(content)
    state.sides["usa"].achieved["crewed_orbit"] = 1961
    outcomes = end_year(state, content)
    assert PromiseSettled(side="usa", promise="orbit_by_1963", kept=True, year=1961) in outcomes
    assert consequences.open_promise(state, "usa", "orbit_by_1963") is None


# -- hooks -----------------------------------------------------------------------------------------


def claim(state: GameState, content: Content, side: str, milestone: str) -> list[Outcome]:
    from game.engine import hooks, missions

    happened = missions.claim(state, content, side, milestone, 4, "crewed_orbit", [])
    return happened + hooks.dispatch(state, content, happened)


def test_a_rivals_first_is_news_with_its_subject(content: Content) -> None:
    state = new(content)
    outcomes = claim(state, content, "ussr", "crewed_orbit")
    fired = [outcome for outcome in of_type(outcomes, EventFired) if outcome.event == "rival_took_it"]
    assert fired == [EventFired(side="usa", event="rival_took_it", year=1961, dilemma=False, source="hook",
                                subject=(("by", "ussr"), ("first", "yes"), ("milestone", "crewed_orbit"),
                                         ("mission", "crewed_orbit")))]
    assert state.sides["usa"].variables["public_trust"] == 57
    assert state.sides["usa"].briefing[-1].subject["milestone"] == "crewed_orbit"


def test_a_hook_condition_reads_what_happened(content: Content) -> None:
    state = new(content)
    outcomes = claim(state, content, "usa", "crewed_orbit")
    assert "we_claimed" in [outcome.event for outcome in of_type(outcomes, EventFired)]
    assert state.sides["usa"].variables["public_trust"] == 70
    state = new(content)
    outcomes = claim(state, content, "usa", "spacewalk")  # not crewed_orbit: the trigger says no
    assert "we_claimed" not in [outcome.event for outcome in of_type(outcomes, EventFired)]


def test_a_hooked_dilemma_waits_for_the_next_briefing(content: Content) -> None:
    from game.engine import hooks
    from game.engine.outcomes import StepResult

    state = new(content)
    failed = MissionFlew(side="ussr", number=1, mission="crewed_orbit", year=1961, month=4, day=12, rocket="r7_luna",
                         craft="vostok", lander="", crew=(), result="failure",
                         steps=(StepResult("launch", "Launch", 900, False, "abort"),), prestige=-2)
    outcomes = hooks.dispatch(state, content, [failed])
    assert [(o.event, o.waits, dict(o.subject)["program"]) for o in of_type(outcomes, EventFired)] == [
        ("failure_inquiry", True, "r7_luna")]
    assert [item.event for item in state.sides["ussr"].waiting] == ["failure_inquiry"]
    end_year(state, content)
    assert "failure_inquiry" in [item.event for item in state.sides["ussr"].pending]


def test_crew_lost_and_support_crossing_hooks(content: Content) -> None:
    from game.engine import hooks

    state = new(content)
    member = state.sides["usa"].crew[0]
    lost = CrewLost(side="usa", crew=member.id, cause="training_accident")
    outcomes = hooks.dispatch(state, content, [lost])
    mourning = [o for o in of_type(outcomes, EventFired) if o.event == "mourning"]
    assert mourning and dict(mourning[0].subject) == {"crew": member.id, "mission": "", "training": "yes"}
    fell = Changed(side="ussr", what="support", amount=-25, cause="x", value=25)
    assert "support_slump" in [o.event for o in of_type(hooks.dispatch(state, content, [fell]), EventFired)]
    stayed_low = Changed(side="ussr", what="support", amount=-2, cause="x", value=23)  # already below: no crossing
    assert "support_slump" not in [o.event for o in of_type(hooks.dispatch(state, content, [stayed_low]), EventFired)]


# -- characters -------------------------------------------------------------------------------------


def test_characters_remember_why_their_opinion_moved(content: Content) -> None:
    state = new(content)
    outcomes = submit(state, content, Choose(side="usa", event="budget_memo", choice="spend"))
    assert OpinionChanged(side="usa", character="webb", amount=10, value=65, cause="budget_memo", choice="spend") in outcomes
    memory = state.sides["usa"].characters["webb"].memory
    assert [(item.year, item.event, item.choice, item.amount) for item in memory] == [(1961, "budget_memo", "spend", 10)]


def test_characters_come_and_go_with_their_years_and_leaders_follow(content: Content) -> None:
    state = new(content)
    assert characters.leader(state, content, "usa").id == "kennedy"  # type: ignore[union-attr]
    assert state.sides["usa"].characters["johnson"].status == "upcoming"
    for _ in range(3):
        outcomes = end_year(state, content)
    assert state.year == 1964
    assert CharacterJoined(side="usa", character="johnson") in outcomes
    assert CharacterLeft(side="usa", character="kennedy", reason="history") in outcomes
    assert characters.leader(state, content, "usa").id == "johnson"  # type: ignore[union-attr]


def test_a_character_resigns_when_their_opinion_collapses(content: Content) -> None:
    state = new(content)
    state.sides["usa"].characters["webb"].opinion = 30
    outcomes = end_year(state, content)  # the default costs Webb 15 → 15, at or below his 20
    assert CharacterLeft(side="usa", character="webb", reason="resigned") in outcomes
    assert not characters.serving(state, content, "usa", "webb")


def test_an_event_in_the_mouth_of_someone_gone_does_not_come(content: Content) -> None:
    state = new(content)
    assert "korolev_speaks" in state.sides["ussr"].fired
    for _ in range(5):
        end_year(state, content)
    assert state.year == 1966 and state.sides["ussr"].fired["korolev_speaks"] == 1965  # gone in 1966


# -- the state keeps it all ---------------------------------------------------------------------------


def test_every_consequence_survives_a_save(content: Content) -> None:
    state = new(content)
    submit(state, content, Choose(side="usa", event="budget_memo", choice="spend"))
    claim(state, content, "ussr", "crewed_orbit")
    end_year(state, content)
    again = GameState.from_dict(state.to_dict())
    assert again == state and again.checksum() == state.checksum()
    usa = again.sides["usa"]
    assert usa.followups and usa.promises and usa.characters["webb"].memory and usa.variables


def test_dilemmas_raised_mid_year_are_decided_at_the_next_briefing_in_order(content: Content) -> None:
    state = new(content)
    claims = of_type(claim(state, content, "ussr", "crewed_orbit"), MilestoneClaimed)
    assert claims and state.sides["usa"].briefing[-1].event == "rival_took_it"


def test_an_event_can_end_a_term_and_swear_in_the_successor_at_once(content: Content) -> None:
    from game.engine.scripting import FUNCTIONS

    state = new(content)
    ctx = EvalContext(state, content, "usa", cause="dallas")
    FUNCTIONS["end_service"].impl(ctx, "kennedy")
    FUNCTIONS["appoint"].impl(ctx, "johnson")
    assert ctx.outcomes == [CharacterLeft(side="usa", character="kennedy", reason="history", cause="dallas"),
                            CharacterJoined(side="usa", character="johnson", cause="dallas")]
    assert characters.leader(state, content, "usa").id == "johnson"  # type: ignore[union-attr]
    assert characters.leader(state, content, "usa", 1960) is None  # nobody earlier
    assert state.sides["usa"].characters["johnson"].first == 1961
    FUNCTIONS["dismiss"].impl(ctx, "webb")
    assert ctx.outcomes[-1] == CharacterLeft(side="usa", character="webb", reason="dismissed", cause="dallas")
