"""The first half of validation: each table's keys and value types.

Which keys a table may have, which it must have and what type each holds all
come from the record classes (thirdneighbor.data.model.record_fields). A _Collector
gathers every problem instead of stopping at the first, each located by record
("partners[3] (south-korea)") and field; thirdneighbor.data.validate builds the
records, and thirdneighbor.data.validate_records checks them against each other.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import RECORD_CLASSES
from .partialdate import PartialDate, PartialDateError
from .record import FieldInfo, record_fields


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a dataset, located by record and field."""

    record: str
    message: str

    def __str__(self) -> str:
        return f"{self.record}: {self.message}" if self.record else self.message


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError(f"must be a string, not {_type_name(value)}")
    if not value or value.isspace():
        raise ValueError("must not be empty")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        raise TypeError(f"must be an array of strings, not {_type_name(value)}")
    for index, item in enumerate(value):
        if type(item) is not str or not item or item.isspace():
            raise TypeError(f"item {index} must be a non-empty string, not {item!r}")
    return tuple(value)


def _integer(value: Any) -> int:
    if type(value) is not int:
        raise TypeError(f"must be an integer, not {_type_name(value)}")
    return value


def _boolean(value: Any) -> bool:
    if type(value) is not bool:
        raise TypeError(f"must be true or false, not {_type_name(value)}")
    return value


def _date(value: Any) -> PartialDate:
    if type(value) is str:
        return PartialDate.parse(value)
    # A bare TOML date (as_of = 2026-11-28) is accepted as a full-precision date.
    if type(value) is datetime.date:
        return PartialDate(value.year, value.month, value.day)
    raise TypeError(f"must be a date string (YYYY, YYYY-MM or YYYY-MM-DD), not {_type_name(value)}")


def _tables(value: Any) -> list[Any]:
    # Each item is checked as a table by the caller, which names it by index.
    if type(value) is not list:
        raise TypeError(f"must be an array of tables, not {_type_name(value)}")
    return value


def _table(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise TypeError(f"must be a table, not {_type_name(value)}")
    return value


def _type_name(value: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a float", bool: "a boolean",
             list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "text": _text, "texts": _texts, "int": _integer, "bool": _boolean, "date": _date,
    "table": _table, "tables": _tables,
}


class Spec:
    """The keys one record class accepts in a file, from its declared fields."""

    def __init__(self, cls: type) -> None:
        infos = record_fields(cls)
        self.keys: dict[str, FieldInfo] = {info.key: info for info in infos}
        self.keys.update({info.alias: info for info in infos if info.alias})
        self.known = ", ".join(info.key for info in infos)
        self.required = tuple(info for info in infos if info.required)


SPECS = {cls: Spec(cls) for cls in RECORD_CLASSES}

Label = Callable[[], str]
# A record's id: lower-case letters and digits, in words joined by "-".
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.old_keys: set[str] = set()  # deprecated keys seen, for one notice

    def add(self, label: Label, message: str) -> None:
        self.problems.append(Problem(label(), message))

    def fields(self, raw: Any, label: Label, cls: type) -> dict[str, Any] | None:
        """Check one table against its class. Returns the converted fields by
        attribute name, or None if any was bad."""
        before = len(self.problems)
        converted = self.convertible_fields(raw, label, cls)
        return converted if len(self.problems) == before else None

    def convertible_fields(self, raw: Any, label: Label, cls: type) -> dict[str, Any]:
        """Like `fields`, but returns whatever did convert, problems or not."""
        if type(raw) is not dict:
            self.add(label, f"must be a table, not {_type_name(raw)}")
            return {}
        spec = SPECS[cls]
        converted: dict[str, Any] = {}
        for key, value in raw.items():
            info = spec.keys.get(key)
            if info is None:
                self.add(label, f"unknown field {key!r} (known: {spec.known})")
                continue
            if key != info.key:
                self.old_keys.add(key)
                if info.key in raw:
                    self.add(label, f"gives both {info.key!r} and its old name {key!r}; keep {info.key!r}")
                    continue
            try:
                converted[info.name] = CONVERTERS[info.kind](value)
            except (TypeError, ValueError, PartialDateError) as error:
                self.add(label, f"field {key!r} {_phrase(error)}")
        for info in spec.required:
            if info.name not in converted and info.key not in raw and info.alias not in raw:
                self.add(label, f"missing required field {info.key!r}")
        return converted


def unknown_tier(tier: str, tier_ids: set[str]) -> str:
    """The problem of a tier no [[tiers]] record declares, naming those that are."""
    return f"unknown tier {tier!r} (tiers: {', '.join(sorted(tier_ids))})"


def check_id(check: _Collector, label: Label, record_id: str, seen_ids: set[str], noun: str, example: str) -> None:
    """An id is a slug, and unique among its kind; `seen_ids` gathers them."""
    if not _ID.fullmatch(record_id):
        check.add(label, f"field 'id' must be lower-case words joined by '-', e.g. {example}")
    if record_id in seen_ids:
        check.add(label, f"duplicate {noun} id {record_id!r}")
    seen_ids.add(record_id)


def _phrase(error: Exception) -> str:
    text = str(error)
    return text if text.startswith(("must", "item")) else f"is invalid: {text}"


def _label(kind: str, index: int, raw: Any, key: str) -> Label:
    # A partial, not a closure: every record gets a label, and a problem reads few
    # (162,009 on 10,000 partners; a partial is made in about 60% of the time).
    return functools.partial(_label_text, kind, index, raw, key)


def _label_text(kind: str, index: int, raw: Any, key: str) -> str:
    name = raw.get(key) if type(raw) is dict else None
    return f"{kind}[{index}] ({name})" if type(name) is str and name else f"{kind}[{index}]"


def _fixed(text: str) -> Label:
    return lambda: text


def _fixed_after(prefix: Label, suffix: str) -> Label:
    return functools.partial(_joined, prefix, suffix)


def _joined(prefix: Label, suffix: str) -> str:
    return prefix() + suffix
