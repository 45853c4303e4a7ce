"""search under hostile input: one text fold for matching, ranking and excerpts;
bounded queries with a phrase rule of the tool's own; queries cleaned as output is."""

from __future__ import annotations

import json
import re
import time
import unicodedata
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from thirdneighbor.errors import UsageError
from thirdneighbor.core.fold import fold, fold_ascii, folded
from thirdneighbor.data.model import Event
from thirdneighbor.data.partialdate import PartialDate
from thirdneighbor.query.search import MAX_QUERY_LENGTH, MAX_TERMS, parse_query, search

from .conftest import run_cli

# Arabic "Muhammad" with the shadda typed before the fatha (the order people
# type, not the canonical one), and Hebrew "shalom" with the shin dot before the
# qamats; then the same words in canonical order, and bare.
ARABIC_TYPED = "\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f"
ARABIC_CANONICAL = unicodedata.normalize("NFC", ARABIC_TYPED)
ARABIC_BARE = "\u0645\u062d\u0645\u062f"
HEBREW_TYPED = "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd"
HEBREW_CANONICAL = unicodedata.normalize("NFD", HEBREW_TYPED)


def json_search(*words: str, data: str | None = None) -> Any:
    result = run_cli("search", *words, "--json", *(["--data", data] if data else []))
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)


def refused(*words: str) -> str:
    result = run_cli("search", *words)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("thirdneighbor: ") and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


# --- one fold ----------------------------------------------------------------------------

def test_marks_typed_out_of_canonical_order_are_found_and_marked(write_dataset: Any) -> None:
    assert ARABIC_TYPED != ARABIC_CANONICAL and HEBREW_TYPED != HEBREW_CANONICAL  # the case is real

    def add_notes(document: dict[str, Any]) -> None:
        japan = next(partner for partner in document["partners"] if partner["id"] == "japan")
        japan["notes"] = [*japan.get("notes", []), f"Met {ARABIC_TYPED} and {HEBREW_TYPED} in Tokyo."]

    data = str(write_dataset(add_notes))
    for query, word in [(ARABIC_TYPED, ARABIC_TYPED), (ARABIC_CANONICAL, ARABIC_TYPED), (ARABIC_BARE, ARABIC_TYPED),
                        (HEBREW_TYPED, HEBREW_TYPED), (HEBREW_CANONICAL, HEBREW_TYPED)]:
        [hit] = json_search(query, data=data)
        assert hit["id"] == "japan"
        [match] = hit["matches"]
        [(start, end)] = match["marks"]
        assert match["excerpt"][start:end] == word


@pytest.mark.parametrize("text", ["Straße", "ﬁnal", "İstanbul", "Ǆemal", "½ share", "Ａｍｅｒｉｃａ", "ᾳ"])
def test_characters_whose_fold_expands_keep_the_way_back(text: str) -> None:
    key, origin = folded(text)
    assert key == fold(text) and len(origin) == len(key)
    assert list(origin) == sorted(origin) and all(0 <= index < len(text) for index in origin)
    event = Event(date=PartialDate(2000), title=text, sources=("x",))
    [hit] = search([text.upper()], partners=[], events=[event])
    assert hit.matches[0].marks == ((0, len(text)),)


def test_the_fold_of_every_ascii_character() -> None:
    for code in range(128):
        character = chr(code)
        expected = (" " if character in "\t\n\x0b\x0c\r\x1c\x1d\x1e-_" else
                    "" if code < 32 or code == 127 else character.lower())
        assert fold(character) == expected and folded(character)[0] == expected, repr(character)


def test_zero_width_and_bidi_controls_are_dropped_from_queries_and_data() -> None:
    plain = json_search("japan")
    for query in ["jap\u200ban", "\u202ejapan\u202c", "\ufeffJapan", "\u2066japan\u2069", "ja\u200dpan\u200e"]:
        assert json_search(query) == plain, repr(query)
    event = Event(date=PartialDate(2000), title="In\u200bdia and Mongolia", sources=("x",))
    [hit] = search(["india"], partners=[], events=[event])
    assert hit.matches[0].marks == ((0, 6),)  # the zero-width space inside, as output cleaning shows it


# Text as Arabic, Hebrew, Vietnamese or Mongolian writers type it: letters, combining
# marks in any order, and anything else Unicode holds (lone surrogates too).
MARKS = "\u0300\u0301\u0308\u0323\u0327\u064b\u064e\u064f\u0650\u0651\u0652\u05b8\u05b9\u05bc\u05c1\u05c2\u0e48\u3099"
LETTERS = "aAeEiIoOuUßsSİıΣσςЁёӨөҮүمحدشلוםאﬁ½ｱ가-_–'’ \t\u200b\u202e\ud800\udcc3"
texts = st.text(st.one_of(st.sampled_from(MARKS), st.sampled_from(LETTERS), st.characters()), max_size=40)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
@example(f"x {ARABIC_TYPED}", ARABIC_CANONICAL)
def test_the_fold_is_one_character_at_a_time_and_blind_to_mark_order(first: str, second: str) -> None:
    assert fold(first + second) == fold(first) + fold(second)
    for form in ("NFC", "NFD"):
        assert fold(unicodedata.normalize(form, first)) == fold(first)
    key, origin = folded(first)
    assert key == fold(first) and len(origin) == len(key) and list(origin) == sorted(origin)


