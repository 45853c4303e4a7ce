"""Pure functions that group and line up partners: the tiers tree and compare.

Kept apart from query.py so that `list`, `show` and `timeline` do not pay, at
every start-up, for creating these result classes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import UsageError
from .model import Dataset, Event, Level, Partner
from .names import normalize
from .query import events_by_partner


@dataclass(frozen=True, slots=True)
class DesignationGroup:
    designation: str
    partners: tuple[Partner, ...]


@dataclass(frozen=True, slots=True)
class TierGroup:
    level: Level
    designations: tuple[DesignationGroup, ...]

    @property
    def partners(self) -> list[Partner]:
        return [partner for group in self.designations for partner in group.partners]


def tier_groups(dataset: Dataset, *, include_neighbors: bool = False,
                neighbor_levels: set[str] | None = None) -> list[TierGroup]:
    """Level -> designation -> partners, in rank order, partners by date.

    Without `include_neighbors`, the neighbours and the levels only they hold
    (`neighbor_levels`, by default found in `dataset`) are left out; other
    levels show even when empty. Pass the levels of the full dataset when
    `dataset` is one as of a past date, in which the neighbours may hold none.
    """
    if neighbor_levels is None:
        neighbor_levels = neighbours_only_levels(dataset)
    by_level: dict[str, dict[str, list[Partner]]] = {level.id: {} for level in dataset.levels}
    for partner in sorted(dataset.partners, key=lambda p: (p.since.key, normalize(p.name))):
        if include_neighbors or not partner.neighbor:
            by_level[partner.level].setdefault(partner.marked_designation, []).append(partner)
    return [
        TierGroup(level, tuple(DesignationGroup(name, tuple(members))
                               for name, members in by_level[level.id].items()))
        for level in dataset.levels
        if include_neighbors or level.id not in neighbor_levels
    ]


def neighbours_only_levels(dataset: Dataset) -> set[str]:
    """The levels that only Mongolia's two neighbours hold."""
    third = {partner.level for partner in dataset.partners if not partner.neighbor}
    return {partner.level for partner in dataset.partners if partner.neighbor} - third


@dataclass(frozen=True, slots=True)
class ComparedField:
    field: str
    values: tuple[Any, ...]

    @property
    def same(self) -> bool:
        return all(value == self.values[0] for value in self.values)


COMPARED_FIELDS = (
    "tier", "designation", "since", "occasion", "instrument", "leaders",
    "earlier_levels", "events", "neighbor", "notes", "sources",
)


def compare_partners(dataset: Dataset, partners: Sequence[Partner]) -> list[ComparedField]:
    """One row per field, one value per partner, in the order given."""
    if len(partners) < 2:
        raise UsageError("compare needs at least two partners")
    ids = [partner.id for partner in partners]
    repeated = sorted({pid for pid in ids if ids.count(pid) > 1})
    if repeated:
        raise UsageError(f"compare needs different partners; {', '.join(repeated)} was named twice")
    events = events_by_partner(dataset)
    rows: dict[str, list[Any]] = {name: [] for name in COMPARED_FIELDS}
    for partner in partners:
        rows["tier"].append(partner.level)
        rows["designation"].append(partner.marked_designation)
        rows["since"].append(str(partner.since))
        rows["occasion"].append(partner.occasion)
        rows["instrument"].append(partner.instrument)
        rows["leaders"].append(list(partner.leaders))
        rows["earlier_levels"].append([f"{entry.designation} ({entry.when})" for entry in partner.history])
        rows["events"].append(len(events[partner.id]))
        rows["neighbor"].append(partner.neighbor)
        rows["notes"].append(len(partner.notes))
        rows["sources"].append(len(partner.sources))
    return [ComparedField(name, tuple(values)) for name, values in rows.items()]


def milestones_per_year(dataset: Dataset, events: Sequence[Event]) -> list[tuple[int, dict[str, int]]]:
    """Events per year, from the first year to the last, empty years included.

    Each event counts once, under the closest level (lowest rank) held today by
    the partners it names; an event that names none counts under "none".
    """
    rank = {level.id: level.rank for level in dataset.levels}
    level_of = {partner.id: partner.level for partner in dataset.partners}
    if not events:
        return []
    first, last = events[0].date.year, events[-1].date.year
    counts: dict[int, dict[str, int]] = {year: {} for year in range(first, last + 1)}
    for event in events:
        levels = [level_of[pid] for pid in event.partners]
        key = min(levels, key=lambda level: rank[level]) if levels else "none"
        year = counts[event.date.year]
        year[key] = year.get(key, 0) + 1
    return list(counts.items())
