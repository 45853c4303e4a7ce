"""Query functions, and the facts of the bundled dataset that matter most."""

from __future__ import annotations

import pytest

from thirdneighbor.errors import NotFoundError, UsageError
from thirdneighbor.data.model import Dataset
from thirdneighbor.data.partialdate import PartialDate
from thirdneighbor.query.groups import compare_partners, tier_groups
from thirdneighbor.query.select import events_by_partner, resolve_partner, select_events, select_partners

NINE_STRATEGIC = {"united-states", "japan", "germany", "south-korea", "kazakhstan",
                  "turkiye", "india", "italy", "france"}


def ids(records: list) -> list[str]:
    return [record.id for record in records]


# --- facts pinned from the research -------------------------------------------------

def test_nine_strategic_level_partners(dataset: Dataset) -> None:
    assert set(ids(select_partners(dataset, tiers=["strategic"]))) == NINE_STRATEGIC


def test_us_and_japan_are_strategic_level_with_their_own_designations(dataset: Dataset) -> None:
    by_id = {p.id: p for p in dataset.all_partners}
    assert by_id["united-states"].designation == "Strategic third neighbor partnership"
    assert by_id["japan"].designation == "Special Strategic Partnership for Peace and Prosperity"
    assert by_id["united-states"].tier == by_id["japan"].tier == "strategic"


def test_south_korea_date_is_corrected_and_the_article_error_is_noted(dataset: Dataset) -> None:
    korea = resolve_partner(dataset, "korea")
    assert str(korea.since) == "2021-09-10"
    assert any("September 2025" in note and "2022" in note for note in korea.notes)


def test_vietnam_date_is_the_joint_statement(dataset: Dataset) -> None:
    vietnam = resolve_partner(dataset, "viet nam")
    assert str(vietnam.since) == "2024-09-30"
    assert any("October 2024" in note for note in vietnam.notes)


@pytest.mark.parametrize("partner_id", ["italy", "poland", "czechia"])
def test_inferred_rows_say_so(dataset: Dataset, partner_id: str) -> None:
    partner = resolve_partner(dataset, partner_id)
    assert any("inferred" in note for note in partner.notes)


def test_asterisk_rows_are_france_and_czechia(dataset: Dataset) -> None:
    assert {p.id for p in dataset.all_partners if p.asterisk} == {"france", "czechia"}
    note = dataset.policy.asterisk_note or ""
    assert "does not explain it" in note and "neither is confirmed" in note


def test_partial_dates_keep_their_precision(dataset: Dataset) -> None:
    by_id = {p.id: p for p in dataset.all_partners}
    assert (str(by_id["australia"].since), str(by_id["czechia"].since), str(by_id["italy"].since)) == (
        "2007", "2025-03", "2025-12-02")
    assert str(by_id["canada"].history[0].since) == "2004-10"


def test_every_record_has_a_source(dataset: Dataset) -> None:
    assert all(p.sources for p in dataset.all_partners)
    assert all(e.sources for e in dataset.all_events)


def test_neighbours_are_left_out_by_default(dataset: Dataset) -> None:
    default = ids(select_partners(dataset))
    assert len(default) == 16
    assert "russia" not in default and "china" not in default
    everyone = ids(select_partners(dataset, include_neighbors=True))
    assert len(everyone) == 18 and {"russia", "china"} <= set(everyone)


def test_timeline_is_sorted_oldest_first(dataset: Dataset) -> None:
    dates = [event.date for event in select_events(dataset)]
    assert dates == sorted(dates)
    assert str(dates[0]) == "1987-01-27" and str(dates[-1]) == "2025-12-02"


# --- select_partners ------------------------------------------------------------------

def test_default_order_is_tier_rank_then_date(dataset: Dataset) -> None:
    chosen = select_partners(dataset)
    rank = {level.id: level.rank for level in dataset.tiers}
    keys = [(rank[p.tier], p.tier_since) for p in chosen]
    assert keys == sorted(keys)
    assert ids(chosen)[:3] == ["japan", "india", "united-states"]  # by the date each reached its tier
    assert ids(chosen)[-2:] == ["kyrgyzstan", "australia"]
    assert "united-kingdom" not in ids(chosen)
    assert ids(select_partners(dataset, include_other=True))[-1] == "united-kingdom"  # no tier: last


def test_sort_by_name_and_date(dataset: Dataset) -> None:
    assert ids(select_partners(dataset, sort="name"))[:3] == ["australia", "canada", "czechia"]
    by_date = select_partners(dataset, sort="date")
    assert [p.tier_since for p in by_date] == sorted(p.tier_since for p in by_date)


def test_year_filters_are_inclusive(dataset: Dataset) -> None:
    chosen = select_partners(dataset, since=2024, until=2024)
    assert set(ids(chosen)) == {"germany", "kazakhstan", "vietnam"}


def test_several_tiers(dataset: Dataset) -> None:
    chosen = select_partners(dataset, tiers=["comprehensive", "expanded"])
    assert {p.tier for p in chosen} == {"comprehensive", "expanded"} and len(chosen) == 7


def test_unknown_tier_names_the_valid_levels(dataset: Dataset) -> None:
    with pytest.raises(UsageError, match="unknown tier 'strategik'; valid tiers: comprehensive-strategic, strategic"):
        select_partners(dataset, tiers=["strategik"])


