"""Which partner a name means: one rule for every command, completion and the Python API.

A look-up is exact or it fails; it never answers with the nearest country in
spelling. In order:

1. The query is folded (`lookup_key`): case, accents, punctuation, zero-width
   and direction characters, and a leading "the" are ignored.
2. Digits are an ISO 3166-1 numeric code ("392", "4" for "004").
3. Two or three Latin letters are a code and nothing else: an ISO alpha-2 or
   alpha-3 code, or a short name the dataset gives in full ("UK"). They never
   match a part of a name: "EU" is not inside "Deutschland". (Cyrillic short
   names, "АНУ", are names: no ISO code is Cyrillic.)
4. A whole name: id, name, official name, alias, Mongolian name or alias, or a
   name ISO 3166-1 or Natural Earth gives the partner's country ("United States
   of America", "Korea, Republic of").
5. A country the dataset has no record of, named in full or by its code, is
   "X has no tie recorded in this dataset" (NoTieError), never a suggestion of
   another country. England, Scotland, Wales and Northern Ireland point to the
   United Kingdom, of which they are part.
6. One or more whole words of a name ("korea"), or the start of a name of at
   least four letters ("kyrg"), when that picks out exactly one partner. Where
   it picks out several, AmbiguousError lists them.
7. Otherwise NotFoundError, with a did-you-mean only for names close in spelling.

`resolve_words` reads several command-line words that together spell one name
("united states") as that name.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Sequence
from typing import NamedTuple

from ..errors import AmbiguousError, NotFoundError
from ..data.model import Dataset, Partner
from ..data.names import normalize, partner_keys

# The start of a name must be this long to stand for it: "kyrg" is Kyrgyzstan,
# "ger" is nothing (it could be a code, or a part of several names).
MIN_PREFIX = 4
# Spelling close enough for a did-you-mean (difflib's ratio): "japn" -> Japan
# (0.89), "germny" -> Germany (0.92); "england" is not "poland" (0.62).
CLOSE_SPELLING = 0.8
# No name in the world has more words than this; longer runs of command-line
# words are not tried as one name (which bounds the work on a hostile argv).
MAX_NAME_WORDS = 10


class NoTieError(NotFoundError):
    """A country the tool knows, but which the dataset records no tie with."""

    def __init__(self, query: str, message: str) -> None:
        super().__init__(query, [])
        self.message = message
        self.args = (message,)


def lookup_key(text: str) -> str:
    """The folded form a query and a name are compared in."""
    key = normalize(text)
    return key[4:] if key.startswith("the ") and len(key) > 4 else key


class _World(NamedTuple):
    by_code: dict[str, dict]  # "ma", "mar", "504" -> the country
    by_name: dict[str, dict]  # folded names -> the country
    parts: dict[str, dict]  # "england" -> {"name": "England", "part_of": "GB"}


@functools.cache
def _world() -> _World:
    """The world's countries (query/countries.json, made by tools/make_country_names.py).
    Read only when a name is not one of the dataset's own."""
    import json  # not at the module's import: every `show` imports it, and most never read this
    from importlib.resources import files

    data = json.loads(files("thirdneighbor.query").joinpath("countries.json").read_text(encoding="utf-8"))
    by_code: dict[str, dict] = {}
    by_name: dict[str, dict] = {}
    for country in data["countries"]:
        for code in (country["alpha2"], country["alpha3"], country["numeric"]):
            by_code[code.lower()] = country
        for name in country["names"]:
            by_name.setdefault(lookup_key(name), country)
    parts = {lookup_key(part["name"]): part for part in data["parts"]}
    return _World(by_code, by_name, parts)


class _Index:
    """A dataset's partners by every key they answer to, built once per dataset."""

    def __init__(self, partners: tuple[Partner, ...]) -> None:
        self.partners = partners
        # key -> {partner id: partner}: a dict, as a key may name thousands of
        # partners (a user-assigned code repeated) and a list's `in` would compare
        # whole records, quadratically (14 s for 10,000 partners, measured).
        self.by_code: dict[str, dict[str, Partner]] = {}
        self.by_name: dict[str, dict[str, Partner]] = {}
        for partner in partners:
            # An organisation has no codes, and answers to its names only.
            codes = {code.lower() for code in (partner.iso2, partner.iso3, partner.iso_numeric) if code}
            for code in codes:
                _add(self.by_code, code, partner)
            for name in partner_keys(partner, with_codes=False):
                _add(self.by_name, lookup_key(name), partner)
        self._with_world: dict[str, dict[str, Partner]] | None = None

    def names_with_world(self) -> dict[str, dict[str, Partner]]:
        """The partners' own names, and the names ISO and Natural Earth give their countries."""
        if self._with_world is None:
            names = {key: dict(found) for key, found in self.by_name.items()}
            world = _world()
            for partner in self.partners:
                country = world.by_code.get(partner.iso2.lower()) if partner.iso2 else None
                for name in country["names"] if country else ():
                    _add(names, lookup_key(name), partner)
            self._with_world = names
        return self._with_world


def _add(index: dict[str, dict[str, Partner]], key: str, partner: Partner) -> None:
    index.setdefault(key, {}).setdefault(partner.id, partner)


_last: tuple[tuple[Partner, ...], _Index] | None = None


