"""The crew corps: recruiting candidates, yearly training, injuries, deaths and retirement."""

from __future__ import annotations

from . import rules
from .defs import SKILLS, Content, CrewNames
from .outcomes import CrewInjured, CrewLost, CrewRecovered, CrewReleased, CrewRetired, Outcome
from .rng import Rng
from .state import CrewMember, GameState

WOMAN_CHANCE = 150  # per-mille of candidates who are women


def recruit(state: GameState, content: Content, side: str, count: int, rng: Rng, women: bool = False) -> list[CrewMember]:
    """Select `count` new candidates with names from the side's name pools and random starting skills
    (all women when `women`, as for the Soviet women's group of 1962; otherwise some)."""
    own = state.sides[side]
    names = content.crew_names.get(side, CrewNames((), (), ()))
    taken = {member.name for member in own.crew}
    recruits: list[CrewMember] = []
    for _ in range(count):
        woman = (women or rng.chance(WOMAN_CHANCE)) and bool(names.female)
        surnames = names.female_last if woman and names.female_last else names.last
        name = _fresh_name(rng, names.female if woman else names.male, surnames, taken, own.next_crew)
        taken.add(name)
        member = CrewMember(
            id=f"{side}_{own.next_crew:02d}",
            name=name,
            woman=woman,
            piloting=rng.between(20, 60),
            eva=rng.between(15, 50),
            docking=rng.between(15, 50),
            endurance=rng.between(20, 60),
            joined=state.year,
        )
        own.next_crew += 1
        own.crew.append(member)
        recruits.append(member)
    return recruits


def _fresh_name(rng: Rng, firsts: tuple[str, ...], lasts: tuple[str, ...], taken: set[str], serial: int) -> str:
    if not firsts or not lasts:
        return f"Candidate {serial}"
    for _ in range(20):
        name = f"{rng.pick(firsts)} {rng.pick(lasts)}"
        if name not in taken:
            return name
    return f"{rng.pick(firsts)} {rng.pick(lasts)} {serial}"


def train(state: GameState, side: str) -> None:
    """Year-end training: everyone active improves a little; training money improves them more."""
    own = state.sides[side]
    active = [member for member in own.crew if member.status == "active"]
    if not active:
        own.training = 0
        return
    per_member = own.training // len(active)
    gain = rules.BASE_SKILL_GAIN + min(per_member, rules.TRAINING_PER_MEMBER_CAP)
    for member in active:
        for skill in SKILLS:
            setattr(member, skill, member.skill(skill) + training_gain(member.skill(skill), gain))
    own.training = 0


def training_gain(skill: int, gain: int) -> int:
    """A year's training gain at this skill: the full gain up to SKILL_TAPER_FROM, then less and less, so a corps
    trained year after year spreads out below 100 instead of all reaching it (flights still teach in full)."""
    room = 100 - skill
    return max(0, min(gain, room, gain * room // (100 - rules.SKILL_TAPER_FROM)))


def gain_flight_skill(member: CrewMember, skill: str) -> None:
    if skill in SKILLS:
        setattr(member, skill, min(100, member.skill(skill) + rules.FLIGHT_SKILL_GAIN))


def kill(state: GameState, side: str, member: CrewMember, cause: str, month: int) -> Outcome:
    member.status = "dead"
    member.died = f"{state.year}-{month:02d}"
    state.sides[side].crew_lost += 1
    return CrewLost(side=side, crew=member.id, cause=cause)


def injure(state: GameState, side: str, member: CrewMember, cause: str) -> Outcome:
    member.status = "injured"
    member.injured_until = state.year + 1
    return CrewInjured(side=side, crew=member.id, until=member.injured_until, cause=cause)


def release(state: GameState, side: str, member: CrewMember, leaves: bool, cause: str) -> Outcome:
    """A crew member given up for a choice: they leave the corps, or sit out the rest of the year."""
    if leaves:
        member.status = "retired"
    else:
        member.status = "away"
        member.injured_until = state.year + 1
    return CrewReleased(side=side, crew=member.id, leaves=leaves, cause=cause)


def year_end(state: GameState, side: str, rng: Rng) -> list[Outcome]:
    """Training accidents, retirements; called once per side at year end."""
    own = state.sides[side]
    outcomes: list[Outcome] = []
    for member in own.crew:
        if member.status != "active":
            continue
        if state.year - member.joined >= rules.CREW_SERVICE_YEARS:
            member.status = "retired"
            outcomes.append(CrewRetired(side=side, crew=member.id, flights=member.flights))
            continue
        roll = rng.below(1000)
        if roll < rules.TRAINING_DEATH:
            outcomes.append(kill(state, side, member, "training_accident", 12))
        elif roll < rules.TRAINING_DEATH + rules.TRAINING_INJURY:
            outcomes.append(injure(state, side, member, "training_accident"))
    return outcomes


def year_start(state: GameState, side: str) -> list[Outcome]:
    """Injured crew whose time is up, and those who sat out a year, return to duty."""
    outcomes: list[Outcome] = []
    for member in state.sides[side].crew:
        if member.status in ("injured", "away") and member.injured_until <= state.year:
            member.status = "active"
            outcomes.append(CrewRecovered(side=side, crew=member.id))
    return outcomes
