"""The bundled fonts (never system fonts), by face and size, and a cache of rendered text."""

from __future__ import annotations

from collections import OrderedDict

import pygame

from game.content.paths import assets_root

FACES = {"sans": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf", "mono": "DejaVuSansMono.ttf",
         "mono_bold": "DejaVuSansMono-Bold.ttf"}
CACHE_LIMIT = 3000


class FontBook:
    def __init__(self) -> None:
        self.folder = assets_root() / "fonts"
        self._fonts: dict[tuple[str, int], pygame.font.Font] = {}
        self._texts: OrderedDict[tuple[str, int, str, tuple[int, int, int]], pygame.Surface] = OrderedDict()

    def font(self, face: str, size: int) -> pygame.font.Font:
        key = (face, size)
        found = self._fonts.get(key)
        if found is None:
            found = pygame.font.Font(str(self.folder / FACES.get(face, FACES["sans"])), size)
            self._fonts[key] = found
        return found

    def render(self, text: str, face: str, size: int, colour: tuple[int, int, int]) -> pygame.Surface:
        """Rendered text, cached (the window redraws often; text rarely changes)."""
        key = (face, size, text, colour)
        surface = self._texts.get(key)
        if surface is not None:
            self._texts.move_to_end(key)
            return surface
        surface = self.font(face, size).render(text, True, colour)
        self._texts[key] = surface
        if len(self._texts) > CACHE_LIMIT:
            self._texts.popitem(last=False)
        return surface

    def width(self, text: str, face: str, size: int) -> int:
        return self.font(face, size).size(text)[0]

    def line_height(self, face: str, size: int) -> int:
        return self.font(face, size).get_linesize()

    def wrap(self, text: str, face: str, size: int, width: int) -> list[str]:
        """Split text into lines no wider than width (a word longer than the width is cut)."""
        lines: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for word in paragraph.split(" "):
                trial = f"{current} {word}" if current else word
                if self.width(trial, face, size) <= width:
                    current = trial
                    continue
                if current:
                    lines.append(current)
                while self.width(word, face, size) > width and len(word) > 1:
                    cut = len(word) - 1
                    while cut > 1 and self.width(word[:cut], face, size) > width:
                        cut -= 1
                    lines.append(word[:cut])
                    word = word[cut:]
                current = word
            lines.append(current)
        return lines
