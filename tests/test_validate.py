"""Dataset validation: the bundled file passes; each kind of breakage is reported
with its file and record, all problems together, as a DatasetError (exit 3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from thirdneighbor.dataset import bundled_dataset_path, dataset_path, load_dataset
from thirdneighbor.errors import DatasetError, ExitCode
from thirdneighbor.validate import build_dataset

from .conftest import BUNDLED, run_cli


def test_bundled_dataset_validates(dataset: Any) -> None:
    assert len(dataset.all_partners) == 19
    assert len(dataset.all_events) == 40
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
        _partner(document, "united-kingdom")["history"] = [{"designation": "Friendly", "since": "2000"}]
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
    path = write_dataset(lambda d: d["events"][5].update(sources=[]))
    [problem] = _problems(path)
    assert problem.endswith("field 'sources' must name at least one source")


def test_unsupported_schema_version(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d.update(schema_version=4))
    assert _problems(path) == ["schema_version 4 is not supported (expected one of 1, 2, 3)"]


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
    document["schema_version"] = 1
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
    assert result.stdout.endswith("valid (19 partners, 40 events)\n")
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
        document["schema_version"] = 2
        for partner in document["partners"]:
            partner.pop("iso_numeric")
            partner.pop("wikidata")
    japan = load_dataset(write_dataset(change)).partner("japan")
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
                partner.pop(key)
    path = write_dataset(change)
    dataset = load_dataset(path)
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
