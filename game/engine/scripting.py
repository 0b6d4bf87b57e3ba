"""The names data files may use in conditions and effects: one registry of variables, one of functions.

Each entry carries a short doc and an "in a data file" example; the expression compiler checks names and
types against this registry at load, and the modders' reference is generated from it. Everything is
evaluated for one side ("this side") through an EvalContext.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from . import crew, research, rules
from .defs import Content, rival_of
from .outcomes import Changed, FlagChanged, Outcome, ProgramGrounded, ProgramStarted
from .rng import Rng
from .state import GameState, SideState


@dataclass(slots=True)
class EvalContext:
    """What an expression sees: the state, the side it speaks for, and where effects report to."""

    state: GameState
    content: Content
    side: str
    rng: Rng | None = None
    cause: str = ""  # event id (or rule) the effects belong to
    outcomes: list[Outcome] = field(default_factory=list)
    crew_size: int = 0  # in a mission context
    crew_women: int = 0

    @property
    def own(self) -> SideState:
        return self.state.sides[self.side]

    @property
    def rival(self) -> SideState:
        return self.state.sides[rival_of(self.side)]


@dataclass(frozen=True, slots=True)
class ScriptVariable:
    name: str
    type: str  # "int" | "bool" | "str"
    getter: Callable[[EvalContext], Any]
    doc: str
    example: str


@dataclass(frozen=True, slots=True)
class ScriptFunction:
    name: str
    params: tuple[tuple[str, str], ...]  # (name, type): int | bool | str | milestone | program | flag | event | mission
    returns: str | None  # None for effects
    impl: Callable[..., Any]
    doc: str
    example: str
    effect: bool = False


def _active_crew(ctx: EvalContext) -> int:
    return sum(1 for member in ctx.own.crew if member.status == "active")


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
        ScriptVariable("crew_lost", "int", lambda ctx: ctx.own.crew_lost, "Crew members this side has lost.", "crew_lost > 0"),
        ScriptVariable("catastrophes", "int", lambda ctx: ctx.own.catastrophes, "Missions this side has lost with their crew.", "catastrophes == 0"),
        ScriptVariable("pads", "int", lambda ctx: ctx.own.pads, "Launch pads.", "pads < 3"),
        ScriptVariable("side", "str", lambda ctx: ctx.side, "'usa' or 'ussr'.", "side == 'usa'"),
        ScriptVariable("crew_size", "int", lambda ctx: ctx.crew_size, "Crew aboard the mission being judged (milestone conditions); 0 elsewhere.", "crew_size >= 2"),
        ScriptVariable("crew_women", "int", lambda ctx: ctx.crew_women, "Women aboard the mission being judged; 0 elsewhere.", "crew_women >= 1"),
    )
}


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
    ctx.outcomes.append(Changed(side=side, what="support", amount=own.support - before, cause=ctx.cause))


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
        ScriptFunction("add_pads", (("count", "int"),), None, _add_pads,
                       "Add (or remove) launch pads; at least one always remains.", "add_pads(1)", effect=True),
    )
}
