"""The window's machinery: the loop redraws only on change, input routing, the command line, settings."""

from __future__ import annotations

import json
from pathlib import Path

import pygame

from game.ui.window import intents
from game.ui.window.intents import Click, Key, Text, Wheel
from game.app.settings import Settings, load_settings
from game.ui.window.widgets import CommandLine

from .conftest import press, settle, type_line


def test_idle_window_draws_nothing(make_app) -> None:  # noqa: ANN001
    app = make_app()
    settle(app)  # the title looks for the autosave on the disk worker; its answer is one redraw
    app.step([])
    drawn = app.frames
    for _ in range(20):
        app.step([])  # no events: nothing changed, so no frame is drawn
    assert app.frames == drawn
    app.step([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_DOWN, mod=0)])
    assert app.frames == drawn + 1


def test_pygame_events_become_intents() -> None:
    pygame.init()
    events = [
        pygame.event.Event(pygame.KEYDOWN, key=pygame.K_e, mod=pygame.KMOD_LCTRL),
        pygame.event.Event(pygame.TEXTINPUT, text="ab\x07"),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(10, 20), button=1),
        pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)),
        pygame.event.Event(pygame.QUIT),
    ]
    read = intents.read(events)
    assert read[0] == Key("e", ctrl=True)
    assert read[1] == Text("ab")  # control characters never reach the game
    assert read[2] == Click(10, 20, 1)
    assert read[3] == intents.Resize(1600, 900)
    assert isinstance(read[4], intents.Quit)


def test_typed_commands_run_through_the_shared_interpreter(game_app) -> None:  # noqa: ANN001
    app = game_app
    type_line(app, "start explorer")
    assert "explorer" in app.play.state.sides["usa"].programs
    texts = [line.text for line in app.play.feed]
    assert "1955 USA> start explorer" in texts
    assert any("Program started" in text for text in texts)
    type_line(app, "frobnicate")
    assert any("Unknown command 'frobnicate'" in line.text for line in app.play.feed)
    assert app.render().shown("Unknown command")  # the answer is on screen, in the feed


def test_typing_anywhere_goes_to_the_command_line(game_app) -> None:  # noqa: ANN001
    app = game_app
    press(app, "tab", "tab")
    app.dispatch(Text("sta"))
    assert app.top.prompt.text == "sta"
    assert app.top.focused() is app.top.prompt


def test_command_line_history_and_completion(game_app) -> None:  # noqa: ANN001
    app = game_app
    type_line(app, "status")
    type_line(app, "crew")  # opens the Crew screen: a new prompt, the same history, still focused
    prompt: CommandLine = app.top.prompt
    assert app.top.name == "crew" and app.top.focused() is prompt
    app.dispatch(Key("up"))
    assert prompt.text == "crew"
    app.dispatch(Key("up"))
    assert prompt.text == "status"
    app.dispatch(Key("down"))
    app.dispatch(Key("down"))
    assert prompt.text == ""
    app.dispatch(Text("sch"))
    app.dispatch(Key("tab"))
    assert prompt.text == "schedule "
    app.dispatch(Key("u", ctrl=True))
    app.dispatch(Text("start expl"))
    app.dispatch(Key("tab"))
    assert prompt.text.startswith("start explorer")


def test_completion_lists_choices_of_a_pending_dilemma(make_app) -> None:  # noqa: ANN001
    from game.app.commands.completion import complete

    app = make_app()
    app.new_game("full_campaign", "usa", 7)
    pending = app.play.state.sides["usa"].pending
    assert pending
    event = pending[0].event
    lines = complete(f"choose {event} ", app.play)
    assert {line.split()[2] for line in lines} == {choice.id for choice in app.play.content.events[event].choices}


def test_help_overlay_toggles_and_lists_the_keys_of_the_screen_below(game_app) -> None:  # noqa: ANN001
    app = game_app
    press(app, "f1")
    assert app.top.name == "help"
    painter = app.render()
    assert painter.shown("Ctrl+E") and painter.shown("end the year")
    press(app, "f1")
    assert app.top.name == "hq"


def test_escape_opens_the_menu_and_resumes(game_app) -> None:  # noqa: ANN001
    app = game_app
    press(app, "escape")
    assert app.top.name == "menu"
    assert app.render().shown("Save and return to title")
    press(app, "escape")
    assert app.top.name == "hq"


def test_order_refusal_is_a_notice_not_a_crash(game_app) -> None:  # noqa: ANN001
    from game.engine.orders import Fund

    app = game_app
    assert app.submit(Fund(side="usa", target="vanguard", amount=10_000)) is None
    assert app.notice and app.notice[0].startswith("Refused:")
    assert app.render().shown("Refused:")