def _queries(draw: st.DrawFn, text: str) -> list[str]:
    """Query words for a text: pieces of it (in another normal form, in another
    case), or anything at all."""
    words = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        piece = text[start:draw(st.integers(start, len(text)))]
        piece = unicodedata.normalize(draw(st.sampled_from(["NFC", "NFD", "NFKC"])), piece)
        words.append(draw(st.sampled_from([piece, piece.upper(), piece.casefold()])))
    return draw(st.one_of(st.just(words), st.lists(texts, min_size=1, max_size=3)))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.lists(texts.filter(str.strip), min_size=1, max_size=3))
def test_every_record_found_can_be_excerpted_with_marks_on_the_match(data: st.DataObject, titles: list[str]) -> None:
    events = [Event(date=PartialDate(2000 + i), title=title, notes=(title[::-1],), sources=("x",))
              for i, title in enumerate(titles)]
    words = _queries(data.draw, data.draw(st.sampled_from(titles)))
    try:
        terms = parse_query(words)
    except UsageError:
        return  # an empty query, an unbalanced quote: refused, as the CLI tests check
    patterns = [re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split()))) for term in terms]
    for hit in search(words, partners=[], events=events):
        assert hit.matches and hit.score >= len(terms)
        for match in hit.matches:
            assert match.marks
            for start, end in match.marks:
                assert 0 <= start < end <= len(match.excerpt)
                # The marked text itself holds a term, as the fold reads it.
                assert any(pattern.search(fold(match.excerpt[start:end])) for pattern in patterns)
            assert list(match.marks) == sorted(match.marks)
            assert all(a[1] <= b[0] for a, b in zip(match.marks, match.marks[1:]))  # one mark per place


@settings(max_examples=300, deadline=None)
@given(texts.filter(lambda text: '"' not in text), st.sampled_from(["NFC", "NFD", "NFKD"]))
def test_a_whole_text_finds_its_record_in_any_normal_form(text: str, form: str) -> None:
    event = Event(date=PartialDate(2000), title=text, sources=("x",))
    try:
        parse_query([text])
    except UsageError:
        return  # nothing left to search for once folded
    assert search([unicodedata.normalize(form, text)], partners=[], events=[event])


# --- bounded queries ----------------------------------------------------------------------

def test_repeated_terms_collapse() -> None:
    once = json_search("japan")
    assert json_search("japan", "japan", "JAPAN") == once == json_search('"japan" Japan', "jap\u200ban")
    assert once[0]["score"] == 4 and once[0]["matches"][0]["marks"] == [[0, 5]]
    assert parse_query(["state", "visit", "State", '"state   visit" "STATE VISIT"']) == ["state", "visit",
                                                                                          "state visit"]


def test_overlapping_terms_make_one_mark() -> None:
    event = Event(date=PartialDate(2000), title="Japanese partners", sources=("x",))
    [hit] = search(["japan", "japanese", "japanese partners"], partners=[], events=[event])
    assert hit.matches[0].marks == ((0, len("Japanese partners")),)


def test_a_query_at_the_limits_runs_and_past_them_is_refused() -> None:
    words = [f"w{i}" for i in range(MAX_TERMS)]
    assert run_cli("search", *words).exit_code == 0
    assert refused(*words, "one-more") == (f"thirdneighbor: the query has {MAX_TERMS + 1} different terms; the most "
                                           f"is {MAX_TERMS}; search for fewer words\n")
    assert run_cli("search", "a" * MAX_QUERY_LENGTH).exit_code == 0
    assert refused("a" * 600, "b" * 400) == (f"thirdneighbor: the query is 1,001 characters long; the most is "
                                             f"{MAX_QUERY_LENGTH:,}; search for fewer or shorter words\n")


def test_five_thousand_repeated_terms_are_refused_at_once() -> None:
    started = time.perf_counter()
    assert "the query is 29,999 characters long" in refused(*["japan"] * 5000)
    assert time.perf_counter() - started < 2


def test_the_limits_bind_the_python_api_too(dataset: Any) -> None:
    with pytest.raises(ValueError, match="the most is"):
        dataset.search(*["japan"] * 5000)
    with pytest.raises(TypeError, match="sequence of str"):
        search("japan", partners=[], events=[])


# --- the phrase rule -------------------------------------------------------------------

def test_apostrophes_inside_words_are_letters() -> None:
    assert parse_query(["Khürelsükh's \"state visit\" Italy's"]) == ["khurelsukh's", "state visit", "italy's"]
    [italy] = json_search("Khürelsükh's \"state visit\" Italy's")
    assert italy["id"] == "italy" and set(italy["fields"]) == {"occasion", "notes"}
    typographic = json_search("Italy’s")  # a typographic apostrophe, as in pasted text
    assert typographic == json_search("Italy's") and typographic[0]["id"] == "italy"
    assert parse_query(["'state visit'", "'Italy'"]) == ["state visit", "italy"]  # quotation marks at the edges


