"""The year in brief: a handful of lines in place of the whole year-end report (the full report stays a command away).

Built from the closed year's outcomes only, for one viewer. What a player must read is never summarised away:
deaths, firsts won and lost, promises judged, decisions taken by default, news that came in the year and anything
that needs a hand next year (a program ready to fly, one grounded, a station worn out, crew leaving) keep their
own lines, in the narration's own words; flights step by step, research, opinions and the like are counted or
left to the full report.
"""

from __future__ import annotations

from typing import Iterable

from game.engine import outcomes as out
from game.engine.defs import Content, rival_of
from game.engine.state import GameState

from .narrate import narrate, race_closed_with, visible_flights
from .text import Line, cap, side_name

# Outcomes the digest tells in the narration's own words (their first line; a dilemma's choices too)
TOLD_AS_THEY_ARE = (out.CrewLost, out.MilestoneClaimed, out.PromiseSettled, out.EventFired)
NEEDS_YOU = (out.ProgramDeveloped, out.ProgramGrounded, out.StationClosed, out.CrewRetired, out.CrewInjured,
             out.CrewReleased, out.CharacterLeft, out.FollowUpScheduled, out.PromiseMade)


def split_year(outcomes: Iterable[out.Outcome], side: str) -> tuple[list[out.Outcome], list[out.Outcome]]:
    """The outcomes of a side's year-end in two: the year it closed (from its YearEnded up to the next year's
    beginning) and what came after (next year's briefing, the AI's orders). ([], all) when no year closed."""
    ordered = list(outcomes)
    closing = next((index for index, outcome in enumerate(ordered)
                    if isinstance(outcome, out.YearEnded) and outcome.side == side), None)
    if closing is None:
        return [], ordered
    opening = next((index for index, outcome in enumerate(ordered)
                    if index > closing and isinstance(outcome, out.YearBegan)), len(ordered))
    return ordered[:opening], ordered[opening:]


def year_digest(closed: list[out.Outcome], content: Content, state: GameState, side: str) -> list[Line]:
    """The closed year for one side in a few lines: firsts won and lost, flights flown and how they went, the
    score, support and the main reason it moved, the money, and what needs attention; deaths and news in full."""
    lines: list[Line] = []
    told = narrate(closed[:1], content, state, side) if closed and isinstance(closed[0], out.YearEnded) else []
    lines.extend(told)  # "You close the books on 1962. The year unfolds…"
    for outcome in closed:
        if isinstance(outcome, out.ChoiceMade) and outcome.by_default and outcome.side == side:
            lines.extend(narrate([outcome], content, state, side)[:2])  # the decision that stood, and what it did
            effects = [effect for effect in closed if isinstance(effect, (out.Changed, out.OpinionChanged))
                       and effect.side == side and effect.cause == outcome.event]  # a choice nobody took: its cost
            lines.extend(narrate(effects, content, state, side))
        elif isinstance(outcome, TOLD_AS_THEY_ARE):
            said = narrate([outcome], content, state, side)
            keep = said if isinstance(outcome, out.EventFired) and outcome.dilemma else said[:1]
            lines.extend(keep)
    flights = flight_summary(closed, content, state, side)
    if flights:
        lines.append(Line("info", flights))
    report = next((o for o in closed if isinstance(o, out.YearReport) and o.side == side), None)
    rival = next((o for o in closed if isinstance(o, out.YearReport) and o.side == rival_of(side)), None)
    if report is not None:
        lines.extend(score_lines(report, rival, content, last=race_closed_with(state, report.year)))
    attention = [line for outcome in closed if isinstance(outcome, NEEDS_YOU) and outcome.side == side
                 for line in narrate([outcome], content, state, side)[:1]]
    attention += [line for outcome in closed if isinstance(outcome, out.ServiceEnded) and outcome.side == side
                  and not outcome.replaced for line in narrate([outcome], content, state, side)[:1]]
    if attention:
        lines.append(Line("heading", "For next year:"))
        lines.extend(Line(line.tag, "  " + line.text) for line in attention)
    return lines


