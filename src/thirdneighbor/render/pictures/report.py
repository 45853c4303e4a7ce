"""The report: the pictures drawn for what the page shows, then the page
(report_page). The command line hands over the dataset, the partners its
filters chose and the scope in words; everything drawn is decided here.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...data.model import Dataset, Partner
from .report_scope import Scope

THEMES = ("light", "dark")


def report_html(full: Dataset, shown: Dataset, partners: Sequence[Partner], *, scope: Scope, theme: str | None,
                tool_version: str, made: str) -> str:
    """The page of `partners`, chosen from `shown` (the dataset as of
    `scope.as_of`, or `full` itself). With `theme` None the page carries both
    drawings of each picture and follows the reader's setting."""
    from ..localized import localized_records
    from .chart import chart_svg
    from .partner_map import partners_map_svg
    from .report_page import report_page

    if theme is not None and theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose from {', '.join(THEMES)}")
    themes = (theme,) if theme else THEMES
    full, shown, partners = localized_records(full, shown, partners)  # the names in the language in use
    ids = {partner.id for partner in partners}
    events = [event for event in shown.all_events if not event.partners or ids.intersection(event.partners)]
    first, last = chart_years(shown, partners, scope)
    filters = scope.filters(shown)
    charts = {name: chart_svg(shown, partners, first=first, last=last, theme=name, until=scope.as_of,
                              as_of=scope.as_of, filters=filters, credit=full) for name in themes}
    # The map draws Mongolia and its two neighbors whatever the date and the filters.
    maps = {name: partners_map_svg(full, scope.as_of, name, partners, filters=filters) for name in themes}
    return report_page(full, shown, partners, events, scope=scope, charts=charts, maps=maps,
                       tool_version=tool_version, made=made, theme=theme)


def chart_years(shown: Dataset, partners: Sequence[Partner], scope: Scope) -> tuple[int, int]:
    """The chart's first and last year: from the first tie at a tier among the
    partners (earlier events are summed up in the chart's note) to the page's
    date, or the data's."""
    from .chart_rows import first_tie_year

    last = min(shown.as_of.year, scope.as_of.year) if scope.as_of is not None else shown.as_of.year
    return min(first_tie_year(partners, last), last), last
