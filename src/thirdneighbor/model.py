"""The dataset's records as plain frozen dataclasses. No I/O happens here."""

from __future__ import annotations

from dataclasses import dataclass

from .partialdate import PartialDate


@dataclass(frozen=True, slots=True)
class Level:
    """A tier of relationship, e.g. "strategic". Rank 1 is the closest tie."""

    id: str
    name: str
    rank: int
    description: str


@dataclass(frozen=True, slots=True)
class HistoryEntry:
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


@dataclass(frozen=True, slots=True)
class Partner:
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


@dataclass(frozen=True, slots=True)
class Event:
    """A dated milestone of the policy, naming the partners it concerns."""

    date: PartialDate
    title: str
    partners: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Policy:
    """The Third Neighbor Policy itself, as the dataset describes it."""

    name: str
    summary: str
    table_source: str
    aims: tuple[str, ...] = ()
    asterisk_note: str | None = None
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dataset:
    """Everything in one dataset file, validated. Events are in date order."""

    schema_version: int
    as_of: PartialDate
    policy: Policy
    levels: tuple[Level, ...]
    partners: tuple[Partner, ...]
    events: tuple[Event, ...]
