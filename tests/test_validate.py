"""Dataset validation: the bundled file passes; each kind of breakage is reported
with its file and record, all problems together, as a DatasetError (exit 3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from thirdneighbor.api.dataset import with_methods
from thirdneighbor.data.load import bundled_dataset_path, dataset_path, load_dataset
from thirdneighbor.errors import DatasetError, ExitCode
from thirdneighbor.data.validate import build_dataset

from .conftest import BUNDLED, downgraded, run_cli


def test_bundled_dataset_validates(dataset: Any) -> None:
    assert len(dataset.all_partners) == 22
    assert len(dataset.all_events) == 47
    assert [level.id for level in dataset.tiers] == [
        "comprehensive-strategic", "strategic", "comprehensive", "expanded"]


def test_the_tool_finds_the_repository_dataset_in_a_checkout() -> None:
    assert bundled_dataset_path().read_bytes() == BUNDLED.read_bytes()


def test_environment_variable_points_at_another_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("THIRDNEIGHBOR_DATA", str(tmp_path / "mine.toml"))
    assert dataset_path() == tmp_path / "mine.toml"
    assert dataset_path(tmp_path / "explicit.toml") == tmp_path / "explicit.toml"


def _problems(path: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert caught.value.exit_code == ExitCode.BROKEN_DATASET
    assert caught.value.path == str(path)
    return [str(problem) for problem in caught.value.problems]


def _partner(document: dict[str, Any], partner_id: str) -> dict[str, Any]:
    return next(p for p in document["partners"] if p["id"] == partner_id)


def test_missing_required_field(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").pop("wikidata"))
    assert _problems(path) == ["partners[1] (japan): missing required field 'wikidata'"]


def test_a_tier_needs_its_designation_date_and_occasion(write_dataset: Any) -> None:
    path = write_dataset(lambda d: [_partner(d, "japan").pop(key) for key in ("since", "designation")])
    assert _problems(path) == ["partners[1] (japan): has a tier but no 'designation', 'since'"]


def test_an_other_relation_has_no_tier_facts(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        _partner(document, "united-kingdom").update(designation="Roadmap", since_approx=True)
        _partner(document, "united-kingdom")["history"] = [{"designation": "Friendly", "since": "2000",
                                                            "note": "No source found."}]
    assert _problems(write_dataset(change)) == [
        "partners[16] (united-kingdom): has 'designation', 'history', 'since_approx' but no 'tier'; a country "
        "without a partnership tier (an other relation) has only its names, codes, notes and sources"]


def test_a_data_version_is_semver(write_dataset: Any) -> None:
    assert _problems(write_dataset(lambda d: d.update(version="v2"))) == [
        "field 'version' must be a semantic version such as '2.0.0', not 'v2'"]
    assert load_dataset(write_dataset(lambda d: d.update(version="2.1.0-rc.1+build.5"))).version == "2.1.0-rc.1+build.5"


def test_wrong_type(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        _partner(document, "india")["neighbor"] = "no"
        document["tiers"][0]["rank"] = "1"
    problems = _problems(write_dataset(change))
    assert "partners[6] (india): field 'neighbor' must be true or false, not a string" in problems
    assert "tiers[0] (comprehensive-strategic): field 'rank' must be an integer, not a string" in problems


def test_unknown_field_is_named(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "canada").update(capital="Ottawa"))
    [problem] = _problems(path)
    assert problem.startswith("partners[14] (canada): unknown field 'capital'")


def test_duplicate_ids(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "poland").update(id="czechia"))
    problems = _problems(path)
    assert "partners[13] (czechia): duplicate partner id 'czechia'" in problems


def test_colliding_aliases(write_dataset: Any) -> None:
    # "Korea" already belongs to South Korea; accents and case do not make it different.
    path = write_dataset(lambda d: _partner(d, "japan")["aliases"].append("KORÉA"))
    assert _problems(path) == ["partners[3] (south-korea): name 'Korea' is also a name of partner 'japan'"]


def test_unknown_tier_level(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "vietnam").update(tier="friendly"))
    [problem] = _problems(path)
    assert problem.startswith("partners[9] (vietnam): unknown tier 'friendly' (tiers: ")


@pytest.mark.parametrize(("bad", "message"), [
    ("2019-13", "month 13 is not between 01 and 12"),
    ("2019-02-30", "day 30 does not exist in 2019-02"),
    ("July 2019", "is not a date of the form"),
])
def test_impossible_partial_dates(write_dataset: Any, bad: str, message: str) -> None:
    path = write_dataset(lambda d: _partner(d, "germany").update(since=bad))
    [problem] = _problems(path)
    assert problem.startswith("partners[2] (germany): field 'since' is invalid: ")
    assert message in problem


def test_event_naming_unknown_partner(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d["events"][0].update(partners=["united-states", "atlantis"]))
    [problem] = _problems(path)
    assert problem == ("events[0] (United States and Mongolia establish diplomatic relations): "
                       "names unknown partner 'atlantis'")


def test_all_problems_are_reported_together(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        _partner(document, "japan").pop("since")
        _partner(document, "italy")["since"] = "2025-13"
        document["events"][3]["partners"] = ["nowhere"]
        document["policy"].pop("summary")
    problems = _problems(write_dataset(change))
    assert len(problems) == 4
    assert any(p.startswith("policy: missing required field 'summary'") for p in problems)


def test_one_broken_partner_does_not_make_its_events_unknown(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").pop("occasion"))
    assert _problems(path) == ["partners[1] (japan): has a tier but no 'occasion'"]


def test_history_needs_a_date(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "germany")["history"][0].pop("since"))
    assert _problems(path) == ["partners[2] (germany) history[0]: needs 'since' or 'in_force_by'"]


def test_sources_must_not_be_empty(write_dataset: Any) -> None:
    def empty(d: Any) -> None:  # an ungraded event: a graded one would also be refused for its grade
        event = d["events"][5]
        event.update(sources=[])
        for key in ("confidence", "quote", "quote_language"):
            event.pop(key, None)
    path = write_dataset(empty)
    [problem] = _problems(path)
    assert problem.endswith("field 'sources' must name at least one source")


def test_unsupported_schema_version(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d.update(schema_version=5))
    assert _problems(path) == ["schema_version 5 is not supported (expected one of 1, 2, 3, 4)"]


def test_toml_syntax_error_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('schema_version = 1\nas_of = "2026"\n[policy\nname = "x"\n', encoding="utf-8")
    [problem] = _problems(path)
    assert problem.startswith("TOML syntax error: ")
    assert "line 3, column" in problem


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"  \n\n", "is empty"),
    (b'name = "Khu\xfcrels\xfckh"\n', "is not UTF-8 text (byte 0xfc at offset 11)"),
])
def test_unreadable_content(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "data.toml"
    path.write_bytes(content)
    assert _problems(path) == [message]


def test_directory_instead_of_file(tmp_path: Path) -> None:
    assert _problems(tmp_path) == ["is a directory, not a dataset file"]


def test_missing_file(tmp_path: Path) -> None:
    assert _problems(tmp_path / "nope.toml") == ["no such file"]


def test_a_valid_document_with_no_partners_is_allowed(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        document["partners"] = []
        document["events"] = []
        document.pop("snapshots")  # they list partners
    loaded = load_dataset(write_dataset(change))
    assert loaded.all_partners == () and loaded.all_events == ()


def test_error_message_names_file_and_count(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").pop("since"))
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert caught.value.message.splitlines() == [
        f"{path}: the dataset is broken (1 problem)",
        "  - partners[1] (japan): has a tier but no 'since'",
    ]


def test_an_event_naming_a_partner_twice(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d["events"][0].update(partners=["united-states", "united-states"]))
    [problem] = _problems(path)
    assert problem.endswith("names 'united-states' twice")


def test_an_earlier_level_dated_after_the_current_one(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "germany")["history"][0].update(since="2024-03"))
    assert _problems(path) == ["partners[2] (germany): an earlier tier (Comprehensive partnership, 2024-03) "
                               "is dated after 'since' (2024-02-07)"]


# --- old key names: a dataset made before "tier" still loads, and says so --------------

def _with_old_keys(document: dict[str, Any]) -> None:
    downgraded(document, 1)
    document["levels"] = document.pop("tiers")
    for partner in document["partners"]:
        if "tier" in partner:  # an other relation has none
            partner["level"] = partner.pop("tier")
        for entry in partner.get("history", []):
            if "tier" in entry:
                entry["level"] = entry.pop("tier")


def test_old_key_names_load_with_a_notice_on_stderr(write_dataset: Any) -> None:
    path = write_dataset(_with_old_keys)
    old = run_cli("list", "--json", "--data", str(path))
    new = run_cli("list", "--json")
    assert (old.exit_code, old.stdout) == (0, new.stdout)
    assert old.stderr == (f"thirdneighbor: {path}: uses the old key names 'level' (now 'tier'), "
                          "'levels' (now 'tiers'); they still work, but rename them\n")
    # The notice comes with a cached load too, not only the first.
    assert run_cli("list", "--json", "--data", str(path)).stderr == old.stderr


def test_validate_passes_a_file_with_old_key_names_and_says_so(write_dataset: Any) -> None:
    path = write_dataset(_with_old_keys)
    result = run_cli("validate", str(path))
    assert result.exit_code == 0
    assert result.stdout.endswith("valid (22 partners, 47 events)\n")
    assert "old key names" in result.stderr


def test_the_python_api_warns_about_old_key_names(write_dataset: Any) -> None:
    import thirdneighbor

    with pytest.warns(DeprecationWarning, match="old key names 'level'"):
        data = thirdneighbor.load(write_dataset(_with_old_keys))
    assert data.partner("japan").tier == "strategic"


def test_a_key_and_its_old_name_together_are_a_problem(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(level="strategic"))
    assert _problems(path) == ["partners[1] (japan): gives both 'tier' and its old name 'level'; keep 'tier'"]


def test_the_benchmark_generator_writes_valid_datasets() -> None:
    """benchmarks/run.py times loads of these files; an invalid one would time an error."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", BUNDLED.parents[1] / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    checked = build_dataset(generate.document(30))
    assert checked.problems == [] and checked.dataset is not None
    assert len(checked.dataset.all_partners) == 30 and len(checked.dataset.all_events) == 150


