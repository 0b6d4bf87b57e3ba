"""Outcomes → tagged narrative lines for one viewer; each front end renders the tags its own way.

A viewer sees their own side in full and the rival the way the world did: flights, firsts and losses, not
their budget or their secret orders. With no viewer (a spectator or a batch transcript) everything is told.
"""

from __future__ import annotations

from typing import Iterable

from game.engine import outcomes as out
from game.engine import rules
from game.engine.defs import MONTHS, Content, MissionType, Service, rival_of
from game.engine.state import GameState

from game.engine import characters, cruise, missions, view
from game.engine.context import EvalContext
from game.engine.state import Pending

from . import story
from .story import event_values
from .text import (Line, cap, crew_list, crew_names, fill, gains_words, hardware_name, money, probe_words, short_side,
                   side_adjective, side_name)

__all__ = ["Line", "RESULT_TAGS", "RESULT_WORDS", "STEP_STATUS", "cap", "crew_list", "crew_names", "event_values", "fill",
           "hardware_name", "kept_secret", "money", "narrate", "rival_briefing", "short_side", "side_name", "step_status",
           "step_text", "visible_flights"]

RESULT_WORDS = {"success": "SUCCESS", "partial": "PARTIAL SUCCESS", "failure": "FAILED", "catastrophe": "CATASTROPHE",
                "cruising": "ON ITS WAY"}
RESULT_TAGS = {"success": "good", "partial": "warn", "failure": "bad", "catastrophe": "bad", "cruising": "info"}


STEP_STATUS = {"abort": "ABORT", "partial": "FAILED (partial)", "catastrophe": "LOST"}  # a failed step, by its mode


def step_status(result: out.StepResult) -> str:
    """How a flown step is reported: "ok", or how it failed."""
    return "ok" if result.passed else STEP_STATUS.get(result.mode, "FAILED")


def narrate(outcomes: Iterable[out.Outcome], content: Content, state: GameState, viewer: str | None) -> list[Line]:
    ordered = list(outcomes)
    for index in range(len(ordered) - 1):  # the viewer's own year-end report comes before the rival's
        here, after = ordered[index], ordered[index + 1]
        if isinstance(here, out.YearReport) and isinstance(after, out.YearReport) and after.side == viewer:
            ordered[index], ordered[index + 1] = after, here
    lines: list[Line] = []
    subjects: dict[str, dict[str, str]] = {}  # a hooked event's subject, for the lines its effects add
    for outcome in ordered:
        if isinstance(outcome, out.EventFired) and outcome.subject:
            subjects[outcome.event] = dict(outcome.subject)
        if isinstance(outcome, out.Changed) and outcome.cause in subjects:
            lines.extend(_changed(outcome, content, viewer, "" if viewer else _who(outcome), state, subjects[outcome.cause])
                         if _mine(outcome, viewer) or outcome.what == "prestige" else [])
            continue
        lines.extend(_narrate_one(outcome, content, state, viewer))
    return lines


def _who(outcome: out.Outcome) -> str:
    return f"[{short_side(outcome.side)}] " if outcome.side else ""


def _mine(outcome: out.Outcome, viewer: str | None) -> bool:
    return viewer is None or outcome.side == viewer or outcome.side == ""


