"""The strategic AI opponent: it reads the state and gives orders through the same door as a player.

No hidden bonuses: every order goes through `submit`, which is the engine's `apply`; a refused order is simply
skipped. The policy values missions by the prestige of milestones still open to it and of the firsts they open
(a docking is worth part of the Moon landing it leads to), picks the cheapest hardware path to each, develops it
as fast as the money allows (the great prizes first), proves it, and flies it when its risks are acceptable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from . import ai_choices, choices, historical, launch, missions, research, rules, service, view
from .defs import Content, MissionType, rival_of
from .orders import BuildPad, Fund, Order, Recruit, ScheduleMission, StartProgram
from .context import EvalContext
from .state import GameState, SideState

Submit = Callable[[Order], bool]

POLICIES = ("strategic", "historical")


@dataclass(frozen=True, slots=True)
class Goal:
    mission: MissionType
    value: int  # prestige on offer
    path: tuple[str, ...]  # hardware ids needed (rocket, craft, lander)
    cost: int  # $M still to spend before it can fly


@dataclass(frozen=True, slots=True)
class Skill:
    """How well the strategic policy plays: the difficulty a player picks for the rival changes this, not the rules."""

    backup_value: int  # prestige on offer from which a first gets a backup flight (0: never)
    test_flights: bool  # fly a new capsule empty before a crew rides it
    safety_share: int  # 1/n of the money first makes what will carry a crew safer (0: none)
    plans_months: bool  # waits for the month its risks are acceptable (else: always the earliest)
    takes_odds: bool = True  # tries an uncrewed first whenever the prize outweighs the failures (else: only at fair odds)
    focuses: bool = True  # the great prizes' hardware is finished and made sure before the rest gets the money


UNCREWED_FIRST_FLOOR = 150  # per-mille: an uncrewed first is tried at no worse odds than this …
UNCREWED_FAILURE_WORTH = 4  # … and only when the prize times the odds outweighs this much prestige per failure
JOINT_FLIGHT_WORTH = 25  # what flying a joint flight is worth beyond its prestige, when ranking the year's flights
FAIR_ODDS = 450  # per-mille: a rival that does not take the odds tries an uncrewed first only from here
QUICK_SHARE_PERCENT = 50  # a first whose programs cost at most this share of the year's money is developed first
STEPPING_STONE_PERCENT = 50  # a first is worth this share of the firsts it opens (the docking the Moon needs) …
STEPPING_STONE_LINKS = 3  # … followed this many links back
GRAND_FIRST_PERCENT = 30  # share of the spare money that first makes the great prizes' hardware surer
CREW_RISK = 20  # per-mille: the catastrophe risk a routine crewed flight may run (a first may run more)
PLANS_AHEAD = 2  # years: a path whose last program cannot start yet is worth beginning while it comes
_ACHIEVED = re.compile(r"(?<![a-z_])achieved\('([a-z0-9_]+)'\)")

SKILLS = {
    "easy": Skill(backup_value=0, test_flights=True, safety_share=24, plans_months=True, focuses=False),
    "normal": Skill(backup_value=6, test_flights=True, safety_share=12, plans_months=True),
    "hard": Skill(backup_value=3, test_flights=True, safety_share=8, plans_months=True),
}


def act(state: GameState, content: Content, side: str, submit: Submit, policy: str = "strategic",
        difficulty: str = "normal") -> None:
    """Give this side's orders for the year (not EndYear), deciding from what the side can see alone."""
    seen = view.side_view(state, content, side)
    plan = historical.schedule_for(content, state.scenario, side) if policy == "historical" else None
    if plan is not None:
        historical.act(seen, content, side, submit, plan, _crew_for, _manage_crew)
    else:  # the strategic policy, or a historical one with no schedule for this side
        _strategic(seen, content, side, submit, SKILLS.get(difficulty, SKILLS["normal"]))


