"""--format and --fields on every command: CSV and TSV read back with the csv
module, Markdown tables, JSON Lines, plain text, and the errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .conftest import cite_texts, run_cli

COMMANDS = {
    "list": ["list", "--neighbors"],
    "show": ["show", "france", "korea"],
    "history": ["history", "japan"],
    "timeline": ["timeline"],
    "chart": ["timeline", "--chart"],
    "tiers": ["tiers"],
    "compare": ["compare", "japan", "usa", "france"],
    "search": ["search", "khurelsukh"],
    "changes": ["changes", "2000", "2025", "--neighbors"],
    "series": ["series", "--from", "2010"],
    "counts": ["series", "--counts"],
}


def out(*args: str) -> str:
    result = run_cli(*args)
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    return result.stdout


def json_records(args: list[str]) -> list[dict]:
    payload = json.loads(out(*args, "--json"))
    if isinstance(payload, dict):
        payload = payload.get("tiers") or payload.get("fields") or payload.get("partners") or [payload]
    return payload


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize(("format_name", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_read_back_with_the_csv_module(args: list[str], format_name: str, delimiter: str) -> None:
    rows = list(csv.reader(io.StringIO(out(*args, "--format", format_name)), delimiter=delimiter))
    header, body = rows[0], rows[1:]
    assert len(set(header)) == len(header)
    assert all(len(row) == len(header) for row in body)
    assert len(body) == len(json_records(args))


def test_csv_cells_hold_the_values() -> None:
    rows = list(csv.DictReader(io.StringIO(out("list", "--format", "csv"))))
    france = next(row for row in rows if row["id"] == "france")
    assert france == {"id": "france", "name": "France", "iso2": "FR", "iso3": "FRA", "tier": "strategic",
                      "tier_since": "2023-10-13", "designation": "Strategic partnership", "asterisk": "true",
                      "since": "2023-10-13"}


def test_a_csv_list_cell_splits_back_into_its_items() -> None:
    rows = list(csv.DictReader(io.StringIO(out("show", "usa", "--format", "csv", "--fields", "id,aliases,notes"))))
    assert rows[0]["aliases"].split("\n") == ["USA", "U.S.", "America"]
    notes = json.loads(out("show", "usa", "--json"))["notes"]
    assert rows[0]["notes"].split("\n") == notes  # notes holding "; " come back whole
    assert out("show", "usa", "--fields", "aliases") == "USA; U.S.; America\n"  # plain keeps one line


def test_bom_is_for_spreadsheets() -> None:
    assert out("list", "--format", "csv", "--bom", "--fields", "name").startswith("\ufeffname\n")
    result = run_cli("list", "--bom")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--bom is for --format csv or tsv" in result.stderr


def test_markdown_is_a_github_table() -> None:
    lines = out("list", "--tier", "comprehensive", "--until", "2024", "--format", "markdown").splitlines()
    assert lines == [  # a table for readers: the partner's name, not its id
        "Mongolia's third neighbors, dated up to 2024-12-31",  # a window's days head its table
        "",
        "| Partner | ISO 2 | ISO 3 | Tier | Since | Designation | Designation since |",
        "|---|---|---|---|---|---|---|",
        "| Canada | CA | CAN | Comprehensive partnership | 2023-11-20 | Comprehensive partnership | 2023-11-20 |",
        "| Vietnam | VN | VNM | Comprehensive partnership | 2024-09-30 | Comprehensive partnership | 2024-09-30 |",
    ]


def test_markdown_marks_the_asterisk_and_keeps_its_footnote() -> None:
    lines = out("list", "--tier", "comprehensive", "--since", "2025-03", "--until", "2025-03",
                "--format", "markdown").splitlines()
    assert lines[0] == "Mongolia's third neighbors, dated 2025-03-01 to 2025-03-31"
    assert lines[4] == ("| Czechia | CZ | CZE | Comprehensive partnership | 2025-03 | "
                        "Comprehensive partnership\\* | 2025-03 |")
    assert lines[-1].startswith("\\* The article marks two designations")


def test_markdown_escapes_pipes(write_dataset) -> None:  # type: ignore[no-untyped-def]
    path = write_dataset(lambda d: d["partners"][0].update(name="United | States"))
    text = out("list", "--format", "markdown", "--fields", "id,name", "--data", str(path))
    assert "| united-states | United \\| States |" in text.splitlines()


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_jsonl_is_one_json_object_per_record(args: list[str]) -> None:
    lines = out(*args, "--format", "jsonl").splitlines()
    assert [json.loads(line) for line in lines] and len(lines) == len(json_records(args))


def test_plain_has_no_header_and_json_shortcut_equals_format_json() -> None:
    assert not out("timeline", "--format", "plain").startswith("date\t")
    assert out("list", "--json") == out("list", "--format", "json")


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_table_format_on_request_even_in_a_pipe(args: list[str]) -> None:
    text = out(*args, "--format", "table")
    assert "\x1b" not in text  # a pipe gets no colour
    assert any(char in text for char in "┃│├╭█")


# --- --fields -----------------------------------------------------------------------------

def test_fields_select_and_order() -> None:
    expanded_in_2010 = ("--tier", "expanded", "--as-of", "2010")
    assert out("list", *expanded_in_2010, "--fields", "since,name").splitlines() == ["2004-10\tCanada",
                                                                                     "2007\tAustralia"]
    payload = json.loads(out("list", *expanded_in_2010, "--fields", "since, name", "--json"))
    assert payload == [{"since": "2004-10", "name": "Canada"}, {"since": "2007", "name": "Australia"}]
    assert list(payload[0]) == ["since", "name"]


def test_a_field_named_twice_is_shown_once() -> None:
    assert out("list", "--tier", "expanded", "--fields", "id,id,since", "--format", "csv").splitlines()[0] == "id,since"


def test_fields_on_show_keep_the_object_shape() -> None:
    assert json.loads(out("show", "korea", "--fields", "id,since", "--json")) == {"id": "south-korea",
                                                                                "since": "2021-09-10"}


def test_fields_on_compare_pick_the_compared_rows() -> None:
    payload = json.loads(out("compare", "japan", "usa", "--fields", "since,tier", "--json"))
    assert [f["field"] for f in payload["fields"]] == ["since", "tier"]
    assert len(payload["partners"]) == 2
    assert out("compare", "japan", "usa", "--fields", "since").splitlines() == ["since\tfalse\t2022-11-29\t2019-07-31"]


def test_fields_on_history_and_tiers() -> None:
    assert json.loads(out("history", "usa", "--fields", "since,current", "--json"))["tiers"] == [
        {"since": None, "current": False}, {"since": "2018-09-20", "current": False},
        {"since": "2019-07-31", "current": True}]
    assert out("tiers", "--fields", "id,rank").splitlines() == ["strategic\t2", "comprehensive\t3", "expanded\t4"]


def test_fields_in_a_generic_terminal_table() -> None:
    text = out("list", "--fields", "name,since", "--tier", "comprehensive", "--format", "table")
    assert "name" in text and "Canada" in text and "ISO" not in text


@pytest.mark.parametrize(("args", "valid"), [
    (["list"], "valid fields: id, name, official_name"),
    (["timeline"], "valid fields: date, title, partners, people, notes, sources"),
    (["compare", "japan", "usa"], "valid fields: tier, tier_since, designation, since"),
    (["history", "japan"], "valid fields: designation, tier, since, in_force_by"),
])
def test_an_unknown_field_exits_2_listing_the_valid_ones(args: list[str], valid: str) -> None:
    result = run_cli(*args, "--fields", "capital")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "unknown field 'capital'" in result.stderr and valid in result.stderr


@pytest.mark.parametrize("fields", ["", ",", "id,,name", " "])
def test_malformed_fields_exit_2(fields: str) -> None:
    result = run_cli("list", "--fields", fields)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--fields takes names separated by commas" in result.stderr


def test_unknown_format_exits_2() -> None:
    result = run_cli("list", "--format", "xml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("thirdneighbor: unknown format 'xml'; choose from table, plain, json, jsonl, csv, tsv, "
                             "markdown (or md for markdown)\n")


@pytest.mark.parametrize("args", [["list"], ["tiers"], ["compare", "japan", "usa"], ["timeline", "--chart"]])
def test_md_is_markdown(args: list[str]) -> None:
    assert out(*args, "--format", "MD") == out(*args, "--format", "markdown")


def test_json_and_another_format_conflict() -> None:
    result = run_cli("list", "--json", "--format", "csv")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--json and --format csv ask for two formats" in result.stderr


def test_several_unknown_fields_are_named_together() -> None:
    result = run_cli("list", "--fields", "capital,flag")
    assert result.exit_code == 2
    assert result.stderr.startswith("thirdneighbor: unknown fields 'capital', 'flag'; valid fields: id, name")


def test_as_of_field_only_exists_with_as_of() -> None:
    assert json.loads(out("list", "--as-of", "2008", "--fields", "id,as_of", "--json"))[0]["as_of"] == "2008"


# --- the milestone chart ------------------------------------------------------------------

def test_chart_counts_every_event_once() -> None:
    years = json.loads(out("timeline", "--chart", "--json"))
    assert sum(year["events"] for year in years) == 40
    assert [year["year"] for year in years] == list(range(1987, 2026))
    by_year = {year["year"]: year for year in years}
    assert by_year[2025] == {"year": 2025, "events": 7, "comprehensive-strategic": 0, "strategic": 2,
                             "comprehensive": 4, "expanded": 1, "none": 0}
    assert by_year[1994]["none"] == 1 and by_year[1988]["events"] == 0


def test_chart_on_a_terminal_draws_coloured_bars() -> None:
    result = run_cli("timeline", "--chart", "--since", "2024", env={"FORCE_COLOR": "1", "COLUMNS": "100"})
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if line.startswith(("2024", "\x1b[2m2024"))]
    assert lines and "█" in lines[0] and "\x1b[" in lines[0]
    plain = run_cli("timeline", "--chart", "--since", "2024", "--format", "table").stdout
    # A glyph per tier, so that the bars read without colour: strategic █, comprehensive ▒, expanded ░,
    # a milestone that names no partner, or none that held a tier on its date, □.
    assert "2024  ███▒□ 5" in plain and "2025  ██▒▒▒▒░ 7" in plain
    assert "□ no partner at a tier then" in plain


def test_chart_in_a_pipe_prints_labelled_lines() -> None:
    assert out("timeline", "--chart", "--since", "2024").splitlines() == [
        "2024  5  Strategic partnership 3, Comprehensive partnership 1, no partner named 1",
        "2025  7  Strategic partnership 2, Comprehensive partnership 4, Expanded partnership 1"]
    assert out("timeline", "--chart", "--since", "2025", "--format", "tsv").splitlines()[1].split("\t")[:2] == [
        "2025", "7"]  # the machine formats keep their columns


def test_compare_fields_keep_the_compare_table_on_a_terminal() -> None:
    text = out("compare", "japan", "usa", "--fields", "tier_since,tier,since", "--format", "table")
    assert "Side by side (differences in bold)" in text and "≠" in text
    rows = [line for line in text.splitlines() if line.startswith("│")]
    assert [row.split("│")[1].strip() for row in rows] == ["Since", "Tier", "Designation since"]


def test_csv_and_tsv_take_control_characters_out(write_dataset) -> None:  # type: ignore[no-untyped-def]
    path = write_dataset(lambda d: cite_texts(d, d["partners"][0], ["\x1b[31mred\x1b[0m \x07bell"]))
    for format_name in ("csv", "tsv", "markdown", "plain"):
        text = out("show", "usa", "--format", format_name, "--fields", "id,sources", "--data", str(path))
        assert "\x1b" not in text and "\x07" not in text and "[31mred" in text


def test_show_a_partner_named_twice_shows_it_once() -> None:
    assert json.loads(out("show", "korea", "ROK", "--json"))["id"] == "south-korea"
