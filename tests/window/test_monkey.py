"""The monkey: 10,000 random keys, text, clicks, pointer moves, wheel turns and resizes through the real event queue, across
every screen. Nothing may raise, and the game that results must be a valid state its own record replays to."""

from __future__ import annotations

import random

import pygame

from game.app.replay import replay_save
from game.engine.state import GameState

KEYS = ["up", "down", "left", "right", "tab", "return", "escape", "space", "backspace", "delete", "home", "end",
        "page up", "page down", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12",
        "1", "2", "3", "a", "c", "d", "e", "l", "m", "n", "s", "t", "w", "+", "-"]
WORDS = ["end", "status", "start explorer", "fund explorer 20", "schedule small_satellite 3", "recruit 2", "build pad",
         "choose vanguard_or_orbiter orbiter", "programs all", "missions", "crew", "race", "examine saturn_v",
         "save monkey", "budget", "help fund", "cancel 1", "log 5", "x", "\u0421\u043f\u0443\u0442\u043d\u0438\u043a",
         "quit", "reload", "'unclosed", "fund training 5", "decisions", "12345", "ledger",
         "choose vanguard_or_orbiter both confirm"]
EVENTS = 10_000
BATCH = 25


def random_event(chaos: random.Random, size: tuple[int, int]) -> pygame.event.Event:
    roll = chaos.random()
    if roll < 0.55:
        name = chaos.choice(KEYS)
        mod = chaos.choice([0, 0, 0, pygame.KMOD_LSHIFT, pygame.KMOD_LCTRL])
        if mod == pygame.KMOD_LCTRL and name == "q":
            mod = 0
        return pygame.event.Event(pygame.KEYDOWN, key=pygame.key.key_code(name), mod=mod)
    if roll < 0.70:
        return pygame.event.Event(pygame.TEXTINPUT, text=chaos.choice(WORDS + list("abcdefxyz 0123")))
    if roll < 0.80:
        return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(chaos.randrange(size[0]), chaos.randrange(size[1])),
                                  button=chaos.choice([1, 1, 1, 3]))
    if roll < 0.88:
        return pygame.event.Event(pygame.MOUSEMOTION, pos=(chaos.randrange(size[0]), chaos.randrange(size[1])),
                                  rel=(0, 0), buttons=(0, 0, 0))
    if roll < 0.97:
        return pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=chaos.choice([-3, -1, 1, 2]))
    width, height = chaos.choice([(1280, 720), (1920, 1080), (1024, 600), (3840, 2160)])
    return pygame.event.Event(pygame.VIDEORESIZE, w=width, h=height, size=(width, height))


def test_monkey(make_app) -> None:  # noqa: ANN001
    chaos = random.Random(1957)  # the test's own generator; the game never sees it
    app = make_app()
    app.new_game("full_campaign", "usa", 7)
    games: list = []
    seen: set[str] = set()
    sent = 0
    while sent < EVENTS:
        pygame.event.clear()
        size = app.screen.get_size()
        batch = [random_event(chaos, size) for _ in range(BATCH)]
        for event in batch:
            if event.type == pygame.VIDEORESIZE:
                pygame.display.set_mode(event.size, pygame.RESIZABLE)
        app.step(batch)
        sent += len(batch)
        app.disk.drain()
        app.step([])
        if not app.running:  # the monkey quit: a player would start the game again
            app.running = True
            app.quit_to_title()
        if app.play is not None and app.play not in games:
            games.append(app.play)
        if app.play is not None and app.play.spectator and chaos.random() < 0.05:
            app.quit_to_title()  # do not watch forever
        elif chaos.random() < 0.02:
            app.quit_to_title()  # and visit the title's screens now and then
        seen.update(scene.name for scene in app.stack)
    assert sent >= EVENTS
    assert {"title", "hq", "budget", "programs", "crew", "missions", "race", "charts", "almanac", "event", "help",
            "year_end", "flight", "saves", "menu", "ledger"} <= seen, seen
    played = [play for play in games if not play.spectator]
    assert played
    for play in played:
        state = play.session.state
        assert GameState.from_dict(state.to_dict()).checksum() == state.checksum()
        report = replay_save(play.session.content, play.session.save_file())
        assert report.ok, report.lines
    assert max(play.state.year for play in played) > 1955  # the monkey got years to pass
