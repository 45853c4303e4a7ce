"""A cache of validated datasets, so that repeat runs on a large file skip the
TOML parse (about 2 s for 10 MB) and the validation.

- Where: $XDG_CACHE_HOME/thirdneighbor, or ~/.cache/thirdneighbor; one file per
  dataset path, named by a hash of the path. Either base must be an absolute
  path (HOME="" or a relative HOME would put the cache wherever the command
  runs), or there is no cache: every run parses, and nothing is written.
- Never stale: each entry's header records a digest of the dataset's bytes, the
  tool's version, the cache format, the Python version and the records' field
  names; an entry is used only when all five match.
- Checked before it is decoded: the header also gives the payload's length and
  BLAKE2b digest, both checked before `marshal.loads` sees a byte (a corrupt
  length field could otherwise ask marshal for gigabytes). The decoded values
  are then checked against the record classes' declared fields, so that an
  entry of the wrong shape is a miss, never a traceback.
- Only regular files are read: an entry that is a symbolic link, a FIFO or a
  device is ignored (opened with O_NOFOLLOW and O_NONBLOCK, so it cannot block
  or stream forever) and replaced at the next write.
- Whose entries are trusted: the user's own. An entry is read only if the user
  running the tool owns it and no one else may write it (the tool writes them
  0644), as ssh treats its keys. Its digest then guards against damage, not
  against the user: like the bytecode Python keeps in __pycache__, an entry the
  user has the rights to forge is taken as the tool's own. The checks here are
  of shape, not of the dataset's rules (a partner's tier must exist), which
  validation enforced before the tool wrote the entry.
- Safe to share: entries are written atomically (files.write_atomically), so a
  reader sees a whole entry or none, and two processes writing at once each
  write a whole, equally valid entry. A damaged or foreign entry is a miss, and
  is rewritten with normal permissions (an entry of mode 000 is not kept so).
- Bounded: after each write, only the MAX_ENTRIES most recently written entries
  are kept (temporary datasets would otherwise leave one entry each, forever).
- Every dataset is cached, the bundled one too: a hit costs about 1 ms, while
  importing the TOML parser and parsing even the bundled 60 KB file costs about 8,
  a large share of a start-up that is meant to sit on the framework's own.

The payload is `marshal` data of plain tuples, the fastest form Python can load
(about 40 ms for 10,000 partners, against 290 ms for the same data as dicts). Its
layout follows the record classes' declared fields (thirdneighbor.data.model), whose
names are part of the fingerprint. A deferrable field (a dataset's sources) is
marshal data of its own, inside the payload, decoded at its first read: most
commands never read it, and it was half of a hit (0.6 ms of about 2.1). Should
that late decode find the wrong shape, the file is parsed afresh and the entry
rewritten.
"""

from __future__ import annotations

import functools
import marshal
from collections import deque
from itertools import chain, repeat
import os
import stat
import sys
from pathlib import Path
from typing import Any, Callable

from ..core import __version__
from .model import Dataset, layout, record_fields
from .partialdate import PartialDate
from .record import Deferred, is_deferrable

FORMAT = 4  # 4: deferrable fields stored as marshal data of their own
MAX_ENTRIES = 32

try:
    # hashlib's own import loads OpenSSL (about 6 ms, at every start-up); the
    # blake2 module it would hand back is built into Python and loads in 0.5 ms.
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

# The header: magic and format, the fingerprint's digest, the payload's length
# (8 bytes, little-endian) and the payload's digest.
_MAGIC = b"TN-CACHE" + FORMAT.to_bytes(2, "little")
_DIGEST = 32
_HEADER = len(_MAGIC) + _DIGEST + 8 + _DIGEST
# An entry is about as large as its dataset; one many times larger is not ours.
_SIZE_FACTOR = 16
_SUFFIX = ".marshal"
_ENTRY_MODE = 0o644
_HEX = frozenset("0123456789abcdef")


def _is_entry_name(name: str) -> bool:
    """An entry's name: 32 hex digits and the suffix (entry_path). Pruning removes
    nothing else. (Not a regular expression: compiling one costs every start-up.)"""
    return len(name) == 32 + len(_SUFFIX) and name.endswith(_SUFFIX) and _HEX.issuperset(name[:32])