def _narrate_one(outcome: out.Outcome, content: Content, state: GameState, viewer: str | None) -> list[Line]:
    mine = _mine(outcome, viewer)
    who = "" if viewer else f"[{short_side(outcome.side)}] " if outcome.side else ""
    match outcome:
        case out.YearBegan() if mine:
            if viewer is None and outcome.side != "usa":
                return [Line("money", f"{who}Budget ${outcome.budget}M, support {outcome.support}/100.")]
            head = [Line("title", f"━━━━━━━━━━━━━━━━━━━━  {outcome.year}  ━━━━━━━━━━━━━━━━━━━━")] if viewer or outcome.side == "usa" else []
            body = [Line("money", f"{who}Budget for {outcome.year}: ${outcome.budget}M. Support at home: {outcome.support}/100.")]
            return head + body + _on_the_way(content, state, outcome.side, outcome.year) + (
                rival_briefing(content, state, outcome.side, outcome.year - 1) if viewer else [])
        case out.EventFired() if mine:
            return _event_fired(outcome, content, state, viewer, who)
        case out.ChoiceMade() if mine:
            return _choice_made(outcome, content, state, who)
        case out.EventLapsed() if mine and _foreseen(content, outcome.event):
            return [Line("info", f"{who}Foreseen, but it will not come: “{content.events[outcome.event].title}” "
                                 f"({outcome.reason}).")]
        case out.ChoiceCostPaid() if mine and (outcome.funds or outcome.launches):
            paid = [money(outcome.funds)] if outcome.funds else []
            if outcome.launches:
                paid.append("1 launch this year" if outcome.launches == 1 else f"{outcome.launches} launches this year")
            return [Line("money", f"{who}The decision costs {' and '.join(paid)}.")]
        case out.CrewReleased() if mine:
            name = crew_names(state, outcome.side, [outcome.crew])
            fate = "leaves the corps" if outcome.leaves else "is away for the rest of the year"
            return [Line("warn", f"{who}{name} {fate}.")]
        case out.FollowUpScheduled() if mine and outcome.foreseen:
            event = content.events[outcome.event]
            when = str(outcome.first) if outcome.first == outcome.last else f"{outcome.first}–{outcome.last}"
            return [Line("info", f"{who}Foreseen for {when}: {event.foreseen} ('ledger' lists what is coming.)")]
        case out.PromiseMade() if mine:
            promise = content.promises[outcome.promise]
            return [Line("warn", f"{who}Promise made: {promise.name} (judged at the end of {outcome.deadline} at the latest).")]
        case out.PromiseSettled() if mine:
            return _promise_settled(outcome, content, state, who)
        case out.OpinionChanged() if mine and outcome.side == viewer:
            character = content.characters[outcome.character]
            sign = "+" if outcome.amount > 0 else ""
            return [Line("good" if outcome.amount > 0 else "bad",
                         f"{cap(character.short)}'s opinion of you {sign}{outcome.amount}: now {outcome.value}, "
                         f"{characters.mood(outcome.value)}.")]
        case out.CharacterJoined() if mine:
            character = content.characters[outcome.character]
            verb = "takes office as" if character.role == "leader" else "is now"
            return [Line("info", f"{who}{character.name} {verb} {character.title}.")]
        case out.CharacterLeft() if mine:
            return _character_left(outcome, content, who)
        case out.Changed() if mine or outcome.what == "prestige":
            return _changed(outcome, content, viewer, who, state)
        case out.ProgramStarted() if mine:
            cost = f" for ${outcome.cost}M" if outcome.cost else ""
            return [Line("good", f"{who}Program started: {hardware_name(content, outcome.program)}{cost}.")]
        case out.Funded() if mine and viewer is not None:
            target = hardware_name(content, outcome.target) if outcome.target in content.hardware else {
                "training": "Crew training", "education": "Education",
                "intelligence": "Intelligence"}.get(outcome.target, outcome.target)
            return [Line("money", f"{target}: ${outcome.amount}M allocated for {state.year}. ${state.sides[outcome.side].funds}M left unspent.")]
        case out.MissionScheduled() if mine and viewer is not None:
            mission = content.missions[outcome.mission]
            crew = f", crew {crew_names(state, outcome.side, outcome.crew)}" if outcome.crew else ""
            lander = f" + {hardware_name(content, outcome.lander)}" if outcome.lander else ""
            return [Line("good", f"Scheduled #{outcome.number}: {mission.name} in {MONTHS[outcome.month - 1]} on "
                                 f"{hardware_name(content, outcome.rocket)} / {hardware_name(content, outcome.craft)}{lander}{crew} "
                                 f"(${outcome.cost}M)"
                                 f"{'; a backup: if you already hold its firsts when its month comes, it stands down and half its cost comes back (a first the rival took meanwhile leaves it flying, for second place)' if outcome.backup else ''}.")] + _booking_notes(outcome, mission, state)
        case out.MissionCancelled() if mine and viewer is not None:
            return [Line("info", f"Cancelled #{outcome.number} ({content.missions[outcome.mission].name}); ${outcome.refund}M refunded.")]
        case out.CrewRecruited() if mine:
            names = crew_names(state, outcome.side, outcome.crew)
            return [Line("good", f"{who}New candidates selected: {names}. They train this year and can fly from next year.")]
        case out.PadBuilt() if mine:
            return [Line("good", f"{who}A new launch pad is ready: {outcome.pads} pads, {outcome.pads * 4} launches a year.")]
        case out.YearEnded() if mine and viewer is not None:
            return [Line("heading", f"You close the books on {outcome.year}. The year unfolds…")]
        case out.ProgramDeveloped() if mine:
            return [Line("good", f"{who}{hardware_name(content, outcome.program)} has finished development and is ready to fly.")]
        case out.ProgramGrounded() if mine:
            return [Line("bad", f"{who}{hardware_name(content, outcome.program)} is grounded for the rest of the year.")]
        case out.MissionScrubbed() if mine:
            return [Line("warn", f"{who}{MONTHS[outcome.month - 1]}: #{outcome.number} {content.missions[outcome.mission].name} "
                                 f"scrubbed — {outcome.reason}. ${outcome.refund}M recovered.")]
        case out.MissionFlew():
            return _flight(outcome, content, state, viewer)
        case out.MilestoneClaimed():
            return _milestone(outcome, content, viewer)
        case out.CrewLost():
            member = state.sides[outcome.side].crew_by_id(outcome.crew)
            name = member.name if member else outcome.crew
            cause = "in a training accident" if outcome.cause == "training_accident" else "in the line of duty"
            return [Line("bad", f"{'' if mine else short_side(outcome.side) + ': '}{name} was killed {cause}.")]
        case out.CrewInjured() if mine:
            member = state.sides[outcome.side].crew_by_id(outcome.crew)
            return [Line("warn", f"{who}{member.name if member else outcome.crew} was injured and is off flight status until {outcome.until}.")]
        case out.CrewRetired() if mine:
            member = state.sides[outcome.side].crew_by_id(outcome.crew)
            name = member.name if member else outcome.crew
            flown = f" after {outcome.flights} flight{'s' if outcome.flights != 1 else ''}" if outcome.flights else ""
            return [Line("info", f"{who}{name} retires from the corps{flown}: "
                                 f"{rules.CREW_SERVICE_YEARS} years of service are over.")]
        case out.StationClosed() if mine:
            craft = content.hardware.get(outcome.craft)
            visited = f" after {outcome.visits} visit{'s' if outcome.visits != 1 else ''}" if outcome.visits else ", never visited"
            return [Line("warn", f"{who}Station #{outcome.number} ({craft.name if craft else outcome.craft}, launched "
                                 f"{outcome.launched}) is worn out{visited}: crews can no longer visit it. "
                                 "Launch a new one to keep flying expeditions.")]
        case out.CrewRecovered() if mine:
            member = state.sides[outcome.side].crew_by_id(outcome.crew)
            return [Line("info", f"{who}{member.name if member else outcome.crew} is back on flight status.")]
        case out.ServicePaid() if mine:
            return [Line("good", f"{who}{_service_paid(outcome, content)}")]
        case out.ServiceEnded() if mine:
            ended = content.missions.get(outcome.mission)
            name = ended.name if ended else outcome.mission
            if ended is not None and ended.crew_min:  # an expedition's science, not a machine
                why = "gives way to a newer expedition's" if outcome.replaced else "winds down"
                return [Line("info", f"{who}The science from #{outcome.number} {name} ({outcome.launched}) {why}.")]
            why = "a newer one takes over" if outcome.replaced else "its working life is over"
            return [Line("info", f"{who}#{outcome.number} {name} ({hardware_name(content, outcome.craft)}, "
                                 f"{outcome.launched}) leaves service: {why}.")]
        case out.YearReport():
            return _report(outcome, content, viewer, who, last=race_closed_with(state, outcome.year))
        case out.GameOver():
            winner = "Nobody — the race is a draw" if outcome.winner == "draw" else f"{cap(side_name(content, outcome.winner))} wins"
            return [Line("title", f"THE RACE IS OVER ({outcome.year}). {winner}.")]
    return []


