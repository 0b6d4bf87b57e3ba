"""The turn: a new game, orders applied one at a time, and the year resolved in a fixed phase order.

`apply` validates an order completely before changing anything, so a refused order (OrderRefused, with a
one-line reason) leaves the state exactly as it was. When both sides have ended the year, `apply` resolves
it: undecided dilemmas take their defaults, both sides' missions fly in month order (so "first" is decided
within the year), research and training pay off, support and next year's budget are set, the scenario's
end conditions are checked, and the next year begins with its events.
"""

from __future__ import annotations

import heapq
from typing import Callable

from . import characters, choices, consequences, economy, events, hooks, launch, missions, research, rules, service
from . import crew as crew_rules
from .defs import SIDES, Content, MissionType, rival_of
from .orders import (
    BuildPad,
    CancelMission,
    Choose,
    EndYear,
    Fund,
    Order,
    OrderRefused,
    Recruit,
    ScheduleMission,
    StartProgram,
)
from .outcomes import (
    Changed,
    CrewRecruited,
    Funded,
    GameOver,
    MissionCancelled,
    MissionScheduled,
    MissionScrubbed,
    Outcome,
    PadBuilt,
    ServicePaid,
    StationClosed,
    ProgramStarted,
    YearBegan,
    YearEnded,
    YearReport,
)
from .rng import Rng
from .context import EvalContext
from .state import DEFAULT_BUDGET_PERCENT, Claim, GameState, InFlight, Program, ScheduledMission, SideState

FUND_TARGETS = ("training", "education", "intelligence")


# -- a new game -------------------------------------------------------------------------------------


def new_game(
    content: Content, scenario_id: str, seed: int, *, budget_percent: dict[str, int] | None = None,
) -> tuple[GameState, list[Outcome]]:
    """Set up the scenario's starting position and begin its first year. budget_percent scales a side's yearly
    budget (the difficulty: see rules.DIFFICULTY_BUDGET_PERCENT); sides not named keep 100."""
    scenario = content.scenarios[scenario_id]
    percents = budget_percent or {}
    for side, percent in percents.items():
        if side not in SIDES:
            raise ValueError(f"there is no side called {side!r}")
        if isinstance(percent, bool) or not isinstance(percent, int) or not (
                rules.BUDGET_PERCENT_MIN <= percent <= rules.BUDGET_PERCENT_MAX):
            raise ValueError(f"budget_percent for {side} should be a whole number from "
                             f"{rules.BUDGET_PERCENT_MIN} to {rules.BUDGET_PERCENT_MAX}, not {percent!r}")
    sides: dict[str, SideState] = {}
    for side in SIDES:
        setup = scenario.setups[side]
        own = SideState(side=side, prestige=setup.prestige, support=setup.support, pads=setup.pads,
                        budget_percent=percents.get(side, DEFAULT_BUDGET_PERCENT))
        for program_id in sorted(setup.programs):
            own.programs[program_id] = Program(id=program_id, research=setup.programs[program_id], started=scenario.start_year)
        for flag in setup.flags:
            own.set_flag(flag)
        sides[side] = own
    state = GameState(
        scenario=scenario_id, seed=seed, year=scenario.start_year, start_year=scenario.start_year,
        end_year=scenario.end_year, sides=sides,
    )
    for side in SIDES:
        consequences.start_variables(state, content, side)
        characters.ensure(state, content, side)
        consequences.start_promises(state, content, side)
    _prior_claims(state, content)
    for side in SIDES:
        count = scenario.setups[side].crew
        if count:
            veterans = crew_rules.recruit(state, content, side, count, Rng.stream(seed, "setup", side))
            for member in veterans:
                member.joined = scenario.start_year - 1  # ready to fly from the first year
        state.sides[side].budget = economy.budget_for(state, content, side, state.year)
        state.sides[side].funds = state.sides[side].budget
    return state, _begin_year(state, content)


