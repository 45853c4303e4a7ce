"""The rows of each table of a tabular export (thirdneighbor.render.tables), from a dataset.

`table_rows(dataset, partners)` gives every table's rows, each a tuple in the
table's column order, with the values as Python holds them (str, int, bool,
PartialDate, None). Every person and tier is exported. With `partners` given,
only those partners, and the events whose every named partner is among them
(and those that name no partner), as thirdneighbor.query.select.subset keeps
them; an event keeps its place in the whole dataset as its id, so that ids are
the same in every export of one dataset. Only the sources those records cite
are exported, each with its place among all the dataset's sources as its id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..data.model import Dataset, Partner
from ..query.spells import Spell, partner_years, tier_spells

Row = tuple[Any, ...]


def _listed(owner: Any, items: Iterable[Any]) -> list[Row]:
    return [(owner, position, item) for position, item in enumerate(items)]


# A source that is a web address and nothing else: http or https and only the
# characters an address may hold (as the terminal's links take them).
_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\[\]]+")


def web_address(source: str) -> str | None:
    """The source itself where it is a web address; None for a citation."""
    return source if _WEB_ADDRESS.fullmatch(source) else None


class _Sources:
    """The sources cited so far, with their ids: their places in the whole
    dataset's list (thirdneighbor.render.citation.all_sources), so that a subset's
    source ids are the whole export's."""

    def __init__(self, dataset: Dataset) -> None:
        from .citation import all_sources

        self.ids = {source: number for number, source in enumerate(all_sources(dataset), start=1)}
        self.cited: dict[str, int] = {}

    def rows(self, owner: tuple[Any, ...], sources: Sequence[str]) -> list[Row]:
        for source in sources:
            self.cited[source] = self.ids[source]
        return [(*owner, position, self.ids[source]) for position, source in enumerate(sources)]

    def table(self) -> list[Row]:
        return [(number, source, web_address(source)) for source, number in sorted(self.cited.items(), key=lambda i: i[1])]


def tier_spell_rows(spells: Sequence[Spell]) -> list[Row]:
    """The rows of `tier_spells`, which the SQLite export shares."""
    return [(s.partner_id, s.number, s.tier, s.designation, s.start, s.start.precision, s.start_approx, s.end,
             s.end and s.end.precision, s.end_approx, s.end_type, s.occasion, s.instrument, s.note) for s in spells]


def partner_year_rows(dataset: Dataset, partners: Sequence[Partner]) -> list[Row]:
    """The rows of `partner_years`, which the SQLite export shares."""
    codes = {partner.id: (partner.iso3, partner.cow_code, partner.gw_code) for partner in partners}
    ranks = {tier.id: tier.rank for tier in dataset.tiers}
    return [(y.partner_id, y.year, *codes[y.partner_id], y.tier, ranks.get(y.tier) if y.tier else None, y.spell,
             y.designation, y.tier_changed, y.ties_begun) for y in partner_years(dataset, partners)]


def table_rows(dataset: Dataset, partners: Sequence[Partner] | None = None) -> dict[str, list[Row]]:
    """Every table's rows, by table name: every partner, or only `partners`."""
    chosen = list(dataset.all_partners if partners is None else partners)
    exported = {partner.id for partner in chosen}
    person_ids = {person.id for person in dataset.all_people}
    sources = _Sources(dataset)
    rows: dict[str, list[Row]] = {}

    mongolia = dataset.mongolia
    rows["mongolia"] = [(mongolia.name, mongolia.iso2, mongolia.iso3, mongolia.iso_numeric, mongolia.cow_code,
                         mongolia.cow_source, mongolia.gw_code, mongolia.gw_source)] if mongolia else []
    policy = dataset.policy
    rows["policy"] = [(policy.name, policy.summary, policy.table_source, policy.asterisk_note)]
    rows["policy_aims"] = list(enumerate(policy.aims))
    rows["policy_notes"] = list(enumerate(policy.notes))
    rows["policy_sources"] = sources.rows((), policy.sources)
    rows["tiers"] = [(tier.id, tier.name, tier.name_mn, tier.rank, tier.description) for tier in dataset.tiers]
    rows["people"] = [(person.id, person.name, person.name_mn, person.role) for person in dataset.all_people]
    rows["person_variants"] = [row for person in dataset.all_people for row in _listed(person.id, person.variants)]

    rows["partners"] = [(p.id, p.name, p.official_name, p.name_mn, p.official_name_mn, p.iso2, p.iso3, p.iso_numeric,
                         p.wikidata, p.cow_code, p.cow_source, p.gw_code, p.gw_source, p.neighbor, p.tier,
                         p.designation, p.designation_mn, p.asterisk, p.since, p.since_approx, p.tier_since,
                         p.tier_since_approx, p.occasion, p.instrument) for p in chosen]
    for name, field in (("aliases", "aliases"), ("aliases_mn", "aliases_mn"), ("partner_notes", "notes")):
        rows[name] = [row for partner in chosen for row in _listed(partner.id, getattr(partner, field))]

    spells = tier_spells(dataset, chosen)
    rows["tier_spells"] = tier_spell_rows(spells)
    rows["spell_people"] = [(s.partner_id, s.number, position, person, person if person in person_ids else None)
                            for s in spells for position, person in enumerate(dict.fromkeys(s.people))]
    rows["partner_years"] = partner_year_rows(dataset, chosen)

    events: list[Row] = []
    event_partners: list[Row] = []
    event_people: list[Row] = []
    event_notes: list[Row] = []
    event_sources: list[Row] = []
    for number, event in enumerate(dataset.all_events, start=1):
        if not all(partner_id in exported for partner_id in event.partners):
            continue
        events.append((number, event.date, event.date.precision, event.title))
        event_partners += [(number, partner_id) for partner_id in dict.fromkeys(event.partners)]
        event_people += [(number, person) for person in dict.fromkeys(event.people)]
        event_notes += _listed(number, event.notes)
        event_sources += sources.rows((number,), event.sources)
    rows.update(events=events, event_partners=event_partners, event_people=event_people, event_notes=event_notes)

    rows["partner_sources"] = [row for p in chosen for row in sources.rows((p.id,), p.sources)]
    rows["event_sources"] = event_sources
    rows["person_sources"] = [row for person in dataset.all_people for row in sources.rows((person.id,), person.sources)]
    rows["sources"] = sources.table()
    return rows
