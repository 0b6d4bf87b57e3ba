"""The picture of one flight: its rocket on the pad through the countdown and lift-off (the silhouette of its
family, the Moon or a planet in the sky when it is going there), then the path through space to where it is
going (an orbit round the Earth, a hop up and down, the Moon, Venus or Mars) with each step's mark, and the
result across its foot. It only draws a FlightStory at a Moment: it never changes anything.
"""

from __future__ import annotations

from typing import Callable

import pygame

from game.app.narrate import short_side
from game.engine.outcomes import MilestoneClaimed

from .. import art, rockets, worlds
from ..painter import Painter
from .flight_story import FlightStory, Moment

Point = tuple[int, int]
ROCKET_SHARE = 0.72  # the tallest rocket's height, as a share of the picture's


def draw(painter: Painter, rect: pygame.Rect, story: FlightStory, moment: Moment, elapsed: float, rival: bool,
         milestone_name: Callable[[MilestoneClaimed], str]) -> None:
    """The picture in rect, framed, with the side's mark in its corner (whose launch, never by colour alone)."""
    theme = painter.theme
    surface = painter.surface
    clip = surface.get_clip()
    surface.set_clip(rect)
    try:
        if moment.phase in ("countdown", "liftoff"):
            _draw_pad(painter, rect, story, moment, elapsed)
        else:
            _draw_space(painter, rect, story, moment, milestone_name)
    finally:
        surface.set_clip(clip)
    painter.rect(rect, "grid", width=1)
    side = story.flight.side
    whose = " · rival" if rival else ""
    painter.rect((rect.x + theme.px(6), rect.y + theme.px(6),
                  painter.fonts.width(short_side(side) + whose, "bold", theme.body) + theme.px(36),
                  painter.fonts.line_height("bold", theme.body) + theme.px(6)), "console", radius=theme.px(3))
    painter.side_label(side, rect.x + theme.px(12), rect.y + theme.px(9), theme.body, short_side(side) + whose)


# -- on the pad ------------------------------------------------------------------------------------------------


