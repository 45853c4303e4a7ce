"""Pure functions that answer questions about a Dataset. No I/O, no printing."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

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
        "tier": lambda p: (rank[p.level], p.since.key, p.name.casefold()),
        "name": lambda p: (normalize(p.name), p.id),
        "date": lambda p: (p.since.key, rank[p.level], p.name.casefold()),
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
            # As of a past date, an event may name a partner that had no level yet.
            if partner_id in index:
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
        and (not wanted_tiers or any(level_of.get(pid) in wanted_tiers for pid in event.partners))
    ]


def subset(dataset: Dataset, partners: Sequence[Partner]) -> Dataset:
    """A dataset of these partners only: the events that name no one else, and
    the events that name no partner at all. Levels and the policy stay."""
    import dataclasses

    kept = {partner.id for partner in partners}
    events = tuple(event for event in dataset.events if all(pid in kept for pid in event.partners))
    return dataclasses.replace(dataset, partners=tuple(partners), events=events)
