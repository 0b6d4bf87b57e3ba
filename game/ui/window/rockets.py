"""Rocket silhouettes by family (`game.app.flight_scenery`): the slim Vanguard, the finned Redstone, the Atlas
with its skirt, the two-stage Titan, the clustered Saturn I, the tall stacked Saturn V, the R-7 with its four
flaring strap-ons, the Proton with its ring of tanks and the conical N1.

Each family is data (stacked sections from the base up, as shares of the rocket's height) plus a few extras
(fins, strap-ons, an escape tower, the Saturn V's roll pattern). A silhouette is drawn once per family, height
and side onto a transparent surface and kept, so a lift-off redraws it with one blit a frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pygame

from .painter import Painter

Section = tuple[float, float, float]  # (height, width at its foot, width at its top), as shares of the height
HULL = (230, 230, 222)
HULL_USSR = (204, 210, 202)  # Soviet rockets: a greyer paint
SHADE = 0.78  # the shadowed right-hand strip of each section
DARK = (34, 36, 38)


@dataclass(frozen=True, slots=True)
class Silhouette:
    size: float  # the rocket's height as a share of the tallest (the Saturn V)
    sections: tuple[Section, ...]  # from the base up; a top width of 0 is a nose cone
    fins: float = 0.0  # fin reach, as a share of the height (0: none)
    strap_ons: str = ""  # "r7": four tapered boosters flaring at the base; "proton": six tanks round the core
    tower: bool = False  # an escape tower on the nose
    roll: bool = False  # the black-and-white roll pattern on the first stage (Saturn V)
    cluster: bool = False  # the first stage is a bundle of tanks (Saturn I)
    rings: bool = False  # dark rings between the sections (the N1's stages)


SILHOUETTES: dict[str, Silhouette] = {
    "vanguard": Silhouette(0.58, ((0.55, 0.055, 0.055), (0.25, 0.045, 0.045), (0.2, 0.045, 0.0)), fins=0.05),
    "redstone": Silhouette(0.62, ((0.6, 0.075, 0.075), (0.12, 0.075, 0.055), (0.09, 0.072, 0.072),
                                  (0.19, 0.024, 0.0)), fins=0.075),
    "jupiter": Silhouette(0.6, ((0.55, 0.13, 0.13), (0.1, 0.13, 0.075), (0.15, 0.06, 0.06), (0.2, 0.06, 0.0))),
    "thor": Silhouette(0.66, ((0.55, 0.11, 0.075), (0.2, 0.065, 0.065), (0.25, 0.065, 0.0)), fins=0.03),
    "atlas": Silhouette(0.72, ((0.1, 0.135, 0.115), (0.55, 0.11, 0.11), (0.1, 0.11, 0.06), (0.1, 0.06, 0.06),
                               (0.15, 0.06, 0.0))),
    "titan": Silhouette(0.76, ((0.6, 0.09, 0.09), (0.24, 0.09, 0.09), (0.09, 0.09, 0.05), (0.07, 0.05, 0.0))),
    "saturn_i": Silhouette(0.8, ((0.4, 0.19, 0.19), (0.05, 0.19, 0.15), (0.2, 0.15, 0.15), (0.06, 0.15, 0.085),
                                 (0.12, 0.085, 0.085), (0.1, 0.085, 0.02)), fins=0.05, tower=True, cluster=True),
    "saturn_v": Silhouette(1.0, ((0.3, 0.13, 0.13), (0.24, 0.13, 0.13), (0.04, 0.13, 0.085), (0.16, 0.085, 0.085),
                                 (0.09, 0.085, 0.085), (0.07, 0.085, 0.02)), fins=0.045, tower=True, roll=True),
    "r7": Silhouette(0.74, ((0.36, 0.072, 0.05), (0.3, 0.05, 0.075), (0.04, 0.075, 0.06), (0.16, 0.06, 0.06),
                            (0.14, 0.06, 0.0)), strap_ons="r7"),
    "proton": Silhouette(0.82, ((0.42, 0.085, 0.085), (0.24, 0.1, 0.1), (0.12, 0.1, 0.1), (0.07, 0.1, 0.07),
                                (0.15, 0.07, 0.0)), strap_ons="proton"),
    "n1": Silhouette(0.96, ((0.42, 0.3, 0.18), (0.2, 0.18, 0.125), (0.14, 0.125, 0.085), (0.08, 0.085, 0.065),
                            (0.16, 0.065, 0.0)), rings=True),
}
DEFAULT = "atlas"


def silhouette(family: str) -> Silhouette:
    return SILHOUETTES.get(family, SILHOUETTES[DEFAULT])


def height_share(family: str) -> float:
    """How tall a family stands beside the tallest (1.0, the Saturn V)."""
    return silhouette(family).size


def half_width(family: str, height: int) -> int:
    """From the rocket's axis to its widest point (fins and strap-ons included), in pixels."""
    shape = silhouette(family)
    widest = max(max(foot, top) for _, foot, top in shape.sections) / 2
    if shape.fins:
        widest = max(widest, shape.sections[0][1] / 2 + shape.fins)
    if shape.strap_ons:
        widest = max(widest, 0.13 if shape.strap_ons == "r7" else 0.095)
    return max(3, round(widest * height))


