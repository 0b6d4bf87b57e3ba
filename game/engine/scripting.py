"""The names data files may use in conditions and effects: one registry of variables, one of functions.

Each entry carries a short doc and an "in a data file" example; the expression compiler checks names and
types against this registry at load, and the modders' reference is generated from it. Everything is
evaluated for one side ("this side") through an EvalContext.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from . import characters, choices, consequences, crew, research, rules
from .context import EvalContext
from .defs import rival_of
from .outcomes import Changed, FlagChanged, ProgramGrounded, ProgramStarted
from .state import CrewMember


@dataclass(frozen=True, slots=True)
class ScriptVariable:
    name: str
    type: str  # "int" | "bool" | "str", or a kind of id ("milestone" …)
    getter: Callable[[EvalContext], Any]
    doc: str
    example: str
    hooks: tuple[str, ...] = ()  # known only in events listening for these hooks (empty: known everywhere)


@dataclass(frozen=True, slots=True)
class ScriptFunction:
    name: str
    params: tuple[tuple[str, str], ...]  # (name, type): int | bool | str, or a kind of id (milestone, program, flag,
    # event, mission, variable, character, promise, effects)
    returns: str | None  # None for effects
    impl: Callable[..., Any]
    doc: str
    example: str
    effect: bool = False


def _active_crew(ctx: EvalContext) -> int:
    return sum(1 for member in ctx.own.crew if member.status == "active")


def _veterans(ctx: EvalContext) -> list[CrewMember]:
    """Active crew who have flown, most flights first (then the longest in the corps)."""
    flown = [member for member in ctx.own.crew if member.status == "active" and member.flights > 0]
    return sorted(flown, key=lambda member: (-member.flights, member.joined, member.id))


VARIABLES: dict[str, ScriptVariable] = {
    variable.name: variable
    for variable in (
        ScriptVariable("year", "int", lambda ctx: ctx.state.year, "The current year.", "year >= 1961"),
        ScriptVariable("prestige", "int", lambda ctx: ctx.own.prestige, "This side's prestige.", "prestige > rival_prestige"),
        ScriptVariable("rival_prestige", "int", lambda ctx: ctx.rival.prestige, "The rival's prestige.", "rival_prestige - prestige > 20"),
        ScriptVariable("support", "int", lambda ctx: ctx.own.support, "Government and public support, 0–100.", "support <= 0"),
        ScriptVariable("rival_support", "int", lambda ctx: ctx.rival.support, "The rival's support, 0–100.", "rival_support < 30"),
        ScriptVariable("budget", "int", lambda ctx: ctx.own.budget, "This year's budget in $M.", "add_funds(-budget / 10)"),
        ScriptVariable("funds", "int", lambda ctx: ctx.own.funds, "Money not yet spent this year, $M.", "funds >= 100"),
        ScriptVariable("crew_count", "int", _active_crew, "Active crew members.", "crew_count < 6"),
        ScriptVariable("veterans", "int", lambda ctx: len(_veterans(ctx)), "Active crew members who have flown.", "veterans > 0"),
        ScriptVariable("crew_lost", "int", lambda ctx: ctx.own.crew_lost, "Crew members this side has lost.", "crew_lost > 0"),
        ScriptVariable("catastrophes", "int", lambda ctx: ctx.own.catastrophes, "Missions this side has lost with their crew.", "catastrophes == 0"),
        ScriptVariable("pads", "int", lambda ctx: ctx.own.pads, "Launch pads.", "pads < 3"),
        ScriptVariable("side", "str", lambda ctx: ctx.side, "'usa' or 'ussr'.", "side == 'usa'"),
        ScriptVariable("crew_size", "int", lambda ctx: ctx.crew_size, "Crew aboard the mission being judged (milestone conditions); 0 elsewhere.", "crew_size >= 2"),
        ScriptVariable("crew_women", "int", lambda ctx: ctx.crew_women, "Women aboard the mission being judged; 0 elsewhere.", "crew_women >= 1"),
        ScriptVariable("launches_left", "int", lambda ctx: _launches_left(ctx),
                       "Launches this side may still book this year (pads × 4, less those booked or given up).",
                       "launches_left >= 2"),
    )
}

#: When each hook fires (`on = "…"` in an event), for the modders' reference.
HOOK_DOCS: dict[str, str] = {
    "milestone_claimed": "A milestone is claimed by either side (first or second); each side listening hears of it.",
    "rival_first": "The rival takes a first in the world; the side that was beaten hears of it.",
    "mission_failed": "One of this side's flights fails or falls short (no lives lost).",
    "catastrophe": "One of this side's flights ends in a catastrophe (crewed or not).",
    "crew_lost": "A crew member of this side dies, in flight or in training.",
    "support_below": "This side's support falls below the event's threshold (on the way down, not while it stays low).",
}

_MILESTONE_HOOKS = ("milestone_claimed", "rival_first")
_MISSION_HOOKS = ("milestone_claimed", "rival_first", "mission_failed", "catastrophe", "crew_lost")
_FLIGHT_HOOKS = ("mission_failed", "catastrophe")

#: What a hook passes to the event listening for it, as names its conditions may read.
HOOK_VARIABLES: dict[str, ScriptVariable] = {
    variable.name: variable
    for variable in (
        ScriptVariable("milestone", "milestone", lambda ctx: ctx.subject.get("milestone", ""),
                       "The milestone just claimed.", "milestone == 'crewed_orbit'", _MILESTONE_HOOKS),
        ScriptVariable("by_rival", "bool", lambda ctx: ctx.subject.get("by", "") not in ("", ctx.side),
                       "The rival claimed it (false: this side did).", "by_rival", _MILESTONE_HOOKS),
        ScriptVariable("claimed_first", "bool", lambda ctx: ctx.subject.get("first", "") == "yes",
                       "It was a first in the world (false: second, after the other side).", "claimed_first",
                       _MILESTONE_HOOKS),
        ScriptVariable("mission", "mission", lambda ctx: ctx.subject.get("mission", ""),
                       "The mission type that flew (empty for a crew member lost in training).", "mission == 'crewed_orbit'",
                       _MISSION_HOOKS),
        ScriptVariable("program", "program", lambda ctx: ctx.subject.get("program", ""),
                       "The program whose step failed.", "program == 'n1'", _FLIGHT_HOOKS),
        ScriptVariable("crewed", "bool", lambda ctx: ctx.subject.get("crewed", "") == "yes",
                       "The failed flight carried a crew.", "crewed", _FLIGHT_HOOKS),
        ScriptVariable("in_training", "bool", lambda ctx: ctx.subject.get("training", "") == "yes",
                       "The crew member was lost in training, not in flight.", "not in_training", ("crew_lost",)),
    )
}


def _launches_left(ctx: EvalContext) -> int:
    return max(choices.capacity(ctx.own) - len(ctx.own.scheduled), 0)


# -- condition functions ---------------------------------------------------------------------------


def _achieved(ctx: EvalContext, milestone: str) -> bool:
    return milestone in ctx.own.achieved


def _rival_achieved(ctx: EvalContext, milestone: str) -> bool:
    return milestone in ctx.rival.achieved


def _first(ctx: EvalContext, milestone: str) -> bool:
    claim = ctx.state.first_claim(milestone)
    return claim is not None and claim.side == ctx.side


def _claimed(ctx: EvalContext, milestone: str) -> bool:
    return ctx.state.first_claim(milestone) is not None


def _has_program(ctx: EvalContext, program: str) -> bool:
    return program in ctx.own.programs


def _operational(ctx: EvalContext, program: str) -> bool:
    return research.is_operational(ctx.content.hardware[program], ctx.own.programs.get(program))


def _reliability(ctx: EvalContext, program: str) -> int:
    return research.reliability(ctx.content.hardware[program], ctx.own.programs.get(program))


# -- effects ---------------------------------------------------------------------------------------


def _add_prestige(ctx: EvalContext, amount: int, side: str | None = None) -> None:
    side = side or ctx.side
    ctx.state.sides[side].prestige += amount
    ctx.outcomes.append(Changed(side=side, what="prestige", amount=amount, cause=ctx.cause))


def _add_support(ctx: EvalContext, amount: int, side: str | None = None) -> None:
    side = side or ctx.side
    own = ctx.state.sides[side]
    before = own.support
    own.support = min(max(own.support + amount, rules.SUPPORT_MIN), rules.SUPPORT_MAX)
    ctx.outcomes.append(Changed(side=side, what="support", amount=own.support - before, cause=ctx.cause, value=own.support))


def _add_funds(ctx: EvalContext, amount: int) -> None:
    own = ctx.own
    before = own.funds
    own.funds = max(own.funds + amount, 0)  # budgets never go negative
    entry = "grants from events" if amount >= 0 else "taken by events"
    own.ledger[entry] = own.ledger.get(entry, 0) + abs(own.funds - before)
    ctx.outcomes.append(Changed(side=ctx.side, what="funds", amount=own.funds - before, cause=ctx.cause))


def _set_flag(ctx: EvalContext, flag: str) -> None:
    if not ctx.own.has_flag(flag):
        ctx.own.set_flag(flag)
        ctx.outcomes.append(FlagChanged(side=ctx.side, flag=flag, set=True))


def _clear_flag(ctx: EvalContext, flag: str) -> None:
    if ctx.own.has_flag(flag):
        ctx.own.clear_flag(flag)
        ctx.outcomes.append(FlagChanged(side=ctx.side, flag=flag, set=False))


def _add_research(ctx: EvalContext, program: str, amount: int) -> None:
    if program in ctx.own.programs:
        ctx.outcomes.append(Changed(side=ctx.side, what="research", amount=amount, subject=program, cause=ctx.cause))
        ctx.outcomes.extend(research.add_research(ctx.state, ctx.content, ctx.side, program, amount))


def _start_program(ctx: EvalContext, program: str) -> None:
    hardware = ctx.content.hardware[program]
    if hardware.side == ctx.side and program not in ctx.own.programs:
        research.start_program(ctx.state, ctx.side, program)
        ctx.outcomes.append(ProgramStarted(side=ctx.side, program=program, cost=0))


def _ground(ctx: EvalContext, program: str) -> None:
    found = ctx.own.programs.get(program)
    if found is not None and not found.grounded:
        found.grounded = True
        ctx.outcomes.append(ProgramGrounded(side=ctx.side, program=program, cause=ctx.cause))


def _recruit(ctx: EvalContext, count: int, women: bool = False) -> None:
    count = min(max(count, 0), rules.MAX_RECRUITS_PER_YEAR)
    if count and ctx.rng is not None:
        members = crew.recruit(ctx.state, ctx.content, ctx.side, count, ctx.rng, women=women)
        ctx.outcomes.append(Changed(side=ctx.side, what="crew", amount=len(members), cause=ctx.cause))


def _injure_crew(ctx: EvalContext, count: int) -> None:
    if ctx.rng is None:
        return
    for _ in range(max(count, 0)):
        active = [member for member in ctx.own.crew if member.status == "active"]
        if not active:
            return
        ctx.outcomes.append(crew.injure(ctx.state, ctx.side, ctx.rng.pick(active), ctx.cause))


def _lose_veteran(ctx: EvalContext) -> None:
    veterans = _veterans(ctx)
    if veterans:
        ctx.outcomes.append(crew.kill(ctx.state, ctx.side, veterans[0], "training_accident", 1))


def _add_var(ctx: EvalContext, variable: str, amount: int) -> None:
    consequences.set_variable(ctx, variable, consequences.variable(ctx.state, ctx.content, ctx.side, variable) + amount)


def _apply(ctx: EvalContext, effect_list: str) -> None:
    for effect in ctx.content.effect_lists[effect_list].effects:  # cycles are refused at load
        effect(ctx)


def _promise_status(ctx: EvalContext, promise: str, status: str) -> bool:
    return any(item.promise == promise and item.status == status for item in ctx.own.promises)


def _add_pads(ctx: EvalContext, count: int) -> None:
    before = ctx.own.pads
    ctx.own.pads = max(ctx.own.pads + count, 1)
    ctx.outcomes.append(Changed(side=ctx.side, what="pads", amount=ctx.own.pads - before, cause=ctx.cause))


FUNCTIONS: dict[str, ScriptFunction] = {
    function.name: function
    for function in (
        ScriptFunction("achieved", (("milestone", "milestone"),), "bool", _achieved,
                       "This side has achieved the milestone (first or not).", "achieved('crewed_orbit')"),
        ScriptFunction("rival_achieved", (("milestone", "milestone"),), "bool", _rival_achieved,
                       "The rival has achieved the milestone.", "rival_achieved('satellite_orbit')"),
        ScriptFunction("first", (("milestone", "milestone"),), "bool", _first,
                       "This side was first to the milestone.", "first('spacewalk')"),
        ScriptFunction("claimed", (("milestone", "milestone"),), "bool", _claimed,
                       "Either side has achieved the milestone.", "claimed('crewed_lunar_landing')"),
        ScriptFunction("flag", (("flag", "flag"),), "bool", lambda ctx, flag: ctx.own.has_flag(flag),
                       "A flag set on this side by an event.", "flag('moon_goal')"),
        ScriptFunction("rival_flag", (("flag", "flag"),), "bool", lambda ctx, flag: ctx.rival.has_flag(flag),
                       "A flag set on the rival's side.", "rival_flag('moon_goal')"),
        ScriptFunction("has_program", (("program", "program"),), "bool", _has_program,
                       "This side has started the program.", "has_program('saturn_v')"),
        ScriptFunction("operational", (("program", "program"),), "bool", _operational,
                       "The program has finished development and can fly.", "operational('r7')"),
        ScriptFunction("reliability", (("program", "program"),), "int", _reliability,
                       "The program's reliability in per-mille (0 if not started).", "reliability('n1') < 600"),
        ScriptFunction("flights", (("mission", "mission"),), "int", lambda ctx, mission: ctx.own.flights.get(mission, 0),
                       "Successful flights of a mission type by this side.", "flights('crewed_orbit') >= 2"),
        ScriptFunction("fired", (("event", "event"),), "bool", lambda ctx, event: event in ctx.own.fired,
                       "This side has seen the event.", "fired('sputnik_crisis')"),
        ScriptFunction("add_prestige", (("amount", "int"),), None, _add_prestige,
                       "Change this side's prestige.", "add_prestige(5)", effect=True),
        ScriptFunction("add_rival_prestige", (("amount", "int"),), None,
                       lambda ctx, amount: _add_prestige(ctx, amount, rival_of(ctx.side)),
                       "Change the rival's prestige.", "add_rival_prestige(-3)", effect=True),
        ScriptFunction("add_support", (("amount", "int"),), None, _add_support,
                       "Change this side's support (kept within 0–100).", "add_support(10)", effect=True),
        ScriptFunction("add_rival_support", (("amount", "int"),), None,
                       lambda ctx, amount: _add_support(ctx, amount, rival_of(ctx.side)),
                       "Change the rival's support.", "add_rival_support(-5)", effect=True),
        ScriptFunction("add_funds", (("amount", "int"),), None, _add_funds,
                       "Add to (or take from) this year's unspent money; never below zero.", "add_funds(150)", effect=True),
        ScriptFunction("set_flag", (("flag", "flag"),), None, _set_flag,
                       "Set a flag on this side.", "set_flag('moon_goal')", effect=True),
        ScriptFunction("clear_flag", (("flag", "flag"),), None, _clear_flag,
                       "Clear a flag on this side.", "clear_flag('moon_goal')", effect=True),
        ScriptFunction("add_research", (("program", "program"), ("amount", "int")), None, _add_research,
                       "Give research ($M-equivalent) to a started program.", "add_research('saturn_v', 200)", effect=True),
        ScriptFunction("start_program", (("program", "program"),), None, _start_program,
                       "Start a program of this side for free (ignored if it is the rival's or already started).",
                       "start_program('vanguard')", effect=True),
        ScriptFunction("ground", (("program", "program"),), None, _ground,
                       "Ground a program: none of its flights go up for the rest of the year.", "ground('r7')", effect=True),
        ScriptFunction("recruit", (("count", "int"),), None, _recruit,
                       "Recruit crew candidates for free.", "recruit(7)", effect=True),
        ScriptFunction("recruit_women", (("count", "int"),), None, lambda ctx, count: _recruit(ctx, count, women=True),
                       "Recruit crew candidates for free, all of them women.", "recruit_women(5)", effect=True),
        ScriptFunction("injure_crew", (("count", "int"),), None, _injure_crew,
                       "Injure random active crew members for a year.", "injure_crew(1)", effect=True),
        ScriptFunction("lose_veteran", (), None, _lose_veteran,
                       "The side's most-flown active crew member dies in a training accident (nothing if no one has "
                       "flown); the crew_lost events answer it by name.", "lose_veteran()", effect=True),
        ScriptFunction("add_pads", (("count", "int"),), None, _add_pads,
                       "Add (or remove) launch pads; at least one always remains.", "add_pads(1)", effect=True),
        # -- variables
        ScriptFunction("var", (("variable", "variable"),), "int",
                       lambda ctx, variable: consequences.variable(ctx.state, ctx.content, ctx.side, variable),
                       "A variable's value for this side.", "var('public_trust') < 30"),
        ScriptFunction("rival_var", (("variable", "variable"),), "int",
                       lambda ctx, variable: consequences.variable(ctx.state, ctx.content, rival_of(ctx.side), variable),
                       "A variable's value for the rival.", "rival_var('military_influence') > 60"),
        ScriptFunction("add_var", (("variable", "variable"), ("amount", "int")), None, _add_var,
                       "Change a variable of this side (kept within its range).", "add_var('public_trust', -10)", effect=True),
        ScriptFunction("set_var", (("variable", "variable"), ("value", "int")), None, consequences.set_variable,
                       "Set a variable of this side (kept within its range).", "set_var('korolev_health', 40)", effect=True),
        # -- characters
        ScriptFunction("opinion", (("character", "character"),), "int",
                       lambda ctx, character: characters.standing(ctx.state, ctx.content, ctx.side, character).opinion,
                       "A character's opinion of this side's leadership, 0–100.", "opinion('korolev') >= 60"),
        ScriptFunction("serving", (("character", "character"),), "bool",
                       lambda ctx, character: characters.serving(ctx.state, ctx.content, ctx.side, character),
                       "The character is in office now (not before their years, not gone).", "serving('korolev')"),
        ScriptFunction("add_opinion", (("character", "character"), ("amount", "int")), None, characters.change_opinion,
                       "Move a character's opinion of this side (0–100); they remember the choice that did it.",
                       "add_opinion('korolev', 10)", effect=True),
        ScriptFunction("dismiss", (("character", "character"),), None, characters.dismiss,
                       "End a character's service now: they are relieved of their post.", "dismiss('mishin')",
                       effect=True),
        ScriptFunction("end_service", (("character", "character"),), None,
                       lambda ctx, character: characters.dismiss(ctx, character, "history"),
                       "End a character's service now, as the event tells it (a death, a resignation): their "
                       "departure text is told, or nothing when they have none.", "end_service('kennedy')", effect=True),
        ScriptFunction("appoint", (("character", "character"),), None, characters.appoint,
                       "Bring a character into office now, ahead of their years (a successor sworn in).",
                       "appoint('johnson')", effect=True),
        # -- consequences that come back
        ScriptFunction("follow_up", (("event", "event"), ("years", "int")), None,
                       lambda ctx, event, years: consequences.schedule(ctx, event, years, years),
                       "Schedule a follow-up event (follow_up = true) this many years from now (at least 1).",
                       "follow_up('moon_cost_review', 2)", effect=True),
        ScriptFunction("follow_up_between", (("event", "event"), ("first", "int"), ("last", "int")), None,
                       consequences.schedule,
                       "Schedule a follow-up event in a year drawn from first–last years from now.",
                       "follow_up_between('oxygen_fire', 1, 3)", effect=True),
        ScriptFunction("promise", (("promise", "promise"),), None, consequences.make_promise,
                       "Make a promise: it is judged at each year's end until its deadline.", "promise('moon_by_1969')",
                       effect=True),
        ScriptFunction("promised", (("promise", "promise"),), "bool",
                       lambda ctx, promise: _promise_status(ctx, promise, "open"),
                       "This side has made the promise and it is still open.", "promised('moon_by_1969')"),
        ScriptFunction("kept", (("promise", "promise"),), "bool",
                       lambda ctx, promise: _promise_status(ctx, promise, "kept"),
                       "This side made the promise and kept it.", "kept('moon_by_1969')"),
        ScriptFunction("broken", (("promise", "promise"),), "bool",
                       lambda ctx, promise: _promise_status(ctx, promise, "broken"),
                       "This side made the promise and broke it.", "broken('moon_by_1969')"),
        ScriptFunction("apply", (("effects", "effects"),), None, _apply,
                       "Run a named list of effects ([effects.ID]).", "apply('budget_squeeze')", effect=True),
    )
}
