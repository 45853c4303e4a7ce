"""A search's index of a dataset: every record's texts and their folds, worked
out once and kept beside the dataset's cache entry (data/companion.py; the
search command keeps it).

A search reads every text of every record, the sources' titles and the quotes
among them, and folds each one (core/fold.py); on the bundled data that was
most of its own work, and decoding the sources cost half as much again. From the
index, a cached search does neither: it reads one marshal payload, checked as
the cache's entries are, and gets each record's texts and folds by its place in
the dataset. An index that does not fit its dataset is a miss, made afresh.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..data.model import Dataset, Event, Partner

KIND = "search"
# What the index is derived by: bumped with a change to the texts a record
# gives (search_texts.record_texts) or to the fold. The modules' own files are part
# of the stamp too (version()), so an edited checkout never reads an old index.
VERSION = 2
_MODULES = ("search.py", "search_texts.py", "search_index.py", os.path.join("..", "core", "fold.py"),
            os.path.join("..", "core", "fold_table.py"), os.path.join("..", "data", "names.py"))


class NotIndexed(Exception):
    """A record the index does not hold: one not of the index's own dataset."""


class _Texts:
    """A record's texts as the search reads them, (field, weight, text) by
    position, made only for the few a search looks at (those holding a term)."""

    __slots__ = ("fields", "weights", "texts")

    def __init__(self, fields: tuple[str, ...], weights: tuple[int, ...], texts: tuple[str, ...]) -> None:
        self.fields, self.weights, self.texts = fields, weights, texts

    def __getitem__(self, position: int) -> tuple[str, int, str]:
        return self.fields[position], self.weights[position], self.texts[position]

    def __len__(self) -> int:
        return len(self.texts)


class SearchIndex:
    """Every record's texts and their folds, by the record's place in its
    dataset (partners, then events), and the places of the texts whose fold
    is not one character for one (few: "ß", "ﬁ"), so that marking a match in
    the original needs no fold table for the rest."""

    __slots__ = ("_places", "_texts", "_keys", "_uneven")

    def __init__(self, dataset: Dataset, texts: Sequence[Any], keys: Sequence[Sequence[str]],
                 uneven: Sequence[Sequence[int]]) -> None:
        self._places = {id(record): place for place, record in enumerate((*dataset.all_partners,
                                                                         *dataset.all_events))}
        self._texts, self._keys, self._uneven = texts, keys, uneven

    def texts_and_folds(self, records: Sequence[Partner | Event]) -> tuple[list[Any], list[Any], list[Any]]:
        """The texts, folds and uneven places of these records, each one of the dataset's own."""
        try:
            places = [self._places[id(record)] for record in records]
        except KeyError:
            raise NotIndexed("the index is of another dataset than these records") from None
        return ([self._texts[place] for place in places], [self._keys[place] for place in places],
                [self._uneven[place] for place in places])


def build(dataset: Dataset) -> tuple[SearchIndex, bytes]:
    """The dataset's index, and its payload to keep."""
    from ..core.fold import one_for_one
    from .search_texts import texts_and_folds

    texts, keys = texts_and_folds(dataset.all_partners, dataset.all_events, dataset.all_people, dataset.tiers,
                                  dataset.all_sources)
    uneven = [tuple(place for place, (_, _, text) in enumerate(every) if not text.isascii()
                    and not one_for_one(text)) for every in texts]
    # Each record's fields, weights, texts and folds, four tuples of the same
    # length, and its uneven places. Marshal's version 4 writes a string that
    # several records share once, and refers to it after: each distinct text
    # and fold is stored once, and the payload loads as what the search reads,
    # with nothing to rebuild.
    columns = tuple(tuple(tuple(item[column] for item in every) for every in texts) for column in range(3))
    payload = marshal.dumps((*columns, tuple(map(tuple, keys)), tuple(uneven)), 4)
    return SearchIndex(dataset, texts, keys, uneven), payload


def read(dataset: Dataset, payload: bytes) -> SearchIndex:
    """The index a payload holds, checked against its dataset; a ValueError where it does not fit."""
    try:
        fields, weights, texts, keys, uneven = loaded = marshal.loads(payload)
        # Checked in C where it can be: five tuples of a tuple a record, the
        # first four of the same lengths, holding text but for the weights and
        # the uneven places, which are numbers, the places within their record.
        if len(texts) != len(dataset.all_partners) + len(dataset.all_events) \
                or not all(type(column) is tuple and all(map(tuple.__instancecheck__, column)) for column in loaded) \
                or not list(map(len, fields)) == list(map(len, weights)) == list(map(len, texts)) \
                == list(map(len, keys)) or len(uneven) != len(texts):
            raise ValueError("an index of another shape")
        "".join(chain.from_iterable((*fields, *texts, *keys)))  # a TypeError unless every item is text
        if not all(map(int.__instancecheck__, chain.from_iterable((*weights, *uneven)))) \
                or not all(0 <= place < len(every) for places, every in zip(uneven, texts) for place in places):
            raise ValueError("an index of another shape")
    except (ValueError, TypeError, EOFError) as error:
        raise ValueError(f"not an index of this dataset: {error}") from None
    return SearchIndex(dataset, list(map(_Texts, fields, weights, texts)), keys, uneven)


def version() -> str:
    """What derives the index, for its stamp: VERSION and the modules' files."""
    here = os.path.dirname(__file__)
    stats = []
    for module in _MODULES:
        try:
            found = os.stat(os.path.join(here, module))
            stats.append(f"{found.st_size}:{found.st_mtime_ns}")
        except OSError:
            stats.append("-")
    return f"{VERSION}:{','.join(stats)}"
