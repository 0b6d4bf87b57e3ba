"""The terminal's commands that give orders: fund, start, schedule, cancel, recruit and build, each read into one
order for the session (the session refuses what the rules do not allow)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app.bookings import booked_flights
from game.engine import rules
from game.engine.orders import BuildPad, CancelMission, Fund, Recruit, ScheduleMission, StartProgram
from game.engine.turn import allocation

from .commandkit import (CommandError, CommandNotice, _crew_names, _int, _is_month, _join_crew_names, _mission_names,
                         _month, _need, _program_names)
from .lookup import NotFound, normalise, resolve
from .render import percent, table
from .standing import asks_for_last_year, fund_as_last_year, schedule_as_last_year

if TYPE_CHECKING:
    from .interpreter import TextGame


def cmd_fund(game: TextGame, args: list[str]) -> None:
    if len(args) == 1 and asks_for_last_year(args):
        fund_as_last_year(game)
        return
    _need(args, 2, "fund PROGRAM|training|education|intelligence AMOUNT")
    amount = _int(args[-1], "the amount")
    target_word = " ".join(args[:-1])
    if normalise(target_word) in ("training", "education", "intelligence"):
        target = normalise(target_word)
    else:
        started = {hid: names for hid, names in _program_names(game).items() if hid in game.state.sides[game.side].programs}
        try:  # a program you run, first; otherwise any of yours, so the refusal can say it is not started
            target = resolve(target_word, started, "program")
        except NotFound:
            target = resolve(target_word, _program_names(game), "program")
    taken = _within_what_is_left(game, target, amount)
    if taken is not None:
        game.order(Fund(side=game.side, target=target, amount=taken))


def _within_what_is_left(game: TextGame, target: str, amount: int) -> int | None:
    """More than is left: at the keyboard, offer what is left (None if declined); from a file or a pipe, say the
    command that would fit, and change nothing (a recorded line never quietly means another amount)."""
    own = game.state.sides[game.side]
    current = allocation(own, target)
    if current is None or amount - current <= own.funds:
        return amount  # within the money, or the rules' own refusal says what is wrong
    most = current + own.funds
    name = game.content.hardware[target].name if target in game.content.hardware else target
    if own.funds <= 0:
        raise CommandNotice(f"no money is left this year: {name} keeps its ${current}M (lower another line first; "
                            "'budget' shows them)")
    if game.ask is None:
        raise CommandNotice(f"only ${most}M is left for {name} (you asked for ${amount}M): fund {target} {most}")
    if game.ask(f"Only ${most}M is left for {name} (you asked for ${amount}M). Set it to ${most}M?"):
        return most
    game.say(f"Nothing changed: {name} keeps its ${current}M.")
    return None


def cmd_start(game: TextGame, args: list[str]) -> None:
    _need(args, 1, "start PROGRAM")
    program = resolve(" ".join(args), _program_names(game), "program")
    game.order(StartProgram(side=game.side, program=program))


def cmd_schedule(game: TextGame, args: list[str]) -> None:
    usage = "schedule MISSION [MONTH] [rocket=ID] [craft=ID] [lander=ID] [crew=NAME,NAME] [backup]"
    if not args:
        show_bookings(game, usage)
        return
    if asks_for_last_year(args):
        schedule_as_last_year(game, args[1:])
        return
    backup = any(normalise(arg) == "backup" for arg in args)
    args = _join_crew_names([arg for arg in args if normalise(arg) != "backup"])
    _need(args, 1, usage)
    positional = [arg for arg in args if "=" not in arg]
    options = dict(arg.split("=", 1) for arg in args if "=" in arg)
    unknown = sorted(set(options) - {"rocket", "craft", "lander", "crew", "month"})
    if unknown:
        raise CommandError(f"unknown option {unknown[0]!r} (use rocket=, craft=, lander=, crew=, month=)")
    month_text = options.get("month")
    if month_text is None and len(positional) > 1 and (_is_month(positional[-1]) or positional[-1].isdigit()):
        month_text = positional[-1]
        positional = positional[:-1]
    mission = _mission(game, positional)
    month = _month(month_text) if month_text else 0  # 0: the earliest month its preparation and the pads allow
    hardware = {key: resolve(options[key], _program_names(game), key) if options.get(key) else ""
                for key in ("rocket", "craft", "lander")}
    crew: tuple[str, ...] = ()
    if options.get("crew"):
        shown = {member.id: f"{member.name} ({member.id})" for member in game.state.sides[game.side].crew}
        crew = tuple(resolve(name, _crew_names(game), "crew member", shown) for name in options["crew"].split(",") if name.strip())
    game.order(ScheduleMission(side=game.side, mission=mission, month=month, rocket=hardware["rocket"],
                               craft=hardware["craft"], lander=hardware["lander"], crew=crew, backup=backup))


def show_bookings(game: TextGame, usage: str) -> None:
    """A bare 'schedule': the flights booked this year, then how to book one."""
    rows = booked_flights(game.state, game.content, game.side)
    if rows:
        body = [[f"#{row.number}", row.month, row.mission + (" (backup)" if row.backup else ""), row.vehicle,
                 row.crew or "—", percent(row.chance) if row.chance is not None else "?"] for row in rows]
        game.say(f"Flights booked for {game.state.year}:")
        game.say(table(["No.", "Month", "Mission", "Vehicle", "Crew", "Chance"], body, right=(5,), width=game.width,
                       plain=game.plain, keep=(0,)))
    else:
        game.say(f"No flights are booked for {game.state.year} yet ('missions' shows what can fly).")
    game.say(f"To book one: {usage}   ('cancel N' takes one off.)")


def _mission(game: TextGame, words: list[str]) -> str:
    """The mission type the words name ('crewed orbital' is a name, not a mission and a month); several that fit
    are listed with their ids. A last word that is neither part of the name nor a month is said to be no month."""
    names = _mission_names(game)
    shown = {mission_id: f"{mission.name} ({mission_id})" for mission_id, mission in game.content.missions.items()}
    try:
        return resolve(" ".join(words), names, "mission type", shown)
    except NotFound:
        if len(words) > 1:
            try:
                resolve(" ".join(words[:-1]), names, "mission type", shown)
            except NotFound:
                pass
            else:
                _month(words[-1])  # 'schedule crewed_orbit jnu': say it is not a month
        raise


def cmd_cancel(game: TextGame, args: list[str]) -> None:
    _need(args, 1, "cancel N   (the mission number shown by 'status')")
    game.order(CancelMission(side=game.side, number=_int(args[0], "the mission number")))


def cmd_recruit(game: TextGame, args: list[str]) -> None:
    count = _int(args[0], "the number of candidates") if args else 1
    game.order(Recruit(side=game.side, count=count))


def cmd_build(game: TextGame, args: list[str]) -> None:
    if args and normalise(" ".join(args)) not in ("pad", "a_pad", "launch_pad"):
        raise CommandError("you can build a launch pad: build pad")
    if not args and game.asker is not None and not game.asker(f"Build a launch pad for ${rules.PAD_COST}M?"):
        game.say("Nothing was built.")
        return
    game.order(BuildPad(side=game.side))
