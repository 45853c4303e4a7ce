"""A directory of files written as one whole (thirdneighbor.directories): never
half-written, and never in place of something the user did not ask to replace."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thirdneighbor.core import directories
from thirdneighbor.core.directories import write_directory
from thirdneighbor.errors import CannotWriteError, UsageError

FILES = {"tiers.csv": b"id\r\nstrategic\r\n", "partners.csv": b"id\r\njapan\r\n", "datapackage.json": b"{}\n"}


def contents(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in directory.iterdir()}


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.name.startswith(".thirdneighbor-"))


def test_a_new_directory(tmp_path: Path) -> None:
    assert write_directory(tmp_path / "out", FILES) == tmp_path / "out"
    assert contents(tmp_path / "out") == FILES
    assert leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o777 & ~umask
    assert (tmp_path / "out" / "tiers.csv").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_trailing_slash_and_an_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert write_directory(f"{tmp_path / 'empty'}/", FILES) == tmp_path / "empty"
    assert contents(tmp_path / "empty") == FILES


def test_a_directory_that_is_not_empty_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "out"
    write_directory(target, FILES)
    with pytest.raises(UsageError, match="out exists already and is not empty; add --force to replace an earlier "
                                         "export there, or give a new name"):
        write_directory(target, {"tiers.csv": b"new"})
    assert contents(target) == FILES
    write_directory(target, {"tiers.csv": b"new"}, force=True)
    assert contents(target) == {"tiers.csv": b"new"}  # the earlier export is replaced whole, not merged
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("foreign", ["notes.txt", ".hidden.csv", "sub"])
def test_force_replaces_only_an_earlier_export(tmp_path: Path, foreign: str) -> None:
    target = tmp_path / "home"
    write_directory(target, FILES)
    (target / foreign).mkdir() if foreign == "sub" else (target / foreign).write_bytes(b"keep me")
    with pytest.raises(UsageError, match=f"home holds {foreign}, which no export writes; --force replaces only a "
                                         "directory of an earlier export"):
        write_directory(target, FILES, force=True)
    assert sorted(path.name for path in target.iterdir()) == sorted([*FILES, foreign])


def test_a_file_with_the_name_is_refused_even_with_force(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"precious")
    for force in (False, True):
        with pytest.raises(UsageError, match="out.csv is a file, not a directory; this export writes a directory"):
            write_directory(target, FILES, force=force)
    assert target.read_bytes() == b"precious"
    assert leftovers(tmp_path) == []


def test_a_fifo_and_a_link_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(UsageError, match="pipe is a FIFO \\(named pipe\\), not a directory"):
        write_directory(fifo, FILES, force=True)
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    with pytest.raises(UsageError, match="link is a symbolic link; give the directory itself, or a new name"):
        write_directory(tmp_path / "link", FILES, force=True)
    assert list((tmp_path / "real").iterdir()) == []


@pytest.mark.parametrize("name", ["", ".", "..", "out/.", "/"])
def test_a_name_that_names_no_new_directory(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError):
        write_directory(name, FILES, force=True)


def test_an_unwritable_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(CannotWriteError, match="cannot write .*missing/out: No such file or directory"):
        write_directory(tmp_path / "missing" / "out", FILES)
    if Path("/sys/kernel").is_dir():  # a place that refuses a new directory, even to root
        with pytest.raises(CannotWriteError, match="cannot write /sys/kernel/thirdneighbor-out"):
            write_directory("/sys/kernel/thirdneighbor-out", FILES)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # read-only, as even root meets it
    with pytest.raises(CannotWriteError, match="cannot write .*out: Permission denied"):
        write_directory(tmp_path / "out", FILES)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("stop", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_a_write_cut_short_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          stop: BaseException) -> None:
    real = directories._write_file
    written: list[str] = []

    def fail_on_the_second(path: str, data: bytes) -> None:
        if written:
            raise stop
        written.append(path)
        real(path, data)

    monkeypatch.setattr(directories, "_write_file", fail_on_the_second)
    expected = KeyboardInterrupt if stop is KeyboardInterrupt else CannotWriteError
    with pytest.raises(expected):
        write_directory(tmp_path / "out", FILES)
    assert list(tmp_path.iterdir()) == []


def test_a_replacement_that_fails_leaves_the_earlier_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out"
    write_directory(target, FILES)
    real = os.rename
    refused: list[str] = []

    def refuse_the_new_one(source: str, destination: str) -> None:
        if Path(destination) == target and not refused:  # the new export; the old one may come back
            refused.append(source)
            raise OSError(5, "Input/output error")
        real(source, destination)

    monkeypatch.setattr(os, "rename", refuse_the_new_one)
    with pytest.raises(CannotWriteError, match="cannot write .*out: Input/output error"):
        write_directory(target, {"tiers.csv": b"new"}, force=True)
    monkeypatch.undo()
    assert contents(target) == FILES
    assert leftovers(tmp_path) == []
