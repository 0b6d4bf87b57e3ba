"""What one flight shows, prepared once and pure: its story (steps, result, what it claimed, every word from
`game.app.narrate`) and its timeline (countdown, lift-off, steps, result), so the flight scene only draws."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from game.app.flight_scenery import destination, return_index, rocket_family
from game.app.narrate import RESULT_TAGS, RESULT_WORDS, Line, crew_names, hardware_name, narrate, step_status
from game.engine.defs import MONTHS
from game.engine.outcomes import Changed, CrewLost, MilestoneClaimed, MissionFlew, Outcome, ProgramGrounded

SPEED_SCALE = {"slow": 1.6, "normal": 1.0, "fast": 0.3, "instant": 0.0}
COUNTDOWN_MS = 1650  # T-10 … T-0
LIFTOFF_MS = 1400
STEP_MS = 720  # each step: its bar fills, then its verdict
VERDICT_SHARE = 0.6  # of a step's time, when its verdict shows
FAILURE_PAUSE_MS = 450  # a failed step holds a little longer
HOLD_MS = 2400  # the result stays this long before the next flight
RESULT_MARKS = {"success": "✓", "partial": "◐", "failure": "✗", "catastrophe": "✸", "cruising": "→"}
TIED = (MilestoneClaimed, CrewLost, ProgramGrounded, Changed)  # outcomes the engine emits right after a flight


# -- what one flight shows (prepared once) ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StepView:
    name: str
    chance: int | None  # per-mille; None when not shown (the rival's) or not flown
    flown: bool
    passed: bool
    status: str  # "ok", "ABORT", "FAILED (partial)", "LOST"; for a step not flown now, NOT_FLOWN, EARLIER or LATER
    mode: str  # the failure mode, "" otherwise
    story: str  # narrate's commentary for the step ("" when none)
    earlier: bool = False  # flown and passed on an earlier date: a probe's launch, before its arrival now


NOT_FLOWN = "not flown"  # a step after the one that failed
EARLIER = "ok at launch"  # an arrival's steps before it, flown when it left
LATER = "on arrival"  # a cruising probe's steps still to come


@dataclass(frozen=True, slots=True)
class FlightStory:
    flight: MissionFlew
    mine: bool  # the viewer's own flight (or a spectator's view): chances and commentary shown
    mission: str
    date: str
    vehicle: str
    crew: str
    steps: tuple[StepView, ...]
    result_word: str
    result_tag: str
    result_note: str  # "+12 prestige" for the viewer's own flights
    extras: tuple[Line, ...]  # milestones claimed, crew lost, groundings: narrated
    milestones: tuple[MilestoneClaimed, ...]
    family: str  # the rocket's family: its silhouette (game.app.flight_scenery)
    destination: str  # orbit | suborbital | moon | venus | mars
    homeward: int = -1  # the index of the first step that brings it home (-1: it never comes back)

    @property
    def flown(self) -> int:
        """How many steps were flown on this date (the timeline's steps)."""
        return sum(1 for step in self.steps if step.flown)

    @property
    def first(self) -> int:
        """The index of the first step flown on this date (after an arrival's steps flown at launch)."""
        return sum(1 for step in self.steps if step.earlier)

    def flown_step(self, ordinal: int) -> StepView:
        """The ordinal-th step flown on this date (0 the first)."""
        return self.steps[self.first + ordinal]


def tied_outcomes(flight: MissionFlew, outcomes: Sequence[Outcome]) -> list[Outcome]:
    """The outcomes the engine emitted right after this flight and because of it: its milestones, its lost crew,
    its groundings and a catastrophe's fall in support. Whatever only happens to follow it (a training accident
    at the year's end, an event's grounding) is not the flight's: it is told with the year-end report."""
    index = next((at for at, outcome in enumerate(outcomes) if outcome is flight), None)
    if index is None:
        index = next((at for at, outcome in enumerate(outcomes) if outcome == flight), None)
    if index is None:
        return []
    tied: list[Outcome] = []
    for outcome in outcomes[index + 1:]:
        if not isinstance(outcome, TIED) or outcome.side != flight.side or not _caused_by(outcome, flight):
            break
        tied.append(outcome)
    return tied


def _caused_by(outcome: Outcome, flight: MissionFlew) -> bool:
    """Whether an outcome that follows a flight came of it (the engine names the mission as the cause)."""
    if isinstance(outcome, MilestoneClaimed):
        return outcome.mission == flight.mission
    if isinstance(outcome, CrewLost):
        return outcome.cause == flight.mission and outcome.crew in flight.crew
    if isinstance(outcome, ProgramGrounded):
        return outcome.cause == flight.mission and outcome.program in (flight.rocket, flight.craft, flight.lander)
    if isinstance(outcome, Changed):
        return outcome.cause == "catastrophe" and flight.result == "catastrophe" and bool(flight.crew)
    return False


def build_story(flight: MissionFlew, outcomes: Sequence[Outcome], content, state, viewer: str | None) -> FlightStory:  # noqa: ANN001
    """One flight as the viewer may see it, its words from narrate."""
    mine = viewer is None or flight.side == viewer
    lines = narrate([flight], content, state, viewer)
    # narrate: the heading, then (own flights) each step's line with its commentary lines, then the result line
    step_lines: list[tuple[str, list[str]]] = []
    for line in lines[1:-1]:
        if line.tag == "step":
            step_lines.append((line.text, []))
        elif step_lines:
            step_lines[-1][1].append(line.text.strip())
    mission = content.missions.get(flight.mission)
    flown: list[StepView] = []
    for at, result in enumerate(flight.steps):
        story = " ".join(step_lines[at][1]) if mine and at < len(step_lines) else ""
        flown.append(StepView(result.name, result.chance if mine else None, True, result.passed, step_status(result),
                              result.mode, story))
    views = _in_planned_order(flight, mission, flown)
    result_text = lines[-1].text.strip().removeprefix("→").strip() if lines else RESULT_WORDS[flight.result]
    word = RESULT_WORDS[flight.result]
    note = result_text[len(word):].strip().strip("()") if result_text.startswith(word) else ""
    tied = tied_outcomes(flight, outcomes)
    extras = tuple(narrate(tied, content, state, viewer))
    vehicle = f"{hardware_name(content, flight.rocket)} / {hardware_name(content, flight.craft)}"
    if flight.lander:
        vehicle += f" + {hardware_name(content, flight.lander)}"
    date = f"{flight.day} {MONTHS[flight.month - 1]} {flight.year}"
    if flight.launched:  # a probe's arrival: the rest of a flight that launched earlier
        date += f" · arrival (launched {MONTHS[flight.launched[1] - 1]} {flight.launched[0]})"
    return FlightStory(
        flight=flight, mine=mine, mission=mission.name if mission else flight.mission,
        date=date, vehicle=vehicle,
        crew=crew_names(state, flight.side, flight.crew), steps=tuple(views), result_word=word,
        result_tag=RESULT_TAGS[flight.result],
        result_note=note, extras=extras,
        milestones=tuple(outcome for outcome in tied if isinstance(outcome, MilestoneClaimed)),
        family=rocket_family(content.hardware.get(flight.rocket), flight.rocket), destination=destination(mission),
        homeward=_homeward(mission, len(views)),
    )


def _in_planned_order(flight: MissionFlew, mission, flown: list[StepView]) -> list[StepView]:  # noqa: ANN001
    """Every step of the mission in its planned order, as the picture draws them: an arrival's steps flown at
    launch first (passed then), the steps flown on this date, then those not flown (after a failure) or still to
    come (a probe cruising on)."""
    if mission is None:  # a mission the content no longer has: the steps flown, as they came
        return flown
    ids = [step.id for step in mission.steps]
    at = {result.step: index for index, result in enumerate(flight.steps)}
    first = min((ids.index(step_id) for step_id in at if step_id in ids), default=0)
    views: list[StepView] = []
    for index, step in enumerate(mission.steps):
        if step.id in at:
            views.append(flown[at[step.id]])
        elif flight.launched and index < first:
            views.append(StepView(step.name, None, False, True, EARLIER, "", "", earlier=True))
        else:
            views.append(StepView(step.name, None, False, False, LATER if flight.result == "cruising" else NOT_FLOWN,
                                  "", ""))
    views += [view for step_id, view in zip((result.step for result in flight.steps), flown) if step_id not in ids]
    return views


def _homeward(mission, count: int) -> int:  # noqa: ANN001
    """The index of the first step on the way home, or -1 when the picture has no way home to draw."""
    index = return_index(mission)
    return index if 0 < index < count else -1


# -- the timeline of one flight (pure) ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Moment:
    phase: str  # countdown | liftoff | steps | result
    count: int  # T-minus seconds (countdown)
    lift: float  # 0–1 through lift-off
    shown: int  # steps on their way or done
    verdicts: int  # steps whose verdict shows
    fill: float  # 0–1: the bar of the step on its way
    finished: bool  # the result has been held long enough


@dataclass(frozen=True, slots=True)
class Timeline:
    starts: tuple[int, ...]  # each flown step's start, ms
    verdict_delays: tuple[int, ...]
    liftoff: int  # when lift-off begins
    steps: int  # when the first step begins
    result: int  # when the result shows
    end: int  # when the flight is done

    @classmethod
    def make(cls, story: FlightStory, scale: float) -> "Timeline":
        liftoff = round(COUNTDOWN_MS * scale)
        first = liftoff + round(LIFTOFF_MS * scale)
        if story.flight is not None and story.flight.launched:  # a probe's arrival: it left the pad long ago
            liftoff = first = 0
        starts, delays = [], []
        at = first
        for step in story.steps[story.first:]:
            if not step.flown:
                break
            starts.append(at)
            delays.append(round(STEP_MS * VERDICT_SHARE * scale))
            at += round((STEP_MS + (0 if step.passed else FAILURE_PAUSE_MS)) * scale)
        return cls(tuple(starts), tuple(delays), liftoff, first, at, at + round(HOLD_MS * scale))

    def at(self, t: float) -> Moment:
        if t < self.liftoff:
            count = 10 - int(11 * t / max(1, self.liftoff))
            return Moment("countdown", max(0, count), 0.0, 0, 0, 0.0, False)
        if t < self.steps:
            return Moment("liftoff", 0, (t - self.liftoff) / max(1, self.steps - self.liftoff), 0, 0, 0.0, False)
        shown = sum(1 for start in self.starts if start <= t)
        verdicts = sum(1 for start, delay in zip(self.starts, self.verdict_delays) if start + delay <= t)
        if t < self.result:
            current = shown - 1
            fill = min(1.0, (t - self.starts[current]) / max(1, self.verdict_delays[current])) if current >= 0 else 0.0
            return Moment("steps", 0, 1.0, shown, verdicts, fill, False)
        return Moment("result", 0, 1.0, len(self.starts), len(self.starts), 1.0, t >= self.end)
