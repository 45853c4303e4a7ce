"""Normalising the names people type, so that "turkiye", "Türkiye" and "TÜRKIYE" agree."""

from __future__ import annotations

import os

from .model import Partner, Person

# Punctuation that people drop or vary freely: "U.S." is "US", "O'zbekiston" is
# "Ozbekiston", and "south-korea" (an id) is "south korea". Commas, brackets and
# the like separate words: ISO's "Korea, Republic of" is "korea republic of".
# Case, accents, dashes and typographic apostrophes are thirdneighbor.core.fold's
# (the one text fold, which search uses too); this table does the rest.
_SEPARATORS = ',;:/()[]!?"'
_FOLD = str.maketrans({".": None, "'": None, "`": None, "“": " ", "”": " ", "«": " ", "»": " ",
                       **{char: " " for char in _SEPARATORS}})
# The same folding for ASCII text (where casefold is lower-casing), as a byte table.
_ASCII_FOLD = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ-_" + _SEPARATORS.encode(),
                              b"abcdefghijklmnopqrstuvwxyz  " + b" " * len(_SEPARATORS))
# Dropped: the marks above, and the controls that are not white space (a name
# pasted with one still finds its partner).
_ASCII_DROPPED = b".'`" + bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1C)) + b"\x7f"


def _repair_arguments(text: str) -> str:
    # Under a C locale Python decodes a typed "ü" into surrogate escapes; the
    # terminal almost surely sent UTF-8, so read the bytes as that.
    if not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    try:
        return os.fsencode(text).decode("utf-8")
    except (UnicodeError, ValueError):
        return text


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a name."""
    if text.isascii():
        # The common case, and the one a 10,000-partner dataset repeats 50,000
        # times: bytes.translate does case, dashes and dropped marks in one C pass.
        folded = text.encode("ascii").translate(_ASCII_FOLD, _ASCII_DROPPED).decode("ascii")
        return " ".join(folded.split())
    # The one text fold: zero-width and direction characters go by the rule
    # that cleans every output ("Japan\u200b" pasted from a page is "japan"),
    # then case and accents, as search compares them.
    from ..core.fold import fold

    return " ".join(fold(_repair_arguments(text)).translate(_FOLD).split())


def partner_keys(partner: Partner, *, with_codes: bool = True, with_mongolian: bool = True) -> list[str]:
    """Every name a partner answers to, in the raw form the dataset gives it:
    English and Mongolian names, aliases, and (`with_codes`) ISO codes."""
    names = [partner.id, partner.name, *partner.aliases]
    if partner.official_name:
        names.append(partner.official_name)
    if with_mongolian:
        names += [name for name in (partner.name_mn, partner.official_name_mn) if name] + list(partner.aliases_mn)
    if with_codes:
        names += [partner.iso2, partner.iso3]
    return names


def person_keys(person: Person) -> list[str]:
    """Every name a person answers to: id, name, Cyrillic name and spellings."""
    return [person.id, person.name, *([person.name_mn] if person.name_mn else []), *person.variants]


def is_cyrillic(text: str) -> bool:
    """Whether the text has a Cyrillic letter: what a Mongolian reader typed."""
    return any("\u0400" <= char <= "\u04ff" for char in text)
