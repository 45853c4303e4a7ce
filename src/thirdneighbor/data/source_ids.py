"""Sources as records: readable ids for them, and files of schemas 1 to 3 read as schema 4.

Until schema 4 a record cited its sources as strings: an address, or a citation
in words. Schema 4 keeps each source once, as a `[[sources]]` record with an id,
and records cite ids. An older file still loads: `as_schema_4` turns each
distinct string into a record (an address into `url`; words into `title`, with
`offline` saying that no address was recorded) and each citation into its id,
before validation, so that everything after it sees one form. The same ids are
what tools/convert_schema4.py writes when it converts a file for good.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

# Path words that name no page: left out of ids.
_FILLER = frozenset({"html", "htm", "shtml", "php", "index", "www", "amp", "newscenter", "viewnews", "newsid",
                     "news", "read", "view", "post", "p", "a", "r", "n", "i", "page", "id", "content", "node", "show"})
_ID_LENGTH = 60
# Mongolian Cyrillic to Latin letters, for the ids of hosts written in Cyrillic.
_LATIN = str.maketrans({**dict(zip("абвгдезийклмнопрстуфхцчшыьэюяёөү",
                                   ["a", "b", "v", "g", "d", "e", "z", "i", "i", "k", "l", "m", "n", "o", "p",
                                    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "y", "", "e", "yu", "ya",
                                    "yo", "o", "u"])), "ж": "j", "щ": "sh", "ъ": ""})
OFFLINE = ("The address of this source was not recorded: the file cited it by this text only. "
           "Until it is found, claims resting on it alone are low.")


# An address that is surely one: "http(s)://", a host of printable ASCII without the
# characters that end it or bracket an IPv6 host, then anything without white space
# (`\S` is str.isspace's complement). For such text urlsplit finds the scheme and
# the host that the pattern does, so the answer is True without it; anything else
# takes the full rule. A first run on 10,000 partners checks 71,002 addresses: 0.64 s
# by the full rule (mostly its generator of Python per character), 0.05 s so.
_SURELY_ADDRESS = re.compile(r"https?://[!\"$-.0->@-Z\\^-~]+(?:[/?#]\S*)?")


def is_address(text: str) -> bool:
    """Whether a cited string is a web address: http or https, with a host, and no spaces."""
    if _SURELY_ADDRESS.fullmatch(text):
        return True
    if any(character.isspace() for character in text):
        return False
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:  # an unclosed "[" in the host, a host that NFKC would change: no address to use
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def host_of(url: str) -> str:
    return (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.")


def same_page(url: str) -> str:
    """The key under which spellings of one address meet: no scheme, no www., no trailing slash."""
    parts = urllib.parse.urlsplit(url)
    path = parts.path.rstrip("/")
    return f"{host_of(url)}{path}?{parts.query}" if parts.query else f"{host_of(url)}{path}"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", urllib.parse.unquote(text).lower())


def _clip(parts: list[str]) -> str:
    text = "-".join(parts) or "source"
    if len(text) <= _ID_LENGTH:
        return text
    return text[:_ID_LENGTH].rsplit("-", 1)[0]


def readable_id(source: str) -> str:
    """An id a person can read: the site, then the words and numbers of the path; or the citation's words."""
    if not is_address(source):
        return _clip(_words(source))
    host = host_of(source)
    if host.startswith("xn--"):
        try:
            host = host.encode("ascii").decode("idna")
        except UnicodeError:
            pass  # not a valid international name: its ASCII form is the id's
        host = host.translate(_LATIN)
    site = re.sub(r"\.(com|org|net|info)$", "", host.rstrip("."))
    parts = urllib.parse.urlsplit(source)
    path = [word for word in _words(f"{parts.path} {parts.query}") if word not in _FILLER]
    return _clip([*_words(site), *path])


def assign_ids(sources: list[str]) -> tuple[dict[str, str], list[str]]:
    """{cited string: id}, and the strings that got a record of their own, in order.
    Spellings of one address (www., scheme, trailing slash) share the record of the first."""
    by_page: dict[str, str] = {}
    ids: dict[str, str] = {}
    firsts: list[str] = []
    taken: set[str] = set()
    for source in sources:
        page = same_page(source) if is_address(source) else source
        if page in by_page:
            ids[source] = by_page[page]
            continue
        by_page[page] = ids[source] = _unique_id(source, taken)
        firsts.append(source)
    return ids, firsts


def _unique_id(source: str, taken: set[str]) -> str:
    """The source's readable id, numbered where another source has it already; then taken."""
    base = readable_id(source)
    record_id, number = base, 2
    while record_id in taken:
        record_id, number = f"{base}-{number}", number + 1
    taken.add(record_id)
    return record_id


def basic_record(source: str, record_id: str) -> dict[str, str]:
    """A source record from a cited string alone."""
    if is_address(source):
        return {"id": record_id, "url": source}
    return {"id": record_id, "title": source, "offline": OFFLINE}


