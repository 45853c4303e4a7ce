"""Full-text search over every partner and event.

The rule, as the README states it:

- Text is compared folded: case and accents are ignored, and "-", "_" and "–"
  count as spaces, so "khurelsukh" finds "Khürelsükh" and "trade-act" finds
  "Trade Act".
- The query is split into terms: each word is a term, and a "quoted phrase" is
  one term. A record matches when every term occurs in it (in any of its
  fields). A term matches where a word starts: "khurel" finds "Khürelsükh",
  "act" does not find "contact".
- Score: each term counts the weight of the best field it occurs in (name 4;
  designation, occasion, instrument, leaders, event titles and the people
  an event names 2; notes,
  earlier tiers and sources 1). Best score first; on a tie, partners before
  events, then oldest first.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..errors import UsageError
from ..model import Event, Partner, Person, Tier
from ..names import partner_keys

EXCERPT_WIDTH = 70  # characters of context shown around the first match in a field

# (field, weight, how to get its texts) for each kind of record
_PARTNER_FIELDS: tuple[tuple[str, int], ...] = (
    ("name", 4), ("designation", 2), ("occasion", 2), ("instrument", 2), ("leaders", 2),
    ("notes", 1), ("history", 1), ("sources", 1),
)
_EVENT_FIELDS: tuple[tuple[str, int], ...] = (("title", 2), ("people", 2), ("notes", 1), ("sources", 1))
_SPACES = str.maketrans({"-": " ", "_": " ", "–": " ", "—": " "})
_ASCII_FOLDED = [chr(code).lower().translate(_SPACES) for code in range(128)]


class Match(NamedTuple):
    """One field of a record that holds a term: an excerpt of it, and where in
    the excerpt each term occurs, as (start, end) offsets."""

    field: str
    excerpt: str
    marks: tuple[tuple[int, int], ...]


class Hit(NamedTuple):
    """A record that matches every term."""

    kind: str  # "partner" or "event"
    id: str  # a partner's id; an event's date and title
    title: str
    date: str | None
    score: int
    matches: tuple[Match, ...]


# The combining marks that decomposition (NFKD) splits off letters: dropping them
# is what makes "ü" match "u". One regex pass over a whole text is several times
# faster than testing each character with unicodedata.combining.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _plain(text: str) -> str:
    import unicodedata

    return _MARKS.sub("", unicodedata.normalize("NFKD", text)).casefold()


@functools.lru_cache(maxsize=None)  # people's names recur on every record that names them
def fold_text(text: str) -> str:
    """Text folded for matching: what `fold` gives, without the way back (cheaper)."""
    if text.isascii():
        return text.lower().translate(_SPACES)
    return _plain(text).translate(_SPACES)


def fold(text: str) -> tuple[str, list[int]]:
    """Text folded for matching, and for each folded character the index of the
    character it came from, so that a match can be marked in the original."""
    if text.isascii():
        return text.lower().translate(_SPACES), list(range(len(text)))
    folded: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char < "\x80":  # most characters even of a text with accents: one table look-up
            folded.append(_ASCII_FOLDED[ord(char)])
            origin.append(index)
            continue
        for out in _plain(char).translate(_SPACES):
            folded.append(out)
            origin.append(index)
    return "".join(folded), origin


def parse_query(words: Sequence[str]) -> list[str]:
    """The folded terms of a query, given as the shell's arguments: each word is
    a term, and so is a phrase (an argument with spaces, which the user quoted,
    or a "quoted phrase" inside one argument)."""
    parts: list[str] = []
    for word in words:
        if '"' in word:
            import shlex  # only for a quoted phrase inside one argument

            try:
                parts += shlex.split(word)
            except ValueError:  # an unbalanced quote: take the words as they are
                parts += word.replace('"', " ").split()
        else:
            parts.append(word)
    terms = [" ".join(fold_text(part).split()) for part in parts]
    terms = [term for term in terms if term]
    if not terms:
        raise UsageError('give a word or a "quoted phrase" to search for')
    return terms


def _starts(term: str) -> re.Pattern[str]:
    # A term matches where a word starts; inside it, any run of spaces is one space.
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())))


def _names(ids: Iterable[str], people: dict[str, Person]) -> list[str]:
    """What people ids stand for: each person's name, Cyrillic name and spellings
    (an id that is no person, in a file without people records, is a name already)."""
    names: list[str] = []
    for person_id in ids:
        person = people.get(person_id)
        names += [person.name, *([person.name_mn] if person.name_mn else []), *person.variants] if person else [person_id]
    return names


def _partner_texts(partner: Partner, people: dict[str, Person], tier_names: dict[str, list[str]]) -> dict[str, list[str]]:
    history = [text for entry in partner.history for text in (entry.designation, entry.occasion, entry.note) if text]
    history += _names((person_id for entry in partner.history for person_id in entry.people), people)
    return {
        "name": partner_keys(partner, with_codes=False)[1:],  # every name but the id, Mongolian ones too
        # The tier's own names count as designations: "Иж бүрэн түншлэл" finds a comprehensive partner.
        "designation": [text for text in (partner.designation, partner.designation_mn) if text]
        + tier_names.get(partner.tier or "", []),
        "occasion": [partner.occasion] if partner.occasion else [],
        "instrument": [partner.instrument] if partner.instrument else [],
        "leaders": _names(partner.leaders, people),
        "notes": list(partner.notes),
        "history": history,
        "sources": list(partner.sources),
    }


def _event_texts(event: Event, people: dict[str, Person]) -> dict[str, list[str]]:
    return {"title": [event.title], "people": _names(event.people, people), "notes": list(event.notes),
            "sources": list(event.sources)}


def _excerpt(text: str, patterns: Sequence[re.Pattern[str]]) -> Match | None:
    folded, origin = fold(text)
    spans = []
    for pattern in patterns:
        for found in pattern.finditer(folded):
            spans.append((origin[found.start()], origin[found.end() - 1] + 1))
    if not spans:
        return None
    spans.sort()
    first = spans[0][0]
    start = max(0, first - EXCERPT_WIDTH // 3)
    end = min(len(text), max(start + EXCERPT_WIDTH, spans[0][1]))  # the whole first match, however long
    start = max(0, min(start, end - EXCERPT_WIDTH))
    # Whole words at the edges, with an ellipsis where the text goes on.
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", spans[0][1], end)
        end = space if space != -1 else end
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    shift = len(prefix) - start
    marks = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Match("", prefix + text[start:end] + suffix, marks)


def _hit(kind: str, ident: str, title: str, date: str | None, texts: dict[str, list[str]],
         weights: Iterable[tuple[str, int]], patterns: list[re.Pattern[str]]) -> Hit | None:
    best = [0] * len(patterns)
    found: list[tuple[str, str, list[int]]] = []  # (field, text, the terms it holds)
    for field, weight in weights:
        for text in texts[field]:
            folded = fold_text(text)
            terms = [i for i, pattern in enumerate(patterns) if pattern.search(folded)]
            if terms:
                found.append((field, text, terms))
                for i in terms:
                    best[i] = max(best[i], weight)
    if not all(best):
        return None
    # An excerpt for each text that shows a term its field has not shown yet: a
    # person's five spellings, or a note repeating a word, are shown once.
    shown: dict[str, set[int]] = {}
    matches = []
    for field, text, terms in found:
        if set(terms) <= shown.setdefault(field, set()):
            continue
        shown[field].update(terms)
        match = _excerpt(text, [patterns[i] for i in terms])
        assert match is not None
        matches.append(Match(field, match.excerpt, match.marks))
    return Hit(kind, ident, title, date, sum(best), tuple(matches))


def search(query: Sequence[str], *, partners: Sequence[Partner], events: Sequence[Event],
           people: Sequence[Person] = (), tiers: Sequence[Tier] = ()) -> list[Hit]:
    """The records among `partners` and `events` that hold every term of
    `query` (the words as typed), best first (the rule is in the module's docstring)."""
    patterns = [_starts(term) for term in parse_query(query)]
    by_id = {person.id: person for person in people}
    tier_names = {tier.id: [name for name in (tier.name, tier.name_mn) if name] for tier in tiers}
    hits = []
    for partner in partners:
        hit = _hit("partner", partner.id, partner.name, str(partner.since) if partner.since else None,
                   _partner_texts(partner, by_id, tier_names), _PARTNER_FIELDS, patterns)
        if hit is not None:
            hits.append(hit)
    for event in events:
        hit = _hit("event", f"{event.date} {event.title}", event.title, str(event.date),
                   _event_texts(event, by_id), _EVENT_FIELDS, patterns)
        if hit is not None:
            hits.append(hit)
    order = {"partner": 0, "event": 1}
    return sorted(hits, key=lambda hit: (-hit.score, order[hit.kind], _date_key(hit.date), hit.title))


def _date_key(date: str | None) -> str:
    return date if date is not None else "9999"
