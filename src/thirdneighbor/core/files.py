"""Writing files so that nothing is ever left half-written, and nothing is
replaced that the user did not ask for.

The data goes to a temporary file in the target's own directory and takes the
target's name only once it is complete and flushed to disk. A failure at any
point before that (an error, Ctrl-C, SIGTERM, SIGHUP) removes the temporary
file and leaves an existing target as it was; SIGTERM or SIGHUP after it stops
the run once the write is over, and the new file stays whole.

What may be written (`check_target`):

- A new name, or an existing regular file with `--force`.
- A symbolic link counts as existing. With `--force` the link itself is
  replaced by the new file; the file it pointed to is left alone.
- A directory, a device, a FIFO or a socket is never replaced: refused with
  exit 2, and a hint to write to stdout with `-` and redirect it. (Turning
  /dev/null into a regular file, as root, is the failure this prevents.) A
  symbolic link to one of those is refused the same way.
- A name that is empty, or whose last part is empty, "." or ".." ("out/",
  "out/."), is refused: it names no file. (Path("keep.toml/.") would quietly
  be keep.toml.)
- The target's directory must exist and be writable, and a command's outputs
  are all checked before the first is written (thirdneighbor.cli.boundary).

Without `--force` the name is claimed atomically (`os.link` of the finished
temporary file, which fails if the name exists), so of several processes
writing the same new name at once exactly one succeeds; the others are refused.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import CannotWriteError, Terminated, UsageError
from .safe import shown

# Whatever the target's name, the temporary name fits in one directory entry
# (255 bytes): a name derived from the target's would not, for a long one.
TEMPORARY_PREFIX = ".thirdneighbor-"
TEMPORARY_SUFFIX = ".tmp"

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def check_suffix(path: str | os.PathLike[str], suffixes: tuple[str, ...], what: str) -> None:
    """A file name whose extension says another format is a mistake to stop, not
    to write: SVG in `chart.png` opens nowhere. No extension at all is fine."""
    suffix = Path(path).suffix.lower()
    if suffix and suffix not in suffixes:
        raise UsageError(f"{shown(path)}: {what} writes {suffixes[0][1:].upper()}, not {suffix[1:].upper()}; "
                         f"give the file a {suffixes[0]} name")


def not_a_file(mode: int) -> str | None:
    """What a file of this mode is, if it is not a regular file."""
    return next((kind for is_kind, kind in _KINDS if is_kind(mode)), None)


def check_target(path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """The target as a Path, if it may be written (see the module's rules).
    Raises UsageError (exit 2) for a target that is not to be written, and
    CannotWriteError (exit 4) where it cannot be: its directory is missing or
    not writable, or the system will not even say what is there."""
    text = os.fspath(path)
    if not text:
        raise UsageError("the output file name is empty; give a file name, or - for stdout")
    if os.path.basename(text) in ("", ".", ".."):  # "out/", "out/.": a directory, which Path would quietly drop
        raise UsageError(f"{shown(text)} names a directory; give a file name")
    target = Path(text)
    found = existing(target)
    if found is None:
        return target
    kind = not_a_file(found.st_mode)
    if kind is None and stat.S_ISLNK(found.st_mode):
        try:
            kind = not_a_file(os.stat(target).st_mode)
        except OSError:  # a dangling link, or a loop: nothing at its end to protect
            kind = None
        kind = kind and f"a symbolic link to {kind}"
    if kind:
        raise UsageError(f"{shown(target)} is {kind}, not a regular file; to write there, use - and redirect stdout")
    if not force:
        link = " (a symbolic link: --force replaces the link, not the file it points to)" \
            if stat.S_ISLNK(found.st_mode) else ""
        raise UsageError(f"{shown(target)} exists already{link}; add --force to replace it")
    directory = check_directory(target)
    if directory.st_mode & stat.S_ISVTX and os.geteuid() not in (0, directory.st_uid, found.st_uid):
        # A sticky directory (/tmp) lets only a file's owner replace it.
        raise CannotWriteError(f"cannot write {shown(target)}: {os.strerror(errno.EPERM)}")
    return target


def existing(target: Path) -> os.stat_result | None:
    """What is at the target now (not following a link), or None where nothing
    is, once its directory is known to take a new entry."""
    try:
        return os.lstat(target)
    except FileNotFoundError:
        check_directory(target)
        return None
    except OSError as error:  # a directory of mode 000 on the way, a name too long, a file used as a directory
        raise CannotWriteError(f"cannot write {shown(target)}: {error.strerror or error}") from None


def check_directory(target: Path) -> os.stat_result:
    """The target's directory must exist and take a new file (the temporary one),
    so that a command with two outputs finds out before it writes the first."""
    directory = target.parent
    try:
        found = os.stat(directory)
    except OSError as error:
        raise CannotWriteError(f"cannot write {shown(target)}: {error.strerror or error}") from None
    if not stat.S_ISDIR(found.st_mode):
        raise CannotWriteError(f"cannot write {shown(target)}: {os.strerror(errno.ENOTDIR)}")
    if not os.access(directory, os.W_OK | os.X_OK):  # also False on a read-only file system, even for root
        raise CannotWriteError(f"cannot write {shown(target)}: {os.strerror(errno.EACCES)}")
    return found


def write_atomically(path: str | os.PathLike[str], data: bytes, *, force: bool = False,
                     durable: bool = True, mode: int | None = None) -> Path:
    """Write `data` to `path` in one step. Refuses to replace a file unless `force`.

    `durable=False` skips the fsync: the rename is still all-or-nothing for other
    processes, but a power cut may lose the file. Right for a cache, not for exports.
    `mode` sets the file's permissions; by default a replaced regular file keeps
    its own, and a new one gets 0666 less the umask. (The cache sets 0644: an
    entry of mode 000 is not to stay unreadable.)
    """
    target = check_target(path, force=force)
    directory = target.parent if str(target.parent) else Path(".")
    temporary = stream = None
    with SignalsEndTheWrite() as signals:
        try:
            with signals.held():  # a signal now would leave a file whose name is not known yet
                handle, temporary = _temporary_file(directory)
                stream = os.fdopen(handle, "wb")
            with stream:
                stream.write(data)
                stream.flush()
                if durable:
                    os.fsync(stream.fileno())
            os.chmod(temporary, _mode_for(target) if mode is None else mode)
            with signals.held():  # the file is complete once it has its name: a signal now stops after
                if force:
                    os.replace(temporary, target)
                else:
                    _claim(temporary, target)
                signals.done()
        except BaseException as error:
            with signals.held():  # a second signal must not cut the cleaning up short
                _discard(stream, temporary)
            if isinstance(error, OSError):
                raise CannotWriteError(f"cannot write {shown(target)}: {error.strerror or error}") from None
            raise
    return target


def _discard(stream: object, temporary: str | None) -> None:
    """Close and remove the temporary file of a write that did not finish."""
    try:
        if stream is not None:
            stream.close()  # type: ignore[attr-defined]
    except OSError:  # what it still held could not be flushed: it is being thrown away
        pass
    if temporary is not None:
        Path(temporary).unlink(missing_ok=True)


def _temporary_file(directory: Path) -> tuple[int, str]:
    import tempfile  # only a write needs it

    return tempfile.mkstemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=directory)


def _mode_for(target: Path) -> int:
    """A replaced regular file's permissions, or a new file's (0666 less the
    umask) rather than mkstemp's private 0600."""
    try:
        found = os.lstat(target)
        if stat.S_ISREG(found.st_mode):
            return found.st_mode & 0o7777
    except FileNotFoundError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _claim(temporary: str, target: Path) -> None:
    """Give the finished file the target's name only if no file has it: a hard
    link fails if the name exists, which a check before a rename cannot promise."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise UsageError(f"{shown(target)} exists already; add --force to replace it") from None
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        # A file system without hard links: claim the name with an exclusive
        # create, then rename the whole file over the empty claim.
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise UsageError(f"{shown(target)} exists already; add --force to replace it") from None
        try:
            os.replace(temporary, target)
        except BaseException:
            target.unlink(missing_ok=True)  # our own empty claim, not a user's file
            raise
        return
    os.unlink(temporary)


# What link() says on a file system that has no hard links (some network and
# FUSE file systems, FAT).
_NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK}


class SignalsEndTheWrite:
    """While a file is being written, SIGTERM and SIGHUP raise Terminated, as
    SIGINT raises KeyboardInterrupt, so that the temporary file is removed before
    the process ends (the boundary exits 128 + the signal's number). Once the
    file has its name (`done`), a signal no longer interrupts: it is raised when
    the write is over, and the complete file stays."""

    _NUMBERS = (signal.SIGTERM, signal.SIGHUP)

    def __init__(self) -> None:
        self._previous: dict[int, object] = {}
        self._finished = False
        self._stopping = False
        self._pending: int | None = None

    def __enter__(self) -> SignalsEndTheWrite:
        try:
            for number in self._NUMBERS:
                if signal.getsignal(number) is not signal.SIG_IGN:  # nohup's SIGHUP stays ignored
                    self._previous[number] = signal.signal(number, self._arrived)
        except ValueError:  # not the main thread: signals stay as they were
            pass
        return self

    def _arrived(self, signum: int, frame: object) -> None:
        # One Terminated only: a second signal (SIGHUP, then SIGTERM) is noted,
        # not raised into the cleaning up of the first.
        if self._finished or self._stopping:
            self._pending = self._pending or signum
            return
        self._stopping = True
        raise Terminated(signum)

    def done(self) -> None:
        self._finished = True

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the signals (Ctrl-C's too) back for a step that must not be cut
        in two; they arrive, if any came, as soon as it is over. The signal mask
        is then what it was: one blocked by whoever started the tool stays so."""
        if not self._previous or not hasattr(signal, "pthread_sigmask"):
            yield
            return
        before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, *self._previous})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, before)

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        with self.held():  # a signal while the handlers are put back goes to the handler it finds after
            for number, handler in self._previous.items():
                signal.signal(number, handler)  # type: ignore[arg-type]
        if self._pending is not None and error is None:
            raise Terminated(self._pending)
