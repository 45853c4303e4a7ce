"""The dataset cache: used when the file is unchanged, never stale, safe to lose."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from thirdneighbor.data import cache, load as dataset
from thirdneighbor.api.dataset import with_methods
from thirdneighbor.data.load import load_dataset
from thirdneighbor.data.model import Event, Partner, Tier

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


def _encoded_record_by_record(record: Any) -> tuple[Any, ...]:
    """What the cache stored before it encoded a field at a time: the reference."""
    import marshal

    from thirdneighbor.data.record import is_deferrable, record_fields

    values = []
    for info in record_fields(type(record)):
        value = getattr(record, info.name)
        if info.kind == "date":
            value = None if value is None else str(value)
        elif info.kind == "table":
            value = None if value is None else _encoded_record_by_record(value)
        elif info.kind == "tables":
            value = tuple(_encoded_record_by_record(item) for item in value)
            if is_deferrable(type(record), info.name):
                value = marshal.dumps(value, 2)
        values.append(value)
    return tuple(values)


def test_encoding_a_field_at_a_time_stores_what_record_by_record_did(tmp_path: Path) -> None:
    import dataclasses
    import marshal

    from thirdneighbor.data.cache_encode import encode

    from .conftest import BUNDLED

    bundled = load_dataset(BUNDLED, use_cache=False)
    japan = next(partner for partner in bundled.all_partners if partner.id == "japan")
    sparse = dataclasses.replace(
        bundled, mongolia=None, all_partners=(dataclasses.replace(japan, history=(), evidence=(), since=None),),
        all_events=(), all_people=(), snapshots=(), all_sources=())
    for data in (bundled, with_methods(bundled), sparse):
        assert type(encode(data)) is tuple
        assert marshal.dumps(encode(data), 2) == marshal.dumps(_encoded_record_by_record(data), 2)
        # And it decodes to the same records.
        assert cache._decode(type(data), marshal.loads(marshal.dumps(encode(data), 2))).all_partners \
            == data.all_partners


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
    written: list[tuple[Path, dict[str, bool]]] = []
    from thirdneighbor.core import files

    real = files.write_atomically

    def spy(path: Path, data: bytes, **options: bool) -> Path:
        written.append((Path(path), options))
        return real(path, data, **options)

    monkeypatch.setattr(files, "write_atomically", spy)
    load_dataset(write_dataset())
    [(path, options)] = written
    assert path.parent == cache_home / "thirdneighbor"
    assert options == {"force": True, "durable": False, "mode": 0o644}
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


# --- every cache byte is checked before it is trusted (issue 14, group 3) ---------------

def entry_of(cache_home: Path) -> Path:
    [name] = entries(cache_home)
    return cache_home / "thirdneighbor" / name


def test_a_corrupt_length_never_reaches_marshal(cache_home: Path, write_dataset: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # Five bytes that once made marshal allocate gigabytes: a tuple claiming 2**30 items.
    path = write_dataset()
    expected = load_dataset(path)
    entry = entry_of(cache_home)
    entry.write_bytes(b"(" + (0x40000000).to_bytes(4, "little"))
    import marshal

    def refuse(data: bytes) -> object:
        raise AssertionError("marshal.loads ran on an unchecked entry")

    monkeypatch.setattr(marshal, "loads", refuse)
    assert cache.load(path, path.read_bytes()) is None
    monkeypatch.undo()
    assert load_dataset(path) == expected


def forge(cache_home: Path, path: Path, change: Any) -> None:
    """Rewrite the entry for `path` with its decoded payload changed by `change`,
    under a correct header: what a bug, or another program, could leave there."""
    import marshal

    entry = entry_of(cache_home)
    notices, body = marshal.loads(entry.read_bytes()[cache._HEADER:])
    notices, body = change(list(notices), list(body))
    payload = marshal.dumps((tuple(notices) if isinstance(notices, list) else notices, body), 2)
    header = (cache._MAGIC + cache.fingerprint(path.read_bytes()) + len(payload).to_bytes(8, "little")
              + cache.blake2b(payload, digest_size=cache._DIGEST).digest())
    entry.write_bytes(header + payload)


def first_record_with(table: str, record_class: type, field: str, value: Any) -> Any:
    """A change for `forge`: the first record of the dataset's `table` holds `value` as its `field`."""
    def change(notices: list[Any], body: list[Any]) -> tuple[Any, Any]:
        names = [info.name for info in cache.record_fields(cache.Dataset)]
        records = [list(record) for record in body[names.index(table)]]
        records[0][[info.name for info in cache.record_fields(record_class)].index(field)] = value
        body[names.index(table)] = tuple(tuple(record) for record in records)
        return notices, tuple(body)

    return change