def test_resize_rethemes_and_everything_still_fits(game_app) -> None:  # noqa: ANN001
    app = game_app
    for size in ((3840, 2160), (1024, 576), (1280, 720)):
        app.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        app.dispatch(intents.Resize(*size))
        painter = app.render()
        assert painter.shown("HQ")
        for call in painter.transcript:
            if call.kind == "text":
                x, y, w, h = call.rect
                assert x >= 0 and x + w <= size[0] + 1, (call.text, call.rect, size)
    assert app.theme.scale == 1.0


def test_ui_scale_multiplies_the_window_scale(make_app) -> None:  # noqa: ANN001
    app = make_app(size=(2560, 1440))
    assert app.theme.scale == 2.0
    from dataclasses import replace

    app.apply_settings(replace(app.settings, scale=110))
    assert app.theme.scale == 2.2
    app.apply_settings(replace(app.settings, scale=150))
    assert app.theme.scale == 2.5  # capped: the screens keep at least 1024×576 of layout room
    app.new_game("full_campaign", "usa", 7)
    for screen in ("hq", "budget", "programs", "crew", "missions", "race", "charts", "almanac"):
        app.show_tab(screen)
        painter = app.render()
        assert app.top.name == screen
        for call in painter.transcript:
            if call.kind == "text":
                x, _, w, _ = call.rect
                assert x >= 0 and x + w <= 2560 + 1, (screen, call.text, call.rect)


def test_wheel_scrolls_the_feed(game_app) -> None:  # noqa: ANN001
    app = game_app
    for index in range(30):
        type_line(app, "examine vanguard")
    app.render()
    feed = app.top.feed_rect
    app.dispatch(Wheel(feed.centerx, feed.centery, 2))
    assert app.top.feed_scroll == 6
    assert app.render().shown("lines below")


def test_saving_from_the_command_line_is_written_by_the_worker(game_app, tmp_path: Path) -> None:  # noqa: ANN001
    app = game_app
    type_line(app, "save first")
    settle(app)
    saved = tmp_path / "saves" / "first.json"
    assert json.loads(saved.read_text())["scenario"] == "full_campaign"
    assert app.notice and "Saved to" in app.notice[0]
    type_line(app, "save ../evil")
    assert app.notice and app.notice[1] == "bad"


def test_settings_survive_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == (Settings(), "")
    path.write_text("{not json")
    settings, warning = load_settings(path)
    assert settings == Settings() and "could not be read" in warning
    path.write_text(json.dumps({"scale": 110, "palette": "nonsense", "width": -5, "extra": 1}))
    settings, warning = load_settings(path)
    assert settings.scale == 110 and settings.palette == Settings().palette and settings.width == 1280


