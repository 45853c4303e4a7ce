"""thirdneighbor.data.source_ids: readable ids, and a file of schema 1 to 3 read with its sources as records."""

from __future__ import annotations

from thirdneighbor.data.source_ids import OFFLINE, as_schema_4, is_address, readable_id


def test_an_address_is_http_or_https_with_a_host_and_no_spaces() -> None:
    assert is_address("https://mfa.gov.mn/79464")
    assert is_address("http://eng.president.mn/newsCenter/viewNews.php?newsId=36")
    assert not is_address("mfa.gov.mn/79464")
    assert not is_address("ftp://mfa.gov.mn/79464")
    assert not is_address("https:///79464")
    assert not is_address("https://mfa.gov.mn/a page")
    assert not is_address("javascript:alert(1)")


def test_readable_ids() -> None:
    assert readable_id("https://www.montsame.mn/en/read/337211") == "montsame-mn-en-337211"
    assert readable_id("https://thediplomat.com/2019/08/us-becomes-mongolias-5th-strategic-partner/") \
        == "thediplomat-2019-08-us-becomes-mongolias-5th-strategic"
    assert readable_id("Third neighbor policy (Wikipedia article)") == "third-neighbor-policy-wikipedia-article"
    assert readable_id("https://xn--80agkf3b.xn--l1acc/1fhk") == "zarig-mon-1fhk"
    assert readable_id("!!!") == "source"


def test_an_old_file_gets_source_records_and_cites_them_by_id() -> None:
    document = {
        "schema_version": 3,
        "policy": {"name": "P", "sources": ["https://mfa.gov.mn/?page_id=16273", "A book (1998)"]},
        "partners": [{"id": "japan", "sources": ["https://www.mofa.go.jp/x.html", "A book (1998)"]},
                     {"id": "broken", "sources": "not a list"}],
        "events": [{"title": "E", "sources": ["https://mofa.go.jp/x.html", 7]}],
        "people": [{"id": "p", "sources": ["https://mfa.gov.mn/?page_id=16273"]}],
    }
    converted = as_schema_4(document)
    assert converted["policy"]["sources"] == ["mfa-gov-mn-16273", "a-book-1998"]
    assert converted["partners"][0]["sources"] == ["mofa-go-jp-x", "a-book-1998"]
    # What is not a list of strings is left for validation to report, as before.
    assert converted["partners"][1] == {"id": "broken", "sources": "not a list"}
    # One page, two spellings: one record, under the first spelling.
    assert converted["events"][0]["sources"] == ["mofa-go-jp-x", 7]
    assert converted["people"][0]["sources"] == ["mfa-gov-mn-16273"]
    assert converted["sources"] == [
        {"id": "mfa-gov-mn-16273", "url": "https://mfa.gov.mn/?page_id=16273"},
        {"id": "a-book-1998", "title": "A book (1998)", "offline": OFFLINE},
        {"id": "mofa-go-jp-x", "url": "https://www.mofa.go.jp/x.html"},
    ]
    assert document["policy"]["sources"][0] == "https://mfa.gov.mn/?page_id=16273"  # not modified


def test_an_address_that_is_not_one_stays_a_citation() -> None:
    converted = as_schema_4({"policy": {"sources": ["ftp://example.org/file"]}})
    assert converted["sources"] == [{"id": "ftp-example-org-file", "title": "ftp://example.org/file", "offline": OFFLINE}]
