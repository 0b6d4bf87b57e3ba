"""The `space-race` command: the composition root that wires content, session and a front end together."""

from __future__ import annotations

import argparse
import secrets
import sys
from pathlib import Path
from typing import Callable, Sequence, TextIO

from game import __version__
from game.cli_simulate import DEFAULT_POLICY, POLICY_WORDS, add_simulate_parser, cmd_simulate, policy_help, rival_policy
from game.engine.rules import DEFAULT_DIFFICULTY, DIFFICULTIES

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
DEFAULT_SCENARIO = "full_campaign"


class CliError(Exception):
    """A problem the user can fix; printed without a traceback, exit status 2."""


# -- argument parsing ---------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="space-race",
        description="Space Race 1955–1975: direct the US or Soviet space program, year by year, against an AI rival.",
        epilog="With no command, 'play' starts a new game. 'space-race COMMAND --help' explains each command.",
    )
    parser.add_argument("--version", action="version", version=f"space-race {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = commands.add_parser("play", help="play a campaign (the default)", description="Play a campaign against the AI.")
    _add_play_options(play)

    add_simulate_parser(commands, _add_mod_options, _positive, _seed, DEFAULT_SCENARIO)

    replay = commands.add_parser("replay", help="replay a save or recorded game and verify it",
                                 description="Replay a saved game's orders from the start and check every year's checksum.")
    replay.add_argument("save", metavar="SAVE", help="a save name (in the saves folder) or path")
    replay.add_argument("--saves-dir", type=Path, default=Path("saves"), metavar="DIR")
    replay.add_argument("--transcript", action="store_true", help="print the whole story as it replays")
    _add_mod_options(replay)

    watch = commands.add_parser("watch", help="watch AI against AI in the window (attract mode)",
                                description="Watch the AI play both sides in the window, a year at a time. With "
                                            "--screenshots DIR it saves a PNG of every screen it shows and exits when "
                                            "done; that works without a display (for tests and reviews).")
    watch.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID", help="scenario id (default full_campaign)")
    watch.add_argument("--seed", type=_seed, metavar="N", help="random seed (default: a new one)")
    watch.add_argument("--years", type=_positive, metavar="N", help="stop after N years (default: the whole scenario)")
    watch.add_argument("--screenshots", type=Path, metavar="DIR", help="save a PNG of each screen here, then exit")
    watch.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1920x1080 (default: your settings; "
                                                                "1280x720 with --screenshots)")
    watch.add_argument("--settings", type=Path, metavar="FILE", help="the window's settings file")
    _add_mod_options(watch)

    bench = commands.add_parser("bench", help="measure speed: AI campaigns, content loading, the window",
                                description="Benchmarks (medians and ratios; shared machines are noisy).")
    bench.add_argument("--games", type=_positive, default=20, metavar="N", help="AI-vs-AI campaigns to time (default 20)")
    bench.add_argument("--no-window", action="store_true", help="skip the window benchmarks")
    _add_mod_options(bench)

    scenarios = commands.add_parser("scenarios", help="list the scenarios", description="List the scenarios you can play.")
    _add_mod_options(scenarios)

    from game.cli_mods import add_mods_parser

    add_mods_parser(commands, _add_mod_options, _positive, _seed)

    for sub in commands.choices.values():
        sub.add_argument("--version", action="version", version=f"space-race {__version__}")
    _add_mod_options(parser, top_level=True)
    _add_play_options(parser, top_level=True)
    return parser


def _add_play_options(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """The play options; on the bare command they work too (play is the default) but stay out of its help."""

    def explain(text: str) -> str:
        return argparse.SUPPRESS if top_level else text

    parser.add_argument("--ui", choices=("auto", "window", "text"), default="auto",
                        help=explain("front end: the window or the terminal (auto: the window when there is a display "
                                     "and the keyboard is yours, else the terminal)"))
    parser.add_argument("--settings", type=Path, metavar="FILE",
                        help=explain("the window's settings file (default ~/.config/space-race/settings.json)"))
    parser.add_argument("--plain", action="store_true",
                        help=explain("the terminal game for screen readers: tables as 'label: value' lines with the "
                                     "count first, no colour, columns or box drawing; 'where' and 'repeat' help "
                                     "(implies --ui text)"))
    parser.add_argument("--side", choices=("usa", "ussr"), help=explain("the side you play (default: the scenario's)"))
    parser.add_argument("--scenario", metavar="ID", help=explain("scenario id (default full_campaign; see 'scenarios')"))
    parser.add_argument("--seed", type=_seed, metavar="N", help=explain("random seed (default: a new one, shown at the start)"))
    parser.add_argument("--saves-dir", type=Path, default=Path("saves"), metavar="DIR",
                        help=explain("where saves go (default ./saves)"))
    parser.add_argument("--load", metavar="SAVE", help=explain("resume a save: a name in the saves folder, or a path"))
    parser.add_argument("--difficulty", choices=DIFFICULTIES, help=explain(f"how well the AI rival plays — {_difficulty_help()} "
                                                                          "(default normal; a save keeps its own)"))
    parser.add_argument("--rival", type=rival_policy, metavar="{" + ",".join(sorted(POLICY_WORDS)) + "}",
                        help=explain(f"how the AI rival plays — {policy_help()} (default {DEFAULT_POLICY}; a save "
                                     "keeps its own)"))
    if not top_level:
        _add_mod_options(parser)


def _difficulty_help() -> str:
    """Each difficulty in plain words, with its budget from the rules (with '%' escaped for argparse)."""
    from game.app.session import difficulty_words

    return "; ".join(f"{name}: {difficulty_words(name)}".replace("%", "%%") for name in DIFFICULTIES)


def _add_mod_options(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """--mod PATH (repeatable) and --mods-dir DIR: the mods to load with the base game."""
    if any(action.dest == "mod" for action in parser._actions):
        return
    hidden = argparse.SUPPRESS
    parser.add_argument("--mod", action="append", type=Path, default=[], metavar="PATH",
                        help=hidden if top_level else "load the mod in this folder (repeatable)")
    parser.add_argument("--mods-dir", type=Path, metavar="DIR",
                        help=hidden if top_level else "load every mod in this folder (default: 'mods' beside the saves folder)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1280x720") from None
    if not (640 <= width <= 7680 and 360 <= height <= 4320):
        raise argparse.ArgumentTypeError("sizes run from 640x360 to 7680x4320")
    return width, height


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value < 2**63:
        raise argparse.ArgumentTypeError("seeds are whole numbers from 0 to 2^63-1")
    return value


# -- commands -----------------------------------------------------------------------------------------


def mods_dir_of(args: argparse.Namespace) -> Path:
    """The mods folder: --mods-dir, else `mods` beside the saves folder."""
    if getattr(args, "mods_dir", None):
        return Path(args.mods_dir)
    saves = Path(getattr(args, "saves_dir", None) or "saves")
    return saves.parent / "mods"


def load_for(args: argparse.Namespace):  # noqa: ANN201 - game.content.loader.LoadResult
    from game.content.loader import load_game

    return load_game(mod_paths=list(getattr(args, "mod", []) or []), mods_dir=mods_dir_of(args))


def _content(args: argparse.Namespace):  # noqa: ANN202 - defs.Content
    """The base game and its mods, or a CliError naming every error (the game never starts on broken content)."""
    from game.app.commands.problems import headline

    result = load_for(args)
    if result.content is None:
        shown = "\n".join(headline(problem) for problem in result.errors[:40])
        more = f"\n… and {len(result.errors) - 40} more" if len(result.errors) > 40 else ""
        raise CliError(f"the game's content has errors, so it will not start:\n{shown}{more}\n"
                       "Run 'space-race mods check' (with the same --mod options) for the details.")
    return result.content


def _check_scenario(content, scenario: str) -> None:  # noqa: ANN001
    if scenario not in content.scenarios:
        raise CliError(f"there is no scenario {scenario!r}; choose one of: {', '.join(sorted(content.scenarios))}")


def _use_window(args: argparse.Namespace) -> bool:
    """--ui window, or auto with a display and a keyboard (commands piped in always get the terminal game)."""
    if args.ui == "text" or getattr(args, "plain", False):
        return False
    from game.ui.window.run import display_available

    reason = display_available()
    if args.ui == "window":
        if reason:
            raise CliError(f"the window cannot open: {reason}. Use --ui text to play in the terminal")
        return True
    if not sys.stdin.isatty():
        return False
    if reason:
        sys.stderr.write(f"space-race: {reason}, so the game plays in the terminal (--ui text skips this check).\n")
        return False
    return True


def _play_in_window(args: argparse.Namespace, content) -> int | None:  # noqa: ANN001
    """Run the window; None when auto mode found it cannot open (the terminal game follows)."""
    from game.record.save import SaveError, read_save, resolve_save_path
    from game.ui.window import run as window

    if args.load:
        try:
            save = read_save(resolve_save_path(args.load, args.saves_dir), content)  # a bad save fails here, clearly
        except SaveError as error:
            raise CliError(str(error)) from None
        _check_save_settings(args, save.record)
        if args.side and args.side not in save.record.players:
            raise CliError(f"that save was played as {', '.join(s.upper() for s in save.record.players) or 'nobody'}")
    elif args.scenario:
        _check_scenario(content, args.scenario)
    try:
        return window.play(content, lambda: load_for(args), args.saves_dir, args.settings, args.scenario, args.side,
                           args.seed, args.difficulty or DEFAULT_DIFFICULTY, args.load, mods_dir_of(args),
                           rival=args.rival or DEFAULT_POLICY)
    except window.WindowUnavailable as error:
        if args.ui == "window":
            raise CliError(f"{error}. Use --ui text to play in the terminal") from None
        sys.stderr.write(f"space-race: {error}, so the game plays in the terminal.\n")
        return None


def _check_save_settings(args: argparse.Namespace, record) -> None:  # noqa: ANN001 - record.save.Record
    """A save keeps the difficulty and the rival's policy it was begun with: an option asking for others is refused."""
    if args.difficulty and args.difficulty != record.difficulty:
        raise CliError(f"that save is played at {record.difficulty} difficulty, which cannot change mid-game")
    policy = record.policies.get(record.rival, DEFAULT_POLICY) if record.rival else DEFAULT_POLICY
    if args.rival and args.rival != policy:
        raise CliError(f"that save's rival plays the {policy} policy, which cannot change mid-game "
                       "(leave out --rival to resume it)")


def cmd_play(args: argparse.Namespace, out: TextIO) -> int:
    from game.app.session import Session
    from game.record.save import SaveError, read_save, resolve_save_path
    from game.app.commands.interpreter import TextGame, run
    from game.ui.text import terminal as text_terminal

    content = _content(args)
    if _use_window(args):
        code = _play_in_window(args, content)
        if code is not None:
            return code
    if args.load:
        path = resolve_save_path(args.load, args.saves_dir)
        try:
            save = read_save(path, content)
        except SaveError as error:
            raise CliError(str(error)) from None
        session = Session.resume(content, save)
        side = args.side or (session.players[0] if session.players else "usa")
        if side not in session.players:
            raise CliError(f"that save was played as {', '.join(s.upper() for s in session.players) or 'nobody'}")
        _check_save_settings(args, session.record)
        intro: list = []
        resumed = f"Resumed {path} — {content.scenarios[session.state.scenario].name}, {session.state.year}."
        if save.record.mods != content.mods:
            then = ", ".join(save.record.mods) or "no mods"
            now = ", ".join(content.mods) or "no mods"
            resumed += f"\nNote: this game was played with {then}; it continues with {now}."
    else:
        scenario = args.scenario or DEFAULT_SCENARIO
        _check_scenario(content, scenario)
        seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
        side = args.side or content.scenarios[scenario].default_side
        from game.app.session import keep_previous_autosave
        from game.record.save import game_id_for

        game_id = game_id_for(scenario, seed, (side,), args.saves_dir)
        previous = keep_previous_autosave(args.saves_dir, game_id,
                                          {key: found.name for key, found in content.scenarios.items()})
        if previous:
            out.write(previous + "\n")
        session, intro = Session.new(content, scenario, seed, players=(side,), policy=args.rival or DEFAULT_POLICY,
                                     game_id=game_id,
                                     difficulty=args.difficulty or DEFAULT_DIFFICULTY)
        resumed = ""
    interactive = sys.stdin.isatty()
    terminal = interactive and out.isatty()
    plain = bool(getattr(args, "plain", False))
    game = TextGame(session, side, out, args.saves_dir,
                    colour=terminal and not plain and text_terminal.colour_wanted(out),
                    width=text_terminal.width_for(out) if terminal else None)  # plain too: wrapped at words
    game.plain = plain
    game.loader = lambda: load_for(args)
    game.read_save = lambda path: read_save(path, game.content)
    text_terminal.setup(game, interactive, args.settings)
    if resumed:
        game.say(resumed)
        if not session.over:
            game.show_briefing()
    else:
        game.intro(intro)
    if session.over:
        game.show_result()
        return EXIT_OK
    try:
        run(game, text_terminal.stdin_lines(game, interactive), echo=not interactive)
    except KeyboardInterrupt:
        if game.autosave():
            game.say("\nInterrupted: the game is saved as 'autosave'.")
    return EXIT_OK


def cmd_replay(args: argparse.Namespace, out: TextIO) -> int:
    from game.app.replay import replay_save
    from game.record.save import SaveError, read_save, resolve_save_path

    content = _content(args)
    path = resolve_save_path(args.save, args.saves_dir)
    try:
        save = read_save(path, content)
    except SaveError as error:
        raise CliError(str(error)) from None
    report = replay_save(content, save, transcript=args.transcript)
    for line in report.lines:
        out.write(line + "\n")
    return EXIT_OK if report.ok else EXIT_FAILED


def cmd_watch(args: argparse.Namespace, out: TextIO) -> int:
    import os

    content = _content(args)
    _check_scenario(content, args.scenario)
    from game.ui.window import run as window

    reason = window.display_available()
    if reason and args.screenshots is None:
        raise CliError(f"watching needs a window: {reason}. With --screenshots DIR it runs without a display")
    if reason or os.environ.get("SDL_VIDEODRIVER") in ("dummy", "offscreen"):
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    size = args.size or ((1280, 720) if args.screenshots is not None else None)
    seed = args.seed if args.seed is not None else secrets.randbelow(1_000_000)
    try:
        return window.watch(content, Path("saves"), args.settings, args.scenario, seed, args.years, args.screenshots, size,
                            lambda: load_for(args), mods_dir_of(args))
    except window.WindowUnavailable as error:
        raise CliError(str(error)) from None


def cmd_bench(args: argparse.Namespace, out: TextIO) -> int:
    import statistics
    import time

    from game.app.simulate import simulate_games

    timings = []
    for _ in range(5):
        start = time.perf_counter()
        load_for(args)
        timings.append(time.perf_counter() - start)
    out.write(f"content load: median {statistics.median(timings) * 1000:.0f} ms over 5 loads\n")
    content = _content(args)
    per_game = []
    for index in range(args.games):
        start = time.perf_counter()
        simulate_games(content, DEFAULT_SCENARIO, 1 + index, 1, policy=DEFAULT_POLICY)
        per_game.append(time.perf_counter() - start)
    out.write(f"AI-vs-AI campaign ({DEFAULT_SCENARIO}): median {statistics.median(per_game) * 1000:.0f} ms, "
              f"fastest {min(per_game) * 1000:.0f} ms, slowest {max(per_game) * 1000:.0f} ms over {args.games} games\n")
    if not args.no_window:
        from game.ui.window.bench import window_bench

        for line in window_bench(content):
            out.write(line + "\n")
    return EXIT_OK


def cmd_scenarios(args: argparse.Namespace, out: TextIO) -> int:
    content = _content(args)
    for scenario_id in sorted(content.scenarios):
        scenario = content.scenarios[scenario_id]
        out.write(f"{scenario_id:<16} {scenario.start_year}–{scenario.end_year}  {scenario.name}\n")
        if scenario.description:
            out.write(f"{'':<16} {scenario.description}\n")
    return EXIT_OK


def progress_bar() -> Callable[[int, int], None]:
    """A progress bar on stderr when it is a terminal; silent otherwise (pipes and CI)."""
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            filled = done * 30 // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{total} games")
            if done == total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return progress


COMMANDS = {"play": cmd_play, "simulate": cmd_simulate, "replay": cmd_replay, "scenarios": cmd_scenarios,
            "watch": cmd_watch, "bench": cmd_bench}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    args = _parser().parse_args(argv)
    if args.command == "mods":
        from game.cli_mods import run_mods

        command = run_mods
    else:
        command = COMMANDS[args.command or "play"]
    try:
        return command(args, out)
    except CliError as error:
        sys.stderr.write(f"space-race: {error}\n")
        return EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