def test_files_of_schema_2_load_without_the_linked_identifiers(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        downgraded(document, 2)
        for partner in document["partners"]:
            partner.pop("iso_numeric", None)  # an organisation has neither
            partner.pop("wikidata", None)
    japan = with_methods(load_dataset(write_dataset(change))).partner("japan")
    assert (japan.iso_numeric, japan.wikidata) == (None, None)


@pytest.mark.parametrize(("change", "message"), [
    ({"cow_code": 0}, "field 'cow_code' must be a Correlates of War state number from 1 to 999, not 0"),
    ({"gw_code": 2600}, "field 'gw_code' must be a Gleditsch and Ward state number from 1 to 999, not 2600"),
    ({"cow_code": "255"}, "field 'cow_code' must be an integer, not a string"),
    ({"gw_code": True}, "field 'gw_code' must be an integer, not a boolean"),
])
def test_state_codes_are_numbers_in_range(write_dataset: Any, change: dict[str, Any], message: str) -> None:
    path = write_dataset(lambda document: _partner(document, "germany").update(change))
    assert _problems(path) == [f"partners[2] (germany): {message}"]


def test_a_state_code_comes_with_its_list(write_dataset: Any) -> None:
    path = write_dataset(lambda document: _partner(document, "japan").pop("gw_source"))
    assert _problems(path) == ["partners[1] (japan): gives 'gw_code' without 'gw_source'; a code and the list it "
                               "comes from go together"]
    path = write_dataset(lambda document: document["mongolia"].pop("cow_code"))
    assert _problems(path) == ["mongolia: gives 'cow_source' without 'cow_code'; a code and the list it comes from "
                               "go together"]


def test_a_state_code_s_list_is_a_source_record(write_dataset: Any) -> None:
    # Since data 3.1.0 the list is cited by its source record's id, as every source is.
    path = write_dataset(lambda document: _partner(document, "japan").update(cow_source="cow-list"))
    assert _problems(path) == ["partners[1] (japan): field 'cow_source' cites unknown source 'cow-list' "
                               "(no [[sources]] record has that id)"]


def test_a_file_of_data_3_0_0_gives_the_lists_by_address_and_still_loads(write_dataset: Any, dataset: Any) -> None:
    cow, gw = "https://correlatesofwar.org/data-sets/state-system-membership", "http://www.ksgleditsch.com/data/iisystem.dat"

    def as_3_0_0(document: dict[str, Any]) -> None:
        for country in (document["mongolia"], *document["partners"]):
            if "cow_source" in country:
                country.update(cow_source=cow, gw_source=gw)
        document["sources"] = [source for source in document["sources"]
                               if source["id"] != "ksgleditsch-data-iisystem-dat"]  # one list without its record

    notices: list[str] = []
    old = load_dataset(write_dataset(as_3_0_0), use_cache=False, on_notice=notices.append)
    japan = next(partner for partner in old.all_partners if partner.id == "japan")
    assert japan.cow_source == dataset.partner("japan").cow_source  # the page's own record
    assert (japan.gw_source, old.mongolia.gw_source) == ("ksgleditsch-data-iisystem-dat",) * 2  # one made for it
    assert [source.url for source in old.all_sources if source.id == japan.gw_source] == [gw]
    assert len(notices) == 1 and "gives 'cow_source' or 'gw_source' as an address" in notices[0]


def test_mongolia_is_checked_as_a_country(write_dataset: Any) -> None:
    path = write_dataset(lambda document: document["mongolia"].update(iso3="mng", iso_numeric="49", cow_code=7120))
    assert _problems(path) == ["mongolia: field 'iso3' must be three capital letters, not 'mng'",
                               "mongolia: field 'cow_code' must be a Correlates of War state number from 1 to 999, "
                               "not 7120",
                               "mongolia: field 'iso_numeric' must be three digits, not '49'"]
    path = write_dataset(lambda document: document["mongolia"].update(capital="Ulaanbaatar"))
    assert [problem.split(" (known")[0] for problem in _problems(path)] == ["mongolia: unknown field 'capital'"]


def test_files_without_codes_or_licence_still_load(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        del document["mongolia"], document["license"]
        for partner in document["partners"]:
            for key in ("cow_code", "cow_source", "gw_code", "gw_source"):
                partner.pop(key, None)  # an organisation has none
    path = write_dataset(change)
    dataset = with_methods(load_dataset(path))
    germany = dataset.partner("germany")
    assert (dataset.mongolia, dataset.license, germany.cow_code, germany.gw_source) == (None, None, None, None)
    assert load_dataset(path) == dataset  # the second load reads the cache: its None codes and table too


def test_every_problem_of_a_record_is_reported_in_one_run(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        usa = _partner(document, "united-states")
        usa.update(since="2019-13-31", iso2="usa", tier="bogus")
        document["events"][0].update(date="1987-02-30", partners=["atlantis"])
    problems = _problems(write_dataset(change))
    assert [p.split(": ", 1)[1] for p in problems if p.startswith("partners[0]")] == [
        "field 'since' is invalid: month 13 is not between 01 and 12",
        "field 'iso2' must be two capital letters, not 'usa'",
        "unknown tier 'bogus' (tiers: comprehensive, comprehensive-strategic, expanded, strategic)"]
    assert sum(p.startswith("events[0]") for p in problems) == 2  # the bad date and the unknown partner


# --- what commands cannot use: refused by validate, with the record's line and a fix ---

def _validate_json(path: Path) -> list[dict[str, Any]]:
    import json

    result = run_cli("validate", "--json", str(path))
    assert (result.exit_code, result.stderr) == (ExitCode.BROKEN_DATASET, "")
    return json.loads(result.stdout)["problems"]


def test_an_event_after_the_data_s_as_of_is_refused_with_its_line(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d["events"][-1].update(date="2027-02"))
    [problem] = _validate_json(path)
    assert problem["record"].startswith("events[46] (")
    assert problem["message"] == ("'date' (2027-02) is after the dataset's as_of (2026-12-03); correct the date, "
                                  "or set as_of to the day the data was last checked against its sources")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[problem["line"] - 1] == "[[events]]"
    assert 'date = "2027-02"' in lines[problem["line"]:problem["line"] + 3]


def test_series_chart_and_report_no_longer_meet_options_nobody_gave(write_dataset: Any) -> None:
    # Before, a partner's `since` after as_of made these exit 2 over --from and --to.
    path = write_dataset(lambda d: _partner(d, "japan").update(since="2031"))
    for command in (["series"], ["chart", "-o", "-"], ["report", "-o", "-"]):
        result = run_cli(*command, "--data", str(path))
        assert (result.exit_code, result.stdout) == (ExitCode.BROKEN_DATASET, "")
        assert result.stderr == (f"thirdneighbor: {path}: the dataset is broken (1 problem)\n"
                                 "  - partners[1] (japan): 'since' (2031) is after the dataset's as_of (2026-12-03); "
                                 "correct the date, or set as_of to the day the data was last checked against its "
                                 "sources\n")


def test_history_dates_after_as_of_are_refused(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        _partner(document, "united-states")["history"][0]["in_force_by"] = "2027"
        _partner(document, "germany")["history"][0]["since"] = "2026-12-14"
    fix = "; correct the date, or set as_of to the day the data was last checked against its sources"
    assert _problems(write_dataset(change)) == [
        f"partners[0] (united-states) history[0]: 'in_force_by' (2027) is after the dataset's as_of (2026-12-03){fix}",
        f"partners[2] (germany) history[0]: 'since' (2026-12-14) is after the dataset's as_of (2026-12-03){fix}"]


def test_a_date_that_may_fall_before_as_of_is_kept(write_dataset: Any) -> None:
    # Checked on 2026-12-03, an event of "2026" or "2026-12" may have happened by then; "2026-12-04" cannot have.
    assert load_dataset(write_dataset(lambda d: d["events"][-1].update(date="2026"))).as_of.year == 2026
    assert load_dataset(write_dataset(lambda d: d["events"][-1].update(date="2026-12"))).as_of.year == 2026
    [problem] = _problems(write_dataset(lambda d: d["events"][-1].update(date="2026-12-04")))
    assert "'date' (2026-12-04) is after the dataset's as_of (2026-12-03)" in problem


@pytest.mark.parametrize(("key", "code"), [("iso2", "JP"), ("iso3", "JPN"), ("iso_numeric", "392")])
def test_two_partners_with_one_iso_code_are_refused(write_dataset: Any, key: str, code: str) -> None:
    # Before, `show USA` was ambiguous and the map titled the US shape "Japan".
    path = write_dataset(lambda d: _partner(d, "united-states").update({key: code}))
    assert _problems(path) == [f"partners[1] (japan): {key} {code!r} is also the {key} of partner 'united-states'; "
                               "each country has its own ISO 3166-1 code: check both against the standard"]


def test_user_assigned_iso_codes_may_repeat(write_dataset: Any) -> None:
    # ISO 3166-1 leaves them to users: they name no country, and the map has none.
    def change(document: dict[str, Any]) -> None:
        for partner_id, code in (("japan", "XK"), ("germany", "XK")):
            _partner(document, partner_id).update(iso2=code, iso3="XKX", iso_numeric="999")
    data = with_methods(load_dataset(write_dataset(change)))
    assert data.partner("japan").iso3 == data.partner("germany").iso3 == "XKX"
    result = run_cli("show", "XKX", "--data", str(write_dataset(change)))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("thirdneighbor: 'XKX' matches several partners: japan (Japan), germany (Germany)")


@pytest.mark.parametrize(("alias", "hidden"), [
    ("In\u200bdia", "U+200B ZERO WIDTH SPACE"),
    ("\u2066India\u2069", "U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE"),
    ("Ind\u0456a", "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I"),
    ("\u0399ndia", "U+0399 GREEK CAPITAL LETTER IOTA"),
    ("INDI\u0410", "U+0410 CYRILLIC CAPITAL LETTER A"),
])
def test_a_name_that_reads_as_another_partner_s_is_refused(write_dataset: Any, alias: str, hidden: str) -> None:
    path = write_dataset(lambda d: _partner(d, "united-states")["aliases"].append(alias))
    assert _problems(path) == [
        f"partners[6] (india): name 'India' reads the same as {alias!r}, a name of partner 'united-states' "
        f"({hidden}); retype it in one script, without hidden characters, or keep one of the two"]


def test_a_look_alike_of_a_later_partner_s_name_is_refused_on_the_later_record(write_dataset: Any) -> None:
    # "United Stаtes" with a Cyrillic а, given to a partner listed after the United States.
    path = write_dataset(lambda d: _partner(d, "japan")["aliases"].append("United St\u0430tes"))
    assert _problems(path) == [
        "partners[1] (japan): name 'United Stаtes' reads the same as 'United States', a name of partner "
        "'united-states' (U+0430 CYRILLIC SMALL LETTER A); retype it in one script, without hidden characters, "
        "or keep one of the two"]


def test_an_alias_equal_to_another_partner_s_iso_code_is_refused(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "germany")["aliases"].append("j.p."))
    assert _problems(path) == ["partners[2] (germany): name 'j.p.' is also a name of partner 'japan'"]


def test_people_whose_names_read_the_same_are_refused(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        document["people"][1]["variants"] = [*document["people"][1].get("variants", []),
                                             document["people"][0]["name"].replace("a", "\u0430", 1)]
    [problem] = _problems(write_dataset(change))
    assert problem.startswith("people[1] (") and "U+0430 CYRILLIC SMALL LETTER A" in problem
    assert "reads the same as" in problem and "a name of person" in problem


def test_mongolian_names_differ_from_english_ones() -> None:
    # Cyrillic names are read through the look-alike table too; none of the bundled ones reads as another name.
    checked = build_dataset(__import__("tomllib").loads(BUNDLED.read_text(encoding="utf-8")))
    assert checked.problems == []
    assert any(partner.name_mn for partner in checked.dataset.all_partners)


def test_a_leader_listed_twice_is_refused(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        leaders = _partner(document, "japan")["leaders"]
        leaders.append(leaders[0])
    document = __import__("tomllib").loads(BUNDLED.read_text(encoding="utf-8"))
    first = _partner(document, "japan")["leaders"][0]
    assert _problems(write_dataset(change)) == [
        f"partners[1] (japan): field 'leaders' names {first!r} twice; list each once"]


def test_an_event_naming_a_person_twice_is_refused(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        event = next(e for e in document["events"] if e.get("people"))
        event["people"] = [*event["people"], event["people"][0]]
    [problem] = _problems(write_dataset(change))
    assert problem.startswith("events[") and problem.endswith(" twice; list each once")


@pytest.mark.parametrize("rank", [0, -1])
def test_a_tier_rank_below_1_is_refused(write_dataset: Any, rank: int) -> None:
    path = write_dataset(lambda d: d["tiers"][0].update(rank=rank))
    assert _problems(path) == [f"tiers[0] (comprehensive-strategic): rank {rank} must be 1 or more; number the "
                               "tiers 1, 2, 3... from the closest tie"]


def test_two_tiers_with_one_rank_are_refused(write_dataset: Any) -> None:
    # Commands list tiers, and compare them ("upgrade", "downgrade"), by rank.
    path = write_dataset(lambda d: d["tiers"][1].update(rank=1))
    assert _problems(path) == ["tiers[1] (strategic): rank 1 is also the rank of tier 'comprehensive-strategic'; "
                               "give each tier a rank of its own, since commands list tiers in rank order"]


def test_a_history_entry_with_both_dates_is_refused(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "germany")["history"][0].update(in_force_by="2011"))
    assert _problems(path) == [
        "partners[2] (germany) history[0]: gives both 'since' and 'in_force_by'; keep 'since' where the start is "
        "known, else 'in_force_by' (the earliest date a source shows the tie in force)"]
    result = run_cli("validate", str(path))
    assert result.exit_code == ExitCode.BROKEN_DATASET and result.stdout == ""
    assert "  - line " in result.stderr and "history[0]: gives both 'since' and 'in_force_by'" in result.stderr


def test_the_look_alike_table_is_the_documented_subset() -> None:
    """Each entry maps one letter of Latin beyond ASCII, Greek or Cyrillic to ASCII
    letters or digits, as the module's docstring says; and every character the
    output cleaning takes out is dropped from a name's skeleton."""
    import unicodedata

    from thirdneighbor.data.confusables import LOOK_ALIKES, skeleton
    from thirdneighbor.core.safe import _ACTIVE_CHARACTERS

    assert len(LOOK_ALIKES) > 100
    for source, target in LOOK_ALIKES.items():
        assert len(source) == 1 and unicodedata.category(source).startswith("L"), source
        assert 0x80 <= ord(source) <= 0x24F or 0x370 <= ord(source) <= 0x52F, source
        # An apostrophe may stand in a target ("ʹ" reads as one); names.normalize drops it.
        assert target and target.isascii() and all(c.isalnum() or c == "'" for c in target), (source, target)
    for character in _ACTIVE_CHARACTERS:
        assert skeleton(f"Ja{character}pan") in ("japan", "ja pan"), hex(ord(character))
    assert skeleton("\u0399\u039d\u0394\u0399\u0391") != "india"  # Δ is no D
    assert skeleton("\u0399\u039dDI\u0391") == skeleton("INDIA") == "india"
