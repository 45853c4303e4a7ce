"""Every command's --json output against schema/output.schema.json, the public contract."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from .conftest import REPO, run_cli

SCHEMA = json.loads((REPO / "schema" / "output.schema.json").read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(SCHEMA)


def validate(payload: Any, definition: str) -> None:
    schema = {"$ref": f"#/$defs/{definition}", "$defs": SCHEMA["$defs"]}
    jsonschema.Draft202012Validator(schema).validate(payload)


def json_of(*args: str) -> Any:
    args = tuple(str(REPO / arg) if arg.startswith("data/") else arg for arg in args)
    result = run_cli(*args, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


@pytest.mark.parametrize(("args", "definition"), [
    (["list"], "list"),
    (["list", "--neighbors"], "list"),
    (["list", "--since", "2090"], "list"),
    (["show", "korea"], "show"),
    (["show", "usa", "china", "canada"], "show"),
    (["timeline"], "timeline"),
    (["timeline", "--since", "2090"], "timeline"),
    (["tiers"], "tiers"),
    (["tiers", "--neighbors"], "tiers"),
    (["compare", "japan", "united states"], "compare"),
    (["compare", "russia", "china", "italy"], "compare"),
    (["list", "--as-of", "2015"], "list"),
    (["show", "japan", "--as-of", "2012"], "show"),
    (["compare", "japan", "germany", "--as-of", "2020"], "compare"),
    (["tiers", "--as-of", "2010"], "tiers"),
    (["history", "korea"], "history"),
    (["history", "usa"], "history"),
    (["list", "--all", "--neighbors"], "list"),
    (["list", "--as-of", "2012"], "list"),
    (["tiers", "--all"], "tiers"),
    (["search", "khurelsukh"], "search"),
    (["search", "trade act", "--since", "2019"], "search"),
    (["changes", "2000", "2025", "--neighbors"], "changes"),
    (["changes", "2025", "2026"], "changes"),
    (["series"], "series"),
    (["series", "--all", "--neighbors", "--from", "1990"], "series"),
    (["series", "--counts"], "counts"),
    (["people"], "people"),
    (["people", "khurelsukh"], "personDetail"),
    (["people", "Elbegdorj"], "personDetail"),
    (["timeline", "--chart"], "chart"),
    (["validate", "data/partners.toml"], "validation"),
])
def test_output_matches_schema(args: list[str], definition: str) -> None:
    validate(json_of(*args), definition)


@pytest.mark.parametrize(("args", "definition"), [
    (["show", "uk"], "show"), (["history", "uk"], "history"), (["compare", "uk", "japan"], "compare")])
def test_an_other_relation_matches_the_schema_and_is_named_on_stderr(args: list[str], definition: str) -> None:
    result = run_cli(*args, "--json")
    assert result.exit_code == 0
    assert result.stderr == ("thirdneighbor: United Kingdom holds no partnership tier; it is in the dataset for its "
                             "events (`list --all` shows the other relations and the organisations)\n")
    validate(json.loads(result.stdout), definition)


def test_an_in_force_by_date_is_marked_in_json() -> None:
    partners = {p["id"]: p for p in json_of("list", "--as-of", "2012")}
    assert (partners["united-states"]["since"], partners["united-states"]["since_approx"]) == ("2011-06-16", True)
    assert partners["japan"]["since_approx"] is False


def test_show_one_partner_is_a_detail_object() -> None:
    payload = json_of("show", "usa")
    validate(payload, "partnerDetail")
    assert payload["history"] == [{
        "designation": "Comprehensive partnership", "tier": "comprehensive", "since": None,
        "in_force_by": "2011-06-16", "occasion": "Reaffirmed in the Obama–Elbegdorj joint statement",
        "people": ["tsakhiagiin-elbegdorj", "barack-obama"], "note": "Start year unconfirmed.",
        "sources": ["obamawhitehouse-archives-gov-the-press-office-2011-06-16-us"],
        "quote": "today reaffirmed their commitment to a United States-Mongolia comprehensive partnership based on "
                 "common values and shared strategic interests", "quote_language": "en", "confidence": "high",
    }, {
        "designation": "Expanded Comprehensive Partnership", "tier": "comprehensive", "since": "2018-09-20",
        "in_force_by": None, "occasion": "Prime Minister Ukhnaagiin Khürelsükh's official visit to Washington",
        "people": ["ukhnaagiin-khurelsukh"], "note": "The tier from which the 2019 strategic partnership was raised. "
        "The foreign ministry's page, in English, reports the Prime Minister's meeting with Secretary of State Mike "
        "Pompeo on 20 September 2018, during his official visit to the United States; a media note of April 2019 on "
        "the bilateral consultations, as government-world.com republishes it, also says that the partnership was "
        "announced during that visit.",
        "sources": ["mfa-gov-mn-47924", "government-world-press-releases-u-s-mongolia-consultations"],
        "quote": "The bilateral relationship was upgraded and reached the level of the “Expanded Comprehensive "
                 "Partnership”.", "quote_language": "en", "confidence": "high",
    }]


def test_show_gives_each_value_with_its_evidence_and_every_source_as_an_object() -> None:
    payload = json_of("show", "canada")
    validate(payload, "partnerDetail")
    evidence = {row["field"]: row for row in payload["evidence"] if row["field"] in ("tier", "since")}
    assert evidence["tier"] == {
        "field": "tier", "value": "comprehensive",
        "sources": ["eawaz-1287822", "manage-thediplomat-2023-12-canada-mongolia-new"],
        "quote": "agree to upgrade the bilateral relations to Comprehensive Partnership", "quote_language": "en",
        "confidence": "medium", "note": evidence["tier"]["note"]}
    assert evidence["since"]["confidence"] == "low" and "reprint" in evidence["since"]["note"]
    # Every id the evidence names is among the sources, given as objects with every key.
    by_id = {source["id"]: source for source in payload["sources"]}
    assert all(source in by_id for row in payload["evidence"] for source in row["sources"])
    assert by_id["eawaz-1287822"] == {
        "id": "eawaz-1287822", "url": "https://eawaz.com/?p=1287822", "title": None, "publisher": "eawaz.com",
        "date": None, "language": "en", "kind": "reprint", "archive_url": None, "offline": None}
    offline = by_id["the-second-consultative-meeting-between-the-ministries-of"]
    assert offline["url"] is None and "carries no address" in offline["offline"]
    # A value no claim grades says so: no sources, no confidence; a graded one has both.
    values = [row for row in payload["evidence"] if row["field"] in ("tier", "since", "designation", "occasion",
                                                                      "instrument")]
    assert all((row["sources"] == []) == (row["confidence"] is None) for row in values)


def test_list_gives_the_grades_of_the_tier_and_its_date_when_asked() -> None:
    rows = {row["id"]: row for row in json_of("list", "--fields", "id,confidence")}
    assert rows["japan"]["confidence"] == {"tier": "high", "tier_since": "high"}  # the date is the 2010 tier's
    assert rows["turkiye"]["confidence"] == {"tier": "medium", "tier_since": "medium"}
    assert "confidence" not in json_of("list")[0]  # only where asked for


@pytest.mark.parametrize("payload", [
    [{"id": "x"}],                                            # required keys missing
    [{**{"id": "japan"}, "since": "2019-7"}],                   # malformed date
])
def test_schema_rejects_broken_lists(payload: Any) -> None:
    with pytest.raises(jsonschema.ValidationError):
        validate(payload, "list")


def test_schema_rejects_an_unexpected_key() -> None:
    partner = json_of("list")[0]
    validate([partner], "list")
    with pytest.raises(jsonschema.ValidationError):
        validate([{**partner, "capital": "Tokyo"}], "list")
    with pytest.raises(jsonschema.ValidationError):
        validate([{**partner, "since": "July 2019"}], "list")


def test_json_is_utf8_without_escapes() -> None:
    result = run_cli("show", "turkiye", "--json")
    assert '"name": "Türkiye"' in result.stdout
    assert "\\u" not in result.stdout


def test_partner_json_in_list_and_show_agree() -> None:
    listed = {p["id"]: p for p in json_of("list")}
    shown = json_of("show", "japan")
    assert {k: v for k, v in shown.items() if k not in ("history", "events", "evidence", "sources")} \
        == {k: v for k, v in listed["japan"].items() if k != "sources"}
    # show gives the record's own sources first, as objects; list gives their ids.
    ids = [source["id"] for source in shown["sources"]]
    assert ids[:len(listed["japan"]["sources"])] == listed["japan"]["sources"]


def test_schema_file_is_referenced_by_the_readme() -> None:
    assert "schema/output.schema.json" in (REPO / "README.md").read_text(encoding="utf-8")



def test_cite_json_matches_schema() -> None:
    result = run_cli("cite", "--format", "json")
    assert result.exit_code == 0
    validate(json.loads(result.stdout), "citation")
    sources = run_cli("cite", "--sources", "--json")
    assert (sources.exit_code, sources.stderr) == (0, "")
    validate(json.loads(sources.stdout), "citationSources")


def test_a_citation_without_a_licence_matches_schema(write_dataset) -> None:  # type: ignore[no-untyped-def]
    path = write_dataset(lambda d: d.pop("license"))
    result = run_cli("cite", "--json", "--data", str(path))
    assert result.exit_code == 0
    citation = json.loads(result.stdout)
    assert (citation["license"], citation["license_name"], citation["license_url"]) == (None, None, None)
    validate(citation, "citation")


def test_a_failed_validation_matches_schema(write_dataset) -> None:  # type: ignore[no-untyped-def]
    path = write_dataset(lambda d: d["events"][0].update(partners=["nowhere"]))
    result = run_cli("validate", "--json", str(path))
    assert result.exit_code == 3
    validate(json.loads(result.stdout), "validation")


def test_as_of_appears_only_with_as_of() -> None:
    assert "as_of" not in json_of("list")[0]
    assert json_of("list", "--as-of", "2016")[0]["as_of"] == "2016"


# --- the schema agrees with the model, where every record's fields are declared ---------

def _schema_keys(definition: str) -> tuple[list[str], set[str]]:
    node = SCHEMA["$defs"][definition]
    return node["required"], set(node["properties"])


@pytest.mark.parametrize(("definition", "cls", "extra"), [
    ("partnerCore", "Partner", {"as_of", "tier_since", "tier_since_approx", "confidence"}),
    ("event", "Event", set()),
    ("historyEntry", "HistoryEntry", set()),
    ("tier", "Tier", {"partners", "designations", "as_of"}),
    ("person", "Person", set()),
])
def test_the_schema_lists_the_model_fields_in_order(definition: str, cls: str, extra: set[str]) -> None:
    from thirdneighbor.data import model

    declared = [info.key for info in model.record_fields(getattr(model, cls)) if not info.detail]
    required, properties = _schema_keys(definition)
    assert [key for key in required if key in declared] == declared  # same order as the model
    assert properties - set(declared) == extra


def test_partner_to_dict_is_the_list_json() -> None:
    import thirdneighbor

    listed = json_of("list", "--neighbors")
    data = thirdneighbor.load()
    assert [partner.to_dict() for partner in data.partners(neighbors=True)] == listed


def test_the_schema_lists_a_partner_s_keys_with_the_derived_dates_in_order() -> None:
    from thirdneighbor.data.model import partner_keys

    required, properties = _schema_keys("partnerCore")
    assert required == list(partner_keys())
    assert {"tier_since", "tier_since_approx"} <= properties
    assert "rename within the tier" in SCHEMA["$defs"]["partnerCore"]["properties"]["tier_since"]["description"]


@pytest.mark.parametrize("name", ["eu", "osce", "nato"])
def test_an_organisation_matches_the_schema_and_says_its_kind(name: str) -> None:
    result = run_cli("show", name, "--json")
    assert result.exit_code == 0
    assert "is an organisation, a multilateral third neighbor" in result.stderr
    record = json.loads(result.stdout)
    assert (record["kind"], record["iso2"], record["tier"]) == ("organisation", None, None)
    validate(record, "show")
