"""Replaying a record from the start and checking each year's checksum, to name the first year that drifts."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine import turn
from game.engine.defs import Content
from game.engine.orders import OrderRefused
from game.record.save import Record, SaveFile

from .narrate import narrate
from .session import Session, budget_percents


@dataclass(slots=True)
class ReplayReport:
    ok: bool = True
    years: int = 0
    lines: list[str] = field(default_factory=list)


def replay_save(content: Content, save: SaveFile, transcript: bool = False) -> ReplayReport:
    """Re-apply every recorded order to a fresh game (the AI does not think: its orders are recorded)."""
    record = save.record
    report = ReplayReport()
    if record.content_digest != content.digest:
        report.lines.append(f"Note: the content has changed since this game was recorded "
                            f"({record.content_digest} then, {content.digest} now).")
    state, outcomes = turn.new_game(content, record.scenario, record.seed,
                                    budget_percent=budget_percents(record.players, record.difficulty))
    replica = Session(content, state, Record(record.scenario, record.seed, content.digest, record.players, record.policy,
                                             record.mods, difficulty=record.difficulty))
    replica._mark_year()
    first = str(state.year)
    if first in record.checksums:
        report.years += 1
        if replica.record.checksums[first] != record.checksums[first]:
            report.ok = False
            report.lines.append(f"Drift: the replay differs from the record at the start of {first}.")
            return report
    if transcript:
        report.lines.extend(line.text for line in narrate(outcomes, content, state, None))
    for index, (year, order) in enumerate(record.orders):
        if state.year != year:
            report.ok = False
            report.lines.append(f"Drift: order {index + 1} was given in {year}, but the replay is in {state.year}.")
            return report
        try:
            outcomes = replica._apply(order)
        except OrderRefused as error:
            report.ok = False
            report.lines.append(f"Drift in {year}: order {index + 1} ({type(order).__name__}) was refused on replay: {error}.")
            return report
        if transcript:
            report.lines.extend(line.text for line in narrate(outcomes, content, state, None))
        key = "final" if state.over else str(state.year)
        if key in replica.record.checksums and key in record.checksums and key != str(year):
            report.years += 1
            if replica.record.checksums[key] != record.checksums[key]:
                report.ok = False
                label = "the final state" if key == "final" else f"the start of {key}"
                report.lines.append(f"Drift: the replay differs from the record at {label}.")
                return report
    if state.checksum() != save.state.checksum():
        report.ok = False
        report.lines.append("Drift: the replayed game does not end where the save does.")
        return report
    report.lines.append(f"Replay matches the record: {len(record.orders)} orders, {report.years} year checksums verified.")
    return report
