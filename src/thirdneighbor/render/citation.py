"""How to cite the dataset: as text, BibTeX, CSL-JSON, RIS or JSON, and its sources.

Every format gives one complete entry: the project as author, the title, the
data's version and the tool's, the year and the date the data was checked, and
the data's licence. The project's URL appears only where the installed
package's metadata declares one (pyproject.toml's [project.urls]); none is ever
made up. The sources are not packed into the entry: `cite --sources` lists them.
"""

from __future__ import annotations

import re
from typing import Any

from ..core import __version__
from ..data.model import Dataset
from ..query.evidence import source_label
from ..core.safe import clean

UNTITLED = "Untitled dataset"
AUTHOR = "The thirdneighbor contributors"

# The licences the tool can name in full, by SPDX id. A file may state another
# id; it is then cited as the id alone, with no URL guessed for it.
LICENSES = {
    "CC-BY-SA-4.0": ("CC BY-SA 4.0", "Creative Commons Attribution-ShareAlike 4.0 International",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
}
NO_LICENSE = "not stated in the dataset file"


def all_sources(dataset: Dataset) -> list[str]:
    """Every source the dataset cites, each once, a line of text each: the source
    records in the file's order (an address, or an offline source's citation and
    why it is offline), the lists the state codes were read from among them."""
    return list(dict.fromkeys(source_label(source) for source in dataset.all_sources))


def _counts(dataset: Dataset) -> str:
    from ..query.groups import partner_counts

    counts = partner_counts(dataset.all_partners)
    other, organisations = counts["other_relations"], counts["organisations"]
    return (f"{counts['third_neighbors']} third neighbors, {counts['neighbors']} neighbors for comparison, "
            f"{other} other relation{'' if other == 1 else 's'}, "
            + (f"{organisations} organisation{'' if organisations == 1 else 's'}, " if organisations else "")
            + f"{len(dataset.all_events)} dated events")


def title(dataset: Dataset) -> str:
    return dataset.title or UNTITLED


def data_version(dataset: Dataset) -> str:
    return dataset.version or "unversioned"


def license_info(dataset: Dataset) -> tuple[str, str | None, str | None]:
    """(short name, full name, URL) of the data's licence; the id alone for one the tool
    does not know, and NO_LICENSE where the file states none."""
    if dataset.license is None:
        return NO_LICENSE, None, None
    return LICENSES.get(dataset.license, (dataset.license, None, None))


def license_text(dataset: Dataset) -> str:
    """"CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)", as every format prints it."""
    short, _, url = license_info(dataset)
    return f"{short} ({url})" if url else short


def project_url() -> str | None:
    """The project's URL, where the installed package declares one; else None."""
    from importlib import metadata

    try:
        meta = metadata.metadata("thirdneighbor")
    except metadata.PackageNotFoundError:
        return None
    urls = [entry.partition(",")[::2] for entry in meta.get_all("Project-URL") or []]
    for label, url in urls:
        if label.strip().lower() in ("homepage", "home", "repository", "source", "source code"):
            return url.strip()
    return urls[0][1].strip() if urls else (meta.get("Home-page") or None)


def _sources_pointer(dataset: Dataset) -> str:
    return f"{len(all_sources(dataset))}, listed by `thirdneighbor cite --sources`"


def _checked(dataset: Dataset) -> str:
    return f"checked against its sources on {dataset.as_of}; read with thirdneighbor {__version__}"


def citation_json(dataset: Dataset) -> dict[str, Any]:
    short, name, url = license_info(dataset)
    return {
        "authors": [AUTHOR],
        "title": title(dataset),
        "policy": dataset.policy.name,
        "version": dataset.version,
        "year": dataset.as_of.year,
        "as_of": str(dataset.as_of),
        "tool_version": __version__,
        "license": dataset.license,
        "license_name": name,
        "license_url": url,
        "url": project_url(),
        "table_source": dataset.policy.table_source,
        "sources": all_sources(dataset),
    }


def citation_text(dataset: Dataset) -> str:
    url = project_url()
    lines = [
        f"{AUTHOR} ({dataset.as_of.year}). {title(dataset)}, version {data_version(dataset)}, "
        f"{_checked(dataset)}.",
        f"{dataset.policy.name}: {_counts(dataset)}.",
        f"The source article's table: {dataset.policy.table_source}.",
        f"Licence: {license_text(dataset)}.",
        *([f"URL: {url}"] if url else []),
        f"Sources: {_sources_pointer(dataset)}.",
    ]
    # Dataset text is data: no control characters reach the terminal.
    return "\n".join(clean(line) for line in lines) + "\n"


def sources_text(dataset: Dataset) -> str:
    """One source a line, for `cite --sources`."""
    return "".join(clean(source) + "\n" for source in all_sources(dataset))


def _key(dataset: Dataset) -> str:
    return f"thirdneighbor_{data_version(dataset).replace('.', '_')}_{str(dataset.as_of).replace('-', '_')}"


def _note(dataset: Dataset) -> str:
    return (f"Dataset, {_checked(dataset)}. {dataset.policy.name}: {_counts(dataset)}. "
            f"Licence: {license_text(dataset)}. Sources: {_sources_pointer(dataset)}.")


_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                   "_": r"\_", "$": r"\$", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bibtex_text(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in clean(text))


def bibtex(dataset: Dataset) -> str:
    """One @misc entry (the type classic BibTeX styles know); the project is a
    corporate author, so it sits in double braces and is never split into names."""
    url = project_url()
    fields = [
        ("author", "{" + _bibtex_text(AUTHOR) + "}"),
        ("title", "{" + _bibtex_text(title(dataset)) + "}"),
        ("year", str(dataset.as_of.year)),
        ("version", _bibtex_text(data_version(dataset))),
        ("howpublished", _bibtex_text(f"Dataset, read with the thirdneighbor command-line tool, version {__version__}")),
        ("note", _bibtex_text(_note(dataset))),
        *([("url", clean(url))] if url else []),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{_key(dataset)},\n{body}\n}}\n"


def csl_json(dataset: Dataset) -> list[dict[str, Any]]:
    """CSL-JSON, the input of citeproc processors (Zotero, Pandoc): a list of one item."""
    item: dict[str, Any] = {
        "id": _key(dataset),
        "type": "dataset",
        "author": [{"literal": AUTHOR}],
        "title": title(dataset),
        "version": data_version(dataset),
        "issued": {"date-parts": [[dataset.as_of.year]]},
        "note": _note(dataset),
    }
    url = project_url()
    if url:
        item["URL"] = url
    return [item]


def _ris_value(text: str) -> str:
    return re.sub(r"\s+", " ", clean(text)).strip()


def ris(dataset: Dataset) -> str:
    """One RIS record of type DATA; the version is its edition (ET), as Zotero reads it."""
    url = project_url()
    tags = [
        ("TY", "DATA"),
        ("AU", AUTHOR),
        ("TI", title(dataset)),
        ("PY", str(dataset.as_of.year)),
        ("ET", data_version(dataset)),
        ("N1", _note(dataset)),
        *([("UR", url)] if url else []),
    ]
    return "".join(f"{tag}  - {_ris_value(value)}\n" for tag, value in tags) + "ER  - \n"