def cache_dir() -> Path | None:
    """The cache's folder, or None where no absolute base is known (no cache then)."""
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    if base and os.path.isabs(base):
        return Path(base) / "thirdneighbor"
    # $HOME, or the password database where HOME is unset. Not expanduser alone:
    # it turns HOME="" into "/".
    home = os.environ["HOME"] if "HOME" in os.environ else os.path.expanduser("~")
    return Path(home) / ".cache" / "thirdneighbor" if os.path.isabs(home) else None


def entry_path(dataset_file: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    name = blake2b(os.fsencode(os.path.abspath(dataset_file)), digest_size=16).hexdigest()
    return folder / f"{name}{_SUFFIX}"


def fingerprint(content: bytes) -> bytes:
    """What an entry must match, as one digest: the bytes, the tool, the format,
    the Python, and the records' field names."""
    facts = (__version__, FORMAT, sys.implementation.cache_tag or "", layout())
    return blake2b(blake2b(content, digest_size=_DIGEST).digest() + repr(facts).encode(),
                   digest_size=_DIGEST).digest()


def load(dataset_file: Path, content: bytes, remake: Callable[[], Dataset] | None = None,
         stamp: bytes | None = None) -> tuple[Dataset, list[str]] | None:
    """The cached Dataset for this file's current content, with the notices its
    validation gave, or None. Its deferrable fields are decoded at their first
    read; should that find a damaged value, `remake()` (the file parsed afresh)
    gives it instead."""
    path = entry_path(dataset_file)
    if path is None:
        return None
    try:
        payload = _checked_payload(path, stamp or fingerprint(content), len(content))
        if payload is None:
            return None
        notices, body = marshal.loads(payload)
        if type(notices) is not tuple or not all(type(notice) is str for notice in notices):
            return None
        _DATES.clear()  # the dates of this entry only: one decode, not a memory across entries
        dataset = _decode(Dataset, body)
        for index, name, nested in _deferred_fields():
            blob = getattr(dataset, name)  # bytes (the shape check said so), not a Deferred yet
            make = functools.partial(_decode_later, nested, blob, name, remake)
            _plan(Dataset)[0][index](dataset, Deferred(make))
        return dataset, list(notices)
    except Exception:  # noqa: BLE001 - any damaged, foreign or old entry is just a miss
        return None


def _checked_payload(path: Path, stamp: bytes, content_size: int) -> bytes | None:
    """The entry's payload, if the entry is a regular file whose header matches
    `stamp` and whose payload has the length and digest the header gives."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:  # no entry yet, a symbolic link, no permission
        return None
    with open(handle, "rb") as stream:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode) or found.st_size > _SIZE_FACTOR * content_size + _HEADER + 65536:
            return None
        if found.st_uid != os.geteuid() or found.st_mode & 0o022:  # not the user's alone
            return None
        header = stream.read(_HEADER)
        if len(header) != _HEADER or not header.startswith(_MAGIC):
            return None
        at = len(_MAGIC)
        if header[at:at + _DIGEST] != stamp:
            return None
        length = int.from_bytes(header[at + _DIGEST:at + _DIGEST + 8], "little")
        if length != found.st_size - _HEADER:
            return None
        payload = stream.read(length)
    if len(payload) != length or blake2b(payload, digest_size=_DIGEST).digest() != header[-_DIGEST:]:
        return None
    return payload


def store(dataset_file: Path, content: bytes, dataset: Dataset, notices: list[str],
          stamp: bytes | None = None) -> None:
    """Save an entry; a cache that cannot be written is skipped, not an error."""
    path = entry_path(dataset_file)
    if path is None:
        return
    try:
        from .cache_encode import encode

        # Version 2 has no back-references: written three times faster than the
        # default version 4, read as fast, at about 20% more bytes.
        payload = marshal.dumps((tuple(notices), encode(dataset)), 2)
        write_file(path, stamp or fingerprint(content), payload)
        _prune(path.parent)
    except Exception:  # noqa: BLE001 - e.g. a read-only home: run without a cache
        return


def write_file(path: Path, stamp: bytes, payload: bytes) -> None:
    """Write a file of the cache (an entry, or a companion's): its header, then the payload, at once."""
    from ..core.files import write_atomically

    path.parent.mkdir(parents=True, exist_ok=True)
    header = _MAGIC + stamp + len(payload).to_bytes(8, "little") + blake2b(payload, digest_size=_DIGEST).digest()
    _clear_foreign(path)
    write_atomically(path, header + payload, force=True, durable=False, mode=_ENTRY_MODE)


def _clear_foreign(path: Path) -> None:
    """Remove what sits at an entry's name but is no entry (a symbolic link, a
    FIFO): the cache's folder is ours, and write_atomically replaces only files."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(found.st_mode) and not stat.S_ISDIR(found.st_mode):
        os.unlink(path)  # the link itself, never what it points to


def _prune(folder: Path) -> None:
    """Keep the MAX_ENTRIES most recently written entries; remove the rest, and
    temporary files that a killed process (SIGKILL) left over an hour ago."""
    import time

    entries = []
    an_hour_ago = time.time() - 3600
    with os.scandir(folder) as found:
        for item in found:
            try:
                info = item.stat(follow_symlinks=False)
            except OSError:
                continue
            if _is_entry_name(item.name):
                entries.append((info.st_mtime, item.path))
            elif item.name.startswith(".thirdneighbor-") and item.name.endswith(".tmp") \
                    and info.st_mtime < an_hour_ago:
                _remove(item.path)
    entries.sort(reverse=True)
    for _, old in entries[MAX_ENTRIES:]:
        _remove(old)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:  # another process pruned it first
        pass


# A record is stored as the tuple of its field values in declaration order, with
# dates as their text and nested records as tuples of the same kind
# (thirdneighbor.data.cache_encode, which only a run that writes an entry imports).


@functools.cache
def _deferred_fields() -> tuple[tuple[int, str, type], ...]:  # (index, name, their items' record class)
    return tuple((index, info.name, info.record) for index, info in enumerate(record_fields(Dataset))
                 if is_deferrable(Dataset, info.name))


def _decode_later(nested: type, blob: bytes, name: str, remake: Callable[[], Dataset] | None) -> tuple[Any, ...]:
    """A deferrable field's records, at its first read; should the entry hold
    the wrong shape there, the field as a fresh parse gives it."""
    try:
        return _decode_all(nested, marshal.loads(blob))
    except Exception:  # noqa: BLE001 - a damaged or forged entry: a miss, found late
        if remake is None:
            raise
        return getattr(remake(), name)


# The numbers of a dataset (a schema version, a tier's rank) are small; a huge
# one would pass isinstance and fail later, in a writer that refuses it.
_INT_BOUND = 2 ** 31


class _WrongShape(Exception):
    """A decoded entry whose values do not fit the record classes: a miss."""


def _decode(cls: type, values: tuple[Any, ...]) -> Any:
    setters, types, texts, numbers, conversions = _plan(cls)
    # Checked in C (map, isinstance) rather than value by value: this runs for
    # every record of every cached run.
    if type(values) is not tuple or len(values) != len(setters) or not all(map(isinstance, values, types)):
        raise _WrongShape(cls.__name__)
    for index in texts:
        "".join(values[index])  # a TypeError unless every item is text
    for index in numbers:  # isinstance let True pass for a number, and any size
        if values[index] is None and type(None) in types[index]:
            continue
        if type(values[index]) is not int or not -_INT_BOUND < values[index] < _INT_BOUND:
            raise _WrongShape(cls.__name__)
    if conversions:
        values = list(values)  # type: ignore[assignment]
        for index, convert in conversions:
            values[index] = convert(values[index])  # type: ignore[index]
    # Every field is given (the length was checked), so each slot is set directly,
    # as the generated __init__ would set it: a third of its cost, for every
    # record of every cached run (measured: 1.7 µs against 4.8 µs a record).
    made = _new(cls)
    for setter, value in zip(setters, values):
        setter(made, value)
    return made


_new = object.__new__

# From how many records a list is decoded a field at a time (_decode_all).
_BY_COLUMN = 8


def _decode_all(cls: type, items: Any) -> tuple[Any, ...]:
    """A list of records of one class, with the checks of _decode. A long list
    goes a field at a time, each field's values in one pass of C (zip, map,
    isinstance, the slots' setters) rather than a loop of Python per record:
    the bundled data's 295 sources decode in about 0.4 ms against 0.65. A
    short one (a partner's two claims) goes record by record, which costs less
    there."""
    if type(items) is not tuple:
        raise _WrongShape(cls.__name__)
    if len(items) < _BY_COLUMN:
        # A list comprehension, not a generator: the generator's frames cost a fifth more.
        return tuple([_decode(cls, item) for item in items])
    setters, types, texts, numbers, conversions = _plan(cls)
    width = len(setters)
    if not all([type(item) is tuple and len(item) == width for item in items]):
        raise _WrongShape(cls.__name__)
    columns: list[Any] = list(zip(*items))
    if not all([all(map(isinstance, column, repeat(allowed))) for column, allowed in zip(columns, types)]):
        raise _WrongShape(cls.__name__)
    for index in texts:
        "".join(chain.from_iterable(columns[index]))  # a TypeError unless every item is text
    for index in numbers:  # isinstance let True pass for a number, and any size
        optional = type(None) in types[index]
        if not all([value is None and optional or type(value) is int and -_INT_BOUND < value < _INT_BOUND
                    for value in columns[index]]):
            raise _WrongShape(cls.__name__)
    for index, convert in conversions:
        columns[index] = list(map(convert, columns[index]))
    made = list(map(_new, repeat(cls, len(items))))
    for setter, column in zip(setters, columns):
        deque(map(setter, made, column), maxlen=0)  # each slot set, as _decode sets them
    return tuple(made)


_PLANS: dict[type, Any] = {}
# What each kind of field is stored as (a date as its text); a text or date
# field that may be missing holds None too.
_STORED_AS: dict[str, tuple[type, ...]] = {
    "text": (str,), "texts": (tuple,), "bool": (bool,), "int": (int,),
    "date": (str,), "table": (tuple,), "tables": (tuple,),
}


def _plan(cls: type) -> tuple[tuple[Any, ...], tuple[tuple[type, ...], ...], tuple[int, ...], tuple[int, ...],
                              tuple[tuple[int, Any], ...]]:
    """A class's slot setters (in field order), the types its stored values must
    have, which of them are tuples of text, which are numbers, and how to turn
    each stored value that is not stored as itself back into what the class holds."""
    plan = _PLANS.get(cls)
    if plan is None:
        infos = record_fields(cls)
        types = tuple(_STORED_AS[info.kind] + ((type(None),) if info.kind in ("text", "date", "int", "table")
                                               and info.default is None and not info.required else ())
                      for info in infos)
        texts = tuple(index for index, info in enumerate(infos) if info.kind == "texts")
        numbers = tuple(index for index, info in enumerate(infos) if info.kind == "int")
        conversions = []
        for index, info in enumerate(infos):
            if is_deferrable(cls, info.name):
                types = (*types[:index], (bytes,), *types[index + 1:])  # decoded later (load)
            elif info.kind == "date":
                conversions.append((index, _parse_date))
            elif info.kind == "table":
                conversions.append((index, lambda value, nested=info.record:
                                    None if value is None else _decode(nested, value)))
            elif info.kind == "tables":
                conversions.append((index, lambda value, nested=info.record: _decode_all(nested, value)))
        setters = tuple(getattr(cls, info.name).__set__ for info in infos)  # the slots' own descriptors
        plan = _PLANS[cls] = (setters, types, texts, numbers, tuple(conversions))
    return plan


def _parse_date(value: str | None) -> PartialDate | None:
    # Within one entry, a date parsed once is reused for the same text:
    # PartialDate is frozen, and records share dates (an event and its claims).
    if value is None:
        return None
    date = _DATES.get(value)
    if date is None:
        date = _DATES[value] = PartialDate.parse(value)
    return date


_DATES: dict[str, PartialDate] = {}