# Where a file of schema 1 to 3 cites sources: the policy, and each record of these arrays.
_CITING = ("partners", "events", "people", "snapshots")


def _roles(record: Any) -> list[Any]:
    """A person's roles, each citing sources of its own (`[[people.roles]]`)."""
    roles = record.get("roles") if type(record) is dict else None
    return [role for role in roles if type(role) is dict and type(role.get("sources")) is list] \
        if type(roles) is list else []


def _citations(document: dict[str, Any]) -> list[list[Any]]:
    lists = []
    policy = document.get("policy")
    if type(policy) is dict and type(policy.get("sources")) is list:
        lists.append(policy["sources"])
    for key in _CITING:
        records = document.get(key)
        if type(records) is list:
            lists += [record["sources"] for record in records
                      if type(record) is dict and type(record.get("sources")) is list]
            lists += [role["sources"] for record in records for role in _roles(record)]
    return lists


# The lists a country's state codes were read from: an address until schema 4, a source id since.
_CODE_LISTS = ("cow_source", "gw_source")


def _countries(document: dict[str, Any]) -> list[dict[str, Any]]:
    partners = document.get("partners")
    countries = [record for record in partners if type(record) is dict] if type(partners) is list else []
    return [document["mongolia"], *countries] if type(document.get("mongolia")) is dict else countries


def as_schema_4(document: dict[str, Any]) -> dict[str, Any]:
    """A parsed file of schema 1 to 3 with its sources as records, cited by id:
    the records' `sources`, and the lists a country's state codes were read
    from (`cow_source`, `gw_source`).

    Only well-formed citations (lists of strings) change; anything else is left
    for validation to report as it always did. The document is not modified.
    """
    lists = _citations(document)
    lists += [[country[key]] for country in _countries(document) for key in _CODE_LISTS if key in country]
    strings: list[str] = []
    for values in lists:
        strings += [value for value in values if type(value) is str and value.strip() and value not in strings]
    ids, firsts = assign_ids(strings)

    def cited(values: list[Any]) -> list[Any]:
        return [ids.get(value, value) if type(value) is str else value for value in values]

    converted = dict(document)
    if type(document.get("policy")) is dict and type(document["policy"].get("sources")) is list:
        converted["policy"] = {**document["policy"], "sources": cited(document["policy"]["sources"])}
    for key in _CITING:
        records = document.get(key)
        if type(records) is list:
            converted[key] = [{**record, "sources": cited(record["sources"])}
                              if type(record) is dict and type(record.get("sources")) is list else record
                              for record in records]
            converted[key] = [{**record, "roles": [{**role, "sources": cited(role["sources"])}
                                                   for role in _roles(record)]} if _roles(record) else record
                              for record in converted[key]]
    if type(document.get("mongolia")) is dict:
        converted["mongolia"] = _code_lists_cited(document["mongolia"], ids)
    if type(converted.get("partners")) is list:
        converted["partners"] = [_code_lists_cited(record, ids) if type(record) is dict else record
                                 for record in converted["partners"]]
    converted["sources"] = [basic_record(source, ids[source]) for source in firsts]
    return converted


ADDRESSED_LISTS = ("gives 'cow_source' or 'gw_source' as an address; they still work, but cite the list's "
                   "[[sources]] record by its id, as the bundled data does (data 3.1.0)")


def code_lists_by_id(document: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """A schema-4 document whose countries give the lists of their state codes as
    addresses, as data 3.0.0 did, with each address read as the id of the source
    record of that page (one is added where none is); and whether any was.
    The document is not modified."""
    sources = document.get("sources")
    if type(sources) is not list:
        return document, False
    addresses = [country[key] for country in _countries(document) for key in _CODE_LISTS
                 if type(country.get(key)) is str and is_address(country[key])]
    if not addresses:
        return document, False
    records = [record for record in sources if type(record) is dict]
    taken = {record["id"] for record in records if type(record.get("id")) is str}
    ids = {}
    for record in records:
        if type(record.get("url")) is str and is_address(record["url"]) and type(record.get("id")) is str:
            ids.setdefault(same_page(record["url"]), record["id"])
    added = []
    for address in addresses:
        page = same_page(address)
        if page not in ids:
            ids[page] = _unique_id(address, taken)
            added.append(basic_record(address, ids[page]))
    by_address = {address: ids[same_page(address)] for address in addresses}
    converted = {**document, "sources": [*sources, *added]}
    if type(document.get("mongolia")) is dict:
        converted["mongolia"] = _code_lists_cited(document["mongolia"], by_address)
    if type(document.get("partners")) is list:
        converted["partners"] = [_code_lists_cited(record, by_address) if type(record) is dict else record
                                 for record in document["partners"]]
    return converted, True


def _code_lists_cited(country: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    return {**country, **{key: ids[country[key]] for key in _CODE_LISTS
                          if type(country.get(key)) is str and country[key] in ids}}
