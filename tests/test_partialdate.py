"""PartialDate: parsing, validity, ordering and printing at the precision given."""

from __future__ import annotations

import pytest

from thirdneighbor.data.partialdate import PartialDate, PartialDateError


@pytest.mark.parametrize("text", ["2019", "2019-07", "2019-07-31", "2024-02-29", "0001"])
def test_prints_exactly_as_given(text: str) -> None:
    assert str(PartialDate.parse(text)) == text


@pytest.mark.parametrize(
    ("text", "precision"), [("2007", "year"), ("2004-10", "month"), ("2021-09-10", "day")]
)
def test_precision(text: str, precision: str) -> None:
    assert PartialDate.parse(text).precision == precision


def test_less_precise_sorts_before_more_precise() -> None:
    dates = [PartialDate.parse(t) for t in ["2019-08", "2019-07-31", "2019", "2019-07", "2018-12-31"]]
    assert [str(d) for d in sorted(dates)] == ["2018-12-31", "2019", "2019-07", "2019-07-31", "2019-08"]


def test_order_is_total_and_consistent_with_equality() -> None:
    assert PartialDate.parse("2019") < PartialDate.parse("2019-01")
    assert PartialDate.parse("2019-01") < PartialDate.parse("2019-01-01")
    assert PartialDate.parse("2019-07") == PartialDate(2019, 7)
    assert PartialDate.parse("2019") != PartialDate.parse("2019-01")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-13", "month 13"),
        ("2019-00", "month 00"),
        ("2019-07-00", "day 00"),
        ("2019-02-30", "day 30 does not exist in 2019-02"),
        ("2023-02-29", "day 29 does not exist"),
        ("2019-04-31", "day 31"),
        ("19", "not a date"),
        ("2019/07/31", "not a date"),
        ("2019-7-31", "not a date"),
        (" 2019", "not a date"),
        ("2019-07-31T00:00", "not a date"),
        ("0000", "year 0"),
        ("", "not a date"),
        ("２０１９", "not a date"),
    ],
)
def test_rejects_impossible_or_malformed(text: str, message: str) -> None:
    with pytest.raises(PartialDateError, match=message):
        PartialDate.parse(text)


def test_rejects_non_strings() -> None:
    with pytest.raises(PartialDateError, match="expected a date string"):
        PartialDate.parse(2019)  # type: ignore[arg-type]


def test_day_without_month_is_impossible() -> None:
    with pytest.raises(PartialDateError, match="a day needs a month"):
        PartialDate(2019, 0, 5)


def test_is_immutable() -> None:
    date = PartialDate.parse("2019")
    with pytest.raises(AttributeError):
        date.year = 2020  # type: ignore[misc]
