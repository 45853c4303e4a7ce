"""Full-text search over every partner and event.

The rule, as the README states it:

- Text is compared folded (thirdneighbor.core.fold): case and accents, and every
  combining mark, are ignored, and "-", "_" and dashes count as spaces, so
  "khurelsukh" finds "Khürelsükh" and "trade-act" finds "Trade Act".
  Zero-width and bidirectional controls are dropped from the query and the
  data alike, by the rule that cleans output.
- The query is split into terms: each word is a term, and a "quoted phrase" is
  one term; an apostrophe inside a word is a letter ("Italy's"), and a quote
  left open is an error. A term typed twice counts once. At most
  MAX_QUERY_LENGTH characters and MAX_TERMS different terms.
  A record matches when every term occurs in it (in any of its
  fields). A term matches where a word starts: "khurel" finds "Khürelsükh",
  "act" does not find "contact".
- Score: each term counts the weight of the best field it occurs in (name 4;
  designation, occasion, instrument, leaders, event titles and the people
  an event names 2; notes,
  earlier tiers, sources (their addresses, titles and publishers) and evidence
  (the sources' words quoted for a value) 1). Best score first; on a tie,
  partners before events, then oldest first.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import UsageError, quoted
from ..core.fold import fold, folded
from ..data.model import Event, Partner, Person, Source, Tier

if TYPE_CHECKING:
    from .search_index import SearchIndex

EXCERPT_WIDTH = 70  # characters of context shown around the first match in a field
# The most a query may hold, so that its cost stays that of the data it searches:
# characters as typed (the arguments and the spaces between them), and terms
# once repeated ones are collapsed.
MAX_QUERY_LENGTH = 1000
MAX_TERMS = 32

# Between the texts of a record searched as one: an ASCII character (the fold's
# fast path) that folds to itself, neither a letter nor a space, so that no
# term's pattern matches across it unless the term holds one (and the texts,
# searched one by one then, say so).
_SEPARATOR = "|"


class _Answer:
    """Equality and repr by the slots, for the plain classes below: a
    NamedTuple class costs about a million instructions to create, at the
    start-up of every search."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self.__slots__, self._values()))
        return f"{type(self).__name__}({shown})"


class Match(_Answer):
    """One field of a record that holds a term: an excerpt of it, and where in
    the excerpt each term occurs, as (start, end) offsets."""

    __slots__ = ("field", "excerpt", "marks")

    def __init__(self, field: str, excerpt: str, marks: tuple[tuple[int, int], ...]) -> None:
        self.field, self.excerpt, self.marks = field, excerpt, marks


class Hit(_Answer):
    """A record that matches every term: its `kind` ("partner" or "event"), `id`
    (a partner's id; an event's date and title), `title`, `date`, `score` and
    `matches`."""

    __slots__ = ("kind", "id", "title", "date", "score", "matches")

    def __init__(self, kind: str, id: str, title: str, date: str | None, score: int,  # noqa: A002
                 matches: tuple[Match, ...]) -> None:
        self.kind, self.id, self.title, self.date, self.score, self.matches = kind, id, title, date, score, matches


def _phrases(word: str, number: int, count: int) -> list[str]:
    """One argument's terms, before folding: an argument without a double quote
    is one term (a phrase, if it has spaces); in one with quotes, each quoted
    part is a phrase and each word outside them a term."""
    if '"' not in word:
        return [word]
    pieces = word.split('"')
    if len(pieces) % 2 == 0:  # an odd number of quotes: the last one opens a phrase that never closes
        where = f" of argument {number}" if count > 1 else ""
        raise UsageError(f"unbalanced quote in {quoted(word)}: the \" at character {word.rfind(chr(34)) + 1}"
                         f"{where} opens a phrase that is never closed; add the closing \", or drop it")
    terms: list[str] = []
    for index, piece in enumerate(pieces):
        terms += [piece] if index % 2 else piece.split()
    return terms


