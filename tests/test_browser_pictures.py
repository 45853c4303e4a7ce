"""The chart, the count chart and the map in headless Chromium at 1,400, 800
and 390 CSS px: which layout shows, how large its text is drawn, and that no
request leaves the page. The measuring is done by the browser itself: a page
holds the picture inline and a script writes, into the DOM that Chromium
dumps, the smallest font size drawn (font size times the picture's scale).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import run_cli
from .test_browser import CHROMIUM, chromium

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium)")

MEASURE = """
<script>
const found = [];
for (const text of document.querySelectorAll("svg text")) {
  const box = text.getBoundingClientRect();
  if (!box.width || !box.height) continue;  /* not drawn: the other layout */
  const size = parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a;
  found.push(size);
}
const svg = document.querySelector("svg").getBoundingClientRect();
document.body.setAttribute("data-measured", JSON.stringify({
  smallest: Math.min(...found), texts: found.length, width: svg.width, viewport: window.innerWidth,
  layout: [...document.querySelectorAll("svg g.wide, svg g.narrow")]
    .filter(g => g.getBoundingClientRect().height > 0).map(g => g.getAttribute("class"))}));
</script>"""


def page_with(svg: str, folder: Path, name: str, width: int) -> Path:
    """The picture inline in a page `width` CSS px wide."""
    page = folder / f"{name}-{width}.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
                    '<meta name="viewport" content="width=device-width"><title>picture</title></head>'
                    f'<body style="margin:0"><div style="width:{width}px">{svg}</div>{MEASURE}</body></html>',
                    encoding="utf-8")
    return page


def measured(tmp_path: Path, page: Path, width: int) -> dict:
    dom, requested = chromium(tmp_path, page, "--dump-dom", width=width, height=1200)
    assert requested == []
    found = re.search(r'data-measured="([^"]*)"', dom)
    assert found, dom[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"'))


@pytest.fixture(scope="module")
def pictures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    made = {}
    for name, args in {"chart": ["chart"], "counts": ["chart", "--counts"], "chart-2010": ["chart", "--as-of", "2010"],
                       "map": ["map"]}.items():
        result = run_cli(*args, "-o", "-")
        assert result.exit_code == 0, result.stderr
        made[name] = result.stdout
    return made


@pytest.mark.parametrize("name", ["chart", "counts", "chart-2010"])
def test_chart_text_is_at_least_12_css_px_at_390(pictures: dict[str, str], tmp_path: Path, name: str) -> None:
    found = measured(tmp_path, page_with(pictures[name], tmp_path, name, 390), 390)
    assert found["width"] == 390
    assert found["layout"] == ["narrow"]
    assert found["texts"] > 10 and found["smallest"] >= 12.0, found


@pytest.mark.parametrize("width", [1400, 800])
def test_chart_shows_its_wide_layout_on_wide_screens(pictures: dict[str, str], tmp_path: Path, width: int) -> None:
    found = measured(tmp_path, page_with(pictures["chart"], tmp_path, "chart", width), width)
    assert found["layout"] == ["wide"] and found["width"] == width
    assert found["smallest"] >= 9.0, found  # 12 units at 800/960


@pytest.mark.parametrize("width", [1400, 800, 390])
def test_the_map_scales_to_its_container(pictures: dict[str, str], tmp_path: Path, width: int) -> None:
    found = measured(tmp_path, page_with(pictures["map"], tmp_path, "map", width), width)
    assert found["width"] == width and found["texts"] > 20


@pytest.mark.parametrize("name", ["chart", "counts", "map"])
def test_opened_alone_no_request_leaves_the_picture(pictures: dict[str, str], tmp_path: Path, name: str) -> None:
    picture = tmp_path / f"{name}.svg"
    picture.write_text(pictures[name], encoding="utf-8")
    _, requested = chromium(tmp_path, picture, "--dump-dom", width=390)
    assert requested == []
