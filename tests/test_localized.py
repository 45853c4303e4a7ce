"""A view as a Mongolian reader sees it: the data's own Mongolian names in place, nothing translated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from thirdneighbor.core import language
from thirdneighbor.data.model import Dataset
from thirdneighbor.query.groups import tier_groups
from thirdneighbor.render.localized import designation_names, localized, mongolian_designation
from thirdneighbor.views.registry import View


@pytest.fixture
def mongolian() -> Iterator[None]:
    language.use("mn")
    yield
    language.use("en")


def test_a_designation_is_mongolian_where_the_data_says_so(dataset: Dataset) -> None:
    names = designation_names(dataset)
    assert mongolian_designation("Strategic partnership", names) == "Стратегийн түншлэл"  # the tier's own name
    assert mongolian_designation("Comprehensive partnership*", names) == "Иж бүрэн түншлэл*"
    assert mongolian_designation("Special Strategic Partnership for Peace and Prosperity", names) == \
        "Энх тайван, хөгжил цэцэглэлтийн төлөөх Тусгай стратегийн түншлэл"  # Japan's designation_mn
    assert mongolian_designation("Partnership of mutual trust", names) == "Partnership of mutual trust"
    assert mongolian_designation(None, names) is None


def test_english_views_are_left_as_they_are(dataset: Dataset) -> None:
    view = View("list", dataset, dataset.partners())
    assert localized(view) is view


def test_mongolian_names_take_the_english_ones_places(dataset: Dataset, mongolian: None) -> None:
    view = localized(View("list", dataset, dataset.partners()))
    japan = next(partner for partner in view.subject if partner.id == "japan")
    assert (japan.name, japan.name_mn) == ("Япон", "Japan")
    assert (japan.official_name, japan.official_name_mn) == ("Япон Улс", None)  # no English official name in the data
    assert japan.designation == "Энх тайван, хөгжил цэцэглэлтийн төлөөх Тусгай стратегийн түншлэл"
    assert japan.designation_mn == "Special Strategic Partnership for Peace and Prosperity"
    assert [entry.designation for entry in japan.history] == ["Иж бүрэн түншлэл", "Стратегийн түншлэл"]
    assert [tier.name for tier in view.dataset.tiers][:2] == ["Иж бүрэн стратегийн түншлэл", "Стратегийн түншлэл"]
    # The records made from the copy carry the same names; the ids stay.
    assert next(r for r in view.all_records if r["id"] == "japan")["name"] == "Япон"


def test_tier_groups_name_their_designations_in_mongolian(dataset: Dataset, mongolian: None) -> None:
    view = localized(View("tiers", dataset, tier_groups(dataset)))
    strategic = next(group for group in view.subject if group.tier.id == "strategic")
    assert strategic.tier.name == "Стратегийн түншлэл"
    assert "Стратегийн түншлэл" in [group.designation for group in strategic.designations]
    assert all(partner.name != partner.name_mn for group in strategic.designations for partner in group.partners)


def test_a_person_without_a_cyrillic_name_keeps_the_one_there_is(dataset: Dataset, mongolian: None) -> None:
    view = localized(View("people", dataset, [(person, []) for person in dataset.all_people]))
    names = {person.id: person.name for person, _ in view.subject}
    assert names["ukhnaagiin-khurelsukh"] == "Ухнаагийн Хүрэлсүх"
    assert names["fumio-kishida"] == "Fumio Kishida"
