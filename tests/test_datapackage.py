"""The tabular export: one CSV file per table, and the Frictionless data package
that describes them, checked by the real `frictionless` tool (a test extra)."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

from thirdneighbor.render.datapackage import DESCRIPTOR, export_files, package_descriptor
from thirdneighbor.data.load import load_dataset
from thirdneighbor.core.directories import write_directory
from thirdneighbor.data.model import Dataset
from thirdneighbor.render.tables import TABLES, table

from .conftest import REPO


def frictionless_report(directory: Path) -> dict[str, Any]:
    """`frictionless validate --json` on a package, as a user would run it."""
    tool = Path(sys.executable).with_name("frictionless")
    command = [str(tool)] if tool.exists() else [shutil.which("frictionless") or "frictionless"]
    done = subprocess.run([*command, "validate", "--json", str(directory / DESCRIPTOR)],
                          capture_output=True, text=True, check=False, timeout=300)
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def errors_of(report: dict[str, Any]) -> list[str]:
    return [f"{task['name']}: {error['message']}" for task in report["tasks"] for error in task["errors"]] \
        + [error["message"] for error in report["errors"]]


def read_table(directory: Path, name: str) -> list[dict[str, str]]:
    with open(directory / f"{name}.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def exported(dataset: Dataset, target: Path, partners: Any = None, descriptor: bool = True) -> Path:
    return write_directory(target, export_files(dataset, partners, descriptor=descriptor))


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dataset = load_dataset(REPO / "data" / "partners.toml")
    return exported(dataset, tmp_path_factory.mktemp("package") / "policy")


def test_frictionless_validates_the_package(package: Path) -> None:
    report = frictionless_report(package)
    assert errors_of(report) == []
    assert report["valid"] is True
    assert report["stats"]["tasks"] == len(TABLES)


def test_every_field_is_typed_and_described_and_every_table_keyed(package: Path, dataset: Dataset) -> None:
    descriptor = json.loads((package / DESCRIPTOR).read_text(encoding="utf-8"))
    assert descriptor == package_descriptor(dataset)
    resources = {resource["name"]: resource for resource in descriptor["resources"]}
    assert sorted(path.name for path in package.iterdir()) == sorted([DESCRIPTOR, *(f"{n}.csv" for n in resources)])
    for name, resource in resources.items():
        schema = resource["schema"]
        assert resource["path"] == f"{name}.csv" and resource["description"]
        assert schema["primaryKey"], name
        for field in schema["fields"]:
            assert field["type"] in ("string", "integer", "boolean"), (name, field)
            assert len(field["description"]) > 10, (name, field["name"])
        names = [field["name"] for field in schema["fields"]]
        assert set(schema["primaryKey"]) <= set(names)
        for key in schema.get("foreignKeys", []):
            referenced = resources[key["reference"]["resource"]]["schema"]
            assert set(key["fields"]) <= set(names)
            assert key["reference"]["fields"] == referenced["primaryKey"] or \
                set(key["reference"]["fields"]) <= {field["name"] for field in referenced["fields"]}


def test_the_descriptor_states_the_licence_and_the_sources(package: Path, dataset: Dataset) -> None:
    from thirdneighbor.render.citation import all_sources

    descriptor = json.loads((package / DESCRIPTOR).read_text(encoding="utf-8"))
    assert descriptor["licenses"] == [{"name": "CC-BY-SA-4.0",
                                       "title": "Creative Commons Attribution-ShareAlike 4.0 International",
                                       "path": "https://creativecommons.org/licenses/by-sa/4.0/"}]
    assert descriptor["version"] == dataset.version
    listed = descriptor["sources"]
    assert len(listed) == len(all_sources(dataset)) == len(dataset.all_sources)  # the lists of state codes among them
    assert [source.get("path") for source in listed[:len(dataset.all_sources)]] == \
        [source.url for source in dataset.all_sources]
    assert all(source["title"] for source in listed)
    offline = [source for source in dataset.all_sources if source.url is None]
    assert offline and all({"title": f"{source.title} (offline: {source.offline})"} in listed for source in offline)
    assert {"title": "State System Membership (v2024)",
            "path": "https://correlatesofwar.org/data-sets/state-system-membership"} in listed


def test_the_csv_files_read_back_as_the_dataset(package: Path, dataset: Dataset) -> None:
    for declared in TABLES:
        with open(package / f"{declared.name}.csv", encoding="utf-8", newline="") as stream:
            header = next(csv.reader(stream))
        assert tuple(header) == declared.column_names
    partners = read_table(package, "partners")
    assert [row["id"] for row in partners] == [partner.id for partner in dataset.all_partners]
    japan = next(row for row in partners if row["id"] == "japan")
    assert (japan["iso3"], japan["cow_code"], japan["gw_code"], japan["tier"]) == ("JPN", "740", "740", "strategic")
    assert (japan["since"], japan["tier_since"], japan["neighbor"]) == ("2022-11-29", "2010-11-19", "false")
    uk = next(row for row in partners if row["id"] == "united-kingdom")
    assert (uk["tier"], uk["since"]) == ("", "")
    assert len(read_table(package, "events")) == len(dataset.all_events)
    assert len(read_table(package, "people")) == len(dataset.all_people)
    assert read_table(package, "mongolia") == [{"name": "Mongolia", "iso2": "MN", "iso3": "MNG", "iso_numeric": "496",
                                                "cow_code": "712", "cow_source": dataset.mongolia.cow_source,
                                                "gw_code": "712", "gw_source": dataset.mongolia.gw_source}]
    sources = read_table(package, "sources")
    assert [row["id"] for row in sources] == [source.id for source in dataset.all_sources]
    cited = {row["source_id"] for name in ("policy_sources", "partner_sources", "event_sources", "person_sources",
                                           "partner_claim_sources", "spell_sources", "person_role_sources") for row in read_table(package, name)}
    cited |= {row[key] for name in ("partners", "mongolia") for row in read_table(package, name)
              for key in ("cow_source", "gw_source") if row[key]}  # the lists the state codes come from
    assert cited == {row["id"] for row in sources}  # every source is cited (the loader checks it), and no other


def test_japans_spells(package: Path) -> None:
    spells = [row for row in read_table(package, "tier_spells") if row["partner_id"] == "japan"]
    assert [(row["spell"], row["tier"], row["start"], row["start_precision"], row["end"], row["end_type"])
            for row in spells] == [
        ("1", "comprehensive", "1998-05", "month", "2010-11-19", "upgrade"),
        ("2", "strategic", "2010-11-19", "day", "2022-11-29", "rename"),
        ("3", "strategic", "2022-11-29", "day", "", "ongoing"),
    ]
    assert spells[2]["designation"] == "Special Strategic Partnership for Peace and Prosperity"
    assert spells[0]["note"].startswith("The Japan Times of 11 May 1998")
    people = [row for row in read_table(package, "spell_people") if row["partner_id"] == "japan"]
    assert [(row["spell"], row["person_id"]) for row in people] == [
        ("1", "natsagiin-bagabandi"), ("2", "tsakhiagiin-elbegdorj"), ("2", "naoto-kan"),
        ("3", "ukhnaagiin-khurelsukh"), ("3", "fumio-kishida")]


def test_japans_years(package: Path) -> None:
    years = {row["year"]: row for row in read_table(package, "partner_years") if row["partner_id"] == "japan"}
    assert min(years) == "1998"  # the first year any partner held a tier: Japan's comprehensive partnership
    assert (years["2009"]["tier"], years["2009"]["tier_changed"], years["2009"]["ties_begun"]) == \
        ("comprehensive", "false", "0")
    assert (years["1998"]["tier"], years["1998"]["tier_changed"], years["1998"]["spell"]) == \
        ("comprehensive", "true", "1")
    assert (years["2010"]["tier"], years["2010"]["tier_rank"], years["2010"]["tier_changed"]) == \
        ("strategic", "2", "true")
    # The 2022 rename: a new tie, the same tier.
    assert (years["2022"]["tier_changed"], years["2022"]["ties_begun"], years["2022"]["spell"]) == ("false", "1", "3")
    assert (years["2022"]["iso3"], years["2022"]["cow_code"], years["2022"]["gw_code"]) == ("JPN", "740", "740")


def test_a_tie_at_no_tier_and_an_in_force_by_start(package: Path) -> None:
    spells = read_table(package, "tier_spells")
    korea = [(row["tier"], row["start"], row["start_precision"], row["end_type"]) for row in spells
             if row["partner_id"] == "south-korea"]
    assert korea == [("", "1999", "year", "rename"), ("", "2006", "year", "upgrade"),
                     ("comprehensive", "2011", "year", "upgrade"), ("strategic", "2021-09-10", "day", "ongoing")]
    usa = next(row for row in spells if row["partner_id"] == "united-states")
    assert (usa["start"], usa["start_approx"], usa["end_type"]) == ("2011-06-16", "true", "rename")
    assert not any(row["partner_id"] == "united-kingdom" for row in spells)


def test_the_same_dataset_gives_the_same_bytes(dataset: Dataset) -> None:
    assert export_files(dataset) == export_files(dataset)


def test_csv_is_the_same_tables_without_the_descriptor(dataset: Dataset) -> None:
    with_descriptor = export_files(dataset)
    plain = export_files(dataset, descriptor=False)
    assert DESCRIPTOR in with_descriptor and DESCRIPTOR not in plain
    assert plain == {name: data for name, data in with_descriptor.items() if name != DESCRIPTOR}


def test_a_selection_keeps_its_keys_whole(dataset: Dataset, tmp_path: Path) -> None:
    chosen = [partner for partner in dataset.all_partners if partner.id in ("japan", "south-korea")]
    target = exported(dataset, tmp_path / "two", chosen)
    assert errors_of(frictionless_report(target)) == []
    assert {row["id"] for row in read_table(target, "partners")} == {"japan", "south-korea"}
    whole = {row["title"]: row["id"] for row in read_table(exported(dataset, tmp_path / "all"), "events")}
    events = read_table(target, "events")
    assert events and all(whole[row["title"]] == row["id"] for row in events)
    assert {row["partner_id"] for row in read_table(target, "event_partners")} <= {"japan", "south-korea"}
    assert {row["partner_id"] for row in read_table(target, "partner_claims")} == {"japan", "south-korea"}


HOSTILE_NAME = '=HYPERLINK("http://127.0.0.1/x","click"), then, "quoted"\nand a second line'
HOSTILE_NOTE = "+1; -1 @SUM(A1:A2)\r\n\ttabbed, \"quoted\", a \x00 NUL, a lone \r and \u202e reversed"


def test_hostile_text_round_trips(write_dataset: Any, tmp_path: Path) -> None:
    def change(document: dict[str, Any]) -> None:
        japan = next(partner for partner in document["partners"] if partner["id"] == "japan")
        japan["name"] = HOSTILE_NAME
        japan["notes"] = [HOSTILE_NOTE, "@cmd"]
        japan["history"][0]["note"] = "-2+3"
        document["events"][0]["title"] = "a,b\n\"c\""

    dataset = load_dataset(write_dataset(change))
    target = exported(dataset, tmp_path / "hostile")
    assert errors_of(frictionless_report(target)) == []
    japan = next(row for row in read_table(target, "partners") if row["id"] == "japan")
    assert japan["name"] == HOSTILE_NAME
    notes = [row["note"] for row in read_table(target, "partner_notes") if row["partner_id"] == "japan"]
    assert notes == [HOSTILE_NOTE, "@cmd"]
    assert next(row for row in read_table(target, "tier_spells") if row["partner_id"] == "japan")["note"] == "-2+3"
    assert read_table(target, "events")[0]["title"] == "a,b\n\"c\""


def test_frictionless_is_a_test_extra_and_the_runtime_dependencies_are_as_they_were() -> None:
    # That the tool never imports it: tests/test_citation.py, for every test extra.
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert [dependency.split(">")[0].split("<")[0] for dependency in project["dependencies"]] == \
        ["typer", "rich", "tomli-w"]
    assert any(requirement.startswith("frictionless") for requirement in project["optional-dependencies"]["test"])


def test_columns_are_declared_once(dataset: Dataset) -> None:
    from thirdneighbor.render.table_rows import table_rows

    rows = table_rows(dataset)
    assert set(rows) == {declared.name for declared in TABLES}
    for declared in TABLES:
        assert all(len(row) == len(declared.columns) for row in rows[declared.name]), declared.name
    assert table("tier_spells").primary_key == ("partner_id", "spell")


# --- on the command line -----------------------------------------------------------------

def test_export_datapackage_on_the_command_line(tmp_path: Path) -> None:
    from .conftest import run_cli

    target = tmp_path / "policy-data"
    result = run_cli("export", "--format", "datapackage", "--neighbors", "--all", "-o", str(target))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"thirdneighbor: wrote {target}: {len(TABLES) + 1} files\n"
    assert errors_of(frictionless_report(target)) == []
    again = run_cli("export", "--format", "datapackage", "-o", str(target))
    assert (again.exit_code, again.stdout) == (2, "")
    assert again.stderr == (f"thirdneighbor: {target} exists already and is not empty; add --force to replace an "
                            "earlier export there, or give a new name\n")
    forced = run_cli("export", "--format", "csv", "--tier", "expanded", "-o", str(target), "--force")
    assert (forced.exit_code, forced.stdout) == (0, "")
    assert forced.stderr == f"thirdneighbor: wrote {target}: {len(TABLES)} files\n"
    assert not (target / DESCRIPTOR).exists()
    assert [row["id"] for row in read_table(target, "partners")] == ["australia"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["policy-data"]


def test_one_table_to_stdout(dataset: Dataset) -> None:
    from .conftest import ok

    text = ok("export", "--format", "csv", "--table", "partner_years", "--country", "japan")
    rows = list(csv.DictReader(text.splitlines()))
    assert [row["year"] for row in rows] == [str(year) for year in dataset.series()["japan"]]
    assert {row["partner_id"] for row in rows} == {"japan"}


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "csv"], "--format csv writes a directory of files, one per table; give --output DIR (or --table "
                          "TABLE for one table on stdout)"),
    (["--format", "datapackage", "-o", "-"], "--format datapackage writes a directory of files, one per table; give "
                                             "--output DIR (or --table TABLE for one table on stdout)"),
    (["--format", "datapackage", "--table", "tiers"], "--table writes one table as CSV; add --format csv (not "
                                                      "datapackage)"),
    (["--format", "csv", "--table", "spells"], "no table 'spells'; choose from " + ", ".join(t.name for t in TABLES)),
    (["--format", "xlsx", "-o", "out"], "unknown export format 'xlsx'; choose from toml, sqlite, csv, datapackage"),
])
def test_refused_exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str) -> None:
    from .conftest import run_cli

    monkeypatch.chdir(tmp_path)
    result = run_cli("export", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"thirdneighbor: {message}\n")
    assert list(tmp_path.iterdir()) == []


def test_output_that_is_a_file_a_fifo_or_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from .conftest import run_cli

    existing = tmp_path / "tables.csv"
    existing.write_bytes(b"precious")
    result = run_cli("export", "--format", "csv", "-o", str(existing), "--force")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"thirdneighbor: {existing} is a file, not a directory; this export writes a directory "
                             "of files: give a new name\n")
    assert existing.read_bytes() == b"precious"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run_cli("export", "--format", "datapackage", "-o", str(fifo))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"thirdneighbor: {fifo} is a FIFO (named pipe), not a directory; this export writes a "
                             "directory of files: give a new name\n")
    missing = tmp_path / "nowhere" / "out"
    result = run_cli("export", "--format", "datapackage", "-o", str(missing))
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == f"thirdneighbor: cannot write {missing}: No such file or directory\n"
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # read-only, as even root meets it
    result = run_cli("export", "--format", "datapackage", "-o", str(tmp_path / "out"))
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == f"thirdneighbor: cannot write {tmp_path / 'out'}: Permission denied\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe", "tables.csv"]


def test_the_evidence_of_each_value(package: Path, dataset: Dataset) -> None:
    claims = read_table(package, "partner_claims")
    expected = [(partner.id, claim.field, claim.confidence, claim.quote or "", claim.note or "")
                for partner in dataset.all_partners for claim in partner.evidence]
    assert [(row["partner_id"], row["field"], row["confidence"], row["quote"], row["note"]) for row in claims] == expected
    japan_tier = next(claim for claim in dataset.partner("japan").evidence if claim.field == "tier")
    cited = [row["source_id"] for row in read_table(package, "partner_claim_sources")
             if (row["partner_id"], row["field"]) == ("japan", "tier")]
    assert cited == list(japan_tier.sources)
    spells = {(row["partner_id"], row["spell"]): row for row in read_table(package, "tier_spells")}
    first = dataset.partner("japan").history[0]
    assert spells[("japan", "1")]["confidence"] == (first.confidence or "")
    assert [row["source_id"] for row in read_table(package, "spell_sources")
            if (row["partner_id"], row["spell"]) == ("japan", "1")] == list(first.sources)
    assert spells[("japan", "3")]["confidence"] == ""  # the current tie's grade is the partner's claims'
    events = read_table(package, "events")
    assert [row["confidence"] for row in events] == [event.confidence or "" for event in dataset.all_events]
