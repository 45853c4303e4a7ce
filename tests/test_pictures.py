"""chart, map and report: self-contained files, escaped text, the right data in them.

(They are opened in a real browser by tests/test_browser.py.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from .conftest import run_cli

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_NAME = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


def written(*args: str) -> str:
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def no_requests(text: str) -> None:
    """Nothing that a browser would fetch: no external url(), src, @import or stylesheet link."""
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", text)
    assert not re.search(r"""\bsrc\s*=\s*["']?(https?:)?//""", text)
    assert "@import" not in text and "<link" not in text


# --- chart -------------------------------------------------------------------------------

def test_chart_writes_a_self_contained_svg(tmp_path: Path) -> None:
    target = tmp_path / "tiers.svg"
    result = run_cli("chart", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"thirdneighbor: wrote {target}\n")
    text = target.read_text(encoding="utf-8")
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Mongolia's third neighbors: tiers over time"
    assert root.find(f"{SVG}desc") is not None
    rows = {g.get("data-partner") for g in root.iter(f"{SVG}g") if g.get("data-partner")}
    assert len(rows) == 16 and "russia" not in rows
    canada = [rect.get("data-tier") for g in root.iter(f"{SVG}g") if g.get("data-partner") == "canada"
              for rect in g.iter(f"{SVG}rect")]
    assert canada == ["expanded", "comprehensive"]
    no_requests(text)


def test_chart_options(tmp_path: Path) -> None:
    dark = written("chart", "--neighbors", "--from", "2000", "--theme", "dark", "-o", "-")
    root = ElementTree.fromstring(dark)
    assert {"russia", "china"} <= {g.get("data-partner") for g in root.iter(f"{SVG}g")}
    assert "#14161a" in dark
    only = ElementTree.fromstring(written("chart", "--tier", "expanded", "-o", "-"))
    assert [g.get("data-partner") for g in only.iter(f"{SVG}g") if g.get("data-partner")] == ["australia"]
    bad = run_cli("chart", "--theme", "sepia", "-o", "-")
    assert (bad.exit_code, bad.stdout) == (2, "")
    assert "unknown theme 'sepia'; choose from light, dark" in bad.stderr


def test_chart_without_o_is_svg_in_a_pipe_and_text_on_a_terminal() -> None:
    assert written("chart", "--from", "2020").startswith("<svg")
    table = run_cli("chart", "--from", "2020", env={"FORCE_COLOR": "1", "COLUMNS": "80"})
    plain = re.sub(r"\x1b\[[0-9;]*m", "", table.stdout)
    assert table.exit_code == 0 and "Key: █ Strategic partnership" in plain


# --- map ---------------------------------------------------------------------------------

def _tiers_on_map(text: str) -> dict[str, str]:
    root = ElementTree.fromstring(text)
    return {path.get("data-iso3"): path.get("data-tier") for path in root.iter(f"{SVG}path")
            if path.get("data-iso3") and path.get("data-tier")}


def test_map_marks_partners_neighbours_and_mongolia() -> None:
    text = written("map", "-o", "-")
    tiers = _tiers_on_map(text)
    assert tiers["MNG"] == "mongolia" and tiers["RUS"] == tiers["CHN"] == "neighbor"
    assert (tiers["JPN"], tiers["CAN"], tiers["AUS"], tiers["GBR"]) == ("strategic", "comprehensive", "expanded",
                                                                         "other")
    assert "FRA" in tiers and "BRA" not in tiers
    root = ElementTree.fromstring(text)
    assert sum(1 for path in root.iter(f"{SVG}path") if path.get("data-iso3")) > 150
    no_requests(text)


def test_map_as_of_a_date() -> None:
    tiers = _tiers_on_map(written("map", "--as-of", "2010", "-o", "-"))
    assert tiers["CAN"] == "expanded" and tiers["JPN"] == "strategic"
    assert "KAZ" not in tiers and "ITA" not in tiers


def test_map_and_report_want_a_file_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from thirdneighbor import streams

    monkeypatch.setattr(streams, "stdout_is_terminal", lambda: True)
    for command in ("map", "report"):
        result = run_cli(command)
        assert (result.exit_code, result.stdout) == (2, "")
        assert f"{command} writes a file; give -o FILE (or -o - for stdout)" in result.stderr


