"""Soak: 200 AI-vs-AI full campaigns in-process, with the game's invariants checked after every order and every year."""

from __future__ import annotations

from collections import Counter

import pytest

from game.app import simulate
from game.app.session import Session
from game.content.loader import load_content
from game.engine.defs import SIDES, Content
from game.engine.orders import Order
from game.engine.outcomes import CrewInjured, CrewLost, CrewRecovered, MilestoneClaimed, MissionFlew, Outcome
from game.engine.state import GameState
from game.record.save import Record

SCENARIO = "full_campaign"
BASE_SEED = 20261125
GAMES = 200
WINNERS = {"usa", "ussr", "draw"}


class InvariantBroken(AssertionError):
    """An invariant of the rules did not hold; the message says which, where and when."""


class Watch:
    """Follows one game's outcomes in order and checks the state after every order and at every year's turn."""

    def __init__(self, state: GameState) -> None:
        self.start_year, self.end_year = state.start_year, state.end_year
        self.dead: set[str] = set()
        self.injured: set[str] = set()
        self.claimed: set[tuple[str, str]] = set()  # (side, milestone) seen in MilestoneClaimed
        self.firsts: dict[str, str] = {}  # milestone → side, from MilestoneClaimed
        self.claims_seen = 0  # length of state.claims at the last year's turn
        self.years_checked = 0
        self.flights = 0
        self.check_order(state)

    def fail(self, state: GameState, message: str) -> None:
        raise InvariantBroken(f"seed {state.seed}, {state.year}: {message}")

    # -- after every order ----------------------------------------------------------------------

    def check_order(self, state: GameState) -> None:
        if not self.start_year <= state.year <= self.end_year:
            self.fail(state, f"the year left {self.start_year}..{self.end_year}")
        for side in SIDES:
            own = state.sides[side]
            if own.budget < 0 or own.funds < 0:
                self.fail(state, f"{side} budget ${own.budget}M, funds ${own.funds}M: money went negative")

    def follow(self, state: GameState, outcomes: list[Outcome]) -> None:
        """Outcomes in the order they happened: crew fates, flights and claims."""
        for outcome in outcomes:
            match outcome:
                case CrewLost():
                    self.dead.add(outcome.crew)
                    self.injured.discard(outcome.crew)
                case CrewInjured():
                    self.injured.add(outcome.crew)
                case CrewRecovered():
                    self.injured.discard(outcome.crew)
                case MissionFlew():
                    self.flights += 1
                    if not self.start_year <= outcome.year <= self.end_year:
                        self.fail(state, f"a flight in {outcome.year}")
                    for crew_id in outcome.crew:
                        if crew_id in self.dead:
                            self.fail(state, f"{crew_id} flew {outcome.mission} after being killed")
                        if crew_id in self.injured:
                            self.fail(state, f"{crew_id} flew {outcome.mission} while injured")
                        if state.sides[outcome.side].crew_by_id(crew_id) is None:
                            self.fail(state, f"{outcome.side} flew {crew_id}, who is not in its corps")
                case MilestoneClaimed():
                    key = (outcome.side, outcome.milestone)
                    if key in self.claimed:
                        self.fail(state, f"{outcome.side} claimed {outcome.milestone} twice")
                    self.claimed.add(key)
                    if outcome.first:
                        if outcome.milestone in self.firsts:
                            self.fail(state, f"{outcome.milestone} was claimed first twice")
                        self.firsts[outcome.milestone] = outcome.side
                    elif self.firsts.get(outcome.milestone, outcome.side) == outcome.side:
                        self.fail(state, f"{outcome.side} came second in {outcome.milestone} with no rival first")

    # -- at every year's turn -------------------------------------------------------------------

    def check_year(self, state: GameState) -> None:
        self.years_checked += 1
        claims = state.claims
        if len(claims) < self.claims_seen:
            self.fail(state, "claims were removed")
        if len(claims) != len(self.claimed):
            self.fail(state, f"{len(claims)} claims in the state but {len(self.claimed)} MilestoneClaimed outcomes")
        self.claims_seen = len(claims)
        pairs = Counter((claim.side, claim.milestone) for claim in claims)
        if pairs and max(pairs.values()) > 1:
            self.fail(state, f"a side holds a milestone twice: {pairs.most_common(1)}")
        by_milestone: dict[str, list] = {}
        for claim in claims:
            by_milestone.setdefault(claim.milestone, []).append(claim)
            if not self.start_year <= claim.year <= self.end_year:
                self.fail(state, f"{claim.milestone} claimed in {claim.year}")
        for milestone, held in by_milestone.items():
            if [claim.first for claim in held] not in ([True], [True, False]):
                self.fail(state, f"{milestone}: firsts in claim order {[claim.first for claim in held]}")
            if len(held) == 2 and held[0].side == held[1].side:
                self.fail(state, f"{milestone} claimed first and second by {held[0].side}")
        for side in SIDES:
            own = state.sides[side]
            mine = {claim.milestone for claim in claims if claim.side == side}
            if set(own.achieved) != mine:
                self.fail(state, f"{side} achieved {sorted(own.achieved)} but claimed {sorted(mine)}")
            years = [entry["year"] for entry in own.history]
            if years != list(range(self.start_year, self.start_year + len(years))):
                self.fail(state, f"{side} history years {years}")
            if years and not self.start_year <= years[-1] <= self.end_year:
                self.fail(state, f"{side} history runs to {years[-1]}")
            for entry in own.history:
                if entry["budget"] < 0 or not 0 <= entry["support"] <= 100:
                    self.fail(state, f"{side} history entry {entry}")

    def check_end(self, state: GameState) -> None:
        if not state.over:
            self.fail(state, "the campaign stopped without ending")
        if state.winner not in WINNERS:
            self.fail(state, f"the game ended with winner {state.winner!r}")
        usa, ussr = state.sides["usa"].prestige, state.sides["ussr"].prestige
        leader = "usa" if usa > ussr else "ussr" if ussr > usa else "draw"
        if state.reason in ("time", "end") and state.winner != leader:
            self.fail(state, f"ended by {state.reason} with {state.winner} winning on prestige {usa}–{ussr}")
        if state.reason == "time" and state.year != self.end_year:
            self.fail(state, f"ran out of time in {state.year}")
        for side in SIDES:
            if len(state.sides[side].history) != state.year - self.start_year + 1:
                self.fail(state, f"{side} has {len(state.sides[side].history)} years of history")
        if self.years_checked != state.year - self.start_year + 1:
            self.fail(state, f"only {self.years_checked} year turns were checked")


