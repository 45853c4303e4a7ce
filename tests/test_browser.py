"""The report and the two SVG pictures in a real browser: headless Chromium.

Each file is opened from disk with Chromium's network log on; the test checks
that no request left the machine, that the screenshot is not blank, and that
the report's table has a row per partner once its script has run. The report
is also read as a reader meets it (tests/browser.py drives Chromium over its
DevTools pipe): at 1,400, 800 and 390 pixels, after a Tab, sorted, in the
reader's dark setting and printed to PDF. `.ci/run` installs Chromium; locally
these tests skip, saying why, where it is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser import FLAGS, Browser
from .conftest import run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium)")



def chromium(tmp_path: Path, page: Path, *args: str, width: int = 1280, height: int = 900) -> tuple[str, list[str]]:
    """Run Chromium on `page`; its stdout, and every http(s) URL it asked for."""
    netlog = tmp_path / f"netlog-{page.stem}-{width}.json"
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--log-net-log={netlog}",
         f"--window-size={width},{height}", *args, page.as_uri()],
        capture_output=True, timeout=120, check=False, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, page_requests(netlog)


def page_requests(netlog: Path) -> list[str]:
    """The http(s) URLs that the page, not the browser, asked for. Chromium's
    own traffic (its clock, account checks) starts with initiator "not an
    origin"; a page opened from disk is initiator "null" (file://)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for event in log["events"]:
        params = event.get("params", {})
        if (event["type"] == start_job and params.get("url", "").startswith(("http://", "https://"))
                and params.get("initiator") != "not an origin"):
            urls.add(params["url"])
    return sorted(urls)


def screenshot_is_not_blank(path: Path) -> None:
    from PIL import Image

    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 20, f"{path.name} looks blank"


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pictures")
    files = {"report": folder / "report.html", "chart": folder / "chart.svg", "map": folder / "map.svg"}
    for command, path in files.items():
        result = run_cli(command, "-o", str(path))
        assert result.exit_code == 0, result.stderr
    return files


@pytest.mark.parametrize("name", ["report", "chart", "map"])
def test_page_loads_offline_and_draws_something(pictures: dict[str, Path], tmp_path: Path, name: str) -> None:
    shot = tmp_path / f"{name}.png"
    _, requested = chromium(tmp_path, pictures[name], f"--screenshot={shot}")
    assert requested == []
    screenshot_is_not_blank(shot)


def test_report_table_has_a_row_per_partner_after_its_script(pictures: dict[str, Path], tmp_path: Path) -> None:
    dom, requested = chromium(tmp_path, pictures["report"], "--dump-dom")
    assert requested == []
    assert len(re.findall(r'<tr id="partner-[a-z-]+" data-partner="', dom)) == 16
    assert "<title>Mongolia's Third Neighbor Policy" in dom


@pytest.mark.parametrize("width", [360, 1600])
def test_report_reads_at_phone_and_desk_widths(pictures: dict[str, Path], tmp_path: Path, width: int) -> None:
    shot = tmp_path / f"report-{width}.png"
    chromium(tmp_path, pictures["report"], f"--screenshot={shot}", width=width, height=1400)
    screenshot_is_not_blank(shot)


def test_no_request_is_made_by_a_page_that_would_make_one(tmp_path: Path) -> None:
    """The check itself works: a page with an external image is caught."""
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><html><body><img src="https://example.org/x.png"></body></html>',
                    encoding="utf-8")
    _, requested = chromium(tmp_path, page, "--dump-dom")
    assert requested == ["https://example.org/x.png"]


# --- the report as a reader meets it: widths, keyboard, paper, theme ---------------------

WIDTHS = (1400, 800, 390)

# Every visible text on the page and the size it is drawn at in CSS pixels: an
# SVG text's font size is scaled by its picture's transform to the screen.
TEXT_SIZES = """(() => {
  // checkVisibility() misses an SVG group's display: none, so each ancestor is asked.
  const hidden = (element) => {
    for (let at = element; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.display === "none" || style.visibility === "hidden" || style.opacity === "0") { return true; }
    }
    return false;
  };
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element || element.closest("script, style, title, desc")
        || !element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) || hidden(element)) {
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some((box) => box.width > 0 && box.height > 0)) { continue; }
    let size = parseFloat(getComputedStyle(element).fontSize);
    if (element instanceof SVGElement) {
      const matrix = element.getScreenCTM();
      size *= Math.hypot(matrix.a, matrix.b);
    }
    sizes.push([node.textContent.trim().slice(0, 40), Math.round(size * 100) / 100]);
  }
  return sizes;
})()"""

