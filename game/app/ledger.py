"""The ledger: what a side's past choices still hold in store — decisions held over, consequences it can see
coming, promises made, where each person stands and why, and the measures content shows — a view of the state,
never a second record. Consequences the player cannot foresee stay out of it until they happen."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import characters
from game.engine.defs import Content
from game.engine.state import GameState, Memory

from . import story
from .text import fill


@dataclass(frozen=True, slots=True)
class WaitingRow:
    event: str
    title: str
    why: str  # why it waits for the next briefing


@dataclass(frozen=True, slots=True)
class ForeseenRow:
    event: str
    text: str  # the event's `foreseen` words
    when: str  # "1963" or "1962–1964"
    cause: str  # "your choice “…” on “…” (1961)"


@dataclass(frozen=True, slots=True)
class PromiseRow:
    id: str
    name: str
    text: str
    made: int
    deadline: int
    status: str  # open | kept | broken
    settled: int
    cause: str
    origin: str  # where it came from, in a sentence: "Made with your choice … (1961)." / "In force when the race began."


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: str
    name: str
    title: str
    role: str  # advisor | leader
    status: str  # serving | upcoming | left
    opinion: int
    mood: str
    trend: int  # the opinion's change over this year and last
    reasons: tuple[str, ...]  # the latest changes and why, newest first: "+10 in 1961: your choice “…” on “…”"
    left: str  # how they left ("" while serving)


@dataclass(frozen=True, slots=True)
class MeasureRow:
    id: str
    name: str
    value: int
    low: int
    high: int
    description: str


@dataclass(frozen=True, slots=True)
class LedgerView:
    waiting: tuple[WaitingRow, ...]
    foreseen: tuple[ForeseenRow, ...]
    promises: tuple[PromiseRow, ...]
    people: tuple[PersonRow, ...]
    measures: tuple[MeasureRow, ...]

    @property
    def empty(self) -> bool:
        return not (self.waiting or self.foreseen or self.promises or self.people or self.measures)


def cause_words(content: Content, state: GameState, side: str, event_id: str, choice_id: str, year: int) -> str:
    """A short account of a cause: "your choice “Commit the nation…” on “A Goal We Can Win” (1961)"."""
    values = story.event_values(content, state, side)
    when = f" ({year})" if year else ""
    if event_id in content.promises:
        return f"the promise \u201c{content.promises[event_id].name}\u201d{when}"
    event = content.events.get(event_id)
    if event is None:
        return f"{event_id}{when}" if event_id else ""
    choice = next((option for option in event.choices if option.id == choice_id), None)
    if choice is not None:
        return f"your choice \u201c{fill(choice.text, values)}\u201d on \u201c{fill(event.title, values)}\u201d{when}"
    return f"\u201c{fill(event.title, values)}\u201d{when}"


def _reason(content: Content, state: GameState, side: str, memory: Memory) -> str:
    sign = "+" if memory.amount > 0 else ""
    return f"{sign}{memory.amount} in {memory.year}: {cause_words(content, state, side, memory.event, memory.choice, 0)}"


def ledger(state: GameState, content: Content, side: str) -> LedgerView:
    own = state.sides[side]
    waiting = tuple(WaitingRow(item.event, story.event_title(content, state, side, content.events[item.event], item),
                               item.why_waiting)
                    for item in own.waiting if item.event in content.events)
    foreseen = tuple(
        ForeseenRow(item.event, content.events[item.event].foreseen,
                    str(item.first) if item.first == item.last else f"{item.first}–{item.last}",
                    cause_words(content, state, side, item.cause_event, item.cause_choice, item.year))
        for item in own.followups if item.event in content.events and content.events[item.event].foreseen)
    promises: list[PromiseRow] = []
    for item in own.promises:
        if item.promise not in content.promises:
            continue
        cause = cause_words(content, state, side, item.cause_event, item.cause_choice, item.made) if item.cause_event else ""
        origin = (f"Made with {cause}." if cause else "In force when the race began." if item.made < state.start_year
                  else f"In force since {item.made}.")
        promises.append(PromiseRow(item.promise, content.promises[item.promise].name, content.promises[item.promise].text,
                                   item.made, item.deadline, item.status, item.settled, cause, origin))
    people: list[PersonRow] = []
    for character_id, standing in sorted(own.characters.items(), key=lambda pair: (pair[1].status != "serving", pair[0])):
        character = content.characters.get(character_id)
        if character is None or standing.status == "upcoming":
            continue
        trend = sum(memory.amount for memory in standing.memory if memory.year >= state.year - 1)
        reasons = tuple(_reason(content, state, side, memory) for memory in reversed(standing.memory[-3:]))
        left = "" if standing.status == "serving" else {
            "history": f"left in {standing.left}", "resigned": f"resigned in {standing.left}",
            "dismissed": f"dismissed in {standing.left}"}.get(standing.reason, f"left in {standing.left}")
        people.append(PersonRow(character_id, character.name, character.title, character.role, standing.status,
                                standing.opinion, characters.mood(standing.opinion), trend, reasons, left))
    measures = tuple(
        MeasureRow(variable_id, variable.name, value, variable.low, variable.high, variable.description)
        for variable_id, value in sorted(own.variables.items())
        if (variable := content.variables.get(variable_id)) is not None and variable.visible)
    return LedgerView(waiting, foreseen, tuple(promises), tuple(people), measures)
