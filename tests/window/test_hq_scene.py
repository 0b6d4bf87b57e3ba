"""The HQ over the test story: decisions waiting, this year's news from the side's briefing (with the choice that
caused a follow-up on its card), decisions held over, and the ledger panel with the measures and what the
ledger holds."""

from __future__ import annotations

import pytest

from game.engine.orders import Choose
from game.engine.state import Pending
from game.ui.window.scenes.event_card import EventCardScene
from game.ui.window.scenes.hq import HQScene

from .conftest import close_overlays, no_overlaps, press, texts_inside


def hq(app) -> HQScene:  # noqa: ANN001
    close_overlays(app)
    scene = app.top
    assert isinstance(scene, HQScene)
    app.render()
    return scene


def test_the_hq_lists_the_decision_and_the_ledger_panel(story_app) -> None:  # noqa: ANN001
    app = story_app()
    scene = hq(app)
    painter = app.render()
    assert painter.shown("Decide: The Budget Memo")
    assert painter.shown("LEDGER") and painter.shown("Public trust: 60") and painter.shown("1 promise open.")
    assert scene.focused() is scene.decision_buttons[0]
    press(app, "return")
    assert isinstance(app.top, EventCardScene) and app.top.event_id == "budget_memo"
    press(app, "1", "1")  # point at it, then take it
    painter = app.render()
    assert not painter.shown("Decide: The Budget Memo")
    assert painter.shown("2 promises open, 1 consequence foreseen.")


def test_news_comes_from_the_briefing_and_its_card_names_the_cause(story_app) -> None:  # noqa: ANN001
    app = story_app()
    close_overlays(app)
    app.end_year()  # the default, "Save the money", stands: its quiet regret follows in 1962
    scene = hq(app)
    assert [item.event for item in app.play.state.sides["usa"].briefing] == ["quiet_regret", "volunteer"]
    assert [button.label for button in scene.news_buttons] == ["Quiet Regret"]
    assert [button.label for button in scene.decision_buttons] == ["Decide: A Volunteer for the Tour"]
    scene.focus_on(scene.news_buttons[0])
    press(app, "return")
    card = app.top
    assert isinstance(card, EventCardScene) and card.kind == "news"
    painter = app.render()
    assert painter.shown("WASHINGTON, JANUARY 1962") and painter.shown("QUIET REGRET")  # the front page
    assert "The money saved bought nothing anyone remembers." in " ".join(painter.texts())
    assert "This comes of your choice in 1961 on “The Budget Memo”: “Save the money.”" in " ".join(painter.texts())


def test_decisions_held_over_are_listed_as_such(story_app) -> None:  # noqa: ANN001
    app = story_app()
    own = app.play.state.sides["usa"]
    own.waiting.append(Pending(event="failure_inquiry", year=1961, source="hook", why_waiting="it came up during the year",
                               subject={"mission": "crewed_orbit", "program": "atlas"}))
    app.play.version += 1
    scene = hq(app)
    painter = app.render()
    assert painter.shown("Held over to next year's briefing")
    assert [button.label for button in scene.waiting_buttons] == ["Held over: An Inquiry into Crewed orbital flight"]
    assert painter.shown("1 promise open, 1 decision held over.")
    scene.focus_on(scene.waiting_buttons[0])
    press(app, "return")
    assert isinstance(app.top, EventCardScene) and app.top.kind == "waiting"


def test_a_full_briefing_says_how_many_more(story_app) -> None:  # noqa: ANN001
    app = story_app(size=(1024, 576))
    own = app.play.state.sides["usa"]
    for number in range(16):
        own.waiting.append(Pending(event="failure_inquiry", year=1961, source="hook", why_waiting=f"({number})",
                                   subject={"mission": "crewed_orbit", "program": "atlas"}))
    app.play.version += 1
    scene = hq(app)
    painter = app.render()
    hidden = [button for button in scene.waiting_buttons if not button.visible]
    assert hidden and painter.shown(f"… {len(hidden)} more: see the ledger (Ctrl+D)")
    texts_inside(painter, (1024, 576))


def test_the_spectator_hq_lists_no_decisions(make_app) -> None:  # noqa: ANN001
    from .conftest import watched_game

    app = make_app()
    watched_game(app)
    app.show_tab("hq")
    scene = app.top
    app.render()
    assert isinstance(scene, HQScene) and scene.decision_buttons == []


@pytest.mark.parametrize("size", [(1024, 576), (3840, 2160)])
def test_it_draws_at_the_smallest_and_the_largest_size(story_app, size) -> None:  # noqa: ANN001
    app = story_app(size=size)
    assert app.submit(Choose(side="usa", event="budget_memo", choice="spend")) is not None
    scene = hq(app)
    painter = app.render()
    texts_inside(painter, size)
    no_overlaps(painter.transcript[:next(index for index, call in enumerate(painter.transcript)
                                         if call.text.startswith("1961 USA>"))])  # the screen above the prompt
    assert painter.shown("2 promises open, 1 consequence foreseen.")
    assert scene.ledger_button.visible and scene.ledger_button.rect.height > 0


def test_the_ledger_panel_says_what_is_at_work(game_app) -> None:  # noqa: ANN001
    from game.engine.state import InService

    game_app.play.state.sides["usa"].in_service = [
        InService(mission="comms_satellite", craft="comsat_usa", number=3, launched=1955, until=1958)]
    game_app.show_tab("hq")
    game_app.top.refresh()
    assert game_app.render().shown("At work: 1 craft (support +1, $20M of budget a year).")