FOCUS_RING = """(() => {
  const element = document.activeElement, style = getComputedStyle(element);
  return {tag: element.tagName.toLowerCase(), text: element.textContent.trim().slice(0, 30),
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor,
          sortButton: !!element.closest("th") && element.tagName === "BUTTON"};
})()"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with Browser(CHROMIUM, tmp_path_factory.mktemp("profile")) as opened:
        yield opened


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    made = {"bundled": (), "2010": ("--as-of", "2010"), "filtered": ("--as-of", "2020", "--tier", "strategic"),
            "dark": ("--theme", "dark")}
    files = {}
    for name, args in made.items():
        files[name] = folder / f"report-{name}.html"
        result = run_cli("report", *args, "-o", str(files[name]))
        assert result.exit_code == 0, result.stderr
    return files


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", ["bundled", "2010"])
def test_report_at_each_width_asks_for_nothing_and_draws(browser: Browser, reports: dict[str, Path],
                                                         tmp_path: Path, name: str, width: int) -> None:
    browser.open(reports[name], width=width)
    assert browser.requests() == []
    screenshot_is_not_blank(browser.screenshot(tmp_path / f"report-{name}-{width}.png", full_page=False))
    # The page itself never scrolls sideways; only a picture wider than the screen does, inside its box.
    assert browser.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("name", ["bundled", "2010"])
def test_at_a_phones_width_no_text_is_under_12_pixels(browser: Browser, reports: dict[str, Path], name: str) -> None:
    browser.open(reports[name], width=390)
    sizes = browser.evaluate(TEXT_SIZES)
    assert len(sizes) > 200  # the check saw the page: headings, cards, both pictures' labels
    assert any(text == "Japan" for text, _ in sizes)
    small = [(text, size) for text, size in sizes if size < 12]
    assert small == []


def test_the_size_check_catches_small_text(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "small.html"
    page.write_text('<!DOCTYPE html><html><body><p style="font-size: 11px">tiny</p><svg viewBox="0 0 1000 100" '
                    'width="390"><text y="50" font-size="20">scaled down</text></svg></body></html>',
                    encoding="utf-8")
    browser.open(page, width=390)
    sizes = dict(browser.evaluate(TEXT_SIZES))
    assert sizes["tiny"] == 11 and sizes["scaled down"] == pytest.approx(7.8)


def test_the_focus_ring_shows_after_tab_on_links_and_sort_buttons(browser: Browser,
                                                                  reports: dict[str, Path]) -> None:
    browser.open(reports["bundled"], width=1400)
    browser.press("Tab", 9)
    first = browser.evaluate(FOCUS_RING)
    assert first["tag"] == "a" and first["outline"] != "none" and first["width"] >= 2, first
    for _ in range(120):  # on through the contents, the summary's links and the pictures' to the table
        browser.press("Tab", 9)
        focused = browser.evaluate(FOCUS_RING)
        if focused["sortButton"]:
            break
    assert focused["sortButton"], "Tab never reached a sort button"
    assert focused["outline"] != "none" and focused["width"] >= 2, focused


def test_sorting_moves_aria_sort_and_the_direction_marker(browser: Browser, reports: dict[str, Path]) -> None:
    browser.open(reports["bundled"], width=1400)
    state = """[...document.querySelectorAll("table.partners thead th")].map((th) =>
        [th.textContent.trim(), th.getAttribute("aria-sort")])"""
    assert ["Tier \u25B2", "ascending"] in browser.evaluate(state)
    browser.evaluate('document.querySelector("table.partners thead th button").click()')
    after = browser.evaluate(state)
    assert after[0] == ["Partner \u25B2", "ascending"] and all(sort is None for _, sort in after[1:])
    names = browser.evaluate('[...document.querySelectorAll("table.partners tbody th")].map((th) => th.textContent)')
    assert names == sorted(names) and len(names) == 16
    browser.evaluate('document.querySelector("table.partners thead th button").click()')
    assert browser.evaluate(state)[0] == ["Partner \u25BC", "descending"]


def test_the_title_names_the_date_and_the_filters(browser: Browser, reports: dict[str, Path]) -> None:
    browser.open(reports["filtered"], width=800)
    title = browser.evaluate("document.title")
    assert "as of 2020" in title and "tier: Strategic partnership" in title
    assert "as of 2020" in browser.evaluate('document.querySelector("h1").textContent')


def test_every_partner_link_of_the_summary_chart_and_map_leads_to_a_row(browser: Browser,
                                                                       reports: dict[str, Path]) -> None:
    browser.open(reports["bundled"], width=1400)
    found = browser.evaluate("""(() => {
      const links = [...document.querySelectorAll('a[href^="#partner-"]')];
      const where = (link) => link.closest("#summary") ? "summary" : link.closest("#chart") ? "chart"
                             : link.closest("#map") ? "map" : "other";
      return links.map((link) => [where(link), !!document.getElementById(link.getAttribute("href").slice(1))]);
    })()""")
    assert all(target for _, target in found)
    assert {where for where, _ in found} >= {"summary", "chart", "map"}


def test_the_readers_dark_setting_is_followed_unless_a_theme_is_forced(browser: Browser,
                                                                      reports: dict[str, Path]) -> None:
    shown = """[getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector("#chart .picture-light")).display,
        getComputedStyle(document.querySelector("#chart .picture-dark")).display]"""
    browser.open(reports["bundled"], width=800, color_scheme="dark")
    assert browser.evaluate(shown) == ["rgb(16, 21, 28)", "none", "block"]
    browser.open(reports["bundled"], width=800, color_scheme="light")
    assert browser.evaluate(shown) == ["rgb(255, 255, 255)", "block", "none"]


def test_print_is_light_and_keeps_headings_with_their_figures(browser: Browser, reports: dict[str, Path],
                                                              tmp_path: Path) -> None:
    for name in ("dark", "bundled"):
        browser.open(reports[name], width=1400, media="print", color_scheme="dark")
        assert browser.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)", name
        assert browser.evaluate("getComputedStyle(document.body).color") == "rgb(26, 26, 26)", name
        kept = browser.evaluate("""[...document.querySelectorAll("section.figure")].map((section) =>
            [getComputedStyle(section).breakInside, getComputedStyle(section.querySelector("h2")).breakAfter])""")
        assert kept == [["avoid", "avoid"], ["avoid", "avoid"]], name
        pdf = browser.pdf(tmp_path / f"report-{name}.pdf").read_bytes()
        assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) > 1, name
