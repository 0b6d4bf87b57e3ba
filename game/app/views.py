"""View-models: the state seen by one side, as rows and labels both front ends draw the same way."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import ai, choices, cruise, economy, launch, missions, research, rules, turn
from game.engine.defs import Content, MissionType, rival_of
from game.engine.state import GameState

from game.engine.defs import MONTHS

from .narrate import side_name
from .race_views import OPEN_WORD, AlmanacEntry, AlmanacYear, RaceRow, ResultView, almanac, era_order, race_board, result
from .text import gains_words, probe_words

__all__ = [  # the race board, the result and the almanac live in race_views; callers may keep asking this module
    "almanac", "AlmanacEntry", "AlmanacYear", "booked_chance", "budget", "BudgetLine", "carried_over",
    "crew_bookings", "crew_risk", "crew_rows", "CrewRow", "era_order", "launch_timing", "mission_plan",
    "mission_rows", "MissionPlan", "MissionRow", "month_choices", "MonthChoice", "office", "OfficeView",
    "open_prizes", "OPEN_WORD", "plan", "plural", "program_detail", "ProgramDetail", "ProgramRow", "programs",
    "race_board", "RaceRow", "result", "ResultView", "risk_words", "status", "StatusView",
]


@dataclass(frozen=True, slots=True)
class StatusView:
    year: int
    side: str
    side_name: str
    prestige: int
    rival_prestige: int
    support: int
    budget: int
    funds: int
    pads: int
    launches_booked: int
    launch_capacity: int
    active_crew: int
    pending: tuple[tuple[str, str], ...]  # (event id, title)
    scheduled: tuple[str, ...]
    end_year: int
    measures: tuple[tuple[str, int], ...] = ()  # content's visible variables: (name, value)
    ledger_note: str = ""  # "2 promises open, 1 consequence foreseen, 1 decision held over" ("" when none)
    in_flight: tuple[str, ...] = ()  # "#4 Mariner (Mars flyby), arriving July 1965"
    in_service: tuple[str, ...] = ()  # "#7 Communications relay satellite (to 1966)"
    service_note: str = ""  # what the craft at work pay a year: "support +2, $60M of budget a year"
    candidates: int = 0  # crew selected this year, who can fly from next year
    grants: int = 0  # $M the year's events added to the budget


def booked_chance(state: GameState, content: Content, side: str, item) -> str:  # noqa: ANN001 - ScheduledMission
    """" (74% to succeed)" for a booked flight, as it would fly in its month with what is funded now ("" when the
    content no longer knows its parts)."""
    mission = content.missions.get(item.mission)
    if mission is None or any(part and part not in content.hardware for part in (item.rocket, item.craft, item.lander)):
        return ""
    loadout = missions.Loadout(item.rocket, item.craft, item.lander, tuple(item.crew))
    chances = missions.step_chances(state, content, side, mission, loadout, item.month)
    risk = crew_risk(mission, chances, loadout.crew)
    lost = f", {risk_words(risk)} to lose the crew" if loadout.crew else ""
    return f" ({missions.overall_chance(chances) / 10:.0f}% to succeed{lost})"


def crew_risk(mission: MissionType, chances: list[int], crew: tuple[str, ...]) -> int:
    """The chance (per-mille) that a crewed flight is lost with its crew: a step's failure ending in catastrophe
    (the rules kill the crew aboard). 0 for an uncrewed flight."""
    return ai.risks_of(mission, chances)[1] if crew else 0


def risk_words(permille: int) -> str:
    """"3.4%": a chance of losing the crew, to a tenth of a per cent."""
    return f"{permille / 10:.1f}%"


def status(state: GameState, content: Content, side: str) -> StatusView:
    own, rival = state.sides[side], state.sides[rival_of(side)]
    scheduled = tuple(
        f"#{item.number} {MONTHS[item.month - 1][:3]}: {content.missions[item.mission].name}"
        f"{booked_chance(state, content, side, item)}" for item in own.scheduled
    )
    return StatusView(
        year=state.year, side=side, side_name=side_name(content, side), prestige=own.prestige,
        rival_prestige=rival.prestige, support=own.support, budget=own.budget, funds=own.funds, pads=own.pads,
        launches_booked=len(own.scheduled), launch_capacity=choices.capacity(own),
        active_crew=len(own.active_crew(state.year)),  # who can fly this year: not this year's candidates
        candidates=sum(1 for member in own.crew if member.status == "active" and not member.can_fly(state.year)),
        grants=own.ledger.get("grants from events", 0),
        pending=tuple((item.event, content.events[item.event].title) for item in own.pending),
        scheduled=scheduled, end_year=state.end_year,
        measures=tuple((content.variables[variable_id].name, value) for variable_id, value in sorted(own.variables.items())
                       if variable_id in content.variables and content.variables[variable_id].visible),
        ledger_note=_ledger_note(state, content, side),
        in_flight=tuple(f"#{flight.number} {probe_words(content, flight)}" for flight in own.in_flight),
        in_service=tuple(f"#{item.number} {content.missions[item.mission].name} "
                         f"({'to the end' if item.until >= state.end_year else f'to {item.until}'})"
                         for item in own.in_service if item.mission in content.missions),
        service_note=_service_note(state, content, side),
    )


def _service_note(state: GameState, content: Content, side: str) -> str:
    """What everything at work pays at the end of a year, in words ("" when nothing is at work)."""
    terms = [content.missions[item.mission].service for item in state.sides[side].in_service
             if item.mission in content.missions]
    parts = gains_words(sum(term.support for term in terms if term), sum(term.budget for term in terms if term),
                        sum(term.prestige for term in terms if term))
    return ", ".join(parts) + " a year" if parts else ""


def _ledger_note(state: GameState, content: Content, side: str) -> str:
    own = state.sides[side]
    promises = sum(1 for item in own.promises if item.status == "open")
    foreseen = sum(1 for item in own.followups if item.event in content.events and content.events[item.event].foreseen)
    parts = [plural(promises, "promise") + " open" if promises else "",
             plural(foreseen, "consequence") + " foreseen" if foreseen else "",
             plural(len(own.waiting), "decision") + " held over" if own.waiting else ""]
    return ", ".join(part for part in parts if part)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass(frozen=True, slots=True)
class BudgetLine:
    label: str
    amount: int
    kind: str = "other"  # research | mission | training | education | intelligence | other


def budget(state: GameState, content: Content, side: str) -> tuple[list[BudgetLine], int, int]:
    """This year's spending by line, the money available (budget plus grants from events), and what is left."""
    own = state.sides[side]
    lines = [BudgetLine(f"Research: {content.hardware[pid].name}", program.funding, "research")
             for pid, program in sorted(own.programs.items()) if program.funding]
    lines += [BudgetLine(f"Mission #{item.number}: {content.missions[item.mission].name}", item.cost, "mission")
              for item in own.scheduled]
    if own.training:
        lines.append(BudgetLine("Crew training", own.training, "training"))
    if own.education:
        lines.append(BudgetLine("Education", own.education, "education"))
    if own.intelligence:
        lines.append(BudgetLine("Intelligence", own.intelligence, "intelligence"))
    for entry, amount in sorted(own.ledger.items()):
        if entry != "grants from events":
            lines.append(BudgetLine(entry.capitalize(), amount))
    for item in own.pending:
        if item.held and item.event in content.events:  # the default's cost, set aside until the side decides
            lines.append(BudgetLine(f"Held for a decision: {content.events[item.event].title}", item.held))
    return lines, own.budget + own.ledger.get("grants from events", 0), own.funds