def _event_fired(outcome: out.EventFired, content: Content, state: GameState, viewer: str | None, who: str) -> list[Line]:
    event = content.events[outcome.event]
    item = Pending(event=event.id, year=outcome.year, variant=outcome.variant, subject=dict(outcome.subject))
    title = story.event_title(content, state, outcome.side, event, item)
    if outcome.waits:
        return [Line("dilemma", f"{who}DECISION FOR NEXT YEAR'S BRIEFING: {title} ('ledger' shows what waits).")]
    head = "DECISION" if outcome.dilemma else "NEWS"
    lines = [Line("dilemma" if outcome.dilemma else "news", f"{who}{head}: {title}")]
    speaker = content.characters.get(event.speaker)
    if speaker is not None and viewer is not None and outcome.opinion >= 0:
        lines.append(Line("info", f"{speaker.name}, {speaker.title} (opinion of you {outcome.opinion}, "
                                  f"{characters.mood(outcome.opinion)}):"))
    lines.append(Line("info", story.event_text(content, state, outcome.side, event, item)))
    cause = story.cause_line(content, state, outcome.side, outcome.cause_event, outcome.cause_choice, outcome.cause_year)
    if cause:
        lines.append(Line("warn", cause))
    still_open = any(item.event == event.id for item in state.sides[outcome.side].pending)
    if outcome.dilemma and viewer is not None and still_open:
        view = story.event_view(state, content, outcome.side, event.id)
        lines.extend(choice_lines(event.id, view.choices, view.held))
    elif outcome.dilemma:
        lines.extend(Line("choice", f"  {choice.id} — {choice.text}") for choice in event.choices)
    return lines


