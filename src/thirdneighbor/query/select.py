"""Filter and sort partners and events, and resolve the names people type."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from ..errors import AmbiguousError, NotFoundError, UsageError
from ..data.model import Dataset, Event, Partner, Person, Tier
from ..data.names import normalize
from ..data.partialdate import PartialDate

SORT_ORDERS = ("tier", "name", "date")


def tiers_by_id(dataset: Dataset) -> dict[str, Tier]:
    return {tier.id: tier for tier in dataset.tiers}


Bound = int | str | PartialDate | None  # a year (the Python API), or a date as typed: 2024, 2024-06


def check_date_range(since: Bound, until: Bound) -> tuple[PartialDate | None, PartialDate | None]:
    """--since and --until as dates, checked: each a date in full (`24` is almost
    surely 2024, not the year 24), the first no later than the second."""
    if since is None and until is None:
        return None, None  # the common case; query.window stays unimported
    from .window import bound

    start, end = (value if value is None or isinstance(value, PartialDate) else bound(str(value), option)
                  for option, value in (("--since", since), ("--until", until)))
    if start is not None and end is not None and _first_day(start) > _last_day(end):
        raise UsageError(f"--since {start} is later than --until {end}")
    return start, end


def _first_day(date: PartialDate) -> tuple[int, int, int]:
    return (date.year, date.month or 1, date.day or 1)


def _last_day(date: PartialDate) -> tuple[int, int, int]:
    from ..data.partialdate import last_day

    return last_day(date)


def within(date: PartialDate | None, start: PartialDate | None, end: PartialDate | None) -> bool:
    """Whether a (partial) date falls in the range, ends included, by the rule of
    --as-of: a date counts from the last day it covers. So `--since 2024-06`
    keeps 2024-06-30 and "2024" (the end of 2024), not 2024-05-31, and
    `--until 2024-06` keeps 2024-06-30 but not "2024"."""
    if start is None and end is None:
        return True
    if date is None:
        return False
    counted = _last_day(date)
    return (start is None or counted >= _first_day(start)) and (end is None or counted <= _last_day(end))


def check_tiers(dataset: Dataset, tiers: Iterable[str]) -> list[str]:
    """The tier ids for what a user typed, in order, each once: an id, the
    tier's name or its Mongolian name, whole or by a part only one tier's names
    hold ("strategic", "иж бүрэн", "өргөн": query.tier_names). UsageError for
    anything else, listing the tiers (by their Mongolian names under --lang mn),
    or the tiers a part may mean."""
    tiers = list(tiers)
    if not tiers:
        # Most commands ask with no tier: folding the Mongolian names costs the
        # text fold's first use (a pattern compiled, 1 ms of start-up) for nothing.
        return []
    from ..core.language import _, current
    from .tier_names import tiers_named

    chosen: list[str] = []
    for value in tiers:  # the command line has split "a,b" already (cli.options.comma_list)
        found = tiers_named(value, dataset.tiers)
        if len(found) == 1:
            chosen.append(found[0])
            continue
        if current() == "en":
            listed = ", ".join(tier.id for tier in dataset.tiers if not found or tier.id in found)
        else:
            listed = ", ".join(f"{tier.name_mn or tier.name} ({tier.id})" for tier in dataset.tiers
                               if not found or tier.id in found)
        if found:
            raise UsageError(_("tier {value} may be any of: {tiers}; give more of its name").format(
                value=repr(value), tiers=listed))
        raise UsageError(_("unknown tier {value}; valid tiers: {tiers}").format(value=repr(value), tiers=listed))
    return list(dict.fromkeys(chosen))


def select_partners(
    dataset: Dataset,
    *,
    tiers: Sequence[str] = (),
    since: Bound = None,
    until: Bound = None,
    include_neighbors: bool = False,
    include_other: bool = False,
    sort: str = "tier",
    as_of: PartialDate | None = None,
) -> list[Partner]:
    """Partners matching every filter, in the requested order; with `as_of`, as
    they stood on that date.

    `since` / `until` are years or dates, inclusive, compared with the date the partner
    reached its current tier (`tier_since`: a rename within the tier does not
    move it), which is also the date sorted by. Mongolia's two neighbors, and the other relations and organisations (no
    tier), are left out unless asked for; a year or tier filter leaves out the
    other relations, which have neither.
    """
    if as_of is not None:
        from .asof import dataset_as_of

        dataset = dataset_as_of(dataset, as_of)
    tiers = check_tiers(dataset, tiers)
    since, until = check_date_range(since, until)
    sort = sort.lower()
    if sort not in SORT_ORDERS:
        raise UsageError(f"unknown sort order {sort!r}; choose from {', '.join(SORT_ORDERS)}")
    wanted = set(tiers)
    chosen = [
        partner for partner in dataset.all_partners
        if (include_neighbors or not partner.neighbor)
        and (include_other or partner.tier is not None)
        and (not wanted or partner.tier in wanted)
        and within(partner.tier_since, since, until)
    ]
    rank = {tier.id: tier.rank for tier in dataset.tiers}
    last = max(rank.values(), default=0) + 1  # the other relations come after every tier, then the organisations
    sort_keys = {
        "tier": lambda p: (rank.get(p.tier, last + p.is_organisation), p.tier_sort_key, p.name.casefold()),
        "name": lambda p: (normalize(p.name), p.id),
        "date": lambda p: (p.tier_sort_key, rank.get(p.tier, last + p.is_organisation), p.name.casefold()),
    }
    return sorted(chosen, key=sort_keys[sort])


def resolve_partner(dataset: Dataset, query: str) -> Partner:
    """The one partner a user means by `query`: exact, or a LookupError
    (thirdneighbor.query.lookup has the rule)."""
    from .lookup import resolve_partner as look_up

    return look_up(dataset, query)


R = TypeVar("R", Partner, Person)


def pick_one(query: str, records: Sequence[R], keys_of: Callable[[R], list[str]], nouns: tuple[str, str], *,
             min_part: int = 2, min_key: int = 1) -> R:
    """The one record (a person) whose names, `keys_of(record)`,
    fit `query`: an exact name first, then a part of one at least `min_part`
    characters long, in names at least `min_key` long. Case, accents and
    punctuation are ignored. NotFoundError names the closest names;
    AmbiguousError the candidates."""
    wanted = normalize(query)
    if not wanted:
        raise NotFoundError(query, [], noun=nouns[0])
    exact: dict[str, R] = {}
    partial: dict[str, R] = {}
    for record in records:
        keys = [normalize(name) for name in keys_of(record)]
        if wanted in keys:
            exact[record.id] = record
        elif len(wanted) >= min_part and any(wanted in key for key in keys if len(key) >= min_key):
            partial[record.id] = record
    for matches in (exact, partial):
        if len(matches) == 1:
            return next(iter(matches.values()))
        if len(matches) > 1:
            raise AmbiguousError(query, [f"{r.id} ({r.name})" for r in matches.values()], noun=nouns[1])
    owner: dict[str, str] = {}
    for record in records:
        for name in keys_of(record):
            owner.setdefault(normalize(name), record.name)
    close = difflib.get_close_matches(wanted, owner, n=9, cutoff=0.6)
    raise NotFoundError(query, list(dict.fromkeys(owner[key] for key in close))[:3], noun=nouns[0])


def narrowed(partners: Sequence[Partner], named: Sequence[Partner]) -> list[Partner]:
    """`partners`, in their order, keeping only those `--country` named."""
    wanted = {partner.id for partner in named}
    return [partner for partner in partners if partner.id in wanted]


def resolve_partners(dataset: Dataset, queries: Sequence[str], as_of: PartialDate | None = None, *,
                     words: bool = False) -> list[Partner]:
    """The partners these names mean; with `as_of`, as they stood on that date
    (NotYetError for one that held no tier yet). With `words`, the queries are
    a command line's words, and several that together spell a name are that
    name (`show united states`)."""
    if words:
        from .lookup import resolve_words

        partners = resolve_words(dataset, queries)
    else:
        partners = [resolve_partner(dataset, query) for query in queries]
    if as_of is None:
        return partners
    from .asof import same_partners_as_of

    return same_partners_as_of(partners, as_of)


def events_by_partner(dataset: Dataset, as_of: PartialDate | None = None) -> dict[str, list[Event]]:
    """Each partner id's events, in date order (with `as_of`, those up to that
    date). One pass over the events."""
    events = dataset.all_events
    if as_of is not None:
        from .asof import in_force

        events = tuple(event for event in events if in_force(event.date, as_of))
    index: dict[str, list[Event]] = {partner.id: [] for partner in dataset.all_partners}
    for event in events:
        for partner_id in event.partners:
            # As of a past date, an event may name a partner that had no tier yet.
            if partner_id in index:
                index[partner_id].append(event)
    return index


def select_events(
    dataset: Dataset,
    *,
    partner_ids: Sequence[str] = (),
    since: Bound = None,
    until: Bound = None,
    tiers: Sequence[str] = (),
) -> list[Event]:
    """Events oldest first. Filters: any of these partners, dates (or years) inclusive, and
    tiers: an event matches if a partner it names held one of them on the event's
    date (`tiers_then`), not today: the 2004 Türkiye event is comprehensive."""
    tiers = check_tiers(dataset, tiers)
    since, until = check_date_range(since, until)
    wanted_partners = set(partner_ids)
    wanted_tiers = set(tiers)
    by_id = {partner.id: partner for partner in dataset.all_partners}
    return [
        event for event in dataset.all_events
        if (not wanted_partners or wanted_partners.intersection(event.partners))
        and within(event.date, since, until)
        and (not wanted_tiers or wanted_tiers.intersection(tiers_then(event.date, event.partners, by_id)))
    ]


def tiers_then(date: PartialDate, partner_ids: Iterable[str], partners: dict[str, Partner]) -> list[str]:
    """The tiers these partners (an event's) held on `date`, by the rule of
    --as-of (`tier_at`), in the order named; a partner with no tier then adds none."""
    from .asof import tier_at

    found = (tier_at(partners[pid], date) for pid in partner_ids if pid in partners)
    return [tier for tier in found if tier is not None]


def subset(dataset: Dataset, partners: Sequence[Partner]) -> Dataset:
    """A dataset of these partners only: the events that name no one else, and
    the events that name no partner at all. Tiers, the policy and the people
    stay; a snapshot only whole, where every partner it lists is kept; of the
    sources, those the records kept still cite."""
    from ..data.record import replaced
    from .evidence import cited_ids

    kept = {partner.id for partner in partners}
    events = tuple(event for event in dataset.all_events if all(pid in kept for pid in event.partners))
    snapshots = tuple(snapshot for snapshot in dataset.snapshots
                      if all(pid in kept for tier in snapshot.tiers for pid in tier.partners))
    chosen = replaced(dataset, all_partners=tuple(partners), all_events=events, snapshots=snapshots)
    cited = cited_ids(chosen)
    return replaced(chosen, all_sources=tuple(s for s in dataset.all_sources if s.id in cited))
