"""The late game in numbers, for `simulate`: is money left idle, and do the years after the first crewed Moon
landing still earn something? From each game's yearly record and what happened in it."""

from __future__ import annotations

from statistics import median
from typing import Any, Iterable

from game.engine import outcomes as out
from game.engine.defs import SIDES
from game.engine.state import GameState

LATE_FROM = 1966  # "no year after 1965 leaves a side more than 20% of its budget unspent"
EARNINGS = ("flights", "firsts", "service_prestige", "service_support", "service_budget")


def late_detail(state: GameState, outcomes: Iterable[out.Outcome]) -> dict[str, Any]:
    """Per side: the share of each year's budget left unspent (per cent, by year) and, for each year after the
    first crewed Moon landing, what the side earned: prestige from flights and from firsts, and what its craft
    in service paid (prestige, support, $M of budget)."""
    unspent = {side: {str(entry["year"]): entry["unspent"] * 100 // max(entry["budget"], 1)
                      for entry in state.sides[side].history if "unspent" in entry} for side in SIDES}
    landed = next((claim.year for claim in state.claims if claim.milestone == "crewed_lunar_landing" and claim.first), None)
    after: dict[str, dict[str, dict[str, int]]] = {side: {} for side in SIDES}
    year = state.start_year
    for outcome in outcomes:
        if isinstance(outcome, out.YearBegan):
            year = outcome.year
        if landed is None or year <= landed or outcome.side not in SIDES:
            continue
        row = after[outcome.side].setdefault(str(year), dict.fromkeys(EARNINGS, 0))
        if isinstance(outcome, out.MissionFlew):
            row["flights"] += outcome.prestige
        elif isinstance(outcome, out.MilestoneClaimed):
            row["firsts"] += outcome.prestige
        elif isinstance(outcome, out.ServicePaid):
            row["service_prestige"] += outcome.prestige
            row["service_support"] += outcome.support
            row["service_budget"] += outcome.budget
    return {"unspent_percent": unspent, "after_landing": after}


def late_lines(details: list[dict[str, Any]]) -> list[str]:
    """The summary's lines: the worst year's median unspent share after 1965, and the median yearly earnings
    after the first landing."""
    lines: list[str] = []
    for side in SIDES:
        by_year: dict[int, list[int]] = {}
        for detail in details:
            for year, share in detail["late"]["unspent_percent"][side].items():
                if int(year) >= LATE_FROM:
                    by_year.setdefault(int(year), []).append(share)
        if by_year:
            worst = max(by_year, key=lambda year: (median(by_year[year]), -year))
            lines.append(f"{side.upper()}: left unspent after {LATE_FROM - 1} (median share of the year's budget): "
                         f"at most {median(by_year[worst]):.0f}% ({worst})")
    rows = [row for detail in details for side in SIDES for row in detail["late"]["after_landing"][side].values()]
    if rows:
        parts = {name: median(row[name] for row in rows) for name in EARNINGS}
        lines.append(f"Each year after the first crewed Moon landing (median of {len(rows)} side-years): prestige "
                     f"{parts['flights']:.0f} from flights, {parts['firsts']:.0f} from firsts, "
                     f"{parts['service_prestige']:.0f} from craft in service; support +{parts['service_support']:.0f} "
                     f"and ${parts['service_budget']:.0f}M of budget from craft in service")
    return ["Late game:", *(f"  {line}" for line in lines)] if lines else []
