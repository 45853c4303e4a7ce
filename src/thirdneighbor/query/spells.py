"""Each partner's ties as spells, and its tier year by year: the two tables that
survival and panel analyses start from (`export --format datapackage`, `csv` and
`sqlite`).

A spell is one tie: an earlier one from the partner's history, or its current
designation, which is always the last. It runs from its start to the start of
the next tie, and the next tie says how it ended:

- "upgrade": the next tie is at a closer tier (a lower rank number). A tie at
  none of the dataset's tiers (South Korea's of 1999) counts as further than
  every tier, so a first tier after it is an upgrade too.
- "downgrade": the next tie is at a further tier.
- "rename": the next tie is at the same tier, under a new designation (Japan's
  strategic partnership of 2010, renamed in 2022), or both are at none.
- "ongoing": the current designation, which has not ended.

A partner-year is a partner and a calendar year: the tier held at the year's end
by the rule of `--as-of` (thirdneighbor.query.asof), which is what `series` gives
for that year, and whether the tier and the ties changed during the year. Both
are computed from the spells, and a test holds them to `series`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..data.model import Dataset, Partner
from ..data.partialdate import PartialDate

END_TYPES = ("upgrade", "downgrade", "rename", "ongoing")


class Spell(NamedTuple):
    """One tie of a partner, from its start to the start of the next."""

    partner_id: str
    number: int  # 1 for the partner's first tie, in date order
    tier: str | None  # None for a tie at none of the dataset's tiers
    designation: str
    start: PartialDate
    start_approx: bool  # the start is only the date by which a source shows the tie in force
    end: PartialDate | None  # the next tie's start; None while ongoing
    end_approx: bool
    end_type: str  # one of END_TYPES
    occasion: str | None
    instrument: str | None  # the current tie's; the history records none for earlier ties
    note: str | None  # an earlier tie's caveat; the current tie's are the partner's notes
    people: tuple[str, ...]  # ids (or, in a dataset without people, names) of those its occasion names
    # An earlier tie is one claim (schema 4): its sources, the first one's words and their grade. The
    # current tie's values have claims of their own (the partner's evidence): these are empty for it.
    sources: tuple[str, ...] = ()
    quote: str | None = None
    quote_language: str | None = None
    confidence: str | None = None


class PartnerYear(NamedTuple):
    """A partner in one calendar year."""

    partner_id: str
    year: int
    tier: str | None  # at the year's end, as `series` gives it
    spell: int | None  # the number of the tie in force at the year's end, if any
    designation: str | None  # that tie's
    tier_changed: bool  # the tier at the year's end differs from that at the end of the year before
    ties_begun: int  # the ties that began during the year, renames included


def partner_spells(partner: Partner, ranks: dict[str, int]) -> list[Spell]:
    """A partner's ties as spells, oldest first; none for an other relation.
    `ranks` maps each tier id to its rank (1 the closest)."""
    if partner.since is None:
        return []
    ties = [(entry.tier, entry.designation, entry.start, entry.since is None, entry.occasion, None, entry.note,
             entry.people, (entry.sources, entry.quote, entry.quote_language, entry.confidence))
            for entry in partner.history]
    ties.append((partner.tier, partner.designation or "", partner.since, partner.since_approx, partner.occasion,
                 partner.instrument, None, partner.leaders, ((), None, None, None)))
    spells = []
    for index, (tier, designation, start, approx, occasion, instrument, note, people, claim) in enumerate(ties):
        following = ties[index + 1] if index + 1 < len(ties) else None
        end, end_approx = (following[2], following[3]) if following else (None, False)
        spells.append(Spell(partner.id, index + 1, tier, designation, start, approx, end, end_approx,
                            _end_type(tier, following[0], ranks) if following else "ongoing",
                            occasion, instrument, note, tuple(people), *claim))
    return spells


def _end_type(tier: str | None, next_tier: str | None, ranks: dict[str, int]) -> str:
    further = len(ranks) + 1  # no tier: further than every tier
    before = ranks[tier] if tier is not None else further
    after = ranks[next_tier] if next_tier is not None else further
    if after == before:
        return "rename"
    return "upgrade" if after < before else "downgrade"


def tier_spells(dataset: Dataset, partners: Sequence[Partner]) -> list[Spell]:
    """The spells of these partners, partner by partner in the order given."""
    ranks = {tier.id: tier.rank for tier in dataset.tiers}
    return [spell for partner in partners for spell in partner_spells(partner, ranks)]


def partner_years(dataset: Dataset, partners: Sequence[Partner], first: int | None = None,
                  last: int | None = None) -> list[PartnerYear]:
    """One row per partner and year, partner by partner, over the years `series`
    covers (by default from the first year any of these partners held a tier to
    the year of the data's as-of date): a balanced panel, a partner without a
    tier yet (or ever) included with none."""
    from .changes import series_years

    years = series_years(dataset, partners, first, last)
    ranks = {tier.id: tier.rank for tier in dataset.tiers}
    rows = []
    for partner in partners:
        spells = partner_spells(partner, ranks)
        previous = _tier_at_end(spells, years.start - 1)
        for year in years:
            in_force = [spell for spell in spells if _in_force_at_end(spell.start, year)]
            tier = _tier_at_end(spells, year)
            current = in_force[-1] if in_force else None
            rows.append(PartnerYear(
                partner.id, year, tier, current.number if current else None,
                current.designation if current else None, tier != previous,
                sum(spell.start.year == year for spell in spells),
            ))
            previous = tier
    return rows


def _in_force_at_end(start: PartialDate, year: int) -> bool:
    # The --as-of rule at a year's end: a start counts from the last day it
    # covers, and every start in the year (or before) is over by 31 December.
    return start.year <= year


def _tier_at_end(spells: Sequence[Spell], year: int) -> str | None:
    # As the --as-of rule has it: the last tie at one of the tiers that is in
    # force; a tie at none of them neither starts nor ends a tier.
    tiered = [spell.tier for spell in spells if spell.tier is not None and _in_force_at_end(spell.start, year)]
    return tiered[-1] if tiered else None
