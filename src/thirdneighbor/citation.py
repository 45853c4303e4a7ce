"""How to cite the dataset: as text, as a BibTeX entry, or as JSON."""

from __future__ import annotations

from typing import Any

from . import __version__
from .model import Dataset
from .render.safe import clean

UNTITLED = "Untitled dataset"


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
    partners = dataset.all_partners
    neighbors = sum(partner.neighbor for partner in partners)
    other = sum(partner.tier is None for partner in partners)
    third = len(partners) - neighbors - other
    return (f"{third} third neighbors, {neighbors} neighbors for comparison, "
            f"{other} other relation{'' if other == 1 else 's'}, {len(dataset.all_events)} dated events")


def title(dataset: Dataset) -> str:
    return dataset.title or UNTITLED


def data_version(dataset: Dataset) -> str:
    return dataset.version or "unversioned"


def citation_json(dataset: Dataset) -> dict[str, Any]:
    return {
        "title": title(dataset),
        "policy": dataset.policy.name,
        "version": dataset.version,
        "as_of": str(dataset.as_of),
        "tool_version": __version__,
        "table_source": dataset.policy.table_source,
        "sources": all_sources(dataset),
    }


def citation_text(dataset: Dataset) -> str:
    sources = all_sources(dataset)
    lines = [
        f"{title(dataset)}, version {data_version(dataset)}, checked against its sources on {dataset.as_of} "
        f"(read with thirdneighbor {__version__}).",
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
    key = f"thirdneighbor_{data_version(dataset).replace('.', '_')}_{str(dataset.as_of).replace('-', '_')}"
    note = (f"Data version {data_version(dataset)}, checked against its sources on {dataset.as_of}. "
            f"{dataset.policy.name}: {_counts(dataset)}. "
            f"Table source: {dataset.policy.table_source}. Sources: " + "; ".join(all_sources(dataset)) + ".")
    fields = [
        ("title", "{" + _bibtex_text(title(dataset)) + "}"),
        ("howpublished", _bibtex_text(f"read with the thirdneighbor command-line tool, version {__version__}")),
        ("year", str(dataset.as_of.year)),
        ("version", _bibtex_text(data_version(dataset))),
        ("note", _bibtex_text(note)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"