def test_a_broken_settings_file_gives_a_notice(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    (tmp_path / "settings.json").write_text("[1, 2]")
    app = make_app()
    assert app.notice and "settings" in app.notice[0]


def test_f5_a_slip_from_f4_or_f6_reloads_nothing_and_says_where_reload_went(make_app, loaded) -> None:  # noqa: ANN001
    from game.ui.window.scenes.help import HelpOverlay

    calls: list[int] = []
    app = make_app(loader=lambda: calls.append(1) or loaded)
    app.new_game("full_campaign", "usa", 7)
    press(app, "f5")
    settle(app)
    assert calls == [] and app.play.content is loaded.content
    assert app.notice is not None and "Ctrl+R" in app.notice[0]
    press(app, "f1")
    assert isinstance(app.top, HelpOverlay)
    painter = app.render()
    assert painter.shown("Ctrl+R") and not any(call.text == "F5" for call in painter.transcript)


def test_ctrl_r_reloads_content_on_the_worker(make_app, loaded) -> None:  # noqa: ANN001
    from game.content.loader import load_game

    example = Path(__file__).resolve().parents[2] / "examples" / "mods" / "first_lady"
    with_mod = load_game(mod_paths=[example], mods_dir=None)
    app = make_app(loader=lambda: with_mod)
    app.new_game("full_campaign", "usa", 7)
    press(app, "r", ctrl=True)
    assert app.play.content is loaded.content  # not yet: the worker is reading
    settle(app)
    assert app.play.content is with_mod.content and app.content is with_mod.content
    assert app.notice and app.notice[0].startswith("Content reloaded")


def test_f12_saves_a_screenshot_without_blocking(game_app, tmp_path: Path) -> None:  # noqa: ANN001
    app = game_app
    app.render()
    press(app, "f12")
    settle(app)
    shots = list((tmp_path / "saves" / "screenshots").glob("*.png"))
    assert len(shots) == 1 and pygame.image.load(str(shots[0])).get_size() == (1280, 720)
    assert app.notice and app.notice[0].startswith("Screenshot saved")


def test_every_spelling_of_end_shows_the_year(game_app) -> None:  # noqa: ANN001
    app = game_app
    type_line(app, "next year please")  # 'next' is 'end'; the words after it change nothing
    assert app.top.name == "confirm_end"  # money and a decision are waiting: it asks, as the End year button does
    press(app, "return")
    assert app.play.state.year == 1956
    assert "year_end" in [scene.name for scene in app.stack]
    assert not app.play.recent  # everything the year brought was presented


def test_window_commands_with_extra_words(game_app, tmp_path: Path) -> None:  # noqa: ANN001
    app = game_app
    type_line(app, "save a b")
    assert app.notice and app.notice[0].startswith("Usage: save NAME")
    settle(app)
    assert not (tmp_path / "saves" / "a.json").exists()
    type_line(app, "quit now")
    assert app.play is None and app.top.name == "title"


def test_a_spectator_cannot_save_and_a_watched_save_loads_as_watching(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    from game.app.session import Session
    from game.record.save import write_save

    app = make_app()
    app.command("save x")  # no game: nothing happens
    session, _ = Session.new(app.content, "sputnik_shock", 3, players=(), run_ai=False)
    session.play_ai(whole_game=False)
    write_save(tmp_path / "saves" / "watched.json", session.save_file())
    app.load_game(tmp_path / "saves" / "watched.json")
    settle(app)
    assert app.play is not None and app.play.spectator
    type_line(app, "save mine")
    assert app.notice and "watching" in app.notice[0]
    settle(app)
    assert not (tmp_path / "saves" / "mine.json").exists()


def test_help_works_while_watching(make_app) -> None:  # noqa: ANN001
    from game.ui.window.app import WatchOptions
    from game.ui.window.scenes.watch import Watcher

    app = make_app()
    app.watcher = Watcher(app, WatchOptions(seed=4, years=2))
    app.watcher.begin()
    press(app, "f1")
    assert app.top.name == "help"
    press(app, "escape")
    assert app.top.name != "help" and not app.watcher.finished
    press(app, "escape")
    assert app.top.name == "title" and app.play is None


def test_an_odd_digit_key_on_an_event_card_is_ignored(make_app) -> None:  # noqa: ANN001
    from game.ui.window.scenes.event_card import EventCardScene

    app = make_app()
    app.new_game("full_campaign", "usa", 7)
    for _ in range(10):
        if isinstance(app.top, EventCardScene) and app.top.pending:
            break
        app.top.handle(Key("escape"))
    card = app.top
    assert isinstance(card, EventCardScene) and card.pending
    for name in ("²", "٣", "[1]"):  # key names isdigit() accepts (or nearly): no crash, no choice
        app.dispatch(Key(name))
    assert app.top is card and app.play.state.sides["usa"].pending


def test_bundled_fonts_cover_latin_and_cyrillic(make_app) -> None:  # noqa: ANN001
    app = make_app()
    folder = app.fonts.folder
    assert folder.name == "fonts" and (folder / "LICENSE.txt").is_file()
    for face in ("sans", "bold", "mono", "mono_bold"):
        font = app.fonts.font(face, 16)
        for text in ("Space Race 1955–1975 ★", "Спутник, Восток, Королёв", "Ça, naïve, Łódź"):
            assert all(metric is not None for metric in font.metrics(text)), (face, text)


def test_the_control_under_the_pointer_lights_up(game_app) -> None:  # noqa: ANN001
    app = game_app
    app.render()
    tab = app.top.tabs[2]
    frames = app.frames
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=tab.rect.center, rel=(0, 0), buttons=(0, 0, 0))])
    assert tab.hovered and app.frames == frames + 1
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=(tab.rect.centerx + 1, tab.rect.centery), rel=(1, 0),
                                 buttons=(0, 0, 0))])
    assert app.frames == frames + 1  # still over the same control: nothing to redraw
    app.step([pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 300), rel=(0, 0), buttons=(0, 0, 0))])
    assert not tab.hovered


def test_completion_offers_what_the_command_can_take(game_app) -> None:  # noqa: ANN001
    from game.app.commands.completion import complete

    play = game_app.play
    funded = {line.split()[1] for line in complete("fund ", play)}
    assert funded == set(play.state.sides["usa"].programs) | {"training", "education", "intelligence", "last"}  # started only
    startable = {line.split()[1] for line in complete("start ", play)}
    assert "explorer" in startable and "saturn_v" not in startable  # Saturn V cannot be started in 1955
    assert complete("examine expl", play) == ["examine explorer "]
    assert "examine explorer " in complete("examine sat", play)  # a word of the name: Explorer satellite


def test_the_title_focuses_continue_when_there_is_a_game_to_go_back_to(make_app, tmp_path: Path) -> None:  # noqa: ANN001
    """A window play-tester found New game focused with an autosave waiting: Enter would have begun another game."""
    app = make_app()
    settle(app)
    assert app.top.name == "title" and app.top.focused().label == "New game"  # nothing saved yet
    app.new_game("full_campaign", "usa", 7)
    app.play.session.autosave(tmp_path / "saves")
    from game.ui.window.scenes.title import TitleScene

    title = TitleScene(app)
    app.push(title)
    title.enter()
    settle(app)
    assert title.can_continue and title.focused().label == "Continue"