def _prior_claims(state: GameState, content: Content) -> None:
    """Milestones achieved before a mid-race scenario starts, in year order (history's side first on a tie)."""
    scenario = content.scenarios[state.scenario]
    entries: list[tuple[int, str, int, str, str]] = []
    for side in SIDES:
        for milestone_id, year in scenario.setups[side].achieved.items():
            history = content.milestones[milestone_id].history
            date = history.date if history.date[:4] == str(year) else ""  # within a year, history's order
            entries.append((year, date, 0 if history.side == side else 1, milestone_id, side))
    for year, _, _, milestone_id, side in sorted(entries):
        first = state.first_claim(milestone_id) is None
        state.sides[side].achieved[milestone_id] = year
        state.claims.append(Claim(milestone=milestone_id, side=side, year=year, month=6, first=first))


# -- orders -----------------------------------------------------------------------------------------


def apply(state: GameState, content: Content, order: Order) -> list[Outcome]:
    """Validate and carry out one order; raises OrderRefused (state untouched) with a one-line reason."""
    if state.over:
        raise OrderRefused("the game is over")
    if order.side not in SIDES:
        raise OrderRefused(f"there is no side called {order.side!r}")
    if state.sides[order.side].ended and not isinstance(order, EndYear):
        raise OrderRefused(f"{order.side.upper()} has already ended {state.year}")
    handler = HANDLERS.get(type(order))
    if handler is None:
        raise OrderRefused(f"unknown order {type(order).__name__}")
    return handler(state, content, order)


def _refuse_if(reason: str | None) -> None:
    if reason:
        raise OrderRefused(reason)


def _pay(own: SideState, cost: int, what: str, entry: str = "") -> None:
    """Spend money now, noting it in the year's ledger under `entry` (missions and research have their own rows)."""
    if cost > own.funds:
        raise OrderRefused(f"{what} costs ${cost}M but only ${own.funds}M is left this year")
    own.funds -= cost
    if entry:
        own.ledger[entry] = own.ledger.get(entry, 0) + cost


def _start_program(state: GameState, content: Content, order: StartProgram) -> list[Outcome]:
    _refuse_if(research.why_cannot_start(state, content, order.side, order.program))
    hardware = content.hardware[order.program]
    _pay(state.sides[order.side], hardware.start_cost, f"starting {hardware.name}", "program starts")
    research.start_program(state, order.side, order.program)
    return [ProgramStarted(side=order.side, program=order.program, cost=hardware.start_cost)]


def allocation(own: SideState, target: str) -> int | None:
    """What is set for a funding target this year (None: nothing of that name can be funded): a new amount replaces
    it, so the most it can be is this plus the money left (front ends offer that instead of a refusal)."""
    if target == "training":
        return own.training
    if target == "education":
        return own.education
    if target == "intelligence":
        return own.intelligence
    if target in own.programs:
        return own.programs[target].funding
    return None


def _fund(state: GameState, content: Content, order: Fund) -> list[Outcome]:
    own = state.sides[order.side]
    if order.amount < 0:
        raise OrderRefused("an allocation cannot be negative")
    current = allocation(own, order.target)
    if current is None and order.target in content.hardware:
        raise OrderRefused(f"{content.hardware[order.target].name} has not been started")
    if current is None:
        raise OrderRefused(f"nothing called {order.target!r} can be funded (a started program, training, education or "
                          "intelligence)")
    if order.amount - current > own.funds:
        raise OrderRefused(f"${order.amount}M is more than you have: ${own.funds + current}M available for it")
    own.funds -= order.amount - current
    if order.target == "training":
        own.training = order.amount
    elif order.target == "education":
        own.education = order.amount
    elif order.target == "intelligence":
        own.intelligence = order.amount
    else:
        own.programs[order.target].funding = order.amount
    return [Funded(side=order.side, target=order.target, amount=order.amount)]


def resolve_loadout(
    state: GameState, content: Content, side: str, mission: MissionType, rocket: str, craft: str, lander: str,
    crew: tuple[str, ...], number: int = 0,
) -> missions.Loadout:
    """Fill in any hardware or crew the order left empty with the best that fits; refuse what cannot fly."""
    if not (rocket and craft and (lander or not mission.lander)):
        best = missions.best_hardware(state, content, side, mission, rocket, craft, lander)
        if isinstance(best, str):
            raise OrderRefused(best)
        rocket, craft, lander = best
    _refuse_if(missions.why_not_hardware(state, content, side, mission, rocket, craft, lander))
    if not crew and mission.crew_min:
        found = missions.best_crew(state, content, side, mission, craft)
        if isinstance(found, str):
            raise OrderRefused(found)
        crew = found
    _refuse_if(missions.why_not_crew(state, content, side, mission, craft, crew, number))
    return missions.Loadout(rocket, craft, lander, crew)


