"""thirdneighbor.data.source_ids: readable ids, and a file of schema 1 to 3 read with its sources as records."""

from __future__ import annotations

import re
import sys
import urllib.parse

from hypothesis import given, settings
from hypothesis import strategies as st

from thirdneighbor.data.source_ids import _SURELY_ADDRESS, OFFLINE, as_schema_4, is_address, readable_id


def test_an_address_is_http_or_https_with_a_host_and_no_spaces() -> None:
    assert is_address("https://mfa.gov.mn/79464")
    assert is_address("http://eng.president.mn/newsCenter/viewNews.php?newsId=36")
    assert not is_address("mfa.gov.mn/79464")
    assert not is_address("ftp://mfa.gov.mn/79464")
    assert not is_address("https:///79464")
    assert not is_address("https://mfa.gov.mn/a page")
    assert not is_address("javascript:alert(1)")


def _full_rule(text: str) -> bool:
    """is_address without its pattern: the rule the pattern may only shortcut.
    What urlsplit refuses (an unclosed "[" in the host) is no address."""
    if any(character.isspace() for character in text):
        return False
    try:
        parts = urllib.parse.urlsplit(text)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _answer(rule, text: str) -> object:
    return rule(text)


def test_what_urlsplit_refuses_is_no_address_not_an_error() -> None:
    # urlsplit raises ValueError for these; a dataset citing one gets a
    # validation message, not a traceback (tests/test_evidence.py).
    for text in ("https://[::1/x", "https://]x[", "http://[not-ipv6]/", "https://a\u2100b/"):
        assert is_address(text) is False, text


# Where urlsplit is odd: leading controls it strips, tabs and newlines it drops, a
# scheme in capitals, brackets and non-ASCII hosts it checks, white space it keeps.
_PIECES = ["http", "https", "HTTP", "hTtPs", "ftp", "://", ":", "//", "/", "?", "#", "[", "]", "@", ":80",
           "example.org", "::1", ".", "%20", "a", " ", "\t", "\n", "\r", "\x00", "\x01", "\x1b", "\x1f",
           "\x7f", "\x85", "\xa0", "\u2003", "\u3000", "ё", "ｆ", "\u2100", "\u200b"]


@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(["", "http://", "https://", "Https://", "\x01http://"]),
       st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=10).map("".join))
def test_the_address_pattern_answers_as_the_full_rule(start: str, rest: str) -> None:
    text = start + rest
    assert _answer(is_address, text) == _answer(_full_rule, text)
    if _SURELY_ADDRESS.fullmatch(text):
        assert _full_rule(text) is True


def test_the_address_pattern_and_the_full_rule_on_odd_input() -> None:
    odd = ["https://example.org", "HTTPS://example.org", "\x01https://example.org", " https://example.org",
           "https://[::1]/", "https://[::1/", "https://]x", "https://ｆoo.org/", "https://a\u2100b/",
           "https://example.org/\u3000", "https://example.org/\x85", "https://example.org/ё", "https://:80",
           "https://@", "https://#x", "https://?x", "https:// example.org", "http:/example.org", "https://a\x00b"]
    for text in odd:
        assert _answer(is_address, text) == _answer(_full_rule, text), text
    assert not _SURELY_ADDRESS.fullmatch("HTTPS://example.org")  # upper case: left to the full rule (True)
    assert is_address("HTTPS://example.org") and is_address("\x01https://example.org")


def test_the_pattern_reads_white_space_as_str_isspace_does() -> None:
    # `\S` after the host stands for "no white space" in the full rule.
    space = re.compile(r"\s")
    assert [chr(code) for code in range(sys.maxunicode + 1)
            if bool(space.match(chr(code))) != chr(code).isspace()] == []


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
