"""Batch AI-vs-AI campaigns and their summary: wins per side and when the key firsts fell."""

from __future__ import annotations

from statistics import median
from typing import Any, Callable

from game.engine.defs import Content
from game.engine.rng import derive_seed

from .session import Session

KEY_FIRSTS = ("satellite_orbit", "crewed_orbit", "spacewalk", "docking", "crewed_lunar_orbit",
              "crewed_lunar_landing", "space_station")


def game_seed(seed: int, index: int) -> int:
    """Game i of a batch: its own seed, derived from the batch seed by a stable hash."""
    return derive_seed(seed, "game", index) % 2**31


def play_ai_game(content: Content, scenario: str, seed: int, policy: str = "strategic") -> Session:
    """One whole AI-vs-AI campaign, played to its end."""
    session, _ = Session.new(content, scenario, seed, players=(), policy=policy)
    return session


def game_detail(session: Session) -> dict[str, Any]:
    state = session.state
    firsts = {
        claim.milestone: {"side": claim.side, "year": claim.year, "month": claim.month}
        for claim in state.claims if claim.first
    }
    return {
        "seed": state.seed,
        "winner": state.winner,
        "prestige": {"usa": state.sides["usa"].prestige, "ussr": state.sides["ussr"].prestige},
        "firsts": firsts,
    }


def simulate_games(
    content: Content, scenario: str, seed: int, games: int, policy: str = "strategic",
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    details = []
    wins = {"usa": 0, "ussr": 0, "draw": 0}
    for index in range(games):
        session = play_ai_game(content, scenario, game_seed(seed, index), policy)
        detail = game_detail(session)
        wins[detail["winner"]] += 1
        details.append(detail)
        if progress:
            progress(index + 1, games)
    return {"games": games, "seed": seed, "scenario": scenario, "wins": wins, "games_detail": details}


def summary_lines(result: dict[str, Any], content: Content) -> list[str]:
    games = result["games"]
    wins = result["wins"]
    lines = [
        f"{games} AI-vs-AI games of {result['scenario']} (seed {result['seed']})",
        f"Wins: USA {wins['usa']}, USSR {wins['ussr']}, draws {wins['draw']}",
        "",
        f"{'Milestone':<36} {'claimed':>8} {'USA first':>10} {'median year':>12}  in history",
    ]
    ordered = [*KEY_FIRSTS, *sorted(set(content.milestones) - set(KEY_FIRSTS))]
    for milestone_id in ordered:
        if milestone_id not in content.milestones:
            continue
        claims = [game["firsts"][milestone_id] for game in result["games_detail"] if milestone_id in game["firsts"]]
        milestone = content.milestones[milestone_id]
        real = milestone.history.date[:4] if milestone.history.date else ""
        if not claims:
            lines.append(f"{milestone.name[:36]:<36} {0:>8} {'':>10} {'never':>12}  {real}")
            continue
        usa = sum(1 for claim in claims if claim["side"] == "usa")
        middle = median(claim["year"] + (claim["month"] - 1) / 12 for claim in claims)
        lines.append(f"{milestone.name[:36]:<36} {len(claims):>8} {usa * 100 // len(claims):>9}% {int(middle):>12}  {real}")
    return lines
