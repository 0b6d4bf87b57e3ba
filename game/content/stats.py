"""`space-race mods stats`: counts of what the loaded content holds, for a modder or a reviewer to check at a
glance — events, dilemmas and their choices (with conditions, with costs), follow-ups, promises, hooks by kind,
variables, characters, named conditions — and, per year and side, how many dilemmas can come in a scenario."""

from __future__ import annotations

from typing import Any

from game.engine.defs import HOOKS, SIDES, Content


def _in(event_scenarios: tuple[str, ...], scenario: str) -> bool:
    return not event_scenarios or scenario in event_scenarios


def content_stats(content: Content, scenario_id: str = "full_campaign") -> dict[str, Any]:
    events = list(content.events.values())
    dilemmas = [event for event in events if event.kind == "dilemma"]
    choices = [choice for event in dilemmas for choice in event.choices]
    scenario = content.scenarios.get(scenario_id)
    by_year: dict[str, dict[str, dict[str, int]]] = {}
    if scenario is not None:
        for side in SIDES:
            years: dict[str, dict[str, int]] = {}
            for year in range(scenario.start_year, scenario.end_year + 1):
                found = [event for event in dilemmas if side in event.sides and _in(event.scenarios, scenario.id)
                         and event.first_year <= year <= event.last_year]
                years[str(year)] = {
                    "calendar": sum(1 for event in found if event.calendar),
                    "hook": sum(1 for event in found if event.on),
                    "follow_up": sum(1 for event in found if event.follow_up),
                }
            by_year[side] = years
    return {
        "events": len(events),
        "news": len(events) - len(dilemmas),
        "dilemmas": len(dilemmas),
        "choices": len(choices),
        "choices_with_condition": sum(1 for choice in choices if choice.condition is not None),
        "choices_with_cost": sum(1 for choice in choices if choice.cost),
        "follow_ups": sum(1 for event in events if event.follow_up),
        "follow_ups_foreseen": sum(1 for event in events if event.follow_up and event.foreseen),
        "promises": len(content.promises),
        "hooks": {hook: sum(1 for event in events if event.on == hook) for hook in HOOKS},
        "variables": len(content.variables),
        "variables_visible": sum(1 for variable in content.variables.values() if variable.visible),
        "characters": len(content.characters),
        "named_conditions": len(content.conditions),
        "effect_lists": len(content.effect_lists),
        "events_with_speaker": sum(1 for event in events if event.speaker),
        "texts_with_variants": sum(1 for event in events for _ in event.variants.values())
        + sum(1 for choice in choices for _ in choice.variants.values())
        + sum(1 for promise in content.promises.values() for _ in promise.variants.values()),
        "scenario": scenario_id if scenario is not None else "",
        "dilemmas_by_year": by_year,
    }


def stats_lines(stats: dict[str, Any]) -> list[str]:
    hooks = ", ".join(f"{hook} {count}" for hook, count in stats["hooks"].items())
    lines = [
        f"Events {stats['events']}: news {stats['news']}, dilemmas {stats['dilemmas']}",
        f"Choices {stats['choices']}: {stats['choices_with_condition']} with a condition, "
        f"{stats['choices_with_cost']} with a cost",
        f"Follow-ups {stats['follow_ups']} ({stats['follow_ups_foreseen']} foreseen), promises {stats['promises']}",
        f"Hooks: {hooks}",
        f"Variables {stats['variables']} ({stats['variables_visible']} visible), characters {stats['characters']} "
        f"({stats['events_with_speaker']} events spoken by one), named conditions {stats['named_conditions']}, "
        f"effect lists {stats['effect_lists']}, texts with variants {stats['texts_with_variants']}",
    ]
    if stats["dilemmas_by_year"]:
        lines += ["", f"Dilemmas that can come each year in {stats['scenario']} (calendar + hook + follow-up):",
                  f"{'Year':<6} {'USA':>12} {'USSR':>12}"]
        usa, ussr = stats["dilemmas_by_year"]["usa"], stats["dilemmas_by_year"]["ussr"]
        for year in usa:
            cell = lambda counts: f"{counts['calendar']} + {counts['hook']} + {counts['follow_up']}"  # noqa: E731
            lines.append(f"{year:<6} {cell(usa[year]):>12} {cell(ussr[year]):>12}")
    return lines
