"""The commands about the turn itself: end (asking first when something would be lost), confirm, and the two a
screen reader leans on, where and repeat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app import views, year_end_check
from game.app.views import plural
from game.engine.orders import EndYear

from .commandkit import CommandError, _need, race_over_words
from .lookup import normalise

if TYPE_CHECKING:
    from .interpreter import TextGame

SURE = ("yes", "y", "now", "anyway", "confirm")  # 'end yes' ends the year without asking


def cmd_end(game: TextGame, args: list[str]) -> None:
    own = game.state.sides[game.side]
    if game.asker is not None and not (args and normalise(args[0]) in SURE):
        problems = year_end_check.warnings(game.state, game.content, game.side)
        if problems:
            game.say("Before the year ends:")
            for problem in problems:
                game.say(f"  • {problem}")
            if not game.asker("End the year anyway?"):
                game.say("The year goes on. ('end yes' ends a year without asking; 'confirm off' stops these questions.)")
                return
    kept = views.carried_over(game.state, game.content, game.side)
    if own.funds > kept:
        game.say(f"Note: ${own.funds}M is unspent; ${kept}M carries into next year and the rest goes back to the treasury.")
    game.order(EndYear(side=game.side))


def cmd_confirm(game: TextGame, args: list[str]) -> None:
    _need(args, 1, "confirm on|off")
    word = normalise(args[0])
    if word not in ("on", "off"):
        raise CommandError("say 'confirm on' or 'confirm off'")
    if game.ask is None:
        game.say("Nothing is asked here: commands are read from a file or a pipe, so they run as they come.")
        return
    game.asker = game.ask if word == "on" else None
    kept = game.keep_setting("confirm", word == "on") if game.keep_setting else ""
    state = "asks before ending a year with money or decisions waiting" if word == "on" else "no longer asks before irreversible steps"
    game.say(f"The game {state}{kept}.")


def cmd_where(game: TextGame, args: list[str]) -> None:
    """One sentence a screen reader can take in: the year, the standing, the money, what waits."""
    view = views.status(game.state, game.content, game.side)
    lead = view.prestige - view.rival_prestige
    standing = "level with the rival" if lead == 0 else f"{abs(lead)} {'ahead of' if lead > 0 else 'behind'} the rival"
    waiting = f" {plural(len(view.pending), 'decision')} waiting." if view.pending else ""
    if game.state.over:
        game.say(f"{view.year}, {view.side_name}: prestige {view.prestige}, {standing}. {race_over_words(game)}")
        return
    game.say(f"{view.year}, {view.side_name}: prestige {view.prestige}, {standing}; support {view.support} of 100; "
             f"${view.funds}M unspent; {view.launches_booked} of {view.launch_capacity} launches booked.{waiting}")


def cmd_repeat(game: TextGame, args: list[str]) -> None:
    game.say(game.last_answer or "Nothing to repeat yet.")

