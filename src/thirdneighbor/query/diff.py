"""The record-level difference between two datasets (`thirdneighbor diff OLD NEW`).

Records are matched by a key that stays put when a record is edited:

- tiers, partners, people and sources by their `id`, which the file declares and
  every reference uses;
- events by their date and title together. An event has no id; the date and
  title are what the timeline prints and what a reader cites it by, and no two
  events of the bundled data share both. An event whose date or title was
  corrected is therefore reported as one event removed and one added, which is
  what it is to anyone who cited the old one. Events that share a date and title
  within one file are told apart by their order (a third key part, 2, 3, ...);
- the file's own fields (title, version, licence, as_of, schema_version), the
  policy and Mongolia's record are one record each.

Within a matched record every declared field is compared, a partner's earlier
tiers included, as the JSON output holds it; each changed field comes with its
old and new value. Where a partner keeps as many earlier tiers as before, each
changed value in them is named on its own ("history[0].since"). Nothing here reads or writes files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..data.model import Dataset, Record, record_fields

# The file's own fields, as `diff` names them (the record kind "dataset").
DATASET_FIELDS = ("schema_version", "title", "version", "license", "as_of")


def values(record: Record) -> dict[str, Any]:
    """Every field a file gives a record, as JSON values: to_dict(), with the
    detail fields (a partner's earlier tiers) that to_dict() leaves out for
    `list`, and without what it works out (a partner's `tier_since`, which
    follows from its history: the history's change is the one to report)."""
    stored = record.to_dict()
    result = {}
    for info in record_fields(type(record)):
        if info.detail:
            result[info.key] = [item.to_dict() for item in getattr(record, info.name)]
        else:
            result[info.key] = stored[info.key]
    return result


def _dataset_values(dataset: Dataset) -> dict[str, Any]:
    # Not to_dict(): that would turn every record of the file into JSON for five fields.
    return {key: str(dataset.as_of) if key == "as_of" else getattr(dataset, key) for key in DATASET_FIELDS}


def _change(kind: str, key: Any, change: str, old: dict[str, Any] | None,
            new: dict[str, Any] | None) -> dict[str, Any]:
    fields: list[dict[str, Any]] = []
    if change == "changed":
        assert old is not None and new is not None
        for name in dict.fromkeys([*old, *new]):
            fields += _changed_fields(name, old.get(name), new.get(name))
    return {"record": kind, "key": key, "change": change, "fields": fields,
            "values": new if change == "added" else old if change == "removed" else None}


def _changed_fields(name: str, old: Any, new: Any) -> list[dict[str, Any]]:
    """The field, if it changed; for a list of tables of the same length (a partner's
    earlier tiers), each changed value in it, as "history[0].since"."""
    if old == new:
        return []
    if (isinstance(old, list) and isinstance(new, list) and len(old) == len(new)
            and all(isinstance(item, dict) for item in (*old, *new))):
        return [{"field": f"{name}[{index}].{key}", "old": before.get(key), "new": after.get(key)}
                for index, (before, after) in enumerate(zip(old, new))
                for key in dict.fromkeys([*before, *after]) if before.get(key) != after.get(key)]
    return [{"field": name, "old": old, "new": new}]


def _single(kind: str, old: dict[str, Any] | None, new: dict[str, Any] | None) -> list[dict[str, Any]]:
    if old == new:
        return []
    change = "added" if old is None else "removed" if new is None else "changed"
    return [_change(kind, None, change, old, new)]


def _keyed(kind: str, old: Sequence[Record], new: Sequence[Record],
           key: Callable[[Record], Any]) -> list[dict[str, Any]]:
    before, after = _by_key(old, key), _by_key(new, key)
    changes = []
    for record_key, record in before.items():
        if record_key not in after:
            changes.append(_change(kind, _shown_key(record_key), "removed", values(record), None))
        elif after[record_key] != record:
            changes.append(_change(kind, _shown_key(record_key), "changed", values(record),
                                   values(after[record_key])))
    changes += [_change(kind, _shown_key(record_key), "added", None, values(record))
                for record_key, record in after.items() if record_key not in before]
    return changes


def _by_key(records: Iterable[Record], key: Callable[[Record], Any]) -> dict[Any, Record]:
    """Records by key, in file order; a key seen again gets its occurrence (2, 3, ...) added."""
    keyed: dict[Any, Record] = {}
    seen: dict[Any, int] = {}
    for record in records:
        base = key(record)
        seen[base] = seen.get(base, 0) + 1
        keyed[base if seen[base] == 1 else (*base, seen[base])] = record
    return keyed


def _shown_key(record_key: tuple[Any, ...]) -> Any:
    """An id as itself ("japan"); an event's key as [date, title] (and its occurrence)."""
    return record_key[0] if len(record_key) == 1 else list(record_key)


def dataset_diff(old: Dataset, new: Dataset) -> list[dict[str, Any]]:
    """Every record added, removed or changed from `old` to `new`: the file's own
    fields, Mongolia, the policy, then tiers, partners, events, people and sources."""
    return [
        *_single("dataset", _dataset_values(old), _dataset_values(new)),
        *_single("mongolia", old.mongolia and values(old.mongolia), new.mongolia and values(new.mongolia)),
        *_single("policy", values(old.policy), values(new.policy)),
        *_keyed("tier", old.tiers, new.tiers, lambda tier: (tier.id,)),
        *_keyed("partner", old.all_partners, new.all_partners, lambda partner: (partner.id,)),
        *_keyed("event", old.all_events, new.all_events, lambda event: (str(event.date), event.title)),
        *_keyed("person", old.all_people, new.all_people, lambda person: (person.id,)),
        *_keyed("source", old.all_sources, new.all_sources, lambda source: (source.id,)),
    ]
