"""The Ledger tab over the test story: decisions held over, what is foreseen and why, promises, people with their
opinion of you, measures; opened by Ctrl+D, its tab, the HQ's button and the typed 'ledger'; empty states in
plain words; long columns scroll; nothing cut at the smallest and the largest window."""

from __future__ import annotations

import pytest

from game.app.ledger import ledger
from game.engine.orders import Choose
from game.engine.state import Pending
from game.ui.window.intents import Click
from game.ui.window.scenes.help import HelpOverlay
from game.ui.window.scenes.ledger import LedgerScene

from .conftest import close_overlays, no_overlaps, press, texts_inside, type_line


def spent(story_app, size: tuple[int, int] = (1280, 720)):  # noqa: ANN001, ANN201
    """The story with "Spend big" chosen: a promise made, a consequence foreseen, Webb's opinion moved."""
    app = story_app(size=size)
    assert app.submit(Choose(side="usa", event="budget_memo", choice="spend")) is not None
    close_overlays(app)
    return app


def open_ledger(app) -> LedgerScene:  # noqa: ANN001
    press(app, "d", ctrl=True)
    assert isinstance(app.top, LedgerScene)
    return app.top


def test_ctrl_d_opens_the_ledger_and_esc_goes_back_to_the_hq(story_app) -> None:  # noqa: ANN001
    app = spent(story_app)
    scene = open_ledger(app)
    assert scene.title == "Ledger"
    painter = app.render()
    assert any(call.kind == "text" and call.text == " Ctrl+D" and call.colour == "accent"  # the tab, selected
               for call in painter.transcript)
    press(app, "escape")
    assert app.top.name == "hq"


def test_the_ledger_shows_what_is_coming_promises_people_and_measures(story_app) -> None:  # noqa: ANN001
    app = spent(story_app)
    open_ledger(app)
    painter = app.render()
    for text in ("DECISIONS HELD OVER", "None: every decision that came this year is in the briefing.",
                 "FORESEEN", "1963: Congress will review the big spending.",
                 "Because of your choice “Spend big.” on “The Budget Memo” (1961).",
                 "PROMISES", "An American in orbit by 1963", "Open: judged by the end of 1963", "In force when the race began.",
                 "A quick win", "Made with your choice “Spend big.” on “The Budget Memo” (1961).",
                 "PEOPLE", "James Webb, Administrator", "65/100, warm", "+10 lately",
                 "+10 in 1961: your choice “Spend big.” on “The Budget Memo”", "John F. Kennedy, President",
                 "MEASURES", "Public trust", "60 (0–100)", "How far the public trusts the agency's judgement."):
        assert painter.shown(text), text
    assert any(call.kind == "bar" and call.text == "opinion James Webb 65" for call in painter.transcript)
    assert any(call.kind == "bar" and call.text == "measure Public trust 60" for call in painter.transcript)
    assert "Consequences you cannot foresee are not listed" in " ".join(painter.texts())


def test_the_typed_command_opens_the_ledger_too(story_app) -> None:  # noqa: ANN001
    app = spent(story_app)
    type_line(app, "ledger")
    assert isinstance(app.top, LedgerScene)
    assert any("Congress will review the big spending" in line.text for line in app.play.feed)  # the terminal's answer
    assert app.top.focused() is app.top.prompt  # keep typing where you were
    press(app, "f2")
    type_line(app, "promises")
    assert isinstance(app.top, LedgerScene)


def test_the_tab_and_the_hq_button_open_it(story_app) -> None:  # noqa: ANN001
    app = spent(story_app)
    app.render()
    tab = app.top.tabs[-1]
    assert tab.label == "Ledger" and tab.hint == "Ctrl+D"
    app.dispatch(Click(*tab.rect.center))
    assert isinstance(app.top, LedgerScene)
    press(app, "f2")
    hq = app.top
    painter = app.render()
    assert painter.shown("Open the ledger  [Ctrl+D]")
    hq.focus_on(hq.ledger_button)
    press(app, "return")
    assert isinstance(app.top, LedgerScene)


