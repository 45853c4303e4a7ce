"""The commands that show records: list, show, history, timeline, tiers, compare."""

from typing import Annotated, Optional

import typer

from . import completion
from .options import (AllFlag, AsOfOption, CountriesArgument, DataSource, EventCountryOption, EventTierOption,
                      NeighborsFlag, PartnerSinceOption, PartnerUntilOption, SinceOption, TierOption, UntilOption,
                      YearOption, answering, window_of)
from .root import _examples, app


@app.command("list", epilog=_examples(
    "thirdneighbor list --tier strategic",
    "thirdneighbor list --as-of 2015-12-31",
    "thirdneighbor list --since 2024 --format csv --fields name,tier,tier_since",
))
@answering
def list_command(
    tier: TierOption = None,
    since: PartnerSinceOption = None,
    until: PartnerUntilOption = None,
    year: YearOption = None,
    neighbors: NeighborsFlag = False,
    all_relations: AllFlag = False,
    sort: Annotated[str, typer.Option("--sort", metavar="ORDER", help="tier (default), name or date.")] = "tier",
    as_of: AsOfOption = None,
    *,
    source: DataSource,
):
    """List the third neighbors: tier, the date each reached it, and designation.

    "Since" is the date the partner reached its current tier; a designation
    renamed later within the tier (Japan's, in 2022) shows its own date too, and
    is `since` in JSON, `tier_since` the tier's date.
    """
    from ..query.select import select_partners
    from ..views.registry import View

    first, last, window = window_of(since, until, year)
    dataset, date = source.load_as_of(as_of)
    partners = select_partners(dataset, tiers=tier or (), since=first, until=last, include_neighbors=neighbors,
                               include_other=all_relations, sort=sort, as_of=date)
    if not partners and tier and not neighbors:
        from ..query.groups import neighbor_only_tiers
        from ..query.select import check_tiers

        only_theirs = [tier_id for tier_id in check_tiers(dataset, tier) if tier_id in neighbor_only_tiers(dataset)]
        if only_theirs:
            source.notes.append(f"only Mongolia's neighbors hold {', '.join(only_theirs)}; add --neighbors to list them")
    return View("list", dataset, partners, as_of=date, window=window)


@app.command("show", epilog=_examples(
    "thirdneighbor show korea",
    "thirdneighbor show korea --json | jq .since",
    "thirdneighbor show japan --as-of 2015 --sources",
))
@answering
def show_command(
    countries: CountriesArgument,
    sources: Annotated[bool, typer.Option("--sources", help="Give the sources of every fact shown, event by event.")] = False,
    as_of: AsOfOption = None,
    *,
    source: DataSource,
):
    """Everything about one or more partners: tier, history, events, notes and sources."""
    from ..query.select import events_by_partner, resolve_partners
    from ..views.registry import ShowSubject, View

    dataset, date = source.load_as_of(as_of)
    found = source.found(resolve_partners(dataset, countries, as_of=date, words=True))
    partners = list({partner.id: partner for partner in found}.values())
    subject = ShowSubject(partners, events_by_partner(dataset, as_of=date))
    return View("show", dataset, subject, as_of=date, with_sources=sources)


@app.command("history", epilog=_examples("thirdneighbor history korea", "thirdneighbor history usa --json"))
@answering
def history_command(
    country: Annotated[list[str], typer.Argument(metavar="COUNTRY", autocompletion=completion.countries,
                                                 help="Name, alias, ISO code or id; a name of several words "
                                                      "needs no quotes.")],
    *,
    source: DataSource,
):
    """A partner's tiers over time, oldest first, ending with the current one."""
    from ..query.select import resolve_partners
    from ..views.registry import View

    dataset = source.load()
    partners = list({partner.id: partner for partner in resolve_partners(dataset, country, words=True)}.values())
    if len(partners) > 1:
        from ..errors import UsageError
        from ..core.safe import clean

        raise UsageError(f"history shows one partner at a time; {', '.join(clean(p.name) for p in partners)} "
                         "were named: run it once for each, or use `show` for several")
    [partner] = source.found(partners)
    return View("history", dataset, partner)


