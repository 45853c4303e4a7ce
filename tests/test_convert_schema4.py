"""tools/convert_schema4.py: a schema-3 file becomes schema 4 mechanically, its comments and order kept."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "convert_schema4.py"
_spec = importlib.util.spec_from_file_location("convert_schema4", TOOL)
convert_schema4 = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(convert_schema4)  # type: ignore[union-attr]

SCHEMA_3 = '''# A comment that must survive.
schema_version = 3
as_of = "2026-11-28"

[policy]
name = "Third Neighbor Policy"
sources = [
    "https://mfa.gov.mn/?page_id=16273",
    "Third neighbor policy (Wikipedia article)",
]

[[partners]]
id = "japan"
# A comment inside a record.
sources = [
    "https://www.mofa.go.jp/announce/announce/2010/11/1119_03.html",
    "https://montsame.mn/jp/read/384459",
]

[[events]]
date = "2010-11-19"
sources = [
    "https://mofa.go.jp/announce/announce/2010/11/1119_03.html",
    "https://mfa.gov.mn/?page_id=16273",
]
'''


@pytest.fixture(scope="module")
def converted() -> str:
    return convert_schema4.convert(SCHEMA_3)


def test_cited_strings_become_ids_and_records(converted: str) -> None:
    data = tomllib.loads(converted)
    assert data["schema_version"] == 4
    assert data["policy"]["sources"] == ["mfa-gov-mn-16273", "third-neighbor-policy-wikipedia-article"]
    assert data["partners"][0]["sources"] == ["mofa-go-jp-announce-announce-2010-11-1119-03", "montsame-mn-jp-384459"]
    # The same page without "www." is the same record, under the spelling met first.
    assert data["events"][0]["sources"] == ["mofa-go-jp-announce-announce-2010-11-1119-03", "mfa-gov-mn-16273"]
    records = {record["id"]: record for record in data["sources"]}
    assert len(records) == len(data["sources"]) == 4
    assert records["mofa-go-jp-announce-announce-2010-11-1119-03"] == {
        "id": "mofa-go-jp-announce-announce-2010-11-1119-03",
        "url": "https://www.mofa.go.jp/announce/announce/2010/11/1119_03.html",
        "publisher": "Ministry of Foreign Affairs of Japan", "date": "2010-11", "language": "en", "kind": "official",
    }
    # The language of a page whose site is not listed as one language comes from its path.
    assert records["montsame-mn-jp-384459"]["language"] == "ja"
    assert "date" not in records["mfa-gov-mn-16273"] and "language" not in records["mfa-gov-mn-16273"]


def test_text_source_becomes_an_offline_record(converted: str) -> None:
    record = next(r for r in tomllib.loads(converted)["sources"] if r["id"] == "third-neighbor-policy-wikipedia-article")
    assert "url" not in record
    assert record["title"] == "Third neighbor policy (Wikipedia article)"
    assert "not recorded" in record["offline"]


def test_comments_and_order_are_kept(converted: str) -> None:
    assert converted.startswith("# A comment that must survive.\nschema_version = 4\n")
    assert "# A comment inside a record.\n" in converted
    assert converted.index("[policy]") < converted.index("[[partners]]") < converted.index("[[events]]") \
        < converted.index("[[sources]]")


def test_only_schema_3_is_converted() -> None:
    with pytest.raises(SystemExit, match="expected a file of schema 3, found schema 4"):
        convert_schema4.convert(convert_schema4.convert(SCHEMA_3))


def test_readable_ids_stay_short_and_distinct() -> None:
    ids, records = convert_schema4.assign_ids([
        "https://example.org/a-very-long-title-of-an-article-that-goes-on-and-on-and-on-forever-more",
        "https://example.org/a-very-long-title-of-an-article-that-goes-on-and-on-and-on-forever-again",
        "https://xn--80agkf3b.xn--l1acc/1fhk",
    ])
    assert [record["id"] for record in records] == [
        "example-very-long-title-of-an-article-that-goes-on-and-on",
        "example-very-long-title-of-an-article-that-goes-on-and-on-2",
        "zarig-mon-1fhk",
    ]
    assert all(len(record_id) <= 62 for record_id in ids.values())
