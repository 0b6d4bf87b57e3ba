"""Characters: advisors and leaders with an opinion of the player that choices move and that they remember.

A character serves their side in the years history gave them (a scenario may change that), arrives and leaves
at a year's start, and resigns when their opinion falls to their limit. Every change of opinion is kept with the
event and choice that caused it, so a player can ask any of them where they stand and why.
"""

from __future__ import annotations

from .context import EvalContext
from .defs import CharacterDef, Content
from .outcomes import CharacterJoined, CharacterLeft, OpinionChanged, Outcome
from .state import CharacterState, GameState, Memory

OPINION_MIN, OPINION_MAX = 0, 100


def in_scenario(content: Content, state: GameState, character: CharacterDef) -> bool:
    return not character.scenarios or state.scenario in character.scenarios


def ensure(state: GameState, content: Content, side: str) -> None:
    """Give the side every character of its own it does not have yet (a new game, an older save, a mod added)."""
    setup = content.scenarios[state.scenario].setups[side]
    own = state.sides[side]
    for character_id in sorted(content.characters):  # determinism: sorted ids
        character = content.characters[character_id]
        if character.side != side or character_id in own.characters or not in_scenario(content, state, character):
            continue
        first, last = setup.service.get(character_id, (character.first, character.last))
        opinion = min(max(setup.opinions.get(character_id, character.opinion), OPINION_MIN), OPINION_MAX)
        status = "upcoming" if first > state.year else "serving" if last >= state.year else "left"
        own.characters[character_id] = CharacterState(opinion=opinion, status=status, first=first, last=last,
                                                      left=last if status == "left" else 0,
                                                      reason="history" if status == "left" else "")


def year_begins(state: GameState, content: Content, side: str) -> list[Outcome]:
    """Arrivals, departures when history says, and resignations of those whose opinion has collapsed."""
    ensure(state, content, side)
    outcomes: list[Outcome] = []
    met = [(character_id, standing, content.characters[character_id])  # determinism: sorted ids
           for character_id, standing in sorted(state.sides[side].characters.items()) if character_id in content.characters]
    for character_id, standing, character in met:  # those who go first, then those who come
        if standing.status != "serving":
            continue
        if standing.last < state.year:
            _leave(standing, state.year, "history")
            outcomes.append(CharacterLeft(side=side, character=character_id, reason="history"))
        elif character.resigns_below and standing.opinion <= character.resigns_below:
            _leave(standing, state.year, "resigned")
            outcomes.append(CharacterLeft(side=side, character=character_id, reason="resigned"))
    for character_id, standing, _ in met:
        if standing.status == "upcoming" and standing.first <= state.year <= standing.last:
            standing.status = "serving"
            outcomes.append(CharacterJoined(side=side, character=character_id))
        elif standing.status == "upcoming" and standing.last < state.year:  # their years passed unseen
            _leave(standing, state.year, "history")
    return outcomes


def _leave(standing: CharacterState, year: int, reason: str) -> None:
    standing.status = "left"
    standing.left = year
    standing.reason = reason


def standing(state: GameState, content: Content, side: str, character_id: str) -> CharacterState:
    """Where a character stands with the side (as history starts them, for one the state has not met yet)."""
    found = state.sides[side].characters.get(character_id)
    if found is not None:
        return found
    character = content.characters[character_id]
    return CharacterState(opinion=character.opinion, status="upcoming", first=character.first, last=character.last)


def serving(state: GameState, content: Content, side: str, character_id: str) -> bool:
    return standing(state, content, side, character_id).status == "serving"


def change_opinion(ctx: EvalContext, character_id: str, amount: int) -> None:
    """Move a character's opinion of this side, remembering the event and choice that moved it."""
    ensure(ctx.state, ctx.content, ctx.side)
    found = ctx.own.characters.get(character_id)
    if found is None or amount == 0:
        return  # the other side's character, or one not in this scenario: the checker warns about both
    before = found.opinion
    found.opinion = min(max(before + amount, OPINION_MIN), OPINION_MAX)
    found.memory.append(Memory(year=ctx.state.year, event=ctx.cause, choice=ctx.choice, amount=found.opinion - before))
    ctx.outcomes.append(OpinionChanged(side=ctx.side, character=character_id, amount=found.opinion - before,
                                       value=found.opinion, cause=ctx.cause, choice=ctx.choice))


def dismiss(ctx: EvalContext, character_id: str, reason: str = "dismissed") -> None:
    """End a character's service now: a purge or a man pushed aside (dismissed), or a death or a resignation the
    event itself tells (history)."""
    found = ctx.own.characters.get(character_id)
    if found is None or found.status == "left":
        return
    _leave(found, ctx.state.year, reason)
    ctx.outcomes.append(CharacterLeft(side=ctx.side, character=character_id, reason=reason, cause=ctx.cause))


def appoint(ctx: EvalContext, character_id: str) -> None:
    """Bring a character into office now, ahead of history's year (a successor sworn in)."""
    ensure(ctx.state, ctx.content, ctx.side)
    found = ctx.own.characters.get(character_id)
    if found is None or found.status == "serving":
        return
    found.status = "serving"
    found.first = min(found.first, ctx.state.year)
    found.last = max(found.last, ctx.state.year)
    found.left, found.reason = 0, ""
    ctx.outcomes.append(CharacterJoined(side=ctx.side, character=character_id, cause=ctx.cause))


def leader(state: GameState, content: Content, side: str, year: int | None = None) -> CharacterDef | None:
    """The side's leader in a year (this one by default): the character with the leader's role in office then —
    one serving now first, then by id."""
    year = state.year if year is None else year
    found: list[tuple[bool, str, CharacterDef]] = []
    for character_id, standing in state.sides[side].characters.items():
        character = content.characters.get(character_id)
        if character is None or character.role != "leader" or standing.status == "upcoming":
            continue
        in_office = standing.first <= year <= standing.last and (standing.status == "serving" or year <= standing.left)
        if in_office:
            found.append((standing.status != "serving", character_id, character))
    return min(found, key=lambda entry: entry[:2])[2] if found else None  # determinism: ordered by status, then id


def mood(opinion: int) -> str:
    """An opinion in a word: hostile, cool, wary, warm, devoted."""
    return ("hostile", "cool", "wary", "warm", "devoted")[min(opinion // 20, 4)]
