"""Checks on the story's consequences that only the whole content can answer: follow-ups that can never come,
variables read but never written, characters named outside their years or sides, choices whose condition can
never hold, named conditions and effect lists that call themselves, defaults whose cost a budget may not cover,
and years that hold more dilemmas than a briefing posts."""

from __future__ import annotations

import re
from collections.abc import Iterable

from game.engine import defs, rules
from game.engine.defs import SIDES

from . import expr
from .merge import Merged, Raw
from .problems import PathKey, Report

Refs = list[tuple[expr.Ref, Raw, PathKey]]
Calls = list[tuple[expr.EffectCall, Raw, PathKey]]

_YEAR_TEST = re.compile(r"\byear\s*(>=|<=|==|>|<)\s*(\d{4})\b")
_BOUNDED = re.compile(r"\b(var|opinion)\('([a-z0-9_]+)'\)\s*(>=|<=|==|>|<)\s*(-?\d+)\b")
DEFAULT_COST_SHARE = 10  # a default's money cost may be at most 1/10 of the lowest base budget it can meet


def check_story(content: defs.Content, merged: Merged, refs: Refs, calls: Calls, report: Report) -> None:
    _cycles(content, merged, refs, report)
    _follow_ups(content, merged, calls, report)
    _variables(content, merged, refs, report)
    _characters(content, merged, refs, calls, report)
    _choices_that_never_hold(content, merged, report)
    _default_costs(content, merged, report)
    _dilemma_cap(content, merged, report)


def year_bounds(trigger: str) -> tuple[int, int]:
    """The years a condition allows when it is a plain chain of `and`-ed year tests (else every year)."""
    low, high = 0, 9999
    if " or " in f" {trigger} " or "not " in trigger:
        return low, high
    for op, number in _YEAR_TEST.findall(trigger):
        year = int(number)
        if op == ">=":
            low = max(low, year)
        elif op == ">":
            low = max(low, year + 1)
        elif op == "<=":
            high = min(high, year)
        elif op == "<":
            high = min(high, year - 1)
        else:
            low, high = max(low, year), min(high, year)
    return low, high


def _spans(content: defs.Content, scenarios: tuple[str, ...] = ()) -> list[tuple[str, int, int]]:
    return [(scenario.id, scenario.start_year, scenario.end_year) for scenario in content.scenarios.values()
            if not scenarios or scenario.id in scenarios]


def _overlaps(first: int, last: int, spans: Iterable[tuple[str, int, int]]) -> bool:
    return any(start <= last and first <= end for _, start, end in spans)


# -- named conditions and effect lists that use themselves ----------------------------------------------------


def _cycles(content: defs.Content, merged: Merged, refs: Refs, report: Report) -> None:
    uses: dict[tuple[str, str], list[str]] = {}
    for condition in content.conditions.values():
        names = getattr(condition.test, "names", ())  # an expr.Compiled: the names it reads
        uses[("condition", condition.id)] = [name for name in names if name in content.conditions]
    for ref, raw, _ in refs:
        if raw.kind == "effects" and ref.kind == "effects":
            uses.setdefault(("effects", raw.id), []).append(ref.id)
    for effect_list in content.effect_lists.values():
        uses.setdefault(("effects", effect_list.id), [])
    reported: set[tuple[str, str]] = set()
    for start in sorted(uses):
        path = _cycle_from(start, uses)
        if path and start not in reported:
            reported.update((start[0], item) for item in path)
            raw = merged.objects[start]
            field = "when" if start[0] == "condition" else "effects"
            raw.problem(report, (field,), f"{start[0]} {start[1]!r} uses itself: {' → '.join([*path, path[0]])}",
                        "E-CYCLE", at_value=True)


