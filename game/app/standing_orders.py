"""Standing orders: last year's funding and bookings read back from the record, to be given again this year.

A convenience for the late game, not a new kind of order: what these return are the ordinary `Fund` and
`ScheduleMission` orders the player gave last year, which a front end sends again one by one (each recorded,
refused or told like any other), so a replay never knows a standing order was used.
"""

from __future__ import annotations

from typing import Sequence

from game.engine import service
from game.engine.defs import Content, MONTHS
from game.engine.orders import CancelMission, Fund, Order, ScheduleMission
from game.engine.state import GameState

FUND_TARGETS = ("training", "education", "intelligence")  # the fund lines that are not programs


def funding_of(orders: Sequence[tuple[int, Order]], side: str, year: int) -> dict[str, int]:
    """Each line the side funded in that year, with the amount it was left at (0s left out), in the order first set."""
    last: dict[str, int] = {}
    for order_year, order in orders:
        if order_year == year and isinstance(order, Fund) and order.side == side:
            last[order.target] = order.amount  # the last word on each line is what it got
    return {target: amount for target, amount in last.items() if amount > 0}


def bookings_of(orders: Sequence[tuple[int, Order]], state: GameState, side: str, year: int) -> list[ScheduleMission]:
    """The side's bookings of that year that it did not cancel, as it gave them (hardware, crew and month as it
    named them, empty where it left the choice to the game), in the order given.

    The record holds only orders that were carried out, and each booking took the side's next mission number, so
    the k-th booking ever recorded for the side was #(first + k), where first is what the side's counter stood at
    before its first booking: that is how a cancellation (by number) finds its booking."""
    booked = [(order_year, order) for order_year, order in orders
              if isinstance(order, ScheduleMission) and order.side == side]
    first = state.sides[side].next_mission - len(booked)
    cancelled = {order.number for order_year, order in orders
                 if order_year == year and isinstance(order, CancelMission) and order.side == side}
    if first < 1:  # a record missing bookings (it should never be): no number can be trusted, none is left out
        cancelled = set()
    return [order for index, (order_year, order) in enumerate(booked)
            if order_year == year and first + index not in cancelled]


def still_to_book(bookings: list[ScheduleMission], state: GameState, side: str) -> tuple[list[ScheduleMission], list[str]]:
    """Last year's bookings less those of the same mission already booked this year (booking again twice books
    nothing more): (the orders to give, the missions left out because they are booked already)."""
    already: dict[str, int] = {}
    for item in state.sides[side].scheduled:
        already[item.mission] = already.get(item.mission, 0) + 1
    wanted: list[ScheduleMission] = []
    skipped: list[str] = []
    for order in bookings:
        if already.get(order.mission, 0) > 0:
            already[order.mission] -= 1
            skipped.append(order.mission)
        else:
            wanted.append(order)
    return wanted, skipped


def still_working(bookings: list[ScheduleMission], state: GameState, content: Content,
                  side: str) -> tuple[list[ScheduleMission], list[str]]:
    """Bookings less the craft that would only replace one still at work: a mission with a service whose limit is
    filled by craft working beyond this year, and no first left to win (a new one would retire a working one
    early). (the orders to give, the missions left out)."""
    own = state.sides[side]
    wanted: list[ScheduleMission] = []
    skipped: list[str] = []
    for order in bookings:
        mission = content.missions.get(order.mission)
        firsts = mission is not None and any(claim not in own.achieved for step in mission.steps for claim in step.claims)
        if mission is not None and mission.service is not None and not service.worth(state, side, mission) and not firsts:
            skipped.append(order.mission)
        else:
            wanted.append(order)
    return wanted, skipped


def booking_words(order: ScheduleMission, content: Content, crew_names: dict[str, str]) -> str:
    """The command that gives this booking: "schedule weather_satellite june rocket=thor_delta crew=Al Lee"."""
    words = ["schedule", order.mission]
    if order.month:
        words.append(MONTHS[order.month - 1].lower())
    words += [f"{key}={value}" for key, value in (("rocket", order.rocket), ("craft", order.craft),
                                                  ("lander", order.lander)) if value]
    if order.crew:
        words.append("crew=" + ",".join(crew_names.get(member, member) for member in order.crew))
    if order.backup:
        words.append("backup")
    return " ".join(words)