def flight_summary(closed: list[out.Outcome], content: Content, state: GameState, side: str) -> str:
    """"Your flights: 4 — 3 successes, 1 failure (#12 Crewed orbital flight); 1 scrubbed. The Soviet Union's flights
    the world saw: 2 — 2 successes." ("" when nobody flew)."""
    flown = once_each(visible_flights(closed, side, content))
    own = [flight for flight in flown if flight.side == side]
    theirs = [flight for flight in flown if flight.side != side]
    scrubbed = [o for o in closed if isinstance(o, out.MissionScrubbed) and o.side == side]
    parts: list[str] = []
    if own or scrubbed:
        counts = _results(own)
        failed = [flight for flight in own if flight.result in ("failure", "catastrophe", "partial")]
        # each named with what became of it, so "1 failure, 1 on its way (…)" never reads as the failure still flying
        named = "; ".join(f"#{flight.number} {content.missions[flight.mission].name} {FELL[flight.result]}"
                          for flight in failed[:3] if flight.mission in content.missions)
        more = f" and {len(failed) - 3} more" if len(failed) > 3 else ""
        text = f"Your flights: {len(own)}" + (f" — {counts}" if counts else "")
        if named:
            text += f" ({named}{more})"
        if scrubbed:
            text += f"; {len(scrubbed)} scrubbed"
        parts.append(text + ".")
    if theirs:
        parts.append(f"{cap(side_name(content, rival_of(side)))}'s flights the world saw: {len(theirs)} — "
                     f"{_results(theirs)}.")
    return " ".join(parts)


def once_each(flights: list[out.MissionFlew]) -> list[out.MissionFlew]:
    """Each flight once: a probe launched and arrived in the same year is told twice (on its way, then its arrival)
    and counted by its arrival alone; one still on its way at the year's end stays 'on its way'."""
    last = {(flight.side, flight.number): index for index, flight in enumerate(flights)}
    return [flight for index, flight in enumerate(flights) if last[(flight.side, flight.number)] == index]


FELL = {"failure": "failed", "partial": "fell short", "catastrophe": "was lost"}  # what became of a flight that fell short
RESULT_COUNTS = (("success", "success", "successes"), ("partial", "partial success", "partial successes"),
                 ("failure", "failure", "failures"), ("catastrophe", "catastrophe", "catastrophes"),
                 ("cruising", "on its way", "on their way"))


def _results(flights: list[out.MissionFlew]) -> str:
    """"3 successes, 1 failure"."""
    words = []
    for result, one, many in RESULT_COUNTS:
        count = sum(1 for flight in flights if flight.result == result)
        if count:
            words.append(f"{count} {one if count == 1 else many}")
    return ", ".join(words)


def score_lines(report: out.YearReport, rival: out.YearReport | None, content: Content,
                last: bool = False) -> list[Line]:
    """Prestige against the rival's, support with the main reason it moved, and next year's money."""
    against = f"; the rival {rival.prestige} ({rival.prestige_change:+d})" if rival is not None else ""
    lines = [Line("info", f"Prestige {report.prestige} ({report.prestige_change:+d}){against}.")]
    cause = main_support_cause(report)
    lines.append(Line("bad" if report.support_change < 0 else "good" if report.support_change > 0 else "info",
                      f"Support {report.support}/100 ({report.support_change:+d})" + (f", mainly {cause}" if cause else "")
                      + "."))
    carried = f", including ${report.carried_over}M carried over" if report.carried_over else ""
    if not last:  # after the race's last year there is no next year to pay for
        lines.append(Line("money", f"Next year's budget: ${report.next_budget}M{carried}."))
    return lines


def main_support_cause(report: out.YearReport) -> str:
    """The biggest part of the year's support change with its amount, "-7 from the race (…)" ("" when nothing
    moved it): the race, the drift toward 50, craft at work, or the year's news, decisions and losses (the full
    report has every part, from narrate.support_reasons)."""
    rest = report.support_change - report.support_race - report.support_drift - report.support_service
    parts = [(report.support_race, f"from the race (your prestige {report.prestige_gain:+d} this year, the rival's "
                                   f"{report.rival_gain:+d})"),
             (report.support_drift, "as opinion drifts back toward 50"),
             (report.support_service, "from craft at work"),
             (rest, "from the year's news, decisions and losses")]
    moved = [(amount, words) for amount, words in parts if amount]
    if not moved or not report.support_change:  # at 100 (or 0) the parts can move and the level not
        return ""
    amount, words = max(moved, key=lambda part: abs(part[0]))  # ties: the first listed
    return f"{amount:+d} {words}"
