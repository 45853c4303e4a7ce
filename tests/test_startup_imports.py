"""What the start-up path imports, checked in a real subprocess through sys.modules.

Every TAB of shell completion and every call in a script loop pays for imports,
so the JSON and piped paths must not load Rich, pydantic or importlib.metadata;
and with the dataset cached, not the TOML parser or the validator either.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("rich", "pydantic", "importlib.metadata", "tomli_w", "tomllib", "hashlib", "dataclasses",
         "thirdneighbor.data.validate", "thirdneighbor.data.validate_fields", "thirdneighbor.data.validate_records",
         "thirdneighbor.data.confusables")

# The probe imports nothing that the tool might (not json): the report is the
# exit code and the module names, on one line.
PROBE = """
import os, sys
sys.argv = ["thirdneighbor", *sys.argv[1:]]
real_exit = os._exit

def report_then_exit(code):
    # The entry point ends with os._exit; report what was imported just before.
    sys.stdout.flush()
    print(code, *sorted(sys.modules), file=sys.stderr)
    sys.stderr.flush()
    real_exit(code)

os._exit = report_then_exit
from thirdneighbor.__main__ import main
main()
"""


@pytest.fixture(scope="module", autouse=True)
def _warm_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    # The probes share one cache directory, warmed once: a start-up finds the
    # bundled dataset's entry, as every run after a user's first one does.
    global CACHE_HOME
    CACHE_HOME = str(tmp_path_factory.mktemp("startup-cache"))
    loaded_modules("list")


CACHE_HOME = ""


def loaded_modules(*args: str, **env: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args],
                          capture_output=True, text=True, check=False,
                          env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8",
                               "XDG_CACHE_HOME": CACHE_HOME, **env})
    code, *modules = done.stderr.strip().splitlines()[-1].split()
    assert code == "0", done.stderr
    return set(modules)


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


@pytest.mark.parametrize("command", [["list"], ["show", "korea"], ["timeline"], ["tiers"], ["search", "khurelsukh"],
                                     ["changes", "2023", "2025"], ["series"], ["people", "khurelsukh"]])
def test_json_is_written_without_importing_json(command: list[str]) -> None:
    # The JSON module's import compiles its decoder's patterns; writing needs
    # only its C encoder (thirdneighbor.render.json_text). A name that is not
    # the dataset's own reads the world's list of countries, which is JSON.
    assert not {"json", "json.decoder"} & loaded_modules(*command, "--json")


@pytest.mark.parametrize("command", [["list"], ["show", "japan"], ["timeline"]])
def test_list_show_and_timeline_do_not_build_the_grouping_classes(command: list[str]) -> None:
    assert "thirdneighbor.query.groups" not in loaded_modules(*command, "--json")


def test_the_probe_would_notice_rich() -> None:
    # The terminal path does import Rich; this keeps the probe itself honest.
    assert "rich.table" in loaded_modules("list", FORCE_COLOR="1")


def test_a_cache_miss_parses_and_validates() -> None:
    modules = loaded_modules("list", "--json", "--no-cache")
    assert {"tomllib", "thirdneighbor.data.validate"} <= modules
    assert "rich" not in modules
