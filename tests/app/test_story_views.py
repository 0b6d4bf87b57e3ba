"""What a player is shown of consequences, in both front ends' shared view-models and in the terminal: a
dilemma's speaker, greyed choices with reasons, costs and warnings; the ledger; characters examined."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from game.app import story
from game.app.ledger import ledger
from game.app.narrate import narrate
from game.app.session import Session
from game.engine.defs import Content
from game.engine.orders import Choose, EndYear
from game.app.commands.interpreter import TextGame

from ..story import load_story


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Content:
    return load_story(tmp_path_factory.mktemp("story"))


def session(content: Content, seed: int = 5) -> Session:
    return Session.new(content, "story", seed, players=("usa",))[0]


def terminal(content: Content, tmp_path: Path) -> tuple[TextGame, io.StringIO]:
    out = io.StringIO()
    return TextGame(session(content), "usa", out, tmp_path), out


def said(game: TextGame, out: io.StringIO, line: str) -> str:
    out.seek(0)
    out.truncate()
    game.handle(line)
    return out.getvalue()


def test_a_decision_shows_its_speaker_costs_and_greyed_choices(content: Content) -> None:
    game = session(content)
    view = story.event_view(game.state, content, "usa", "budget_memo")
    assert view.pending and view.held == 50
    assert view.speaker == story.SpeakerView("webb", "James Webb", "Administrator", 55, "wary")
    assert view.text == "The memo for President Kennedy is dry."  # {leader} follows the years
    spend, trusted, insider, save = view.choices
    assert spend.costs == ("$300M", "2 support") and spend.available and not spend.warning
    assert not trusted.available and trusted.reason == "Needs the public's trust at 70 or more and an operational Saturn V"
    assert insider.reason == "Nobody will talk to you yet."
    assert save.default and save.costs == ("$50M",)
    game.state.sides["usa"].support = 2
    assert story.event_view(game.state, content, "usa", "budget_memo").choices[0].warning.startswith("support would fall to 0")
    game.state.sides["usa"].funds = 10
    assert story.event_view(game.state, content, "usa", "budget_memo").choices[0].reason == (
        "It costs $300M and only $60M is left this year")


def test_the_terminal_lists_greyed_choices_and_refuses_them_with_the_reason(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    text = said(game, out, "decisions")
    assert "James Webb, Administrator, speaks (opinion of you 55, wary)." in text
    assert "choose budget_memo spend — Spend big.  [Costs $300M, 2 support; then Webb's opinion +10]" in text
    assert "save — Save the money.  [Costs $50M ($50M already set aside for it); then Webb's opinion −15]  (default)" in text
    assert "(not available) trusted — Ask the public to trust us." in text
    assert "      Needs the public's trust at 70 or more and an operational Saturn V." in text
    assert "$50M is set aside for the default choice until you decide." in text
    assert "Refused: “trusted” is not available: needs" in said(game, out, "choose budget_memo trusted")


def test_a_choice_that_would_collapse_support_asks_for_confirmation(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    game.state.sides["usa"].support = 2
    text = said(game, out, "choose budget_memo spend")
    assert "Careful: support would fall to 0" in text and "choose budget_memo spend confirm" in text
    assert "Usage" not in text
    assert game.state.sides["usa"].pending  # nothing taken
    said(game, out, "choose budget_memo spend confirm")
    assert not game.state.sides["usa"].pending and game.state.sides["usa"].support == 0


def test_a_choice_that_costs_a_crew_member_asks_who(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    said(game, out, "end")
    member = game.state.sides["usa"].crew[1]
    text = said(game, out, "choose volunteer resign_one")
    assert "“resign_one” costs a crew member: say who" in text and member.name in text
    text = said(game, out, f"choose volunteer resign_one crew={member.name.split()[-1]}")
    assert f"{member.name} leaves the corps." in text
    assert member.status == "retired"


def test_a_choice_takes_a_crew_name_with_spaces_as_schedule_does(content: Content, tmp_path: Path) -> None:
    """Play-test: 'choose … crew=Vasily Zuyev' was read as a choice called 'send_him Zuyev'."""
    game, out = terminal(content, tmp_path)
    said(game, out, "end")
    member = game.state.sides["usa"].crew[1]
    assert " " in member.name
    text = said(game, out, f"choose volunteer resign_one crew={member.name}")
    assert "no choice called" not in text and f"{member.name} leaves the corps." in text
    assert member.status == "retired"


def test_the_ledger_shows_what_is_coming_and_why(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    said(game, out, "choose budget_memo spend")
    text = said(game, out, "ledger")
    assert "1963: Congress will review the big spending.  (because of your choice “Spend big.” on “The Budget Memo” (1961))" in text
    assert "A quick win — open, judged by the end of 1963; made with your choice “Spend big.”" in text
    assert "An American in orbit by 1963 — open, judged by the end of 1963; in force when the race began" in text
    assert "James Webb, Administrator: 65 warm, +10 lately" in text
    assert "Public trust: 60 (0–100)" in text
    status = said(game, out, "status")
    assert "2 promises open, 1 consequence foreseen — 'ledger' lists them" in status and "Public trust: 60" in status
    assert "Opinion of you: 65/100, warm; they leave if it falls to 20." in said(game, out, "examine webb")


def test_hidden_consequences_stay_out_of_the_ledger_until_they_come(content: Content) -> None:
    game = session(content)
    game.submit(Choose(side="usa", event="budget_memo", choice="save"))
    assert game.state.sides["usa"].followups  # quiet_regret is scheduled …
    assert ledger(game.state, content, "usa").foreseen == ()  # … but nobody can see it coming


def test_a_follow_up_says_which_choice_caused_it(content: Content) -> None:
    game = session(content)
    game.submit(Choose(side="usa", event="budget_memo", choice="spend"))
    lines: list[str] = []
    while game.state.year < 1963:
        lines += [line.text for line in narrate(game.submit(EndYear(side="usa")), content, game.state, "usa")]
    at = lines.index("NEWS: The Spending Review")
    assert lines[at + 2] == "This comes of your choice in 1961 on “The Budget Memo”: “Spend big.”"


def test_a_hooked_news_item_names_what_happened(content: Content) -> None:
    game = session(content)
    lines = [line.text for line in narrate(game.submit(EndYear(side="usa")), content, game.state, "usa")]
    assert "NEWS: The Rival Takes First human in orbit" in lines
    assert "Public trust -3 (The Rival Takes First human in orbit): now 57." in lines


def test_the_budget_shows_the_money_held_for_a_decision(content: Content, tmp_path: Path) -> None:
    game, out = terminal(content, tmp_path)
    assert "Held for a decision: The Budget Memo    $50M" in said(game, out, "budget")
    said(game, out, "choose budget_memo spend")
    assert "Held for a decision" not in said(game, out, "budget")  # released when the side decided
