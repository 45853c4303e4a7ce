"""One vocabulary for date windows and lists: --since, --until and --year on
every command with a window, a partial date read as its whole period, the days
in the heading, and comma lists for every option that takes several values."""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thirdneighbor.data.model import Dataset
from thirdneighbor.data.partialdate import PartialDate
from thirdneighbor.query.window import Window, day_before, first_day, last_day, window

from .conftest import json_of, ok, run_cli


def refused(*args: str) -> str:
    """The one line of a usage error (exit 2, nothing on stdout), without the --help hint."""
    result = run_cli(*args)
    assert (result.exit_code, result.stdout) == (2, ""), result.stderr
    return result.stderr.splitlines()[0]


# --- the rule ------------------------------------------------------------------------------

@pytest.mark.parametrize("given, first, last", [
    ("2024", "2024-01-01", "2024-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("2023-02", "2023-02-01", "2023-02-28"),
    ("2024-06-15", "2024-06-15", "2024-06-15"),
])
def test_a_partial_date_opens_on_its_first_day_and_closes_on_its_last(given: str, first: str, last: str) -> None:
    date = PartialDate.parse(given)
    assert (str(first_day(date)), str(last_day(date))) == (first, last)
    assert str(window(date, date)) == f"{first} to {last}"


def test_the_day_before_a_window_crosses_months_and_years() -> None:
    assert str(day_before(PartialDate(2023, 1, 1))) == "2022-12-31"
    assert str(day_before(PartialDate(2024, 3, 1))) == "2024-02-29"
    assert str(Window(None, PartialDate(2024, 12, 31))) == "up to 2024-12-31"
    assert str(Window(PartialDate(2024, 1, 1), None)) == "from 2024-01-01"


# --- --year, and the positional year of timeline ---------------------------------------------

@pytest.mark.parametrize("command", [["list"], ["timeline"], ["search", "state"], ["series"], ["timeline", "--chart"]])
def test_year_is_since_and_until_the_same_year(command: list[str]) -> None:
    assert json_of(*command, "--year", "2024") == json_of(*command, "--since", "2024", "--until", "2024")


def test_export_takes_year() -> None:
    assert ok("export", "--year", "2024") == ok("export", "--since", "2024", "--until", "2024")
    assert 'id = "germany"' in ok("export", "--year", "2024")


@pytest.mark.parametrize("command", [["list"], ["timeline"], ["search", "state"], ["series"], ["chart", "-o", "-"],
                                     ["export"], ["changes"]])
def test_year_with_since_or_until_is_a_usage_error(command: list[str]) -> None:
    assert refused(*command, "--year", "2024", "--until", "2025") == (
        "thirdneighbor: --year is the same as --since and --until together; give --year, or those")


@pytest.mark.parametrize("value", ["24", "2024-06", "twenty"])
def test_year_takes_a_year_in_full(value: str) -> None:
    assert refused("list", "--year", value) == (
        f"thirdneighbor: --year takes a year such as 2024, not {value!r}; for a month or a day, give --since and "
        "--until")


def test_a_positional_year_of_timeline_is_year() -> None:
    assert ok("timeline", "2025") == ok("timeline", "--year", "2025")
    assert ok("timeline", "2025", "--chart") == ok("timeline", "--year", "2025", "--chart")
    assert refused("timeline", "japan") == (
        "thirdneighbor: timeline takes a year (timeline 2025 is timeline --year 2025), not 'japan'; a partner goes "
        "after --country, a month or a day after --since and --until")
    assert refused("timeline", "2025", "--since", "2020") == (
        "thirdneighbor: timeline 2025 is the same as --year 2025, which takes the place of --since and --until; "
        "give one of them")


# --- the heading gives the days ------------------------------------------------------------

def test_timeline_heading_gives_the_window() -> None:
    assert ok("timeline", "--year", "2023", "--format", "table").splitlines()[0] == (
        "Third Neighbor Policy timeline, 2023-01-01 to 2023-12-31")
    assert ok("timeline", "--since", "2024-06", "--format", "table").splitlines()[0] == (
        "Third Neighbor Policy timeline, from 2024-06-01")
    assert ok("timeline", "--format", "table").splitlines()[0] == "Third Neighbor Policy timeline"
    assert ok("timeline", "--chart", "--until", "2010", "--format", "table").splitlines()[0] == (
        "Milestones per year, by the closest tier held then, up to 2010-12-31")
    assert ok("timeline", "--year", "2023", "--format", "markdown").startswith(
        "Third Neighbor Policy timeline, 2023-01-01 to 2023-12-31\n\n| Date |")
    # The plain format stays one record per line.
    assert ok("timeline", "--year", "2023").splitlines()[0].startswith("2023-05-21\t")


def test_list_and_search_headings_give_the_window() -> None:
    assert ok("list", "--year", "2024", "--format", "table").splitlines()[0].rstrip() == (
        "Mongolia's third neighbors, dated 2024-01-01 to 2024-12-31")
    assert ok("list", "--format", "table").splitlines()[0].rstrip() == "Mongolia's third neighbors"
    assert ok("search", "state", "--year", "2024", "--format", "table").splitlines()[0].endswith(
        "match, dated 2024-01-01 to 2024-12-31")


def test_chart_subtitle_gives_the_days_drawn() -> None:
    svg = ok("chart", "--since", "2010-06", "--until", "2012", "-o", "-")
    assert "tier, 2010-01-01 to 2012-12-31</text>" in svg
    assert "version 3.1.0, checked against its sources on 2026-12-03." in svg  # the credit at the foot
    # The last year is drawn up to the dataset's as-of date.
    assert "tier, 2020-01-01 to 2026-12-03</text>" in ok("chart", "--since", "2020", "-o", "-")


def test_series_and_chart_take_the_same_years() -> None:
    terminal = {"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": "100"}  # chart draws its grid on a terminal only
    grid = ok("chart", "--since", "2015", "--until", "2020", env=terminal)
    assert grid == ok("series", "--from", "2015", "--to", "2020", env=terminal)
    assert grid.splitlines()[0] == "Tiers at each year's end, 2015-01-01 to 2020-12-31"


# --- lists with commas -----------------------------------------------------------------------

@pytest.mark.parametrize("command", [["timeline"], ["search", "state"], ["series"]])
def test_country_takes_a_comma_list(command: list[str]) -> None:
    both = json_of(*command, "--country", "usa, japan")
    assert both == json_of(*command, "--country", "usa", "--country", "japan")
    assert both != json_of(*command, "--country", "usa")


def test_export_and_chart_country_take_a_comma_list() -> None:
    assert ok("export", "--country", "usa,japan") == ok("export", "--country", "usa", "-c", "japan")
    assert ok("chart", "-c", "usa,japan", "-o", "-") == ok("chart", "-c", "usa", "-c", "japan", "-o", "-")


def test_an_empty_item_of_a_list_is_refused_as_the_lookup_refuses_it() -> None:
    result = run_cli("timeline", "--country", ",")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "thirdneighbor: no partner matches ''\n"
    assert refused("list", "--tier", " , ").startswith("thirdneighbor: unknown tier ''; valid tiers: ")


def test_tier_and_country_lists_split_the_same_way() -> None:
    assert json_of("list", "--tier", "strategic , expanded") == json_of("list", "-t", "strategic", "-t", "expanded")


# --- options of a command given before it, and every usage error in one line ----------------

@pytest.mark.parametrize("args, fixed", [
    (["--data", "mine.toml", "list"], "--data goes after the command: thirdneighbor list --data mine.toml"),
    (["--data=mine.toml", "list"], "--data goes after the command: thirdneighbor list --data=mine.toml"),
    (["--json", "list", "--tier", "strategic"],
     "--json goes after the command: thirdneighbor list --json --tier strategic"),
    (["--format", "csv", "tiers"], "--format goes after the command: thirdneighbor tiers --format csv"),
    (["-f", "csv", "--no-cache", "list"], "-f goes after the command: thirdneighbor list -f csv --no-cache"),
    (["--no-cache", "--data", "my data.toml", "info"],
     "--no-cache goes after the command: thirdneighbor info --no-cache --data 'my data.toml'"),
    (["--year", "2024", "timeline"], "--year goes after the command: thirdneighbor timeline --year 2024"),
    (["--data", "mine.toml"], "--data goes after the command: thirdneighbor COMMAND --data VALUE"),
    (["--json", "init", "x.toml"], "--json is not an option of init; see 'thirdneighbor init --help'"),
])
def test_an_option_before_the_command_fails_in_one_line_with_the_fix(args: list[str], fixed: str) -> None:
    result = run_cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"thirdneighbor: {fixed}\n"


@pytest.mark.parametrize("args, message, command", [
    (["--frobnicate"], "no such option: --frobnicate", "thirdneighbor"),
    (["--version=3"], "option '--version' does not take a value.", "thirdneighbor"),
    (["serach"], "no such command 'serach'. Did you mean 'search'?", "thirdneighbor"),
    (["list", "--tier"], "option '--tier' requires an argument.", "thirdneighbor list"),
    (["series", "--year"], "option '--year' requires an argument.", "thirdneighbor series"),
    (["history"], "missing argument 'COUNTRY'.", "thirdneighbor history"),
    (["changes", "2023", "2024", "2025"], "got unexpected extra argument(s) (2025)", "thirdneighbor changes"),
    (["list", "--json=x"], "option '--json' does not take a value.", "thirdneighbor list"),
])
def test_every_usage_error_is_one_line_and_a_hint(args: list[str], message: str, command: str) -> None:
    result = run_cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"thirdneighbor: {message}\nTry '{command} --help' for the options and examples.\n"


# --- windows that meet share no record and miss none -----------------------------------------

@settings(max_examples=150, deadline=None)
@given(st.integers(1990, 2026), st.integers(1, 11))
def test_a_year_split_at_a_month_is_two_windows_that_miss_and_share_nothing(dataset: Dataset, year: int,
                                                                            month: int) -> None:
    from thirdneighbor.query.select import select_events

    def dates(since: str, until: str) -> list[str]:
        return [str(event.date) for event in select_events(dataset, since=since, until=until)]

    whole = dates(str(year), str(year))
    early, late = dates(f"{year}-01", f"{year}-{month:02d}"), dates(f"{year}-{month + 1:02d}", f"{year}-12")
    assert sorted(early + late) == sorted(whole)
    assert all(date.startswith(str(year)) for date in whole)


@settings(max_examples=60, deadline=None)
@given(st.integers(1995, 2025))
def test_changes_over_two_years_are_the_changes_of_each_year_in_turn(dataset: Dataset, year: int) -> None:
    from thirdneighbor.query.changes import changes
    from thirdneighbor.query.select import select_partners

    partners = select_partners(dataset, include_neighbors=True)
    both = changes(dataset, PartialDate(year), PartialDate(year + 1), partners)
    first = changes(dataset, PartialDate(year), PartialDate(year), partners)
    second = changes(dataset, PartialDate(year + 1), PartialDate(year + 1), partners)
    assert both.events == first.events + second.events
    assert first.window.last is not None and second.before == first.window.last
    # A partner unchanged over both years is unchanged in each; one changed in either is changed over both,
    # unless the second change undid the first.
    assert {c.partner.id for c in both.partners} <= {c.partner.id for c in first.partners + second.partners}
