"""Dates known only to the year, the month or the day.

The sources date events at different precisions ("2007", "2004-10", "2019-07-31").
A PartialDate keeps exactly the precision it was given: it prints as given and is
never padded into a day that no source states.
"""

from __future__ import annotations

import functools

from .declared import Frozen, declare

_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]


class PartialDateError(ValueError):
    """A string that is not a valid YYYY, YYYY-MM or YYYY-MM-DD date."""


class PartialDate(Frozen):
    """A calendar date at year, month or day precision.

    Ordering is chronological, and a less precise date sorts before every more
    precise date inside it: 2019 < 2019-07 < 2019-07-01 < 2019-07-31 < 2019-08.
    That is why a missing month or day is stored as 0.

    A frozen dataclass to its users (dataclasses.fields, replace and asdict
    work, as for dataclass(frozen=True, order=True)), with its methods written
    out: dataclass() would compile each at every start-up (1.7 ms, measured;
    thirdneighbor.data.declared says more).
    """

    year: int
    month: int = 0
    day: int = 0

    def __init__(self, year: int, month: int = 0, day: int = 0) -> None:
        if not 1 <= year <= 9999:
            raise PartialDateError(f"year {year} is out of range 1-9999")
        if month == 0:
            if day != 0:
                raise PartialDateError("a day needs a month")
        elif not 1 <= month <= 12:
            raise PartialDateError(f"month {month:02d} is not between 01 and 12")
        elif not 0 <= day <= days_in(year, month):
            raise PartialDateError(f"day {day:02d} does not exist in {year}-{month:02d}")
        _set = object.__setattr__
        _set(self, "year", year)
        _set(self, "month", month)
        _set(self, "day", day)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.year, self.month, self.day) < (other.year, other.month, other.day)  # type: ignore[attr-defined]

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.year, self.month, self.day) <= (other.year, other.month, other.day)  # type: ignore[attr-defined]

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.year, self.month, self.day) > (other.year, other.month, other.day)  # type: ignore[attr-defined]

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.year, self.month, self.day) >= (other.year, other.month, other.day)  # type: ignore[attr-defined]

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise PartialDateError otherwise."""
        if not isinstance(text, str):
            raise PartialDateError(f"expected a date string, got {type(text).__name__}")
        return parse_text(text)

    @property
    def key(self) -> tuple[int, int, int]:
        """A plain tuple that sorts like the date: sort large lists by it, as a
        key of tuples compares in C."""
        return (self.year, self.month, self.day)

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    @property
    def precision(self) -> str:
        """"year", "month" or "day"."""
        if self.day:
            return "day"
        return "month" if self.month else "year"

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"


PartialDate = declare(PartialDate, frozen=True, order=True, slots=True)  # type: ignore[misc]


# Large datasets repeat the same dates many times over, and a PartialDate is
# immutable, so equal strings can share one parsed instance.
@functools.lru_cache(maxsize=65536)
def parse_text(text: str) -> PartialDate:
    """PartialDate.parse for a value already known to be a str."""
    # By hand rather than by a regular expression: this runs on every start-up,
    # and compiling the expression cost more than all the parsing. isascii()
    # keeps out other scripts' digits, which isdigit() accepts ("２０１９").
    size = len(text)
    if size not in (4, 7, 10) or not text.isascii() or not text[:4].isdigit() \
            or (size >= 7 and (text[4] != "-" or not text[5:7].isdigit())) \
            or (size == 10 and (text[7] != "-" or not text[8:10].isdigit())):
        raise PartialDateError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(text[:4])
    month = int(text[5:7]) if size >= 7 else 0
    day = int(text[8:10]) if size == 10 else 0
    # 0 means "not given" inside a PartialDate, so a written "00" is rejected here.
    if size >= 7 and month == 0:
        raise PartialDateError(f"month 00 is not between 01 and 12 in {text!r}")
    if size == 10 and day == 0:
        raise PartialDateError(f"day 00 does not exist in {text!r}")
    return PartialDate(year, month, day)


def last_day(date: PartialDate) -> tuple[int, int, int]:
    """The last calendar day a partial date covers, as a sortable tuple."""
    if date.day:
        return date.key
    month = date.month or 12
    return (date.year, month, days_in(date.year, month))
