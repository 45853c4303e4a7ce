"""Records as a cache entry stores them (thirdneighbor.data.cache): each record
the tuple of its field values in declaration order, with dates as their text,
nested records as tuples of the same kind, and a deferrable field's records as
marshal data of their own.

Only a run that writes an entry (a first run on a dataset) needs this module, so
the cache imports it there, and a cached run never does. A list of records is
encoded a field at a time, as the cache decodes it: each field's values read in
one pass of C (operator.attrgetter), the columns not stored as themselves
(dates, nested records) converted whole, and the columns zipped back into
records; a class with neither is read a record at a time. Record by record, the
10,000-partner benchmark's 162,009 records took 0.5 s to encode; so, 0.2 s
(in-process, the same run).
"""

from __future__ import annotations

import functools
import marshal
from collections.abc import Callable, Sequence
from itertools import chain, islice
from operator import attrgetter
from typing import Any

from .record import is_deferrable, record_fields

Column = Sequence[Any]


def encode(record: Any) -> tuple[Any, ...]:
    """One record as the cache stores it."""
    return _encode_all(type(record), (record,))[0]


def _encode_all(cls: type, records: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Records of one class (`cls`, whose fields they have), each as the cache stores it."""
    read, columns, conversions = _plan(cls)
    if not conversions or not records:
        return list(map(read, records))
    # A column per field, the few that need it converted, then one transpose back.
    values: list[Column] = [list(map(column, records)) for column in columns]
    for index, convert in conversions:
        values[index] = convert(values[index])
    return list(zip(*values))


_Plan = tuple[Callable[[Any], tuple[Any, ...]], tuple[Callable[[Any], Any], ...],
              tuple[tuple[int, Callable[[Column], Column]], ...]]


@functools.cache
def _plan(cls: type) -> _Plan:
    """How to read a record of `cls` as the tuple of its values, or one of its
    values at a time, and how to convert each column that is not stored as itself."""
    infos = record_fields(cls)
    names = [info.name for info in infos]
    # attrgetter of one name gives the value itself, not a tuple of one.
    read = attrgetter(*names) if len(names) > 1 else (lambda record: (getattr(record, names[0]),))
    conversions: list[tuple[int, Callable[[Column], Column]]] = []
    for index, info in enumerate(infos):
        if info.kind == "date":
            conversions.append((index, _dates))
        elif info.kind == "table":
            conversions.append((index, _tables))
        elif info.kind == "tables":
            conversions.append((index, functools.partial(_lists, info.record, is_deferrable(cls, info.name))))
    return read, tuple(map(attrgetter, names)), tuple(conversions)


def _dates(column: Column) -> list[str | None]:
    """Each date as its text. Records share dates (parse_text keeps one PartialDate
    per text), so each distinct one is written once: the 141,003 dates of the
    10,000-partner benchmark are 632 objects."""
    ids = list(map(id, column))  # the column holds every date, so no id is reused meanwhile
    texts = {key: None if date is None else str(date) for key, date in dict(zip(ids, column)).items()}
    return list(map(texts.__getitem__, ids))


def _tables(column: Column) -> list[tuple[Any, ...] | None]:
    """One nested record per value (the dataset's policy), or None."""
    return [None if value is None else encode(value) for value in column]


def _lists(nested: type, deferrable: bool, column: Column) -> list[Any]:
    """A tuple of nested records per value (a partner's history): all of the
    column's records encoded at once, then dealt back to their owners."""
    counts = list(map(len, column))
    encoded = iter(_encode_all(nested, list(chain.from_iterable(column))))
    values: list[Any] = [tuple(islice(encoded, count)) for count in counts]
    if deferrable:  # decoded at its first read (thirdneighbor.data.cache.load)
        values = [marshal.dumps(value, 2) for value in values]
    return values
