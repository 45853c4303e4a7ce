"""What a report shows: its date and every filter, said once and used by the
heading, the <title>, the summary and the table's caption alike, so that a
dated or filtered page never passes for the whole dataset."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ...data.model import Dataset
from ...data.partialdate import PartialDate
from . import report_words as words


class Scope(NamedTuple):
    """The choices behind a report: each None or empty where not made."""

    as_of: PartialDate | None = None
    tiers: tuple[str, ...] = ()  # tier ids
    window: str | None = None  # the days --since/--until/--year cover, as a heading writes them
    countries: tuple[str, ...] = ()  # partner names
    neighbors: bool = False
    all_relations: bool = False

    def filters(self, dataset: Dataset) -> list[str]:
        """The filters in words, in the order of the command's options; empty for none."""
        names = {tier.id: tier.name for tier in dataset.tiers}
        said = []
        if self.tiers:
            said.append(words.TIERS.format(tiers=words.TIERS_JOIN.join(names.get(t, t) for t in self.tiers)))
        if self.window:
            said.append(words.WINDOW.format(window=self.window))
        if self.countries:
            said.append(words.COUNTRIES.format(countries=", ".join(self.countries)))
        if self.neighbors:
            said.append(words.WITH_NEIGHBORS)
        if self.all_relations:
            said.append(words.WITH_OTHER)
        return said

    def date(self, dataset: Dataset) -> str:
        """"as of 2010", or, with no --as-of, the date the data was checked."""
        if self.as_of is not None:
            return words.AS_OF.format(date=self.as_of)
        return words.AS_IT_STANDS.format(date=dataset.as_of)

    def phrase(self, dataset: Dataset) -> str:
        """The date and every filter: "as of 2010; Strategic partnership only"."""
        return words.SCOPE_JOIN.join([self.date(dataset), *(self.filters(dataset) or [words.NO_FILTER])])


def scope_of(as_of: PartialDate | None, tiers: Sequence[str], window: object, countries: Sequence[str],
             neighbors: bool, all_relations: bool) -> Scope:
    return Scope(as_of=as_of, tiers=tuple(tiers), window=None if window is None else str(window),
                 countries=tuple(countries), neighbors=neighbors, all_relations=all_relations)
