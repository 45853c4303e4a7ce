"""A Dataset written back as a dataset file: the inverse of validate.build_dataset.

Optional fields that hold nothing are left out, as a person writing the file by
hand would. Loading the result gives an equal Dataset (tested as a round trip).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from .model import Dataset, Event, HistoryEntry, Level, Partner, Policy
from .partialdate import PartialDate


def _table(record: Level | Policy | Partner | HistoryEntry | Event, order: tuple[str, ...]) -> dict[str, Any]:
    values = {field.name: getattr(record, field.name) for field in fields(record)}
    table: dict[str, Any] = {}
    for name in order:
        value = values[name]
        if value is None or value == () or value is False and name == "asterisk":
            continue
        if isinstance(value, PartialDate):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        table[name] = value
    return table


# Key order in the written file, following the bundled dataset.
_LEVEL = ("id", "name", "rank", "description")
_POLICY = ("name", "summary", "aims", "table_source", "asterisk_note", "notes", "sources")
_PARTNER = ("id", "name", "official_name", "iso2", "iso3", "aliases", "neighbor", "level",
            "designation", "asterisk", "since", "occasion", "instrument", "leaders", "notes", "sources")
_HISTORY = ("designation", "level", "since", "in_force_by", "occasion", "note")
_EVENT = ("date", "title", "partners", "notes", "sources")


def dataset_document(dataset: Dataset) -> dict[str, Any]:
    partners = []
    for partner in dataset.partners:
        table = _table(partner, _PARTNER)
        if partner.history:
            table["history"] = [_table(entry, _HISTORY) for entry in partner.history]
        partners.append(table)
    return {
        "schema_version": dataset.schema_version,
        "as_of": str(dataset.as_of),
        "policy": _table(dataset.policy, _POLICY),
        "levels": [_table(level, _LEVEL) for level in dataset.levels],
        "partners": partners,
        "events": [_table(event, _EVENT) for event in dataset.events],
    }


def dumps_dataset(dataset: Dataset) -> bytes:
    import tomli_w  # only writing a dataset needs it

    return tomli_w.dumps(dataset_document(dataset), multiline_strings=False).encode("utf-8")
