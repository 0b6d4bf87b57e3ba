"""How the AI settles a dilemma: it weighs each choice it may take by what a player can see of it — its cost and
the effects it declares — valued from its own state (money is worth more when money is short, support more
when support is low), never by the hidden follow-ups a player cannot see. It takes the best, or now and then
one nearly as good (as people do: the nearer in value, the likelier); the content's `ai` weight only tips the
balance between choices it values alike.

Values are in tenths of a prestige point: the currency the race is scored in.
"""

from __future__ import annotations

from typing import Any, Callable

from . import choices, events, research
from .context import EvalContext
from .defs import Choice, Content, Event
from .orders import Choose, Order
from .rng import Rng
from .state import GameState, Pending

Submit = Callable[[Order], bool]

YEAR_OF_BUDGET = 60  # a whole year's budget is worth this much prestige to a side
RIVAL_PRESTIGE = 7  # tenths: the rival's prestige counts 0.7 against this side
COLLAPSE = -1000  # a choice that leaves support at nothing
LAUNCH = 8  # a launch given up this year
CREW_LEAVES, CREW_SITS_OUT = 4, 2
PAD = 6
OPINION = 3  # tenths of a point per point of a character's opinion
MAX_DEPTH = 4  # named effect lists calling each other (cycles are refused at load)
NEAR = 80  # tenths of a point: choices valued within this of the best are sometimes taken instead


def decide(state: GameState, content: Content, side: str, submit: Submit) -> None:
    """Take the best choice open to the side in each dilemma waiting for it."""
    for item in list(state.sides[side].pending):
        event = content.events.get(item.event)
        if event is None:
            continue
        rng = Rng.stream(state.seed, "ai_choice", state.year, side, event.id)
        picked = pick_choice(state, content, side, event, item, rng)
        if picked is not None:
            submit(Choose(side=side, event=event.id, choice=picked[0].id, crew=picked[1]))


def pick_choice(state: GameState, content: Content, side: str, event: Event, item: Pending,
                rng: Rng) -> tuple[Choice, str] | None:
    """The best choice open to the side, or sometimes one valued nearly as well (weighted by how near, and by
    the content's `ai` hint); None when no choice can be taken."""
    scored = score_choices(state, content, side, event, item)
    if not scored:
        return None
    best = max(entry[0] for entry in scored)
    weighted = [((choice, crew), (NEAR - (best - score)) * ai) for score, ai, _, choice, crew in scored
                if best - score < NEAR]
    if all(weight <= 0 for _, weight in weighted):  # every near choice has ai = 0: take the best anyway
        _, _, _, choice, crew = max(scored, key=lambda entry: entry[:3])
        return choice, crew
    return rng.weighted(weighted)


def score_choices(state: GameState, content: Content, side: str, event: Event,
                  item: Pending) -> list[tuple[int, int, int, Choice, str]]:
    """(value, ai hint, -index, choice, crew to give up) for each choice the side may take and pay for."""
    scored: list[tuple[int, int, int, Choice, str]] = []
    for index, choice in enumerate(event.choices):
        context = events.context_for(state, content, side, item, choice.id)
        if choices.why_unavailable(choice, context):
            continue
        crew = _crew_to_give_up(state, content, side) if choice.cost.crew else ""
        if choices.why_cannot_pay(state, content, side, event, choice, crew, item.held):
            continue
        scored.append((value(state, content, side, choice, context), choice.ai, -index, choice, crew))
    return scored


def _crew_to_give_up(state: GameState, content: Content, side: str) -> str:
    """The crew member the side can best spare: the least experienced, then the least skilled (by id)."""
    free = choices.releasable(state, content, side)
    if not free:
        return ""
    spare = min(free, key=lambda m: (m.flights, m.piloting + m.eva + m.docking + m.endurance, m.id))
    return spare.id


def money_value(state: GameState, side: str, amount: int) -> int:
    """Prestige a sum of money is worth to the side this year (tenths are kept by scaling by 10)."""
    budget = max(state.sides[side].budget, 200)
    return amount * YEAR_OF_BUDGET * 10 // budget


def support_value(state: GameState, side: str, change: int) -> int:
    """Support is worth more the nearer the side is to collapse; none at all is the end."""
    level = state.sides[side].support
    after = level + change
    if after <= 0 < level:
        return COLLAPSE * 10
    urgency = 15 + max(0, 40 - min(level, after)) // 2  # tenths of a point per support point
    return change * urgency


def value(state: GameState, content: Content, side: str, choice: Choice, context: EvalContext) -> int:
    """What taking the choice is worth to the side, in tenths of a prestige point."""
    cost = choice.cost
    total = -money_value(state, side, cost.funds) + support_value(state, side, -cost.support) - cost.launches * LAUNCH * 10
    if cost.crew:
        total -= (CREW_LEAVES if cost.crew == "leaves" else CREW_SITS_OUT) * 10
    return total + _effects_value(state, content, side, choice.effects, context, 0)


def _effects_value(state: GameState, content: Content, side: str, effects: tuple[Any, ...], context: EvalContext,
                   depth: int) -> int:
    total = 0
    started: set[str] = set()
    for effect in effects:
        call = getattr(effect, "call", None)
        if call is None:
            continue
        total += _call_value(state, content, side, call.name, call.values(context), context, depth, started)
    return total


def _call_value(state: GameState, content: Content, side: str, name: str, args: tuple[Any, ...], context: EvalContext,
                depth: int, started: set[str]) -> int:
    own = state.sides[side]
    if name == "add_prestige":
        return args[0] * 10
    if name == "add_rival_prestige":
        return -args[0] * RIVAL_PRESTIGE
    if name == "add_support":
        return support_value(state, side, args[0])
    if name == "add_rival_support":
        return -args[0] * 3
    if name == "add_funds":
        return money_value(state, side, args[0])
    if name == "start_program" and args[0] not in own.programs and content.hardware[args[0]].side == side:
        started.add(args[0])
        return money_value(state, side, content.hardware[args[0]].start_cost) + 20
    if name == "add_research" and (args[0] in own.programs or args[0] in started):
        hardware = content.hardware[args[0]]
        useful = min(args[1], research.development_left(hardware, own.programs.get(args[0])) + hardware.research_scale)
        return money_value(state, side, useful) * 8 // 10
    if name in ("recruit", "recruit_women"):
        return args[0] * 5
    if name == "injure_crew":
        return -args[0] * 10
    if name == "lose_veteran":
        return -30
    if name == "add_pads":
        return args[0] * PAD * 10
    if name == "ground" and args[0] in own.programs:
        return -50
    if name == "add_opinion" and content.characters.get(args[0]) is not None and content.characters[args[0]].side == side:
        return args[1] * OPINION
    if name == "dismiss":
        return -30
    if name == "apply" and depth < MAX_DEPTH:
        return _effects_value(state, content, side, content.effect_lists[args[0]].effects, context, depth + 1)
    if name == "promise" and depth < MAX_DEPTH:
        promise = content.promises[args[0]]
        kept = _effects_value(state, content, side, promise.kept, context, depth + 1)
        broken = _effects_value(state, content, side, promise.broken, context, depth + 1)
        return (kept + broken) // 2  # the AI cannot know; it counts the even chance
    return 0  # flags, variables, follow-ups: a player cannot see what they will bring
