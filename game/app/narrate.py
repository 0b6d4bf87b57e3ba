"""Outcomes → tagged narrative lines for one viewer; each front end renders the tags its own way.

A viewer sees their own side in full and the rival the way the world did: flights, firsts and losses, not
their budget or their secret orders. With no viewer (a spectator or a batch transcript) everything is told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from game.engine import outcomes as out
from game.engine.defs import MONTHS, Content
from game.engine.state import GameState

RESULT_WORDS = {"success": "SUCCESS", "partial": "PARTIAL SUCCESS", "failure": "FAILED", "catastrophe": "CATASTROPHE"}
RESULT_TAGS = {"success": "good", "partial": "warn", "failure": "bad", "catastrophe": "bad"}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of narrative. Tags: title, heading, news, dilemma, choice, good, bad, warn, info, step,
    milestone, money, rival."""

    tag: str
    text: str


STEP_STATUS = {"abort": "ABORT", "partial": "FAILED (partial)", "catastrophe": "LOST"}  # a failed step, by its mode


def step_status(result: out.StepResult) -> str:
    """How a flown step is reported: "ok", or how it failed."""
    return "ok" if result.passed else STEP_STATUS.get(result.mode, "FAILED")


def cap(text: str) -> str:
    """Capitalise the first letter only ("the Soviet Union" → "The Soviet Union")."""
    return text[:1].upper() + text[1:]


