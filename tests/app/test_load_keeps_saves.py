"""The terminal's 'load' rewrites nothing when the game being left has had no order since it was loaded or saved:
the autosave keeps its contents and its place in the saves list. A game with new orders is kept when left."""

from __future__ import annotations

import io
from pathlib import Path

from game.app.commands.interpreter import TextGame
from game.app.saves_list import list_saves
from game.app.session import Session
from game.content.loader import load_content
from game.record.save import read_save


def files(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {str(path.relative_to(folder)): (path.stat().st_mtime_ns, path.read_bytes())
            for path in sorted(folder.rglob("*.json"))}


def test_load_from_an_untouched_game_writes_nothing(tmp_path: Path) -> None:
    content = load_content()
    session, _ = Session.new(content, "full_campaign", 3, players=("usa",))
    game = TextGame(session, "usa", io.StringIO(), tmp_path)
    game.read_save = lambda path: read_save(path, content)
    game.handle("end yes")  # the year's autosave
    game.handle("save one")
    game.handle("end yes")
    assert not game.session.unsaved
    before = files(tmp_path)
    order = [preview.name for preview in list_saves(tmp_path, autosaves=True)]

    game.handle("load one")
    game.handle("load autosave")
    game.handle("load one")

    assert "Loaded" in game.out.getvalue()
    assert files(tmp_path) == before
    assert [preview.name for preview in list_saves(tmp_path, autosaves=True)] == order
    game.handle("fund education 5")
    assert game.session.unsaved
    game.handle("load autosave")  # the game left now has an order no file holds: it is autosaved first
    assert files(tmp_path)["autosave.json"] != before["autosave.json"]
    assert files(tmp_path)["one.json"] == before["one.json"]
