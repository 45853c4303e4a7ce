"""Mongolian names in the data, and look-ups in Cyrillic."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from thirdneighbor.cli import completion
from thirdneighbor.data.load import load_dataset
from thirdneighbor.errors import DatasetError
from thirdneighbor.data.model import Dataset

from .conftest import run_cli

CYRILLIC_TEXT = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff ,\-]*")


def shown_id(*args: str) -> str:
    result = run_cli("show", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["id"]


@pytest.mark.parametrize(("query", "partner_id"), [
    ("Япон", "japan"), ("япон", "japan"), ("АНУ", "united-states"), ("ОХУ", "russia"), ("БНХАУ", "china"),
    ("солонгос", "south-korea"), ("Өмнөд Солонгос", "south-korea"), ("Их Британи", "united-kingdom"),
    ("Холбооны Бүгд Найрамдах Герман Улс", "germany"), ("киргиз", "kyrgyzstan"),
])
def test_show_finds_a_partner_by_its_mongolian_name(query: str, partner_id: str) -> None:
    assert shown_id(query) == partner_id


def test_other_commands_take_mongolian_names_too() -> None:
    history = run_cli("history", "Энэтхэг", "--json")
    assert history.exit_code == 0 and json.loads(history.stdout)["id"] == "india"
    compare = run_cli("compare", "Япон", "АНУ", "--json")
    assert [p["id"] for p in json.loads(compare.stdout)["partners"]] == ["japan", "united-states"]
    timeline = run_cli("timeline", "--country", "Канад", "--json")
    assert {tuple(e["partners"]) for e in json.loads(timeline.stdout)} == {("canada",)}
    hits = json.loads(run_cli("search", "Герман", "--json").stdout)
    assert hits[0]["id"] == "germany" and hits[0]["fields"][0] == "name"


def test_did_you_mean_works_for_cyrillic() -> None:
    result = run_cli("show", "Япн")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "thirdneighbor: no partner matches 'Япн'; did you mean: Japan?\n"


def test_completion_offers_mongolian_names_to_a_cyrillic_word_only() -> None:
    assert completion.countries(None, "Яп") == [("Япон", "Japan")]  # type: ignore[arg-type]
    assert ("АНУ", "United States") in completion.countries(None, "А")  # type: ignore[arg-type]
    latin = [offer for offer, _ in completion.countries(None, "")]  # type: ignore[arg-type]
    assert "japan" in latin and not any(re.search(r"[\u0400-\u04ff]", offer) for offer in latin)


def test_every_country_and_tier_has_its_mongolian_name(dataset: Dataset) -> None:
    assert all(partner.name_mn and partner.official_name_mn for partner in dataset.all_partners)
    assert [tier.name_mn for tier in dataset.tiers] == ["Иж бүрэн стратегийн түншлэл", "Стратегийн түншлэл",
                                                          "Иж бүрэн түншлэл", "Өргөн хүрээтэй түншлэл"]


def test_every_mongolian_string_is_cyrillic_with_no_latin_look_alikes(dataset: Dataset) -> None:
    texts = [tier.name_mn for tier in dataset.tiers]
    for partner in dataset.all_partners:
        texts += [partner.name_mn, partner.official_name_mn, partner.designation_mn, *partner.aliases_mn]
    texts += [person.name_mn for person in dataset.all_people]
    for text in filter(None, texts):
        assert CYRILLIC_TEXT.fullmatch(text), text


def test_validation_rejects_a_latin_letter_in_a_mongolian_name(write_dataset: Any) -> None:
    # "Япон" with a Latin "o": it looks the same and would never match what a reader types.
    path = write_dataset(lambda d: next(p for p in d["partners"] if p["id"] == "japan").update(name_mn="Япoн"))
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert [str(p) for p in caught.value.problems] == [
        "partners[1] (japan): field 'name_mn' must be Cyrillic, with no Latin letters, not 'Япoн'"]


def test_search_finds_a_tier_by_its_mongolian_name() -> None:
    hits = json.loads(run_cli("search", "Иж бүрэн түншлэл", "--json").stdout)
    assert {hit["id"] for hit in hits if hit["kind"] == "partner"} >= {"canada", "vietnam", "poland"}