@dataclass(frozen=True, slots=True)
class ProgramRow:
    id: str
    name: str
    kind: str
    status: str  # not started | available | locked | developing | operational | grounded
    reliability: int
    research: int
    development_cost: int
    funding: int
    start_cost: int
    note: str  # why it is locked, or progress


def programs(state: GameState, content: Content, side: str, include_unavailable: bool = False) -> list[ProgramRow]:
    own = state.sides[side]
    rows: list[ProgramRow] = []
    for hardware_id in sorted(content.hardware):
        hardware = content.hardware[hardware_id]
        if hardware.side != side:
            continue
        program = own.programs.get(hardware_id)
        if program is None:
            reason = research.why_cannot_start(state, content, side, hardware_id)
            if reason and not include_unavailable:
                continue
            status_text = "locked" if reason else "available"
            if reason and reason.startswith(hardware.name + " "):
                reason = reason[len(hardware.name) + 1 :]  # "cannot be started before 1961"
            rows.append(ProgramRow(hardware_id, hardware.name, hardware.kind, status_text, hardware.base_reliability, 0,
                                   hardware.development_cost, 0, hardware.start_cost, reason or f"start for ${hardware.start_cost}M"))
            continue
        operational = research.is_operational(hardware, program)
        status_text = "grounded" if program.grounded else "operational" if operational else "developing"
        flights = "1 flight" if program.flights == 1 else f"{program.flights} flights"
        note = (f"{flights} ({program.successes} ok)" if operational
                else f"${research.development_left(hardware, program)}M of development to go")
        rows.append(ProgramRow(hardware_id, hardware.name, hardware.kind, status_text,
                               research.reliability(hardware, program), program.research, hardware.development_cost,
                               program.funding, hardware.start_cost, note))
    return rows


