"""What each command shows: the View a command returns, and the registry of views.

A command answers with a View: which kind of view it is, the dataset, and the
query result the view is made from (its `subject`). The registry, VIEWS, says
for each kind which records it holds (JSON-ready dicts), which fields
`--fields` may name, which columns the tabular formats show by default, its
title, and the shape of its JSON. thirdneighbor.render turns a View into any
output format; its Rich drawings are in thirdneighbor.render.rich_draw.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..core.language import N_, _, _n
from ..data.model import Event, HistoryEntry, Partner, Person, Tier, partner_keys, record_fields
from ..errors import UsageError

if TYPE_CHECKING:
    from ..data.model import Dataset
    from ..data.partialdate import PartialDate
    from ..query.groups import ComparedField, TierGroup
    from ..query.people import Mention
    from ..query.window import Window

Row = dict[str, Any]  # one JSON-ready record of a view


def _keys(cls: type) -> tuple[str, ...]:
    return tuple(info.key for info in record_fields(cls) if not info.detail)


PARTNER_FIELDS = partner_keys()  # with tier_since and tier_since_approx, derived from the history
EVENT_FIELDS = _keys(Event)
TIER_FIELDS = _keys(Tier) + ("partners", "designations")
HISTORY_FIELDS = _keys(HistoryEntry) + ("current",)
LIST_COLUMNS = ("id", "name", "iso2", "iso3", "tier", "tier_since", "designation", "asterisk", "since")
CHANGE_FIELDS = ("id", "name", "change", "from_tier", "to_tier", "from_designation", "to_designation", "since",
                 "since_approx", "occasion")


class View:
    """A command's answer before it is formatted."""

    def __init__(self, kind: str, dataset: Dataset, subject: Any, *, as_of: PartialDate | None = None,
                 with_sources: bool = False, chosen: Sequence[str] | None = None, window: Window | None = None) -> None:
        if kind not in VIEWS:
            raise KeyError(f"no view {kind!r}")
        self.kind, self.dataset, self.subject = kind, dataset, subject
        self.as_of, self.with_sources = as_of, with_sources
        self.window = window  # the days --since/--until/--year (or the years of a series) cover, for the heading
        self.chosen = None if chosen is None else tuple(chosen)

    @property
    def spec(self) -> ViewSpec:
        return VIEWS[self.kind]

    @property
    def title(self) -> str:
        """The heading of the formats for people, in the language in use."""
        title = self.spec.title(self) if callable(self.spec.title) else _(self.spec.title)
        return title if self.window is None else f"{title}{_(self.spec.window_join)}{self.window}"

    @property
    def fields(self) -> tuple[str, ...]:
        """The names `--fields` accepts for this view."""
        return self.spec.fields(self.dataset, self.as_of is not None)

    @functools.cached_property
    def all_records(self) -> list[Row]:
        return self.spec.records(self)

    @property
    def records(self) -> list[Row]:
        """The records, narrowed to the chosen fields (or, for compare, rows)."""
        return self._narrowed(self.all_records)

    @property
    def text_records(self) -> list[Row]:
        """The records for the text formats (plain, CSV, TSV, Markdown): an "in
        force by" date is written "by DATE", as they have no since_approx (or
        tier_since_approx) column."""
        return self._narrowed([_by_dates(record) for record in self.all_records])

    def _narrowed(self, rows: list[Row]) -> list[Row]:
        if self.chosen is None:
            return rows
        if self.spec.narrows_rows:
            order = {name: index for index, name in enumerate(self.chosen)}
            return sorted((row for row in rows if row["field"] in order), key=lambda row: order[row["field"]])
        return [{name: record.get(name) for name in self.chosen} for record in rows]

    @property
    def columns(self) -> tuple[str, ...]:
        if self.chosen is None or self.spec.narrows_rows:
            return self.spec.columns(self)
        return self.chosen

    def payload(self) -> Any:
        """What `--json` prints."""
        return self.spec.payload(self, self.records)

    def narrowed(self, chosen: Sequence[str]) -> View:
        """The view with only the chosen fields, in the order chosen (each once);
        `all` stands for every field. Field names are lower case, whatever was typed."""
        chosen = tuple(dict.fromkeys(name.lower() for name in chosen))
        if chosen == ("all",):
            chosen = self.fields
        unknown = [name for name in chosen if name not in self.fields]
        if unknown:
            raise UsageError(_n("unknown field {names}; valid fields: {fields}",
                                "unknown fields {names}; valid fields: {fields}", len(unknown)).format(
                names=", ".join(map(repr, unknown)), fields=", ".join(self.fields)))
        return View(self.kind, self.dataset, self.subject, as_of=self.as_of, with_sources=self.with_sources,
                    chosen=chosen, window=self.window)


