"""The Python API takes the types its docstrings name, and for anything else
raises TypeError, ValueError or LookupError with a message: never an
AttributeError from deep inside, nor a wrong type taken in silence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import thirdneighbor
from thirdneighbor.data.model import Dataset
from thirdneighbor.data.partialdate import PartialDate

from .conftest import BUNDLED

ALLOWED = (TypeError, ValueError, LookupError)

WRONG_TYPES = {
    "float": 2020.0,
    "bytes": b"2020",
    "list of int": [2020],
    "dict": {"year": 2020},
    "object": object(),
    "complex": 1j,
}

# What a caller might pass by mistake, and what the docstrings name, mixed.
anything = st.one_of(
    st.none(), st.booleans(), st.floats(allow_nan=True), st.binary(max_size=8),
    st.integers(-10**40, 10**40), st.integers(1, 9999),
    st.text(max_size=12), st.sampled_from(["2020", "2020-05", "2020-05-17", "2020-13", "japan", "strategic", "", " "]),
    st.lists(st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.just(object()), st.just(PartialDate(2019, 7)), st.just(Path("nowhere.toml")),
)


@pytest.fixture(scope="module")
def data() -> Dataset:
    return thirdneighbor.load(BUNDLED)


def _calls(data: Dataset) -> dict[str, Any]:
    return {
        "partners": lambda a, b, c, d: data.partners(tier=a, neighbors=b, as_of=c, other=d),
        "partner": lambda a, b, c, d: data.partner(a),
        "events": lambda a, b, c, d: data.events(country=a, since=b, until=c),
        "search": lambda a, b, c, d: data.search(a, b),
        "changes": lambda a, b, c, d: data.changes(a, b, neighbors=c),
        "series": lambda a, b, c, d: data.series(a, b, neighbors=c),
        "load": lambda a, b, c, d: thirdneighbor.load(a),
    }


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["partners", "partner", "events", "search", "changes", "series", "load"]),
       a=anything, b=anything, c=anything, d=anything)
def test_any_arguments_raise_only_type_value_or_lookup_errors(data: Dataset, name: str, a: Any, b: Any, c: Any,
                                                             d: Any) -> None:
    if name == "load" and (a == "-" or isinstance(a, str) and Path(a).exists()):
        return  # stdin, or a real file or folder of the working directory: not what this test is about
    try:
        _calls(data)[name](a, b, c, d)
    except ALLOWED as error:
        assert str(error), f"{type(error).__name__} without a message"


# One argument of a wrong type, the others valid: a TypeError that names it.
WRONG_ARGUMENT_CALLS = {
    "partners(tier)": (lambda data, bad: data.partners(tier=bad), "tier"),
    "partners(neighbors)": (lambda data, bad: data.partners(neighbors=bad), "neighbors"),
    "partners(as_of)": (lambda data, bad: data.partners(as_of=bad), "as_of"),
    "partners(other)": (lambda data, bad: data.partners(other=bad), "other"),
    "partner(name)": (lambda data, bad: data.partner(bad), "name"),
    "events(country)": (lambda data, bad: data.events(country=bad), "country"),
    "events(since)": (lambda data, bad: data.events(since=bad), "since"),
    "events(until)": (lambda data, bad: data.events(until=bad), "until"),
    "search(word)": (lambda data, bad: data.search("japan", bad), "word 2"),
    "changes(start)": (lambda data, bad: data.changes(bad, "2025"), "start"),
    "changes(end)": (lambda data, bad: data.changes("2020", bad), "end"),
    "changes(neighbors)": (lambda data, bad: data.changes("2020", "2025", neighbors=bad), "neighbors"),
    "series(first)": (lambda data, bad: data.series(bad), "first"),
    "series(last)": (lambda data, bad: data.series(2000, bad), "last"),
    "series(neighbors)": (lambda data, bad: data.series(neighbors=bad), "neighbors"),
    "load(path)": (lambda data, bad: thirdneighbor.load(bad), "path"),
}


@pytest.mark.parametrize("bad", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
@pytest.mark.parametrize("call", WRONG_ARGUMENT_CALLS.values(), ids=WRONG_ARGUMENT_CALLS.keys())
def test_a_wrong_type_is_a_type_error_naming_the_argument(data: Dataset, call: tuple[Any, str], bad: Any) -> None:
    function, argument = call
    if argument == "tier" and isinstance(bad, dict):
        bad = {2020: "x"}  # a dict is no list of tiers: its keys must be str too
    with pytest.raises(TypeError, match=f"^{argument} must "):
        function(data, bad)


def test_the_defects_of_issue_24_are_gone(data: Dataset) -> None:
    # Each raised AttributeError ('int' object has no attribute 'day') or TypeError before.
    assert [p.id for p in data.partners(as_of=2020)] == [p.id for p in data.partners(as_of="2020")]
    assert data.changes(2020, 2025) == data.changes("2020", "2025")
    assert data.series("2020", "2021") == data.series(2020, 2021)
    with pytest.raises(TypeError, match="^name must be a str, not None$"):
        data.partner(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^neighbors must be True or False, not int$"):
        data.partners(neighbors=1)  # type: ignore[arg-type]
    # A bool is an int to Python, but no year.
    with pytest.raises(TypeError, match="^as_of must be a PartialDate, a str such as '2020' or '2020-05', or an int "
                                        "year, not bool$"):
        data.partners(as_of=True)  # type: ignore[arg-type]


@pytest.mark.parametrize("date", [PartialDate(2015), "2015", 2015], ids=["PartialDate", "str", "int"])
def test_every_documented_date_type_gives_the_same_answer(data: Dataset, date: Any) -> None:
    assert [p.id for p in data.partners(as_of=date)] == [p.id for p in data.partners(as_of=PartialDate(2015))]
    assert data.events(since=date, until=date) == data.events(since="2015", until="2015")
    assert data.changes(date, "2020") == data.changes(PartialDate(2015), PartialDate(2020))
    assert data.series(date, date) == data.series(2015, 2015)


def test_months_and_days_are_dates_too(data: Dataset) -> None:
    assert data.events(since="2019-07", until=PartialDate(2019, 7, 31)) == data.events(since="2019-07-01",
                                                                                       until="2019-07-31")
    assert data.partners(as_of="2019-07-30") != data.partners(as_of="2019-07-31")  # the US tie began on the 31st


def test_a_series_year_is_a_year(data: Dataset) -> None:
    with pytest.raises(ValueError, match="^first must be a year, such as 2020 or '2020', not '2020-05'$"):
        data.series("2020-05")


@pytest.mark.parametrize(("value", "message"), [
    ("2020-13", "as_of: month 13 is not between 01 and 12"),
    ("July 2020", "as_of: 'July 2020' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    (0, "as_of: year 0 is out of range 1-9999"),
    (10**30, "as_of: year 1000000000000000000000000000000 is out of range 1-9999"),
])
def test_an_impossible_date_is_a_value_error_naming_the_argument(data: Dataset, value: Any, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        data.partners(as_of=value)
    assert str(caught.value) == message


@pytest.mark.parametrize("tier", ["strategic", ["strategic"], ("strategic",), {"strategic"}, iter(["strategic"])],
                         ids=["str", "list", "tuple", "set", "iterator"])
def test_a_tier_is_a_str_or_an_iterable_of_str(data: Dataset, tier: Any) -> None:
    chosen = data.partners(tier=tier)
    assert {p.id for p in chosen} == {p.id for p in data.all_partners if p.tier == "strategic" and not p.neighbor}
    assert chosen[:3] == data.partners(tier="Strategic partnership")[:3] and len(chosen) > 3


def test_an_empty_country_is_not_found_rather_than_ignored(data: Dataset) -> None:
    # Before, country="" was taken for no country at all, and gave every event.
    with pytest.raises(LookupError, match="^no partner matches ''$"):
        data.events(country="")


def test_a_path_is_a_str_or_a_path_like(tmp_path: Path) -> None:
    assert thirdneighbor.load(str(BUNDLED)) == thirdneighbor.load(BUNDLED) == thirdneighbor.load()
    with pytest.raises(ValueError, match="no such file"):  # a DatasetError, which is a ValueError
        thirdneighbor.load(tmp_path / "missing.toml")


def test_a_window_from_the_first_day_of_year_1_is_a_value_error(data: Dataset) -> None:
    # Found by the hypothesis test above: the day before 0001-01-01 overflowed Python's dates.
    with pytest.raises(ValueError, match="no day before 0001-01-01"):
        data.changes(1, None)
    assert "japan" in {change.partner.id for change in data.changes("0001-01-02", 2000).partners}
