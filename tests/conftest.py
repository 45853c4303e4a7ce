"""Shared fixtures: the bundled dataset, a CLI runner, and editable copies of the data."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from thirdneighbor.cli.app import app
from thirdneighbor.api.dataset import with_methods
from thirdneighbor.data.load import load_dataset
from thirdneighbor.data.model import Dataset

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "data" / "partners.toml"
GOLDEN = Path(__file__).resolve().parent / "golden"

# The environment a test starts from: no user dataset, no colour forcing, and a
# fixed width, so results do not depend on the shell that runs pytest.
CLEARED_ENV = ("THIRDNEIGHBOR_DATA", "FORCE_COLOR", "NO_COLOR", "TERM", "COLUMNS", "LINES")


@pytest.fixture(scope="session")
def _cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache-home")


@pytest.fixture(autouse=True)
def _stable_environment(monkeypatch: pytest.MonkeyPatch, _cache_home: Path) -> None:
    for name in CLEARED_ENV:
        monkeypatch.delenv(name, raising=False)
    # The tool caches datasets; the tests' entries go to a directory of their own.
    monkeypatch.setenv("XDG_CACHE_HOME", str(_cache_home))
    monkeypatch.setenv("TERMINAL_WIDTH", "100")
    monkeypatch.setenv("_TYPER_FORCE_DISABLE_TERMINAL", "1")


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    # The Python API's Dataset: the records, with the methods tests call.
    return with_methods(load_dataset(BUNDLED))


@pytest.fixture(scope="session")
def raw_document() -> dict[str, Any]:
    """The bundled dataset as parsed TOML; copy it before changing it."""
    return tomllib.loads(BUNDLED.read_text(encoding="utf-8"))


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    result = CliRunner().invoke(app, list(args), env=env, prog_name="thirdneighbor")
    return Run(result.exit_code, result.stdout, result.stderr)


def ok(*args: str, env: dict[str, str] | None = None) -> str:
    """stdout of a command that must succeed and say nothing on stderr."""
    result = run_cli(*args, env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def json_of(*args: str) -> Any:
    """A successful command's --json answer, parsed."""
    import json

    return json.loads(ok(*args, "--json"))


@pytest.fixture
def cli() -> Callable[..., Run]:
    return run_cli


@pytest.fixture
def write_dataset(tmp_path: Path, raw_document: dict[str, Any]) -> Callable[..., Path]:
    """Write a changed copy of the bundled dataset and return its path.

    `change` receives a deep copy of the parsed document and edits it in place.
    """
    import copy

    def write(change: Callable[[dict[str, Any]], None] | None = None, name: str = "data.toml") -> Path:
        document = copy.deepcopy(raw_document)
        if change is not None:
            change(document)
        path = tmp_path / name
        path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
        return path

    return write
