"""What changed during a window of dates, and each partner's tier year by year.

`changes FROM TO` covers a window (thirdneighbor.query.window): from FROM's
first day to TO's last, so `changes 2023 2024` is everything that changed
during 2023 and 2024. It compares the state on the day before the window opens
with the state on its last day, each by the `--as-of` rule
(thirdneighbor.query.asof): by construction, `changes A B` is the difference
between `list --as-of <the day before A's first day>` and `list --as-of B`.
A series' value for a year is the tier held at its end, `list --as-of YEAR`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..errors import UsageError
from ..data.model import Dataset, Event, Partner
from ..data.partialdate import PartialDate
from .asof import partner_as_of, tier_at
from .select import within
from .window import Window, day_before, first_day, last_day

CHANGE_KINDS = ("new", "upgrade", "downgrade", "renamed", "ended")


class Change(NamedTuple):
    """One partner whose tie differs between the two dates. `kind` is one of
    CHANGE_KINDS: "renamed" is a new designation at the same tier; "ended" a
    tie that no longer holds a tier at the later date."""

    partner: Partner  # as it stood at the later date (at the earlier one, for "ended")
    kind: str
    from_tier: str | None
    to_tier: str | None
    from_designation: str | None
    to_designation: str | None


class Changes(NamedTuple):
    start: PartialDate  # FROM and TO as given (TO: the dataset's as-of date where none was)
    end: PartialDate
    partners: tuple[Change, ...]
    events: tuple[Event, ...]
    window: Window  # the first and the last day covered
    before: PartialDate  # the day before the window opens, whose state is compared with the last day's


def changes(dataset: Dataset, start: PartialDate, end: PartialDate | None, partners: Sequence[Partner]) -> Changes:
    """How `partners` stood on the last day of `end` (by default the dataset's
    as-of date) against the day before the first day of `start`, and the
    events inside that window. Changes come in the order they happened (by the
    start of the tie held at the end)."""
    if end is None:
        end = dataset.as_of
        if first_day(start) > last_day(end):
            raise UsageError(f"FROM ({start}) is later than the data, which was last checked on {end}; "
                             "give an earlier date")
    elif first_day(start) > last_day(end):
        raise UsageError(f"FROM ({start}) is later than TO ({end}); give the earlier date first")
    span = Window(first_day(start), last_day(end))
    assert span.first is not None and span.last is not None
    before_day = day_before(span.first)
    rank = {tier.id: tier.rank for tier in dataset.tiers}
    found = []
    for partner in partners:
        before, after = partner_as_of(partner, before_day), partner_as_of(partner, span.last)
        old = (before.tier, before.designation) if before is not None else (None, None)
        new = (after.tier, after.designation) if after is not None else (None, None)
        if old == new:
            continue
        if old[0] is None:
            kind = "new"
        elif new[0] is None:
            kind = "ended"
        elif old[0] == new[0]:
            kind = "renamed"
        else:
            kind = "upgrade" if rank[new[0]] < rank[old[0]] else "downgrade"
        shown = after if after is not None else before
        assert shown is not None
        found.append(Change(shown, kind, old[0], new[0], old[1], new[1]))
    events = tuple(event for event in dataset.all_events if within(event.date, span.first, span.last))
    found.sort(key=lambda change: change.partner.sort_key)  # in the order they happened
    return Changes(start, end, tuple(found), events, span, before_day)


def series_years(dataset: Dataset, partners: Sequence[Partner], first: int | None, last: int | None) -> range:
    """The years a series covers: by default from the first year any of these
    partners held a tier to the year of the dataset's as-of date."""
    if first is None:
        starts = [entry.start.year for partner in partners for entry in partner.history if entry.tier is not None]
        starts += [partner.since.year for partner in partners if partner.since is not None]
        first = min(starts, default=dataset.as_of.year)
    last = dataset.as_of.year if last is None else last
    if first > last:
        raise UsageError(f"--from {first} is later than --to {last}")
    return range(first, last + 1)


def tier_series(partners: Sequence[Partner], years: range) -> list[tuple[Partner, list[str | None]]]:
    """Each partner's tier at the end of each year (None where it held none)."""
    ends = [PartialDate(year) for year in years]
    return [(partner, [tier_at(partner, end) for end in ends]) for partner in partners]


def tier_counts(dataset: Dataset, rows: Sequence[tuple[Partner, list[str | None]]], years: range) -> list[dict[str, int]]:
    """For each year, the number of partners at each tier."""
    counts = []
    for index, year in enumerate(years):
        count = {"year": year, **{tier.id: 0 for tier in dataset.tiers}}
        for _, values in rows:
            if values[index] is not None:
                count[values[index]] += 1  # type: ignore[index]
        counts.append(count)
    return counts
