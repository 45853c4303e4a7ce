"""Screenshots of the report for the README: the bundled data and `--as-of 2010`
on a desktop screen, and the bundled data on a 390-pixel phone.

Each page is written by the installed `thirdneighbor report` (light theme,
SOURCE_DATE_EPOCH set so that the page is the same from run to run) and
photographed by headless Chromium from disk, the top of the page: the
heading, the contents, the summary and the chart. Run from the repository's
root: `python tools/make_report_screenshots.py` (Chromium must be installed).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
SHOTS = {
    # file name: (report options, window width, window height)
    "report.png": ((), 1280, 1900),
    "report-2010.png": (("--as-of", "2010"), 1280, 1900),
    "report-phone.png": ((), 390, 2000),
}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("make_report_screenshots: Chromium is not installed", file=sys.stderr)
        return 1
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1764700000"}
    with tempfile.TemporaryDirectory() as folder:
        for name, (options, width, height) in SHOTS.items():
            page = Path(folder) / f"{Path(name).stem}.html"
            subprocess.run([sys.executable, "-m", "thirdneighbor", "report", *options, "--theme", "light",
                            "-o", str(page)], check=True, env=environment)
            subprocess.run([chromium, *FLAGS, f"--user-data-dir={Path(folder) / 'profile'}",
                            f"--window-size={width},{height}", f"--screenshot={DOCS / name}", page.as_uri()],
                           check=True, capture_output=True)
            print(f"wrote {DOCS / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
