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
from thirdneighbor.data.partialdate import PartialDate

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
           "(`list --all` shows the other relations and the organisations)\n")


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
    assert len(everything) == 20 and everything[-4:] == ["united-kingdom", "european-union", "nato", "osce"]
    assert [tier["id"] for tier in json.loads(ok("tiers", "--json"))] == ["strategic", "comprehensive", "expanded"]
    other, organisations = json.loads(ok("tiers", "--all", "--json"))[-2:]
    assert (other["id"], other["partners"]) == ("other", ["united-kingdom"])
    assert (organisations["id"], organisations["partners"]) == ("organisation", ["european-union", "nato", "osce"])


def test_a_tier_filter_or_year_filter_leaves_out_what_has_no_tier() -> None:
    assert "united-kingdom" not in ok("list", "--all", "--since", "2000", "--format", "csv")
    assert "united-kingdom" not in ok("list", "--all", "--tier", "comprehensive", "--format", "csv")


def test_as_of_and_compare_keep_the_other_relation() -> None:
    listed = json.loads(ok("list", "--all", "--as-of", "2020", "--json"))
    assert listed[-4]["id"] == "united-kingdom" and listed[-4]["tier"] is None
    result = run_cli("compare", "uk", "canada", "--json")
    assert (result.exit_code, result.stderr) == (0, UK_NOTE)
    fields = {row["field"]: row for row in json.loads(result.stdout)["fields"]}
    assert fields["tier"]["values"] == [None, "comprehensive"] and not fields["tier"]["same"]


def test_the_table_marks_an_other_relation() -> None:
    text = " ".join(ok("list", "--all", "--format", "table").split())  # the cell may wrap
    assert "United Kingdom" in text and "no tier (other" in text


# --- identifiers ----------------------------------------------------------------------

def countries(dataset: Dataset) -> list[Partner]:
    """The partners that are countries: the organisations have no country codes."""
    return [partner for partner in dataset.all_partners if partner.kind == "country"]


def test_every_country_has_its_iso_codes_as_pycountry_knows_them(dataset: Dataset) -> None:
    for partner in countries(dataset):
        country = pycountry.countries.get(alpha_2=partner.iso2)
        assert country is not None, partner.id
        assert (partner.iso3, partner.iso_numeric) == (country.alpha_3, country.numeric), partner.id


# Checked by hand against the source used for them: the CountriesRegions.ts table of
# the owid-grapher repository, which maps each country's ISO code to its Wikidata item.
WIKIDATA = {"US": "Q30", "JP": "Q17", "DE": "Q183", "KR": "Q884", "KZ": "Q232", "TR": "Q43", "IN": "Q668",
            "IT": "Q38", "FR": "Q142", "VN": "Q881", "PL": "Q36", "UZ": "Q265", "KG": "Q813", "CZ": "Q213",
            "CA": "Q16", "AU": "Q408", "GB": "Q145", "RU": "Q159", "CN": "Q148"}


def test_every_country_has_its_wikidata_item(dataset: Dataset) -> None:
    assert {partner.iso2: partner.wikidata for partner in countries(dataset)} == WIKIDATA


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
# The lists' source records, by id (their addresses are in the records).
COW_LIST = "correlatesofwar-data-sets-state-system-membership"
GW_LIST = "ksgleditsch-data-iisystem-dat"


def test_every_country_has_its_correlates_of_war_and_gleditsch_ward_codes(dataset: Dataset) -> None:
    assert {partner.iso2: (partner.cow_code, partner.gw_code) for partner in countries(dataset)} == STATE_CODES
    assert {(partner.cow_source, partner.gw_source) for partner in countries(dataset)} == {(COW_LIST, GW_LIST)}
    addresses = {source.id: source.url for source in dataset.all_sources}
    assert (addresses[COW_LIST], addresses[GW_LIST]) == ("https://correlatesofwar.org/data-sets/state-system-membership",
                                                         "http://ksgleditsch.com/data/iisystem.dat")


