"""The dataset's records as plain frozen dataclasses. No I/O happens here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .partialdate import PartialDate


class Record:
    """repr, equality and hash by fields, shared by every record class.

    dataclass() would generate these three for each class, and on Python 3.11
    each generated method costs an exec() at import: about 1.5 ms of a start-up
    that is meant to sit on Typer's own (see benchmarks/run.py). They behave as
    the generated ones do: same class, equal fields in field order.
    """

    __slots__ = ()
    __dataclass_fields__: dict[str, Any]

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__dataclass_fields__)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())


# The generated methods that remain are __init__ and the frozen __setattr__.
record = dataclass(frozen=True, slots=True, repr=False, eq=False)


@record
class Level(Record):
    """A tier of relationship, e.g. "strategic". Rank 1 is the closest tie."""

    id: str
    name: str
    rank: int
    description: str


@record
class HistoryEntry(Record):
    """An earlier level a partner held before its current designation.

    Some starts are unknown; `in_force_by` then records the earliest date a source
    shows the tie already in force. At least one of the two dates is present.
    `level` is None for ties that match none of the dataset's levels.
    """

    designation: str
    level: str | None = None
    since: PartialDate | None = None
    in_force_by: PartialDate | None = None
    occasion: str | None = None
    note: str | None = None

    @property
    def start(self) -> PartialDate:
        """The best-known start: `since`, or failing that `in_force_by`."""
        start = self.since or self.in_force_by
        assert start is not None, "the loader guarantees one of since / in_force_by"
        return start

    @property
    def when(self) -> str:
        """"2010-11-19" for a known start; "by 2011" where only that is known."""
        return str(self.since) if self.since else f"by {self.in_force_by}"


@record
class Partner(Record):
    """A country and its current relationship with Mongolia."""

    id: str
    name: str
    iso2: str
    iso3: str
    neighbor: bool
    level: str
    designation: str
    since: PartialDate
    occasion: str
    official_name: str | None = None
    aliases: tuple[str, ...] = ()
    asterisk: bool = False
    instrument: str | None = None
    leaders: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    history: tuple[HistoryEntry, ...] = ()

    @property
    def marked_designation(self) -> str:
        """The designation as the source table prints it, asterisk included."""
        return self.designation + ("*" if self.asterisk else "")


@record
class Event(Record):
    """A dated milestone of the policy, naming the partners it concerns."""

    date: PartialDate
    title: str
    partners: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@record
class Policy(Record):
    """The Third Neighbor Policy itself, as the dataset describes it."""

    name: str
    summary: str
    table_source: str
    aims: tuple[str, ...] = ()
    asterisk_note: str | None = None
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@record
class Dataset(Record):
    """Everything in one dataset file, validated. Events are in date order."""

    schema_version: int
    as_of: PartialDate
    policy: Policy
    levels: tuple[Level, ...]
    partners: tuple[Partner, ...]
    events: tuple[Event, ...]
