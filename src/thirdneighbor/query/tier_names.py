"""Which tier a user means by a name: every option that takes a tier reads it here.

A tier answers to its id, its name and its Mongolian name, whole; to either
name without the word every tier's name ends with ("strategic", "иж бүрэн"
for "Иж бүрэн түншлэл"); and to a run of whole words that only one tier's names
hold ("өргөн", of "Өргөн хүрээтэй түншлэл"). Case, accents and punctuation are
ignored, as for countries. A run of words that several tiers' names hold
("бүрэн") names none of them: the caller says which it could be.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..data.model import Tier
from ..data.names import normalize


def _names(tier: Tier) -> list[str]:
    return [normalize(name) for name in (tier.name, tier.name_mn) if name]


def _shared_last_word(names: Sequence[str]) -> str | None:
    """The last word all these names end with ("partnership"), if there is one and
    every name has more words than it."""
    last = {name.split()[-1] for name in names if name}
    if len(last) != 1 or any(len(name.split()) < 2 for name in names):
        return None
    return last.pop()


def whole_names(tiers: Sequence[Tier]) -> dict[str, str]:
    """Each tier id by every name it answers to whole: its id, its names, and its
    names without the word they all share (per language)."""
    keys: dict[str, str] = {}
    for tier in tiers:
        for name in (tier.id, *_names(tier)):
            keys.setdefault(normalize(name), tier.id)
    for index in range(2):  # the English names, then the Mongolian ones
        names = {tier.id: _names(tier)[index] for tier in tiers if len(_names(tier)) > index}
        shared = _shared_last_word(list(names.values()))
        if shared is not None and len(names) == len(tiers):
            for tier_id, name in names.items():
                keys.setdefault(name.rsplit(" ", 1)[0], tier_id)
    return keys


def tiers_named(text: str, tiers: Sequence[Tier]) -> list[str]:
    """The ids of the tiers `text` may mean: one for a whole name or a part only
    one tier's names hold; several for a part that several hold; none."""
    wanted = normalize(text)
    if not wanted:
        return []
    whole = whole_names(tiers).get(wanted)
    if whole is not None:
        return [whole]
    words = wanted.split()
    found = []
    for tier in tiers:
        for name in _names(tier):
            held = name.split()
            if any(held[start:start + len(words)] == words for start in range(len(held) - len(words) + 1)):
                found.append(tier.id)
                break
    return found
