"""What each side hears of a flight: a failed uncrewed Soviet launch is never announced to the American side (as it
was not), a crewed loss always is; a catastrophe is told in its own words, never as a rescue."""

from __future__ import annotations

from game.app.narrate import kept_secret, narrate, visible_flights
from game.content.loader import load_content
from game.engine import turn
from game.engine.outcomes import MissionFlew, StepResult


def flew(side: str, result: str, crew: tuple[str, ...] = (), mission: str = "lunar_impact",
         steps: tuple[StepResult, ...] = ()) -> MissionFlew:
    return MissionFlew(side=side, number=1, mission=mission, year=1959, month=5, day=3, rocket="r7_luna",
                       craft="luna_e1", lander="", crew=crew, result=result, steps=steps, prestige=0)


def test_a_soviet_failure_is_secret_to_the_americans_but_not_to_the_soviets_or_a_spectator() -> None:
    failed = flew("ussr", "failure")
    assert kept_secret(failed, "usa") and not kept_secret(failed, "ussr") and not kept_secret(failed, None)
    assert not kept_secret(flew("usa", "failure"), "ussr")  # NASA's failures were news
    assert not kept_secret(flew("ussr", "catastrophe", crew=("ussr_01",)), "usa")  # a crew lost is told
    assert not kept_secret(flew("ussr", "success"), "usa")
    assert visible_flights([failed, flew("ussr", "success")], "usa") == [flew("ussr", "success")]
    content = load_content()
    state, _ = turn.new_game(content, "full_campaign", 1)
    assert narrate([failed], content, state, "usa") == []
    assert narrate([failed], content, state, "ussr")


def test_a_catastrophe_at_launch_is_not_told_as_a_rescue() -> None:
    content = load_content()
    state, _ = turn.new_game(content, "full_campaign", 1)
    lost = MissionFlew(side="usa", number=1, mission="crewed_orbit", year=1962, month=4, day=3, rocket="atlas",
                       craft="mercury", lander="", crew=(), result="catastrophe", prestige=-10,
                       steps=(StepResult(step="launch", name="Launch", chance=800, passed=False, mode="catastrophe"),))
    told = " ".join(line.text for line in narrate([lost], content, state, "usa"))
    assert "too fast and too low for the escape system" in told and "rides down under a parachute" not in told
    aborted = MissionFlew(side="usa", number=1, mission="crewed_orbit", year=1962, month=4, day=3, rocket="atlas",
                          craft="mercury", lander="", crew=(), result="failure", prestige=-2,
                          steps=(StepResult(step="launch", name="Launch", chance=800, passed=False, mode="abort"),))
    assert "rides down under a parachute" in " ".join(line.text for line in narrate([aborted], content, state, "usa"))


def test_a_soviet_failure_that_won_a_first_on_the_way_is_announced() -> None:
    content = load_content()
    mission = content.missions["animal_one_way"]
    claiming = next(step for step in mission.steps if step.claims)
    passed = tuple(StepResult(step=step.id, name=step.name, chance=900, passed=True, mode="")
                   for step in mission.steps[: mission.steps.index(claiming) + 1])
    later = mission.steps[mission.steps.index(claiming) + 1:]
    steps = passed + tuple(StepResult(step=step.id, name=step.name, chance=900, passed=False, mode="abort")
                           for step in later[:1])
    laika = flew("ussr", "failure", mission="animal_one_way", steps=steps)
    assert kept_secret(laika, "usa")  # without the content, nothing says it won anything
    assert not kept_secret(laika, "usa", content)  # it claimed a first: the world heard of it
    assert kept_secret(flew("ussr", "failure", steps=passed[:1]), "usa", content)  # only the launch passed
