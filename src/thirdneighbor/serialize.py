"""Records as JSON-ready dicts: the public --json contract (schema/output.schema.json).

Every key is always present; a value the dataset lacks is null, so scripts can
rely on the shape.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .model import Event, HistoryEntry, Level, Partner
from .partialdate import PartialDate

if TYPE_CHECKING:
    from .groupings import ComparedField, TierGroup


# Tuples from the model go out as they are: json writes them as arrays, and
# copying each into a list costs time on a large dataset.


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def partner_json(partner: Partner, as_of: PartialDate | None = None) -> dict[str, Any]:
    """A partner; with `as_of`, as it stood on that date, which is then given too."""
    record = {
        "id": partner.id,
        "name": partner.name,
        "official_name": partner.official_name,
        "iso2": partner.iso2,
        "iso3": partner.iso3,
        "aliases": partner.aliases,
        "neighbor": partner.neighbor,
        "tier": partner.level,
        "designation": partner.designation,
        "asterisk": partner.asterisk,
        "since": partner.since.text,
        "occasion": partner.occasion,
        "instrument": partner.instrument,
        "leaders": partner.leaders,
        "notes": partner.notes,
        "sources": partner.sources,
    }
    if as_of is not None:
        record["as_of"] = as_of.text
    return record


def history_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "designation": entry.designation,
        "tier": entry.level,
        "since": _text_or_none(entry.since),
        "in_force_by": _text_or_none(entry.in_force_by),
        "occasion": entry.occasion,
        "note": entry.note,
    }


def event_json(event: Event) -> dict[str, Any]:
    return {
        "date": event.date.text,
        "title": event.title,
        "partners": event.partners,
        "notes": event.notes,
        "sources": event.sources,
    }


def partner_detail_json(partner: Partner, events: Sequence[Event],
                        as_of: PartialDate | None = None) -> dict[str, Any]:
    """`show`: the partner, its earlier levels and its events."""
    return {
        **partner_json(partner, as_of),
        "history": [history_json(entry) for entry in partner.history],
        "events": [event_json(event) for event in events],
    }


def level_json(level: Level) -> dict[str, Any]:
    return {"id": level.id, "name": level.name, "rank": level.rank, "description": level.description}


def tiers_json(groups: Sequence[TierGroup], as_of: PartialDate | None = None) -> list[dict[str, Any]]:
    levels = []
    for group in groups:
        level = {
            **level_json(group.level),
            "partners": [partner.id for partner in group.partners],
            "designations": [
                {"designation": designation.designation,
                 "partners": [partner.id for partner in designation.partners]}
                for designation in group.designations
            ],
        }
        if as_of is not None:
            level["as_of"] = as_of.text
        levels.append(level)
    return levels


def compared_json(field: ComparedField) -> dict[str, Any]:
    return {"field": field.field, "values": list(field.values), "same": field.same}


def compare_json(partners: Sequence[Partner], fields: Sequence[ComparedField],
                 as_of: PartialDate | None = None) -> dict[str, Any]:
    return {
        "partners": [partner_json(partner, as_of) for partner in partners],
        "fields": [compared_json(field) for field in fields],
    }


def level_history_json(partner: Partner) -> dict[str, Any]:
    """`history`: a partner's levels, oldest first, the current one last."""
    current = {
        "designation": partner.designation, "tier": partner.level, "since": partner.since.text,
        "in_force_by": None, "occasion": partner.occasion, "note": None, "current": True,
    }
    return {
        "id": partner.id,
        "name": partner.name,
        "levels": [{**history_json(entry), "current": False} for entry in partner.history] + [current],
    }


def dumps(payload: Any, *, ensure_ascii: bool = False) -> str:
    """The one JSON encoding every command uses: one line of UTF-8 text and a newline.

    Not indented: `indent` switches json to its pure-Python encoder, about six times
    slower on a large dataset. Pipe into `jq .` to read it.
    """
    return json.dumps(payload, ensure_ascii=ensure_ascii) + "\n"
