"""Checks over every shipped content file: it loads cleanly and meets the product's minimums and conventions."""

from __future__ import annotations

import re

import pytest

from game.content.loader import check_content, content_files
from game.content.paths import content_root
from game.engine.defs import SIDES, Content

PLACEHOLDERS = {"side_name", "rival_name", "year", "leader", "agency"}
DESCRIPTIVE_ID = re.compile(r"^[a-z]+(_[a-z]+)*$")


@pytest.fixture(scope="module")
def content() -> Content:
    loaded, problems = check_content()
    assert problems == [], "\n".join(str(problem) for problem in problems)
    assert loaded is not None
    return loaded


def test_every_shipped_file_loads_without_errors_or_warnings() -> None:
    files = content_files(content_root())
    assert len(files) >= 5
    loaded, problems = check_content()
    assert [str(problem) for problem in problems] == []
    assert loaded is not None


def test_content_meets_the_product_minimums(content: Content) -> None:
    assert len(content.missions) >= 20
    assert len(content.milestones) >= 20
    assert len(content.events) >= 12


@pytest.mark.parametrize("side", SIDES)
@pytest.mark.parametrize("kind", ["news", "dilemma"])
def test_each_side_gets_news_and_dilemmas(content: Content, side: str, kind: str) -> None:
    assert any(event.kind == kind and side in event.sides for event in content.events.values())


def test_full_campaign_spans_1955_to_1975(content: Content) -> None:
    campaign = content.scenarios["full_campaign"]
    assert (campaign.start_year, campaign.end_year) == (1955, 1975)
    assert sorted(campaign.setups) == sorted(SIDES)


def test_milestone_ids_are_descriptive_snake_case(content: Content) -> None:
    for milestone_id in content.milestones:
        assert DESCRIPTIVE_ID.match(milestone_id), milestone_id
        assert max(len(word) for word in milestone_id.split("_")) >= 4, milestone_id
    assert {"satellite_orbit", "crewed_orbit", "crewed_lunar_landing"} <= set(content.milestones)


def test_every_dilemma_has_exactly_one_default(content: Content) -> None:
    dilemmas = [event for event in content.events.values() if event.kind == "dilemma"]
    assert dilemmas
    for event in dilemmas:
        assert len(event.choices) >= 2, event.id
        assert sum(choice.default for choice in event.choices) == 1, event.id
    for event in content.events.values():
        if event.kind == "news":
            assert event.choices == (), event.id


def test_every_claim_names_a_real_milestone(content: Content) -> None:
    for mission in content.missions.values():
        assert mission.steps, mission.id
        for step in mission.steps:
            for milestone_id in step.claims:
                assert milestone_id in content.milestones, (mission.id, step.id, milestone_id)


def test_every_milestone_is_claimable_by_some_mission_step(content: Content) -> None:
    claimable = {milestone_id for mission in content.missions.values() for step in mission.steps for milestone_id in step.claims}
    assert sorted(set(content.milestones) - claimable) == []


def test_every_scenario_budget_covers_its_years(content: Content) -> None:
    for scenario in content.scenarios.values():
        years = scenario.end_year - scenario.start_year + 1
        assert years >= 1, scenario.id
        for side in SIDES:
            assert len(scenario.setups[side].budget) == years, (scenario.id, side)


def test_loading_twice_gives_the_same_digest(content: Content) -> None:
    again, problems = check_content()
    assert problems == [] and again is not None
    assert re.fullmatch(r"[0-9a-f]{16}", content.digest)
    assert again.digest == content.digest


def test_event_texts_use_only_known_placeholders(content: Content) -> None:
    """Every {name} in an event's texts (variants too) is one the game fills: the sides, the year, the leader and
    agency, a character's id, the speaker for an event that has one, and what its hook passes."""
    from game.engine.defs import HOOK_SUBJECTS

    for event in content.events.values():
        allowed = {*PLACEHOLDERS, *content.characters, *(("speaker",) if event.speaker else ()),
                   *HOOK_SUBJECTS.get(event.on, ())}
        variants = [variant.text for found in (event.variants, *(choice.variants for choice in event.choices))
                    for field in found.values() for variant in field]
        texts = [event.title, event.text, *(choice.text for choice in event.choices),
                 *(choice.result for choice in event.choices), *variants]
        for text in texts:
            names = set(re.findall(r"\{([^{}]*)\}", text))
            assert names <= allowed, (event.id, sorted(names - allowed))
            assert "{" not in re.sub(r"\{[^{}]*\}", "", text) and "}" not in re.sub(r"\{[^{}]*\}", "", text), (event.id, text)
