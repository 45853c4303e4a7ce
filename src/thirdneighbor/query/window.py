"""Date windows: which days a window of `--since`, `--until`, `--year` or
`changes FROM TO` covers.

A partial date that opens a window means the first day of its period, and one
that closes it the last: `--since 2023 --until 2024` and `changes 2023 2024`
both cover 2023-01-01 to 2024-12-31. (A record's own date is compared by the
`--as-of` rule, from the last day it covers: see `select.within`.) Headings
and JSON give the days, so that nobody has to guess which were used.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from ..errors import UsageError, quoted
from ..data.model import Dataset
from ..data.partialdate import PartialDate, days_in


def first_day(date: PartialDate) -> PartialDate:
    """The first calendar day a partial date covers: 2023 is 2023-01-01."""
    return PartialDate(date.year, date.month or 1, date.day or 1)


def last_day(date: PartialDate) -> PartialDate:
    """The last calendar day a partial date covers: 2024 is 2024-12-31."""
    month = date.month or 12
    return PartialDate(date.year, month, date.day or days_in(date.year, month))


def day_before(date: PartialDate) -> PartialDate:
    """The day before a day: a ValueError for the first day of year 1, which has
    none (the command line refuses years below 1000 as bounds, check_date_range;
    the Python API takes any year)."""
    if (date.year, date.month, date.day) == (1, 1, 1):
        raise ValueError("there is no day before 0001-01-01: give a start of 0001-01-02 or later")
    day = datetime.date(date.year, date.month, date.day) - datetime.timedelta(days=1)
    return PartialDate(day.year, day.month, day.day)


class Window(NamedTuple):
    """The first and the last day a window covers; None where it is open."""

    first: PartialDate | None
    last: PartialDate | None

    def __str__(self) -> str:
        """The days, for a heading in the language in use: "2023-01-01 to 2024-12-31"."""
        from ..core.language import _
        from ..core.written_dates import written_date

        first, last = written_date(self.first), written_date(self.last)
        if self.first is not None and self.last is not None:
            return _("{first} to {last}").format(first=first, last=last)
        return _("from {first}").format(first=first) if self.first is not None else _("up to {last}").format(last=last)


def bound(text: str, label: str) -> PartialDate:
    """A date that opens or closes a window, as typed after `label`: a date in
    full (`24` is almost surely 2024, not the year 24), or a usage error."""
    from ..data.partialdate import PartialDateError

    text = text.strip()
    # ASCII digits only: "²" is a digit to str.isdigit, and int() refuses it.
    if text.isascii() and text.isdigit() and int(text) < 1000:
        raise UsageError(f"{label} {text}: give a year in full, such as 2024")
    try:
        return PartialDate.parse(text)
    except PartialDateError as error:
        raise UsageError(f"{label}: {error}") from None


def window(since: PartialDate | None, until: PartialDate | None) -> Window | None:
    """The days `--since` and `--until` (already checked) cover; None for no window."""
    if since is None and until is None:
        return None
    return Window(first_day(since) if since else None, last_day(until) if until else None)


def one_year(year: str | None, since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """--since and --until, with `--year Y` as the shorthand for `--since Y --until Y`."""
    if year is None:
        return since, until
    if since is not None or until is not None:
        raise UsageError("--year is the same as --since and --until together; give --year, or those")
    text = year.strip()
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise UsageError(f"--year takes a year such as 2024, not {quoted(text)}; for a month or a day, give "
                         "--since and --until")
    return text, text


def data_years(dataset: Dataset) -> range:
    """The years the data speaks of: from its first tie or event to its as-of date."""
    starts = [entry.start.year for partner in dataset.all_partners for entry in partner.history]
    starts += [partner.since.year for partner in dataset.all_partners if partner.since is not None]
    starts += [event.date.year for event in dataset.all_events]
    last = dataset.as_of.year
    return range(min(min(starts, default=last), last), last + 1)


def yearly(dataset: Dataset, since: PartialDate | None, until: PartialDate | None, default_first: int) -> range:
    """The years of `series` and `chart`: a date stands for its year. By default
    from `default_first` to the dataset's as-of year; a window that lies wholly
    outside the data is a usage error, the same in both commands."""
    span = data_years(dataset)
    runs = f"the data, which runs from {span[0]} to {span[-1]}"
    if since is not None and since.year > span[-1]:
        raise UsageError(f"--since {since} is later than {runs}; give a window within it")
    if until is not None and until.year < span[0]:
        raise UsageError(f"--until {until} is earlier than {runs}; give a window within it")
    last = until.year if until is not None else span[-1]
    first = since.year if since is not None else min(default_first, last)
    return range(first, last + 1)


def yearly_window(years: range) -> Window:
    """The days a run of years covers, for a heading."""
    return Window(PartialDate(years.start, 1, 1), PartialDate(years.stop - 1, 12, 31))
