"""The game's only source of randomness: named, seeded streams built on a 64-bit SplitMix generator.

Why not `random.Random`? Its state is large and its higher-level draws have changed between Python versions;
a tiny generator of our own gives identical draws on every Python, and a stream's whole state is one integer.
Streams are derived from (seed, labels…) with SHA-256 — never `hash()` — so one extra draw for one purpose
never shifts the rolls of another (a replay stays exact if, say, the AI thinks a little differently).
"""

from __future__ import annotations

import hashlib
from typing import Sequence, TypeVar

T = TypeVar("T")

_MASK64 = (1 << 64) - 1


def derive_seed(seed: int, *labels: object) -> int:
    """A 64-bit seed for the stream named by labels, stable across processes and Python versions."""
    text = "|".join([str(seed), *(str(label) for label in labels)])  # determinism: stable text key
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


class Rng:
    """A SplitMix64 stream. Every draw the rules make comes from one of these."""

    __slots__ = ("_state",)

    def __init__(self, seed: int) -> None:
        self._state = seed & _MASK64

    @classmethod
    def stream(cls, seed: int, *labels: object) -> "Rng":
        """The stream named by labels, e.g. Rng.stream(seed, "missions", 1961, "usa")."""
        return cls(derive_seed(seed, *labels))

    def _next64(self) -> int:
        self._state = (self._state + 0x9E3779B97F4A7C15) & _MASK64
        z = self._state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK64
        return z ^ (z >> 31)

    def getrandbits(self, k: int) -> int:
        """k random bits (k >= 0), the base of every other draw."""
        if k <= 0:
            return 0
        value = 0
        filled = 0
        while filled < k:
            value = (value << 64) | self._next64()
            filled += 64
        return value >> (filled - k)

    def below(self, n: int) -> int:
        """A uniform integer in [0, n); rejection sampling keeps it unbiased."""
        if n <= 1:
            return 0
        bits = (n - 1).bit_length()
        while True:
            value = self.getrandbits(bits)
            if value < n:
                return value

    def between(self, low: int, high: int) -> int:
        """A uniform integer in [low, high], both ends included."""
        if high <= low:
            return low
        return low + self.below(high - low + 1)

    def chance(self, permille: int) -> bool:
        """True with probability permille/1000."""
        if permille <= 0:
            return False
        if permille >= 1000:
            return True
        return self.below(1000) < permille

    def pick(self, items: Sequence[T]) -> T:
        """One item, uniformly. The sequence must not be empty."""
        return items[self.below(len(items))]

    def weighted(self, items: Sequence[tuple[T, int]]) -> T:
        """One item by integer weight; weights <= 0 never win unless all are <= 0."""
        total = sum(max(weight, 0) for _, weight in items)
        if total <= 0:
            return items[0][0]
        roll = self.below(total)
        for item, weight in items:
            if weight <= 0:
                continue
            if roll < weight:
                return item
            roll -= weight
        return items[-1][0]

    def shuffle(self, items: list[T]) -> None:
        """Fisher–Yates shuffle in place."""
        for index in range(len(items) - 1, 0, -1):
            other = self.below(index + 1)
            items[index], items[other] = items[other], items[index]
