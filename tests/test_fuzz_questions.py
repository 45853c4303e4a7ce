"""Fuzzing the research questions that take free text (`search`, `people`,
`changes`), on the command line and in Python: random Unicode (marks out of
canonical order, controls, surrogates, quotes and apostrophes) and random term
lists give an answer or a documented error, never a traceback."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thirdneighbor.data.model import Dataset
from thirdneighbor.query.people import resolve_person

from .conftest import run_cli

# Pieces people type, paste or smuggle: names, letters with marks in any order,
# quotes and apostrophes, zero-width and bidi controls, and dates half right.
PIECES = ["japan", "Khürelsükh", "khurel", "Хүрэлсүх", "state visit", "trade-act", "Italy's", "Italy’s", '"', "'",
          '"state visit"', "\u0645\u0651\u064e", "\u05e9\u05c1\u05b8", "e\u0301\u0323", "\u200b", "\u202e", "\ufeff",
          "\t", "\n", "ß", "İ", "ﬁ", "\ud800", "\udcc3\udcbc", "2023", "2020-05", "2019-02-30", "-1", "0", "9999"]
text = st.text(st.one_of(st.characters(), st.sampled_from("\u0300\u0301\u0308\u0651\u064e\u05c1\u05b8\"' -")),
               max_size=30)
words = st.one_of(st.sampled_from(PIECES), text, st.lists(st.sampled_from(PIECES), max_size=4).map("".join))
term_lists = st.lists(words, min_size=0, max_size=8)
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_documented(result: Any, codes: tuple[int, ...]) -> None:
    output = result.stdout + result.stderr
    assert result.exit_code in codes, (result.exit_code, output)
    assert "Traceback" not in output
    if result.exit_code:
        assert result.stdout == "" and result.stderr.startswith(("thirdneighbor: ", "Usage: ")), output


@FUZZ
@given(term_lists)
def test_search_on_the_command_line(terms: list[str]) -> None:
    result = run_cli("search", "--json", "--", *terms)
    assert_documented(result, (0, 2))
    if result.exit_code == 0:
        for hit in json.loads(result.stdout):
            assert hit["matches"] and all(match["marks"] for match in hit["matches"])


@FUZZ
@given(words)
def test_people_on_the_command_line(name: str) -> None:
    assert_documented(run_cli("people", "--json", "--", name), (0, 1, 2))


@FUZZ
@given(words, words)
def test_changes_on_the_command_line(start: str, end: str) -> None:
    assert_documented(run_cli("changes", "--json", "--", start, end), (0, 2))


# The Python API raises what errors.py documents (UsageError is a ValueError,
# NotFoundError and AmbiguousError are LookupErrors) or TypeError, nothing else.
API_ERRORS = (ValueError, LookupError, TypeError)


@FUZZ
@given(term_lists)
def test_search_in_python(dataset: Dataset, terms: list[str]) -> None:
    try:
        hits = dataset.search(*terms)
    except API_ERRORS:
        return
    assert all(hit.matches and all(match.marks for match in hit.matches) for hit in hits)


@FUZZ
@given(words)
def test_people_in_python(dataset: Dataset, name: str) -> None:
    try:
        resolve_person(dataset, name)
    except API_ERRORS:
        pass


@FUZZ
@given(words, words)
def test_changes_in_python(dataset: Dataset, start: str, end: str) -> None:
    try:
        dataset.changes(start, end)
    except API_ERRORS:
        pass
