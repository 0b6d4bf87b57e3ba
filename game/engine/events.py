"""Scripted events: which fire at the start of a year, applying news, posing dilemmas, and settling choices."""

from __future__ import annotations

from . import rules
from .defs import SIDES, Choice, Content, Event
from .outcomes import ChoiceMade, EventFired, Outcome
from .rng import Rng
from .scripting import EvalContext
from .state import GameState, Pending


def fire_events(state: GameState, content: Content) -> list[Outcome]:
    """Check every event in this year's window for each side, in priority then id order."""
    outcomes: list[Outcome] = []
    for side in SIDES:  # determinism: fixed side order
        rng = Rng.stream(state.seed, "events", state.year, side)
        own = state.sides[side]
        dilemmas = 0
        for event in content.events_for_year(state.year):
            if side not in event.sides:
                continue
            if event.once and event.id in own.fired:
                continue
            if event.kind == "dilemma" and (
                dilemmas >= rules.MAX_DILEMMAS_PER_YEAR or any(item.event == event.id for item in own.pending)
            ):
                continue
            context = EvalContext(state, content, side, rng=rng, cause=event.id)
            if event.trigger is not None and not event.trigger(context):
                continue
            if not rng.chance(event.chance):
                continue
            own.fired[event.id] = state.year
            outcomes.append(EventFired(side=side, event=event.id, year=state.year, dilemma=event.kind == "dilemma"))
            if event.kind == "dilemma":
                own.pending.append(Pending(event=event.id, year=state.year))
                dilemmas += 1
            else:
                for effect in event.effects:
                    effect(context)
                outcomes.extend(context.outcomes)
    return outcomes


def find_choice(event: Event, choice_id: str) -> Choice | None:
    for choice in event.choices:
        if choice.id == choice_id:
            return choice
    return None


def choose(
    state: GameState, content: Content, side: str, event_id: str, choice_id: str, by_default: bool = False
) -> list[Outcome]:
    """Settle a pending dilemma: apply the choice's effects and take it off the side's list."""
    own = state.sides[side]
    event = content.events[event_id]
    choice = find_choice(event, choice_id)
    assert choice is not None, "validated by the caller"
    own.pending = [item for item in own.pending if item.event != event_id]
    rng = Rng.stream(state.seed, "choice", state.year, side, event_id)
    context = EvalContext(state, content, side, rng=rng, cause=event_id)
    outcomes: list[Outcome] = [ChoiceMade(side=side, event=event_id, choice=choice_id, by_default=by_default)]
    for effect in choice.effects:
        effect(context)
    outcomes.extend(context.outcomes)
    return outcomes


def settle_undecided(state: GameState, content: Content, side: str) -> list[Outcome]:
    """At year end, every dilemma still open takes its default choice, and the side is told."""
    outcomes: list[Outcome] = []
    for item in list(state.sides[side].pending):
        choice = content.events[item.event].default_choice()
        if choice is None:
            state.sides[side].pending.remove(item)
            continue
        outcomes.extend(choose(state, content, side, item.event, choice.id, by_default=True))
    return outcomes
