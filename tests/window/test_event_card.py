"""The event card over the test story: who speaks and how they feel, greyed choices with their reasons on the
card, costs, the money held for the default, the confirmation a collapse warning asks for, the crew picker, and
refusals as notices — keys and clicks checked on the game state."""

from __future__ import annotations

import shutil

import pygame
import pytest

from game.content.loader import check_content
from game.ui.window.intents import Click, Wheel
from game.ui.window.scenes.crew_picker import CrewPickerScene
from game.ui.window.scenes.event_card import ChoiceButton, EventCardScene

from ..story import BASE, STORY
from .conftest import close_overlays, no_overlaps, press, refused, texts_inside

LONG_TEXT = " ".join(["The memo runs on for page after page about the cost of rockets, the mood in Congress and "
                      "the rival's lead."] * 14)
LONG_CHOICE = "Spend big, on every program at once, and tell the papers we will beat them to the Moon and beyond " * 3


@pytest.fixture(scope="module")
def long_story(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - Content
    """The test story with a very long memo and a very long first choice."""
    folder = tmp_path_factory.mktemp("long_story")
    for name in ("hardware.toml", "missions.toml", "milestones.toml", "texts.toml"):
        shutil.copy(BASE / name, folder / name)
    text = STORY.read_text(encoding="utf-8")
    text = text.replace('"The memo for {leader} is dry."', f'"{LONG_TEXT}"').replace('"Spend big."', f'"{LONG_CHOICE}"')
    (folder / "story.toml").write_text(text, encoding="utf-8")
    content, problems = check_content(folder)
    assert content is not None and not [problem for problem in problems if problem.severity == "error"]
    return content


def the_card(app) -> EventCardScene:  # noqa: ANN001
    card = app.top
    assert isinstance(card, EventCardScene), card
    return card


def card_calls(painter):  # noqa: ANN001, ANN201
    """The draw calls of the card on top: everything after its shadow."""
    start = max(index for index, call in enumerate(painter.transcript) if call.colour == "shadow")
    return painter.transcript[start + 1:]


def test_a_decision_shows_its_speaker_costs_held_money_and_greyed_choices(story_app) -> None:  # noqa: ANN001
    app = story_app()
    card = the_card(app)
    assert card.event_id == "budget_memo" and card.pending
    painter = app.render()
    for text in ("DECISION · 1961", "The Budget Memo", "James Webb, Administrator", "Opinion of you", "55/100, wary",
                 "The memo for President Kennedy is dry.", "$50M is set aside for the default choice until you decide.",
                 "1. Spend big.", "Costs $300M, 2 support", "4. Save the money.  (default)",
                 "Costs $50M ($50M already set aside for it)", "Decide later  [Esc]"):
        assert painter.shown(text), text
    assert any(call.kind == "bar" and call.text == "opinion James Webb 55" for call in painter.transcript)
    # the greyed choices say why on the card itself, not only on hover
    assert painter.shown("2. Ask the public to trust us.")
    assert painter.shown("Not available: Needs the public's trust at 70 or more and an operational Saturn V.")
    assert painter.shown("Not available: Nobody will talk to you yet.")
    greyed = [call for call in painter.transcript if call.kind == "text" and call.text.startswith("3. Quietly")]
    assert greyed and greyed[0].colour == "dim"


def test_a_digit_takes_a_choice_and_the_card_closes(story_app) -> None:  # noqa: ANN001
    app = story_app()
    own = app.play.state.sides["usa"]
    funds = own.funds
    press(app, "1")  # a number first only points at the choice: a card may open under a key meant for a tab
    assert own.pending and isinstance(app.top, EventCardScene) and app.top.focused() is app.top.choice_buttons[0]
    press(app, "1")  # the same number again takes it
    assert not own.pending and own.funds == funds + 50 - 300  # the held $50M came back, the $300M went
    assert own.support == 48
    assert not isinstance(app.top, EventCardScene)


def test_a_stray_number_then_another_key_takes_nothing(story_app) -> None:  # noqa: ANN001
    app = story_app()
    own = app.play.state.sides["usa"]
    press(app, "1", "down", "1")  # pointed, moved on, pointed again: nothing is taken without the same number twice
    assert own.pending and isinstance(app.top, EventCardScene)


def test_enter_and_a_click_take_the_focused_choice(story_app) -> None:  # noqa: ANN001
    app = story_app()
    card = the_card(app)
    press(app, "down", "down", "down")
    assert card.focused() is card.choice_buttons[3]
    press(app, "return")
    assert not app.play.state.sides["usa"].pending
    app = story_app()
    card = the_card(app)
    app.render()
    app.dispatch(Click(*card.choice_buttons[0].rect.center))
    assert not app.play.state.sides["usa"].pending and app.play.state.sides["usa"].support == 48


def test_a_greyed_choice_is_refused_with_its_reason_and_the_card_stays(story_app) -> None:  # noqa: ANN001
    app = story_app()
    card = the_card(app)
    press(app, "2", "2")  # point at it, then take it
    assert refused(app) and "not available" in app.notice[0] and "trust at 70" in app.notice[0]
    assert app.top is card and app.play.state.sides["usa"].pending
    app.render()
    app.dispatch(Click(*card.choice_buttons[2].rect.center))
    assert refused(app) and "not available" in app.notice[0]
    assert app.top is card and app.play.state.sides["usa"].pending
    painter = app.render()
    assert painter.shown("Refused:")  # the notice is on screen


def test_a_choice_that_would_collapse_support_asks_to_be_confirmed(story_app) -> None:  # noqa: ANN001
    app = story_app()
    card = the_card(app)
    own = app.play.state.sides["usa"]
    own.support = 2
    app.play.version += 1  # the state was edited behind the session's back
    painter = app.render()
    assert painter.shown("Warning: support would fall to 0")
    press(app, "1", "1")  # point at it, then take it
    assert own.pending and card.choice_buttons[0].confirming  # nothing sent yet
    painter = app.render()
    assert painter.shown("Confirm: 1. Spend big.")
    assert "To take it anyway press Enter, click or 1 again; Esc backs out." in " ".join(painter.texts())
    assert painter.shown("Back out  [Esc]")
    press(app, "escape")  # backs out of the confirmation, not out of the card
    assert app.top is card and not card.choice_buttons[0].confirming and own.pending
    press(app, "1", "1")  # point at it, then take it
    press(app, "down")  # moving away backs out too
    assert not card.choice_buttons[0].confirming
    press(app, "1", "1", "1")  # point, take (asks), confirm
    assert not own.pending and own.support == 0
    assert not isinstance(app.top, EventCardScene)


def test_a_click_confirms_a_choice_with_a_warning(story_app) -> None:  # noqa: ANN001
    app = story_app()
    card = the_card(app)
    app.play.state.sides["usa"].support = 2
    app.play.version += 1
    app.render()
    app.dispatch(Click(*card.choice_buttons[0].rect.center))
    assert app.play.state.sides["usa"].pending
    app.render()
    app.dispatch(Click(*card.choice_buttons[0].rect.center))
    assert not app.play.state.sides["usa"].pending


def open_volunteer(app) -> EventCardScene:  # noqa: ANN001
    """End 1961 and open 1962's decision from the HQ, as a player would."""
    close_overlays(app)
    app.end_year()
    close_overlays(app)
    assert app.top.name == "hq"
    app.render()
    button = app.top.decision_buttons[0]
    assert "A Volunteer for the Tour" in button.label
    app.top.focus_on(button)
    press(app, "return")
    return the_card(app)


def test_a_choice_that_costs_a_crew_member_opens_the_crew_picker(story_app) -> None:  # noqa: ANN001
    app = story_app()
    card = open_volunteer(app)
    own = app.play.state.sides["usa"]
    painter = app.render()
    assert painter.shown("Costs a crew member, who leaves the corps")
    assert painter.shown("You name the crew member: taking it opens the crew list.")
    press(app, "2", "2")  # point at it, then take it
    picker = app.top
    assert isinstance(picker, CrewPickerScene) and own.pending
    painter = app.render()
    assert painter.shown("WHO LEAVES THE CORPS?")
    for member in own.crew:
        assert painter.shown(member.name)
        assert any(call.kind == "bar" and call.text == f"{member.name} piloting {member.piloting}"
                   for call in painter.transcript)
    press(app, "escape")  # back to the card, nothing taken
    assert app.top is card and own.pending
    press(app, "2", "2")  # point at it, then take it
    press(app, "down", "return")
    assert not own.pending
    assert own.crew[1].status == "retired" and all(member.status == "active" for member in own.crew[::2])
    assert not isinstance(app.top, (EventCardScene, CrewPickerScene))


def test_the_crew_picker_takes_clicks(story_app) -> None:  # noqa: ANN001
    app = story_app()
    card = open_volunteer(app)
    own = app.play.state.sides["usa"]
    app.render()
    app.dispatch(Click(*card.choice_buttons[0].rect.center))  # send one on the tour: a crew member and a launch
    picker = app.top
    assert isinstance(picker, CrewPickerScene)
    assert app.render().shown("WHO SITS OUT THE YEAR?")
    row = picker.list.rect.y + picker.list._pixel_row * 5 // 2  # the third member
    app.dispatch(Click(picker.list.rect.x + 30, row))
    assert picker.list.selected == 2 and own.pending
    assert app.render().shown(f"Choose {own.crew[2].name}")
    app.dispatch(Click(*picker.take_button.rect.center))
    assert not own.pending and own.launches_given_up == 1
    assert app.top.name == "hq"


def test_a_member_booked_on_a_flight_is_not_offered(story_app) -> None:  # noqa: ANN001
    from game.engine.state import ScheduledMission

    app = story_app()
    open_volunteer(app)
    own = app.play.state.sides["usa"]
    booked = own.crew[0]
    own.scheduled.append(ScheduledMission(number=1, mission="crewed_orbit", month=6, rocket="atlas",
                                          craft="mercury", crew=[booked.id]))
    app.play.version += 1
    press(app, "2", "2")  # point at it, then take it
    picker = app.top
    assert isinstance(picker, CrewPickerScene)
    assert booked.id not in [row.id for row in picker.rows] and len(picker.rows) == len(own.crew) - 1


def test_news_and_held_over_cards_have_no_choices(story_app) -> None:  # noqa: ANN001
    from game.engine.state import Pending

    app = story_app()
    close_overlays(app)
    own = app.play.state.sides["usa"]
    own.waiting.append(Pending(event="failure_inquiry", year=1961, source="hook", why_waiting="it came up during the year",
                               subject={"mission": "crewed_orbit", "program": "atlas"}))
    app.play.version += 1
    app.push(EventCardScene(app, "failure_inquiry"))
    painter = app.render()
    assert painter.shown("HELD OVER · 1961") and painter.shown("An Inquiry into Crewed orbital flight")
    assert painter.shown("This waits for next year's briefing: it came up during the year.")
    assert painter.shown("Continue  [Enter]") and not painter.shown("1. Fix it.")
    press(app, "1")  # no choice to take here
    assert own.waiting and isinstance(app.top, EventCardScene)
    press(app, "return")
    assert app.top.name == "hq"


def test_a_hooked_news_card_after_the_year_names_what_happened(story_app) -> None:  # noqa: ANN001
    app = story_app()
    close_overlays(app)
    app.end_year()
    cards = [scene for scene in app.stack if isinstance(scene, EventCardScene)]
    rival = next(card for card in cards if card.event_id == "rival_took_it")
    assert rival.view.title == "The Rival Takes First human in orbit"
    assert rival.view.text == "The Soviet Union claimed First human in orbit on a Crewed orbital flight flight."


def test_only_the_top_card_is_drawn(story_app) -> None:  # noqa: ANN001
    app = story_app()
    close_overlays(app)
    app.push(EventCardScene(app, "budget_memo"))
    app.push(EventCardScene(app, "volunteer"))
    painter = app.render()
    assert painter.shown("A Volunteer for the Tour") and not painter.shown("Decide later")  # the memo waits beneath
    assert sum(1 for call in painter.transcript if call.colour == "shadow") == 1


@pytest.mark.parametrize("size", [(1024, 576), (3840, 2160)])
def test_a_long_card_scrolls_and_nothing_is_cut_or_overlaps(story_app, long_story, size) -> None:  # noqa: ANN001
    app = story_app(size=size, content=long_story)
    card = the_card(app)
    painter = app.render()
    texts_inside(painter, size)
    calls = card_calls(painter)
    no_overlaps(calls)
    box = next(call.rect for call in calls if call.kind == "rect")
    for call in calls:
        if call.kind == "text":
            x, y, w, h = call.rect
            assert box[0] <= x and x + w <= box[0] + box[2] and box[1] <= y and y + h <= box[1] + box[3], call
    if size == (1024, 576):
        assert painter.shown("▼ more below")
    # Tab reaches every choice, scrolling it into view, drawn whole and clickable
    for button in card.choice_buttons:
        for _ in range(10):
            if card.focused() is button:
                break
            press(app, "tab")
        painter = app.render()
        assert card.focused() is button and button.rect.height > 0
        x, y, w, h = button.rect
        assert box[1] <= y and y + h <= box[1] + box[3]
        no_overlaps(card_calls(painter))
        texts_inside(painter, size)
    if size == (1024, 576):
        assert painter.shown("▲ more above")
        app.dispatch(Wheel(box[0] + 20, box[1] + 40, 50))  # the wheel scrolls back to the top
        press(app, "page up")
        painter = app.render()
        assert card.scroll == 0 and painter.shown("James Webb, Administrator")
    press(app, "1", "1")  # point at it, then take it
    assert app.play.state.sides["usa"].support == 48  # the long choice was taken like any other


def test_every_choice_button_is_a_choice_button(story_app) -> None:  # noqa: ANN001
    card = the_card(story_app())
    assert all(isinstance(button, ChoiceButton) for button in card.choice_buttons)
    assert [button.choice.id for button in card.choice_buttons] == ["spend", "trusted", "insider", "save"]


def test_a_crew_member_the_engine_will_not_release_is_refused_as_a_notice(story_app) -> None:  # noqa: ANN001
    from game.engine.state import ScheduledMission

    app = story_app()
    card = open_volunteer(app)
    own = app.play.state.sides["usa"]
    press(app, "2", "2")  # point at it, then take it
    assert isinstance(app.top, CrewPickerScene)
    first = own.crew[0]  # offered, then booked on a flight behind the picker's back
    own.scheduled.append(ScheduledMission(number=1, mission="crewed_orbit", month=6, rocket="atlas", craft="mercury",
                                          crew=[first.id]))
    press(app, "return")
    assert refused(app) and "booked" in app.notice[0]
    assert app.top is card and own.pending and first.status == "active"


def test_enter_held_down_from_before_the_decision_takes_nothing(story_app) -> None:  # noqa: ANN001
    """Enter held through the news before a decision (the platform repeating it), or pressed again as it was through
    the news, must not choose unseen: only once the player has pointed at a choice does Enter take it."""
    app = story_app()
    card = the_card(app)
    own = app.play.state.sides["usa"]
    assert card.pending and card.focused() is card.choice_buttons[0]
    down = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)
    up = pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0)
    app.keys_down.add(pygame.K_RETURN)  # Enter went down on the card before this one and is still held
    app.step([down, down, down])  # the platform's repeats
    assert own.pending and app.top is card
    app.step([up, down, up])  # let go, then pressed again, as through the news: still nothing, and a word why
    assert own.pending and app.top is card and "pick one" in app.notice[0]
    arrow = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0)
    arrow_up = pygame.event.Event(pygame.KEYUP, key=pygame.K_DOWN, mod=0)
    back = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_UP, mod=0)
    back_up = pygame.event.Event(pygame.KEYUP, key=pygame.K_UP, mod=0)
    app.step([arrow, arrow_up, back, back_up])  # the player points at the choices: now Enter takes the focused one
    assert card.focused() is card.choice_buttons[0]
    app.step([down])
    assert not own.pending and app.top is not card


def test_the_reader_tells_a_repeated_key_from_a_fresh_press() -> None:
    from game.ui.window.intents import read

    down = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0)
    up = pygame.event.Event(pygame.KEYUP, key=pygame.K_RETURN, mod=0)
    held: set[int] = set()
    assert [key.repeat for key in read([down, down], held)] == [False, True]
    assert [key.repeat for key in read([down], held)] == [True]  # still held from the batch before
    assert [key.repeat for key in read([up, down], held)] == [False]