@dataclass(frozen=True, slots=True)
class MissionRow:
    id: str
    name: str
    ready: bool
    note: str  # hardware, chance and cost when ready; the reason when not
    chance: int  # per-mille overall with the best hardware and crew (0 when not ready)
    cost: int
    prizes: tuple[str, ...]  # milestone names still open to this side ("… (2nd)" when the rival was first)


def mission_rows(state: GameState, content: Content, side: str, include_unavailable: bool = False) -> list[MissionRow]:
    rows: list[MissionRow] = []
    for mission_id in sorted(content.missions, key=lambda mid: (content.missions[mid].available, mid)):
        mission = content.missions[mission_id]
        if side not in mission.sides:
            continue
        prizes = open_prizes(state, content, side, mission)
        reason = missions.why_not_available(state, content, side, mission)
        found = reason or plan(state, content, side, mission)
        if isinstance(found, str):
            if include_unavailable:
                rows.append(MissionRow(mission_id, mission.name, False, found, 0, 0, prizes))
            continue
        loadout, chance, cost = found
        prizes = open_prizes(state, content, side, mission, loadout.craft)
        vehicle = f"{content.hardware[loadout.rocket].name} / {content.hardware[loadout.craft].name}"
        if loadout.lander:
            vehicle += f" + {content.hardware[loadout.lander].name}"
        rows.append(MissionRow(mission_id, mission.name, True, vehicle, chance, cost, prizes))
    return rows


def open_prizes(state: GameState, content: Content, side: str, mission: MissionType, craft: str = "") -> tuple[str, ...]:
    """The milestones still open to the side on this mission ("… (2nd)" once the rival has it); with the craft
    it would fly, only those that craft can win."""
    own = state.sides[side]
    return tuple(content.milestones[claim].name + ("" if state.first_claim(claim) is None else " (2nd)")
                 for step in mission.steps for claim in step.claims if claim not in own.achieved
                 and (not craft or missions.could_claim(state, content, side, claim, mission, craft)))


def plan(state: GameState, content: Content, side: str, mission: MissionType) -> tuple[missions.Loadout, int, int] | str:
    """The best loadout for a mission now, its overall chance and cost — or why it cannot fly."""
    best = missions.best_hardware(state, content, side, mission)
    if isinstance(best, str):
        return best
    crew = missions.best_crew(state, content, side, mission, best[1])
    if isinstance(crew, str):
        return crew
    loadout = missions.Loadout(best[0], best[1], best[2], crew)
    chances = missions.step_chances(state, content, side, mission, loadout)
    return loadout, missions.overall_chance(chances), missions.mission_cost(content, mission, loadout)


@dataclass(frozen=True, slots=True)
class MissionPlan:
    """A mission as it would fly now: the best hardware and crew, the chance of each step, and the cost."""

    loadout: missions.Loadout
    chance: int
    cost: int
    steps: tuple[tuple[str, int], ...]  # (step name, per-mille chance)
    timing: str = ""  # when it can launch this year and what waiting buys; a probe's cruise
    crew_risk: int = 0  # per-mille chance of losing the crew (crew_risk); 0 when it flies none


