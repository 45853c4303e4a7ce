"""The report page, as `thirdneighbor report` writes it: its order and
contents, what it says is shown, its anchors and links, its table's markup for
screen readers, its downloads and its dated sources. (A real browser opens it
in tests/test_browser.py; its parts alone are in tests/test_report_parts.py.)"""

from __future__ import annotations

import base64
import html
import json
import re
from collections import Counter

import pytest

from thirdneighbor.data.model import Dataset

from .conftest import run_cli
from .test_pictures import no_requests

EPOCH = {"SOURCE_DATE_EPOCH": "1764700000"}  # 2025-12-02 18:26 UTC


def page(*args: str) -> str:
    result = run_cli("report", *args, "-o", "-", env=EPOCH)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


@pytest.fixture(scope="module")
def bundled() -> str:
    return page()


def rows(text: str) -> list[str]:
    return re.findall(r'<tr id="partner-([a-z-]+)" data-partner="\1">', text)


def row_html(text: str, partner: str) -> str:
    match = re.search(rf'<tr id="partner-{partner}".*?</tr>', text, re.S)
    assert match is not None, partner
    return match.group(0)


def test_one_page_in_the_order_a_reader_needs(bundled: str) -> None:
    assert bundled.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    order = [bundled.index(f'<section id="{key}"') for key in
             ("summary", "chart", "map", "partners", "timeline", "notes", "sources")]
    assert order == sorted(order)
    contents = re.search(r"<nav .*?</nav>", bundled, re.S)
    assert contents is not None
    assert re.findall(r'href="#([a-z]+)"', contents.group(0)) == [
        "summary", "chart", "map", "partners", "timeline", "notes", "sources"]
    assert len(rows(bundled)) == 16
    assert '<a href="https://eawaz.com/?p=1287822" rel="noreferrer">' in bundled  # sources are links
    assert "Mongolia Third Neighbor Trade Act introduced as S.3368 and H.R.6539" in bundled  # the timeline
    assert "privileged partnership" in bundled  # the notes
    no_requests(bundled)


def test_every_id_is_unique_and_every_link_inside_the_page_has_a_target(bundled: str) -> None:
    ids = Counter(re.findall(r'\sid="([^"]+)"', bundled))
    assert [name for name, count in ids.items() if count > 1] == []
    targets = set(re.findall(r'href="#([^"]+)"', bundled)) | set(re.findall(r"url\(#([^)]+)\)", bundled))
    assert targets and targets <= set(ids)


def test_every_partner_is_linked_from_the_summary_the_chart_and_the_map(bundled: str) -> None:
    for section in ("summary", "chart", "map"):
        part = re.search(rf'<section id="{section}".*?</section>', bundled, re.S)
        assert part is not None
        linked = set(re.findall(r'<a href="#partner-([a-z-]+)"', part.group(0)))
        assert linked == set(rows(bundled)), section


def test_both_drawings_when_no_theme_is_forced_one_when_it_is(bundled: str) -> None:
    assert '<html lang="en">' in bundled
    assert "prefers-color-scheme: dark" in bundled
    assert bundled.count('class="picture picture-light"') == 2 and bundled.count('class="picture picture-dark"') == 2
    dark = page("--theme", "dark")
    assert '<html lang="en" data-theme="dark">' in dark
    assert dark.count('class="picture picture-dark"') == 2 and "picture picture-light" not in dark
    wrong = run_cli("report", "--theme", "blue", "-o", "-")
    assert (wrong.exit_code, wrong.stdout) == (2, "")
    assert "unknown theme 'blue'; choose from light, dark" in wrong.stderr


def test_the_table_speaks_to_screen_readers(bundled: str) -> None:
    table = re.search(r'<table class="partners">.*?</table>', bundled, re.S)
    assert table is not None
    markup = table.group(0)
    assert re.search(r"<caption>Partners as the data stands \(2026-12-03\); every third neighbor, by tier", markup)
    assert markup.count('<th scope="row"') == 16
    heads = re.findall(r'<th scope="col"([^>]*)>(.*?)</th>', markup)
    assert [attributes for attributes, _ in heads].count(' aria-sort="ascending"') == 1
    assert ' aria-sort="ascending"' == heads[1][0] and "\u25B2" in heads[1][1]  # sorted by tier, marked
    assert all('<span class="direction" aria-hidden="true">' in inner for _, inner in heads[:-1])
    assert markup.count("<details><summary>") == 16
    assert ":focus-visible { outline: 3px solid var(--focus)" in bundled


def test_the_asterisk_leads_to_its_note(bundled: str) -> None:
    for partner in ("france", "czechia"):
        assert '<a href="#note-asterisk"' in row_html(bundled, partner)
    assert '<h3 id="note-asterisk">The asterisk (*)</h3>' in bundled
    assert '<a href="#note-asterisk"' not in row_html(bundled, "japan")


