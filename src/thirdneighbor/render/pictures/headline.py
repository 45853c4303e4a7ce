"""A chart's title as a finding, computed from what it draws: "Nine strategic
partners, seven of them since 2019".

The finding is about the closest tier any third neighbor holds at the end of
the picture: how many hold it, and since when most of them do. "Most" is three
quarters: the latest year from which at least three quarters of them reached
the tier; where that is all of them (four or fewer), the years are named.
Mongolia's two neighbors are not third neighbors and never count.

The words are in this module alone (WORDS and the functions that fill them), so
that a translation replaces them in one place.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ...core.language import N_, _
from ...data.model import Dataset, Partner
from ...data.partialdate import PartialDate

NUMBER_WORDS = (N_("no"), N_("one"), N_("two"), N_("three"), N_("four"), N_("five"), N_("six"), N_("seven"),
                N_("eight"), N_("nine"), N_("ten"), N_("eleven"), N_("twelve"), N_("thirteen"), N_("fourteen"),
                N_("fifteen"), N_("sixteen"), N_("seventeen"), N_("eighteen"), N_("nineteen"), N_("twenty"))

WORDS = {
    "none": N_("No third neighbor at a tier"),
    "one": N_("{count} {noun}, since {year}"),
    "same year": N_("{count} {nouns}, all since {year}"),
    "years": N_("{count} {nouns}: since {years}"),
    "and": N_("{rest} and {last}"),
    "most": N_("{count} {nouns}, {most} of them since {year}"),
    "partner": N_("partner"),
    "partners": N_("partners"),
    "at tier": N_("{noun} at the tier {tier}"),
}

SHARE = 0.75  # "most of them": at least three quarters


def number_word(count: int) -> str:
    """"nine" for 9; digits beyond twenty."""
    return _(NUMBER_WORDS[count]) if 0 <= count < len(NUMBER_WORDS) else str(count)


def tier_noun(tier_name: str, count: int) -> str:
    """"strategic partner(s)" from "Strategic partnership"; for a tier named
    otherwise, "partner(s) at the tier <name>"."""
    noun = _(WORDS["partner" if count == 1 else "partners"])
    head, _space, last = tier_name.rpartition(" ")
    if head and last.lower() == "partnership":
        return f"{head[0].lower()}{head[1:]} {noun}"
    return _(WORDS["at tier"]).format(noun=noun, tier=tier_name)


def headline(dataset: Dataset, partners: Sequence[Partner], end: PartialDate | None = None) -> str:
    """The finding for `partners` as they stood on `end`, the picture's last day
    (as they are, without one)."""
    if end is not None:
        from ...query.asof import partner_as_of

        partners = [then for then in (partner_as_of(partner, end) for partner in partners) if then is not None]
    rank = {tier.id: tier.rank for tier in dataset.tiers}
    names = {tier.id: tier.name for tier in dataset.tiers}
    third = [partner for partner in partners
             if not partner.neighbor and partner.tier in rank and partner.tier_since is not None]
    if not third:
        return _(WORDS["none"])
    top = min((partner.tier for partner in third), key=lambda tier: rank[tier])  # type: ignore[arg-type, index]
    years = sorted((partner.tier_since.year for partner in third if partner.tier == top),  # type: ignore[union-attr]
                   reverse=True)
    count, name = len(years), names[top]  # type: ignore[index]
    if count == 1:
        return _capital(_(WORDS["one"]).format(count=number_word(1), noun=tier_noun(name, 1), year=years[0]))
    nouns = tier_noun(name, count)
    since = years[math.ceil(SHARE * count) - 1]
    most = sum(year >= since for year in years)
    if most < count:
        return _capital(_(WORDS["most"]).format(count=number_word(count), nouns=nouns, most=number_word(most),
                                             year=since))
    distinct = sorted(set(years))  # few enough that each year can be named
    if len(distinct) == 1:
        return _capital(_(WORDS["same year"]).format(count=number_word(count), nouns=nouns, year=distinct[0]))
    listed = _(WORDS["and"]).format(rest=", ".join(map(str, distinct[:-1])), last=distinct[-1])
    return _capital(_(WORDS["years"]).format(count=number_word(count), nouns=nouns, years=listed))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
