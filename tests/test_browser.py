"""The report and the two SVG pictures in a real browser: headless Chromium.

Each file is opened from disk with Chromium's network log on; the test checks
that no request left the machine, that the screenshot is not blank, and that
the report's table has a row per partner once its script has run. `.ci/run`
installs Chromium; locally these tests skip, saying why, where it is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install -y chromium)")

# As root and offline: no sandbox, and none of the background traffic (updates,
# sync) that a closed network would refuse at every start.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-default-apps", "--no-first-run", "--disable-quic", "--hide-scrollbars",
         "--disable-domain-reliability", "--metrics-recording-only"]


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
    assert len(re.findall(r'<tr data-partner="', dom)) == 16
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
