"""An event as the outcome that brought it tells it, for a card shown after the year has turned: news a hook
raised during last year's flights is no longer in the new year's briefing, so its subject, text variant and
cause come from the `EventFired` outcome instead (decisions still open are read from the state as usual)."""

from __future__ import annotations

from game.engine.defs import Content
from game.engine.outcomes import EventFired
from game.engine.state import GameState, Pending

from . import story


def arrival_view(state: GameState, content: Content, side: str, fired: EventFired) -> story.EventView:
    own = state.sides[side]
    if any(item.event == fired.event for item in (*own.pending, *own.waiting)):
        return story.event_view(state, content, side, fired.event)
    event = content.events[fired.event]
    item = Pending(event=fired.event, year=fired.year, variant=fired.variant, source=fired.source,
                   subject=dict(fired.subject), cause_event=fired.cause_event, cause_choice=fired.cause_choice,
                   cause_year=fired.cause_year)
    cause = story.cause_line(content, state, side, item.cause_event, item.cause_choice, item.cause_year)
    return story.EventView(
        id=fired.event, kind=event.kind, title=story.event_title(content, state, side, event, item),
        text=story.event_text(content, state, side, event, item), pending=False, waiting="",
        speaker=story.speaker_view(state, content, side, event.speaker) if event.speaker else None, cause=cause,
        choices=story.choice_views(content, state, side, event, None), held=0, history=event.history.note,
        image=event.image,
    )
