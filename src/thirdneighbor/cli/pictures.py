"""Pictures and pages as commands: `chart`, `map` and `report`.

Each writes one self-contained file (SVG or HTML) with `-o FILE`, atomically, or
to stdout with `-o -`. On a terminal, `chart` without `-o` draws the same
picture in text; `map` and `report` ask for `-o`, since their output is a file
format, not text to read.
"""

# No `from __future__ import annotations`: Typer reads these annotations (see cli/root.py).

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .root import _examples, app
from .options import (AllFlag, AsOfOption, CountryOption, DataSource, ForceFlag, NeighborsFlag, OutputOption,
                      PartnerSinceOption, PartnerUntilOption, TierOption, YearOption, YearlyUntilOption, as_of_date,
                      reading_data, window_of)
from ..views.reply import Reply

if TYPE_CHECKING:
    from ..data.model import Dataset, Partner
    from ..data.partialdate import PartialDate

ThemeOption = Annotated[str, typer.Option("--theme", metavar="THEME", help="light (default) or dark.")]
PageThemeOption = Annotated[Optional[str], typer.Option(
    "--theme", metavar="THEME", help="light or dark (default: the reader's setting; print is always light).")]


def _written(text: str, output_path: Optional[str], force: bool, what: str) -> Reply:
    """`text` to the file asked for, or to stdout for `-o -` or a pipe; on a
    terminal without -o, a usage error: SVG and HTML are for files."""
    from . import streams
    from ..errors import UsageError

    if output_path is None and streams.stdout_is_terminal():
        raise UsageError(f"{what} writes a file; give -o FILE (or -o - for stdout)")
    if output_path not in (None, "-"):
        from ..core.files import check_suffix

        check_suffix(output_path, (".html", ".htm") if what == "report" else (".svg",), what)
    return Reply(text, output_path=None if output_path in (None, "-") else output_path, force=force)


def _partners(dataset: "Dataset", tier: Optional[list[str]], country: Optional[list[str]],
              neighbors: bool, source: DataSource, *, since: "Optional[PartialDate]" = None,
              until: "Optional[PartialDate]" = None,
              all_relations: bool = False) -> "list[Partner]":
    """The partners `list` would give for these filters (a country named with
    --country is kept whatever its kind); a note on stderr where none is left."""
    from ..query.select import check_tiers, narrowed, resolve_partners, select_partners

    tier = check_tiers(dataset, tier or ())
    partners = select_partners(dataset, tiers=tier, since=since, until=until,
                               include_neighbors=neighbors or bool(country),
                               include_other=all_relations or bool(country))
    if country:
        partners = narrowed(partners, source.found(resolve_partners(dataset, country)))
    if not partners:
        source.none_left(neighbors)
    return partners


def _theme(theme: str) -> str:
    from ..errors import UsageError

    if theme not in ("light", "dark"):
        raise UsageError(f"unknown theme {theme!r}; choose from light, dark")
    return theme


RegionOption = Annotated[Optional[str], typer.Option(
    "--region", metavar="REGION", help="Crop the map to europe or asia, where partners crowd together.")]
CountsFlag = Annotated[bool, typer.Option(
    "--counts", help="Instead, how many partners held each tier at the end of each year: a stacked step chart.")]


@app.command("chart", epilog=_examples(
    "thirdneighbor chart -o tiers.svg",
    "thirdneighbor chart --neighbors --since 2000 --theme dark -o tiers-dark.svg",
    "thirdneighbor chart --as-of 2010 -o tiers-2010.svg",
    "thirdneighbor chart --counts -o counts.svg",
    "thirdneighbor chart",
))
@reading_data
def chart_command(
    output_path: OutputOption = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", "--from", metavar="DATE",
        help="The first year (default: the first year any of the partners held a tier; earlier events are "
             "summed up in a note). Years only: a date stands for its year (2010-06 is 2010).")] = None,
    until: YearlyUntilOption = None,
    year: YearOption = None,
    as_of: AsOfOption = None,
    tier: TierOption = None,
    country: CountryOption = None,
    neighbors: NeighborsFlag = False,
    counts: CountsFlag = False,
    theme: ThemeOption = "light",
    force: ForceFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """Tiers over time as an SVG picture: a row per partner, a band per tier, its events in a lane beneath.

    With -o FILE (or -o - for stdout) it writes the SVG: self-contained, light or
    dark, readable in grey print, scaling to its container with a narrow layout
    for phones. The title is a finding computed from the data; the subtitle says
    what is shown. --counts draws how many partners held each tier each year.
    On a terminal without -o it draws the same picture in text (the grid of `series`).
    """
    from . import streams
    from ..query.changes import tier_series
    from ..query.window import yearly, yearly_window
    from ..render.pictures.chart_rows import first_tie_year

    first, last, _ = window_of(since, until, year)
    dataset = source.load()
    date = as_of_date(as_of)
    shown = _as_of(dataset, date)
    if date is not None and (last is None or last.key > date.key):
        last = date
    partners = _partners(shown, tier, country, neighbors, source)
    years = yearly(shown, first, last, first_tie_year(partners, shown.as_of.year))
    if output_path is None and streams.wants_rich():
        from ..views.registry import SeriesSubject, View

        return Reply(View("series", shown, SeriesSubject(years, tier_series(partners, years)),
                          window=yearly_window(years)))
    from ..render.localized import localized_records

    shown, dataset, partners = localized_records(shown, dataset, partners)  # the names in the language in use
    filters = _filters_shown(shown, tier, country, neighbors, source)
    if counts:
        from ..render.pictures.counts_chart import counts_svg

        picture = counts_svg(shown, partners, years, theme=_theme(theme), as_of=date, filters=filters,
                             credit=dataset)
    else:
        from ..render.pictures.chart import chart_svg

        picture = chart_svg(shown, partners, first=years.start, last=years.stop - 1, theme=_theme(theme),
                            until=date, as_of=date, filters=filters, credit=dataset)
    return _written(picture, output_path, force, "chart")


