"""The dataset as tables of CSV files (`export --format csv`), and as a Frictionless
data package (`export --format datapackage`): the same files with a
`datapackage.json` that types and describes every column and declares the keys.

`export_files(dataset, partners, descriptor=...)` returns {file name: bytes}
for thirdneighbor.core.directories to write as one directory. The CSV files are RFC 4180:
UTF-8 without a byte-order mark, comma-separated, CRLF line ends, a header row,
and a field quoted only where it holds a comma, a quote or a line break. Values
are written exactly as the dataset holds them, so that they read back the same
(a name that begins with "=" too: these files are data for programs, and
`list --format csv` is the spreadsheet-safe view). A missing value is an empty
field; true and false are `true` and `false`. The same dataset gives the same
bytes: nothing in them depends on the time or the machine.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from ..data.model import Dataset, Partner
from .tables import TABLES, Column, Table, table

DESCRIPTOR = "datapackage.json"
FORMATS = ("csv", "datapackage")


def export_files(dataset: Dataset, partners: Sequence[Partner] | None = None, *,
                 descriptor: bool = True) -> dict[str, bytes]:
    """One CSV file per table, and with `descriptor` the data package's
    descriptor: {file name: contents}, in the order the descriptor lists them."""
    from .table_rows import table_rows

    rows = table_rows(dataset, partners)
    files = {f"{table.name}.csv": csv_bytes(table, rows[table.name]) for table in TABLES}
    if descriptor:
        text = json.dumps(package_descriptor(dataset), ensure_ascii=False, indent=2) + "\n"
        files[DESCRIPTOR] = text.encode("utf-8")
    return files


def table_csv(dataset: Dataset, partners: Sequence[Partner] | None, name: str) -> bytes:
    """One table's CSV file (`export --format csv --table NAME`)."""
    from .table_rows import table_rows

    return csv_bytes(table(name), table_rows(dataset, partners)[name])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)  # text as it is; an integer, or a partial date, as written


def csv_bytes(table: Table, rows: Sequence[Sequence[Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type, "description": column.description}
    if column.type == "boolean":
        field.update(trueValues=["true"], falseValues=["false"])
    constraints = dict(column.constraints)
    if column.required:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [_field(column) for column in table.columns],
                              "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": list(key.columns),
                                  "reference": {"resource": key.table, "fields": list(key.referenced)}}
                                 for key in table.foreign_keys]
    return {"name": table.name, "path": f"{table.name}.csv", "profile": "tabular-data-resource",
            "description": table.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": schema}


def package_sources(dataset: Dataset) -> list[dict[str, str]]:
    """The descriptor's `sources`: every source record (its title, or its
    address, and its address as `path`; an offline source's citation and why it
    is offline), the lists the state codes were read from among them."""
    from ..query.evidence import source_label

    return [{"title": source.title or source.url, "path": source.url} if source.url
            else {"title": source_label(source)} for source in dataset.all_sources]


def package_descriptor(dataset: Dataset) -> dict[str, Any]:
    """The Frictionless descriptor (Data Package 1.0, which frictionless-py
    validates): the dataset's title, version and licence, its authors, every
    source it cites, and each table with its typed, described columns and keys."""
    from ..core import __version__
    from .citation import AUTHOR, license_info, project_url, title

    short, name, url = license_info(dataset)
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "thirdneighbor",
        "title": title(dataset),
        "description": f"{dataset.policy.name}: {dataset.policy.summary} Checked against its sources on "
                       f"{dataset.as_of}; exported by thirdneighbor {__version__}.",
    }
    if dataset.version:
        descriptor["version"] = dataset.version
    homepage = project_url()
    if homepage:
        descriptor["homepage"] = homepage
    if dataset.license:
        licence = {"name": dataset.license, "title": name or short}
        descriptor["licenses"] = [{**licence, "path": url} if url else licence]
    descriptor["contributors"] = [{"title": AUTHOR, "role": "author"}]
    descriptor["sources"] = package_sources(dataset)
    descriptor["resources"] = [_resource(table) for table in TABLES]
    return descriptor
