"""Settings: window size, UI scale, full screen, text speed, sound and palette — each change applies at once
and is kept between runs (`app.apply_settings` writes the settings file on the disk worker)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import pygame

from ..intents import Key
from ..painter import Painter
from ..scene import Scene
from ..theme import scale_in_use
from game.app.settings import PALETTES, SCALES, SIZES, TEXT_SPEEDS, Settings
from ..widgets import Button, Widget
from .forms import (
    ChoiceRow,
    Row,
    backdrop,
    backdrop_width,
    buttons_height,
    draw_buttons,
    place_rows,
)

# what the text speed changes: how fast a launch plays out (the countdown and each step of the flight)
SPEED_NOTES = {"slow": "Launches play out slowly: the countdown and each step of a flight take their time.",
               "normal": "Launches play out at a brisk pace: the countdown, then each step of a flight.",
               "fast": "Launches play out quickly: the countdown and the steps hurry by.",
               "instant": "Launches play out at once: each flight shows its result straight away."}


class SettingsScene(Scene):
    name = "settings"
    title = "Settings"
    keys = (("Up / Down, Tab", "move between the settings"), ("Left / Right", "change the focused setting (at once)"),
            ("Enter / Esc", "back"), ("F11", "full screen on or off, anywhere"))

    def __init__(self, app) -> None:  # noqa: ANN001
        super().__init__(app)
        sizes = [f"{width} × {height}" for width, height in SIZES]
        self.size_row = ChoiceRow("Window size", lambda: self._with_current(sizes, self._size_label()),
                                  self._size_index, self._choose_size, self._size_note)
        self.scale_row = ChoiceRow("UI scale", self._scale_labels,
                                   lambda: self._index(SCALES, app.settings.scale), self._chooser("scale", SCALES),
                                   self._scale_note)
        self.fullscreen_row = ChoiceRow("Full screen", lambda: ["Off", "On"], lambda: int(app.settings.fullscreen),
                                        lambda index: self._set(fullscreen=bool(index)),
                                        lambda: "F11 switches it anywhere in the game.")
        self.speed_row = ChoiceRow("Text speed", lambda: [speed.capitalize() for speed in TEXT_SPEEDS],
                                   lambda: self._index(TEXT_SPEEDS, app.settings.text_speed),
                                   self._chooser("text_speed", TEXT_SPEEDS), self._speed_note)
        self.sound_row = ChoiceRow("Sound effects", lambda: ["Off", "On"], lambda: int(app.settings.sound),
                                   lambda index: self._set(sound=bool(index)), self._sound_note)
        self.palette_row = ChoiceRow("Palette", lambda: [palette.capitalize() for palette in PALETTES],
                                     lambda: self._index(PALETTES, app.settings.palette),
                                     self._chooser("palette", PALETTES), self._palette_note)
        self.confirm_row = ChoiceRow("Confirmations", lambda: ["Off", "On"], lambda: int(app.settings.confirm),
                                     lambda index: self._set(confirm=bool(index)),
                                     lambda: "Ask before ending a year while money would go back to the treasury or "
                                             "a decision is waiting (the terminal game keeps the same setting).")
        self.rows = [self.size_row, self.scale_row, self.fullscreen_row, self.speed_row, self.sound_row,
                     self.confirm_row, self.palette_row]
        self.back = Button("Back", lambda: app.pop(self), hint="Esc")
        self.defaults = Button("Defaults", lambda: app.apply_settings(Settings()))

    # -- reading and changing the settings -----------------------------------------------------------

    @staticmethod
    def _index(options: Sequence[Any], value: Any) -> int:
        return options.index(value) if value in options else 0

    def _set(self, **changes: Any) -> None:
        self.app.apply_settings(replace(self.app.settings, **changes))

    def _chooser(self, field: str, options: Sequence[Any]) -> Callable[[int], None]:
        return lambda index: self._set(**{field: options[index]})

    def _size_label(self) -> str:
        return f"{self.app.settings.width} × {self.app.settings.height}"

    @staticmethod
    def _with_current(sizes: list[str], current: str) -> list[str]:
        return sizes if current in sizes else [current, *sizes]  # a size set by dragging the window shows too

    def _size_index(self) -> int:
        sizes = self._with_current([f"{width} × {height}" for width, height in SIZES], self._size_label())
        return sizes.index(self._size_label())

    def _choose_size(self, index: int) -> None:
        current = (self.app.settings.width, self.app.settings.height)
        sizes = list(SIZES) if current in SIZES else [current, *SIZES]
        width, height = sizes[index % len(sizes)]
        self._set(width=width, height=height)

    def _size_note(self) -> str:
        if self.app.settings.fullscreen:
            return "Used when full screen is off."
        if self.app.options.size is not None:
            return "This window's size was fixed when it started; the choice is kept for next time."
        return "The window opens at this size; you can also drag its edges."

    def _scale_used(self) -> int:
        screen = self.app.screen
        return scale_in_use(screen.get_size(), self.app.settings.scale) if screen is not None else self.app.settings.scale

    def _scale_labels(self) -> list[str]:
        """Each scale; the chosen one says so when the window is too small for it ("200 % (125 % fits)")."""
        used = self._scale_used()
        return [f"{scale} % ({used} % fits)" if scale == self.app.settings.scale and used != scale else f"{scale} %"
                for scale in SCALES]

    def _scale_note(self) -> str:
        used, chosen = self._scale_used(), self.app.settings.scale
        if used < chosen:
            return (f"The size of text and controls. {chosen} % does not fit this window: it shows at {used} %, "
                    f"the most the screens have room for.")
        if used > chosen:
            return f"The size of text and controls. {chosen} % would be too small to read here: it shows at {used} %."
        return "The size of text and controls, on top of the window's own size."

    def _speed_note(self) -> str:
        return SPEED_NOTES.get(self.app.settings.text_speed, SPEED_NOTES["normal"])

    def _sound_note(self) -> str:
        if not self.app.settings.sound:
            return "Silent."
        if not self.app.sound.ready:
            return "No audio device was found, so the game is silent."
        return "Countdown beeps, the roar of lift-off, success and failure tones, and a fanfare for a first."

    def _palette_note(self) -> str:
        return {"mission control": "The 1960s console: blue and red sides.",
                "colour-blind safe": "Okabe–Ito colours, told apart with every common colour-vision deficiency.",
                "high contrast": "Black panels, white text, brighter colours."}.get(self.app.settings.palette, "")

    # -- input --------------------------------------------------------------------------------------

    def widgets(self) -> list[Widget]:
        return [*self.rows, self.back, self.defaults]

    def on_key(self, key: Key) -> bool:
        if key.name == "escape" or (key.name in ("return", "enter") and not isinstance(self.focused(), Button)):
            self.app.pop(self)
            return True
        return False

    # -- drawing ------------------------------------------------------------------------------------

    def draw(self, painter: Painter) -> None:
        theme = painter.theme
        pad = theme.pad
        inner_w = backdrop_width(painter, 900)
        label_w = min(theme.px(170), inner_w // 4)
        width = inner_w - theme.px(8)
        for row in self.rows:
            row.label_width = label_w
        buttons = [self.back, self.defaults]
        buttons_h = buttons_height(painter, buttons, inner_w)
        swatch_h = painter.fonts.line_height("bold", theme.body) + pad
        rows: list[tuple[Row, int]] = [(row, row.height(painter, width)) for row in self.rows]

        def swatch(painter: Painter, area: pygame.Rect) -> None:
            self._draw_swatch(painter, pygame.Rect(area.x + label_w, area.y, area.width - label_w, area.height))

        rows.append((swatch, swatch_h))
        path = self.app.settings_path
        kept = f"Kept in {path}" if path is not None else "Not kept: this window has no settings file"
        small = painter.fonts.line_height("sans", theme.small)
        rows_h = sum(height for _, height in rows) + pad * (len(rows) - 1)
        inner = backdrop(painter, "Settings", "Left/Right changes the focused setting; it applies at once.",
                         rows_h + 3 * pad + buttons_h + small + theme.px(8), widest=900)
        body = pygame.Rect(inner.x + theme.px(4), inner.y + theme.px(4), width,
                           inner.height - buttons_h - small - 3 * pad - theme.px(4))
        bottom = place_rows(painter, rows, body, pad, self.focused())
        y = min(bottom + pad, inner.bottom - buttons_h - small - 2 * pad)
        painter.text(kept, inner.x, y, theme.small, "dim", max_width=inner.width)
        draw_buttons(painter, self, buttons, inner.x, y + small + pad, inner.width, default=self.back)

    def _draw_swatch(self, painter: Painter, area: pygame.Rect) -> None:
        """The palette in use: both sides with their markers, and the colours of good, warning and bad news."""
        theme = painter.theme
        pad = theme.pad
        x, y = area.x, area.y + pad // 2
        painter.rect(area, "panel", radius=theme.px(3), label="palette preview")
        x += pad
        for side in ("usa", "ussr"):
            x = painter.side_label(side, x, y - theme.px(2), theme.body).right + 2 * pad
        for colour, word in (("good", "success"), ("warn", "warning"), ("bad", "failure"), ("info", "note")):
            if x + painter.fonts.width(word, "bold", theme.small) + pad > area.right:
                break
            chip = painter.fonts.line_height("bold", theme.small)
            painter.rect((x, y, chip // 2, chip), colour, label=f"swatch {colour}")
            x = painter.text(word, x + chip // 2 + pad // 2, y, theme.small, colour, "bold").right + 2 * pad