def choice_lines(event_id: str, views: tuple[story.ChoiceView, ...], held: int = 0) -> list[Line]:
    """A dilemma's choices as the terminal lists them: the command, the text, what it costs and does (the window's
    words, from ChoiceView.price), and why one is greyed."""
    lines: list[Line] = []
    for choice in views:
        default = "  (default)" if choice.default else ""
        costs = f"  [{choice.price(held)}]"
        if choice.available:
            lines.append(Line("choice", f"  choose {event_id} {choice.id} — {choice.text}{costs}{default}"))
        else:
            lines.append(Line("info", f"  (not available) {choice.id} — {choice.text}{costs}"))
            lines.append(Line("info", f"      {choice.reason.rstrip('.')}."))
        if choice.warning:
            lines.append(Line("bad", f"      Warning: {choice.warning}."))
    return lines


def _choice_made(outcome: out.ChoiceMade, content: Content, state: GameState, who: str) -> list[Line]:
    event = content.events[outcome.event]
    choice = next(item for item in event.choices if item.id == outcome.choice)
    values = story.event_values(content, state, outcome.side, dict(outcome.subject), event.speaker)

    def text(field: str, variant: int) -> str:
        variants = choice.variants.get(field, ())
        return fill(variants[variant].text if 0 <= variant < len(variants) else getattr(choice, field), values)

    title = fill(event.title, values)
    lines = []
    if outcome.by_default:
        lines.append(Line("warn", f"{who}No decision was taken on \u201c{title}\u201d before the year ended: "
                                  f"the default, \u201c{text('text', outcome.text_variant)}\u201d, stands."))
    else:
        lines.append(Line("info", f"{who}On \u201c{title}\u201d: {text('text', outcome.text_variant)}"))
    result = text("result", outcome.result_variant)
    if result:
        lines.append(Line("info", f"  {result}"))
    return lines


