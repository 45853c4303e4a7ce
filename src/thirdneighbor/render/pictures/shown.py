"""What a picture shows beyond the default, in words for its subtitle or title:
"tier: Strategic partnership", "country: Japan, India", "with Mongolia's
neighbors". The words are here alone, for a translation to replace.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...data.model import Dataset, Partner

WORDS = {
    "tier": "tier: {tiers}",
    "country": "country: {names}",
    "neighbors": "with Mongolia's neighbors",
    "other": "with other relations",
    "since": "tier reached from {date}",
    "until": "tier reached up to {date}",
}


def filters_shown(dataset: Dataset, *, tiers: Sequence[str] = (), countries: Sequence[Partner] = (),
                  neighbors: bool = False, other: bool = False, since: object = None,
                  until: object = None) -> list[str]:
    """Each filter in force as a short phrase, in the order of the options."""
    names = {tier.id: tier.name for tier in dataset.tiers}
    found = []
    if tiers:
        found.append(WORDS["tier"].format(tiers=", ".join(names.get(tier, tier) for tier in tiers)))
    if countries:
        found.append(WORDS["country"].format(names=", ".join(partner.name for partner in countries)))
    if neighbors:
        found.append(WORDS["neighbors"])
    if other:
        found.append(WORDS["other"])
    if since is not None:
        found.append(WORDS["since"].format(date=since))
    if until is not None:
        found.append(WORDS["until"].format(date=until))
    return found
