"""Building a side's historical schedule (the historical policy's data): every id checked, every flight legal.

A schedule names programmes, launches, dilemma choices and crew selections. Each launch is checked against the
rules it will be flown under (the mission's side and first year, the craft's kind and capabilities, the lift,
the lander, the launch window, the programme being in the schedule and ready by the launch's year), so a modder
learns at `mods check` time, with the file and line, that a flight could never go.
"""

from __future__ import annotations

from typing import Any

from game.engine import defs

from .builder import Builder
from .merge import Raw


def schedule(builder: Builder, raw: Raw, clean: dict[str, Any], content_tables: dict[str, dict[str, Any]]) -> defs.Schedule | None:
    report = builder.report
    side = clean["side"]
    builder.refs(raw, clean["scenarios"], "scenario", ("scenarios",))
    hardware: dict[str, defs.Hardware] = content_tables["hardware"]
    missions: dict[str, defs.MissionType] = content_tables["mission"]
    events: dict[str, defs.Event] = content_tables["event"]
    plans: list[defs.ProgramPlan] = []
    ready: dict[str, int] = {}
    for index, item in enumerate(clean["programs"]):
        at = ("programs", index)
        if "program" not in item or not builder.ref(raw, item["program"], "hardware", (*at, "program")):
            continue
        found = hardware.get(item["program"])
        if found is not None and found.side != side:
            raw.problem(report, (*at, "program"), f"{item['program']!r} is the other side's hardware", "E-REF", at_value=True)
            continue
        if found is not None and item["start"] < found.available:
            raw.problem(report, (*at, "start"), f"{found.name} cannot be started before {found.available}", "E-VALUE",
                        at_value=True)
        if item["ready"] < item["start"]:
            raw.problem(report, (*at, "ready"), "ready comes before start", "E-VALUE", at_value=True)
        plans.append(defs.ProgramPlan(program=item["program"], start=item["start"], ready=item["ready"], end=item["end"]))
        ready[item["program"]] = item["ready"]
    flights: list[defs.PlannedFlight] = []
    previous = (0, 0)
    for index, item in enumerate(clean["flights"]):
        at = ("flights", index)
        if (item["year"], item["month"]) < previous:
            raw.problem(report, (*at, "year"), "flights are listed in date order: this one comes before the one above it",
                        "E-VALUE")
        previous = (item["year"], item["month"])
        mission = missions.get(item["mission"])
        if not builder.ref(raw, item["mission"], "mission", (*at, "mission")) or mission is None:
            continue
        for key in ("rocket", "craft", "lander", "goal"):
            if item[key]:
                builder.ref(raw, item[key], "milestone" if key == "goal" else "hardware", (*at, key))
        problem = _why_illegal(item, mission, hardware, ready, side)
        if problem:
            raw.problem(report, (*at, problem[0]), problem[1], "E-VALUE", at_value=True)
            continue
        flights.append(defs.PlannedFlight(
            year=item["year"], month=item["month"], mission=item["mission"], rocket=item["rocket"], craft=item["craft"],
            lander=item["lander"], crew=item["crew"], goal=item["goal"], give_up=item["give_up"] or item["year"] + 3,
            when=builder.compiler.condition(item["when"], raw, (*at, "when")), when_text=item["when"], note=item["note"],
        ))
    chosen: dict[str, str] = {}
    # the base game's schedules name the base dilemmas: a mod that disables one or makes it news changes history on
    # purpose, and the policy weighs the dilemma itself; a mod's own schedule hears about it (W-SCHEDULE)
    quiet = raw.where(())[0].mod == "base"
    for index, item in enumerate(clean["choices"]):
        at = ("choices", index)
        event = events.get(item["event"])
        if event is None and quiet:
            continue
        if event is None:  # a mod may disable a dilemma: the policy then has nothing to decide there
            gone = builder.disabled.get(("event", item["event"]))
            raw.problem(report, (*at, "event"), f"there is no event {item['event']!r}"
                        f"{f' (disabled by the mod {gone})' if gone else ''}: the policy cannot follow this choice",
                        "W-SCHEDULE", at_value=True, severity="warning")
            continue
        ids = [choice.id for choice in event.choices]
        if item["choice"] not in ids and quiet:
            continue
        if item["choice"] not in ids:
            raw.problem(report, (*at, "choice"), f"{item['choice']!r} is not a choice of {item['event']!r} (its choices: "
                        f"{', '.join(ids) or 'none: it is news'}); the policy weighs it itself", "W-SCHEDULE",
                        at_value=True, severity="warning")
            continue
        chosen[item["event"]] = item["choice"]
    recruit: dict[int, int] = {}
    for item in clean["recruit"]:
        recruit[item["year"]] = recruit.get(item["year"], 0) + item["count"]
    return defs.Schedule(id=raw.id, side=side, name=clean["name"], description=clean["description"],
                         scenarios=clean["scenarios"], programs=tuple(plans), flights=tuple(flights), choices=chosen,
                         recruit=recruit)


def _why_illegal(item: dict[str, Any], mission: defs.MissionType, hardware: dict[str, defs.Hardware],
                 ready: dict[str, int], side: str) -> tuple[str, str] | None:
    """(field, why) when the rules could never fly this launch, else None."""
    if side not in mission.sides:
        return "mission", f"{mission.name} is not flown by {side.upper()}"
    if item["year"] < mission.available:
        return "year", f"{mission.name} cannot be flown before {mission.available}"
    if mission.windows and item["month"] not in mission.window_months(item["year"]):
        months = ", ".join(str(month) for month in mission.window_months(item["year"])) or "none"
        return "month", f"{mission.name} launches only in its windows (months {months} of {item['year']})"
    craft = hardware.get(item["craft"]) if item["craft"] else None
    rocket = hardware.get(item["rocket"]) if item["rocket"] else None
    for key, part in (("rocket", rocket), ("craft", craft), ("lander", hardware.get(item["lander"]) if item["lander"] else None)):
        if part is None:
            continue
        if part.side != side:
            return key, f"{part.id!r} is the other side's hardware"
        if part.id not in ready:
            return key, f"{part.name} is not among the schedule's programs"
        if ready[part.id] > item["year"]:
            return key, f"{part.name} is ready only from {ready[part.id]} in this schedule"
    if rocket is not None and rocket.kind != "rocket":
        return "rocket", f"{rocket.name} is a {rocket.kind}, not a rocket"
    if craft is not None:
        if craft.kind not in mission.craft or any(need not in craft.capabilities for need in mission.needs):
            return "craft", f"{craft.name} cannot fly {mission.name}"
        if rocket is not None and rocket.lift < max(mission.min_lift, craft.mass):
            return "rocket", f"{rocket.name} lifts class {rocket.lift}; {mission.name} on {craft.name} needs class " \
                             f"{max(mission.min_lift, craft.mass)}"
        if item["crew"] and not mission.crew_min <= item["crew"] <= craft.seats:
            return "crew", f"{mission.name} on {craft.name} takes {mission.crew_min}–{craft.seats} crew"
    if mission.lander and not item["lander"]:
        return "lander", f"{mission.name} needs a lander"
    return None
