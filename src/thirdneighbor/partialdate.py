"""Dates known only to the year, the month or the day.

The sources date events at different precisions ("2007", "2004-10", "2019-07-31").
A PartialDate keeps exactly the precision it was given: it prints as given and is
never padded into a day that no source states.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

# [0-9], not \d: \d also matches other scripts' digits, such as "２０１９".
_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


class PartialDateError(ValueError):
    """A string that is not a valid YYYY, YYYY-MM or YYYY-MM-DD date."""


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date at year, month or day precision.

    Ordering is chronological, and a less precise date sorts before every more
    precise date inside it: 2019 < 2019-07 < 2019-07-01 < 2019-07-31 < 2019-08.
    That is why a missing month or day is stored as 0.
    """

    year: int
    month: int = 0
    day: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise PartialDateError(f"year {self.year} is out of range 1-9999")
        if self.month == 0:
            if self.day != 0:
                raise PartialDateError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise PartialDateError(f"month {self.month:02d} is not between 01 and 12")
        if self.day != 0:
            last = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= last:
                raise PartialDateError(
                    f"day {self.day:02d} does not exist in {self.year}-{self.month:02d}"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise PartialDateError otherwise."""
        if not isinstance(text, str):
            raise PartialDateError(f"expected a date string, got {type(text).__name__}")
        match = _PATTERN.fullmatch(text)
        if match is None:
            raise PartialDateError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(part) if part else 0 for part in match.groups())
        # 0 means "not given" inside the dataclass, so a written "00" is rejected here.
        if match.group(2) is not None and month == 0:
            raise PartialDateError(f"month 00 is not between 01 and 12 in {text!r}")
        if match.group(3) is not None and day == 0:
            raise PartialDateError(f"day 00 does not exist in {text!r}")
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """"year", "month" or "day"."""
        if self.day:
            return "day"
        return "month" if self.month else "year"

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"
