"""History: --as-of on list, show, tiers and compare, the partial-date rule at its
boundaries, and the `history` command."""

from __future__ import annotations

import json
from typing import Any

import pytest

from thirdneighbor.data.partialdate import last_day
from thirdneighbor.query.asof import dataset_as_of, in_force, partner_as_of
from thirdneighbor.data.model import Dataset
from thirdneighbor.data.partialdate import PartialDate
from thirdneighbor.query.select import resolve_partner

from .conftest import run_cli

D = PartialDate.parse


def json_of(*args: str) -> Any:
    result = run_cli(*args, "--json")
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)


# --- the rule for partial dates ---------------------------------------------------------

@pytest.mark.parametrize(("date", "last"), [
    ("2025", (2025, 12, 31)), ("2025-03", (2025, 3, 31)), ("2024-02", (2024, 2, 29)),
    ("2023-02", (2023, 2, 28)), ("2025-03-13", (2025, 3, 13)),
])
def test_a_partial_date_stands_for_its_last_day(date: str, last: tuple[int, int, int]) -> None:
    assert last_day(D(date)) == last


@pytest.mark.parametrize(("start", "as_of", "expected"), [
    ("2025-03", "2025-03-01", False),   # began some time in March: not shown in force on the 1st
    ("2025-03", "2025-03-30", False),
    ("2025-03", "2025-03-31", True),    # by the month's last day it certainly had
    ("2025-03", "2025-03", True),       # "as of March 2025" is the state at its end
    ("2025-03", "2025-04-01", True),
    ("2025-03-13", "2025-03-12", False),
    ("2025-03-13", "2025-03-13", True),  # in force on its own day
    ("2025-03-13", "2025-03", True),
    ("2025", "2025-12-30", False),
    ("2025", "2025-12-31", True),
    ("2025", "2025", True),
    ("2025-12-31", "2025", True),
    ("2026-01-01", "2025", False),
])
def test_in_force_boundaries(start: str, as_of: str, expected: bool) -> None:
    assert in_force(D(start), D(as_of)) is expected


# --- the example in the issue ---------------------------------------------------------------

def test_list_as_of_the_end_of_2015() -> None:
    partners = {p["id"]: p for p in json_of("list", "--as-of", "2015-12-31")}
    assert (partners["india"]["tier"], partners["india"]["since"]) == ("strategic", "2015-05-17")
    assert (partners["japan"]["tier"], partners["japan"]["designation"], partners["japan"]["since"]) == (
        "strategic", "Strategic partnership", "2010-11-19")
    assert (partners["south-korea"]["tier"], partners["south-korea"]["since"]) == ("comprehensive", "2011")
    assert "italy" not in partners and "kazakhstan" not in partners
    assert all(p["as_of"] == "2015-12-31" for p in partners.values())


def test_list_as_of_reports_the_level_in_force_and_its_start() -> None:
    partners = json_of("list", "--as-of", "2010")
    assert [(p["id"], p["tier"], p["since"]) for p in partners] == [
        ("japan", "strategic", "2010-11-19"),
        ("turkiye", "comprehensive", "2004"), ("germany", "comprehensive", "2008-09-05"),
        ("india", "comprehensive", "2009"),
        ("canada", "expanded", "2004-10"), ("australia", "expanded", "2007")]


def test_japan_on_the_day_of_its_special_partnership() -> None:
    day_before = {p["id"]: p for p in json_of("list", "--as-of", "2022-11-28")}["japan"]
    on_the_day = {p["id"]: p for p in json_of("list", "--as-of", "2022-11-29")}["japan"]
    assert day_before["designation"] == "Strategic partnership"
    assert on_the_day["designation"] == "Special Strategic Partnership for Peace and Prosperity"


def test_czechia_since_a_month_is_listed_only_from_its_end() -> None:
    assert "czechia" not in [p["id"] for p in json_of("list", "--as-of", "2025-03-01")]
    assert "czechia" in [p["id"] for p in json_of("list", "--as-of", "2025-03-31")]
    assert "poland" in [p["id"] for p in json_of("list", "--as-of", "2025-03-13")]


def test_a_start_known_only_as_in_force_by_is_said_so(dataset: Dataset) -> None:
    usa = partner_as_of(resolve_partner(dataset, "usa"), D("2012"))
    assert usa is not None
    assert (usa.tier, str(usa.since)) == ("comprehensive", "2011-06-16")
    assert any("earliest date the sources show it in force" in note for note in usa.notes)
    assert partner_as_of(resolve_partner(dataset, "usa"), D("2011-06-15")) is None


def test_ties_at_no_level_do_not_count(dataset: Dataset) -> None:
    korea = resolve_partner(dataset, "korea")
    assert partner_as_of(korea, D("2008")) is None  # "friendly cooperative partnership" of 2006
    assert partner_as_of(korea, D("2011")).tier == "comprehensive"  # type: ignore[union-attr]


def test_events_after_the_date_are_left_out(dataset: Dataset) -> None:
    dated = dataset_as_of(dataset, D("2011-06"))
    assert str(dated.all_events[-1].date) == "2011-06-16"
    assert all(in_force(event.date, D("2011-06")) for event in dated.all_events)


