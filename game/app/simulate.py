"""Batch AI-vs-AI campaigns and their summary: wins per side, when the firsts fell, how close to history, in
which months, and the late game (money left idle, what the years after the Moon landing earned)."""

from __future__ import annotations

from collections import Counter
from statistics import median
from typing import Any, Callable, Mapping, Sequence

from game.engine.defs import MONTHS, SIDES, Content
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
from game.engine.rules import DEFAULT_DIFFICULTY
from game.record.save import DEFAULT_POLICY

from .late_game import late_detail, late_lines
from .session import Session, side_difficulties, side_policies

KEY_FIRSTS = ("satellite_orbit", "crewed_orbit", "spacewalk", "docking", "crewed_lunar_orbit",
              "crewed_lunar_landing", "space_station")


def game_seed(seed: int, index: int) -> int:
    """Game i of a batch: its own seed, derived from the batch seed by a stable hash."""
    return derive_seed(seed, "game", index) % 2**31


def play_ai_game(
    content: Content, scenario: str, seed: int, policy: str | Mapping[str, str] = DEFAULT_POLICY,
    difficulty: Mapping[str, str] | None = None,
) -> Session:
    """One whole AI-vs-AI campaign, played to its end (policy and difficulty as in `Session.new`)."""
    return run_ai_game(content, scenario, seed, policy, difficulty)[0]


def run_ai_game(
    content: Content, scenario: str, seed: int, policy: str | Mapping[str, str] = DEFAULT_POLICY,
    difficulty: Mapping[str, str] | None = None,
) -> tuple[Session, list[Outcome]]:
    """One whole AI-vs-AI campaign and everything that happened in it. difficulty names sides ({"ussr": "hard"});
    a side left out plays at normal."""
    return Session.new(content, scenario, seed, players=(), policy=policy, difficulty=difficulty or {})


