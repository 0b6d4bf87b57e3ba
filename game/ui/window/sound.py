"""Sound effects, synthesised at start (no sound files to ship): countdown beeps, lift-off, success, failure,
and the fanfare of a first. Silent when sound is off in the settings or no audio device is there."""

from __future__ import annotations

import math
import random
from array import array

import pygame

RATE = 22050
VOLUME = 0.35


def _tone(frequencies: list[tuple[float, float]], shape: str = "sine") -> array:
    """Notes (frequency in Hz, seconds) one after another, each with a short fade in and out."""
    samples = array("h")
    for frequency, seconds in frequencies:
        count = int(RATE * seconds)
        fade = max(1, min(count // 4, RATE // 100))
        for index in range(count):
            phase = 2 * math.pi * frequency * index / RATE
            value = math.sin(phase) if shape == "sine" else (1.0 if math.sin(phase) >= 0 else -1.0) * 0.5
            envelope = min(1.0, index / fade, (count - index) / fade)
            samples.append(int(32767 * VOLUME * value * envelope))
    return samples


def _rumble(seconds: float) -> array:
    cosmetic = random.Random(1957)  # cosmetic noise only
    samples = array("h")
    count = int(RATE * seconds)
    level = 0.0
    for index in range(count):
        level = 0.96 * level + 0.04 * cosmetic.uniform(-1, 1)  # low-passed noise: a roar, not a hiss
        envelope = min(1.0, index / (RATE * 0.3)) * (1 - index / count)
        samples.append(int(32767 * VOLUME * 3 * level * envelope))
    return samples


class Sounds:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.ready = False
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        if enabled:
            self._start()

    def _start(self) -> None:
        try:
            if pygame.mixer.get_init() not in (None, (RATE, -16, 1)):
                pygame.mixer.quit()  # opened elsewhere in another format: ours is mono 16-bit
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
            if pygame.mixer.get_init() != (RATE, -16, 1):
                return
        except pygame.error:
            return  # no audio device: the game is silent
        waves = {
            "beep": _tone([(880, 0.08)]),
            "ignition": _rumble(1.6),
            "step": _tone([(660, 0.05)]),
            "success": _tone([(523, 0.12), (659, 0.12), (784, 0.25)]),
            "failure": _tone([(220, 0.25), (165, 0.45)], "square"),
            "first": _tone([(523, 0.12), (659, 0.12), (784, 0.12), (1047, 0.4)]),
        }
        self.sounds = {name: pygame.mixer.Sound(buffer=wave.tobytes()) for name, wave in waves.items()}
        self.ready = True

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled and not self.ready:
            self._start()

    def play(self, name: str) -> None:
        if self.enabled and self.ready and name in self.sounds:
            self.sounds[name].play()