def parse_query(words: Sequence[str]) -> list[str]:
    """The folded terms of a query, given as the shell's arguments, each term
    once, in the order typed (the rule is in the README): each word is a term,
    and so is a phrase (an argument with spaces, which the user quoted, or a
    "quoted phrase" inside one argument). An apostrophe inside a term is a
    letter ("Italy's"), at its edges it is dropped; only the double quote
    makes a phrase."""
    # The output cleaning rule, a character at a time (no pattern to compile
    # at start-up): zero-width and bidi controls go, a line break is a space.
    from ..core.safe import cleaned_character

    if isinstance(words, str) or not all(isinstance(word, str) for word in words):
        raise TypeError("a query is a sequence of str, one per word or phrase")
    cleaned = [word if word.isascii() and word.isprintable() else "".join(map(cleaned_character, word))
               for word in words]
    length = sum(map(len, cleaned)) + max(len(cleaned) - 1, 0)
    if length > MAX_QUERY_LENGTH:
        raise UsageError(f"the query is {length:,} characters long; the most is {MAX_QUERY_LENGTH:,}; "
                         "search for fewer or shorter words")
    terms: dict[str, None] = {}  # a dict keeps the first of repeated terms, in order
    for number, word in enumerate(cleaned, 1):
        for phrase in _phrases(word, number, len(cleaned)):
            # Apostrophes at a term's edges are quotation marks, not letters ("'state visit'").
            term = " ".join(fold(phrase).split()).strip("'").strip()
            if term:
                terms[term] = None
    if not terms:
        raise UsageError('give a word or a "quoted phrase" to search for')
    if len(terms) > MAX_TERMS:
        raise UsageError(f"the query has {len(terms)} different terms; the most is {MAX_TERMS}; "
                         "search for fewer words")
    return list(terms)


class _Term:
    """One folded term, matched where a word starts: the regular expression
    (?<!\\w)word1\\s+word2..., found faster. The first word is looked for with
    str.find (a C scan; a pattern that starts with a look-behind makes the
    regular expression engine try every position), the character before it
    checked by hand (\\w is str.isalnum() or "_", as in `re`), and the rest
    of a phrase matched from there."""

    __slots__ = ("first", "rest")

    def __init__(self, term: str) -> None:
        words = term.split()
        self.first = words[0]
        # Inside a phrase, any run of spaces is one space.
        self.rest = re.compile("".join(r"\s+" + re.escape(word) for word in words[1:])) if len(words) > 1 else None

    def spans(self, key: str) -> Iterator[tuple[int, int]]:
        """Where in `key` the term matches, left to right, without overlaps."""
        first, rest = self.first, self.rest
        at = key.find(first)
        while at != -1:
            end = at + len(first)
            if at == 0 or not (key[at - 1].isalnum() or key[at - 1] == "_"):
                if rest is None:
                    yield at, end
                    at = key.find(first, end)
                    continue
                more = rest.match(key, end)
                if more is not None:
                    yield at, more.end()
                    at = key.find(first, more.end())
                    continue
            at = key.find(first, at + 1)

    def found_in(self, key: str) -> bool:
        return self.first in key and next(self.spans(key), None) is not None


