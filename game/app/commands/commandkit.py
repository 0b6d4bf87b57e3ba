"""What every terminal command shares: the errors a command raises and the helpers that read its arguments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine.defs import MONTHS

if TYPE_CHECKING:
    from .interpreter import TextGame


class CommandError(Exception):
    """A command the player typed wrongly; str(error) is the message."""


class CommandNotice(CommandError):
    """A well-formed command that needs something more before it runs (a name, a confirmation): no usage line."""


def _int(text: str, what: str) -> int:
    cleaned = text.strip().lstrip("$#").rstrip("mM").replace(",", "").replace("_", "")
    try:
        return int(cleaned)
    except ValueError:
        raise CommandError(f"{what} should be a whole number, not {text!r}") from None


def _month(text: str) -> int:
    key = text.strip().lower()
    for index, name in enumerate(MONTHS):
        if len(key) >= 3 and name.lower().startswith(key):
            return index + 1
    try:
        month = int(key)
    except ValueError:
        month = 0
    if not 1 <= month <= 12:
        raise CommandError(f"{text!r} is not a month: use 1–12 or a name such as 'april'")
    return month


def race_over_words(game: "TextGame") -> str:
    """What is left to do once the race has ended: every piece of advice says this instead of spending and booking."""
    return (f"The race is over ({game.state.year}): 'result' shows how it ended and 'report' its last year; "
            "'save NAME' keeps the game and 'quit' leaves (a new game: space-race play).")


def _is_month(text: str) -> bool:
    try:
        _month(text)
    except CommandError:
        return False
    return True


def _join_crew_names(args: list[str], month_may_end: bool = True) -> list[str]:
    """'crew=Alan Shepard, John Glenn' arrives as several words: the words after crew= (up to the next option, or a
    month at the end, when the command takes one) are its names. Both 'schedule' and 'choose' read crew names
    this way."""
    joined: list[str] = []
    for index, arg in enumerate(args):
        last = index == len(args) - 1
        month_last = last and month_may_end and _is_month(arg)
        if joined and joined[-1].startswith("crew=") and "=" not in arg and not month_last:
            joined[-1] += " " + arg
        else:
            joined.append(arg)
    return joined


def _program_names(game: "TextGame", side_only: bool = True) -> dict[str, tuple[str, ...]]:
    return {hid: (hw.name,) for hid, hw in game.content.hardware.items() if hw.side == game.side or not side_only}


def _crew_names(game: "TextGame") -> dict[str, tuple[str, ...]]:
    return {member.id: (member.name, member.name.split()[-1]) for member in game.state.sides[game.side].crew}


def _mission_names(game: "TextGame") -> dict[str, tuple[str, ...]]:
    return {mid: (mission.name,) for mid, mission in game.content.missions.items()}


def _need(args: list[str], count: int, usage: str) -> None:
    if len(args) < count:
        raise CommandError(f"Usage: {usage}")
