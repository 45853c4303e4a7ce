"""Atomic file writing: all or nothing, never a truncated file, never a stray temp file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from thirdneighbor.errors import CannotWriteError, ExitCode, UsageError
from thirdneighbor.files import write_atomically


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    assert write_atomically(target, b"data") == target
    assert target.read_bytes() == b"data"
    assert leftovers(tmp_path) == []


def test_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    target = write_atomically(tmp_path / "out.txt", b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    target.write_bytes(b"precious")
    with pytest.raises(UsageError, match="exists already; add --force to replace it") as caught:
        write_atomically(target, b"new")
    assert caught.value.exit_code == ExitCode.USAGE
    assert target.read_bytes() == b"precious"
    assert leftovers(tmp_path) == []


def test_force_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.toml"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomically(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_a_failure_halfway_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           failing: str) -> None:
    target = tmp_path / "out.toml"
    target.write_bytes(b"precious")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen

        def fdopen_failing_after_a_few_bytes(fd: int, mode: str) -> object:
            stream = real_fdopen(fd, mode)

            class HalfWriter:
                def __enter__(self) -> HalfWriter:
                    return self

                def __exit__(self, *exc: object) -> None:
                    stream.close()

                def write(self, data: bytes) -> None:
                    stream.write(data[:3])
                    stream.flush()
                    fail()

            return HalfWriter()

        monkeypatch.setattr(os, "fdopen", fdopen_failing_after_a_few_bytes)
    else:
        monkeypatch.setattr(os, failing, fail)
    with pytest.raises(CannotWriteError, match="cannot write .*out.toml: No space left on device") as caught:
        write_atomically(target, b"new content", force=True)
    monkeypatch.undo()
    assert caught.value.exit_code == ExitCode.CANNOT_WRITE
    assert target.read_bytes() == b"precious"
    assert leftovers(tmp_path) == []


def test_an_interrupt_halfway_leaves_no_temp_and_is_not_swallowed(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.toml"

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, b"new")
    monkeypatch.undo()
    assert not target.exists()
    assert leftovers(tmp_path) == []


def test_a_directory_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="is a directory"):
        write_atomically(tmp_path, b"x", force=True)


def test_a_missing_directory_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CannotWriteError, match="cannot write .*nowhere/out.toml: No such file or directory"):
        write_atomically(tmp_path / "nowhere" / "out.toml", b"x")
