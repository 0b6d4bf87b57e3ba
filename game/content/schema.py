"""The content schema: every key a data file may hold, its type, whether it is required, and what it means.

One registry serves the loader's validation, and later the modders' reference and the JSON Schema, so the
documentation cannot drift from what the loader accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from game.engine.defs import CHARACTER_ROLES, CRAFT_KINDS, CREW_COSTS, FAILURE_MODES, HARDWARE_KINDS, HOOKS, SIDES, SKILLS, STEP_USES

CAPABILITIES: tuple[str, ...] = (
    "animal", "circumlunar", "comms", "docking", "escape", "eva", "jupiter", "long_duration", "lunar", "mars",
    "mercury", "moon", "orbiter", "photo", "planetary", "rendezvous", "rover", "sample_return", "soft_landing", "venus",
    "weather",
)


@dataclass(frozen=True, slots=True)
class Field:
    """One key of a table. `type` is one of: str, int, bool, str_list, int_pair, int_list, windows (a list of
    [year, month] pairs), asset (a file in the mod's folder), condition, effects, text (a string, or variants
    chosen by conditions), table (a nested table described by `sub`), tables (an array of tables described by
    `sub`), int_table (id → int), pair_table (id → [first, last]), weights (name → int)."""

    name: str
    type: str
    doc: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()  # allowed values (str, or each element of str_list)
    ref: str = ""  # the kind of id a string (or each list element / table key) must name
    low: int | None = None
    high: int | None = None
    sub: str = ""
    example: str = ""


def _fields(*items: Field) -> dict[str, Field]:
    return {item.name: item for item in items}


YEAR_LOW, YEAR_HIGH = 1950, 1980
PERMILLE: dict[str, Any] = {"low": 0, "high": 1000}
MONEY: dict[str, Any] = {"low": 0, "high": 100_000}

HISTORY = _fields(
    Field("date", "str", "The real date, YYYY-MM-DD (or YYYY-MM, or YYYY).", default=""),
    Field("side", "str", "Who really did it first.", default="", choices=SIDES),
    Field("note", "str", "What really happened, in a sentence or two.", default=""),
)

HARDWARE = _fields(
    Field("name", "str", "Display name.", required=True, example='"R-7 Semyorka"'),
    Field("side", "str", "Who can build it.", required=True, choices=SIDES),
    Field("kind", "str", "What it is.", required=True, choices=HARDWARE_KINDS),
    Field("available", "int", "Earliest year the program may be started.", required=True, low=YEAR_LOW, high=YEAR_HIGH),
    Field("start_cost", "int", "$M paid once when the program is started.", required=True, **MONEY),
    Field("development_cost", "int", "$M of research before the first flight.", required=True, **MONEY),
    Field("unit_cost", "int", "$M for each flight that uses it.", required=True, **MONEY),
    Field("base_reliability", "int", "Per-mille reliability when development starts.", required=True, **PERMILLE),
    Field("max_reliability", "int", "Per-mille ceiling research and experience approach.", required=True, **PERMILLE),
    Field("research_scale", "int", "$M of research beyond development that closes half the gap to the ceiling.",
          required=True, low=1, high=100_000),
    Field("lift", "int", "Rockets: the payload class they can put up (1 small satellite … 10 Moon rocket).", default=0, low=0, high=20),
    Field("mass", "int", "Spacecraft: the payload class they need.", default=0, low=0, high=20),
    Field("seats", "int", "Crew seats.", default=0, low=0, high=9),
    Field("capabilities", "str_list", "What the spacecraft can do.", default=(), choices=CAPABILITIES),
    Field("requires", "str_list", "Programs that must be operational before this one can start.", default=(), ref="hardware"),
    Field("description", "str", "One or two sentences.", default=""),
    Field("history", "table", "What really happened.", sub="history"),
    Field("image", "asset", "A picture of it: a .png or .jpg path inside the mod's folder.", default="",
          example='"images/r7.png"'),
    Field("prep_months", "int", "Rockets: months a launch takes on the pad, the launch month included (a pad prepares "
          "one launch at a time, so this is also its turnaround).", default=2, low=1, high=6),
    Field("rockets", "str_list", "Spacecraft: the rockets it really flew on. The game picks among these; a player "
          "may still name another with the lift. Empty: any rocket with the lift.", default=(), ref="hardware"),
)

STEP = _fields(
    Field("id", "str", "The step's id, e.g. launch, orbit, eva, docking, tli, landing, reentry.", required=True),
    Field("name", "str", "Shown in the flight story.", required=True),
    Field("uses", "str", "Whose reliability is rolled.", required=True, choices=STEP_USES),
    Field("difficulty", "int", "Per-mille taken off the chance.", default=0, low=0, high=900),
    Field("skill", "str", "Crew skill that helps.", default="", choices=("", *SKILLS)),
    Field("failure", "weights", "Weights of what a failure means.", default={"abort": 1}, choices=FAILURE_MODES),
    Field("claims", "str_list", "Milestones claimed when this step succeeds.", default=(), ref="milestone"),
    Field("claims_second", "str_list", "Milestones this step can claim only after another side got there first "
          "(a suborbital hop is the second human in space, never the first).", default=(), ref="milestone"),
    Field("success_text", "str", "Narration on success; placeholders {craft} {rocket} {crew} {lead} {second} {side}.", default=""),
    Field("failure_text", "str", "Narration on failure.", default=""),
    Field("catastrophe_text", "str", "Narration when the failure is a catastrophe (the crew or the craft lost); "
          "failure_text otherwise serves for every failure, so write this when failure_text tells of a rescue.",
          default=""),
)

MISSION = _fields(
    Field("name", "str", "Display name.", required=True),
    Field("available", "int", "Earliest year it can be scheduled.", required=True, low=YEAR_LOW, high=YEAR_HIGH),
    Field("cost", "int", "$M operations cost on top of hardware unit costs.", required=True, **MONEY),
    Field("craft", "str_list", "Hardware kinds allowed as the spacecraft.", required=True, choices=CRAFT_KINDS),
    Field("crew_min", "int", "Fewest crew (0 = uncrewed).", default=0, low=0, high=9),
    Field("crew_max", "int", "Most crew.", default=0, low=0, high=9),
    Field("needs", "str_list", "Capabilities the spacecraft must have.", default=(), choices=CAPABILITIES),
    Field("lander", "bool", "Also needs an operational lander.", default=False),
    Field("min_lift", "int", "Rocket lift needed (at least the craft's mass).", default=0, low=0, high=20),
    Field("prestige", "int", "Prestige for a success, on top of milestones.", default=0, low=-100, high=500),
    Field("requires", "condition", "When a side may schedule it.", default="", example="\"achieved('crewed_orbit')\""),
    Field("station", "str", "'launch' puts a station in orbit; 'visit' needs one there.", default="", choices=("", "launch", "visit")),
    Field("windows", "windows", "Launch windows as [year, month]: the mission may launch only in that month or the next. "
          "Empty: any month.", default=(), low=YEAR_LOW, high=YEAR_HIGH, example="[[1962, 8], [1964, 3]]"),
    Field("sides", "str_list", "Sides that may fly it.", default=SIDES, choices=SIDES),
    Field("prep_months", "int", "Months of preparation on top of the rocket's (a crew to ready, a lander to mate).",
          default=0, low=0, high=6),
    Field("cruise_days", "int", "Days from launch to arrival (probes to the Moon and planets). The steps from "
          "arrives_at on happen on arrival, and the firsts they claim are dated then.", default=0, low=0, high=1500),
    Field("arrives_at", "str", "The step at which the craft arrives (needs cruise_days).", default=""),
    Field("partner", "bool", "A joint flight with the rival: it flies only if the rival has its own flight of this "
          "mission booked for the same month (else it is scrubbed, half its cost back). Such bookings are public: "
          "each side sees the other's month.", default=False),
    Field("service", "table", "What the craft keeps doing for its side after a full success, paid at each year's "
          "end from the year it flies: applications satellites, a station's science.", sub="service",
          example="{ years = 5, support = 1, budget = 30, most = 3 }"),
    Field("description", "str", "One or two sentences.", default=""),
    Field("steps", "tables", "The chain of steps, in order.", required=True, sub="step"),
)

SERVICE = _fields(
    Field("years", "int", "Years it works, the year of the flight included.", default=0, low=0, high=50),
    Field("support", "int", "Support it brings each year.", default=0, low=0, high=20),
    Field("budget", "int", "$M it adds to next year's budget each year (its users share the cost).", default=0,
          low=0, high=10_000),
    Field("prestige", "int", "Prestige it brings each year.", default=0, low=0, high=100),
    Field("most", "int", "At most this many of the mission in service at once; a newer one retires the oldest "
          "(0: no limit).", default=0, low=0, high=100),
)

MILESTONE = _fields(
    Field("name", "str", "Display name.", required=True),
    Field("prestige_first", "int", "Prestige for the first side.", required=True, low=0, high=1000),
    Field("prestige_second", "int", "Prestige for the second side.", required=True, low=0, high=1000),
    Field("condition", "condition", "Checked in the claiming mission's context.", default="", example='"crew_women >= 1"'),
    Field("decisive", "bool", "The race's decisive milestone.", default=False),
    Field("description", "str", "One or two sentences.", default=""),
    Field("history", "table", "The real first.", sub="history"),
)

TEXT_EXAMPLE = '[{ when = "rival_prestige > prestige", text = "The rival keeps taking the firsts." }, "The race is close."]'

COST = _fields(
    Field("funds", "int", "$M paid from this year's money when it is chosen (refused if there is not enough).", default=0,
          **MONEY),
    Field("support", "int", "Support given up when it is chosen.", default=0, low=0, high=100),
    Field("launches", "int", "Launches this year given up (refused while they are booked).", default=0, low=0, high=20),
    Field("crew", "str", "A crew member the player names: 'leaves' the corps, or 'sits_out' the year (refused while "
          "booked on a flight).", default="", choices=("", *CREW_COSTS)),
)

CHOICE = _fields(
    Field("id", "str", "The choice's id, typed by the player: choose EVENT ID.", required=True),
    Field("text", "text", "What the choice says.", required=True),
    Field("effects", "effects", "What happens when it is chosen.", default=()),
    Field("ai", "int", "A tie-break hint for the AI, which weighs choices by their costs and visible effects.",
          default=1, low=0, high=1000),
    Field("default", "bool", "Taken if the year ends undecided (exactly one per dilemma; it may not have a condition "
          "or cost a crew member or launches).", default=False),
    Field("result", "text", "Told to the player after choosing.", default=""),
    Field("condition", "condition", "When it may be taken; otherwise it is listed, greyed, with the reason.", default="",
          example="\"operational('saturn_v')\""),
    Field("unavailable", "str", "The reason in your own words when the condition does not hold (else it is built from "
          "the condition).", default="", example='"Only Korolev could push this through."'),
    Field("cost", "table", "What it costs, paid when chosen.", sub="cost", example="{ funds = 150, support = 3 }"),
)

EVENT = _fields(
    Field("title", "text", "Headline.", required=True),
    Field("text", "text", "Body; placeholders such as {side_name} {leader} {agency}, a character's id, a hook's subject "
          "(see Placeholders). A list of variants picks the first whose `when` holds.", required=True,
          example=TEXT_EXAMPLE),
    Field("kind", "str", "news is shown and applied; a dilemma waits for a choice.", required=True, choices=("news", "dilemma")),
    Field("sides", "str_list", "Which sides see it.", required=True, choices=SIDES),
    Field("years", "int_pair", "[first, last] years it may fire (default: any year).", default=(YEAR_LOW, YEAR_HIGH),
          low=YEAR_LOW, high=YEAR_HIGH),
    Field("trigger", "condition", "Checked when it may fire: each year of its window, when its hook happens, or when a "
          "follow-up comes due.", default=""),
    Field("chance", "int", "Per-mille chance when it may fire (a follow-up rolls it once, when due).", default=1000,
          **PERMILLE),
    Field("once", "bool", "Fire at most once per side.", default=True),
    Field("priority", "int", "Briefing order, higher first.", default=0, low=-100, high=100),
    Field("effects", "effects", "News: applied when it fires.", default=()),
    Field("history", "str", "What really happened.", default=""),
    Field("image", "asset", "A picture for the event card: a .png or .jpg path inside the mod's folder.", default="",
          example='"images/sputnik.png"'),
    Field("on", "str", "Fire when this happens instead of from the calendar; the event sees what happened.", default="",
          choices=("", *HOOKS)),
    Field("threshold", "int", "on = support_below: the support level whose downward crossing fires it.", default=0,
          low=0, high=100),
    Field("follow_up", "bool", "Fires only when an effect schedules it: follow_up('ID', years).", default=False),
    Field("foreseen", "str", "A follow-up the player sees coming: what the ledger says while it waits (empty: a "
          "hidden consequence, revealed when it happens).", default=""),
    Field("speaker", "str", "The character whose mouth it is put in (shown with their opinion of you; it fires only "
          "while they serve).", default="", ref="character"),
    Field("scenarios", "str_list", "Only in these scenarios (empty: all).", default=(), ref="scenario"),
    Field("choices", "tables", "Dilemmas: the choices.", default=(), sub="choice"),
)

VARIABLE = _fields(
    Field("name", "str", "What the player sees it called.", required=True, example='"Public trust"'),
    Field("description", "str", "One sentence: what it measures.", required=True),
    Field("default", "int", "Its value at the start.", default=0, low=-1_000_000, high=1_000_000),
    Field("min", "int", "The lowest it can go.", default=0, low=-1_000_000, high=1_000_000),
    Field("max", "int", "The highest it can go.", default=100, low=-1_000_000, high=1_000_000),
    Field("sides", "str_list", "The sides that keep it.", default=SIDES, choices=SIDES),
    Field("visible", "bool", "Shown to the player (status, HQ, ledger), its changes narrated.", default=False),
)

CONDITION = _fields(
    Field("when", "condition", "The condition.", required=True, example="\"rival_prestige > prestige\""),
    Field("description", "str", "Plain words for it, shown when a choice needs it.", required=True,
          example='"the rival leading in prestige"'),
)

EFFECT_LIST = _fields(
    Field("effects", "effects", "The effects, in order.", required=True),
    Field("description", "str", "What the list does, for other modders.", default=""),
)

CHARACTER = _fields(
    Field("name", "str", "Full name.", required=True, example='"Sergei Korolev"'),
    Field("short", "str", "How texts name them: {ID} in a text becomes this (default: the last word of the name).",
          default=""),
    Field("title", "str", "Their office.", required=True, example='"Chief Designer"'),
    Field("side", "str", "Whose side they serve.", required=True, choices=SIDES),
    Field("role", "str", "An advisor, or the side's leader ({leader} in texts).", default="advisor", choices=CHARACTER_ROLES),
    Field("years", "int_pair", "[first, last] years of service, as history had them.", required=True, low=YEAR_LOW,
          high=YEAR_HIGH),
    Field("opinion", "int", "Their opinion of the player at the start, 0–100.", default=50, low=0, high=100),
    Field("resigns_below", "int", "They leave at the next year's start when their opinion is this or lower (0: never).",
          default=0, low=0, high=100),
    Field("description", "str", "Who they are, in a sentence or two.", default=""),
    Field("departure", "str", "Told when their years are over.", default=""),
    Field("resignation", "str", "Told when they leave because their opinion collapsed.", default=""),
    Field("history", "table", "What really happened.", sub="history"),
    Field("scenarios", "str_list", "Only in these scenarios (empty: all).", default=(), ref="scenario"),
)

PROMISE = _fields(
    Field("name", "str", "A short name.", required=True, example='"A man on the Moon before 1970"'),
    Field("text", "str", "What was promised, as the ledger says it.", required=True),
    Field("sides", "str_list", "Which sides can make it.", required=True, choices=SIDES),
    Field("deadline", "int", "The year at whose end it is broken if not yet kept (or use `within`).", default=0, low=0,
          high=YEAR_HIGH),
    Field("within", "int", "Years from when it is made, instead of a fixed deadline.", default=0, low=0, high=30),
    Field("condition", "condition", "Kept when this holds at a year's end.", required=True,
          example="\"achieved('crewed_lunar_landing')\""),
    Field("kept", "effects", "What happens when it is kept.", default=()),
    Field("broken", "effects", "What happens when it is broken.", default=()),
    Field("kept_text", "text", "Told when it is kept.", default=""),
    Field("broken_text", "text", "Told when it is broken.", default=""),
    Field("scenarios", "str_list", "Only in these scenarios (empty: all).", default=(), ref="scenario"),
)

SETUP = _fields(
    Field("prestige", "int", "Starting prestige.", default=0, low=-1000, high=10_000),
    Field("support", "int", "Starting support, 0–100.", default=50, low=0, high=100),
    Field("budget", "int_list", "Base budget $M for each year from start_year.", required=True, **MONEY),
    Field("programs", "int_table", "Programs already started: id → research done ($M).", default={}, ref="hardware"),
    Field("crew", "int", "Crew ready to fly at the start.", default=0, low=0, high=60),
    Field("pads", "int", "Launch pads.", default=1, low=1, high=20),
    Field("flags", "str_list", "Flags set at the start.", default=()),
    Field("achieved", "int_table", "Milestones achieved before the start: id → year.", default={}, ref="milestone"),
    Field("variables", "int_table", "Variables' starting values: id → value.", default={}, ref="variable",
          low=-1_000_000, high=1_000_000),
    Field("opinions", "int_table", "Characters' starting opinions: id → 0–100.", default={}, ref="character", high=100),
    Field("service", "pair_table", "Characters' years of service, instead of history's: id → [first, last].",
          default={}, ref="character", low=YEAR_LOW, high=YEAR_HIGH),
    Field("promises", "str_list", "Promises in force from the start.", default=(), ref="promise"),
)

SCHEDULE_PROGRAM = _fields(
    Field("program", "str", "A hardware id of the schedule's side.", required=True, ref="hardware"),
    Field("start", "int", "The year history started it.", required=True, low=YEAR_LOW, high=YEAR_HIGH),
    Field("ready", "int", "The year it should fly from: its development is funded to be done by then.", required=True,
          low=YEAR_LOW, high=YEAR_HIGH),
    Field("end", "int", "The last year history funded it (0: to the end).", default=0, low=0, high=YEAR_HIGH),
)

SCHEDULE_FLIGHT = _fields(
    Field("year", "int", "The year it flew.", required=True, low=YEAR_LOW, high=YEAR_HIGH),
    Field("month", "int", "The month it flew (the policy flies it then, or as soon after as the rules allow).",
          required=True, low=1, high=12),
    Field("mission", "str", "The mission type.", required=True, ref="mission"),
    Field("rocket", "str", "The rocket (default: the game's pick).", default="", ref="hardware"),
    Field("craft", "str", "The spacecraft (default: the game's pick).", default="", ref="hardware"),
    Field("lander", "str", "The lander, when the mission needs one.", default="", ref="hardware"),
    Field("crew", "int", "How many crew (0: as many as the mission and craft take).", default=0, low=0, high=9),
    Field("goal", "str", "The milestone it was for: skipped once the side holds it, retried in later years while it "
          "is open (until `give_up`).", default="", ref="milestone"),
    Field("give_up", "int", "The last year a flight with a goal is retried (0: three years after its own).",
          default=0, low=0, high=YEAR_HIGH),
    Field("when", "condition", "Flown only when this holds (for a plan that history's turn made moot).", default="",
          example="\"not rival_achieved('crewed_lunar_landing')\""),
    Field("note", "str", "The real flight.", default=""),
)

SCHEDULE_CHOICE = _fields(
    Field("event", "str", "A dilemma.", required=True, ref="event"),
    Field("choice", "str", "The choice history made.", required=True),
)

SCHEDULE_RECRUIT = _fields(
    Field("year", "int", "The year of the selection.", required=True, low=YEAR_LOW, high=YEAR_HIGH),
    Field("count", "int", "How many were selected (the game takes at most 12 a year).", required=True, low=1, high=60),
)

SCHEDULE = _fields(
    Field("side", "str", "Whose programme it is.", required=True, choices=SIDES),
    Field("name", "str", "What a player calls this rival.", required=True, example='"NASA as it was"'),
    Field("description", "str", "A sentence or two for the player choosing a rival.", default=""),
    Field("scenarios", "str_list", "Only in these scenarios (empty: all; a schedule naming the scenario wins).",
          default=(), ref="scenario"),
    Field("programs", "tables", "The programmes and their years.", default=(), sub="schedule_program"),
    Field("flights", "tables", "Every launch, in date order.", default=(), sub="schedule_flight"),
    Field("choices", "tables", "The choice history made in each dilemma.", default=(), sub="schedule_choice"),
    Field("recruit", "tables", "Crew selections.", default=(), sub="schedule_recruit"),
)

SCENARIO = _fields(
    Field("name", "str", "Display name.", required=True),
    Field("description", "str", "Shown when choosing a scenario.", default=""),
    Field("start_year", "int", "First year.", required=True, low=YEAR_LOW, high=YEAR_HIGH),
    Field("end_year", "int", "Last year.", required=True, low=YEAR_LOW, high=YEAR_HIGH),
    Field("default_side", "str", "The side a new player takes.", default="usa", choices=SIDES),
    Field("win_if", "condition", "Per side, at each year end: that side wins.", default=""),
    Field("lose_if", "condition", "Per side, at each year end: that side loses.", default="", example='"support <= 0"'),
    Field("end_if", "condition", "At each year end: the game ends and prestige decides.", default=""),
    Field("usa", "table", "How the United States starts.", required=True, sub="setup"),
    Field("ussr", "table", "How the Soviet Union starts.", required=True, sub="setup"),
)

CREW_NAMES = _fields(
    Field("male", "str_list", "Men's first names.", required=True),
    Field("female", "str_list", "Women's first names.", required=True),
    Field("last", "str_list", "Surnames.", required=True),
    Field("female_last", "str_list", "Surnames for women where the language has feminine forms, in the same "
          "order as `last` (default: `last`).", default=()),
)

TABLES: dict[str, dict[str, Field]] = {
    "history": HISTORY,
    "hardware": HARDWARE,
    "step": STEP,
    "mission": MISSION,
    "service": SERVICE,
    "milestone": MILESTONE,
    "cost": COST,
    "choice": CHOICE,
    "event": EVENT,
    "variable": VARIABLE,
    "condition": CONDITION,
    "effects": EFFECT_LIST,
    "character": CHARACTER,
    "promise": PROMISE,
    "setup": SETUP,
    "scenario": SCENARIO,
    "crew_names": CREW_NAMES,
    "schedule_program": SCHEDULE_PROGRAM,
    "schedule_flight": SCHEDULE_FLIGHT,
    "schedule_choice": SCHEDULE_CHOICE,
    "schedule_recruit": SCHEDULE_RECRUIT,
    "schedule": SCHEDULE,
}

#: Top-level tables of a content file: table name → the schema of each object in it (keyed by id).
KINDS: dict[str, str] = {
    "hardware": "hardware",
    "mission": "mission",
    "milestone": "milestone",
    "event": "event",
    "scenario": "scenario",
    "crew_names": "crew_names",
    "variable": "variable",
    "condition": "condition",
    "effects": "effects",
    "character": "character",
    "promise": "promise",
    "schedule": "schedule",
}
#: `[text]` is a flat table of named strings.
TEXT_KIND = "text"