class WatchedSession(Session):
    """A Session whose every order (the AI's too) is followed by the Watch."""

    def __init__(self, content: Content, state: GameState, record: Record) -> None:
        super().__init__(content, state, record)
        self.watch = Watch(self.state)

    def _apply(self, order: Order) -> list[Outcome]:
        year = self.state.year
        outcomes = super()._apply(order)
        self.watch.follow(self.state, outcomes)
        self.watch.check_order(self.state)
        if self.state.year != year or self.state.over:
            self.watch.check_year(self.state)
        return outcomes


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.mark.parametrize("index", range(GAMES))
def test_ai_campaign_keeps_the_invariants(
    content: Content, monkeypatch: pytest.MonkeyPatch, index: int
) -> None:
    monkeypatch.setattr(simulate, "Session", WatchedSession)

    session = simulate.play_ai_game(content, SCENARIO, simulate.game_seed(BASE_SEED, index))

    assert isinstance(session, WatchedSession)
    session.watch.check_end(session.state)
    assert session.watch.flights > 0 and session.state.claims


def test_the_watch_does_not_change_the_game(content: Content, monkeypatch: pytest.MonkeyPatch) -> None:
    seed = simulate.game_seed(BASE_SEED, 0)
    plain = simulate.play_ai_game(content, SCENARIO, seed)
    monkeypatch.setattr(simulate, "Session", WatchedSession)
    watched = simulate.play_ai_game(content, SCENARIO, seed)

    assert watched.state.checksum() == plain.state.checksum()
    assert watched.record.checksums == plain.record.checksums


def test_the_watch_catches_a_dead_crew_member_flying(content: Content) -> None:
    session, _ = Session.new(content, SCENARIO, 1, players=("usa", "ussr"))
    watch = Watch(session.state)
    watch.follow(session.state, [CrewLost(side="usa", crew="usa_01", cause="training_accident")])
    flight = MissionFlew(side="usa", number=1, mission="crewed_orbit", year=1962, month=2, day=20, rocket="atlas",
                         craft="mercury", lander="", crew=("usa_01",), result="success", steps=(), prestige=5)

    with pytest.raises(InvariantBroken, match="after being killed"):
        watch.follow(session.state, [flight])
