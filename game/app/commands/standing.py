"""Standing orders at the command line: 'fund last' and 'schedule last' give last year's funding and bookings again,
as the ordinary orders they were (game.app.standing_orders reads them from the record)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app.standing_orders import FUND_TARGETS, booking_words, bookings_of, funding_of, still_to_book, still_working
from game.engine.orders import Fund, OrderRefused

from .commandkit import CommandNotice, _mission_names
from .lookup import normalise, resolve

if TYPE_CHECKING:
    from .interpreter import TextGame

LAST_YEAR = ("last", "again", "as_last_year", "last_year")  # 'fund last', 'schedule again', 'fly as last year'


def asks_for_last_year(args: list[str]) -> bool:
    return bool(args) and normalise(args[0]) in LAST_YEAR


def fund_as_last_year(game: TextGame) -> None:
    """'fund last': last year's allocations again, as ordinary Fund orders (a convenience, not a new order); a
    program whose development is done gets them too, as reliability money. Stops where the money runs out."""
    year = game.state.year - 1
    wanted = funding_of(game.session.record.orders, game.side, year)
    if not wanted:
        raise CommandNotice(f"nothing was funded in {year}: 'fund WHAT AMOUNT' sets a line")
    done: list[str] = []
    for target, amount in wanted.items():
        if target not in FUND_TARGETS and target not in game.state.sides[game.side].programs:
            continue
        try:
            game.session.submit(Fund(side=game.side, target=target, amount=amount))
        except OrderRefused as error:
            game.say(f"Stopped at {target} (${amount}M): {error}.")
            break
        done.append(f"{target} ${amount}M")
    left = game.state.sides[game.side].funds
    game.say(f"Funded as in {year}: {', '.join(done) or 'nothing'}. ${left}M left unspent.")


def schedule_as_last_year(game: TextGame, words: list[str]) -> None:
    """'schedule last [MISSION …]': last year's bookings (or those of the missions named) booked again, each as the
    ordinary ScheduleMission it was — the same month, hardware and crew where the player named them, the game's
    choice where it chose — each told or refused as if typed. Missions already booked this year are left out, so
    saying it twice books nothing more."""
    year = game.state.year - 1
    bookings = bookings_of(game.session.record.orders, game.state, game.side, year)
    if words:
        named = {resolve(word, _mission_names(game), "mission type") for word in words}
        missing = sorted(named - {order.mission for order in bookings})
        if missing:
            names = ", ".join(game.content.missions[mission].name for mission in missing)
            raise CommandNotice(f"you did not book {names} in {year}: 'schedule MISSION' books it")
        bookings = [order for order in bookings if order.mission in named]
    if not bookings:
        raise CommandNotice(f"nothing was booked in {year}: 'schedule MISSION' books a flight")
    wanted, skipped = still_to_book(bookings, game.state, game.side)
    if not words:  # named missions are booked as asked; a bare 'schedule last' spares the craft still at work
        wanted, working = still_working(wanted, game.state, game.content, game.side)
        if working:
            names = ", ".join(sorted({game.content.missions[mission].name for mission in working}))
            game.say(f"Still at work, so not replaced yet: {names} ('schedule last MISSION' books it anyway).")
    if skipped:
        counts = {mission: skipped.count(mission) for mission in skipped}
        names = ", ".join(f"{count} × {game.content.missions[mission].name}" if count > 1 else
                          game.content.missions[mission].name for mission, count in counts.items())
        game.say(f"Booked already this year, so not again: {names}.")
    if not wanted:
        return
    crew_names = {member.id: member.name for member in game.state.sides[game.side].crew}
    booked = refused = 0
    for order in wanted:
        game.say(f"> {booking_words(order, game.content, crew_names)}")
        try:
            game.order(order)
        except OrderRefused as error:
            game.say(f"Refused: {error}.")
            refused += 1
        else:
            booked += 1
    left = game.state.sides[game.side].funds
    tail = f", {refused} refused" if refused else ""
    game.say(f"Booked as in {year}: {booked} of {len(wanted)}{tail}. ${left}M left unspent.")