def booking_checked(state: GameState, content: Content,
                    order: ScheduleMission) -> tuple[MissionType, missions.Loadout, int, int]:
    """Every rule a booking must pass, changing nothing: (mission, loadout, month, cost), or OrderRefused. The
    advisers ask the same before they suggest a booking, so they never suggest one the game would refuse."""
    own = state.sides[order.side]
    mission = content.missions.get(order.mission)
    if mission is None:
        raise OrderRefused(f"there is no mission type called {order.mission!r}")
    if not 0 <= order.month <= 12:
        raise OrderRefused("the month must be 1 to 12 (or 0: the earliest the rules allow)")
    _refuse_if(missions.why_not_available(state, content, order.side, mission, order.month or 13))
    _refuse_if(why_no_launch_left(own))
    if order.backup and not missions.still_needed(state, content, order.side, mission):
        raise OrderRefused(f"{mission.name} has no first left for you to win, so a backup would always stand down; "
                           "book it without 'backup'")
    loadout = resolve_loadout(state, content, order.side, mission, order.rocket, order.craft, order.lander, order.crew)
    month = order.month or _earliest(state, content, order.side, mission, loadout.rocket, order.backup)
    _refuse_if(missions.why_not_available(state, content, order.side, mission, month))
    _refuse_if(launch.why_not_month(state, content, order.side, mission, loadout.rocket, month))
    cost = missions.mission_cost(content, mission, loadout)
    if cost > own.funds:
        raise OrderRefused(f"{mission.name} costs ${cost}M but only ${own.funds}M is left this year")
    return mission, loadout, month, cost


def why_not_booked(state: GameState, content: Content, order: ScheduleMission) -> str | None:
    """Why the game would refuse this booking now (None: it would take it), the state untouched."""
    if state.over or state.sides[order.side].ended:
        return "the year is over for this side"
    try:
        booking_checked(state, content, order)
    except OrderRefused as refused:
        return str(refused)
    return None


def _schedule(state: GameState, content: Content, order: ScheduleMission) -> list[Outcome]:
    own = state.sides[order.side]
    mission, loadout, month, cost = booking_checked(state, content, order)
    _pay(own, cost, mission.name)
    item = ScheduledMission(
        number=own.next_mission, mission=mission.id, month=month, rocket=loadout.rocket, craft=loadout.craft,
        lander=loadout.lander, crew=list(loadout.crew), cost=cost, backup=order.backup,
    )
    own.next_mission += 1
    own.scheduled.append(item)
    own.scheduled.sort(key=lambda entry: (entry.month, entry.number))
    return [
        MissionScheduled(
            side=order.side, number=item.number, mission=item.mission, month=item.month, rocket=item.rocket,
            craft=item.craft, lander=item.lander, crew=tuple(item.crew), cost=cost, backup=item.backup,
        )
    ]


def _earliest(state: GameState, content: Content, side: str, mission: MissionType, rocket: str,
              backup: bool = False) -> int:
    """The earliest month a launch can go this year (a station visit after the station's launch, a backup after
    the flights it backs up), or refuse."""
    not_before = 1
    if mission.station == "visit" and missions.current_station(state, side) is None:
        launches = [item.month for item in state.sides[side].scheduled if content.missions[item.mission].station == "launch"]
        not_before = min(launches, default=12) + 1
    if backup:
        wanted = {claim for step in mission.steps for claim in step.claims} - set(state.sides[side].achieved)
        backed = [item.month for item in state.sides[side].scheduled
                  if wanted & {claim for step in content.missions[item.mission].steps for claim in step.claims}]
        not_before = max(not_before, max(backed, default=0) + 1)
    month = launch.earliest_month(state, content, side, mission, rocket, not_before)
    if not month:
        raise OrderRefused(f"no month this year has a pad free and {mission.name}'s preparation done in time; "
                           "build a pad or cancel a launch")
    return month