def test_an_empty_ledger_says_so(story_app) -> None:  # noqa: ANN001
    app = story_app()
    close_overlays(app)
    own = app.play.state.sides["usa"]
    own.promises, own.characters, own.variables, own.followups = [], {}, {}, []
    app.play.version += 1
    assert ledger(app.play.state, app.play.content, "usa").empty
    scene = open_ledger(app)
    painter = app.render()
    assert painter.shown("The ledger is empty: no promises made, nothing foreseen")
    assert scene.focused() is scene.tabs[-1]
    type_line(app, "status")  # typing still works
    assert app.top.name == "hq"


def test_empty_sections_say_so_in_plain_words(story_app) -> None:  # noqa: ANN001
    app = story_app()
    close_overlays(app)
    own = app.play.state.sides["usa"]
    own.promises, own.variables = [], {}
    app.play.version += 1
    open_ledger(app)
    painter = app.render()
    assert painter.shown("Nothing you can see coming.") and painter.shown("No promises made.")
    assert painter.shown("This scenario shows no measures.")


def test_held_over_decisions_are_listed(story_app) -> None:  # noqa: ANN001
    app = spent(story_app)
    own = app.play.state.sides["usa"]
    own.waiting.append(Pending(event="failure_inquiry", year=1961, source="hook", why_waiting="it came up during the year",
                               subject={"mission": "crewed_orbit", "program": "atlas"}))
    app.play.version += 1
    open_ledger(app)
    painter = app.render()
    assert painter.shown("An Inquiry into Crewed orbital flight")
    assert painter.shown("Waits for next year's briefing: it came up during the year.")


def test_a_long_column_scrolls_with_the_keys(story_app) -> None:  # noqa: ANN001
    app = spent(story_app, size=(1024, 576))
    own = app.play.state.sides["usa"]
    for number in range(12):
        own.waiting.append(Pending(event="failure_inquiry", year=1961, source="hook",
                                   why_waiting=f"it came up during the year ({number})",
                                   subject={"mission": "crewed_orbit", "program": "atlas"}))
    app.play.version += 1
    scene = open_ledger(app)
    painter = app.render()
    assert scene.focused() is scene.left and scene.left.overflowing
    assert painter.shown("more lines — Down, Page Down or the wheel")
    assert not painter.shown("Made with your choice")
    press(app, "end")
    painter = app.render()
    assert painter.shown("Made with your choice “Spend big.” on “The Budget Memo” (1961).")
    assert painter.shown("▲ more above")
    texts_inside(painter, (1024, 576))
    press(app, "home")
    app.render()
    assert scene.left.scroll == 0
    press(app, "page down")
    assert scene.left.scroll > 1
    press(app, "tab")
    assert scene.focused() is scene.right


def test_the_help_names_the_ledger_key(story_app) -> None:  # noqa: ANN001
    app = spent(story_app)
    open_ledger(app)
    press(app, "f1")
    assert isinstance(app.top, HelpOverlay)
    painter = app.render()
    assert painter.shown("Ctrl+D") and painter.shown("the ledger: promises, what is coming, people")
    assert painter.shown("scroll the column")


def test_a_spectator_may_read_the_ledger(make_app) -> None:  # noqa: ANN001
    from .conftest import watched_game

    app = make_app()
    watched_game(app)
    type_line(app, "ledger")
    assert isinstance(app.top, LedgerScene)
    assert not any("only looking commands" in line.text for line in app.play.feed)
    app.render()


@pytest.mark.parametrize("size", [(1024, 576), (3840, 2160)])
def test_it_draws_at_the_smallest_and_the_largest_size(story_app, size) -> None:  # noqa: ANN001
    app = spent(story_app, size=size)
    scene = open_ledger(app)
    painter = app.render()
    texts_inside(painter, size)
    for document in (scene.left, scene.right):
        inside = [call for call in painter.transcript if call.kind == "text" and document.rect.contains(call.rect)]
        assert inside
        no_overlaps(inside)
    assert painter.shown("James Webb, Administrator") and painter.shown("A quick win")
