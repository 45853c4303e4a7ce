"""People: records in the data, references by id, and the `people` command."""

from __future__ import annotations

import json
import re
from typing import Any

from thirdneighbor.data.load import load_dataset
from thirdneighbor.errors import DatasetError
from thirdneighbor.data.model import Dataset

from .conftest import downgraded, run_cli


def ok(*args: str) -> str:
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_people_lists_everyone_with_role_and_counts(dataset: Dataset) -> None:
    people = {row["id"]: row for row in json.loads(ok("people", "--json"))}
    assert len(people) == len(dataset.all_people) > 30
    khurelsukh = people["ukhnaagiin-khurelsukh"]
    assert (khurelsukh["name"], khurelsukh["name_mn"]) == ("Ukhnaagiin Khürelsükh", "Ухнаагийн Хүрэлсүх")
    assert khurelsukh["occasions"] >= 9 and khurelsukh["events"] >= 6
    assert all(row["occasions"] + row["events"] > 0 for row in people.values())  # nobody is listed for nothing


def test_people_khurelsukh_lists_his_occasions_and_events_oldest_first() -> None:
    detail = json.loads(ok("people", "khurelsukh", "--json"))
    assert detail["id"] == "ukhnaagiin-khurelsukh"
    occasions = {(m["date"], m["partners"][0]) for m in detail["mentions"] if m["kind"] == "occasion"}
    assert {("2022-11-29", "japan"), ("2021-09-10", "south-korea"), ("2025-01-16", "turkiye"),
            ("2018-09-20", "united-states")} <= occasions
    # He hosted these state visits, and their records name him beside the visitor.
    assert {("2024-02-07", "germany"), ("2024-09-30", "vietnam"), ("2025-06-24", "uzbekistan")} <= occasions
    assert any(m["kind"] == "event" and m["date"] == "2025-12-02" for m in detail["mentions"])
    dates = [m["date"] for m in detail["mentions"]]
    assert dates == sorted(dates)


def test_names_match_as_countries_do() -> None:
    for query in ("Хүрэлсүх", "Ухнаагийн Хүрэлсүх", "KHÜRELSÜKH", "ukhnaagiin-khurelsukh", "Khurel"):
        assert json.loads(ok("people", query, "--json"))["id"] == "ukhnaagiin-khurelsukh", query
    assert json.loads(ok("people", "koehler", "--json"))["id"] == "horst-kohler"  # a sourced spelling


def test_an_unknown_or_ambiguous_name_exits_1() -> None:
    unknown = run_cli("people", "Khurelsuk Ukna")
    assert (unknown.exit_code, unknown.stdout) == (1, "")
    assert unknown.stderr.startswith("thirdneighbor: no person matches 'Khurelsuk Ukna'; did you mean: ")
    assert "Ukhnaagiin Khürelsükh" in unknown.stderr
    several = run_cli("people", "bat")
    assert several.exit_code == 1 and "matches several people" in several.stderr


def test_the_terminal_view_shows_role_and_mentions() -> None:
    text = ok("people", "macron", "--format", "table")
    assert "Emmanuel Macron" in text and "Role: President of France" in text
    assert "2023-05-21" in text and "Sources" in text


def test_leaders_are_ids_in_json_and_names_on_a_card() -> None:
    japan = json.loads(ok("show", "japan", "--json"))
    assert japan["leaders"] == ["ukhnaagiin-khurelsukh", "fumio-kishida"]
    assert "Ukhnaagiin Khürelsükh; Fumio Kishida" in " ".join(ok("show", "japan", "--format", "table").split())


def test_every_person_has_sources_and_only_cyrillic_mongolian_names(dataset: Dataset) -> None:
    for person in dataset.all_people:
        assert person.sources, person.id
        if person.name_mn:
            assert re.fullmatch(r"[А-Яа-яЁёӨөҮү\- ]+", person.name_mn), person.id


def _problems(path: Any) -> list[str]:
    try:
        load_dataset(path)
    except DatasetError as error:
        return [str(problem) for problem in error.problems]
    return []


def _raw(document: dict[str, Any], key: str, record_id: str) -> dict[str, Any]:
    return next(record for record in document[key] if record.get("id") == record_id)


def test_validate_checks_every_reference_to_a_person(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        _raw(document, "partners", "japan")["leaders"] = ["ukhnaagiin-khurelsukh", "Kishida"]
        document["events"][1]["people"] = ["james-bond"]
        _raw(document, "partners", "germany")["history"][0]["people"] = ["nobody", "no-one"]
    problems = _problems(write_dataset(change))
    assert "partners[1] (japan): field 'leaders' names unknown person 'Kishida'" in problems
    assert any(p.startswith("events[1]") and p.endswith("names unknown person 'james-bond'") for p in problems)
    assert "partners[2] (germany) history[0]: names unknown people 'nobody', 'no-one'" in problems


def test_two_people_may_not_share_a_name(write_dataset: Any) -> None:
    path = write_dataset(lambda d: _raw(d, "people", "fumio-kishida")["variants"].append("Kan"))
    assert _problems(path) == ["people[30] (naoto-kan): name 'Kan' is also a name of person 'fumio-kishida'"]


def test_a_file_without_people_records_keeps_leaders_as_names(write_dataset: Any) -> None:
    def change(document: dict[str, Any]) -> None:
        downgraded(document, 2)
        document.pop("people")
        for partner in document["partners"]:
            partner["leaders"] = [leader.replace("-", " ").title() for leader in partner.get("leaders", [])]
            for entry in partner.get("history", []):
                entry.pop("people", None)
        for event in document["events"]:
            event.pop("people", None)
    path = str(write_dataset(change))
    assert "Fumio Kishida" in ok("show", "japan", "--format", "table", "--data", path)
    result = run_cli("people", "--json", "--data", path)
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert result.stderr == "thirdneighbor: this dataset lists no people (it has no [[people]] records)\n"


def test_an_empty_name_is_a_usage_error_and_a_file_without_people_says_so(write_dataset: Any) -> None:
    empty = run_cli("people", "...")
    assert (empty.exit_code, empty.stdout) == (2, "")
    assert "give a name, a part of one (three letters or more), or an id" in empty.stderr
    path = str(write_dataset(lambda d: [d.pop("people"), [p.pop("leaders", None) for p in d["partners"]],
                                        [e.pop("people", None) for e in d["events"]],
                                        [h.pop("people", None) for p in d["partners"] for h in p.get("history", [])]]))
    result = run_cli("people", "khurelsukh", "--data", path)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("thirdneighbor: no person matches 'khurelsukh'; this dataset lists no people "
                             "(it has no [[people]] records)\n")
