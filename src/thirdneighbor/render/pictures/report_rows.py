"""The report's table as data: a row per partner with the sources behind the
tier on display, and the same rows as the page's CSV and JSON downloads.

A record's `sources` describe it as it stands now, later designations
included; a report as of an earlier date shows, instead, the sources of the
partner's dated events from the start of the tier it held then up to that
date, so that no source from after the date stands behind a tier it could not
have described.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from typing import Any, NamedTuple

from ...data.model import Dataset, Event, Partner
from ...data.partialdate import PartialDate
from ...core.language import _
from ...core.written_dates import written_date
from . import report_words as words


class Row(NamedTuple):
    partner: Partner
    tier_name: str | None
    sources: tuple[str, ...]  # the ids of the sources behind the tier on display
    sources_note: str | None  # why they are fewer than the record's, on a dated page
    grades: dict[str, str | None]  # the evidence grades of the tier and of its date (query.evidence.confidence)
    source_labels: tuple[str, ...]  # those sources as the page shows them: an address each (query.evidence)


def tier_sources(partner: Partner, events: Sequence[Event], as_of: PartialDate | None) -> tuple[tuple[str, ...],
                                                                                             str | None]:
    """The sources behind the partner's tier on display, and a note where they
    are not simply the record's. `events` are the dataset's as of the date."""
    if as_of is None:
        return partner.sources, None
    from ...query.asof import in_force

    start = partner.tier_since
    seen: dict[str, None] = {}
    for event in events:
        if partner.id in event.partners and (start is None or in_force(start, event.date)):
            for source in event.sources:
                seen.setdefault(source)
    shown = tuple(seen)
    if not shown:
        return (), _(words.DATED_NO_EVENT).format(date=written_date(as_of), partner=partner.id)
    left_out = len(set(partner.sources) - set(shown))
    note = _(words.DATED_SOURCES).format(date=written_date(as_of), count=left_out, partner=partner.id) if left_out else None
    return shown, note


def table_rows(dataset: Dataset, partners: Sequence[Partner], as_of: PartialDate | None) -> list[Row]:
    from ...query.evidence import cited_labels, confidence

    names = {tier.id: tier.name for tier in dataset.tiers}
    rows = []
    for partner in partners:
        sources, note = tier_sources(partner, dataset.all_events, as_of)
        rows.append(Row(partner, names.get(partner.tier or ""), sources, note, confidence(partner),
                        tuple(cited_labels(dataset, sources))))
    return rows


# The downloads' columns: what the table shows, with the ids and flags a
# program needs to read the dates as `list --json` gives them.
FIELDS = ("id", "name", "iso3", "tier", "tier_name", "designation", "asterisk", "tier_since", "tier_since_approx",
          "since", "since_approx", "occasion", "sources")


def download_records(rows: Sequence[Row], as_of: PartialDate | None) -> list[dict[str, Any]]:
    records = []
    for row in rows:
        listed = row.partner.to_dict()  # the values `list --json` gives
        record = {name: listed.get(name) for name in FIELDS}
        record["tier_name"] = row.tier_name
        record["sources"] = list(row.sources)
        record["confidence"] = dict(row.grades)  # the grades of the tier and its date
        if as_of is not None:
            record["as_of"] = str(as_of)
        records.append(record)
    return records


def download_links(rows: Sequence[Row], as_of: PartialDate | None) -> tuple[str, str]:
    """`data:` URLs of the rows as CSV and as JSON: the page stays one file."""
    from ..json_text import dumps
    from ..text import delimited

    records = download_records(rows, as_of)
    fields = FIELDS + (("as_of",) if as_of is not None else ())
    csv = delimited(records, fields, ",")
    return _data_url("text/csv", csv), _data_url("application/json", dumps(records))


def _data_url(media_type: str, text: str) -> str:
    return f"data:{media_type};charset=utf-8;base64,{base64.b64encode(text.encode('utf-8')).decode('ascii')}"
