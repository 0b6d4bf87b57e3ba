"""The one reader of the pygame event queue: pygame events → intents, the plain values scenes handle.

Scenes and tests deal only in intents, so a scene test can press keys without a window, and the monkey test
can feed the real queue.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame


@dataclass(frozen=True, slots=True)
class Key:
    name: str  # pygame key name: "a", "return", "tab", "up", "page down", "f1", "escape" …
    ctrl: bool = False
    shift: bool = False
    alt: bool = False
    repeat: bool = False  # the platform's key repeat: the key was already down (held since an earlier press)


@dataclass(frozen=True, slots=True)
class Text:
    text: str  # printable characters typed (from the platform's text input)


@dataclass(frozen=True, slots=True)
class Click:
    x: int
    y: int
    button: int = 1


@dataclass(frozen=True, slots=True)
class Wheel:
    x: int
    y: int
    steps: int  # positive scrolls up


@dataclass(frozen=True, slots=True)
class Motion:
    x: int
    y: int
    held: bool = False  # the left button is down (a drag)


@dataclass(frozen=True, slots=True)
class Release:
    x: int
    y: int


@dataclass(frozen=True, slots=True)
class Resize:
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Quit:
    pass


Intent = Key | Text | Click | Wheel | Motion | Release | Resize | Quit


def read(events: list[pygame.event.Event], held: set[int] | None = None) -> list[Intent]:
    """The intents of a batch of events. `held` (kept by the caller from one batch to the next) holds the keys
    down now, so a key the platform repeats while it is held reads as a repeat, not as a fresh press."""
    held = set() if held is None else held
    intents: list[Intent] = []
    mouse = (0, 0)
    for event in events:
        if event.type == pygame.QUIT:
            intents.append(Quit())
        elif event.type == pygame.KEYDOWN:
            mods = getattr(event, "mod", 0)
            name = pygame.key.name(event.key) if event.key else ""
            repeat = bool(getattr(event, "repeat", False)) or event.key in held
            held.add(event.key)
            if name:
                intents.append(Key(name, bool(mods & pygame.KMOD_CTRL), bool(mods & pygame.KMOD_SHIFT),
                                   bool(mods & pygame.KMOD_ALT), repeat))
        elif event.type == pygame.KEYUP:
            held.discard(getattr(event, "key", 0))
        elif event.type == pygame.WINDOWFOCUSLOST:  # its keys' releases go elsewhere
            held.clear()
        elif event.type == pygame.TEXTINPUT:
            text = "".join(ch for ch in getattr(event, "text", "") if ch.isprintable())
            if text:
                intents.append(Text(text))
        elif event.type == pygame.MOUSEBUTTONDOWN and getattr(event, "button", 1) in (1, 2, 3):
            x, y = getattr(event, "pos", mouse)
            intents.append(Click(int(x), int(y), event.button))
        elif event.type == pygame.MOUSEWHEEL:
            x, y = pygame.mouse.get_pos()
            steps = int(getattr(event, "y", 0))
            if steps:
                intents.append(Wheel(x, y, steps))
        elif event.type == pygame.MOUSEMOTION:
            x, y = getattr(event, "pos", mouse)
            buttons = getattr(event, "buttons", (0, 0, 0))
            intents.append(Motion(int(x), int(y), bool(buttons and buttons[0])))
        elif event.type == pygame.MOUSEBUTTONUP and getattr(event, "button", 1) == 1:
            x, y = getattr(event, "pos", mouse)
            intents.append(Release(int(x), int(y)))
        elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            width, height = getattr(event, "w", getattr(event, "x", 0)), getattr(event, "h", getattr(event, "y", 0))
            if width > 0 and height > 0:
                intents.append(Resize(int(width), int(height)))
    return intents
