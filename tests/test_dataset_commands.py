"""Your own dataset: `validate`, `export --format toml` (a tested round trip),
`init`, and `cite`."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from .conftest import BUNDLED, cite_texts, run_cli


def out(*args: str) -> str:
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


# --- validate ------------------------------------------------------------------------------

def test_validate_a_valid_file() -> None:
    result = run_cli("validate", str(BUNDLED))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{BUNDLED}: valid (22 partners, 47 events)\n"


def test_validate_lists_every_problem_and_exits_3(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        document["partners"][0]["since"] = "2019-13"
        document["partners"][3]["level"] = "friendly"
        document["events"][2]["partners"] = ["atlantis"]
    path = write_dataset(change)
    result = run_cli("validate", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    lines = result.stderr.splitlines()
    assert lines[0] == f"thirdneighbor: {path}: the dataset is broken (3 problems)"
    assert len(lines) == 4


def test_validate_json(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d["partners"][1].pop("since"))
    result = run_cli("validate", "--json", str(path))
    assert (result.exit_code, result.stderr) == (3, "")
    report = json.loads(result.stdout)
    assert report["valid"] is False
    [problem] = report["problems"]
    assert (problem["record"], problem["message"]) == ("partners[1] (japan)", "has a tier but no 'since'")
    lines = path.read_text(encoding="utf-8").splitlines()  # the line is where japan's record starts
    assert lines[problem["line"] - 1] == "[[partners]]" and lines[problem["line"]] == 'id = "japan"'
    text = run_cli("validate", str(path)).stderr
    assert f"  - line {problem['line']}, partners[1] (japan): has a tier but no 'since'" in text
    good = json.loads(out("validate", "--json", str(BUNDLED)))
    assert (good["valid"], good["partners"], good["events"], good["problems"]) == (True, 22, 47, [])


def test_validate_never_trusts_the_cache(write_dataset: Any) -> None:
    path = write_dataset()
    out("list", "--data", str(path))  # caches it
    assert run_cli("validate", str(path)).exit_code == 0
    path.write_text(path.read_text(encoding="utf-8").replace('since = "2019-07-31"', 'since = "2019-07-32"'),
                    encoding="utf-8")
    assert run_cli("validate", str(path)).exit_code == 3


@pytest.mark.parametrize("content", [b"", b"\xff\xfe", b"[broken"])
def test_validate_unreadable_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    result = run_cli("validate", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert "the dataset is broken (1 problem)" in result.stderr


# --- export: a round trip --------------------------------------------------------------------

JSON_COMMANDS = [["list", "--neighbors", "--all"], ["timeline"], ["show", "uk"], ["tiers", "--neighbors"], ["show", "korea", "china"],
                 ["compare", "japan", "russia"], ["history", "usa"], ["list", "--as-of", "2015"]]


def test_a_full_export_gives_identical_json(tmp_path: Path) -> None:
    path = tmp_path / "all.toml"
    path.write_text(out("export", "--neighbors", "--all"), encoding="utf-8")
    for args in JSON_COMMANDS:
        assert out(*args, "--json", "--data", str(path)) == out(*args, "--json"), args


def test_a_filtered_export_is_the_selection(tmp_path: Path) -> None:
    path = tmp_path / "strategic.toml"
    result = run_cli("export", "--tier", "strategic", "--output", str(path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"thirdneighbor: wrote {path}\n"
    assert out("list", "--json", "--data", str(path)) == out("list", "--tier", "strategic", "--json")
    events = json.loads(out("timeline", "--json", "--data", str(path)))
    strategic = {"united-states", "japan", "germany", "south-korea", "kazakhstan", "turkiye", "india", "italy",
                 "france"}
    assert all(set(e["partners"]) <= strategic for e in events)
    assert any(e["partners"] == [] for e in events)  # events that name no partner stay
    assert out("validate", str(path)).endswith("valid (9 partners, 25 events)\n")


def test_export_by_country_and_year(tmp_path: Path) -> None:
    # The filters are those of `list`: --since is on the date the tier was reached,
    # and Japan has been strategic since 2010 (its designation dates from 2022).
    text = out("export", "--country", "japan", "--country", "korea", "--since", "2021")
    assert [p["id"] for p in tomllib.loads(text)["partners"]] == ["south-korea"]
    text = out("export", "--country", "japan", "--country", "korea", "--since", "2010")
    assert [p["id"] for p in tomllib.loads(text)["partners"]] == ["japan", "south-korea"]


def test_export_is_valid_toml_written_with_tomli_w() -> None:
    document = tomllib.loads(out("export"))
    assert document["schema_version"] == 4 and len(document["partners"]) == 16


def test_export_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("mine", encoding="utf-8")
    result = run_cli("export", "--output", str(path))
    assert (result.exit_code, path.read_text(encoding="utf-8")) == (2, "mine")
    assert run_cli("export", "--output", str(path), "--force").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("schema_version = 4")


def test_an_unknown_export_format_is_refused() -> None:
    result = run_cli("export", "--format", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "unknown export format 'json'; choose from toml, sqlite, csv, datapackage" in result.stderr


def test_export_sqlite_writes_a_database_file(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "policy.db"
    result = run_cli("export", "--format", "sqlite", "--neighbors", "--all", "--output", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"thirdneighbor: wrote {path}\n")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM partners").fetchone() == (22,)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    to_stdout = run_cli("export", "--format", "sqlite")
    assert (to_stdout.exit_code, to_stdout.stdout) == (2, "")
    assert "--format sqlite writes a database file; give --output FILE" in to_stdout.stderr


# --- init ------------------------------------------------------------------------------------

def test_init_writes_an_editable_copy(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    result = run_cli("init", str(path))
    assert (result.exit_code, result.stdout) == (0, "")
    assert f"wrote {path}" in result.stderr
    assert out("list", "--json", "--data", str(path)) == out("list", "--json")
    # The same file, comments and all, except that it is the user's own dataset now.
    changed = [(old, new) for old, new in zip(BUNDLED.read_text(encoding="utf-8").splitlines(),
                                              path.read_text(encoding="utf-8").splitlines()) if old != new]
    assert changed == [('title = "Third Neighbor Policy dataset"',
                        'title = "Own dataset, based on Third Neighbor Policy dataset 3.1.0"'),
                       ('version = "3.1.0"', 'version = "0.1.0"')]
    citation = json.loads(out("cite", "--format", "json", "--data", str(path)))
    assert (citation["title"], citation["version"]) == ("Own dataset, based on Third Neighbor Policy dataset 3.1.0",
                                                        "0.1.0")


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text("my own work", encoding="utf-8")
    result = run_cli("init", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"thirdneighbor: {path} exists already; add --force to replace it\n"
    assert path.read_text(encoding="utf-8") == "my own work"
    assert run_cli("init", str(path), "--force").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith(BUNDLED.read_text(encoding="utf-8")[:200])


# --- cite ------------------------------------------------------------------------------------

def test_cite_text() -> None:
    from thirdneighbor import __version__

    text = out("cite")
    assert text.startswith("The thirdneighbor contributors (2026). Third Neighbor Policy dataset, version 3.1.0, "
                           f"checked against its sources on 2026-12-03; read with thirdneighbor {__version__}.\n")
    sources = out("cite", "--sources")
    assert "https://montsame.mn/en/read/337211\n" in sources
    # A citation without an address: its text, and why it is offline.
    assert "Third neighbor policy (Wikipedia article) (offline: The address of this source was not recorded" in sources


def test_cite_lists_each_source_once() -> None:
    sources = json.loads(out("cite", "--sources", "--json"))
    assert sources == json.loads(out("cite", "--format", "json"))["sources"]
    assert len(sources) == len(set(sources))
    import thirdneighbor
    from thirdneighbor.query.evidence import cited_labels

    data = thirdneighbor.load()
    every = {s for p in json.loads(out("list", "--all", "--neighbors", "--json")) for s in p["sources"]}
    assert set(cited_labels(data, tuple(every))) <= set(sources)


def test_cite_bibtex_is_one_entry_with_balanced_braces() -> None:
    entry = out("cite", "--format", "bibtex")
    assert entry.startswith("@misc{thirdneighbor_3_1_0_2026_12_03,\n") and entry.endswith("}\n")
    assert "  version = {3.1.0},\n" in entry
    assert entry.count("@") == 1
    depth = 0
    for char in re.sub(r"\\[{}]", "", entry):
        depth += {"{": 1, "}": -1}.get(char, 0)
        assert depth >= 0
    assert depth == 0
    assert "year = {2026}" in entry


def test_cite_json_is_the_json_format() -> None:
    assert out("cite", "--json") == out("cite", "--format", "json")
    assert json.loads(out("cite", "--json"))["version"] == "3.1.0"
    result = run_cli("cite", "--json", "--format", "bibtex")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: --json and --format bibtex ask for two formats; give one\n"


def test_cite_unknown_format() -> None:
    result = run_cli("cite", "--format", "endnote")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: unknown format 'endnote'; choose from text, bibtex, csl-json, ris, json\n"


def test_export_a_neighbour_by_name() -> None:
    document = tomllib.loads(out("export", "--country", "russia"))
    assert [p["id"] for p in document["partners"]] == ["russia"]
    assert [e["date"] for e in document["events"]] == ["1994-06-30", "2009-08-25", "2019-09-03"]


def test_cite_takes_control_characters_out(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        cite_texts(document, document["policy"], ["\x1b]0;title\x07evil"])
        document["title"] = "\x1b[2Jevil title_with%specials"
    path = write_dataset(change)
    for args in (["--format", "text"], ["--format", "bibtex"], ["--format", "ris"], ["--sources"]):
        text = out("cite", *args, "--data", str(path))
        assert "\x1b" not in text and "\x07" not in text and "evil" in text
    assert r"evil title\_with\%specials" in out("cite", "--format", "bibtex", "--data", str(path))


def test_an_own_copy_gets_a_title_and_version_even_where_the_file_had_none() -> None:
    from thirdneighbor.data.load import own_copy

    text = BUNDLED.read_text(encoding="utf-8")
    bare = text.replace('title = "Third Neighbor Policy dataset"\n', "").replace('version = "3.1.0"\n', "")
    copy = tomllib.loads(own_copy(bare.encode("utf-8")).decode("utf-8"))
    assert (copy["title"], copy["version"]) == ("Own dataset, based on the bundled dataset", "0.1.0")
    # Only the top-level keys change: the events' titles are untouched.
    assert [e["title"] for e in copy["events"]] == [e["title"] for e in tomllib.loads(text)["events"]]


# --- info ------------------------------------------------------------------------------------

def test_info_says_which_file_and_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jsonschema

    schema = json.loads((BUNDLED.parents[1] / "schema" / "output.schema.json").read_text(encoding="utf-8"))
    bundled = json.loads(out("info", "--json"))
    jsonschema.validate(bundled, {"$ref": "#/$defs/info", "$defs": schema["$defs"]})
    assert (bundled["path"], bundled["source"], bundled["version"]) == (str(BUNDLED), "bundled", "3.1.0")
    assert bundled["records"] == {"partners": 22, "third_neighbors": 16, "neighbors": 2, "other_relations": 1,
                                  "organisations": 3, "events": 47, "people": 44, "tiers": 4}
    assert json.loads(out("info", "--json"))["cache"]["hit"] is True  # the first run wrote it
    mine = tmp_path / "mine.toml"
    assert run_cli("init", str(mine)).exit_code == 0
    monkeypatch.setenv("THIRDNEIGHBOR_DATA", str(mine))
    text = out("info")
    assert f"Dataset:  {mine} (named by $THIRDNEIGHBOR_DATA)\n" in text
    assert "Version:  0.1.0, checked against its sources on 2026-12-03\n" in text
    assert out("info", "--data", str(BUNDLED)).startswith(f"Dataset:  {BUNDLED} (named with --data)\n")


def test_a_missing_file_from_the_environment_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIRDNEIGHBOR_DATA", "/no/such/partners.toml")
    for command in (["info"], ["list"]):
        result = run_cli(*command)
        assert (result.exit_code, result.stdout) == (3, "")
        assert result.stderr.startswith("thirdneighbor: /no/such/partners.toml (named by $THIRDNEIGHBOR_DATA): "
                                        "the dataset is broken (1 problem)\n")


@pytest.mark.parametrize("content", [b"", b"schema_version = ", b"schema_version = 3\n"],
                         ids=["empty", "syntax", "invalid"])
def test_a_broken_file_from_the_environment_names_the_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                               content: bytes) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_bytes(content)
    monkeypatch.setenv("THIRDNEIGHBOR_DATA", str(broken))
    for command in (["info"], ["list"]):
        result = run_cli(*command)
        assert (result.exit_code, result.stdout) == (3, "")
        assert result.stderr.startswith(f"thirdneighbor: {broken} (named by $THIRDNEIGHBOR_DATA): "
                                        "the dataset is broken (")
