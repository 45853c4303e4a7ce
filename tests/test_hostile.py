"""A catalogue of hostile input, one case per test: what a user, a script or an
odd terminal may throw at the tool. Every case asserts the exit code, stdout and
stderr, and that no traceback escapes.

The cases that need a real process (closed pipes, signals, locales) are in
test_process.py; atomic file writing is in test_files.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import thirdneighbor
from thirdneighbor.data.load import load_dataset

from .conftest import run_cli

ANSI_OR_CONTROL = ("\x1b", "\x07", "\x9b", "\u202e", "\x00")


def assert_clean(text: str) -> None:
    assert "Traceback" not in text
    for char in ANSI_OR_CONTROL:
        assert char not in text, repr(char)


# --- bad command-line input -------------------------------------------------------

HOSTILE_NAMES = {
    "empty": "",
    "whitespace only": "   \t ",
    "10,000 characters": "x" * 10_000,
    "ANSI escape": "\x1b[31mjapan",
    "OSC title sequence": "\x1b]0;pwned\x07",
    "NUL and bell": "no\x00where\x07",
    "right-to-left override": "\u202enapaj",
    "right-to-left script": "منغوليا",
    "emoji": "🇯🇵🗾",
    "Rich markup": "[bold red]japan[/]",
    "only punctuation": "...---",
}


@pytest.mark.parametrize("name", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
@pytest.mark.parametrize("command", [["show"], ["show", "--json"], ["compare", "japan"], ["timeline", "--json", "--country"]])
def test_hostile_country_names_exit_1_cleanly(command: list[str], name: str) -> None:
    result = run_cli(*command, name)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("thirdneighbor: no partner matches ")
    assert result.stderr.count("\n") == 1
    assert_clean(result.stderr)


def test_a_10000_character_name_is_not_echoed_back_in_full() -> None:
    result = run_cli("show", "y" * 10_000)
    assert result.exit_code == 1 and result.stdout == ""
    assert len(result.stderr) < 400


def test_unknown_country_suggests_matches() -> None:
    result = run_cli("show", "japann")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "thirdneighbor: no partner matches 'japann'; did you mean: Japan?\n"


def test_a_name_far_from_any_gets_no_suggestion() -> None:
    result = run_cli("show", "mongolia japann")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "thirdneighbor: no partner matches 'mongolia japann'\n"


def test_a_typo_gets_a_suggestion() -> None:
    result = run_cli("compare", "japan", "Kazakstan")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("thirdneighbor: no partner matches 'Kazakstan'; did you mean: Kazakhstan")


@pytest.mark.parametrize("query", ["united", "republic", "Бүгд Найрамдах"])
def test_ambiguous_input_lists_the_candidates(query: str) -> None:
    result = run_cli("show", query)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(f"thirdneighbor: '{query}' matches several partners: ")
    assert result.stderr.count("(") >= 2


@pytest.mark.parametrize("command", [["list"], ["timeline"], ["list", "--json"]])
@pytest.mark.parametrize("tier", ["best", "", "strategic;rm -rf", "strategic,best"])
def test_invalid_tier_exits_2_naming_valid_levels(command: list[str], tier: str) -> None:
    result = run_cli(*command, "--tier", tier)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "valid tiers: comprehensive-strategic, strategic, comprehensive, expanded" in result.stderr


@pytest.mark.parametrize("command", ["list", "timeline"])
def test_since_later_than_until_exits_2(command: str) -> None:
    result = run_cli(command, "--since", "2024", "--until", "2004")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: --since 2024 is later than --until 2004\n"


@pytest.mark.parametrize("command", ["list", "timeline"])
@pytest.mark.parametrize("year", ["nineteen", "2019-13", "-5", "0", "99999", "1e3", "", "2019.0"])
def test_a_year_that_is_not_a_year_exits_2(command: str, year: str) -> None:
    result = run_cli(command, "--until", year)
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--until" in result.stderr
    assert "Traceback" not in result.stderr


def test_compare_with_one_country() -> None:
    result = run_cli("compare", "japan")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: compare needs at least two partners\n"


def test_compare_with_the_same_country_twice_under_two_names() -> None:
    result = run_cli("compare", "Republic of Korea", "ROK", "--json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: compare needs different partners; south-korea was named twice\n"


def test_compare_with_no_country() -> None:
    result = run_cli("compare")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "missing argument" in result.stderr


@pytest.mark.parametrize("args", [["lst"], ["list", "--frobnicate"], ["tiers", "extra"], ["list", "--sort"]])
def test_usage_errors_from_typer_exit_2(args: list[str]) -> None:
    result = run_cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    # One error style: a line with the tool's name, a hint to the help, and no box or traceback.
    first, hint = result.stderr.splitlines()
    assert first.startswith("thirdneighbor: ") and hint.startswith("Try 'thirdneighbor")
    assert "╭" not in result.stderr and "Traceback" not in result.stderr


# --- broken datasets, through the CLI -------------------------------------------------

def _partner(document: dict[str, Any], partner_id: str) -> dict[str, Any]:
    return next(p for p in document["partners"] if p["id"] == partner_id)


BREAKAGES = {
    "missing required field": (lambda d: _partner(d, "japan").pop("wikidata"),
                               "partners[1] (japan): missing required field 'wikidata'"),
    "tier without designation": (lambda d: _partner(d, "japan").pop("designation"),
                                 "partners[1] (japan): has a tier but no 'designation'"),
    "other relation with a date": (lambda d: _partner(d, "united-kingdom").update(since="2024"),
                                   "partners[16] (united-kingdom): has 'since' but no 'tier'"),
    "bad wikidata id": (lambda d: _partner(d, "japan").update(wikidata="17"),
                        "partners[1] (japan): field 'wikidata' must be a Wikidata id such as 'Q17', not '17'"),
    "bad iso numeric": (lambda d: _partner(d, "japan").update(iso_numeric=392),
                        "partners[1] (japan): field 'iso_numeric' must be a string"),
    "bad data version": (lambda d: d.update(version="2.0"),
                         "field 'version' must be a semantic version such as '2.0.0', not '2.0'"),
    "wrong type": (lambda d: _partner(d, "india").update(since=2015),
                   "partners[6] (india): field 'since' must be a date string"),
    "duplicate id": (lambda d: _partner(d, "canada").update(id="australia"),
                     "duplicate partner id 'australia'"),
    "colliding alias": (lambda d: _partner(d, "austral" "ia")["aliases"].append("Canada"),
                        "partners[15] (australia): name 'Canada' is also a name of partner 'canada'"),
    "unknown tier level": (lambda d: _partner(d, "poland").update(tier="excellent"),
                           "partners[10] (poland): unknown tier 'excellent'"),
    "impossible month": (lambda d: _partner(d, "italy").update(since="2019-13"),
                         "partners[7] (italy): field 'since' is invalid: month 13"),
    "impossible day": (lambda d: d["events"][2].update(date="2019-02-30"),
                       "field 'date' is invalid: day 30 does not exist in 2019-02"),
    "event names unknown partner": (lambda d: d["events"][4].update(partners=["narnia"]),
                                    "names unknown partner 'narnia'"),
    "levels not a list": (lambda d: d.update(tiers="strategic"),
                          "field 'tiers' must be an array of tables, not a string"),
    "partner not a table": (lambda d: d["partners"].append("germany"),
                            "partners[19]: must be a table, not a string"),
}


@pytest.mark.parametrize(("change", "expected"), BREAKAGES.values(), ids=BREAKAGES.keys())
def test_broken_dataset_exits_3_naming_file_and_record(write_dataset: Any, change: Any, expected: str) -> None:
    path = write_dataset(change)
    result = run_cli("list", "--data", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    first, *problems = result.stderr.splitlines()
    assert first.startswith(f"thirdneighbor: {path}: the dataset is broken (")
    assert any(expected in problem for problem in problems), result.stderr
    assert "Traceback" not in result.stderr


RAW_FILES = {
    "TOML syntax error": (b'schema_version = 1\nas_of = "2026"\npolicy = {name = \n', "TOML syntax error: "),
    "empty file": (b"", "is empty"),
    "not UTF-8": ("name = 'Khürelsükh'\n".encode("latin-1"), "is not UTF-8 text"),
    "UTF-16": ("schema_version = 1\n".encode("utf-16"), "is not UTF-8 text"),
    "binary noise": (bytes(range(256)), "is not UTF-8 text"),
}


@pytest.mark.parametrize(("content", "expected"), RAW_FILES.values(), ids=RAW_FILES.keys())
def test_unreadable_dataset_files_exit_3(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(content)
    result = run_cli("tiers", "--json", "--data", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_toml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('schema_version = 1\n\n[policy]\nname = "x\n', encoding="utf-8")
    result = run_cli("list", "--data", str(path))
    assert result.exit_code == 3
    assert "(at line 4, column" in result.stderr


def test_a_directory_instead_of_a_file(tmp_path: Path) -> None:
    result = run_cli("list", "--data", str(tmp_path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == f"thirdneighbor: {tmp_path}: the dataset is broken (1 problem)\n  - is a directory, not a dataset file\n"


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: the tests may run as root, for whom file permissions do not apply.
    path = tmp_path / "secret.toml"
    path.write_text("x = 1\n", encoding="utf-8")

    def refuse(file: object, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(file))

    import thirdneighbor.data.load

    # The dataset module's own `open`, which is how it reads a dataset file.
    monkeypatch.setattr(thirdneighbor.data.load, "open", refuse, raising=False)
    result = run_cli("list", "--data", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == (f"thirdneighbor: {path}: the dataset is broken (1 problem)\n"
                             "  - cannot be read: Permission denied\n")


# --- terminal safety: dataset text is data ---------------------------------------------

EVIL = {
    "name": "[bold red]Evil[/] \x1b[31mRed\x1b[0m",
    "occasion": "\x1b]0;pwned title\x07 visit [link=https://example.invalid]click[/link]",
    "notes": ["CSI \x9b31m and bidi \u202etxet desrever\u202c and bell\x07", "[/] unbalanced [ markup"],
}


@pytest.fixture
def evil_dataset(write_dataset: Any) -> Path:
    return write_dataset(lambda d: _partner(d, "japan").update(EVIL))


@pytest.mark.parametrize("args", [["list"], ["show", "japan"], ["timeline", "-c", "japan"], ["tiers"],
                                  ["compare", "japan", "usa"]])
@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_markup_and_escapes_print_literally_and_harmlessly(evil_dataset: Path, args: list[str], terminal: bool) -> None:
    env = {"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"} if terminal else {}
    result = run_cli(*args, "--data", str(evil_dataset), env=env)
    assert result.exit_code == 0 and result.stderr == ""
    assert_clean(result.stdout)
    if args[0] in ("list", "show") or terminal and args[0] != "timeline":
        assert "[bold red]Evil[/]" in result.stdout
    if args[0] == "show":
        assert "[link=https://example.invalid]click[/link]" in result.stdout
        assert "[/] unbalanced [ markup" in result.stdout


# The one OSC sequence the tool writes: a link (OSC 8) around a source's web address.
OUR_LINK = re.compile(r"\x1b\]8;id=\d+;(https?://[^\x1b]*)\x1b\\|\x1b\]8;;\x1b\\")


def test_colour_output_carries_only_our_own_styles(evil_dataset: Path) -> None:
    result = run_cli("show", "japan", "--data", str(evil_dataset), env={"FORCE_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout  # our own styling is there
    linked = {match.group(1) for match in OUR_LINK.finditer(result.stdout)} - {None}
    data = thirdneighbor.load(evil_dataset)
    addresses = {source.url for source in data.all_sources if source.id in data.partner("japan").sources}
    assert linked and linked <= addresses  # our links: the sources' addresses, and nothing else
    text = OUR_LINK.sub("", result.stdout)
    for forbidden in ("\x1b]", "\x07", "\x1b[31mRed", "\x9b", "\u202e", "example.invalid]click[/link]\x1b"):
        assert forbidden not in text


def test_json_keeps_hostile_text_exact(evil_dataset: Path) -> None:
    result = run_cli("show", "japan", "--json", "--data", str(evil_dataset))
    assert result.exit_code == 0
    japan = json.loads(result.stdout)
    assert (japan["name"], japan["occasion"], japan["notes"]) == (EVIL["name"], EVIL["occasion"], EVIL["notes"])
    assert "\x1b" not in result.stdout  # escaped inside the JSON strings, not raw


def test_a_tab_or_newline_in_data_cannot_break_a_plain_record(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(name="Ja\tpan\nNew line"))
    result = run_cli("list", "--data", str(path))
    assert result.exit_code == 0
    japan = [line for line in result.stdout.splitlines() if line.startswith("japan\t")]
    assert japan == ["japan\tJa pan New line\tJP\tJPN\tStrategic partnership\t2010-11-19\tSpecial Strategic "
                     "Partnership for Peace and Prosperity\tfalse\t2022-11-29"]
    assert all(line.count("\t") == 8 for line in result.stdout.splitlines())


# --- terminals ---------------------------------------------------------------------------

COLOUR_CODE = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]")


def test_no_color_removes_colour() -> None:
    coloured = run_cli("list", env={"FORCE_COLOR": "1"})
    assert COLOUR_CODE.search(coloured.stdout)
    result = run_cli("list", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "Mongolia's third neighbors" in result.stdout
    assert not COLOUR_CODE.search(result.stdout)


def test_force_color_gives_the_terminal_layout_with_colour() -> None:
    result = run_cli("tiers", env={"FORCE_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout and "Partnership tiers" in result.stdout


def test_dumb_terminal_gets_no_escape_codes() -> None:
    result = run_cli("tiers", env={"FORCE_COLOR": "1", "TERM": "dumb"})
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout and "Partnership tiers" in result.stdout


@pytest.mark.parametrize("columns", ["20", "21", "33", "59", "60", "71", "72", "80", "150", "300"])
@pytest.mark.parametrize("args", [["list", "--neighbors"], ["show", "france", "korea"], ["timeline"],
                                  ["tiers", "--neighbors"], ["compare", "japan", "usa", "france"],
                                  ["search", "khurelsukh"], ["changes", "2000", "2025"], ["series"]])
def test_any_width_renders_on_a_terminal(columns: str, args: list[str]) -> None:
    result = run_cli(*args, env={"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": columns})
    assert result.exit_code == 0 and result.stderr == ""
    if args[0] != "search":  # search excerpts end in "…" by design; nothing else may be cut
        assert "…" not in result.stdout
    # Only a word wider than the terminal (a source's URL) may pass its edge: whole, on a line of its own.
    wider = [line for line in result.stdout.splitlines() if len(line) > int(columns)]
    assert all(len(line.split()) == 1 for line in wider), wider


@pytest.mark.parametrize("args", [["list", "--neighbors"], ["show", "france"], ["timeline"], ["tiers"],
                                  ["compare", "japan", "usa"]])
def test_piped_output_ignores_the_width_and_loses_nothing(args: list[str]) -> None:
    outputs = {run_cli(*args, env={"COLUMNS": columns}).stdout for columns in ("20", "80", "300")}
    assert len(outputs) == 1
    [text] = outputs
    if args[0] == "show":
        assert "The article marks this designation with an asterisk and does not explain it" in text


@pytest.mark.parametrize("columns", ["40", "55", "60", "66", "80"])
def test_compare_never_splits_a_date(columns: str) -> None:
    result = run_cli("compare", "japan", "usa", "korea", "--as-of", "2012",
                     env={"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": columns})
    assert result.exit_code == 0
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    for date in ("2010-11-19", "by 2011-06-16"):
        assert date in plain, (columns, plain)


# --- one cleaning rule for every channel (issue 14, group 4) ---

# What a terminal acts on, or what hides or reorders text: C0 and C1 controls, DEL,
# bidi overrides and isolates, zero-width and format characters, the line and
# paragraph separators, and the byte order mark.
ACTIVE = ("\x1b", "\x07", "\x7f", "\x85", "\x9b", "\u061c", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
          "\u2028", "\u2029", "\u202e", "\u2066", "\u2069", "\ufeff")
OSC_52 = "\x1b]52;c;cHduZWQ=\x07"
OSC_8 = "\x1b]8;;https://evil.invalid\x07click\x1b]8;;\x07"
# Every character of ACTIVE, around letters that must survive.
HOSTILE_NAME = "Ja\u202epan\u2066\x7f\x85\x9b\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\u2069 Tok\u2028yo\u2029Bay"
# NEL (\x85) breaks a line, so its run of removed characters becomes a space, beside the name's own.
HOSTILE_NAME_CLEANED = "Japan  Tok yo Bay"


def assert_inert(text: str) -> None:
    assert "Traceback" not in text
    for char in ACTIVE:
        assert char not in text, repr(char)


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\ufeff"])
def test_clean_removes_zero_width_and_format_characters(char: str) -> None:
    from thirdneighbor.core.safe import clean

    assert clean(f"Ja{char}pan") == "Japan"


@pytest.mark.parametrize("char", ["\u2028", "\u2029"])
def test_clean_turns_line_and_paragraph_separators_into_a_space(char: str) -> None:
    from thirdneighbor.core.safe import clean

    assert clean(f"Ja{char}pan") == "Ja pan"
    assert clean(f"Ja\r\n{char}\tpan") == "Ja pan"  # a run of line breaks is one space


def test_hostile_name_is_cleaned_in_plain_text(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(name=HOSTILE_NAME))
    result = run_cli("list", "--fields", "id,name", "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert_inert(result.stdout)
    assert "japan\t" + HOSTILE_NAME_CLEANED + "\n" in result.stdout


@pytest.mark.parametrize("args", [["show", "japan", "--json"], ["list", "--format", "jsonl"],
                                  ["list", "--json", "--fields", "id,name"]])
def test_json_escapes_what_a_terminal_acts_on_and_keeps_the_value(write_dataset: Any, args: list[str]) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(name=HOSTILE_NAME, occasion="Визит Jürgen"))
    result = run_cli(*args, "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert_inert(result.stdout)
    assert "\\u202e" in result.stdout and "\\u2066" in result.stdout and "\\u007f" in result.stdout
    assert "\\u200b" in result.stdout and "\\u2028" in result.stdout and "\\ufeff" in result.stdout
    lines = result.stdout.splitlines()
    records = [json.loads(line) for line in lines] if "jsonl" in args else [json.loads(result.stdout)]
    if isinstance(records[0], list):
        records = records[0]
    japan = next(record for record in records if record["id"] == "japan")
    assert japan["name"] == HOSTILE_NAME  # the same JSON value, to a parser
    if "occasion" in japan:
        assert japan["occasion"] == "Визит Jürgen"
        assert "Визит Jürgen" in result.stdout  # letters outside ASCII stay raw


def test_jsonl_is_written_by_the_same_encoder_as_json() -> None:
    from thirdneighbor.render.json_text import dumps
    from thirdneighbor.render.text import json_lines

    records = [{"name": "\u202eevil\x9b", "city": "Улаанбаатар"}, {"n": -1}]
    assert json_lines(records) == "".join(dumps(record) for record in records)
    assert json_lines(records).splitlines()[0] == '{"name": "\\u202eevil\\u009b", "city": "Улаанбаатар"}'


FORMULAS = ['=HYPERLINK("https://evil.invalid","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


@pytest.mark.parametrize("formula", FORMULAS)
@pytest.mark.parametrize(("format_name", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_csv_and_tsv_cells_that_begin_like_a_formula_get_a_quote(write_dataset: Any, formula: str, format_name: str,
                                                                delimiter: str) -> None:
    import csv
    import io

    def change(document: dict[str, Any]) -> None:
        _partner(document, "japan").update(designation=formula, aliases=[formula, "Nippon"])

    path = write_dataset(change)
    result = run_cli("show", "japan", "--format", format_name, "--fields", "id,designation,aliases,official_name",
                     "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    [row] = list(csv.DictReader(io.StringIO(result.stdout), delimiter=delimiter))
    assert row["designation"] == "'" + formula
    assert row["aliases"] == "'" + formula + "\nNippon"  # the cell begins with it; the items follow
    assert row["id"] == "japan" and row["official_name"] == ""  # an empty cell stays empty


def test_spreadsheet_rule_covers_tab_and_carriage_return_and_spares_numbers() -> None:
    from thirdneighbor.core.safe import spreadsheet_cell
    from thirdneighbor.render.text import delimited

    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_cell(start + "1") == "'" + start + "1"
    assert spreadsheet_cell("Japan") == "Japan" and spreadsheet_cell("") == ""
    assert delimited([{"count": -1, "share": -0.5, "text": "-1", "flag": True}], ["count", "share", "text", "flag"],
                     ",") == "count,share,text,flag\n-1,-0.5,'-1,true\n"


def test_chart_csv_counts_stay_numbers() -> None:
    result = run_cli("timeline", "--chart", "--since", "2025", "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1] == "2025,7,0,2,4,1,0"


def test_markdown_escapes_html(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(name="<img src=x onerror=alert(1)> & Co | *x*"))
    result = run_cli("list", "--format", "markdown", "--fields", "id,name", "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "| japan | &lt;img src=x onerror=alert(1)&gt; &amp; Co \\| \\*x\\* |" in result.stdout.splitlines()
    assert "<img" not in result.stdout


def _hostile_tier_name(document: dict[str, Any]) -> None:
    strategic = next(tier for tier in document["tiers"] if tier["id"] == "strategic")
    strategic["name"] = f"Strat{OSC_52}egic {OSC_8} \u202elaunch\u202c\u2066x\u2069 <b>&"


@pytest.mark.parametrize("args", [["timeline", "--chart"], ["series"]])
@pytest.mark.parametrize("terminal", [False, True], ids=["piped-table", "terminal"])
def test_a_chart_key_prints_tier_names_cleaned(write_dataset: Any, args: list[str], terminal: bool) -> None:
    path = write_dataset(_hostile_tier_name)
    env = {"FORCE_COLOR": "1", "COLUMNS": "200"} if terminal else {"COLUMNS": "200"}
    extra = [] if terminal else ["--format", "table"]
    result = run_cli(*args, *extra, "--data", str(path), env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "\x1b]" not in result.stdout and "\x07" not in result.stdout
    assert_inert(re.sub(r"\x1b\[[0-9;]*m", "", result.stdout))  # only our own colour codes
    assert "Strat]52;c;cHduZWQ=egic ]8;;https://evil.invalidclick]8;; launchx <b>&" in result.stdout


def test_a_chart_exported_as_svg_or_html_stays_well_formed_and_inert(write_dataset: Any, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    path = write_dataset(_hostile_tier_name)
    svg, html = tmp_path / "chart.svg", tmp_path / "chart.html"
    result = run_cli("timeline", "--chart", "--export-svg", str(svg), "--export-html", str(html), "--data", str(path))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"thirdneighbor: wrote {svg}\nthirdneighbor: wrote {html}\n"
    for text in (svg.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")):
        assert_inert(text)
        assert "<b>" not in text and "&lt;b&gt;" in text
    ET.fromstring(svg.read_text(encoding="utf-8"))  # valid XML


def test_history_export_title_is_cleaned_in_svg_and_html(write_dataset: Any, tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    path = write_dataset(lambda d: _partner(d, "japan").update(name=f"Ja{OSC_52}pan\u202e<i>"))
    for kind in ("svg", "html"):
        result = run_cli("history", "japan", f"--export-{kind}", "-", "--data", str(path))
        assert (result.exit_code, result.stderr) == (0, "")
        assert_inert(result.stdout)
        assert "<i>" not in result.stdout
        if kind == "svg":
            root = ET.fromstring(result.stdout)  # a control character would make it invalid XML
            texts = ["".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text")]
            assert any(text.replace("\xa0", " ") == "thirdneighbor: Ja]52;c;cHduZWQ=pan<i>: tiers" for text in texts)
        else:
            assert "<title>thirdneighbor: Ja]52;c;cHduZWQ=pan&lt;i&gt;: tiers</title>" in result.stdout


def test_a_table_title_from_the_data_is_cleaned(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(name=f"Ja{OSC_52}pan\u202e"))
    result = run_cli("history", "japan", "--fields", "since,tier", "--format", "table", "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert_inert(result.stdout)
    assert "Ja]52;c;cHduZWQ=pan: tiers" in result.stdout


def _hostile_aliases(document: dict[str, Any]) -> None:
    japan = _partner(document, "japan")
    japan["name"] = f"Ja{OSC_52}pan\u202e"
    japan["aliases"] = ["\x1b]52;c;AAAA\x07\nINJECTED", "\u200b\u200b", "Nip\u200bpon", "Wa\u2028koku"]


def test_completion_offers_are_cleaned_and_never_split(write_dataset: Any) -> None:
    path = write_dataset(_hostile_aliases)
    env = {"_THIRDNEIGHBOR_COMPLETE": "complete_bash", "COMP_WORDS": f"thirdneighbor show --data {path} ",
           "COMP_CWORD": "4"}
    result = run_cli(env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert_inert(result.stdout)
    offers = result.stdout.splitlines()
    # The alias's line break cleans to a space, which no offer holds: no fake "INJECTED" offer.
    assert "INJECTED" not in offers and not any("AAAA" in offer for offer in offers)
    assert "Ja]52;c;cHduZWQ=pan" in offers  # the name, cleaned
    assert "" not in offers  # an alias that cleans to nothing is not offered
    assert "Nippon" in offers and "japan" in offers


def test_completion_help_is_cleaned(write_dataset: Any) -> None:
    from types import SimpleNamespace

    from thirdneighbor.cli import completion

    path = write_dataset(lambda d: (_hostile_aliases(d), _hostile_tier_name(d)))
    context = SimpleNamespace(params={"data": str(path)}, command=SimpleNamespace(name="show"))
    offers = completion.countries(context, "")  # type: ignore[arg-type]
    assert offers and all(value and help_text for value, help_text in offers)
    for value, help_text in offers:
        assert_inert(value + help_text)
        assert " " not in value and "\n" not in value
    assert ("japan", "Ja]52;c;AAAApan") not in offers and ("japan", "Ja]52;c;cHduZWQ=pan") in offers
    tiers = dict(completion.tiers(context, ""))  # type: ignore[arg-type]
    assert_inert(tiers["strategic"])


def test_zsh_completion_help_with_markup_in_a_name_does_not_crash(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(name="[/] Ja[bold]pan\x1b[31m"))
    env = {"_THIRDNEIGHBOR_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": f"thirdneighbor show --data {path} JP"}
    result = run_cli(env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == '_arguments \'*: :(("JP":"[/] Ja[bold]pan[31m"\n"JPN":"[/] Ja[bold]pan[31m"))\'\n'


def test_the_world_map_uses_the_same_rule(write_dataset: Any) -> None:
    import xml.etree.ElementTree as ET

    def change(document: dict[str, Any]) -> None:
        _partner(document, "japan").update(name=HOSTILE_NAME)
        _hostile_tier_name(document)

    path = write_dataset(change)
    for args in (["map", "-o", "-"], ["report", "-o", "-"]):
        result = run_cli(*args, "--data", str(path))
        assert (result.exit_code, result.stderr) == (0, "")
        assert_inert(result.stdout)
        assert HOSTILE_NAME_CLEANED in result.stdout
    root = ET.fromstring(run_cli("map", "-o", "-", "--data", str(path)).stdout)
    titles = ["".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}title")]
    assert any(title.startswith(HOSTILE_NAME_CLEANED + ": Strat]52;c;") for title in titles)


def test_a_toml_export_escapes_what_a_terminal_acts_on_and_round_trips(write_dataset: Any, tmp_path: Path) -> None:
    hostile = "Jap\u202ean\u200b\x85"
    path = write_dataset(lambda d: d["partners"][1].update(name=hostile))
    result = run_cli("export", "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert "\u202e" not in result.stdout and "\u200b" not in result.stdout and "\x85" not in result.stdout
    assert "Jap\\u202ean\\u200b\\u0085" in result.stdout
    copy = tmp_path / "copy.toml"
    copy.write_text(result.stdout, encoding="utf-8")
    original = load_dataset(path).all_partners[1]
    assert original.name == hostile
    assert thirdneighbor.load(copy).partner(original.id).name == hostile  # the same value, read back


def test_the_bundled_dataset_nests_six_levels_the_depth_the_message_names(raw_document: dict[str, Any]) -> None:
    # The depth is counted only when validation fails, on the grounds that a valid
    # dataset cannot nest deeper than its schema's 6 levels; this pins that figure.
    from thirdneighbor.data.load import MAX_DEPTH, _deeper_than

    assert not _deeper_than(raw_document, 6) and _deeper_than(raw_document, 5)
    assert MAX_DEPTH > 6


def test_reading_a_dataset_sets_aside_what_it_holds_not_the_limit(tmp_path: Path) -> None:
    import tracemalloc

    from thirdneighbor.data.load import read_bytes

    small = tmp_path / "small.toml"
    small.write_bytes(b"x = 1\n" * 1000)
    tracemalloc.start()
    try:
        assert read_bytes(small) == small.read_bytes()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024  # not the 64 MiB limit + 1 that one read(limit + 1) asks for


# --- stderr is a terminal channel too: dataset text never starts a line there ---------

LINE_BREAKS = {"newline": "\n", "carriage return": "\r", "line separator": "\u2028", "next line": "\x85",
               "form feed": "\x0c"}
FORGED = "thirdneighbor: wrote /home/you/.ssh/authorized_keys"


@pytest.mark.parametrize("brk", LINE_BREAKS.values(), ids=LINE_BREAKS.keys())
@pytest.mark.parametrize(("args", "lines"), [
    (["show", "united-kingdom"], 1),  # "… holds no partnership tier" (a note; the answer on stdout)
    (["show", "United Kingdomx"], 1),  # not found: "did you mean: …"
    (["show", "united-kingdom", "--as-of", "1990"], 1),  # no tier yet as of
])
def test_a_line_break_in_a_name_never_starts_a_line_on_stderr(write_dataset: Any, brk: str, args: list[str],
                                                              lines: int) -> None:
    path = write_dataset(lambda d: _partner(d, "united-kingdom").update(name=f"United Kingdom{brk}{FORGED}"))
    result = run_cli(*args, "--data", str(path))
    assert result.exit_code in (0, 1)
    assert len(result.stderr.splitlines()) == lines, result.stderr
    assert not any(line.startswith(FORGED) for line in result.stderr.splitlines())
    assert f"United Kingdom {FORGED}" in result.stderr


@pytest.mark.parametrize("brk", LINE_BREAKS.values(), ids=LINE_BREAKS.keys())
def test_a_line_break_in_a_name_never_starts_a_line_in_a_not_yet_error(write_dataset: Any, brk: str) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(name=f"Japan{brk}{FORGED}"))
    result = run_cli("show", "japan", "--as-of", "1990", "--data", str(path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert len(result.stderr.splitlines()) == 1 and f"Japan {FORGED} held no tier yet" in result.stderr


def test_an_ambiguous_name_lists_candidates_on_one_line(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        _partner(document, "japan").update(name=f"Twinland\n{FORGED}")
        _partner(document, "france").update(name="Twinford")

    result = run_cli("show", "twin", "--data", str(write_dataset(change)))
    assert (result.exit_code, result.stdout) == (1, "")
    assert len(result.stderr.splitlines()) == 1 and "matches several partners" in result.stderr


def test_completion_help_is_short_enough_that_no_shell_wraps_it(write_dataset: Any) -> None:
    long_name = "Strategic partnership, as the joint statements of the two heads of state name it in full"
    path = write_dataset(lambda d: next(t for t in d["tiers"] if t["id"] == "strategic").update(name=long_name))
    env = {"_THIRDNEIGHBOR_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args",
           "_TYPER_COMPLETE_ARGS": f"thirdneighbor list --data {path} --tier s"}
    result = run_cli(env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == ["strategic\tStrategic partnership, as the joint sta…"]


def test_a_glob_in_an_alias_is_never_offered_to_bash(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _partner(d, "japan").update(aliases=["J*", "Ja?an", "J[a]pan", "Nippon"]))
    env = {"_THIRDNEIGHBOR_COMPLETE": "complete_bash", "COMP_WORDS": f"thirdneighbor show --data {path} J",
           "COMP_CWORD": "4"}
    result = run_cli(env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    offers = result.stdout.split()
    assert "japan" in offers or "Japan" in offers
    assert not any(set(offer) & set("*?[") for offer in offers)


@pytest.mark.parametrize(("text", "expected"), [
    ("plain\x7fascii", "plain\\u007fascii"),  # all ASCII: the fast path, where DEL is the only one
    ("Япон\x7f\u202e\x85", "Япон\\u007f\\u202e\\u0085"),
    ("nothing to do", "nothing to do"),
])
def test_escaped_active_escapes_in_ascii_text_and_in_any_other(text: str, expected: str) -> None:
    from thirdneighbor.core.safe import escaped_active

    assert escaped_active(text) == expected
    assert json.loads(f'"{escaped_active(text)}"') == text


def test_the_short_text_scan_looks_for_exactly_the_characters_json_escapes() -> None:
    from thirdneighbor.core import safe

    pattern = re.compile(safe._ACTIVE_SOURCE)
    assert set(safe._ACTIVE_CHARACTERS) == {chr(code) for code in range(0x110000) if pattern.match(chr(code))}
    long_text = "Япон " * (safe._SHORT // 5 + 1) + "\u202e"  # past the scan: the pattern's path
    assert safe.escaped_active(long_text).endswith("\\u202e") and safe.escaped_active("Япон\u2066").endswith("\\u2066")
