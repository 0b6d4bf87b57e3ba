"""Drawn pictures: a starfield, the Earth's limb, and rockets built from their stage count and size.

All cosmetic randomness comes from a local generator seeded by the caller (never the game's streams), so
pictures can never change a game or a replay.
"""

from __future__ import annotations

import random

import pygame

from .painter import Painter


def starfield(painter: Painter, rect: pygame.Rect, seed: int, count: int = 140) -> None:
    cosmetic = random.Random(seed)  # cosmetic only: the game's own streams are never touched
    surface = painter.surface
    for _ in range(count):
        x = rect.x + cosmetic.randrange(max(1, rect.width))
        y = rect.y + cosmetic.randrange(max(1, rect.height))
        shade = cosmetic.randrange(90, 230)
        size = 1 if cosmetic.random() < 0.85 else 2
        surface.fill((shade, shade, min(255, shade + 20)), (x, y, size, size))


def earth_limb(painter: Painter, rect: pygame.Rect) -> None:
    """A curve of the Earth along the foot of rect."""
    radius = rect.width * 2
    centre = (rect.centerx, rect.bottom + radius - rect.height // 5)
    pygame.draw.circle(painter.surface, (20, 60, 110), centre, radius)
    pygame.draw.circle(painter.surface, (80, 150, 220), centre, radius, max(2, rect.height // 120))


def rocket(painter: Painter, x: int, base: int, height: int, stages: int = 2, side: str = "usa",
           flame: int = 0, label: str = "") -> pygame.Rect:
    """A rocket standing on base, centred on x; flame is the exhaust length in pixels. Returns its outline."""
    stages = max(1, min(stages, 4))
    width = max(6, height // 9)
    body = pygame.Rect(x - width // 2, base - height, width, height)
    hull = (228, 228, 220)
    band = painter.theme.colour(side)
    surface = painter.surface
    stage_h = height * 3 // (3 * stages + 1)
    nose_h = height - stage_h * stages
    for index in range(stages):
        top = base - stage_h * (index + 1)
        w = width - index * width // (stages + 2)
        pygame.draw.rect(surface, hull, (x - w // 2, top, w, stage_h))
        pygame.draw.rect(surface, band, (x - w // 2, top + stage_h - max(2, stage_h // 8), w, max(2, stage_h // 8)))
    tip_w = width - (stages - 1) * width // (stages + 2)
    pygame.draw.polygon(surface, hull, [(x - tip_w // 2, base - stage_h * stages), (x + tip_w // 2, base - stage_h * stages),
                                        (x, base - stage_h * stages - nose_h)])
    fin = width // 2 + 2
    pygame.draw.polygon(surface, band, [(x - width // 2, base), (x - width // 2 - fin, base), (x - width // 2, base - fin * 2)])
    pygame.draw.polygon(surface, band, [(x + width // 2, base), (x + width // 2 + fin, base), (x + width // 2, base - fin * 2)])
    if flame > 0:
        pygame.draw.polygon(surface, (255, 170, 40), [(x - width // 3, base), (x + width // 3, base), (x, base + flame)])
        pygame.draw.polygon(surface, (255, 240, 160), [(x - width // 6, base), (x + width // 6, base), (x, base + flame * 2 // 3)])
    painter._note("shape", label or "rocket", body, side)
    return body


def gantry(painter: Painter, x: int, base: int, height: int) -> None:
    colour = (120, 90, 60)
    pygame.draw.rect(painter.surface, colour, (x, base - height, max(3, height // 40), height))
    step = max(8, height // 12)
    for y in range(base - height, base, step):
        pygame.draw.line(painter.surface, colour, (x, y), (x + step, y + step), 1)
