"""Screenshots of the pictures for the README, in docs/ (a development script,
not part of the installed tool):

    .venv/bin/python tools/make_screenshots.py

Draws the chart, the count chart and the map of the bundled data, and the
chart and the map as of 2010, with the installed command, and has headless
Chromium photograph each at the width it is laid out for (its viewBox's), so
the picture fills the shot. The report, bundled and as of 2010 on a desktop
screen and bundled on a 390-pixel phone, is photographed from the top, at a
window of its own size, with SOURCE_DATE_EPOCH set so that the page is the
same from run to run. Look at every one before committing it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = {
    "chart": ["chart"],
    "chart-2010": ["chart", "--as-of", "2010"],
    "chart-counts": ["chart", "--counts"],
    "map": ["map"],
    "map-2010": ["map", "--as-of", "2010"],
}
# The report's pages: the command, and the window (width, height) to photograph the top of the page in.
PAGES = {
    "report": (["report", "--theme", "light"], (1280, 1900)),
    "report-2010": (["report", "--theme", "light", "--as-of", "2010"], (1280, 1900)),
    "report-phone": (["report", "--theme", "light"], (390, 2000)),
}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--force-device-scale-factor=1"]


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("make_screenshots: Chromium is not installed", file=sys.stderr)
        return 1
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1764700000"}
    with tempfile.TemporaryDirectory() as folder:
        drawn = {name: (args, None) for name, args in SHOTS.items()} | PAGES
        for name, (args, window) in drawn.items():
            made = Path(folder) / f"{name}.{'html' if window else 'svg'}"
            subprocess.run([sys.executable, "-m", "thirdneighbor", *args, "-o", str(made)], check=True, env=environment)
            if window is None:
                _, _, width, height = (float(n) for n in re.search(r'viewBox="([^"]+)"', made.read_text()).group(1).split())
                window = (round(width), round(height))
            size = f"{window[0]},{window[1]}"
            shot = ROOT / "docs" / f"{name}.png"
            subprocess.run([browser, *FLAGS, f"--user-data-dir={Path(folder) / 'profile'}", f"--window-size={size}",
                            f"--screenshot={shot}", made.as_uri()], check=True, capture_output=True)
            print(f"wrote {shot.relative_to(ROOT)} ({size})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
