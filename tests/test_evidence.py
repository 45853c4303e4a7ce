"""Schema 4: sources as records, claims with quotes and grades, and where they show.

Pins the rules of issue 20's points 1 to 3: every source is a record cited by id;
validation refuses what would leave a value pointing at nothing; every third
neighbor's tier and tier date is graded (or says why not); files of schemas 1 to 3
still load; `show --sources`, `show --json`, `list --fields confidence`, `search`,
the SQLite export and the report carry the evidence.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from thirdneighbor.data.load import load_dataset
from thirdneighbor.errors import DatasetError
from thirdneighbor.query.evidence import confidence, tier_date_entry

from .conftest import downgraded, json_of, ok, run_cli


def _wrote(*args: str) -> None:
    """A command that writes a file: exit 0, nothing on stdout, and says where it wrote on stderr."""
    result = run_cli(*args)
    assert (result.exit_code, result.stdout) == (0, ""), result.stderr
    assert "wrote" in result.stderr


def _by_id(records: Any, record_id: str) -> Any:
    return next(record for record in records if record.id == record_id)


def _problems(path: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load_dataset(path, use_cache=False)
    return [str(problem) for problem in caught.value.problems]


def _partner(document: dict[str, Any], partner_id: str) -> dict[str, Any]:
    return next(p for p in document["partners"] if p["id"] == partner_id)


def _source(document: dict[str, Any], source_id: str) -> dict[str, Any]:
    return next(s for s in document["sources"] if s["id"] == source_id)


# --- the bundled data ---------------------------------------------------------------

def test_every_third_neighbor_s_tier_and_tier_date_are_graded_high_or_medium_or_say_why(dataset: Any) -> None:
    third = [p for p in dataset.all_partners if p.tier is not None and not p.neighbor]
    assert len(third) == 16
    for partner in third:
        grades = confidence(partner)
        for value in ("tier", "tier_since"):
            assert grades[value] is not None, (partner.id, value)
            if grades[value] == "low":  # a low grade carries its reason
                claim = (tier_date_entry(partner) if value == "tier_since" and tier_date_entry(partner) else
                         next(c for c in partner.evidence if c.field == ("tier" if value == "tier" else "since")))
                assert getattr(claim, "note", None), (partner.id, value)
    lows = sorted((p.id, value) for p in third for value, grade in confidence(p).items() if grade == "low")
    assert lows == [("canada", "tier_since")]  # Türkiye's tier: medium since a report of the signing


def test_every_value_of_a_tie_and_every_event_is_graded(dataset: Any) -> None:
    # Issue 20's evidence per value: a tied partner's designation, occasion and
    # instrument each have a claim, as its tier and date do, and every event a grade.
    for partner in dataset.all_partners:
        if partner.tier is None:
            continue
        claimed = {claim.field for claim in partner.evidence}
        given = {field for field in ("designation", "occasion", "instrument") if getattr(partner, field)}
        assert given <= claimed, (partner.id, sorted(given - claimed))
    ungraded = [f"{event.date} {event.title}" for event in dataset.all_events if event.confidence is None]
    assert ungraded == []
    for event in dataset.all_events:
        if event.confidence == "low":  # a low grade says why, in the event's notes
            assert event.notes, (str(event.date), event.title)


def test_no_source_is_free_text_without_offline(dataset: Any) -> None:
    for source in dataset.all_sources:
        assert source.url is not None or (source.offline and source.title), source.id
        assert source.url is None or source.url.startswith(("https://", "http://")), source.id
    offline = sorted(source.id for source in dataset.all_sources if source.url is None)
    assert offline == ["the-second-consultative-meeting-between-the-ministries-of",
                       "third-neighbor-policy-wikipedia-article"]


def test_a_high_claim_rests_on_an_official_text_or_the_instrument(dataset: Any) -> None:
    kinds = {source.id: source.kind for source in dataset.all_sources}
    claims = [claim for p in dataset.all_partners for claim in (*p.evidence, *p.history) if claim.confidence == "high"]
    assert len(claims) >= 10
    assert all(any(kinds[s] in ("official", "instrument") for s in claim.sources) for claim in claims)


def test_the_quotes_are_the_sources_words_in_their_language(dataset: Any) -> None:
    italy = dataset.partner("italy")
    tier = next(claim for claim in italy.evidence if claim.field == "tier")
    assert (tier.quote_language, tier.sources[0]) == ("it", "esteri-it-it-sala-stampa-archivionotizie-comunicati-2025-12")
    assert "Partenariato Strategico" in tier.quote
    india = next(claim for claim in dataset.partner("india").evidence if claim.field == "tier")
    assert (india.quote, india.quote_language) == ("Стратегийн түншлэлийн харилцаатай 3 улс /ОХУ, Япон Энэтхэг/", "mn")


# --- validation ---------------------------------------------------------------------

@pytest.mark.parametrize(("change", "message"), [
    (lambda d: _partner(d, "japan")["evidence"][0].update(sources=[]),
     "partners[1] (japan) evidence[0]: field 'sources' must name at least one source"),
    (lambda d: _partner(d, "japan")["evidence"][0].update(sources=["nowhere-1"]),
     "partners[1] (japan) evidence[0]: field 'sources' cites unknown source 'nowhere-1' (no [[sources]] record has "
     "that id)"),
    (lambda d: _source(d, "mfa-gov-mn-16273").update(url="ftp://mfa.gov.mn/16273"),
     "sources[0] (mfa-gov-mn-16273): field 'url' must be an http or https address, not 'ftp://mfa.gov.mn/16273'"),
    (lambda d: _source(d, "mfa-gov-mn-16273").update(url="https://[::1/16273"),  # urlsplit: "Invalid IPv6 URL"
     "sources[0] (mfa-gov-mn-16273): field 'url' must be an http or https address, not 'https://[::1/16273'"),
    (lambda d: _source(d, "mfa-gov-mn-16273").update(url="https://mfa.gov\u2100mn/16273"),  # NFKC makes a "/"
     "sources[0] (mfa-gov-mn-16273): field 'url' must be an http or https address, not "
     "'https://mfa.gov\u2100mn/16273'"),
    (lambda d: _source(d, "mfa-gov-mn-16273").pop("url"),
     "sources[0] (mfa-gov-mn-16273): has no 'url' and no 'offline'; give its address, or say in 'offline' why there "
     "is none"),
    (lambda d: d["sources"].insert(1, dict(_source(d, "mfa-gov-mn-16273"))),
     "sources[1] (mfa-gov-mn-16273): duplicate source id 'mfa-gov-mn-16273'"),
    (lambda d: _partner(d, "japan")["evidence"][0].update(confidence="certain"),
     "partners[1] (japan) evidence[0]: field 'confidence' must be high, medium or low, not 'certain'"),
    (lambda d: _partner(d, "japan")["evidence"][0].update(sources=["thediplomaticinsight-mongolia-japan-adopt-special"
                                                                   "-strategic"]),
     "partners[1] (japan) evidence[0]: is graded 'high' but cites no source of kind official or instrument; grade it "
     "by its best source, or cite one"),
    (lambda d: _partner(d, "canada")["evidence"][1].pop("note"),
     "partners[14] (canada) evidence[1]: is graded 'low' without a note; say why the evidence is weak"),
    (lambda d: _partner(d, "japan")["evidence"][0].pop("quote_language"),
     "partners[1] (japan) evidence[0]: gives one of 'quote' and 'quote_language' without the other; a quote needs "
     "its language"),
    (lambda d: _partner(d, "japan")["evidence"].append(dict(_partner(d, "japan")["evidence"][0])),
     "partners[1] (japan) evidence[5]: is a second claim for 'tier'; put all its sources in one"),
    (lambda d: _partner(d, "germany").update(evidence=_partner(d, "germany")["evidence"][:2] + [
        {"field": "instrument", "sources": ["montsame-mn-en-337211"], "confidence": "medium"}]) or _partner(
            d, "germany").pop("instrument"),
     "partners[2] (germany) evidence[2]: is evidence for 'instrument', which the partner does not give"),
    (lambda d: _partner(d, "japan")["history"][0].pop("confidence"),
     "partners[1] (japan) history[0]: cites sources without a 'confidence'; grade the entry high, medium or low"),
])
def test_validation_refuses_what_would_leave_a_value_unsupported(write_dataset: Any, change: Any, message: str) -> None:
    assert _problems(write_dataset(change)) == [message]


def test_a_source_cited_by_no_record_is_refused(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d["sources"].append({"id": "stray", "url": "https://example.org/stray"}),
                         keep_unused=True)
    assert _problems(path) == ["sources: 1 cited by no record: 'stray'; cite each where it supports a value, or "
                               "remove it"]


def test_unknown_and_unused_sources_at_once_are_each_reported_in_order(write_dataset: Any) -> None:
    # The citations are compared as sets first: where they differ, each is still reported, in file order.
    def change(document: dict[str, Any]) -> None:
        tier = _partner(document, "japan")["evidence"][0]
        tier["sources"] = ["nowhere-1", tier["sources"][0], "nowhere-2"]
        document["events"][0]["sources"].append("nowhere-3")
        document["sources"] += [{"id": "stray", "url": "https://example.org/stray"},
                                {"id": "stray-2", "url": "https://example.org/stray-2"}]

    assert _problems(write_dataset(change, keep_unused=True)) == [
        "partners[1] (japan) evidence[0]: field 'sources' cites unknown sources 'nowhere-1', 'nowhere-2' (no "
        "[[sources]] record has that id)",
        "events[0] (United States and Mongolia establish diplomatic relations): field 'sources' cites unknown "
        "source 'nowhere-3' (no [[sources]] record has that id)",
        "sources: 2 cited by no record: 'stray', 'stray-2'; cite each where it supports a value, or remove it",
    ]


def test_a_grade_is_judged_on_known_sources_of_a_kind(write_dataset: Any) -> None:
    # A claim citing an unknown source is reported for that alone; one citing only
    # sources without a kind, or of a lesser kind, is reported for its grade.
    def change(document: dict[str, Any]) -> None:
        tier = _partner(document, "japan")["evidence"][0]
        tier["sources"] = [*tier["sources"], "nowhere-1"]
        document["sources"].append({"id": "no-kind", "url": "https://example.org/no-kind"})
        _partner(document, "india")["evidence"][0].update(sources=["no-kind"], confidence="medium")

    assert _problems(write_dataset(change)) == [
        "partners[6] (india) evidence[0]: is graded 'medium' but cites no source of kind official or instrument or "
        "press; grade it by its best source, or cite one",
        "partners[1] (japan) evidence[0]: field 'sources' cites unknown source 'nowhere-1' (no [[sources]] record "
        "has that id)",
    ]


def test_validate_exits_3_and_names_the_problem(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan")["evidence"][0].update(sources=["nowhere-1"]))
    result = run_cli("validate", str(path))
    assert result.exit_code == 3 and result.stdout == ""
    assert "cites unknown source 'nowhere-1'" in result.stderr


@pytest.mark.parametrize("version", [1, 2, 3])
def test_files_of_schemas_1_to_3_still_load_their_sources_as_records(write_dataset: Any, dataset: Any,
                                                                     version: int) -> None:
    def change(document: dict[str, Any]) -> None:
        downgraded(document, version)
        if version == 1:
            for partner in document["partners"]:
                if "tier" in partner:
                    partner["level"] = partner.pop("tier")
    old = load_dataset(write_dataset(change), use_cache=False)
    assert old.schema_version == version
    japan, new_japan = _by_id(old.all_partners, "japan"), dataset.partner("japan")
    assert (japan.tier, japan.since, japan.evidence) == (new_japan.tier, new_japan.since, ())
    # The same cited strings give the same ids, and records with their address or citation.
    assert japan.sources == new_japan.sources
    by_id = {source.id: source for source in old.all_sources}
    assert by_id["mofa-go-jp-announce-announce-2010-11-1119-03"].url == \
        "https://mofa.go.jp/announce/announce/2010/11/1119_03.html"
    # The lists of state codes, addresses until schema 4, become the same source records.
    assert (japan.cow_source, japan.gw_source, old.mongolia.gw_source) == (
        new_japan.cow_source, new_japan.gw_source, dataset.mongolia.gw_source)
    assert by_id[japan.gw_source].url == "http://ksgleditsch.com/data/iisystem.dat"
    wikipedia = by_id["third-neighbor-policy-wikipedia-article"]
    assert (wikipedia.url, wikipedia.title) == (None, "Third neighbor policy (Wikipedia article)")
    assert "not recorded" in wikipedia.offline


def test_an_old_file_with_source_records_is_refused(write_dataset: Any) -> None:
    assert _problems(write_dataset(lambda d: d.update(schema_version=3)))[0] == (
        "[[sources]] records need schema_version 4; a file of an older schema cites its sources as text")


def test_init_writes_the_records_back_and_they_load_the_same(tmp_path: Path, dataset: Any) -> None:
    path = tmp_path / "copy.toml"
    _wrote("init", str(path))
    copy = load_dataset(path, use_cache=False)
    assert (copy.all_sources, _by_id(copy.all_partners, "canada").evidence) == (dataset.all_sources,
                                                                                dataset.partner("canada").evidence)
    assert _by_id(copy.all_partners, "japan").history == dataset.partner("japan").history


# --- where people look --------------------------------------------------------------

def test_show_japan_sources_gives_each_value_with_its_grade_sources_and_words() -> None:
    out = ok("show", "japan", "--sources", "--format", "table")
    assert "Evidence, value by value" in out
    assert "Tier: strategic  high" in out
    assert "https://japan.kantei.go.jp/101_kishida/diplomatic/202309/21mongolia.html" in out
    assert "Occasion: President Ukhnaagiin Khürelsükh's state visit to Japan  medium" in out
    assert "Earlier tier: Strategic partnership (2010-11-19)  high" in out
    plain = ok("show", "japan", "--sources")
    assert ("evidence:          tier: strategic · high · japan-kantei-go-jp-101-kishida-diplomatic-202309-21mongolia,"
            " mfa-gov-mn-16273 · “the two leaders concurred") in plain
    assert "evidence:" not in ok("show", "japan")  # only with --sources


def test_list_fields_confidence_in_a_table_and_csv() -> None:
    csv_text = ok("list", "--fields", "id,confidence", "--format", "csv")
    assert 'turkiye,"tier=medium, tier_since=medium"' in csv_text.splitlines()


def test_search_finds_source_titles_publishers_and_quoted_words() -> None:
    hits = json_of("search", "Partenariato Strategico")
    assert [(hit["kind"], hit["id"]) for hit in hits][:1] == [("partner", "italy")]
    assert {"sources", "evidence"} <= set(hits[0]["fields"])
    by_publisher = json_of("search", "Polish Radio")
    assert "poland" in [hit["id"] for hit in by_publisher]


def test_the_sqlite_export_carries_sources_and_evidence(tmp_path: Path, raw_document: dict[str, Any]) -> None:
    path = tmp_path / "policy.db"
    _wrote("export", "--format", "sqlite", "--neighbors", "--all", "-o", str(path))
    db = sqlite3.connect(path)
    try:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM source_records").fetchone() == (len(raw_document["sources"]),)
        row = db.execute("SELECT confidence, quote_language FROM evidence WHERE record_type = 'partner' "
                         "AND record_id = 'italy' AND field = 'tier'").fetchone()
        assert row == ("high", "it")
        urls = [url for (url,) in db.execute(
            "SELECT s.url FROM partner_claim_sources AS c JOIN source_records AS s ON s.id = c.source_id "
            "WHERE c.partner_id = 'japan' AND c.field = 'tier' ORDER BY c.position")]
        assert urls == ["https://japan.kantei.go.jp/101_kishida/diplomatic/202309/21mongolia.html",
                        "https://mfa.gov.mn/?page_id=16273"]
        # The citations of each record are ids into source_records.
        assert db.execute("SELECT count(*) FROM sources AS c LEFT JOIN source_records AS s ON s.id = c.source "
                          "WHERE s.id IS NULL").fetchone() == (0,)
        lows = db.execute("SELECT record_id, field FROM evidence WHERE confidence = 'low' AND record_type = 'partner' "
                          "AND field IN ('tier', 'since') ORDER BY record_id").fetchall()
        assert lows == [("canada", "since")]
    finally:
        db.close()


def test_the_report_gives_each_partner_s_grades_beside_its_sources(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    _wrote("report", "-o", str(path))
    page = path.read_text(encoding="utf-8")
    row = page[page.index('<tr id="partner-canada"'):]  # the table's row (the chart's and map's carry the id too)
    row = row[:row.index("</tr>")]
    assert "Evidence: tier medium; date low" in row and 'href="https://eawaz.com/?p=1287822"' in row


def test_cite_sources_lists_each_source_once_with_its_address_or_citation() -> None:
    lines = ok("cite", "--sources").splitlines()
    assert len(lines) == len(set(lines))
    assert "https://mfa.gov.mn/?page_id=16273" in lines
    assert any(line.startswith("Third neighbor policy (Wikipedia article) (offline: ") for line in lines)
    assert json.loads(ok("cite", "--sources", "--json")) == lines