def _promise_settled(outcome: out.PromiseSettled, content: Content, state: GameState, who: str) -> list[Line]:
    promise = content.promises[outcome.promise]
    field = "kept_text" if outcome.kept else "broken_text"
    context = EvalContext(state, content, outcome.side)
    variants = promise.variants.get(field, ())
    template = next((variant.text for variant in variants if variant.when(context)), getattr(promise, field))
    lines = [Line("good" if outcome.kept else "bad",
                  f"{who}Promise {'kept' if outcome.kept else 'broken'}: {promise.name}.")]
    if template:
        lines.append(Line("info", fill(template, story.event_values(content, state, outcome.side))))
    return lines


def _character_left(outcome: out.CharacterLeft, content: Content, who: str) -> list[Line]:
    character = content.characters[outcome.character]
    if outcome.reason == "history" and outcome.cause and not character.departure:
        return []  # the event that ended their service tells it
    if outcome.reason == "resigned":
        return [Line("bad", f"{who}{character.resignation or f'{character.name} resigns: they have lost faith in you.'}")]
    if outcome.reason == "dismissed":
        return [Line("warn", f"{who}{character.name} is relieved of the post of {character.title}.")]
    return [Line("info", f"{who}{character.departure or f'{character.name} leaves the post of {character.title}.'}")]


def _foreseen(content: Content, event_id: str) -> bool:
    event = content.events.get(event_id)
    return event is not None and bool(event.foreseen)


def rival_briefing(content: Content, state: GameState, side: str, year: int) -> list[Line]:
    """What the world saw the rival achieve last year, for the top of this year's briefing."""
    rival = "ussr" if side == "usa" else "usa"
    claims = [claim for claim in state.claims if claim.side == rival and claim.year == year]
    if not claims:
        return []
    firsts = [content.milestones[claim.milestone].name for claim in claims if claim.first]
    seconds = [content.milestones[claim.milestone].name for claim in claims if not claim.first]
    parts = []
    if firsts:
        parts.append("claimed " + ", ".join(f"\u201c{name}\u201d" for name in firsts))
    if seconds:
        parts.append("caught up with " + ", ".join(f"\u201c{name}\u201d" for name in seconds))
    return [Line("rival", f"Intelligence briefing: in {year} {side_name(content, rival)} {'; and '.join(parts)}.")]


def _changed(outcome: out.Changed, content: Content, viewer: str | None, who: str, state: GameState,
             subject: dict[str, str] | None = None) -> list[Line]:
    cause = ""
    if outcome.cause in content.events:
        event = content.events[outcome.cause]
        cause = f" ({fill(event.title, story.event_values(content, state, outcome.side, subject or {}, event.speaker))})"
    elif outcome.cause in content.promises:
        cause = f" (promise: {content.promises[outcome.cause].name})"
    elif outcome.cause == "catastrophe":
        cause = " (a crew lost)"
    elif outcome.cause == "year_end":
        return []  # the year-end report says it
    if outcome.what == "variable":
        variable = content.variables.get(outcome.subject)
        if variable is None or not variable.visible:
            return []
        sign = "+" if outcome.amount >= 0 else ""
        return [Line("good" if outcome.amount > 0 else "bad", f"{who}{variable.name} {sign}{outcome.amount}{cause}: "
                     f"now {outcome.value}.")]
    sign = "+" if outcome.amount >= 0 else ""
    if outcome.what == "prestige" and viewer is not None and outcome.side != viewer:
        why = cause if outcome.cause == "catastrophe" else " (their own affairs: the cause stays theirs)"
        return [Line("rival", f"{cap(side_name(content, outcome.side))}: prestige {sign}{outcome.amount}{why}.")]
    if outcome.what == "funds":
        return [Line("money", f"{who}Funds {money(outcome.amount, signed=True)}{cause}.")]
    if outcome.what == "research":
        return [Line("money", f"{who}{hardware_name(content, outcome.subject)} research {money(outcome.amount, signed=True)}{cause}.")]
    if outcome.what == "crew":
        return [Line("good", f"{who}{outcome.amount} new crew candidates join{cause}.")]
    if outcome.amount == 0:
        return []
    tag = "good" if outcome.amount > 0 else "bad"
    return [Line(tag, f"{who}{outcome.what.capitalize()} {sign}{outcome.amount}{cause}.")]


