"""Colours, sizes and side markers: a 1960s mission-control console, in three palettes.

Sides never rely on colour alone: the USA is drawn with a circle and its label, the USSR with a triangle and
its label, in every palette.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]

_BASE: dict[str, Colour] = {
    "background": (9, 16, 20), "panel": (17, 30, 36), "panel_hi": (27, 46, 54), "grid": (40, 70, 80),
    "text": (222, 232, 226), "dim": (140, 165, 158), "accent": (255, 176, 0), "focus": (255, 255, 255),
    "title": (255, 196, 64), "console": (6, 12, 14), "shadow": (0, 0, 0),
    # the press: newsprint and its ink, teleprinter paper; the race board's phosphor
    "paper": (238, 230, 210), "ink": (24, 22, 20), "ink_dim": (86, 80, 72), "ink_red": (150, 36, 30),
    "telex": (242, 228, 164), "phosphor": (110, 250, 140), "amber": (255, 186, 40), "wall": (3, 7, 8),
}
PALETTES: dict[str, dict[str, Colour]] = {
    "mission control": {**_BASE, "usa": (86, 160, 255), "ussr": (255, 92, 80), "good": (90, 220, 130),
                        "bad": (255, 96, 80), "warn": (255, 200, 60), "info": (150, 200, 230)},
    # Okabe–Ito colours: distinguishable with every common colour-vision deficiency.
    "colour-blind safe": {**_BASE, "usa": (86, 180, 233), "ussr": (230, 159, 0), "good": (0, 158, 115),
                          "bad": (213, 94, 0), "warn": (240, 228, 66), "info": (180, 210, 230),
                          # headings in white, so nothing else is the USSR's orange
                          "accent": (236, 236, 236), "title": (255, 255, 255), "focus": (240, 228, 66)},
    "high contrast": {**_BASE, "background": (0, 0, 0), "panel": (16, 16, 16), "panel_hi": (48, 48, 48),
                      "grid": (110, 110, 110), "text": (255, 255, 255), "dim": (200, 200, 200),
                      "usa": (120, 190, 255), "ussr": (255, 170, 60), "good": (120, 255, 160), "bad": (255, 110, 110),
                      "warn": (255, 240, 80), "info": (200, 220, 255), "console": (0, 0, 0),
                      "paper": (255, 255, 255), "telex": (255, 255, 255), "ink": (0, 0, 0), "ink_dim": (0, 0, 0),
                      "ink_red": (120, 0, 0), "wall": (0, 0, 0)},
}
# "focus" (where Enter goes) is white, apart from the amber of a selected tab or choice; in the colour-blind
# palette, whose headings are white, it is yellow.
SIDE_SHAPES = {"usa": "circle", "ussr": "triangle"}
SIDE_LABELS = {"usa": "USA", "ussr": "USSR"}
TAG_COLOURS = {  # narrative tags (game.app.narrate.Line) → palette names
    "title": "title", "heading": "accent", "news": "text", "dilemma": "warn", "choice": "dim", "good": "good",
    "bad": "bad", "warn": "warn", "info": "info", "step": "dim", "milestone": "title", "money": "text", "rival": "dim",
}
BASE_WIDTH, BASE_HEIGHT = 1280, 720
SMALLEST_LAYOUT = (1024, 576)  # the screens are laid out for at least this much room, in unscaled pixels


@dataclass(frozen=True, slots=True)
class Theme:
    palette: dict[str, Colour]
    scale: float  # 1.0 at 1280×720 and 100 %

    def colour(self, name: str) -> Colour:
        return self.palette.get(name, self.palette["text"])

    def px(self, amount: float) -> int:
        """A length in pixels, scaled (never below 1)."""
        return max(1, round(amount * self.scale))

    @property
    def small(self) -> int:
        return self.px(13)

    @property
    def body(self) -> int:
        return self.px(16)

    @property
    def large(self) -> int:
        return self.px(22)

    @property
    def huge(self) -> int:
        return self.px(40)

    @property
    def pad(self) -> int:
        return self.px(10)


def make_theme(palette: str, window: tuple[int, int], user_scale: int) -> Theme:
    """The window's size sets the base scale (1.0 at 1280×720, 3.0 at 4K); the player's UI scale multiplies it."""
    return Theme(PALETTES.get(palette, PALETTES["mission control"]), _scale(window, user_scale))


def _fit(window: tuple[int, int]) -> float:
    return min(window[0] / BASE_WIDTH, window[1] / BASE_HEIGHT)


def _scale(window: tuple[int, int], user_scale: int) -> float:
    roomiest = min(window[0] / SMALLEST_LAYOUT[0], window[1] / SMALLEST_LAYOUT[1])
    return max(0.5, min(4.0, _fit(window) * user_scale / 100, roomiest))  # never so big that the screens cannot fit


def scale_in_use(window: tuple[int, int], user_scale: int) -> int:
    """The UI scale, in percent, this window really shows for the player's choice: the same unless the choice is
    too big (or too small) for the window, which Settings then says rather than clamping silently."""
    fit = _fit(window)
    if fit <= 0:
        return user_scale
    used = round(_scale(window, user_scale) / fit * 100)
    return user_scale if abs(used - user_scale) <= 1 else used
