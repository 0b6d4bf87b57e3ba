"""Warnings about content that loads but cannot work as meant: unused flags, events that can never fire,
milestones nobody can reach, missions nothing can fly, and placeholders the game will not fill."""

from __future__ import annotations

import re
from difflib import get_close_matches
from typing import Any

from game.engine import defs
from game.engine.defs import HOOK_SUBJECTS

from .merge import Merged, Raw
from .problems import PathKey, Report
from .story_checks import Calls, Refs, check_story, year_bounds

EVENT_PLACEHOLDERS = ("side_name", "rival_name", "year", "leader", "agency")
STEP_PLACEHOLDERS = ("craft", "rocket", "crew", "lead", "second", "side", "the_crew", "comes")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def analyse(content: defs.Content, merged: Merged, refs: Refs, calls: Calls, report: Report) -> None:
    _unused_flags(merged, refs, report)
    _events_that_cannot_fire(content, merged, report)
    _unreachable(content, merged, report)
    _placeholders(content, merged, report)
    check_story(content, merged, refs, calls, report)


def _unused_flags(merged: Merged, refs: Refs, report: Report) -> None:
    read = {ref.id for ref, _, _ in refs if ref.kind == "flag" and not ref.write}
    reported: set[str] = set()
    for ref, raw, rel in refs:
        if ref.kind == "flag" and ref.write and ref.id not in read and ref.id not in reported:
            reported.add(ref.id)
            raw.problem(report, rel, f"flag {ref.id!r} is set here but no condition ever reads it", "W-FLAG-UNUSED",
                        at_value=True, severity="warning")


def _events_that_cannot_fire(content: defs.Content, merged: Merged, report: Report) -> None:
    spans = [(scenario.start_year, scenario.end_year) for scenario in content.scenarios.values()]
    for event in content.events.values():
        raw = merged.objects[("event", event.id)]
        if not any(first <= event.last_year and event.first_year <= last for first, last in spans):
            raw.problem(report, ("years",), f"event {event.id!r} can never fire: its years {event.first_year}–{event.last_year} "
                        "fall outside every scenario", "W-NEVER-FIRES", at_value=True, severity="warning")
            continue
        low, high = year_bounds(event.trigger_text)
        if max(low, event.first_year) > min(high, event.last_year):
            raw.problem(report, ("trigger",), f"event {event.id!r} can never fire: its trigger allows no year within "
                        f"{event.first_year}–{event.last_year}", "W-NEVER-FIRES", at_value=True, severity="warning")
        elif event.trigger_text.strip() == "false" or event.chance == 0:
            raw.problem(report, ("trigger",) if event.chance else ("chance",), f"event {event.id!r} can never fire",
                        "W-NEVER-FIRES", at_value=True, severity="warning")


def _flyable(content: defs.Content, mission: defs.MissionType) -> bool:
    """Some side has hardware that could, once developed, fly this mission."""
    for side in mission.sides:
        crafts = [h for h in content.hardware.values() if h.side == side and h.kind in mission.craft
                  and all(need in h.capabilities for need in mission.needs) and h.seats >= mission.crew_min]
        rockets = [h for h in content.hardware.values() if h.side == side and h.kind == "rocket"]
        landers = [h for h in content.hardware.values() if h.side == side and h.kind == "lander"]
        if mission.lander and not landers:
            continue
        if any(rocket.lift >= max(mission.min_lift, craft.mass) for craft in crafts for rocket in rockets):
            return True
    return False


def _unreachable(content: defs.Content, merged: Merged, report: Report) -> None:
    last_year = max((scenario.end_year for scenario in content.scenarios.values()), default=0)
    usable: dict[str, bool] = {}
    for mission in content.missions.values():
        usable[mission.id] = _flyable(content, mission) and mission.available <= last_year
        if not usable[mission.id]:
            raw = merged.objects[("mission", mission.id)]
            raw.problem(report, ("craft",), f"mission {mission.id!r} can never fly: no side has a rocket and spacecraft "
                        "that fit it within the scenarios' years", "W-UNFLYABLE", at_value=True, severity="warning")
    claimable = {claim for mission in content.missions.values() if usable[mission.id]
                 for step in mission.steps for claim in step.claims}
    for milestone in content.milestones.values():
        if milestone.id not in claimable:
            raw = merged.objects[("milestone", milestone.id)]
            raw.problem(report, (), f"milestone {milestone.id!r} is unreachable: no mission that can fly claims it",
                        "W-UNREACHABLE", severity="warning")


def _bad_placeholders(text: str, allowed: tuple[str, ...]) -> list[str]:
    return [name for name in _PLACEHOLDER.findall(text) if name not in allowed]


def _placeholders(content: defs.Content, merged: Merged, report: Report) -> None:
    characters = tuple(sorted(content.characters))

    def check(raw: Raw, rel: PathKey, text: Any, allowed: tuple[str, ...], characters_too: bool = False) -> None:
        if isinstance(text, list):  # a text with variants: each variant's text, and the plain one last
            for index, item in enumerate(text):
                at = (*rel, index) if isinstance(item, str) else (*rel, index, "text")
                check(raw, at, item if isinstance(item, str) else item.get("text") if isinstance(item, dict) else None,
                      allowed, characters_too)
            return
        if not isinstance(text, str):
            return
        for match in _PLACEHOLDER.finditer(text):
            name = match.group(1)
            if name in allowed or (characters_too and name in characters):
                continue
            close = get_close_matches(name, [*allowed, *(characters if characters_too else ())], n=1)
            also = " or a character's id" + (f" such as {{{characters[0]}}}" if characters else "") if characters_too else ""
            raw.problem_in_string(report, rel, match.start(), len(match.group(0)),
                                  f"unknown placeholder {{{name}}}: the game fills only "
                                  + ", ".join("{" + item + "}" for item in allowed) + also, "W-PLACEHOLDER",
                                  f"did you mean {{{close[0]}}}?" if close else None, severity="warning")

    for event in content.events.values():
        raw = merged.objects[("event", event.id)]
        allowed = (*EVENT_PLACEHOLDERS, *(("speaker",) if event.speaker else ()), *HOOK_SUBJECTS.get(event.on, ()))
        for rel in (("text",), ("title",), ("foreseen",)):
            check(raw, rel, raw.data.get(rel[0]), allowed, True)
        for index, choice in enumerate(raw.data.get("choices", []) if isinstance(raw.data.get("choices"), list) else []):
            if isinstance(choice, dict):
                check(raw, ("choices", index, "text"), choice.get("text"), allowed, True)
                check(raw, ("choices", index, "result"), choice.get("result"), allowed, True)
    for promise in content.promises.values():
        raw = merged.objects[("promise", promise.id)]
        for name in ("kept_text", "broken_text"):
            check(raw, (name,), raw.data.get(name), EVENT_PLACEHOLDERS, True)
    for mission in content.missions.values():
        raw = merged.objects[("mission", mission.id)]
        for index, step in enumerate(mission.steps):
            check(raw, ("steps", index, "success_text"), step.success_text, STEP_PLACEHOLDERS)
            check(raw, ("steps", index, "failure_text"), step.failure_text, STEP_PLACEHOLDERS)
    for key, (text, source, path) in merged.texts.items():
        if key.startswith(("step_", "crew_safe_after_")):
            for name in _bad_placeholders(text, STEP_PLACEHOLDERS):
                report.add(source, path, f"unknown placeholder {{{name}}} in text {key!r}", "W-PLACEHOLDER",
                           at_value=True, severity="warning", where=f"text {key}")