@app.command("timeline", epilog=_examples(
    "thirdneighbor timeline --since 2019",
    "thirdneighbor timeline 2025",
    "thirdneighbor timeline --country japan,usa --json",
    "thirdneighbor timeline --chart",
))
@answering
def timeline_command(
    positional_year: Annotated[Optional[str], typer.Argument(
        metavar="[YEAR]", help="Only this year: `timeline 2025` is `timeline --year 2025`.")] = None,
    country: EventCountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    year: YearOption = None,
    tier: EventTierOption = None,
    chart: Annotated[bool, typer.Option("--chart", help="A bar chart of milestones per year, coloured by the tier "
                                                        "the partners named held on each event's date.")] = False,
    *,
    source: DataSource,
):
    """Dated milestones of the policy, oldest first, grouped by year.

    A year given alone, `timeline 2025`, is the same as --year 2025; any other
    word there is refused with a hint (a country goes after --country).
    """
    from ..query.select import resolve_partners, select_events
    from ..views.registry import View

    if positional_year is not None:
        from ..errors import UsageError, quoted

        word = positional_year.strip()
        if not (len(word) == 4 and word.isascii() and word.isdigit()):
            raise UsageError(f"timeline takes a year (timeline 2025 is timeline --year 2025), not {quoted(word)}; "
                             "a partner goes after --country, a month or a day after --since and --until")
        if year is not None or since is not None or until is not None:
            raise UsageError(f"timeline {word} is the same as --year {word}, which takes the place of --since and "
                             "--until; give one of them")
        year = word
    first, last, window = window_of(since, until, year)
    dataset = source.load()
    partner_ids = [partner.id for partner in source.found(resolve_partners(dataset, country or []))]
    events = select_events(dataset, partner_ids=partner_ids, since=first, until=last, tiers=tier or ())
    if chart:
        from ..query.groups import milestones_per_year

        return View("chart", dataset, milestones_per_year(dataset, events), window=window)
    return View("timeline", dataset, events, window=window)


@app.command("tiers", epilog=_examples("thirdneighbor tiers", "thirdneighbor tiers --as-of 2010 --neighbors --json"))
@answering
def tiers_command(
    neighbors: NeighborsFlag = False,
    all_relations: AllFlag = False,
    as_of: AsOfOption = None,
    *,
    source: DataSource,
):
    """The tiers in rank order, each with its designations and partners."""
    from ..query.groups import tier_groups
    from ..views.registry import View

    dataset, date = source.load_as_of(as_of)
    groups = tier_groups(dataset, include_neighbors=neighbors, include_other=all_relations, as_of=date)
    return View("tiers", dataset, groups, as_of=date)


@app.command("compare", epilog=_examples(
    'thirdneighbor compare japan "united states"',
    "thirdneighbor compare germany france italy --fields tier,since --format markdown",
))
@answering
def compare_command(
    countries: Annotated[list[str], typer.Argument(metavar="COUNTRY...", autocompletion=completion.countries,
                                                   help="Two or more partners.")],
    as_of: AsOfOption = None,
    *,
    source: DataSource,
):
    """Two or more partners side by side, one row per field, differences marked.

    With --fields, only those rows (fields compared) are shown. With --as-of, a
    partner that held no tier yet on that date is compared as such: its tier and
    dates show as "—", and a note says so.
    """
    from ..query.asof import partner_or_untied
    from ..query.groups import compare_partners
    from ..query.select import resolve_partners
    from ..views.registry import CompareSubject, View

    dataset, date = source.load_as_of(as_of)
    partners = source.found(resolve_partners(dataset, countries, words=True))
    if date is not None:
        from ..core.safe import clean

        untied = [clean(partner.name) for partner in partners if partner.tier is not None
                  and partner_or_untied(partner, date).tier is None]
        if untied:
            source.notes.append(f"{', '.join(untied)} held no tier yet as of {date}")
        partners = [partner_or_untied(partner, date) for partner in partners]
    subject = CompareSubject(partners, compare_partners(dataset, partners, as_of=date))
    return View("compare", dataset, subject, as_of=date)