def _by_dates(record: Row) -> Row:
    marked = {date: f"by {record[date]}" for date, approx in (("since", "since_approx"),
                                                              ("tier_since", "tier_since_approx"))
              if record.get(approx)}
    return {**record, **marked} if marked else record


def parse_fields(text: str) -> list[str]:
    """`--fields a,b,c` as a list; spaces around names are allowed."""
    names = [name.strip() for name in text.split(",")]
    if not all(names):
        raise UsageError(_("--fields takes names separated by commas, not {text}").format(text=repr(text)))
    return names


# --- the records of each kind of view --------------------------------------------------

def partner_record(partner: Partner, as_of: PartialDate | None) -> Row:
    """A partner as `list --json` gives it; with `as_of`, that date too."""
    record = partner.to_dict()
    if as_of is not None:
        record["as_of"] = str(as_of)
    return record


def _list_records(view: View) -> list[Row]:
    if view.chosen is None or "confidence" not in view.chosen:
        return [partner_record(partner, view.as_of) for partner in view.subject]
    from ..query.evidence import confidence  # not on the start-up path of a plain list

    # The grades of the tier and of its date, only where asked for (`--fields confidence`).
    return [{**partner_record(partner, view.as_of), "confidence": confidence(partner)} for partner in view.subject]


class ShowSubject(NamedTuple):
    partners: Sequence[Partner]
    events: dict[str, list[Event]]


def _show_records(view: View) -> list[Row]:
    from ..query.evidence import partner_evidence, source_object, sources_by_id

    subject: ShowSubject = view.subject
    index = sources_by_id(view.dataset)
    records = []
    for partner in subject.partners:
        evidence = partner_evidence(partner, subject.events[partner.id])
        # Every source the answer cites, as objects: the record's own, those its evidence adds,
        # and the lists its state codes were read from.
        cited = dict.fromkeys([*partner.sources, *(source for row in evidence for source in row["sources"]),
                               *(source for source in (partner.cow_source, partner.gw_source) if source)])
        records.append({**partner_record(partner, view.as_of),
                        "sources": [source_object(index[source_id]) for source_id in cited],
                        "history": [entry.to_dict() for entry in partner.history],
                        "events": [event.to_dict() for event in subject.events[partner.id]],
                        "evidence": evidence})
    return records


def _show_columns(view: View) -> tuple[str, ...]:
    """Every field; the evidence, value by value, only with --sources."""
    return tuple(name for name in view.fields if name != "evidence" or view.with_sources)


def _history_records(view: View) -> list[Row]:
    partner: Partner = view.subject
    earlier = [{**entry.to_dict(), "current": False} for entry in partner.history]
    if partner.tier is None:  # an other relation: no tier, now or before
        return earlier
    from ..query.evidence import claim_for

    start = str(partner.since)  # an "in force by" date goes where the earlier tiers put theirs
    # The current tie's evidence is the claim for its date, or else for its tier.
    claim = claim_for(partner, "since") or claim_for(partner, "tier")
    current = {"designation": partner.designation, "tier": partner.tier,
               "since": None if partner.since_approx else start, "in_force_by": start if partner.since_approx else None,
               "occasion": partner.occasion, "people": list(partner.leaders), "note": None,
               "sources": list(claim.sources) if claim else [], "quote": claim.quote if claim else None,
               "quote_language": claim.quote_language if claim else None,
               "confidence": claim.confidence if claim else None, "current": True}
    return earlier + [current]


def _timeline_records(view: View) -> list[Row]:
    return [event.to_dict() for event in view.subject]


def chart_fields(dataset: Dataset, dated: bool) -> tuple[str, ...]:
    return ("year", "events", *(tier.id for tier in dataset.tiers), "none")


