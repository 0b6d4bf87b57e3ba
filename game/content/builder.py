"""Building the engine's definitions of the world (hardware, missions, milestones, scenarios) from checked
tables, cross-checking every id they name. Events and the story around them are built in `story`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from game.engine import defs
from game.engine.defs import SIDES

from .compiler import Compiler
from .files import why_unsafe_asset
from .merge import Raw
from .problems import PathKey, Report, suggest


def history_note(data: dict[str, Any]) -> defs.HistoryNote:
    return defs.HistoryNote(date=data.get("date", ""), side=data.get("side", ""), note=data.get("note", ""))


@dataclass(slots=True)
class Builder:
    """Turns checked tables into the engine's definitions, cross-checking the ids they name."""

    report: Report
    known: dict[str, list[str]]
    compiler: Compiler
    sides_of: dict[str, str]
    disabled: dict[tuple[str, str], str]
    roots: dict[str, Path]  # mod id → its folder, for file references
    names: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind of id, id) → what a player calls it
    condition_words: dict[str, str] = field(default_factory=dict)  # named condition → its plain words
    sides_of_kind: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)  # whose a character/promise is
    kinds_of: dict[str, str] = field(default_factory=dict)  # hardware id → its kind (rocket, capsule …)

    def asset(self, raw: Raw, rel: PathKey, reference: str) -> str:
        """A file reference, checked to stay inside the mod that wrote it: its full path, or "" when there is
        none or it is refused."""
        if not reference:
            return ""
        source, _ = raw.where(rel)
        root = self.roots.get(source.mod, Path("."))
        problem = why_unsafe_asset(reference, root)
        if problem:
            raw.problem(self.report, rel, problem, "E-ASSET", at_value=True)
            return ""
        return (root / reference).resolve().as_posix()  # front ends open it; the rules never read it

    def story_setup(self, raw: Raw, side: str, setup: dict[str, Any]) -> None:
        """A side's starting variables, opinions, service years and promises: every id known, and each one that
        side's own."""
        for key, kind in (("variables", "variable"), ("opinions", "character"), ("service", "character")):
            self.refs(raw, setup[key], kind, (side, key), list_field=False)
            for item in setup[key]:
                owners = self.sides_of_kind.get((kind, item), (side,))
                if side not in owners:
                    raw.problem(self.report, (side, key, item), f"{kind} {item!r} is not kept by {side.upper()} "
                                f"(its sides: {', '.join(owners)})", "E-REF")
        self.refs(raw, setup["promises"], "promise", (side, "promises"))
        for index, item in enumerate(setup["promises"]):
            owners = self.sides_of_kind.get(("promise", item), (side,))
            if side not in owners:
                raw.problem(self.report, (side, "promises", index), f"promise {item!r} is not one {side.upper()} can make",
                            "E-REF", at_value=True)

    def ref(self, raw: Raw, item: str, kind: str, rel: PathKey) -> bool:
        """A single id in a field (a speaker): known, or reported at its value."""
        if item in self.known[kind]:
            return True
        catalogue = "hardware" if kind == "program" else kind
        gone = f" (disabled by the mod {self.disabled[(catalogue, item)]})" if (catalogue, item) in self.disabled else ""
        raw.problem(self.report, rel, f"unknown {kind} {item!r}{gone}", "E-REF", suggest(item, self.known[kind]),
                    at_value=True)
        return False

    def refs(self, raw: Raw, ids: Iterable[str], kind: str, rel: PathKey, list_field: bool = True) -> None:
        catalogue = "hardware" if kind == "program" else kind
        for index, item in enumerate(ids):
            if item not in self.known[kind]:
                gone = f" (disabled by the mod {self.disabled[(catalogue, item)]})" if (catalogue, item) in self.disabled else ""
                at = (*rel, index) if list_field else (*rel, item)
                raw.problem(self.report, at, f"unknown {kind} {item!r}{gone}", "E-REF", suggest(item, self.known[kind]),
                            at_value=list_field)

    def unique_ids(self, raw: Raw, items: Iterable[dict[str, Any]], field_name: str, message: str) -> None:
        """Steps of a mission, or choices of an event, each need an id of their own."""
        seen: set[str] = set()
        for index, item in enumerate(items):
            if item.get("id") in seen:
                raw.problem(self.report, (field_name, index, "id"), message.format(item["id"]), "E-DUPLICATE", at_value=True)
            seen.add(item.get("id", ""))

    def hardware(self, raw: Raw, clean: dict[str, Any]) -> defs.Hardware:
        report = self.report
        self.refs(raw, clean["requires"], "hardware", ("requires",))
        for index, needed in enumerate(clean["requires"]):
            if needed == raw.id:
                raw.problem(report, ("requires", index), f"{raw.id!r} cannot require itself", "E-REF", at_value=True)
            elif needed in self.sides_of and self.sides_of[needed] != clean["side"]:
                raw.problem(report, ("requires", index), f"{needed!r} belongs to the other side", "E-REF", at_value=True)
        if clean["kind"] == "rocket" and clean["lift"] <= 0:
            raw.problem(report, ("lift",), f"rocket {raw.id!r} needs a lift above 0", "E-VALUE", at_value=True)
        if clean["kind"] != "rocket" and clean["mass"] <= 0:
            raw.problem(report, ("mass",), f"{clean['kind']} {raw.id!r} needs a mass above 0 (the lift class it needs)",
                        "E-VALUE", at_value=True)
        self.refs(raw, clean["rockets"], "hardware", ("rockets",))
        if clean["rockets"] and clean["kind"] == "rocket":
            raw.problem(report, ("rockets",), "a rocket does not fly on rockets: only spacecraft list the rockets they fly on",
                        "E-VALUE")
        for index, rocket in enumerate(clean["rockets"]):
            if self.kinds_of.get(rocket, "rocket") != "rocket":
                raw.problem(report, ("rockets", index), f"{rocket!r} is a {self.kinds_of[rocket]}, not a rocket", "E-REF",
                            at_value=True)
            elif rocket in self.sides_of and self.sides_of[rocket] != clean["side"]:
                raw.problem(report, ("rockets", index), f"{rocket!r} belongs to the other side", "E-REF", at_value=True)
        if clean["base_reliability"] > clean["max_reliability"]:
            raw.problem(report, ("base_reliability",), "base_reliability is above max_reliability", "E-VALUE", at_value=True)
        return defs.Hardware(
            id=raw.id, name=clean["name"], side=clean["side"], kind=clean["kind"], available=clean["available"],
            start_cost=clean["start_cost"], development_cost=clean["development_cost"], unit_cost=clean["unit_cost"],
            base_reliability=clean["base_reliability"], max_reliability=clean["max_reliability"],
            research_scale=clean["research_scale"], lift=clean["lift"], mass=clean["mass"], seats=clean["seats"],
            capabilities=clean["capabilities"], requires=clean["requires"], description=clean["description"],
            history=history_note(clean["history"]), image=self.asset(raw, ("image",), clean["image"]),
            prep_months=clean["prep_months"], rockets=clean["rockets"],
        )

    def mission(self, raw: Raw, clean: dict[str, Any]) -> defs.MissionType:
        report = self.report
        if clean["crew_max"] < clean["crew_min"]:
            clean["crew_max"] = clean["crew_min"]
        if not clean["steps"]:
            raw.problem(report, ("steps",), f"mission {raw.id!r} needs at least one step", "E-VALUE")
        steps: list[defs.Step] = []
        self.unique_ids(raw, clean["steps"], "steps", "step id {!r} is used twice in this mission")
        for index, step in enumerate(clean["steps"]):
            at = ("steps", index)
            self.refs(raw, step.get("claims", ()), "milestone", (*at, "claims"))
            self.refs(raw, step.get("claims_second", ()), "milestone", (*at, "claims_second"))
            if step.get("uses") == "lander" and not clean["lander"]:
                raw.problem(report, (*at, "uses"), "a step uses the lander but the mission does not set lander = true",
                            "E-VALUE", at_value=True)
            if step.get("uses") == "station" and clean["station"] != "visit":
                raw.problem(report, (*at, "uses"), "a step uses the station but the mission does not set station = \"visit\"",
                            "E-VALUE", at_value=True)
            if step.get("skill") and clean["crew_min"] == 0:
                raw.problem(report, (*at, "skill"), "an uncrewed mission's step cannot use a crew skill", "E-VALUE", at_value=True)
            if "id" in step and "name" in step and "uses" in step:
                steps.append(defs.Step(
                    id=step["id"], name=step["name"], uses=step["uses"], difficulty=step["difficulty"], skill=step["skill"],
                    failure=step["failure"], claims=step["claims"], success_text=step["success_text"],
                    failure_text=step["failure_text"], claims_second=step["claims_second"],
                    catastrophe_text=step["catastrophe_text"],
                ))
        step_ids = [step.get("id") for step in clean["steps"]]
        if clean["arrives_at"] and clean["arrives_at"] not in step_ids:
            raw.problem(report, ("arrives_at",), f"arrives_at names no step of this mission (its steps: "
                        f"{', '.join(str(item) for item in step_ids)})", "E-REF", at_value=True)
        elif clean["arrives_at"] and clean["arrives_at"] == step_ids[0]:
            raw.problem(report, ("arrives_at",), "a flight cannot arrive at its first step: it has to launch first",
                        "E-VALUE", at_value=True)
        if bool(clean["arrives_at"]) != bool(clean["cruise_days"]):
            missing = "arrives_at (the step at which it arrives)" if clean["cruise_days"] else "cruise_days"
            raw.problem(report, ("cruise_days" if clean["cruise_days"] else "arrives_at",),
                        f"cruise_days and arrives_at go together: set {missing} too", "E-VALUE")
        if clean["cruise_days"] and clean["crew_min"]:
            raw.problem(report, ("cruise_days",), "crewed flights fly start to finish in their launch month: cruise_days "
                        "is for probes", "E-VALUE", at_value=True)
        service = None
        terms = clean["service"]
        if "service" in raw.data:  # an absent table comes back with every default (zero)
            if terms["years"] < 1:
                raw.problem(report, ("service", "years"), "a service needs years = 1 or more (the years it works)", "E-VALUE")
            elif not (terms["support"] or terms["budget"] or terms["prestige"]):
                raw.problem(report, ("service",), "a service pays nothing: give it support, budget or prestige",
                            "E-VALUE")
            else:
                service = defs.Service(years=terms["years"], support=terms["support"], budget=terms["budget"],
                                       prestige=terms["prestige"], most=terms["most"])
        return defs.MissionType(
            id=raw.id, name=clean["name"], available=clean["available"], cost=clean["cost"], craft=clean["craft"],
            steps=tuple(steps), crew_min=clean["crew_min"], crew_max=clean["crew_max"], needs=clean["needs"],
            lander=clean["lander"], min_lift=clean["min_lift"], prestige=clean["prestige"],
            requires=self.compiler.condition(clean["requires"], raw, ("requires",)), requires_text=clean["requires"],
            description=clean["description"], sides=clean["sides"], station=clean["station"], windows=clean["windows"],
            prep_months=clean["prep_months"], cruise_days=clean["cruise_days"], arrives_at=clean["arrives_at"],
            service=service, partner=clean["partner"],
        )

    def milestone(self, raw: Raw, clean: dict[str, Any]) -> defs.Milestone:
        return defs.Milestone(
            id=raw.id, name=clean["name"], prestige_first=clean["prestige_first"], prestige_second=clean["prestige_second"],
            description=clean["description"], condition=self.compiler.condition(clean["condition"], raw, ("condition",)),
            condition_text=clean["condition"], decisive=clean["decisive"], history=history_note(clean["history"]),
        )

    def scenario(self, raw: Raw, clean: dict[str, Any]) -> defs.Scenario:
        report = self.report
        years = clean["end_year"] - clean["start_year"] + 1
        if years < 1:
            raw.problem(report, ("end_year",), "end_year is before start_year", "E-VALUE", at_value=True)
        setups: dict[str, defs.SideSetup] = {}
        for side in SIDES:
            setup = clean.get(side)
            if setup is None:
                continue
            if years >= 1 and "budget" in setup and len(setup["budget"]) != years:
                raw.problem(report, (side, "budget"), f"budget has {len(setup['budget'])} entries; the scenario runs {years} years "
                            f"({clean['start_year']}–{clean['end_year']})", "E-VALUE", at_value=True)
            self.refs(raw, setup["programs"], "hardware", (side, "programs"), list_field=False)
            for program in setup["programs"]:
                if self.sides_of.get(program, side) != side:
                    raw.problem(report, (side, "programs", program), f"{program!r} is the other side's hardware", "E-REF")
            self.refs(raw, setup["achieved"], "milestone", (side, "achieved"), list_field=False)
            self.story_setup(raw, side, setup)
            setups[side] = defs.SideSetup(
                prestige=setup["prestige"], support=setup["support"], budget=setup.get("budget", ()),
                programs=dict(setup["programs"]), crew=setup["crew"], pads=setup["pads"], flags=setup["flags"],
                achieved=dict(setup["achieved"]), variables=dict(setup["variables"]), opinions=dict(setup["opinions"]),
                service=dict(setup["service"]), promises=setup["promises"],
            )
        compile_condition = self.compiler.condition
        return defs.Scenario(
            id=raw.id, name=clean["name"], description=clean["description"], start_year=clean["start_year"],
            end_year=clean["end_year"], setups=setups, default_side=clean["default_side"],
            win_if=compile_condition(clean["win_if"], raw, ("win_if",)),
            lose_if=compile_condition(clean["lose_if"], raw, ("lose_if",)),
            end_if=compile_condition(clean["end_if"], raw, ("end_if",)),
            win_if_text=clean["win_if"], lose_if_text=clean["lose_if"], end_if_text=clean["end_if"],
        )


