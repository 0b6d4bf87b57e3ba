"""Consequences kept in the state: content's variables, follow-ups scheduled for later years, and promises.

Each lives in the side's state, so it saves, replays and checksums like everything else, and each remembers the
event and choice that caused it, so the ledger can show it coming and the report can say why it came.
"""

from __future__ import annotations

from .context import EvalContext
from .defs import SIDES, Content
from .outcomes import Changed, FollowUpScheduled, Outcome, PromiseMade, PromiseSettled
from .rng import Rng
from .state import FollowUp, GameState, PromiseState

# -- variables --------------------------------------------------------------------------------------


def variable(state: GameState, content: Content, side: str, variable_id: str) -> int:
    """A variable's value for a side (its default until something sets it)."""
    found = state.sides[side].variables.get(variable_id)
    if found is not None:
        return found
    definition = content.variables.get(variable_id)
    return definition.default if definition else 0


def set_variable(ctx: EvalContext, variable_id: str, value: int, side: str | None = None) -> None:
    """Set a variable, clamped to its range, and report the change (visible variables are narrated)."""
    side = side or ctx.side
    definition = ctx.content.variables[variable_id]
    before = variable(ctx.state, ctx.content, side, variable_id)
    after = definition.clamp(value)
    ctx.state.sides[side].variables[variable_id] = after
    if after != before:
        ctx.outcomes.append(Changed(side=side, what="variable", amount=after - before, subject=variable_id,
                                    cause=ctx.cause, value=after))


def start_variables(state: GameState, content: Content, side: str) -> None:
    """Give the side every variable it keeps, at the scenario's starting value or the default."""
    setup = content.scenarios[state.scenario].setups[side]
    own = state.sides[side]
    for variable_id in sorted(content.variables):  # determinism: sorted ids
        definition = content.variables[variable_id]
        if side in definition.sides and variable_id not in own.variables:
            own.variables[variable_id] = definition.clamp(setup.variables.get(variable_id, definition.default))


# -- follow-ups -------------------------------------------------------------------------------------


def schedule(ctx: EvalContext, event_id: str, first: int, last: int) -> None:
    """Schedule a follow-up event first–last years from now (at least next year); the year it comes due is drawn
    now, the chance of it happening is rolled when it does."""
    first = max(first, 1)
    last = max(last, first)
    delay = first if ctx.rng is None or first == last else ctx.rng.between(first, last)
    year = ctx.state.year
    ctx.own.followups.append(FollowUp(event=event_id, due=year + delay, first=year + first, last=year + last, year=year,
                                      cause_event=ctx.cause, cause_choice=ctx.choice, subject=dict(ctx.subject)))
    event = ctx.content.events[event_id]
    ctx.outcomes.append(FollowUpScheduled(side=ctx.side, event=event_id, first=year + first, last=year + last,
                                          foreseen=bool(event.foreseen), cause=ctx.cause, choice=ctx.choice))


def take_due(state: GameState, side: str) -> list[FollowUp]:
    """The side's follow-ups due this year (or overdue, after a save from another version), in the order they
    were scheduled; they leave the list."""
    own = state.sides[side]
    due = [item for item in own.followups if item.due <= state.year]
    own.followups = [item for item in own.followups if item.due > state.year]
    return due


# -- promises ---------------------------------------------------------------------------------------


def open_promise(state: GameState, side: str, promise_id: str) -> PromiseState | None:
    for promise in state.sides[side].promises:
        if promise.promise == promise_id and promise.status == "open":
            return promise
    return None


def make_promise(ctx: EvalContext, promise_id: str) -> None:
    """Make a promise (nothing happens if the same one is already open)."""
    if open_promise(ctx.state, ctx.side, promise_id) is not None:
        return
    definition = ctx.content.promises[promise_id]
    deadline = definition.deadline_from(ctx.state.year)
    ctx.own.promises.append(PromiseState(promise=promise_id, made=ctx.state.year, deadline=deadline,
                                         cause_event=ctx.cause, cause_choice=ctx.choice))
    ctx.outcomes.append(PromiseMade(side=ctx.side, promise=promise_id, deadline=deadline, cause=ctx.cause, choice=ctx.choice))


def start_promises(state: GameState, content: Content, side: str) -> None:
    """The scenario's promises in force from the start (made the year before it begins)."""
    for promise_id in content.scenarios[state.scenario].setups[side].promises:
        definition = content.promises[promise_id]
        if open_promise(state, side, promise_id) is None:
            made = state.start_year - 1
            state.sides[side].promises.append(PromiseState(promise=promise_id, made=made,
                                                           deadline=definition.deadline_from(made)))


def settle_promises(state: GameState, content: Content) -> list[Outcome]:
    """At the year's end: every open promise whose condition holds is kept; one whose deadline year is ending
    without it is broken. Their consequences follow at once."""
    outcomes: list[Outcome] = []
    for side in SIDES:  # determinism: fixed side order, promises in the order made
        for promise in list(state.sides[side].promises):
            if promise.status != "open":
                continue
            definition = content.promises.get(promise.promise)
            if definition is None:
                continue  # a mod that defined it is gone; the ledger still lists it
            rng = Rng.stream(state.seed, "promise", state.year, side, promise.promise)
            context = EvalContext(state, content, side, rng=rng, cause=promise.promise, choice="")
            kept = bool(definition.condition(context))
            if not kept and state.year < promise.deadline:
                continue
            promise.status = "kept" if kept else "broken"
            promise.settled = state.year
            outcomes.append(PromiseSettled(side=side, promise=promise.promise, kept=kept, year=state.year))
            for effect in definition.kept if kept else definition.broken:
                effect(context)
            outcomes.extend(context.outcomes)
    return outcomes