def _chart_records(view: View) -> list[Row]:
    tier_ids = chart_fields(view.dataset, False)[2:]
    return [{"year": year, "events": sum(counts.values()), **{tier: counts.get(tier, 0) for tier in tier_ids}}
            for year, counts in view.subject]


def _tiers_records(view: View) -> list[Row]:
    groups: Sequence[TierGroup] = view.subject
    records = []
    for group in groups:
        record = {
            **group.tier.to_dict(),
            "partners": [partner.id for partner in group.partners],
            # As in a partner record: the designation without the table's asterisk, and the asterisk apart.
            "designations": [{"designation": designation.designation.removesuffix("*"),
                              "asterisk": designation.designation.endswith("*"),
                              "partners": [partner.id for partner in designation.partners]}
                             for designation in group.designations],
        }
        if view.as_of is not None:
            record["as_of"] = str(view.as_of)
        records.append(record)
    return records


class CompareSubject(NamedTuple):
    partners: Sequence[Partner]
    fields: Sequence[ComparedField]


def _compare_records(view: View) -> list[Row]:
    subject: CompareSubject = view.subject
    ids = [partner.id for partner in subject.partners]
    return [{"field": field.field, "values": list(field.values), "same": field.same, **dict(zip(ids, field.values))}
            for field in subject.fields]


def _compare_payload(view: View, rows: list[Row]) -> Any:
    return {"partners": [partner_record(partner, view.as_of) for partner in view.subject.partners],
            "fields": [{"field": row["field"], "values": row["values"], "same": row["same"]} for row in rows]}


def _compare_columns(view: View) -> tuple[str, ...]:
    return ("field", "same", *(partner.id for partner in view.subject.partners))


def _compared_fields(*_: Any) -> tuple[str, ...]:
    from ..query.groups import COMPARED_FIELDS

    return COMPARED_FIELDS


def _search_records(view: View) -> list[Row]:
    return [{"kind": hit.kind, "id": hit.id if hit.kind == "partner" else None, "title": hit.title, "date": hit.date,
             "score": hit.score, "fields": list(dict.fromkeys(match.field for match in hit.matches)),
             "excerpt": hit.matches[0].excerpt,
             "matches": [{"field": match.field, "excerpt": match.excerpt, "marks": [list(mark) for mark in match.marks]}
                         for match in hit.matches]}
            for hit in view.subject]


def _changes_records(view: View) -> list[Row]:
    return [{"id": change.partner.id, "name": change.partner.name, "change": change.kind,
             "from_tier": change.from_tier, "to_tier": change.to_tier,
             "from_designation": change.from_designation, "to_designation": change.to_designation,
             "since": str(change.partner.since) if change.kind != "ended" else None,
             "since_approx": change.partner.since_approx if change.kind != "ended" else False,
             "occasion": change.partner.occasion if change.kind != "ended" else None}
            for change in view.subject.partners]


def _changes_payload(view: View, rows: list[Row]) -> Any:
    subject = view.subject
    # The days the window covers; as given (TO: the data's as-of date where none was given); and the day
    # before it opens, whose state is compared with the last day's (`list --as-of` of each gives the difference).
    return {"from": str(subject.window.first), "to": str(subject.window.last),
            "from_given": str(subject.start), "to_given": str(subject.end), "before": str(subject.before),
            "partners": rows,
            "events": [event.to_dict() for event in subject.events]}


def _series_records(view: View) -> list[Row]:
    years = view.subject.years
    return [{"partner": partner.id, "year": year, "tier": tier}
            for partner, values in view.subject.rows for year, tier in zip(years, values)]


def _counts_fields(dataset: Dataset, dated: bool) -> tuple[str, ...]:
    return ("year", *(tier.id for tier in dataset.tiers))


class PersonSubject(NamedTuple):
    person: Person
    mentions: Sequence[Mention]


def _people_records(view: View) -> list[Row]:
    return [{"id": person.id, "name": person.name, "name_mn": person.name_mn, "role": person.role,
             "occasions": sum(m.kind == "occasion" for m in found), "events": sum(m.kind == "event" for m in found)}
            for person, found in view.subject]


