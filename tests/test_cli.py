"""The CLI through Typer's CliRunner: exit code, stdout and stderr, each asserted."""

from __future__ import annotations

import json
from typing import Any

import pytest

from thirdneighbor import __version__
from thirdneighbor.errors import ExitCode, exit_codes_text

from .conftest import run_cli

COMMANDS = ["list", "show", "history", "timeline", "tiers", "compare", "validate", "export", "init", "cite", "diff"]
ANSWERING = ["list", "show", "history", "timeline", "tiers", "compare"]


def test_no_arguments_shows_help() -> None:
    result = run_cli()
    assert result.exit_code == 2
    assert "Usage: thirdneighbor" in result.stdout + result.stderr
    for command in COMMANDS:
        assert command in result.stdout + result.stderr


def test_version() -> None:
    result = run_cli("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"thirdneighbor {__version__}\n", "")


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples(command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0 and result.stderr == ""
    assert "Examples:" in result.stdout
    assert f"$ thirdneighbor {command}" in result.stdout
    if command in ANSWERING:
        for option in ("--json", "--format", "--fields", "--export-svg", "--data", "--no-cache"):
            assert option in result.stdout, option


def test_root_help_documents_exit_codes() -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    shown = " ".join(result.stdout.replace("│", " ").split())
    # Every exit code, from the one enum the README's table is made from too.
    assert " ".join(exit_codes_text().split()) in shown
    assert all(f"; {int(code)} " in shown or f": {int(code)} " in shown for code in ExitCode)


# --- list -----------------------------------------------------------------------------

def test_list_piped_is_plain_tab_separated() -> None:
    result = run_cli("list", "--tier", "strategic")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 9
    # The record's own id first, as a key; the tier it refers to by name (tsv keeps the tier's id).
    assert lines[0] == ("japan\tJapan\tJP\tJPN\tStrategic partnership\t2010-11-19\tSpecial Strategic Partnership "
                        "for Peace and Prosperity\tfalse\t2022-11-29")
    assert lines[1] == ("india\tIndia\tIN\tIND\tStrategic partnership\t2015-05-17\tStrategic partnership\tfalse\t"
                        "2015-05-17")
    assert ("france\tFrance\tFR\tFRA\tStrategic partnership\t2023-10-13\tStrategic partnership\ttrue\t"
            "2023-10-13") in lines
    assert "\x1b" not in result.stdout


def test_list_json_leaves_out_neighbours() -> None:
    result = run_cli("list", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    partners = json.loads(result.stdout)
    assert len(partners) == 16
    assert not any(p["neighbor"] for p in partners)


def test_list_with_neighbours() -> None:
    result = run_cli("list", "--neighbors", "--tier", "comprehensive-strategic", "--json")
    assert result.exit_code == 0
    assert [p["id"] for p in json.loads(result.stdout)] == ["china", "russia"]


def test_list_repeatable_tier_and_years() -> None:
    result = run_cli("list", "-t", "comprehensive", "-t", "expanded", "--since", "2005", "--until", "2025", "--json")
    assert result.exit_code == 0
    assert [p["id"] for p in json.loads(result.stdout)] == [
        "canada", "vietnam", "czechia", "poland", "uzbekistan", "kyrgyzstan", "australia"]


def test_list_sort_by_name() -> None:
    result = run_cli("list", "--sort", "name")
    assert result.exit_code == 0
    assert [line.split("\t")[0] for line in result.stdout.splitlines()][:3] == ["australia", "canada", "czechia"]


def test_empty_result_is_exit_zero() -> None:
    result = run_cli("list", "--since", "2090", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "")
    plain = run_cli("list", "--since", "2090")
    assert (plain.exit_code, plain.stdout, plain.stderr) == (0, "", "")


def test_invalid_tier_exits_2_naming_valid_levels() -> None:
    result = run_cli("list", "--tier", "best")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == ("thirdneighbor: unknown tier 'best'; valid tiers: comprehensive-strategic, "
                             "strategic, comprehensive, expanded\n")


def test_since_after_until_exits_2() -> None:
    result = run_cli("list", "--since", "2025", "--until", "2020")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: --since 2025 is later than --until 2020\n"


@pytest.mark.parametrize("year", ["twenty", "2019-13", "0", "10000", "", "24"])
def test_a_year_that_is_not_a_year_exits_2(year: str) -> None:
    result = run_cli("list", "--since", year)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--since" in result.stderr


def test_unknown_sort_exits_2() -> None:
    result = run_cli("list", "--sort", "size")
    assert result.exit_code == 2 and result.stdout == ""
    assert "choose from tier, name, date" in result.stderr


# --- show -----------------------------------------------------------------------------

def test_show_json_is_one_object() -> None:
    result = run_cli("show", "korea", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    korea = json.loads(result.stdout)
    assert korea["id"] == "south-korea" and korea["since"] == "2021-09-10"
    assert [h["since"] for h in korea["history"]] == ["1999", "2006", "2011"]
    assert [e["date"] for e in korea["events"]] == ["2011", "2011-02-10", "2021-09-10"]


def test_show_several_is_an_array_in_the_order_asked() -> None:
    result = run_cli("show", "turkiye", "IND", "--json")
    assert result.exit_code == 0
    assert [p["id"] for p in json.loads(result.stdout)] == ["turkiye", "india"]


def test_show_in_a_pipe_is_a_key_value_block_and_tsv_one_line() -> None:
    result = run_cli("show", "czechia")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:4] == ["id:                czechia", "name:              Czechia",
                         "official_name:     Czech Republic", "name_mn:           Чех"]
    notes = [line for line in lines if line.startswith("notes:")]
    assert len(notes) == 1 and "is Czechia's is inferred" in result.stdout
    assert any(line.endswith(" https://czechleaders.com/?p=57098") for line in lines)
    assert lines[-1] == ("events:            2025-03 Czechia and Mongolia form a comprehensive partnership during "
                         "Khürelsükh's state visit to Prague")
    import csv
    import io

    [cells] = list(csv.reader(io.StringIO(run_cli("show", "czechia", "--format", "tsv").stdout), delimiter="\t"))[1:]
    assert cells[:7] == ["czechia", "Czechia", "Czech Republic", "Чех", "Бүгд Найрамдах Чех Улс", "CZ", "CZE"]


def test_show_unknown_exits_1_with_suggestion_on_stderr() -> None:
    result = run_cli("show", "Germny")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "thirdneighbor: no partner matches 'Germny'; did you mean: Germany?\n"


def test_show_ambiguous_exits_1_listing_candidates() -> None:
    result = run_cli("show", "united", "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "united-states (United States), united-kingdom (United Kingdom)" in result.stderr


def test_show_needs_a_country() -> None:
    result = run_cli("show")
    assert result.exit_code == 2 and result.stdout == ""
    assert "missing argument" in result.stderr


def test_show_neighbour_works() -> None:
    result = run_cli("show", "Russian Federation", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["neighbor"] is True


# --- timeline -------------------------------------------------------------------------

def test_timeline_plain() -> None:
    result = run_cli("timeline", "--until", "1994")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "1987-01-27\tUnited States and Mongolia establish diplomatic relations\tUnited States",
        "1990-08-02\tUS Secretary of State James Baker visits Ulaanbaatar\tUnited States",
        "1994-06-30\tMongolia adopts a National Security Concept and a Foreign Policy Concept\t",
    ]


def test_timeline_json_filters_by_country() -> None:
    result = run_cli("timeline", "--country", "japan", "-c", "usa", "--since", "2019", "--json")
    assert result.exit_code == 0
    events = json.loads(result.stdout)
    assert [e["date"] for e in events] == ["2019-04", "2019-07-31", "2022-11-29", "2023-08-02", "2023-11-30", "2024-07-23"]


def test_timeline_unknown_country_exits_1() -> None:
    result = run_cli("timeline", "--country", "Atlantis", "--json")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "no partner matches 'Atlantis'" in result.stderr


# --- tiers ----------------------------------------------------------------------------

def test_tiers_plain() -> None:
    result = run_cli("tiers")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "strategic\tStrategic partnership\t2\tJapan; India; South Korea; Germany; Kazakhstan; Türkiye; Italy; "
        "United States; France",
        "comprehensive\tComprehensive partnership\t3\tCanada; Vietnam; Poland; Uzbekistan; Kyrgyzstan; Czechia",
        "expanded\tExpanded partnership\t4\tAustralia",
    ]


def test_tiers_json_with_neighbours() -> None:
    result = run_cli("tiers", "--neighbors", "--json")
    assert result.exit_code == 0
    levels = json.loads(result.stdout)
    assert [(lvl["id"], lvl["rank"], len(lvl["partners"])) for lvl in levels] == [
        ("comprehensive-strategic", 1, 2), ("strategic", 2, 9), ("comprehensive", 3, 6), ("expanded", 4, 1)]


# --- compare --------------------------------------------------------------------------

def test_compare_plain() -> None:
    result = run_cli("compare", "japan", "united states")
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[:2] == ["partners:      Japan | United States",
                         "tier:          Strategic partnership | Strategic partnership  (same)"]
    assert "since:         2022-11-29 | 2019-07-31  (differ)" in lines
    tsv = run_cli("compare", "japan", "united states", "--format", "tsv").stdout.splitlines()
    assert "since\tfalse\t2022-11-29\t2019-07-31" in tsv  # the machine format keeps its columns


def test_compare_json_keeps_the_order_asked() -> None:
    result = run_cli("compare", "usa", "japan", "germany", "--json")
    assert result.exit_code == 0
    payload: dict[str, Any] = json.loads(result.stdout)
    assert [p["id"] for p in payload["partners"]] == ["united-states", "japan", "germany"]
    since = next(f for f in payload["fields"] if f["field"] == "since")
    assert since == {"field": "since", "values": ["2019-07-31", "2022-11-29", "2024-02-07"], "same": False}


def test_compare_one_country_is_a_usage_error() -> None:
    result = run_cli("compare", "japan")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: compare needs at least two partners\n"


def test_compare_same_country_twice() -> None:
    result = run_cli("compare", "japan", "JP")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: compare needs different partners; japan was named twice\n"


# --- datasets -------------------------------------------------------------------------

def test_broken_dataset_exits_3_listing_problems(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        document["partners"][0]["since"] = "2019-13"
        document["events"][0]["partners"] = ["atlantis"]
    path = write_dataset(change)
    result = run_cli("list", "--json", "--data", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.splitlines() == [
        f"thirdneighbor: {path}: the dataset is broken (2 problems)",
        "  - partners[0] (united-states): field 'since' is invalid: month 13 is not between 01 and 12",
        "  - events[0] (United States and Mongolia establish diplomatic relations): names unknown partner 'atlantis'",
    ]


def test_dataset_from_environment(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d["partners"][1].update(name="Nihon"))
    result = run_cli("show", "nihon", "--json", env={"THIRDNEIGHBOR_DATA": str(path)})
    assert result.exit_code == 0
    assert json.loads(result.stdout)["id"] == "japan"


@pytest.mark.parametrize("command", [["list"], ["show", "japan"], ["timeline"], ["tiers"], ["compare", "japan", "usa"]])
def test_every_command_reports_a_missing_dataset(command: list[str], tmp_path: Any) -> None:
    result = run_cli(*command, "--data", str(tmp_path / "missing.toml"))
    assert (result.exit_code, result.stdout) == (3, "")
    assert "missing.toml: the dataset is broken (1 problem)" in result.stderr
    assert "Traceback" not in result.stderr


# --- forgiving input (issue 9, in part) -------------------------------------------------

@pytest.mark.parametrize("tier", ["strategic", "STRATEGIC", "Strategic partnership", "стратегийн түншлэл"])
def test_a_tier_is_named_by_id_or_name_in_any_case(tier: str) -> None:
    result = run_cli("list", "--tier", tier, "--format", "csv", "--fields", "id")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 10  # a header and nine partners


def test_several_tiers_with_commas_and_level_as_another_name_for_tier() -> None:
    both = run_cli("list", "--tier", "strategic,expanded", "--fields", "tier", "--format", "tsv")
    assert both.exit_code == 0 and set(both.stdout.split()[1:]) == {"strategic", "expanded"}
    assert run_cli("list", "--level", "expanded", "--fields", "id").stdout == "australia\n"


def test_formats_and_fields_ignore_case_and_all_means_every_field() -> None:
    assert run_cli("list", "--format", "CSV", "--fields", "ID,Since").stdout.startswith("id,since\n")
    every = run_cli("list", "--fields", "all", "--json")
    # Every field: the partner's, and its grades, which only --fields gives.
    assert list(json.loads(every.stdout)[0]) == [*json.loads(run_cli("list", "--json").stdout)[0], "confidence"]
    assert run_cli("cite", "--format", "BibTeX").stdout.startswith("@misc{")


def test_an_empty_answer_says_why() -> None:
    result = run_cli("list", "--tier", "comprehensive-strategic")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == ("thirdneighbor: only Mongolia's neighbors hold comprehensive-strategic; "
                             "add --neighbors to list them\n")
    late = run_cli("list", "--as-of", "2027", "--fields", "id")
    assert late.exit_code == 0 and late.stdout.startswith("japan\n")  # strategic since 2010
    assert late.stderr == ("thirdneighbor: --as-of 2027 is later than the data, which was last checked on "
                           "2026-12-03; later changes are not in it\n")


def test_tiers_json_designations_carry_no_asterisk() -> None:
    tiers = json.loads(run_cli("tiers", "--json").stdout)
    marked = [(d["designation"], d["partners"]) for tier in tiers for d in tier["designations"] if d["asterisk"]]
    assert marked == [("Strategic partnership", ["france"]), ("Comprehensive partnership", ["czechia"])]
    assert not any(d["designation"].endswith("*") for tier in tiers for d in tier["designations"])


def test_a_file_name_that_says_another_format_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for args, message in ((["list", "--export-svg"], "--export-svg writes SVG, not PNG; give the file a .svg name"),
                          (["chart", "-o"], "chart writes SVG, not PNG; give the file a .svg name")):
        target = tmp_path / "picture.png"
        result = run_cli(*args, str(target))
        assert (result.exit_code, result.stdout) == (2, "") and message in result.stderr
        assert not target.exists()


def test_a_two_digit_year_is_refused() -> None:
    result = run_cli("list", "--since", "24")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: --since 24: give a year in full, such as 2024\n"


def test_compare_tells_different_notes_apart_and_says_as_of() -> None:
    fields = {f["field"]: f for f in json.loads(run_cli("compare", "italy", "poland", "--json").stdout)["fields"]}
    assert fields["notes"]["same"] is False
    same_count = {f["field"]: f for f in json.loads(run_cli("compare", "uzbekistan", "vietnam", "--json").stdout)["fields"]}
    assert same_count["notes"]["values"] == [1, 1] and same_count["notes"]["same"] is False  # one note each, not alike
    table = run_cli("compare", "japan", "usa", "--as-of", "2020", "--format", "table").stdout
    assert table.startswith("Side by side, as of 2020 (differences in bold)")


def test_compare_shows_a_partner_without_a_tier_yet_rather_than_failing() -> None:
    result = run_cli("compare", "japan", "kazakhstan", "--as-of", "2015", "--json")
    assert result.exit_code == 0
    assert result.stderr == "thirdneighbor: Kazakhstan held no tier yet as of 2015\n"
    payload = json.loads(result.stdout)
    assert [p["tier"] for p in payload["partners"]] == ["strategic", None]
    since = next(f for f in payload["fields"] if f["field"] == "since")
    assert since["values"] == ["2010-11-19", None] and since["same"] is False


def test_since_and_until_take_dates() -> None:
    result = run_cli("timeline", "--since", "2024-06", "--until", "2024-10", "--fields", "date")
    assert (result.exit_code, result.stdout) == (0, "2024-07-23\n2024-09-30\n2024-10-29\n")
    # "2025-03" (Czechia's month) falls in March 2025; Poland's 2025-03-13 too.
    assert run_cli("list", "--since", "2025-03", "--until", "2025-03", "--fields", "id").stdout == "czechia\npoland\n"


def test_sort_ignores_case() -> None:
    assert run_cli("list", "--sort", "NAME", "--fields", "id").stdout == run_cli(
        "list", "--sort", "name", "--fields", "id").stdout
