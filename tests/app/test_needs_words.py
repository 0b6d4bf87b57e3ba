"""What a mission needs, in words that say whether any one program will do or all of them are needed: "needs A,
B or C" when the reason lists alternatives (any spacecraft that could fly it), "A and B" when all are needed."""

from __future__ import annotations

from game.app.attention import attention, open_firsts
from game.app.commands.interpreter import TextGame
from game.app.session import Session
from game.app.text import joined
from game.content.loader import load_content

import io


def test_joined_says_and_or_or() -> None:
    assert joined([]) == "" and joined(["A"]) == "A"
    assert joined(["A", "B"]) == "A and B"
    assert joined(["A", "B", "C"], "or") == "A, B or C"


def test_a_first_with_several_possible_spacecraft_needs_any_one_of_them(tmp_path) -> None:  # noqa: ANN001
    content = load_content()
    session, _ = Session.new(content, "full_campaign", 7, players=("usa",))
    first = open_firsts(session.state, content, "usa")[0]
    assert first.name == "First artificial satellite" and len(first.needs) > 1
    assert first.any_one
    labels = [link.label for link in first.needs]
    assert first.needs_words == f"{', '.join(labels[:-1])} or {labels[-1]}"
    assert first.reason.endswith(f" or {labels[-1]}")  # the reason itself says "start one that can: A, B or C"
    item = next(item for item in attention(session.state, content, "usa") if "First artificial satellite" in item.fact)
    assert item.fact.endswith(first.needs_words) and item.action == "start or fund one of them"
    game = TextGame(session, "usa", io.StringIO(), tmp_path)
    game.handle("examine crewed_lunar_landing")
    assert "with lunar and docking" in game.out.getvalue()  # a spacecraft needs every one of these
