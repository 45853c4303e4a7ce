"""Normalising the names people type, so that "turkiye", "Türkiye" and "TÜRKIYE" agree."""

from __future__ import annotations

import unicodedata

from .model import Partner

# Punctuation that people drop or vary freely: "U.S." is "US", "O'zbekiston" is
# "Ozbekiston", and "south-korea" (an id) is "south korea".
_DROPPED = str.maketrans("", "", ".'’`")
_SPACED = str.maketrans({"-": " ", "_": " ", "–": " "})


def normalize(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = stripped.casefold().translate(_DROPPED).translate(_SPACED)
    return " ".join(folded.split())


def partner_keys(partner: Partner) -> list[str]:
    """Every name a partner answers to, in the raw form the dataset gives it."""
    names = [partner.id, partner.name, partner.iso2, partner.iso3, *partner.aliases]
    if partner.official_name:
        names.append(partner.official_name)
    return names
