"""Writing files so that nothing is ever left half-written.

The data goes to a temporary file in the target's own directory and is renamed
over the target only once it is complete and flushed to disk. A failure at any
point removes the temporary file and leaves an existing target as it was.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import CannotWriteError, UsageError


def check_suffix(path: str | os.PathLike[str], suffixes: tuple[str, ...], what: str) -> None:
    """A file name whose extension says another format is a mistake to stop, not
    to write: SVG in `chart.png` opens nowhere. No extension at all is fine."""
    suffix = Path(path).suffix.lower()
    if suffix and suffix not in suffixes:
        raise UsageError(f"{path}: {what} writes {suffixes[0][1:].upper()}, not {suffix[1:].upper()}; "
                         f"give the file a {suffixes[0]} name")


def check_target(path: str | os.PathLike[str], *, force: bool = False) -> Path:
    """The target as a Path, if it may be written: not a directory, and not an
    existing file unless `force`. Raises UsageError otherwise."""
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{target} is a directory")
    if target.exists() and not force:
        raise UsageError(f"{target} exists already; add --force to replace it")
    return target


def write_atomically(path: str | os.PathLike[str], data: bytes, *, force: bool = False,
                     durable: bool = True) -> Path:
    """Write `data` to `path` in one step. Refuses to replace a file unless `force`.

    `durable=False` skips the fsync: the rename is still all-or-nothing for other
    processes, but a power cut may lose the file. Right for a cache, not for exports.
    """
    target = check_target(path, force=force)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise CannotWriteError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
        if target.exists():
            # Keep the replaced file's permissions rather than mkstemp's private 0600.
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise CannotWriteError(f"cannot write {target}: {error.strerror or error}") from None
        raise
    return target