def why_no_launch_left(own: SideState) -> str | None:
    """Why the side can book no more launches this year (its pads are full, or its choices gave launches up)."""
    capacity = choices.capacity(own)
    if len(own.scheduled) < capacity:
        return None
    if own.launches_given_up:
        return (f"your {own.pads} pad(s) can support {capacity} launches this year ({own.launches_given_up} given up by "
                "your decisions); build another pad")
    return f"your {own.pads} pad(s) can support {capacity} launches a year; build another pad"


def _cancel(state: GameState, content: Content, order: CancelMission) -> list[Outcome]:
    own = state.sides[order.side]
    for item in own.scheduled:
        if item.number == order.number:
            stranded = _visits_left_without_station(state, content, order.side, item)
            if stranded:
                raise OrderRefused(f"station crew flight(s) {', '.join(stranded)} need this station; cancel them first")
            own.scheduled.remove(item)
            own.funds += item.cost
            return [MissionCancelled(side=order.side, number=item.number, mission=item.mission, refund=item.cost)]
    raise OrderRefused(f"there is no scheduled mission #{order.number}")


def _visits_left_without_station(state: GameState, content: Content, side: str, cancelled: ScheduledMission) -> list[str]:
    """Station crew flights that only had a station to visit because of the launch being cancelled."""
    if missions.current_station(state, side) is not None:
        return []
    remaining = [item for item in state.sides[side].scheduled if item is not cancelled]
    launches = [item.month for item in remaining if content.missions[item.mission].station == "launch"]
    return [f"#{item.number}" for item in remaining
            if content.missions[item.mission].station == "visit" and not any(month < item.month for month in launches)]


def _recruit(state: GameState, content: Content, order: Recruit) -> list[Outcome]:
    own = state.sides[order.side]
    if order.count < 1:
        raise OrderRefused("recruit at least one candidate")
    this_year = sum(1 for member in own.crew if member.joined == state.year)
    room = rules.MAX_RECRUITS_PER_YEAR - this_year
    if order.count > room:
        raise OrderRefused(f"you can select at most {rules.MAX_RECRUITS_PER_YEAR} candidates a year ({room} more this year)")
    _pay(own, order.count * rules.RECRUIT_COST, f"recruiting {order.count} candidate{'s' if order.count != 1 else ''}", "crew selection")
    rng = Rng.stream(state.seed, "recruit", state.year, order.side, own.next_crew)
    members = crew_rules.recruit(state, content, order.side, order.count, rng)
    return [CrewRecruited(side=order.side, crew=tuple(member.id for member in members), cost=order.count * rules.RECRUIT_COST)]


def _build_pad(state: GameState, content: Content, order: BuildPad) -> list[Outcome]:
    own = state.sides[order.side]
    _pay(own, rules.PAD_COST, "a new launch pad", "launch pads")
    own.pads += 1
    return [PadBuilt(side=order.side, pads=own.pads, cost=rules.PAD_COST)]


def _choose(state: GameState, content: Content, order: Choose) -> list[Outcome]:
    item = events.find_pending(state, order.side, order.event)
    if item is None:
        raise OrderRefused(f"there is no open decision called {order.event!r}")
    event = content.events[order.event]
    choice = events.find_choice(event, order.choice)
    if choice is None:
        options = ", ".join(option.id for option in event.choices)
        raise OrderRefused(f"{order.choice!r} is not a choice here (choose one of: {options})")
    context = events.context_for(state, content, order.side, item, choice.id)
    why = choices.why_unavailable(choice, context)
    if why:
        raise OrderRefused(f"“{choice.id}” is not available: {why.rstrip('.')}")
    _refuse_if(choices.why_cannot_pay(state, content, order.side, event, choice, order.crew, item.held) or None)
    if order.crew and not choice.cost.crew:
        raise OrderRefused(f"“{choice.id}” does not cost a crew member; leave out crew=")
    outcomes = events.choose(state, content, order.side, order.event, order.choice, order.crew)
    return outcomes + hooks.dispatch(state, content, outcomes)


def _end_year(state: GameState, content: Content, order: EndYear) -> list[Outcome]:
    own = state.sides[order.side]
    if own.ended:
        raise OrderRefused(f"{order.side.upper()} has already ended {state.year}")
    own.ended = True
    outcomes: list[Outcome] = [YearEnded(side=order.side, year=state.year)]
    if all(state.sides[side].ended for side in SIDES):
        outcomes.extend(resolve_year(state, content))
    return outcomes


