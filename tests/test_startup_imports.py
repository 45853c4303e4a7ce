"""What the start-up path imports, checked in a real subprocess through sys.modules.

Every TAB of shell completion and every call in a script loop pays for imports,
so the JSON and piped paths must not load Rich, pydantic or importlib.metadata.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("rich", "pydantic", "importlib.metadata", "tomli_w")

PROBE = """
import json, runpy, sys
sys.argv = ["thirdneighbor", *json.loads(sys.argv[1])]
try:
    runpy.run_module("thirdneighbor", run_name="__main__")
except SystemExit as done:
    code = done.code
else:
    code = 0
sys.stdout.flush()
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def loaded_modules(*args: str, **env: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(list(args))],
                          capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", **env})
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] in (0, None), done.stderr
    return set(report["modules"])


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.mark.parametrize("args", [
    ["list", "--json"],
    ["show", "korea", "--json"],
    ["timeline", "--json"],
    ["tiers", "--json"],
    ["compare", "japan", "usa", "--json"],
    ["list"],          # piped: plain text
    ["timeline"],
    ["tiers"],
    ["--version"],
])
def test_fast_paths_stay_light(args: list[str]) -> None:
    assert heavy_in(loaded_modules(*args)) == []


def test_the_probe_would_notice_rich() -> None:
    # The terminal path does import Rich; this keeps the probe itself honest.
    assert "rich.table" in loaded_modules("list", FORCE_COLOR="1")
