"""Turn a parsed TOML document into a Dataset, collecting every problem on the way.

Validation never stops at the first problem: a user editing the dataset sees the
whole list at once, each located by record ("partners[3] (south-korea)") and field.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from .errors import Problem
from .model import Dataset, Event, HistoryEntry, Level, Partner, Policy
from .names import normalize, partner_keys
from .partialdate import PartialDate, PartialDateError

SCHEMA_VERSION = 1
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO2 = re.compile(r"[A-Z]{2}")
_ISO3 = re.compile(r"[A-Z]{3}")


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"must be a string, not {_type_name(value)}")
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError(f"must be an array of strings, not {_type_name(value)}")
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise TypeError(f"item {index} must be a non-empty string, not {item!r}")
    return tuple(value)


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"must be an integer, not {_type_name(value)}")
    return value


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"must be true or false, not {_type_name(value)}")
    return value


def _date(value: Any) -> PartialDate:
    # A bare TOML date (as_of = 2026-11-28) is accepted as a full-precision date.
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return PartialDate(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise TypeError(f"must be a date string (YYYY, YYYY-MM or YYYY-MM-DD), not {_type_name(value)}")
    return PartialDate.parse(value)


def _tables(value: Any) -> list[Any]:
    # Each item is checked as a table by the caller, which names it by index.
    if not isinstance(value, list):
        raise TypeError(f"must be an array of tables, not {_type_name(value)}")
    return value


def _table(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(f"must be a table, not {_type_name(value)}")
    return value


def _type_name(value: Any) -> str:
    names = {str: "a string", int: "an integer", float: "a float", bool: "a boolean",
             list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


Converter = Callable[[Any], Any]
# field name -> (converter, required)
FieldSpec = dict[str, tuple[Converter, bool]]

LEVEL_FIELDS: FieldSpec = {
    "id": (_text, True), "name": (_text, True), "rank": (_integer, True),
    "description": (_text, True),
}
POLICY_FIELDS: FieldSpec = {
    "name": (_text, True), "summary": (_text, True), "aims": (_texts, False),
    "table_source": (_text, True), "asterisk_note": (_text, False),
    "notes": (_texts, False), "sources": (_texts, False),
}
HISTORY_FIELDS: FieldSpec = {
    "designation": (_text, True), "level": (_text, False), "since": (_date, False),
    "in_force_by": (_date, False), "occasion": (_text, False), "note": (_text, False),
}
PARTNER_FIELDS: FieldSpec = {
    "id": (_text, True), "name": (_text, True), "official_name": (_text, False),
    "iso2": (_text, True), "iso3": (_text, True), "aliases": (_texts, False),
    "neighbor": (_boolean, True), "level": (_text, True), "designation": (_text, True),
    "asterisk": (_boolean, False), "since": (_date, True), "occasion": (_text, True),
    "instrument": (_text, False), "leaders": (_texts, False), "notes": (_texts, False),
    "sources": (_texts, True), "history": (_tables, False),
}
EVENT_FIELDS: FieldSpec = {
    "date": (_date, True), "title": (_text, True), "partners": (_texts, False),
    "notes": (_texts, False), "sources": (_texts, True),
}
TOP_FIELDS: FieldSpec = {
    "schema_version": (_integer, True), "as_of": (_date, True), "policy": (_table, True),
    "levels": (_tables, True), "partners": (_tables, True), "events": (_tables, True),
}


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, record: str, message: str) -> None:
        self.problems.append(Problem(record, message))

    def fields(self, raw: Any, record: str, spec: FieldSpec) -> dict[str, Any] | None:
        """Check one table against its spec. Returns the converted fields, or None if any was bad."""
        if not isinstance(raw, dict):
            self.add(record, f"must be a table, not {_type_name(raw)}")
            return None
        before = len(self.problems)
        for key in raw.keys() - spec.keys():
            self.add(record, f"unknown field {key!r} (known: {', '.join(spec)})")
        converted: dict[str, Any] = {}
        for key, (convert, required) in spec.items():
            if key not in raw:
                if required:
                    self.add(record, f"missing required field {key!r}")
                continue
            try:
                converted[key] = convert(raw[key])
            except (TypeError, ValueError, PartialDateError) as error:
                self.add(record, f"field {key!r} {_phrase(error)}")
        return converted if len(self.problems) == before else None


def _phrase(error: Exception) -> str:
    text = str(error)
    return text if text.startswith(("must", "item")) else f"is invalid: {text}"


def _label(kind: str, index: int, raw: Any, key: str) -> str:
    name = raw.get(key) if isinstance(raw, dict) else None
    return f"{kind}[{index}] ({name})" if isinstance(name, str) and name else f"{kind}[{index}]"


def build_dataset(document: dict[str, Any]) -> tuple[Dataset | None, list[Problem]]:
    """Validate a parsed document. Returns (dataset, []) or (None, problems)."""
    check = _Collector()
    top = check.fields(document, "", TOP_FIELDS) or {}
    if "schema_version" in top and top["schema_version"] != SCHEMA_VERSION:
        check.add("", f"schema_version {top['schema_version']} is not supported (expected {SCHEMA_VERSION})")

    policy = None
    if "policy" in top:
        fields = check.fields(top["policy"], "policy", POLICY_FIELDS)
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
    dataset = Dataset(
        schema_version=top["schema_version"], as_of=top["as_of"], policy=policy,
        levels=tuple(sorted(levels, key=lambda level: level.rank)),
        partners=tuple(partners),
        events=tuple(sorted(events, key=lambda event: event.date)),
    )
    return dataset, []


def _declared_ids(raw_records: list[Any]) -> set[str]:
    return {raw["id"] for raw in raw_records if isinstance(raw, dict) and isinstance(raw.get("id"), str)}


def _build_levels(check: _Collector, raw_levels: list[Any]) -> list[Level]:
    levels: list[Level] = []
    seen_ids: set[str] = set()
    seen_ranks: dict[int, str] = {}
    for index, raw in enumerate(raw_levels):
        record = _label("levels", index, raw, "id")
        fields = check.fields(raw, record, LEVEL_FIELDS)
        if fields is None:
            continue
        if not _ID.fullmatch(fields["id"]):
            check.add(record, "field 'id' must be lower-case words joined by '-'")
        if fields["id"] in seen_ids:
            check.add(record, f"duplicate level id {fields['id']!r}")
        if fields["rank"] in seen_ranks:
            check.add(record, f"rank {fields['rank']} is also the rank of level {seen_ranks[fields['rank']]!r}")
        seen_ids.add(fields["id"])
        seen_ranks.setdefault(fields["rank"], fields["id"])
        levels.append(Level(**fields))
    return levels


def _build_partners(check: _Collector, raw_partners: list[Any], level_ids: set[str] | None) -> list[Partner]:
    partners: list[Partner] = []
    seen_ids: set[str] = set()
    owner_of_name: dict[str, str] = {}
    for index, raw in enumerate(raw_partners):
        record = _label("partners", index, raw, "id")
        before = len(check.problems)
        fields = check.fields(raw, record, PARTNER_FIELDS)
        if fields is None:
            continue
        history = tuple(_build_history(check, record, fields.pop("history", []), level_ids))
        partner_id = fields["id"]
        if not _ID.fullmatch(partner_id):
            check.add(record, "field 'id' must be lower-case words joined by '-', e.g. 'south-korea'")
        if partner_id in seen_ids:
            check.add(record, f"duplicate partner id {partner_id!r}")
        seen_ids.add(partner_id)
        if not _ISO2.fullmatch(fields["iso2"]):
            check.add(record, f"field 'iso2' must be two capital letters, not {fields['iso2']!r}")
        if not _ISO3.fullmatch(fields["iso3"]):
            check.add(record, f"field 'iso3' must be three capital letters, not {fields['iso3']!r}")
        if level_ids is not None and fields["level"] not in level_ids:
            check.add(record, f"unknown level {fields['level']!r} (levels: {', '.join(sorted(level_ids))})")
        if not fields["sources"]:
            check.add(record, "field 'sources' must name at least one source")
        if len(check.problems) != before:
            continue
        partner = Partner(**fields, history=history)
        # One partner may list the same name twice ("USA" as alias and ISO3); only clashes count.
        for name in dict.fromkeys(partner_keys(partner)):
            owner = owner_of_name.setdefault(normalize(name), partner_id)
            if owner != partner_id:
                check.add(record, f"name {name!r} is also a name of partner {owner!r}")
        partners.append(partner)
    return partners


def _build_history(check: _Collector, owner: str, raw_entries: list[Any],
                   level_ids: set[str] | None) -> list[HistoryEntry]:
    entries: list[HistoryEntry] = []
    for index, raw in enumerate(raw_entries):
        record = f"{owner} history[{index}]"
        fields = check.fields(raw, record, HISTORY_FIELDS)
        if fields is None:
            continue
        if "since" not in fields and "in_force_by" not in fields:
            check.add(record, "needs 'since' or 'in_force_by'")
            continue
        if "level" in fields and level_ids is not None and fields["level"] not in level_ids:
            check.add(record, f"unknown level {fields['level']!r} (levels: {', '.join(sorted(level_ids))})")
            continue
        entries.append(HistoryEntry(**fields))
    return sorted(entries, key=lambda entry: entry.start)


def _build_events(check: _Collector, raw_events: list[Any], partner_ids: set[str] | None) -> list[Event]:
    events: list[Event] = []
    for index, raw in enumerate(raw_events):
        record = _label("events", index, raw, "title")
        fields = check.fields(raw, record, EVENT_FIELDS)
        if fields is None:
            continue
        unknown = [pid for pid in fields.get("partners", ()) if partner_ids is not None and pid not in partner_ids]
        if unknown:
            check.add(record, f"names unknown partner{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}")
            continue
        if not fields["sources"]:
            check.add(record, "field 'sources' must name at least one source")
            continue
        events.append(Event(**fields))
    return events
