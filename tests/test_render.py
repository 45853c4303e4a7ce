"""Renderers as golden text at a fixed width.

Plain renderers are compared through the CLI (that is what a pipe receives); Rich
views are rendered into a 100-column console without colour. To refresh the files
after an intended change, run `UPDATE_GOLDEN=1 pytest tests/test_render.py` and
review the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from rich.console import Console, RenderableType

from thirdneighbor.data.model import Dataset
from thirdneighbor.query.groups import compare_partners, tier_groups
from thirdneighbor.query.select import select_partners
from thirdneighbor.render import rich_views as views

from .conftest import GOLDEN, run_cli


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing; run with UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8")


def rich_text(renderable: RenderableType, width: int = 100) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False,
                      highlight=False, emoji=False, markup=False)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


# Each golden file, and the command whose output it holds: `--format table` is the
# Rich view as a pipe receives it (no colour), at the width COLUMNS gives.
PLAIN = {
    "plain-list.txt": ["list", "--neighbors"],
    "plain-show-korea.txt": ["show", "korea"],
    "plain-show-usa-china.txt": ["show", "usa", "china"],
    "plain-timeline.txt": ["timeline"],
    "plain-tiers.txt": ["tiers", "--neighbors"],
    "plain-compare.txt": ["compare", "japan", "united states", "france"],
}
RICH = {
    "rich-list.txt": ["list"],
    "rich-show-france.txt": ["show", "france"],
    "rich-timeline.txt": ["timeline"],
    "rich-tiers.txt": ["tiers"],
    "rich-compare.txt": ["compare", "japan", "usa"],
}


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_plain_output(name: str) -> None:
    result = run_cli(*PLAIN[name])
    assert result.exit_code == 0 and result.stderr == ""
    assert "\x1b" not in result.stdout
    check_golden(name, result.stdout)


@pytest.mark.parametrize("name", sorted(RICH))
def test_rich_output(name: str) -> None:
    result = run_cli(*RICH[name], "--format", "table", env={"COLUMNS": "100", "LINES": "40"})
    assert result.exit_code == 0 and result.stderr == ""
    assert "\x1b" not in result.stdout
    check_golden(name, result.stdout)


def test_rich_views_show_the_footnote_and_notes(dataset: Dataset) -> None:
    text = rich_text(views.partners_table(dataset, select_partners(dataset)))
    assert "Strategic partnership*" in text
    assert "* The article marks two designations, France's and Czechia's, with an asterisk" in text
    assert "see `thirdneighbor show ID`" in text


@pytest.mark.parametrize("width", [20, 33, 57, 80, 300])
def test_rich_views_fold_rather_than_truncate_at_any_width(dataset: Dataset, width: int) -> None:
    partners = select_partners(dataset, include_neighbors=True)
    renderables = [
        views.partners_table(dataset, partners),
        views.tiers_tree(dataset, tier_groups(dataset, include_neighbors=True)),
        views.compare_table(dataset, partners[:3], compare_partners(dataset, partners[:3])),
    ]
    for renderable in renderables:
        assert "…" not in rich_text(renderable, width=width)


def test_golden_directory_has_no_stale_files() -> None:
    assert {path.name for path in Path(GOLDEN).iterdir()} == set(PLAIN) | set(RICH)


def test_cleaning_one_character_is_clean_of_it() -> None:
    # The text fold cleans character by character without the pattern; both must
    # be the one rule, for every code point of the Basic Multilingual Plane.
    from thirdneighbor.core.safe import clean, cleaned_character

    differ = [hex(code) for code in range(0x10000) if cleaned_character(chr(code)) != clean(chr(code))]
    assert differ == []
