"""Which rocket, craft, lander and crew can fly a mission: why a choice cannot, the best choice, and the crew it
takes. Probes go only where they were built to go (their capabilities name the world)."""

from __future__ import annotations

from . import research, rules
from .chances import Loadout, mission_cost, overall_chance, step_chances
from .defs import Content, Hardware, MissionType
from .state import GameState, SideState


def required_lift(content: Content, mission: MissionType, craft_id: str) -> int:
    craft = content.hardware.get(craft_id)
    return max(mission.min_lift, craft.mass if craft else 0)


def _flyable(content: Content, own: SideState, hardware_id: str) -> bool:
    hardware = content.hardware.get(hardware_id)
    program = own.programs.get(hardware_id)
    return hardware is not None and research.is_operational(hardware, program) and not program.grounded  # type: ignore[union-attr]


# capabilities that name where a probe goes
DESTINATIONS = {"moon": "the Moon", "venus": "Venus", "mars": "Mars", "mercury": "Mercury", "jupiter": "Jupiter"}


def why_not_hardware(
    state: GameState, content: Content, side: str, mission: MissionType, rocket_id: str, craft_id: str, lander_id: str
) -> str | None:
    """Why this rocket/craft/lander combination cannot fly the mission, or None."""
    own = state.sides[side]
    craft = content.hardware.get(craft_id)
    if craft is None or craft.side != side:
        return f"there is no spacecraft of yours called {craft_id!r}"
    if craft.kind not in mission.craft:
        return f"{craft.name} is a {craft.kind}; {mission.name} needs a {' or '.join(mission.craft)}"
    missing = [need for need in mission.needs if need not in craft.capabilities]
    places = [DESTINATIONS[need] for need in missing if need in DESTINATIONS]
    if places:
        return f"{craft.name} is not built to go to {' or '.join(places)}; {mission.name} needs a craft that is"
    if missing:
        return f"{craft.name} cannot do {', '.join(missing)}, which {mission.name} needs"
    if mission.crew_min > craft.seats:
        return f"{craft.name} has {craft.seats} seat(s); {mission.name} needs {mission.crew_min}"
    if not _flyable(content, own, craft_id):
        return _not_flyable_reason(content, own, craft)
    rocket = content.hardware.get(rocket_id)
    if rocket is None or rocket.side != side or rocket.kind != "rocket":
        return f"there is no rocket of yours called {rocket_id!r}"
    if not _flyable(content, own, rocket_id):
        return _not_flyable_reason(content, own, rocket)
    lift = required_lift(content, mission, craft_id)
    if rocket.lift < lift:
        return f"{rocket.name} lifts class {rocket.lift}; this mission needs class {lift}"
    if mission.lander:
        lander = content.hardware.get(lander_id)
        if lander is None or lander.side != side or lander.kind != "lander":
            return f"{mission.name} needs a lander"
        if not _flyable(content, own, lander_id):
            return _not_flyable_reason(content, own, lander)
    elif lander_id:
        return f"{mission.name} does not use a lander"
    return None


def _not_flyable_reason(content: Content, own: SideState, hardware: Hardware) -> str:
    program = own.programs.get(hardware.id)
    if program is None:
        return f"{hardware.name} has not been started"
    if program.grounded:
        return f"{hardware.name} is grounded for the rest of the year"
    left = research.development_left(hardware, program)
    if program.funding >= left:
        return f"{hardware.name} is still in development, funded to be ready next year"
    return f"{hardware.name} is still in development (${left}M of research to go)"


def best_hardware(
    state: GameState, content: Content, side: str, mission: MissionType, rocket: str = "", craft: str = "", lander: str = ""
) -> tuple[str, str, str] | str:
    """The flyable (rocket, craft, lander) with the best overall chance, keeping any the caller named,
    or the reason there is none."""
    own = state.sides[side]
    roles = (("rocket", rocket, ("rocket",)), ("craft", craft, mission.craft), ("lander", lander, ("lander",)))
    for role, given, kinds in roles:
        if given and (given not in content.hardware or content.hardware[given].kind not in kinds):
            return f"{given!r} is not a {' or '.join(kinds)}"
    def candidates(given: str, kinds: tuple[str, ...]) -> list[str]:
        return [given] if given else [hid for hid in sorted(own.programs) if content.hardware[hid].kind in kinds]

    crafts = candidates(craft, mission.craft)
    if not craft:
        fitting = [hid for hid in crafts if craft_fits(content.hardware[hid], mission)]
        if not fitting:
            return no_craft_reason(state, content, side, mission)
        crafts = fitting
    all_rockets = candidates(rocket, ("rocket",))
    landers = candidates(lander, ("lander",)) if mission.lander else [""]
    options: list[tuple[int, int, str, str, str]] = []  # (chance, cost, rocket, craft, lander)
    reason, nearest = "", 4  # the reason from the combination nearest to flying: the fewest parts not flyable
    for craft_id in crafts:
        for rocket_id in paired_rockets(content, craft_id, all_rockets, named=bool(rocket)):
            for lander_id in landers:
                why = why_not_hardware(state, content, side, mission, rocket_id, craft_id, lander_id)
                if why:
                    missing = sum(1 for part in (rocket_id, craft_id, lander_id) if part and not _flyable(content, own, part))
                    if missing < nearest:  # determinism: the first such combination in sorted order
                        reason, nearest = why, missing
                    continue
                loadout = Loadout(rocket_id, craft_id, lander_id, ())
                chance = overall_chance(step_chances(state, content, side, mission, loadout))
                options.append((chance, mission_cost(content, mission, loadout), rocket_id, craft_id, lander_id))
    if not options:
        return (_other_rocket_reason(state, content, side, mission, crafts, all_rockets, landers) if not rocket else "") \
            or reason or f"you have no operational hardware that can fly {mission.name}"
    # the cheapest of the near-best: a few tenths of a per cent are not worth a Moon rocket
    top = max(option[0] for option in options)
    chance, cost, rocket_id, craft_id, lander_id = min(
        (option for option in options if option[0] >= top - rules.CHANCE_MARGIN),
        key=lambda option: (option[1], -option[0], option[2], option[3], option[4]),  # determinism: total order
    )
    return rocket_id, craft_id, lander_id


