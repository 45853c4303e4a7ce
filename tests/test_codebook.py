"""docs/codebook.md: every field of every record, from the model and its notes, kept up to date."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from thirdneighbor.data.field_notes import NOTES, describe
from thirdneighbor.data.model import RECORD_CLASSES, record_fields

REPO = Path(__file__).resolve().parents[1]
TOOL = REPO / "tools" / "make_codebook.py"


def _tool():
    spec = importlib.util.spec_from_file_location("make_codebook", TOOL)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_every_field_of_every_record_has_a_note_and_every_note_a_field() -> None:
    declared = {cls.__name__: [info.key for info in record_fields(cls)] for cls in RECORD_CLASSES}
    missing = [f"{name}.{key}" for name, keys in declared.items() for key in keys if key not in NOTES.get(name, {})]
    stale = [f"{name}.{key}" for name, notes in NOTES.items() for key in notes if key not in declared.get(name, [])]
    assert (missing, stale) == ([], [])


def test_the_codebook_is_up_to_date() -> None:
    done = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stderr) == (0, ""), "run: python tools/make_codebook.py"


def test_the_check_fails_when_the_codebook_is_out_of_date(tmp_path: Path) -> None:
    tool = _tool()
    text = (REPO / "docs" / "codebook.md").read_text(encoding="utf-8")
    stale = text.replace("| `confidence` | text |", "| `confidence` | integer |", 1)
    assert stale != text and tool.updated(stale) == text


def test_the_codebook_lists_each_field_with_its_type_allowed_values_and_missing_meaning() -> None:
    text = (REPO / "docs" / "codebook.md").read_text(encoding="utf-8")
    assert "### Source: `[[sources]]`" in text and "### Claim: `[[partners.evidence]]`" in text
    assert ("| `confidence` | text | yes | high, medium or low (see the coding rules) | never: a file must give it "
            "| How well the sources support the value. |") in text
    assert "| `since` | partial date | no |" in text
    assert "## Coding rules" in text and "### Tier and designation" in text


def test_an_export_can_describe_a_column_from_the_same_text() -> None:
    assert describe("Source", "url") == "The page's address. Missing: an offline source: `offline` says why."
    assert describe("Claim", "confidence") == "How well the sources support the value."
