"""Which small picture heads a dilemma card: chosen from the event's own data (its hook, its effects, the words
of its id, title and text), so a mod's events get a fitting picture without naming one.

Front ends draw the picture; this only names it. The choice is a pure function of the event definition (never of
the state), so the same event always shows the same picture.
"""

from __future__ import annotations

import re

from game.engine.defs import Event

# every picture a front end must be able to draw, in the order ties are broken
VIGNETTES = ("memorial", "moon", "satellite", "capsule", "crew", "ledger", "pad", "committee")
DEFAULT = "committee"  # a decision is taken round a table when nothing else fits

# words that point at a picture (whole words, or the start of one: "cosmonaut" matches "cosmonauts")
WORDS: dict[str, tuple[str, ...]] = {
    "memorial": ("dead", "dies", "died", "death", "killed", "funeral", "mourn", "memorial", "widow", "grave",
                 "fire", "ashes", "catastrophe", "buried"),
    "moon": ("moon", "lunar", "luna", "apollo", "n1", "landing"),
    "satellite": ("satellite", "sputnik", "station", "orbiter", "explorer", "beep", "red moon"),
    "capsule": ("capsule", "spacecraft", "cabin", "hatch", "oxygen", "suit", "ship", "soyuz", "vostok", "voskhod",
                "gemini", "mercury", "handshake", "docking"),
    "crew": ("crew", "astronaut", "cosmonaut", "pilot", "men", "women", "volunteer", "tour", "corps"),
    "ledger": ("budget", "money", "funds", "dollar", "rouble", "cost", "cuts", "knife", "priorities", "spend",
               "appropriation", "bill", "truck"),
    "pad": ("rocket", "pad", "launch", "booster", "engine", "vanguard", "redstone", "missile", "cosmodrome",
            "gantry"),
    "committee": ("congress", "committee", "senate", "hearing", "commission", "kremlin", "politburo", "decree",
                  "quarrel", "summit", "worried", "friends", "president", "secretary"),
}
HOOKS = {"catastrophe": "memorial", "crew_lost": "memorial", "support_below": "committee"}
EFFECTS = {"recruit": "crew", "recruit_women": "crew", "lose_veteran": "memorial", "start_program": "pad",
           "add_research": "pad", "add_funds": "ledger", "add_pads": "pad"}
TITLE_WEIGHT = 3  # a word in the title says more than one in the text
HOOK_WEIGHT = 4
EFFECT_WEIGHT = 1
COST_WEIGHT = 2  # a choice that costs a crew member is about the crew; one that costs money, about money


def _count(text: str, word: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}", text))


def vignette_for(event: Event) -> str:
    """The picture for an event: the one its hook, words and effects point at most, ties broken by VIGNETTES'
    order; DEFAULT when nothing points anywhere."""
    scores = dict.fromkeys(VIGNETTES, 0)
    title = f"{event.id.replace('_', ' ')} {event.title}".lower()
    body = " ".join([event.text, *(choice.text for choice in event.choices)]).lower()
    for vignette, words in WORDS.items():
        for word in words:
            scores[vignette] += TITLE_WEIGHT * _count(title, word) + _count(body, word)
    if event.on in HOOKS:
        scores[HOOKS[event.on]] += HOOK_WEIGHT
    for effect in (*event.effects, *(effect for choice in event.choices for effect in choice.effects)):
        call = getattr(effect, "call", None)
        if call is not None and call.name in EFFECTS:
            scores[EFFECTS[call.name]] += EFFECT_WEIGHT
    for choice in event.choices:
        if choice.cost.crew:
            scores["crew"] += COST_WEIGHT
        if choice.cost.funds >= 100:
            scores["ledger"] += COST_WEIGHT
    best = max(scores.values())
    if best <= 0:
        return DEFAULT
    return next(vignette for vignette in VIGNETTES if scores[vignette] == best)  # determinism: ties by a fixed order
