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

from thirdneighbor.model import Dataset
from thirdneighbor.groupings import compare_partners, tier_groups
from thirdneighbor.query import events_by_partner, levels_by_id, resolve_partner, select_events, select_partners
from thirdneighbor.render import views

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


@pytest.mark.parametrize(("name", "args"), [
    ("plain-list.txt", ["list", "--neighbors"]),
    ("plain-show-korea.txt", ["show", "korea"]),
    ("plain-show-usa-china.txt", ["show", "usa", "china"]),
    ("plain-timeline.txt", ["timeline"]),
    ("plain-tiers.txt", ["tiers", "--neighbors"]),
    ("plain-compare.txt", ["compare", "japan", "united states", "france"]),
])
def test_plain_output(name: str, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 0 and result.stderr == ""
    assert "\x1b" not in result.stdout
    check_golden(name, result.stdout)


def test_rich_list(dataset: Dataset) -> None:
    check_golden("rich-list.txt", rich_text(views.partners_table(dataset, select_partners(dataset))))


def test_rich_show(dataset: Dataset) -> None:
    france = resolve_partner(dataset, "france")
    panel = views.partner_panel(dataset, france, levels_by_id(dataset)[france.level],
                                events_by_partner(dataset)[france.id])
    check_golden("rich-show-france.txt", rich_text(panel))


def test_rich_timeline(dataset: Dataset) -> None:
    names = {p.id: p.name for p in dataset.partners}
    check_golden("rich-timeline.txt", rich_text(views.timeline_tree(select_events(dataset), names)))


def test_rich_tiers(dataset: Dataset) -> None:
    check_golden("rich-tiers.txt", rich_text(views.tiers_tree(dataset, tier_groups(dataset))))


def test_rich_compare(dataset: Dataset) -> None:
    partners = [resolve_partner(dataset, name) for name in ("japan", "usa")]
    table = views.compare_table(dataset, partners, compare_partners(dataset, partners))
    check_golden("rich-compare.txt", rich_text(table))


def test_rich_views_show_the_footnote_and_notes(dataset: Dataset) -> None:
    text = rich_text(views.partners_table(dataset, select_partners(dataset)))
    assert "Strategic partnership*" in text
    assert "* The article marks two designations with an asterisk" in text
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
    names = {path.name for path in Path(GOLDEN).iterdir()}
    assert names == {
        "plain-list.txt", "plain-show-korea.txt", "plain-show-usa-china.txt", "plain-timeline.txt",
        "plain-tiers.txt", "plain-compare.txt", "rich-list.txt", "rich-show-france.txt",
        "rich-timeline.txt", "rich-tiers.txt", "rich-compare.txt",
    }
