"""`space-race simulate`, and the options that choose the AI's policy and difficulty per side (--policy,
--difficulty, play's --rival): their words in the help, their parsing, their errors."""

from __future__ import annotations

import argparse
import json
from typing import Any, Callable, TextIO

from game.engine.rules import DEFAULT_DIFFICULTY, DIFFICULTIES

EXIT_OK = 0
SIDE_NAMES = ("usa", "ussr")  # game.engine.defs.SIDES, without importing the engine's content definitions
DEFAULT_POLICY = "strategic"
#: each AI policy in plain words (game.engine.ai.POLICIES holds the ones this game can play)
POLICY_WORDS = {
    "historical": "flies the real programme's schedule, adapting when the dice say no",
    "strategic": "plans to win",
}


def policy_help() -> str:
    """'historical: flies …; strategic: plans to win' for the help texts."""
    return "; ".join(f"{name}: {words}" for name, words in sorted(POLICY_WORDS.items()))


def known_policies() -> tuple[str, ...]:
    """The policies the AI can play (imported when an option is read, so the help comes up fast)."""
    from game.engine import ai

    return tuple(ai.POLICIES)


def rival_policy(text: str) -> str:
    """play --rival: one policy."""
    name = text.strip().lower()
    if name not in known_policies():
        raise argparse.ArgumentTypeError(f"unknown AI policy {text!r}: choose one of {', '.join(known_policies())}")
    return name


def per_side(text: str, known: tuple[str, ...], what: str, example: str) -> dict[str, str]:
    """'NAME' (both sides) or 'usa=NAME,ussr=NAME' (a side left out is not in the result) → {side: name};
    ValueError saying what is wrong and what is allowed."""
    choose = f"choose from {', '.join(known)}: one for both sides, or per side as in {example}"
    entries = [entry.strip().lower() for entry in text.split(",")]
    if not text.strip() or any(not entry for entry in entries):
        raise ValueError(f"no {what} given: {choose}")
    if len(entries) == 1 and "=" not in entries[0]:
        if entries[0] not in known:
            raise ValueError(f"unknown {what} {entries[0]!r}: {choose}")
        return {side: entries[0] for side in SIDE_NAMES}
    named: dict[str, str] = {}
    for entry in entries:
        side, equals, name = (part.strip() for part in entry.partition("="))
        if not equals:
            raise ValueError(f"{entry!r} names no side: {choose}")
        if side not in SIDE_NAMES:
            raise ValueError(f"unknown side {side!r} (the sides are {', '.join(SIDE_NAMES)})")
        if side in named:
            raise ValueError(f"{side} is named twice")
        if name not in known:
            raise ValueError(f"unknown {what} {name!r} for {side}: {choose}")
        named[side] = name
    return named


def _argument_type(known: Callable[[], tuple[str, ...]], what: str, example: str) -> Callable[[str], dict[str, str]]:
    def parse(text: str) -> dict[str, str]:
        try:
            return per_side(text, known(), what, example)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return parse


policies_option = _argument_type(known_policies, "AI policy", "usa=strategic,ussr=historical")
difficulties_option = _argument_type(lambda: DIFFICULTIES, "difficulty", "ussr=hard")


def add_simulate_parser(commands: Any, add_mod_options: Callable[..., None], positive: Callable[[str], int],
                        seed: Callable[[str], int], default_scenario: str) -> None:
    simulate = commands.add_parser(
        "simulate", help="play AI-vs-AI campaigns and summarise them",
        description="Play N AI-vs-AI campaigns (game i uses a seed derived from S and i) and summarise them: wins, "
                    "when each first fell, how close to history, and in which months.")
    simulate.add_argument("--games", type=positive, default=10, metavar="N", help="how many games (default 10)")
    simulate.add_argument("--seed", type=seed, default=1, metavar="S", help="base seed (default 1)")
    simulate.add_argument("--scenario", default=default_scenario, metavar="ID",
                          help=f"scenario id (default {default_scenario})")
    simulate.add_argument("--policy", type=policies_option, default={}, metavar="POLICY",
                          help=f"how the AI plays — {policy_help()}. One for both sides (--policy historical) or per "
                               "side (--policy usa=strategic,ussr=historical); a side not named plays strategic")
    simulate.add_argument("--difficulty", type=difficulties_option, default={}, metavar="DIFFICULTY",
                          help=f"how well a side's AI plays, with a small budget difference ({', '.join(DIFFICULTIES)}): "
                               "one for both sides (--difficulty hard) or per side (--difficulty ussr=hard); a side not named plays normal")
    simulate.add_argument("--json", action="store_true", help="print one JSON object instead of the summary")
    add_mod_options(simulate)


def cmd_simulate(args: argparse.Namespace, out: TextIO) -> int:
    from game.app.simulate import simulate_games, summary_lines
    from game.cli import _check_scenario, _content, progress_bar

    content = _content(args)
    _check_scenario(content, args.scenario)
    policies = {side: args.policy.get(side, DEFAULT_POLICY) for side in SIDE_NAMES}
    difficulties = {side: args.difficulty.get(side, DEFAULT_DIFFICULTY) for side in SIDE_NAMES}
    result = simulate_games(content, args.scenario, args.seed, args.games, policies, difficulties, progress_bar())
    if args.json:
        out.write(json.dumps(result, sort_keys=False) + "\n")
    else:
        out.write("\n".join(summary_lines(result, content)) + "\n")
    return EXIT_OK