def test_show_as_of() -> None:
    japan = json_of("show", "japan", "--as-of", "2015")
    assert (japan["tier"], japan["designation"], japan["since"], japan["as_of"]) == (
        "strategic", "Strategic partnership", "2010-11-19", "2015")
    assert [h["since"] for h in japan["history"]] == ["1998-05"]
    assert [e["date"] for e in japan["events"]] == ["2010-11-19", "2011-02-10"]


def test_show_a_partner_before_its_first_level_says_so() -> None:
    result = run_cli("show", "italy", "--as-of", "2015")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("thirdneighbor: Italy held no tier yet as of 2015; "
                             "see `thirdneighbor history` for when each began\n")


def test_tiers_as_of() -> None:
    levels = json_of("tiers", "--as-of", "2012", "--neighbors")
    assert {level["id"]: level["partners"] for level in levels} == {
        "comprehensive-strategic": [],  # neither neighbour had reached it in 2012
        "strategic": ["russia", "japan", "china"],
        # India's comprehensive partnership is known in force by 2011, its start unconfirmed.
        "comprehensive": ["turkiye", "germany", "india", "south-korea", "united-states"],
        "expanded": ["canada", "australia"],
    }


def test_compare_as_of() -> None:
    payload = json_of("compare", "japan", "germany", "--as-of", "2020")
    tier = next(f for f in payload["fields"] if f["field"] == "tier")
    assert tier == {"field": "tier", "values": ["strategic", "comprehensive"], "same": False}
    assert {p["as_of"] for p in payload["partners"]} == {"2020"}


@pytest.mark.parametrize("bad", ["2015-13", "yesterday", "15", "2015-02-30", ""])
def test_an_impossible_as_of_date_exits_2(bad: str) -> None:
    result = run_cli("list", "--as-of", bad)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("thirdneighbor: --as-of: ")


def test_a_date_before_everything_is_an_empty_answer() -> None:
    assert run_cli("list", "--as-of", "1900", "--json").stdout == "[]\n"


# --- history -------------------------------------------------------------------------

def test_history_json() -> None:
    korea = json_of("history", "korea")
    assert korea["id"] == "south-korea"
    assert [(level["since"], level["tier"], level["current"]) for level in korea["tiers"]] == [
        ("1999", None, False), ("2006", None, False), ("2011", "comprehensive", False),
        ("2021-09-10", "strategic", True)]


def test_history_plain() -> None:
    result = run_cli("history", "usa")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.split("\n\n")[0].splitlines() == [
        "in_force_by: 2011-06-16", "tier:        Comprehensive partnership", "designation: Comprehensive partnership",
        "current:     false"]
    assert run_cli("history", "usa", "--format", "tsv").stdout.splitlines()[1:] == [
        "\t2011-06-16\tcomprehensive\tComprehensive partnership\tfalse",
        "2018-09-20\t\tcomprehensive\tExpanded Comprehensive Partnership\tfalse",
        "2019-07-31\t\tstrategic\tStrategic third neighbor partnership\ttrue",
    ]


def test_history_tree_on_a_terminal() -> None:
    result = run_cli("history", "japan", env={"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": "200"})
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()[:6]] == [
        "Japan  [japan]",
        # The tier's name only where the designation does not say it; the occasion, then the entry's note.
        "├── 1998-05  Comprehensive partnership (President Natsagiin Bagabandi's official visit to Japan, May 1998; "
        "The Japan Times of 11 May 1998 reported a joint statement calling for a \"comprehensive",
        "│   partnership\" as due that week; the statement's own text and day are not cited.)",
        "├── 2010-11-19  Strategic partnership (Kan–Elbegdorj joint statement)",
        "└── 2022-11-29  Special Strategic Partnership for Peace and Prosperity [Strategic partnership]  "
        "current (President Ukhnaagiin Khürelsükh's state visit to Japan)",
    ]


def test_history_of_an_unknown_country() -> None:
    result = run_cli("history", "Atlantis")
    assert (result.exit_code, result.stdout) == (1, "")
    assert "no partner matches 'Atlantis'" in result.stderr


# --- found in review --------------------------------------------------------------------

def test_events_before_the_date_stay_even_if_they_name_partners_without_a_level() -> None:
    japan = json_of("show", "japan", "--as-of", "2011-06-30")
    assert [e["date"] for e in japan["events"]] == ["2010-11-19", "2011-02-10"]
    compared = json_of("compare", "japan", "germany", "--as-of", "2011-06", "--fields", "events")
    assert compared["fields"] == [{"field": "events", "values": [2, 1], "same": False}]


def test_an_earlier_level_does_not_carry_the_notes_of_later_designations() -> None:
    korea = json_of("show", "korea", "--as-of", "2015")
    assert not any("September 2025" in note for note in korea["notes"])
    assert korea["notes"] == ["Shown at the tier it held on 2015; the notes on its later designations are in "
                              "`thirdneighbor show south-korea`."]


def test_the_current_level_keeps_its_notes() -> None:
    korea = json_of("show", "korea", "--as-of", "2022")
    assert any("September 2025" in note for note in korea["notes"])


def test_tiers_as_of_leaves_out_the_neighbours_level_without_neighbors() -> None:
    assert [level["id"] for level in json_of("tiers", "--as-of", "2010")] == ["strategic", "comprehensive", "expanded"]
    assert {level["as_of"] for level in json_of("tiers", "--as-of", "2010")} == {"2010"}
    result = run_cli("tiers", "--as-of", "2010", "--format", "table")
    assert result.stdout.startswith("Partnership tiers, closest first, as of 2010")
