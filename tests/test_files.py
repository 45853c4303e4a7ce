"""Atomic file writing: all or nothing, never a truncated file, never a stray temp file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from thirdneighbor.errors import CannotWriteError, ExitCode, UsageError
from thirdneighbor.core.files import write_atomically


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

                def close(self) -> None:
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


# --- never replace what isn't ours (issue 14, group 1) ---------------------------------

def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    for force in (False, True):
        with pytest.raises(UsageError, match=r"pipe.svg is a FIFO \(named pipe\), not a regular file; "
                                             r"to write there, use - and redirect stdout"):
            write_atomically(fifo, b"x", force=force)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s.sock"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(UsageError, match="is a socket, not a regular file"):
            write_atomically(path, b"x", force=True)
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_a_device_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No real device node: lstat is told to report one (as /dev/null would), and
    # the test checks that nothing is written in its place.
    target = tmp_path / "null"
    target.write_bytes(b"stands in for a device")
    real_lstat = os.lstat

    def device_lstat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        found = real_lstat(path, *args, **kwargs)  # type: ignore[arg-type]
        if Path(path) == target:  # type: ignore[arg-type]
            return os.stat_result((stat.S_IFCHR | 0o666, *found[1:]))
        return found

    monkeypatch.setattr(os, "lstat", device_lstat)
    with pytest.raises(UsageError, match="null is a character device, not a regular file"):
        write_atomically(target, b"new", force=True)
    monkeypatch.undo()
    assert target.read_bytes() == b"stands in for a device"
    assert leftovers(tmp_path) == []


def test_a_link_to_a_fifo_is_refused_even_with_force(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    link = tmp_path / "out.svg"
    link.symlink_to(tmp_path / "pipe")
    with pytest.raises(UsageError, match="out.svg is a symbolic link to a FIFO"):
        write_atomically(link, b"x", force=True)
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(link).st_mode)


@pytest.mark.parametrize("kind", ["dangling", "loop"])
def test_a_symlink_counts_as_existing(tmp_path: Path, kind: str) -> None:
    link = tmp_path / "out.csv"
    if kind == "dangling":
        link.symlink_to(tmp_path / "nowhere.csv")
    else:
        link.symlink_to(tmp_path / "other.csv")
        (tmp_path / "other.csv").symlink_to(link)
    with pytest.raises(UsageError, match=r"out.csv exists already \(a symbolic link"):
        write_atomically(link, b"new")
    assert link.is_symlink()
    assert not (tmp_path / "nowhere.csv").exists()
    write_atomically(link, b"new", force=True)
    assert not link.is_symlink() and link.read_bytes() == b"new"
    assert not (tmp_path / "nowhere.csv").exists()


def test_force_replaces_a_link_and_not_the_file_it_points_to(tmp_path: Path) -> None:
    precious = tmp_path / "precious.csv"
    precious.write_bytes(b"keep me")
    link = tmp_path / "out.csv"
    link.symlink_to(precious)
    write_atomically(link, b"new", force=True)
    assert precious.read_bytes() == b"keep me"
    assert not link.is_symlink() and link.read_bytes() == b"new"


def test_of_writers_racing_for_a_new_name_exactly_one_wins(tmp_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    target = tmp_path / "same.toml"

    def write(number: int) -> str:
        try:
            write_atomically(target, f"writer {number}\n".encode())
            return "wrote"
        except UsageError as error:
            assert "exists already" in error.message
            return "refused"

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = list(pool.map(write, range(40)))
    assert outcomes.count("wrote") == 1
    assert target.read_bytes().startswith(b"writer ")
    assert leftovers(tmp_path) == []


def test_without_hard_links_the_name_is_still_claimed_exclusively(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*args: object) -> None:
        raise OSError(1, "Operation not permitted")  # EPERM: what FAT or some network file systems say

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "out.txt"
    write_atomically(target, b"first")
    assert target.read_bytes() == b"first"
    with pytest.raises(UsageError, match="exists already"):
        write_atomically(target, b"second")
    assert target.read_bytes() == b"first"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["", "newdir/", "newdir/.", "keep.toml/.", "keep.toml/..", ".", ".."])
def test_a_name_that_names_no_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    # Path("keep.toml/.") is Path("keep.toml"): the name is checked as typed.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "keep.toml").write_bytes(b"precious")
    with pytest.raises(UsageError, match="empty|names a directory; give a file name"):
        write_atomically(name, b"x", force=True)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.toml"]
    assert (tmp_path / "keep.toml").read_bytes() == b"precious"


def test_a_directory_that_will_not_take_the_file_is_found_before_writing(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from thirdneighbor.core.files import check_target

    (tmp_path / "plain").write_bytes(b"a file, not a directory")
    with pytest.raises(CannotWriteError, match="cannot write .*plain/out.svg: Not a directory"):
        check_target(tmp_path / "plain" / "out.svg")
    with pytest.raises(CannotWriteError, match="cannot write .*missing/out.svg: No such file or directory"):
        check_target(tmp_path / "missing" / "out.svg")
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # read-only, as even root meets it
    with pytest.raises(CannotWriteError, match="cannot write .*out.svg: Permission denied"):
        check_target(tmp_path / "out.svg")


@pytest.mark.parametrize("name", ["a\nb.svg", "\udcff.svg", "tab\there.svg"])
def test_a_name_with_a_line_break_or_undecodable_bytes_is_shown_quoted(tmp_path: Path, name: str) -> None:
    from thirdneighbor.core.safe import shown

    target = tmp_path / name
    (tmp_path / name).write_bytes(b"x") if "\udcff" not in name else open(os.fsencode(target), "wb").close()
    with pytest.raises(UsageError) as caught:
        write_atomically(target, b"new")
    assert "\n" not in caught.value.message and repr(str(target)) in caught.value.message
    assert shown("plain.svg") == "plain.svg"


def test_the_longest_file_name_can_be_written(tmp_path: Path) -> None:
    target = tmp_path / ("a" * 251 + ".csv")  # 255 bytes, the most a name may have
    write_atomically(target, b"x")
    assert target.read_bytes() == b"x"
    assert leftovers(tmp_path) == []


def test_a_name_too_long_is_a_write_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(CannotWriteError, match="File name too long"):
        write_atomically(tmp_path / ("a" * 256), b"x")


def test_a_path_the_system_will_not_look_into_is_a_write_error(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # A directory of mode 000 on the way: simulated, as root may look anywhere.
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "lstat", refuse)
    with pytest.raises(CannotWriteError, match="cannot write .*out.csv: Permission denied"):
        write_atomically(tmp_path / "locked" / "out.csv", b"x")


def test_a_replaced_file_can_be_given_permissions_of_its_own(tmp_path: Path) -> None:
    target = tmp_path / "entry"
    target.write_bytes(b"old")
    target.chmod(0)
    write_atomically(target, b"new", force=True, mode=0o644)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_sighup_during_a_write_remove_the_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     signal_name: str) -> None:
    import signal

    from thirdneighbor.errors import Terminated

    number = getattr(signal, signal_name)
    before = signal.getsignal(number)

    def signalled(fd: int) -> None:
        os.kill(os.getpid(), number)  # delivered at once, to this (the main) thread

    monkeypatch.setattr(os, "fsync", signalled)
    with pytest.raises(Terminated) as caught:
        write_atomically(tmp_path / "out.svg", b"x")
    assert caught.value.exit_code == 128 + number
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(number) == before  # the handler is the write's alone


@pytest.mark.parametrize("force", [False, True])
def test_a_signal_once_the_file_has_its_name_stops_after_and_keeps_it(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      force: bool) -> None:
    import signal

    from thirdneighbor.errors import Terminated

    target = tmp_path / "out.svg"
    if force:
        target.write_bytes(b"old")
    name = "replace" if force else "link"
    real = getattr(os, name)

    def then_signalled(*args: object) -> None:
        real(*args)
        os.kill(os.getpid(), signal.SIGTERM)  # held until the step is over

    monkeypatch.setattr(os, name, then_signalled)
    with pytest.raises(Terminated) as caught:
        write_atomically(target, b"complete", force=force)
    monkeypatch.undo()
    assert caught.value.exit_code == 143
    assert target.read_bytes() == b"complete"  # the process stops, as asked, with the file whole
    assert leftovers(tmp_path) == []


def test_two_signals_at_once_still_leave_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # systemd's SendSIGHUP sends SIGHUP and SIGTERM together: the second must
    # not be raised into the cleaning up after the first.
    import signal

    from thirdneighbor.errors import Terminated

    def both(fd: int) -> None:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGHUP})
        os.kill(os.getpid(), signal.SIGHUP)
        os.kill(os.getpid(), signal.SIGTERM)
        signal.pthread_sigmask(signal.SIG_SETMASK, before)  # both arrive here, one after the other

    monkeypatch.setattr(os, "fsync", both)
    with pytest.raises(Terminated):
        write_atomically(tmp_path / "out.svg", b"x")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signal_name", ["SIGHUP", "SIGTERM", "SIGINT"])
def test_a_signal_while_the_temporary_file_is_made_leaves_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               signal_name: str) -> None:
    import signal
    import tempfile

    from thirdneighbor.errors import Terminated

    real = tempfile.mkstemp

    def signalled(*args: object, **kwargs: object) -> tuple[int, str]:
        made = real(*args, **kwargs)  # type: ignore[arg-type]
        os.kill(os.getpid(), getattr(signal, signal_name))  # after the file exists, before its name is known
        return made

    monkeypatch.setattr(tempfile, "mkstemp", signalled)
    with pytest.raises(KeyboardInterrupt if signal_name == "SIGINT" else Terminated):
        write_atomically(tmp_path / "out.svg", b"x")
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_signal_blocked_by_whoever_started_the_tool_stays_blocked(tmp_path: Path) -> None:
    import signal

    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    try:
        write_atomically(tmp_path / "out.svg", b"x")
        assert signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
    assert (tmp_path / "out.svg").read_bytes() == b"x"


def test_a_name_taken_during_the_write_is_shown_quoted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a\nthirdneighbor: wrote b.toml"
    real = os.fsync

    def taken_meanwhile(fd: int) -> None:
        real(fd)
        target.write_bytes(b"another process was quicker")

    monkeypatch.setattr(os, "fsync", taken_meanwhile)
    with pytest.raises(UsageError) as caught:
        write_atomically(target, b"x")
    assert "\n" not in caught.value.message and caught.value.message.startswith(repr(str(target)))


def test_another_users_file_in_a_sticky_directory_is_found_before_writing(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from thirdneighbor.core.files import check_target

    sticky = tmp_path / "shared"
    sticky.mkdir()
    sticky.chmod(0o1777)
    theirs = sticky / "b.html"
    theirs.write_bytes(b"someone else's")
    monkeypatch.setattr(os, "geteuid", lambda: 4242)  # neither root, nor the owner of the file or the directory
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: True)
    with pytest.raises(CannotWriteError, match="cannot write .*b.html: Operation not permitted"):
        check_target(theirs, force=True)
    assert check_target(sticky / "new.html") == sticky / "new.html"  # a new name is anyone's
