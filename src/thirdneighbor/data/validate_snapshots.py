"""Snapshots (schema 4's `[[snapshots]]`): a source's own list of partners by tier on
a date, checked against the tiers and partners the file declares, so that a test of
`list --as-of` against it compares like with like (tests/test_data.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Snapshot, SnapshotTier
from .validate_fields import Label, _Collector, _fixed_after, _label, check_id, unknown_tier
from .validate_records import AsOf

from .validate_sources import CONFIDENCES

if TYPE_CHECKING:
    from .validate_sources import Citations


def build_snapshots(check: _Collector, raw_snapshots: list[Any], tier_ids: set[str] | None,
                    partner_ids: set[str] | None, as_of: AsOf, citations: Citations) -> list[Snapshot]:
    snapshots: list[Snapshot] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_snapshots):
        label = _label("snapshots", index, raw, "id")
        fields = check.fields(raw, label, Snapshot)
        if fields is None:
            continue
        citations.add(label, "sources", fields["sources"])
        before = len(check.problems)
        check_id(check, label, fields["id"], seen, "snapshot", "'mfa-partners-by-tier-2015'")
        if not fields["sources"]:
            check.add(label, "field 'sources' must name at least one source")
        if fields.get("confidence", "low") not in CONFIDENCES:
            check.add(label, f"field 'confidence' must be one of {', '.join(CONFIDENCES)}, not {fields['confidence']!r}")
        if ("quote" in fields) != ("quote_language" in fields):
            check.add(label, "gives 'quote' or 'quote_language' without the other; give both or neither")
        as_of.check(check, label, "'date'", fields["date"])
        tiers = _build_tiers(check, label, fields.pop("tiers"), tier_ids, partner_ids)
        if len(check.problems) == before:
            snapshots.append(Snapshot(**fields, tiers=tiers))
    return snapshots


def _build_tiers(check: _Collector, owner: Label, raw_tiers: list[Any], tier_ids: set[str] | None,
                 partner_ids: set[str] | None) -> tuple[SnapshotTier, ...]:
    tiers: list[SnapshotTier] = []
    listed: set[str] = set()
    for index, raw in enumerate(raw_tiers):
        label = _fixed_after(owner, f" tiers[{index}]")
        fields = check.fields(raw, label, SnapshotTier)
        if fields is None:
            continue
        if tier_ids is not None and fields["tier"] not in tier_ids:
            check.add(label, unknown_tier(fields["tier"], tier_ids))
        unknown = [pid for pid in fields["partners"] if partner_ids is not None and pid not in partner_ids]
        if unknown:
            check.add(label, f"names unknown partners {', '.join(map(repr, unknown))}")
        again = [pid for pid in fields["partners"] if pid in listed]
        if again:
            check.add(label, f"lists {', '.join(map(repr, again))} again; a snapshot gives each partner one tier")
        listed.update(fields["partners"])
        tiers.append(SnapshotTier(**fields))
    if not raw_tiers:
        check.add(owner, "field 'tiers' must list at least one tier")
    return tuple(tiers)