def _draw_pad(painter: Painter, rect: pygame.Rect, story: FlightStory, moment: Moment, elapsed: float) -> None:
    theme = painter.theme
    horizon = rect.y + rect.height * 3 // 4
    art.sky(painter, pygame.Rect(rect.x, rect.y, rect.width, horizon - rect.y))
    art.starfield(painter, pygame.Rect(rect.x, rect.y, rect.width, (horizon - rect.y) // 2), seed=story.flight.number,
                  count=60, scale=round(theme.scale))
    if story.destination in worlds.NAMES:  # where it is going, low in the sky
        radius = max(4, rect.height // (18 if story.destination == "moon" else 60))
        worlds.world(painter, story.destination, (rect.x + rect.width * 3 // 20, rect.y + rect.height * 2 // 7), radius)
    art.ground(painter, rect, horizon)
    family = story.family
    x = rect.x + rect.width * 2 // 5
    pad_y = horizon + rect.height // 12
    height = round(rect.height * ROCKET_SHARE * rockets.height_share(family))
    half = rockets.half_width(family, height)
    art.launch_pad(painter, x, pad_y, max(theme.px(40), 2 * half + height // 6))
    gantry_x = x + half + theme.px(10)
    tower = max(height * 9 // 10, rect.height * 2 // 5)
    art.gantry(painter, gantry_x, pad_y, tower)
    rise = 0
    if moment.phase == "liftoff":
        rise = round((moment.lift ** 1.8) * (pad_y - rect.y + height * 1.1))
    base = pad_y - rise
    if moment.phase == "liftoff" or moment.count == 0:  # burning
        length = height // 5 + round(height * 0.5 * moment.lift)
        art.smoke(painter, x, pad_y, max(theme.px(40), height // 2), 0.3 + moment.lift, story.flight.number)
        art.flame(painter, x, base, rockets.engine_width(family, height), length, flicker=int(elapsed // 70))
    rockets.draw(painter, family, x, base, height, story.flight.side, label=f"rocket {story.vehicle} ({family})")
    # the countdown, large, in the sky beside the gantry
    big = theme.px(64)
    text = f"T-{moment.count}" if moment.phase == "countdown" else "LIFT-OFF"
    if moment.phase == "countdown" and moment.count == 0:
        text = "IGNITION"
    lattice = max(8, tower // 12)  # as art.gantry draws it
    room = min(rect.width * 3 // 5, rect.right - theme.pad * 2 - (gantry_x + lattice + theme.pad))
    wide = painter.fonts.width("IGNITION", "mono_bold", big)  # the widest word sets one size for them all
    if wide > room:  # a narrow picture: smaller letters rather than a cut word
        big = max(theme.px(20), big * room // wide)
    painter.text(text, rect.right - theme.pad * 2, rect.y + rect.height // 8, big,
                 "accent" if moment.phase == "countdown" else "title", "mono_bold", align="right", max_width=max(10, room))
    painter.text(story.mission, rect.right - theme.pad * 2, rect.y + rect.height // 8 + painter.fonts.line_height(
        "mono_bold", big), theme.body, "text", "bold", align="right", max_width=max(10, room))


# -- in space --------------------------------------------------------------------------------------------------


Leg = tuple[Point, Point, Point]  # a quadratic curve: start, control point, end


def legs(rect: pygame.Rect, destination: str, homeward: bool) -> list[Leg]:
    """The flight path as drawn: out to where it is going, and for a flight that comes home a second leg back
    down to the Earth (an orbital flight comes down further along; a Moon flight falls back towards the Earth)."""
    out = course(rect, destination)
    if not homeward:
        return [out]
    start, control, end = out
    if destination == "orbit":  # round part of the orbit, then down through the air to the ground
        turn_x = rect.x + rect.width * 3 // 5
        end = (turn_x, orbit_y(rect, turn_x))
        control = (rect.x + rect.width // 4, orbit_y(rect, rect.x + rect.width // 4) - rect.height // 12)
        down_x = rect.right - rect.width // 12
        back = ((rect.right - rect.width // 6, orbit_y(rect, rect.right - rect.width // 6)), art.limb_point(rect, down_x))
        return [(start, control, end), (end, back[0], back[1])]
    home = art.limb_point(rect, rect.x + rect.width * 3 // 10)
    return [out, (end, (rect.x + rect.width * 3 // 5, rect.y + rect.height * 3 // 5), home)]


def along(path: list[Leg], share: float) -> Point:
    """The point a share of the way along the path (0 at the start; leg n runs from n to n + 1)."""
    leg = max(0, min(int(share), len(path) - 1))
    return art.curve(*path[leg], max(0.0, min(1.0, share - leg)))


def step_shares(count: int, homeward: int) -> list[float]:
    """Where each step's mark sits along the path: the steps out spread along the first leg, the steps home
    along the second (homeward: the index of the first step home, -1 when none)."""
    out = count if homeward < 0 else homeward
    shares = [0.06 + 0.88 * index / max(1, out - 1) for index in range(out)] if out > 1 else [0.5] * out
    back = count - out
    return shares + [1 + 0.94 * (index + 1) / back for index in range(back)]


def course(rect: pygame.Rect, destination: str) -> tuple[Point, Point, Point]:
    """The flight path's start (on the ground), control point and end, for where it is going."""
    start = art.limb_point(rect, rect.x + rect.width // 10)
    if destination in worlds.NAMES:
        centre, radius = world_place(rect, destination)
        return start, (rect.x + rect.width * 2 // 5, rect.y + rect.height // 10), (centre[0] - radius * 6 // 5, centre[1])
    if destination == "suborbital":  # up and down again, well short of going round (coming down above the banner)
        down_x = rect.x + rect.width * 3 // 5
        return start, (rect.x + rect.width * 7 // 20, rect.y + rect.height // 8), (down_x, art.limb_point(rect, down_x)[1]
                                                                                     - rect.height // 5)
    end_x = rect.right - rect.width // 10
    return start, (rect.x + rect.width * 2 // 5, rect.y + rect.height // 5), (end_x, orbit_y(rect, end_x))


def world_place(rect: pygame.Rect, destination: str) -> tuple[Point, int]:
    """Where the Moon or a planet sits in the picture, and its radius."""
    radius = round(min(rect.width, rect.height) * (0.13 if destination == "moon" else 0.08))
    return (rect.right - rect.width // 6, rect.y + rect.height * 2 // 5), max(6, radius)


def orbit_y(rect: pygame.Rect, x: int) -> int:
    """The orbit drawn round the Earth: the limb's curve, raised."""
    return art.limb_point(rect, x)[1] - rect.height * 3 // 10


def _draw_space(painter: Painter, rect: pygame.Rect, story: FlightStory, moment: Moment,
                milestone_name: Callable[[MilestoneClaimed], str]) -> None:
    theme = painter.theme
    painter.rect(rect, "console")
    art.starfield(painter, rect, seed=story.flight.number * 7 + story.flight.month, count=120, scale=round(theme.scale))
    art.earth_limb(painter, rect)
    destination = story.destination
    if destination in worlds.NAMES:
        centre, radius = world_place(rect, destination)
        worlds.world(painter, destination, centre, radius)
        painter.text(worlds.NAMES[destination].removeprefix("the ").upper(), centre[0], centre[1] + radius + theme.px(4),
                     theme.small, "dim", "mono_bold", align="centre")
    elif destination == "orbit":  # the orbit it is making for, dotted round the Earth
        samples = 40
        ring = [(rect.x + rect.width * index // samples, orbit_y(rect, rect.x + rect.width * index // samples))
                for index in range(samples + 1)]
        for index in range(0, samples, 2):
            painter.line(ring[index], ring[index + 1], "panel_hi", max(1, theme.px(1)))
    path = legs(rect, destination, story.homeward >= 0)
    count = len(story.steps)
    shares = step_shares(count, story.homeward)  # every step of the mission, in its order, as the card lists them
    first = story.first  # an arrival's steps flown at launch come before it
    current = first + max(0, moment.shown - 1)
    if moment.phase == "result":
        current = first + story.flown - 1
    # where the craft is: moving to the step on its way, resting on the last verdict
    if moment.phase == "steps" and moment.shown:
        before = shares[current - 1] if current > 0 else 0.0
        travelled = before + (shares[current] - before) * moment.fill
    else:
        travelled = shares[min(current, count - 1)] if story.flown and count else 0.0
    for leg, (start, control, end) in enumerate(path):
        art.flight_path(painter, start, control, end, travelled - leg, width=max(2, theme.px(3)))
    node = max(4, theme.px(7))
    thick = max(2, theme.px(3))
    for index, step in enumerate(story.steps):
        point = along(path, shares[index])
        revealed = step.earlier or (step.flown and index - first < moment.verdicts)
        if revealed and step.passed:
            painter.circle(point, node, "good")
        elif revealed and step.mode == "catastrophe":
            art.explosion(painter, point, node * 4, story.flight.number + index, label=f"lost at {step.name}")
        elif revealed:
            colour = "warn" if step.mode == "partial" else "bad"
            painter.circle(point, node + theme.px(2), colour, thick)
            painter.line((point[0] - node, point[1] - node), (point[0] + node, point[1] + node), colour, thick)
            painter.line((point[0] - node, point[1] + node), (point[0] + node, point[1] - node), colour, thick)
        else:
            painter.circle(point, node, "grid" if step.flown or index <= current else "panel_hi", max(1, theme.px(2)))
    craft = along(path, travelled)
    last = first + story.flown - 1  # the last step flown on this date
    failed = bool(story.flown) and not story.steps[last].passed and moment.verdicts >= story.flown
    if failed:  # the failed step's verdict beside its mark, where the craft would be
        step = story.steps[last]
        point = along(path, shares[last])
        painter.text(step.status, point[0], point[1] + node * 3, theme.body, "warn" if step.mode == "partial" else "bad",
                     "bold", align="centre")
    else:
        painter.side_mark(story.flight.side, craft, max(5, theme.px(9)))
    if moment.phase == "steps" and moment.shown:  # the step on its way, named in a caption at the top right
        _caption(painter, rect, f"STEP {current + 1} OF {len(story.steps)}", story.steps[current].name)
    if moment.phase == "result":
        _draw_banner(painter, rect, story, milestone_name)


def _caption(painter: Painter, rect: pygame.Rect, head: str, text: str) -> None:
    theme = painter.theme
    pad = theme.pad
    width = min(rect.width * 3 // 5, max(painter.fonts.width(head, "mono_bold", theme.large),
                                          painter.fonts.width(text, "bold", theme.body)) + 2 * pad)
    height = painter.fonts.line_height("mono_bold", theme.large) + painter.fonts.line_height("bold", theme.body) + pad
    box = pygame.Rect(rect.right - width - pad, rect.y + pad, width, height)
    painter.rect(box, "console", radius=theme.px(4))
    painter.rect(box, "grid", width=1, radius=theme.px(4))
    painter.text(head, box.right - pad, box.y + pad // 2, theme.large, "accent", "mono_bold", align="right",
                 max_width=box.width - 2 * pad)
    painter.text(text, box.right - pad, box.y + pad // 2 + painter.fonts.line_height("mono_bold", theme.large),
                 theme.body, "text", "bold", align="right", max_width=box.width - 2 * pad)


def _draw_banner(painter: Painter, rect: pygame.Rect, story: FlightStory,
                 milestone_name: Callable[[MilestoneClaimed], str]) -> None:
    """The result across the foot of the picture, and a milestone claimed above it."""
    theme = painter.theme
    pad = theme.pad
    size = theme.px(44)
    line = painter.fonts.line_height("mono_bold", size)
    milestone = story.milestones[0] if story.milestones else None
    extra = painter.fonts.line_height("bold", theme.large) + painter.fonts.line_height("sans", theme.body) if milestone else 0
    box = pygame.Rect(rect.x + pad, rect.bottom - line - extra - 3 * pad, rect.width - 2 * pad, line + extra + 2 * pad)
    painter.rect(box, "console", radius=theme.px(6))
    painter.rect(box, story.result_tag, width=max(2, theme.px(3)), radius=theme.px(6))
    painter.text(story.result_word, box.centerx, box.y + pad, size, story.result_tag, "mono_bold", align="centre",
                 max_width=box.width - 2 * pad)
    if milestone is not None:
        y = box.y + pad + line
        head = "★ FIRST IN THE WORLD ★" if milestone.first else "☆ SECOND — matching the rival"
        painter.text(head, box.centerx, y, theme.large, "title" if milestone.first else "text", "bold",
                     align="centre", max_width=box.width - 2 * pad)
        y += painter.fonts.line_height("bold", theme.large)
        painter.text(f"{short_side(milestone.side)}: {milestone_name(milestone)}", box.centerx, y, theme.body, "text",
                     align="centre", max_width=box.width - 2 * pad)