def test_germany_is_where_the_two_lists_differ(dataset: Dataset) -> None:
    assert [p.id for p in countries(dataset) if p.cow_code != p.gw_code] == ["germany"]
    germany = json.loads(ok("show", "germany", "--json"))
    assert (germany["cow_code"], germany["gw_code"]) == (255, 260)
    # The lists are among the sources the answer cites, as objects with their addresses.
    lists = {source["id"]: source["url"] for source in germany["sources"]}
    assert (lists[germany["cow_source"]], lists[germany["gw_source"]]) == (
        "https://correlatesofwar.org/data-sets/state-system-membership", "http://ksgleditsch.com/data/iisystem.dat")


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
    assert headings[:3] == ["3.1.0", "3.0.0", "2.1.0"]


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


# --- data version 3.0.0: the rest of the second audit (docs/sources-audit.md, rows 29-53) ---

def _source(raw_document: dict[str, Any], source_id: str) -> dict[str, Any]:
    return next(source for source in raw_document["sources"] if source["id"] == source_id)


def _event(dataset: Dataset, date: str, partner: str) -> Any:
    [event] = [event for event in dataset.all_events if str(event.date) == date and partner in event.partners]
    return event


def test_no_source_is_text_without_saying_why(raw_document: dict[str, Any]) -> None:
    for source in raw_document["sources"]:
        if "url" not in source:
            assert source.get("offline") and source.get("title"), source["id"]
    offline = {source["id"] for source in raw_document["sources"] if "url" not in source}
    # The India 2015 and Russia 2019 text citations left the data; the other two are full citations.
    assert not offline & {"presidentofindia-gov-in", "joint-statement-of-2015-05-17-ministry-of-external-affairs",
                          "en-kremlin-ru-2019-09-03-treaty"}
    montsame = _source(raw_document, "the-second-consultative-meeting-between-the-ministries-of")
    assert (montsame["publisher"], montsame["date"]) == ("Montsame", "2024-12-19")
    # The Czech embassy's item of 13 March 2025, once offline, was found on the Czech foreign ministry's site.
    czech = _source(raw_document, "mzv-gov-cz-ulaanbaatar-mn-gh-x2012-10-15-mongolsky")
    assert czech["url"].startswith("https://mzv.gov.cz/ulaanbaatar/") and "offline" not in czech


def test_india_and_russia_rest_on_found_pages(raw_document: dict[str, Any]) -> None:
    assert {"montsame-mn-jp-201478", "ap7am-en-11548-modi-on-historic-visit-to-mongolia-offers-1"} <= set(
        _raw(raw_document, "india")["sources"])
    assert "tass-politics-1076151" in _raw(raw_document, "russia")["sources"]
    assert _source(raw_document, "montsame-mn-jp-201478")["url"] == "https://www.montsame.mn/jp/read/201478"


def test_turkiyes_tier_rests_on_a_report_of_the_signing(raw_document: dict[str, Any]) -> None:
    [tier] = [claim for claim in _raw(raw_document, "turkiye")["evidence"] if claim["field"] == "tier"]
    assert tier["sources"][0] == "turkiyeninsesigazetesi-2025-01-16-turkiye-ile-mogolistan"
    assert (tier["confidence"], tier["quote_language"]) == ("medium", "tr")
    assert "stratejik ortaklık tesis edilmesine ilişkin ortak bildiri" in tier["quote"]


def test_south_koreas_earlier_steps_cite_the_consulate(raw_document: dict[str, Any]) -> None:
    history = {entry["since"]: entry for entry in _raw(raw_document, "south-korea")["history"]}
    assert history["2006"]["occasion"] == "President Roh Moo-hyun's visit to Mongolia"
    for year in ("1999", "2006"):
        assert history[year]["sources"][0] == "busan-consul-mn-subcategory-595"
        assert history[year]["confidence"] == "high"
    assert "occasion" not in history["1999"] and "unconfirmed" in history["1999"]["note"]


