"""Scripted events at the year's briefing: dilemmas held over, follow-ups come due, and the calendar's events;
news applied, dilemmas posted (at most rules.MAX_DILEMMAS_PER_YEAR, the rest held over), choices settled."""

from __future__ import annotations

from . import characters, choices, consequences, rules
from .context import EvalContext
from .defs import SIDES, Choice, Content, Event
from .outcomes import ChoiceMade, EventFired, EventLapsed, Outcome
from .rng import Rng
from .state import FollowUp, GameState, Pending


def in_scenario(state: GameState, event: Event) -> bool:
    return not event.scenarios or state.scenario in event.scenarios


def speaker_absent(state: GameState, content: Content, side: str, event: Event) -> bool:
    """An event put in a character's mouth waits for them to serve, and is not told once they are gone."""
    return bool(event.speaker) and not characters.serving(state, content, side, event.speaker)


def pick_variant(event: Event | Choice, context: EvalContext, field: str = "text") -> int:
    """The variant of a text (an event's, or a choice's text or result) that fits the moment (-1: the plain one)."""
    for index, variant in enumerate(event.variants.get(field, ())):
        if variant.when(context):
            return index
    return -1


def fire_events(state: GameState, content: Content) -> list[Outcome]:
    """The year's briefing for each side: dilemmas held over from last year first, then follow-ups due, then the
    calendar's events in priority order."""
    outcomes: list[Outcome] = []
    for side in SIDES:  # determinism: fixed side order
        own = state.sides[side]
        own.briefing = []
        posted = [0]  # dilemmas posted this briefing
        held_over, own.waiting = own.waiting, []
        for item in held_over:
            event = content.events.get(item.event)
            if event is None:
                continue  # a mod that defined it is gone
            context = EvalContext(state, content, side, subject=item.subject)
            if speaker_absent(state, content, side, event) or (event.trigger is not None and not event.trigger(context)):
                outcomes.append(EventLapsed(side=side, event=event.id, reason="it no longer applies",
                                            cause_event=item.cause_event, cause_choice=item.cause_choice, held_over=True))
                continue
            item.source = "waiting" if item.source == "calendar" else item.source
            outcomes.extend(_arrive(state, content, side, event, item, context, posted))
        for due in consequences.take_due(state, side):
            outcomes.extend(_follow_up(state, content, side, due, posted))
        rng = Rng.stream(state.seed, "events", state.year, side)
        for event in content.events_for_year(state.year):
            if side not in event.sides or not in_scenario(state, event):
                continue
            if event.once and event.id in own.fired:
                continue
            if any(item.event == event.id for item in (*own.pending, *own.waiting)) or speaker_absent(state, content, side, event):
                continue
            context = EvalContext(state, content, side, rng=rng, cause=event.id)
            if event.trigger is not None and not event.trigger(context):
                continue
            if not rng.chance(event.chance):
                continue
            outcomes.extend(_arrive(state, content, side, event, Pending(event=event.id, year=state.year), context, posted))
    return outcomes


def _follow_up(state: GameState, content: Content, side: str, due: FollowUp, posted: list[int]) -> list[Outcome]:
    event = content.events.get(due.event)
    if event is None:
        return []  # a mod that defined it is gone
    own = state.sides[side]
    rng = Rng.stream(state.seed, "follow_up", state.year, side, event.id, due.year)
    context = EvalContext(state, content, side, rng=rng, cause=event.id, subject=due.subject)
    reason = ""
    if not in_scenario(state, event) or not event.first_year <= state.year <= event.last_year:
        reason = "its time has passed"
    elif event.once and event.id in own.fired:
        reason = "it has already happened"
    elif speaker_absent(state, content, side, event):
        reason = f"{content.characters[event.speaker].short} no longer serves"
    elif event.trigger is not None and not event.trigger(context):
        reason = "it no longer applies"
    elif not rng.chance(event.chance):
        reason = "it did not come to pass"
    if reason:
        return [EventLapsed(side=side, event=event.id, reason=reason, cause_event=due.cause_event, cause_choice=due.cause_choice)]
    item = Pending(event=event.id, year=state.year, source="follow_up", subject=due.subject, cause_event=due.cause_event,
                   cause_choice=due.cause_choice, cause_year=due.year)
    return _arrive(state, content, side, event, item, context, posted)


