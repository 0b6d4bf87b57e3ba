"""Lines of the narration that play-testers found reading wrong: a first matched, said from either side, and a crew
of one coming home safe."""

from __future__ import annotations

from game.app.narrate import narrate
from game.content.loader import load_content
from game.engine import turn
from game.engine.outcomes import MilestoneClaimed, MissionFlew, StepResult
from game.engine.state import CrewMember


def _told(outcomes: list, state, content, viewer: str | None) -> str:  # noqa: ANN001
    return "\n".join(line.text for line in narrate(outcomes, content, state, viewer))


def test_a_first_matched_reads_right_from_both_sides_and_for_a_watcher() -> None:
    content = load_content()
    state, _ = turn.new_game(content, "full_campaign", 1)
    matched = MilestoneClaimed(side="ussr", milestone="satellite_orbit", year=1958, month=3, first=False, prestige=10,
                               mission="small_satellite")
    by_them = _told([matched], state, content, "usa")
    assert by_them == "☆ The Soviet Union matches the American first: First artificial satellite (+10 prestige)"
    assert _told([matched], state, content, "ussr") == (
        "☆ You match the American first: First artificial satellite (+10 prestige)")
    assert _told([matched], state, content, None) == by_them
    assert "matches the rival" not in by_them


def _aborted(state, crew: tuple[str, ...]) -> MissionFlew:  # noqa: ANN001
    step = StepResult(step="launch", name="Launch", chance=900, passed=False, mode="abort")
    return MissionFlew(side="usa", number=4, mission="crewed_suborbital", year=1961, month=5, day=5, rocket="redstone",
                       craft="mercury", lander="", crew=crew, result="failure", steps=(step,), prestige=0)


def test_one_person_comes_home_safe_and_a_crew_come_home_safe() -> None:
    content = load_content()
    state, _ = turn.new_game(content, "full_campaign", 1)
    usa = state.sides["usa"]
    usa.crew.extend([CrewMember(id=f"c{n}", name=name, woman=False, piloting=50, eva=50, docking=50, endurance=50,
                                joined=1959) for n, name in ((1, "Alan Shepard"), (2, "Gus Grissom"))])
    alone = _told([_aborted(state, ("c1",))], state, content, "usa")
    assert "The flight is called off; Alan Shepard comes home safe." in alone
    assert "the crew, Alan Shepard, come" not in alone
    both = _told([_aborted(state, ("c1", "c2"))], state, content, "usa")
    assert "The flight is called off; the crew, Alan Shepard and Gus Grissom, come home safe." in both
