"""The window through the command line: --ui choices and fallbacks, `watch --screenshots`, `bench`."""

from __future__ import annotations

import io
from pathlib import Path

import pygame
import pytest

from game import cli
from game.ui.window import run as window


def test_display_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    assert "dummy" in window.display_available()
    monkeypatch.delenv("SDL_VIDEODRIVER")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(window.os, "name", "posix")
    if window.os.uname().sysname == "Linux":
        assert "no display" in window.display_available()
        monkeypatch.setenv("DISPLAY", ":0")
        assert window.display_available() == ""


def test_ui_window_without_a_display_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.setattr(window, "display_available", lambda: "no display found")
    code = cli.main(["play", "--ui", "window", "--seed", "1"], out=io.StringIO())
    assert code == 2
    assert "the window cannot open: no display found. Use --ui text" in capsys.readouterr().err


def test_auto_with_piped_commands_plays_in_the_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("status\nquit\n"))
    out = io.StringIO()
    assert cli.main(["play", "--seed", "3", "--saves-dir", str(tmp_path)], out=out) == 0
    assert "Budget for 1955" in out.getvalue()


def test_auto_without_a_display_says_so_in_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                    capsys) -> None:  # noqa: ANN001
    class Keyboard(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Keyboard(""))
    monkeypatch.setattr("builtins.input", lambda prompt="": (_ for _ in ()).throw(EOFError))
    monkeypatch.setattr(window, "display_available", lambda: "no display found")
    assert cli.main(["play", "--seed", "3", "--saves-dir", str(tmp_path)], out=io.StringIO()) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["space-race: no display found, so the game plays in the terminal (--ui text skips this check)."]


def test_play_in_the_window_starts_a_game_and_saves_on_quit(tmp_path: Path) -> None:
    from game.content.loader import load_game

    loaded = load_game(mod_paths=[], mods_dir=None)
    pygame.init()
    pygame.time.set_timer(pygame.QUIT, 300, loops=1)
    code = window.play(loaded.content, lambda: loaded, tmp_path / "saves", tmp_path / "settings.json", "sputnik_shock",
                       "ussr", 11, "hard", None)
    assert code == 0
    saved = (tmp_path / "saves" / "autosave.json").read_text()
    assert '"scenario": "sputnik_shock"' in saved and '"difficulty": "hard"' in saved


def test_watch_saves_a_screenshot_of_each_screen(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    shots = tmp_path / "shots"
    code = cli.main(["watch", "--seed", "5", "--years", "3", "--screenshots", str(shots)], out=io.StringIO())
    assert code == 0
    pngs = sorted(path.name for path in shots.glob("*.png"))
    assert len(pngs) >= 7
    assert any("race" in name for name in pngs) and any("charts" in name for name in pngs)
    assert any("year_end" in name for name in pngs)
    image = pygame.image.load(str(shots / pngs[-1]))
    assert image.get_size() == (1280, 720)
    assert f"{len(pngs)} screenshots in {shots}" in capsys.readouterr().out


def test_watch_to_the_end_shows_the_result(tmp_path: Path) -> None:
    shots = tmp_path / "shots"
    assert cli.main(["watch", "--scenario", "sputnik_shock", "--seed", "2", "--screenshots", str(shots)],
                    out=io.StringIO()) == 0
    assert any("game_over" in path.name for path in shots.glob("*.png"))


def test_watch_needs_a_display_or_screenshots(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # noqa: ANN001
    monkeypatch.setattr(window, "display_available", lambda: "no display found")
    assert cli.main(["watch", "--years", "1"], out=io.StringIO()) == 2
    assert "--screenshots DIR" in capsys.readouterr().err


def test_bench_reports_medians(capsys) -> None:  # noqa: ANN001
    out = io.StringIO()
    assert cli.main(["bench", "--games", "2", "--no-window"], out=out) == 0
    text = out.getvalue()
    assert "content load: median" in text and "AI-vs-AI campaign" in text


def test_watch_shoots_each_flight_at_its_result_and_ends_each_year_with_its_own_report(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    from game.app.narrate import RESULT_WORDS
    from game.ui.window.app import WatchOptions
    from game.ui.window.scenes.flight import FlightScene

    shots = tmp_path / "shots"
    app = make_app(watch=WatchOptions(scenario="full_campaign", seed=5, years=4, screenshots=shots))
    seen: list[tuple[str, int, list[str]]] = []  # (file name, the game's year, the texts of the frame)
    original = app.screenshot

    def shoot(path=None):  # noqa: ANN001, ANN202
        assert app.painter is not None
        top = app.top
        if isinstance(top, FlightScene):
            assert top.moment.phase == "result", (path, top.moment)  # never the countdown
            assert app.painter.shown(RESULT_WORDS[top.story.flight.result])
        seen.append((path.name, app.play.state.year, app.painter.texts()))
        return original(path)

    app.screenshot = shoot
    for _ in range(2000):
        if not app.running:
            break
        app.step([], 16)
    assert not app.running
    names = [name for name, _, _ in seen]
    flights = [name for name in names if "flight" in name]
    assert len(flights) == len(set(flights)) >= 3  # one shot a flight shown, each at its result
    years = sorted({int(name.split("-")[1]) for name in names})
    assert years == [1955, 1956, 1957, 1958]
    for year in years:
        of_year = [name for name in names if f"-{year}-" in name]
        assert of_year[-1].endswith("year_end.png"), of_year  # the year's last shot is its own report
        for name, game_year, texts in seen:
            if f"-{year}-" in name and ("race" in name or "charts" in name):
                assert game_year == year  # the race and the charts as the year begins, not the next year's
    assert sorted(path.name for path in shots.glob("*.png")) == names
