"""Convert a dataset file of schema 3 to schema 4, mechanically, keeping its comments and order.

Schema 4 makes every source a record of its own (`[[sources]]`, appended at the end
of the file) and has every place that cites a source name it by `id`. This script
does only what needs no judgement:

- every distinct source string becomes one record, with the readable id the loader gives
  it when it reads an old file (thirdneighbor.data.source_ids: the host, then the words and
  numbers of the path); two spellings of one address that differ only in "www.", the
  scheme or a trailing slash are one record, under the spelling met first;
- a source that is text, not an address, becomes a record whose `title` is that text
  and whose `offline` says that its address was not recorded: a researcher sees at once
  which sources still need one;
- `publisher`, `kind` and `language` are filled in only for the sites listed in
  `KNOWN_SITES` below (each an official site or a news outlet by its own name), and the
  date only where the address spells it as /YYYY/MM/ or /YYYY/MM/DD/ (the publication
  date on the news and press-office sites that write addresses that way); everything
  else is left out, for whoever checks the source to add.

Claims (`[[partners.claims]]`, a history entry's or an event's `confidence` and
`quote`) are not made here: which source supports which value is a judgement.

Usage: python tools/convert_schema4.py data/partners.toml  (rewrites the file in place)
"""

from __future__ import annotations

import re
import sys
import tomllib
import urllib.parse
from pathlib import Path

from thirdneighbor.data import source_ids
from thirdneighbor.data.source_ids import basic_record, host_of, is_address