HANDLERS: dict[type, Callable[..., list[Outcome]]] = {
    StartProgram: _start_program,
    Fund: _fund,
    ScheduleMission: _schedule,
    CancelMission: _cancel,
    Recruit: _recruit,
    BuildPad: _build_pad,
    Choose: _choose,
    EndYear: _end_year,
}


# -- the year's resolution --------------------------------------------------------------------------


def resolve_year(state: GameState, content: Content) -> list[Outcome]:
    """Resolve the year for both sides in a fixed phase order, then begin the next one (or end the game)."""
    outcomes: list[Outcome] = []
    for side in SIDES:
        outcomes.extend(_with_hooks(state, content, events.settle_undecided(state, content, side)))
    outcomes.extend(_fly_missions(state, content))
    for side in SIDES:
        outcomes.extend(research.apply_research(state, content, side))
        crew_rules.train(state, side)
        outcomes.extend(_with_hooks(state, content, crew_rules.year_end(state, side, Rng.stream(state.seed, "crew", state.year, side))))
    outcomes.extend(_with_hooks(state, content, consequences.settle_promises(state, content)))
    outcomes.extend(_with_hooks(state, content, _year_end_accounts(state, content)))
    over = _check_end(state, content)
    if over is not None:
        state.over, state.winner, state.reason = True, over.winner, over.reason
        outcomes.append(over)
        return outcomes
    state.year += 1
    outcomes.extend(_begin_year(state, content))
    return outcomes


def _fly_missions(state: GameState, content: Content) -> list[Outcome]:
    """Both sides' launches and probe arrivals in date order: month, day (a launch's day is drawn), then a drawn
    tie-break. A probe launched this year that arrives this year takes its place in the order when it departs."""
    queue: list[tuple[int, int, int, str, int]] = []  # (month, day, tie-break, side, index into `entries`)
    entries: list[ScheduledMission | InFlight] = []

    def push(month: int, day: int, tie: int, side: str, entry: ScheduledMission | InFlight) -> None:
        entries.append(entry)
        heapq.heappush(queue, (month, day, tie, side, len(entries) - 1))  # determinism: a total order, no objects

    for side in SIDES:
        for flight in state.sides[side].in_flight:
            if flight.arrives == state.year:
                push(flight.arrive_month, flight.arrive_day, _arrival_tie(state, side, flight), side, flight)
        for item in state.sides[side].scheduled:
            rng = Rng.stream(state.seed, "launch", state.year, side, item.number)
            push(item.month, rng.between(1, 28), rng.below(1 << 30), side, item)
    outcomes: list[Outcome] = []
    while queue:
        month, day, _, side, index = heapq.heappop(queue)
        entry = entries[index]
        if isinstance(entry, InFlight):
            rng = Rng.stream(state.seed, "arrival", entry.launched, side, entry.number)
            outcomes.extend(_with_hooks(state, content, missions.arrive(state, content, side, entry, rng)))
            continue
        own = state.sides[side]
        reason = missions.why_scrubbed(state, content, side, entry)
        if reason:
            refund = entry.cost // 2
            own.funds += refund
            outcomes.append(
                MissionScrubbed(side=side, number=entry.number, mission=entry.mission, month=month, reason=reason, refund=refund)
            )
            continue
        rng = Rng.stream(state.seed, "flight", state.year, side, entry.number)
        before = len(own.in_flight)
        outcomes.extend(_with_hooks(state, content, missions.fly(state, content, side, entry, day, rng)))
        for flight in own.in_flight[before:]:
            if flight.arrives == state.year:
                push(flight.arrive_month, flight.arrive_day, _arrival_tie(state, side, flight), side, flight)
    for side in SIDES:
        state.sides[side].scheduled = []
    return outcomes


def _arrival_tie(state: GameState, side: str, flight: InFlight) -> int:
    return Rng.stream(state.seed, "arrival-order", flight.launched, side, flight.number).below(1 << 30)


def _with_hooks(state: GameState, content: Content, happened: list[Outcome]) -> list[Outcome]:
    """What happened, followed by what the events listening for it add."""
    return happened + hooks.dispatch(state, content, happened)


