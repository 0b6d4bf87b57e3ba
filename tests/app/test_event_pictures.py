"""What a card says and shows before the player acts, shared by both front ends: a choice's costs and effects in
plain words, a news story's footer, the vignette chosen from an event's data, and the press a story is printed in."""

from __future__ import annotations

import dataclasses

import pytest

from game.app import effect_words, press, story, vignettes
from game.app.session import Session
from game.content.loader import load_game
from game.engine.defs import Choice, Content, Cost, Event

from ..story import load_story


@pytest.fixture(scope="module")
def base() -> Content:
    content = load_game(mod_paths=[], mods_dir=None).content
    assert content is not None
    return content


@pytest.fixture(scope="module")
def story_content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return load_story(tmp_path_factory.mktemp("story"))


# -- effects in words ----------------------------------------------------------------------------------


def test_news_effects_read_as_one_sentence(base: Content) -> None:
    def sentence(event_id: str) -> str:
        return effect_words.news_sentence(effect_words.changes(base, base.events[event_id].effects))

    assert sentence("tet_offensive") == "This costs $150M and 4 support."
    assert sentence("u2_affair") == "This brings $40M."
    assert sentence("cuban_missile_crisis") == "This costs $50M and brings 3 support."
    assert sentence("pad_fire") == "This costs $200M, 10 support and 5 prestige."
    assert sentence("astronaut_group_two") == ""  # recruits only: nothing in money, support or prestige


def test_choice_effects_are_signed_words_and_the_price_line_joins_costs(base: Content) -> None:
    moon = base.events["kennedy_moon_goal"].choices[0]
    words = effect_words.signed_words(effect_words.changes(base, moon.effects))
    assert words[:2] == ("+$500M", "support +10")
    assert "Kennedy's opinion +10" in words  # opinions the player can see
    assert not any("flag" in word or "promise" in word for word in words)  # flags and promises stay unsaid
    assert effect_words.price_line((), words[:2]) == "Then +$500M, support +10"
    assert effect_words.price_line(("$300M", "2 support"), ("support +3",)) == "Costs $300M, 2 support; then support +3"
    assert effect_words.price_line(("$50M",), (), held=50) == "Costs $50M ($50M already set aside for it)"
    assert effect_words.price_line((), ()) == "No cost"
    assert effect_words.signed(-3) == "\u22123" and effect_words.signed_money(-200) == "\u2212$200M"


def test_effect_lists_are_read_through_and_hidden_variables_stay_hidden(story_content: Content) -> None:
    trusted = story.cost_words(story_content.events["budget_memo"].choices[1])
    assert trusted == ()
    found = effect_words.changes(story_content, story_content.events["budget_memo"].choices[1].effects)
    assert found.support == 1  # apply('good_press') adds support 1
    visible = story_content.variables["public_trust"].visible
    assert ("Public trust" in " ".join(effect_words.signed_words(found))) == visible


def test_a_state_dependent_amount_is_read_in_the_context_or_said_to_vary(base: Content) -> None:
    from game.content.expr import EffectCall

    class Effect:  # an effect whose amount is worked out from the state ("add_funds(-budget / 10)")
        call = EffectCall("add_funds", (lambda context: -context // 10,), (None,))

    assert effect_words.changes(base, (Effect(),)).unsure == ["money"]
    assert effect_words.news_sentence(effect_words.changes(base, (Effect(),))) == "Money varies."
    assert effect_words.changes(base, (Effect(),), context=500).funds == -50


def test_the_views_carry_the_words_to_both_front_ends(story_content: Content) -> None:
    game = Session.new(story_content, "story", 5, players=("usa",))[0]
    view = story.event_view(game.state, story_content, "usa", "budget_memo")
    spend, _, _, save = view.choices
    assert spend.effects == ("Webb's opinion +10",)
    assert spend.price() == "Costs $300M, 2 support; then Webb's opinion +10"
    assert save.price(view.held) == "Costs $50M ($50M already set aside for it); then Webb's opinion \u221215"
    assert view.effects == "" and view.year == 1961  # a dilemma has no news footer


# -- vignettes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("event_id", "picture"), [
    ("kennedy_moon_goal", "moon"), ("korolev_dies", "memorial"), ("congress_cuts", "ledger"),
    ("cosmonaut_world_tour", "crew"), ("sputnik_crisis", "satellite"), ("apollo_fire_risk", "capsule"),
    ("vanguard_or_orbiter", "pad"), ("support_slump", "committee"),
])
def test_the_vignette_follows_the_events_subject(base: Content, event_id: str, picture: str) -> None:
    assert vignettes.vignette_for(base.events[event_id]) == picture


