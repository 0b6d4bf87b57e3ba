"""The race board's wall display, in figures both front ends can show: the mission clock, the firsts each side
holds, what is still open, the decisive milestones won, and the latest first claimed."""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.defs import MONTHS, SIDES, Content
from game.engine.state import GameState


@dataclass(frozen=True, slots=True)
class RaceWall:
    clock: str  # "JAN 1961": the year is planned in its January; "DEC 1975" once the race is over
    stage: str  # "YEAR 7 OF 21" or "RACE OVER"
    firsts: dict[str, int]  # side → firsts held
    open: int  # milestones nobody has reached
    decisive_won: int  # decisive milestones claimed first, by either side
    decisive: int  # decisive milestones in all
    latest: str  # "USSR · Oct 1957 · First artificial satellite" ("" before any)
    latest_side: str


def race_wall(state: GameState, content: Content) -> RaceWall:
    firsts = {side: 0 for side in SIDES}
    decisive_won = 0
    for claim in state.claims:
        if claim.first and claim.milestone in content.milestones:
            firsts[claim.side] = firsts.get(claim.side, 0) + 1
            decisive_won += content.milestones[claim.milestone].decisive
    claimed = {claim.milestone for claim in state.claims if claim.first}
    latest = next((claim for claim in reversed(state.claims) if claim.first and claim.milestone in content.milestones),
                  None)
    latest_words = ""
    if latest is not None:
        name = content.milestones[latest.milestone].name
        latest_words = f"{latest.side.upper()} \u00b7 {MONTHS[latest.month - 1][:3]} {latest.year} \u00b7 {name}"
    years = state.end_year - state.start_year + 1
    clock = f"DEC {state.year}" if state.over else f"JAN {state.year}"
    stage = "RACE OVER" if state.over else f"YEAR {state.year - state.start_year + 1} OF {years}"
    return RaceWall(clock, stage, firsts, sum(1 for milestone in content.milestones if milestone not in claimed),
                    decisive_won, sum(1 for milestone in content.milestones.values() if milestone.decisive),
                    latest_words, latest.side if latest is not None else "")