def test_reversed_year_range(dataset: Dataset) -> None:
    with pytest.raises(UsageError, match="--since 2025 is later than --until 2020"):
        select_partners(dataset, since=2025, until=2020)


def test_empty_result_is_empty(dataset: Dataset) -> None:
    assert select_partners(dataset, since=2090) == []


# --- resolve_partner ------------------------------------------------------------------

@pytest.mark.parametrize(("query", "expected"), [
    ("korea", "south-korea"), ("ROK", "south-korea"), ("kr", "south-korea"), ("KOR", "south-korea"),
    ("south-korea", "south-korea"), ("Republic of Korea", "south-korea"),
    ("turkey", "turkiye"), ("TÜRKIYE", "turkiye"), ("Türkiye", "turkiye"),
    ("usa", "united-states"), ("U.S.", "united-states"), ("united states", "united-states"),
    ("  United   States ", "united-states"), ("america", "united-states"),
    ("ozbekiston", "uzbekistan"), ("O'zbekiston", "uzbekistan"),
    ("viet nam", "vietnam"), ("czech republic", "czechia"), ("deutschland", "germany"),
    ("russia", "russia"), ("PRC", "china"),
    ("austral", "australia"), ("kyrgyz", "kyrgyzstan"),
])
def test_resolves_names_aliases_codes_and_ids(dataset: Dataset, query: str, expected: str) -> None:
    assert resolve_partner(dataset, query).id == expected


def test_unknown_name_suggests_close_matches(dataset: Dataset) -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve_partner(dataset, "Germny")
    assert caught.value.suggestions[0] == "Germany"
    assert "did you mean: Germany" in caught.value.message


def test_unknown_name_without_anything_close(dataset: Dataset) -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve_partner(dataset, "zzzzzzzz")
    assert caught.value.suggestions == []
    assert caught.value.message == "no partner matches 'zzzzzzzz'"


@pytest.mark.parametrize("query", ["", "   ", "...", "\t"])
def test_empty_query_matches_nothing(dataset: Dataset, query: str) -> None:
    with pytest.raises(NotFoundError):
        resolve_partner(dataset, query)


# --- events, tiers, compare -------------------------------------------------------------

def test_events_by_partner_covers_shared_events(dataset: Dataset) -> None:
    index = events_by_partner(dataset)
    concept = [e for e in index["india"] if str(e.date) == "2011-02-10"]
    assert len(concept) == 1 and "south-korea" in concept[0].partners
    assert len(index["united-states"]) == 12
    assert [str(e.date) for e in index["united-kingdom"]] == ["2024-04-26"]


def test_timeline_filters(dataset: Dataset) -> None:
    since_2025 = select_events(dataset, since=2025)
    assert all(e.date >= PartialDate(2025) for e in since_2025) and len(since_2025) == 7
    japan = select_events(dataset, partner_ids=["japan"])
    assert [str(e.date) for e in japan] == ["2010-11-19", "2011-02-10", "2022-11-29"]
    expanded = select_events(dataset, tiers=["expanded"])
    # Canada was at the expanded tier from 2004 to 2023: its events of those years are expanded ones.
    assert {pid for e in expanded for pid in e.partners} == {"australia", "canada"}


def test_tier_groups_in_rank_order_without_neighbours(dataset: Dataset) -> None:
    groups = tier_groups(dataset)
    assert [g.tier.id for g in groups] == ["strategic", "comprehensive", "expanded"]
    strategic = groups[0]
    # In the order their partners reached the tier: Japan's (strategic since 2010) first.
    assert [d.designation for d in strategic.designations] == [
        "Special Strategic Partnership for Peace and Prosperity", "Strategic partnership",
        "Strategic third neighbor partnership", "Strategic partnership*"]
    assert set(ids(strategic.partners)) == NINE_STRATEGIC


def test_tier_groups_with_neighbours(dataset: Dataset) -> None:
    groups = tier_groups(dataset, include_neighbors=True)
    assert groups[0].tier.id == "comprehensive-strategic"
    assert ids(groups[0].partners) == ["china", "russia"]


def test_compare_marks_what_differs(dataset: Dataset) -> None:
    japan, usa = resolve_partner(dataset, "japan"), resolve_partner(dataset, "usa")
    fields = {f.field: f for f in compare_partners(dataset, [japan, usa])}
    assert fields["tier"].values == ("strategic", "strategic") and fields["tier"].same
    assert fields["since"].values == ("2022-11-29", "2019-07-31") and not fields["since"].same
    assert fields["earlier_tiers"].values[1] == ["Comprehensive partnership (by 2011-06-16)",
                                                 "Expanded Comprehensive Partnership (2018-09-20)"]
    assert fields["events"].values == (3, 12)


def test_compare_needs_two_different_partners(dataset: Dataset) -> None:
    japan = resolve_partner(dataset, "japan")
    with pytest.raises(UsageError, match="at least two"):
        compare_partners(dataset, [japan])
    with pytest.raises(UsageError, match="japan was named twice"):
        compare_partners(dataset, [japan, resolve_partner(dataset, "nippon")])
