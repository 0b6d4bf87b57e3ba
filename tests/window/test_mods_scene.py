"""The mods screen: the mods in load order with their status, read on the disk worker, problems counted and
the first ones shown, and how to add a mod."""

from __future__ import annotations

import shutil
from pathlib import Path

from game.content.loader import load_game
from game.ui.window.scenes.mods import ModsScene
from game.ui.window.scenes.problems import ProblemsOverlay

from .conftest import press, settle

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "mods" / "first_lady"


def open_mods(app) -> ModsScene:  # noqa: ANN001
    settle(app)
    press(app, "m")
    scene = app.top
    assert isinstance(scene, ModsScene)
    assert app.render().shown("Reading mods…")  # the loader runs on the disk worker, not in a frame
    settle(app)
    return scene


def test_example_mod_listed_in_load_order(make_app) -> None:  # noqa: ANN001
    app = make_app(loader=lambda: load_game(mod_paths=[EXAMPLE], mods_dir=None))
    scene = open_mods(app)
    painter = app.render()
    assert painter.shown("1. Space Race (the base game)")
    assert painter.shown("2. First Lady of Space")
    assert painter.shown("✓ ok")
    assert painter.shown("1 mod in the load order")
    assert painter.shown("0 errors") and painter.shown("0 warnings")
    assert painter.shown("2 objects changed by more than one mod")
    assert painter.shown("press Ctrl+R to use them")  # the window started without the mod
    assert painter.shown("--mod PATH") and painter.shown("MODDING.md")
    press(app, "down")
    painter = app.render()
    assert painter.shown("FIRST LADY OF SPACE")  # the selected mod's details
    assert painter.shown("women_cosmonauts: first_lady's version stands")
    assert scene.list.selected == 1
    press(app, "escape")
    assert app.top.name == "title"


def test_broken_mod_shows_its_status_and_first_problems(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    broken = tmp_path / "broken_lady"
    shutil.copytree(EXAMPLE, broken)
    manifest = broken / "mod.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('id = "first_lady"', 'id = "broken_lady"'),
                        encoding="utf-8")
    events = broken / "events" / "women_in_space.toml"
    events.write_text(events.read_text(encoding="utf-8").replace('priority = 4', 'priority = "four"'), encoding="utf-8")
    app = make_app(loader=lambda: load_game(mod_paths=[broken], mods_dir=None))
    open_mods(app)
    painter = app.render()
    assert painter.shown("✗ has errors")
    assert painter.shown("1 error")
    assert painter.shown("women_in_space.toml:")  # the first problems, by headline
    assert painter.shown("error[E-TYPE]")
    assert painter.shown("the game keeps the content it has")
    press(app, "p")  # every problem, in the overlay
    assert isinstance(app.top, ProblemsOverlay)
    press(app, "escape")
    assert isinstance(app.top, ModsScene)


def test_mods_folder_and_missing_loader(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "mods"
    shutil.copytree(EXAMPLE, folder / "first_lady")
    app = make_app(loader=lambda: load_game(mod_paths=[], mods_dir=folder))
    scene = open_mods(app)
    assert [mod.id for mod in scene.rows()] == ["base", "first_lady"]
    press(app, "r")  # read again
    assert app.render().shown("Reading mods…")
    settle(app)
    assert app.render().shown("2. First Lady of Space")
    bare = make_app(loader=None)
    settle(bare)
    press(bare, "m")
    assert bare.render().shown("without a content loader")


def test_mods_screen_at_4k_and_small(make_app) -> None:  # noqa: ANN001
    for size in ((3840, 2160), (1024, 600)):
        app = make_app(size=size, loader=lambda: load_game(mod_paths=[EXAMPLE], mods_dir=None))
        open_mods(app)
        painter = app.render()
        assert painter.shown("First Lady of Space")


def test_paths_are_worked_out_on_the_disk_worker_not_in_a_frame(make_app, monkeypatch, tmp_path: Path) -> None:  # noqa: ANN001
    import threading

    from game.ui.window.scenes import mods

    folder = tmp_path / "mods"
    shutil.copytree(EXAMPLE, folder / "first_lady")
    callers: list[str] = []
    real = mods.display_path

    def display_path(path: Path) -> str:  # resolving a path asks the disk: never on the main thread
        callers.append(threading.current_thread().name)
        return real(path)

    monkeypatch.setattr(mods, "display_path", display_path)
    monkeypatch.chdir(tmp_path)  # the folders read relative to here: short enough to show whole
    app = make_app(loader=lambda: load_game(mod_paths=[], mods_dir=folder), mods_dir=folder)
    scene = open_mods(app)
    press(app, "down")
    painter = app.render()
    assert real(folder / "first_lady") == "mods/first_lady"
    assert painter.shown("first_lady 1.0.0 · mods/first_lady")  # the row and the detail show the mod's folder
    assert painter.shown("Folder: mods/first_lady")
    assert painter.shown("in mods, or start")
    press(app, "r")
    app.render()
    settle(app)
    app.render()
    assert callers and threading.main_thread().name not in callers
    assert scene.paths[folder / "first_lady"] == real(folder / "first_lady")
