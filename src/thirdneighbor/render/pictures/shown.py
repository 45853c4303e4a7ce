"""What a picture shows beyond the default, in words for its subtitle or title:
"tier: Strategic partnership", "country: Japan, India", "with Mongolia's
neighbors". The words are here alone, for a translation to replace.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...core.language import N_, _
from ...core.written_dates import written_date
from ...data.model import Dataset, Partner

WORDS = {
    "tier": N_("tier: {tiers}"),
    "country": N_("country: {names}"),
    "neighbors": N_("with Mongolia's neighbors"),
    "other": N_("with other relations"),
    "since": N_("tier reached from {date}"),
    "until": N_("tier reached up to {date}"),
}


def filters_shown(dataset: Dataset, *, tiers: Sequence[str] = (), countries: Sequence[Partner] = (),
                  neighbors: bool = False, other: bool = False, since: object = None,
                  until: object = None) -> list[str]:
    """Each filter in force as a short phrase, in the order of the options."""
    names = {tier.id: tier.name for tier in dataset.tiers}
    found = []
    if tiers:
        found.append(_(WORDS["tier"]).format(tiers=", ".join(names.get(tier, tier) for tier in tiers)))
    if countries:
        found.append(_(WORDS["country"]).format(names=", ".join(partner.name for partner in countries)))
    if neighbors:
        found.append(_(WORDS["neighbors"]))
    if other:
        found.append(_(WORDS["other"]))
    if since is not None:
        found.append(_(WORDS["since"]).format(date=written_date(since)))
    if until is not None:
        found.append(_(WORDS["until"]).format(date=written_date(until)))
    return found
