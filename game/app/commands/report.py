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
    """The whole year-end report of the last year closed (or of YEAR): every flight step by step, the news,
    research and opinions, the accounts. A year closed before the game was loaded is rebuilt from its record."""
    first, going = game.state.start_year, not game.state.over
    if args and normalise(args[0]) not in ("last", "latest"):
        year = _int(args[0], "the year")
    else:  # the last year closed: the one before this, or the race's last
        year = game.state.year - 1 if going else max(game.reports, default=game.state.year)
    if year < first or year > game.state.year or year == game.state.year and going:
        if not args and going:
            raise CommandNotice(f"no year has ended yet: {year + 1} is the first, and the report of each year comes "
                                "when it ends ('log' shows the news told so far)")
        raise CommandNotice(f"there is no report of {year}: the race began in {first}, and "
                            + (f"{game.state.year} is still going on" if going else f"ended in {game.state.year}"))
    if year not in game.reports and not _rebuild(game, year):
        raise CommandNotice(f"the report of {year} cannot be rebuilt from this game's record (it was played under "
                            "other rules or content); 'log' shows the news told so far")
    game.say(f"The year {year} in full:")
    game.say(render(game.reports[year], game.colour, game.width), fitted=True)


def _rebuild(game: TextGame, year: int) -> bool:
    """Tell a year closed before this game was loaded again from the record, and keep it; False when it cannot be."""
    from game.app.replay import closed_year

    found = closed_year(game.content, game.session.record, game.side, year)
    if found is None:
        return False
    closed, state = found
    game.reports[year] = narrate(closed, game.content, state, game.side)
    return True


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