def _cycle_from(start: tuple[str, str], uses: dict[tuple[str, str], list[str]]) -> list[str]:
    kind = start[0]
    stack = [(start[1], [start[1]])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in uses.get((kind, node), []):
            if nxt == start[1]:
                return path
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return []


# -- follow-ups ------------------------------------------------------------------------------------------------


def _years_of(content: defs.Content, raw: Raw) -> tuple[int, int] | None:
    """The years an object's effects can run in: an event's window, a promise's whole span (None: any)."""
    if raw.kind == "event" and raw.id in content.events:
        event = content.events[raw.id]
        low, high = year_bounds(event.trigger_text)
        return max(event.first_year, low), min(event.last_year, high)
    return None


def _follow_ups(content: defs.Content, merged: Merged, calls: Calls, report: Report) -> None:
    scheduled: set[str] = set()
    reachable: set[str] = set()
    for call, raw, rel in calls:
        if call.name not in ("follow_up", "follow_up_between"):
            continue
        event_id = call.constants[0]
        event = content.events.get(event_id) if isinstance(event_id, str) else None
        if event is None:
            continue
        scheduled.add(event.id)
        if not event.follow_up:
            raw.problem(report, rel, f"follow_up() schedules {event.id!r}, which fires from the calendar or a hook; "
                        f"set follow_up = true on it", "E-FOLLOW-UP", at_value=True)
            continue
        delays = call.constants[1:]
        if any(isinstance(delay, int) and delay < 1 for delay in delays):
            raw.problem(report, rel, "a follow-up comes in a later year: its years from now must be at least 1",
                        "E-FOLLOW-UP", at_value=True)
        first_delay = max(delays[0], 1) if isinstance(delays[0], int) else 1
        last_delay = max(delays[-1], 1) if isinstance(delays[-1], int) else 30
        years = _years_of(content, raw)
        low, high = (years[0] + first_delay, years[1] + last_delay) if years else (0, 9999)
        window = (max(low, event.first_year), min(high, event.last_year))
        if window[0] <= window[1] and _overlaps(*window, _spans(content, event.scenarios)):
            reachable.add(event.id)
    for event in content.events.values():
        if not event.follow_up:
            continue
        raw = merged.objects[("event", event.id)]
        if event.id not in scheduled:
            raw.problem(report, ("follow_up",), f"follow-up {event.id!r} is never scheduled: no effect calls "
                        f"follow_up('{event.id}', …)", "W-FOLLOW-UP-NEVER", at_value=True, severity="warning")
        elif event.id not in reachable or event.chance == 0 or event.trigger_text.strip() == "false":
            raw.problem(report, ("follow_up",), f"follow-up {event.id!r} can never fire: it is scheduled for years "
                        f"outside its own years ({event.first_year}–{event.last_year}) or every scenario's, or its "
                        "chance or trigger rule it out", "W-FOLLOW-UP-NEVER", at_value=True, severity="warning")


# -- variables ---------------------------------------------------------------------------------------------------


def _variables(content: defs.Content, merged: Merged, refs: Refs, report: Report) -> None:
    written = {ref.id for ref, _, _ in refs if ref.kind == "variable" and ref.write}
    for scenario in content.scenarios.values():
        for setup in scenario.setups.values():
            written.update(setup.variables)
    read = {ref.id for ref, _, _ in refs if ref.kind == "variable" and not ref.write}
    reported: set[str] = set()
    for ref, raw, rel in refs:
        if ref.kind == "variable" and not ref.write and ref.id not in written and ref.id not in reported:
            reported.add(ref.id)
            raw.problem(report, rel, f"variable {ref.id!r} is read here but nothing ever changes it (no add_var or "
                        "set_var, no scenario sets it): it is always its default", "W-VAR-UNWRITTEN", at_value=True,
                        severity="warning")
    for variable in content.variables.values():
        if variable.id not in read and not variable.visible:
            merged.objects[("variable", variable.id)].problem(
                report, (), f"variable {variable.id!r} is never read and not visible: nothing and nobody will see it",
                "W-VAR-UNUSED", severity="warning")


# -- characters --------------------------------------------------------------------------------------------------


def _service_years(content: defs.Content, character: defs.CharacterDef) -> list[tuple[int, int]]:
    years = [(character.first, character.last)]
    for scenario in content.scenarios.values():
        for setup in scenario.setups.values():
            if character.id in setup.service:
                years.append(setup.service[character.id])
    return years


_SERVING_WRITES = ("add_opinion", "dismiss", "end_service")  # effects that mean someone in office (appoint brings them)


def _characters(content: defs.Content, merged: Merged, refs: Refs, calls: Calls, report: Report) -> None:
    """A speaker, or a character whose opinion an event changes or whom it removes, must serve in some year the
    event can fire (remembering someone gone, opinion('korolev') after 1965, is fine; appoint() brings someone in
    early); and be of a side that sees the event."""
    named: list[tuple[str, Raw, PathKey, bool]] = [(ref.id, raw, rel, False) for ref, raw, rel in refs
                                                   if ref.kind == "character" and not ref.write]
    named += [(call.constants[0], raw, rel, call.name in _SERVING_WRITES) for call, raw, rel in calls
              if call.constants and isinstance(call.constants[0], str) and call.name in (*_SERVING_WRITES, "appoint")]
    for event in content.events.values():
        if event.speaker:
            named.append((event.speaker, merged.objects[("event", event.id)], ("speaker",), True))
    for character_id, raw, rel, must_serve in named:
        character = content.characters.get(character_id)
        if character is None or raw.kind != "event" or raw.id not in content.events:
            continue
        event = content.events[raw.id]
        serves = any(first <= event.last_year and event.first_year <= last for first, last in _service_years(content, character))
        if not serves and must_serve:
            raw.problem(report, rel, f"{character.name} serves {character.first}–{character.last}, but event {event.id!r} "
                        f"fires only in {event.first_year}–{event.last_year}", "W-CHARACTER-YEARS", at_value=True,
                        severity="warning")
        elif character.side not in event.sides:
            raw.problem(report, rel, f"{character.name} serves {character.side.upper()}, but event {event.id!r} is seen "
                        f"only by {', '.join(side.upper() for side in event.sides)}: their opinion there is history's",
                        "W-CHARACTER-SIDE", at_value=True, severity="warning")


# -- choices -----------------------------------------------------------------------------------------------------


def never_holds(content: defs.Content, event: defs.Event, condition: str) -> str:
    """Why a choice's condition can never hold in the event's years ("" when it may)."""
    if condition.strip() == "false":
        return "it is false"
    low, high = year_bounds(condition)
    if max(low, event.first_year) > min(high, event.last_year):
        return f"its year tests allow no year in the event's {event.first_year}–{event.last_year}"
    if " or " in f" {condition} " or "not " in condition:
        return ""
    for function, item, op, number in _BOUNDED.findall(condition):
        limits = (0, 100)
        if function == "var":
            variable = content.variables.get(item)
            if variable is None:
                continue
            limits = (variable.low, variable.high)
        value = int(number)
        impossible = {">=": value > limits[1], ">": value >= limits[1], "<=": value < limits[0], "<": value <= limits[0],
                      "==": not limits[0] <= value <= limits[1]}[op]
        if impossible:
            return f"{function}('{item}') runs from {limits[0]} to {limits[1]}, so '{op} {value}' never holds"
    return ""


def _choices_that_never_hold(content: defs.Content, merged: Merged, report: Report) -> None:
    for event in content.events.values():
        raw = merged.objects[("event", event.id)]
        for index, choice in enumerate(event.choices):
            why = never_holds(content, event, choice.condition_text) if choice.condition_text else ""
            if why:
                raw.problem(report, ("choices", index, "condition"), f"choice {choice.id!r} can never be taken: {why}",
                            "W-CHOICE-NEVER", at_value=True, severity="warning")


def _lowest_budget(content: defs.Content, event: defs.Event) -> int | None:
    budgets = [scenario.base_budget(side, year)
               for scenario in content.scenarios.values() if not event.scenarios or scenario.id in event.scenarios
               for side in event.sides if side in scenario.setups
               for year in range(max(event.first_year, scenario.start_year), min(event.last_year, scenario.end_year) + 1)]
    return min(budgets) if budgets else None


def _default_costs(content: defs.Content, merged: Merged, report: Report) -> None:
    for event in content.events.values():
        choice = event.default_choice() if event.kind == "dilemma" else None
        if choice is None or not choice.cost.funds:
            continue
        lowest = _lowest_budget(content, event)
        if lowest is not None and choice.cost.funds * DEFAULT_COST_SHARE > lowest:
            index = event.choices.index(choice)
            merged.objects[("event", event.id)].problem(
                report, ("choices", index, "cost"), f"the default choice costs ${choice.cost.funds}M, more than a tenth of "
                f"the lowest base budget (${lowest}M) in the years it can come: a budget might not cover it",
                "E-DEFAULT", at_value=True)


# -- how many dilemmas a year --------------------------------------------------------------------------------


def _dilemma_cap(content: defs.Content, merged: Merged, report: Report) -> None:
    warned: set[str] = set()
    for scenario in content.scenarios.values():
        for side in SIDES:
            for year in range(scenario.start_year, scenario.end_year + 1):
                possible = [event for event in content.events_for_year(year)
                            if event.kind == "dilemma" and side in event.sides
                            and (not event.scenarios or scenario.id in event.scenarios)
                            and year_bounds(event.trigger_text)[0] <= year <= year_bounds(event.trigger_text)[1]]
                for event in possible[rules.MAX_DILEMMAS_PER_YEAR:]:
                    if event.id in warned:
                        continue
                    warned.add(event.id)
                    merged.objects[("event", event.id)].problem(
                        report, ("years",), f"{len(possible)} dilemmas can come to {side.upper()} in {year} "
                        f"({scenario.id}), and a briefing posts at most {rules.MAX_DILEMMAS_PER_YEAR}: {event.id!r} may "
                        "wait for the next year's briefing", "W-DILEMMA-CAP", at_value=True, severity="warning")
