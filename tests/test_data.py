"""The bundled data itself: the corrections of the 2.0.0 audit, the identifiers, the
other relations, the data version and the tone of the notes.

Each correction is pinned here so that a later edit cannot quietly undo it; the
evidence for each is in data/CHANGELOG.md.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

import pycountry
import pytest

from thirdneighbor.data.model import Dataset, Partner

from .conftest import REPO, run_cli

CHANGELOG = REPO / "data" / "CHANGELOG.md"


def ok(*args: str) -> str:
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def by_id(dataset: Dataset) -> dict[str, Partner]:
    return {partner.id: partner for partner in dataset.all_partners}


def tiers_of(partner: Partner) -> list[tuple[str | None, str, str]]:
    """(tier, designation, date) of each earlier tier, oldest first, then the current one."""
    earlier = [(entry.tier, entry.designation, entry.when) for entry in partner.history]
    return [*earlier, (partner.tier, partner.designation or "", str(partner.since))]


# --- the corrections -------------------------------------------------------------------

def test_canada_was_upgraded_to_comprehensive_in_2023(dataset: Dataset) -> None:
    canada = by_id(dataset)["canada"]
    assert tiers_of(canada) == [("expanded", "Expanded partnership", "2004-10"),
                                ("comprehensive", "Comprehensive partnership", "2023-11-20")]
    assert any('still show Canada at "Expanded partnership"' in note for note in canada.notes)
    assert "eawaz-1287822" in canada.sources


def test_the_asterisk_is_unexplained_and_both_readings_are_only_readings(dataset: Dataset) -> None:
    note = dataset.policy.asterisk_note or ""
    assert "does not explain it" in note and "neither is confirmed" in note
    assert "Germany's 2024 declaration was also signed by ministers" in note
    assert {partner.id for partner in dataset.all_partners if partner.asterisk} == {"france", "czechia"}


def test_france_carries_its_own_word_for_the_tie(dataset: Dataset) -> None:
    france = by_id(dataset)["france"]
    assert france.tier == "strategic"
    assert any('"privileged partnership"' in note for note in france.notes)


def test_the_united_states_expanded_comprehensive_partnership_of_2018(dataset: Dataset) -> None:
    assert tiers_of(by_id(dataset)["united-states"]) == [
        ("comprehensive", "Comprehensive partnership", "by 2011-06-16"),
        ("comprehensive", "Expanded Comprehensive Partnership", "2018-09-20"),
        ("strategic", "Strategic third neighbor partnership", "2019-07-31")]


def test_china_strategic_partnership_of_june_2011(dataset: Dataset) -> None:
    china = tiers_of(by_id(dataset)["china"])
    assert ("strategic", "Strategic partnership", "2011-06") in china
    assert china[-1] == ("comprehensive-strategic", "Comprehensive strategic partnership", "2014-08-21")


def test_india_comprehensive_partnership_of_2009(dataset: Dataset) -> None:
    assert tiers_of(by_id(dataset)["india"]) == [
        ("comprehensive", "Comprehensive partnership", "2009"),
        ("strategic", "Strategic partnership", "2015-05-17")]


def test_the_trade_act_was_first_introduced_in_2018_and_reintroduced_in_2019(dataset: Dataset) -> None:
    trade_acts = [(str(event.date), event.title) for event in dataset.all_events if "Trade Act" in event.title]
    assert trade_acts == [
        ("2018-07-26", "First Mongolia Third Neighbor Trade Act introduced in the US House as H.R.6636"),
        ("2019-04", "Mongolia Third Neighbor Trade Act reintroduced in the US Senate and House"),
        ("2023-11-30", "Mongolia Third Neighbor Trade Act introduced as S.3368 and H.R.6539"),
    ]


def test_italy_note_quotes_its_sources_and_does_not_contradict_france(dataset: Dataset) -> None:
    italy = by_id(dataset)["italy"]
    [note] = [note for note in italy.notes if "second EU member state" in note]
    assert '"' in note and "France" in note


# --- other relations ------------------------------------------------------------------

UK_NOTE = ("thirdneighbor: United Kingdom holds no partnership tier; it is in the dataset for its events "
           "(`list --all` shows every such country)\n")


def test_show_uk_finds_the_other_relation_and_says_so() -> None:
    result = run_cli("show", "uk", "--json")
    assert (result.exit_code, result.stderr) == (0, UK_NOTE)
    uk = json.loads(result.stdout)
    assert (uk["id"], uk["tier"], uk["designation"], uk["since"]) == ("united-kingdom", None, None, None)
    assert [event["date"] for event in uk["events"]] == ["2024-04-26"]


def test_history_and_timeline_find_the_other_relation() -> None:
    history = run_cli("history", "united kingdom", "--json")
    assert (history.exit_code, history.stderr) == (0, UK_NOTE)
    assert json.loads(history.stdout)["tiers"] == []
    timeline = run_cli("timeline", "--country", "GB", "--json")
    assert (timeline.exit_code, timeline.stderr) == (0, UK_NOTE)
    assert [event["date"] for event in json.loads(timeline.stdout)] == ["2024-04-26"]


def test_list_and_tiers_leave_the_other_relation_out_unless_asked() -> None:
    assert "united-kingdom" not in [p["id"] for p in json.loads(ok("list", "--json"))]
    everything = [p["id"] for p in json.loads(ok("list", "--all", "--json"))]
    assert len(everything) == 17 and everything[-1] == "united-kingdom"
    assert [tier["id"] for tier in json.loads(ok("tiers", "--json"))] == ["strategic", "comprehensive", "expanded"]
    other = json.loads(ok("tiers", "--all", "--json"))[-1]
    assert (other["id"], other["partners"]) == ("other", ["united-kingdom"])


def test_a_tier_filter_or_year_filter_leaves_out_what_has_no_tier() -> None:
    assert "united-kingdom" not in ok("list", "--all", "--since", "2000", "--format", "csv")
    assert "united-kingdom" not in ok("list", "--all", "--tier", "comprehensive", "--format", "csv")


def test_as_of_and_compare_keep_the_other_relation() -> None:
    listed = json.loads(ok("list", "--all", "--as-of", "2020", "--json"))
    assert listed[-1]["id"] == "united-kingdom" and listed[-1]["tier"] is None
    result = run_cli("compare", "uk", "canada", "--json")
    assert (result.exit_code, result.stderr) == (0, UK_NOTE)
    fields = {row["field"]: row for row in json.loads(result.stdout)["fields"]}
    assert fields["tier"]["values"] == [None, "comprehensive"] and not fields["tier"]["same"]


def test_the_table_marks_an_other_relation() -> None:
    text = " ".join(ok("list", "--all", "--format", "table").split())  # the cell may wrap
    assert "United Kingdom" in text and "no tier (other" in text


# --- identifiers ----------------------------------------------------------------------

def test_every_country_has_its_iso_codes_as_pycountry_knows_them(dataset: Dataset) -> None:
    for partner in dataset.all_partners:
        country = pycountry.countries.get(alpha_2=partner.iso2)
        assert country is not None, partner.id
        assert (partner.iso3, partner.iso_numeric) == (country.alpha_3, country.numeric), partner.id


# Checked by hand against the source used for them: the CountriesRegions.ts table of
# the owid-grapher repository, which maps each country's ISO code to its Wikidata item.
WIKIDATA = {"US": "Q30", "JP": "Q17", "DE": "Q183", "KR": "Q884", "KZ": "Q232", "TR": "Q43", "IN": "Q668",
            "IT": "Q38", "FR": "Q142", "VN": "Q881", "PL": "Q36", "UZ": "Q265", "KG": "Q813", "CZ": "Q213",
            "CA": "Q16", "AU": "Q408", "GB": "Q145", "RU": "Q159", "CN": "Q148"}


def test_every_country_has_its_wikidata_item(dataset: Dataset) -> None:
    assert {partner.iso2: partner.wikidata for partner in dataset.all_partners} == WIKIDATA


def test_identifiers_show_in_every_output() -> None:
    japan = json.loads(ok("show", "japan", "--json"))
    assert (japan["iso_numeric"], japan["wikidata"]) == ("392", "Q17")
    assert ok("list", "--fields", "iso2,iso_numeric,wikidata", "--tier", "strategic").splitlines()[1] == "IN\t356\tQ668"
    card = ok("show", "japan", "--format", "table")
    assert "JP / JPN / 392" in card and "Q17" in card


# Read from the Correlates of War State System Membership list (v2016) and Gleditsch and
# Ward's list of independent states, as the R packages countrycode and states copy them
# (see data/CHANGELOG.md, 2.1.0); both copies agree on every code. (CoW, GW) by ISO code.
STATE_CODES = {"US": (2, 2), "CA": (20, 20), "GB": (200, 200), "FR": (220, 220), "DE": (255, 260),
               "PL": (290, 290), "CZ": (316, 316), "IT": (325, 325), "RU": (365, 365), "TR": (640, 640),
               "KG": (703, 703), "UZ": (704, 704), "KZ": (705, 705), "CN": (710, 710), "KR": (732, 732),
               "JP": (740, 740), "IN": (750, 750), "VN": (816, 816), "AU": (900, 900)}
COW_LIST = "https://correlatesofwar.org/data-sets/state-system-membership"
GW_LIST = "http://ksgleditsch.com/data/iisystem.dat"


def test_every_country_has_its_correlates_of_war_and_gleditsch_ward_codes(dataset: Dataset) -> None:
    assert {partner.iso2: (partner.cow_code, partner.gw_code) for partner in dataset.all_partners} == STATE_CODES
    assert {(partner.cow_source, partner.gw_source) for partner in dataset.all_partners} == {(COW_LIST, GW_LIST)}


def test_germany_is_where_the_two_lists_differ(dataset: Dataset) -> None:
    assert [p.id for p in dataset.all_partners if p.cow_code != p.gw_code] == ["germany"]
    germany = json.loads(ok("show", "germany", "--json"))
    assert (germany["cow_code"], germany["gw_code"]) == (255, 260)


def test_mongolia_has_its_own_record_with_712_in_both_lists(dataset: Dataset) -> None:
    mongolia = dataset.mongolia
    assert mongolia is not None
    country = pycountry.countries.get(alpha_2=mongolia.iso2)
    assert (mongolia.name, mongolia.iso3, mongolia.iso_numeric) == ("Mongolia", country.alpha_3, country.numeric)
    assert (mongolia.cow_code, mongolia.cow_source, mongolia.gw_code, mongolia.gw_source) == (712, COW_LIST,
                                                                                              712, GW_LIST)
    assert all(partner.iso3 != "MNG" for partner in dataset.all_partners)  # not a partner of itself


def test_the_codes_show_in_show_json_csv_and_the_table() -> None:
    assert ok("list", "--tier", "strategic", "--format", "csv", "--fields", "id,cow_code,gw_code").splitlines()[:3] \
        == ["id,cow_code,gw_code", "japan,740,740", "india,750,750"]
    assert "CoW / GW codes  255 / 260" in ok("show", "germany", "--format", "table")
    assert "cow_code:          740\n" in ok("show", "japan")


# --- "in force by" dates --------------------------------------------------------------

def test_an_in_force_by_date_is_marked_in_csv_and_tables() -> None:
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(ok("list", "--as-of", "2012", "--format", "csv")))}
    assert rows["united-states"]["since"] == "by 2011-06-16"
    assert rows["japan"]["since"] == "2010-11-19"
    table = ok("list", "--as-of", "2012", "--format", "table")
    assert "by 2011-06-16" in table and "by DATE: the tie was in force by that date" in table


def test_a_date_that_is_a_true_start_has_no_marker() -> None:
    assert all(p["since_approx"] is False for p in json.loads(ok("list", "--neighbors", "--json")))
    assert "by " not in ok("list", "--format", "csv", "--fields", "since")


def test_a_current_tie_marked_in_force_by_is_marked_everywhere(write_dataset: Any) -> None:
    path = str(write_dataset(lambda d: _raw(d, "japan").update(since_approx=True)))
    fields = "id,since,since_approx,tier_since,tier_since_approx"
    [japan] = json.loads(ok("list", "--tier", "strategic", "--json", "--data", path, "--fields", fields))[:1]
    # The tier's own date is its 2010 start, a true one: only the designation's is marked.
    assert japan == {"id": "japan", "since": "2022-11-29", "since_approx": True, "tier_since": "2010-11-19",
                     "tier_since_approx": False}
    assert "japan,by 2022-11-29" in ok("list", "--format", "csv", "--fields", "id,since", "--data", path).splitlines()
    current = json.loads(ok("history", "japan", "--json", "--data", path))["tiers"][-1]
    assert (current["since"], current["in_force_by"], current["current"]) == (None, "2022-11-29", True)
    card = ok("show", "japan", "--format", "table", "--data", path)
    assert "by 2022-11-29" in card and "by DATE: the tie was in force by that date" in card


# --- the data version -----------------------------------------------------------------

def test_the_changelog_names_the_data_version(dataset: Dataset) -> None:
    assert dataset.version is not None and re.fullmatch(r"\d+\.\d+\.\d+", dataset.version)
    headings = re.findall(r"^## (\S+)", CHANGELOG.read_text(encoding="utf-8"), re.MULTILINE)
    # Changes not yet released sit under "## Unreleased", above the newest version.
    released = headings[1:] if headings[0] == "Unreleased" else headings
    assert released[0] == dataset.version  # the newest entry is the version the file carries


def test_every_changelog_entry_is_a_version_newest_first() -> None:
    headings = re.findall(r"^## (\S+)", CHANGELOG.read_text(encoding="utf-8"), re.MULTILINE)
    versions = [tuple(map(int, heading.split("."))) for heading in headings]
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    assert headings[:2] == ["3.0.0", "2.1.0"]


def test_cite_names_the_data_version_in_every_format(dataset: Dataset) -> None:
    assert f"version {dataset.version}," in ok("cite")
    assert f"version = {{{dataset.version}}}" in ok("cite", "--format", "bibtex")
    citation = json.loads(ok("cite", "--format", "json"))
    assert (citation["title"], citation["version"]) == ("Third Neighbor Policy dataset", dataset.version)


# --- notes speak to the reader --------------------------------------------------------

def every_note(dataset: Dataset) -> Iterator[str]:
    yield from dataset.policy.notes
    yield dataset.policy.asterisk_note or ""
    for partner in dataset.all_partners:
        yield from partner.notes
        yield from (entry.note or "" for entry in partner.history)
    for event in dataset.all_events:
        yield from event.notes


# The last three are how events used to say that they borrowed their partner's sources.
@pytest.mark.parametrize("phrase", ["fact sheet", "project's copy", "copy used here", "sources seen",
                                    "specific to this event", "row's full source list", "row's only source"])
def test_no_note_speaks_of_how_the_data_was_made(dataset: Dataset, phrase: str) -> None:
    offending = [note for note in every_note(dataset) if phrase in note.casefold()]
    assert offending == []


def _raw(document: dict[str, Any], partner_id: str) -> dict[str, Any]:
    return next(p for p in document["partners"] if p["id"] == partner_id)


def test_the_file_itself_uses_the_new_key_names(raw_document: dict[str, Any]) -> None:
    assert "tiers" in raw_document and "levels" not in raw_document
    assert "tier" in _raw(raw_document, "japan") and "tier" not in _raw(raw_document, "united-kingdom")
