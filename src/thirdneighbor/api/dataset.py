"""The Python API's Dataset: the records of a loaded dataset, with the methods the
README documents ("Use from Python").

The methods live here, above the query layer, and not on the data layer's
record class (thirdneighbor.data.model.Dataset), because the data layer may not
import the layers above it (docs/architecture.md). `thirdneighbor.load()` gives
the loaded records this class with `with_methods`, which copies no record.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..data import model
from .arguments import date_argument, flag_argument, text_argument, texts_argument, year_argument

if TYPE_CHECKING:
    from ..data.model import Event, Partner
    from ..data.partialdate import PartialDate
    from ..query.changes import Changes
    from ..query.search import Hit


class Dataset(model.Dataset):
    """Everything in one dataset file, validated, with the query methods of the
    Python API. Events are in date order."""

    __slots__ = ()

    # Each method checks its arguments (arguments.py): a wrong type is a
    # TypeError and a meaningless value a ValueError, each naming the argument; a
    # look-up that finds nothing is a LookupError. A date is a PartialDate, a str
    # ("2020", "2020-05", "2020-05-17") or an int year, wherever one is taken.

    def partners(self, tier: str | Iterable[str] | None = None, neighbors: bool = False,
                 as_of: PartialDate | str | int | None = None, other: bool = False) -> list[Partner]:
        """The third neighbors, in tier order.

        tier (str, an iterable of str, or None): one tier id or name, or several.
        neighbors (bool): add Russia and China. other (bool): add the relations
        without a tier. as_of (PartialDate, str, int year or None): as they
        stood on that date, by the rule of --as-of. Raises ValueError for an
        unknown tier or an impossible date.
        """
        from ..query.select import select_partners

        tiers = texts_argument(tier, "tier")
        date = date_argument(as_of, "as_of")
        return select_partners(self, tiers=tiers, include_neighbors=flag_argument(neighbors, "neighbors"),
                               include_other=flag_argument(other, "other"), as_of=date)

    def partner(self, name: str) -> Partner:
        """The one partner a name (str: a name, alias, ISO code or id) means, as
        `show` finds it. Raises a LookupError (NotFoundError or AmbiguousError)
        where none or several match."""
        from ..query.select import resolve_partner

        return resolve_partner(self, text_argument(name, "name"))  # type: ignore[arg-type]

    def events(self, country: str | None = None, since: PartialDate | str | int | None = None,
               until: PartialDate | str | int | None = None) -> list[Event]:
        """Dated events, oldest first.

        country (str or None): only the events of this partner (LookupError if
        no partner matches). since, until (PartialDate, str, int year or None):
        between these dates, inclusive, by the rule of --as-of (until=2024 keeps
        all of 2024). Raises ValueError where since is after until.
        """
        from ..query.select import resolve_partner, select_events

        country = text_argument(country, "country", optional=True)
        start, end = date_argument(since, "since"), date_argument(until, "until")
        ids = [resolve_partner(self, country).id] if country is not None else []
        return select_events(self, partner_ids=ids, since=start, until=end)

    def search(self, *words: str) -> list[Hit]:
        """Every partner and event holding all these words (each a str; a word
        with spaces is a phrase), best first, as `search` finds them. Raises
        ValueError for a query that `search` refuses (none, or only punctuation)."""
        from ..query.search import search

        for index, word in enumerate(words):
            text_argument(word, f"word {index + 1}")
        return search(words, partners=self.all_partners, events=self.all_events, people=self.all_people,
                      tiers=self.tiers, sources=self.all_sources)

    def changes(self, start: PartialDate | str | int, end: PartialDate | str | int | None = None,
                neighbors: bool = False) -> Changes:
        """What changed during the window from `start`'s first day to `end`'s
        last (each a PartialDate, str or int year; `end` None for the data's
        as-of date), as `changes` tells it: the day before the window against
        its last day. neighbors (bool) adds Russia and China. Raises ValueError
        where start is after end."""
        from ..query.changes import changes

        first = date_argument(start, "start", optional=False)
        last = date_argument(end, "end")
        partners = self.partners(neighbors=flag_argument(neighbors, "neighbors"))
        return changes(self, first, last, partners)  # type: ignore[arg-type]

    def series(self, first: int | str | PartialDate | None = None, last: int | str | PartialDate | None = None,
               neighbors: bool = False) -> dict[str, dict[int, str | None]]:
        """{partner id: {year: tier at that year's end, or None}}, as `series`
        gives it. first, last (int year, a str year such as "2020", a PartialDate
        of a year, or None for the first tie and the data's as-of year);
        neighbors (bool) adds Russia and China. Raises ValueError for a month or
        a day, or where first is after last."""
        from ..query.changes import series_years, tier_series

        start, end = year_argument(first, "first"), year_argument(last, "last")
        partners = self.partners(neighbors=flag_argument(neighbors, "neighbors"))
        years = series_years(self, partners, start, end)
        return {partner.id: dict(zip(years, values)) for partner, values in tier_series(partners, years)}


def with_methods(records: model.Dataset) -> Dataset:
    """The same records as an API Dataset: the fields are shared, not copied."""
    from ..data.record import stored_value

    dataset = object.__new__(Dataset)
    for name in model.Dataset.__match_args__:
        object.__setattr__(dataset, name, stored_value(records, name))  # sources still to decode stay so
    return dataset