@pytest.mark.parametrize(("date", "partner", "both"), [
    ("2009-08-25", "russia", {"dmitry-medvedev", "tsakhiagiin-elbegdorj"}),
    ("2011", "south-korea", {"lee-myung-bak", "tsakhiagiin-elbegdorj"}),
    ("2014-08-21", "china", {"xi-jinping", "tsakhiagiin-elbegdorj"}),
    ("2023-05-21", "france", {"emmanuel-macron", "ukhnaagiin-khurelsukh"}),
    ("2024-02-07", "germany", {"frank-walter-steinmeier", "ukhnaagiin-khurelsukh"}),
    ("2024-09-30", "vietnam", {"to-lam", "ukhnaagiin-khurelsukh"}),
    ("2025-03", "czechia", {"petr-pavel", "ukhnaagiin-khurelsukh"}),
    ("2025-06-24", "uzbekistan", {"shavkat-mirziyoyev", "ukhnaagiin-khurelsukh"}),
    ("2025-07-21", "kyrgyzstan", {"sadyr-japarov", "ukhnaagiin-khurelsukh"}),
    ("2025-09", "australia", {"samantha-mostyn", "ukhnaagiin-khurelsukh"}),
    ("2025-12-02", "italy", {"sergio-mattarella", "ukhnaagiin-khurelsukh"}),
])
def test_a_visit_names_both_heads_of_state(dataset: Dataset, date: str, partner: str, both: set[str]) -> None:
    assert both <= set(_event(dataset, date, partner).people)


@pytest.mark.parametrize(("partner", "since", "both"), [
    ("russia", "2009-08-25", {"dmitry-medvedev", "tsakhiagiin-elbegdorj"}),
    ("south-korea", "2011", {"lee-myung-bak", "tsakhiagiin-elbegdorj"}),
    ("china", "2003", {"hu-jintao", "natsagiin-bagabandi"}),
])
def test_an_earlier_tier_names_both_heads_of_state(dataset: Dataset, partner: str, since: str,
                                                   both: set[str]) -> None:
    [entry] = [entry for entry in by_id(dataset)[partner].history if str(entry.since) == since]
    assert both <= set(entry.people)


def test_people_khurelsukh_finds_the_state_visits_he_hosted() -> None:
    khurelsukh = json.loads(ok("people", "khurelsukh", "--json"))
    events = {(mention["date"], mention["partners"][0]) for mention in khurelsukh["mentions"]
              if mention["kind"] == "event"}
    assert {("2024-02-07", "germany"), ("2024-09-30", "vietnam"), ("2025-06-24", "uzbekistan")} <= events


# --- people's roles: each with its dates and sources -----------------------------------

ROLES = [
    ("ukhnaagiin-khurelsukh", "Prime Minister of Mongolia", "2017-10-04", "2021-01"),
    ("ukhnaagiin-khurelsukh", "President of Mongolia", "2021-06-25", None),
    ("luvsannamsrain-oyun-erdene", "Prime Minister of Mongolia", "2021-01-27", "2025-06"),
    ("batmunkhiin-battsetseg", "Minister for Foreign Affairs of Mongolia", "2021-01-29", None),
    ("khaltmaagiin-battulga", "President of Mongolia", "2017-07-10", "2021-06-25"),
    ("tsakhiagiin-elbegdorj", "President of Mongolia", "2009-06-18", "2017-07-10"),
    ("nambar-enkhbayar", "President of Mongolia", "2005-06-24", "2009-06-18"),
    ("natsagiin-bagabandi", "President of Mongolia", "1997", "2005-06-24"),
    ("sukhbaatar-batbold", "Prime Minister of Mongolia", "2009-10", "2012-08"),
    ("donald-trump", "President of the United States", "2017-01-20", "2021-01-20"),
    ("donald-trump", "President of the United States", "2025-01-20", None),
    ("barack-obama", "President of the United States", "2009-01-20", "2017-01-20"),
    ("to-lam", "President of Vietnam", "2024-05-22", "2024-10"),
    ("hu-jintao", "President of China", "2003-03-15", "2013-03-14"),
    ("xi-jinping", "President of China", "2013-03-14", None),
    ("horst-kohler", "Federal President of Germany", "2004-07-01", "2010-05-31"),
    ("frank-walter-steinmeier", "Federal President of Germany", "2017-03-19", None),
    ("james-baker", "United States Secretary of State", "1989-01-25", "1992-08-23"),
    ("samantha-mostyn", "Governor-General of Australia", "2024-07-01", None),
    ("petr-pavel", "President of the Czech Republic", "2023-03-09", None),
]


