"""The worlds a flight heads for, drawn in code: the grey, cratered Moon, cloud-wrapped Venus, rust-red Mars
with its polar cap, scorched grey Mercury and banded Jupiter with its Great Red Spot. Each is drawn once per size onto a transparent surface and kept.
"""

from __future__ import annotations

import math
import random
from functools import lru_cache

import pygame

from .painter import Painter

NAMES = {"moon": "the Moon", "venus": "Venus", "mars": "Mars", "mercury": "Mercury", "jupiter": "Jupiter"}
# (light side, dark side) of each world's disc
COLOURS = {"moon": ((206, 204, 196), (92, 92, 90)), "venus": ((240, 222, 168), (150, 120, 70)),
           "mars": ((214, 112, 68), (110, 48, 30)), "mercury": ((178, 170, 160), (74, 70, 66)),
           "jupiter": ((232, 210, 176), (128, 96, 70))}


def world(painter: Painter, place: str, centre: tuple[int, int], radius: int) -> pygame.Rect:
    """The world's disc, lit from the left (the Sun), centred on centre. Returns its outline."""
    picture = _picture(place if place in COLOURS else "moon", max(2, radius))
    outline = picture.get_rect(center=centre)
    painter.surface.blit(picture, outline.topleft)
    painter._note("shape", NAMES.get(place, place), outline, "")
    return outline


@lru_cache(maxsize=24)
def _picture(place: str, radius: int) -> pygame.Surface:
    light, dark = COLOURS[place]
    size = 2 * radius + 2
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    centre = (radius + 1, radius + 1)
    # shading: rings from the dark limb in to the lit middle, offset towards the Sun
    rings = max(4, min(24, radius // 3))
    for ring in range(rings):
        share = ring / max(1, rings - 1)
        colour = tuple(round(d + (l - d) * share) for l, d in zip(light, dark))
        ring_radius = round(radius * (1 - 0.7 * share))
        offset = round(radius * 0.28 * share)
        pygame.draw.circle(surface, colour, (centre[0] - offset, centre[1] - offset // 2), ring_radius)
    mask = pygame.Surface((size, size), pygame.SRCALPHA)  # cut everything to the disc
    pygame.draw.circle(mask, (255, 255, 255, 255), centre, radius)
    surface.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    marks = random.Random(f"{place}-{radius}")  # cosmetic: fixed marks for a fixed size
    overlay = pygame.Surface((size, size), pygame.SRCALPHA)  # translucent marks, blended over the disc at once

    def somewhere(most: float) -> tuple[int, int]:
        angle, reach = marks.uniform(0, 2 * math.pi), marks.uniform(0, most) * radius
        return round(centre[0] + reach * math.cos(angle)), round(centre[1] + reach * math.sin(angle))

    if place == "moon":  # maria and craters
        for _ in range(7):
            pygame.draw.circle(overlay, (40, 40, 44, 52), somewhere(0.7), max(1, round(radius * marks.uniform(0.08, 0.2))))
        for _ in range(10):
            crater = max(1, round(radius * marks.uniform(0.03, 0.07)))
            pygame.draw.circle(overlay, (60, 60, 58, 90), somewhere(0.85), crater, max(1, crater // 3))
    elif place == "venus":  # bands of cloud
        for band in range(-2, 3):
            y = centre[1] + band * radius // 3
            pygame.draw.ellipse(overlay, (255, 246, 214, 60), (centre[0] - radius, y - radius // 10, 2 * radius,
                                                                max(2, radius // 5)))
    elif place == "mercury":  # craters everywhere, no seas
        for _ in range(16):
            crater = max(1, round(radius * marks.uniform(0.03, 0.09)))
            pygame.draw.circle(overlay, (50, 46, 44, 100), somewhere(0.88), crater, max(1, crater // 3))
    elif place == "jupiter":  # belts and zones, and the Great Red Spot
        for band, colour in zip(range(-3, 4), ((150, 110, 80), (236, 222, 196), (170, 120, 84), (240, 228, 206),
                                                (160, 112, 78), (236, 222, 196), (150, 110, 80))):
            y = centre[1] + band * radius // 4
            pygame.draw.ellipse(overlay, (*colour, 120), (centre[0] - radius, y - radius // 10, 2 * radius,
                                                          max(2, radius // 5)))
        pygame.draw.ellipse(overlay, (190, 84, 60, 200), (centre[0] + radius // 6, centre[1] + radius // 5,
                                                         max(2, radius // 3), max(2, radius // 6)))
    elif place == "mars":  # dark lands and the polar cap
        for _ in range(6):
            pygame.draw.circle(overlay, (70, 20, 10, 70), somewhere(0.7), max(1, round(radius * marks.uniform(0.1, 0.22))))
        pygame.draw.ellipse(overlay, (244, 240, 236, 235), (centre[0] - radius // 3, centre[1] - radius + max(1, radius // 12),
                                                            2 * radius // 3, max(2, radius // 5)))
    surface.blit(overlay, (0, 0))
    surface.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    return surface

