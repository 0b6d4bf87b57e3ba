"""Programs: starting them, research money turned into development and reliability, flight experience."""

from __future__ import annotations

from . import rules
from .defs import Content, Hardware
from .outcomes import Outcome, ProgramDeveloped
from .state import GameState, Program, SideState


def experience_value(hardware: Hardware) -> int:
    """Research-equivalent $M that one flight teaches the engineers."""
    return max(5, hardware.research_scale // 6)


def is_operational(hardware: Hardware, program: Program | None) -> bool:
    return program is not None and program.research >= hardware.development_cost


def reliability(hardware: Hardware, program: Program | None) -> int:
    """Per-mille chance a step using this hardware works: base, rising toward the ceiling with a
    diminishing return on research beyond development and on flight experience."""
    if program is None:
        return 0
    extra = max(program.research - hardware.development_cost, 0) + program.flights * experience_value(hardware)
    gap = hardware.max_reliability - hardware.base_reliability
    return hardware.base_reliability + gap * extra // (extra + max(hardware.research_scale, 1))


def research_to_reach(hardware: Hardware, program: Program | None, target: int) -> int | None:
    """$M of further research (beyond development) that would lift reliability to `target` per-mille,
    0 if already there, None if the ceiling is below it."""
    if target >= hardware.max_reliability:
        return None
    gap_left = hardware.max_reliability - target
    needed = -(-hardware.research_scale * (target - hardware.base_reliability) // gap_left)  # invert the curve, rounding up
    done = 0
    if program is not None:
        done = max(program.research - hardware.development_cost, 0) + program.flights * experience_value(hardware)
    return max(needed - done, 0) + development_left(hardware, program)


def development_left(hardware: Hardware, program: Program | None) -> int:
    done = program.research if program else 0
    return max(hardware.development_cost - done, 0)


def research_efficiency(side: SideState) -> int:
    """Per-mille multiplier on research money: education pays off slowly, as the 1958 act did."""
    bonus = min(rules.EDUCATION_BONUS_CAP, side.education_total // rules.EDUCATION_PER_BONUS)
    return 1000 + bonus


def why_cannot_start(state: GameState, content: Content, side: str, program_id: str) -> str | None:
    """The reason a side may not start this program now, or None when it may (ignoring money)."""
    hardware = content.hardware.get(program_id)
    if hardware is None:
        return f"there is no program called {program_id!r}"
    if hardware.side != side:
        return f"{hardware.name} is the other side's hardware"
    own = state.sides[side]
    if program_id in own.programs:
        return f"{hardware.name} is already under way"
    if state.year < hardware.available:
        return f"{hardware.name} cannot be started before {hardware.available}"
    for needed in hardware.requires:
        needed_hardware = content.hardware[needed]
        if not is_operational(needed_hardware, own.programs.get(needed)):
            return f"{hardware.name} needs {needed_hardware.name} to be operational first"
    return None


def start_program(state: GameState, side: str, program_id: str) -> Program:
    program = Program(id=program_id, started=state.year)
    state.sides[side].programs[program_id] = program
    return program


def apply_research(state: GameState, content: Content, side: str) -> list[Outcome]:
    """Turn this year's research allocations into progress; report programs that became operational."""
    own = state.sides[side]
    efficiency = research_efficiency(own)
    outcomes: list[Outcome] = []
    for program_id in sorted(own.programs):  # determinism: sorted ids, the same after a save and a load
        program = own.programs[program_id]
        if program.funding <= 0:
            continue
        hardware = content.hardware[program_id]
        was_operational = is_operational(hardware, program)
        program.research += program.funding * efficiency // 1000
        program.funding = 0
        if not was_operational and is_operational(hardware, program):
            outcomes.append(ProgramDeveloped(side=side, program=program_id, year=state.year))
    return outcomes


def add_research(state: GameState, content: Content, side: str, program_id: str, amount: int) -> list[Outcome]:
    """Research given by an event: it counts at once (never below zero)."""
    program = state.sides[side].programs.get(program_id)
    if program is None:
        return []
    hardware = content.hardware[program_id]
    was_operational = is_operational(hardware, program)
    program.research = max(program.research + amount, 0)
    if not was_operational and is_operational(hardware, program):
        return [ProgramDeveloped(side=side, program=program_id, year=state.year)]
    return []