def mission_plan(state: GameState, content: Content, side: str, mission_id: str) -> MissionPlan | str:
    mission = content.missions[mission_id]
    found = plan(state, content, side, mission)
    if isinstance(found, str):
        return found
    loadout, chance, cost = found
    chances = missions.step_chances(state, content, side, mission, loadout)
    return MissionPlan(loadout, chance, cost, tuple((step.name, step_chance) for step, step_chance in zip(mission.steps, chances)),
                       launch_timing(state, content, side, mission, loadout.rocket),
                       crew_risk(mission, chances, loadout.crew))


def launch_timing(state: GameState, content: Content, side: str, mission: MissionType, rocket: str) -> str:
    """In words: its months on the pad, the earliest month it can go this year (pads included), what each month
    more of preparation adds, and a probe's cruise."""
    prep = launch.prep_months(content, mission, rocket)
    earliest = launch.earliest_month(state, content, side, mission, rocket)
    upcoming = mission.next_window(state.year)
    if earliest:
        when = f"the earliest launch this year is {MONTHS[earliest - 1]}"
        if mission.windows:  # a planet's window: no other month will do
            when += f", in its launch window ({' and '.join(MONTHS[m - 1] for m in mission.window_months(state.year))})"
    elif not mission.window_months(state.year):
        when = "there is no launch window this year" + (
            f"; the next opens in {MONTHS[upcoming[1] - 1]} {upcoming[0]}" if upcoming else "")
    else:
        when = "no month this year has its preparation done and a pad free"
    words = (f"{prep} month{'s' if prep != 1 else ''} on the pad: {when}; each month more of preparation, up to "
             f"{rules.EXTRA_PREP_MONTHS}, adds {rules.EXTRA_PREP_BONUS / 10:g}% to every step")
    if mission.cruise_days:
        words += f". It reaches its target after {cruise.cruise_words(mission)} of cruise; its firsts are claimed then"
    return words + "."


@dataclass(frozen=True, slots=True)
class ProgramDetail:
    """What a side knows of one of its programs (or one it could start)."""

    started: int  # 0 when not started
    why_not_start: str  # "" when it may start
    operational: bool
    development_left: int
    reliability: int
    flights: int
    failures: int
    funding: int
    research_needed: tuple[tuple[int, int], ...]  # (target per-mille, $M of research still needed)


def program_detail(state: GameState, content: Content, side: str, program_id: str) -> ProgramDetail:
    hardware = content.hardware[program_id]
    program = state.sides[side].programs.get(program_id)
    needed = tuple(
        (target, cost) for target in (800, 900, 950, 980)
        if (cost := research.research_to_reach(hardware, program, target))
    )
    return ProgramDetail(
        started=program.started if program else 0,
        why_not_start="" if program else (research.why_cannot_start(state, content, side, program_id) or ""),
        operational=research.is_operational(hardware, program),
        development_left=research.development_left(hardware, program),
        reliability=research.reliability(hardware, program) if program else hardware.base_reliability,
        flights=program.flights if program else 0,
        failures=program.failures if program else 0,
        funding=program.funding if program else 0,
        research_needed=needed,
    )


def carried_over(state: GameState, content: Content, side: str) -> int:
    """What of this year's unspent money would carry into next year."""
    return economy.carry_over(state, content, side)


@dataclass(frozen=True, slots=True)
class CrewRow:
    id: str
    name: str
    status: str
    woman: bool
    piloting: int
    eva: int
    docking: int
    endurance: int
    flights: int
    note: str
    candidate: bool = False  # joined this year: flies from next year
    lost: int = 0  # the year they were lost (status "dead")


def crew_rows(state: GameState, side: str) -> list[CrewRow]:
    rows = []
    for member in state.sides[side].crew:
        if member.status == "active" and member.joined >= state.year:
            note = "candidate (flies next year)"
        elif member.status == "injured":
            note = f"injured until {member.injured_until}"
        elif member.status == "dead":
            note = f"lost {member.died}"
        else:
            note = member.status
        rows.append(CrewRow(member.id, member.name, member.status, member.woman, member.piloting, member.eva,
                            member.docking, member.endurance, member.flights, note,
                            candidate=member.status == "active" and member.joined >= state.year,
                            lost=int(member.died[:4]) if member.status == "dead" and member.died[:4].isdigit() else 0))
    return rows



