"""Turn a parsed TOML document into a Dataset, collecting every problem on the way.

Validation never stops at the first problem: a user editing the dataset sees the
whole list at once, each located by record ("partners[3] (south-korea)") and field.

It also runs on every cold start, over datasets of 10,000 partners, so the common
case (a valid record) takes the shortest path: labels for messages are only
built when there is a problem to report.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .model import Dataset, Event, HistoryEntry, Level, Partner, Policy
from .names import normalize, partner_keys
from .partialdate import PartialDate, PartialDateError
from .partialdate import parse_text as _parse_date

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a dataset, located by record and field."""

    record: str
    message: str

    def __str__(self) -> str:
        return f"{self.record}: {self.message}" if self.record else self.message

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO2 = re.compile(r"[A-Z]{2}")
_ISO3 = re.compile(r"[A-Z]{3}")


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


Converter = Callable[[Any], Any]


class Spec:
    """The fields of one kind of table: name -> (converter, required).

    `quick` converts a valid table in one tight pass and gives up (None) at the
    first doubt; the full check then runs to name every problem. Both accept
    exactly the same tables: the quick path only skips the bookkeeping.
    """

    def __init__(self, fields: dict[str, tuple[Converter, bool]]) -> None:
        self.fields = fields
        self.names = frozenset(fields)
        self.converters = {name: convert for name, (convert, _) in fields.items()}
        self.required_order = tuple(name for name, (_, required) in fields.items() if required)
        self.required = frozenset(self.required_order)
        # For `quick`: the fields grouped by how they are checked.
        self._texts = tuple(name for name, convert in self.converters.items() if convert is _text)
        self._lists = tuple(name for name, convert in self.converters.items() if convert is _texts)
        self._dates = tuple(name for name, convert in self.converters.items() if convert is _date)
        self._others = tuple((name, convert) for name, convert in self.converters.items()
                             if convert not in (_text, _texts, _date))

    def quick(self, raw: Any) -> dict[str, Any] | None:
        if type(raw) is not dict:
            return None
        keys = raw.keys()
        if not (keys <= self.names and keys >= self.required):
            return None
        get = raw.get  # TOML has no null, so None means "absent"
        for name in self._texts:
            value = get(name)
            # The same test as _text: a string with something besides white space.
            if value is not None and (type(value) is not str or not value or value.isspace()):
                return None
        converted = raw.copy()
        for name in self._lists:
            value = get(name)
            if value is None:
                continue
            if type(value) is not list:
                return None
            for item in value:
                if type(item) is not str or not item or item.isspace():
                    return None
            converted[name] = tuple(value)
        for name in self._dates:
            value = get(name)
            if value is None:
                continue
            if type(value) is not str:
                return None
            try:
                converted[name] = _parse_date(value)
            except PartialDateError:
                return None
        for name, convert in self._others:
            value = get(name)
            if value is None:
                continue
            try:
                converted[name] = convert(value)
            except (TypeError, ValueError, PartialDateError):
                return None
        return converted

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.fields)


LEVEL_FIELDS = Spec({
    "id": (_text, True), "name": (_text, True), "rank": (_integer, True),
    "description": (_text, True),
})
POLICY_FIELDS = Spec({
    "name": (_text, True), "summary": (_text, True), "aims": (_texts, False),
    "table_source": (_text, True), "asterisk_note": (_text, False),
    "notes": (_texts, False), "sources": (_texts, False),
})
HISTORY_FIELDS = Spec({
    "designation": (_text, True), "level": (_text, False), "since": (_date, False),
    "in_force_by": (_date, False), "occasion": (_text, False), "note": (_text, False),
})
PARTNER_FIELDS = Spec({
    "id": (_text, True), "name": (_text, True), "official_name": (_text, False),
    "iso2": (_text, True), "iso3": (_text, True), "aliases": (_texts, False),
    "neighbor": (_boolean, True), "level": (_text, True), "designation": (_text, True),
    "asterisk": (_boolean, False), "since": (_date, True), "occasion": (_text, True),
    "instrument": (_text, False), "leaders": (_texts, False), "notes": (_texts, False),
    "sources": (_texts, True), "history": (_tables, False),
})
EVENT_FIELDS = Spec({
    "date": (_date, True), "title": (_text, True), "partners": (_texts, False),
    "notes": (_texts, False), "sources": (_texts, True),
})
TOP_FIELDS = Spec({
    "schema_version": (_integer, True), "as_of": (_date, True), "policy": (_table, True),
    "levels": (_tables, True), "partners": (_tables, True), "events": (_tables, True),
})