def _mention_records(view: View) -> list[Row]:
    return [{"date": m.date, "kind": m.kind, "text": m.text, "partners": list(m.partners),
             "designation": m.designation} for m in view.subject.mentions]


def _person_payload(view: View, rows: list[Row]) -> Any:
    return {**view.subject.person.to_dict(), "mentions": rows}


class SeriesSubject(NamedTuple):
    years: range
    rows: Sequence[tuple[Partner, list[str | None]]]


def _dated(fields: tuple[str, ...], extra: tuple[str, ...] = ()) -> Callable[[Dataset, bool], tuple[str, ...]]:
    return lambda dataset, dated: fields + (("as_of",) if dated else ()) + extra


def _fixed(names: tuple[str, ...]) -> Callable[[Any], tuple[str, ...]]:
    return lambda *_: names


class ViewSpec(NamedTuple):
    """One kind of view. `fields` takes the dataset and whether `--as-of` was given."""

    title: str | Callable[[View], str]
    records: Callable[[View], list[Row]]
    fields: Callable[[Dataset, bool], tuple[str, ...]]
    columns: Callable[[View], tuple[str, ...]]
    payload: Callable[[View, list[Row]], Any] = lambda view, rows: rows
    narrows_rows: bool = False  # --fields picks rows (compare), not columns
    window_join: str = N_(", ")  # between the title and the window's days: "Changes from 2023-01-01 to 2024-12-31"


VIEWS: dict[str, ViewSpec] = {
    "list": ViewSpec(N_("Mongolia's third neighbors"), _list_records, _dated(PARTNER_FIELDS, ("confidence",)),
                     _fixed(LIST_COLUMNS), window_join=N_(", dated ")),
    "show": ViewSpec(N_("Partners"), _show_records, _dated(PARTNER_FIELDS, ("history", "events", "evidence")),
                     _show_columns,
                     payload=lambda view, rows: rows[0] if len(rows) == 1 else rows),
    "history": ViewSpec(lambda view: _("{name}: tiers").format(name=view.subject.name), _history_records, _fixed(HISTORY_FIELDS),
                        _fixed(("since", "in_force_by", "tier", "designation", "current")),
                        payload=lambda view, rows: {"id": view.subject.id, "name": view.subject.name, "tiers": rows}),
    "timeline": ViewSpec(N_("Third Neighbor Policy timeline"), _timeline_records, _fixed(EVENT_FIELDS),
                         _fixed(("date", "title", "partners"))),
    "chart": ViewSpec(N_("Milestones per year"), _chart_records, chart_fields,
                      lambda view: chart_fields(view.dataset, False)),
    "tiers": ViewSpec(N_("Partnership tiers"), _tiers_records, _dated(TIER_FIELDS),
                      _fixed(("id", "name", "rank", "partners"))),
    "compare": ViewSpec(N_("Side by side"), _compare_records, _compared_fields, _compare_columns,
                        payload=_compare_payload, narrows_rows=True),
    "search": ViewSpec(N_("Search results"), _search_records,
                       _fixed(("kind", "id", "title", "date", "score", "fields", "excerpt", "matches")),
                       _fixed(("kind", "date", "title", "fields", "excerpt"))),
    "changes": ViewSpec(N_("Changes"), _changes_records,
                        _fixed(CHANGE_FIELDS), _fixed(("id", "change", "from_tier", "to_tier", "since", "occasion")),
                        payload=_changes_payload, window_join=N_(" from ")),
    "series": ViewSpec(N_("Tiers at each year's end"), _series_records, _fixed(("partner", "year", "tier")),
                       _fixed(("partner", "year", "tier"))),
    "people": ViewSpec(N_("People named in the data"), _people_records,
                       _fixed(("id", "name", "name_mn", "role", "occasions", "events")),
                       _fixed(("id", "name", "role", "occasions", "events"))),
    "person": ViewSpec(lambda view: view.subject.person.name, _mention_records,
                       _fixed(("date", "kind", "text", "partners", "designation")),
                       _fixed(("date", "kind", "text", "partners")), payload=_person_payload),
    "counts": ViewSpec(N_("Partners per tier at each year's end"), lambda view: list(view.subject), _counts_fields,
                       lambda view: _counts_fields(view.dataset, False)),
}
