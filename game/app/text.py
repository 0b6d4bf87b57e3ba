"""Text helpers both front ends and the narrators share: tagged lines, placeholders, money, names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from game.engine.defs import MONTHS, Content
from game.engine.state import GameState, InFlight

_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of narrative. Tags: title, heading, news, dilemma, choice, good, bad, warn, info, step,
    milestone, money, rival."""

    tag: str
    text: str


def cap(text: str) -> str:
    """Capitalise the first letter only ("the Soviet Union" → "The Soviet Union")."""
    return text[:1].upper() + text[1:]


def fill(template: str, values: dict[str, str]) -> str:
    """Replace {name} placeholders we know, capitalising one that opens a sentence; leave anything else as
    written (never raises)."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if value is None:
            return match.group(0)
        before = template[: match.start()].rstrip()
        return cap(value) if not before or before.endswith((".", "!", "?")) else value

    return _PLACEHOLDER.sub(replace, template)


def joined(names: Iterable[str], word: str = "and") -> str:
    """A list in words, its last two joined by `word`: "A", "A and B", "A, B or C" (word "or": any one will do)."""
    items = list(names)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def money(amount: int, signed: bool = False) -> str:
    """$120M, or with signed=True +$120M / -$30M."""
    sign = "-" if amount < 0 else "+" if signed else ""
    return f"{sign}${abs(amount)}M"


def side_name(content: Content, side: str) -> str:
    default = {"usa": "the United States", "ussr": "the Soviet Union"}.get(side, side)
    return content.texts.get(f"side_name_{side}", default)


def side_adjective(content: Content, side: str) -> str:
    """"American", "Soviet" (texts.toml's adjective_SIDE)."""
    default = {"usa": "American", "ussr": "Soviet"}.get(side, side.upper())
    return content.texts.get(f"adjective_{side}", default)


def short_reason(content: Content, name: str, reason: str) -> str:
    """Why a mission cannot fly, without repeating its name (shown beside it already): "Mars flyby cannot be flown
    before 1959" → "cannot be flown before 1959"; "… can fly Mars flyby; …" → "… can fly it; …". Left whole when a
    program shares the mission's name (a mod's), where "it" could mean either."""
    if not name or any(hardware.name == name for hardware in content.hardware.values()):
        return reason
    if reason.startswith(name + " "):
        return reason[len(name) + 1:]
    return reason.replace(name, "it")


def short_side(side: str) -> str:
    return {"usa": "USA", "ussr": "USSR"}.get(side, side.upper())


def crew_list(state: GameState, side: str, crew_ids: Iterable[str]) -> list[str]:
    own = state.sides[side]
    return [member.name if member else crew_id for crew_id, member in ((c, own.crew_by_id(c)) for c in crew_ids)]


def crew_names(state: GameState, side: str, crew_ids: Iterable[str]) -> str:
    """"Ann Lee", "Ann Lee and Bo Ray", "Ann Lee, Bo Ray and Cy Dean"."""
    names = crew_list(state, side, crew_ids)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def hardware_name(content: Content, hardware_id: str) -> str:
    hardware = content.hardware.get(hardware_id)
    return hardware.name if hardware else hardware_id


def probe_words(content: Content, flight: InFlight) -> str:
    """A probe on its way, for every front end: "Mariner (Mars flyby), arriving July 1965"."""
    mission = content.missions.get(flight.mission)
    return (f"{hardware_name(content, flight.craft)} ({mission.name if mission else flight.mission}), "
            f"arriving {MONTHS[flight.arrive_month - 1]} {flight.arrives}")




def gains_words(support: int = 0, budget: int = 0, prestige: int = 0) -> list[str]:
    """What something pays, in words, the parts it has: ["support +1", "prestige +2", "$20M of budget"]."""
    return [part for part in (f"support +{support}" if support else "", f"prestige +{prestige}" if prestige else "",
                              f"${budget}M of budget" if budget else "") if part]