Label = Callable[[], str]


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, label: Label, message: str) -> None:
        self.problems.append(Problem(label(), message))

    def fields(self, raw: Any, label: Label, spec: Spec) -> dict[str, Any] | None:
        """Check one table against its spec. Returns the converted fields, or None if any was bad."""
        converted = spec.quick(raw)
        if converted:
            return converted
        before = len(self.problems)
        converted = self.convertible_fields(raw, label, spec)
        return converted if len(self.problems) == before else None

    def convertible_fields(self, raw: Any, label: Label, spec: Spec) -> dict[str, Any]:
        """Like `fields`, but returns whatever did convert, problems or not."""
        if type(raw) is not dict:
            self.add(label, f"must be a table, not {_type_name(raw)}")
            return {}
        converters = spec.converters
        converted: dict[str, Any] = {}
        for key, value in raw.items():
            convert = converters.get(key)
            if convert is None:
                self.add(label, f"unknown field {key!r} (known: {', '.join(spec)})")
                continue
            try:
                converted[key] = convert(value)
            except (TypeError, ValueError, PartialDateError) as error:
                self.add(label, f"field {key!r} {_phrase(error)}")
        if not raw.keys() >= spec.required:
            for key in spec.required_order:
                if key not in raw:
                    self.add(label, f"missing required field {key!r}")
        return converted


def _phrase(error: Exception) -> str:
    text = str(error)
    return text if text.startswith(("must", "item")) else f"is invalid: {text}"


def _label(kind: str, index: int, raw: Any, key: str) -> Label:
    def label() -> str:
        name = raw.get(key) if type(raw) is dict else None
        return f"{kind}[{index}] ({name})" if type(name) is str and name else f"{kind}[{index}]"
    return label


def _fixed(text: str) -> Label:
    return lambda: text


def build_dataset(document: dict[str, Any]) -> tuple[Dataset | None, list[Problem]]:
    """Validate a parsed document. Returns (dataset, []) or (None, problems)."""
    check = _Collector()
    # What did convert at the top is still checked further, so that a bad
    # `levels` array does not hide the problems in `partners`.
    top = check.convertible_fields(document, _fixed(""), TOP_FIELDS)
    if "schema_version" in top and top["schema_version"] != SCHEMA_VERSION:
        check.add(_fixed(""), f"schema_version {top['schema_version']} is not supported (expected {SCHEMA_VERSION})")

    policy = None
    if "policy" in top:
        fields = check.fields(top["policy"], _fixed("policy"), POLICY_FIELDS)
        policy = Policy(**fields) if fields is not None else None

    # Cross-references are checked against every id the file declares, valid record
    # or not, so that one broken partner does not also make its events "unknown".
    # Where a whole array is missing or of the wrong type, references into it go
    # unchecked (None) rather than each being reported as unknown.
    levels = _build_levels(check, top.get("levels", []))
    level_ids = _declared_ids(top["levels"]) if "levels" in top else None
    partners = _build_partners(check, top.get("partners", []), level_ids)
    partner_ids = _declared_ids(top["partners"]) if "partners" in top else None
    events = _build_events(check, top.get("events", []), partner_ids)

    if check.problems or policy is None:
        return None, check.problems
    assert "as_of" in top and "schema_version" in top  # else a problem was reported
    dataset = Dataset(
        schema_version=top["schema_version"], as_of=top["as_of"], policy=policy,
        levels=tuple(sorted(levels, key=lambda level: level.rank)),
        partners=tuple(partners),
        events=tuple(sorted(events, key=lambda event: event.date.key)),
    )
    return dataset, []


def _declared_ids(raw_records: list[Any]) -> set[str]:
    return {raw["id"] for raw in raw_records if type(raw) is dict and type(raw.get("id")) is str}


def _build_levels(check: _Collector, raw_levels: list[Any]) -> list[Level]:
    levels: list[Level] = []
    seen_ids: set[str] = set()
    seen_ranks: dict[int, str] = {}
    for index, raw in enumerate(raw_levels):
        label = _label("levels", index, raw, "id")
        fields = check.fields(raw, label, LEVEL_FIELDS)
        if fields is None:
            continue
        if not _ID.fullmatch(fields["id"]):
            check.add(label, "field 'id' must be lower-case words joined by '-'")
        if fields["id"] in seen_ids:
            check.add(label, f"duplicate level id {fields['id']!r}")
        if fields["rank"] in seen_ranks:
            check.add(label, f"rank {fields['rank']} is also the rank of level {seen_ranks[fields['rank']]!r}")
        seen_ids.add(fields["id"])
        seen_ranks.setdefault(fields["rank"], fields["id"])
        levels.append(Level(**fields))
    return levels