def _index(dataset: Dataset) -> _Index:
    # Commands look up one or a few names in one dataset; `resolve_words` tries
    # several runs of words. One index serves them all.
    global _last
    if _last is None or _last[0] is not dataset.all_partners:
        _last = (dataset.all_partners, _Index(dataset.all_partners))
    return _last[1]


def resolve_partner(dataset: Dataset, query: str) -> Partner:
    """The one partner `query` means, by the rules above. Raises NotFoundError
    (NoTieError for a known country without a record) or AmbiguousError, both
    LookupErrors."""
    found = _match(dataset, query)
    if isinstance(found, Partner):
        return found
    raise found


def _match(dataset: Dataset, query: str) -> Partner | NotFoundError | AmbiguousError:
    """The partner, or the error that says why there is none (returned, not
    raised: `resolve_words` tries runs of words that are not names)."""
    key = lookup_key(query)
    if not key:
        return NotFoundError(query, [])
    index = _index(dataset)
    compact = key.replace(" ", "")
    if compact.isdigit():
        code = compact.zfill(3) if len(compact) <= 3 else compact
        return _one(query, index.by_code.get(code, {})) or _no_tie(query, code, by_code=True) \
            or NotFoundError(query, [], hint="a number is read as an ISO 3166-1 numeric code")
    if len(compact) <= 3 and compact.isascii():  # a code is Latin letters; "АНУ" is a short name, below
        return (_one(query, index.by_code.get(compact, {}) or index.by_name.get(key, {}))
                or _no_tie(query, compact, by_code=True)
                or NotFoundError(query, [], hint="two or three letters are read as an ISO 3166-1 code "
                                                 "(JP, JPN), or a short name the dataset gives (UK)"))
    exact = _one(query, index.by_name.get(key, {}) or index.names_with_world().get(key, {}))
    if exact:
        return exact
    no_tie = _no_tie(query, key, by_code=False)
    if no_tie:
        return no_tie
    names = index.names_with_world()
    by_words = _partners_where(names, lambda name: _has_words(name, key))
    if not by_words and len(compact) >= MIN_PREFIX:
        by_words = _partners_where(names, lambda name: name.startswith(key))
    return _one(query, by_words) or NotFoundError(query, _close_names(index, key))


def _one(query: str, found: dict[str, Partner]) -> Partner | AmbiguousError | None:
    if len(found) == 1:
        return next(iter(found.values()))
    if len(found) > 1:
        return AmbiguousError(query, [f"{partner.id} ({partner.name})" for partner in found.values()])
    return None


def _partners_where(names: dict[str, dict[str, Partner]], test) -> dict[str, Partner]:  # type: ignore[no-untyped-def]
    found: dict[str, Partner] = {}
    for name, partners in names.items():
        if test(name):
            found.update(partners)
    return found


def _has_words(name: str, key: str) -> bool:
    """Whether `key` is one or more whole words of `name`, in order."""
    return f" {key} " in f" {name} "


def _no_tie(query: str, key: str, *, by_code: bool) -> NoTieError | None:
    """A country of the world (or a part of one) that the dataset has no record of."""
    world = _world()
    country = world.by_code.get(key) if by_code else world.by_name.get(key)
    if country is not None:
        if country["alpha2"] == "MN":
            return NoTieError(query, "Mongolia is the country whose ties this dataset records; "
                                     "name one of its partners (`thirdneighbor list` lists them)")
        named = f"{query.strip()!r} is {country['name']}, which" if by_code else country["name"]
        return NoTieError(query, f"{named} has no tie recorded in this dataset "
                                 "(`thirdneighbor list --all` lists every country it has)")
    part = None if by_code else world.parts.get(key)
    if part is not None:
        whole = world.by_code[part["part_of"].lower()]
        return NoTieError(query, f"{part['name']} is part of the {whole['name']}: "
                                 f"try `thirdneighbor show {whole['alpha2'].lower()}`")
    return None


def _close_names(index: _Index, key: str) -> list[str]:
    """Partners' names close in spelling to `key`, closest first (three at most)."""
    owner = {name: next(iter(partners.values())).name for name, partners in index.by_name.items()
             if len(partners) == 1}
    close = difflib.get_close_matches(key, owner, n=9, cutoff=CLOSE_SPELLING)
    return list(dict.fromkeys(owner[name] for name in close))[:3]


def resolve_words(dataset: Dataset, words: Sequence[str]) -> list[Partner]:
    """The partners that command-line words name, in order: `united states`
    (two words) is the United States, `south korea japan` is South Korea and
    Japan. At each word, the longest run of words that names exactly one
    partner is taken (or, where the run names a country without a record,
    NoTieError); a word that begins no such run is looked up alone, and its
    error (not found, ambiguous, no tie) is the answer."""
    found: list[Partner] = []
    # A word that folds to nothing ("", "...") joins no run: it is an error of its own.
    blank = [not lookup_key(word) for word in words]
    start = 0
    while start < len(words):
        longest = start + 1
        while longest < min(len(words), start + MAX_NAME_WORDS) and not blank[longest] and not blank[start]:
            longest += 1
        for end in range(longest, start + 1, -1):
            match = _match(dataset, " ".join(words[start:end]))
            if isinstance(match, NoTieError):
                raise match  # `show new zealand`: a country named in full, with no record
            if isinstance(match, Partner):
                found.append(match)
                start = end
                break
        else:
            found.append(resolve_partner(dataset, words[start]))
            start += 1
    return found
