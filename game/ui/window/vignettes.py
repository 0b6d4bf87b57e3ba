"""Small pictures drawn in code for a dilemma's subject (game.app.vignettes names which): a rocket on its pad, a
committee room, a capsule, the Moon, a satellite, a crew, a ledger, a memorial wreath — in the muted tones of a
period photograph, or in newsprint grey. Cached per picture and size; no randomness beyond a fixed local seed.
"""

from __future__ import annotations

import math
import random
from typing import Callable

import pygame

Colour = tuple[int, int, int]
SKY, DUSK, NIGHT = (74, 92, 104), (112, 104, 92), (16, 20, 28)
CREAM, DARK, SHADE, RED, GOLD = (228, 216, 188), (30, 28, 26), (92, 86, 76), (168, 58, 48), (206, 170, 90)
GREEN, WOOD = (62, 96, 60), (104, 72, 48)
_CACHE: dict[tuple[str, int, int, bool, str], pygame.Surface] = {}


def picture(name: str, width: int, height: int, grey: bool = False, side: str = "usa") -> pygame.Surface:
    """The vignette at this size (an unknown name draws the committee room); side sets the room's flags."""
    key = (name, width, height, grey, side)
    found = _CACHE.get(key)
    if found is None:
        found = pygame.Surface((max(8, width), max(8, height)))
        if name in DRAWERS:
            DRAWERS[name](found, found.get_width(), found.get_height())
        else:
            committee(found, found.get_width(), found.get_height(), side)
        if grey:
            found = pygame.transform.grayscale(found)
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = found
    return found


