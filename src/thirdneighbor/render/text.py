"""Records as plain text, CSV, TSV or JSON Lines (Markdown: markdown.py).

A record is a JSON-ready dict (thirdneighbor.views.registry). Every format shows the
same values: a list is joined with "; " (in CSV and TSV, one item per line of
the quoted cell, so that splitting at line breaks gives the items back, even
those holding "; "), a table inside a record (an earlier level, an event)
becomes one short line, true/false stay true/false, and a missing value is an
empty cell. A CSV or TSV text cell that a spreadsheet would read as a formula
(one beginning with =, +, -, @, a tab or a carriage return) gets a leading '.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

from ..core.safe import clean, spreadsheet_cell

LIST_SEPARATOR = "; "


def cell(value: Any, separator: str = LIST_SEPARATOR, empty: str = "") -> str:
    """One value as the text of a cell (not yet made safe for a terminal)."""
    if value is None or value == [] or value == ():
        return empty
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return _summary(value)
    if isinstance(value, (list, tuple)):
        return separator.join(cell(item) for item in value)
    return str(value)


def _summary(record: Mapping[str, Any]) -> str:
    # The nested records are earlier levels, events, sources and claims; say them as a person would.
    if "confidence" in record and "field" in record:  # a value and its evidence
        return _claim(record)
    if "offline" in record and "id" in record:  # a source
        where = record["url"] or f"{record['title'] or ''} (offline: {record['offline']})"
        return f"{record['id']}  {where}"
    if "title" in record and "date" in record:
        return f"{record['date']} {record['title']}"
    if "designation" in record and "partners" in record:  # a designation within a level
        return f"{record['designation']}: {', '.join(record['partners'])}"
    if "designation" in record:
        when = record.get("since") or (f"by {record['in_force_by']}" if record.get("in_force_by") else "")
        return f"{record['designation']} ({when})" if when else str(record["designation"])
    return ", ".join(f"{key}={cell(value)}" for key, value in record.items())


def _claim(record: Mapping[str, Any]) -> str:
    """`tier: strategic · high · source-a, source-b · “the source's words” (en)`; a value
    that no claim supports says so, so that nothing reads as graded that is not."""
    if not record["sources"]:
        return f"{record['field']}: {record['value']} · no graded claim"
    parts = [f"{record['field']}: {record['value']}", record["confidence"] or "not graded",
             ", ".join(record["sources"])]
    if record.get("quote"):
        parts.append(f"“{record['quote']}” ({record['quote_language']})")
    if record.get("note"):
        parts.append(record["note"])
    return " · ".join(parts)


def plain(records: Sequence[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """Tab-separated, one record per line, no header; tabs and line breaks in a
    value become spaces, so every line keeps its columns."""
    return "".join("\t".join(clean(cell(record.get(name))) for name in fields) + "\n" for record in records)


def key_value_blocks(records: Sequence[Mapping[str, Any]], fields: Sequence[str]) -> str:
    """One `key: value` line per field, a blank line between records (as `gh
    issue view` prints in a pipe): readable in `less` and easy to grep. A list
    gives a line per item, indented under its key; an empty value is left out."""
    width = max((len(name) for name in fields), default=0) + 2
    blocks = []
    for record in records:
        lines = []
        for name in fields:
            value = record.get(name)
            items = [clean(cell(item)) for item in value] if isinstance(value, (list, tuple)) else [clean(cell(value))]
            items = [item for item in items if item]
            for index, item in enumerate(items):
                lines.append((f"{name}:".ljust(width) if index == 0 else " " * width) + item)
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def delimited(records: Sequence[Mapping[str, Any]], fields: Sequence[str], delimiter: str) -> str:
    """CSV or TSV with a header row, quoted as Python's csv module reads it back.

    Control characters are taken out here too: a CSV file is also read in a
    terminal, and no spreadsheet wants an escape sequence in a cell. Nor a
    formula: a text cell that begins like one gets a leading ' (spreadsheet_cell).
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow([_delimited_cell(record.get(name)) for name in fields])
    return buffer.getvalue()


def _delimited_cell(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a number (a count, a rank, -1) is no formula
    if isinstance(value, (list, tuple)):
        return spreadsheet_cell("\n".join(clean(cell(item)) for item in value))
    return spreadsheet_cell(clean(cell(value)))


def json_lines(records: Sequence[Mapping[str, Any]]) -> str:
    """One JSON object per line, each encoded as --json encodes (json_text.dumps),
    so that no control, format or bidirectional character is left raw."""
    from .json_text import dumps

    return "".join(dumps(record) for record in records)