def _year_end_accounts(state: GameState, content: Content) -> list[Outcome]:
    """Support from the year's race, next year's budget (with carry-over), and the year's record."""
    outcomes: list[Outcome] = []
    earned: dict[str, int] = {}
    from_service: dict[str, int] = {}
    for side in SIDES:  # what the craft in service pay comes first: it is part of the year's race
        earned[side], paid = service.year_end(state, content, side)
        from_service[side] = sum(item.support for item in paid if isinstance(item, ServicePaid))
        outcomes.extend(paid)
    parts = {side: economy.support_swing_parts(state, side) for side in SIDES}  # both before either changes
    swings = {side: sum(parts[side]) for side in SIDES}
    # what carries over is worked out at the support the year was played at, as the `end` warning says it
    carries = {side: economy.carry_over(state, content, side) for side in SIDES}
    for side in SIDES:
        own = state.sides[side]
        before = own.support
        own.support = min(max(own.support + swings[side], rules.SUPPORT_MIN), rules.SUPPORT_MAX)
        if own.support != before:
            outcomes.append(Changed(side=side, what="support", amount=own.support - before, cause="year_end",
                                    value=own.support))
        carry = carries[side]
        own.education_total += own.education
        own.education = 0
        own.intelligence_total += own.intelligence
        own.intelligence = 0
        for program in own.programs.values():
            program.grounded = False
        own.history.append({"year": state.year, "prestige": own.prestige, "budget": own.budget, "support": own.support,
                            "unspent": own.funds})
        next_budget = economy.budget_for(state, content, side, state.year + 1) + carry + earned[side]
        outcomes.append(
            YearReport(
                side=side, year=state.year, prestige=own.prestige, prestige_change=own.prestige - own.prestige_start,
                support=own.support, support_change=own.support - own.support_start, next_budget=next_budget,
                carried_over=carry, support_race=parts[side][0], support_drift=parts[side][1],
                support_service=from_service[side], prestige_gain=own.prestige - own.prestige_start,
                rival_gain=state.sides[rival_of(side)].prestige - state.sides[rival_of(side)].prestige_start,
            )
        )
        own.budget = next_budget
        own.funds = next_budget
    return outcomes


def _check_end(state: GameState, content: Content) -> GameOver | None:
    """The scenario's conditions, checked for both sides at year end."""
    scenario = content.scenarios[state.scenario]

    def holds(condition: Callable[[EvalContext], object] | None, side: str) -> bool:
        return condition is not None and bool(condition(EvalContext(state, content, side)))

    losers = [side for side in SIDES if holds(scenario.lose_if, side)]
    if losers:
        winner = "draw" if len(losers) == 2 else rival_of(losers[0])
        return GameOver(side="", winner=winner, reason="collapse", year=state.year)
    winners = [side for side in SIDES if holds(scenario.win_if, side)]
    if len(winners) == 1:
        return GameOver(side="", winner=winners[0], reason="win", year=state.year)
    if winners:
        return GameOver(side="", winner=_prestige_leader(state), reason="win", year=state.year)
    if any(holds(scenario.end_if, side) for side in SIDES):
        return GameOver(side="", winner=_prestige_leader(state), reason="end", year=state.year)
    if state.year >= state.end_year:
        return GameOver(side="", winner=_prestige_leader(state), reason="time", year=state.year)
    return None


def _prestige_leader(state: GameState) -> str:
    usa, ussr = state.sides["usa"].prestige, state.sides["ussr"].prestige
    return "usa" if usa > ussr else "ussr" if ussr > usa else "draw"


def _begin_year(state: GameState, content: Content) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for side in SIDES:
        own = state.sides[side]
        own.ended = False
        own.ledger = {}
        own.launches_given_up = 0
        own.prestige_start = own.prestige
        own.support_start = own.support
        outcomes.append(YearBegan(side=side, year=state.year, budget=own.budget, support=own.support))
        outcomes.extend(crew_rules.year_start(state, side))
        outcomes.extend(StationClosed(side=side, number=station.number, craft=station.craft, launched=station.launched,
                                      visits=station.visits)
                        for station in own.stations if state.year - station.launched == rules.STATION_LIFE_YEARS)
        outcomes.extend(characters.year_begins(state, content, side))
    outcomes.extend(_with_hooks(state, content, events.fire_events(state, content)))
    return outcomes
