"""Tab completion for the command line: command names first, then the ids a command takes."""

from __future__ import annotations

from typing import Protocol

from game.engine import research
from game.engine.defs import MONTHS, Content
from game.engine.state import GameState

from .interpreter import COMMANDS


class Play(Protocol):
    """What completion reads: the game as one side sees it (the terminal's interpreter, the window's play)."""

    @property
    def state(self) -> GameState: ...

    @property
    def content(self) -> Content: ...

    side: str

WINDOW_ONLY = ("reload",)


def candidates(command: str, play: Play, position: int, typed_first: str = "") -> list[str]:
    """What may follow the command as its position-th argument (1-based); typed_first: the word after the command."""
    state, content, side = play.state, play.content, play.side
    own = state.sides[side]
    programs = sorted(hid for hid, hardware in content.hardware.items() if hardware.side == side)
    missions = sorted(mid for mid, mission in content.missions.items() if side in mission.sides)
    crew = sorted(member.id for member in own.crew if member.status == "active")
    if command in ("fund", "f") and position == 1:
        return [*sorted(own.programs), "training", "education", "intelligence", "last"]  # only what has been started
    if command == "start" and position == 1:
        return [pid for pid in programs if pid not in own.programs and not research.why_cannot_start(
            state, content, side, pid)]
    if command in ("schedule", "fly", "launch"):
        if position == 1:
            return [*missions, "last"]
        if position == 2 and typed_first == "last":
            return missions
        if position == 2:
            return [name.lower() for name in MONTHS]
        return ["rocket=", "craft=", "lander=", *(f"crew={member}" for member in crew)]
    if command == "cancel" and position == 1:
        return [str(item.number) for item in own.scheduled]
    if command == "choose":
        if position == 1:
            return [item.event for item in own.pending]
        return []
    if command in ("examine", "x", "look", "info") and position == 1:
        return sorted({*programs, *missions, *crew, *content.milestones})
    if command == "build" and position == 1:
        return ["pad"]
    if command == "help" and position == 1:
        return sorted(item.name for item in COMMANDS)
    if command in ("programs", "missions", "p", "m") and position == 1:
        return ["all"]
    if command in ("digest", "confirm") and position == 1:
        return ["on", "off"]
    if command == "report" and position == 1:
        return [str(year) for year in sorted(getattr(play, "reports", {}), reverse=True)]  # the years kept
    return []


def complete(text: str, play: Play) -> list[str]:
    """Whole lines that complete the text, sorted; [] when nothing fits."""
    words = text.split(" ")
    if len(words) == 1:
        names = sorted({item.name for item in COMMANDS} | set(WINDOW_ONLY))
        return [name + " " for name in names if name.startswith(words[0].lower())]
    command, stem, done = words[0].lower(), words[-1], " ".join(words[:-1])
    options = candidates(command, play, len(words) - 1, words[1].lower() if len(words) > 2 else "")
    if command == "choose" and len(words) == 3:
        event = play.content.events.get(words[1])
        options = [choice.id for choice in event.choices] if event else []
    return [f"{done} {option}" + ("" if option.endswith("=") else " ")
            for option in options if _matches(option, stem, play)]


def _matches(option: str, stem: str, play: Play) -> bool:
    """The id begins with what was typed, or a word of its name does ("vos" finds the Vostok rocket, r7_luna)."""
    stem = stem.lower()
    if option.lower().startswith(stem):
        return True
    content = play.content
    thing = content.hardware.get(option) or content.missions.get(option) or content.milestones.get(option)
    name = thing.name if thing is not None else ""
    if not name:
        member = play.state.sides[play.side].crew_by_id(option)
        name = member.name if member else ""
    return bool(stem) and any(word.lower().startswith(stem) for word in name.replace("(", " ").split())
