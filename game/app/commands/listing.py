"""The terminal's listing commands: status, budget, programs, missions, crew, rival, log and race, each a view of the
state set out as lines or a table (nothing here changes the game)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.app import spare_money, views
from game.app.attention import attention, terminal_words
from game.app.launch_months import LaunchMonths, launch_months, open_words, waiting_for_a_window, windows_line
from game.app.loadout import crew_options, hardware_options
from game.app.narrate import cap
from game.app.text import crew_names, short_reason
from game.engine.defs import MissionType

from .commandkit import CommandError, _int, race_over_words
from .render import percent, render, table

if TYPE_CHECKING:
    from .interpreter import TextGame


def race_table(rows: list[views.RaceRow], width: int | None = None, plain: bool = False) -> str:
    body = []
    for row in rows:
        first = f"{row.first_side.upper()} {row.first_date}" if row.first_side else views.OPEN_WORD
        second = f"{row.second_side.upper()} {row.second_date}" if row.second_side else "—"
        body.append([("★ " if row.decisive else "") + row.name, first, second, row.history])
    return table(["Milestone", "First", "Second", "In history"], body, width=width, plain=plain)


def cmd_status(game: TextGame, args: list[str]) -> None:
    view = views.status(game.state, game.content, game.side)
    if game.state.over:
        game.say(f"{view.year} — {cap(view.side_name)}   Prestige {view.prestige} (rival {view.rival_prestige})")
        game.say(f"  {race_over_words(game)}")
        return
    game.say(f"{view.year} — {cap(view.side_name)} (the race runs to the end of {view.end_year})")
    game.say(f"  Prestige {view.prestige} (rival {view.rival_prestige})   Support {view.support}/100")
    grants = f" + ${view.grants}M from events" if view.grants else ""
    candidates = f" (+{view.candidates} in training)" if view.candidates else ""
    game.say(f"  Budget ${view.budget}M{grants}, unspent ${view.funds}M   Pads {view.pads} "
             f"({view.launches_booked}/{view.launch_capacity} launches booked)   Crew ready {view.active_crew}{candidates}")
    if view.scheduled:
        game.say("  Scheduled: " + "; ".join(view.scheduled))
    if view.in_flight:
        game.say("  On the way: " + "; ".join(view.in_flight))
    if view.in_service:
        game.say(f"  At work ({view.service_note}): " + "; ".join(view.in_service))
    for event_id, title in view.pending:
        game.say(f"  Decision waiting: {title} — 'examine {event_id}' to see the choices")
    for name, value in view.measures:
        game.say(f"  {name}: {value}")
    if view.ledger_note:
        game.say(f"  {view.ledger_note} — 'ledger' lists them")
    for item in attention(game.state, game.content, game.side):  # the same items the window's HQ links
        game.say(f"  To see to: {terminal_words(item)}")
    if game.difficulty_note():
        game.say("  " + game.difficulty_note())


def cmd_budget(game: TextGame, args: list[str]) -> None:
    lines, total, funds = views.budget(game.state, game.content, game.side)
    rows = [[line.label, f"${line.amount}M"] for line in lines]
    rows.append(["Unspent", f"${funds}M"])
    grants = game.state.sides[game.side].ledger.get("grants from events", 0)
    title = f"Budget {game.state.year}: ${total}M" + (f" (incl. ${grants}M from events)" if grants else "")
    game.say(table([title, "Amount"], rows, right=(1,), width=game.width, plain=game.plain))
    game.say("Up to a quarter of the budget left unspent carries into next year; the rest goes back to the treasury.")
    lost = spare_money.spare(game.state, game.content, game.side)
    uses = spare_money.uses(game.state, game.content, game.side)
    if lost and uses:
        game.say(f"${lost}M would go back if the year ended now. Where it would do good:")
        width = max(len(use.order) for use in uses)
        for use in uses:
            game.say(f"  {use.order.ljust(width)}  {use.why}")


def cmd_programs(game: TextGame, args: list[str]) -> None:
    show_all = bool(args and args[0].lower() == "all")
    rows = views.programs(game.state, game.content, game.side, include_unavailable=show_all)
    body = [[row.id, row.name, row.kind, row.status, percent(row.reliability), f"${row.funding}M" if row.funding else "", row.note]
            for row in rows]
    game.say(table(["Id", "Name", "Kind", "Status", "Rel.", "Funded", "Notes"], body, right=(4, 5), width=game.width, plain=game.plain,
                   keep=(0,)))
    if not show_all:
        game.say("'programs all' also lists the programs you cannot start yet, and why.")


def cmd_missions(game: TextGame, args: list[str]) -> None:
    show_all = bool(args and args[0].lower() == "all")
    rows = views.mission_rows(game.state, game.content, game.side, include_unavailable=show_all)
    body = []
    windows: list[tuple[MissionType, LaunchMonths]] = []  # the windowed missions listed (all of them with 'all')
    for row in rows:
        prize = ", ".join(row.prizes[:2]) + ("…" if len(row.prizes) > 2 else "")
        mission = game.content.missions[row.id]
        months = launch_months(game.state, game.content, game.side, mission)
        if row.ready or show_all:
            windows.append((mission, months))
        if row.ready:
            body.append([row.id, row.name, percent(row.chance), f"${row.cost}M", open_words(months), row.note, prize])
        else:
            body.append([row.id, row.name, "", "", "", cap(short_reason(game.content, row.name, row.note)), prize])
    if not show_all:  # a planet's mission that is ready but for its window is not listed: say so
        windows += waiting_for_a_window(game.state, game.content, game.side)
    if not body:
        game.say("No mission can fly yet: develop a rocket and a spacecraft first ('programs', 'start', 'fund').")
    else:
        game.say(table(["Id", "Mission", "Chance", "Cost", "Open", "Best hardware (or why not)", "Prizes"], body,
                       right=(2, 3), width=game.width, plain=game.plain, keep=(0,)))
    if windows_line(windows, game.state.year):
        game.say(windows_line(windows, game.state.year))
    if not show_all:  # the missions the rules would refuse are left out: say how many, and where to see why
        closed = sum(1 for row in views.mission_rows(game.state, game.content, game.side, include_unavailable=True)
                     if not row.ready)
        if closed:
            game.say(f"{closed} more mission{'s are' if closed != 1 else ' is'} not open to you yet: 'missions all' "
                     "shows what each still needs.")


def cmd_crew(game: TextGame, args: list[str]) -> None:
    rows = views.crew_rows(game.state, game.side)
    if not rows:
        game.say("You have no crew yet. 'recruit N' selects candidates ($3M each); they can fly from next year.")
        return
    body = [[row.id, row.name + (" ♀" if row.woman else ""), row.piloting, row.eva, row.docking, row.endurance, row.flights, row.note]
            for row in rows]
    game.say(table(["Id", "Name", "Pilot", "EVA", "Dock", "Endur.", "Flights", "Status"], body, right=(2, 3, 4, 5, 6),
                   width=game.width, plain=game.plain, keep=(0,)))


def cmd_rival(game: TextGame, args: list[str]) -> None:
    if args:
        raise CommandError("'rival' takes no words after it")
    from game.app.rival import rival_lines, rival_report

    for line in rival_lines(rival_report(game.state, game.content, game.side)):
        game.say(line)


def cmd_log(game: TextGame, args: list[str]) -> None:
    count = _int(args[0], "the number of lines") if args else 40
    if count < 1:
        raise CommandError("the number of lines should be at least 1")
    game.say(render(game.log[-count:], game.colour, game.width) if game.log else "Nothing has happened yet.", fitted=True)


def cmd_race(game: TextGame, args: list[str]) -> None:
    game.say(race_table(views.race_board(game.state, game.content), game.width, game.plain))


def mission_plan_text(game: TextGame, mission_id: str) -> str:
    """The success chance of a mission now, broken down by step."""
    found = views.mission_plan(game.state, game.content, game.side, mission_id)
    if isinstance(found, str):
        return f"  Not ready: {found}."
    names, loadout = game.content.hardware, found.loadout
    lander = f" + {names[loadout.lander].name}" if loadout.lander else ""
    lines = [f"  With {names[loadout.rocket].name} / {names[loadout.craft].name}{lander}: {percent(found.chance)} overall, ${found.cost}M"]
    lines += [f"    {name[:38]:<38} {percent(chance):>6}" for name, chance in found.steps]
    if loadout.crew:
        lines.append(f"  Chance of losing the crew: {views.risk_words(found.crew_risk)} (a step that ends in disaster)")
    # the choices the window's planner offers, with the words that book them
    options = hardware_options(game.state, game.content, game.side, mission_id)
    others = [option for option in options
              if (option.rocket, option.craft, option.lander) != (loadout.rocket, loadout.craft, loadout.lander)]
    if others:
        shown = "; ".join(f"{option.label} {percent(option.chance)}{' (best)' if option.best else ''} "
                          f"(rocket={option.rocket} craft={option.craft}"
                          f"{f' lander={option.lander}' if option.lander else ''})" for option in others[:3])
        more = f"; {len(others) - 3} more" if len(others) > 3 else ""
        lines.append(f"  Can also fly on: {shown}{more}")
    if loadout.crew:
        free = [option.name for option in crew_options(game.state, game.content, game.side, mission_id)
                if option.id not in loadout.crew][:5]
        lines.append(f"  Crew: {crew_names(game.state, game.side, loadout.crew)} (the best free)"
                     + (f"; also free: {', '.join(free)} (choose with crew=NAME,NAME)" if free else ""))
    if found.timing:
        lines.append(f"  When: {found.timing}")
    return "\n".join(lines)
