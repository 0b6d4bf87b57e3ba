"""The year's end as the terminal tells it: a short digest by default, the whole report a command away ('report'),
and the player's choice between the two ('digest on|off', kept in the settings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app.digest import split_year, year_digest
from game.app.narrate import Line, narrate
from game.engine.outcomes import Outcome, YearEnded

from .commandkit import CommandError, CommandNotice, _int, _need
from .lookup import normalise
from .render import render

if TYPE_CHECKING:
    from .interpreter import TextGame


def tell_year_end(game: TextGame, outcomes: list[Outcome]) -> list[Outcome]:
    """When these outcomes close the player's year: keep its full report for 'report' and, with the digest on and
    the race going on, tell the year in brief (the full lines go to the log). Returns what is left to tell as
    usual: next year's briefing, or everything when the year is told in full."""
    closed, rest = split_year(outcomes, game.side)
    if not closed or not game.tells_year_end:
        return outcomes
    year = next(outcome.year for outcome in closed if isinstance(outcome, YearEnded))
    full = narrate(closed, game.content, game.state, game.side)
    game.reports[year] = full
    if not game.digest or game.state.over:  # the last year of the race is told in full
        return outcomes
    game.log.extend(full)
    lines = year_digest(closed, game.content, game.state, game.side)
    lines.append(Line("info", f"('report' shows the whole of {year}, {len(full)} lines; 'digest off' shows every "
                              "year in full.)"))
    game.say(render(lines, game.colour, game.width), fitted=True)
    return rest


def cmd_report(game: TextGame, args: list[str]) -> None:
    """The whole year-end report of the last year closed (or of a year closed since the game was started or
    loaded): every flight step by step, the news, research and opinions, the accounts."""
    if not game.reports:
        raise CommandNotice("no year has ended since this game was started or loaded: the report of each year is "
                            "kept from when it ends ('log' shows the news told so far)")
    if args and normalise(args[0]) not in ("last", "latest"):
        year = _int(args[0], "the year")
        if year not in game.reports:
            kept = ", ".join(str(kept) for kept in sorted(game.reports))
            raise CommandNotice(f"there is no report of {year} here: the years kept are {kept}")
    else:
        year = max(game.reports)
    game.say(f"The year {year} in full:")
    game.say(render(game.reports[year], game.colour, game.width), fitted=True)


def cmd_digest(game: TextGame, args: list[str]) -> None:
    _need(args, 1, "digest on|off")
    word = normalise(args[0])
    if word not in ("on", "off"):
        raise CommandError("say 'digest on' (a year's end in brief) or 'digest off' (the whole report every year)")
    if not game.tells_year_end:
        game.say("Here each year's end has its own report screen, shown whole; 'digest on|off' is for the terminal. "
                 "'report' shows the last year's report again.")
        return
    game.digest = word == "on"
    kept = game.keep_setting("digest", game.digest) if game.keep_setting else ""
    how = ("in brief, the whole report a 'report' away" if game.digest
           else "in full: every flight step by step, the news and the accounts")
    game.say(f"Each year's end is now told {how}{kept}.")

