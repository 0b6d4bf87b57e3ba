"""Orders: the only way state changes. Small immutable values holding ids and integers, and their dict form.

Each order names the side giving it, so the same orders drive a human, the AI, a replay or a test.
Validation and effects live in `turn.py`'s handler table; a refused order raises `OrderRefused` with a
one-line reason and changes nothing.
"""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, fields
from typing import Any


class OrderRefused(Exception):
    """The engine refused an order; str(error) is the one-line reason for the player."""


class OrderFormatError(ValueError):
    """An order dict (from a save or replay) that is not a valid order."""


@dataclass(frozen=True, slots=True)
class Order:
    side: str


@dataclass(frozen=True, slots=True)
class StartProgram(Order):
    program: str


@dataclass(frozen=True, slots=True)
class Fund(Order):
    """Set this year's allocation for a program's research, crew training or education."""

    target: str
    amount: int


@dataclass(frozen=True, slots=True)
class ScheduleMission(Order):
    """Fly a mission this year. Empty rocket/craft/lander means: the best operational one that fits; month 0 means
    the earliest month its preparation and the pads allow."""

    mission: str
    month: int
    rocket: str = ""
    craft: str = ""
    lander: str = ""
    crew: tuple[str, ...] = ()
    backup: bool = False  # stands down when its month comes if the firsts it could claim are already won


@dataclass(frozen=True, slots=True)
class CancelMission(Order):
    number: int


@dataclass(frozen=True, slots=True)
class Recruit(Order):
    count: int


@dataclass(frozen=True, slots=True)
class BuildPad(Order):
    pass


@dataclass(frozen=True, slots=True)
class Choose(Order):
    """Decide a pending dilemma; `crew` names the crew member a choice that costs one gives up."""

    event: str
    choice: str
    crew: str = ""


@dataclass(frozen=True, slots=True)
class EndYear(Order):
    pass


ORDER_TYPES: dict[str, type[Order]] = {
    cls.__name__: cls
    for cls in (StartProgram, Fund, ScheduleMission, CancelMission, Recruit, BuildPad, Choose, EndYear)
}


def order_to_dict(order: Order) -> dict[str, Any]:
    data = asdict(order)
    for key, value in data.items():
        if isinstance(value, tuple):
            data[key] = list(value)
    return {"type": type(order).__name__, **data}


def order_from_dict(data: Any) -> Order:
    """Rebuild an order from its dict form, checking names and types; raises OrderFormatError."""
    if not isinstance(data, dict):
        raise OrderFormatError("an order should be a table")
    kind = data.get("type")
    cls = ORDER_TYPES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise OrderFormatError(f"unknown order type {kind!r}")
    values: dict[str, Any] = {}
    for item in fields(cls):
        if item.name not in data:
            if item.default is not MISSING:
                continue  # a field added later: older records play with its default
            raise OrderFormatError(f"{kind} order is missing {item.name!r}")
        value = data[item.name]
        expected = str(item.type)
        if expected == "int" and (not isinstance(value, int) or isinstance(value, bool)):
            raise OrderFormatError(f"{kind}.{item.name} should be a whole number")
        if expected == "bool" and not isinstance(value, bool):
            raise OrderFormatError(f"{kind}.{item.name} should be true or false")
        if expected == "str" and not isinstance(value, str):
            raise OrderFormatError(f"{kind}.{item.name} should be text")
        if expected.startswith("tuple"):
            if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
                raise OrderFormatError(f"{kind}.{item.name} should be a list of ids")
            value = tuple(value)
        values[item.name] = value
    extra = sorted(set(data) - {item.name for item in fields(cls)} - {"type"})
    if extra:
        raise OrderFormatError(f"{kind} order has unknown field {extra[0]!r}")
    return cls(**values)
