"""The research questions as commands: `search`, `changes`, `series` and `people`.

They are registered on the app of thirdneighbor.cli.root (thirdneighbor.cli.app
imports this module third) and follow its rules: options declared once in cli/options.py, imports inside
the commands, and a View returned, never written.
"""

# No `from __future__ import annotations`: Typer reads these annotations (see cli/root.py).

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .root import _examples, app
from .options import (AllFlag, CountryOption, DataSource, NeighborsFlag, PeopleTierOption, SearchSinceOption,
                      SearchTierOption, SearchUntilOption, TierOption, YearOption, YearlySinceOption,
                      YearlyUntilOption, answering, window_of)

if TYPE_CHECKING:
    from ..data.load import Loaded
    from ..query.search_index import SearchIndex

@app.command("search", epilog=_examples(
    "thirdneighbor search khurelsukh",
    'thirdneighbor search "trade act"',
    "thirdneighbor search strategic --country japan --since 2020",
    "thirdneighbor search roadmap --json | jq '.[].title'",
))
@answering
def search_command(
    words: Annotated[list[str], typer.Argument(
        metavar="TEXT...", help='Words to find, all of them; "a quoted phrase" as a phrase. Case and accents '
                                "are ignored, and a word matches where a word starts.")],
    tier: SearchTierOption = None,
    country: CountryOption = None,
    since: SearchSinceOption = None,
    until: SearchUntilOption = None,
    year: YearOption = None,
    *,
    source: DataSource,
):
    """Search every partner and event: names, designations, occasions, leaders, notes, titles and sources.

    Results come best first: each word scores the weight of the best field it is
    in (name 4; designation, occasion, instrument, leaders, event title and people 2;
    notes, earlier tiers, sources 1). --since and --until take dates (or years), compared with an
    event's date and the date a partner reached its current tier. --tier keeps
    the partners at that tier now, and the events naming a partner that held it on
    the event's date.
    """
    from ..query.search import parse_query, search
    from ..query.search_index import NotIndexed
    from ..query.select import narrowed, resolve_partners, select_events, select_partners
    from ..views.registry import View

    parse_query(words)  # a query it would refuse is refused before the data is read
    first, last, window = window_of(since, until, year)
    loaded = source.load_source()
    dataset = loaded.dataset
    partners = select_partners(dataset, tiers=tier or (), since=first, until=last, include_neighbors=True,
                               include_other=True)
    partner_ids: list[str] = []
    if country:
        named = resolve_partners(dataset, country)
        partners = narrowed(partners, named)
        partner_ids = sorted({partner.id for partner in named})
    events = select_events(dataset, partner_ids=partner_ids, since=first, until=last, tiers=tier or ())
    # The records' texts and folds from the index kept beside the cache entry:
    # then the sources (half the records) are never decoded.
    index = _search_index(loaded)
    try:
        hits = search(words, partners=partners, events=events, index=index) if index is not None else None
    except NotIndexed:  # a record made anew rather than chosen from the dataset: none is, today
        hits = None
    if hits is None:
        hits = search(words, partners=partners, events=events, people=dataset.all_people, tiers=dataset.tiers,
                      sources=dataset.all_sources)
    if not hits:
        asked = " ".join(words)
        from ..core.language import _

        source.notes.append(_("no record matches {words}").format(
            words=repr(asked if len(asked) <= 60 else asked[:59] + "…")))
    return View("search", dataset, hits, window=window)


@app.command("changes", epilog=_examples(
    "thirdneighbor changes 2023 2024",
    "thirdneighbor changes 2023",
    "thirdneighbor changes --year 2025 --json | jq '.partners[].id'",
    "thirdneighbor changes 2010 2020 --neighbors --format csv",
))
@answering
def changes_command(
    start: Annotated[Optional[str], typer.Argument(
        metavar="[FROM]", help="The first date: YYYY, YYYY-MM or YYYY-MM-DD, from its first day (2023 is "
                               "2023-01-01). Or give --since.")] = None,
    end: Annotated[Optional[str], typer.Argument(
        metavar="[TO]", help="The last date, to its last day (2024 is 2024-12-31); default: the dataset's as-of "
                             "date. Or give --until.")] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE", help="The same as FROM: the window opens on its first day.")] = None,
    until: Annotated[Optional[str], typer.Option(
        "--until", metavar="DATE", help="The same as TO: the window closes on its last day.")] = None,
    year: YearOption = None,
    neighbors: NeighborsFlag = False,
    *,
    source: DataSource,
):
    """What changed during a window of dates: new partners, upgrades and downgrades, and the events in it.

    The window runs from FROM's first day to TO's last, so `changes 2023 2024`
    is everything that changed during 2023 and 2024 (2023-01-01 to
    2024-12-31), and `changes 2023` runs to the dataset's as-of date. It
    compares the state on the day before the window opens with the state on its
    last day: the difference between `list --as-of 2022-12-31` and `list --as-of
    2024`. The events are those inside the window. --since, --until and --year
    may stand for FROM and TO.
    """
    from ..errors import UsageError
    from ..query.changes import changes
    from ..query.select import select_partners
    from ..query.window import bound, one_year
    from ..views.registry import View

    if start is not None and (since is not None or until is not None or year is not None):
        raise UsageError("give the window as FROM TO, or with --since, --until or --year; not both")
    since, until = one_year(year, since, until)
    start, end = (start, end) if start is not None else (since, until)
    if start is None:
        raise UsageError("changes needs the first date of its window: FROM (changes 2023 2024), --since or --year")
    start_date = bound(start, "FROM" if since is None else "--since")
    end_date = None if end is None else bound(end, "TO" if until is None else "--until")
    dataset = source.load()
    partners = select_partners(dataset, include_neighbors=neighbors)
    found = changes(dataset, start_date, end_date, partners)
    return View("changes", dataset, found, window=found.window)


