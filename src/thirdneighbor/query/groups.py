"""Group and line up partners: the tiers tree, partners side by side, and
milestones per year.

Kept apart from `select` so that `list`, `show` and `timeline` do not pay, at
every start-up, for creating these result classes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..errors import UsageError
from ..data.declared import Value, value
from ..data.model import Dataset, Event, Partner, Tier
from ..data.names import normalize
from ..data.partialdate import PartialDate
from ..data.record import replaced
from .select import events_by_partner


# Value classes, not dataclass(): a dataclass costs the tiers command's
# start-up the dataclasses module and its processing (thirdneighbor.data.declared).
@value
class DesignationGroup(Value):
    designation: str
    partners: tuple[Partner, ...]


@value
class TierGroup(Value):
    tier: Tier
    designations: tuple[DesignationGroup, ...]

    @property
    def partners(self) -> list[Partner]:
        return [partner for group in self.designations for partner in group.partners]


OTHER_RELATIONS = Tier(id="other", name="Other relations", rank=0,
                       description="Countries with dated events but no partnership tier.")
ORGANISATIONS = Tier(id="organisation", name="Organisations", rank=0,
                     description="The multilateral third neighbors: organisations, with no partnership tier.")


def no_tier_label(partner: Partner) -> str:
    """What a partner without a tier is, as tables and pages say it, in the
    language in use."""
    from ..core.language import _

    return _("no tier (organisation)") if partner.is_organisation else _("no tier (other relation)")


def partner_counts(partners: Sequence[Partner]) -> dict[str, int]:
    """How many partners are third neighbors, neighbors, other relations and organisations."""
    neighbors = sum(partner.neighbor for partner in partners)
    organisations = sum(partner.is_organisation for partner in partners)
    other = sum(partner.tier is None and not partner.is_organisation for partner in partners)
    return {"third_neighbors": len(partners) - neighbors - other - organisations, "neighbors": neighbors,
            "other_relations": other, "organisations": organisations}


def tier_groups(dataset: Dataset, *, include_neighbors: bool = False, include_other: bool = False,
                as_of: PartialDate | None = None) -> list[TierGroup]:
    """Tier -> designation -> partners, in rank order, partners by the date
    they reached their tier (`tier_since`); with
    `as_of`, as things stood on that date.

    Without `include_neighbors`, the neighbors and the tiers only they hold today
    are left out (also on a date when the neighbors held none); other tiers show
    even when empty. With `include_other`, two last groups, OTHER_RELATIONS and
    ORGANISATIONS (ranked after every tier), hold the countries without a tier
    and the organisations.
    """
    neighbor_tiers = neighbor_only_tiers(dataset)
    if as_of is not None:
        from .asof import dataset_as_of

        dataset = dataset_as_of(dataset, as_of)
    by_tier: dict[str, dict[str, list[Partner]]] = {tier.id: {} for tier in dataset.tiers}
    others: list[Partner] = []
    organisations: list[Partner] = []
    for partner in sorted(dataset.all_partners, key=lambda p: (p.tier_sort_key, normalize(p.name))):
        if partner.is_organisation:
            organisations.append(partner)
        elif partner.tier is None:
            others.append(partner)
        elif include_neighbors or not partner.neighbor:
            by_tier[partner.tier].setdefault(partner.marked_designation, []).append(partner)
    groups = [
        TierGroup(tier, tuple(DesignationGroup(name, tuple(members))
                              for name, members in by_tier[tier.id].items()))
        for tier in dataset.tiers
        if include_neighbors or tier.id not in neighbor_tiers
    ]
    if include_other:
        last = max((tier.rank for tier in dataset.tiers), default=0) + 1
        for rank, (tier, members) in enumerate(((OTHER_RELATIONS, others), (ORGANISATIONS, organisations)), last):
            groups.append(TierGroup(replaced(tier, rank=rank),
                                    (DesignationGroup("No partnership tier", tuple(members)),) if members else ()))
    return groups


def neighbor_only_tiers(dataset: Dataset) -> set[str]:
    """The tiers that only Mongolia's two neighbors hold."""
    third = {partner.tier for partner in dataset.all_partners if not partner.neighbor and partner.tier}
    return {partner.tier for partner in dataset.all_partners if partner.neighbor} - third


