"""The historical policy: a side flies its real programme from its schedule (a data file modders can edit).

Each year it makes the choices history made in its dilemmas (where they are open to it), selects crews when
history did, starts programmes in their real years and funds their development to be ready when history flew
them, and books the year's real launches in their real months, on their real rockets. When the dice say no it
adapts: a launch whose hardware or skills are not ready yet slips to a later month or year; a launch with a goal
is retried in later years while the goal is open (until its give-up year) and skipped once the goal is held; a
launch whose `when` no longer holds (the rival landed first) is dropped. Money left over buys reliability for
what flies soon. It reads only the side's view of the game, like every policy.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from . import ai_choices, choices, launch, missions, research, rules
from .context import EvalContext
from .defs import Content, MissionType, PlannedFlight, Schedule
from .orders import BuildPad, Choose, Fund, Order, Recruit, ScheduleMission, StartProgram
from .state import GameState

Submit = Callable[[Order], bool]
CrewChooser = Callable[[GameState, Content, str, MissionType, str], "tuple[str, ...] | str"]


RELIABILITY_ROUNDS, RELIABILITY_SHARE = 1, 50  # history's programmes spent on what flew, not on perfecting it
SLIPPED_ATTEMPTS = 2  # a goal still open after its year is tried this many times in the next (a launch and a backup)


def schedule_for(content: Content, scenario: str, side: str) -> Schedule | None:
    """The side's schedule for the scenario: one naming it, else one for every scenario (first by id)."""
    mine = [content.schedules[key] for key in sorted(content.schedules) if content.schedules[key].side == side]
    named = [item for item in mine if scenario in item.scenarios]
    general = [item for item in mine if not item.scenarios]
    found = named or general
    return found[0] if found else None


def act(state: GameState, content: Content, side: str, submit: Submit, plan: Schedule, crew_for: CrewChooser,
        manage_crew: Callable[[GameState, Content, str, Submit], None]) -> None:
    """Give the side's orders for the year from its schedule (not EndYear)."""
    _decide(state, content, side, submit, plan)
    _start_programs(state, content, side, submit, plan)
    booked = _book_flights(state, content, side, submit, plan, crew_for)
    if plan.recruit:
        _recruit(state, content, side, submit, plan)
    else:
        manage_crew(state, content, side, submit)
    _develop(state, content, side, submit, plan, booked)


def _decide(state: GameState, content: Content, side: str, submit: Submit, plan: Schedule) -> None:
    """History's choice in each dilemma where it is open and can be paid for; the AI's own weighing elsewhere."""
    for item in list(state.sides[side].pending):
        wanted = plan.choices.get(item.event)
        event = content.events.get(item.event)
        if wanted is None or event is None:
            continue
        for _, _, _, choice, crew in ai_choices.score_choices(state, content, side, event, item):
            if choice.id == wanted:
                submit(Choose(side=side, event=event.id, choice=choice.id, crew=crew))
                break
    ai_choices.decide(state, content, side, submit)


def _start_programs(state: GameState, content: Content, side: str, submit: Submit, plan: Schedule) -> None:
    own = state.sides[side]
    for item in sorted(plan.programs, key=lambda entry: (entry.ready, entry.program)):
        if item.program in own.programs or not item.start <= state.year <= (item.end or 9999):
            continue
        if research.why_cannot_start(state, content, side, item.program) is None:
            submit(StartProgram(side=side, program=item.program))


def flights_for(state: GameState, content: Content, side: str, plan: Schedule) -> list[PlannedFlight]:
    """This year's launches: the year's own, and earlier ones with a goal still open that slip into it (the latest
    attempt for each goal, with a backup; none where this year has a launch of its own for that goal), without
    those history's turn made moot."""
    own = state.sides[side]
    year = state.year
    this_year = [flight for flight in plan.flights if flight.year == year]
    goals_now = {flight.goal for flight in this_year if flight.goal}
    slipped: dict[str, PlannedFlight] = {}
    for flight in plan.flights:
        if flight.year < year <= flight.give_up and flight.goal and flight.goal not in goals_now:
            slipped[flight.goal] = flight  # the latest attempt for the goal
    retries = [flight for flight in slipped.values() for _ in range(SLIPPED_ATTEMPTS)]
    found = sorted([*this_year, *retries], key=lambda flight: (flight.month, flight.year, flight.mission))
    context = EvalContext(state, content, side)
    return [flight for flight in found
            if not (flight.goal and flight.goal in own.achieved) and (flight.when is None or flight.when(context))]


