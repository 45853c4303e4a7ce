"""Shared fixtures: the bundled dataset, a CLI runner, and editable copies of the data."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from typer.testing import CliRunner

from thirdneighbor.cli.app import app
from thirdneighbor.core.language import language_code, use as use_language
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
    # English, whatever the shell's locale: a test of another language asks for it.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if language_code(os.environ.get(name, "")) not in (None, "en"):
            monkeypatch.setenv(name, "C.UTF-8")
    monkeypatch.delenv("THIRDNEIGHBOR_LANG", raising=False)
    use_language("en")  # a command run in another language leaves it chosen in this process
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


def downgraded(document: dict[str, Any], version: int) -> None:
    """Make a parsed schema-4 document one of an older schema, in place: its
    sources cited as text again (the address, or the citation; the lists of
    state codes by their addresses), with no [[sources]] records and no claims,
    as files before schema 4 were."""
    texts = {source["id"]: source.get("url") or source["title"] for source in document.pop("sources")}
    document["schema_version"] = version
    document["policy"]["sources"] = [texts[source] for source in document["policy"].get("sources", [])]
    for country in (document.get("mongolia", {}), *document["partners"]):  # the lists of state codes: addresses
        country.update({key: texts[country[key]] for key in ("cow_source", "gw_source") if key in country})
    roles = [role for person in document.get("people", []) for role in person.get("roles", [])]
    for record in (*document["partners"], *document["events"], *document.get("people", []), *roles,
                   *document.get("snapshots", [])):
        record["sources"] = [texts[source] for source in record["sources"]]
        for key in ("evidence", "quote", "quote_language", "confidence"):
            record.pop(key, None)
        for entry in record.get("history", []):
            for key in ("sources", "quote", "quote_language", "confidence"):
                entry.pop(key, None)


def cite_texts(document: dict[str, Any], record: dict[str, Any], texts: list[str]) -> None:
    """Make `record` cite these strings, as a file before schema 4 cited its sources:
    each becomes a source record of its own (an http(s) address as its `url`, any
    other text as an offline citation), and the record cites their ids."""
    from thirdneighbor.data.source_ids import basic_record

    ids = []
    for text in texts:
        source_id = f"cited-{len(document['sources'])}"
        document["sources"].append(basic_record(text, source_id))
        ids.append(source_id)
    record["sources"] = ids


def cited_source_ids(document: dict[str, Any]) -> set[str]:
    """Every source id a parsed document cites, wherever it cites one."""
    cited: set[str] = set()

    def walk(value: Any) -> None:
        if type(value) is dict:
            if type(value.get("sources")) is list and value is not document:
                cited.update(item for item in value["sources"] if type(item) is str)
            # The lists a country's state codes were read from.
            cited.update(value[key] for key in ("cow_source", "gw_source") if type(value.get(key)) is str)
            for item in value.values():
                walk(item)
        elif type(value) is list:
            for item in value:
                walk(item)

    walk(document)
    return cited


@pytest.fixture
def write_dataset(tmp_path: Path, raw_document: dict[str, Any]) -> Callable[..., Path]:
    """Write a changed copy of the bundled dataset and return its path.

    `change` receives a deep copy of the parsed document and edits it in place.
    Sources no record cites any more are then left out, as a person deleting a
    record would delete them (`keep_unused` keeps them, to test that check).
    """
    import copy

    def write(change: Callable[[dict[str, Any]], None] | None = None, name: str = "data.toml",
              keep_unused: bool = False) -> Path:
        document = copy.deepcopy(raw_document)
        if change is not None:
            change(document)
        if not keep_unused and type(document.get("sources")) is list:
            cited = cited_source_ids(document)
            document["sources"] = [source for source in document["sources"]
                                   if type(source) is not dict or source.get("id") in cited]
        path = tmp_path / name
        path.write_bytes(tomli_w.dumps(document).encode("utf-8"))
        return path

    return write
