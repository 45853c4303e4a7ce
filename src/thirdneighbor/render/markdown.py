"""Markdown for an article: tables with column labels, names rather than ids,
the tier's name, the designation with the table's asterisk and its footnote.

Every cell is text once rendered: the characters that would start an image, a
link, emphasis, code, a strikethrough or HTML are escaped (`escaped`), so that
a name such as "India ![t](http://127.0.0.1/px.png)" shows as typed and makes
no request. `markdown_tables` gives the texts before escaping, which the tests
compare with what a CommonMark renderer reads back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.safe import clean
from .text import cell

if TYPE_CHECKING:
    from ..views.registry import Row, View

# Column labels for readers; any other field is shown as its name in words.
LABELS = {"id": "Id", "name": "Name", "iso2": "ISO 2", "iso3": "ISO 3", "iso_numeric": "ISO number",
          "cow_code": "CoW code", "gw_code": "GW code",
          "since": "Since", "tier": "Tier", "designation": "Designation", "asterisk": "*",
          "name_mn": "Name in Mongolian", "official_name_mn": "Official name in Mongolian",
          "aliases_mn": "Aliases in Mongolian", "designation_mn": "Designation in Mongolian",
          "since_approx": "Since (in force by)", "history": "Earlier tiers",
          "tier_since": "Since", "tier_since_approx": "Since (in force by)"}
# Where a partner's two dates stand side by side, "Since" is the tier's
# (tier_since), and its designation's date is named as such.
BESIDE_TIER_SINCE = {"since": "Designation since", "since_approx": "Designation since (in force by)"}
# What a view's `name` column names.
NAME_LABELS = {"list": "Partner", "show": "Partner", "changes": "Partner", "tiers": "Tier"}
# show and history: one table per partner, under a heading with its name.
PER_PARTNER = ("show", "history")


class Table(NamedTuple):
    heading: str | None
    heads: list[str]
    rows: list[list[str]]


def label(view: View, name: str, labels: Mapping[str, str]) -> str:
    if name in labels:
        return labels[name]
    if name == "name" and view.kind in NAME_LABELS:
        return NAME_LABELS[view.kind]
    if name in BESIDE_TIER_SINCE and "tier_since" in view.columns:
        return BESIDE_TIER_SINCE[name]
    return LABELS.get(name, name.replace("_", " ").capitalize())


def markdown_tables(view: View) -> tuple[list[Table], str | None]:
    """The tables and the footnote, as plain text (cleaned, not yet escaped)."""
    from .readable import column_labels, markdown_columns, readable

    columns = list(markdown_columns(view))
    # Unless asked for by --fields, the asterisk goes on the designation, as the article prints it.
    if view.chosen is None and "designation" in columns and "asterisk" in columns:
        columns.remove("asterisk")
    shown: list[Row] = []
    for record, named in zip(view.text_records, readable(view, view.text_records)):
        row = dict(named)
        if view.kind == "compare":  # its rows are fields: labelled as the columns of other tables are
            row["field"] = label(view, row["field"], {})
        if row.get("designation") and record.get("asterisk") is True and "asterisk" not in columns:
            row["designation"] += "*"
        shown.append(row)
    marked = any(record.get("asterisk") is True for record in view.text_records)
    note = view.dataset.policy.asterisk_note
    footnote = clean(f"* {note}") if marked and note else None
    labels = column_labels(view)
    if view.kind == "show":
        # A key/value table per partner: 24 columns side by side do not read.
        # Under the partner's name, whichever fields were chosen.
        tables = [Table(clean(partner.name), ["Field", "Value"],
                        [[clean(label(view, name, labels)), _text(row.get(name))] for name in columns
                         if _text(row.get(name))])
                  for partner, row in zip(view.subject.partners, shown)]
        return tables, footnote
    heads = [clean(label(view, name, labels)) for name in columns]
    rows = [[_text(row.get(name)) for name in columns] for row in shown]
    heading = clean(view.subject.name) if view.kind == "history" else None
    return [Table(heading, heads, rows)], footnote


def _text(value: Any) -> str:
    return clean(cell(value))


# Backslash first, so that the escapes added after it stay single. &, < and >
# become entities: HTML in a cell would be HTML on GitHub.
_ESCAPES = (("\\", "\\\\"), ("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("|", "\\|"), ("*", "\\*"),
            ("_", "\\_"), ("`", "\\`"), ("[", "\\["), ("]", "\\]"), ("~", "\\~"))


def escaped(text: str) -> str:
    """Text that a Markdown renderer shows as typed: no image, link, emphasis,
    code, strikethrough or HTML can start in it, and `|` does not end a cell."""
    for character, escape in _ESCAPES:
        text = text.replace(character, escape)
    return text


def _heading(text: str) -> str:
    # A closing run of # would be dropped from the heading: escaped as well.
    return "## " + escaped(text).replace("#", "\\#")


def caption(view: View) -> str | None:
    """A window's days, as a line above the tables (as a caption would head a
    table in an article); None without a window. It holds fixed words and dates."""
    return view.title if view.window is not None else None


def markdown(view: View) -> str:
    tables, footnote = markdown_tables(view)
    above = caption(view)
    blocks = [] if above is None else [escaped(above) + "\n"]
    for table in tables:
        lines = [] if table.heading is None else [_heading(table.heading), ""]
        lines += ["| " + " | ".join(escaped(head) for head in table.heads) + " |",
                  "|" + "|".join("---" for _ in table.heads) + "|"]
        lines += ["| " + " | ".join(escaped(text) for text in row) + " |" for row in table.rows]
        blocks.append("\n".join(lines) + "\n")
    if footnote:
        blocks.append(escaped(footnote) + "\n")
    return "\n".join(blocks)