# --- report ------------------------------------------------------------------------------

def test_report_is_one_page_with_everything(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert run_cli("report", "-o", str(target)).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\"")
    assert "<title>Mongolia's Third Neighbor Policy: Third Neighbor Policy dataset 2.1.0</title>" in page
    assert len(re.findall(r"<tr data-partner=", page)) == 16
    assert page.count("<svg") == 2 and 'data-iso3="MNG"' in page
    assert '<a href="https://eawaz.com/?p=1287822" rel="noreferrer">' in page  # sources are links
    assert "Mongolia Third Neighbor Trade Act introduced as S.3368 and H.R.6539" in page  # the timeline
    assert "privileged partnership" in page  # the notes
    assert "@media print" in page
    no_requests(page)


def test_report_filters_and_date() -> None:
    page = written("report", "--as-of", "2015", "--tier", "strategic", "-o", "-")
    assert re.findall(r'<tr data-partner="([^"]+)"', page) == ["japan", "india"]
    assert "2023-11-20" not in page  # nothing after the date


def test_hostile_names_come_out_as_text(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        document["partners"][0]["name"] = HOSTILE_NAME
        document["partners"][0]["sources"] = ["javascript:alert(1)", "https://example.org/<x>"]
        document["events"][0]["title"] = HOSTILE_NAME
    data = str(write_dataset(change))
    for args in (["report"], ["chart"], ["map"]):
        text = written(*args, "-o", "-", "--data", data)
        assert "<script>alert" not in text and "<img src=x" not in text, args
        assert 'href="javascript:' not in text
        if args[0] != "report":
            ElementTree.fromstring(text)  # still well-formed XML
    report = written("report", "-o", "-", "--data", data)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report


# --- the terminal screenshots make no requests either ----------------------------------

def test_terminal_screenshots_are_offline_and_titled(tmp_path: Path) -> None:
    svg, html = tmp_path / "t.svg", tmp_path / "t.html"
    assert run_cli("tiers", "--export-svg", str(svg), "--export-html", str(html)).exit_code == 0
    picture = svg.read_text(encoding="utf-8")
    no_requests(picture)
    assert "@font-face" not in picture and "cdnjs" not in picture
    page = html.read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "<title>thirdneighbor: Partnership tiers</title>" in page


# --- found in review --------------------------------------------------------------------

def test_control_characters_in_the_data_never_reach_a_picture_or_page(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        document["events"][0]["title"] = "United States and Mongolia\x0c establish\x1b[31m relations\u202e"
        document["partners"][0]["name"] = "United\x00 States\x07"
    data = str(write_dataset(change))
    for command in ("chart", "map", "report"):
        text = written(command, "-o", "-", "--data", data)
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\u202e]", text), command
        if command != "report":
            ElementTree.fromstring(text)


def test_a_dated_report_draws_its_chart_to_that_date_and_maps_only_its_partners() -> None:
    page = written("report", "--as-of", "2009", "--tier", "comprehensive", "-o", "-")
    assert "Data version 2.1.0, as of 2009" in page and "As of 2009." in page
    mapped = re.findall(r'data-iso3="([A-Z]{3})"[^>]*data-tier="([a-z-]+)"', page)
    assert sorted(iso for iso, tier in mapped if tier != "mongolia") == ["DEU", "IND", "JPN", "TUR"]


def test_an_other_relation_is_mapped_from_its_first_event_on() -> None:
    assert "GBR" not in _tiers_on_map(written("map", "--as-of", "2020", "-o", "-"))
    assert _tiers_on_map(written("map", "--as-of", "2024-12", "-o", "-"))["GBR"] == "other"


def test_chart_of_an_other_relation_or_of_nothing_says_so() -> None:
    uk = run_cli("chart", "--country", "uk", "-o", "-")
    assert uk.exit_code == 0 and "United Kingdom holds no partnership tier" in uk.stderr
    assert 'data-partner="united-kingdom"' in uk.stdout
    nothing = run_cli("chart", "--tier", "comprehensive-strategic", "-o", "-")
    assert nothing.exit_code == 0 and "no partner matches these filters" in nothing.stderr


def test_an_in_force_by_band_says_so_in_its_tooltip() -> None:
    assert "United States: Comprehensive partnership in force by 2011-06-16" in written("chart", "-o", "-")
