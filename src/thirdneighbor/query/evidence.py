"""Which sources support which value: a partner's claims, its sources as objects, and their grades.

Pure functions over the records, for `show --sources`, `show --json`
(`evidence`, `sources`), `list --fields confidence`, the SQLite export and the
report. A value's claim is the partner's `[[partners.evidence]]` entry for its
field; an earlier tier and an event are claims of their own. A value with no
claim is listed with its confidence None, so that nothing looks graded that is not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..data.model import Claim, Dataset, Event, HistoryEntry, Partner, Source

# The partner's fields that claims support, in the order `show` gives them.
CLAIMED_FIELDS = ("tier", "since", "designation", "occasion", "instrument")
# What `source_object` gives, in order: the JSON contract's keys.
SOURCE_KEYS = ("id", "url", "title", "publisher", "date", "language", "kind", "archive_url", "offline")


def sources_by_id(dataset: Dataset) -> dict[str, Source]:
    return {source.id: source for source in dataset.all_sources}


def cited_ids(dataset: Dataset) -> set[str]:
    """Every source id the dataset's records cite: the policy's, each partner's (its
    claims and earlier tiers too), each event's, each person's (and their roles'),
    each snapshot's, and the lists Mongolia's and the partners' state codes were read from."""
    cited = set(dataset.policy.sources)
    for country in (dataset.mongolia, *dataset.all_partners) if dataset.mongolia else dataset.all_partners:
        cited.update(source for source in (country.cow_source, country.gw_source) if source)
    for partner in dataset.all_partners:
        cited.update(partner.sources)
        for claim in (*partner.evidence, *partner.history):
            cited.update(claim.sources)
    for record in (*dataset.all_events, *dataset.all_people, *dataset.snapshots):
        cited.update(record.sources)
    for person in dataset.all_people:
        for role in person.roles:
            cited.update(role.sources)
    return cited


def source_object(source: Source) -> dict[str, Any]:
    """A source as JSON: every key present, None where not recorded."""
    record = source.to_dict()
    return {key: record[key] for key in SOURCE_KEYS}


def source_label(source: Source) -> str:
    """A source in one line of text: its address, or its citation and why it is offline."""
    if source.url:
        return source.url
    return f"{source.title} (offline: {source.offline})" if source.title else f"{source.id} (offline)"


def cited_labels(dataset: Dataset, ids: tuple[str, ...]) -> list[str]:
    """The sources these ids name, a line of text each (an id no record has stays as it is)."""
    index = sources_by_id(dataset)
    return [source_label(index[source_id]) if source_id in index else source_id for source_id in ids]


def _value(partner: Partner, field: str) -> Any:
    value = getattr(partner, field)
    if field == "since" and value is not None:
        return partner.when
    return None if value is None else str(value)


def _claim_row(field: str, value: Any, claim: Claim | HistoryEntry | Event | None) -> dict[str, Any]:
    return {"field": field, "value": value,
            "sources": list(claim.sources) if claim is not None else [],
            "quote": getattr(claim, "quote", None), "quote_language": getattr(claim, "quote_language", None),
            "confidence": getattr(claim, "confidence", None),
            "note": getattr(claim, "note", None) if claim is not None and hasattr(claim, "field") else None}


def claim_for(partner: Partner, field: str) -> Claim | None:
    return next((claim for claim in partner.evidence if claim.field == field), None)


def partner_evidence(partner: Partner, events: list[Event] | tuple[Event, ...] = ()) -> list[dict[str, Any]]:
    """Every value of the partner with its claim: its fields, its earlier tiers, its events."""
    rows = [_claim_row(field, _value(partner, field), claim_for(partner, field))
            for field in CLAIMED_FIELDS if getattr(partner, field) is not None]
    rows += [_claim_row("history", f"{entry.designation} ({entry.when})", entry if entry.sources else None)
             for entry in partner.history]
    rows += [_claim_row("event", f"{event.date} {event.title}", event) for event in events]
    return rows


def tier_date_entry(partner: Partner) -> HistoryEntry | None:
    """The earlier tier whose start is the partner's tier date, where a rename
    within the tier moved `since` past it (Japan: 2010-11-19); else None."""
    start = partner.tier_since
    if start is None or start == partner.since:
        return None
    return next((entry for entry in partner.history if entry.start == start and entry.tier == partner.tier), None)


def confidence(partner: Partner) -> dict[str, str | None]:
    """The grades of the tier and of the tier's date, for `list --fields confidence`."""
    tier = claim_for(partner, "tier")
    entry = tier_date_entry(partner)
    date = entry if entry is not None else claim_for(partner, "since")
    return {"tier": tier.confidence if tier else None, "tier_since": date.confidence if date else None}