def engine_width(family: str, height: int) -> int:
    """The width of the exhaust under the rocket's base."""
    shape = silhouette(family)
    base = shape.sections[0][1] + (0.12 if shape.strap_ons else 0.0)
    return max(4, round(base * height * 0.8))


def draw(painter: Painter, family: str, x: int, base: int, height: int, side: str, label: str = "") -> pygame.Rect:
    """The family's rocket standing on base, centred on x, height pixels tall. Returns its outline."""
    band = painter.theme.colour(side)
    picture = _picture(family, max(8, height), tuple(band), side == "ussr")
    half = picture.get_width() // 2
    outline = pygame.Rect(x - half, base - picture.get_height(), picture.get_width(), picture.get_height())
    painter.surface.blit(picture, outline.topleft)
    painter._note("shape", label or f"{family} rocket", outline, side)
    return outline


@lru_cache(maxsize=48)
def _picture(family: str, height: int, band: tuple[int, ...], soviet: bool) -> pygame.Surface:
    """The silhouette on a transparent surface (kept: a lift-off redraws it every frame)."""
    shape = silhouette(family)
    half = half_width(family, height) + 2
    surface = pygame.Surface((2 * half, height + 1), pygame.SRCALPHA)
    hull = HULL_USSR if soviet else HULL
    shade = tuple(round(channel * SHADE) for channel in hull)
    x, base = half, height
    colour = band[:3]

    def w(share: float) -> int:
        return max(1, round(share * height))

    # strap-ons first: the core is drawn over their inner edges
    if shape.strap_ons == "r7":  # four boosters: two seen side-on flaring out, one in front
        reach = w(0.4)
        for sign in (-1, 1):
            inner = x + sign * w(0.035)
            outer = x + sign * w(0.13)
            shoulder = (x + sign * w(0.075), base - w(0.3))
            pygame.draw.polygon(surface, hull if sign < 0 else shade, [(inner, base), (outer, base), shoulder,
                                                                       (inner, base - reach)])
            pygame.draw.line(surface, colour, (inner, base - 1), (outer, base - 1), max(2, w(0.012)))
    elif shape.strap_ons == "proton":  # six tanks round the core: the outer pair and the front pair show
        tank = w(0.045)
        tank_top = base - w(0.4)
        for offset, paint in ((-w(0.07), hull), (w(0.07), shade), (-w(0.025), hull), (w(0.025), shade)):
            rect = pygame.Rect(x + offset - tank // 2, tank_top, tank, base - tank_top)
            pygame.draw.rect(surface, paint, rect, border_top_left_radius=tank // 2, border_top_right_radius=tank // 2)
            pygame.draw.line(surface, DARK, (rect.x, rect.y + tank // 2), (rect.x, rect.bottom), 1)
    if shape.fins:
        root = w(shape.sections[0][1]) // 2
        reach = w(shape.fins)
        for sign in (-1, 1):
            pygame.draw.polygon(surface, colour, [(x + sign * root, base), (x + sign * (root + reach), base),
                                                  (x + sign * (root + reach), base - reach),
                                                  (x + sign * root, base - reach * 3)])
    # the stack, from the base up
    y = float(base)
    tops: list[int] = []
    for index, (share, foot_share, top_share) in enumerate(shape.sections):
        top_y = y - share * height
        foot, top = w(foot_share) / 2, w(top_share) / 2 if top_share else 0.0
        points = [(x - foot, y), (x + foot, y), (x + top, top_y), (x - top, top_y)]
        if not top_share:
            points = [(x - foot, y), (x + foot, y), (x, top_y)]
        pygame.draw.polygon(surface, hull, [(round(px), round(py)) for px, py in points])
        third = [(x + foot / 3, y), (x + foot, y), (x + top, top_y), (x + top / 3, top_y)]  # the shadowed side
        pygame.draw.polygon(surface, shade, [(round(px), round(py)) for px, py in third])
        if index == 0 and shape.roll:  # the Saturn V's black-and-white roll pattern
            cell = share * height / 4
            for row in (0, 3):  # black quarters at its foot and its top, on opposite sides
                left = row == 0
                rect = pygame.Rect(round(x - foot if left else x), round(y - cell * (row + 1)), round(foot), round(cell))
                pygame.draw.rect(surface, DARK, rect)
        if index == 0 and shape.cluster:  # the bundle of tanks
            for lane in range(-3, 4):
                lane_x = round(x + lane * foot / 3.5)
                pygame.draw.line(surface, (150, 150, 144), (lane_x, round(y)), (lane_x, round(top_y)), 1)
        tops.append(round(top_y))
        y = top_y
    # a band at each stage join below the payload: the side's colour (the N1's dark rings)
    for index, top_y in enumerate(tops[:-2]):
        width = w(min(shape.sections[index][2], shape.sections[index + 1][1]))
        thick = max(2, w(0.012))
        pygame.draw.rect(surface, DARK if shape.rings else colour, (x - width // 2, top_y, width, thick))
    if shape.tower:
        tower = max(w(0.05), round(y) - 1)  # the rest of the height
        pygame.draw.line(surface, DARK, (x, round(y)), (x, round(y) - tower), max(1, w(0.006)))
        pygame.draw.line(surface, DARK, (x - w(0.01), round(y) - tower // 3), (x + w(0.01), round(y) - tower // 3),
                         max(1, w(0.005)))
    return surface
