"""The report page's parts, one at a time: what it says is shown, the sources
behind a dated tier, the downloads, and how a picture is made ready for the page."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from xml.etree import ElementTree

from thirdneighbor.data.model import Dataset
from thirdneighbor.partialdate import PartialDate
from thirdneighbor.render.pictures.embed import embedded, scoped_css
from thirdneighbor.render.pictures.report_rows import FIELDS, download_links, table_rows, tier_sources
from thirdneighbor.render.pictures.report_scope import Scope
from thirdneighbor.query.asof import dataset_as_of
from thirdneighbor.query.select import select_partners

SVG = "{http://www.w3.org/2000/svg}"


# --- the scope: the date and every filter --------------------------------------------------

def test_scope_says_the_date_and_every_filter_as_the_pictures_name_them(dataset: Dataset) -> None:
    japan, india = (next(p for p in dataset.all_partners if p.id == name) for name in ("japan", "india"))
    scope = Scope(as_of=PartialDate(2010), tiers=("strategic", "comprehensive"), since=PartialDate(2004, 1, 1),
                  until=PartialDate(2009, 12, 31), countries=(japan, india), neighbors=True, all_relations=True)
    assert scope.phrase(dataset) == (
        "as of 2010; tier: Strategic partnership, Comprehensive partnership; country: Japan, India; "
        "with Mongolia's neighbors; with other relations; tier reached from 2004-01-01; "
        "tier reached up to 2009-12-31")


def test_a_scope_without_filters_says_so_and_gives_the_datas_date(dataset: Dataset) -> None:
    assert Scope().phrase(dataset) == "as the data stands (2026-12-03); every third neighbor"
    assert Scope().filters(dataset) == []


# --- the sources behind the tier on display ------------------------------------------------

def _dated(dataset: Dataset, year: int) -> tuple[Dataset, dict[str, object]]:
    shown = dataset_as_of(dataset, PartialDate(year))
    return shown, {partner.id: partner for partner in shown.all_partners}


def test_without_a_date_a_row_shows_the_records_sources(dataset: Dataset) -> None:
    japan = next(partner for partner in dataset.all_partners if partner.id == "japan")
    assert tier_sources(japan, dataset.all_events, None) == (japan.sources, None)


def test_a_dated_row_shows_the_sources_of_its_tiers_events_up_to_the_date(dataset: Dataset) -> None:
    shown, partners = _dated(dataset, 2010)
    japan = partners["japan"]
    sources, note = tier_sources(japan, shown.all_events, PartialDate(2010))
    strategic_2010 = [event for event in dataset.all_events if "japan" in event.partners
                      and str(event.date) == "2010-11-19"]
    assert strategic_2010 and sources == strategic_2010[0].sources
    # Every source shown belongs to an event of Japan dated on or before the end of 2010 ...
    later = {source for event in dataset.all_events if "japan" in event.partners and event.date.year > 2010
             for source in event.sources}
    assert not later.intersection(sources)
    # ... the 2022 designation's are left out, and the row says where they are.
    assert note is not None and "As of 2010" in note and "thirdneighbor show japan" in note


def test_a_dated_tier_without_a_recorded_event_shows_no_later_source_and_says_why(dataset: Dataset) -> None:
    shown, partners = _dated(dataset, 2010)
    sources, note = tier_sources(partners["india"], shown.all_events, PartialDate(2010))  # comprehensive, 2009
    assert sources == ()
    assert note is not None and "no dated event of this tie is recorded" in note


def test_a_dated_row_leaves_out_the_events_of_an_earlier_tier(dataset: Dataset) -> None:
    shown, partners = _dated(dataset, 2020)
    us = partners["united-states"]  # strategic since 2019-07-31; comprehensive from 2011 before
    sources, _ = tier_sources(us, shown.all_events, PartialDate(2020))
    expected = {source for event in dataset.all_events if "united-states" in event.partners
                and (2019, 7, 31) <= event.date.key and event.date.year <= 2020 for source in event.sources}
    assert sources and set(sources) == expected


def test_the_page_is_dated_now_or_by_source_date_epoch() -> None:
    import datetime

    from thirdneighbor.render.pictures.report_page import made_at

    assert made_at({"SOURCE_DATE_EPOCH": "1764700000"}) == "2025-12-02 18:26 UTC"
    now = datetime.datetime.now(datetime.timezone.utc)
    made = datetime.datetime.strptime(made_at({"SOURCE_DATE_EPOCH": "soon"}), "%Y-%m-%d %H:%M UTC")
    assert abs(made.replace(tzinfo=datetime.timezone.utc) - now) < datetime.timedelta(minutes=2)


# --- the downloads -------------------------------------------------------------------------

def _decoded(url: str, media_type: str) -> str:
    prefix = f"data:{media_type};charset=utf-8;base64,"
    assert url.startswith(prefix)
    return base64.b64decode(url[len(prefix):]).decode("utf-8")


def test_the_downloads_hold_the_rows_shown_with_the_values_of_list(dataset: Dataset) -> None:
    partners = select_partners(dataset)
    rows = table_rows(dataset, partners, None)
    csv_url, json_url = download_links(rows, None)
    records = json.loads(_decoded(json_url, "application/json"))
    assert [record["id"] for record in records] == [partner.id for partner in partners]
    listed = {partner.id: partner.to_dict() for partner in partners}
    for record in records:
        for name in FIELDS:
            if name != "tier_name":
                assert record[name] == listed[record["id"]][name], (record["id"], name)
    table = list(csv.DictReader(io.StringIO(_decoded(csv_url, "text/csv"))))
    assert [row["id"] for row in table] == [partner.id for partner in partners]
    assert table[0]["sources"].split("\n") == list(partners[0].sources)
    assert table[0]["tier_name"] == "Strategic partnership"


def test_a_dated_download_carries_its_date_and_the_sources_shown(dataset: Dataset) -> None:
    shown = dataset_as_of(dataset, PartialDate(2010))
    rows = table_rows(shown, select_partners(shown), PartialDate(2010))
    _, json_url = download_links(rows, PartialDate(2010))
    records = {record["id"]: record for record in json.loads(_decoded(json_url, "application/json"))}
    assert {record["as_of"] for record in records.values()} == {"2010"}
    assert records["japan"]["tier"] == "strategic" and records["india"]["sources"] == []
    assert records["japan"]["sources"] == [source for row in rows if row.partner.id == "japan" for source in row.sources]


# --- a picture made ready for the page -----------------------------------------------------

PICTURE = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 300" aria-labelledby="t d">
<title id="t">T</title><desc id="d">D</desc>
<style>text{fill:#000}.c{stroke:red} @media print{text{fill:#111}}</style>
<defs><pattern id="p"><rect width="2" height="2"/></pattern></defs>
<g data-partner="japan"><text font-size="10">Japan</text><rect fill="url(#p)"/></g>
<g font-size="8"><path class="c" data-iso3="JPN" data-tier="strategic" d="M0,0"/><text>small</text></g>
<use href="#p"/><rect fill="url(#elsewhere)"/>
</svg>"""


