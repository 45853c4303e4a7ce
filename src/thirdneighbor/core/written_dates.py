"""Dates as a reader of the language in use writes them.

English keeps the ISO form the data uses ("2024-02-07", "2024-02", "2024").
Mongolian writes the year, month and day with their words, "2024 оны 2 сарын
7", and keeps a partial date partial: "2024 оны 2 сар", "2024 он". An "in force
by" date, "by 2011-06-16" in English, is "2011 оны 6 сарын 16 гэхэд".

Machine formats (JSON, CSV, TSV) keep the ISO form in every language; only the
formats for people call this.
"""

from __future__ import annotations

from .language import current


def mongolian_date(year: int, month: int = 0, day: int = 0) -> str:
    """A date at year, month or day precision (0 for a part not known), in Mongolian."""
    if not month:
        return f"{year} он"
    if not day:
        return f"{year} оны {month} сар"
    return f"{year} оны {month} сарын {day}"


def _parts(text: str) -> tuple[int, int, int] | None:
    """"2024-02-07" as (2024, 2, 7), "2024" as (2024, 0, 0); None for anything else."""
    size = len(text)
    if size not in (4, 7, 10) or not text.isascii():
        return None
    pieces = text.split("-")
    if [len(piece) for piece in pieces] not in ([4], [4, 2], [4, 2, 2]) or not all(p.isdigit() for p in pieces):
        return None
    numbers = [int(piece) for piece in pieces] + [0, 0]
    return numbers[0], numbers[1], numbers[2]


def written_date(value: object) -> str:
    """A date, or the text the model writes for one ("2019-07-31", "by 2011"),
    as the language in use writes it; anything else as it is. None is ""."""
    text = "" if value is None else str(value)
    if current() != "mn":
        return text
    approx = text.startswith("by ")
    parts = _parts(text[3:] if approx else text)
    if parts is None:
        return text
    written = mongolian_date(*parts)
    return f"{written} гэхэд" if approx else written