def test_the_summary_gives_the_key_numbers(bundled: str, dataset: Dataset) -> None:
    summary = re.search(r'<section id="summary".*?</section>', bundled, re.S)
    assert summary is not None
    numbers = dict(re.findall(r"<div><dt>([^<]+)</dt><dd>(\d+)</dd></div>", summary.group(0)))
    strategic = sum(partner.tier == "strategic" and not partner.neighbor for partner in dataset.all_partners)
    assert numbers == {"partners shown": "16", "Strategic partnership": str(strategic),
                       "Comprehensive partnership": "6", "Expanded partnership": "1"}
    assert 'Newest tie: <a href="#partner-italy">Italy</a>, Strategic partnership, 2025-12-02.' in summary.group(0)


def test_sources_and_citation_end_the_page(bundled: str) -> None:
    from thirdneighbor.render.citation import citation_text
    from thirdneighbor.data.load import load_dataset

    part = re.search(r'<section id="sources".*?</section>', bundled, re.S)
    assert part is not None
    text = html.unescape(part.group(0))
    assert citation_text(load_dataset()).strip().replace("\n", "<br>") in text
    assert "whose own source line is: Office of the President of Mongolia" in text
    assert "<li>Third neighbor policy (Wikipedia article) (offline: " in text  # named; no address is recorded
    assert "This page was made on 2025-12-02 18:26 UTC with thirdneighbor" in text
    footer = bundled.split("</main>")[1]  # after the last section, the data's licence
    assert '<footer><p class="meta">Data licence: <a href="https://creativecommons.org/licenses/by-sa/4.0/">' in footer


def test_the_same_data_and_epoch_make_the_same_page(bundled: str) -> None:
    assert page() == bundled


def _download(text: str, kind: str) -> str:
    match = re.search(rf'href="data:{kind};charset=utf-8;base64,([A-Za-z0-9+/=]+)"', text)
    assert match is not None, kind
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_the_downloads_hold_the_rows_on_the_page(bundled: str) -> None:
    records = json.loads(_download(bundled, "application/json"))
    assert [record["id"] for record in records] == rows(bundled)
    lines = _download(bundled, "text/csv").splitlines()
    assert lines[0].startswith("id,name,iso3,tier,tier_name,designation,")
    dated = page("--as-of", "2015", "--tier", "strategic")
    assert {record["as_of"] for record in json.loads(_download(dated, "application/json"))} == {"2015"}


# --- what is shown, said where a reader looks ---------------------------------------------

def test_a_dated_and_filtered_page_says_so_in_its_title_heading_summary_and_caption() -> None:
    text = page("--as-of", "2015", "--tier", "strategic")
    assert rows(text) == ["japan", "india"]
    said = "as of 2015; tier: Strategic partnership"
    assert re.search(rf"<title>Mongolia's Third Neighbor Policy, {said}: Third Neighbor Policy dataset 3.1.0</title>",
                     text)
    assert "<h1>Mongolia's Third Neighbor Policy, as of 2015</h1>" in text
    assert '<p class="scope">Shown: tier: Strategic partnership.</p>' in text
    assert f"<p>2 partners shown, {said}:</p>" in text
    assert f"<caption>Partners {said}, by tier" in text
    assert "2023-11-20" not in text  # nothing after the date


def test_every_filter_is_named() -> None:
    text = page("--since", "2020", "--until", "2024", "--neighbors", "--all")
    assert ("Shown: with Mongolia's neighbors; with other relations; tier reached from 2020-01-01; "
            "tier reached up to 2024-12-31.") in text
    assert "Shown: country: Japan, India." in page("--country", "japan,india")


def _row_sources(text: str, partner: str) -> set[str]:
    return set(re.findall(r'<li><a href="([^"]+)" rel="noreferrer">', row_html(text, partner)))


def test_a_dated_page_shows_the_sources_behind_the_tier_then_not_later_ones(dataset: Dataset) -> None:
    from thirdneighbor.query.evidence import cited_labels

    def shown_as(ids: set[str]) -> set[str]:  # source ids as the page shows them: their addresses
        return set(cited_labels(dataset, tuple(ids)))

    text = page("--as-of", "2010")
    events = [event for event in dataset.all_events if event.date.year <= 2010]
    for partner in rows(text):
        later = shown_as({source for event in dataset.all_events if partner in event.partners and event.date.year > 2010
                          for source in event.sources})
        earlier = shown_as({source for event in events if partner in event.partners for source in event.sources})
        shown = _row_sources(text, partner)
        assert shown <= earlier, partner
        assert not (shown & later) - earlier, partner
    japan = next(partner for partner in dataset.all_partners if partner.id == "japan")
    assert _row_sources(text, "japan") < shown_as(set(japan.sources) | {s for e in events for s in e.sources})
    assert "thirdneighbor show japan" in row_html(text, "japan")
    assert "no dated event of this tie is recorded" in row_html(text, "india")


def test_the_map_draws_russia_and_china_as_neighbors_whatever_the_filter() -> None:
    for args in ((), ("--tier", "strategic"), ("--country", "japan"), ("--as-of", "2010")):
        text = page(*args)
        mapped = dict(re.findall(r'data-iso3="([A-Z]{3})"[^>]*data-tier="([a-z-]+)"', text))
        assert mapped["RUS"] == mapped["CHN"] == "neighbor", args
        assert "Russia and China are drawn as Mongolia's neighbors" in text, args
