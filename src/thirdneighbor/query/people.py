"""The people named in the data: who they are, and every occasion and event
that names them."""

from __future__ import annotations

from typing import NamedTuple

from ..data.model import Dataset, Person
from ..data.names import person_keys


class Mention(NamedTuple):
    """An occasion (of a partner's tie, current or earlier) or an event that names a person."""

    kind: str  # "occasion" or "event"
    date: str
    text: str  # the occasion, or the event's title
    partners: tuple[str, ...]
    designation: str | None = None  # for an occasion: the tie it made
    tier: str | None = None  # for an occasion: the tier of the tie it made


def resolve_person(dataset: Dataset, query: str) -> Person:
    """The one person a name means: an exact name, Cyrillic name, spelling or id
    first, then a part of one ("khurel"). Case, accents and punctuation are
    ignored, as for countries."""
    from .select import pick_one

    return pick_one(query, dataset.all_people, person_keys, ("person", "people"), min_part=3)


def mentions(dataset: Dataset) -> dict[str, list[Mention]]:
    """Each person id's mentions, oldest first. A partner's `leaders` are the
    people of its current tie's occasion; earlier tiers and events list theirs."""
    index: dict[str, list[Mention]] = {person.id: [] for person in dataset.all_people}

    def add(person_ids: tuple[str, ...], mention: Mention) -> None:
        for person_id in person_ids:
            if person_id in index:  # a file without people records has names here, not ids
                index[person_id].append(mention)

    for partner in dataset.all_partners:
        if partner.since is not None:
            add(partner.leaders, Mention("occasion", str(partner.since), partner.occasion or "", (partner.id,),
                                         partner.designation, partner.tier))
        for entry in partner.history:
            add(entry.people, Mention("occasion", str(entry.start), entry.occasion or "", (partner.id,),
                                      entry.designation, entry.tier))
    for event in dataset.all_events:
        add(event.people, Mention("event", str(event.date), event.title, event.partners))
    for found in index.values():
        found.sort(key=lambda mention: (mention.date, mention.kind))
    return index


def at_tiers(dataset: Dataset, found: list[Mention], tiers: set[str]) -> list[Mention]:
    """The mentions at one of these tiers: an occasion whose tie is at one, an
    event naming a partner that held one on the event's date (as `timeline
    --tier` keeps events)."""
    from ..data.partialdate import PartialDate
    from .select import tiers_then

    by_id = {partner.id: partner for partner in dataset.all_partners}
    return [mention for mention in found
            if (mention.tier in tiers if mention.kind == "occasion"
                else tiers.intersection(tiers_then(PartialDate.parse(mention.date), mention.partners, by_id)))]


def display_names(dataset: Dataset, ids: tuple[str, ...]) -> list[str]:
    """People's names for their ids; a name that is not an id (a file without
    people records) stands as written."""
    names = {person.id: person.name for person in dataset.all_people}
    return [names.get(person_id, person_id) for person_id in ids]
