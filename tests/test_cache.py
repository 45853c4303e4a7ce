"""The dataset cache: used when the file is unchanged, never stale, safe to lose."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from thirdneighbor import cache, dataset
from thirdneighbor.dataset import load_dataset

from .conftest import run_cli


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture
def parse_calls(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records every TOML parse, so a test can tell a cache hit from a miss."""
    calls: list[Path] = []
    real = dataset.parse_document

    def counting(path: Path, raw: bytes) -> dict[str, Any]:
        calls.append(path)
        return real(path, raw)

    monkeypatch.setattr(dataset, "parse_document", counting)
    return calls


def entries(cache_home: Path) -> list[str]:
    folder = cache_home / "thirdneighbor"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_an_unchanged_file_is_parsed_once(cache_home: Path, write_dataset: Any, parse_calls: list[Path]) -> None:
    path = write_dataset()
    first = load_dataset(path)
    second = load_dataset(path)
    assert parse_calls == [path]
    assert second == first
    [entry] = entries(cache_home)
    assert entry.endswith(".marshal")


def test_the_cached_dataset_equals_a_fresh_parse(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset()
    load_dataset(path)
    assert load_dataset(path) == load_dataset(path, use_cache=False)


def test_an_edit_is_never_served_stale(cache_home: Path, write_dataset: Any, parse_calls: list[Path]) -> None:
    path = write_dataset()
    load_dataset(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('name = "Japan"', 'name = "Nihon"'), encoding="utf-8")
    assert any(p.name == "Nihon" for p in load_dataset(path).all_partners)
    assert len(parse_calls) == 2


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset()
    load_dataset(path)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    edited = text.replace('name = "Japan"', 'name = "Japon"')
    assert len(edited.encode()) == len(text.encode())
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert any(p.name == "Japon" for p in load_dataset(path).all_partners)


def test_a_different_file_gets_its_own_entry(cache_home: Path, write_dataset: Any) -> None:
    one = write_dataset(name="one.toml")
    other = write_dataset(lambda d: d["partners"][0].update(name="USA!"), name="other.toml")
    load_dataset(one)
    load_dataset(other)
    assert len(entries(cache_home)) == 2
    assert load_dataset(one).all_partners[0].name == "United States"
    assert load_dataset(other).all_partners[0].name == "USA!"


def test_a_new_tool_version_ignores_old_entries(cache_home: Path, write_dataset: Any, parse_calls: list[Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_dataset()
    load_dataset(path)
    monkeypatch.setattr(cache, "__version__", "999.0")
    load_dataset(path)
    assert len(parse_calls) == 2


@pytest.mark.parametrize("damage", [b"", b"garbage", b"\x00" * 100, "truncate"])
def test_a_damaged_entry_is_ignored_and_rewritten(cache_home: Path, write_dataset: Any, damage: Any) -> None:
    path = write_dataset()
    expected = load_dataset(path)
    [name] = entries(cache_home)
    entry = cache_home / "thirdneighbor" / name
    good = entry.read_bytes()
    entry.write_bytes(good[: len(good) // 2] if damage == "truncate" else damage)
    assert load_dataset(path) == expected
    assert entry.read_bytes() == good


def test_an_unwritable_cache_directory_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       write_dataset: Any) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = write_dataset()
    result = run_cli("list", "--json", "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(json.loads(result.stdout)) == 16


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / ".cache" / "thirdneighbor"


def test_no_cache_neither_reads_nor_writes(cache_home: Path, write_dataset: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_dataset()

    def refuse(*args: object) -> None:
        raise AssertionError("the cache was used")

    monkeypatch.setattr(cache, "load", refuse)
    monkeypatch.setattr(cache, "store", refuse)
    for command in (["list"], ["show", "japan"], ["timeline"], ["tiers"], ["compare", "japan", "usa"]):
        result = run_cli(*command, "--json", "--no-cache", "--data", str(path))
        assert (result.exit_code, result.stderr) == (0, "")
    assert entries(cache_home) == []


def test_a_broken_dataset_is_not_cached(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset(lambda d: d["partners"][0].pop("since"))
    assert run_cli("list", "--data", str(path)).exit_code == 3
    assert run_cli("list", "--data", str(path)).exit_code == 3
    assert entries(cache_home) == []


def test_the_entry_is_written_atomically(cache_home: Path, write_dataset: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[tuple[Path, bool, bool]] = []
    from thirdneighbor import files

    real = files.write_atomically

    def spy(path: Path, data: bytes, *, force: bool = False, durable: bool = True) -> Path:
        written.append((Path(path), force, durable))
        return real(path, data, force=force, durable=durable)

    monkeypatch.setattr(files, "write_atomically", spy)
    load_dataset(write_dataset())
    [(path, force, durable)] = written
    assert path.parent == cache_home / "thirdneighbor" and force and not durable
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_processes_running_at_once_agree(tmp_path: Path, write_dataset: Any) -> None:
    path = write_dataset()
    env = {"PATH": os.environ.get("PATH", ""), "XDG_CACHE_HOME": str(tmp_path / "shared-cache"), "LANG": "C.UTF-8"}
    command = [sys.executable, "-m", "thirdneighbor", "timeline", "--json", "--data", str(path)]
    processes = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(4)]
    results = [process.communicate(timeout=60) for process in processes]
    assert all(process.returncode == 0 for process in processes)
    assert all(stderr == b"" for _, stderr in results)
    assert len({stdout for stdout, _ in results}) == 1
    again = subprocess.run(command, env=env, capture_output=True, check=True, timeout=60)
    assert again.stdout == results[0][0]
    assert [p.name for p in (tmp_path / "shared-cache" / "thirdneighbor").iterdir() if p.suffix == ".tmp"] == []