def _book_flights(state: GameState, content: Content, side: str, submit: Submit, plan: Schedule,
                  crew_for: CrewChooser) -> set[str]:
    """Book the year's launches; return the programmes they fly on."""
    own = state.sides[side]
    booked: set[str] = set()
    goals: set[str] = set()  # goals an earlier launch this year already flies for: later ones are its backups
    for flight in flights_for(state, content, side, plan):
        mission = content.missions[flight.mission]
        if missions.why_not_available(state, content, side, mission, flight.month if flight.year == state.year else 13):
            continue  # not yet (the skills it needs, a station up): a launch with a goal comes back next year
        hardware = _hardware(state, content, side, mission, flight)
        if hardware is None:
            continue
        rocket, craft, lander = hardware
        crew: tuple[str, ...] = ()
        if mission.crew_min:
            found = _crew(state, content, side, mission, craft, flight, crew_for)
            if isinstance(found, str):
                continue
            crew = found
        cost = missions.mission_cost(content, mission, missions.Loadout(rocket, craft, lander, crew))
        if cost > own.funds:
            continue
        if len(own.scheduled) >= choices.capacity(own) and not _build_pad(own.funds, cost, side, submit):
            continue
        wanted = flight.month if flight.year == state.year else 1  # a slipped launch goes as soon as it can
        month = _month(state, content, side, mission, rocket, wanted)
        if not month and _build_pad(own.funds, cost, side, submit):
            month = _month(state, content, side, mission, rocket, wanted)
        if not month:
            continue
        order = ScheduleMission(side=side, mission=mission.id, month=month, rocket=rocket, craft=craft, lander=lander,
                                crew=crew, backup=flight.goal in goals and _unconditional(content, flight.goal))
        # the engine's earliest month when history's is refused (a station visit before the station is up)
        if submit(order) or submit(dataclasses.replace(order, month=0)):
            booked.update(part for part in (rocket, craft, lander) if part)
            if flight.goal:
                goals.add(flight.goal)
    return booked


def _crew(state: GameState, content: Content, side: str, mission: MissionType, craft: str, flight: PlannedFlight,
          crew_for: CrewChooser) -> tuple[str, ...] | str:
    """History's crew: for a flight whose goal is a first that depends on who flies (the first woman, the first
    crew of three), the crew that wins it; otherwise the strongest, the men first, as the real selections were."""
    seats = min(max(mission.crew_max, mission.crew_min), content.hardware[craft].seats)
    count = min(max(flight.crew, mission.crew_min), seats) if flight.crew else seats
    goal = content.milestones.get(flight.goal)
    if goal is not None and goal.condition is not None:
        found = crew_for(state, content, side, mission, craft)
        return found if isinstance(found, str) else found[:count]
    own = state.sides[side]
    busy = missions.busy_crew(own)
    skills = [step.skill for step in mission.steps if step.skill]
    free = [member for member in own.active_crew(state.year) if member.id not in busy]
    if len(free) < mission.crew_min:
        return f"{mission.name} needs {mission.crew_min} crew ready to fly"
    free.sort(key=lambda member: (member.woman, -sum(member.skill(skill) for skill in skills), member.id))
    return tuple(member.id for member in free[:count])


def _unconditional(content: Content, milestone_id: str) -> bool:
    """A first any successful flight wins (a backup can stand down once it is won); not one that depends on who
    flies, which a backup may still be needed for."""
    milestone = content.milestones.get(milestone_id)
    return milestone is not None and milestone.condition is None


def _build_pad(funds: int, cost: int, side: str, submit: Submit) -> bool:
    return funds >= cost + rules.PAD_COST and submit(BuildPad(side=side))


def _month(state: GameState, content: Content, side: str, mission: MissionType, rocket: str, wanted: int) -> int:
    """History's month if the rules allow it, else the nearest later one, else the latest earlier one."""
    later = launch.earliest_month(state, content, side, mission, rocket, wanted)
    if later:
        return later
    earlier = [month for month in range(1, wanted)
               if launch.why_not_month(state, content, side, mission, rocket, month) is None]
    return earlier[-1] if earlier else 0


