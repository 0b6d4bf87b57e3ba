"""What an event's effects or a choice would do to money, support, prestige and the people you deal with, in
plain words before it happens — one wording for the terminal and the window.

The effects are read, never run: each effect statement says which function it calls and, when the argument is a
plain number, what that number is (`EffectCall.constants`); an argument worked out from the state ("add_funds(-budget
/ 10)") is read in the choice's own context when there is one. Named effect lists (`apply('good_press')`) are read
through. Flags, follow-ups, promises and hidden variables are left unsaid: the player cannot see those coming.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from game.engine.defs import Content

MINUS = "\u2212"  # a true minus sign: "−$200M" reads better than "-$200M"
MAX_DEPTH = 3  # apply() inside apply(): effect lists are shallow; a loop in a mod must not hang the screen
UNKNOWN = None  # an argument that cannot be read without running the game


@dataclass(slots=True)
class Changes:
    """The sums an effect list adds up to (money in $M), in the order they first appear."""

    funds: int = 0
    support: int = 0
    prestige: int = 0
    rival_support: int = 0
    rival_prestige: int = 0
    others: dict[str, int] = field(default_factory=dict)  # "Webb's opinion" → +10, "Public trust" → −5
    unsure: list[str] = field(default_factory=list)  # what changes by an amount that depends on the state


_SUMS = {"add_funds": "funds", "add_support": "support", "add_prestige": "prestige",
         "add_rival_support": "rival_support", "add_rival_prestige": "rival_prestige"}
_UNSURE_WORDS = {"funds": "money", "support": "support", "prestige": "prestige", "rival_support": "the rival's support",
                 "rival_prestige": "the rival's prestige"}


def changes(content: Content, effects: Iterable[Any], context: Any = None) -> Changes:
    """Add up what the effects would change. context (an EvalContext) reads arguments that depend on the state."""
    found = Changes()
    _read(content, tuple(effects), context, found, 0)
    return found


def _arguments(call: Any, context: Any) -> tuple[Any, ...] | None:
    constants = tuple(getattr(call, "constants", ()) or ())
    if constants and len(constants) == len(call.args) and all(value is not UNKNOWN for value in constants):
        return constants
    if context is None:
        return None
    try:
        return tuple(call.values(context))
    except Exception:  # an argument a reader cannot work out without the rest of the turn: say it varies
        return None


def _read(content: Content, effects: tuple[Any, ...], context: Any, found: Changes, depth: int) -> None:
    for effect in effects:
        call = getattr(effect, "call", None)
        if call is None:
            continue
        name = call.name
        if name == "apply" and depth < MAX_DEPTH:
            args = _arguments(call, context)
            if args and args[0] in content.effect_lists:
                _read(content, content.effect_lists[args[0]].effects, context, found, depth + 1)
            continue
        if name not in _SUMS and name not in ("add_opinion", "add_var"):
            continue
        args = _arguments(call, context)
        if name in _SUMS:
            if args is None or not isinstance(args[0], int):
                word = _UNSURE_WORDS[_SUMS[name]]
                if word not in found.unsure:
                    found.unsure.append(word)
                continue
            setattr(found, _SUMS[name], getattr(found, _SUMS[name]) + args[0])
            continue
        if args is None or len(args) < 2 or not isinstance(args[1], int):
            continue
        label = _other_label(content, name, str(args[0]))
        if label:
            found.others[label] = found.others.get(label, 0) + args[1]


def _other_label(content: Content, name: str, target: str) -> str:
    """An opinion ("Webb's opinion") or a variable the player can see ("Public trust"); "" for hidden ones."""
    if name == "add_opinion":
        character = content.characters.get(target)
        return f"{character.short}'s opinion" if character is not None else ""
    variable = content.variables.get(target)
    if variable is None or not variable.visible:
        return ""
    return "the" + variable.name[3:] if variable.name.startswith("The ") else variable.name  # mid-line


def signed(amount: int) -> str:
    return f"+{amount}" if amount > 0 else f"{MINUS}{-amount}"


def signed_money(amount: int) -> str:
    return f"+${amount}M" if amount > 0 else f"{MINUS}${-amount}M"


def signed_words(found: Changes, others: bool = True) -> tuple[str, ...]:
    """("+$500M", "support +10", "prestige −2", "the rival's prestige −3", "Webb's opinion +10", "money varies")."""
    words: list[str] = []
    if found.funds:
        words.append(signed_money(found.funds))
    for amount, label in ((found.support, "support"), (found.prestige, "prestige"),
                          (found.rival_support, "the rival's support"), (found.rival_prestige, "the rival's prestige")):
        if amount:
            words.append(f"{label} {signed(amount)}")
    if others:
        words.extend(f"{label} {signed(amount)}" for label, amount in found.others.items() if amount)
    words.extend(f"{word} varies" for word in found.unsure)
    return tuple(words)


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def news_sentence(found: Changes) -> str:
    """The footer under a news story: "This costs $150M and 4 support." / "This brings $40M." / both; "" when the
    story moves none of money, support or prestige."""
    losses: list[str] = []
    gains: list[str] = []
    for amount, word in ((found.funds, "money"), (found.support, "support"), (found.prestige, "prestige")):
        if not amount:
            continue
        text = f"${abs(amount)}M" if word == "money" else f"{abs(amount)} {word}"
        (gains if amount > 0 else losses).append(text)
    clauses = []
    if losses:
        clauses.append(f"costs {_joined(losses)}")
    if gains:
        clauses.append(f"brings {_joined(gains)}")
    rival = [f"the rival's {word} {signed(amount)}" for amount, word in
             ((found.rival_support, "support"), (found.rival_prestige, "prestige")) if amount]
    unsure = [f"{word} varies" for word in found.unsure]
    sentence = f"This {' and '.join(clauses)}." if clauses else ""
    extra = ", ".join(rival + unsure)
    if extra:
        sentence = f"{sentence} {extra[:1].upper()}{extra[1:]}." if sentence else f"{extra[:1].upper()}{extra[1:]}."
    return sentence


def price_line(costs: Iterable[str], effects: Iterable[str], held: int = 0) -> str:
    """A choice's price and consequences on one line, as both front ends print it:
    "Costs $300M, 2 support; then support +10, +$500M" · "Then support +3" · "Costs $50M ($50M already set aside
    for it)" · "No cost" (nothing a player can see moves)."""
    costs, effects = tuple(costs), tuple(effects)
    parts = []
    if costs:
        parts.append("Costs " + ", ".join(costs) + (f" (${held}M already set aside for it)" if held else ""))
    if effects:
        parts.append(("then " if parts else "Then ") + ", ".join(effects))
    return "; ".join(parts) if parts else "No cost"
