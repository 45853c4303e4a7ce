"""What each command shows, in a form every output format can take.

A View holds a command's records (JSON-ready dicts), the fields `--fields` may
name, the columns tabular formats show by default, how to make the JSON
payload, and how to draw the command's own Rich view. thirdneighbor.output
turns a View into table, plain, JSON, JSON Lines, CSV, TSV or Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from . import serialize
from .errors import UsageError

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .groupings import ComparedField, TierGroup
    from .model import Dataset, Event, Partner
    from .partialdate import PartialDate

Record = dict[str, Any]

PARTNER_FIELDS = ("id", "name", "official_name", "iso2", "iso3", "aliases", "neighbor", "tier", "designation",
                  "asterisk", "since", "occasion", "instrument", "leaders", "notes", "sources")
LIST_COLUMNS = ("id", "name", "iso2", "iso3", "tier", "designation", "asterisk", "since")
EVENT_FIELDS = ("date", "title", "partners", "notes", "sources")
TIER_FIELDS = ("id", "name", "rank", "description", "partners", "designations")
HISTORY_FIELDS = ("designation", "tier", "since", "in_force_by", "occasion", "note", "current")


class View:
    """A command's answer before it is formatted."""

    def __init__(
        self,
        records: list[Record],
        *,
        fields: Sequence[str],
        columns: Sequence[str],
        payload: Callable[[list[Record]], Any] = list,
        rich: Callable[[], RenderableType] | None = None,
        rows_view: Callable[[list[Record]], RenderableType] | None = None,
        title: str = "",
    ) -> None:
        self.records = records
        self.fields = tuple(fields)
        self.columns = tuple(columns)
        self.payload = payload
        self.rich = rich
        # For compare, --fields names which compared fields (rows) to show, and
        # `rows_view` draws the command's own table of just those rows.
        self.rows_view = rows_view
        self.title = title

    def narrowed(self, chosen: Sequence[str]) -> View:
        """The view with only the chosen fields, in the order chosen (each once)."""
        chosen = tuple(dict.fromkeys(chosen))
        unknown = [name for name in chosen if name not in self.fields]
        if unknown:
            raise UsageError(f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                             f"valid fields: {', '.join(self.fields)}")
        if self.rows_view is not None:
            order = {name: index for index, name in enumerate(chosen)}
            rows = sorted((r for r in self.records if r["field"] in order), key=lambda r: order[r["field"]])
            draw = self.rows_view
            return View(rows, fields=self.fields, columns=self.columns, payload=self.payload,
                        rich=lambda: draw(rows), rows_view=draw, title=self.title)
        rows = [{name: record.get(name) for name in chosen} for record in self.records]
        return View(rows, fields=self.fields, columns=chosen, payload=self.payload, title=self.title)


def parse_fields(text: str) -> list[str]:
    """`--fields a,b,c` as a list; spaces around names are allowed."""
    names = [name.strip() for name in text.split(",")]
    if not all(names):
        raise UsageError(f"--fields takes names separated by commas, not {text!r}")
    return names


def partners_view(dataset: Dataset, partners: Sequence[Partner], as_of: PartialDate | None) -> View:
    def draw() -> RenderableType:
        from .render.views import partners_table

        return partners_table(dataset, partners, as_of=as_of)

    fields = PARTNER_FIELDS + (("as_of",) if as_of else ())
    return View([serialize.partner_json(p, as_of) for p in partners], fields=fields, columns=LIST_COLUMNS,
                rich=draw, title="Mongolia's third neighbors")


def show_view(dataset: Dataset, partners: Sequence[Partner], events: dict[str, list[Event]],
              as_of: PartialDate | None, with_sources: bool) -> View:
    from .query import levels_by_id

    def draw() -> RenderableType:
        from rich.console import Group

        from .render.views import partner_panel

        levels = levels_by_id(dataset)
        return Group(*(partner_panel(dataset, p, levels[p.level], events[p.id], with_sources=with_sources)
                       for p in partners))

    records = [serialize.partner_detail_json(p, events[p.id], as_of) for p in partners]
    fields = PARTNER_FIELDS + (("as_of",) if as_of else ()) + ("history", "events")
    return View(records, fields=fields, columns=fields, rich=draw,
                payload=lambda rows: rows[0] if len(rows) == 1 else rows, title="Partners")


