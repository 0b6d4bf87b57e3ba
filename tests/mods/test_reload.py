"""`reload` in the terminal game: new content is taken mid-game; broken content is refused and the old kept."""

from __future__ import annotations

import io
from pathlib import Path

from game.app.session import Session
from game.content.loader import load_game
from game.engine.orders import EndYear
from game.app.commands.interpreter import TextGame

MOD = 'id = "tweak"\nname = "Tweak"\nversion = "1.0"\ngame = ">=0.1"\n'
NEWS = """[event.tweak_news]
title = "{title}"
text = "A modder's test."
kind = "news"
sides = ["usa"]
years = [1956, 1960]
effects = ["add_prestige(1)"]
"""


def game_with_mod(tmp_path: Path) -> tuple[TextGame, io.StringIO, Path]:
    mod = tmp_path / "tweak"
    mod.mkdir()
    (mod / "mod.toml").write_text(MOD, encoding="utf-8")
    (mod / "news.toml").write_text(NEWS.format(title="First draft"), encoding="utf-8")
    load = lambda: load_game(mod_paths=[mod])  # noqa: E731 - the loader the CLI hands over
    session, _ = Session.new(load().content, "full_campaign", 5, players=("usa",))
    out = io.StringIO()
    game = TextGame(session, "usa", out, tmp_path / "saves")
    game.loader = load
    return game, out, mod


def test_reload_takes_the_edited_content_for_the_next_year(tmp_path: Path) -> None:
    game, out, mod = game_with_mod(tmp_path)
    (mod / "news.toml").write_text(NEWS.format(title="Second draft"), encoding="utf-8")
    game.handle("reload")
    assert "Content reloaded" in out.getvalue()
    assert game.session.content.events["tweak_news"].title == "Second draft"
    assert game.session.record.content_digest == game.session.content.digest
    outcomes = game.session.submit(EndYear(side="usa"))
    assert any(getattr(outcome, "event", "") == "tweak_news" for outcome in outcomes)


def test_reload_of_broken_content_keeps_the_old_and_names_the_errors(tmp_path: Path) -> None:
    game, out, mod = game_with_mod(tmp_path)
    before = game.session.content
    (mod / "news.toml").write_text(NEWS.format(title="Oops") + "\n[event.half]\ntitle = 3\n", encoding="utf-8")
    game.handle("reload")
    text = out.getvalue()
    assert "the game keeps the content it had" in text
    assert "news.toml:" in text and "error[E-TYPE]" in text
    assert game.session.content is before