@app.command("series", epilog=_examples(
    "thirdneighbor series",
    "thirdneighbor series --since 2010 --format csv > tiers.csv",
    "thirdneighbor series --counts",
))
@answering
def series_command(
    since: YearlySinceOption = None,
    until: YearlyUntilOption = None,
    year: YearOption = None,
    counts: Annotated[bool, typer.Option("--counts", help="The number of partners at each tier, per year.")] = False,
    tier: TierOption = None,
    country: CountryOption = None,
    neighbors: NeighborsFlag = False,
    all_relations: AllFlag = False,
    *,
    source: DataSource,
):
    """Each partner's tier at the end of each year: a grid on a terminal, one row per partner and year elsewhere.

    A year's value is the tier held at its end, as `list --as-of YEAR` gives it;
    a partner with no tier yet has none. --format csv, tsv, json or jsonl give
    the long format (partner, year, tier), ready for pandas or R. --tier keeps
    the partners that held one of those tiers in some year of the range, and
    --counts then counts those partners only.
    """
    from ..query.changes import series_years, tier_counts, tier_series
    from ..query.select import check_tiers, narrowed, resolve_partners, select_partners
    from ..query.window import yearly, yearly_window
    from ..views.registry import SeriesSubject, View

    first, last, _ = window_of(since, until, year)
    dataset = source.load()
    tier = check_tiers(dataset, tier or ())
    partners = select_partners(dataset, include_neighbors=neighbors or bool(country),
                               include_other=all_relations or bool(country))
    if country:
        partners = narrowed(partners, source.found(resolve_partners(dataset, country)))
    years = yearly(dataset, first, last, series_years(dataset, partners, None, None).start)
    rows = tier_series(partners, years)
    if tier:  # partners that held one of these tiers in some year of the range
        rows = [(partner, values) for partner, values in rows if set(values) & set(tier)]
    if not rows:
        source.none_left(neighbors)
    if counts:
        return View("counts", dataset, tier_counts(dataset, rows, years), window=yearly_window(years))
    return View("series", dataset, SeriesSubject(years, rows), window=yearly_window(years))


@app.command("people", epilog=_examples(
    "thirdneighbor people",
    "thirdneighbor people khurelsukh",
    "thirdneighbor people Хүрэлсүх --json | jq '.mentions[].text'",
))
@answering
def people_command(
    name: Annotated[Optional[str], typer.Argument(
        metavar="[NAME]", help="A person: a name, a part of one, a spelling, the Cyrillic name or an id; "
                               "accents and case are ignored.")] = None,
    tier: PeopleTierOption = None,
    *,
    source: DataSource,
):
    """The leaders and officials named in the data; with NAME, every occasion and event that names that person.

    Without NAME: each person's role, where a source gives it, and how many
    occasions (of a partner's tie, current or earlier) and events name them.
    With NAME: that person's record, and the occasions and events oldest first.
    With --tier, only the occasions of a tie at that tier and the events naming
    a partner that held it on the event's date (and, without NAME, only the
    people with one of those).
    """
    from ..query.people import at_tiers, mentions, resolve_person
    from ..query.select import check_tiers
    from ..views.registry import PersonSubject, View

    from ..errors import NotFoundError, UsageError
    from ..data.names import normalize

    if name is not None and not normalize(name):
        raise UsageError("give a name, a part of one (three letters or more), or an id")
    dataset = source.load()
    tiers = set(check_tiers(dataset, tier or ()))
    index = mentions(dataset)
    if tiers:
        index = {person_id: at_tiers(dataset, found, tiers) for person_id, found in index.items()}
    from ..core.language import _

    no_people = _("this dataset lists no people (it has no [[people]] records)")
    if name is None:
        if not dataset.all_people:
            source.notes.append(no_people)
        return View("people", dataset, [(person, index[person.id]) for person in dataset.all_people
                                        if not tiers or index[person.id]])
    if not dataset.all_people:
        raise NotFoundError(name, [], noun="person", hint=no_people)
    person = resolve_person(dataset, name)
    if tiers and not index[person.id]:
        from ..core.safe import clean  # a name in a message: one line, inert

        source.notes.append(_("no occasion or event at {tiers} names {name}").format(
            tiers=", ".join(sorted(tiers)), name=clean(person.name)))
    return View("person", dataset, PersonSubject(person, index[person.id]))


def _search_index(loaded: "Loaded") -> "Optional[SearchIndex]":
    """The loaded dataset's search index: kept beside its cache entry, or made
    and kept now. None where no cache is used (--no-cache, stdin): the search
    then works from the records, as it would anyway."""
    if loaded.stamp is None:
        return None
    from ..data import companion
    from ..query import search_index

    stamped = companion.stamp(loaded.stamp, search_index.KIND, search_index.version())
    payload = companion.read(loaded.path, loaded.size, search_index.KIND, stamped)
    if payload is not None:
        try:
            return search_index.read(loaded.dataset, payload)
        except ValueError:
            pass  # damaged or foreign: made afresh below
    index, payload = search_index.build(loaded.dataset)
    companion.write(loaded.path, search_index.KIND, stamped, payload)
    return index
