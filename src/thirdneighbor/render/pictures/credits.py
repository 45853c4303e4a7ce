"""The credit line a picture carries at its foot, so that it names its source
when it is pasted alone: the dataset's title and version, the date it was
checked, its sources in short, its licence, the tool and its version, and for
the map the source of its geometry.

Every value comes from the dataset or thirdneighbor.render.citation (no version is
written here); the words are in WORDS, for a translation to replace.
"""

from __future__ import annotations

import textwrap

from ...core.language import N_, _
from ...core.written_dates import written_date
from ...data.model import Dataset

WORDS = {
    "data": N_("Data: {title}, version {version}, checked against its sources on {checked}."),
    "sources": N_("Sources: {count}, listed by `thirdneighbor cite --sources`; the source article's table: "
               "{table_source}."),
    "licence": N_("Licence: {licence}."),
    "tool": N_("Made with thirdneighbor {tool}."),
    "geometry": N_("Map: {geometry}; {geometry_licence}"),
}


def credit_lines(dataset: Dataset, geometry: dict[str, str] | None = None) -> list[str]:
    """The credit as sentences; `geometry` (the map's bundled geometry, with its
    `source` and `licence`) adds the map's own line."""
    from ...core import __version__
    from ..citation import all_sources, data_version, license_info, title

    lines = [
        _(WORDS["data"]).format(title=title(dataset), version=data_version(dataset), checked=written_date(dataset.as_of)),
        _(WORDS["sources"]).format(table_source=dataset.policy.table_source, count=len(all_sources(dataset))),
        _(WORDS["licence"]).format(licence=license_info(dataset)[0]) + " " + _(WORDS["tool"]).format(tool=__version__),
    ]
    if geometry is not None:
        lines.append(_(WORDS["geometry"]).format(geometry=geometry["source"], geometry_licence=geometry["licence"]))
    return lines


def wrapped(lines: list[str], width: int) -> list[str]:
    """The credit broken into lines of at most `width` characters, each sentence on a new line."""
    return [part for line in lines for part in textwrap.wrap(line, width, break_on_hyphens=False)]
