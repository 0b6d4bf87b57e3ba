"""Events as a side reads them: the text variant and placeholders that fit, who speaks and how they feel about
you, what earlier choice brought the event about, and a dilemma's choices with what each costs and whether it
may be taken now (and if not, why), for both front ends."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from game.engine import characters, choices, events
from game.engine.defs import Choice, Content, Event, rival_of
from game.engine.outcomes import EventFired
from game.engine.state import GameState, Pending

from . import effect_words
from .text import cap, crew_list, fill, hardware_name, money, side_name

NO_SUBJECT: Mapping[str, str] = {}


def event_values(content: Content, state: GameState, side: str, subject: Mapping[str, str] = NO_SUBJECT,
                 speaker: str = "", year: int = 0) -> dict[str, str]:
    """What each {placeholder} in an event's text becomes for this side: names of the sides, the year, the
    leader in office, every character by id, the speaker, and what a hook passed. `year` is when the event came
    (this year by default), so a text read later still names the leader of its day."""
    year = year or state.year
    leader = characters.leader(state, content, side, year)
    values = {
        "side_name": side_name(content, side),
        "rival_name": side_name(content, rival_of(side)),
        "year": str(year),
        "leader": leader.addressed if leader else content.texts.get(f"leader_{side}", "the leadership"),
        "agency": content.texts.get(f"agency_{side}", "the program"),
    }
    for character_id, character in content.characters.items():
        values[character_id] = character.short
    if speaker in content.characters:
        values["speaker"] = content.characters[speaker].name
    values.update(subject_values(content, state, side, subject))
    return values


def subject_values(content: Content, state: GameState, side: str, subject: Mapping[str, str]) -> dict[str, str]:
    """A hook's subject as names: {milestone} {mission} {program} {crew} {by}."""
    found: dict[str, str] = {}
    if subject.get("milestone") in content.milestones:
        found["milestone"] = content.milestones[subject["milestone"]].name
    if subject.get("mission") in content.missions:
        found["mission"] = content.missions[subject["mission"]].name
    if subject.get("program"):
        found["program"] = hardware_name(content, subject["program"])
    if subject.get("crew"):
        found["crew"] = crew_list(state, side, [subject["crew"]])[0]
    if subject.get("by"):
        found["by"] = side_name(content, subject["by"])
    if subject.get("result"):
        found["result"] = RESULT_PHRASES.get(subject["result"], subject["result"])
    return found


RESULT_PHRASES = {"failure": "failed", "partial": "fell short", "catastrophe": "was lost"}  # {result}: "the flight …"


def came_as(fired: EventFired) -> Pending:
    """How an event arrived, as its EventFired outcome tells it."""
    return Pending(event=fired.event, year=fired.year, variant=fired.variant, source=fired.source,
                   subject=dict(fired.subject), cause_event=fired.cause_event, cause_choice=fired.cause_choice,
                   cause_year=fired.cause_year)


def arrival(state: GameState, side: str, event_id: str) -> Pending | None:
    """How an event reached the side: waiting for a choice, held over, or in this year's briefing."""
    own = state.sides[side]
    for item in (*own.pending, *own.waiting, *reversed(own.briefing)):
        if item.event == event_id:
            return item
    return None


def event_text(content: Content, state: GameState, side: str, event: Event, item: Pending | None = None) -> str:
    """The event's body as the side reads it: the variant chosen when it came, its placeholders filled."""
    variants = event.variants.get("text", ())
    variant = item.variant if item is not None else -1
    template = variants[variant].text if 0 <= variant < len(variants) else event.text
    subject = item.subject if item is not None else NO_SUBJECT
    return fill(template, event_values(content, state, side, subject, event.speaker, item.year if item else 0))


def event_title(content: Content, state: GameState, side: str, event: Event, item: Pending | None = None) -> str:
    subject = item.subject if item is not None else NO_SUBJECT
    return fill(event.title, event_values(content, state, side, subject, event.speaker, item.year if item else 0))


def cause_line(content: Content, state: GameState, side: str, cause_event: str, cause_choice: str, cause_year: int) -> str:
    """Why a follow-up came: "This comes of your choice in 1961 on “A Goal We Can Win”: “Commit the nation…”."""
    if cause_event in content.promises:
        return f"This comes of the promise \u201c{content.promises[cause_event].name}\u201d."
    cause = content.events.get(cause_event)
    if cause is None:
        return ""
    when = f" in {cause_year}" if cause_year else ""
    chosen = events.find_choice(cause, cause_choice) if cause_choice else None
    values = event_values(content, state, side, year=cause_year)
    if chosen is not None:
        said = fill(chosen.text, values)
        stop = "" if said.endswith((".", "!", "?")) else "."
        return f"This comes of your choice{when} on \u201c{fill(cause.title, values)}\u201d: \u201c{said}\u201d{stop}"
    return f"This comes of \u201c{fill(cause.title, values)}\u201d{when}."


