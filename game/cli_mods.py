"""`space-race mods …`: list, check, schema, docs and simulate — the modders' toolchain on the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any, Callable, TextIO

from game import __version__
from game.cli_simulate import policies_option

EXIT_OK, EXIT_FAILED = 0, 1


def add_mods_parser(commands: Any, add_mod_options: Callable[..., None], positive: Callable[[str], int],
                    seed: Callable[[str], int]) -> None:
    mods = commands.add_parser("mods", help="the modders' tools: list, check, schema, docs, stats, simulate",
                               description="Tools for making and checking mods. A mod is a folder with mod.toml and "
                                           "content files in the layout of assets/content. See MODDING.md.")
    sub = mods.add_subparsers(dest="mods_command", metavar="TOOL", required=True)

    listing = sub.add_parser("list", help="the mods found, their load order and status",
                             description="List the mods found (--mod and the mods folder), their load order, their "
                                         "status, and every object more than one mod touched.")
    add_mod_options(listing)

    check = sub.add_parser("check", help="check the base game and mods; report every problem",
                           description="Check the base game and the mods and report every problem at once, root causes "
                                       "first. Exit 0 when clean, 1 on errors (or warnings with --strict), 2 on a usage error.")
    add_mod_options(check)
    check.add_argument("--format", choices=("text", "json"), default="text", help="text for people, json for editors and CI")
    check.add_argument("--strict", action="store_true", help="treat warnings as failures (exit 1)")

    schema = sub.add_parser("schema", help="print a JSON Schema of the content files (for TOML editors)",
                            description="Print a JSON Schema of the content files, for editors such as Taplo / Even Better TOML.")
    schema.add_argument("--manifest", action="store_true", help="the schema of mod.toml instead")

    sub.add_parser("docs", help="print the reference of every field, function, effect and problem code",
                   description="Print the modders' reference (Markdown), generated from the registries the loader uses.")

    stats = sub.add_parser("stats", help="count what the content holds: events, choices, follow-ups, hooks, characters …",
                           description="Count what the loaded content holds: events, dilemmas and choices (with a "
                                       "condition, with a cost), follow-ups, promises, hooks by kind, variables, "
                                       "characters, named conditions, and per year and side the dilemmas that can come "
                                       "in a scenario.")
    add_mod_options(stats)
    stats.add_argument("--scenario", default="full_campaign", metavar="ID", help="scenario for the per-year counts "
                                                                                 "(default full_campaign)")
    stats.add_argument("--json", action="store_true", help="print one JSON object instead of the summary")

    simulate = sub.add_parser("simulate", help="play AI-vs-AI games with the mods and count what fired",
                              description="Play N seeded AI-vs-AI campaigns with the mods and report how often each event "
                                          "fired and each choice was taken, and which never did.")
    add_mod_options(simulate)
    simulate.add_argument("--games", type=positive, default=20, metavar="N", help="how many games (default 20)")
    simulate.add_argument("--seed", type=seed, default=1, metavar="S", help="base seed (default 1)")
    simulate.add_argument("--scenario", default="full_campaign", metavar="ID", help="scenario id (default full_campaign)")
    simulate.add_argument("--policy", type=policies_option, default={}, metavar="POLICY",
                          help="how the AI plays (as for 'space-race simulate'): --policy historical flies history's "
                               "schedules, so events tied to real dates fire as they did")
    simulate.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    for tool in sub.choices.values():
        tool.add_argument("--version", action="version", version=f"space-race {__version__}")


def run_mods(args: argparse.Namespace, out: TextIO) -> int:
    handler = {"list": mods_list, "check": mods_check, "schema": mods_schema, "docs": mods_docs,
               "stats": mods_stats, "simulate": mods_simulate}[args.mods_command]
    return handler(args, out)


def mods_list(args: argparse.Namespace, out: TextIO) -> int:
    from game.cli import load_for, mods_dir_of
    from game.content.files import display_path

    result = load_for(args)
    loaded = {mod.id for mod in result.order}
    folder = mods_dir_of(args)
    found = "" if folder.is_dir() else " (no such folder: mods there would load automatically)"
    out.write(f"Mods folder: {display_path(folder)}{found}\n\nLoad order (the base game first):\n")
    for index, mod in enumerate(result.order, start=1):
        out.write(f"  {index}. {mod.id:<20} {mod.version:<8} {mod.status:<20} {mod.name}  [{display_path(mod.root)}]\n")
    refused = [mod for mod in result.mods if mod.id not in loaded or mod.status != "ok"]
    problems_by_mod = [mod for mod in refused if mod.id not in loaded]
    if problems_by_mod:
        out.write("\nNot loaded:\n")
        for mod in problems_by_mod:
            why = "; ".join(mod.problems) or mod.status
            out.write(f"  - {mod.id:<20} {mod.version:<8} {mod.status:<20} {why}\n")
    contested = result.contested()
    out.write(f"\nObjects touched by more than one mod: {len(contested) or 'none'}\n")
    for kind, object_id, touches, winner in contested:
        patched = [touch.mod for touch in touches if touch.action == "patched" and touch.mod != winner]
        stands = f"{winner}'s version" + (f", patched by {', '.join(dict.fromkeys(patched))}" if patched else "")
        if touches[-1].action == "disabled":
            stands = f"disabled by {touches[-1].mod}"
        out.write(f"  {kind} {object_id} — {stands}\n")
        for touch in touches:
            out.write(f"      {touch.action:<9} by {touch.mod:<16} {touch.file}\n")
    errors, warnings = len(result.errors), len(result.warnings)
    out.write(f"\n{errors} error(s), {warnings} warning(s); 'space-race mods check' shows them.\n")
    return EXIT_OK if not errors else EXIT_FAILED


def mods_check(args: argparse.Namespace, out: TextIO) -> int:
    from game.cli import load_for
    from game.app.commands.problems import render_problem, summary

    result = load_for(args)
    failed = bool(result.errors) or (args.strict and bool(result.warnings))
    if args.format == "json":
        record = {
            "ok": not failed,
            "errors": len(result.errors),
            "warnings": len(result.warnings),
            "mods": [{"id": mod.id, "version": mod.version, "status": mod.status, "path": str(mod.root)} for mod in result.mods],
            "load_order": [mod.id for mod in result.order],
            "problems": [problem.to_dict() for problem in result.problems],
        }
        out.write(json.dumps(record, indent=1) + "\n")
        return EXIT_FAILED if failed else EXIT_OK
    colour = out.isatty()
    for problem in result.problems:
        out.write(render_problem(problem, colour) + "\n\n")
    checked = ", ".join(mod.label for mod in result.order)
    out.write(f"Checked {checked}. {summary(result.problems)}\n")
    if result.warnings and not result.errors and not args.strict:
        out.write("Warnings do not stop the game; use --strict to treat them as failures.\n")
    return EXIT_FAILED if failed else EXIT_OK


def mods_schema(args: argparse.Namespace, out: TextIO) -> int:
    from game.content.jsonschema import content_schema, manifest_schema

    out.write(json.dumps(manifest_schema() if args.manifest else content_schema(), indent=1) + "\n")
    return EXIT_OK


def mods_docs(args: argparse.Namespace, out: TextIO) -> int:
    from game.content.reference import reference_markdown

    out.write(reference_markdown())
    return EXIT_OK


def mods_stats(args: argparse.Namespace, out: TextIO) -> int:
    from game.cli import _check_scenario, _content
    from game.content.stats import content_stats, stats_lines

    content = _content(args)
    _check_scenario(content, args.scenario)
    stats = content_stats(content, args.scenario)
    out.write((json.dumps(stats) if args.json else "\n".join(stats_lines(stats))) + "\n")
    return EXIT_OK


def mods_simulate(args: argparse.Namespace, out: TextIO) -> int:
    from game.app.simulate import event_statistics, statistics_lines
    from game.cli import _check_scenario, _content, progress_bar

    content = _content(args)
    _check_scenario(content, args.scenario)
    stats = event_statistics(content, args.scenario, args.seed, args.games, progress_bar(), args.policy)
    if args.json:
        out.write(json.dumps(stats) + "\n")
    else:
        out.write("\n".join(statistics_lines(stats)) + "\n")
    return EXIT_OK