@pytest.mark.parametrize("change", [
    first_record_with("all_partners", Partner, "name", None),
    first_record_with("all_partners", Partner, "aliases", (1, 2)),
    first_record_with("tiers", Tier, "rank", True),  # isinstance(True, int) holds; JSON would say "rank": true
    first_record_with("tiers", Tier, "rank", 10 ** 5000),  # too many digits for any writer to print
    first_record_with("tiers", Tier, "rank", 1.5),
    # Long lists (partners, events, sources) are decoded a field at a time: the same checks.
    first_record_with("all_partners", Partner, "cow_code", True),
    first_record_with("all_partners", Partner, "cow_code", 10 ** 5000),
    first_record_with("all_partners", Partner, "cow_code", "255"),
    first_record_with("all_events", Event, "date", 2024),
    first_record_with("all_events", Event, "partners", ("japan", 1)),
    lambda notices, body: (notices, tuple(body[:-1])),  # a field short
    lambda notices, body: (notices, tuple(body) + ("extra",)),  # a field over
    lambda notices, body: ([1], tuple(body)),  # a notice that is not text
    lambda notices, body: (notices, [*body]),  # a list where a tuple belongs
], ids=["none-for-a-name", "numbers-for-aliases", "bool-for-a-rank", "huge-rank", "float-rank", "short", "long",
        "notice", "list", "bool-for-a-code", "huge-code", "text-for-a-code", "number-for-a-date",
        "number-among-ids"])
def test_an_entry_of_the_wrong_shape_is_a_miss(cache_home: Path, write_dataset: Any, parse_calls: list[Path],
                                               change: Any) -> None:
    path = write_dataset()
    expected = load_dataset(path)
    forge(cache_home, path, change)
    assert cache.load(path, path.read_bytes()) is None
    assert load_dataset(path) == expected
    assert len(parse_calls) == 2  # parsed afresh, then rewritten
    assert cache.load(path, path.read_bytes()) is not None