def test_every_id_and_reference_gets_the_prefix_and_only_those() -> None:
    text = embedded(PICTURE, prefix="x-", links={}).svg
    root = ElementTree.fromstring(text)
    assert {element.get("id") for element in root.iter() if element.get("id")} == {"x-svg", "x-t", "x-d", "x-p"}
    assert root.get("aria-labelledby") == "x-t x-d"
    assert 'fill="url(#x-p)"' in text and 'href="#x-p"' in text
    assert 'fill="url(#elsewhere)"' in text  # not the picture's own id: left alone


def test_the_pictures_style_applies_to_the_picture_only() -> None:
    text = embedded(PICTURE, prefix="x-", links={}).svg
    style = ElementTree.fromstring(text).find(f"{SVG}style")
    assert style is not None
    scope = ":where(#x-svg, #x-svg *)"
    assert style.text == (f":is(text){scope}{{fill:#000}}:is(.c){scope}{{stroke:red}}"
                          f"@media print{{:is(text){scope}{{fill:#111}}}}")
    assert scoped_css("@keyframes k{from{x:y}}", "#s") == "@keyframes k{from{x:y}}"


def test_partner_shapes_become_links_to_their_rows() -> None:
    picture = embedded(PICTURE, prefix="x-", links={"japan": "#partner-japan", "JPN": "#partner-japan"})
    root = ElementTree.fromstring(picture.svg)
    links = root.findall(f".//{SVG}a")
    assert [link.get("href") for link in links] == ["#partner-japan", "#partner-japan"]
    assert links[0][0].get("data-partner") == "japan" and links[1][0].get("data-iso3") == "JPN"
    assert picture.classes == {"JPN": "strategic"} and picture.partners == ("japan",)


def test_the_legible_width_keeps_the_smallest_text_at_12_pixels() -> None:
    # The smallest text is 8 units (inherited from its group) in a 600-unit-wide picture.
    assert embedded(PICTURE, prefix="x-", links={}).legible_width == 900


def test_a_picture_with_a_narrow_layout_is_read_in_that_layout() -> None:
    picture = PICTURE.replace('<g font-size="8">', '<g class="wide" font-size="8">').replace(
        "</svg>", '<g class="narrow"><text font-size="20">big</text></g></svg>')
    assert embedded(picture, prefix="x-", links={}).legible_width == 360


def test_a_real_picture_survives_the_embedding(dataset: Dataset) -> None:
    from thirdneighbor.render.pictures.partner_map import partners_map_svg

    svg = partners_map_svg(dataset, None, "light", select_partners(dataset))
    picture = embedded(svg, prefix="m-", links={"JPN": "#partner-japan"})
    assert len(re.findall(r'<a href="#partner-japan">', picture.svg)) >= 1
    assert picture.classes["JPN"] == "strategic" and picture.legible_width > 1000