@pytest.mark.parametrize(("words", "expected"), [
    (['trade "act'], "unbalanced quote in 'trade \"act': the \" at character 7 opens a phrase that is never closed"),
    (["japan", 'state "visit" "x'], "the \" at character 15 of argument 2 opens a phrase that is never closed"),
    (['"'], "the \" at character 1 opens a phrase"),
])
def test_an_unbalanced_quote_is_an_error_that_says_where(words: list[str], expected: str) -> None:
    message = refused(*words)
    assert expected in message and message.rstrip().endswith('add the closing ", or drop it')


def test_quoted_phrases_and_words_in_one_argument() -> None:
    assert parse_query(['"Tô Lâm" state', "visit", '""', 'a"b c"d']) == ["to lam", "state", "visit", "a", "b c", "d"]
    assert "give a word" in refused('""', "' '", "\u200b")


def test_a_term_is_not_found_across_two_texts_of_a_record() -> None:
    # The texts of a record are searched together first, joined by "|": a term
    # that holds one is found only where one text holds it whole.
    split = Event(date=PartialDate(2000), title="Treaty a", notes=("b signed",), sources=("x",))
    whole = Event(date=PartialDate(2001), title="Treaty a|b signed", sources=("x",))
    assert [hit.date for hit in search(["a|b"], partners=[], events=[split, whole])] == ["2001"]
    assert [hit.date for hit in search(["treaty", "signed"], partners=[], events=[split, whole])] == ["2001", "2000"]


def test_the_ascii_byte_tables_fold_as_the_one_fold_does() -> None:
    # fold_ascii is a faster spelling of the rule for ASCII, not a second rule
    # (fold itself takes it for an ASCII text): every ASCII character, alone
    # and in a text, folds as the rule and the table say, and as it does among
    # characters outside ASCII, where the table is read.
    from thirdneighbor.core.fold import _fold_character, _table

    every = "".join(map(chr, range(128)))
    assert [fold_ascii(ch) for ch in every] == [_fold_character(ch) for ch in every]
    assert [fold_ascii(ch) for ch in every] == [_table()[code] for code in range(128)]
    assert fold("é" + every * 3) == "e" + fold_ascii(every * 3)


def test_the_precomputed_fold_table_is_the_fold_rule_itself() -> None:
    # fold_table.py saves a fresh process from working out the commonest
    # characters at its first search; each entry must be what the rule gives.
    from thirdneighbor.core.fold import _fold_character
    from thirdneighbor.core.fold_table import BLOCKS, FOLDED

    codes = [code for first, last in BLOCKS for code in range(first, last + 1)]
    assert sorted(FOLDED) == codes
    assert {code: text for code, text in FOLDED.items() if _fold_character(chr(code)) != text} == {}


def test_the_blocks_said_to_fold_to_themselves_do() -> None:
    from thirdneighbor.core.fold import _fold_character, fold
    from thirdneighbor.core.fold_table import SAME

    same = "".join(chr(code) for first, last in SAME for code in range(first, last + 1))
    assert len(same) > 20_000
    assert [ch for ch in same if _fold_character(ch) != ch] == []
    assert fold("日本国と蒙古国") == "日本国と蒙古国"


def _by_regular_expression(term: str, key: str) -> list[tuple[int, int]]:
    """The rule _Term implements, as the regular expression it replaces."""
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())))
    return [(found.start(), found.end()) for found in pattern.finditer(key)]


@pytest.mark.parametrize(("term", "key"), [
    ("act", "contact act trade act"), ("state visit", "a state  visit, state\tvisit; statevisit"),
    ("khurel", "_khurel khurel 1khurel khurelsukh"), ("aa", "aaaa aa"), ("a b", "a a b a  b"),
    ("ü", "üü ü"), ("x", ""), ("日本", "日本国と日本"),
])
def test_a_term_matches_where_its_regular_expression_would(term: str, key: str) -> None:
    from thirdneighbor.query.search import _Term

    assert list(_Term(term).spans(key)) == _by_regular_expression(term, key)


def test_a_term_matches_where_its_regular_expression_would_on_any_text() -> None:
    from thirdneighbor.query.search import _Term

    pieces = st.sampled_from(["a", "ab", " ", "  ", "\t", "_", "1", "é", "ж", "-", "'", "b a", "|"])
    texts = st.lists(pieces, max_size=12).map("".join)
    terms = texts.map(lambda text: " ".join(text.split())).filter(bool)

    @settings(max_examples=400, deadline=None)
    @given(terms, texts)
    def check(term: str, key: str) -> None:
        assert list(_Term(term).spans(key)) == _by_regular_expression(term, key)
        assert _Term(term).found_in(key) == bool(_by_regular_expression(term, key))

    check()