def _arrive(state: GameState, content: Content, side: str, event: Event, item: Pending, context: EvalContext,
            posted: list[int]) -> list[Outcome]:
    """An event reaches the side's briefing: news is applied, a dilemma is posted (or held over past the cap)."""
    own = state.sides[side]
    own.fired[event.id] = state.year
    item.year = state.year
    item.variant = pick_variant(event, context)
    waits = event.kind == "dilemma" and posted[0] >= rules.MAX_DILEMMAS_PER_YEAR
    fired = fired_outcome(state, content, side, event, item, waits)
    if event.kind != "dilemma":
        own.briefing.append(item)
        context.cause = event.id
        for effect in event.effects:
            effect(context)
        return [fired, *context.outcomes]
    if waits:
        item.why_waiting = f"more than {rules.MAX_DILEMMAS_PER_YEAR} decisions came this year"
        own.waiting.append(item)
        return [fired]
    posted[0] += 1
    own.pending.append(item)
    own.briefing.append(item)
    choices.hold_for_default(state, content, side, item)
    return [fired]


def fired_outcome(state: GameState, content: Content, side: str, event: Event, item: Pending, waits: bool) -> EventFired:
    opinion = characters.standing(state, content, side, event.speaker).opinion if event.speaker in content.characters else -1
    return EventFired(side=side, event=event.id, year=item.year, dilemma=event.kind == "dilemma", source=item.source,
                      variant=item.variant, subject=tuple(sorted(item.subject.items())), cause_event=item.cause_event,
                      cause_choice=item.cause_choice, cause_year=item.cause_year, waits=waits, opinion=opinion)


def find_choice(event: Event, choice_id: str) -> Choice | None:
    for choice in event.choices:
        if choice.id == choice_id:
            return choice
    return None


def find_pending(state: GameState, side: str, event_id: str) -> Pending | None:
    for item in state.sides[side].pending:
        if item.event == event_id:
            return item
    return None


def context_for(state: GameState, content: Content, side: str, item: Pending, choice: str = "") -> EvalContext:
    """The context a pending dilemma's choices are judged and run in (its hook's subject included)."""
    rng = Rng.stream(state.seed, "choice", state.year, side, item.event)
    return EvalContext(state, content, side, rng=rng, cause=item.event, choice=choice, subject=item.subject)


def choose(
    state: GameState, content: Content, side: str, event_id: str, choice_id: str, crew_id: str = "",
    by_default: bool = False,
) -> list[Outcome]:
    """Settle a pending dilemma (already validated): pay the choice's cost, apply its effects, take it off the list."""
    own = state.sides[side]
    event = content.events[event_id]
    choice = find_choice(event, choice_id)
    item = find_pending(state, side, event_id)
    assert choice is not None and item is not None, "validated by the caller"
    context = context_for(state, content, side, item, choice_id)
    available = tuple(option.id for option in event.choices if not choices.unmet(option, context))
    own.pending.remove(item)
    outcomes: list[Outcome] = [ChoiceMade(side=side, event=event_id, choice=choice_id, by_default=by_default,
                                          available=available, text_variant=pick_variant(choice, context, "text"),
                                          result_variant=pick_variant(choice, context, "result"),
                                          subject=tuple(sorted(item.subject.items())))]
    outcomes.extend(choices.pay(state, content, side, event, choice, crew_id, item.held))
    for effect in choice.effects:
        effect(context)
    outcomes.extend(context.outcomes)
    return outcomes


def settle_undecided(state: GameState, content: Content, side: str) -> list[Outcome]:
    """At year end, every dilemma still open takes its default choice (paid from the money set aside for it)."""
    outcomes: list[Outcome] = []
    for item in list(state.sides[side].pending):
        choice = content.events[item.event].default_choice() if item.event in content.events else None
        if choice is None:
            state.sides[side].funds += item.held
            state.sides[side].pending.remove(item)
            continue
        outcomes.extend(choose(state, content, side, item.event, choice.id, by_default=True))
    return outcomes