def step_text(content: Content, step_id: str, template: str, passed: bool, values: dict[str, str]) -> str:
    if not template:
        template = content.texts.get(f"step_{step_id}_{'success' if passed else 'failure'}", "")
    return fill(template, values) if template else ""


def _on_the_way(content: Content, state: GameState, side: str, year: int) -> list[Line]:
    """The side's probes still cruising when a year begins, and when each arrives."""
    flights = [flight for flight in state.sides[side].in_flight if flight.arrives >= year]
    if not flights or state.year != year:
        return []
    return [Line("info", f"On the way: {'; '.join(probe_words(content, flight) for flight in flights)}.")]


def kept_secret(outcome: out.MissionFlew, viewer: str | None, content: Content | None = None) -> bool:
    """A failed uncrewed flight of a closed side, seen by the other side: the world never heard of it (a Soviet
    probe stranded in orbit was given a Kosmos number, a launch failure was not announced at all) — unless a step
    that passed won a milestone, which was announced (with content given, that is checked)."""
    if not (viewer is not None and outcome.side != viewer and outcome.side not in view.OPEN_SIDES
            and not outcome.crew and outcome.result in ("failure", "catastrophe") and not outcome.launched):
        return False
    mission = content.missions.get(outcome.mission) if content is not None else None
    if mission is None:
        return True
    claims = {step.id: step.claims for step in mission.steps}
    return not any(result.passed and claims.get(result.step) for result in outcome.steps)


def visible_flights(outcomes: list[out.Outcome], viewer: str | None, content: Content | None = None) -> list[out.MissionFlew]:
    """The flights a viewer hears of, in order (both front ends show these and no others)."""
    return [outcome for outcome in outcomes
            if isinstance(outcome, out.MissionFlew) and not kept_secret(outcome, viewer, content)]