def test_a_forged_entry_through_the_cli_is_a_normal_answer(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset()
    load_dataset(path)
    forge(cache_home, path, first_record_with("all_partners", Partner, "name", None))
    result = run_cli("list", "--json", "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert all(isinstance(partner["name"], str) for partner in json.loads(result.stdout))


def test_a_hit_decodes_the_sources_at_their_first_read(cache_home: Path, write_dataset: Any) -> None:
    from thirdneighbor.data.record import Deferred, stored_value

    path = write_dataset()
    fresh = load_dataset(path)
    hit = load_dataset(path)
    assert type(stored_value(hit, "all_sources")) is Deferred  # `list` never pays for them
    assert hit.all_sources == fresh.all_sources and len(hit.all_sources) > 100
    assert type(stored_value(hit, "all_sources")) is tuple  # made once, then kept
    api = with_methods(load_dataset(path))
    assert type(stored_value(api, "all_sources")) is Deferred  # the API's copy does not decode them either
    assert api == fresh


def damaged_sources(notices: list[Any], body: list[Any]) -> tuple[Any, Any]:
    """A change for `forge`: the sources' own marshal data holds a source of the wrong shape."""
    import marshal

    where = [info.name for info in cache.record_fields(cache.Dataset)].index("all_sources")
    sources = list(marshal.loads(body[where]))
    sources[0] = (None,) * len(sources[0])
    body[where] = marshal.dumps(tuple(sources), 2)
    return notices, tuple(body)


def test_sources_of_the_wrong_shape_found_late_give_way_to_a_fresh_parse(
        cache_home: Path, write_dataset: Any, parse_calls: list[Path]) -> None:
    path = write_dataset()
    expected = load_dataset(path)
    forge(cache_home, path, damaged_sources)
    hit = load_dataset(path)
    assert len(parse_calls) == 1  # the shape of the rest was right: a hit, so far
    assert hit.all_sources == expected.all_sources  # the late decode failed: parsed afresh
    assert len(parse_calls) == 2
    later = load_dataset(path)  # and the entry was rewritten whole
    assert later.all_sources == expected.all_sources and len(parse_calls) == 2
    forge(cache_home, path, damaged_sources)
    found = cache.load(path, path.read_bytes())  # without a way to parse afresh...
    assert found is not None
    with pytest.raises(cache._WrongShape):  # ...the damage is not hidden
        found[0].all_sources


def test_damaged_sources_through_the_cli_are_a_normal_answer(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset()
    expected = run_cli("cite", "--sources", "--data", str(path))
    forge(cache_home, path, damaged_sources)
    result = run_cli("cite", "--sources", "--data", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, expected.stdout, "")


@pytest.mark.parametrize("kind", ["fifo", "link to a fifo", "dangling link", "directory"])
def test_an_entry_that_is_not_a_regular_file_is_ignored_and_never_blocks(cache_home: Path, write_dataset: Any,
                                                                         tmp_path: Path, kind: str) -> None:
    path = write_dataset()
    expected = load_dataset(path)
    entry = entry_of(cache_home)
    entry.unlink()
    elsewhere = tmp_path / "elsewhere"
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "link to a fifo":
        os.mkfifo(elsewhere)
        entry.symlink_to(elsewhere)
    elif kind == "dangling link":
        entry.symlink_to(elsewhere)
    else:
        entry.mkdir()
    done = subprocess.run([sys.executable, "-m", "thirdneighbor", "list", "--json", "--data", str(path)],
                          env={"PATH": os.environ.get("PATH", ""), "XDG_CACHE_HOME": str(cache_home)},
                          capture_output=True, timeout=30, check=False)
    assert (done.returncode, done.stderr) == (0, b"")
    assert len(json.loads(done.stdout)) == len(with_methods(expected).partners())
    if kind == "directory":
        assert entry.is_dir()  # not ours to remove; the cache does without
    else:
        assert entry.is_file() and not entry.is_symlink()  # replaced by a real entry
    if kind == "link to a fifo":
        import stat

        assert stat.S_ISFIFO(os.lstat(elsewhere).st_mode)  # what the link pointed to is untouched
    if kind == "dangling link":
        assert not elsewhere.exists()


def test_an_unreadable_entry_is_replaced_with_normal_permissions(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset()
    expected = load_dataset(path)
    entry = entry_of(cache_home)
    entry.write_bytes(b"damaged")
    entry.chmod(0)
    assert load_dataset(path) == expected
    import stat

    assert stat.S_IMODE(entry.stat().st_mode) & 0o600 == 0o600
    assert cache.load(path, path.read_bytes()) is not None


def test_old_entries_are_pruned(cache_home: Path, write_dataset: Any) -> None:
    paths = [write_dataset(name=f"data-{number}.toml") for number in range(cache.MAX_ENTRIES + 8)]
    for number, path in enumerate(paths):
        load_dataset(path)
        entry = cache.entry_path(path)
        assert entry is not None
        os.utime(entry, (1_000_000 + number, 1_000_000 + number))  # written in this order, a second apart
    kept = entries(cache_home)
    assert len(kept) == cache.MAX_ENTRIES
    assert {cache.entry_path(path).name for path in paths[-cache.MAX_ENTRIES + 1:]} <= set(kept)  # type: ignore[union-attr]
    assert cache.entry_path(paths[0]).name not in kept  # type: ignore[union-attr]


def test_a_stale_temporary_file_is_pruned(cache_home: Path, write_dataset: Any) -> None:
    folder = cache_home / "thirdneighbor"
    folder.mkdir(parents=True)
    stale, fresh = folder / ".thirdneighbor-killed.tmp", folder / ".thirdneighbor-writing.tmp"
    stale.write_bytes(b"left by a killed process")
    fresh.write_bytes(b"another process is writing this")
    os.utime(stale, (1_000_000, 1_000_000))
    load_dataset(write_dataset())
    assert not stale.exists() and fresh.exists()


@pytest.mark.parametrize("home", ["", "relative/home", "."])
def test_a_home_that_is_not_absolute_means_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    write_dataset: Any, home: str) -> None:
    path = write_dataset()
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", home)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert cache.cache_dir() is None
    result = run_cli("list", "--json", "--data", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert list(work.iterdir()) == [] and not Path("/.cache/thirdneighbor", cache.entry_path(path) or "x").exists()
    info = json.loads(run_cli("info", "--json", "--data", str(path)).stdout)
    assert info["cache"] == {"enabled": False, "path": None, "hit": False}


def mutations() -> Any:
    from hypothesis import strategies as st

    return st.lists(st.tuples(st.sampled_from(["flip", "delete", "insert", "truncate"]),
                              st.integers(min_value=0), st.integers(min_value=0, max_value=255)),
                    min_size=1, max_size=4)


def test_fuzzing_a_real_entry_byte_by_byte_gives_a_normal_answer(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import time
    import tracemalloc

    from hypothesis import HealthCheck, given, settings

    from .conftest import BUNDLED

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fuzz-cache"))
    raw = BUNDLED.read_bytes()
    expected = load_dataset(BUNDLED)
    entry = cache.entry_path(BUNDLED)
    assert entry is not None and entry.is_file()
    good = entry.read_bytes()

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(mutations())
    def check(changes: list[tuple[str, int, int]]) -> None:
        data = bytearray(good)
        for kind, where, byte in changes:
            if not data:
                break
            where %= len(data)
            if kind == "flip":
                data[where] ^= byte or 1
            elif kind == "delete":
                del data[where]
            elif kind == "insert":
                data.insert(where, byte)
            else:
                del data[where:]
        entry.write_bytes(bytes(data))
        tracemalloc.start()
        started = time.perf_counter()
        try:
            found = cache.load(BUNDLED, raw)
            elapsed = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        # A miss, or (for a change that cancels out) the same data; never an
        # exception, and never the time or memory of a runaway decode.
        assert found is None or found[0] == expected
        assert elapsed < 1.0 and peak < 32 * 1024 * 1024
        assert load_dataset(BUNDLED) == expected

    check()


@pytest.mark.parametrize("mode", [0o664, 0o646], ids=["group-writable", "world-writable"])
def test_an_entry_others_may_write_is_not_trusted(cache_home: Path, write_dataset: Any, parse_calls: list[Path],
                                                  mode: int) -> None:
    path = write_dataset()
    expected = load_dataset(path)
    entry = entry_of(cache_home)
    assert stat_mode(entry) == 0o644  # as the tool writes them, whatever the umask
    entry.chmod(mode)
    assert cache.load(path, path.read_bytes()) is None
    assert load_dataset(path) == expected and len(parse_calls) == 2
    assert stat_mode(entry) == 0o644  # rewritten as the tool's own


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_an_entry_another_user_owns_is_not_trusted(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset()
    load_dataset(path)
    entry = entry_of(cache_home)
    os.chown(entry, 4242, -1)
    assert cache.load(path, path.read_bytes()) is None
    load_dataset(path)
    assert entry.stat().st_uid == 0 and cache.load(path, path.read_bytes()) is not None


def stat_mode(path: Path) -> int:
    import stat

    return stat.S_IMODE(path.stat().st_mode)


def test_pruning_removes_only_entries(cache_home: Path, write_dataset: Any) -> None:
    folder = cache_home / "thirdneighbor"
    folder.mkdir(parents=True)
    keep = [folder / "thesis.marshal", folder / "notes.txt", folder / ("0" * 31 + ".marshal")]
    for number, other in enumerate(keep):
        other.write_bytes(b"not a cache entry")
        os.utime(other, (1_000 + number, 1_000 + number))  # older than every entry
    for number in range(cache.MAX_ENTRIES + 2):
        load_dataset(write_dataset(name=f"data-{number}.toml"))
    assert all(other.exists() for other in keep)
    assert len([p for p in folder.iterdir() if cache._is_entry_name(p.name)]) == cache.MAX_ENTRIES
