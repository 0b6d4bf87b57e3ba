"""Drawn pictures: a starfield, the Earth's limb, rockets built from their stage count and size, and the
pieces of a launch (sky, ground, pad, gantry, exhaust, smoke, a burst, the flight path).

All cosmetic randomness comes from a local generator seeded by the caller (never the game's streams), so
pictures can never change a game or a replay.
"""

from __future__ import annotations

import math
import random

import pygame

from .painter import Painter


def starfield(painter: Painter, rect: pygame.Rect, seed: int, count: int = 140, scale: int = 1) -> None:
    """Stars scattered over rect; scale multiplies their size (2 or 3 on a 4K screen)."""
    cosmetic = random.Random(seed)  # cosmetic only: the game's own streams are never touched
    surface = painter.surface
    for _ in range(count):
        x = rect.x + cosmetic.randrange(max(1, rect.width))
        y = rect.y + cosmetic.randrange(max(1, rect.height))
        shade = cosmetic.randrange(90, 230)
        size = (1 if cosmetic.random() < 0.85 else 2) * max(1, scale)
        surface.fill((shade, shade, min(255, shade + 20)), (x, y, size, size))


def earth_limb(painter: Painter, rect: pygame.Rect) -> None:
    """A curve of the Earth along the foot of rect."""
    radius, centre = _limb(rect)
    pygame.draw.circle(painter.surface, (20, 60, 110), centre, radius)
    pygame.draw.circle(painter.surface, (80, 150, 220), centre, radius, max(2, rect.height // 120))


def _limb(rect: pygame.Rect) -> tuple[int, tuple[int, int]]:
    radius = rect.width * 2
    return radius, (rect.centerx, rect.bottom + radius - rect.height // 5)


def limb_point(rect: pygame.Rect, x: int) -> tuple[int, int]:
    """The point of earth_limb's curve above x (for a flight path that starts on the ground)."""
    radius, (cx, cy) = _limb(rect)
    return x, round(cy - math.sqrt(max(0, radius * radius - (x - cx) ** 2)))


def rocket(painter: Painter, x: int, base: int, height: int, stages: int = 2, side: str = "usa",
           flame: int = 0, label: str = "", boosters: bool = False) -> pygame.Rect:
    """A rocket standing on base, centred on x; flame is the exhaust length in pixels; boosters adds strap-on
    boosters round the first stage (the R-7 family's look). Returns its outline."""
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
    if boosters:  # tapered strap-ons, their noses a little way up the first stage
        reach = stage_h * 4 // 5
        for sign in (-1, 1):
            inner_x = x + sign * (width // 2)
            outer_x = x + sign * (width // 2 + max(3, width * 2 // 3))
            pygame.draw.polygon(surface, hull, [(inner_x, base), (outer_x, base), (inner_x, base - reach)])
            pygame.draw.line(surface, band, (inner_x, base - 1), (outer_x, base - 1), max(2, stage_h // 10))
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
    for y in range(base - height, base - step + 1, step):  # the lattice, never below the base
        pygame.draw.line(painter.surface, colour, (x, y), (x + step, y + step), max(1, height // 300))


# -- the launch: sky, ground and pad, exhaust, smoke, a burst, a flight path --------------------------------

SKY_TOP = (6, 12, 26)
SKY_HORIZON = (44, 66, 92)
GROUND = (24, 28, 26)
CONCRETE = (78, 78, 72)
FLAME_OUTER = (255, 150, 30)
FLAME_INNER = (255, 236, 150)


def sky(painter: Painter, rect: pygame.Rect, top: tuple[int, int, int] = SKY_TOP,
        bottom: tuple[int, int, int] = SKY_HORIZON) -> None:
    """A vertical gradient from top to bottom colour, in bands (cheap at any size)."""
    bands = max(1, min(160, rect.height // 3))
    for band in range(bands):
        share = band / max(1, bands - 1)
        colour = tuple(round(a + (b - a) * share) for a, b in zip(top, bottom))
        y0 = rect.y + rect.height * band // bands
        y1 = rect.y + rect.height * (band + 1) // bands
        painter.surface.fill(colour, (rect.x, y0, rect.width, y1 - y0))


def ground(painter: Painter, rect: pygame.Rect, horizon: int) -> None:
    """The ground from the horizon to the foot of rect, with a faint far tree line."""
    pygame.draw.rect(painter.surface, GROUND, (rect.x, horizon, rect.width, rect.bottom - horizon))
    pygame.draw.line(painter.surface, (50, 62, 58), (rect.x, horizon), (rect.right, horizon), max(1, rect.height // 300))


def launch_pad(painter: Painter, x: int, base: int, width: int) -> None:
    """The concrete stand under a rocket, with the flame trench below it."""
    height = max(4, width // 10)
    pygame.draw.rect(painter.surface, CONCRETE, (x - width // 2, base, width, height))
    pygame.draw.rect(painter.surface, (40, 40, 38), (x - width // 8, base + height // 3, width // 4, height))
    painter._note("shape", "launch pad", (x - width // 2, base, width, height), "")


def flame(painter: Painter, x: int, base: int, width: int, length: int, flicker: int = 0) -> None:
    """Exhaust below a rocket's base: length in pixels; flicker (any number) wobbles it, cosmetically."""
    if length <= 0:
        return
    wobble = random.Random(flicker)
    outer = length + wobble.randrange(-max(1, length // 8), max(2, length // 8))
    pygame.draw.polygon(painter.surface, FLAME_OUTER, [(x - width // 2, base), (x + width // 2, base), (x, base + outer)])
    inner = outer * 3 // 5
    pygame.draw.polygon(painter.surface, FLAME_INNER, [(x - width // 4, base), (x + width // 4, base), (x, base + inner)])


def smoke(painter: Painter, x: int, base: int, spread: int, amount: float, seed: int) -> None:
    """Billows of grey smoke round the pad; amount 0–1 grows them."""
    if amount <= 0 or spread <= 0:
        return
    cosmetic = random.Random(seed)
    for _ in range(14):
        offset = cosmetic.uniform(-1.0, 1.0)
        radius = max(2, round(spread * (0.05 + 0.09 * cosmetic.random()) * (0.5 + amount)))
        cx = x + round(offset * spread * (0.25 + 0.6 * amount))
        cy = base - round((1 - abs(offset)) * spread * 0.08 * amount) - cosmetic.randrange(max(1, radius // 2 + 1))
        shade = cosmetic.randrange(150, 215)
        pygame.draw.circle(painter.surface, (shade, shade, shade - 8), (cx, cy), radius)


def explosion(painter: Painter, centre: tuple[int, int], radius: int, seed: int, label: str = "explosion") -> None:
    """A burst: spikes and rings of fire round centre."""
    cosmetic = random.Random(seed)
    x, y = centre
    radius = max(4, radius)
    points = []
    for index in range(18):
        angle = index * 6.2832 / 18
        reach = radius * (1.0 if index % 2 == 0 else 0.5 + 0.2 * cosmetic.random())
        points.append((x + round(reach * math.cos(angle)), y + round(reach * math.sin(angle))))
    pygame.draw.polygon(painter.surface, (230, 70, 30), points)
    pygame.draw.circle(painter.surface, FLAME_OUTER, centre, radius * 11 // 20)
    pygame.draw.circle(painter.surface, FLAME_INNER, centre, radius * 6 // 20)
    painter._note("shape", label, (x - radius, y - radius, 2 * radius, 2 * radius), "bad")


def curve(start: tuple[int, int], control: tuple[int, int], end: tuple[int, int], share: float) -> tuple[int, int]:
    """A point on the quadratic Bézier curve start–control–end (share 0 at the start, 1 at the end)."""
    a = (1 - share) ** 2
    b = 2 * (1 - share) * share
    c = share ** 2
    return (round(a * start[0] + b * control[0] + c * end[0]), round(a * start[1] + b * control[1] + c * end[1]))


def flight_path(painter: Painter, start: tuple[int, int], control: tuple[int, int], end: tuple[int, int],
                travelled: float, colour: str = "accent", rest: str = "grid", width: int = 2) -> None:
    """The planned path, solid up to the share travelled and dashed beyond it."""
    samples = 48
    points = [curve(start, control, end, index / samples) for index in range(samples + 1)]
    cut = max(0, min(samples, round(travelled * samples)))
    if cut >= 1:
        painter.lines(points[: cut + 1], colour, width, label="flight path")
    for index in range(cut, samples, 2):
        painter.line(points[index], points[index + 1], rest, max(1, width // 2))
