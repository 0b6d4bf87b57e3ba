"""A game in progress: content, state and record together; the one door both front ends send orders through.

The session records every order (the AI's too, so a replay does not depend on the AI's code), lets the AI
sides act at the start of each year, keeps a checksum of the state as each year begins, and can write itself
out as a save. Front ends never touch the state: they call `submit` and narrate the outcomes it returns.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Mapping

from game.engine import ai, rules, turn
from game.engine.defs import SIDES, Content
from game.engine.orders import EndYear, Order, OrderRefused
from game.engine.outcomes import Outcome, YearBegan
from game.engine.state import GameState
from game.app.saves_list import read_preview
from game.record.save import (
    AUTOSAVES_FOLDER,
    AUTOSAVES_KEPT,
    DEFAULT_POLICY,
    SAVE_SUFFIX,
    Record,
    SaveFile,
    autosave_paths,
    game_id_for,
    resolve_save_path,
    unknown_ids,
    write_save,
)

AUTOSAVE_NAME = "autosave"


DIFFICULTY_WORDS = {  # what each difficulty means, in plain words, for both front ends and the command line
    "easy": "the rival plays loosely: it flies no backup flights, spreads its money thin over every prize "
            "instead of the great ones, and spends less on its crews' safety",
    "normal": "the rival plays well: it puts its money on the great prizes and the steps to them, a backup "
              "flight for most firsts, uncrewed tries at long odds when the prize is worth it, and care for its "
              "crews' safety",
    "hard": "the rival plays sharper still: backup flights for almost every first, more care for its crews' "
            "safety, and a little more money",
}


def difficulty_words(difficulty: str) -> str:
    """'the rival plays loosely … (100 % of its budget)'."""
    return f"{DIFFICULTY_WORDS[difficulty]} ({rules.DIFFICULTY_BUDGET_PERCENT[difficulty]} % of its budget)"


def budget_percents(players: tuple[str, ...], difficulty: str) -> dict[str, int]:
    """Each AI side's budget percent for one rival difficulty (players keep 100). With no players (AI against AI)
    there is no rival to handicap, so every side keeps 100."""
    _check_name(difficulty, rules.DIFFICULTIES, "difficulty")
    if not players:
        return {}
    percent = rules.DIFFICULTY_BUDGET_PERCENT[difficulty]
    return {side: percent for side in SIDES if side not in players}


def side_policies(players: tuple[str, ...], policy: str | Mapping[str, str]) -> dict[str, str]:
    """Each side's AI policy (ai.POLICIES). One name is for every AI side (a player's side keeps the default); a
    table {side: policy} names sides, and a side it leaves out keeps the default."""
    named = {side: policy for side in SIDES if side not in players} if isinstance(policy, str) else dict(policy)
    _check_sides(named, ai.POLICIES, "AI policy")
    return {side: named.get(side, DEFAULT_POLICY) for side in SIDES}


def side_difficulties(players: tuple[str, ...], difficulty: str | Mapping[str, str]) -> dict[str, str]:
    """Each side's difficulty (its budget is rules.DIFFICULTY_BUDGET_PERCENT of it). One name is the AI rival's:
    the AI sides get it and players play at normal, and with nobody playing there is no rival to handicap, so
    every side is normal. A table {side: difficulty} names sides; a side it leaves out is normal."""
    if isinstance(difficulty, str):
        _check_name(difficulty, rules.DIFFICULTIES, "difficulty")
        named = {side: difficulty for side in SIDES if players and side not in players}
    else:
        named = dict(difficulty)
    _check_sides(named, rules.DIFFICULTIES, "difficulty")
    return {side: named.get(side, rules.DEFAULT_DIFFICULTY) for side in SIDES}


def _check_name(name: str, known: tuple[str, ...], what: str) -> None:
    if name not in known:
        raise ValueError(f"unknown {what} {name!r} (choose one of: {', '.join(known)})")


def _check_sides(named: Mapping[str, str], known: tuple[str, ...], what: str) -> None:
    for side, name in named.items():
        if side not in SIDES:
            raise ValueError(f"unknown side {side!r} for the {what} (the sides are {', '.join(SIDES)})")
        _check_name(name, known, what)


class Session:
    def __init__(self, content: Content, state: GameState, record: Record) -> None:
        self.content = content
        self.state = state
        self.record = record
        self._saved_orders = len(record.orders)  # the orders a file on disk already holds (a loaded game: all)

    # -- starting -----------------------------------------------------------------------------------

    @classmethod
    def new(
        cls, content: Content, scenario: str, seed: int, players: tuple[str, ...],
        policy: str | Mapping[str, str] = DEFAULT_POLICY, run_ai: bool = True,
        difficulty: str | Mapping[str, str] = rules.DEFAULT_DIFFICULTY, game_id: str = "",
    ) -> tuple["Session", list[Outcome]]:
        """A new game; the AI sides take their first turn at once unless run_ai is False (a spectator steps
        through an AI-only game a year at a time with `play_ai(whole_game=False)`).

        policy: one AI policy for every AI side, or {side: policy} (sides left out: strategic).
        difficulty: how well a side's AI plays (ai.SKILLS) and, a little, its budget (rules.DIFFICULTY_BUDGET_PERCENT). One name is the AI rival's against
        a player, and has no effect when nobody plays; {side: difficulty} sets sides (left out: normal).
        Both raise ValueError naming what they accept."""
        record = Record(scenario=scenario, seed=seed, content_digest=content.digest, players=players,
                        policies=side_policies(players, policy), mods=content.mods,
                        difficulties=side_difficulties(players, difficulty),
                        game_id=game_id or game_id_for(scenario, seed, players))
        state, outcomes = turn.new_game(content, scenario, seed, budget_percent=record.budget_percents())
        session = cls(content, state, record)
        session._mark_year()
        if run_ai:
            outcomes.extend(session.play_ai())
        return session, outcomes

    @classmethod
    def resume(cls, content: Content, save: SaveFile) -> "Session":
        return cls(content, save.state, save.record)

    # -- playing ------------------------------------------------------------------------------------

    @property
    def players(self) -> tuple[str, ...]:
        return self.record.players

    @property
    def over(self) -> bool:
        return self.state.over

    @property
    def unsaved(self) -> bool:
        """Orders were given since the game was loaded or last saved. Leaving a game autosaves it only then, so
        that loading a game and looking around never rewrites the autosave (or moves it up the saves list)."""
        return len(self.record.orders) != self._saved_orders

    def mark_saved(self) -> None:
        """The game as it stands is in a file now (front ends that write saves themselves call it)."""
        self._saved_orders = len(self.record.orders)

    def submit(self, order: Order) -> list[Outcome]:
        """Apply a player's order (raises OrderRefused); when it closes the year, the AI takes its turn."""
        outcomes = self._apply(order)
        if any(isinstance(outcome, YearBegan) for outcome in outcomes) or self.state.over:
            outcomes.extend(self.play_ai())
        return outcomes

    def play_ai(self, whole_game: bool = True) -> list[Outcome]:
        """Let every AI side give its orders and end the year (for AI-only games, until the game ends, or for
        one year when whole_game is False)."""
        outcomes: list[Outcome] = []

        def submit(order: Order) -> bool:
            try:
                outcomes.extend(self._apply(order))
            except OrderRefused:
                return False
            return True

        while not self.state.over:
            year = self.state.year
            for side in SIDES:
                if side in self.players or self.state.sides[side].ended or self.state.over:
                    continue
                ai.act(self.state, self.content, side, submit, self.record.policies[side], self.record.difficulties[side])
                outcomes.extend(self._apply(EndYear(side=side)))
            if self.players or self.state.year == year or not whole_game:
                break
        return outcomes

    def _apply(self, order: Order) -> list[Outcome]:
        year = self.state.year
        outcomes = turn.apply(self.state, self.content, order)
        self.record.orders.append((year, order))
        if self.state.year != year or self.state.over:
            self._mark_year()
        return outcomes

    def _mark_year(self) -> None:
        key = "final" if self.state.over else str(self.state.year)
        self.record.checksums[key] = self.state.checksum()

    def reload(self, content: Content) -> str | None:
        """Swap in freshly loaded content (a modder's edit) mid-game; the reason it cannot be, or None.
        The record then names the new content: a replay uses it for the whole game."""
        problem = unknown_ids(self.state, content)
        if problem:
            return problem
        self.content = content
        self.record.content_digest = content.digest
        self.record.mods = content.mods
        return None

    # -- saving -------------------------------------------------------------------------------------

    def save_file(self) -> SaveFile:
        return SaveFile(record=self.record, state=self.state)

    def save(self, name_or_path: str, saves_dir: Path) -> Path:
        path = resolve_save_path(name_or_path, saves_dir)
        write_save(path, self.save_file())
        self.mark_saved()
        return path

    def autosave(self, saves_dir: Path) -> Path:
        """The autosave (the latest game's, for `--load autosave`), and a copy kept with this game's last few
        (saves/autosaves/GAME-YEAR.json), so that starting another game never loses this one."""
        path = self.save(AUTOSAVE_NAME, saves_dir)
        kept = self.kept_autosave(saves_dir)
        if kept is not None:
            write_save(kept, self.save_file())
            for old in autosave_paths(saves_dir, self.record.game_id)[:-AUTOSAVES_KEPT]:
                if old == kept:
                    continue  # the copy just written always stays (a game taken up from an older year)
                try:
                    old.unlink()
                except OSError:
                    pass  # an old copy that cannot go stays; nothing is lost
        return path

    def kept_autosave(self, saves_dir: Path) -> Path | None:
        """This game's own autosave for this year (saves/autosaves/GAME-YEAR.json), None for a game without an id."""
        if not self.record.game_id:
            return None
        return saves_dir / AUTOSAVES_FOLDER / f"{self.record.game_id}-{self.state.year}{SAVE_SUFFIX}"


def keep_previous_autosave(saves_dir: Path, new_game_id: str, scenario_names: Mapping[str, str] | None = None) -> str:
    """Before a new game writes the autosave: make sure the game it would replace is kept in saves/autosaves (an
    autosave from before games had their own copies is copied there), and say where it is ("" when there is no
    other unfinished game)."""
    path = resolve_save_path(AUTOSAVE_NAME, saves_dir)
    if not path.is_file():
        return ""
    preview = read_preview(path)
    if preview.problem or preview.over:
        return ""  # one that cannot be read is left where it is (nothing is deleted); a finished race needs no keeping
    game_id, year = preview.game_id or "earlier", preview.year
    if game_id == new_game_id:
        return ""
    kept = saves_dir / AUTOSAVES_FOLDER / f"{game_id}-{year}{SAVE_SUFFIX}"
    if not kept.exists():
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, kept)
        except OSError as error:
            return f"Note: your last game's autosave could not be kept in {kept.parent} ({error.strerror})."
    side = " and ".join(side.upper() for side in preview.players) or "AI only"
    scenario = (scenario_names or {}).get(preview.scenario, preview.scenario)
    return (f"Your unfinished game ({side} in {scenario}, {year}) is kept: resume it with "
            f"space-race play --load {kept}")

