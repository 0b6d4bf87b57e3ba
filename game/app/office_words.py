"""What the lines of the budget that are not programs do, in words both front ends show: crew training,
education and intelligence (the Budget tab's panel, and `examine training` in the terminal)."""

from __future__ import annotations

from game.engine import rules
from game.engine import view as view_rules

from .views import OfficeView

FUND_LINES = ("training", "education", "intelligence")


def fund_line_words(office: OfficeView, line: str) -> str:
    """What the money on this line does now, and what more would do."""
    if line == "training":
        if not office.active_crew:
            return "No active crew to train: recruit candidates first ('recruit 4', or the button on the Budget tab)."
        return (f"{office.active_crew} active crew (candidates too) gain +{office.skill_gain} in every skill at the "
                f"year's end (less above {rules.SKILL_TAPER_FROM}) with ${office.training}M. Training helps up to ${office.training_useful}M this year; "
                "more adds nothing.")
    if line == "intelligence":
        return intelligence_words(office.intelligence_total, office.intelligence)
    return (f"Education pays off slowly: ${office.education_total}M spent in earlier years makes research money go "
            f"{office.research_bonus / 10:.1f} % further (at most {office.research_bonus_cap / 10:.0f} %). This year's "
            f"${office.education}M counts from next year.")


def intelligence_words(total: int, this_year: int) -> str:
    """What intelligence money has bought and buys: how sharp the estimates of the rival are, and the next step."""
    level = view_rules.intelligence_level_of(total)
    now = view_rules.estimate_error(level)
    if level >= rules.INTEL_MAX_LEVEL:
        return (f"${total}M spent so far: the rival's programmes are seen as well as they can be (estimates within "
                f"±{now} %). More money adds nothing.")
    step = rules.INTEL_PER_LEVEL - total % rules.INTEL_PER_LEVEL
    return (f"${total}M spent so far: estimates of the rival's research are within ±{now} %, and its unflown "
            f"programmes are uncovered bit by bit. ${step}M more sharpens them to "
            f"±{view_rules.estimate_error(level + 1)} %; this year's ${this_year}M counts from next year. 'rival' "
            "shows what is seen.")
