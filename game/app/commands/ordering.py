"""The terminal's commands that give orders: fund, start, schedule, cancel, recruit and build, each read into one
order for the session (the session refuses what the rules do not allow)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import rules
from game.engine.orders import BuildPad, CancelMission, Fund, Recruit, ScheduleMission, StartProgram

from .commandkit import CommandError, _crew_names, _int, _mission_names, _month, _need, _program_names
from .lookup import NotFound, normalise, resolve
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
    game.order(Fund(side=game.side, target=target, amount=amount))


def cmd_start(game: TextGame, args: list[str]) -> None:
    _need(args, 1, "start PROGRAM")
    program = resolve(" ".join(args), _program_names(game), "program")
    game.order(StartProgram(side=game.side, program=program))


def _join_crew_names(args: list[str]) -> list[str]:
    """'crew=Alan Shepard, John Glenn' arrives as several words: the words after crew= (up to the next option, or a
    month at the end) are its names."""
    joined: list[str] = []
    for index, arg in enumerate(args):
        last = index == len(args) - 1
        if joined and joined[-1].startswith("crew=") and "=" not in arg and not (last and _is_month(arg)):
            joined[-1] += " " + arg
        else:
            joined.append(arg)
    return joined


def _is_month(text: str) -> bool:
    try:
        _month(text)
    except CommandError:
        return False
    return True


def cmd_schedule(game: TextGame, args: list[str]) -> None:
    usage = "schedule MISSION [MONTH] [rocket=ID] [craft=ID] [lander=ID] [crew=NAME,NAME] [backup]"
    _need(args, 1, usage)
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
    if month_text is None and len(positional) > 1:
        month_text = positional[-1]
        positional = positional[:-1]
    mission = resolve(" ".join(positional), _mission_names(game), "mission type")
    month = _month(month_text) if month_text else 0  # 0: the earliest month its preparation and the pads allow
    hardware = {key: resolve(options[key], _program_names(game), key) if options.get(key) else ""
                for key in ("rocket", "craft", "lander")}
    crew: tuple[str, ...] = ()
    if options.get("crew"):
        shown = {member.id: f"{member.name} ({member.id})" for member in game.state.sides[game.side].crew}
        crew = tuple(resolve(name, _crew_names(game), "crew member", shown) for name in options["crew"].split(",") if name.strip())
    game.order(ScheduleMission(side=game.side, mission=mission, month=month, rocket=hardware["rocket"],
                               craft=hardware["craft"], lander=hardware["lander"], crew=crew, backup=backup))


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
