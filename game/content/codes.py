"""The catalogue of problem codes: what each error or warning the content checks can emit means and how to fix it.

The loader, merge, mod, file, analysis and expression modules emit these codes; the modders' reference and
`space-race mods check` explain them from this one table, and a test keeps it equal to the codes the source emits.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """One problem code: `severity` is "error" (the content will not load) or "warning" (it loads, but
    something will not work as meant); `example_fix` is a tiny before → after a modder can copy."""

    code: str
    severity: str
    title: str
    explanation: str
    example_fix: str


def _catalogue(*codes: Code) -> dict[str, Code]:
    return {code.code: code for code in codes}


CODES: dict[str, Code] = _catalogue(
    # -- files ----------------------------------------------------------------------------------------
    Code("E-FILE", "error", "File or folder cannot be read",
         "A content file could not be opened (permissions, a broken link), or the content folder does not exist. "
         "Nothing in it can be checked until it can be read.",
         "Check that the path exists and is readable: `ls assets/content` / `ls mods/my_mod`."),
    Code("E-TOML", "error", "Not valid TOML",
         "The file is not UTF-8 text, or breaks TOML's syntax: a missing quote or bracket, a key set twice, a "
         "value without a key. The position points at the first place the TOML reader gave up.",
         'name = "Vanguard  →  name = "Vanguard"'),
    # -- schema ---------------------------------------------------------------------------------------
    Code("E-KEY", "error", "Unknown key or table",
         "A key that this kind of table does not have (often a typo), an unknown top-level table, a key of "
         "`failure` that is not a failure mode, or `[crew_names.X]` where X is not a side. The suggestion names "
         "the closest known key.",
         "[hardware.r7] cots = 5  →  [hardware.r7] unit_cost = 5"),
    Code("E-MISSING", "error", "Required key missing",
         "A table lacks a key that has no default, or the whole content defines no scenario. The message says "
         "what the missing key means.",
         '[milestone.orbit] name = "Orbit"  →  add prestige_first = 20 and prestige_second = 10'),
    Code("E-TYPE", "error", "Wrong kind of value",
         "A value has the wrong type: text where a number belongs, a single string where a list belongs, a "
         "table where a string belongs. In an expression: an operator or argument got the wrong kind of value "
         "(a number where true/false is needed, a condition that is not true/false).",
         'chance = "500"  →  chance = 500;   trigger = "year + 1"  →  trigger = "year > 1961"'),
    Code("E-RANGE", "error", "Number out of range",
         "A whole number lies outside the range its key allows (per-mille values 0–1000, years 1950–1980, "
         "months 1–12 …). The message gives the allowed range.",
         "chance = 1500  →  chance = 1000"),
    Code("E-VALUE", "error", "Value not allowed",
         "A value is of the right type but not an allowed one (a `kind` that does not exist), or values that "
         "contradict each other: a dilemma without exactly one default choice, a news event with choices, a "
         "budget list whose length is not the scenario's number of years, a rocket without lift.",
         'kind = "rockett"  →  kind = "rocket"'),
    Code("E-REF", "error", "Unknown id",
         "A reference names an id no loaded mod defines: a program in `requires`, a milestone in `claims`, a "
         "quoted id in an expression. For flags, a condition reads a flag that no effect and no scenario ever "
         "sets. An object may also not require itself or the other side's hardware.",
         "achieved('crewed_orbitt')  →  achieved('crewed_orbit')"),
    Code("E-DUPLICATE", "error", "Defined twice",
         "An id (or a named text) is defined again, in the same mod or a later one, without saying so; or a "
         "mission's step ids or an event's choice ids repeat. The message names both files. To replace the "
         "object whole, say `override = true`; to change a few fields, patch it.",
         "[event.sputnik_crisis] …  →  [event.sputnik_crisis] override = true …  (or [patch.event.sputnik_crisis])"),
    Code("E-ID", "error", "Badly formed id",
         "Object ids must be snake_case: a lowercase letter, then lowercase letters, digits and _. Other files "
         "and expressions name objects by these ids.",
         "[event.Moon-Goal]  →  [event.moon_goal]"),
    Code("E-ASSET", "error", "Unsafe or missing file reference",
         "A file reference such as `image` must be a relative path with / separators, stay inside the mod's "
         "own folder (no .., no absolute paths), name a file that exists, and be of a kind the game can use "
         "(.png, .jpg, .ogg, …).",
         'image = "../../secret.png"  →  image = "images/sputnik.png"'),
    Code("E-DEFAULT", "error", "A default choice that may fail",
         "The default choice is taken when the player does not decide, at a moment nobody can answer a question, "
         "so it must always be possible: no condition, no crew member or launches to give up, and a money cost "
         "small enough that the year's budget always covers it (at most a tenth of the lowest budget in the "
         "years the event can fire; the money is set aside when the dilemma arrives).",
         "default = true, condition = \"operational('saturn_v')\"  →  make another choice the default"),
    Code("E-CYCLE", "error", "A named condition or effect list that uses itself",
         "A [condition] reads itself by name, or an [effects] list applies itself, directly or through others, so "
         "evaluating it would never end. The message shows the circle; break it by writing one of them out in full.",
         "[condition.a] when = \"b\"; [condition.b] when = \"not a\"  →  [condition.b] when = \"prestige < 10\""),
    Code("E-FOLLOW-UP", "error", "A follow-up that cannot be scheduled",
         "follow_up() names an event that fires from the calendar or a hook (a follow-up event says follow_up = true, "
         "so it fires only when scheduled), or schedules it fewer than 1 year ahead (a follow-up comes in a later "
         "year; for this year, put the effects in the choice itself).",
         "follow_up('moon_review', 0)  →  follow_up('moon_review', 2), with [event.moon_review] follow_up = true"),
    # -- merging mods ---------------------------------------------------------------------------------
    Code("E-PATCH", "error", "Patch or disable target is wrong",
         "A `[patch.KIND.ID]` names an object no loaded mod defines (or one that was disabled), a kind that does "
         "not exist, or `remove_choices` names a choice the event does not have. Patches apply after every "
         "definition of the same mod, and mods load in order: make sure the mod that defines the object "
         "loads first (`requires` or `load_after`).",
         "[patch.event.sputnik_crisiss]  →  [patch.event.sputnik_crisis]"),
    Code("W-OVERRIDE-NEW", "warning", "Override of an object that does not exist",
         "`override = true` replaces an object another mod defined, but no loaded mod defines this id, so it "
         "is simply a new object. Usually the id is misspelt or the mod that defines it is not loaded first.",
         "[event.sputnik_crisiss] override = true  →  [event.sputnik_crisis] override = true"),
    Code("W-DISABLE-MISSING", "warning", "Nothing to disable",
         "`[disable]` names an id no loaded mod defines, so nothing is removed. Check the spelling and that "
         "the mod defining it loads before yours.",
         'event = ["sputnik_crisiss"]  →  event = ["sputnik_crisis"]'),
    # -- expressions ----------------------------------------------------------------------------------
    Code("E-SYNTAX", "error", "Expression syntax",
         "A condition or effect is not a well-formed expression: an unclosed bracket or quote, an operator "
         "from another language (=, &&, !, **), a decimal number, attribute access with a dot.",
         "\"year = 1961 && flag('moon_goal')\"  →  \"year == 1961 and flag('moon_goal')\""),
    Code("E-NAME", "error", "Unknown name",
         "An expression uses a variable or function the game does not have, or uses a function without "
         "parentheses or a variable with them. The suggestion names the closest known name; the reference "
         "lists them all.",
         "\"prestij > 10\"  →  \"prestige > 10\""),
    Code("E-ARGS", "error", "Wrong number of arguments",
         "A function is called with more or fewer arguments than it takes. The message shows its signature.",
         "\"add_research('saturn_v')\"  →  \"add_research('saturn_v', 200)\""),
    Code("E-EFFECT", "error", "Effect in the wrong place",
         "Effects change the game and may appear only in `effects` lists, each entry a single call of one "
         "effect function. A condition may not call an effect, and an effects entry may not be a condition.",
         "trigger = \"add_prestige(5)\"  →  effects = [\"add_prestige(5)\"]"),
    Code("E-READONLY", "error", "Writing to a read-only value",
         "An effect tries to assign to a variable (prestige = 10, support += 5). Variables can only be read; the "
         "game changes only through effect functions, and the suggestion names the one that does it.",
         "effects = [\"prestige += 5\"]  →  effects = [\"add_prestige(5)\"]"),
    Code("E-LIMIT", "error", "Expression too big",
         "An expression is too long, nested too deeply, uses a number above the integer cap, or passes too many "
         "arguments. The limits keep every data file cheap and safe to evaluate; split the logic or simplify.",
         "a 3,000-character trigger  →  set a flag in one event and test flag('…') in the next"),
    # -- mods -----------------------------------------------------------------------------------------
    Code("E-MOD-KEY", "error", "Bad mod.toml",
         "mod.toml has an unknown key, lacks a required key (id, name, version, game), or a value is malformed: "
         "an id that is not snake_case, a version that is not like 1.2.0, a game constraint that is not like "
         "\">=0.1, <0.2\".",
         'version = "one"  →  version = "1.0"'),
    Code("E-MOD-FILE", "error", "Not a mod folder",
         "A path given with --mod is not a folder holding mod.toml.",
         "--mod mods/my_mod/events  →  --mod mods/my_mod"),
    Code("E-MOD-DUPLICATE", "error", "Two mods with one id",
         "Two mod folders declare the same id (or a mod calls itself `base`, the base game's id). Only the "
         "first by folder path loads; give each mod its own id.",
         'id = "base"  →  id = "my_mod"'),
    Code("E-MOD-VERSION", "error", "Mod does not support this game version",
         "The mod's `game` constraint excludes the running game version, so it is not loaded. Update the mod and "
         "widen the constraint once it works with this version.",
         'game = "<0.1"  →  game = ">=0.1, <0.2"'),
    Code("E-MOD-CONFLICT", "error", "Conflicting mods loaded together",
         "A mod lists another in `conflicts`, and both are loaded. Remove one of them.",
         "play --mod a --mod b  →  play --mod a"),
    Code("E-MOD-REQUIRES", "error", "Required mod missing",
         "A mod `requires` a mod that is not installed or cannot itself load; the mod is left out, and so is "
         "every mod that requires it.",
         "install the required mod in mods/, or pass it with --mod"),
    Code("E-MOD-CYCLE", "error", "Load order cycle",
         "Mods require or load after each other in a circle, so no order satisfies them all; none of them "
         "loads. Remove one `load_after` entry from the circle.",
         'a: load_after = ["b"], b: load_after = ["a"]  →  drop one of them'),
    Code("W-SILENCE-ERROR", "warning", "Errors cannot be silenced",
         "mod.toml's `silence` lists an error code. Only warnings can be silenced; errors must be fixed.",
         'silence = ["E-REF"]  →  fix the E-REF problems and remove it from silence'),
    # -- analysis -------------------------------------------------------------------------------------
    Code("W-FLAG-UNUSED", "warning", "Flag set but never read",
         "An effect sets a flag that no condition ever reads, so setting it changes nothing. Read it in a "
         "trigger or condition with flag('…'), or drop the effect.",
         "effects = [\"set_flag('moon_goal')\"]  →  also trigger = \"flag('moon_goal')\" somewhere"),
    Code("W-NEVER-FIRES", "warning", "Event can never fire",
         "The event's years lie outside every scenario, its trigger's year tests allow no year in its window, "
         "its trigger is `false`, or its chance is 0.",
         'years = [1990, 1991]  →  years = [1960, 1961]'),
    Code("W-UNREACHABLE", "warning", "Milestone nobody can reach",
         "No mission that can actually fly claims this milestone, so no side can ever achieve it. Add it to a "
         "step's `claims` in a flyable mission.",
         "[[mission.x.steps]] claims = []  →  claims = [\"my_milestone\"]"),
    Code("W-UNFLYABLE", "warning", "Mission nothing can fly",
         "No side has a rocket and spacecraft (and lander, if needed) that fit the mission's craft, needs, crew "
         "and lift, available within the scenarios' years.",
         "min_lift = 15  →  min_lift = 5 (or add hardware with lift >= 15)"),
    Code("W-FOLLOW-UP-NEVER", "warning", "Follow-up that can never come",
         "An event with follow_up = true is never scheduled by any follow_up() effect, or every effect that schedules "
         "it does so for years outside the event's own years or every scenario's, or its chance is 0 or trigger false.",
         "follow_up('review', 9) in a 1969 event, review's years = [1960, 1975]  →  follow_up('review', 2)"),
    Code("W-VAR-UNWRITTEN", "warning", "Variable read but never written",
         "A condition reads a variable that no effect changes (add_var, set_var) and no scenario sets, so it is "
         "always its default and the condition always says the same thing.",
         "trigger = \"var('trust') > 60\" with no add_var('trust', …)  →  change it in some choice's effects"),
    Code("W-VAR-UNUSED", "warning", "Variable nobody sees",
         "A variable is neither read by any condition nor visible to the player, so changing it has no effect at all. "
         "Read it somewhere, make it visible = true, or drop it.",
         "[variable.secret] (never read)  →  visible = true, or a choice condition = \"var('secret') >= 5\""),
    Code("W-CHARACTER-YEARS", "warning", "Character named outside their years",
         "An event names a character (as its speaker, or in opinion(), add_opinion(), serving() …) but can fire only "
         "in years when they do not serve, in any scenario: the event will not come (a speaker must serve) or its "
         "opinion change lands on someone out of office.",
         "speaker = \"korolev\", years = [1967, 1970]  →  speaker = \"mishin\""),
    Code("W-CHARACTER-SIDE", "warning", "Character of the other side",
         "An event seen by one side names a character who serves the other: that side has no such character, so their "
         "opinion there is only history's starting value and add_opinion() changes nothing.",
         "sides = [\"usa\"], add_opinion('korolev', 5)  →  add_opinion('von_braun', 5)"),
    Code("W-CHOICE-NEVER", "warning", "Choice that can never be taken",
         "A choice's condition can never hold in its event's years: it is false, its year tests rule out every year "
         "of the event, or it compares a variable or an opinion with a value outside its range. The choice would "
         "always be greyed out.",
         "condition = \"var('trust') > 100\" (trust runs 0–100)  →  condition = \"var('trust') > 70\""),
    Code("W-DILEMMA-CAP", "warning", "More dilemmas a year than a briefing posts",
         "In some scenario and year, more dilemmas can come to one side from the calendar than a briefing posts "
         "(rules.MAX_DILEMMAS_PER_YEAR, now 4). The rest are held over to the next year's briefing, shown as waiting, "
         "and their conditions are checked again then. Spread their years, or make them exclusive with triggers.",
         "four dilemmas with years = [1964, 1964]  →  move one to [1965, 1966]"),
    Code("W-SCHEDULE", "warning", "Historical schedule names a choice or event it cannot use",
         "A schedule's `choices` names a dilemma that is not there (a mod disabled it or made it news) or a choice "
         "it no longer has. The historical policy weighs that dilemma itself instead, so the game still plays; the "
         "schedule just no longer says what history chose there.",
         "event = \"sputnik_crisis\", choice = \"unleash_army\" (the event is now news)  →  remove the entry"),
    Code("W-PLACEHOLDER", "warning", "Unknown text placeholder",
         "A {name} in a text is not one the game fills in, so the player would see it literally. The message "
         "lists the placeholders allowed there: the sides' names, the year, {leader} and {agency}, any character's id "
         "in event texts, {speaker} when the event has one, and a hook's subject ({milestone}, {mission}, {program}, "
         "{crew}, {by}) in an event listening for that hook.",
         'text = "{country} reacts"  →  text = "{side_name} reacts"'),
)


def explain(code: str) -> Code | None:
    """The catalogue entry for a code, for `mods check` and the docs (None for a code never emitted)."""
    return CODES.get(code)
