"""What a side can see: its own state in full, and the rival as the world saw it.

`side_view` is the one per-side view of the game, used by the AI (which decides from it alone), by the front
ends' rival report and, later, by a turn server showing each seat its side. The rival's plan for the year, its
money, its dilemmas and its undisclosed programmes are not in it (a joint flight's booking is: its date is agreed
in public). What the world saw is: prestige, support,
pads, firsts, stations and probes in flight, the programmes that have flown (with their announced flights; a
Soviet failure stays secret, an American one is news), the rival's announced decisions (flags) and promises.

Intelligence about the rival (the "intelligence" allocation, a new fund target) is the only way to see more: its
running total sets a level, 0–5; each level uncovers more of the programmes not yet flown and narrows the error
of the research estimates (±40% with none, ±5% at the top). The estimates' noise is drawn from a named stream of
the game's seed, so a view is the same every time it is built in a year.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import rules
from .defs import Content, rival_of
from .rng import Rng
from .state import CharacterState, GameState, Program, ScheduledMission, SideState

OPEN_SIDES = ("usa",)  # sides whose programmes, crews and failures were public (NASA announced them)


def intelligence_level(own: SideState) -> int:
    """How well the side sees the rival: 0 (newspapers only) to rules.INTEL_MAX_LEVEL."""
    return intelligence_level_of(own.intelligence_total)


def intelligence_level_of(total: int) -> int:
    """The level $total M of intelligence (all years) buys."""
    return min(total // rules.INTEL_PER_LEVEL, rules.INTEL_MAX_LEVEL)


def estimate_error(level: int) -> int:
    """Per cent either way a research estimate may be off at this level of intelligence."""
    return max(40 - 7 * level, 5)


@dataclass(frozen=True, slots=True)
class ProgramSighting:
    """A rival programme as the side sees it."""

    program: str
    research: int  # the estimate, $M
    flown: bool  # it has flown (public), or it was uncovered by intelligence
    error: int  # per cent either way the estimate may be off (0: known exactly, as for a flown programme's record)


def side_view(state: GameState, content: Content, side: str) -> GameState:
    """The game as `side` sees it. Its own SideState is the very object in the game (so the side's orders show
    in the view at once); the rival's is a fresh copy of what the world saw; claims are a copy of the public
    record. Change the game through orders, never through a view."""
    rival = rival_of(side)
    seen = _rival_as_seen(state, content, side, state.sides[rival])
    return GameState(
        scenario=state.scenario, seed=state.seed, year=state.year, start_year=state.start_year, end_year=state.end_year,
        sides={key: state.sides[key] if key == side else seen for key in state.sides},
        claims=[replace(claim) for claim in state.claims], over=state.over, winner=state.winner, reason=state.reason,
    )


def sightings(state: GameState, content: Content, side: str) -> list[ProgramSighting]:
    """The rival programmes the side knows of, with their estimates, in id order."""
    rival = state.sides[rival_of(side)]
    level = intelligence_level(state.sides[side])
    found: list[ProgramSighting] = []
    for program_id in sorted(rival.programs):  # determinism: sorted ids
        program = rival.programs[program_id]
        known = _known(state, side, rival, program, level)
        if not known:
            continue
        research, error = _estimate(state, side, rival, program, level)
        found.append(ProgramSighting(program=program_id, research=research, flown=program.flights > 0, error=error))
    return found


def _known(state: GameState, side: str, rival: SideState, program: Program, level: int) -> bool:
    if rival.side in OPEN_SIDES or program.successes > 0:
        return True
    draw = Rng.stream(state.seed, "intel-known", state.year, side, program.id).below(rules.INTEL_MAX_LEVEL)
    return draw < level


def _estimate(state: GameState, side: str, rival: SideState, program: Program, level: int) -> tuple[int, int]:
    """(research estimate, error per cent): a public programme's progress is a guess too, only a better one."""
    error = estimate_error(level + (2 if rival.side in OPEN_SIDES else 0))
    rng = Rng.stream(state.seed, "intel-estimate", state.year, side, program.id)
    percent = 100 + rng.between(-error, error)
    return program.research * percent // 100, error


def _rival_as_seen(state: GameState, content: Content, side: str, rival: SideState) -> SideState:
    open_side = rival.side in OPEN_SIDES
    programs: dict[str, Program] = {}
    for sighting in sightings(state, content, side):
        real = rival.programs[sighting.program]
        failures = real.failures if open_side else 0  # a Soviet failure was never announced
        programs[sighting.program] = Program(
            id=real.id, research=sighting.research, funding=0, flights=real.successes + failures,
            successes=real.successes, failures=failures, grounded=real.grounded, started=real.started,
        )
    crew = [replace(member, piloting=50, eva=50, docking=50, endurance=50)  # training marks are not published
            for member in rival.crew if open_side or member.flights > 0]
    characters = {key: CharacterState(opinion=50, status=value.status, first=value.first, last=value.last,
                                      left=value.left, reason=value.reason)
                  for key, value in rival.characters.items()}
    variables = {key: content.variables[key].default for key in rival.variables if key in content.variables}
    return SideState(
        side=rival.side, prestige=rival.prestige, prestige_start=rival.prestige_start, support=rival.support,
        support_start=rival.support_start, budget=rival.budget, funds=0, pads=rival.pads,
        programs=programs, crew=crew, pending=[],
        scheduled=[ScheduledMission(number=item.number, mission=item.mission, month=item.month, rocket="", craft="")
                   for item in rival.scheduled if item.mission in content.missions
                   and content.missions[item.mission].partner],  # a joint flight's date is agreed in public, no more
        stations=[replace(station) for station in rival.stations], flags=list(rival.flags), fired={},
        ledger={}, flights=dict(rival.flights), achieved=dict(rival.achieved), ended=rival.ended,
        next_crew=rival.next_crew, next_mission=rival.next_mission, next_station=rival.next_station,
        catastrophes=rival.catastrophes if open_side else 0, crew_lost=rival.crew_lost if open_side else 0,
        history=[dict(entry) for entry in rival.history], budget_percent=rival.budget_percent,
        variables=variables, characters=characters, followups=[], promises=[replace(item) for item in rival.promises],
        waiting=[], briefing=[], launches_given_up=0, in_flight=[replace(flight) for flight in rival.in_flight],
        in_service=[replace(working) for working in rival.in_service],
    )