@app.command("map", epilog=_examples(
    "thirdneighbor map -o partners.svg",
    "thirdneighbor map --as-of 2015 -o partners-2015.svg",
    "thirdneighbor map --region europe -o europe.svg",
    "thirdneighbor map --theme dark -o - > map.svg",
))
@reading_data
def map_command(
    output_path: OutputOption = None,
    as_of: AsOfOption = None,
    region: RegionOption = None,
    theme: ThemeOption = "light",
    force: ForceFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """A world map of Mongolia's partners, coloured by tier and each named, as an SVG picture.

    Mongolia is outlined and dotted; Russia and China are drawn as its neighbors
    on every map, whatever the date, and other relations (the UK) in a class of
    their own. --region crops to europe or asia. Each country's shape carries
    data-iso3, and each partner's data-tier, for restyling. The geometry is
    Natural Earth's 1:110m countries (public domain), bundled; the foot credits it.
    """
    from ..errors import UsageError
    from ..render.pictures.map_labels import REGIONS
    from ..render.pictures.partner_map import partners_map_svg

    if region is not None and region not in REGIONS:
        raise UsageError(f"unknown region {region!r}; choose from {', '.join(REGIONS)}")
    from ..render.localized import localized_records

    (dataset,) = localized_records(source.load())  # the names in the language in use
    return _written(partners_map_svg(dataset, as_of_date(as_of), _theme(theme), region=region),
                    output_path, force, "map")


def _as_of(dataset: "Dataset", date: "Optional[PartialDate]") -> "Dataset":
    from ..query.asof import dataset_as_of

    return dataset_as_of(dataset, date) if date is not None else dataset


def _filters_shown(dataset: "Dataset", tier: Optional[list[str]], country: Optional[list[str]], neighbors: bool,
                   source: DataSource) -> list[str]:
    """The filters in force, as the picture's subtitle names them."""
    from ..query.select import check_tiers, resolve_partners
    from ..render.pictures.shown import filters_shown

    named = source.found(resolve_partners(dataset, country)) if country else []
    return filters_shown(dataset, tiers=check_tiers(dataset, tier or ()), countries=named, neighbors=neighbors)


@app.command("report", epilog=_examples(
    "thirdneighbor report -o report.html",
    "thirdneighbor report --as-of 2020 --tier strategic -o strategic-2020.html",
    "thirdneighbor report --all --since 2015 --theme dark -o since-2015.html",
))
@reading_data
def report_command(
    output_path: OutputOption = None,
    as_of: AsOfOption = None,
    tier: TierOption = None,
    since: PartnerSinceOption = None,
    until: PartnerUntilOption = None,
    year: YearOption = None,
    country: CountryOption = None,
    neighbors: NeighborsFlag = False,
    all_relations: AllFlag = False,
    theme: PageThemeOption = None,
    force: ForceFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """One self-contained HTML page: summary, chart, map, sortable table, timeline, notes, sources and citation.

    It makes no network request, follows the reader's light or dark setting
    (unless --theme forces one), prints light and reads from phone to desktop
    widths. The filters of `list` (--tier, --since, --until, --year,
    --neighbors, --all, --as-of) and --country choose what it shows, and the
    page's heading, title and summary say which. SOURCE_DATE_EPOCH, where set,
    dates the page instead of the clock.
    """
    import os

    from ..core import __version__
    from ..query.asof import dataset_as_of
    from ..query.select import check_tiers, resolve_partners
    from ..render.pictures.report import report_html
    from ..render.pictures.report_page import made_at
    from ..render.pictures.report_scope import Scope

    dataset = source.load()
    date = as_of_date(as_of)
    shown = dataset_as_of(dataset, date) if date is not None else dataset
    start, end, window = window_of(since, until, year)
    partners = _partners(shown, tier, country, neighbors, source, since=start, until=end,
                         all_relations=all_relations)
    scope = Scope(as_of=date, tiers=tuple(check_tiers(shown, tier or ())),
                  since=window.first if window else None, until=window.last if window else None,
                  countries=tuple(resolve_partners(shown, country)) if country else (),
                  neighbors=neighbors, all_relations=all_relations)
    page = report_html(dataset, shown, partners, scope=scope, theme=None if theme is None else _theme(theme),
                       tool_version=__version__, made=made_at(os.environ))
    return _written(page, output_path, force, "report")
