"""Look-ups are exact or they fail: the rule of thirdneighbor.query.lookup, on the
command line, in completion and in the Python API."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thirdneighbor
from thirdneighbor.cli import completion
from thirdneighbor.errors import AmbiguousError, NotFoundError
from thirdneighbor.data.model import Dataset
from thirdneighbor.core.fold import strip_accents
from thirdneighbor.data.names import partner_keys
from thirdneighbor.query.lookup import NoTieError, lookup_key, resolve_partner, resolve_words

from .conftest import run_cli

COUNTRIES = Path(thirdneighbor.__file__).parent / "query" / "countries.json"


# --- short inputs are codes, and never a part of a name ------------------------------------

@pytest.mark.parametrize("query, country", [("MA", "Morocco"), ("BR", "Brazil"), ("mar", "Morocco"),
                                            ("4", "Afghanistan"), ("004", "Afghanistan")])
def test_a_code_of_a_country_without_a_record_says_so(query: str, country: str) -> None:
    result = run_cli("show", query)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"thirdneighbor: {query!r} is {country}, which has no tie recorded in this dataset "
                             "(`thirdneighbor list --all` lists every country it has)\n")


def test_eu_is_not_germany(dataset: Dataset) -> None:
    # "eu" is inside "Deutschland", an alias of Germany: a part of a word is never a match.
    result = run_cli("show", "EU", "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("thirdneighbor: no partner matches 'EU'; two or three letters are read as")
    with pytest.raises(NotFoundError):
        dataset.partner("EU")


@pytest.mark.parametrize("query", ["MA", "BR", "EU", "eu", "ger", "stan", "land", "eutschland", "orea"])
def test_the_python_api_follows_the_same_rule(dataset: Dataset, query: str) -> None:
    with pytest.raises(LookupError):
        dataset.partner(query)


@pytest.mark.parametrize("query, expected", [
    ("JP", "japan"), ("jpn", "japan"), ("392", "japan"), ("840", "united-states"), ("USA", "united-states"),
    ("U.S.", "united-states"), ("uk", "united-kingdom"), ("АНУ", "united-states"), ("ОХУ", "russia"),
])
def test_codes_and_short_names(dataset: Dataset, query: str, expected: str) -> None:
    assert resolve_partner(dataset, query).id == expected


# --- whole names, whole words and the start of a name -----------------------------------------

@pytest.mark.parametrize("query, expected", [
    ("korea", "south-korea"),  # a whole word of one partner's names
    ("Republic of Korea", "south-korea"),
    ("Korea, Republic of", "south-korea"),  # ISO's own form of the name
    ("United States of America", "united-states"),
    ("the United States", "united-states"),  # a leading "the" is ignored
    ("kyrg", "kyrgyzstan"),  # the start of a name, four letters or more
    ("TÜRKIYE", "turkiye"), ("turkiye", "turkiye"),
    ("Japan\u200b", "japan"), ("\u2066Japan\u2069", "japan"),  # zero-width and direction marks go
    ("ja\x00pan\x07", "japan"),  # so do controls, by the rule that cleans every output
    ("Бүгд Найрамдах Солонгос Улс", "south-korea"),
])
def test_names_words_and_starts(dataset: Dataset, query: str, expected: str) -> None:
    assert resolve_partner(dataset, query).id == expected


def test_a_word_of_several_partners_lists_them(dataset: Dataset) -> None:
    with pytest.raises(AmbiguousError) as caught:
        resolve_partner(dataset, "united")
    assert caught.value.candidates == ["united-states (United States)", "united-kingdom (United Kingdom)"]
    result = run_cli("show", "united")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("thirdneighbor: 'united' matches several partners: united-states (United States), "
                             "united-kingdom (United Kingdom); be more specific or use an id\n")


# --- countries the tool knows without a record ------------------------------------------------------

@pytest.mark.parametrize("words, country", [(["north", "korea"], "North Korea"), (["north korea"], "North Korea"),
                                            (["new", "zealand"], "New Zealand"), (["the", "netherlands"], "Netherlands")])
def test_a_known_country_without_a_record_is_no_tie_not_a_suggestion(words: list[str], country: str) -> None:
    result = run_cli("show", *words)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"thirdneighbor: {country} has no tie recorded in this dataset "
                             "(`thirdneighbor list --all` lists every country it has)\n")
    assert "did you mean" not in result.stderr


@pytest.mark.parametrize("query", ["england", "Scotland", "wales", "northern ireland"])
def test_a_part_of_the_united_kingdom_points_to_it(query: str) -> None:
    result = run_cli("show", query)
    assert (result.exit_code, result.stdout) == (1, "")
    assert "is part of the United Kingdom: try `thirdneighbor show gb`" in result.stderr
    assert "Poland" not in result.stderr
    assert run_cli("show", "gb", "--json").exit_code == 0


def test_mongolia_itself_is_explained(dataset: Dataset) -> None:
    with pytest.raises(NoTieError, match="Mongolia is the country whose ties this dataset records"):
        dataset.partner("Mongolia")


def test_no_tie_is_a_lookup_error_of_the_not_found_kind(dataset: Dataset) -> None:
    with pytest.raises(NotFoundError) as caught:
        dataset.partner("MA")
    assert isinstance(caught.value, LookupError) and caught.value.exit_code == 1


# --- suggestions only when close in spelling --------------------------------------------------------

@pytest.mark.parametrize("query, suggestion", [("japn", "Japan"), ("Germny", "Germany"), ("Kazakstan", "Kazakhstan"),
                                               ("Япн", "Japan")])
def test_a_misspelling_gets_a_did_you_mean(query: str, suggestion: str) -> None:
    result = run_cli("show", query)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"thirdneighbor: no partner matches {query!r}; did you mean: {suggestion}?\n"


@pytest.mark.parametrize("query", ["Англи", "zzzzzz", "Atlantis"])
def test_nothing_close_gets_no_suggestion(query: str) -> None:
    result = run_cli("show", query)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"thirdneighbor: no partner matches {query!r}\n"


# --- several words are one name ---------------------------------------------------------------------

def test_show_united_states_without_quotes() -> None:
    result = run_cli("show", "united", "states", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["id"] == "united-states"


def test_history_south_korea_without_quotes() -> None:
    result = run_cli("history", "south", "korea", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["id"] == "south-korea"


def test_history_of_two_partners_is_a_usage_error() -> None:
    result = run_cli("history", "japan", "korea")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("thirdneighbor: history shows one partner at a time; Japan, South Korea were named: "
                             "run it once for each, or use `show` for several\n")


def test_compare_south_korea_japan() -> None:
    result = run_cli("compare", "south", "korea", "japan", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert [partner["id"] for partner in json.loads(result.stdout)["partners"]] == ["south-korea", "japan"]


def test_words_are_joined_only_into_names(dataset: Dataset) -> None:
    found = resolve_words(dataset, ["united", "states", "united", "kingdom", "japan", "korea"])
    assert [partner.id for partner in found] == ["united-states", "united-kingdom", "japan", "south-korea"]
    with pytest.raises(NotFoundError):
        resolve_words(dataset, ["japan", ""])  # an empty word joins no run


# --- the property: every name finds its partner, and short strings find nothing else -----------------

def _names_of(dataset: Dataset) -> list[tuple[str, str]]:
    pairs = []
    for partner in dataset.all_partners:
        for name in [*partner_keys(partner), *([partner.iso_numeric] if partner.iso_numeric else [])]:
            pairs.append((partner.id, name))
    return pairs


def test_every_code_and_name_in_any_case_and_without_accents_finds_its_partner(dataset: Dataset) -> None:
    for partner_id, name in _names_of(dataset):
        for form in {name, name.upper(), name.lower(), name.title(), strip_accents(name)}:
            assert resolve_partner(dataset, form).id == partner_id, (partner_id, form)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=string.ascii_letters, min_size=1, max_size=3))
def test_short_strings_that_are_no_partner_code_find_nothing(text: str) -> None:
    dataset = _bundled()
    codes = {lookup_key(name) for _, name in _names_of(dataset) if len(lookup_key(name)) <= 3}
    if lookup_key(text) in codes:
        assert resolve_partner(dataset, text)  # a code or short name of a partner: found
        return
    with pytest.raises(LookupError):
        resolve_partner(dataset, text)


def _bundled() -> Dataset:
    from thirdneighbor.data.load import load_dataset

    from .conftest import BUNDLED

    return load_dataset(BUNDLED)


# --- completion offers only what the look-up finds ---------------------------------------------------

@pytest.mark.parametrize("typed", ["", "k", "ko", "un", "tur", "Яп", "А", "J"])
def test_every_completion_offer_resolves_to_its_partner(dataset: Dataset, typed: str) -> None:
    names = {partner.name: partner.id for partner in dataset.all_partners}
    for offer, help_text in completion.countries(None, typed):  # type: ignore[arg-type]
        assert resolve_partner(dataset, offer).id == names[help_text], offer


# --- the world's countries, as ISO 3166 gives them ---------------------------------------------------

def test_the_country_table_agrees_with_iso_3166() -> None:
    pycountry = pytest.importorskip("pycountry")
    table = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    assert len(table["countries"]) == len(pycountry.countries)
    for country in table["countries"]:
        iso = pycountry.countries.get(alpha_2=country["alpha2"])
        assert (iso.alpha_3, iso.numeric, iso.name) == (country["alpha3"], country["numeric"], country["names"][0])
    assert {part["code"] for part in table["parts"]} == {"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"}


def test_no_two_countries_share_a_folded_name_or_code() -> None:
    table = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    owner: dict[str, str] = {}
    for country in table["countries"]:
        for key in {lookup_key(name) for name in country["names"]} | {country["alpha2"].lower(),
                                                                       country["alpha3"].lower(), country["numeric"]}:
            assert owner.setdefault(key, country["alpha2"]) == country["alpha2"], key


def test_the_partners_codes_are_iso_countries(dataset: Dataset) -> None:
    table = {country["alpha2"]: country for country in json.loads(COUNTRIES.read_text(encoding="utf-8"))["countries"]}
    for partner in dataset.all_partners:
        assert table[partner.iso2]["alpha3"] == partner.iso3
