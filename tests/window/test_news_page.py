"""News cards printed as the reader's press (a front page for the USA, a TASS bulletin for the USSR, the rival's
news in the reader's own style), dilemma cards with the picture of their subject, and the costs on every choice —
checked in the draw transcript: what is drawn, where, and that nothing leaves the page."""

from __future__ import annotations

import shutil

import pytest

from game.app.vignettes import vignette_for
from game.content.loader import check_content
from game.engine.state import Pending
from game.ui.window.scenes.event_card import EventCardScene

from ..story import BASE, STORY
from .conftest import close_overlays, no_overlaps, press, texts_inside

LONG_NEWS = " ".join(["Committee after committee asks where the money went, and every answer raises three more "
                      "questions about rockets, contracts and the rival's lead."] * 40)
LONG_TITLE = "Congress Demands Every Receipt From Every Contractor In Every State Of The Union Before Another Dollar"


@pytest.fixture(scope="module")
def long_news(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201 - Content
    """The test story with a very long news story under a very long headline."""
    folder = tmp_path_factory.mktemp("long_news")
    for name in ("hardware.toml", "missions.toml", "milestones.toml", "texts.toml"):
        shutil.copy(BASE / name, folder / name)
    text = STORY.read_text(encoding="utf-8")
    text = text.replace('"Two years ago you chose to spend big. Congress wants to know where it went."', f'"{LONG_NEWS}"')
    text = text.replace('title = "The Spending Review"', f'title = "{LONG_TITLE}"')
    (folder / "story.toml").write_text(text, encoding="utf-8")
    content, problems = check_content(folder)
    assert content is not None and not [problem for problem in problems if problem.severity == "error"]
    return content


def open_card(app, event_id: str, pending: bool = False) -> EventCardScene:  # noqa: ANN001
    own = app.play.state.sides[app.play.side]
    (own.pending if pending else own.briefing).append(Pending(event=event_id, year=app.play.state.year))
    app.play.version += 1
    card = EventCardScene(app, event_id)
    app.push(card)
    return card


def page_rect(painter, style: str) -> tuple[int, int, int, int]:  # noqa: ANN001
    return next(call.rect for call in painter.transcript if call.kind == "rect" and call.text == f"{style} page")


def inside(rect, box) -> bool:  # noqa: ANN001
    x, y, w, h = rect
    return box[0] <= x and x + w <= box[0] + box[2] and box[1] <= y and y + h <= box[1] + box[3]


def all_text_on_the_page(painter, box) -> None:  # noqa: ANN001
    start = max(index for index, call in enumerate(painter.transcript) if call.colour == "shadow")
    for call in painter.transcript[start + 1:]:
        if call.kind in ("text", "image"):
            assert inside(call.rect, box), call


def soviet_app(make_app):  # noqa: ANN001, ANN201
    app = make_app()
    app.new_game("full_campaign", "ussr", 7)
    close_overlays(app)
    return app


def test_american_news_is_a_front_page_with_its_cost_in_the_footer(game_app) -> None:  # noqa: ANN001
    app = game_app
    card = open_card(app, "tet_offensive")
    painter = app.render()
    box = page_rect(painter, "front_page")
    for text in ("THE DAILY CLARION", f"WASHINGTON, JANUARY {app.play.state.year}", "A YEAR OF SHOCKS",
                 "This costs $150M and 4 support.", "Continue  [Enter]"):
        assert painter.shown(text), text
    assert painter.shown("FINAL EDITION")
    headline = next(call for call in painter.transcript if call.kind == "text" and call.text == "A YEAR OF SHOCKS")
    masthead = next(call for call in painter.transcript if call.text == "THE DAILY CLARION")
    assert inside(headline.rect, box) and headline.rect[1] > masthead.rect[1]  # the banner under the masthead
    assert headline.rect[3] > masthead.rect[3] * 3 // 4  # a banner, not body type
    photos = [call.text for call in painter.transcript if call.kind == "image"]
    assert photos == [f"vignette:{vignette_for(app.play.content.events['tet_offensive'])}"]
    all_text_on_the_page(painter, box)
    no_overlaps(painter.transcript[painter.transcript.index(next(c for c in painter.transcript if c.colour == "shadow")):])
    assert not painter.shown("NEWS ·")  # the console card's header is not drawn
    press(app, "return")
    assert app.top is not card


def test_soviet_news_is_a_tass_bulletin(make_app) -> None:  # noqa: ANN001
    app = soviet_app(make_app)
    open_card(app, "nedelin_catastrophe")
    painter = app.render()
    box = page_rect(painter, "teleprinter")
    for text in ("TASS", f"TASS \u2014 MOSCOW, JANUARY {app.play.state.year}", "FIRE ON PAD 41",
                 "+++ END OF BULLETIN +++", "This costs $60M and 3 support."):
        assert painter.shown(text), text
    assert not painter.shown("THE DAILY CLARION")
    body = [call for call in painter.transcript if call.kind == "text" and call.text.startswith("A NEW MILITARY")]
    assert body and body[0].text.isupper()  # the teleprinter prints capitals
    all_text_on_the_page(painter, box)


@pytest.mark.parametrize(("side", "style"), [("usa", "front_page"), ("ussr", "teleprinter")])
def test_news_of_both_sides_is_read_in_the_readers_own_press(make_app, side: str, style: str) -> None:  # noqa: ANN001
    app = make_app()
    app.new_game("full_campaign", side, 7)
    close_overlays(app)
    open_card(app, "u2_affair")
    painter = app.render()
    page_rect(painter, style)
    assert painter.shown("THE SUMMIT COLLAPSES") and painter.shown("This brings $40M.")


@pytest.mark.parametrize("size", [(1024, 576), (3840, 2160)])
def test_a_long_story_under_a_long_headline_is_never_cut(story_app, long_news, size) -> None:  # noqa: ANN001
    app = story_app(size=size, content=long_news)
    close_overlays(app)
    card = open_card(app, "spending_review")
    painter = app.render()
    box = page_rect(painter, "front_page")
    texts_inside(painter, size)
    all_text_on_the_page(painter, box)
    headline = " ".join(call.text for call in painter.transcript if call.kind == "text" and call.text.isupper()
                        and call.rect[3] >= app.theme.large)
    assert "EVERY RECEIPT" in headline and "DOLLAR" in headline  # wrapped, whole
    seen = set(painter.texts())
    for _ in range(20):
        if not painter.shown("▼ more below"):
            break
        press(app, "page down")
        painter = app.render()
        all_text_on_the_page(painter, page_rect(painter, "front_page"))
        seen |= set(painter.texts())
        assert painter.shown("▲ more above")
    assert not painter.shown("▼ more below")
    words = " ".join(seen)
    assert "rival's lead." in words  # the last line was reached
    if size == (1024, 576):
        assert card.scroll > 0
        press(app, "page up")
        press(app, "page up")
        for _ in range(20):
            press(app, "page up")
        app.render()
        assert card.scroll == 0


def test_a_dilemma_shows_the_picture_of_its_subject_inside_the_card(story_app) -> None:  # noqa: ANN001
    app = story_app()
    card = app.top
    assert isinstance(card, EventCardScene) and card.event_id == "budget_memo"
    painter = app.render()
    expected = vignette_for(app.play.content.events["budget_memo"])
    images = [call for call in painter.transcript if call.kind == "image"]
    assert [call.text for call in images] == [f"vignette:{expected}"] and expected == "ledger"
    start = max(index for index, call in enumerate(painter.transcript) if call.colour == "shadow")
    box = next(call.rect for call in painter.transcript[start + 1:] if call.kind == "rect")
    assert inside(images[0].rect, box)
    title = next(call for call in painter.transcript if call.text == "The Budget Memo")
    assert title.rect[0] + title.rect[2] <= images[0].rect[0]  # the title keeps clear of the picture


@pytest.mark.parametrize(("side", "event_id", "picture", "price"), [
    ("usa", "kennedy_moon_goal", "moon", "Then +$500M, support +10"),
    ("ussr", "soviet_moon_decree", "moon", "Then +$300M, support +3"),
])
def test_each_sides_dilemma_has_its_picture_and_what_each_choice_costs(make_app, side, event_id, picture,  # noqa: ANN001
                                                                        price) -> None:
    app = make_app()
    app.new_game("full_campaign", side, 7)
    close_overlays(app)
    card = open_card(app, event_id, pending=True)
    painter = app.render()
    assert card.pending and painter.shown(price)
    assert f"vignette:{picture}" in [call.text for call in painter.transcript if call.kind == "image"]
    texts_inside(painter, (1280, 720))
    for button in card.choice_buttons:
        assert painter.shown(button.choice.price(card.view.held).split(";")[0][:40])


@pytest.mark.parametrize(("side", "style", "own_words", "rival_words"), [
    ("usa", "front_page", "at the contractors' plants", "design bureaus"),
    ("ussr", "teleprinter", "DESIGN BUREAUS", "CONTRACTORS"),
])
def test_a_crew_memorial_is_written_and_printed_for_the_readers_side(make_app, side, style, own_words,  # noqa: ANN001
                                                                     rival_words) -> None:
    """A crew lost in training: the memorial fires through its hook, and reads as the reader's own side wrote it —
    an American front page in American words, a TASS bulletin in Soviet ones."""
    from game.engine import hooks
    from game.engine.outcomes import CrewLost

    app = make_app()
    app.new_game("full_campaign", side, 7)
    close_overlays(app)
    fired = hooks.dispatch(app.play.state, app.play.content, [CrewLost(side=side, crew="a_member", cause="training")])
    assert any(getattr(outcome, "event", "") == "crew_memorial" for outcome in fired)
    app.play.version += 1
    app.push(EventCardScene(app, "crew_memorial"))
    painter = app.render()
    page_rect(painter, style)
    story = " ".join(call.text for call in painter.transcript if call.kind == "text")
    assert own_words in story and rival_words not in story