@value
class ComparedField(Value):
    """One compared row. `values` are what is shown (a count, for notes, events
    and sources); `basis`, where given, is what "same" compares: the contents,
    so that two different notes are not "the same" for being one each."""

    field: str
    values: tuple[Any, ...]
    basis: tuple[Any, ...] | None = None

    @property
    def same(self) -> bool:
        compared = self.basis if self.basis is not None else self.values
        return all(value == compared[0] for value in compared)


# `tier_since` and `since` as in a partner record: when the tier was reached,
# and when the current designation began (later only after a rename).
COMPARED_FIELDS = (
    "tier", "tier_since", "designation", "since", "occasion", "instrument", "leaders",
    "earlier_tiers", "events", "neighbor", "notes", "sources",
)


def compare_partners(dataset: Dataset, partners: Sequence[Partner],
                     as_of: PartialDate | None = None) -> list[ComparedField]:
    """One row per field, one value per partner, in the order given. With
    `as_of`, `partners` are as they stood then, and only events up to it count."""
    if len(partners) < 2:
        raise UsageError("compare needs at least two partners")
    ids = [partner.id for partner in partners]
    repeated = sorted({pid for pid in ids if ids.count(pid) > 1})
    if repeated:
        raise UsageError(f"compare needs different partners; {', '.join(repeated)} was named twice")
    events = events_by_partner(dataset, as_of)
    rows: dict[str, list[Any]] = {name: [] for name in COMPARED_FIELDS}
    contents: dict[str, list[Any]] = {"events": [], "notes": [], "sources": []}
    for partner in partners:
        contents["events"].append(sorted((str(event.date), event.title) for event in events[partner.id]))
        contents["notes"].append(sorted(partner.notes))
        contents["sources"].append(sorted(partner.sources))
        rows["tier"].append(partner.tier)
        rows["tier_since"].append(partner.tier_when)
        rows["designation"].append(partner.marked_designation or None)
        rows["since"].append(partner.when)
        rows["occasion"].append(partner.occasion)
        rows["instrument"].append(partner.instrument)
        rows["leaders"].append(list(partner.leaders))
        rows["earlier_tiers"].append([f"{entry.designation} ({entry.when})" for entry in partner.history])
        rows["events"].append(len(events[partner.id]))
        rows["neighbor"].append(partner.neighbor)
        rows["notes"].append(len(partner.notes))
        rows["sources"].append(len(partner.sources))
    return [ComparedField(name, tuple(values), tuple(contents[name]) if name in contents else None)
            for name, values in rows.items()]


def milestones_per_year(dataset: Dataset, events: Sequence[Event]) -> list[tuple[int, dict[str, int]]]:
    """Events per year, from the first year to the last, empty years included.

    Each event counts once, under the closest tier (lowest rank) that the
    partners it names held on its date (`tiers_then`: the US events of 2017 and
    2018 are comprehensive, as the US reached strategic in 2019); an event that
    names no partner, or none that held a tier then, counts under "none".
    """
    from .select import tiers_then

    rank = {tier.id: tier.rank for tier in dataset.tiers}
    by_id = {partner.id: partner for partner in dataset.all_partners}
    if not events:
        return []
    first, last = events[0].date.year, events[-1].date.year
    counts: dict[int, dict[str, int]] = {year: {} for year in range(first, last + 1)}
    for event in events:
        tiers = tiers_then(event.date, event.partners, by_id)
        key = min(tiers, key=lambda tier: rank[tier]) if tiers else "none"
        year = counts[event.date.year]
        year[key] = year.get(key, 0) + 1
    return list(counts.items())
