"""Normalising the names people type, so that "turkiye", "Türkiye" and "TÜRKIYE" agree."""

from __future__ import annotations

import os
import unicodedata

from .model import Partner

# Punctuation that people drop or vary freely: "U.S." is "US", "O'zbekiston" is
# "Ozbekiston", and "south-korea" (an id) is "south korea".
_DROPPED = str.maketrans("", "", ".'’`")
_SPACED = str.maketrans({"-": " ", "_": " ", "–": " "})


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
    decomposed = unicodedata.normalize("NFKD", _repair_arguments(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.casefold().translate(_DROPPED).translate(_SPACED)
    return " ".join(folded.split())


def partner_keys(partner: Partner) -> list[str]:
    """Every name a partner answers to, in the raw form the dataset gives it."""
    names = [partner.id, partner.name, partner.iso2, partner.iso3, *partner.aliases]
    if partner.official_name:
        names.append(partner.official_name)
    return names
