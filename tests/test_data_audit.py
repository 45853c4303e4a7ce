"""The third pass of the second audit (issue 20, point 4): both sides named on
every visit, so that a person's page finds each occasion they took part in.

The evidence for each is in docs/sources-audit.md, rows 10 and 42-44.
"""

from __future__ import annotations

import json

import pytest

from thirdneighbor.model import Dataset

from .conftest import run_cli


def people_json(query: str) -> dict:
    result = run_cli("people", query, "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def event_mentions(person: dict) -> set[tuple[str, str]]:
    """(date, first partner) of each event that names the person."""
    return {(mention["date"], mention["partners"][0])
            for mention in person["mentions"] if mention["kind"] == "event"}


def test_people_khurelsukh_finds_the_state_visits_he_hosted() -> None:
    khurelsukh = people_json("khurelsukh")
    assert khurelsukh["id"] == "ukhnaagiin-khurelsukh"
    hosted = {("2024-02-07", "germany"), ("2024-09-30", "vietnam"), ("2025-06-24", "uzbekistan"),
              ("2023-05-21", "france")}
    assert hosted <= event_mentions(khurelsukh)


@pytest.mark.parametrize(("date", "partner", "both"), [
    ("2009-08-25", "russia", {"dmitry-medvedev", "tsakhiagiin-elbegdorj"}),
    ("2011", "south-korea", {"lee-myung-bak", "tsakhiagiin-elbegdorj"}),
    ("2014-08-21", "china", {"xi-jinping", "tsakhiagiin-elbegdorj"}),
    ("2023-05-21", "france", {"emmanuel-macron", "ukhnaagiin-khurelsukh"}),
    ("2024-02-07", "germany", {"frank-walter-steinmeier", "ukhnaagiin-khurelsukh"}),
    ("2024-09-30", "vietnam", {"to-lam", "ukhnaagiin-khurelsukh"}),
    ("2025-06-24", "uzbekistan", {"shavkat-mirziyoyev", "ukhnaagiin-khurelsukh"}),
    ("2025-07-21", "kyrgyzstan", {"sadyr-japarov", "ukhnaagiin-khurelsukh"}),
    ("2025-12-02", "italy", {"sergio-mattarella", "ukhnaagiin-khurelsukh"}),
])
def test_a_visit_names_both_heads_of_state(dataset: Dataset, date: str, partner: str, both: set[str]) -> None:
    [event] = [event for event in dataset.all_events if str(event.date) == date and partner in event.partners]
    assert both <= set(event.people)


@pytest.mark.parametrize(("partner", "since", "both"), [
    ("russia", "2009-08-25", {"dmitry-medvedev", "tsakhiagiin-elbegdorj"}),
    ("south-korea", "2011", {"lee-myung-bak", "tsakhiagiin-elbegdorj"}),
    ("china", "2003", {"hu-jintao", "natsagiin-bagabandi"}),
])
def test_an_earlier_tier_names_both_heads_of_state(dataset: Dataset, partner: str, since: str,
                                                   both: set[str]) -> None:
    [record] = [record for record in dataset.all_partners if record.id == partner]
    [entry] = [entry for entry in record.history if str(entry.since) == since]
    assert both <= set(entry.people)