def _build_partners(check: _Collector, raw_partners: list[Any], level_ids: set[str] | None) -> list[Partner]:
    partners: list[Partner] = []
    seen_ids: set[str] = set()
    owner_of_name: dict[str, str] = {}
    quick = PARTNER_FIELDS.quick
    for index, raw in enumerate(raw_partners):
        label = _label("partners", index, raw, "id")
        before = len(check.problems)
        fields = quick(raw) or check.fields(raw, label, PARTNER_FIELDS)
        if fields is None:
            continue
        raw_history = fields.pop("history", None)
        history = tuple(_build_history(check, label, raw_history, level_ids)) if raw_history else ()
        partner_id = fields["id"]
        if not _ID.fullmatch(partner_id):
            check.add(label, "field 'id' must be lower-case words joined by '-', e.g. 'south-korea'")
        if partner_id in seen_ids:
            check.add(label, f"duplicate partner id {partner_id!r}")
        seen_ids.add(partner_id)
        if not _ISO2.fullmatch(fields["iso2"]):
            check.add(label, f"field 'iso2' must be two capital letters, not {fields['iso2']!r}")
        if not _ISO3.fullmatch(fields["iso3"]):
            check.add(label, f"field 'iso3' must be three capital letters, not {fields['iso3']!r}")
        if level_ids is not None and fields["level"] not in level_ids:
            check.add(label, f"unknown level {fields['level']!r} (levels: {', '.join(sorted(level_ids))})")
        if not fields["sources"]:
            check.add(label, "field 'sources' must name at least one source")
        late = [entry for entry in history if entry.start.key > fields["since"].key]
        if late:
            check.add(label, f"an earlier level ({late[0].designation}, {late[0].when}) is dated after "
                             f"'since' ({fields['since']})")
        if len(check.problems) != before:
            continue
        partner = Partner(**fields, history=history)
        # One partner may list the same name twice ("USA" as alias and ISO3); only clashes count.
        # ISO codes are left out: a large dataset of its own may run out of two-letter
        # codes, and a shared code only makes a look-up by it ambiguous (exit 1).
        for name in partner_keys(partner, with_codes=False):
            owner = owner_of_name.setdefault(normalize(name), partner_id)
            if owner != partner_id:
                check.add(label, f"name {name!r} is also a name of partner {owner!r}")
        partners.append(partner)
    return partners


def _build_history(check: _Collector, owner: Label, raw_entries: list[Any],
                   level_ids: set[str] | None) -> list[HistoryEntry]:
    entries: list[HistoryEntry] = []
    quick = HISTORY_FIELDS.quick
    for index, raw in enumerate(raw_entries):
        label = _fixed_after(owner, f" history[{index}]")
        fields = quick(raw) or check.fields(raw, label, HISTORY_FIELDS)
        if fields is None:
            continue
        if "since" not in fields and "in_force_by" not in fields:
            check.add(label, "needs 'since' or 'in_force_by'")
            continue
        if "level" in fields and level_ids is not None and fields["level"] not in level_ids:
            check.add(label, f"unknown level {fields['level']!r} (levels: {', '.join(sorted(level_ids))})")
            continue
        entries.append(HistoryEntry(**fields))
    return sorted(entries, key=lambda entry: entry.start.key)


def _fixed_after(prefix: Label, suffix: str) -> Label:
    return lambda: prefix() + suffix


def _build_events(check: _Collector, raw_events: list[Any], partner_ids: set[str] | None) -> list[Event]:
    events: list[Event] = []
    quick = EVENT_FIELDS.quick
    for index, raw in enumerate(raw_events):
        fields = quick(raw)
        if fields is None:  # only now is a label worth building
            fields = check.fields(raw, _label("events", index, raw, "title"), EVENT_FIELDS)
            if fields is None:
                continue
        partners = fields.get("partners")
        if partners and len(set(partners)) != len(partners):
            twice = sorted({pid for pid in partners if partners.count(pid) > 1})
            check.add(_label("events", index, raw, "title"), f"names {', '.join(map(repr, twice))} twice")
            continue
        if partners and partner_ids is not None and not partner_ids.issuperset(partners):
            unknown = [pid for pid in partners if pid not in partner_ids]
            check.add(_label("events", index, raw, "title"),
                      f"names unknown partner{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}")
            continue
        if not fields["sources"]:
            check.add(_label("events", index, raw, "title"), "field 'sources' must name at least one source")
            continue
        events.append(Event(**fields))
    return events