def _spans(text: str, key: str, terms: Sequence[_Term], even: bool | None) -> list[tuple[int, int]]:
    """Where in `text` (folded: `key`; `even`: whether it folds one for one,
    where that is known) the terms match, as offsets in the original, sorted,
    with overlapping matches (of "japan" and "japanese") made one."""
    key, origin = folded(text, key, even)  # the same folded text the record was matched on
    spans = sorted((origin[start], origin[end - 1] + 1) for term in terms for start, end in term.spans(key))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _excerpt(field: str, text: str, key: str, terms: Sequence[_Term], even: bool | None) -> Match:
    spans = _spans(text, key, terms, even)
    first, first_end = spans[0]
    start = max(0, first - EXCERPT_WIDTH // 3)
    end = min(len(text), max(start + EXCERPT_WIDTH, first_end))  # the whole first match, however long
    start = max(0, min(start, end - EXCERPT_WIDTH))
    # Whole words at the edges, with an ellipsis where the text goes on.
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", first_end, end)
        end = space if space != -1 else end
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    shift = len(prefix) - start
    marks = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Match(field, prefix + text[start:end] + suffix, marks)


def _hit(every: Sequence[tuple[str, int, str]], keys: Sequence[str], terms: list[_Term],
         uneven: Collection[int] | None = None) -> tuple[int, tuple[Match, ...]] | None:
    """A record's score and matches, or None if it lacks a term: `every` is its
    texts (field, weight, text), `keys` their folds, and `uneven`, where it is
    known, the places of the texts that do not fold one for one."""
    # Most records lack some term: one search of the whole record per term says so.
    whole = _SEPARATOR.join(keys)
    if not all(term.found_in(whole) for term in terms):
        return None
    # Where no text holds the separator, the separators before a match count
    # the texts before it (a count in C, from the match before: the spans come
    # left to right, so a record is scanned once per term).
    separated = whole.count(_SEPARATOR) == len(keys) - 1
    holding: dict[int, list[int]] = {}  # text -> the terms it holds
    for index, term in enumerate(terms):
        if not separated or _SEPARATOR in term.first or term.rest is not None and _SEPARATOR in term.rest.pattern:
            # A term that holds the separator could match across two texts in
            # `whole`, and so hide a match inside one, and a text that holds it
            # would be miscounted: each text is searched alone.
            texts = [text for text, key in enumerate(keys) if term.found_in(key)]
        else:
            texts = []
            text = scanned = 0
            for start, _ in term.spans(whole):
                text += whole.count(_SEPARATOR, scanned, start)
                scanned = start
                texts.append(text)
        for text in texts:
            found = holding.setdefault(text, [])
            if not found or found[-1] != index:
                found.append(index)
    best = [0] * len(terms)
    for text, held in holding.items():
        for index in held:
            best[index] = max(best[index], every[text][1])
    if not all(best):  # a term found only where the separator stood in the data's own text
        return None
    # An excerpt for each text that shows a term its field has not shown yet: a
    # person's five spellings, or a note repeating a word, are shown once.
    shown: dict[str, set[int]] = {}
    matches = []
    for text in sorted(holding):
        field, _, original = every[text]
        held = holding[text]
        if set(held) <= shown.setdefault(field, set()):
            continue
        shown[field].update(held)
        even = None if uneven is None else text not in uneven
        matches.append(_excerpt(field, original, keys[text], [terms[index] for index in held], even))
    return sum(best), tuple(matches)


def search(query: Sequence[str], *, partners: Sequence[Partner], events: Sequence[Event],
           people: Sequence[Person] = (), tiers: Sequence[Tier] = (), sources: Sequence[Source] = (),
           index: SearchIndex | None = None) -> list[Hit]:
    """The records among `partners` and `events` that hold every term of
    `query` (the words as typed), best first (the rule is in the module's docstring).
    With an `index` of their dataset (thirdneighbor.query.search_index), their
    texts and folds come from it, and `people`, `tiers` and `sources` are not read."""
    terms = [_Term(term) for term in parse_query(query)]
    records = (*partners, *events)
    if index is not None:
        texts, keys, uneven = index.texts_and_folds(records)
    else:
        from .search_texts import texts_and_folds

        texts, keys = texts_and_folds(partners, events, people, tiers, sources)
        uneven = [None] * len(records)
    hits = []
    for record, every, record_keys, record_uneven in zip(records, texts, keys, uneven):
        found = _hit(every, record_keys, terms, record_uneven)
        if found is None:
            pass
        elif isinstance(record, Partner):
            hits.append(Hit("partner", record.id, record.name, str(record.since) if record.since else None, *found))
        else:
            hits.append(Hit("event", f"{record.date} {record.title}", record.title, str(record.date), *found))
    order = {"partner": 0, "event": 1}
    return sorted(hits, key=lambda hit: (-hit.score, order[hit.kind], _date_key(hit.date), hit.title))


def _date_key(date: str | None) -> str:
    return date if date is not None else "9999"
