"""Records for people to read: a value that refers to another record (a tier,
a partner, a person, a source) becomes that record's display name (a source's:
its address, or its citation).

The formats for people (plain text, Markdown, the table format's generic
tables) go through `readable`; JSON, JSON Lines, CSV and TSV keep the ids, as
scripts join on them. A record's own key (`id`) is left as it is: plain text
keeps it as the first column for `grep` and `cut`; Markdown leaves it out
unless `--fields` asks for it (`markdown_columns`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..views.registry import Row, View

# For each kind of view, the fields whose values name other records, and which
# kind of record they name. A nested record (a designation within a tier)
# names its partners under "partners".
REFERENCES: dict[str, dict[str, str]] = {
    "list": {"tier": "tier", "leaders": "person", "sources": "source"},
    "show": {"tier": "tier", "leaders": "person"},  # its sources are objects already
    "history": {"tier": "tier", "people": "person", "sources": "source"},
    "timeline": {"partners": "partner", "people": "person", "sources": "source"},
    "tiers": {"partners": "partner", "designations": "partner"},
    "changes": {"from_tier": "tier", "to_tier": "tier"},
    "series": {"partner": "partner", "tier": "tier"},
    "person": {"partners": "partner"},
}
# compare's records are its rows: the row's field says what its values name.
COMPARED_REFERENCES = {"tier": "tier", "leaders": "person"}


class Names:
    """Display names by id, for each kind of record; an unknown id (a file
    without people records lists names, not ids) stands as written."""

    def __init__(self, view: View) -> None:
        from ..query.evidence import source_label

        dataset = view.dataset
        self.by_kind: dict[str, dict[str, str]] = {
            "tier": {tier.id: tier.name for tier in dataset.tiers},
            "partner": {partner.id: partner.name for partner in dataset.all_partners},
            "person": {person.id: person.name for person in dataset.all_people},
            "source": {source.id: source_label(source) for source in dataset.all_sources},
        }

    def named(self, kind: str, value: Any) -> Any:
        names = self.by_kind[kind]
        if isinstance(value, str):
            return names.get(value, value)
        if isinstance(value, Mapping):  # a designation within a tier: its partners
            return {**value, "partners": self.named(kind, value.get("partners"))} if "partners" in value else value
        if isinstance(value, (list, tuple)):
            return [self.named(kind, item) for item in value]
        return value


def readable(view: View, records: Sequence[Row]) -> list[Row]:
    """The records with every reference to another record by its display name."""
    names = Names(view)
    if view.kind == "compare":
        return [_compared_row(names, row, view) for row in records]
    references = REFERENCES.get(view.kind, {})
    if not references:
        return list(records)
    return [{key: names.named(references[key], value) if key in references else value
             for key, value in record.items()} for record in records]


def _compared_row(names: Names, row: Row, view: View) -> Row:
    kind = COMPARED_REFERENCES.get(row.get("field", ""))
    if kind is None:
        return dict(row)
    ids = {partner.id for partner in view.subject.partners}
    return {key: names.named(kind, value) if key in ids or key == "values" else value for key, value in row.items()}


def column_labels(view: View) -> dict[str, str]:
    """Headings for columns named by ids: a tier's counts (chart, series
    --counts) under the tier's name, compare's partners under theirs."""
    if view.kind in ("chart", "counts"):
        return {tier.id: tier.name for tier in view.dataset.tiers} | {"none": "no partner named"}
    if view.kind == "compare":
        return {partner.id: partner.name for partner in view.subject.partners}
    return {}


def markdown_columns(view: View) -> tuple[str, ...]:
    """The columns of a Markdown table: the view's, without the record's own
    id (the name beside it says which record it is), unless --fields asked for
    it; changes, whose rows are partners, shows the partner's name instead."""
    columns = view.columns
    if view.chosen is not None or "id" not in columns:
        return columns
    if view.kind == "changes":
        return tuple("name" if name == "id" else name for name in columns)
    return tuple(name for name in columns if name != "id")
