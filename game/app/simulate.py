"""Batch AI-vs-AI campaigns and their summary: wins per side and when the key firsts fell."""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import Any, Callable

from game.engine.defs import Content
from game.engine.outcomes import ChoiceMade, EventFired, Outcome
from game.engine.rng import derive_seed

from .session import Session

KEY_FIRSTS = ("satellite_orbit", "crewed_orbit", "spacewalk", "docking", "crewed_lunar_orbit",
              "crewed_lunar_landing", "space_station")


def game_seed(seed: int, index: int) -> int:
    """Game i of a batch: its own seed, derived from the batch seed by a stable hash."""
    return derive_seed(seed, "game", index) % 2**31


def play_ai_game(content: Content, scenario: str, seed: int, policy: str = "strategic") -> Session:
    """One whole AI-vs-AI campaign, played to its end."""
    return run_ai_game(content, scenario, seed, policy)[0]


def run_ai_game(content: Content, scenario: str, seed: int, policy: str = "strategic") -> tuple[Session, list[Outcome]]:
    """One whole AI-vs-AI campaign and everything that happened in it."""
    return Session.new(content, scenario, seed, players=(), policy=policy)


def event_statistics(
    content: Content, scenario: str, seed: int, games: int, progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """How often each event fired and each choice was taken over N AI-vs-AI games (dead content shows as 0)."""
    fired: Counter[tuple[str, str]] = Counter()  # (event, side)
    chosen: Counter[tuple[str, str]] = Counter()  # (event, choice)
    for index in range(games):
        _, outcomes = run_ai_game(content, scenario, game_seed(seed, index))
        for outcome in outcomes:
            if isinstance(outcome, EventFired):
                fired[(outcome.event, outcome.side)] += 1
            elif isinstance(outcome, ChoiceMade):
                chosen[(outcome.event, outcome.choice)] += 1
        if progress:
            progress(index + 1, games)
    events = []
    for event_id in sorted(content.events):
        event = content.events[event_id]
        events.append({
            "event": event_id,
            "kind": event.kind,
            "fired": {side: fired[(event_id, side)] for side in event.sides},
            "choices": {choice.id: chosen[(event_id, choice.id)] for choice in event.choices},
        })
    return {"games": games, "seed": seed, "scenario": scenario, "events": events}


def statistics_lines(stats: dict[str, Any]) -> list[str]:
    games = stats["games"]
    lines = [f"{games} AI-vs-AI games of {stats['scenario']} (seed {stats['seed']}): how often each event fired", ""]
    never: list[str] = []
    for item in stats["events"]:
        total = sum(item["fired"].values())
        per_side = ", ".join(f"{side.upper()} {count}" for side, count in item["fired"].items())
        lines.append(f"{item['event']:<34} {total:>5} fired ({per_side})")
        for choice, count in item["choices"].items():
            lines.append(f"    choice {choice:<26} {count:>5}")
            if total and not count:
                never.append(f"{item['event']} › choice {choice}")
        if not total:
            never.append(item["event"])
    lines.append("")
    lines.append("Never fired or never chosen: " + (", ".join(never) if never else "none"))
    return lines


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