def _flight(outcome: out.MissionFlew, content: Content, state: GameState, viewer: str | None) -> list[Line]:
    if kept_secret(outcome, viewer, content):
        return []
    mission = content.missions[outcome.mission]
    mine = viewer is None or outcome.side == viewer
    crew = crew_names(state, outcome.side, outcome.crew)
    vehicle = f"{hardware_name(content, outcome.rocket)} / {hardware_name(content, outcome.craft)}"
    if outcome.lander:
        vehicle += f" + {hardware_name(content, outcome.lander)}"
    date = f"{outcome.day} {MONTHS[outcome.month - 1]} {outcome.year}"
    what = mission.name
    if outcome.launched:
        launched_year, launched_month = outcome.launched
        what = f"{mission.name} arrives (launched {MONTHS[launched_month - 1]} {launched_year})"
    lines = [Line("heading", f"{date} — {short_side(outcome.side)}: {what} ({vehicle}){', crew ' + crew if crew else ''}")]
    if mine:
        names = crew_list(state, outcome.side, outcome.crew) or ["the spacecraft"]
        values = {"craft": hardware_name(content, outcome.craft), "rocket": hardware_name(content, outcome.rocket),
                  "crew": crew or "the spacecraft", "lead": names[0], "second": names[min(1, len(names) - 1)],
                  "side": side_name(content, outcome.side),
                  # one person or several, said right: "{the_crew} {comes} home safe"
                  "the_crew": crew if len(outcome.crew) == 1 else f"the crew, {crew}," if crew else "the spacecraft",
                  "comes": "comes" if len(outcome.crew) <= 1 else "come"}
        steps = {step.id: step for step in mission.steps}
        for result in outcome.steps:
            step = steps.get(result.step)
            status = step_status(result)
            lines.append(Line("step", f"   {result.name[:38]:<38} {result.chance / 10:5.1f}%  {status}"))
            template = (step.success_text if result.passed else
                        step.catastrophe_text if result.mode == "catastrophe" and step.catastrophe_text
                        else step.failure_text) if step else ""
            story = step_text(content, result.step, template, result.passed, values)
            if story and (not result.passed or step is not None and step.success_text):
                lines.append(Line("info", f"      {story}"))
            if not result.passed and outcome.crew and result.mode in ("abort", "partial"):
                safe = content.texts.get(f"crew_safe_after_{result.mode}", "")  # the crew's fate, said plainly
                if safe:
                    lines.append(Line("info", f"      {fill(safe, values)}"))
    prestige = f" ({'+' if outcome.prestige >= 0 else ''}{outcome.prestige} prestige)" if mine and outcome.prestige else ""
    if outcome.result == "cruising" and outcome.arrives:
        arrive_year, arrive_month = outcome.arrives
        prestige = (f" ({cruise.cruise_words(mission)} of cruise, arriving in {MONTHS[arrive_month - 1]} {arrive_year}; "
                    "its firsts are claimed on arrival)")
    lines.append(Line(RESULT_TAGS[outcome.result] if mine else "rival", f"   → {RESULT_WORDS[outcome.result]}{prestige}"))
    if mine and outcome.result == "success" and mission.service is not None:
        lines.append(Line("good", f"   It goes to work: {service_words(mission.service)}."))
    return lines


def _booking_notes(outcome: out.MissionScheduled, mission: MissionType, state: GameState) -> list[Line]:
    """What a booking should know: a joint flight's half needs the rival's in the same month (is it there yet?);
    a craft whose service is at its limit will retire the oldest at work."""
    lines: list[Line] = []
    if mission.partner and missions.partner_booked(state, outcome.side, mission.id, outcome.month):
        lines.append(Line("info", "The rival's half is booked for the same month: the two ships will meet."))
    elif mission.partner and missions.partner_month(state, outcome.side, mission.id):
        theirs = MONTHS[missions.partner_month(state, outcome.side, mission.id) - 1]
        lines.append(Line("warn", f"The rival's half is booked for {theirs}, not {MONTHS[outcome.month - 1]}: unless one "
                                  f"of you moves, yours is scrubbed when the month comes, half its cost back. Book "
                                  f"yours for {theirs} to meet it."))
    elif mission.partner:
        lines.append(Line("warn", f"The rival has not booked its half for {MONTHS[outcome.month - 1]} (yet): if it "
                                  "does not, yours is scrubbed when the month comes, half its cost back. 'rival' shows "
                                  "its booking."))
    terms = mission.service
    working = [item for item in state.sides[outcome.side].in_service if item.mission == mission.id]
    if terms is not None and terms.most and len(working) >= terms.most:
        lines.append(Line("info", f"{len(working)} of these already at work, the most there can be: if this one "
                                  f"works, it retires the oldest (#{working[0].number}, to {working[0].until})."))
    return lines


def service_words(terms: Service) -> str:
    """What a craft in service pays, in words: "support +1 and $20M of budget a year for 4 years"."""
    parts = gains_words(terms.support, terms.budget, terms.prestige)
    years = "this year" if terms.years == 1 else f"a year for {terms.years} years"
    most = f" (at most {terms.most} at work at once: a newer one retires the oldest)" if terms.most else ""
    return f"{' and '.join(parts)} {years}{most}"


