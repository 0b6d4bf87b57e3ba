"""Every drawing call goes through the Painter, which also keeps a transcript of what it drew.

Tests read the transcript ("did the HQ show the budget?") instead of comparing pixels; scenes never draw on
the surface directly.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from .fonts import FontBook
from .theme import SIDE_LABELS, SIDE_SHAPES, Theme

Rect = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class DrawCall:
    kind: str  # text | rect | line | bar | shape | image
    text: str
    rect: Rect
    colour: str  # palette name


class Painter:
    def __init__(self, surface: pygame.Surface, theme: Theme, fonts: FontBook) -> None:
        self.surface = surface
        self.theme = theme
        self.fonts = fonts
        self.transcript: list[DrawCall] = []

    # -- the transcript -----------------------------------------------------------------------------

    def texts(self) -> list[str]:
        return [call.text for call in self.transcript if call.kind == "text"]

    def shown(self, fragment: str) -> bool:
        """Whether any drawn text contains fragment."""
        return any(fragment in call.text for call in self.transcript if call.kind == "text")

    def _note(self, kind: str, text: str, rect: Rect | pygame.Rect, colour: str) -> None:
        self.transcript.append(DrawCall(kind, text, tuple(rect), colour))  # type: ignore[arg-type]

    # -- drawing ------------------------------------------------------------------------------------

    def fill(self, colour: str) -> None:
        self.surface.fill(self.theme.colour(colour))

    def rect(self, rect: Rect | pygame.Rect, colour: str, width: int = 0, radius: int = 0, label: str = "") -> None:
        pygame.draw.rect(self.surface, self.theme.colour(colour), rect, width, border_radius=radius)
        self._note("rect", label, rect, colour)

    def line(self, start: tuple[int, int], end: tuple[int, int], colour: str, width: int = 1) -> None:
        pygame.draw.line(self.surface, self.theme.colour(colour), start, end, width)
        self._note("line", "", (start[0], start[1], end[0] - start[0], end[1] - start[1]), colour)

    def lines(self, points: list[tuple[int, int]], colour: str, width: int = 2, label: str = "") -> None:
        if len(points) >= 2:
            pygame.draw.lines(self.surface, self.theme.colour(colour), False, points, width)
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            self._note("line", label, (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), colour)

    def polygon(self, points: list[tuple[int, int]], colour: str, width: int = 0) -> None:
        pygame.draw.polygon(self.surface, self.theme.colour(colour), points, width)

    def circle(self, centre: tuple[int, int], radius: int, colour: str, width: int = 0) -> None:
        pygame.draw.circle(self.surface, self.theme.colour(colour), centre, radius, width)

    def text(self, text: str, x: int, y: int, size: int | None = None, colour: str = "text", face: str = "sans",
             max_width: int | None = None, align: str = "left") -> pygame.Rect:
        """One line of text with its top-left (or top-right/centre) at x, y; cut with '…' beyond max_width."""
        size = size or self.theme.body
        if max_width is not None and max_width > 0 and self.fonts.width(text, face, size) > max_width:
            while text and self.fonts.width(text + "…", face, size) > max_width:
                text = text[:-1]
            text += "…"
        surface = self.fonts.render(text, face, size, self.theme.colour(colour))
        if align == "right":
            x -= surface.get_width()
        elif align == "centre":
            x -= surface.get_width() // 2
        area = self.surface.blit(surface, (x, y))
        self._note("text", text, (x, y, surface.get_width(), surface.get_height()), colour)
        return area

    def lettered(self, text: str, x: int, y: int, size: int, colour: str = "text", face: str = "bold",
                 spacing: int = 0, condense: float = 1.0, align: str = "left") -> pygame.Rect:
        """Display type: one line with its letters spaced apart and squeezed to `condense` of their width (a
        newspaper's banner headline, a masthead); noted as text like any other."""
        surface = self.lettered_surface(text, size, colour, face, spacing, condense)
        if align == "right":
            x -= surface.get_width()
        elif align == "centre":
            x -= surface.get_width() // 2
        area = self.surface.blit(surface, (x, y))
        self._note("text", text, (x, y, surface.get_width(), surface.get_height()), colour)
        return area

    def lettered_width(self, text: str, size: int, face: str = "bold", spacing: int = 0, condense: float = 1.0) -> int:
        width = sum(self.fonts.width(letter, face, size) for letter in text) + spacing * max(0, len(text) - 1)
        return max(1, round(width * condense))

    def lettered_surface(self, text: str, size: int, colour: str, face: str, spacing: int,
                         condense: float) -> pygame.Surface:
        height = self.fonts.line_height(face, size)
        wide = pygame.Surface((max(1, self.lettered_width(text, size, face, spacing)), height), pygame.SRCALPHA)
        left = 0
        for letter in text:
            wide.blit(self.fonts.render(letter, face, size, self.theme.colour(colour)), (left, 0))
            left += self.fonts.width(letter, face, size) + spacing
        if condense == 1.0:
            return wide
        return pygame.transform.smoothscale(wide, (max(1, round(wide.get_width() * condense)), height))

    def paragraph(self, text: str, rect: Rect | pygame.Rect, size: int | None = None, colour: str = "text",
                  face: str = "sans", skip: int = 0) -> int:
        """Wrapped text inside rect (lines beyond its foot are not drawn); returns the height it needs in all."""
        size = size or self.theme.body
        x, y, width, height = tuple(rect)
        step = self.fonts.line_height(face, size)
        wrapped = self.fonts.wrap(text, face, size, max(width, 10))
        for index, line in enumerate(wrapped[skip:]):
            top = y + index * step
            if top + step > y + height:
                break
            if line:
                self.text(line, x, top, size, colour, face)
        return len(wrapped) * step

    def bar(self, rect: Rect | pygame.Rect, fraction: float, colour: str, label: str = "") -> None:
        """A horizontal gauge: an outline and a filled part."""
        x, y, width, height = tuple(rect)
        fraction = max(0.0, min(1.0, fraction))
        pygame.draw.rect(self.surface, self.theme.colour("panel_hi"), (x, y, width, height))
        pygame.draw.rect(self.surface, self.theme.colour(colour), (x, y, round(width * fraction), height))
        pygame.draw.rect(self.surface, self.theme.colour("grid"), (x, y, width, height), 1)
        self._note("bar", label or f"{fraction:.3f}", (x, y, width, height), colour)

    def side_mark(self, side: str, centre: tuple[int, int], size: int, hollow: bool = False) -> None:
        """The side's shape in its colour: a circle for the USA, a triangle for the USSR; hollow draws only its
        outline round the background (a value not final yet)."""
        colour = side if side in SIDE_SHAPES else "dim"
        x, y = centre
        outline = max(2, size // 3) if hollow else 0
        if SIDE_SHAPES.get(side) == "triangle":
            points = [(x, y - size), (x - size, y + size * 4 // 5), (x + size, y + size * 4 // 5)]
            if hollow:
                self.polygon(points, "background")
            self.polygon(points, colour, outline)
        else:
            if hollow:
                self.circle(centre, size, "background")
            self.circle(centre, size, colour, outline)
        label = SIDE_LABELS.get(side, side) + (" (hollow)" if hollow else "")
        self._note("shape", label, (x - size, y - size, 2 * size, 2 * size), colour)

    def side_label(self, side: str, x: int, y: int, size: int | None = None, text: str = "") -> pygame.Rect:
        """Shape, then the side's label (or the given text) in its colour."""
        size = size or self.theme.body
        height = self.fonts.line_height("bold", size)
        self.side_mark(side, (x + height // 3, y + height // 2), max(3, height // 3))
        return self.text(text or SIDE_LABELS.get(side, side.upper()), x + height, y, size, side, "bold")

    def image(self, surface: pygame.Surface, x: int, y: int, label: str = "") -> None:
        self.surface.blit(surface, (x, y))
        self._note("image", label, (x, y, surface.get_width(), surface.get_height()), "")
