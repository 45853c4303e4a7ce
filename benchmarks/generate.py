"""Synthetic datasets in the bundled schema (4), for the scale benchmark.

`python benchmarks/generate.py 10000 big.toml` writes 10,000 partners with five
events each (about 20 MB of TOML). The text is filler; the shape, the field
sizes and the cross-references are like the bundled dataset's: every source a
record cited by id, each partner's tier and date a graded claim with a quote,
each earlier tier and event a claim of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import tomli_w

TIERS = [
    {"id": "comprehensive-strategic", "name": "Comprehensive strategic partnership", "rank": 1,
     "description": "Synthetic tier one."},
    {"id": "strategic", "name": "Strategic partnership", "rank": 2, "description": "Synthetic tier two."},
    {"id": "comprehensive", "name": "Comprehensive partnership", "rank": 3, "description": "Synthetic tier three."},
    {"id": "expanded", "name": "Expanded partnership", "rank": 4, "description": "Synthetic tier four."},
]
FILLER = ("Synthetic text of about the length of a real note in the bundled dataset, "
          "written so that parsing and validation see realistic string sizes. ")


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
USER_ISO2 = ["AA", "ZZ", *(f"Q{c}" for c in LETTERS[12:]), *(f"X{c}" for c in LETTERS)]
USER_ISO3 = [prefix + c for prefix in ("AA", "ZZ", *(f"Q{c}" for c in LETTERS[12:]), *(f"X{c}" for c in LETTERS))
             for c in LETTERS]


def _source(source_id: str, kind: str) -> dict:
    return {"id": source_id, "url": f"https://example.org/{source_id.replace('-', '/')}",
            "title": f"Synthetic page {source_id}", "publisher": "Example", "date": "2020-01-01",
            "language": "en", "kind": kind}


def document(partner_count: int, events_per_partner: int = 5) -> dict:
    partners, events = [], []
    person_count = partner_count // 10 + 1  # each person leads about ten partners' ties
    people = [{"id": f"person-{k}", "name": f"Person {k}", "variants": [f"P. {k}"],
               "role": "Synthetic office", "sources": [f"people-{k}"]}
              for k in range(person_count)]
    sources = [_source("policy", "official"), *(_source(f"people-{k}", "press") for k in range(person_count))]
    for i in range(partner_count):
        partner_id = f"country-{i}"
        year = 1990 + i % 35
        partners.append({
            "id": partner_id,
            "name": f"Country {i}",
            "official_name": f"Republic of Country {i}",
            # ISO 3166-1's user-assigned codes: real ones would run out (and repeat) past
            # 249 partners, and validation refuses two partners with one real code.
            "iso2": USER_ISO2[i % len(USER_ISO2)],
            "iso3": USER_ISO3[i % len(USER_ISO3)],
            "iso_numeric": f"{900 + i % 100}",
            "wikidata": f"Q{1000 + i}",
            "aliases": [f"Land {i}", f"State {i}"],
            "neighbor": i < 2,
            "tier": TIERS[0]["id"] if i < 2 else TIERS[1 + i % 3]["id"],
            "designation": "Strategic partnership",
            "since": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "occasion": f"State visit number {i}",
            "instrument": "Joint declaration",
            "leaders": [f"person-{i % person_count}", "person-0"] if i % person_count else ["person-0"],
            "notes": ["A synthetic note."],
            "sources": [f"partners-{i}", f"press-{i}"],
            "history": [{"designation": "Comprehensive partnership", "tier": "comprehensive",
                         "since": str(year - 10), "occasion": "An earlier visit",
                         "people": [f"person-{(i + 1) % person_count}"],
                         "sources": [f"press-{i}"], "quote": "agreed to a comprehensive partnership",
                         "quote_language": "en", "confidence": "medium"}],
            "evidence": [{"field": "tier", "sources": [f"partners-{i}"], "quote": "elevate the relations",
                          "quote_language": "en", "confidence": "high"},
                         {"field": "since", "sources": [f"press-{i}", f"partners-{i}"], "confidence": "medium",
                          "note": "The day is the press's."}],
        })
        sources += [_source(f"partners-{i}", "official"), _source(f"press-{i}", "press")]
        for j in range(events_per_partner):
            events.append({
                "date": f"{year - j}-{1 + j:02d}",
                "title": f"Milestone {j} of Country {i} and Mongolia",
                "partners": [partner_id],
                "people": [f"person-{(i + j) % person_count}"],
                "sources": [f"events-{i}-{j}"],
                "confidence": "medium",
            })
            sources.append(_source(f"events-{i}-{j}", "press"))
    events.sort(key=lambda event: event["date"])
    return {
        "schema_version": 4,
        "title": "Synthetic benchmark dataset",
        "version": "1.0.0",
        "as_of": "2026-11-28",
        "policy": {"name": "Third Neighbor Policy", "summary": FILLER, "aims": [FILLER],
                   "table_source": "Synthetic", "sources": ["policy"]},
        "tiers": TIERS,
        "partners": partners,
        "events": events,
        "people": people,
        "sources": sources,
    }


def write(partner_count: int, path: Path) -> Path:
    path.write_bytes(tomli_w.dumps(document(partner_count)).encode("utf-8"))
    return path


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python benchmarks/generate.py PARTNERS OUTPUT.toml")
    write(int(sys.argv[1]), Path(sys.argv[2]))