@dataclass(frozen=True, slots=True)
class SpeakerView:
    id: str
    name: str  # "Sergei Korolev"
    title: str  # "Chief Designer"
    opinion: int  # of you, 0–100
    mood: str  # hostile | cool | wary | warm | devoted


@dataclass(frozen=True, slots=True)
class ChoiceView:
    id: str
    text: str
    default: bool
    available: bool  # may be taken now
    reason: str  # why not ("" when it may be taken)
    costs: tuple[str, ...]  # "$300M", "2 support", "1 launch this year", "a crew member, who leaves the corps"
    warning: str  # said before it is taken: "support would fall to 0 …"
    needs_crew: bool  # the player names the crew member it costs
    effects: tuple[str, ...] = ()  # what it then does, signed: "+$500M", "support +10", "Webb's opinion −15"

    def price(self, held: int = 0) -> str:
        """Costs and effects on one line, the same on every front end: "Costs $300M; then support +10"."""
        return effect_words.price_line(self.costs, self.effects, held if self.default else 0)


@dataclass(frozen=True, slots=True)
class EventView:
    """One event as the side reads it (a decision waiting, one held over, or news)."""

    id: str
    kind: str  # news | dilemma
    title: str
    text: str
    pending: bool  # a decision waiting for the side's choice now
    waiting: str  # held over to the next briefing: why ("" when not)
    speaker: SpeakerView | None
    cause: str  # what earlier choice brought it about ("" when none)
    choices: tuple[ChoiceView, ...]
    held: int  # $M set aside for the default choice
    history: str
    image: str
    effects: str = ""  # news: what it did to money, support and prestige ("This costs $60M and 3 support.")
    year: int = 0  # when it came


def speaker_view(state: GameState, content: Content, side: str, character_id: str) -> SpeakerView | None:
    character = content.characters.get(character_id)
    if character is None:
        return None
    standing = characters.standing(state, content, side, character_id)
    return SpeakerView(character_id, character.name, character.title, standing.opinion, characters.mood(standing.opinion))


def cost_words(choice: Choice) -> tuple[str, ...]:
    cost = choice.cost
    words: list[str] = []
    if cost.funds:
        words.append(money(cost.funds))
    if cost.support:
        words.append(f"{cost.support} support")
    if cost.launches:
        words.append("1 launch this year" if cost.launches == 1 else f"{cost.launches} launches this year")
    if cost.crew == "leaves":
        words.append("a crew member, who leaves the corps")
    elif cost.crew == "sits_out":
        words.append("a crew member, who sits out the year")
    return tuple(words)


def choice_text(content: Content, state: GameState, side: str, event: Event, choice: Choice, field: str,
                item: Pending | None) -> str:
    """A choice's text or result, with the variant that fits now."""
    template = getattr(choice, field)
    if item is not None:
        context = events.context_for(state, content, side, item, choice.id)
        for variant in choice.variants.get(field, ()):
            if variant.when(context):
                template = variant.text
                break
    subject = item.subject if item is not None else NO_SUBJECT
    return fill(template, event_values(content, state, side, subject, event.speaker))


def choice_views(content: Content, state: GameState, side: str, event: Event, item: Pending | None) -> tuple[ChoiceView, ...]:
    found: list[ChoiceView] = []
    for choice in event.choices:
        reason = ""
        context = events.context_for(state, content, side, item, choice.id) if item is not None else None
        if item is not None and context is not None:
            reason = choices.why_unavailable(choice, context)
            if not reason:
                reason = choices.why_cannot_pay(state, content, side, event, choice, None, item.held)
        effects = effect_words.signed_words(effect_words.changes(content, choice.effects, context))
        warning = ("support would fall to 0, and a program with no support collapses at the year's end"
                   if choices.would_collapse(state, side, choice) else "")
        found.append(ChoiceView(choice.id, choice_text(content, state, side, event, choice, "text", item), choice.default,
                                not reason, cap(reason) if reason else "", cost_words(choice), warning,
                                bool(choice.cost.crew), effects))
    return tuple(found)


def event_view(state: GameState, content: Content, side: str, event_id: str, came: Pending | None = None) -> EventView:
    """The event as the side reads it; `came` tells how it arrived when the state no longer does (news a hook
    raised during last year's flights, shown after the year has turned)."""
    event = content.events[event_id]
    item = arrival(state, side, event_id) or came
    own = state.sides[side]
    pending = item is not None and item in own.pending
    cause = cause_line(content, state, side, item.cause_event, item.cause_choice, item.cause_year) if item else ""
    return EventView(
        id=event_id, kind=event.kind, title=event_title(content, state, side, event, item),
        text=event_text(content, state, side, event, item), pending=pending,
        waiting=item.why_waiting if item is not None and item in own.waiting else "",
        speaker=speaker_view(state, content, side, event.speaker) if event.speaker else None, cause=cause,
        choices=choice_views(content, state, side, event, item if pending else None),
        held=item.held if item is not None and pending else 0, history=event.history.note, image=event.image,
        effects=effect_words.news_sentence(effect_words.changes(content, event.effects)) if event.kind == "news" else "",
        year=item.year if item is not None else state.year,
    )
