"""The two dates of a partner: when it reached its current tier (`tier_since`),
and when its current designation began (`since`), in every command and format
that shows them, and in the Python API."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any

import pytest

from thirdneighbor.data.model import Dataset, HistoryEntry, Partner
from thirdneighbor.data.partialdate import PartialDate
from thirdneighbor.query.asof import partner_as_of, tier_at
from thirdneighbor.query.select import resolve_partner, select_partners

from .conftest import run_cli

D = PartialDate.parse
TABLE = {"COLUMNS": "100", "LINES": "40"}


def json_of(*args: str) -> Any:
    result = run_cli(*args, "--json")
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in records}


# --- the rule ---------------------------------------------------------------------------

def test_japan_is_strategic_since_2010_in_a_designation_of_2022(dataset: Dataset) -> None:
    japan = resolve_partner(dataset, "japan")
    assert (japan.tier, str(japan.tier_since), str(japan.since)) == ("strategic", "2010-11-19", "2022-11-29")
    assert japan.tier_since_approx is False and japan.renamed_since
    assert japan.tier_when == "2010-11-19"


def test_the_python_api_gives_both_dates_and_to_dict_is_the_list_json() -> None:
    import thirdneighbor

    data = thirdneighbor.load()
    japan = data.partner("japan")
    assert (str(japan.tier_since), str(japan.since)) == ("2010-11-19", "2022-11-29")
    record = japan.to_dict()
    assert (record["tier_since"], record["tier_since_approx"], record["since"]) == ("2010-11-19", False, "2022-11-29")
    assert by_id(json_of("list"))["japan"] == record
    # --as-of through the API: the United States early in 2019, comprehensive since "by 2011".
    usa = next(partner for partner in data.partners(as_of="2019-01") if partner.id == "united-states")
    assert (usa.tier, str(usa.tier_since), usa.tier_since_approx) == ("comprehensive", "2011-06-16", True)


def test_without_a_rename_the_two_dates_are_one(dataset: Dataset) -> None:
    for partner in dataset.all_partners:
        if partner.tier is None:
            assert (partner.tier_since, partner.tier_since_approx, partner.tier_when) == (None, False, None)
            continue
        assert partner.tier_since is not None and partner.tier_since <= partner.since
        entries_at_tier = [entry for entry in partner.history if entry.tier == partner.tier]
        if not entries_at_tier or (partner.history and partner.history[-1].tier != partner.tier):
            assert partner.tier_since == partner.since and not partner.renamed_since, partner.id


def test_every_partner_held_its_tier_from_tier_since_on_and_not_just_before(dataset: Dataset) -> None:
    """tier_since agrees with the --as-of rule (tier_at): the tier holds at
    tier_since and at every later year's end; at the day before the period of
    tier_since began, another tier (or none) held."""
    for partner in dataset.all_partners:
        if partner.tier is None:
            continue
        start = partner.tier_since
        assert tier_at(partner, start) == partner.tier, partner.id
        for year in range(start.year, dataset.as_of.year + 1):
            assert tier_at(partner, PartialDate(year)) == partner.tier, (partner.id, year)
        year, month, day = start.year, start.month or 1, start.day or 1
        before = (PartialDate(year - 1, 12, 31) if (month, day) == (1, 1) else
                  PartialDate(year, month - 1, 28) if day == 1 else PartialDate(year, month, day - 1))
        assert tier_at(partner, before) != partner.tier, partner.id


def _partner(dataset: Dataset, history: tuple[HistoryEntry, ...], **changes: Any) -> Partner:
    return dataclasses.replace(resolve_partner(dataset, "germany"), history=history, **changes)


def test_an_in_force_by_start_of_the_run_is_marked_approximate(dataset: Dataset) -> None:
    partner = _partner(dataset, (
        HistoryEntry(designation="Comprehensive partnership", tier="comprehensive", in_force_by=D("2001")),
        HistoryEntry(designation="Strategic partnership", tier="strategic", in_force_by=D("2011-06")),
        HistoryEntry(designation="Special strategic partnership", tier="strategic", since=D("2016-03-02")),
    ), since=D("2024-02-07"))
    assert (str(partner.tier_since), partner.tier_since_approx, partner.tier_when) == ("2011-06", True, "by 2011-06")
    assert partner.since_approx is False
    record = partner.to_dict()
    assert (record["tier_since"], record["tier_since_approx"], record["since_approx"]) == ("2011-06", True, False)


def test_a_tie_at_another_tier_or_at_none_ends_the_run(dataset: Dataset) -> None:
    strategic = HistoryEntry(designation="Strategic partnership", tier="strategic", since=D("2005"))
    none = HistoryEntry(designation="Friendly relations", since=D("2010"))
    comprehensive = HistoryEntry(designation="Comprehensive partnership", tier="comprehensive", since=D("2015"))
    assert str(_partner(dataset, (strategic, none)).tier_since) == "2024-02-07"
    assert str(_partner(dataset, (strategic, comprehensive)).tier_since) == "2024-02-07"
    assert str(_partner(dataset, (comprehensive, strategic)).tier_since) == "2005"


def test_as_of_a_past_date_the_run_ends_with_the_tie_then_in_force(dataset: Dataset) -> None:
    japan = resolve_partner(dataset, "japan")
    then = partner_as_of(japan, D("2015"))
    assert then is not None
    assert (then.designation, str(then.since), str(then.tier_since)) == ("Strategic partnership", "2010-11-19",
                                                                         "2010-11-19")
    usa = partner_as_of(resolve_partner(dataset, "usa"), D("2019-01"))
    assert usa is not None
    assert (str(usa.since), usa.since_approx, str(usa.tier_since), usa.tier_since_approx) == (
        "2018-09-20", False, "2011-06-16", True)
    listed = by_id(json_of("list", "--as-of", "2019-01"))["united-states"]
    assert (listed["since"], listed["tier_since"], listed["tier_since_approx"]) == ("2018-09-20", "2011-06-16", True)


# --- list: the filters and the order ---------------------------------------------------

def test_list_since_filters_on_the_tier_date() -> None:
    result = run_cli("list", "--tier", "strategic", "--since", "2020", "--fields", "id")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "japan" not in result.stdout.split()
    assert result.stdout.split() == ["south-korea", "france", "germany", "kazakhstan", "turkiye", "italy"]
    until = run_cli("list", "--tier", "strategic", "--until", "2012", "--fields", "id")
    assert (until.exit_code, until.stdout, until.stderr) == (0, "japan\n", "")


def test_the_python_api_filters_on_the_tier_date_too(dataset: Dataset) -> None:
    assert "japan" not in [p.id for p in select_partners(dataset, tiers=["strategic"], since=2020)]
    assert [p.id for p in select_partners(dataset, tiers=["strategic"], until=2012)] == ["japan"]


def test_list_sorts_by_the_tier_date() -> None:
    result = run_cli("list", "--tier", "strategic", "--sort", "date", "--format", "csv", "--fields", "id,tier_since")
    assert (result.exit_code, result.stderr) == (0, "")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0] == {"id": "japan", "tier_since": "2010-11-19"}
    assert [row["tier_since"] for row in rows] == sorted(row["tier_since"] for row in rows)


def test_the_help_of_since_and_until_says_which_date_each_command_compares() -> None:
    def options(command: str) -> str:
        result = run_cli(command, "--help", env={"COLUMNS": "200"})
        assert (result.exit_code, result.stderr) == (0, "")
        return " ".join(result.stdout.replace("│", " ").split())  # wrapped lines of the options' box, joined

    listing = options("list")
    assert "Compared with the date the partner reached its current tier (tier_since)" in listing
    assert "current designation began" not in listing
    timeline = options("timeline")
    assert "Compared with the event's date" in timeline and "tier_since" not in timeline
    assert "an event's date, and the date a partner reached its current tier" in options("search")
    # --tier says which tier: a partner's now, or the one held on an event's date.
    assert "Only events naming a partner that held this tier on the event's date" in timeline
    assert "Only occasions of a tie at this tier, and events naming a partner that held it on the event's date" \
        in options("people")
    assert "Only partners at this tier now, and events naming a partner that held it on the event's date" \
        in options("search")


# --- JSON and the flat formats ----------------------------------------------------------

@pytest.mark.parametrize("args", [["list"], ["show", "japan"], ["compare", "japan", "usa"]])
def test_json_has_tier_since_beside_since(args: list[str]) -> None:
    payload = json_of(*args)
    partners = payload["partners"] if isinstance(payload, dict) and "partners" in payload else payload
    japan = partners if isinstance(partners, dict) else by_id(partners)["japan"]
    keys = list(japan)
    assert keys[keys.index("since_approx") + 1:keys.index("since_approx") + 3] == ["tier_since", "tier_since_approx"]
    assert (japan["tier_since"], japan["tier_since_approx"], japan["since"]) == ("2010-11-19", False, "2022-11-29")


def test_an_other_relation_has_no_tier_date() -> None:
    uk = by_id(json_of("list", "--all"))["united-kingdom"]
    assert (uk["tier_since"], uk["tier_since_approx"], uk["since"]) == (None, False, None)


def test_csv_has_both_dates_as_fields_and_marks_an_in_force_by_one() -> None:
    result = run_cli("list", "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    japan = next(row for row in csv.DictReader(io.StringIO(result.stdout)) if row["id"] == "japan")
    assert (japan["tier_since"], japan["since"]) == ("2010-11-19", "2022-11-29")
    dated = run_cli("list", "--as-of", "2019-01", "--format", "tsv", "--fields", "id,tier_since,since")
    assert (dated.exit_code, dated.stderr) == (0, "")
    assert "united-states\tby 2011-06-16\t2018-09-20\n" in dated.stdout


def test_markdown_labels_the_tier_date_since() -> None:
    result = run_cli("list", "--tier", "strategic", "--until", "2012", "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[:5] == [
        "Mongolia's third neighbors, dated up to 2012-12-31",
        "",
        "| Partner | ISO 2 | ISO 3 | Tier | Since | Designation | Designation since |",
        "|---|---|---|---|---|---|---|",
        "| Japan | JP | JPN | Strategic partnership | 2010-11-19 | Special Strategic Partnership for Peace and "
        "Prosperity | 2022-11-29 |",
    ]


# --- tables -----------------------------------------------------------------------------

def _table(*args: str) -> str:
    result = run_cli(*args, "--format", "table", env=TABLE)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def test_the_list_table_shows_the_tier_date_and_a_newer_designation_s() -> None:
    rows = [line for line in _table("list", "--tier", "strategic").splitlines() if line.startswith("│")]
    assert "│ Japan " in rows[0] and "│ 2010-11-19 │" in rows[0]
    japan_cells = " ".join(row.split("│")[4].strip() for row in rows[:3])
    assert japan_cells == "Special Strategic Partnership for Peace and Prosperity (since 2022-11-29)"
    india = next(row for row in rows if "│ India " in row)
    assert "│ 2015-05-17 │" in india and "(since" not in india


def test_the_list_table_when_narrow_keeps_both_dates() -> None:
    result = run_cli("list", "--tier", "strategic", "--format", "table", env={"COLUMNS": "60", "LINES": "40"})
    assert (result.exit_code, result.stderr) == (0, "")
    text = " ".join(result.stdout.split())
    assert "Special Strategic Partnership for Peace and Prosperity (since 2022-11-29) · since 2010-11-19" in text


def test_the_tiers_tree_dates_the_tier_and_names_the_designation_s_date() -> None:
    text = _table("tiers")
    assert "2010-11-19  Japan (this designation since 2022-11-29)" in text
    assert "2015-05-17  India" in text and "India (this designation" not in text


def test_compare_shows_since_and_designation_since() -> None:
    rows = [line for line in _table("compare", "japan", "usa").splitlines() if line.startswith("│")]
    since = next(row for row in rows if row.split("│")[1].strip() == "Since")
    designation_since = next(row for row in rows if row.split("│")[1].strip() == "Designation since")
    assert "2010-11-19" in since and "2019-07-31" in since
    assert "2022-11-29" in designation_since
    plain = run_cli("compare", "japan", "usa", "--fields", "tier_since,since")
    assert (plain.exit_code, plain.stderr) == (0, "")
    assert plain.stdout.splitlines() == ["tier_since\tfalse\t2010-11-19\t2019-07-31",
                                         "since\tfalse\t2022-11-29\t2019-07-31"]


def test_show_dates_the_tier_and_a_newer_designation() -> None:
    text = _table("show", "japan")
    assert "│ Since              2010-11-19" in text and "│ Designation since  2022-11-29" in text
    assert "Designation since" not in _table("show", "india")



# --- tiers at the time: events are of the tier their partners held on their date -------

def _lines(*args: str) -> list[str]:
    result = run_cli(*args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout.splitlines()


def test_timeline_tier_is_the_tier_held_on_the_event_s_date() -> None:
    lines = _lines("timeline", "--tier", "strategic", "--until", "2010", "--fields", "date,title")
    assert not any("Turkey" in line for line in lines)  # comprehensive in 2004; strategic only since 2025
    assert "2010-11-19\tJapan and Mongolia form a strategic partnership (Kan–Elbegdorj joint statement)" in lines
    assert "2004\tMongolia and Turkey form a comprehensive partnership" in _lines(
        "timeline", "--tier", "comprehensive", "--until", "2010", "--fields", "date,title")


def test_us_events_of_2017_and_2018_are_comprehensive_not_strategic() -> None:
    window = ("--country", "usa", "--since", "2017", "--until", "2018", "--fields", "date")
    assert _lines("timeline", "--tier", "strategic", *window) == []
    assert _lines("timeline", "--tier", "comprehensive", *window) == ["2017-12", "2018-07-26", "2018-09-20"]


def test_every_tier_filter_agrees_with_tier_at_for_every_event(dataset: Dataset) -> None:
    from thirdneighbor.query.select import select_events

    partners = {partner.id: partner for partner in dataset.all_partners}
    for tier in dataset.tiers:
        kept = select_events(dataset, tiers=[tier.id])
        for event in dataset.all_events:
            held = any(tier_at(partners[pid], event.date) == tier.id for pid in event.partners)
            assert (event in kept) == held, (tier.id, str(event.date), event.title)


def test_timeline_chart_counts_each_event_under_the_closest_tier_held_then(dataset: Dataset) -> None:
    counts = {row["year"]: row for row in json_of("timeline", "--chart", "--since", "2017", "--until", "2019")}
    assert (counts[2017]["strategic"], counts[2017]["comprehensive"]) == (0, 1)
    assert (counts[2018]["strategic"], counts[2018]["comprehensive"]) == (0, 2)
    # 2019: the US in April (comprehensive), the US in July (strategic), Russia in September.
    assert (counts[2019]["comprehensive-strategic"], counts[2019]["strategic"], counts[2019]["comprehensive"]) == (
        1, 1, 1)
    # Macron's 2023 visit came before France held any tier: it counts under "none".
    assert counts_of_2023() == {"strategic": 3, "comprehensive": 1, "none": 1}


def counts_of_2023() -> dict[str, int]:
    [row] = json_of("timeline", "--chart", "--since", "2023", "--until", "2023")
    return {key: value for key, value in row.items() if key not in ("year", "events") and value}


def test_the_chart_and_its_glyphs_follow_the_tier_then() -> None:
    result = run_cli("timeline", "--chart", "--since", "2017", "--until", "2019", "--format", "table", env=TABLE)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "2017  ▒□ 2" in result.stdout and "2018  ▒▒ 2" in result.stdout and "2019  ◆█▒ 3" in result.stdout
    assert "□ no partner at a tier then" in result.stdout


def test_search_tier_keeps_events_by_the_tier_then() -> None:
    comprehensive = _lines("search", "turkey", "--tier", "comprehensive", "--fields", "kind,date")
    assert "event\t2004" in comprehensive
    strategic = _lines("search", "turkey", "--tier", "strategic", "--fields", "kind,date")
    assert "event\t2004" not in strategic and "partner\t2025-01-16" in strategic  # the partner is strategic now


def test_people_tier_keeps_the_occasions_and_events_of_that_tier_then() -> None:
    assert _lines("people", "trump", "--fields", "date,kind") == ["2017-12\tevent", "2019-07-31\tevent",
                                                                 "2019-07-31\toccasion"]
    assert _lines("people", "trump", "--tier", "strategic", "--fields", "date,kind") == ["2019-07-31\tevent",
                                                                                       "2019-07-31\toccasion"]
    strategic = _lines("people", "--tier", "strategic", "--fields", "id,events")
    assert "donald-trump\t1" in strategic
    assert not any(line.startswith("ted-yoho\t") for line in strategic)  # the 2018 Trade Act: comprehensive then
    assert "ted-yoho\t2" in _lines("people", "--tier", "comprehensive", "--fields", "id,events")


def test_people_tier_says_when_nothing_is_left_and_refuses_an_unknown_tier() -> None:
    result = run_cli("people", "trump", "--tier", "expanded")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "thirdneighbor: no occasion or event at expanded names Donald Trump\n"
    unknown = run_cli("people", "--tier", "allied")
    assert (unknown.exit_code, unknown.stdout) == (2, "")
    assert unknown.stderr.startswith("thirdneighbor: unknown tier 'allied'; valid tiers: ")


def test_the_python_api_and_the_mentions_carry_the_tier_then(dataset: Dataset) -> None:
    from thirdneighbor.query.people import at_tiers, mentions
    from thirdneighbor.query.select import select_events

    # 2011-02-10 names Japan too, strategic since 2010; the other US events before July 2019 are comprehensive.
    assert [str(e.date) for e in select_events(dataset, partner_ids=["united-states"], tiers=["strategic"],
                                               until=2019)] == ["2011-02-10", "2019-07-31"]
    trump = mentions(dataset)["donald-trump"]
    assert [(m.date, m.kind, m.tier) for m in trump] == [("2017-12", "event", None), ("2019-07-31", "event", None),
                                                         ("2019-07-31", "occasion", "strategic")]
    assert at_tiers(dataset, trump, {"comprehensive"}) == trump[:1]  # the US was comprehensive in 2017
    assert at_tiers(dataset, trump, {"strategic"}) == trump[1:]
