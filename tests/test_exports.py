"""--export-svg and --export-html: the terminal view saved as a file, atomically."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from .conftest import run_cli

COMMANDS = [["list"], ["show", "korea"], ["history", "japan"], ["timeline", "--since", "2023"],
            ["timeline", "--chart"], ["tiers"], ["compare", "japan", "usa"]]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args))
def test_svg_is_valid_xml_with_the_view_in_it(tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "view.svg"
    result = run_cli(*args, "--export-svg", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == f"thirdneighbor: wrote {target}\n"
    root = ElementTree.parse(target).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "thirdneighbor" in target.read_text(encoding="utf-8")


def test_svg_holds_the_data(tmp_path: Path) -> None:
    target = tmp_path / "list.svg"
    run_cli("list", "--tier", "comprehensive", "--tier", "expanded", "--export-svg", str(target))
    text = target.read_text(encoding="utf-8")
    assert "Australia" in text and "Canada" in text


def test_html_page(tmp_path: Path) -> None:
    target = tmp_path / "tiers.html"
    result = run_cli("tiers", "--export-html", str(target))
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html>")
    assert "Strategic partnership" in text and "Kyrgyzstan" in text


def test_both_at_once(tmp_path: Path) -> None:
    svg, html = tmp_path / "a.svg", tmp_path / "a.html"
    result = run_cli("list", "--export-svg", str(svg), "--export-html", str(html))
    assert result.exit_code == 0 and svg.exists() and html.exists()


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "keep.svg"
    target.write_text("precious", encoding="utf-8")
    result = run_cli("list", "--export-svg", str(target))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"thirdneighbor: {target} exists already; add --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "precious"
    forced = run_cli("list", "--export-svg", str(target), "--force")
    assert forced.exit_code == 0 and target.read_text(encoding="utf-8").startswith("<svg")
    assert [p.name for p in tmp_path.iterdir()] == ["keep.svg"]


def test_a_missing_directory_exits_4_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "x.svg"
    result = run_cli("list", "--export-svg", str(target))
    assert (result.exit_code, result.stdout) == (4, "")
    assert "cannot write" in result.stderr and "No such file or directory" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_exports_are_of_the_table_view_only(tmp_path: Path) -> None:
    result = run_cli("list", "--json", "--export-svg", str(tmp_path / "x.svg"))
    assert (result.exit_code, result.stdout) == (2, "")
    assert "--export-svg and --export-html save the table view" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_hostile_text_is_escaped_in_svg(tmp_path: Path, write_dataset) -> None:  # type: ignore[no-untyped-def]
    path = write_dataset(lambda d: d["partners"][1].update(name="<script>alert(1)</script> & [bold]"))
    target = tmp_path / "x.svg"
    result = run_cli("list", "--data", str(path), "--export-svg", str(target))
    assert result.exit_code == 0
    ElementTree.parse(target)  # still well-formed
    assert "<script>" not in target.read_text(encoding="utf-8")
