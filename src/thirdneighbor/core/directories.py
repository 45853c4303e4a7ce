"""Writing a directory of files as one whole (`export --format csv` and
`datapackage`), so that a directory half-written is never left, and nothing is
replaced that the user did not ask for.

The files go to a temporary directory beside the target (`.thirdneighbor-*.tmp`)
and it takes the target's name once every file is complete and flushed to
disk. A failure before that (an error, Ctrl-C, SIGTERM, SIGHUP) removes the
temporary directory and leaves the target as it was, as thirdneighbor.core.files
does for one file.

What may be written (`check_directory_target`):

- A new name, or an empty directory.
- A directory that is not empty only with `--force`, and only if it holds
  nothing but what an export writes (regular files named `*.csv` and
  `datapackage.json`): `--force` replaces an earlier export, never a directory
  of other things (`-o ~ --force` is refused, not a home directory emptied).
- A regular file, a symbolic link, a device, a FIFO or a socket is never
  replaced: refused with exit 2.
- The name "" or a name whose last part is "." or ".." is refused; a trailing
  "/" is allowed ("out/" is the directory out).
- The target's parent must exist and be writable (else exit 4).

With `--force` the old directory is first renamed aside, the new one takes its
name, and the old one's export files are then removed; should the second rename
fail, the old directory gets its name back.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import CannotWriteError, UsageError
from .files import TEMPORARY_PREFIX, TEMPORARY_SUFFIX, SignalsEndTheWrite, check_directory, existing, not_a_file
from .safe import shown

# The names an export writes: what --force may replace.
EXPORT_SUFFIXES = (".csv",)
EXPORT_NAMES = ("datapackage.json",)


def _is_export_file(name: str) -> bool:
    return name in EXPORT_NAMES or (name.endswith(EXPORT_SUFFIXES) and not name.startswith("."))


def check_directory_target(path: str | os.PathLike[str], *, force: bool = False) -> tuple[Path, bool]:
    """The target as a Path, and whether a directory of an earlier export is
    there to replace, if it may be written (see the module's rules). Raises
    UsageError (exit 2) for a target not to be written, CannotWriteError
    (exit 4) where it cannot be."""
    text = os.fspath(path)
    if not text:
        raise UsageError("the output directory name is empty; give a directory name")
    stripped = text.rstrip("/") or "/"
    if os.path.basename(stripped) in ("", ".", ".."):
        raise UsageError(f"{shown(text)} names no new directory; give a directory name such as policy-data")
    target = Path(stripped)
    found = existing(target)
    if found is None:
        return target, False
    if stat.S_ISLNK(found.st_mode):
        raise UsageError(f"{shown(target)} is a symbolic link; give the directory itself, or a new name")
    if not stat.S_ISDIR(found.st_mode):
        kind = not_a_file(found.st_mode) or "a file"
        raise UsageError(f"{shown(target)} is {kind}, not a directory; this export writes a directory of files: "
                         "give a new name")
    try:
        names = sorted(os.listdir(target))
    except OSError as error:
        raise CannotWriteError(f"cannot write {shown(target)}: {error.strerror or error}") from None
    check_directory(target)
    if not names:
        return target, False
    if not force:
        raise UsageError(f"{shown(target)} exists already and is not empty; add --force to replace an earlier "
                         "export there, or give a new name")
    for name in names:
        if not _is_export_file(name) or not stat.S_ISREG(os.lstat(target / name).st_mode):
            raise UsageError(f"{shown(target)} holds {shown(name)}, which no export writes; --force replaces only "
                             "a directory of an earlier export: give a new or empty directory")
    return target, True


def write_directory(path: str | os.PathLike[str], files: dict[str, bytes], *, force: bool = False) -> Path:
    """Write `files` ({name: contents}) as the directory `path`, in one step."""
    target, replacing = check_directory_target(path, force=force)
    parent = target.parent
    temporary: str | None = None
    with SignalsEndTheWrite() as signals:
        try:
            with signals.held():  # a signal now would leave a directory whose name is not known yet
                temporary = _temporary_directory(parent)
            for name, data in files.items():
                _write_file(os.path.join(temporary, name), data)
            # An earlier export's permissions, or 0777 less the umask (not mkdtemp's private 0700).
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode) if replacing else _directory_mode())
            _sync(temporary)
            with signals.held():  # complete once it has its name: a signal now stops after
                if replacing:
                    _replace(temporary, target)
                else:
                    _claim(temporary, target)
                temporary = None
                signals.done()
            _sync(parent)
        except BaseException as error:
            with signals.held():
                if temporary is not None:
                    _remove_export(temporary)
            if isinstance(error, OSError):
                raise CannotWriteError(f"cannot write {shown(target)}: {error.strerror or error}") from None
            raise
    return target


def _temporary_directory(parent: Path) -> str:
    import tempfile  # only a write needs it

    return tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=parent)


def _directory_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


def _write_file(path: str, data: bytes) -> None:
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    with os.fdopen(handle, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _sync(directory: str | Path) -> None:
    """Flush a directory's entries to disk, where the system allows it."""
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:  # some file systems cannot sync a directory: the files themselves are synced
        pass
    finally:
        os.close(handle)


def _claim(temporary: str, target: Path) -> None:
    """Give the finished directory the target's name, where no directory of
    that name holds anything (rename replaces only an empty one)."""
    try:
        os.rename(temporary, target)
    except OSError as error:
        if error.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
            raise UsageError(f"{shown(target)} exists already and is not empty; add --force to replace an "
                             "earlier export there, or give a new name") from None
        raise


def _replace(temporary: str, target: Path) -> None:
    """Put the finished directory in place of an earlier export's."""
    aside = _temporary_directory(target.parent)
    os.rename(target, aside)  # over the empty directory just made: the old export, whole, under a hidden name
    try:
        os.rename(temporary, target)
    except BaseException:
        os.rename(aside, target)
        raise
    _remove_export(aside)


def _remove_export(directory: str) -> None:
    """Remove a directory of export files: only those, so that a file put there
    meanwhile by someone else is never deleted (the directory then stays)."""
    try:
        for name in os.listdir(directory):
            if _is_export_file(name):
                os.unlink(os.path.join(directory, name))
        os.rmdir(directory)
    except OSError:
        pass