@dataclass(frozen=True, slots=True)
class OfficeView:
    """What crew, training, education and launch pads cost a side this year and what the money buys, for the
    screens that offer them (the window's Budget and Crew tabs)."""

    recruit_cost: int  # $M per candidate
    recruits_left: int  # candidates that may still be selected this year
    recruits_per_year: int
    pad_cost: int  # $M for one more launch pad
    pads: int
    launches_per_pad: int
    active_crew: int  # active members (candidates included: they train too)
    training: int  # $M allocated to training this year
    training_useful: int  # $M of training beyond which skills gain nothing more this year (0 with no active crew)
    skill_gain: int  # skill points each active member gains at the year's end with this allocation
    education: int  # $M allocated to education this year
    education_total: int  # education spent in all earlier years
    research_bonus: int  # per-mille: research money goes this much further thanks to education so far
    research_bonus_cap: int  # per-mille, the most education can ever give
    intelligence: int = 0  # $M allocated to intelligence about the rival this year
    intelligence_total: int = 0  # intelligence spent in all earlier years


def office(state: GameState, side: str) -> OfficeView:
    own = state.sides[side]
    active = sum(1 for member in own.crew if member.status == "active")
    joined = sum(1 for member in own.crew if member.joined == state.year)
    gain = rules.BASE_SKILL_GAIN + min(own.training // active, rules.TRAINING_PER_MEMBER_CAP) if active else 0
    return OfficeView(
        recruit_cost=rules.RECRUIT_COST, recruits_left=max(0, rules.MAX_RECRUITS_PER_YEAR - joined),
        recruits_per_year=rules.MAX_RECRUITS_PER_YEAR, pad_cost=rules.PAD_COST, pads=own.pads,
        launches_per_pad=rules.LAUNCHES_PER_PAD, active_crew=active, training=own.training,
        training_useful=active * rules.TRAINING_PER_MEMBER_CAP, skill_gain=gain, education=own.education,
        education_total=own.education_total, research_bonus=research.research_efficiency(own) - 1000,
        intelligence=own.intelligence, intelligence_total=own.intelligence_total,
        research_bonus_cap=rules.EDUCATION_BONUS_CAP,
    )


def crew_bookings(state: GameState, content: Content, side: str) -> dict[str, tuple[str, ...]]:
    """Each crew member's flights booked this year ("#3 May: Mercury-Redstone"), by crew id."""
    booked: dict[str, list[str]] = {}
    for item in state.sides[side].scheduled:
        label = f"#{item.number} {MONTHS[item.month - 1][:3]}: {content.missions[item.mission].name}"
        for crew_id in item.crew:
            booked.setdefault(crew_id, []).append(label)
    return {crew_id: tuple(labels) for crew_id, labels in booked.items()}


@dataclass(frozen=True, slots=True)
class MonthChoice:
    """One month of this year for a mission the side is planning: may it launch then, and if not, why (a launch
    window, a station not up yet, the pads all booked). The engine still decides when the order is sent."""

    month: int
    name: str  # "May"
    allowed: bool
    reason: str  # "" when allowed
    booked: int  # the side's launches already booked in that month


def month_choices(
    state: GameState, content: Content, side: str, mission_id: str, rocket: str = "",
) -> tuple[MonthChoice, ...]:
    """The twelve months of this year for scheduling a mission (on this rocket, or the one the game would pick),
    each allowed or with the reason it is not: its preparation on the pad, the launch window, the pads."""
    own = state.sides[side]
    mission = content.missions[mission_id]
    if not rocket:
        best = missions.best_hardware(state, content, side, mission)
        rocket = best[0] if isinstance(best, tuple) else ""
    choices: list[MonthChoice] = []
    for month in range(1, 13):
        booked = sum(1 for item in own.scheduled if item.month == month)
        reason = (missions.why_not_available(state, content, side, mission, month)
                  or launch.why_not_month(state, content, side, mission, rocket, month)
                  or turn.why_no_launch_left(own) or "")
        choices.append(MonthChoice(month, MONTHS[month - 1], not reason, reason, booked))
    return tuple(choices)
