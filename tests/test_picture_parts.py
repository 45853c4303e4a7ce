"""The parts the chart and the map are made of: the headline, the nudged lane of
event marks and the credit line."""

from __future__ import annotations

import dataclasses

import pytest

from thirdneighbor import __version__
from thirdneighbor.render.citation import all_sources
from thirdneighbor.data.model import Dataset
from thirdneighbor.partialdate import PartialDate
from thirdneighbor.render.pictures.credits import credit_lines, wrapped
from thirdneighbor.render.pictures.headline import headline, number_word, tier_noun
from thirdneighbor.render.pictures.lanes import nudged
from thirdneighbor.query.asof import dataset_as_of


# --- headline ----------------------------------------------------------------------------

def as_of(dataset: Dataset, year: int) -> Dataset:
    return dataset_as_of(dataset, PartialDate(year))


def test_headline_of_the_bundled_data(dataset: Dataset) -> None:
    strategic = [p for p in dataset.all_partners if p.tier == "strategic" and not p.neighbor]
    recent = [p for p in strategic if p.tier_since.year >= 2019]
    assert (len(strategic), len(recent)) == (9, 7)  # what the headline must say, counted here
    assert headline(dataset, dataset.all_partners) == "Nine strategic partners, seven of them since 2019"


@pytest.mark.parametrize(("year", "expected"), [
    (2010, "One strategic partner, since 2010"),
    (2015, "Two strategic partners: since 2010 and 2015"),
    (2019, "Three strategic partners: since 2010, 2015 and 2019"),
    (2022, "Four strategic partners, three of them since 2015"),
    (2000, "One comprehensive partner, since 1998"),
    (1995, "No third neighbor at a tier"),
])
def test_headline_follows_the_date(dataset: Dataset, year: int, expected: str) -> None:
    shown = as_of(dataset, year)
    assert headline(shown, shown.all_partners) == expected


def test_headline_counts_no_neighbor_and_only_what_is_drawn(dataset: Dataset) -> None:
    neighbors = [p for p in dataset.all_partners if p.neighbor]
    assert headline(dataset, neighbors) == "No third neighbor at a tier"
    canada = [p for p in dataset.all_partners if p.id in ("canada", "australia")]
    assert headline(dataset, canada) == "One comprehensive partner, since 2023"


def test_headline_same_year_and_unusual_tier_names(dataset: Dataset) -> None:
    pair = [p for p in dataset.all_partners if p.id in ("germany", "kazakhstan")]
    assert headline(dataset, pair) == "Two strategic partners, all since 2024"
    renamed = dataclasses.replace(dataset, tiers=tuple(
        dataclasses.replace(tier, name="Ironclad friendship") if tier.id == "strategic" else tier
        for tier in dataset.tiers))
    assert headline(renamed, pair) == "Two partners at the tier Ironclad friendship, all since 2024"


def test_number_words_and_nouns() -> None:
    assert [number_word(n) for n in (0, 1, 9, 20, 21)] == ["no", "one", "nine", "twenty", "21"]
    assert tier_noun("Comprehensive strategic partnership", 2) == "comprehensive strategic partners"
    assert tier_noun("Strategic partnership", 1) == "strategic partner"


# --- lanes -------------------------------------------------------------------------------

def test_marks_far_apart_stay_where_they_are() -> None:
    assert nudged([10.0, 30.0, 20.0], 5, 0, 100) == [10.0, 30.0, 20.0]


def test_colliding_marks_are_spread_around_where_they_want_to_be() -> None:
    placed = nudged([50.0, 50.0, 50.0], 6, 0, 100)
    assert placed == [44.0, 50.0, 56.0]


def test_nudging_keeps_order_and_gap_and_merges_runs() -> None:
    wanted = [10.0, 12.0, 14.0, 19.0, 21.0, 80.0]
    placed = nudged(wanted, 5, 0, 100)
    assert placed == sorted(placed)
    assert all(b - a >= 5 - 1e-9 for a, b in zip(placed, placed[1:]))
    # The first five form one run centred on their mean (15.2); the last is untouched.
    assert sum(placed[:5]) / 5 == pytest.approx(sum(wanted[:5]) / 5)
    assert placed[5] == 80.0


def test_nudging_holds_marks_inside_the_lane() -> None:
    placed = nudged([0.0, 0.0, 100.0, 100.0], 4, 0, 100)
    assert placed == [0.0, 4.0, 96.0, 100.0]
    unsorted = nudged([100.0, 0.0], 4, 0, 100)
    assert unsorted == [100.0, 0.0]
    with pytest.raises(ValueError):
        nudged([1.0], 0, 0, 1)


# --- credits -----------------------------------------------------------------------------

def test_credit_names_data_version_date_sources_licence_and_tool(dataset: Dataset) -> None:
    lines = credit_lines(dataset)
    text = " ".join(lines)
    assert f"{dataset.title}, version {dataset.version}" in text
    assert f"checked against its sources on {dataset.as_of}" in text
    assert f"Sources: {len(all_sources(dataset))}, listed by `thirdneighbor cite --sources`" in text
    assert dataset.policy.table_source in text
    assert "Licence: CC BY-SA 4.0." in text and f"thirdneighbor {__version__}" in text
    assert "Natural Earth" not in text


def test_the_map_credit_adds_its_geometry(dataset: Dataset) -> None:
    lines = credit_lines(dataset, {"source": "Natural Earth 1:110m", "licence": "public domain."})
    assert lines[-1] == "Map: Natural Earth 1:110m; public domain."


def test_credit_follows_the_dataset_not_the_tool(dataset: Dataset) -> None:
    other = dataclasses.replace(dataset, version="9.9.9", title="My copy", license=None,
                                as_of=PartialDate(2030, 1, 2))
    text = " ".join(credit_lines(other))
    assert "My copy, version 9.9.9" in text and "2030-01-02" in text
    assert "Licence: not stated in the dataset file." in text


def test_credit_wraps_to_a_width(dataset: Dataset) -> None:
    lines = wrapped(credit_lines(dataset), 50)
    assert len(lines) > 4 and all(len(line) <= 50 for line in lines)
    assert " ".join(lines) == " ".join(credit_lines(dataset))