def _hardware(state: GameState, content: Content, side: str, mission: MissionType,
              flight: PlannedFlight) -> tuple[str, str, str] | None:
    """History's rocket, craft and lander where they can fly; otherwise the best the side has that fits."""
    if flight.rocket and flight.craft and (flight.lander or not mission.lander):
        if missions.why_not_hardware(state, content, side, mission, flight.rocket, flight.craft, flight.lander) is None:
            return flight.rocket, flight.craft, flight.lander
    own = state.sides[side]
    craft = flight.craft if flight.craft in own.programs else ""
    best = missions.best_hardware(state, content, side, mission, craft=craft)
    if isinstance(best, str) and craft:
        best = missions.best_hardware(state, content, side, mission)
    return None if isinstance(best, str) else best


def _recruit(state: GameState, content: Content, side: str, submit: Submit, plan: Schedule) -> None:
    own = state.sides[side]
    wanted = plan.recruit.get(state.year, 0)
    count = min(wanted, rules.MAX_RECRUITS_PER_YEAR)
    if count and own.funds >= count * rules.RECRUIT_COST:
        submit(Recruit(side=side, count=count))
    active = sum(1 for member in own.crew if member.status == "active")
    if active:
        submit(Fund(side=side, target="training", amount=min(active * 4, own.funds // 10)))


def _develop(state: GameState, content: Content, side: str, submit: Submit, plan: Schedule, booked: set[str]) -> None:
    """Fund each programme's development to be done by its ready year (soonest first), then the reliability of
    what flies this year and next; a little is kept for surprises and a little goes to education."""
    own = state.sides[side]
    keep = own.budget // 20
    year = state.year
    active = [item for item in sorted(plan.programs, key=lambda entry: (entry.ready, entry.program))
              if item.program in own.programs and item.start <= year <= (item.end or 9999)]
    needs: list[tuple[str, int]] = []  # (programme, $M this year to keep it on course for its ready year)
    for item in active:
        program = own.programs[item.program]
        left = research.development_left(content.hardware[item.program], program) - program.funding
        if left > 0:
            needs.append((item.program, -(-left // max(item.ready - year, 1))))
    # what must be done this year (its ready year is next year, or past) goes first, the cheapest first, so a
    # late, costly programme cannot starve the small ones; then the rest share what is left in proportion
    ready_by = {item.program: item.ready for item in active}
    urgent = sorted((need, program_id) for program_id, need in needs if ready_by[program_id] <= year + 1)
    later = [(program_id, need) for program_id, need in needs if ready_by[program_id] > year + 1]
    for need, program_id in urgent:
        amount = min(need, own.funds - keep)
        if amount > 0:
            submit(Fund(side=side, target=program_id, amount=own.programs[program_id].funding + amount))
    wanted = sum(need for _, need in later)
    money = max(own.funds - keep, 0)
    for program_id, need in later:
        amount = need if wanted <= money else need * money // wanted
        if amount > 0:
            submit(Fund(side=side, target=program_id, amount=own.programs[program_id].funding + amount))
    soon = [item.program for item in active if item.ready <= year + 1 and
            research.is_operational(content.hardware[item.program], own.programs[item.program])]
    flying = [program for program in sorted(booked) if program in own.programs] + \
             [program for program in soon if program not in booked]
    for _ in range(RELIABILITY_ROUNDS):  # rounds, so money spreads over every programme that still gains from it
        wanting = [program for program in flying
                   if research.reliability(content.hardware[program], own.programs[program])
                   < content.hardware[program].max_reliability - 15]
        if not wanting or own.funds <= keep:
            break
        share = (own.funds - keep) // len(wanting)
        for program_id in wanting:
            amount = min(share, content.hardware[program_id].research_scale * RELIABILITY_SHARE // 100)
            if amount > 0:
                submit(Fund(side=side, target=program_id, amount=own.programs[program_id].funding + amount))
    if own.funds > keep and year >= 1958:
        submit(Fund(side=side, target="education", amount=min(own.funds - keep, own.budget // 40)))