def test_every_dilemma_gets_a_known_vignette_and_a_bare_event_the_default(base: Content) -> None:
    for event in base.events.values():
        assert vignettes.vignette_for(event) in vignettes.VIGNETTES
    bare = Event(id="x", title="Untitled", text="Nothing at all.", kind="dilemma", sides=("usa",), first_year=1960,
                 last_year=1960, choices=(Choice(id="a", text="Yes."),))
    assert vignettes.vignette_for(bare) == vignettes.DEFAULT == "committee"
    costly = dataclasses.replace(bare, choices=(Choice(id="a", text="Yes.", cost=Cost(crew="leaves")),))
    assert vignettes.vignette_for(costly) == "crew"
    hooked = dataclasses.replace(bare, on="catastrophe")
    assert vignettes.vignette_for(hooked) == "memorial"


# -- the press ----------------------------------------------------------------------------------------


def test_each_side_reads_its_own_press(base: Content) -> None:
    game = Session.new(base, "full_campaign", 7, players=("usa",))[0]
    view = dataclasses.replace(story.event_view(game.state, base, "usa", "tet_offensive"), year=1968,
                               effects="This costs $150M and 4 support.")
    page = press.news_page(view, "usa", month=1, start_year=1957)
    assert page.style == press.FRONT_PAGE and page.masthead == "THE DAILY CLARION"
    assert page.dateline == "WASHINGTON, JANUARY 1968" and page.headline == view.title.upper()
    assert page.edition.startswith("VOL. XII ·") and page.effects == "This costs $150M and 4 support."
    soviet = press.news_page(view, "ussr", month=10)
    assert soviet.style == press.TELEPRINTER and soviet.dateline == "TASS \u2014 MOSCOW, OCTOBER 1968"
    assert "1968/10" in soviet.edition
    assert press.news_page(view, "usa").dateline == "WASHINGTON, 1968"  # month unknown: the year alone


def test_lessons_are_not_printed_and_dilemmas_are_not_news(base: Content) -> None:
    assert press.printed(base, "u2_affair") and not press.printed(base, "tutorial_year")
    assert not press.printed(base, "kennedy_moon_goal") and not press.printed(base, "no_such_event")


def test_a_milestones_news_is_dated_the_month_it_was_claimed(base: Content) -> None:
    from game.engine.state import Claim, Pending

    game = Session.new(base, "full_campaign", 7, players=("usa",))[0]
    game.state.claims.append(Claim("satellite_orbit", "ussr", 1957, 10, True))
    hooked = Pending(event="flopnik", year=1957, source="hook", subject={"milestone": "satellite_orbit"})
    assert press.news_month(game.state, hooked) == 10
    assert press.news_month(game.state, Pending(event="u2_affair", year=1960)) == 1
    assert press.news_month(game.state, Pending(event="flopnik", year=1957, source="hook")) == 0
    assert press.roman(1968 - 1957 + 1) == "XII"


def test_the_race_wall_counts_firsts_and_names_the_latest(base: Content) -> None:
    from game.app.race_wall import race_wall
    from game.engine.state import Claim

    game = Session.new(base, "full_campaign", 7, players=("usa",))[0]
    state = game.state
    wall = race_wall(state, base)
    assert wall.clock == f"JAN {state.year}" and wall.stage == f"YEAR 1 OF {state.end_year - state.start_year + 1}"
    assert wall.firsts == {"usa": 0, "ussr": 0} and wall.open == len(base.milestones) and wall.latest == ""
    state.claims.append(Claim("satellite_orbit", "ussr", 1957, 10, True))
    state.claims.append(Claim("satellite_orbit", "usa", 1958, 1, False))
    wall = race_wall(state, base)
    assert wall.firsts == {"usa": 0, "ussr": 1} and wall.open == len(base.milestones) - 1
    assert wall.latest == f"USSR · Oct 1957 · {base.milestones['satellite_orbit'].name}" and wall.latest_side == "ussr"
