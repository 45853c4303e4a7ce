"""The rows of each table of a tabular export (thirdneighbor.render.tables), from a dataset.

`table_rows(dataset, partners)` gives every table's rows, each a tuple in the
table's column order, with the values as Python holds them (str, int, bool,
PartialDate, None). Every person and tier is exported. With `partners` given,
only those partners, and the events whose every named partner is among them
(and those that name no partner), as thirdneighbor.query.select.subset keeps
them; an event keeps its place in the whole dataset as its id, so that ids are
the same in every export of one dataset. Every source record is exported too,
and the records cite them by their ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..data.model import Dataset, Partner
from ..query.spells import Spell, partner_years, tier_spells

Row = tuple[Any, ...]


def _listed(owner: Any, items: Iterable[Any]) -> list[Row]:
    return [(owner, position, item) for position, item in enumerate(items)]


def _cited(owner: tuple[Any, ...], sources: Sequence[str]) -> list[Row]:
    return [(*owner, position, source_id) for position, source_id in enumerate(sources)]


def tier_spell_rows(spells: Sequence[Spell]) -> list[Row]:
    """The rows of `tier_spells`, which the SQLite export shares."""
    return [(s.partner_id, s.number, s.tier, s.designation, s.start, s.start.precision, s.start_approx, s.end,
             s.end and s.end.precision, s.end_approx, s.end_type, s.occasion, s.instrument, s.note, s.confidence,
             s.quote, s.quote_language) for s in spells]


def partner_year_rows(dataset: Dataset, partners: Sequence[Partner]) -> list[Row]:
    """The rows of `partner_years`, which the SQLite export shares. An
    organisation is left out: it has no country to merge with country-year data."""
    partners = [partner for partner in partners if not partner.is_organisation]
    codes = {partner.id: (partner.iso3, partner.cow_code, partner.gw_code) for partner in partners}
    ranks = {tier.id: tier.rank for tier in dataset.tiers}
    return [(y.partner_id, y.year, *codes[y.partner_id], y.tier, ranks.get(y.tier) if y.tier else None, y.spell,
             y.designation, y.tier_changed, y.ties_begun) for y in partner_years(dataset, partners)]


def table_rows(dataset: Dataset, partners: Sequence[Partner] | None = None) -> dict[str, list[Row]]:
    """Every table's rows, by table name: every partner, or only `partners`."""
    chosen = list(dataset.all_partners if partners is None else partners)
    exported = {partner.id for partner in chosen}
    person_ids = {person.id for person in dataset.all_people}
    rows: dict[str, list[Row]] = {}

    mongolia = dataset.mongolia
    rows["mongolia"] = [(mongolia.name, mongolia.iso2, mongolia.iso3, mongolia.iso_numeric, mongolia.cow_code,
                         mongolia.cow_source, mongolia.gw_code, mongolia.gw_source)] if mongolia else []
    policy = dataset.policy
    rows["policy"] = [(policy.name, policy.summary, policy.table_source, policy.asterisk_note)]
    rows["policy_aims"] = list(enumerate(policy.aims))
    rows["policy_notes"] = list(enumerate(policy.notes))
    rows["policy_sources"] = _cited((), policy.sources)
    rows["tiers"] = [(tier.id, tier.name, tier.name_mn, tier.rank, tier.description) for tier in dataset.tiers]
    rows["people"] = [(person.id, person.name, person.name_mn, person.role) for person in dataset.all_people]
    rows["person_variants"] = [row for person in dataset.all_people for row in _listed(person.id, person.variants)]
    rows["person_roles"] = [(person.id, position, role.title, role.start, role.end, role.note)
                            for person in dataset.all_people for position, role in enumerate(person.roles)]
    rows["person_role_sources"] = [row for person in dataset.all_people for position, role in enumerate(person.roles)
                                   for row in _cited((person.id, position), role.sources)]
    rows["sources"] = [(source.id, source.url, source.title, source.publisher, source.date, source.language,
                        source.kind, source.archive_url, source.offline) for source in dataset.all_sources]

    rows["partners"] = [(p.id, p.kind, p.name, p.official_name, p.name_mn, p.official_name_mn, p.iso2, p.iso3, p.iso_numeric,
                         p.wikidata, p.cow_code, p.cow_source, p.gw_code, p.gw_source, p.neighbor, p.tier,
                         p.designation, p.designation_mn, p.asterisk, p.since, p.since_approx, p.tier_since,
                         p.tier_since_approx, p.occasion, p.instrument) for p in chosen]
    for name, field in (("aliases", "aliases"), ("aliases_mn", "aliases_mn"), ("partner_notes", "notes")):
        rows[name] = [row for partner in chosen for row in _listed(partner.id, getattr(partner, field))]
    claims = [(partner.id, claim) for partner in chosen for claim in partner.evidence]
    rows["partner_claims"] = [(partner_id, claim.field, claim.confidence, claim.quote, claim.quote_language,
                               claim.note) for partner_id, claim in claims]
    rows["partner_claim_sources"] = [row for partner_id, claim in claims
                                     for row in _cited((partner_id, claim.field), claim.sources)]

    spells = tier_spells(dataset, chosen)
    rows["tier_spells"] = tier_spell_rows(spells)
    rows["spell_people"] = [(s.partner_id, s.number, position, person, person if person in person_ids else None)
                            for s in spells for position, person in enumerate(dict.fromkeys(s.people))]
    rows["spell_sources"] = [row for s in spells for row in _cited((s.partner_id, s.number), s.sources)]
    rows["partner_years"] = partner_year_rows(dataset, chosen)

    events: list[Row] = []
    event_partners: list[Row] = []
    event_people: list[Row] = []
    event_notes: list[Row] = []
    event_sources: list[Row] = []
    for number, event in enumerate(dataset.all_events, start=1):
        if not all(partner_id in exported for partner_id in event.partners):
            continue
        events.append((number, event.date, event.date.precision, event.title, event.confidence, event.quote,
                       event.quote_language))
        event_partners += [(number, partner_id) for partner_id in dict.fromkeys(event.partners)]
        event_people += [(number, person) for person in dict.fromkeys(event.people)]
        event_notes += _listed(number, event.notes)
        event_sources += _cited((number,), event.sources)
    rows.update(events=events, event_partners=event_partners, event_people=event_people, event_notes=event_notes)

    rows["partner_sources"] = [row for p in chosen for row in _cited((p.id,), p.sources)]
    rows["event_sources"] = event_sources
    rows["person_sources"] = [row for person in dataset.all_people for row in _cited((person.id,), person.sources)]
    return rows