def timeline_view(dataset: Dataset, events: Sequence[Event]) -> View:
    def draw() -> RenderableType:
        from .render.views import timeline_tree

        return timeline_tree(events, {p.id: p.name for p in dataset.partners})

    return View([serialize.event_json(e) for e in events], fields=EVENT_FIELDS, columns=("date", "title", "partners"),
                rich=draw, title="Third Neighbor Policy timeline")


def chart_view(dataset: Dataset, events: Sequence[Event]) -> View:
    """Milestones per year, by the level of the partners involved."""
    from .groupings import milestones_per_year

    years = milestones_per_year(dataset, events)

    def draw() -> RenderableType:
        from .render.views import milestone_chart

        return milestone_chart(dataset, years)

    level_ids = tuple(level.id for level in dataset.levels) + ("none",)
    records = [{"year": year, "events": sum(counts.values()), **{level: counts.get(level, 0) for level in level_ids}}
               for year, counts in years]
    return View(records, fields=("year", "events", *level_ids), columns=("year", "events", *level_ids),
                rich=draw, title="Milestones per year")


def tiers_view(dataset: Dataset, groups: Sequence[TierGroup], as_of: PartialDate | None) -> View:
    def draw() -> RenderableType:
        from .render.views import tiers_tree

        return tiers_tree(dataset, groups, as_of=as_of)

    fields = TIER_FIELDS + (("as_of",) if as_of else ())
    return View(serialize.tiers_json(groups, as_of), fields=fields, columns=("id", "name", "rank", "partners"),
                rich=draw, title="Partnership levels")


def compare_view(dataset: Dataset, partners: Sequence[Partner], compared: Sequence[ComparedField],
                 as_of: PartialDate | None) -> View:
    from .groupings import COMPARED_FIELDS

    by_name = {field.field: field for field in compared}

    def draw_rows(rows: list[Record]) -> RenderableType:
        from .render.views import compare_table

        return compare_table(dataset, partners, [by_name[row["field"]] for row in rows])

    ids = [partner.id for partner in partners]
    records = [{**serialize.compared_json(field), **dict(zip(ids, field.values))} for field in compared]

    def payload(rows: list[Record]) -> Any:
        whole = serialize.compare_json(partners, (), as_of)
        whole["fields"] = [{"field": row["field"], "values": row["values"], "same": row["same"]} for row in rows]
        return whole

    return View(records, fields=COMPARED_FIELDS, columns=("field", "same", *ids), payload=payload,
                rich=lambda: draw_rows(records), rows_view=draw_rows, title="Side by side")


def history_view(dataset: Dataset, partner: Partner) -> View:
    def draw() -> RenderableType:
        from .render.views import history_tree

        return history_tree(dataset, partner)

    whole = serialize.level_history_json(partner)
    return View(whole["levels"], fields=HISTORY_FIELDS, columns=("since", "in_force_by", "tier", "designation", "current"),
                payload=lambda rows: {**whole, "levels": rows}, rich=draw, title=f"{partner.name}: levels")


def fields_for_command(command: str, as_of: bool = False) -> tuple[str, ...]:
    """The names `--fields` accepts for a command, for shell completion."""
    from .groupings import COMPARED_FIELDS

    dated = ("as_of",) if as_of else ()
    return {
        "list": PARTNER_FIELDS + dated,
        "show": PARTNER_FIELDS + dated + ("history", "events"),
        "timeline": EVENT_FIELDS,
        "tiers": TIER_FIELDS + dated,
        "compare": COMPARED_FIELDS,
        "history": HISTORY_FIELDS,
    }.get(command, ())
