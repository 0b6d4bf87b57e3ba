"""What a flight looks like, for front ends that draw it: its rocket's family (the silhouette) and where it is
going (the Earth's orbit, a hop above it, the Moon, Venus or Mars).

Neither is a rule: the engine never reads them. The base game's rockets are named here by id; a rocket a mod
adds gets the family its side and lift suggest, so it still looks like a rocket of its time. A mission's
destination is read from its own words (id, name, steps and the milestones it claims), so a mod's "Mars
sample return" goes to Mars without naming it anywhere else.
"""

from __future__ import annotations

import re

from game.engine.defs import Hardware, MissionType

#: rocket id → family: the silhouette the window draws
FAMILIES: dict[str, str] = {
    "vanguard": "vanguard",
    "juno_i": "redstone",  # Jupiter-C: a stretched Redstone with a spinning tub of solid motors on top
    "juno_ii": "jupiter",  # the squat Jupiter missile
    "thor_delta": "thor",
    "atlas": "atlas", "atlas_agena": "atlas", "atlas_centaur": "atlas",
    "titan_ii": "titan",
    "saturn_i": "saturn_i", "saturn_ib": "saturn_i",
    "saturn_v": "saturn_v",
    "r7": "r7", "r7_luna": "r7", "molniya": "r7", "voskhod_rocket": "r7", "soyuz_rocket": "r7",
    "proton": "proton",
    "n1": "n1",
}
ROCKET_FAMILIES: tuple[str, ...] = ("vanguard", "redstone", "jupiter", "thor", "atlas", "titan", "saturn_i",
                                    "saturn_v", "r7", "proton", "n1")
DESTINATIONS: tuple[str, ...] = ("orbit", "suborbital", "moon", "venus", "mars", "mercury", "jupiter")

# a mod's rocket: the family of its side's rockets of the same lift (lift 1 … 7 and up)
_BY_LIFT = {
    "usa": ("redstone", "thor", "atlas", "titan", "saturn_i", "saturn_i", "saturn_v"),
    "ussr": ("r7", "r7", "r7", "r7", "r7", "proton", "proton"),
}
_HEAVIEST = {"usa": "saturn_v", "ussr": "n1"}  # lift 9 and up: a Moon rocket


def rocket_family(rocket: Hardware | None, rocket_id: str = "") -> str:
    """The family whose silhouette a rocket is drawn with."""
    found = FAMILIES.get(rocket.id if rocket is not None else rocket_id)
    if found is not None:
        return found
    if rocket is None:
        return "atlas"
    side = rocket.side if rocket.side in _BY_LIFT else "usa"
    if rocket.lift >= 9:
        return _HEAVIEST[side]
    return _BY_LIFT[side][max(1, min(rocket.lift, 7)) - 1]


_WORDS = (  # the first that a mission's words name wins: a lunar mission's "Earth orbit" step is still lunar
    ("jupiter", re.compile(r"\bjupiter flyby|\bjupiter encounter|jovian")),  # not the Jupiter rocket
    ("mercury", re.compile(r"\bmercury flyby|\bmercury encounter")),  # not the Mercury capsule
    ("mars", re.compile(r"\bmars|martian")),
    ("venus", re.compile(r"\bvenus|venera|venusian")),
    ("moon", re.compile(r"\blunar|\bmoon|circumlunar|selen")),
    ("suborbital", re.compile(r"suborbital")),
)


def destination(mission: MissionType | None) -> str:
    """Where a mission goes: "jupiter", "mercury", "mars", "venus", "moon", "suborbital" (up and down again) or
    "orbit"."""
    if mission is None:
        return "orbit"
    words = " ".join([mission.id, mission.name, *(step.id + " " + step.name for step in mission.steps),
                      *(claim for step in mission.steps for claim in (*step.claims, *step.claims_second))])
    words = words.lower().replace("_", " ")
    return next((place for place, pattern in _WORDS if pattern.search(words)), "orbit")


_HOMEWARD = re.compile(r"re-?entry|recovery|splashdown|\btei\b|trans-earth|home")


def return_index(mission: MissionType | None) -> int:
    """Where a flight turns for home: the index of its first step that brings it back to Earth (re-entry,
    recovery, trans-Earth injection), read from the steps' own words; the number of steps when it never comes
    back (a satellite, a probe) or when the whole flight is one hop up and down (suborbital)."""
    if mission is None:
        return 0
    if destination(mission) == "suborbital":
        return len(mission.steps)
    for index, step in enumerate(mission.steps):
        if index and _HOMEWARD.search(f"{step.id} {step.name}".lower().replace("_", " ")):
            return index
    return len(mission.steps)
