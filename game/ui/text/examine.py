"""`examine THING`: a full description of a program, mission type, crew member, milestone or event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app.narrate import event_values, fill
from game.app import views
from game.engine.missions import describe_condition

from .lookup import NotFound, resolve
from .render import percent

if TYPE_CHECKING:
    from .game import TextGame


def examine(game: "TextGame", word: str) -> str:
    content = game.content
    own = game.state.sides[game.side]
    names: dict[str, tuple[str, ...]] = {}
    kinds: dict[str, tuple[str, str]] = {}

    def add(kind: str, item_id: str, *aliases: str) -> None:
        key = f"{kind}:{item_id}"
        names[key] = (item_id, *aliases)
        kinds[key] = (kind, item_id)

    for item_id, hardware in content.hardware.items():
        add("program", item_id, hardware.name)
    for item_id, mission in content.missions.items():
        add("mission", item_id, mission.name)
    for item_id, milestone in content.milestones.items():
        add("milestone", item_id, milestone.name)
    for item_id, event in content.events.items():
        if game.side in event.sides and (item_id in own.fired or any(p.event == item_id for p in own.pending)):
            add("event", item_id, event.title)
    for member in own.crew:
        add("crew", member.id, member.name, member.name.split()[-1])
    views = {"program": examine_program, "mission": examine_mission, "milestone": examine_milestone,
             "event": examine_event, "crew": examine_crew}
    same_id = [key for key, (kind, item_id) in kinds.items() if item_id == word.strip().lower()]
    if len(same_id) > 1:  # e.g. crewed_orbit is both a mission type and a milestone: show both
        return "\n\n".join(views[kinds[key][0]](game, kinds[key][1]) for key in sorted(same_id))
    try:
        key = resolve(word, names, "thing", {key: names[key][0] for key in names})
    except NotFound as error:
        raise NotFound(str(error).replace("no thing called", "nothing called")) from None
    kind, item_id = kinds[key]
    return views[kind](game, item_id)


def examine_program(game: "TextGame", program_id: str) -> str:
    hardware = game.content.hardware[program_id]
    lines = [f"{hardware.name} ({program_id}) — {hardware.side.upper()} {hardware.kind}", f"  {hardware.description}"]
    sizes = [f"lift class {hardware.lift}"] if hardware.kind == "rocket" else [f"needs lift class {hardware.mass}"]
    if hardware.seats:
        sizes.append(f"{hardware.seats} seat(s)")
    if hardware.capabilities:
        sizes.append("can do: " + ", ".join(hardware.capabilities))
    lines.append("  " + "; ".join(sizes))
    lines.append(f"  Start ${hardware.start_cost}M; development ${hardware.development_cost}M; ${hardware.unit_cost}M a flight; "
                 f"reliability {percent(hardware.base_reliability)} rising toward {percent(hardware.max_reliability)}")
    if hardware.requires:
        lines.append("  Requires: " + ", ".join(game.content.hardware[r].name for r in hardware.requires))
    detail = views.program_detail(game.state, game.content, game.side, program_id)
    if not detail.started:
        lines.append(f"  Not started. {detail.why_not_start + '.' if detail.why_not_start else 'You can start it: start ' + program_id}")
    else:
        status = "operational" if detail.operational else f"in development, ${detail.development_left}M to go"
        lines.append(f"  Yours since {detail.started}: {status}; reliability now {percent(detail.reliability)}; "
                     f"{detail.flights} flights, {detail.failures} failures; ${detail.funding}M funded this year")
    if detail.research_needed:
        lines.append("  Research needed: " + ", ".join(f"{percent(target)} for ${cost}M more" for target, cost in detail.research_needed)
                     + " (each flight also teaches)")
    if hardware.history.note:
        lines.append(f"  In history ({hardware.history.date}): {hardware.history.note}")
    return "\n".join(lines)


def examine_mission(game: "TextGame", mission_id: str) -> str:
    from .game import mission_plan_text

    mission = game.content.missions[mission_id]
    crew = f"{mission.crew_min}–{max(mission.crew_max, mission.crew_min)} crew" if mission.crew_min else "uncrewed"
    lines = [f"{mission.name} ({mission_id}) — from {mission.available}, {crew}, ops ${mission.cost}M",
             f"  {mission.description}" if mission.description else "",
             f"  Spacecraft: {' or '.join(mission.craft)}" + (f" with {', '.join(mission.needs)}" if mission.needs else "")
             + (" + a lander" if mission.lander else "") + (f"; rocket lift class {mission.min_lift}+" if mission.min_lift else "")]
    if mission.requires_text:
        lines.append(f"  Requires: {describe_condition(mission.requires_text, game.content)}")
    lines.append("  Steps: " + " → ".join(step.name for step in mission.steps))
    claims = [game.content.milestones[c].name for step in mission.steps for c in step.claims]
    if claims:
        lines.append("  Can claim: " + ", ".join(claims))
    lines.append(mission_plan_text(game, mission_id))
    return "\n".join(line for line in lines if line)


def examine_milestone(game: "TextGame", milestone_id: str) -> str:
    milestone = game.content.milestones[milestone_id]
    lines = [f"{milestone.name} ({milestone_id}) — first +{milestone.prestige_first}, second +{milestone.prestige_second} prestige"]
    if milestone.description:
        lines.append(f"  {milestone.description}")
    if milestone.condition_text:
        lines.append(f"  Counts when: {milestone.condition_text}")
    claims = [claim for claim in game.state.claims if claim.milestone == milestone_id]
    for claim in claims:
        lines.append(f"  {'First' if claim.first else 'Then'}: {claim.side.upper()}, {claim.month:02d}/{claim.year}")
    if not claims:
        lines.append("  Nobody has claimed it yet.")
    if milestone.history.note:
        lines.append(f"  In history ({milestone.history.side.upper()}, {milestone.history.date}): {milestone.history.note}")
    return "\n".join(lines)


def examine_event(game: "TextGame", event_id: str) -> str:
    event = game.content.events[event_id]
    values = event_values(game.content, game.state, game.side)
    lines = [f"{event.title} ({event_id})", f"  {fill(event.text, values)}"]
    waiting = any(item.event == event_id for item in game.state.sides[game.side].pending)
    for choice in event.choices:
        lines.append(f"  choose {event_id} {choice.id} — {fill(choice.text, values)}{'  (default)' if choice.default else ''}")
    if event.choices and not waiting:
        lines.append("  (already decided)")
    if event.history.note:
        lines.append(f"  In history: {event.history.note}")
    return "\n".join(lines)


def examine_crew(game: "TextGame", crew_id: str) -> str:
    member = game.state.sides[game.side].crew_by_id(crew_id)
    assert member is not None
    lines = [f"{member.name} ({crew_id}) — {member.status}, selected {member.joined}, {member.flights} flight(s)",
             f"  Piloting {member.piloting}, EVA {member.eva}, docking {member.docking}, endurance {member.endurance}"]
    if member.died:
        lines.append(f"  Lost in {member.died}.")
    return "\n".join(lines)
