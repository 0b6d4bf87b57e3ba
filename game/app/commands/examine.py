"""`examine THING`: a full description of a program, mission type, crew member, milestone or event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app import story, views
from game.app.ledger import ledger
from game.app.narrate import choice_lines, service_words
from game.app.text import joined
from game.app.office_words import FUND_LINES, fund_line_words
from game.engine import characters
from game.engine.missions import describe_condition

from .lookup import NotFound, resolve
from .render import percent

if TYPE_CHECKING:
    from .interpreter import TextGame


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
    for item_id, character in content.characters.items():
        if character.side == game.side:
            add("character", item_id, character.name, character.short)
    for item_id, promise in content.promises.items():
        if any(made.promise == item_id for made in own.promises):
            add("promise", item_id, promise.name)
    for item_id, variable in content.variables.items():
        if variable.visible and game.side in variable.sides:
            add("measure", item_id, variable.name)
    for line in FUND_LINES:
        add("fund line", line)
    views = {"program": examine_program, "mission": examine_mission, "milestone": examine_milestone,
             "event": examine_event, "crew": examine_crew, "character": examine_character, "promise": examine_promise,
             "measure": examine_measure, "fund line": examine_fund_line}
    same_id = [key for key, (kind, item_id) in kinds.items() if item_id == word.strip().lower()]
    if len(same_id) > 1:  # e.g. crewed_orbit is both a mission type and a milestone: show both
        return "\n\n".join(views[kinds[key][0]](game, kinds[key][1]) for key in sorted(same_id))
    try:
        key = resolve(word, names, "thing", {key: names[key][0] for key in names})
    except NotFound as error:
        raise NotFound(str(error).replace("no thing called", "nothing called")) from None
    kind, item_id = kinds[key]
    return views[kind](game, item_id)


def examine_fund_line(game: "TextGame", line: str) -> str:
    office = views.office(game.state, game.side)
    return f"{line.capitalize()} (fund {line} AMOUNT)\n  {fund_line_words(office, line)}"


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
    if hardware.rockets:
        lines.append("  Flies on: " + " or ".join(game.content.hardware[r].name for r in hardware.rockets
                                                  if r in game.content.hardware)
                     + " (its real rockets; name another with schedule … rocket=ID)")
    elif hardware.kind == "rocket":
        riders = [item.name for _, item in sorted(game.content.hardware.items()) if program_id in item.rockets]
        if riders:
            lines.append("  Carries: " + ", ".join(riders))
    detail = views.program_detail(game.state, game.content, game.side, program_id)
    if not detail.started:
        lines.append(f"  Not started. {detail.why_not_start + '.' if detail.why_not_start else 'You can start it: start ' + program_id}")
    else:
        status = "operational" if detail.operational else f"in development, ${detail.development_left}M to go"
        lines.append(f"  Yours since {detail.started}: {status}; reliability now {percent(detail.reliability)}; "
                     f"{detail.flights} flights, {detail.failures} failures; ${detail.funding}M funded this year")
    if detail.flights == 1:
        lines[-1] = lines[-1].replace("1 flights", "1 flight")
    if detail.failures == 1:
        lines[-1] = lines[-1].replace("1 failures", "1 failure")
    if detail.research_needed:
        lines.append("  Research needed: " + ", ".join(f"{percent(target)} for ${cost}M more" for target, cost in detail.research_needed)
                     + " (each flight also teaches)")
    if hardware.history.note:
        lines.append(f"  In history ({hardware.history.date}): {hardware.history.note}")
    return "\n".join(lines)


def examine_mission(game: "TextGame", mission_id: str) -> str:
    from .listing import mission_plan_text

    mission = game.content.missions[mission_id]
    most = max(mission.crew_max, mission.crew_min)
    crew = (f"{mission.crew_min}–{most} crew" if most > mission.crew_min else f"{most} crew") if mission.crew_min else "uncrewed"
    lines = [f"{mission.name} ({mission_id}) — from {mission.available}, {crew}, ops ${mission.cost}M",
             f"  {mission.description}" if mission.description else "",
             f"  Spacecraft: {' or '.join(mission.craft)}" + (f" with {joined(mission.needs)}" if mission.needs else "")
             + (" + a lander" if mission.lander else "") + (f"; rocket lift class {mission.min_lift}+" if mission.min_lift else "")]
    if mission.requires_text:
        lines.append(f"  Requires: {describe_condition(mission.requires_text, game.content)}")
    lines.append("  Steps: " + " → ".join(step.name for step in mission.steps))
    claims = [game.content.milestones[c].name for step in mission.steps for c in step.claims]
    if claims:
        lines.append("  Can claim: " + ", ".join(claims))
    seconds = [game.content.milestones[c].name for step in mission.steps for c in step.claims_second]
    if seconds:
        lines.append("  Can be second to: " + ", ".join(seconds) + " (never the first)")
    if mission.service is not None:
        lines.append(f"  Once it works: {service_words(mission.service)}")
    if mission.partner:
        lines.append("  A joint flight: the rival must book its half for the same month, or neither flies ('rival' "
                     "shows its booking)")
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
    view = story.event_view(game.state, game.content, game.side, event_id)
    lines = [f"{view.title} ({event_id})"]
    if view.speaker is not None:
        speaker = view.speaker
        lines.append(f"  {speaker.name}, {speaker.title}, speaks (opinion of you {speaker.opinion}, {speaker.mood}).")
    lines.append(f"  {view.text}")
    if view.cause:
        lines.append(f"  {view.cause}")
    if view.waiting:
        lines.append(f"  It waits for next year's briefing: {view.waiting}.")
    if view.pending:
        lines.extend(line.text for line in choice_lines(event_id, view.choices, view.held))
        if view.held:
            lines.append(f"  ${view.held}M is set aside for the default choice until you decide.")
    elif view.kind == "dilemma" and not view.waiting:
        for choice in view.choices:
            lines.append(f"  {choice.id} — {choice.text}{'  (default)' if choice.default else ''}")
        lines.append("  (already decided)")
    if view.history:
        lines.append(f"  In history: {view.history}")
    return "\n".join(lines)


def examine_character(game: "TextGame", character_id: str) -> str:
    character = game.content.characters[character_id]
    row = next((person for person in ledger(game.state, game.content, game.side).people if person.id == character_id), None)
    standing = characters.standing(game.state, game.content, game.side, character_id)
    lines = [f"{character.name} ({character_id}) — {character.title}, {character.side.upper()}"]
    if character.description:
        lines.append(f"  {character.description}")
    if standing.status == "serving":
        lines.append(f"  In office ({standing.first}–{standing.last} as history had it).")
    elif standing.status == "upcoming":
        lines.append(f"  Takes office in {standing.first}.")
    else:
        lines.append(f"  No longer in office: {row.left if row else f'left in {standing.left}'}.")
    lines.append(f"  Opinion of you: {standing.opinion}/100, {characters.mood(standing.opinion)}"
                 + (f"; they leave if it falls to {character.resigns_below}" if character.resigns_below else "") + ".")
    if row is not None and row.reasons:
        lines.append("  Why: " + "; ".join(row.reasons))
    elif standing.status != "upcoming":
        lines.append("  Nothing you have done has moved them yet.")
    if character.history.note:
        lines.append(f"  In history: {character.history.note}")
    return "\n".join(lines)


def examine_promise(game: "TextGame", promise_id: str) -> str:
    promise = game.content.promises[promise_id]
    row = next(item for item in ledger(game.state, game.content, game.side).promises if item.id == promise_id)
    lines = [f"{promise.name} ({promise_id})", f"  {promise.text}"]
    if row.status == "open":
        lines.append(f"  Made in {row.made}; judged at each year's end, broken if not kept by the end of {row.deadline}.")
    else:
        lines.append(f"  Made in {row.made}; {row.status} in {row.settled}.")
    if row.cause:
        lines.append(f"  Because of {row.cause}.")
    return "\n".join(lines)


def examine_measure(game: "TextGame", variable_id: str) -> str:
    variable = game.content.variables[variable_id]
    value = game.state.sides[game.side].variables.get(variable_id, variable.default)
    return f"{variable.name}: {value} (from {variable.low} to {variable.high})\n  {variable.description}"


def examine_crew(game: "TextGame", crew_id: str) -> str:
    member = game.state.sides[game.side].crew_by_id(crew_id)
    assert member is not None
    lines = [f"{member.name} ({crew_id}) — {member.status}, selected {member.joined}, {member.flights} flight(s)",
             f"  Piloting {member.piloting}, EVA {member.eva}, docking {member.docking}, endurance {member.endurance}"]
    if member.died:
        lines.append(f"  Lost in {member.died}.")
    return "\n".join(lines)
