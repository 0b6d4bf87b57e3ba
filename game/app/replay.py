"""Replaying a record from the start and checking each year's checksum, to name the first year that drifts."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from game.engine import turn
from game.engine.defs import Content
from game.engine.orders import OrderRefused
from game.engine.outcomes import Outcome, YearEnded
from game.engine.state import GameState
from game.engine.rules import RULES_VERSION
from game.record.save import Record, SaveFile

from .digest import split_year
from .narrate import narrate
from .session import Session


@dataclass(slots=True)
class ReplayReport:
    ok: bool = True
    years: int = 0
    lines: list[str] = field(default_factory=list)


def replay_save(content: Content, save: SaveFile, transcript: bool = False) -> ReplayReport:
    """Re-apply every recorded order to a fresh game (the AI does not think: its orders are recorded) and compare
    each year's checksum. A game recorded under other rules cannot be replayed, and a game recorded with other
    content may play differently: the report says so plainly instead of calling the difference a fault."""
    record = save.record
    report = ReplayReport()
    if record.rules_version != RULES_VERSION:
        report.ok = False
        report.lines.append(
            f"This game cannot be verified here: it was played under rules version {record.rules_version} "
            f"(Space Race {save.game_version or 'of that time'}), and this game plays rules version {RULES_VERSION}, "
            "so its orders would play out differently. The save itself still loads and plays on. To verify it, "
            "replay it with the game version it was recorded with.")
        return report
    changed = _content_change(record, content)
    if changed:
        report.lines.append(f"Note: {changed}.")
    state, outcomes = turn.new_game(content, record.scenario, record.seed, budget_percent=record.budget_percents())
    replica = Session(content, state, replace(record, content_digest=content.digest, orders=[], checksums={}))
    replica._mark_year()

    def drift(message: str) -> ReplayReport:
        report.ok = False
        report.lines.append(message)
        if changed:
            report.lines.append("The content changed since the game was recorded, which explains a difference: to verify "
                                "it, replay it with the content it was recorded with (the same game version and mods).")
        return report

    first = str(state.year)
    if first in record.checksums:
        report.years += 1
        if replica.record.checksums[first] != record.checksums[first]:
            return drift(f"Drift: the replay differs from the record at the start of {first}.")
    if transcript:
        report.lines.extend(line.text for line in narrate(outcomes, content, state, None))
    for index, (year, order) in enumerate(record.orders):
        if state.year != year:
            return drift(f"Drift: order {index + 1} was given in {year}, but the replay is in {state.year}.")
        try:
            outcomes = replica._apply(order)
        except OrderRefused as error:
            return drift(f"Drift in {year}: order {index + 1} ({type(order).__name__}) was refused on replay: {error}.")
        if transcript:
            report.lines.extend(line.text for line in narrate(outcomes, content, state, None))
        key = "final" if state.over else str(state.year)
        if key in replica.record.checksums and key in record.checksums and key != str(year):
            report.years += 1
            if replica.record.checksums[key] != record.checksums[key]:
                label = "the final state" if key == "final" else f"the start of {key}"
                return drift(f"Drift: the replay differs from the record at {label}.")
    if state.checksum() != save.state.checksum():
        return drift("Drift: the replayed game does not end where the save does.")
    report.lines.append(f"Replay matches the record: {len(record.orders)} orders, {report.years} year checksums verified.")
    return report


def closed_year(content: Content, record: Record, side: str, year: int) -> tuple[list[Outcome], GameState] | None:
    """The outcomes that closed a side's year, rebuilt by playing the record's orders again from the start, with the
    state just after them (to narrate them as they were told): the year-end report of a game loaded since. None
    when the record cannot say (other rules or content, a year it has not closed, an order refused)."""
    if record.rules_version != RULES_VERSION or record.content_digest != content.digest:
        return None
    state, _ = turn.new_game(content, record.scenario, record.seed, budget_percent=record.budget_percents())
    for order_year, order in record.orders:
        if order_year > year:
            return None
        try:
            outcomes = turn.apply(state, content, order)
        except OrderRefused:
            return None
        closed, _ = split_year(outcomes, side)
        if any(isinstance(outcome, YearEnded) and outcome.side == side and outcome.year == year for outcome in closed):
            return closed, state
    return None


def _content_change(record: Record, content: Content) -> str:
    """How the loaded content differs from the content a game was recorded with ("" when it is the same)."""
    if record.content_digest == content.digest:
        return ""
    then = ", ".join(record.mods) or "no mods"
    now = ", ".join(content.mods) or "no mods"
    mods = f"; it was played with {then}, and {now} are loaded now" if then != now else ""
    return (f"the content has changed since this game was recorded (content {record.content_digest} then, "
            f"{content.digest} now{mods})")