def paired_rockets(content: Content, craft_id: str, rockets: list[str], named: bool = False) -> list[str]:
    """The rockets to try for a craft: those it really flew on, when it names them (a rocket the player named is
    always tried)."""
    craft = content.hardware.get(craft_id)
    if named or craft is None or not craft.rockets:
        return rockets
    return [rocket_id for rocket_id in rockets if rocket_id in craft.rockets]


def _other_rocket_reason(state: GameState, content: Content, side: str, mission: MissionType, crafts: list[str],
                         rockets: list[str], landers: list[str]) -> str:
    """When a craft's real rockets cannot fly it yet but another rocket could: say so, and how to name it."""
    for craft_id in crafts:
        paired = content.hardware[craft_id].rockets
        for rocket_id in rockets:
            if rocket_id in paired:
                continue
            if any(why_not_hardware(state, content, side, mission, rocket_id, craft_id, lander_id) is None
                   for lander_id in landers):
                craft = content.hardware[craft_id]
                real = " or ".join(content.hardware[item].name for item in paired if item in content.hardware)
                return (f"{craft.name} flies on {real} (its real rockets), and none of them can fly it yet; to fly it "
                        f"on another rocket, name it: rocket={rocket_id}")
    return ""


def craft_fits(craft: Hardware, mission: MissionType) -> bool:
    """The spacecraft is of a kind the mission flies, has every capability it needs and enough seats."""
    return (craft.kind in mission.craft and all(need in craft.capabilities for need in mission.needs)
            and craft.seats >= mission.crew_min)


def no_craft_reason(state: GameState, content: Content, side: str, mission: MissionType) -> str:
    """None of the side's programs can be the spacecraft: say which programs could."""
    fits = [hardware for hardware in content.hardware.values() if hardware.side == side and craft_fits(hardware, mission)]
    if not fits:
        return f"{mission.name} needs a spacecraft this side cannot build"
    # those that can be started now first, the quickest to get ready first: the four shown are the ones worth starting
    fits.sort(key=lambda hardware: (hardware.available > state.year, hardware.start_cost + hardware.development_cost,
                                    hardware.id))
    shown = [hardware.name for hardware in fits[:4]]
    names = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"  # any one of them will do
    return f"none of your programs can fly {mission.name}; start one that can: {names}"


def busy_crew(own: SideState, except_number: int = 0) -> set[str]:
    return {crew_id for item in own.scheduled if item.number != except_number for crew_id in item.crew}


def best_crew(state: GameState, content: Content, side: str, mission: MissionType, craft_id: str) -> tuple[str, ...] | str:
    """The strongest available crew for a mission (as many as seats allow, up to crew_max), or why none."""
    if mission.crew_min == 0:
        return ()
    own = state.sides[side]
    busy = busy_crew(own)
    skills = [step.skill for step in mission.steps if step.skill]
    free = [member for member in own.active_crew(state.year) if member.id not in busy]
    if len(free) < mission.crew_min:
        return f"{mission.name} needs {mission.crew_min} crew ready to fly; you have {len(free)} available"
    free.sort(key=lambda member: (-sum(member.skill(skill) for skill in skills), member.id))
    seats = min(max(mission.crew_max, mission.crew_min), content.hardware[craft_id].seats)
    return tuple(member.id for member in free[:seats])


def why_not_crew(
    state: GameState, content: Content, side: str, mission: MissionType, craft_id: str, crew_ids: tuple[str, ...], number: int = 0
) -> str | None:
    own = state.sides[side]
    if mission.crew_min == 0:
        return f"{mission.name} flies without crew" if crew_ids else None
    seats = min(max(mission.crew_max, mission.crew_min), content.hardware[craft_id].seats)
    if not mission.crew_min <= len(crew_ids) <= seats:
        return f"{mission.name} on {content.hardware[craft_id].name} takes {mission.crew_min}–{seats} crew, not {len(crew_ids)}"
    if len(set(crew_ids)) != len(crew_ids):
        return "the same crew member is named twice"
    busy = busy_crew(own, number)
    for crew_id in crew_ids:
        member = own.crew_by_id(crew_id)
        if member is None:
            return f"there is no crew member {crew_id!r}"
        if member.status != "active":
            return f"{member.name} is {member.status} and cannot fly"
        if member.joined >= state.year:
            return f"{member.name} is still a candidate in training until next year"
        if crew_id in busy:
            return f"{member.name} is already assigned to another mission this year"
    return None
