"""The rival as your side can see it: a view-model over the engine's per-side view, shared by both front ends.

Only what the world saw is here (prestige, support, pads, firsts, stations, probes on their way, the programmes
that have flown) and what intelligence has uncovered, each program's progress given as an estimate with its
margin. The rival's plan for the year, its money and its dilemmas never reach it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine import research, rules, view
from game.engine.defs import MONTHS, Content, rival_of
from game.engine.state import GameState

from .narrate import side_name
from .text import probe_words


@dataclass(frozen=True, slots=True)
class RivalProgram:
    name: str
    kind: str
    status: str  # "flying (4 flights; it failed on 1)", "in development: about 60% done (±19%)"


@dataclass(frozen=True, slots=True)
class RivalReport:
    name: str  # "the Soviet Union"
    prestige: int
    support: int
    pads: int
    firsts: tuple[str, ...]  # the milestones it claimed first, oldest first
    stations: int
    probes: tuple[str, ...]  # "Venera, arriving December 1970"
    programs: tuple[RivalProgram, ...]
    level: int  # intelligence, 0–rules.INTEL_MAX_LEVEL
    level_words: str
    spent: int  # $M of intelligence so far
    next_level: int  # $M more for the next level (0 at the top)
    joint: tuple[str, ...] = ()  # its half of a joint flight, booked this year: "Joint docking flight in July"


LEVEL_WORDS = ("what the newspapers print", "a few sources", "a network of sources", "good sources and overflights",
               "deep insight", "as good as it gets")


def rival_report(state: GameState, content: Content, side: str) -> RivalReport:
    seen = view.side_view(state, content, side)
    rival_id = rival_of(side)
    rival = seen.sides[rival_id]
    own = state.sides[side]
    level = view.intelligence_level(own)
    programs: list[RivalProgram] = []
    for sighting in view.sightings(state, content, side):
        hardware = content.hardware[sighting.program]
        program = rival.programs[sighting.program]
        if sighting.flown and rival_id in view.OPEN_SIDES:
            flights = f"{program.flights} flight{'s' if program.flights != 1 else ''}"
            failed = f"it failed on {program.failures}" if program.failures else "it never failed"
            status = f"flying ({flights}; {failed})"  # its own part of each flight: a rocket that did its job did not fail
        elif sighting.flown:  # a closed side announces its successes only
            status = f"flying ({program.successes} announced flight{'s' if program.successes != 1 else ''})"
        elif research.is_operational(hardware, program):
            status = f"ready to fly, by our estimate (±{sighting.error}%)"
        else:
            done = min(99, program.research * 100 // max(hardware.development_cost, 1))
            status = f"in development: about {done}% done (±{sighting.error}%)"
        programs.append(RivalProgram(hardware.name, hardware.kind, status))
    firsts = tuple(content.milestones[claim.milestone].name for claim in state.claims
                   if claim.side == rival_id and claim.first and claim.milestone in content.milestones)
    probes = tuple(probe_words(content, flight) for flight in rival.in_flight)
    joint = tuple(f"{content.missions[item.mission].name} in {MONTHS[item.month - 1]}" for item in rival.scheduled
                  if content.missions[item.mission].partner)
    next_level = 0 if level >= rules.INTEL_MAX_LEVEL else (level + 1) * rules.INTEL_PER_LEVEL - own.intelligence_total
    return RivalReport(
        name=side_name(content, rival_id), prestige=rival.prestige, support=rival.support, pads=rival.pads,
        firsts=firsts, stations=len(rival.stations), probes=probes, joint=joint, programs=tuple(programs), level=level,
        level_words=LEVEL_WORDS[min(level, len(LEVEL_WORDS) - 1)], spent=own.intelligence_total, next_level=next_level,
    )


def rival_lines(report: RivalReport) -> list[str]:
    """The report as plain lines (the terminal prints them; the window can show them as they are)."""
    lines = [f"{report.name[0].upper()}{report.name[1:]}, as far as you can see "
             f"(intelligence level {report.level}: {report.level_words})",
             f"  Prestige {report.prestige}, support {report.support}/100, {report.pads} pad(s), "
             f"{report.stations} station(s) launched"]
    lines.append("  Firsts: " + (", ".join(report.firsts) if report.firsts else "none yet"))
    if report.probes:
        lines.append("  Probes on their way: " + "; ".join(report.probes))
    if report.joint:
        lines.append("  Its half of the joint flight, booked this year: " + "; ".join(report.joint)
                     + " (book yours for the same month, or neither flies)")
    lines.append("  Programs known:" if report.programs else "  Programs known: none yet (nothing has flown)")
    for program in report.programs:
        lines.append(f"    {program.name} ({program.kind}): {program.status}")
    if report.next_level:
        lines.append(f"  Its plans for this year stay secret (but for a joint flight), whatever you spend. "
                     f"Intelligence uncovers more of its programs and how far along they are: ${report.next_level}M more (fund intelligence AMOUNT; it "
                     f"counts at the year's end) reaches level {report.level + 1}.")
    else:
        lines.append("  Its plans for this year stay secret (but for a joint flight); your intelligence is as good as "
                     "it gets, and more money would buy nothing more.")
    return lines
