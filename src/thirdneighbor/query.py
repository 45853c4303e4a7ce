"""Pure functions that answer questions about a Dataset. No I/O, no printing."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import AmbiguousError, NotFoundError, UsageError
from .model import Dataset, Event, Level, Partner
from .names import normalize, partner_keys

SORT_ORDERS = ("tier", "name", "date")


def levels_by_id(dataset: Dataset) -> dict[str, Level]:
    return {level.id: level for level in dataset.levels}


def check_year_range(since: int | None, until: int | None) -> None:
    if since is not None and until is not None and since > until:
        raise UsageError(f"--since {since} is later than --until {until}")


def check_tiers(dataset: Dataset, tiers: Iterable[str]) -> None:
    known = levels_by_id(dataset)
    unknown = [tier for tier in tiers if tier not in known]
    if unknown:
        raise UsageError(
            f"unknown tier {', '.join(map(repr, unknown))}; valid levels: {', '.join(known)}"
        )


def select_partners(
    dataset: Dataset,
    *,
    tiers: Sequence[str] = (),
    since: int | None = None,
    until: int | None = None,
    include_neighbors: bool = False,
    sort: str = "tier",
) -> list[Partner]:
    """Partners matching every filter, in the requested order.

    `since` / `until` are years, inclusive, compared with the year the current
    designation began. Mongolia's two neighbours are left out unless asked for.
    """
    check_tiers(dataset, tiers)
    check_year_range(since, until)
    if sort not in SORT_ORDERS:
        raise UsageError(f"unknown sort order {sort!r}; choose from {', '.join(SORT_ORDERS)}")
    wanted = set(tiers)
    chosen = [
        partner for partner in dataset.partners
        if (include_neighbors or not partner.neighbor)
        and (not wanted or partner.level in wanted)
        and (since is None or partner.since.year >= since)
        and (until is None or partner.since.year <= until)
    ]
    rank = {level.id: level.rank for level in dataset.levels}
    sort_keys = {
        "tier": lambda p: (rank[p.level], p.since, normalize(p.name)),
        "name": lambda p: (normalize(p.name), p.id),
        "date": lambda p: (p.since, rank[p.level], normalize(p.name)),
    }
    return sorted(chosen, key=sort_keys[sort])


def resolve_partner(dataset: Dataset, query: str) -> Partner:
    """Find the one partner a user means by `query`.

    Tried in order: an exact name, official name, alias, ISO code or id; then a
    part of a name. Matching ignores case, accents and punctuation. Raises
    NotFoundError (with the closest names) or AmbiguousError (with candidates).
    """
    wanted = normalize(query)
    if not wanted:
        raise NotFoundError(query, [])
    exact: dict[str, Partner] = {}
    partial: dict[str, Partner] = {}
    for partner in dataset.partners:
        keys = [normalize(name) for name in partner_keys(partner)]
        if wanted in keys:
            exact[partner.id] = partner
        # ISO codes are too short to match by a part; names and ids are not.
        elif len(wanted) >= 2 and any(wanted in key for key in keys if len(key) > 3):
            partial[partner.id] = partner
    for matches in (exact, partial):
        if len(matches) == 1:
            return next(iter(matches.values()))
        if len(matches) > 1:
            raise AmbiguousError(query, [f"{p.id} ({p.name})" for p in matches.values()])
    raise NotFoundError(query, suggest_names(dataset, wanted))


def suggest_names(dataset: Dataset, wanted: str, limit: int = 3) -> list[str]:
    """The partners' display names closest to a normalised query."""
    owner: dict[str, str] = {}
    for partner in dataset.partners:
        for name in partner_keys(partner):
            owner.setdefault(normalize(name), partner.name)
    close = difflib.get_close_matches(wanted, owner, n=limit * 3, cutoff=0.6)
    return list(dict.fromkeys(owner[key] for key in close))[:limit]


def resolve_partners(dataset: Dataset, queries: Sequence[str]) -> list[Partner]:
    return [resolve_partner(dataset, query) for query in queries]


def events_by_partner(dataset: Dataset) -> dict[str, list[Event]]:
    """Each partner id's events, in date order. One pass over the events."""
    index: dict[str, list[Event]] = {partner.id: [] for partner in dataset.partners}
    for event in dataset.events:
        for partner_id in event.partners:
            index[partner_id].append(event)
    return index


def select_events(
    dataset: Dataset,
    *,
    partner_ids: Sequence[str] = (),
    since: int | None = None,
    until: int | None = None,
    tiers: Sequence[str] = (),
) -> list[Event]:
    """Events oldest first. Filters: any of these partners, years inclusive, and
    a current level (an event matches if any partner it names holds one)."""
    check_tiers(dataset, tiers)
    check_year_range(since, until)
    wanted_partners = set(partner_ids)
    wanted_tiers = set(tiers)
    level_of = {partner.id: partner.level for partner in dataset.partners}
    return [
        event for event in dataset.events
        if (not wanted_partners or wanted_partners.intersection(event.partners))
        and (since is None or event.date.year >= since)
        and (until is None or event.date.year <= until)
        and (not wanted_tiers or any(level_of[pid] in wanted_tiers for pid in event.partners))
    ]


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


def tier_groups(dataset: Dataset, *, include_neighbors: bool = False) -> list[TierGroup]:
    """Level -> designation -> partners, in rank order, partners by date.

    A level held only by the neighbours is left out unless they are asked for.
    """
    third_levels = {partner.level for partner in dataset.partners if not partner.neighbor}
    neighbor_levels = {partner.level for partner in dataset.partners if partner.neighbor}
    by_level: dict[str, dict[str, list[Partner]]] = {level.id: {} for level in dataset.levels}
    for partner in sorted(dataset.partners, key=lambda p: (p.since, normalize(p.name))):
        if include_neighbors or not partner.neighbor:
            by_level[partner.level].setdefault(partner.marked_designation, []).append(partner)
    return [
        TierGroup(level, tuple(DesignationGroup(name, tuple(members))
                               for name, members in by_level[level.id].items()))
        for level in dataset.levels
        # An empty level is still shown; one held only by the neighbours is not.
        if include_neighbors or level.id in third_levels or level.id not in neighbor_levels
    ]


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
