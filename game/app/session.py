"""A game in progress: content, state and record together; the one door both front ends send orders through.

The session records every order (the AI's too, so a replay does not depend on the AI's code), lets the AI
sides act at the start of each year, keeps a checksum of the state as each year begins, and can write itself
out as a save. Front ends never touch the state: they call `submit` and narrate the outcomes it returns.
"""

from __future__ import annotations

from pathlib import Path

from game.engine import ai, rules, turn
from game.engine.defs import SIDES, Content
from game.engine.orders import EndYear, Order, OrderRefused
from game.engine.outcomes import Outcome, YearBegan
from game.engine.state import GameState
from game.record.save import Record, SaveFile, resolve_save_path, unknown_ids, write_save

AUTOSAVE_NAME = "autosave"


def budget_percents(players: tuple[str, ...], difficulty: str) -> dict[str, int]:
    """Each side's budget percent for a difficulty: the AI sides get the rules' percent, players 100. With no
    players (AI against AI) there is no rival to handicap, so every side keeps 100."""
    if difficulty not in rules.DIFFICULTY_BUDGET_PERCENT:
        raise ValueError(f"unknown difficulty {difficulty!r} (choose one of: {', '.join(rules.DIFFICULTIES)})")
    if not players:
        return {}
    percent = rules.DIFFICULTY_BUDGET_PERCENT[difficulty]
    return {side: percent for side in SIDES if side not in players}


class Session:
    def __init__(self, content: Content, state: GameState, record: Record) -> None:
        self.content = content
        self.state = state
        self.record = record

    # -- starting -----------------------------------------------------------------------------------

    @classmethod
    def new(
        cls, content: Content, scenario: str, seed: int, players: tuple[str, ...], policy: str = "strategic",
        run_ai: bool = True, difficulty: str = rules.DEFAULT_DIFFICULTY,
    ) -> tuple["Session", list[Outcome]]:
        """A new game; the AI sides take their first turn at once unless run_ai is False (a spectator steps
        through an AI-only game a year at a time with `play_ai(whole_game=False)`). The difficulty scales the
        AI rival's budget (rules.DIFFICULTY_BUDGET_PERCENT); it has no effect when nobody plays."""
        state, outcomes = turn.new_game(content, scenario, seed, budget_percent=budget_percents(players, difficulty))
        record = Record(scenario=scenario, seed=seed, content_digest=content.digest, players=players, policy=policy,
                        mods=content.mods, difficulty=difficulty)
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
                ai.act(self.state, self.content, side, submit, self.record.policy)
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
        return path

    def autosave(self, saves_dir: Path) -> Path:
        return self.save(AUTOSAVE_NAME, saves_dir)
