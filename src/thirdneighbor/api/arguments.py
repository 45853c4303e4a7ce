"""The Python API's arguments, each checked against the type its docstring names.

`thirdneighbor.load()` and the `Dataset` methods take a date as a PartialDate, a
str ("2020", "2020-05" or "2020-05-17") or an int year; names as str; flags as
bool. Anything else raises TypeError, and a value of the right type that means
nothing (a date "2020-13", a year 0) raises ValueError, each naming the argument;
a look-up that finds nothing raises a LookupError. The command line never
comes here: it parses its own options.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..data.partialdate import PartialDate

DATE_TYPES = "a PartialDate, a str such as '2020' or '2020-05', or an int year"


def _type_name(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def date_argument(value: Any, name: str, *, optional: bool = True) -> PartialDate | None:
    """A date the API was given, as a PartialDate (None stays None where `optional`)."""
    if value is None and optional:
        return None
    if isinstance(value, PartialDate):
        return value
    if type(value) is str:
        try:
            return PartialDate.parse(value)
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
    if type(value) is int:  # not a bool, which is an int to Python but no year
        try:
            return PartialDate(value)
        except ValueError as error:
            raise ValueError(f"{name}: {error}") from None
    raise TypeError(f"{name} must be {DATE_TYPES}, not {_type_name(value)}")


def year_argument(value: Any, name: str) -> int | None:
    """A year the API was given (None stays None): an int, or a date of year
    precision in any form `date_argument` takes. A month or a day is refused
    rather than dropped, since the answer would be for the whole year."""
    date = date_argument(value, name)
    if date is None:
        return None
    if date.precision != "year":
        raise ValueError(f"{name} must be a year, such as 2020 or '2020', not {str(date)!r}")
    return date.year


def text_argument(value: Any, name: str, *, optional: bool = False) -> str | None:
    """A str the API was given (None stays None where `optional`)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str{' or None' if optional else ''}, not {_type_name(value)}")
    return value


def texts_argument(value: Any, name: str) -> tuple[str, ...]:
    """One str, or an iterable of them (a list, a tuple, a set), or None for none."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (bytes, bytearray, memoryview, dict)) or not isinstance(value, Iterable):
        raise TypeError(f"{name} must be a str, an iterable of str, or None, not {_type_name(value)}")
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must hold only str, not {_type_name(item)}")
    return items


def flag_argument(value: Any, name: str) -> bool:
    """True or False, and nothing that merely converts to one (1, "no")."""
    if type(value) is not bool:
        raise TypeError(f"{name} must be True or False, not {_type_name(value)}")
    return value