@pytest.mark.parametrize(("person", "title", "start", "end"), ROLES)
def test_a_role_carries_its_dates(dataset: Dataset, person: str, title: str, start: str, end: str | None) -> None:
    people = {record.id: record for record in dataset.all_people}
    roles = [(role.title, str(role.start), str(role.end) if role.end else None) for role in people[person].roles]
    assert (title, start, end) in roles


def test_every_person_has_roles_with_dates_or_a_note_saying_why_not(dataset: Dataset) -> None:
    for person in dataset.all_people:
        assert person.roles, person.id
        for role in person.roles:
            assert role.sources, person.id
            assert role.start or role.end or role.note, person.id
    undated = {person.id for person in dataset.all_people for role in person.roles if not (role.start or role.end)}
    assert undated == {"ben-cardin", "dan-sullivan", "dina-titus", "ted-yoho", "vern-buchanan"}


def test_the_one_line_role_is_made_from_the_dated_roles() -> None:
    khurelsukh = json.loads(ok("people", "khurelsukh", "--json"))
    assert khurelsukh["role"] == "Prime Minister of Mongolia (2017-10-04 – 2021-01); President of Mongolia (from 2021-06-25)"
    assert [(role["title"], role["from"], role["to"]) for role in khurelsukh["roles"]] == [
        ("Prime Minister of Mongolia", "2017-10-04", "2021-01"), ("President of Mongolia", "2021-06-25", None)]
    oyun_erdene = json.loads(ok("people", "oyun-erdene", "--json"))
    assert oyun_erdene["role"] == "Prime Minister of Mongolia (2021-01-27 – 2025-06)"


@pytest.mark.parametrize(("change", "message"), [
    (lambda person: person["roles"][0].update({"from": "2022", "to": "2021"}), "ends ('to' 2021) before it begins"),
    (lambda person: person["roles"][0].pop("from") and person["roles"][0].pop("to", None)
     and person["roles"][0].pop("note", None), "has neither 'from' nor 'to'"),
    (lambda person: person.update({"role": "President"}), "gives a 'role' that its dated 'roles' do not make"),
])
def test_validate_refuses_a_role_that_cannot_be_right(write_dataset: Any, change: Any, message: str) -> None:
    def edit(document: dict[str, Any]) -> None:
        change(next(person for person in document["people"] if person["id"] == "khaltmaagiin-battulga"))

    result = run_cli("validate", str(write_dataset(edit)))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert message in result.stderr and "khaltmaagiin-battulga" in result.stderr


# --- the multilateral third neighbors: organisations -------------------------------------

ORGANISATIONS = {"european-union", "osce", "nato"}


def test_the_organisations_are_records_of_their_own_kind(dataset: Dataset) -> None:
    organisations = [partner for partner in dataset.all_partners if partner.kind == "organisation"]
    assert {partner.id for partner in organisations} == ORGANISATIONS
    for partner in organisations:
        assert (partner.tier, partner.iso2, partner.iso3, partner.neighbor) == (None, None, None, False)
    assert {partner.kind for partner in dataset.all_partners if partner.id not in ORGANISATIONS} == {"country"}


@pytest.mark.parametrize(("organisation", "dates"), [
    ("european-union", ["2011-02-10", "2013-04-30", "2017-11-01"]),
    ("osce", ["2004", "2011-10-28", "2012-11-21"]),
    ("nato", ["2012-03", "2024"]),
])
def test_the_organisations_milestones_are_events(dataset: Dataset, organisation: str, dates: list[str]) -> None:
    assert [str(event.date) for event in dataset.all_events if organisation in event.partners] == dates