def event_statistics(
    content: Content, scenario: str, seed: int, games: int, progress: Callable[[int, int], None] | None = None,
    policy: str | Mapping[str, str] = DEFAULT_POLICY,
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
        _, outcomes = run_ai_game(content, scenario, game_seed(seed, index), policy)
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


def game_detail(session: Session, outcomes: Sequence[Outcome] = ()) -> dict[str, Any]:
    """One finished game in plain data: the winner, prestige, every first, each side's own achievements (first or
    second) with their dates, the crew each side lost, how the game ended, and the late game in numbers (money
    left unspent each year; with the game's outcomes, what the years after the first Moon landing earned)."""
    state = session.state
    firsts = {
        claim.milestone: {"side": claim.side, "year": claim.year, "month": claim.month}
        for claim in state.claims if claim.first
    }
    achieved: dict[str, dict[str, dict[str, Any]]] = {side: {} for side in SIDES}
    for claim in state.claims:
        achieved[claim.side].setdefault(claim.milestone, {"year": claim.year, "month": claim.month, "first": claim.first})
    return {
        "seed": state.seed,
        "winner": state.winner,
        "prestige": {side: state.sides[side].prestige for side in SIDES},
        "firsts": firsts,
        "achieved": achieved,
        "crew_lost": {side: sum(1 for member in state.sides[side].crew if member.status == "dead") for side in SIDES},
        "ending": {"reason": state.reason, "year": state.year},
        "late": late_detail(state, outcomes),
    }


def simulate_games(
    content: Content, scenario: str, seed: int, games: int, policy: str | Mapping[str, str] = DEFAULT_POLICY,
    difficulty: Mapping[str, str] | None = None, progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """N AI-vs-AI games (game i's seed derived from the batch seed) with each side's policy (one name for both, or
    {side: policy}) and difficulty ({side: difficulty}; sides left out play at normal): the result as plain data."""
    policies = side_policies((), policy)
    difficulties = side_difficulties((), difficulty or {})
    details = []
    wins = {"usa": 0, "ussr": 0, "draw": 0}
    for index in range(games):
        session, outcomes = run_ai_game(content, scenario, game_seed(seed, index), policies, difficulties)
        detail = game_detail(session, outcomes)
        wins[detail["winner"]] += 1
        details.append(detail)
        if progress:
            progress(index + 1, games)
    return {"games": games, "seed": seed, "scenario": scenario, "policies": policies, "difficulties": difficulties,
            "wins": wins, "games_detail": details}


def _first_claims(result: dict[str, Any], milestone_id: str) -> list[dict[str, Any]]:
    return [game["firsts"][milestone_id] for game in result["games_detail"] if milestone_id in game["firsts"]]


def _median_year(claims: list[dict[str, Any]]) -> int:
    """The year of the median claim (dated to the month, so a claim in December 1961 counts as later than one in
    January 1961)."""
    return int(median(claim["year"] + (claim["month"] - 1) / 12 for claim in claims))


def history_comparison(result: dict[str, Any], content: Content) -> dict[str, Any]:
    """Each milestone history dates within the scenario's years (in history's order): where the games put its
    first — the median year and the side that took it most often — beside history's year and side; and how many of
    them land within a year of history and go to history's side. A milestone never claimed, or taken equally often
    by both sides, matches neither."""
    rows = []
    scenario = content.scenarios.get(result["scenario"])
    first_year, last_year = (scenario.start_year, scenario.end_year) if scenario else (0, 9999)
    dated = [milestone for milestone in content.milestones.values()
             if milestone.history.date and first_year <= int(milestone.history.date[:4]) <= last_year]
    for milestone in sorted(dated, key=lambda item: (item.history.date, item.id)):
        claims = _first_claims(result, milestone.id)
        sides = Counter(claim["side"] for claim in claims)
        ranked = sides.most_common()
        modal = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
        history_year = int(milestone.history.date[:4])
        median_year = _median_year(claims) if claims else None
        rows.append({
            "milestone": milestone.id,
            "name": milestone.name,
            "history_year": history_year,
            "history_side": milestone.history.side,
            "claimed": len(claims),
            "median_year": median_year,
            "modal_side": modal,
            "modal_share": round(100 * sides[modal] / len(claims), 1) if modal else None,
            "within_a_year": median_year is not None and abs(median_year - history_year) <= 1,
            "side_matches": modal is not None and modal == milestone.history.side,
        })
    return {
        "games": result["games"],
        "years": [first_year, last_year],
        "milestones": rows,
        "total": len(rows),
        "within_a_year": sum(1 for row in rows if row["within_a_year"]),
        "side_matches": sum(1 for row in rows if row["side_matches"]),
    }


def month_histogram(result: dict[str, Any]) -> dict[str, Any]:
    """In which month of the year the firsts of all games fell (the month of the claim): each month's count and
    share in per cent, and the largest (the earliest such month on a tie)."""
    counts = [0] * 12
    for game in result["games_detail"]:
        for first in game["firsts"].values():
            counts[first["month"] - 1] += 1
    total = sum(counts)
    months: list[dict[str, Any]] = [{"month": index + 1, "name": MONTHS[index], "count": count,
                                     "share": round(100 * count / total, 1) if total else 0.0}
                                    for index, count in enumerate(counts)]
    largest = months[counts.index(max(counts))] if total else None  # the earliest on a tie
    return {"total": total, "months": months, "largest": largest}


def summary_lines(result: dict[str, Any], content: Content) -> list[str]:
    """The text summary: wins, the milestone table, the comparison with history and the months of the firsts."""
    games = result["games"]
    wins = result["wins"]
    lines = [
        f"{games} AI-vs-AI games of {result['scenario']} (seed {result['seed']})",
        *setup_lines(result),
        f"Wins: USA {wins['usa']}, USSR {wins['ussr']}, draws {wins['draw']}",
        "",
        f"{'Milestone':<36} {'claimed':>8} {'USA first':>10} {'median year':>12}  in history",
    ]
    ordered = [*KEY_FIRSTS, *sorted(set(content.milestones) - set(KEY_FIRSTS))]
    for milestone_id in ordered:
        if milestone_id not in content.milestones:
            continue
        claims = _first_claims(result, milestone_id)
        milestone = content.milestones[milestone_id]
        real = milestone.history.date[:4] if milestone.history.date else ""
        if not claims:
            lines.append(f"{milestone.name[:36]:<36} {0:>8} {'':>10} {'never':>12}  {real}")
            continue
        usa = sum(1 for claim in claims if claim["side"] == "usa")
        lines.append(f"{milestone.name[:36]:<36} {len(claims):>8} {usa * 100 // len(claims):>9}% "
                     f"{_median_year(claims):>12}  {real}")
    lines += ["", *history_lines(history_comparison(result, content)), "", *month_lines(month_histogram(result))]
    late = late_lines(result["games_detail"])
    if late:
        lines += ["", *late]
    return lines


def setup_lines(result: dict[str, Any]) -> list[str]:
    """'Policies: USA strategic, USSR historical' and, when not every side plays at normal, the difficulties."""
    def per_side(table: dict[str, str]) -> str:
        return ", ".join(f"{side.upper()} {table[side]}" for side in SIDES)

    lines = [f"Policies: {per_side(result['policies'])}"]
    if any(name != DEFAULT_DIFFICULTY for name in result["difficulties"].values()):
        lines.append(f"Difficulty: {per_side(result['difficulties'])}")
    return lines


def history_lines(comparison: dict[str, Any]) -> list[str]:
    """The comparison with history as a table and its totals."""
    first_year, last_year = comparison["years"]
    lines = [
        f"Against history (the first of each milestone history dates in {first_year}–{last_year}, in history's order):",
        f"{'Milestone':<36} {'history':>12} {'median year':>12} {'first most often':>20}  within a year  side",
    ]
    for row in comparison["milestones"]:
        real = f"{row['history_year']} {row['history_side'].upper()}"
        if not row["claimed"]:
            lines.append(f"{row['name'][:36]:<36} {real:>12} {'never':>12} {'':>20}  {'no':<13}  no")
            continue
        modal = f"{row['modal_side'].upper()} {row['modal_share']:.0f}%" if row["modal_side"] else "even"
        lines.append(f"{row['name'][:36]:<36} {real:>12} {row['median_year']:>12} {modal:>20}  "
                     f"{'yes' if row['within_a_year'] else 'no':<13}  {'yes' if row['side_matches'] else 'no'}")
    total = comparison["total"]
    lines.append(f"Within a year of history: {comparison['within_a_year']} of {total}; "
                 f"history's side first: {comparison['side_matches']} of {total}")
    return lines


def month_lines(histogram: dict[str, Any]) -> list[str]:
    """The months of the firsts as a bar chart, with the largest share stated."""
    total = histogram["total"]
    if not total:
        return ["Months of the firsts: no firsts were claimed"]
    lines = [f"Months of the firsts ({total} firsts, dated by their claim):"]
    for item in histogram["months"]:
        bar = "#" * round(item["share"] / 2)
        lines.append(f"  {item['name']:<10} {item['count']:>6} {item['share']:>5.1f}%  {bar}".rstrip())
    largest = histogram["largest"]
    lines.append(f"Largest: {largest['name']} {largest['share']:.0f}%")
    return lines
