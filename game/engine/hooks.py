"""Hooks: events that fire on what happens, not on the calendar. What happened (the engine's outcomes) is
matched, in the order it happened, against the events listening for it; news is told and applied at once (and
what it causes is matched in turn), a dilemma waits for the next briefing."""

from __future__ import annotations

from typing import Iterator

from . import missions
from .context import EvalContext
from .defs import SIDES, Content, Event, rival_of
from .events import fired_outcome, in_scenario, pick_variant, speaker_absent
from .outcomes import Changed, CrewLost, MilestoneClaimed, MissionFlew, Outcome
from .rng import Rng
from .state import GameState, Pending

MAX_CASCADE = 64  # hooked news firing hooked news: a guard against content that would never stop

Match = tuple[str, str, dict[str, str], str]  # hook, the side it concerns, its subject, a key for its dice


def dispatch(state: GameState, content: Content, happened: list[Outcome]) -> list[Outcome]:
    """The outcomes hooked events add for what happened (their own outcomes matched too, in order)."""
    if not content.hook_index:
        return []
    added: list[Outcome] = []
    queue = list(happened)
    fired: set[tuple[str, str]] = set()  # (side, event): once per dispatch, so news cannot feed itself
    index = 0
    while index < len(queue) and len(fired) < MAX_CASCADE:
        for hook, side, subject, key in _matches(state, content, queue[index]):
            for event in content.events_on(hook):
                new = _fire(state, content, event, side, subject, key, fired)
                queue.extend(new)
                added.extend(new)
        index += 1
    return added


def _matches(state: GameState, content: Content, outcome: Outcome) -> Iterator[Match]:
    if isinstance(outcome, MilestoneClaimed):
        subject = {"milestone": outcome.milestone, "mission": outcome.mission, "by": outcome.side,
                   "first": "yes" if outcome.first else "no"}
        key = f"{outcome.milestone}/{outcome.side}"
        for side in SIDES:  # determinism: fixed side order
            yield "milestone_claimed", side, subject, key
        if outcome.first:
            yield "rival_first", rival_of(outcome.side), subject, key
    elif isinstance(outcome, MissionFlew) and outcome.result not in ("success", "cruising"):
        hook = "catastrophe" if outcome.result == "catastrophe" else "mission_failed"
        subject = {"mission": outcome.mission, "program": _failed_program(state, content, outcome),
                   "result": outcome.result, "crewed": "yes" if outcome.crew else "no"}
        yield hook, outcome.side, subject, f"{outcome.number}"
    elif isinstance(outcome, CrewLost):
        mission = outcome.cause if outcome.cause in content.missions else ""
        subject = {"crew": outcome.crew, "mission": mission, "training": "no" if mission else "yes"}
        yield "crew_lost", outcome.side, subject, outcome.crew
    elif isinstance(outcome, Changed) and outcome.what == "support" and outcome.value is not None and outcome.amount < 0:
        before = outcome.value - outcome.amount
        yield "support_below", outcome.side, {"before": str(before), "after": str(outcome.value)}, f"{before}>{outcome.value}"


def _failed_program(state: GameState, content: Content, outcome: MissionFlew) -> str:
    """The program whose step failed (the flight's rocket, craft or lander, or the station it visited)."""
    failed = next((result for result in outcome.steps if not result.passed), None)
    mission = content.missions.get(outcome.mission)
    step = next((step for step in mission.steps if failed and step.id == failed.step), None) if mission else None
    if step is None:
        return ""
    loadout = missions.Loadout(outcome.rocket, outcome.craft, outcome.lander, outcome.crew)
    return missions.hardware_for(state, outcome.side, step.uses, loadout)


def _fire(state: GameState, content: Content, event: Event, side: str, subject: dict[str, str], key: str,
          fired: set[tuple[str, str]]) -> list[Outcome]:
    own = state.sides[side]
    if side not in event.sides or not in_scenario(state, event) or (side, event.id) in fired:
        return []
    if not event.first_year <= state.year <= event.last_year or (event.once and event.id in own.fired):
        return []
    if event.on == "support_below" and not int(subject["after"]) < event.threshold <= int(subject["before"]):
        return []
    if speaker_absent(state, content, side, event):
        return []
    rng = Rng.stream(state.seed, "hook", state.year, side, event.id, key)
    context = EvalContext(state, content, side, rng=rng, cause=event.id, subject=subject)
    if event.trigger is not None and not event.trigger(context):
        return []
    if not rng.chance(event.chance):
        return []
    fired.add((side, event.id))
    own.fired[event.id] = state.year
    item = Pending(event=event.id, year=state.year, source="hook", subject=dict(subject))
    item.variant = pick_variant(event, context)
    if event.kind == "dilemma":  # decided at the next briefing, with the rest of the year's decisions
        item.why_waiting = "it came up during the year"
        own.waiting.append(item)
        return [fired_outcome(state, content, side, event, item, waits=True)]
    own.briefing.append(item)
    for effect in event.effects:
        effect(context)
    return [fired_outcome(state, content, side, event, item, waits=False), *context.outcomes]
