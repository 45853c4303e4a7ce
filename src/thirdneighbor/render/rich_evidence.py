"""`show --sources` in a terminal: each value of a partner, with its grade, its
sources and the first source's words, below the partner's panel.

A value no claim supports says so in as many words, so that nothing reads as
graded that is not (thirdneighbor.query.evidence gives the rows).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType

from ..data.model import Dataset, Event, Partner
from ..query.evidence import cited_labels, partner_evidence
from .rich_parts import _parts, _source, _text

# How each grade reads, and its colour.
GRADES = {"high": "green", "medium": "yellow", "low": "red"}
LABELS = {"tier": "Tier", "since": "Since", "designation": "Designation", "occasion": "Occasion",
          "instrument": "Instrument", "history": "Earlier tier", "event": "Event"}


def evidence_lines(dataset: Dataset, partner: Partner, events: Sequence[Event]) -> list[RenderableType]:
    lines: list[RenderableType] = [_text(""), _text("Evidence, value by value", "bold")]
    for row in partner_evidence(partner, events):
        grade = row["confidence"]
        verdict = (grade, GRADES[grade]) if grade in GRADES else (
            ("not graded", "dim") if row["sources"] else ("no graded claim", "dim"))
        lines.append(_parts((f"{LABELS[row['field']]}: ", "bold"), (row["value"], ""), ("  ", ""), verdict))
        lines += [_source(source, indent="    ", overflow="ignore") for source in cited_labels(dataset, row["sources"])]
        if row["quote"]:
            lines.append(_text(f"    “{row['quote']}” ({row['quote_language']})", "italic"))
        if row["note"]:
            lines.append(_text(f"    {row['note']}", "dim"))
    return lines
