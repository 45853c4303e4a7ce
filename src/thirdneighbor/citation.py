"""How to cite the dataset: as text, as a BibTeX entry, or as JSON."""

from __future__ import annotations

from typing import Any

from . import __version__
from .model import Dataset
from .render.safe import clean

TITLE = "Third Neighbor Policy dataset"


def all_sources(dataset: Dataset) -> list[str]:
    """Every source the dataset cites, each once, in the order first cited."""
    seen: dict[str, None] = {}
    for source in dataset.policy.sources:
        seen.setdefault(source)
    for partner in dataset.all_partners:
        for source in partner.sources:
            seen.setdefault(source)
    for event in dataset.all_events:
        for source in event.sources:
            seen.setdefault(source)
    return list(seen)


def _counts(dataset: Dataset) -> str:
    third = sum(not partner.neighbor for partner in dataset.all_partners)
    neighbours = len(dataset.all_partners) - third
    return (f"{third} third neighbors, {neighbours} neighbours for comparison, "
            f"{len(dataset.all_events)} dated events")


def citation_json(dataset: Dataset) -> dict[str, Any]:
    return {
        "title": TITLE,
        "policy": dataset.policy.name,
        "version": __version__,
        "as_of": str(dataset.as_of),
        "table_source": dataset.policy.table_source,
        "sources": all_sources(dataset),
    }


def citation_text(dataset: Dataset) -> str:
    sources = all_sources(dataset)
    lines = [
        f"{TITLE} (thirdneighbor {__version__}), data as of {dataset.as_of}.",
        f"{dataset.policy.name}: {_counts(dataset)}.",
        f"The source article's table: {dataset.policy.table_source}.",
        f"Sources ({len(sources)}):",
        *(f"  {source}" for source in sources),
    ]
    # Dataset text is data: no control characters reach the terminal.
    return "\n".join(clean(line) for line in lines) + "\n"


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                   "_": r"\_", "$": r"\$", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in clean(text))


def bibtex(dataset: Dataset) -> str:
    """One @misc entry; the sources go in its note, as BibTeX has no list field."""
    key = f"thirdneighbor_{str(dataset.as_of).replace('-', '_')}"
    note = (f"Data as of {dataset.as_of}. {dataset.policy.name}: {_counts(dataset)}. "
            f"Table source: {dataset.policy.table_source}. Sources: " + "; ".join(all_sources(dataset)) + ".")
    fields = [
        ("title", "{" + _bibtex_text(TITLE) + "}"),
        ("howpublished", _bibtex_text(f"thirdneighbor command-line tool, version {__version__}")),
        ("year", str(dataset.as_of.year)),
        ("version", _bibtex_text(__version__)),
        ("note", _bibtex_text(note)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"
