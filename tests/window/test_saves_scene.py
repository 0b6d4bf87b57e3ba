"""Save and load: previews read on the disk worker, save by name (twice to overwrite), load from the list,
and damaged or foreign files listed as unreadable, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from game.ui.window.intents import Key, Text
from game.app.saves_list import list_saves, read_preview
from game.ui.window.scenes.saves import SavesScene

from .conftest import close_overlays, press, settle, type_line


def open_saves(app, key: str) -> SavesScene:  # noqa: ANN001
    press(app, key, ctrl=True)
    scene = app.top
    assert isinstance(scene, SavesScene)
    assert app.render().shown("Reading saves…")  # nothing read in a frame
    settle(app)
    return scene


def test_save_by_name_then_load_it_back(game_app) -> None:  # noqa: ANN001
    app = game_app
    saves = app.options.saves_dir
    scene = open_saves(app, "s")
    assert scene.mode == "save" and scene.focused() is scene.name_field
    type_line(app, "moon_shot")
    settle(app)
    assert (saves / "moon_shot.json").is_file()
    assert not isinstance(app.top, SavesScene)  # saved and closed
    assert app.notice is not None and "moon_shot.json" in app.notice[0]

    type_line(app, "start explorer")  # the game moves on after the save
    assert "explorer" in app.play.state.sides["usa"].programs
    scene = open_saves(app, "l")
    painter = app.render()
    assert painter.shown("moon_shot")
    assert painter.shown("1955 · The Space Race, 1955–1975")  # the preview: year and scenario
    assert painter.shown("mods: none")
    names = [preview.name for preview in scene.previews]
    press(app, *["down"] * names.index("moon_shot"))
    assert scene.selected().name == "moon_shot"
    press(app, "return")
    settle(app)
    assert app.play is not None and "explorer" not in app.play.state.sides["usa"].programs  # the saved game
    assert any("Resumed moon_shot.json" in line.text for line in app.play.feed)
    close_overlays(app)


def test_saving_over_a_save_asks_first(game_app) -> None:  # noqa: ANN001
    app = game_app
    saves = app.options.saves_dir
    open_saves(app, "s")
    type_line(app, "first")
    settle(app)
    before = (saves / "first.json").stat().st_mtime_ns
    type_line(app, "start explorer")
    scene = open_saves(app, "s")
    names = [preview.name for preview in scene.previews]
    press(app, "down")  # to the list: its selected save names the save
    assert scene.name_field.text == names[0]
    press(app, *["down"] * names.index("first"))
    assert scene.name_field.text == "first"
    press(app, "return")
    assert isinstance(app.top, SavesScene)  # not yet: it asks
    assert app.render().shown("already exists")
    assert app.render().shown("Overwrite first")
    press(app, "return")
    settle(app)
    assert not isinstance(app.top, SavesScene)
    assert "explorer" in json.loads((saves / "first.json").read_text())["state"]["sides"]["usa"]["programs"]
    assert (saves / "first.json").stat().st_mtime_ns >= before


def test_bad_names_are_refused(game_app) -> None:  # noqa: ANN001
    app = game_app
    scene = open_saves(app, "s")
    app.dispatch(Text("a b/c"))
    assert scene.name_field.text == "a-bc"  # the space made '-', the slash left out: both said
    painter = app.render()
    assert painter.shown("Spaces become '-'") and painter.shown("Left out '/'")
    press(app, "backspace", "backspace", "backspace", "backspace", "return")
    assert isinstance(app.top, SavesScene) and app.render().shown("Type a name")
    app.dispatch(Text("x" * 80))
    assert len(scene.name_field.text) == 64
    press(app, "escape")
    assert not isinstance(app.top, SavesScene)


def test_damaged_and_foreign_files_are_listed_as_unreadable(make_app) -> None:  # noqa: ANN001
    app = make_app()
    saves: Path = app.options.saves_dir
    saves.mkdir(parents=True)
    (saves / "broken.json").write_text('{"format": "space-race-save", "version": 1, "year": 19', encoding="utf-8")
    (saves / "foreign.json").write_text('{"name": "not a save"}', encoding="utf-8")
    (saves / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (saves / "future.json").write_text('{"format": "space-race-save", "version": 99}', encoding="utf-8")
    (saves / "notes.txt").write_text("not listed", encoding="utf-8")
    settle(app)
    press(app, "l")
    scene = app.top
    assert isinstance(scene, SavesScene) and scene.mode == "load"
    settle(app)
    painter = app.render()
    assert painter.shown("unreadable: damaged or truncated")
    assert painter.shown("unreadable: not a Space Race save")
    assert painter.shown("unreadable: not text")
    assert painter.shown("save version 99 was written by a newer Space Race")
    assert not painter.shown("notes")
    names = [preview.name for preview in scene.previews]
    press(app, *["down"] * names.index("broken"))
    press(app, "return")
    settle(app)
    assert app.play is None and app.top is scene  # no crash, no game: a notice says why
    assert app.notice is not None and app.notice[1] == "bad" and "broken.json" in app.notice[0]


def test_a_save_that_previews_but_fails_to_load_gives_a_notice(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    app = make_app()
    saves: Path = app.options.saves_dir
    saves.mkdir(parents=True)
    record = {"players": ["usa"], "mods": []}
    (saves / "half.json").write_text(json.dumps({"format": "space-race-save", "version": 1, "year": 1960,
                                                  "scenario": "full_campaign", "record": record}), encoding="utf-8")
    settle(app)
    press(app, "l")
    settle(app)
    assert app.render().shown("1960 · The Space Race")
    press(app, "return")
    settle(app)
    assert app.play is None and isinstance(app.top, SavesScene)
    assert app.notice is not None and app.notice[1] == "bad"


def test_empty_folder_says_how_to_save(make_app) -> None:  # noqa: ANN001
    app = make_app()
    settle(app)
    press(app, "l")
    settle(app)
    painter = app.render()
    assert painter.shown("No saves yet")
    assert painter.shown("Ctrl+S")
    press(app, "return")  # nothing to load: nothing happens
    assert isinstance(app.top, SavesScene)
    press(app, "escape")
    assert app.top.name == "title"


def test_save_mode_without_a_game(make_app) -> None:  # noqa: ANN001
    app = make_app()
    settle(app)
    app.push(SavesScene(app, "save"))
    settle(app)
    assert app.render().shown("no game in progress")
    app.dispatch(Key("escape"))
    assert app.top.name == "title"


def test_preview_reader_is_robust(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text("[" * 100000, encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "odd.json").write_text('{"format": "space-race-save", "version": 1, "year": "x", "scenario": 1}',
                                       encoding="utf-8")
    (tmp_path / "sides.json").write_text('{"format": "space-race-save", "version": 1, "year": 1960, "scenario": "a", '
                                         '"record": {"players": ["mars"]}}', encoding="utf-8")
    (tmp_path / ".hidden.json").write_text("{}", encoding="utf-8")
    previews = list_saves(tmp_path)
    assert sorted(preview.name for preview in previews) == ["deep", "list", "odd", "sides"]
    assert all(preview.problem for preview in previews)
    assert read_preview(tmp_path / "missing.json").problem.startswith("cannot be read")
    assert list_saves(tmp_path / "nowhere") == []


def test_saves_screen_at_4k(make_app) -> None:  # noqa: ANN001
    app = make_app(size=(3840, 2160))
    app.new_game("moon_race", "ussr", 3)
    close_overlays(app)
    app.play.save("big")
    settle(app)
    open_saves(app, "l")
    painter = app.render()
    assert painter.shown("We Choose to Go to the Moon")
    assert painter.shown("USSR")


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under the saves folder: when it was written and what it holds."""
    return {str(path.relative_to(folder)): (path.stat().st_mtime_ns, path.read_bytes())
            for path in sorted(folder.rglob("*.json"))}


