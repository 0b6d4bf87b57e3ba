"""Tests for the seeded random streams (game.engine.rng): determinism, ranges, fairness and pinned draws."""

from __future__ import annotations

from collections import Counter

import pytest

from game.engine import turn
from game.engine.defs import Content
from game.engine.rng import Rng, derive_seed

from .conftest import end_year, start


def draws(rng: Rng, count: int = 50) -> list[int]:
    return [rng.below(1_000_000) for _ in range(count)]


def test_same_seed_and_labels_give_the_same_draws() -> None:
    assert draws(Rng.stream(42, "missions", 1961, "usa")) == draws(Rng.stream(42, "missions", 1961, "usa"))


@pytest.mark.parametrize(
    ("seed", "labels"),
    [(43, ("missions", 1961, "usa")), (42, ("missions", 1961, "ussr")), (42, ("missions", 1962, "usa")),
     (42, ("events", 1961, "usa")), (42, (1961, "missions", "usa")), (42, ("missions", 1961))],
)
def test_different_seed_or_labels_give_different_streams(seed: int, labels: tuple[object, ...]) -> None:
    assert derive_seed(42, "missions", 1961, "usa") != derive_seed(seed, *labels)
    assert draws(Rng.stream(42, "missions", 1961, "usa")) != draws(Rng.stream(seed, *labels))


def test_a_draw_on_one_stream_does_not_shift_another() -> None:
    untouched = draws(Rng.stream(5, "flight", 1960, "usa", 1))
    busy = Rng.stream(5, "flight", 1960, "usa", 2)
    draws(busy, 500)
    assert draws(Rng.stream(5, "flight", 1960, "usa", 1)) == untouched


def test_splitmix64_matches_the_published_reference_vectors() -> None:
    rng = Rng(0)
    assert [rng.getrandbits(64) for _ in range(3)] == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]


def test_golden_sequence_for_a_named_stream_is_pinned() -> None:
    # If this fails, every recorded game and replay changes: never "fix" it by updating the numbers lightly.
    assert derive_seed(7, "missions", 1961, "usa") == 9182827043269338905
    rng = Rng.stream(7, "missions", 1961, "usa")
    assert [rng.below(1000) for _ in range(10)] == [957, 676, 166, 385, 941, 602, 944, 358, 392, 557]
    rng = Rng(12345)
    assert [rng.below(100) for _ in range(8)] == [17, 26, 15, 22, 64, 43, 15, 55]
    assert rng.chance(500) is True
    assert rng.between(1, 28) == 28


def test_getrandbits_widths() -> None:
    assert Rng(3).getrandbits(0) == 0
    assert Rng(3).getrandbits(-4) == 0
    assert Rng(0).getrandbits(128) == 0xE220A8397B1DCDAF6E789E6AA1B965F4
    assert Rng(0).getrandbits(8) == 0xE2  # the top bits of the first 64-bit word
    rng = Rng(9)
    assert all(0 <= rng.getrandbits(130) < 1 << 130 for _ in range(100))


@pytest.mark.parametrize("n", [2, 3, 7, 10, 1000, (1 << 40) + 3])
def test_below_stays_in_range(n: int) -> None:
    rng = Rng.stream(1, "range", n)
    assert all(0 <= rng.below(n) < n for _ in range(2000))


@pytest.mark.parametrize("n", [-5, 0, 1])
def test_below_of_one_or_less_is_zero(n: int) -> None:
    rng = Rng(1)
    assert [rng.below(n) for _ in range(10)] == [0] * 10


def test_below_is_roughly_uniform() -> None:
    rng = Rng.stream(2024, "uniform")
    counts = Counter(rng.below(6) for _ in range(6000))
    assert sorted(counts) == [0, 1, 2, 3, 4, 5]
    assert all(850 <= count <= 1150 for count in counts.values()), counts


def test_between_includes_both_ends_and_handles_empty_ranges() -> None:
    rng = Rng.stream(8, "between")
    seen = {rng.between(1, 4) for _ in range(400)}
    assert seen == {1, 2, 3, 4}
    assert rng.between(5, 5) == 5
    assert rng.between(9, 3) == 9


def test_chance_extremes_are_certain() -> None:
    rng = Rng.stream(3, "chance")
    assert not any(rng.chance(0) for _ in range(2000))
    assert not any(rng.chance(-10) for _ in range(100))
    assert all(rng.chance(1000) for _ in range(2000))
    assert all(rng.chance(1500) for _ in range(100))


def test_chance_of_certainty_draws_nothing() -> None:
    rng = Rng(77)
    rng.chance(0)
    rng.chance(1000)
    assert draws(rng, 5) == draws(Rng(77), 5)


def test_chance_is_roughly_its_permille() -> None:
    rng = Rng.stream(4, "chance")
    hits = sum(rng.chance(250) for _ in range(4000))
    assert 850 <= hits <= 1150


def test_weighted_never_picks_a_zero_or_negative_weight() -> None:
    rng = Rng.stream(5, "weighted")
    items = [("never", 0), ("a", 1), ("minus", -3), ("b", 3), ("also_never", 0)]
    picks = Counter(rng.weighted(items) for _ in range(4000))
    assert set(picks) == {"a", "b"}
    assert 800 <= picks["a"] <= 1200  # a quarter of the weight


def test_weighted_with_no_positive_weight_returns_the_first_item() -> None:
    assert Rng(1).weighted([("first", 0), ("second", -1)]) == "first"


def test_weighted_single_positive_weight_always_wins() -> None:
    rng = Rng(6)
    assert {rng.weighted([("abort", 0), ("partial", 0), ("catastrophe", 1)]) for _ in range(200)} == {"catastrophe"}


def test_pick_and_shuffle_are_deterministic_and_complete() -> None:
    items = list(range(20))
    first, second = list(items), list(items)
    Rng(10).shuffle(first)
    Rng(10).shuffle(second)
    assert first == second
    assert sorted(first) == items and first != items
    rng = Rng(11)
    assert {rng.pick("abc") for _ in range(200)} == {"a", "b", "c"}


def test_same_seed_and_orders_give_the_same_game(content: Content) -> None:
    def play(seed: int) -> list[str]:
        state = start(content, seed)
        sums = [state.checksum()]
        while not state.over:
            end_year(state, content)
            sums.append(state.checksum())
        return sums

    assert play(3) == play(3)
    assert play(3)[0] != play(4)[0]  # the seed is part of the state


def test_base_content_campaigns_are_reproducible(base_content: Content) -> None:
    from game.app.session import Session

    first, _ = Session.new(base_content, "full_campaign", 11, players=())
    again, _ = Session.new(base_content, "full_campaign", 11, players=())
    assert first.state.checksum() == again.state.checksum()
    assert first.record.checksums == again.record.checksums
    assert first.state.to_dict() == again.state.to_dict()
    other, _ = Session.new(base_content, "full_campaign", 12, players=())
    assert other.record.checksums != first.record.checksums


def test_new_game_is_identical_for_the_same_seed(base_content: Content) -> None:
    one, outcomes_one = turn.new_game(base_content, "full_campaign", 99)
    two, outcomes_two = turn.new_game(base_content, "full_campaign", 99)
    assert one.to_dict() == two.to_dict()
    assert outcomes_one == outcomes_two
