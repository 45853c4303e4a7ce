"""The texts a search reads in each record, and their folds: the partners'
names, designations, occasions, instruments, leaders, notes, earlier tiers,
sources and quoted evidence, the events' titles, people, notes, sources and
evidence, each with its field's weight (the weights are in
thirdneighbor.query.search's docstring).

A search works them out here when it has no index; the search index
(thirdneighbor.query.search_index) works them out once, keeps them, and a
search that reads it never imports this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..core.fold import fold_each
from ..data.model import Event, Partner, Person, Source, Tier
from ..data.names import partner_keys

# (field, weight, how to get its texts) for each kind of record
_PARTNER_FIELDS: tuple[tuple[str, int], ...] = (
    ("name", 4), ("designation", 2), ("occasion", 2), ("instrument", 2), ("leaders", 2),
    ("notes", 1), ("history", 1), ("sources", 1), ("evidence", 1),
)
_EVENT_FIELDS: tuple[tuple[str, int], ...] = (("title", 2), ("people", 2), ("notes", 1), ("sources", 1),
                                              ("evidence", 1))


def record_texts(partners: Sequence[Partner], events: Sequence[Event], people: Sequence[Person] = (),
                 tiers: Sequence[Tier] = (), sources: Sequence[Source] = ()) -> list[list[tuple[str, int, str]]]:
    """Each record's texts as (field, weight, text), the partners' then the events'."""
    by_id = {person.id: person for person in people}
    cited = {source.id: source for source in sources}
    tier_names = {tier.id: [name for name in (tier.name, tier.name_mn) if name] for tier in tiers}
    texts = [_every(_partner_texts(partner, by_id, tier_names, cited), _PARTNER_FIELDS) for partner in partners]
    return texts + [_every(_event_texts(event, by_id, cited), _EVENT_FIELDS) for event in events]


def folds_of(texts: list[list[tuple[str, int, str]]]) -> dict[str, str]:
    """Each distinct text's fold. Records share texts (a source's title, a
    person's names): each is folded once, and all of them in two calls."""
    distinct = list(dict.fromkeys(text for every in texts for _, _, text in every))
    return dict(zip(distinct, fold_each(distinct)))


def _every(texts: dict[str, list[str]], weights: Iterable[tuple[str, int]]) -> list[tuple[str, int, str]]:
    """A record's texts as (field, weight, text), in the order of `weights`."""
    return [(field, weight, text) for field, weight in weights for text in texts[field]]


def _names(ids: Iterable[str], people: dict[str, Person]) -> list[str]:
    """What people ids stand for: each person's name, Cyrillic name and spellings
    (an id that is no person, in a file without people records, is a name already)."""
    names: list[str] = []
    for person_id in ids:
        person = people.get(person_id)
        names += [person.name, *([person.name_mn] if person.name_mn else []), *person.variants] if person else [person_id]
    return names


def _cited(ids: Iterable[str], sources: dict[str, Source]) -> list[str]:
    """What source ids stand for: each source's address, title and publisher (an id
    that is no source record stays itself)."""
    texts: list[str] = []
    for source_id in ids:
        source = sources.get(source_id)
        texts += [text for text in (source.url, source.title, source.publisher) if text] if source else [source_id]
    return texts


def _partner_texts(partner: Partner, people: dict[str, Person], tier_names: dict[str, list[str]],
                   sources: dict[str, Source]) -> dict[str, list[str]]:
    history = [text for entry in partner.history for text in (entry.designation, entry.occasion, entry.note) if text]
    history += _names((person_id for entry in partner.history for person_id in entry.people), people)
    return {
        "name": partner_keys(partner, with_codes=False)[1:],  # every name but the id, Mongolian ones too
        # The tier's own names count as designations: "Иж бүрэн түншлэл" finds a comprehensive partner.
        "designation": [text for text in (partner.designation, partner.designation_mn) if text]
        + tier_names.get(partner.tier or "", []),
        "occasion": [partner.occasion] if partner.occasion else [],
        "instrument": [partner.instrument] if partner.instrument else [],
        "leaders": _names(partner.leaders, people),
        "notes": list(partner.notes),
        "history": history,
        "sources": _cited(partner.sources, sources),
        "evidence": [claim.quote for claim in (*partner.evidence, *partner.history) if claim.quote],
    }


def _event_texts(event: Event, people: dict[str, Person], sources: dict[str, Source]) -> dict[str, list[str]]:
    return {"title": [event.title], "people": _names(event.people, people), "notes": list(event.notes),
            "sources": _cited(event.sources, sources), "evidence": [event.quote] if event.quote else []}


def texts_and_folds(partners: Sequence[Partner], events: Sequence[Event], people: Sequence[Person] = (),
                    tiers: Sequence[Tier] = (),
                    sources: Sequence[Source] = ()) -> tuple[list[list[tuple[str, int, str]]], list[list[str]]]:
    """Each record's texts (record_texts), and their folds, text by text."""
    texts = record_texts(partners, events, people, tiers, sources)
    folds = folds_of(texts)
    return texts, [[folds[text] for _, _, text in every] for every in texts]
