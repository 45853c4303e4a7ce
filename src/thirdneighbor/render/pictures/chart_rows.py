"""What the tier chart draws, before any drawing: a row per partner with a tie
at a tier in the window, its ties and its events, in the order of the tier it
holds at the window's end (closest first, then who reached it first), with
Mongolia's neighbors last; and what the window leaves out.

A date is drawn where its period begins: a tie "since 2004" starts at the
start of 2004, the year `series` first shows it, and "2025-03" at 2025-03-01.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ...data.model import Dataset, Event, Partner
from ...data.partialdate import PartialDate, days_in
from ...query.asof import tier_at


def _at(year: int, month: int, day: int) -> float:
    """The start of a calendar day as a fractional year."""
    return year + (month - 1) / 12 + (day - 1) / (12 * days_in(year, month))


def period_start(date: PartialDate) -> float:
    """Where a (partial) date's period begins: 2004 at 2004-01-01, 2025-03 at 2025-03-01."""
    return _at(date.year, date.month or 1, date.day or 1)


def period_end(date: PartialDate) -> float:
    """Where a (partial) date's period ends: the end of the last day it covers."""
    if date.day:
        return period_start(date) + 1 / (12 * days_in(date.year, date.month))
    if date.month:
        return date.year + date.month / 12
    return date.year + 1.0


class Tie(NamedTuple):
    start: PartialDate
    tier: str
    in_force_by: bool  # the start is only the date by which a source shows the tie in force
    begin: float  # fractional years, within the window
    stop: float


class Row(NamedTuple):
    partner: Partner
    ties: tuple[Tie, ...]
    events: tuple[Event, ...]


class ChartData(NamedTuple):
    rows: tuple[Row, ...]  # third neighbors, then Mongolia's neighbors
    first: int  # the first and last years drawn
    last: int
    until: PartialDate  # the last day drawn
    start: float  # the axis, in fractional years
    end: float
    earlier: tuple[Event, ...]  # events of these partners before the first year: the chart's note
    dropped: tuple[Partner, ...]  # partners with no tie at a tier in the window


def ties(partner: Partner) -> list[tuple[PartialDate, str, bool]]:
    """(start, tier, start is only "in force by") of each tie at a tier, oldest first."""
    found = [(entry.start, entry.tier, entry.since is None) for entry in partner.history if entry.tier is not None]
    if partner.tier is not None and partner.since is not None:
        found.append((partner.since, partner.tier, partner.since_approx))
    return sorted(found, key=lambda tie: tie[0].key)


def first_tie_year(partners: Sequence[Partner], default: int) -> int:
    """The year of the first tie at a tier among these partners: where the chart starts by default."""
    return min((start.year for partner in partners for start, _, _ in ties(partner)), default=default)


def chart_data(dataset: Dataset, partners: Sequence[Partner], first: int, last: int,
               until: PartialDate | None = None) -> ChartData:
    """The rows from the start of `first` to the end of `last`, or to `until`
    (by default the dataset's as-of date), whichever is earlier."""
    until = until or dataset.as_of
    start = float(first)
    end = max(min(last + 1.0, period_end(until)), start + 1 / 365)  # to the end of the as-of day
    from ...query.window import last_day

    last_drawn = min(last_day(PartialDate(last)), last_day(until))
    rank = {tier.id: tier.rank for tier in dataset.tiers}
    rows, dropped = [], []
    for partner in partners:
        found = ties(partner)
        drawn = []
        for index, (since, tier_id, approx) in enumerate(found):
            begin = period_start(since)
            stop = period_start(found[index + 1][0]) if index + 1 < len(found) else end
            if stop > start and begin < end:
                drawn.append(Tie(since, tier_id, approx, max(begin, start), min(stop, end)))
        if not drawn:
            dropped.append(partner)
            continue
        events = tuple(event for event in dataset.all_events
                       if partner.id in event.partners and start <= period_start(event.date) < end)
        rows.append(Row(partner, tuple(drawn), events))

    def order(row: Row) -> tuple[bool, int, tuple[int, int, int]]:
        """Neighbors last; the tier held at the end, closest first; then who reached it first."""
        held = tier_at(row.partner, last_drawn) or row.ties[-1].tier
        at_tier = [tie for tie in row.ties if tie.begin < end]
        reached = at_tier[-1]
        for tie in reversed(at_tier):  # back through the unbroken run at that tier
            if tie.tier != held:
                break
            reached = tie
        return row.partner.neighbor, rank.get(held, len(rank) + 1), reached.start.key

    rows.sort(key=order)
    ids = {partner.id for partner in partners}
    earlier = tuple(event for event in dataset.all_events
                    if ids.intersection(event.partners) and period_start(event.date) < start)
    return ChartData(tuple(rows), first, last, last_drawn, start, end, earlier, tuple(dropped))