def _strategic(state: GameState, content: Content, side: str, submit: Submit, skill: Skill) -> None:
    ai_choices.decide(state, content, side, submit)
    if skill.test_flights:
        _test_flights(state, content, side, submit)
    _schedule_missions(state, content, side, submit, skill)
    _manage_crew(state, content, side, submit)
    goals = _goals(state, content, side)
    _develop(state, content, side, submit, goals, skill)
    own = state.sides[side]
    if own.funds > 0 and state.year >= 1958:
        submit(Fund(side=side, target="education", amount=min(own.funds, own.budget // 40)))


def milestone_value(state: GameState, content: Content, side: str, mission: MissionType) -> int:
    """Prestige a success would bring this side now (milestones it does not hold, plus the mission's own)."""
    own = state.sides[side]
    value = mission.prestige
    for step in mission.steps:
        for milestone_id in step.claims:
            if milestone_id in own.achieved:
                continue
            milestone = content.milestones[milestone_id]
            first = state.first_claim(milestone_id) is None
            prize = milestone.prestige_first if first else milestone.prestige_second
            # a conditional first (a woman aboard, a larger crew) is a bonus to hope for, not a plan
            value += prize // 3 if milestone.condition is not None else prize
    return value


def opens(state: GameState, content: Content, side: str, mission: MissionType, links: int = STEPPING_STONE_LINKS,
          memo: dict[tuple[str, int], int] | None = None) -> int:
    """What the firsts this mission would win are worth as stepping stones: a share of the open prizes of the
    missions that need one of them (the mission's `requires`), and of what those open in turn. `memo` keeps the
    answers of one moment across calls (the state must not change while it is used)."""
    memo = {} if memo is None else memo
    key = (mission.id, links)
    if key in memo:
        return memo[key]
    own = state.sides[side]
    wins = {claim for step in mission.steps for claim in step.claims if claim not in own.achieved}
    total = 0
    for other_id in _opened_by(content, wins) if wins and links > 0 else ():
        other = content.missions[other_id]
        if other_id == mission.id or side not in other.sides:
            continue
        if links == STEPPING_STONE_LINKS and other.requires is not None and other.requires(EvalContext(state, content, side)):
            continue  # already open another way (only asked of the first link: the later ones are all still shut)
        prize = milestone_value(state, content, side, other) - other.prestige
        total = max(total, prize + opens(state, content, side, other, links - 1, memo))
    memo[key] = total * STEPPING_STONE_PERCENT // 100
    return memo[key]


_OPENED: list[tuple[Content, dict[str, tuple[str, ...]]]] = []  # the last content's table (content never changes)


def _opened_by(content: Content, milestones: set[str]) -> list[str]:
    """Ids of the missions whose `requires` names one of these milestones as achieved, in id order."""
    if not _OPENED or _OPENED[0][0] is not content:
        table: dict[str, list[str]] = {}
        for mission_id in sorted(content.missions):
            for name in set(_ACHIEVED.findall(content.missions[mission_id].requires_text)):
                table.setdefault(name, []).append(mission_id)
        _OPENED[:] = [(content, {name: tuple(ids) for name, ids in table.items()})]
    table_now = _OPENED[0][1]
    return sorted({mission_id for name in milestones for mission_id in table_now.get(name, ())})


def flight_risks(state: GameState, content: Content, side: str, mission: MissionType, loadout: missions.Loadout,
                 month: int = 0) -> tuple[int, int]:
    """(chance of full success, chance of a catastrophe), both per-mille, for a planned flight (launched in
    `month`: 0 for the earliest the rules allow)."""
    return risks_of(mission, missions.step_chances(state, content, side, mission, loadout, month))


def risks_of(mission: MissionType, chances: list[int]) -> tuple[int, int]:
    """(chance of full success, chance of a catastrophe), both per-mille, from each step's chance."""
    reach = 1000
    catastrophe = 0
    for step, chance in zip(mission.steps, chances):
        total = sum(step.failure.values()) or 1
        catastrophe += reach * (1000 - chance) // 1000 * step.failure.get("catastrophe", 0) // total
        reach = reach * chance // 1000
    return reach, catastrophe


def _schedule_missions(state: GameState, content: Content, side: str, submit: Submit, skill: Skill = SKILLS["normal"]) -> None:
    """Fly what is worth flying: open firsts whenever the odds are fair, routine flights only when safe."""
    own = state.sides[side]
    candidates: list[tuple[int, str, int, int]] = []  # (minus what it is worth in all, id, its prestige now, what it opens)
    stones: dict[tuple[str, int], int] = {}
    for mission_id in sorted(content.missions):
        mission = content.missions[mission_id]
        if missions.why_not_available(state, content, side, mission) or (mission_id == TEST_MISSION and not skill.test_flights):
            continue
        if mission.partner and not _joins(state, side, mission):
            continue
        value = milestone_value(state, content, side, mission)
        lasting = service.worth(state, side, mission)
        if value <= mission.prestige and not lasting and own.flights.get(mission_id, 0) >= 2 + 2 * (mission.crew_min > 0):
            continue  # little left to learn from another routine flight
        joint = JOINT_FLIGHT_WORTH if mission.partner else 0  # a promise to keep, and the rival's crew waiting
        stone = opens(state, content, side, mission, memo=stones) if value > mission.prestige else 0
        candidates.append((-value - lasting - joint - stone, mission_id, value, stone))
    candidates.sort()
    claimed_this_year: set[str] = set()
    primaries: list[tuple[MissionType, int, tuple[str, str, str]]] = []
    for _, mission_id, value, stone in candidates:
        mission = content.missions[mission_id]
        claims = tuple(claim for step in mission.steps for claim in step.claims)
        if claims and value > mission.prestige and all(claim in claimed_this_year for claim in claims if claim not in own.achieved):
            continue  # another flight this year already goes for these firsts
        if len(own.scheduled) >= choices.capacity(own):
            if own.funds < rules.PAD_COST * 4 or not submit(BuildPad(side=side)):
                break
        best = missions.best_hardware(state, content, side, mission)
        if isinstance(best, str):
            continue
        crew = _crew_for(state, content, side, mission, best[1])
        if isinstance(crew, str):
            continue
        loadout = missions.Loadout(best[0], best[1], best[2], crew)
        new_first = value > mission.prestige
        not_before = 1
        if mission.station == "visit" and missions.current_station(state, side) is None:
            launches = [item.month for item in own.scheduled if content.missions[item.mission].station == "launch"]
            not_before = min(launches, default=12) + 1
        elif not new_first:  # routine flights fill the later months; the race for firsts goes early
            not_before = 4
        partner_month = missions.partner_month(state, side, mission_id) if mission.partner else 0

        def acceptable(success: int, catastrophe: int, crewed: bool = mission.crew_min > 0, first: bool = new_first,
                       worth: int = value + stone) -> bool:
            if crewed:  # a great prize is worth a greater risk
                return catastrophe <= CREW_RISK + (worth // 2 if first else 0) and success >= (500 if first else 750)
            if first and skill.takes_odds:  # an uncrewed try at a first pays when the prize outweighs what a failure costs
                return success >= UNCREWED_FIRST_FLOOR and success * worth >= (1000 - success) * UNCREWED_FAILURE_WORTH
            return success >= (FAIR_ODDS if first else 650)

        cost = missions.mission_cost(content, mission, loadout)
        if cost > own.funds * (2 if new_first else 1) // 3:
            continue  # not this year: too dear (judged first, as it needs no month)
        month = (_launch_month(state, content, side, mission, loadout, not_before, new_first, acceptable)
                 if skill.plans_months else launch.earliest_month(state, content, side, mission, loadout.rocket, not_before))
        if partner_month:  # a joint flight goes in the month its partner booked, or not at all
            month = 0 if launch.why_not_month(state, content, side, mission, loadout.rocket, partner_month) else partner_month
        if not acceptable(*flight_risks(state, content, side, mission, loadout, month)):  # judged as it would fly
            continue
        if month and submit(ScheduleMission(side=side, mission=mission_id, month=month, rocket=best[0], craft=best[1], lander=best[2], crew=crew)):
            claimed_this_year.update(claims)
            if new_first and skill.backup_value and value >= skill.backup_value:
                primaries.append((mission, month, best))
    for mission, month, best in primaries:  # the great prizes get a second try later in the year, if money allows
        _book_backup(state, content, side, submit, mission, month, best)


def _joins(state: GameState, side: str, mission: MissionType) -> bool:
    """A joint flight is worth booking while neither side has flown its half, or when the rival has booked its
    half this year (its booking is public): then both go in the same month."""
    if missions.partner_booked(state, side, mission.id):
        return True
    return not state.sides[side].flights.get(mission.id) and not state.sides[rival_of(side)].flights.get(mission.id)


def _book_backup(state: GameState, content: Content, side: str, submit: Submit, mission: MissionType, after: int,
                 best: tuple[str, str, str]) -> None:
    """A backup of a flight for a great first: it flies later in the year only if the first is still open then."""
    own = state.sides[side]
    if not missions.still_needed(state, content, side, mission) or len(own.scheduled) >= choices.capacity(own):
        return
    crew = _crew_for(state, content, side, mission, best[1])
    if isinstance(crew, str):
        return
    loadout = missions.Loadout(best[0], best[1], best[2], crew)
    if missions.mission_cost(content, mission, loadout) > own.funds // 4:
        return
    month = launch.earliest_month(state, content, side, mission, best[0], after + 1)
    if month:
        submit(ScheduleMission(side=side, mission=mission.id, month=month, rocket=best[0], craft=best[1],
                               lander=best[2], crew=crew, backup=True))


TEST_MISSION = "capsule_test"
TEST_FLIGHTS = 2  # a new capsule flies empty this many times before the AI trusts it with a crew


def _test_flights(state: GameState, content: Content, side: str, submit: Submit) -> None:
    """Fly each new capsule empty on its rocket (as every real programme did) before a crew rides it: the
    flights teach the rocket and the capsule, and come early in the year, before the crewed flights."""
    mission = content.missions.get(TEST_MISSION)
    own = state.sides[side]
    if mission is None or missions.why_not_available(state, content, side, mission):
        return
    for craft_id in sorted(own.programs):
        craft = content.hardware[craft_id]
        program = own.programs[craft_id]
        booked = sum(1 for item in own.scheduled if item.mission == TEST_MISSION and item.craft == craft_id)
        if craft.kind != "capsule" or program.flights + booked >= TEST_FLIGHTS:
            continue
        if not research.is_operational(craft, program) or len(own.scheduled) >= choices.capacity(own):
            continue
        best = missions.best_hardware(state, content, side, mission, craft=craft_id)
        if isinstance(best, str):
            continue
        loadout = missions.Loadout(best[0], best[1], best[2], ())
        if missions.mission_cost(content, mission, loadout) > own.funds // 10:
            continue
        month = launch.earliest_month(state, content, side, mission, best[0])
        if month:
            submit(ScheduleMission(side=side, mission=TEST_MISSION, month=month, rocket=best[0], craft=craft_id))


def _crew_for(state: GameState, content: Content, side: str, mission: MissionType, craft: str) -> tuple[str, ...] | str:
    """The strongest crew, unless swapping its last seat for someone else wins a conditional first (a woman
    aboard, say) that the strongest crew would not."""
    best = missions.best_crew(state, content, side, mission, craft)
    if isinstance(best, str) or not best:
        return best
    conditional = [
        content.milestones[claim] for step in mission.steps for claim in step.claims
        if claim not in state.sides[side].achieved and content.milestones[claim].condition is not None
    ]
    if not conditional:
        return best

    def wins(crew: tuple[str, ...]) -> int:
        members = [state.sides[side].crew_by_id(crew_id) for crew_id in crew]
        context = EvalContext(state, content, side, crew_size=len(crew), crew_women=sum(1 for m in members if m and m.woman))
        return sum(milestone.prestige_first for milestone in conditional if milestone.condition and milestone.condition(context))

    busy = missions.busy_crew(state.sides[side]) | set(best)
    options = [best] + [(*best[:-1], member.id) for member in state.sides[side].active_crew(state.year) if member.id not in busy]
    return max(options, key=wins)  # determinism: ties keep the first, the strongest crew


def _launch_month(state: GameState, content: Content, side: str, mission: MissionType, loadout: missions.Loadout,
                  not_before: int, new_first: bool, acceptable: Callable[[int, int], bool]) -> int:
    """The month to launch: the first at which the flight's risks are acceptable; among those, a race the rival
    can be seen to run goes as early as the pads allow, and otherwise the flight takes the extra months of
    preparation that make it surer, while they are worth the wait."""
    allowed = launch.open_months(state, content, side, mission, loadout.rocket, not_before)
    if not allowed:
        return 0
    earliest = allowed[0]
    wait_cost = 150 if new_first and _rival_could_fly(state, content, side, mission) else 25  # per-mille a month
    best, chosen = (False, -1), earliest
    raw = missions.raw_step_chances(state, content, side, mission, loadout)  # once: only the bonus changes by month
    for month in range(earliest, min(earliest + rules.EXTRA_PREP_MONTHS, 12) + 1):
        if month not in allowed:
            continue
        bonus = launch.prep_bonus(state, content, mission, loadout.rocket, month)
        success, catastrophe = risks_of(mission, [missions.clamp_chance(chance + bonus) for chance in raw])
        score = (acceptable(success, catastrophe),
                 (success - 3 * catastrophe) * (1000 - (month - earliest) * wait_cost) // 1000)
        if score > best:  # determinism: ties keep the earlier month
            best, chosen = score, month
    return chosen


def _rival_could_fly(state: GameState, content: Content, side: str, mission: MissionType) -> bool:
    """As far as the side can see, the rival has a flyable craft for this mission (or so its estimates say)."""
    rival = state.sides[rival_of(side)]
    if side not in mission.sides or rival_of(side) not in mission.sides:
        return False
    for program_id, program in rival.programs.items():
        hardware = content.hardware.get(program_id)
        if hardware is not None and missions.craft_fits(hardware, mission) and research.is_operational(hardware, program):
            return True
    return False


def _manage_crew(state: GameState, content: Content, side: str, submit: Submit) -> None:
    own = state.sides[side]
    wants_crew = any(
        content.hardware[program_id].kind == "capsule" for program_id in own.programs
    )
    if not wants_crew:
        return
    ready = sum(1 for member in own.crew if member.status == "active")
    target = 7 if state.year < 1962 else 12 if state.year < 1965 else 18
    if ready < target:
        count = min(target - ready, 6)
        if own.funds >= count * rules.RECRUIT_COST * 4:
            submit(Recruit(side=side, count=count))
    active = sum(1 for member in own.crew if member.status == "active")
    if active:
        submit(Fund(side=side, target="training", amount=min(active * 4, own.funds // 10)))


def _path_cost(state: GameState, content: Content, own: SideState, path: tuple[str, ...]) -> int | None:
    """$M still needed to make every program on the path operational, or None if it cannot be done yet."""
    total = 0
    seen: set[str] = set()
    for hardware_id in path:
        for needed in (*content.hardware[hardware_id].requires, hardware_id):
            if needed in seen:
                continue
            seen.add(needed)
            hardware = content.hardware[needed]
            program = own.programs.get(needed)
            if program is None:
                if state.year + PLANS_AHEAD < hardware.available:
                    return None
                total += hardware.start_cost
            total += research.development_left(hardware, program)
    return total


def goals(state: GameState, content: Content, side: str) -> list[Goal]:
    """What the side's open firsts need, as the AI weighs them: each mission with prestige still open and its cheapest
    hardware path, best value for money first (the spare-money hints follow the same paths)."""
    return _goals(state, content, side)


def _goals(state: GameState, content: Content, side: str) -> list[Goal]:
    """Missions with prestige still open, each with its cheapest hardware path, best value for money first."""
    own = state.sides[side]
    mine = [hardware for hardware_id, hardware in sorted(content.hardware.items()) if hardware.side == side]
    rockets = [hardware for hardware in mine if hardware.kind == "rocket"]
    landers = [hardware for hardware in mine if hardware.kind == "lander"]
    goals: list[Goal] = []
    stones: dict[tuple[str, int], int] = {}
    for mission_id in sorted(content.missions):
        mission = content.missions[mission_id]
        if side not in mission.sides or mission.available > state.year + 5:
            continue
        value = milestone_value(state, content, side, mission) + service.worth(state, side, mission)
        if value <= mission.prestige + 1:
            continue
        value += opens(state, content, side, mission, memo=stones)
        best: Goal | None = None
        for craft in mine:
            if craft.kind not in mission.craft or mission.crew_min > craft.seats:
                continue
            if any(need not in craft.capabilities for need in mission.needs):
                continue
            lift = max(mission.min_lift, craft.mass)
            for rocket in rockets:
                if rocket.lift < lift or (craft.rockets and rocket.id not in craft.rockets):
                    continue
                for lander in landers if mission.lander else [None]:
                    path = tuple(h.id for h in (rocket, craft, lander) if h is not None)
                    cost = _path_cost(state, content, own, path)
                    if cost is None:
                        continue
                    if best is None or cost < best.cost:
                        best = Goal(mission=mission, value=value, path=path, cost=cost)
        if best is not None:
            goals.append(best)
    goals.sort(key=lambda goal: (-(goal.value * 1000) // (goal.cost + goal.mission.cost + 50), goal.mission.id))
    return goals


def _develop(state: GameState, content: Content, side: str, submit: Submit, goals: list[Goal],
             skill: Skill = SKILLS["normal"]) -> None:
    """Start and fund the programs on the best paths, then push flyable hardware toward high reliability,
    spending most of the year's money (a quarter carried over is all the treasury allows)."""
    own = state.sides[side]
    committed: list[str] = []
    grand = sorted(goals, key=lambda goal: (-goal.value, goal.mission.id))[:2]  # the big prizes need years of work
    # what this year's money can finish comes first, as a player buys the cheap sure firsts before the long haul
    quick = [goal for goal in goals[:10] if goal.cost <= own.funds * QUICK_SHARE_PERCENT // 100]
    for goal in quick + goals[:10] + grand:
        for hardware_id in goal.path:
            for needed in (*content.hardware[hardware_id].requires, hardware_id):
                if needed not in committed:
                    committed.append(needed)
    keep = own.budget // 12  # a little for surprises
    grand_ids = {hid for goal in grand for hid in goal.path} if skill.focuses else set()
    near = [hid for goal in goals[:10] if goal.mission.crew_min for hid in goal.path
            if hid in own.programs and research.development_left(content.hardware[hid], own.programs[hid]) == 0
            and research.reliability(content.hardware[hid], own.programs[hid]) < _target(content, hid)]
    if near and skill.safety_share:  # what can carry a crew soon is made safe before the big prizes take the money
        share = max(own.funds - keep, 0) // skill.safety_share // len(set(near))
        for hardware_id in sorted(set(near)):
            amount = min(share, content.hardware[hardware_id].research_scale)
            if amount > 0:
                submit(Fund(side=side, target=hardware_id, amount=own.programs[hardware_id].funding + amount))
    for hardware_id in committed:
        hardware = content.hardware[hardware_id]
        if hardware_id not in own.programs:
            if research.why_cannot_start(state, content, side, hardware_id) is None and hardware.start_cost <= (own.funds - keep) // 2:
                submit(StartProgram(side=side, program=hardware_id))
        program = own.programs.get(hardware_id)
        if program is None:
            continue
        left = research.development_left(hardware, program)
        spare = own.funds - (0 if hardware_id in grand_ids else keep)  # the reserve may finish a great prize's hardware
        amount = min(left, spare)  # a program is developed as fast as the money allows, as a player may
        if amount > 0:
            submit(Fund(side=side, target=hardware_id, amount=program.funding + amount))
    flyable = [hid for hid in committed
               if hid in own.programs and research.development_left(content.hardware[hid], own.programs[hid]) == 0]
    grand_ready = sorted({hid for goal in grand for hid in goal.path if hid in flyable})
    if grand_ready and skill.focuses and own.funds > keep:  # the great prize's hardware is made sure first
        share = (own.funds - keep) * GRAND_FIRST_PERCENT // 100 // len(grand_ready)
        for hardware_id in grand_ready:
            hardware, program = content.hardware[hardware_id], own.programs[hardware_id]
            amount = min(share, hardware.research_scale * 2)
            if amount > 0 and research.reliability(hardware, program) < hardware.max_reliability - 5:
                submit(Fund(side=side, target=hardware_id, amount=program.funding + amount))
    for _ in range(4):  # a few rounds, so money spreads over every program that still needs it
        wanting = [hid for hid in flyable if research.reliability(content.hardware[hid], own.programs[hid]) < _target(content, hid)]
        if not wanting or own.funds <= keep:
            break
        share = (own.funds - keep) // len(wanting)
        for hardware_id in wanting:
            amount = min(share, content.hardware[hardware_id].research_scale * 2)
            if amount > 0:
                submit(Fund(side=side, target=hardware_id, amount=own.programs[hardware_id].funding + amount))
    grand_path = [hid for goal in grand for hid in goal.path if hid in own.programs]
    if grand_path and own.funds > keep:  # whatever is left goes to the big prize
        share = (own.funds - keep) // len(grand_path)
        for hardware_id in grand_path:
            program = own.programs[hardware_id]
            if share > 0 and research.reliability(content.hardware[hardware_id], program) < content.hardware[hardware_id].max_reliability - 5:
                submit(Fund(side=side, target=hardware_id, amount=program.funding + share))


def _target(content: Content, hardware_id: str) -> int:
    hardware = content.hardware[hardware_id]
    wanted = 960 if hardware.kind in ("capsule", "lander", "station") else 930
    return min(wanted, hardware.max_reliability - 10)
