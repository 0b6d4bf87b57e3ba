"""`help COMMAND`: a paragraph on what each command does and when to use it, with examples to copy."""

from __future__ import annotations

HELP: dict[str, tuple[str, tuple[str, ...]]] = {
    "help": ("Lists every command, or explains one with examples. Names of things can be typed as ids, as names, or "
             "as the unique beginning of either; Tab completes them in a terminal.",
             ("help", "help schedule")),
    "status": ("Where you stand this year: prestige against the rival's, support at home (at 0 the programme is "
               "cancelled), the money, pads and crew, the flights booked, the probes on their way and the craft at "
               "work, and the decisions waiting.", ("status",)),
    "budget": ("This year's spending line by line and what is left. Up to a quarter of the year's budget carries "
               "into next year; the rest goes back to the treasury, so when money would be lost the list ends with "
               "the best uses for it and the order that does each.", ("budget",)),
    "programs": ("Your rockets and spacecraft: their status, reliability and this year's funding. A program must be "
                 "started, then funded until its development is done; money beyond that makes it more reliable. "
                 "'programs all' adds those you cannot start yet, and why.", ("programs", "programs all")),
    "missions": ("The missions you can fly now, with the best hardware, its chance of full success, its cost, the "
                 "months of this year a booking can still take ('Open': preparation on the pad, free pads, a station "
                 "up) and the prizes it can still win (marked 2nd when the rival was first). Missions to the planets "
                 "fly only in their launch windows, listed under the table with when the next one opens. 'missions "
                 "all' adds every other mission type and what it still needs; the last line says how many that is.",
                 ("missions", "missions all")),
    "crew": ("Your astronauts or cosmonauts and their skills (0–100). Candidates recruited this year can fly from "
             "next year; training money raises everyone's skills, and flying raises the skill a step used. Each "
             "crew member flies at most one mission a year.", ("crew",)),
    "examine": ("Everything the game knows about one thing: a program, a mission (its steps, chances and when it "
                "can launch), a crew member, a milestone, a decision or a person.",
                ("examine saturn_v", "examine crewed_orbit", "examine first human in orbit")),
    "fund": ("Sets this year's money for a program, crew training, education (research goes further, for good) or "
             "intelligence (sharper estimates of the rival). The amount replaces what was set before; 0 takes it "
             "back. Research is counted when the year ends, and the lines start each year at 0: 'fund last' sets "
             "them all as they were last year. Asking more than is left offers what is left (from a file of commands, "
             "it tells you the line that fits and changes nothing).",
             ("fund vanguard 80", "fund training 20", "fund intelligence 40", "fund last")),
    "start": ("Starts a program: its start cost is paid at once, and it then needs development money ('fund') "
              "before it can fly. Some need another program operational first; 'programs all' says which.",
              ("start explorer", "start mercury")),
    "schedule": ("Books a mission for this year; 'schedule' alone lists the flights booked this year (month, mission, "
                 "vehicle, crew, chance). A name several missions share lists them with their ids. Without a month it takes the earliest its preparation on the pad "
                 "allows; a later month adds preparation and makes every step a little surer. The game picks the "
                 "hardware and crew unless you name them. 'backup' books a flight that stands down, with half its "
                 "cost back, once you hold everything it could win; if the rival took a first meanwhile, the backup "
                 "still flies, for second place (cancel it if that is not worth its cost). 'schedule last' books again the flights you "
                 "booked last year, as you booked them (the same month, hardware and crew where you named them, the "
                 "game's choice where it chose), each told or refused as if typed; missions booked already this year "
                 "are left out, and so are satellites that would only replace ones still at work for more than this "
                 "year; 'schedule last MISSION' books only that one's, as asked.",
                 ("schedule small_satellite", "schedule crewed_orbit june", "schedule crewed_orbit crew=Alan Shepard",
                  "schedule lunar_impact backup", "schedule last", "fly again weather_satellite")),
    "cancel": ("Cancels a booked flight by its number (from 'status' or 'budget'), with its whole cost back.",
               ("cancel 3",)),
    "recruit": ("Selects crew candidates ($3M each). They train this year and can fly from next year, so recruit a "
                "year before you need them.", ("recruit 6",)),
    "build": ("Builds a launch pad ($60M): each pad supports four launches a year.", ("build pad",)),
    "choose": ("Decides a dilemma. Each choice says what it costs; a decision left open takes its default when the "
               "year ends. Some choices name who pays for them ('crew='); 'confirm' takes a choice that would bring "
               "support to 0.", ("choose vanguard_or_orbiter orbiter", "choose orbiter")),
    "decisions": ("The decisions waiting for you, with their choices and costs.", ("decisions",)),
    "ledger": ("What your choices set in motion: promises and when they are judged, consequences foreseen, decisions "
               "held over, and where each person stands with you and why.", ("ledger",)),
    "race": ("The race board: every milestone, who was first and second, and when history did it.", ("race",)),
    "rival": ("The rival as far as you can see: its programmes that have flown or that intelligence uncovered, with "
              "estimates of their progress, its probes on the way and its joint-flight booking.", ("rival",)),
    "log": ("The last lines of news, from this game.", ("log", "log 100")),
    "result": ("The final result, once the race is over.", ("result",)),
    "save": ("Saves the game under a name in the saves folder; resume it with 'space-race play --load NAME'. The "
             "game also saves itself as 'autosave' every year.", ("save before_the_moon",)),
    "saves": ("Lists the saved games in the saves folder, newest first, with the name to load each by: your own saves, "
              "the autosave, and each game's last autosaves under autosaves/.", ("saves",)),
    "load": ("Takes up a saved game by its name or path, or by its number in the last 'saves' list (this game is "
             "autosaved first if it changed since it was loaded or saved, so nothing is lost; an untouched one is left "
             "as it is on disk). The year's briefing is shown again.", ("load mid", "load 2", "load autosaves/7efb4cea-1960")),
    "reload": ("For modders: reads the content files and mods again and carries on with them from the next briefing.",
               ("reload",)),
    "end": ("Ends the year: the flights booked go in their months, research pays off, the year's accounts are drawn up "
            "and the next year's briefing comes. At a terminal it asks first when money would go back to the "
            "treasury, a decision is waiting, nothing is booked or support is near 0; 'end yes' ends without asking.",
            ("end", "end yes")),
    "confirm": ("Turns the questions before ending a year (and before a bare 'build') on or off, and keeps the choice "
                "in your settings file. Commands read from a file or a pipe are never asked anything.",
                ("confirm off", "confirm on")),
    "report": ("The whole report of the last year that ended (or of YEAR; a year ended before the game was loaded is "
               "rebuilt from its record): every flight step by step, the news, research, opinions and the accounts, with why support "
               "moved in all its parts. A year's end shows a short digest of it; the news and decisions of the new "
               "year are always shown in full.", ("report", "report 1962")),
    "digest": ("Chooses how a year's end is told: 'digest on' (the default) gives it in a few lines — firsts won and "
               "lost, your flights and how they went, deaths, the score, support and why it moved most, the money, "
               "and what needs you next year — with the rest a 'report' away; 'digest off' prints the whole report "
               "every year. At a terminal the choice is kept in your settings file. The last year of the race is "
               "always told in full.", ("digest off", "digest on")),
    "where": ("Where you stand in one sentence: the year, your prestige against the rival's, support, money and "
              "what waits. Made for screen readers and quick looks.", ("where",)),
    "repeat": ("Prints the last command's answer again, without doing anything.", ("repeat",)),
    "quit": ("Saves the game as 'autosave' and leaves. 'space-race play --load autosave' takes it up again.",
             ("quit",)),
}
