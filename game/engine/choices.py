"""A dilemma's choices: which may be taken now (and in plain words why not), what each costs, and paying it.

A choice's condition greys it out with the reason; its cost is paid when it is taken, or refused with a
reason when it cannot be. The default choice's money is set aside when the dilemma reaches the briefing, so not
deciding costs what deciding would have, and the year's money cannot be spent out from under it.
"""

from __future__ import annotations

from . import crew as crew_rules
from . import rules
from .context import EvalContext
from .defs import Choice, Content, Event
from .outcomes import Changed, ChoiceCostPaid, Outcome
from .state import CrewMember, GameState, Pending, SideState


def capacity(own: SideState) -> int:
    """Launches the side may book this year: its pads', less those its choices gave up."""
    return max(own.pads * rules.LAUNCHES_PER_PAD - own.launches_given_up, 0)


def unmet(choice: Choice, context: EvalContext) -> list[str]:
    """The plain words of each part of the choice's condition that does not hold now (empty: it may be taken)."""
    if choice.condition is None or choice.condition(context):
        return []
    missing = [part.words for part in choice.requirements if not part.test(context)]
    return missing or [choice.condition_text]


def why_unavailable(choice: Choice, context: EvalContext) -> str:
    """Why a choice is greyed out, in words: the author's own, or what its condition still needs ("" if none)."""
    missing = unmet(choice, context)
    if not missing:
        return ""
    return choice.unavailable or "needs " + _join(missing)


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def why_cannot_pay(state: GameState, content: Content, side: str, event: Event, choice: Choice, crew_id: str | None,
                   held: int = 0) -> str:
    """Why the side cannot pay the choice's cost now ("" when it can); `held` is money set aside for it. With
    crew_id None (a player still to name the crew member) it is enough that someone could be given up."""
    own = state.sides[side]
    cost = choice.cost
    if cost.funds > own.funds + held:
        return f"it costs ${cost.funds}M and only ${own.funds + held}M is left this year"
    if cost.launches:
        after = capacity(own) - cost.launches
        if len(own.scheduled) > after:
            return (f"it gives up {_launches(cost.launches)} this year, and {len(own.scheduled)} of your "
                    f"{capacity(own)} launches are booked: cancel a flight first")
    if cost.crew and crew_id is None:
        return "" if releasable(state, content, side) else "no crew member is free to go: everyone is booked or away"
    if cost.crew:
        return why_not_release(state, content, side, crew_id or "")
    return ""


def releasable(state: GameState, content: Content, side: str) -> list[CrewMember]:
    """Crew members a choice could give up now: active, not booked on this year's flights (candidates included)."""
    own = state.sides[side]
    booked = {crew_id for item in own.scheduled for crew_id in item.crew}
    return [member for member in own.crew if member.status == "active" and member.id not in booked]


def _launches(count: int) -> str:
    return "1 launch" if count == 1 else f"{count} launches"


def why_not_release(state: GameState, content: Content, side: str, crew_id: str) -> str:
    """Why this crew member cannot be given up for a choice ("" when they can)."""
    own = state.sides[side]
    if not crew_id:
        return "it costs a crew member: name who (choose DECISION CHOICE crew=NAME)"
    member = own.crew_by_id(crew_id)
    if member is None:
        return f"there is no crew member {crew_id!r}"
    if member.status != "active":
        return f"{member.name} is not on active duty ({member.status})"
    for item in own.scheduled:
        if crew_id in item.crew:
            name = content.missions[item.mission].name
            return f"{member.name} is booked on #{item.number} ({name}) this year: cancel it or fly another crew first"
    return ""


def would_collapse(state: GameState, side: str, choice: Choice) -> bool:
    """Taking the choice would drive support to nothing (a program with no support collapses at year end)."""
    own = state.sides[side]
    return choice.cost.support > 0 and own.support - choice.cost.support <= rules.SUPPORT_MIN < own.support


def pay(state: GameState, content: Content, side: str, event: Event, choice: Choice, crew_id: str,
        held: int) -> list[Outcome]:
    """Pay a choice's cost (already checked with why_cannot_pay): money, support, launches, a crew member."""
    own = state.sides[side]
    cost = choice.cost
    outcomes: list[Outcome] = []
    own.funds += held  # what was set aside comes back, and the choice pays from it
    if not cost:
        return outcomes
    funds = min(cost.funds, own.funds)
    own.funds -= funds
    if funds:
        own.ledger["decisions"] = own.ledger.get("decisions", 0) + funds
    before = own.support
    own.support = min(max(own.support - cost.support, rules.SUPPORT_MIN), rules.SUPPORT_MAX)
    own.launches_given_up += cost.launches
    outcomes.append(ChoiceCostPaid(side=side, event=event.id, choice=choice.id, funds=funds, support=before - own.support,
                                   launches=cost.launches))
    if own.support != before:
        outcomes.append(Changed(side=side, what="support", amount=own.support - before, cause=event.id, value=own.support))
    if cost.crew:
        member = own.crew_by_id(crew_id)
        if member is not None and member.status == "active":
            outcomes.append(crew_rules.release(state, side, member, leaves=cost.crew == "leaves", cause=event.id))
    return outcomes


def hold_for_default(state: GameState, content: Content, side: str, pending: Pending) -> None:
    """Set aside the default choice's money when the dilemma reaches the briefing."""
    choice = content.events[pending.event].default_choice()
    if choice is None or not choice.cost.funds:
        return
    own = state.sides[side]
    pending.held = min(choice.cost.funds, own.funds)
    own.funds -= pending.held