def fill(template: str, values: dict[str, str]) -> str:
    """Replace {name} placeholders we know, capitalising one that opens a sentence; leave anything else as
    written (never raises)."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if value is None:
            return match.group(0)
        before = template[: match.start()].rstrip()
        return cap(value) if not before or before.endswith((".", "!", "?")) else value

    return _PLACEHOLDER.sub(replace, template)


def money(amount: int, signed: bool = False) -> str:
    """$120M, or with signed=True +$120M / -$30M."""
    sign = "-" if amount < 0 else "+" if signed else ""
    return f"{sign}${abs(amount)}M"


def side_name(content: Content, side: str) -> str:
    default = {"usa": "the United States", "ussr": "the Soviet Union"}.get(side, side)
    return content.texts.get(f"side_name_{side}", default)


def short_side(side: str) -> str:
    return {"usa": "USA", "ussr": "USSR"}.get(side, side.upper())


def event_values(content: Content, state: GameState, side: str) -> dict[str, str]:
    rival = "ussr" if side == "usa" else "usa"
    return {
        "side_name": side_name(content, side),
        "rival_name": side_name(content, rival),
        "year": str(state.year),
        "leader": content.texts.get(f"leader_{side}", "the leadership"),
        "agency": content.texts.get(f"agency_{side}", "the program"),
    }


def crew_list(state: GameState, side: str, crew_ids: Iterable[str]) -> list[str]:
    own = state.sides[side]
    return [member.name if member else crew_id for crew_id, member in ((c, own.crew_by_id(c)) for c in crew_ids)]


def crew_names(state: GameState, side: str, crew_ids: Iterable[str]) -> str:
    """"Ann Lee", "Ann Lee and Bo Ray", "Ann Lee, Bo Ray and Cy Dean"."""
    names = crew_list(state, side, crew_ids)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


def hardware_name(content: Content, hardware_id: str) -> str:
    hardware = content.hardware.get(hardware_id)
    return hardware.name if hardware else hardware_id


def narrate(outcomes: Iterable[out.Outcome], content: Content, state: GameState, viewer: str | None) -> list[Line]:
    ordered = list(outcomes)
    for index in range(len(ordered) - 1):  # the viewer's own year-end report comes before the rival's
        here, after = ordered[index], ordered[index + 1]
        if isinstance(here, out.YearReport) and isinstance(after, out.YearReport) and after.side == viewer:
            ordered[index], ordered[index + 1] = after, here
    lines: list[Line] = []
    for outcome in ordered:
        lines.extend(_narrate_one(outcome, content, state, viewer))
    return lines


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
            return head + body + (rival_briefing(content, state, outcome.side, outcome.year - 1) if viewer else [])
        case out.EventFired() if mine:
            event = content.events[outcome.event]
            values = event_values(content, state, outcome.side)
            lines = [Line("dilemma" if outcome.dilemma else "news", f"{who}{'DECISION' if outcome.dilemma else 'NEWS'}: {event.title}"),
                     Line("info", fill(event.text, values))]
            if outcome.dilemma:
                for choice in event.choices:
                    default = "  (default)" if choice.default else ""
                    lines.append(Line("choice", f"  choose {event.id} {choice.id} — {fill(choice.text, values)}{default}"))
            return lines
        case out.ChoiceMade() if mine:
            event = content.events[outcome.event]
            choice = next(item for item in event.choices if item.id == outcome.choice)
            values = event_values(content, state, outcome.side)
            lines = []
            if outcome.by_default:
                lines.append(Line("warn", f"{who}No decision was taken on \u201c{event.title}\u201d before the year ended: "
                                          f"the default, \u201c{fill(choice.text, values)}\u201d, stands."))
            else:
                lines.append(Line("info", f"{who}On \u201c{event.title}\u201d: {fill(choice.text, values)}"))
            if choice.result:
                lines.append(Line("info", f"  {fill(choice.result, values)}"))
            return lines
        case out.Changed() if mine or outcome.what == "prestige":
            return _changed(outcome, content, viewer, who)
        case out.ProgramStarted() if mine:
            cost = f" for ${outcome.cost}M" if outcome.cost else ""
            return [Line("good", f"{who}Program started: {hardware_name(content, outcome.program)}{cost}.")]
        case out.Funded() if mine and viewer is not None:
            target = hardware_name(content, outcome.target) if outcome.target in content.hardware else {
                "training": "Crew training", "education": "Education"}.get(outcome.target, outcome.target)
            return [Line("money", f"{target}: ${outcome.amount}M allocated for {state.year}. ${state.sides[outcome.side].funds}M left unspent.")]
        case out.MissionScheduled() if mine and viewer is not None:
            mission = content.missions[outcome.mission]
            crew = f", crew {crew_names(state, outcome.side, outcome.crew)}" if outcome.crew else ""
            lander = f" + {hardware_name(content, outcome.lander)}" if outcome.lander else ""
            return [Line("good", f"Scheduled #{outcome.number}: {mission.name} in {MONTHS[outcome.month - 1]} on "
                                 f"{hardware_name(content, outcome.rocket)} / {hardware_name(content, outcome.craft)}{lander}{crew} "
                                 f"(${outcome.cost}M).")]
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
        case out.CrewRecovered() if mine:
            member = state.sides[outcome.side].crew_by_id(outcome.crew)
            return [Line("info", f"{who}{member.name if member else outcome.crew} is back on flight status.")]
        case out.YearReport():
            return _report(outcome, content, viewer, who)
        case out.GameOver():
            winner = "Nobody — the race is a draw" if outcome.winner == "draw" else f"{cap(side_name(content, outcome.winner))} wins"
            return [Line("title", f"THE RACE IS OVER ({outcome.year}). {winner}.")]
    return []


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


def _changed(outcome: out.Changed, content: Content, viewer: str | None, who: str) -> list[Line]:
    cause = ""
    if outcome.cause in content.events:
        cause = f" ({content.events[outcome.cause].title})"
    elif outcome.cause == "catastrophe":
        cause = " (a crew lost)"
    sign = "+" if outcome.amount >= 0 else ""
    if outcome.what == "prestige" and viewer is not None and outcome.side != viewer:
        return [Line("rival", f"Rival prestige {sign}{outcome.amount}{cause}.")]
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


def _flight(outcome: out.MissionFlew, content: Content, state: GameState, viewer: str | None) -> list[Line]:
    mission = content.missions[outcome.mission]
    mine = viewer is None or outcome.side == viewer
    crew = crew_names(state, outcome.side, outcome.crew)
    vehicle = f"{hardware_name(content, outcome.rocket)} / {hardware_name(content, outcome.craft)}"
    if outcome.lander:
        vehicle += f" + {hardware_name(content, outcome.lander)}"
    date = f"{outcome.day} {MONTHS[outcome.month - 1]} {outcome.year}"
    lines = [Line("heading", f"{date} — {short_side(outcome.side)}: {mission.name} ({vehicle}){', crew ' + crew if crew else ''}")]
    if mine:
        names = crew_list(state, outcome.side, outcome.crew) or ["the spacecraft"]
        values = {"craft": hardware_name(content, outcome.craft), "rocket": hardware_name(content, outcome.rocket),
                  "crew": crew or "the spacecraft", "lead": names[0], "second": names[min(1, len(names) - 1)],
                  "side": side_name(content, outcome.side)}
        steps = {step.id: step for step in mission.steps}
        for result in outcome.steps:
            step = steps.get(result.step)
            status = step_status(result)
            lines.append(Line("step", f"   {result.name[:38]:<38} {result.chance / 10:5.1f}%  {status}"))
            template = (step.success_text if result.passed else step.failure_text) if step else ""
            story = step_text(content, result.step, template, result.passed, values)
            if story and (not result.passed or step is not None and step.success_text):
                lines.append(Line("info", f"      {story}"))
            if not result.passed and outcome.crew and result.mode in ("abort", "partial"):
                safe = content.texts.get(f"crew_safe_after_{result.mode}", "")  # the crew's fate, said plainly
                if safe:
                    lines.append(Line("info", f"      {fill(safe, values)}"))
    prestige = f" ({'+' if outcome.prestige >= 0 else ''}{outcome.prestige} prestige)" if mine and outcome.prestige else ""
    lines.append(Line(RESULT_TAGS[outcome.result] if mine else "rival", f"   → {RESULT_WORDS[outcome.result]}{prestige}"))
    return lines


def _milestone(outcome: out.MilestoneClaimed, content: Content, viewer: str | None) -> list[Line]:
    milestone = content.milestones[outcome.milestone]
    who = side_name(content, outcome.side)
    if outcome.first:
        text = f"★ FIRST IN THE WORLD: {cap(who)} — {milestone.name}! (+{outcome.prestige} prestige)"
    else:
        text = f"☆ {cap(who)} matches the rival: {milestone.name} (+{outcome.prestige} prestige)"
    tag = "milestone" if viewer is None or outcome.side == viewer else "rival"
    return [Line(tag, text)]


def _report(outcome: out.YearReport, content: Content, viewer: str | None, who: str) -> list[Line]:
    if viewer is not None and outcome.side != viewer:
        return [Line("rival", f"{cap(side_name(content, outcome.side))}: prestige {outcome.prestige} "
                              f"({'+' if outcome.prestige_change >= 0 else ''}{outcome.prestige_change} this year).")]
    sign = "+" if outcome.prestige_change >= 0 else ""
    support_sign = "+" if outcome.support_change >= 0 else ""
    carried = f", including ${outcome.carried_over}M carried over" if outcome.carried_over else ""
    return [
        Line("heading", f"{who}Year-end report, {outcome.year}"),
        Line("info", f"{who}  Prestige {outcome.prestige} ({sign}{outcome.prestige_change}); support {outcome.support}/100 "
                     f"({support_sign}{outcome.support_change})."),
        Line("money", f"{who}  Next year's budget: ${outcome.next_budget}M{carried}."),
    ]
