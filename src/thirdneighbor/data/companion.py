"""Files kept beside a dataset's cache entry, derived from the same dataset: a
search's index of the records' folded texts (thirdneighbor.query.search_index).

- Named after the entry (`<entry's name>-<kind>.marshal`), so the cache's folder
  holds one per dataset file and kind.
- Stamped with the entry's fingerprint (the dataset's bytes, the tool, the
  Python), the kind, and the version of what derives it: a changed dataset,
  tool or derivation never reads an old one.
- Checked as an entry is, before a byte of it is used (cache._checked_payload:
  the user's own regular file, its stamp, length and digest), and written
  atomically; one that fails a check is a miss, and is rewritten.
- A companion whose entry is gone (pruned, or never written) is removed when
  a companion is next written, so the folder stays bounded as the cache is.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import cache

def stamp(fingerprint: bytes, kind: str, version: str) -> bytes:
    """What a companion must match: its entry's fingerprint, its kind and version."""
    return cache.blake2b(fingerprint + f"\0{kind}\0{version}".encode(), digest_size=cache._DIGEST).digest()


def path(dataset_file: Path, kind: str) -> Path | None:
    entry = cache.entry_path(dataset_file)
    return None if entry is None else entry.with_name(f"{entry.stem}-{kind}{cache._SUFFIX}")


def read(dataset_file: Path, content_size: int, kind: str, stamped: bytes) -> bytes | None:
    """The companion's payload, if it is there, whole and for this stamp."""
    found = path(dataset_file, kind)
    if found is None:
        return None
    try:
        return cache._checked_payload(found, stamped, content_size)  # at most 16 times the dataset
    except OSError:
        return None


def write(dataset_file: Path, kind: str, stamped: bytes, payload: bytes) -> None:
    """Save a companion; one that cannot be written is skipped, not an error."""
    target = path(dataset_file, kind)
    if target is None:
        return
    try:
        cache.write_file(target, stamped, payload)
        _prune(target.parent, kind)
    except Exception:  # noqa: BLE001 - e.g. a read-only home: search without an index
        return


def _prune(folder: Path, kind: str) -> None:
    """Remove the companions of this kind whose entry is gone."""
    ending = f"-{kind}{cache._SUFFIX}"
    with os.scandir(folder) as found:
        names = {item.name for item in found}
    for name in names:
        if name.endswith(ending) and f"{name[:-len(ending)]}{cache._SUFFIX}" not in names:
            try:
                os.unlink(folder / name)
            except OSError:  # another process removed it first
                pass
