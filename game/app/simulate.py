"""Batch AI-vs-AI campaigns and their summary: wins per side and when the key firsts fell."""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import Any, Callable

from game.engine.defs import Content
from game.engine.outcomes import (
    ChoiceMade,
    EventFired,
    EventLapsed,
    FollowUpScheduled,
    Outcome,
    PromiseMade,
    PromiseSettled,
)
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
    """Over N AI-vs-AI games: how often each event fired (and how: calendar, hook, follow-up, held over), how often
    each choice was open and taken, each follow-up scheduled, fired or lapsed, each promise made, kept or broken.
    Dead content shows as 0."""
    fired: Counter[tuple[str, str]] = Counter()  # (event, side)
    sources: Counter[tuple[str, str]] = Counter()  # (event, source)
    chosen: Counter[tuple[str, str]] = Counter()  # (event, choice)
    available: Counter[tuple[str, str]] = Counter()
    scheduled: Counter[str] = Counter()
    lapsed: Counter[str] = Counter()
    promises: Counter[tuple[str, str]] = Counter()  # (promise, made | kept | broken)
    for index in range(games):
        _, outcomes = run_ai_game(content, scenario, game_seed(seed, index))
        for outcome in outcomes:
            if isinstance(outcome, EventFired) and outcome.waits:
                sources[(outcome.event, "held over")] += 1  # told it waits: it is counted when it arrives
            elif isinstance(outcome, EventFired):
                fired[(outcome.event, outcome.side)] += 1
                sources[(outcome.event, outcome.source)] += 1
            elif isinstance(outcome, ChoiceMade):
                chosen[(outcome.event, outcome.choice)] += 1
                for choice in outcome.available:
                    available[(outcome.event, choice)] += 1
            elif isinstance(outcome, FollowUpScheduled):
                scheduled[outcome.event] += 1
            elif isinstance(outcome, EventLapsed):
                lapsed[outcome.event] += 1
            elif isinstance(outcome, PromiseMade):
                promises[(outcome.promise, "made")] += 1
            elif isinstance(outcome, PromiseSettled):
                promises[(outcome.promise, "kept" if outcome.kept else "broken")] += 1
        if progress:
            progress(index + 1, games)
    events = []
    for event_id in sorted(content.events):
        event = content.events[event_id]
        entry: dict[str, Any] = {
            "event": event_id,
            "kind": event.kind,
            "fires": "hook " + event.on if event.on else "follow-up" if event.follow_up else "calendar",
            "fired": {side: fired[(event_id, side)] for side in event.sides},
            "sources": {source: count for (item, source), count in sorted(sources.items()) if item == event_id},
            "choices": {choice.id: chosen[(event_id, choice.id)] for choice in event.choices},
            "available": {choice.id: available[(event_id, choice.id)] for choice in event.choices},
        }
        if event.follow_up:
            entry["scheduled"] = scheduled[event_id]
            entry["lapsed"] = lapsed[event_id]
        events.append(entry)
    promise_rows = [{"promise": promise_id, **{what: promises[(promise_id, what)] for what in ("made", "kept", "broken")}}
                    for promise_id in sorted(content.promises)]
    return {"games": games, "seed": seed, "scenario": scenario, "events": events, "promises": promise_rows}


def statistics_lines(stats: dict[str, Any]) -> list[str]:
    games = stats["games"]
    lines = [f"{games} AI-vs-AI games of {stats['scenario']} (seed {stats['seed']}): how often each event fired, "
             "each choice was open and taken", ""]
    never: list[str] = []
    for item in stats["events"]:
        total = sum(item["fired"].values())
        per_side = ", ".join(f"{side.upper()} {count}" for side, count in item["fired"].items())
        how = "" if item["fires"] == "calendar" else f"  [{item['fires']}]"
        held = item["sources"].get("held over", 0)
        how += f"  ({held} held over to a later briefing)" if held else ""
        lines.append(f"{item['event']:<34} {total:>5} fired ({per_side}){how}")
        if "scheduled" in item:
            lines.append(f"    scheduled {item['scheduled']}, fired {total}, lapsed {item['lapsed']}")
        for choice, count in item["choices"].items():
            lines.append(f"    choice {choice:<26} {count:>5} taken of {item['available'][choice]:>4} open")
            if total and not count:
                never.append(f"{item['event']} › choice {choice}")
        if not total:
            never.append(item["event"])
    if stats.get("promises"):
        lines += ["", "Promises:"]
        for row in stats["promises"]:
            lines.append(f"  {row['promise']:<32} made {row['made']:>4}, kept {row['kept']:>4}, broken {row['broken']:>4}")
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