# Sites whose publisher and kind follow from the site alone. kind: "official" (a
# government's or an official body's own page), "press" (a news outlet's own
# reporting), "reprint" (a site republishing others' text), "secondary" (an
# encyclopaedia, a study, a blog). language None: read from the address's path.
KNOWN_SITES: dict[str, tuple[str, str, str | None]] = {
    "mfa.gov.mn": ("Ministry of Foreign Affairs of Mongolia", "official", None),
    "president.mn": ("Office of the President of Mongolia", "official", None),
    "eng.president.mn": ("Office of the President of Mongolia", "official", "en"),
    "prague.embassy.mn": ("Embassy of Mongolia in the Czech Republic", "official", "mn"),
    "tokyo.embassy.mn": ("Embassy of Mongolia in Japan", "official", "mn"),
    "warsaw.embassy.mn": ("Embassy of Mongolia in Poland", "official", "mn"),
    "ottawa.embassy.mn": ("Embassy of Mongolia in Canada", "official", None),
    "ulanude.consul.mn": ("Consulate General of Mongolia in Ulan-Ude", "official", "mn"),
    "mongolianembassy.org.au": ("Embassy of Mongolia in Australia", "official", "en"),
    "montsame.mn": ("Montsame", "press", None),
    "mofa.go.jp": ("Ministry of Foreign Affairs of Japan", "official", "en"),
    "japan.kantei.go.jp": ("Prime Minister's Office of Japan", "official", "en"),
    "obamawhitehouse.archives.gov": ("The White House (archived)", "official", "en"),
    "congress.gov": ("United States Congress", "official", "en"),
    "govinfo.gov": ("United States Government Publishing Office", "official", "en"),
    "cardin.senate.gov": ("Office of Senator Ben Cardin", "official", "en"),
    "yoho.house.gov": ("Office of Representative Ted Yoho", "official", "en"),
    "mn.usembassy.gov": ("U.S. Embassy in Mongolia", "official", "en"),
    "elysee.fr": ("Élysée, Presidency of the French Republic", "official", "fr"),
    "diplomatie.gouv.fr": ("Ministry for Europe and Foreign Affairs of France", "official", None),
    "diplomatie.gouv.fr.": ("Ministry for Europe and Foreign Affairs of France", "official", None),
    "tresor.economie.gouv.fr": ("Direction générale du Trésor (France)", "official", "fr"),
    "esteri.it": ("Ministry of Foreign Affairs of Italy", "official", "it"),
    "en.kremlin.ru": ("President of Russia", "official", "en"),
    "presidentofindia.gov.in": ("President of India", "official", "en"),
    "pratibhapatil.nic.in": ("President of India (archive of Pratibha Patil's term)", "official", "en"),
    "mongolia.embassy.gov.au": ("Australian Embassy in Mongolia", "official", None),
    "singapore.mfa.uz": ("Embassy of Uzbekistan in Singapore", "official", "en"),
    "thediplomat.com": ("The Diplomat", "press", "en"),
    "manage.thediplomat.com": ("The Diplomat", "press", "en"),
    "japantimes.co.jp": ("The Japan Times", "press", "en"),
    "japannews.yomiuri.co.jp": ("The Japan News (Yomiuri Shimbun)", "press", "en"),
    "koreaherald.com": ("The Korea Herald", "press", "en"),
    "koreajoongangdaily.joins.com": ("Korea JoongAng Daily", "press", "en"),
    "en.yna.co.kr": ("Yonhap News Agency", "press", "en"),
    "world.kbs.co.kr": ("KBS World", "press", None),
    "dw.com": ("Deutsche Welle", "press", "en"),
    "derstandard.at": ("Der Standard", "press", "de"),
    "rferl.org": ("Radio Free Europe/Radio Liberty", "press", "en"),
    "tass.com": ("TASS", "press", "en"),
    "chinadaily.com.cn": ("China Daily", "press", "en"),
    "europe.chinadaily.com.cn": ("China Daily", "press", "en"),
    "globaltimes.cn": ("Global Times", "press", "en"),
    "china.org.cn": ("China.org.cn", "press", "en"),
    "astanatimes.com": ("The Astana Times", "press", "en"),
    "vietnamnews.vn": ("Viet Nam News", "press", "en"),
    "dailysabah.com": ("Daily Sabah", "press", "en"),
    "devnew.polskieradio.pl": ("Polish Radio", "press", "en"),
    "bangkokpost.com": ("Bangkok Post", "press", "en"),
    "thehindu.com": ("The Hindu", "press", "en"),
    "theglobeandmail.com": ("The Globe and Mail", "press", "en"),
    "handelsblatt.com": ("Handelsblatt", "press", "de"),
    "jungewelt.de": ("junge Welt", "press", "de"),
    "table.media": ("Table.Media", "press", "de"),
    "24.kg": ("24.kg", "press", "en"),
    "axios.com": ("Axios", "press", "en"),
    "news.mn": ("News.mn", "press", None),
    "unuudur.mn": ("Өдрийн сонин (Unuudur)", "press", "mn"),
    "theubpost.mn": ("The UB Post", "press", "en"),
    "ubpost.mn": ("The UB Post", "press", "en"),
    "news.yahoo.com": ("Yahoo News", "reprint", "en"),
    "eawaz.com": ("eawaz.com", "reprint", "en"),
    "miragenews.com": ("Mirage News", "reprint", "en"),
    "newsfeedworld.com": ("newsfeedworld.com", "reprint", "en"),
    "cis.org.vn": ("cis.org.vn", "reprint", "en"),
    "government-world.com": ("government-world.com", "reprint", "en"),
    "en.wikipedia.org": ("Wikipedia", "secondary", "en"),
    "simple.m.wikipedia.org": ("Simple English Wikipedia", "secondary", "en"),
    "kids.kiddle.co": ("Kiddle", "secondary", "en"),
    "kids.britannica.com": ("Britannica Kids", "secondary", "en"),
    "countrystudies.us": ("countrystudies.us (Library of Congress country study)", "secondary", "en"),
}

# A path that starts with a language's code is in that language (montsame.mn/en/...).
_PATH_LANGUAGES = {"en": "en", "eng": "en", "mn": "mn", "ru": "ru", "jp": "ja", "ja": "ja", "cn": "zh",
                   "fr": "fr", "de": "de", "it": "it"}