def _gradient(surface: pygame.Surface, top: Colour, bottom: Colour, height: int) -> None:
    for y in range(height):
        t = y / max(1, height - 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        pygame.draw.line(surface, colour, (0, y), (surface.get_width(), y))


def _stars(surface: pygame.Surface, w: int, h: int, seed: int) -> None:
    cosmetic = random.Random(seed)  # cosmetic only
    for _ in range(w * h // 300):
        shade = cosmetic.randrange(120, 230)
        surface.fill((shade, shade, shade), (cosmetic.randrange(w), cosmetic.randrange(h), 1 + w // 400, 1 + w // 400))


def pad(surface: pygame.Surface, w: int, h: int) -> None:
    """A rocket on its pad beside the gantry, at dusk."""
    ground = h * 4 // 5
    _gradient(surface, SKY, DUSK, ground)
    pygame.draw.rect(surface, SHADE, (0, ground, w, h - ground))
    pygame.draw.rect(surface, DARK, (w // 6, ground - h // 30, w * 2 // 3, h // 30 + 1))  # the pad's apron
    # the gantry: two legs and their lattice
    left, right, top = w * 52 // 100, w * 64 // 100, h // 8
    line = max(1, w // 160)
    for x in (left, right):
        pygame.draw.line(surface, DARK, (x, ground), (x, top), line + 1)
    step = max(4, (ground - top) // 9)
    for y in range(top, ground - step + 1, step):
        pygame.draw.line(surface, DARK, (left, y), (right, y + step), line)
        pygame.draw.line(surface, DARK, (right, y), (left, y + step), line)
        pygame.draw.line(surface, DARK, (left, y), (right, y), line)
    pygame.draw.line(surface, DARK, (left, top + step * 2), (w * 44 // 100, top + step * 2), line + 1)  # an arm
    # the rocket
    x, body_w = w * 38 // 100, max(6, w // 14)
    rocket_top = h // 6
    nose = rocket_top + (ground - rocket_top) // 6
    pygame.draw.rect(surface, CREAM, (x - body_w // 2, nose, body_w, ground - nose))
    pygame.draw.polygon(surface, CREAM, [(x - body_w // 2, nose), (x + body_w // 2, nose), (x, rocket_top)])
    for band in (nose + (ground - nose) // 3, nose + (ground - nose) * 2 // 3):
        pygame.draw.rect(surface, DARK, (x - body_w // 2, band, body_w, max(2, h // 60)))
    fin = body_w * 2 // 3
    for sign in (-1, 1):
        edge = x + sign * body_w // 2
        pygame.draw.polygon(surface, RED, [(edge, ground), (edge + sign * fin, ground), (edge, ground - fin * 2)])
    # floodlight beams
    for beam_x in (w // 10, w * 9 // 10):
        pygame.draw.line(surface, GOLD, (beam_x, ground), (beam_x, ground - h // 5), line + 1)
        pygame.draw.circle(surface, (250, 236, 190), (beam_x, ground - h // 5), max(2, w // 70))


def committee(surface: pygame.Surface, w: int, h: int, side: str = "usa") -> None:
    """A hearing room: panelled wall, the side's two flags, the long table with its chairs and microphones."""
    surface.fill(WOOD)
    for x in range(0, w, max(8, w // 8)):  # wall panels
        pygame.draw.rect(surface, (88, 60, 40), (x + w // 40, h // 12, w // 8 - w // 20, h // 2), max(1, w // 200))
    pygame.draw.rect(surface, (58, 44, 34), (0, h * 2 // 3, w, h // 3))  # the floor
    stripes = side != "ussr"
    for pole_x in (w // 10, w * 9 // 10):
        pygame.draw.line(surface, GOLD, (pole_x, h * 2 // 3), (pole_x, h // 10), max(1, w // 120))
        flag = pygame.Rect(pole_x + (2 if pole_x < w // 2 else -w // 7), h // 8, w // 7, h // 7)
        pygame.draw.rect(surface, CREAM if stripes else RED, flag)
        if stripes:
            for row in range(0, flag.height, max(2, flag.height // 5)):
                pygame.draw.line(surface, RED, (flag.x, flag.y + row), (flag.right - 1, flag.y + row), max(1, h // 90))
            pygame.draw.rect(surface, (40, 60, 110), (flag.x, flag.y, flag.width // 2, flag.height // 2))
        else:
            pygame.draw.circle(surface, GOLD, (flag.x + flag.width // 4, flag.y + flag.height // 4), max(1, h // 60))
    # chairs behind the table, then the table
    table_top = h * 58 // 100
    for index in range(5):
        cx = w * (22 + index * 14) // 100
        pygame.draw.rect(surface, DARK, (cx - w // 30, table_top - h // 5, w // 15, h // 5 + 2), border_radius=max(1, w // 80))
        pygame.draw.circle(surface, SHADE, (cx, table_top - h // 9), max(2, w // 36))  # a head above the table
        pygame.draw.line(surface, CREAM, (cx + w // 40, table_top), (cx + w // 40, table_top - h // 12), max(1, w // 200))
    pygame.draw.polygon(surface, (72, 48, 32), [(w // 8, table_top), (w * 7 // 8, table_top), (w * 15 // 16, h * 78 // 100),
                                                 (w // 16, h * 78 // 100)])
    pygame.draw.line(surface, CREAM, (w // 8, table_top), (w * 7 // 8, table_top), max(1, h // 80))


def capsule(surface: pygame.Surface, w: int, h: int) -> None:
    """A capsule coasting over the Earth's limb."""
    surface.fill(NIGHT)
    _stars(surface, w, h, 11)
    pygame.draw.circle(surface, (40, 70, 110), (w // 2, h + w), w + h // 5)
    pygame.draw.circle(surface, (110, 150, 190), (w // 2, h + w), w + h // 5, max(1, h // 50))
    cx, cy, size = w // 2, h * 2 // 5, min(w, h) // 3
    body = [(cx - size, cy + size // 2), (cx + size, cy + size // 2), (cx + size // 3, cy - size // 2),
            (cx - size // 3, cy - size // 2)]
    pygame.draw.polygon(surface, (178, 170, 150), body)
    for offset in range(-size + size // 4, size, size // 4):  # the shingles
        pygame.draw.line(surface, SHADE, (cx + offset, cy + size // 2), (cx + offset // 3, cy - size // 2), 1)
    pygame.draw.rect(surface, (150, 144, 128), (cx - size // 4, cy - size, size // 2, size // 2))  # the nose
    pygame.draw.ellipse(surface, (120, 60, 40), (cx - size, cy + size // 2 - size // 8, 2 * size, size // 4))  # shield
    pygame.draw.circle(surface, DARK, (cx - size // 4, cy), max(2, size // 6))  # the window
    pygame.draw.circle(surface, (130, 170, 200), (cx - size // 4, cy), max(1, size // 10))


def moon(surface: pygame.Surface, w: int, h: int) -> None:
    """The full Moon with its seas and craters, and the Earth small beside it."""
    surface.fill(NIGHT)
    _stars(surface, w, h, 29)
    radius = min(w, h) * 2 // 5
    cx, cy = w * 45 // 100, h // 2
    pygame.draw.circle(surface, (214, 210, 196), (cx, cy), radius)
    for dx, dy, r, shade in ((-30, -20, 22, (170, 166, 154)), (18, -32, 14, (176, 172, 160)), (25, 10, 26, (160, 156, 144)),
                             (-12, 30, 12, (182, 178, 166)), (-40, 16, 8, (150, 146, 136)), (40, -5, 7, (150, 146, 136))):
        centre = (cx + dx * radius // 60, cy + dy * radius // 60)
        pygame.draw.circle(surface, shade, centre, max(1, r * radius // 60))
        pygame.draw.circle(surface, (120, 116, 108), centre, max(1, r * radius // 60), max(1, radius // 60))
    pygame.draw.circle(surface, (40, 80, 140), (w * 85 // 100, h // 5), max(3, radius // 5))
    pygame.draw.circle(surface, CREAM, (w * 85 // 100 - radius // 20, h // 5 - radius // 20), max(1, radius // 14))


def satellite(surface: pygame.Surface, w: int, h: int) -> None:
    """A polished sphere trailing four antennas, on its orbit round the Earth."""
    surface.fill(NIGHT)
    _stars(surface, w, h, 5)
    earth = (w * 3 // 10, h * 7 // 10)
    pygame.draw.circle(surface, (40, 80, 130), earth, min(w, h) // 4)
    pygame.draw.circle(surface, GREEN, (earth[0] - min(w, h) // 16, earth[1] - min(w, h) // 20), min(w, h) // 10)
    pygame.draw.ellipse(surface, SHADE, (w // 20, h * 45 // 100, w * 9 // 10, h // 2), max(1, h // 80))
    cx, cy, r = w * 68 // 100, h * 35 // 100, max(3, min(w, h) // 9)
    for angle in (150, 165, 195, 210):
        rad = math.radians(angle)
        pygame.draw.line(surface, CREAM, (cx, cy), (cx + round(math.cos(rad) * r * 4), cy - round(math.sin(rad) * r * 2)),
                         max(1, r // 6))
    pygame.draw.circle(surface, (196, 196, 188), (cx, cy), r)
    pygame.draw.circle(surface, (250, 250, 240), (cx + r // 3, cy - r // 3), max(1, r // 3))


def crew(surface: pygame.Surface, w: int, h: int) -> None:
    """Three helmeted figures, the middle one a step ahead."""
    _gradient(surface, (60, 70, 80), (24, 28, 32), h)
    for index, (fx, scale) in enumerate(((0.25, 0.85), (0.75, 0.85), (0.5, 1.0))):
        cx = round(w * fx)
        r = round(min(w / 8, h / 4.2) * scale)
        base = h
        shoulders = pygame.Rect(cx - r * 2, base - r * 2, r * 4, r * 3)
        pygame.draw.ellipse(surface, (200, 196, 182) if index == 2 else (168, 164, 152), shoulders)
        head = (cx, base - r * 2 - r // 2)
        pygame.draw.circle(surface, (214, 210, 196) if index == 2 else (180, 176, 164), head, r)
        visor = pygame.Rect(head[0] - r * 2 // 3, head[1] - r // 3, r * 4 // 3, r * 2 // 3)
        pygame.draw.ellipse(surface, DARK, visor)
        pygame.draw.ellipse(surface, (120, 150, 180), visor.inflate(-visor.width // 2, -visor.height // 2).move(-r // 6, -r // 10))
        pygame.draw.rect(surface, RED, (cx - r // 3, base - r * 3 // 2, r * 2 // 3, max(2, r // 4)))  # a flag patch


def ledger(surface: pygame.Surface, w: int, h: int) -> None:
    """An open account book with its columns of figures, a pen, and a stack of coins."""
    surface.fill((70, 52, 40))
    left = [(w // 10, h // 6), (w // 2, h // 5), (w // 2, h * 9 // 10), (w // 10, h * 17 // 20)]
    right = [(w // 2, h // 5), (w * 9 // 10, h // 6), (w * 9 // 10, h * 17 // 20), (w // 2, h * 9 // 10)]
    for page in (left, right):
        pygame.draw.polygon(surface, CREAM, page)
    pygame.draw.line(surface, SHADE, (w // 2, h // 5), (w // 2, h * 9 // 10), max(1, w // 160))
    rows = 8
    for row in range(rows):
        y = h // 5 + (h * 13 // 20) * (row + 1) // (rows + 1)
        for x0, x1 in ((w // 8, w * 12 // 25), (w * 13 // 25, w * 22 // 25)):
            pygame.draw.line(surface, (150, 170, 190), (x0, y), (x1, y), 1)
            entry = (x1 - x0) * (3 + (row * 7) % 5) // 10
            pygame.draw.line(surface, DARK, (x1 - entry, y - max(2, h // 60)), (x1 - w // 60, y - max(2, h // 60)),
                             max(1, h // 90))
    pygame.draw.line(surface, RED, (w * 13 // 25, h * 3 // 4), (w * 22 // 25, h * 3 // 4), max(1, h // 60))  # the total
    pygame.draw.line(surface, DARK, (w * 6 // 10, h * 95 // 100), (w * 85 // 100, h * 6 // 10), max(2, w // 60))  # a pen
    for index in range(4):  # coins
        pygame.draw.ellipse(surface, GOLD, (w // 40, h * 9 // 10 - index * h // 25, w // 8, h // 14))
        pygame.draw.ellipse(surface, (150, 120, 60), (w // 40, h * 9 // 10 - index * h // 25, w // 8, h // 14), 1)


def memorial(surface: pygame.Surface, w: int, h: int) -> None:
    """A laurel wreath with its ribbon on a dark stone."""
    _gradient(surface, (40, 40, 44), (18, 18, 20), h)
    cx, cy, r = w // 2, h * 45 // 100, min(w, h) * 3 // 10
    leaf = max(3, r // 3)
    for index in range(28):
        angle = 2 * math.pi * index / 28
        x, y = cx + round(math.cos(angle) * r), cy + round(math.sin(angle) * r)
        shade = (70, 110, 64) if index % 2 else (52, 88, 50)
        pygame.draw.ellipse(surface, shade, (x - leaf // 2, y - leaf // 3, leaf, leaf * 2 // 3))
    for sign in (-1, 1):  # the ribbon's tails
        pygame.draw.polygon(surface, RED, [(cx, cy + r), (cx + sign * r // 2, cy + r * 2), (cx + sign * r // 4, cy + r * 2),
                                            (cx, cy + r + r // 3)])
    pygame.draw.circle(surface, RED, (cx, cy + r), max(2, r // 6))
    pygame.draw.rect(surface, GOLD, (cx - r // 2, h * 88 // 100, r, max(2, h // 40)))  # a plaque


DRAWERS: dict[str, Callable[[pygame.Surface, int, int], None]] = {
    "pad": pad, "capsule": capsule, "moon": moon, "satellite": satellite, "crew": crew,
    "ledger": ledger, "memorial": memorial,
}
