"""`thirdneighbor diff OLD NEW`: the records added, removed and changed between two
dataset files, as text and JSON; exit 0 whether or not they differ, 3 for a broken file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from .conftest import BUNDLED, REPO, run_cli

SCHEMA = json.loads((REPO / "schema" / "output.schema.json").read_text(encoding="utf-8"))


def _partner(document: dict[str, Any], partner_id: str) -> dict[str, Any]:
    return next(partner for partner in document["partners"] if partner["id"] == partner_id)


def diff_json(old: Path, new: Path) -> dict[str, Any]:
    result = run_cli("diff", str(old), str(new), "--json")
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    jsonschema.Draft202012Validator({"$ref": "#/$defs/diff", "$defs": SCHEMA["$defs"]}).validate(payload)
    return payload


def test_two_identical_files_differ_in_nothing(tmp_path: Path) -> None:
    copy = tmp_path / "copy.toml"
    copy.write_bytes(BUNDLED.read_bytes())
    result = run_cli("diff", str(BUNDLED), str(copy))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"thirdneighbor: {BUNDLED} → {copy}: no differences\n"
    assert diff_json(BUNDLED, copy)["changes"] == []


def test_a_changed_tier_in_an_edited_copy(write_dataset: Any) -> None:
    path = write_dataset(lambda document: _partner(document, "japan").update(tier="comprehensive"))
    result = run_cli("diff", str(BUNDLED), str(path))
    assert result.exit_code == 0
    assert result.stdout == 'changed partner japan\n  tier: "strategic" → "comprehensive"\n'
    assert result.stderr == f"thirdneighbor: {BUNDLED} → {path}: 1 record changed, 0 added, 0 removed\n"
    payload = diff_json(BUNDLED, path)
    assert payload["old"] == {"path": str(BUNDLED), "title": "Third Neighbor Policy dataset", "version": "3.1.0"}
    assert payload["changes"] == [{"record": "partner", "key": "japan", "change": "changed", "values": None,
                                   "fields": [{"field": "tier", "old": "strategic", "new": "comprehensive"}]}]


def test_records_added_removed_and_changed_of_every_kind(write_dataset: Any) -> None:
    first: list[tuple[str, str]] = []

    def change(document: dict[str, Any]) -> None:
        document["version"] = "3.2.0"
        document["mongolia"]["gw_code"] = 713
        document["policy"]["aims"] = document["policy"]["aims"][:1]
        document["tiers"][3]["description"] = "The lowest tier."
        document["partners"] = [p for p in document["partners"] if p["id"] != "united-kingdom"]
        _partner(document, "japan")["history"][0]["since"] = "1997"
        document["people"].append({"id": "new-person", "name": "New Person", "sources": ["a-source"]})
        document["sources"].append({"id": "a-source", "url": "https://example.org/a-source"})
        events = [e for e in document["events"] if e["partners"] != ["united-kingdom"]]  # its events go with it
        first.append((events[0]["date"], events[0]["title"]))
        events[0]["title"] += " (corrected)"
        document["events"] = events
    path = write_dataset(change)
    changes = diff_json(BUNDLED, path)["changes"]
    summary = [(c["record"], c["key"] if c["record"] != "event" else c["key"][0], c["change"]) for c in changes]
    [first_event] = first
    uk_events = [c for c in changes if c["record"] == "event" and c["change"] == "removed"
                 and c["values"]["partners"] == ["united-kingdom"]]
    assert len(uk_events) == 1
    records = [entry for entry in summary if entry[0] != "source"]
    assert records == [
        ("dataset", None, "changed"), ("mongolia", None, "changed"), ("policy", None, "changed"),
        ("tier", "expanded", "changed"), ("partner", "japan", "changed"), ("partner", "united-kingdom", "removed"),
        ("event", first_event[0], "removed"), ("event", uk_events[0]["key"][0], "removed"),
        ("event", first_event[0], "added"), ("person", "new-person", "added")]
    # The sources only the United Kingdom's record and events cited went with them; one was added.
    uk = next(c for c in changes if c["key"] == "united-kingdom")["values"]["sources"]
    removed = {key for kind, key, change in summary if kind == "source" and change == "removed"}
    assert removed and removed <= set(uk) | set(uk_events[0]["values"]["sources"])
    assert summary[-1] == ("source", "a-source", "added")
    by_kind = {(c["record"], c["change"]): c for c in changes}
    assert by_kind[("dataset", "changed")]["fields"] == [{"field": "version", "old": "3.1.0", "new": "3.2.0"}]
    assert by_kind[("mongolia", "changed")]["fields"] == [{"field": "gw_code", "old": 712, "new": 713}]
    assert by_kind[("partner", "changed")]["fields"] == [{"field": "history[0].since", "old": "1998-05", "new": "1997"}]
    removed = by_kind[("partner", "removed")]
    assert (removed["values"]["name"], removed["fields"]) == ("United Kingdom", [])
    assert by_kind[("person", "added")]["values"]["name"] == "New Person"
    event = next(c for c in changes if c["record"] == "event" and c["change"] == "added")
    assert event["key"] == [first_event[0], first_event[1] + " (corrected)"]


def test_the_text_names_each_record_and_field(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        document["events"][0]["title"] = "A new \x1b[31mtitle"
        _partner(document, "germany")["gw_code"] = 255
        del document["license"]
    path = write_dataset(change)
    result = run_cli("diff", str(BUNDLED), str(path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == ["changed dataset", '  license: "CC-BY-SA-4.0" → null']
    assert "changed partner germany" in lines and "  gw_code: 260 → 255" in lines
    assert any(line.startswith("removed event ") for line in lines)
    # Values are shown as JSON: the escape code is written as \u001b, inert, and the value stays exact.
    assert "\x1b" not in result.stdout
    assert [line for line in lines if line.startswith("added event ")][0].endswith('"A new \\u001b[31mtitle"')


def test_events_that_share_a_date_and_title_are_told_apart(write_dataset: Any) -> None:
    def twice(document: dict[str, Any]) -> None:
        document["events"].append(dict(document["events"][-1]))
    path = write_dataset(twice)
    [added] = diff_json(BUNDLED, path)["changes"]
    assert (added["change"], len(added["key"]), added["key"][2]) == ("added", 3, 2)
    assert run_cli("diff", str(BUNDLED), str(path)).stdout.endswith("(#2)\n")


def test_stdin_is_one_side_and_the_readme_recipe_works(tmp_path: Path) -> None:
    """`thirdneighbor init - | thirdneighbor diff - mine.toml` shows only your own edits."""
    mine = tmp_path / "mine.toml"
    assert run_cli("init", str(mine)).exit_code == 0
    text = mine.read_text(encoding="utf-8")
    start = text.index('id = "australia"')  # edit Australia's record, as a user would in an editor
    mine.write_text(text[:start] + text[start:].replace('tier = "expanded"', 'tier = "comprehensive"', 1),
                    encoding="utf-8")
    fresh = run_cli("init", "-").stdout
    from typer.testing import CliRunner

    from thirdneighbor.cli.app import app

    ran = CliRunner().invoke(app, ["diff", "-", str(mine)], input=fresh, prog_name="thirdneighbor")
    assert ran.exit_code == 0, ran.stderr
    assert ran.stdout == 'changed partner australia\n  tier: "expanded" → "comprehensive"\n'
    assert ran.stderr == f"thirdneighbor: <stdin> → {mine}: 1 record changed, 0 added, 0 removed\n"


def test_both_sides_cannot_be_stdin() -> None:
    result = run_cli("diff", "-", "-")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("thirdneighbor: OLD and NEW cannot both be - (stdin); give at least one file\n")


@pytest.mark.parametrize("side", ["old", "new"])
def test_a_broken_file_is_exit_3(tmp_path: Path, side: str) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema_version = 3\nas_of = "2026-13"\n', encoding="utf-8")
    args = [str(broken), str(BUNDLED)] if side == "old" else [str(BUNDLED), str(broken)]
    result = run_cli("diff", *args)
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.startswith(f"thirdneighbor: {broken}: the dataset is broken (")
    missing = run_cli("diff", str(BUNDLED), str(tmp_path / "nowhere.toml"))
    assert (missing.exit_code, missing.stdout) == (3, "")
    assert missing.stderr == f"thirdneighbor: {tmp_path / 'nowhere.toml'}: the dataset is broken (1 problem)\n  - no such file\n"
