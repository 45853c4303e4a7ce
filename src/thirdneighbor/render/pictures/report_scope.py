"""What a report shows: its date and every filter, said once and used by the
heading, the <title>, the summary and the table's caption alike, so that a
dated or filtered page never passes for the whole dataset."""

from __future__ import annotations

from typing import NamedTuple

from ...data.model import Dataset, Partner
from ...data.partialdate import PartialDate
from ...core.language import _
from ...core.written_dates import written_date
from . import report_words as words


class Scope(NamedTuple):
    """The choices behind a report: each None or empty where not made."""

    as_of: PartialDate | None = None
    tiers: tuple[str, ...] = ()  # tier ids
    since: PartialDate | None = None  # the first and last day of --since/--until/--year
    until: PartialDate | None = None
    countries: tuple[Partner, ...] = ()  # the partners --country named
    neighbors: bool = False
    all_relations: bool = False

    def filters(self, dataset: Dataset) -> list[str]:
        """The filters in words, in the order of the command's options, as the
        chart and the map name them too; empty for none."""
        from .shown import filters_shown

        return filters_shown(dataset, tiers=self.tiers, countries=self.countries, neighbors=self.neighbors,
                             other=self.all_relations, since=self.since, until=self.until)

    def date(self, dataset: Dataset) -> str:
        """"as of 2010", or, with no --as-of, the date the data was checked."""
        if self.as_of is not None:
            return _(words.AS_OF).format(date=written_date(self.as_of))
        return _(words.AS_IT_STANDS).format(date=written_date(dataset.as_of))

    def phrase(self, dataset: Dataset) -> str:
        """The date and every filter: "as of 2010; tier: Strategic partnership"."""
        return words.SCOPE_JOIN.join([self.date(dataset), *(self.filters(dataset) or [_(words.NO_FILTER)])])
