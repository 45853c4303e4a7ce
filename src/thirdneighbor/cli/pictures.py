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


def _first_year(dataset: "Dataset", partners: "list[Partner]") -> int:
    """The first year with a tie or an event of these partners."""
    from ..query.changes import series_years

    ids = {partner.id for partner in partners}
    years = [series_years(dataset, partners, None, None).start]
    years += [event.date.year for event in dataset.all_events if ids.intersection(event.partners)]
    return min(years)


def _theme(theme: str) -> str:
    from ..errors import UsageError

    if theme not in ("light", "dark"):
        raise UsageError(f"unknown theme {theme!r}; choose from light, dark")
    return theme


@app.command("chart", epilog=_examples(
    "thirdneighbor chart -o tiers.svg",
    "thirdneighbor chart --neighbors --since 2000 --theme dark -o tiers-dark.svg",
    "thirdneighbor chart",
))
@reading_data
def chart_command(
    output_path: OutputOption = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", "--from", metavar="DATE",
        help="The first year (default: the first tie or event). Years only: a date stands for its year "
             "(2010-06 is 2010).")] = None,
    until: YearlyUntilOption = None,
    year: YearOption = None,
    tier: TierOption = None,
    country: CountryOption = None,
    neighbors: NeighborsFlag = False,
    theme: ThemeOption = "light",
    force: ForceFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """Tiers over time as an SVG picture: a row per partner, a band per tier, a marker per event.

    With -o FILE (or -o - for stdout) it writes the SVG: self-contained, light or
    dark, readable in grey print. On a terminal without -o it draws the same
    picture in text (the grid of `series`).
    """
    from . import streams
    from ..render.pictures.chart import chart_svg
    from ..query.changes import tier_series

    from ..query.window import yearly, yearly_window

    first, last, _ = window_of(since, until, year)
    dataset = source.load()
    partners = _partners(dataset, tier, country, neighbors, source)
    years = yearly(dataset, first, last, _first_year(dataset, partners))
    if output_path is None and streams.wants_rich():
        from ..views.registry import SeriesSubject, View

        return Reply(View("series", dataset, SeriesSubject(years, tier_series(partners, years)),
                          window=yearly_window(years)))
    return _written(chart_svg(dataset, partners, first=years.start, last=years.stop - 1, theme=_theme(theme)),
                    output_path, force, "chart")


@app.command("map", epilog=_examples(
    "thirdneighbor map -o partners.svg",
    "thirdneighbor map --as-of 2015 -o partners-2015.svg",
    "thirdneighbor map --theme dark -o - > map.svg",
))
@reading_data
def map_command(
    output_path: OutputOption = None,
    as_of: AsOfOption = None,
    theme: ThemeOption = "light",
    force: ForceFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """A world map of Mongolia's partners, coloured by tier, as an SVG picture.

    Mongolia is marked; Russia and China are drawn as its neighbors, and other
    relations (the UK) in a shade of their own. Each country's shape carries
    data-iso3, and each partner's data-tier, for restyling. The geometry is
    Natural Earth's 1:110m countries (public domain), bundled.
    """
    from ..render.pictures.partner_map import partners_map_svg
    from ..query.asof import dataset_as_of

    dataset = source.load()
    date = as_of_date(as_of)
    shown = dataset_as_of(dataset, date) if date is not None else dataset
    return _written(partners_map_svg(shown, date, _theme(theme)), output_path, force, "map")


@app.command("report", epilog=_examples(
    "thirdneighbor report -o report.html",
    "thirdneighbor report --as-of 2020 --tier strategic -o strategic-2020.html",
    "thirdneighbor report --all --since 2015 -o since-2015.html",
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
    theme: ThemeOption = "light",
    force: ForceFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """One self-contained HTML page: summary, sortable table with source links, chart, map, timeline and notes.

    It makes no network request, prints cleanly and reads from phone to desktop
    widths. The filters of `list` (--tier, --since, --until, --year, --neighbors,
    --all, --as-of) and --country choose what it shows.
    """
    from ..core import __version__
    from ..render.pictures.chart import chart_svg
    from ..render.pictures.partner_map import partners_map_svg
    from ..render.pictures.report import report_html
    from ..query.asof import dataset_as_of

    dataset = source.load()
    date = as_of_date(as_of)
    shown = dataset_as_of(dataset, date) if date is not None else dataset
    start, end, _ = window_of(since, until, year)
    partners = _partners(shown, tier, country, neighbors, source, since=start, until=end,
                         all_relations=all_relations)
    ids = {partner.id for partner in partners}
    events = [event for event in shown.all_events if not event.partners or ids.intersection(event.partners)]
    theme = _theme(theme)
    last = min(shown.as_of.year, date.year) if date is not None else shown.as_of.year
    chart = chart_svg(shown, partners, first=min(_first_year(shown, partners), last), last=last, theme=theme,
                      until=date)
    page = report_html(shown, partners, events, chart=chart, world_map=partners_map_svg(shown, date, theme, partners),
                       tool_version=__version__, theme=theme)
    return _written(page, output_path, force, "report")
