"""chart, map and report: self-contained files, escaped text, the right data in them.

(They are opened in a real browser by tests/test_browser.py.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from .conftest import cite_texts, run_cli

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
    from thirdneighbor.cli import streams

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
    assert "<title>Mongolia's Third Neighbor Policy: Third Neighbor Policy dataset 3.0.0</title>" in page
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
        cite_texts(document, document["partners"][0], ["javascript:alert(1)", "https://example.org/<x>"])
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
    assert "1998-01-01 to 2009-12-31 · data version 3.0.0, as of 2009" in page and "As of 2009." in page
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


# --- where the chart puts a date ---------------------------------------------------------

def _chart(*args: str) -> tuple[Any, Any]:
    """The chart's root, and a function from an x position to its fractional year,
    read from the year labels the chart draws (so not from its own arithmetic)."""
    root = ElementTree.fromstring(written("chart", *args, "-o", "-"))
    labels = {int(text.text): float(text.get("x")) for text in root.iter(f"{SVG}text")
              if text.text and text.text.isdigit() and len(text.text) == 4}
    (first, x1), (last, x2) = min(labels.items()), max(labels.items())
    return root, lambda x: first + (float(x) - x1) * (last - first) / (x2 - x1)


def _year(fraction: float) -> int:
    return int(fraction + 0.01)  # positions are rounded to 0.1 px, some 0.005 of a year


def test_every_tier_starts_in_the_chart_in_the_year_series_first_shows_it() -> None:
    """For every partner and every start of a tier (a run of ties at one tier;
    a rename within it is no new start), the chart's band begins in the first
    year the series grid and its CSV show that tier."""
    import csv
    import io

    window = ("--from", "1995", "--to", "2026", "--neighbors")
    root, year_of = _chart(*window)
    drawn: dict[str, list[tuple[str, int]]] = {}
    for group in root.iter(f"{SVG}g"):
        partner = group.get("data-partner")
        if partner is None:
            continue
        runs = drawn.setdefault(partner, [])
        for rect in group.iter(f"{SVG}rect"):
            tier = rect.get("data-tier")
            if not runs or runs[-1][0] != tier:
                runs.append((tier, _year(year_of(rect.get("x")))))
    rows = csv.DictReader(io.StringIO(written("series", *window, "--format", "csv")))
    shown: dict[str, list[tuple[str, int]]] = {}
    previous: dict[str, str] = {}
    for row in rows:
        partner, tier = row["partner"], row["tier"]
        if tier and tier != previous.get(partner):
            shown.setdefault(partner, []).append((tier, int(row["year"])))
        previous[partner] = tier
    assert drawn.keys() == shown.keys() | {partner for partner, runs in drawn.items() if not runs}
    for partner, runs in drawn.items():
        assert runs == shown.get(partner, []), partner
    # The cases the issue names: known only as "2004", "2009" and "2025-03".
    assert ("comprehensive", 2004) in drawn["turkiye"] and ("comprehensive", 2009) in drawn["india"]
    assert ("comprehensive", 2025) in drawn["czechia"]


def _tie(root: Any, partner: str, tier: str) -> Any:
    group = next(g for g in root.iter(f"{SVG}g") if g.get("data-partner") == partner)
    return next(rect for rect in group.iter(f"{SVG}rect") if rect.get("data-tier") == tier)


def test_a_partial_start_begins_its_period_and_fades_across_it() -> None:
    root, year_of = _chart("--from", "1995")
    turkiye = _tie(root, "turkiye", "comprehensive")
    assert year_of(turkiye.get("x")) == pytest.approx(2004.0, abs=0.01)
    assert turkiye.find(f"{SVG}title").text == "Türkiye: Comprehensive partnership from c. 2004 (known to the year only)"
    mask_id = re.fullmatch(r"url\(#(.+)\)", turkiye.get("mask")).group(1)
    defs = {element.get("id"): element for element in root.iter() if element.get("id")}
    assert defs[mask_id].tag == f"{SVG}mask"
    gradient = defs[f"{mask_id}-g"]
    # The fade runs across the period: from the start of 2004 to its end.
    assert year_of(gradient.get("x1")) == pytest.approx(2004.0, abs=0.01)
    assert year_of(gradient.get("x2")) == pytest.approx(2005.0, abs=0.01)
    czechia = _tie(root, "czechia", "comprehensive")  # "2025-03": from 2025-03-01
    assert year_of(czechia.get("x")) == pytest.approx(2025 + 2 / 12, abs=0.01)
    assert "from c. 2025-03 (known to the month only)" in czechia.find(f"{SVG}title").text
    germany = _tie(root, "germany", "comprehensive")  # known to the day: drawn on it, not faded
    assert germany.get("mask") is None and "from 2008-09-05" in germany.find(f"{SVG}title").text
    assert year_of(germany.get("x")) == pytest.approx(2008 + 8 / 12 + 4 / 360, abs=0.01)


def test_an_event_known_to_the_year_is_marked_at_its_start_with_a_span_across_it() -> None:
    root, year_of = _chart("--from", "1995")
    title = "c. 2004: Mongolia and Turkey form a comprehensive partnership (Türkiye)"
    marked = [element for element in root.iter() if (element.findtext(f"{SVG}title") or "") == title]
    span = next(element for element in marked if element.tag == f"{SVG}rect")
    marker = next(element for element in marked if element.tag == f"{SVG}path")
    assert year_of(span.get("x")) == pytest.approx(2004.0, abs=0.01)
    assert year_of(float(span.get("x")) + float(span.get("width"))) == pytest.approx(2005.0, abs=0.01)
    assert year_of(re.match(r"M([\d.]+),", marker.get("d")).group(1)) == pytest.approx(2004.0, abs=0.01)
