"""A cache of validated datasets, so that repeat runs on a large file skip the
TOML parse (about 2 s for 10 MB) and the validation.

- Where: $XDG_CACHE_HOME/thirdneighbor (or ~/.cache/thirdneighbor), one file per
  dataset path, named by a hash of the path.
- Never stale: each entry records the BLAKE2b hash of the dataset's bytes, the tool's
  version, the cache format, the Python version and the records' field names; an
  entry is used only when all five match.
- Safe: entries are written atomically (files.write_atomically), so a reader sees
  a whole entry or none, and two processes writing at once each write a whole,
  equally valid entry. A damaged or foreign entry is ignored and rewritten.
- Every dataset is cached, the bundled one too: a hit costs about 1 ms, while
  importing the TOML parser and parsing even the bundled 32 KB file costs about 8,
  a large share of a start-up that is meant to sit on the framework's own.

The entry is `marshal` data of plain tuples, the fastest form Python can load
(about 40 ms for 10,000 partners, against 290 ms for the same data as dicts). Its
layout follows the record classes' declared fields (thirdneighbor.model), whose
names are part of the fingerprint.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

from . import __version__
from .model import Dataset, layout, record_fields
from .partialdate import PartialDate

FORMAT = 2

try:
    # hashlib's own import loads OpenSSL (about 6 ms, at every start-up); the
    # blake2 module it would hand back is built into Python and loads in 0.5 ms.
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b
_MAGIC = "thirdneighbor-cache"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "thirdneighbor"


def entry_path(dataset_file: Path) -> Path:
    name = blake2b(os.fsencode(os.path.abspath(dataset_file)), digest_size=16).hexdigest()
    return cache_dir() / f"{name}.marshal"


def fingerprint(content: bytes) -> tuple[Any, ...]:
    """What an entry must match: the bytes, the tool, the format, the Python, and
    the records' field names."""
    return (blake2b(content, digest_size=32).hexdigest(), __version__, FORMAT,
            sys.implementation.cache_tag or "", layout())


def load(dataset_file: Path, content: bytes) -> tuple[Dataset, list[str]] | None:
    """The cached Dataset for this file's current content, with the notices its
    validation gave, or None."""
    try:
        payload = marshal.loads(entry_path(dataset_file).read_bytes())
        magic, stamp, notices, body = payload
        if magic != _MAGIC or stamp != fingerprint(content):
            return None
        return _decode(Dataset, body), list(notices)
    except Exception:  # noqa: BLE001 - any damaged, foreign or old entry is just a miss
        return None


def store(dataset_file: Path, content: bytes, dataset: Dataset, notices: list[str]) -> None:
    """Save an entry; a cache that cannot be written is skipped, not an error."""
    from .files import write_atomically

    try:
        cache_dir().mkdir(parents=True, exist_ok=True)
        # Version 2 has no back-references: written three times faster than the
        # default version 4, read as fast, at about 20% more bytes.
        data = marshal.dumps((_MAGIC, fingerprint(content), tuple(notices), _encode(dataset)), 2)
        write_atomically(entry_path(dataset_file), data, force=True, durable=False)
    except Exception:  # noqa: BLE001 - e.g. a read-only home: run without a cache
        return


# A record is stored as the tuple of its field values in declaration order, with
# dates as their text and nested records as tuples of the same kind.

def _encode(record: Any) -> tuple[Any, ...]:
    values = []
    for info in record_fields(type(record)):
        value = getattr(record, info.name)
        if info.kind == "date":
            value = None if value is None else str(value)
        elif info.kind == "table":
            value = _encode(value)
        elif info.kind == "tables":
            value = tuple(_encode(item) for item in value)
        values.append(value)
    return tuple(values)


def _decode(cls: type, values: tuple[Any, ...]) -> Any:
    names, conversions = _plan(cls)
    if conversions:
        values = list(values)  # type: ignore[assignment]
        for index, convert in conversions:
            values[index] = convert(values[index])  # type: ignore[index]
    return cls(**dict(zip(names, values)))


_PLANS: dict[type, tuple[tuple[str, ...], tuple[tuple[int, Any], ...]]] = {}


def _plan(cls: type) -> tuple[tuple[str, ...], tuple[tuple[int, Any], ...]]:
    """A class's attribute names, and how to turn each stored value that is not
    stored as itself back into what the class holds."""
    plan = _PLANS.get(cls)
    if plan is None:
        infos = record_fields(cls)
        conversions = []
        for index, info in enumerate(infos):
            if info.kind == "date":
                conversions.append((index, _parse_date))
            elif info.kind == "table":
                conversions.append((index, lambda value, nested=info.record: _decode(nested, value)))
            elif info.kind == "tables":
                conversions.append((index, lambda value, nested=info.record:
                                    tuple(_decode(nested, item) for item in value)))
        plan = _PLANS[cls] = (tuple(info.name for info in infos), tuple(conversions))
    return plan


def _parse_date(value: str | None) -> PartialDate | None:
    return None if value is None else PartialDate.parse(value)