def _milestone(outcome: out.MilestoneClaimed, content: Content, viewer: str | None) -> list[Line]:
    milestone = content.milestones[outcome.milestone]
    who = side_name(content, outcome.side)
    if outcome.first:
        text = f"★ FIRST IN THE WORLD: {cap(who)} — {milestone.name}! (+{outcome.prestige} prestige)"
    else:
        first = side_adjective(content, rival_of(outcome.side))  # a first matched was the other side's
        matcher = "You match" if outcome.side == viewer else f"{cap(who)} matches"
        text = f"☆ {matcher} the {first} first: {milestone.name} (+{outcome.prestige} prestige)"
    tag = "milestone" if viewer is None or outcome.side == viewer else "rival"
    return [Line(tag, text)]


def _service_paid(outcome: out.ServicePaid, content: Content) -> str:
    counts: dict[str, int] = {}
    for mission_id in outcome.missions:
        counts[mission_id] = counts.get(mission_id, 0) + 1
    names = []
    for mission_id, count in counts.items():
        name = content.missions[mission_id].name.lower() if mission_id in content.missions else mission_id
        names.append(f"{count} × {name}" if count > 1 else name)
    gains = gains_words(outcome.support, outcome.budget, outcome.prestige)
    later = "; the money comes with next year's budget" if outcome.budget else ""
    earned = (f"They earned {', '.join(gains)}{later}." if gains
              else f"Support is already at {outcome.value}: they earned nothing more this year.")
    return f"At work in {outcome.year}: {', '.join(names)}. {earned}"


def race_closed_with(state: GameState, year: int) -> bool:
    """The race ended with this year: there is no next year's budget to tell."""
    return state.over and year >= state.year


def _report(outcome: out.YearReport, content: Content, viewer: str | None, who: str, last: bool = False) -> list[Line]:
    if viewer is not None and outcome.side != viewer:
        return [Line("rival", f"{cap(side_name(content, outcome.side))}: prestige {outcome.prestige} "
                              f"({'+' if outcome.prestige_change >= 0 else ''}{outcome.prestige_change} this year).")]
    sign = "+" if outcome.prestige_change >= 0 else ""
    support_sign = "+" if outcome.support_change >= 0 else ""
    carried = f", including ${outcome.carried_over}M carried over" if outcome.carried_over else ""
    lines = [
        Line("heading", f"{who}Year-end report, {outcome.year}"),
        Line("info", f"{who}  Prestige {outcome.prestige} ({sign}{outcome.prestige_change}); support {outcome.support}/100 "
                     f"({support_sign}{outcome.support_change})."),
    ]
    why = support_reasons(outcome)
    if why:
        lines.append(Line("info", f"{who}  Why support moved: {why}."))
    if not last:  # after the race's last year there is no next year to pay for
        lines.append(Line("money", f"{who}  Next year's budget: ${outcome.next_budget}M{carried}."))
    return lines


def support_reasons(outcome: out.YearReport) -> str:
    """The year's support change in its parts: the prestige race, the drift toward 50, craft at work, and the rest
    (the year's news, decisions and losses, each told when it happened)."""
    def signed(amount: int) -> str:
        return f"+{amount}" if amount >= 0 else str(amount)

    parts = []
    if outcome.support_race:
        parts.append(f"{signed(outcome.support_race)} from the race (your prestige {signed(outcome.prestige_gain)} "
                     f"this year, the rival's {signed(outcome.rival_gain)})")
    if outcome.support_drift:
        parts.append(f"{signed(outcome.support_drift)} as opinion drifts back toward 50")
    if outcome.support_service:
        parts.append(f"{signed(outcome.support_service)} from craft at work")
    rest = outcome.support_change - outcome.support_race - outcome.support_drift - outcome.support_service
    if rest and parts:
        parts.append(f"{signed(rest)} from the year's news, decisions and losses")
    return "; ".join(parts)
