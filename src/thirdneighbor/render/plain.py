"""Plain text for pipes and files: no ANSI codes, no borders, nothing truncated.

Record-like output (list, timeline, tiers, compare) is one tab-separated line per
record, so `cut`, `sort` and `grep` work on it. `show` is an indented block.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Event, Level, Partner
from ..groupings import ComparedField, TierGroup
from .safe import clean, display_value, joined


def _row(*cells: object) -> str:
    return "\t".join(clean("" if cell is None else str(cell)) for cell in cells)


def partner_rows(partners: Sequence[Partner]) -> list[str]:
    """id, name, ISO2, ISO3, level, designation (with any asterisk), since."""
    return [
        _row(p.id, p.name, p.iso2, p.iso3, p.level, p.marked_designation, p.since)
        for p in partners
    ]


def event_rows(events: Sequence[Event]) -> list[str]:
    """date, title, partner ids joined by commas."""
    return [_row(e.date, e.title, ",".join(e.partners)) for e in events]


def tier_rows(groups: Sequence[TierGroup]) -> list[str]:
    """level, designation, partner id, since: one line per partner."""
    return [
        _row(group.level.id, designation.designation, partner.id, partner.since)
        for group in groups
        for designation in group.designations
        for partner in designation.partners
    ]


def compare_rows(fields: Sequence[ComparedField]) -> list[str]:
    """field, "same" or "differs", then one value per partner."""
    return [
        _row(f.field, "same" if f.same else "differs", *(display_value(v) for v in f.values))
        for f in fields
    ]


def partner_block(partner: Partner, level: Level, events: Sequence[Event]) -> list[str]:
    """Everything about one partner, as an indented block of text."""
    lines = [
        f"{clean(partner.name)} ({partner.iso2}, {partner.iso3}) [{partner.id}]",
        f"  level: {clean(level.name)} ({level.id})",
        f"  designation: {clean(partner.marked_designation)}",
        f"  since: {partner.since}",
        f"  occasion: {clean(partner.occasion)}",
    ]
    if partner.official_name:
        lines.insert(1, f"  official name: {clean(partner.official_name)}")
    if partner.instrument:
        lines.append(f"  instrument: {clean(partner.instrument)}")
    if partner.leaders:
        lines.append(f"  leaders: {joined(partner.leaders)}")
    if partner.aliases:
        lines.append(f"  also known as: {joined(partner.aliases)}")
    if partner.neighbor:
        lines.append("  neighbour: yes (not a third neighbor)")
    if partner.history:
        lines.append("  earlier levels:")
        for entry in partner.history:
            extra = "; ".join(clean(part) for part in (entry.occasion, entry.note) if part)
            lines.append(f"    {entry.when}  {clean(entry.designation)}" + (f" ({extra})" if extra else ""))
    if events:
        lines.append("  events:")
        lines.extend(f"    {event.date}  {clean(event.title)}" for event in events)
    if partner.notes:
        lines.append("  notes:")
        lines.extend(f"    - {clean(note)}" for note in partner.notes)
    lines.append("  sources:")
    lines.extend(f"    - {clean(source)}" for source in partner.sources)
    return lines
