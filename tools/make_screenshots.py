"""Screenshots of the pictures for the README, in docs/ (a development script,
not part of the installed tool):

    .venv/bin/python tools/make_screenshots.py

Draws the chart, the count chart and the map of the bundled data, and the
chart and the map as of 2010, with the installed command, and has headless
Chromium photograph each at the width it is laid out for (its viewBox's), so
the picture fills the shot. Look at every one before committing it.
"""

from __future__ import annotations

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
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--force-device-scale-factor=1"]


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("make_screenshots: Chromium is not installed", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        for name, args in SHOTS.items():
            svg = Path(folder) / f"{name}.svg"
            subprocess.run([sys.executable, "-m", "thirdneighbor", *args, "-o", str(svg)], check=True)
            _, _, width, height = (float(n) for n in re.search(r'viewBox="([^"]+)"', svg.read_text()).group(1).split())
            size = f"{round(width)},{round(height)}"
            shot = ROOT / "docs" / f"{name}.png"
            subprocess.run([browser, *FLAGS, f"--user-data-dir={Path(folder) / 'profile'}", f"--window-size={size}",
                            f"--screenshot={shot}", svg.as_uri()], check=True, capture_output=True)
            print(f"wrote {shot.relative_to(ROOT)} ({size})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
