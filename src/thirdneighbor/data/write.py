"""A Dataset written back as a dataset file: the inverse of validate.build_dataset.

Keys follow the record classes' declared fields, in their order
(thirdneighbor.data.model.record_fields). An optional field that holds its default
is left out, as a person writing the file by hand would. Loading the result
gives an equal Dataset (tested as a round trip).
"""

from __future__ import annotations

from typing import Any

from .model import Dataset, record_fields
from .partialdate import PartialDate
from .validate import SCHEMA_VERSION


def record_table(record: Any) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for info in record_fields(type(record)):
        value = getattr(record, info.name)
        if not info.required and value == info.default:
            continue
        if info.kind == "table":
            value = record_table(value)
        elif info.kind == "tables":
            value = [record_table(item) for item in value]
        elif isinstance(value, PartialDate):
            value = str(value)
        elif isinstance(value, tuple):
            value = list(value)
        table[info.key] = value
    return table


def dataset_document(dataset: Dataset) -> dict[str, Any]:
    # What is written uses today's key names, so it says today's schema version.
    return {**record_table(dataset), "schema_version": SCHEMA_VERSION}


def dumps_dataset(dataset: Dataset) -> bytes:
    import tomli_w  # only writing a dataset needs it

    from ..core.safe import escaped_active

    # tomli_w escapes only what TOML requires; the bidirectional and zero-width
    # characters a terminal acts on are escaped too, as --json does.
    return escaped_active(tomli_w.dumps(dataset_document(dataset), multiline_strings=False)).encode("utf-8")