def test_list_leaves_the_organisations_out_unless_all() -> None:
    assert not ORGANISATIONS & {partner["id"] for partner in json.loads(ok("list", "--json"))}
    every = json.loads(ok("list", "--all", "--json"))
    assert [partner["id"] for partner in every][-4:] == ["united-kingdom", "european-union", "nato", "osce"]
    assert {partner["kind"] for partner in every if partner["id"] in ORGANISATIONS} == {"organisation"}
    assert ok("tiers", "--all").splitlines()[-1] == "organisation\tOrganisations\t6\tEuropean Union; NATO; OSCE"


@pytest.mark.parametrize("name", ["eu", "European Union", "Европын холбоо", "osce", "nato"])
def test_show_finds_an_organisation_and_says_it_has_no_tier(name: str) -> None:
    result = run_cli("show", name, "--json")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["kind"] == "organisation" and record["tier"] is None and record["iso3"] is None
    assert result.stderr == (f"thirdneighbor: {record['name']} holds no partnership tier; it is an organisation, a "
                             "multilateral third neighbor (`list --all` shows the other relations and the "
                             "organisations)\n")


def test_the_2011_concept_names_the_eu_among_its_partners(dataset: Dataset) -> None:
    concept = _event(dataset, "2011-02-10", "european-union")
    assert "the dataset records the EU as an organisation" in concept.notes[0]


@pytest.mark.parametrize(("change", "message"), [
    (lambda eu: eu.update({"iso2": "EU"}), "is an organisation but gives 'iso2'"),
    (lambda eu: eu.update({"tier": "strategic", "designation": "x", "since": "2013", "occasion": "x"}),
     "is an organisation but gives 'tier'"),
    (lambda eu: eu.update({"kind": "union"}), "field 'kind' must be 'country' or 'organisation'"),
])
def test_validate_holds_an_organisation_to_its_kind(write_dataset: Any, change: Any, message: str) -> None:
    result = run_cli("validate", str(write_dataset(lambda document: change(_raw(document, "european-union")))))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert message in result.stderr


def test_validate_requires_a_countrys_iso_codes(write_dataset: Any) -> None:
    result = run_cli("validate", str(write_dataset(lambda document: _raw(document, "japan").pop("iso2"))))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "partners[1] (japan): missing required field 'iso2'" in result.stderr


# --- the foreign ministry's list by tier, as a dated snapshot ------------------------------

def test_list_as_of_the_snapshots_date_agrees_with_the_ministrys_list(dataset: Dataset) -> None:
    [snapshot] = dataset.snapshots
    assert (snapshot.id, str(snapshot.date), snapshot.confidence) == ("mfa-partners-by-tier-2015", "2015", "low")
    listed = {tier.tier: set(tier.partners) for tier in snapshot.tiers}
    answer = json.loads(ok("list", "--as-of", str(snapshot.date), "--all", "--neighbors", "--json"))
    tiered: dict[str, set[str]] = {}
    for partner in answer:
        if partner["tier"] is not None:
            tiered.setdefault(partner["tier"], set()).add(partner["id"])
    assert tiered == listed
    # The list is of countries: the other relation and the organisations are not on it, and have no tier.
    untiered = {partner["id"] for partner in answer if partner["tier"] is None}
    assert untiered == {"united-kingdom", *ORGANISATIONS}


def test_the_snapshot_says_its_date_is_an_inference(dataset: Dataset) -> None:
    [snapshot] = dataset.snapshots
    assert "carries no date" in (snapshot.note or "") and "inference" in (snapshot.note or "")
    # The window its list fits: India strategic from 2015-05-17, the United States from 2019-07-31.
    assert by_id(dataset)["india"].tier_since == PartialDate.parse("2015-05-17")
    assert str(by_id(dataset)["united-states"].tier_since) == "2019-07-31"


def test_validate_refuses_a_snapshot_that_names_an_unknown_partner(write_dataset: Any) -> None:
    def edit(document: dict[str, Any]) -> None:
        document["snapshots"][0]["tiers"][0]["partners"].append("atlantis")

    result = run_cli("validate", str(write_dataset(edit)))
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "snapshots[0] (mfa-partners-by-tier-2015) tiers[0]: names unknown partners 'atlantis'" in result.stderr
