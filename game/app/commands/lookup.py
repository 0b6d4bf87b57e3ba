"""Finding what a player means: ids, names, surnames and unique prefixes, with "did you mean …" when unsure."""

from __future__ import annotations

from difflib import get_close_matches
from typing import Mapping


class NotFound(Exception):
    """str(error) is a one-line message with a suggestion when there is one."""


def normalise(text: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in text.strip().lower()).strip("_")


def resolve(word: str, names: Mapping[str, tuple[str, ...]], what: str, display: Mapping[str, str] | None = None) -> str:
    """The id `word` names. `names` maps each id to the other names it may be called by; `display` gives the
    words to show for an id in messages (the id itself by default)."""
    shown = display or {}
    key = normalise(word)
    if not key:
        raise NotFound(f"name a {what}")
    keys: dict[str, set[str]] = {}
    for item_id, aliases in names.items():
        for alias in (item_id, *aliases):
            keys.setdefault(normalise(alias), set()).add(item_id)
    exact = keys.get(key)
    if exact and len(exact) == 1:
        return next(iter(exact))
    prefixed = sorted({item_id for alias, ids in keys.items() if alias.startswith(key) for item_id in ids})
    if len(prefixed) == 1:
        return prefixed[0]
    contained = sorted({item_id for alias, ids in keys.items() if key in alias for item_id in ids})
    if len(contained) == 1:
        return contained[0]
    candidates = prefixed or contained or (sorted(exact) if exact else [])
    if len(candidates) > 1:
        if display:  # names with their ids, one a line
            listed = "\n".join(f"  {shown.get(item, item)}" for item in candidates[:10])
            more = f"\n  … and {len(candidates) - 10} more" if len(candidates) > 10 else ""
            raise NotFound(f"{word!r} could be several {what}s:\n{listed}{more}\n"
                           "Type the id of the one you mean (in brackets), or more of its name.")
        listed = ", ".join(item for item in candidates[:6]) + (" …" if len(candidates) > 6 else "")
        raise NotFound(f"{word!r} could be several {what}s: {listed}. Type the id of the one you mean, or more of "
                       "its name")
    close = get_close_matches(key, sorted(keys), n=3, cutoff=0.6)
    ids = sorted({item_id for alias in close for item_id in keys[alias]})
    hint = f" Did you mean {' or '.join(repr(shown.get(item, item)) for item in ids[:3])}?" if ids else ""
    raise NotFound(f"there is no {what} called {word!r}.{hint}")
