"""The tier chart and the count chart as SVG: what they draw, say and leave out."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from thirdneighbor.data.model import Dataset, Partner
from thirdneighbor.partialdate import PartialDate
from thirdneighbor.render.pictures.chart_rows import chart_data, first_tie_year
from thirdneighbor.render.pictures.counts_chart import counts_svg, yearly_counts
from thirdneighbor.render.pictures.palette import palette
from thirdneighbor.render.pictures.svg_parts import pattern_id
from thirdneighbor.render.pictures.chart import NARROW, WIDTH, chart_svg
from thirdneighbor.query.asof import dataset_as_of

SVG = "{http://www.w3.org/2000/svg}"


def third(dataset: Dataset) -> list[Partner]:
    return [p for p in dataset.all_partners if p.tier is not None and not p.neighbor]


def everyone(dataset: Dataset) -> list[Partner]:
    return [p for p in dataset.all_partners if p.tier is not None]


def drawn(dataset: Dataset, partners: list[Partner], **options: object) -> ElementTree.Element:
    first = options.pop("first", first_tie_year(partners, dataset.as_of.year))
    last = options.pop("last", dataset.as_of.year)
    return ElementTree.fromstring(chart_svg(dataset, partners, first=first, last=last, **options))  # type: ignore[arg-type]


def layout(root: ElementTree.Element, name: str) -> ElementTree.Element:
    return next(g for g in root.iter(f"{SVG}g") if g.get("class") == name)


def texts(element: ElementTree.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def rows(element: ElementTree.Element) -> list[str]:
    return [g.get("data-partner") for g in element.iter(f"{SVG}g") if g.get("data-partner")]


def test_title_is_the_finding_and_the_desc_what_is_drawn(dataset: Dataset) -> None:
    root = drawn(dataset, third(dataset))
    assert root.find(f"{SVG}title").text == "Nine strategic partners, seven of them since 2019"
    desc = root.find(f"{SVG}desc").text
    assert desc.startswith("A chart of 16 partners of Mongolia, one row each, from 1998 to 2026-12-03")
    assert "Japan, Comprehensive partnership from c. 1998-05, Strategic partnership from 2010-11-19" in desc
    assert "Russia" not in desc
    wide = texts(layout(root, "wide"))
    assert wide[0] == "Nine strategic partners, seven of them since 2019"


def test_scales_to_its_container(dataset: Dataset) -> None:
    root = drawn(dataset, third(dataset))
    assert root.get("viewBox").startswith(f"0 0 {WIDTH} ")
    assert root.get("width") is None and root.get("height") is None
    assert "@media (max-width: 599px)" in root.find(f"{SVG}style").text


def test_narrow_layout_text_is_12_css_px_at_390(dataset: Dataset) -> None:
    root = drawn(dataset, everyone(dataset), as_of=PartialDate(2020), filters=["tier: strategic"])
    sizes = [float(t.get("font-size")) for t in layout(root, "narrow").iter(f"{SVG}text")]
    assert sizes and min(sizes) * 390 / WIDTH >= 12.0
    assert NARROW.body * 390 / WIDTH >= 12.0


def test_starts_at_the_first_tier_and_notes_earlier_events(dataset: Dataset) -> None:
    partners = third(dataset)
    assert first_tie_year(partners, 0) == 1998
    root = drawn(dataset, partners)
    wide = texts(layout(root, "wide"))
    assert "1998" in wide and "1987" not in wide
    note = next(text for text in wide if text.startswith("Not drawn:"))
    assert note == ("Not drawn: 2 earlier events of these partners, 1987 to 1990 "
                    "(all: thirdneighbor timeline --until 1997).")


def test_rows_without_a_tier_in_the_window_are_dropped(dataset: Dataset) -> None:
    partners = third(dataset)
    data = chart_data(dataset, partners, 2000, 2005)
    kept = {row.partner.id for row in data.rows}
    assert kept == {"japan", "turkiye", "canada"}
    assert {partner.id for partner in data.dropped} == {partner.id for partner in partners} - kept
    root = drawn(dataset, partners, first=2000, last=2005)
    assert set(rows(layout(root, "wide"))) == kept
    subtitle = texts(layout(root, "wide"))[1]
    assert "2000-01-01 to 2005-12-31" in subtitle


def test_the_headline_is_the_finding_at_the_end_of_the_window(dataset: Dataset) -> None:
    root = drawn(dataset, third(dataset), last=2015)
    assert root.find(f"{SVG}title").text == "Two strategic partners: since 2010 and 2015"
    counts = ElementTree.fromstring(counts_svg(dataset, third(dataset), range(1998, 2016)))
    assert counts.find(f"{SVG}title").text == "Two strategic partners: since 2010 and 2015"


def test_as_of_and_filters_are_named_in_the_subtitle(dataset: Dataset) -> None:
    shown = dataset_as_of(dataset, PartialDate(2010))
    partners = third(shown)
    root = drawn(shown, partners, first=first_tie_year(partners, 2010), last=2010, until=PartialDate(2010),
                 as_of=PartialDate(2010), filters=["tier: strategic, comprehensive"])
    subtitle = texts(layout(root, "wide"))[1]
    assert subtitle == ("Mongolia's third neighbors by partnership tier, 1998-01-01 to 2010-12-31 · as of 2010 · "
                        "tier: strategic, comprehensive")
    assert root.find(f"{SVG}title").text == "One strategic partner, since 2010"


def test_rows_run_closest_tier_first_then_by_when_reached(dataset: Dataset) -> None:
    order = rows(layout(drawn(dataset, everyone(dataset)), "wide"))
    assert order[:3] == ["japan", "india", "united-states"]
    assert order[-2:] in (["china", "russia"], ["russia", "china"])
    assert order.index("australia") > order.index("kyrgyzstan")


@pytest.mark.parametrize("date", [None, PartialDate(2010)])
def test_neighbors_are_drawn_in_their_own_class(dataset: Dataset, date: PartialDate | None) -> None:
    shown = dataset_as_of(dataset, date) if date else dataset
    root = drawn(shown, everyone(shown), until=date)
    wide = layout(root, "wide")
    neighbor = f"url(#{pattern_id('tn-chart', 'neighbor')})"
    for g in wide.iter(f"{SVG}g"):
        fills = {rect.get("fill") for rect in g.iter(f"{SVG}rect") if rect.get("data-tier")}
        if g.get("data-partner") in ("russia", "china"):
            assert fills == {neighbor}
        elif g.get("data-partner"):
            assert neighbor not in fills
    assert any("Mongolia's neighbors" in text for text in texts(wide))


def test_event_marks_sit_in_their_lane_and_do_not_collide(dataset: Dataset) -> None:
    wide = layout(drawn(dataset, third(dataset)), "wide")
    us = next(g for g in wide.iter(f"{SVG}g") if g.get("data-partner") == "united-states")
    band_bottom = max(float(r.get("y")) + float(r.get("height")) for r in us.iter(f"{SVG}rect") if r.get("data-tier"))
    marks = [p for p in us.iter(f"{SVG}path") if p.find(f"{SVG}title") is not None]
    assert len(marks) == len([e for e in dataset.all_events if "united-states" in e.partners
                              and e.date.year >= 1998])
    centres = sorted(float(re.match(r"M([\d.]+),([\d.]+)", p.get("d")).group(1)) for p in marks)
    tops = {float(re.match(r"M([\d.]+),([\d.]+)", p.get("d")).group(2)) for p in marks}
    assert min(tops) >= band_bottom
    assert all(b - a >= 10 for a, b in zip(centres, centres[1:]))


def test_legend_shows_only_what_is_drawn(dataset: Dataset) -> None:
    expanded = [p for p in third(dataset) if p.id == "australia"]
    wide = texts(layout(drawn(dataset, expanded), "wide"))
    assert "Expanded partnership" in wide
    assert "Strategic partnership" not in wide and "Comprehensive partnership" not in wide
    assert not any("Mongolia's neighbors" in text for text in wide)


def test_credit_at_the_foot(dataset: Dataset) -> None:
    for name in ("wide", "narrow"):
        joined = " ".join(texts(layout(drawn(dataset, third(dataset)), name)))
        assert f"version {dataset.version}" in joined and f"on {dataset.as_of}" in joined
        assert "CC BY-SA 4.0" in joined and "Made with thirdneighbor" in joined


def test_dark_theme_uses_the_dark_palette(dataset: Dataset) -> None:
    text = chart_svg(dataset, third(dataset), first=1998, last=2026, theme="dark")
    assert palette("dark").background in text and palette("dark").looks["strategic"].fill in text
    assert palette("light").looks["strategic"].fill not in text


# --- chart --counts ----------------------------------------------------------------------

def test_counts_per_tier_per_year(dataset: Dataset) -> None:
    classes, counts = yearly_counts(dataset, third(dataset), range(2018, 2027))
    assert classes == ["strategic", "comprehensive", "expanded"]
    by_year = {count["year"]: count for count in counts}
    assert (by_year[2026]["strategic"], by_year[2026]["comprehensive"], by_year[2026]["expanded"]) == (9, 6, 1)
    assert by_year[2018]["strategic"] == 2  # Japan since 2010, India since 2015


def test_counts_chart_draws_a_stacked_step_per_class(dataset: Dataset) -> None:
    root = ElementTree.fromstring(counts_svg(dataset, everyone(dataset), range(2018, 2027)))
    wide = layout(root, "wide")
    areas = [p.get("data-tier") for p in wide.iter(f"{SVG}path") if p.get("data-tier")]
    assert areas == ["strategic", "comprehensive", "expanded", "neighbor"]
    desc = root.find(f"{SVG}desc").text
    assert ("2026: 9 Strategic partnership, 6 Comprehensive partnership, 1 Expanded partnership, "
            "2 Mongolia's neighbors (for comparison)") in desc
    sizes = [float(t.get("font-size")) for t in layout(root, "narrow").iter(f"{SVG}text")]
    assert min(sizes) * 390 / WIDTH >= 12.0


@pytest.mark.parametrize("command", [["chart"], ["chart", "--counts"], ["chart", "--as-of", "2010"], ["map"],
                                     ["map", "--as-of", "2010"], ["map", "--region", "asia"]])
def test_a_picture_is_drawn_within_half_a_second(command: list[str]) -> None:
    """The command's own work (loading, drawing, writing), best of three; start-up
    included, benchmarks/run.py --startup holds each to the same 0.5 s."""
    import time

    from .conftest import run_cli

    timings = []
    for _ in range(3):
        started = time.perf_counter()
        result = run_cli(*command, "-o", "-")
        timings.append(time.perf_counter() - started)
        assert result.exit_code == 0, result.stderr
    assert min(timings) < 0.5
