"""The terminal's commands for decisions and their consequences: choose, decisions, ledger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app import story
from game.app.ledger import ledger
from game.engine.choices import releasable
from game.engine.orders import Choose

from .commandkit import CommandError, CommandNotice, _crew_names, _join_crew_names, _need
from .lookup import normalise, resolve

if TYPE_CHECKING:
    from .interpreter import TextGame


def cmd_choose(game: "TextGame", args: list[str]) -> None:
    usage = "choose DECISION CHOICE [crew=NAME] [confirm]   (or choose CHOICE when one decision is open)"
    _need(args, 1, usage)
    confirm = any(normalise(arg) == "confirm" for arg in args)
    args = _join_crew_names([arg for arg in args if normalise(arg) != "confirm"], month_may_end=False)
    options = dict(arg.split("=", 1) for arg in args if "=" in arg)
    words = [arg for arg in args if "=" not in arg and normalise(arg) != "confirm"]
    unknown = sorted(set(options) - {"crew"})
    if unknown:
        raise CommandError(f"unknown option {unknown[0]!r} (a choice that costs a crew member takes crew=NAME)")
    pending = game.state.sides[game.side].pending
    if not pending:
        raise CommandError("no decision is waiting for you")
    if len(words) == 1:
        if len(pending) > 1:
            open_ids = ", ".join(item.event for item in pending)
            raise CommandError(f"several decisions are open ({open_ids}); say which: choose DECISION CHOICE")
        event_id, choice_word = pending[0].event, words[0]
    elif not words:
        raise CommandError(f"Usage: {usage}")
    else:
        titles = {item.event: (game.content.events[item.event].title,) for item in pending}
        event_id, choice_word = resolve(words[0], titles, "open decision"), " ".join(words[1:])
    event = game.content.events[event_id]
    if len(words) == 1 and normalise(choice_word) == event_id:
        listed = ", ".join(choice.id for choice in event.choices)
        raise CommandError(f"say which choice: choose {event_id} CHOICE (one of: {listed})")
    choice_id = resolve(choice_word, {choice.id: () for choice in event.choices}, "choice")
    view = next(choice for choice in story.event_view(game.state, game.content, game.side, event_id).choices
                if choice.id == choice_id)
    crew = ""
    if options.get("crew"):
        shown = {member.id: f"{member.name} ({member.id})" for member in game.state.sides[game.side].crew}
        crew = resolve(options["crew"], _crew_names(game), "crew member", shown)
    elif view.needs_crew and view.available:
        spare = sorted(releasable(game.state, game.content, game.side), key=lambda member: (-member.flights, member.name))
        free = ", ".join(f"{member.name} ({member.flights} flights)" if member.flights else member.name
                         for member in spare[:8])
        raise CommandNotice(f"“{choice_id}” costs a crew member: say who, e.g. choose {event_id} {choice_id} "
                           f"crew=NAME (free to go: {free})")
    if view.warning and not confirm:
        raise CommandNotice(f"careful: {view.warning}. To take it anyway: choose {event_id} {choice_id} confirm")
    game.order(Choose(side=game.side, event=event_id, choice=choice_id, crew=crew))


def cmd_decisions(game: "TextGame", args: list[str]) -> None:
    from .examine import examine_event

    own = game.state.sides[game.side]
    if not own.pending:
        game.say("No decisions are waiting.")
    for item in own.pending:
        game.say(examine_event(game, item.event))
    for item in own.waiting:
        game.say(f"Waiting for next year's briefing: {game.content.events[item.event].title} ({item.why_waiting}).")


def cmd_ledger(game: "TextGame", args: list[str]) -> None:
    if args:
        raise CommandError("ledger takes no words: it lists everything it holds ('examine NAME' tells one person)")
    view = ledger(game.state, game.content, game.side)
    if view.empty:
        game.say("The ledger is empty: no promises made, nothing foreseen, nobody whose opinion you have moved yet.")
        return
    if view.waiting:
        game.say("Decisions waiting for next year's briefing:")
        for waiting in view.waiting:
            game.say(f"  {waiting.title} — {waiting.why}")
    if view.foreseen:
        game.say("Foreseen (what your choices will bring):")
        for foreseen in view.foreseen:
            game.say(f"  {foreseen.when}: {foreseen.text}  (because of {foreseen.cause})")
    if view.promises:
        game.say("Promises:")
        for promise in view.promises:
            status = (f"open, judged by the end of {promise.deadline}" if promise.status == "open"
                      else f"{promise.status} in {promise.settled}")
            game.say(f"  {promise.name} — {status}; {promise.origin[:1].lower()}{promise.origin[1:-1]}")
    if view.people:
        game.say("People (opinion of you, 0–100):")
        for person in view.people:
            trend = f", {'+' if person.trend > 0 else ''}{person.trend} lately" if person.trend else ""
            gone = f" — {person.left}" if person.left else ""
            game.say(f"  {person.name}, {person.title}: {person.opinion} {person.mood}{trend}{gone}")
            if person.reasons:
                game.say(f"      last: {person.reasons[0]}")
    if view.measures:
        game.say("Measures:")
        for measure in view.measures:
            game.say(f"  {measure.name}: {measure.value} ({measure.low}–{measure.high}) — {measure.description}")
    game.say("Consequences you cannot foresee are not listed: the report tells you which choice caused them when they come.")
