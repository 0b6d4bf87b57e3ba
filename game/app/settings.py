"""The player's settings, kept between runs in a small JSON file (never a crash on a bad one): the window's look,
and what both front ends share (whether to ask before an irreversible step)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

SIZES = ((1280, 720), (1600, 900), (1920, 1080), (2560, 1440), (3840, 2160))
# per cent, on top of the window's own size (which already scales the screens to fill it): the screens need
# 1024×576 of their own pixels, so 125 % is the most any window shows, and larger choices would change nothing
SCALES = (75, 90, 100, 110, 125)
TEXT_SPEEDS = ("slow", "normal", "fast", "instant")
PALETTES = ("mission control", "colour-blind safe", "high contrast")
LOG_LINES = (2, 40)  # the window's log: fewest and most lines when open


@dataclass(frozen=True, slots=True)
class Settings:
    width: int = 1280
    height: int = 720
    scale: int = 100
    fullscreen: bool = False
    text_speed: str = "normal"
    sound: bool = True
    palette: str = "mission control"
    confirm: bool = True  # ask before ending a year with money or decisions waiting (a player at the keyboard only)
    digest: bool = True  # the terminal tells a year's end in brief, the whole report a command away
    log_lines: int = 6  # the window's log, when open (it is resized by dragging its top edge, or Ctrl+Up/Down)
    log_open: bool = True  # collapsed, it shows only the latest line

    def checked(self) -> "Settings":
        """The same settings with anything out of range put back to its default."""
        default = Settings()
        width = self.width if isinstance(self.width, int) and 640 <= self.width <= 7680 else default.width
        height = self.height if isinstance(self.height, int) and 360 <= self.height <= 4320 else default.height
        return replace(
            self, width=width, height=height,
            scale=self.scale if self.scale in SCALES else (SCALES[-1] if isinstance(self.scale, int) and
                                                           self.scale > SCALES[-1] else default.scale),
            fullscreen=bool(self.fullscreen) if isinstance(self.fullscreen, bool) else default.fullscreen,
            text_speed=self.text_speed if self.text_speed in TEXT_SPEEDS else default.text_speed,
            sound=self.sound if isinstance(self.sound, bool) else default.sound,
            palette=self.palette if self.palette in PALETTES else default.palette,
            confirm=self.confirm if isinstance(self.confirm, bool) else default.confirm,
            digest=self.digest if isinstance(self.digest, bool) else default.digest,
            log_lines=self.log_lines if isinstance(self.log_lines, int) and not isinstance(self.log_lines, bool)
            and LOG_LINES[0] <= self.log_lines <= LOG_LINES[1] else default.log_lines,
            log_open=self.log_open if isinstance(self.log_open, bool) else default.log_open,
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1)


def default_path() -> Path:
    """$XDG_CONFIG_HOME/space-race/settings.json (~/.config/… when unset)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "space-race" / "settings.json"


def load_settings(path: Path) -> tuple[Settings, str]:
    """The saved settings and a warning to show ("" when all is well); a missing file gives the defaults."""
    try:
        raw: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        return Settings(), f"{path}: settings could not be read ({error}); using the defaults"
    if not isinstance(raw, dict):
        return Settings(), f"{path}: settings are not a JSON object; using the defaults"
    known = {field.name for field in fields(Settings)}
    settings = Settings(**{key: value for key, value in raw.items() if key in known}).checked()
    return settings, ""
