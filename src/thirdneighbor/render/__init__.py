"""Every output format, and `render`, the one dispatcher that picks among them.

- `json_text.py`: the JSON encoding (`--json`, `--format json`).
- `text.py`: plain, CSV, TSV, Markdown and JSON Lines, without Rich.
- `rich_views.py`: the Rich table or tree of each kind of view (`--format table`),
  and `export.py` the same drawings saved as SVG or HTML.
- `safe.py`: keeps dataset text from acting on a terminal.

Renderers return text and print nothing; thirdneighbor.streams writes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..views import View

FORMATS = ("table", "plain", "json", "jsonl", "csv", "tsv", "markdown")


class Terminal(NamedTuple):
    """What the table format needs to know about where it is going."""

    styled: bool  # colour and styles: a terminal, or FORCE_COLOR
    width: int
    height: int
    encoding: str


def choose_format(format_name: str | None, json_flag: bool) -> str | None:
    """The format asked for (in any case: CSV is csv): --format, or --json as
    its shortcut; None means the default."""
    from ..errors import UsageError

    format_name = format_name.lower() if format_name is not None else None
    if json_flag:
        if format_name not in (None, "json"):
            raise UsageError(f"--json and --format {format_name} ask for two formats; give one")
        return "json"
    if format_name is not None and format_name not in FORMATS:
        raise UsageError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)}")
    return format_name


def render(view: View, format_name: str, terminal: Terminal) -> str:
    """A View as text in one of FORMATS."""
    if format_name == "json":
        from .json_text import dumps

        return dumps(view.payload())
    if format_name == "table":
        from .rich_views import to_text

        return to_text(view, terminal)
    from . import text

    if format_name == "jsonl":
        return text.json_lines(view.records)
    records = view.text_records
    if format_name == "plain" and view.spec.plain is not None and view.chosen is None:
        return view.spec.plain(view)
    if format_name == "plain":
        return text.plain(records, view.columns)
    if format_name == "csv":
        return text.delimited(records, view.columns, ",")
    if format_name == "tsv":
        return text.delimited(records, view.columns, "\t")
    if format_name == "markdown":
        # A window's days head the table, as a caption would in an article; the
        # heading holds only fixed words and dates.
        caption = f"{view.title}\n\n" if view.window is not None else ""
        return caption + _markdown(view, records)
    raise ValueError(f"no format {format_name!r}")


def _markdown(view: View, records: list[dict]) -> str:
    """Markdown for an article: tiers by their names, designations with the
    table's asterisk, and the asterisk's footnote where a marked one is shown."""
    from . import text

    names = {tier.id: tier.name for tier in view.dataset.tiers}
    columns = list(view.columns)
    # Unless asked for by --fields, the asterisk goes on the designation, as the article prints it.
    if view.chosen is None and "designation" in columns and "asterisk" in columns:
        columns.remove("asterisk")
    shown = []
    for record in records:
        row = dict(record)
        if row.get("tier") in names:
            row["tier"] = names[row["tier"]]
        if row.get("designation") and record.get("asterisk") is True and "asterisk" not in columns:
            row["designation"] += "*"
        shown.append(row)
    marked = any(record.get("asterisk") is True for record in records)
    note = view.dataset.policy.asterisk_note
    partner_names = {partner.id: partner.name for partner in view.dataset.all_partners}  # compare's columns
    return text.markdown(shown, columns, footnote=f"* {note}" if marked and note else None, labels=partner_names)
