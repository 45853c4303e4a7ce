"""Tier spells and partner-years (thirdneighbor.query.spells), held to `series`."""

from __future__ import annotations

import dataclasses

from thirdneighbor.data.model import Dataset, HistoryEntry
from thirdneighbor.data.partialdate import PartialDate
from thirdneighbor.query.spells import END_TYPES, partner_spells, partner_years, tier_spells


def test_partner_years_give_the_tier_series_gives(dataset: Dataset) -> None:
    partners = dataset.partners(neighbors=True, other=True)
    series = dataset.series(neighbors=True)
    rows = partner_years(dataset, partners)
    years = sorted({row.year for row in rows})
    assert years == list(range(min(years), dataset.as_of.year + 1))
    assert len(rows) == len(partners) * len(years)  # a balanced panel
    for row in rows:
        expected = series.get(row.partner_id, {}).get(row.year)
        assert row.tier == expected, (row.partner_id, row.year)
        before = series.get(row.partner_id, {}).get(row.year - 1)
        if row.year > years[0]:
            assert row.tier_changed == (row.tier != before), (row.partner_id, row.year)


def test_spells_follow_one_another(dataset: Dataset) -> None:
    spells = tier_spells(dataset, dataset.all_partners)
    by_partner: dict[str, list] = {}
    for spell in spells:
        by_partner.setdefault(spell.partner_id, []).append(spell)
    for partner in dataset.all_partners:
        own = by_partner.get(partner.id, [])
        assert len(own) == (len(partner.history) + 1 if partner.since else 0)
        if not own:
            continue
        assert [spell.number for spell in own] == list(range(1, len(own) + 1))
        for earlier, later in zip(own, own[1:]):
            assert (earlier.end, earlier.end_approx) == (later.start, later.start_approx)
            assert earlier.end_type in END_TYPES[:3]
        assert (own[-1].end, own[-1].end_type, own[-1].tier) == (None, "ongoing", partner.tier)
        assert own[-1].start == partner.since


def test_end_types(dataset: Dataset) -> None:
    ranks = {tier.id: tier.rank for tier in dataset.tiers}
    japan = dataset.partner("japan")
    assert [spell.end_type for spell in partner_spells(japan, ranks)] == ["upgrade", "rename", "ongoing"]
    # A step down to a further tier, made up for the test.
    demoted = dataclasses.replace(japan, tier="comprehensive", history=(
        HistoryEntry(designation="Strategic partnership", tier="strategic", since=PartialDate(2010, 11, 19)),))
    assert [spell.end_type for spell in partner_spells(demoted, ranks)] == ["downgrade", "ongoing"]
    china = dataset.partner("china")
    assert [(spell.tier, spell.end_type) for spell in partner_spells(china, ranks)] == [
        (None, "upgrade"), ("strategic", "upgrade"), ("comprehensive-strategic", "ongoing")]


def test_an_other_relation_has_no_spells_but_its_years(dataset: Dataset) -> None:
    uk = dataset.partner("united-kingdom")
    assert tier_spells(dataset, [uk]) == []
    rows = partner_years(dataset, [uk], 2020, 2021)
    assert [(row.year, row.tier, row.spell, row.tier_changed, row.ties_begun) for row in rows] == [
        (2020, None, None, False, 0), (2021, None, None, False, 0)]