def test_loading_never_rewrites_or_reorders_the_saves(game_app) -> None:  # noqa: ANN001
    """Loading a game, and loading another from it untouched, writes nothing: the autosave keeps its place and
    its contents. Only a game left with orders given since it was saved is autosaved on the way out."""
    import os

    app = game_app
    saves = app.options.saves_dir
    type_line(app, "start explorer")
    open_saves(app, "s")
    type_line(app, "named")
    settle(app)
    old = 1_000_000_000_000_000_000  # the named save is older than the autosave: the list shows the autosave first
    os.utime(saves / "named.json", ns=(old, old))
    app.quit_to_title()  # nothing changed since 'named' was saved: nothing written
    settle(app)
    before = snapshot(saves)
    order = [preview.name for preview in list_saves(saves, autosaves=True)]
    assert order[-1] == "named" and "autosave" in order

    app.load_game(saves / "named.json")  # from the title
    settle(app)
    close_overlays(app)
    scene = open_saves(app, "l")  # and from that game, untouched, the autosave
    names = [preview.name for preview in scene.previews]
    assert names == order
    press(app, *["down"] * names.index("autosave"), "return")
    settle(app)
    close_overlays(app)
    app.quit_to_title()
    settle(app)
    assert snapshot(saves) == before
    assert [preview.name for preview in list_saves(saves, autosaves=True)] == order

    app.load_game(saves / "named.json")
    settle(app)
    close_overlays(app)
    type_line(app, "fund explorer 5")  # an order: now the game being left is kept
    app.load_game(saves / "autosave.json")
    settle(app)
    assert snapshot(saves)["named.json"] == before["named.json"]
    assert snapshot(saves)["autosave.json"] != before["autosave.json"]


def test_a_space_in_a_save_name_becomes_a_dash_and_says_so(game_app) -> None:  # noqa: ANN001
    app = game_app
    saves = app.options.saves_dir
    scene = open_saves(app, "s")
    for word in ("moon", " ", "shot"):  # typed key by key, as a player types
        app.dispatch(Text(word))
    assert scene.name_field.text == "moon-shot"
    painter = app.render()
    assert painter.shown("Spaces become '-' in a save's name") and painter.shown("moon-shot.json")
    app.dispatch(Text("/"))
    app.dispatch(Text("x"))  # the next key does not hide what happened to the one before
    assert scene.name_field.text == "moon-shotx"
    assert app.render().shown("Left out '/'")
    press(app, "backspace", "return")
    settle(app)
    assert (saves / "moon-shot.json").is_file()
    assert app.notice is not None and "moon-shot.json" in app.notice[0]
