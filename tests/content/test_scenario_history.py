"""A scenario that starts in the middle of the race starts with history's firsts before it already claimed, so no
side wins in 1969 a first the world saw in 1957 (the new milestones included)."""

from __future__ import annotations

import pytest

from game.content.loader import load_content

CONTENT = load_content()


@pytest.mark.parametrize("scenario_id", sorted(CONTENT.scenarios))
def test_every_first_history_made_before_the_start_is_held_by_its_side(scenario_id: str) -> None:
    scenario = CONTENT.scenarios[scenario_id]
    if scenario_id == "tutorial":
        pytest.skip("the tutorial is a lesson, not history")
    for milestone in CONTENT.milestones.values():
        if not milestone.history.date or int(milestone.history.date[:4]) >= scenario.start_year:
            continue
        holder = milestone.history.side
        assert milestone.id in scenario.setups[holder].achieved, (
            f"{scenario_id}: {milestone.id} ({milestone.history.date}, {holder}) is not held at the start")
