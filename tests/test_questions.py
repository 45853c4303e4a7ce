"""search, changes and series: the research questions, on the command line and in Python."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thirdneighbor.data.model import Dataset, Event
from thirdneighbor.data.partialdate import PartialDate
from thirdneighbor.query.changes import changes
from thirdneighbor.core.fold import folded
from thirdneighbor.query.search import parse_query, search
from thirdneighbor.query.select import select_partners

from .conftest import json_of, ok, run_cli


# --- search ------------------------------------------------------------------------------

def test_search_ignores_accents_and_finds_the_occasions() -> None:
    hits = json_of("search", "khurelsukh")
    occasions = {hit["title"]: hit["date"] for hit in hits if hit["kind"] == "partner" and "occasion" in hit["fields"]}
    assert {"Japan": "2022-11-29", "South Korea": "2021-09-10", "Türkiye": "2025-01-16"}.items() <= occasions.items()
    japan = next(hit for hit in hits if hit["id"] == "japan")
    match = next(m for m in japan["matches"] if m["field"] == "occasion")
    [(start, end)] = match["marks"]
    assert match["excerpt"][start:end] == "Khürelsükh"


def test_search_a_phrase_finds_the_trade_act_events() -> None:
    hits = json_of("search", "trade act")  # one argument with a space: a phrase
    assert [(hit["kind"], hit["date"]) for hit in hits] == [
        ("event", "2018-07-26"), ("event", "2019-04"), ("event", "2023-11-30")]
    reversed_phrase = run_cli("search", '"act trade"', "--json")
    assert (reversed_phrase.exit_code, reversed_phrase.stdout) == (0, "[]\n")


def test_several_words_must_all_match_in_the_same_record() -> None:
    both = json_of("search", "trade", "cardin")
    assert [hit["date"] for hit in both] == ["2019-04", "2023-11-30"]
    assert set(both[0]["fields"]) == {"title", "people", "notes", "sources", "evidence"}  # Cardin is among its people


def test_search_is_case_and_accent_blind_on_both_sides() -> None:
    assert [hit["id"] for hit in json_of("search", "TÜRKIYE") if hit["kind"] == "partner"][0] == "turkiye"
    assert json_of("search", "turkiye") == json_of("search", "Türkiye")


def test_best_match_first_by_the_documented_rule() -> None:
    hits = json_of("search", "japan")
    assert hits[0]["id"] == "japan" and hits[0]["score"] == 4  # the name weighs most
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_filters() -> None:
    japan_only = json_of("search", "strategic", "--country", "japan")
    assert {hit["id"] for hit in japan_only if hit["kind"] == "partner"} == {"japan"}
    assert all(hit["kind"] == "partner" or "2010" <= hit["date"] for hit in japan_only)
    recent = json_of("search", "state", "visit", "--since", "2025")
    assert recent and all(hit["date"] >= "2025" for hit in recent)
    expanded = json_of("search", "australia", "--tier", "expanded")
    assert {hit["id"] for hit in expanded if hit["kind"] == "partner"} == {"australia"}


def test_no_match_exits_0_with_a_note() -> None:
    result = run_cli("search", "atlantis", "--json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert result.stderr == "thirdneighbor: no record matches 'atlantis'\n"


def test_an_empty_query_is_a_usage_error() -> None:
    result = run_cli("search", '""')
    assert (result.exit_code, result.stdout) == (2, "")
    assert 'give a word or a "quoted phrase"' in result.stderr


def test_a_word_matches_where_a_word_starts() -> None:
    event = Event(date=PartialDate(2000), title="Contact group acts on the Trade-Act", partners=(), notes=(),
                  sources=("x",))
    [hit] = search(["act"], partners=[], events=[event])
    [match] = hit.matches
    assert [match.excerpt[s:e] for s, e in match.marks] == ["act", "Act"]  # in "acts" and "Act", not "Contact"
    assert [s for s, _ in match.marks] == [match.excerpt.index("acts"), match.excerpt.index("Act")]
    assert search(["trade act"], partners=[], events=[event])  # "-" counts as a space
    assert search(["ontact"], partners=[], events=[event]) == []


def test_fold_keeps_the_way_back_to_the_original() -> None:
    text, origin = folded("Tô Lâm – Khürelsükh")
    assert text == "to lam   khurelsukh"
    assert len(origin) == len(text) and origin[-1] == len("Tô Lâm – Khürelsükh") - 1
    assert parse_query(['"Tô Lâm" state', "visit"]) == ["to lam", "state", "visit"]


def test_search_plain_output_is_one_line_per_record() -> None:
    lines = ok("search", "trade act").splitlines()
    assert len(lines) == 3 and all(line.startswith("event\t") for line in lines)


# --- changes -----------------------------------------------------------------------------

def test_changes_between_two_dates() -> None:
    answer = json_of("changes", "2023-01-01", "2024-12-31")
    assert (answer["from"], answer["to"]) == ("2023-01-01", "2024-12-31")
    kinds = {row["id"]: (row["change"], row["from_tier"], row["to_tier"], row["since"]) for row in answer["partners"]}
    assert kinds == {
        "france": ("new", None, "strategic", "2023-10-13"),
        "canada": ("upgrade", "expanded", "comprehensive", "2023-11-20"),
        "germany": ("upgrade", "comprehensive", "strategic", "2024-02-07"),
        "vietnam": ("new", None, "comprehensive", "2024-09-30"),
        "kazakhstan": ("new", None, "strategic", "2024-10-29"),
    }
    dates = [event["date"] for event in answer["events"]]
    assert dates[0] == "2023-05-21" and dates[-1] == "2024-10-29" and dates == sorted(dates)


def test_a_year_window_is_the_whole_of_its_years() -> None:
    # "2023" opens the window on 2023-01-01: France's and Canada's 2023 changes are in it.
    answer = json_of("changes", "2023", "2024")
    assert [row["id"] for row in answer["partners"]] == ["france", "canada", "germany", "vietnam", "kazakhstan"]
    assert {key: answer[key] for key in ("from", "to", "from_given", "to_given", "before")} == {
        "from": "2023-01-01", "to": "2024-12-31", "from_given": "2023", "to_given": "2024", "before": "2022-12-31"}
    dates = [event["date"] for event in answer["events"]]
    assert dates[0] == "2023-05-21" and dates[-1] == "2024-10-29"
    month = json_of("changes", "2025-03", "2025-03")
    assert (month["from"], month["to"]) == ("2025-03-01", "2025-03-31")
    assert [row["id"] for row in month["partners"]] == ["czechia", "poland"]


def test_changes_from_alone_runs_to_the_data_as_of_date() -> None:
    answer = json_of("changes", "2025")
    assert (answer["from"], answer["to"], answer["to_given"]) == ("2025-01-01", "2026-12-03", "2026-12-03")
    assert [row["id"] for row in answer["partners"]] == ["turkiye", "czechia", "poland", "uzbekistan", "kyrgyzstan",
                                                         "italy"]
    late = run_cli("changes", "2027")
    assert (late.exit_code, late.stdout) == (2, "")
    assert late.stderr == ("thirdneighbor: FROM (2027) is later than the data, which was last checked on 2026-12-03; "
                           "give an earlier date\n")


def test_changes_takes_since_until_and_year_for_from_and_to() -> None:
    assert json_of("changes", "--since", "2023", "--until", "2024") == json_of("changes", "2023", "2024")
    assert json_of("changes", "--year", "2023") == json_of("changes", "2023", "2023")
    both = run_cli("changes", "2023", "--since", "2024")
    assert (both.exit_code, both.stdout) == (2, "")
    assert both.stderr.startswith("thirdneighbor: give the window as FROM TO, or with --since, --until or --year; "
                                  "not both\n")
    none = run_cli("changes", "--until", "2024")
    assert (none.exit_code, none.stdout) == (2, "")
    assert none.stderr.startswith("thirdneighbor: changes needs the first date of its window: FROM")


def test_changes_headings_give_the_days_of_the_window() -> None:
    text = ok("changes", "2023", "2024", "--format", "table")
    assert text.startswith("Changes from 2023-01-01 to 2024-12-31\n")
    assert "Events from 2023-01-01 to 2024-12-31" in text
    markdown = ok("changes", "2023", "2024", "--format", "markdown")
    assert markdown.startswith("Changes from 2023-01-01 to 2024-12-31\n\n| Partner |")


def test_changes_with_neighbors() -> None:
    rows = json_of("changes", "2014-08-20", "2014-08-21", "--neighbors")["partners"]
    assert [(row["id"], row["change"]) for row in rows] == [("china", "upgrade")]


def _listed(dataset: Dataset, date: PartialDate) -> dict[str, tuple[str | None, str | None]]:
    return {p.id: (p.tier, p.designation) for p in select_partners(dataset, include_neighbors=True, as_of=date)}


dates = st.builds(lambda y, m, d: PartialDate(y, m, d if m else 0),
                  st.integers(1985, 2027), st.integers(0, 12), st.integers(0, 28))


@settings(max_examples=200, deadline=None)
@given(dates, dates)
def test_changes_is_the_difference_of_two_as_of_lists(dataset: Dataset, first: PartialDate,
                                                      second: PartialDate) -> None:
    # `changes A B` is `list --as-of <the day before A's first day>` against `list --as-of B`.
    from thirdneighbor.query.window import day_before, first_day, last_day

    start, end = sorted((first, second), key=first_day)
    if first_day(start) > last_day(end):  # 2024-06 and 2024: a window only in one order
        start, end = end, start
    answer = changes(dataset, start, end, select_partners(dataset, include_neighbors=True))
    before, after = _listed(dataset, day_before(first_day(start))), _listed(dataset, end)
    differ = {pid for pid in before.keys() | after.keys() if before.get(pid) != after.get(pid)}
    assert {change.partner.id for change in answer.partners} == differ
    for change in answer.partners:
        assert (change.from_tier, change.from_designation) == before.get(change.partner.id, (None, None))
        assert (change.to_tier, change.to_designation) == after.get(change.partner.id, (None, None))
    listed = {event.date for event in dataset.events(since=start, until=end)}
    assert {event.date for event in answer.events} == listed


# --- series ------------------------------------------------------------------------------

def test_series_csv_is_long_format_one_row_per_partner_and_year() -> None:
    rows = list(csv.DictReader(io.StringIO(ok("series", "--format", "csv"))))
    assert list(rows[0]) == ["partner", "year", "tier"]
    pairs = Counter((row["partner"], row["year"]) for row in rows)
    assert set(pairs.values()) == {1}
    years = sorted({int(row["year"]) for row in rows})
    assert years == list(range(1998, 2027))  # Japan's 1998 tie to the dataset's as-of year
    assert len(rows) == 16 * len(years)


@pytest.mark.parametrize("year", ["2004", "2015", "2023", "2025"])
def test_series_rows_agree_with_list_as_of(year: str) -> None:
    rows = {row["partner"]: row["tier"] for row in csv.DictReader(io.StringIO(ok("series", "--format", "csv")))
            if row["year"] == year}
    listed = {p["id"]: p["tier"] for p in json_of("list", "--as-of", year)}
    assert {pid: tier for pid, tier in rows.items() if tier} == listed


def test_series_counts() -> None:
    counts = {row["year"]: row for row in json_of("series", "--counts", "--from", "2015", "--to", "2015")}
    listed = Counter(p["tier"] for p in json_of("list", "--as-of", "2015"))
    assert counts[2015] == {"year": 2015, "comprehensive-strategic": 0, **{t: listed.get(t, 0) for t in
                                                                            ("strategic", "comprehensive",
                                                                             "expanded")}}


def test_series_range_and_country() -> None:
    payload = json_of("series", "--country", "korea", "--from", "2010", "--to", "2012")
    assert payload == [{"partner": "south-korea", "year": 2010, "tier": None},
                       {"partner": "south-korea", "year": 2011, "tier": "comprehensive"},
                       {"partner": "south-korea", "year": 2012, "tier": "comprehensive"}]
    wrong = run_cli("series", "--from", "2020", "--to", "2010")
    assert (wrong.exit_code, wrong.stdout) == (2, "")
    assert wrong.stderr == "thirdneighbor: --since 2020 is later than --until 2010\n"


def test_series_takes_since_until_and_year_and_a_date_stands_for_its_year() -> None:
    aliases = json_of("series", "--country", "korea", "--from", "2010", "--to", "2012")
    assert json_of("series", "--country", "korea", "--since", "2010-06", "--until", "2012-01-31") == aliases
    assert json_of("series", "--country", "korea", "--year", "2011") == [aliases[1]]
    both = run_cli("series", "--year", "2011", "--from", "2010")
    assert (both.exit_code, both.stdout) == (2, "")
    assert both.stderr == ("thirdneighbor: --year is the same as --since and --until together; give --year, "
                           "or those\n")


def test_series_heading_gives_the_days_of_its_years() -> None:
    text = ok("series", "--since", "2020", "--until", "2022", "--format", "table")
    assert text.splitlines()[0] == "Tiers at each year's end, 2020-01-01 to 2022-12-31"
    counts = ok("series", "--counts", "--year", "2020", "--format", "markdown")
    assert counts.startswith("Partners per tier at each year's end, 2020-01-01 to 2020-12-31\n\n| Year |")


@pytest.mark.parametrize("args, message", [
    (["--to", "1900"], "--until 1900 is earlier than the data, which runs from 1987 to 2026; give a window within it"),
    (["--to", "1000"], "--until 1000 is earlier than the data, which runs from 1987 to 2026; give a window within it"),
    (["--since", "2030"], "--since 2030 is later than the data, which runs from 1987 to 2026; give a window within it"),
])
def test_a_window_wholly_outside_the_data_is_refused_alike_by_series_and_chart(args: list[str], message: str) -> None:
    for command in (["series"], ["chart", "-o", "-"]):
        result = run_cli(*command, *args)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == f"thirdneighbor: {message}\n"


def test_series_grid_fits_80_columns_and_reads_without_colour() -> None:
    text = ok("series", "--format", "table", env={"COLUMNS": "80", "NO_COLOR": "1"})
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    japan = next(line for line in lines if line.startswith("Japan"))
    assert set(japan[17:]) == {"▒", "█"}  # comprehensive, then strategic
    assert "Key: █ Strategic partnership" in " ".join(lines)
    narrow = ok("series", "--format", "table", env={"COLUMNS": "40"})
    assert max(len(line) for line in narrow.splitlines()) <= 40
    assert "share a column" in " ".join(narrow.split())


# --- Python ---------------------------------------------------------------------------

def test_the_python_api_answers_the_same(dataset: Dataset) -> None:
    assert [hit.title for hit in dataset.search("trade act")] == [hit["title"] for hit in json_of("search",
                                                                                                    "trade act")]
    assert [c.partner.id for c in dataset.changes("2023", "2024").partners] == ["france", "canada", "germany",
                                                                                 "vietnam", "kazakhstan"]
    assert dataset.series(2014, 2016)["india"] == {2014: "comprehensive", 2015: "strategic", 2016: "strategic"}


# --- found in review --------------------------------------------------------------------

def test_search_finds_people_by_name_spelling_and_cyrillic() -> None:
    [harris] = json_of("search", "kamala")
    assert (harris["date"], harris["fields"]) == ("2023-08-02", ["people", "evidence"])
    assert harris["excerpt"] == "Kamala Harris"
    modi = json_of("search", "narendra", "--country", "india")
    assert any(m["field"] == "leaders" and m["excerpt"] == "Narendra Modi" for hit in modi for m in hit["matches"])
    assert {hit["id"] for hit in json_of("search", "Хүрэлсүх") if hit["kind"] == "partner"} >= {"japan", "turkiye"}


def test_a_long_match_is_shown_and_marked_whole() -> None:
    url = "https://elysee.fr/emmanuel-macron/2023/05/21/declaration-conjointe-de-la-france-et-de-la-mongolie"
    [france] = [hit for hit in json_of("search", url) if hit["kind"] == "partner"]
    [match] = france["matches"]
    [(start, end)] = match["marks"]
    assert match["excerpt"][start:end] == url


def test_a_long_query_that_matches_nothing_is_named_briefly() -> None:
    result = run_cli("search", " ".join(["nothing"] * 120))  # 959 characters, within the limit
    assert result.exit_code == 0 and len(result.stderr) < 120 and result.stderr.rstrip().endswith("…'")


def test_series_says_when_no_partner_is_left() -> None:
    result = run_cli("series", "--tier", "comprehensive-strategic")
    assert (result.exit_code, result.stdout) == (0, "")
    assert "no partner matches these filters; Russia and China, Mongolia's neighbors, need --neighbors" in result.stderr


@pytest.mark.parametrize("columns", ["12", "20", "30"])
def test_series_grid_keeps_each_row_on_one_line_when_narrow(columns: str) -> None:
    text = ok("series", "--format", "table", env={"COLUMNS": columns})
    rows = [line for line in text.splitlines() if line.startswith(("India", "Japan"))]
    assert len(rows) == 2 and all(len(line) <= max(int(columns), 8) for line in rows)
