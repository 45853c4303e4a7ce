"""The plain format of the views whose records would not read as tab-separated
cells: a detail view (show, history) as `key: value` blocks, compare as a line per
field, `timeline --chart` as a labelled line a year. Every other view's plain
format is text.plain of its records."""

from __future__ import annotations

from collections.abc import Callable

from ..core.safe import clean
from ..views.registry import View, chart_fields
from .readable import column_labels, readable
from .text import cell, key_value_blocks


def blocks(view: View) -> str:
    """A detail view in a pipe: `key: value` blocks, not a tab-separated line
    hundreds of characters long (--format tsv still gives that)."""

    return key_value_blocks(readable(view, view.text_records), view.columns)


def compare_lines(view: View) -> str:
    """compare in a pipe: a `field: value | value` line each, marked same or differ;
    the partners, tiers and people by name."""

    rows = readable(view, view.records)
    width = max(len(row["field"]) for row in rows) + 2 if rows else 0
    head = f"{'partners:'.ljust(width)}{' | '.join(clean(partner.name) for partner in view.subject.partners)}\n"
    return head + "".join(
        f"{(row['field'] + ':').ljust(width)}{' | '.join(clean(cell(value, empty='—')) for value in row['values'])}"
        f"  ({'same' if row['same'] else 'differ'})\n" for row in rows)


def chart_lines(view: View) -> str:
    """`timeline --chart` in a pipe: a labelled line a year, `2024  5  Strategic partnership 3, no partner
    named 1` (the numbers alone, as CSV or TSV give them, would not say which is which)."""

    labels = column_labels(view)
    lines = []
    for record in view.all_records:
        parts = [f"{clean(labels[name])} {record[name]}" for name in chart_fields(view.dataset, False)[2:]
                 if record[name]]
        lines.append(f"{record['year']}  {record['events']}" + (f"  {', '.join(parts)}" if parts else ""))
    return "".join(line + "\n" for line in lines)


# By view kind; render() uses these when no --fields was chosen.
PLAIN_VIEWS: dict[str, Callable[[View], str]] = {
    "show": blocks, "history": blocks, "compare": compare_lines, "chart": chart_lines,
}