def address_date(url: str) -> str | None:
    """"2019-08" from ".../2019/08/...", "2011-06-16" from ".../2011/06/16/..."."""
    match = re.search(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(?:(0[1-9]|[12]\d|3[01])/)?", url)
    if match is None:
        return None
    return "-".join(part for part in match.groups() if part)


def address_language(url: str) -> str | None:
    parts = urllib.parse.urlsplit(url)
    first = parts.path.strip("/").split("/", 1)[0].lower()
    if first in _PATH_LANGUAGES:
        return _PATH_LANGUAGES[first]
    query = urllib.parse.parse_qs(parts.query)
    return query.get("language", [None])[0]


def source_record(source: str, record_id: str) -> dict[str, str]:
    record = basic_record(source, record_id)
    if "url" not in record:
        return record
    known = KNOWN_SITES.get(host_of(source))
    if known is not None:
        publisher, kind, language = known
        record["publisher"] = publisher
    date = address_date(source)
    if date is not None:
        record["date"] = date
    language = (known[2] if known else None) or address_language(source)
    if language is not None:
        record["language"] = language
    if known is not None:
        record["kind"] = kind
    return record


def cited_strings(data: dict) -> list[str]:
    """Every source string, in the order the file first cites it."""
    found: list[str] = []
    groups = [data["policy"].get("sources", [])]
    groups += [partner["sources"] for partner in data["partners"]]
    groups += [event["sources"] for event in data["events"]]
    groups += [person["sources"] for person in data.get("people", [])]
    for group in groups:
        found += [source for source in group if source not in found]
    return found


def assign_ids(sources: list[str]) -> tuple[dict[str, str], list[dict[str, str]]]:
    """{source string: id} and the records, one per page: the loader's ids, with what the site tells."""
    ids, firsts = source_ids.assign_ids(sources)
    return ids, [source_record(source, ids[source]) for source in firsts]


def _toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


SOURCES_HEADER = """
# Sources: every page, document or citation the records rest on, once each. Records cite
# them by id, in `sources` and in claims. `kind` grades what a source is: official (a
# government's or an official body's own page), instrument (the text of the signed
# document itself), press (a news outlet's own reporting), reprint (a page republishing
# others' text: an aggregator), secondary (an encyclopaedia, a study, a blog). A source
# without an address says why in `offline`. Fields left out are not yet recorded.
"""

_KEY_ORDER = ("id", "url", "title", "publisher", "date", "language", "kind", "archive_url", "offline")


def sources_section(records: list[dict[str, str]]) -> str:
    blocks = []
    for record in records:
        lines = ["[[sources]]"]
        lines += [f"{key} = {_toml_string(record[key])}" for key in _KEY_ORDER if key in record]
        blocks.append("\n".join(lines))
    return SOURCES_HEADER + "\n" + "\n\n".join(blocks) + "\n"


def rewrite(text: str, ids: dict[str, str]) -> str:
    """The file with schema_version 4 and every cited string replaced by its id."""
    out: list[str] = []
    in_sources = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("sources = ["):
            in_sources = not stripped.endswith("]")
        elif in_sources and stripped == "]":
            in_sources = False
        elif in_sources:
            value = tomllib.loads(f"v = {stripped.rstrip(',')}")["v"]
            indent = line[: len(line) - len(line.lstrip())]
            line = f"{indent}{_toml_string(ids[value])},\n"
        elif stripped == "schema_version = 3":
            line = "schema_version = 4\n"
        out.append(line)
    return "".join(out)


def convert(text: str) -> str:
    data = tomllib.loads(text)
    if data.get("schema_version") != 3:
        raise SystemExit(f"expected a file of schema 3, found schema {data.get('schema_version')}")
    ids, records = assign_ids(cited_strings(data))
    converted = rewrite(text, ids).rstrip("\n") + "\n" + sources_section(records)
    check = tomllib.loads(converted)
    assert check["schema_version"] == 4 and len(check["sources"]) == len(records)
    return converted


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.rsplit("Usage: ", 1)[1].strip(), file=sys.stderr)
        return 2
    path = Path(argv[1])
    converted = convert(path.read_text(encoding="utf-8"))
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(converted, encoding="utf-8")
    temporary.replace(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
