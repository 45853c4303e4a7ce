"""The dataset's records as plain frozen dataclasses: the one place their fields are declared.

Each class lists its fields once, in the order a dataset file writes them. From
that declaration (`record_fields`) the rest of the tool derives the file's keys
and their order (thirdneighbor.data.write), the checks of a file (thirdneighbor.
validate), the cache's layout (thirdneighbor.data.cache), the JSON output
(`to_dict`) and the names `--fields` accepts. Adding a field means adding it
here, its note in thirdneighbor.data.field_notes (the codebook), to the JSON
schema, and to the dataset. The base class and `record_fields` are in
thirdneighbor.data.record. No I/O happens here.
"""

from __future__ import annotations

import functools
from typing import Any

from .declared import field
from .partialdate import PartialDate
from .record import Record, deferrable, json_value, record, record_fields


@record
class Tier(Record):
    """A rank of relationship, e.g. "strategic". Rank 1 is the closest tie."""

    id: str
    name: str
    name_mn: str | None = None
    rank: int
    description: str


@record
class HistoryEntry(Record):
    """An earlier tier a partner held before its current designation.

    Some starts are unknown; `in_force_by` then records the earliest date a source
    shows the tie already in force. At least one of the two dates is present.
    `tier` is None for ties that match none of the dataset's tiers.
    """

    designation: str
    tier: str | None = field(default=None, metadata={"alias": "level"})
    since: PartialDate | None = None
    in_force_by: PartialDate | None = None
    occasion: str | None = None
    people: tuple[str, ...] = ()  # ids of the people its occasion names
    note: str | None = None
    # The entry is one claim (schema 4): its sources (ids), the first one's words, and their grade.
    sources: tuple[str, ...] = ()
    quote: str | None = None
    quote_language: str | None = None
    confidence: str | None = None

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
class Claim(Record):
    """Which sources support one of a partner's values (`field`: tier, since,
    designation, occasion or instrument), in whose words, and how well: high,
    medium or low, by the codebook's rules. The quote is the first source's."""

    field: str
    sources: tuple[str, ...]
    quote: str | None = None
    quote_language: str | None = None
    confidence: str
    note: str | None = None


@record
class Source(Record):
    """A page, document or citation the records rest on, cited by its id. It has
    a `url`, or else `offline` says why not and `title` is the full citation."""

    id: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: PartialDate | None = None
    language: str | None = None
    kind: str | None = None  # official, instrument, press, reprint or secondary
    archive_url: str | None = None
    offline: str | None = None


@record
class Partner(Record):
    """A country, or an organisation, and its current relationship with Mongolia.

    A country with dated events but no partnership (the United Kingdom) is an
    "other relation": its `tier`, `designation`, `since` and `occasion` are None.
    An organisation (`kind` "organisation": the European Union, the OSCE, NATO)
    has no tier either, and no country codes.
    `since_approx` marks a `since` that is only the date by which a source shows
    the tie in force (an "in force by" date), not its start. `since` is when the
    current designation began; `tier_since` (derived from the history) when the
    partner reached its current tier, earlier where the tier was renamed.
    """

    id: str
    kind: str = "country"  # or "organisation" (thirdneighbor.data.validate_records.KINDS)
    name: str
    official_name: str | None = None
    # The names in Mongolian Cyrillic, from Mongolian-language sources (None where none was found).
    name_mn: str | None = None
    official_name_mn: str | None = None
    iso2: str | None = None  # required of a country; an organisation has none
    iso3: str | None = None
    iso_numeric: str | None = None  # required from schema 3 on; files of schemas 1 and 2 had no such field
    wikidata: str | None = None
    # The standard keys of international-relations data, each with the list it was read from
    # (None for a country a list does not cover, and in files made before data version 2.1.0).
    cow_code: int | None = None  # Correlates of War state number (Germany: 255)
    cow_source: str | None = None
    gw_code: int | None = None  # Gleditsch and Ward state number (Germany: 260)
    gw_source: str | None = None
    aliases: tuple[str, ...] = ()
    aliases_mn: tuple[str, ...] = ()  # the short forms Mongolian writers use: "АНУ", "ОХУ"
    neighbor: bool
    tier: str | None = field(default=None, metadata={"alias": "level"})
    designation: str | None = None
    designation_mn: str | None = None
    asterisk: bool = False
    since: PartialDate | None = None
    since_approx: bool = False
    occasion: str | None = None
    instrument: str | None = None
    leaders: tuple[str, ...] = ()  # ids of people, where the dataset lists people; else names
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...]  # ids of Source records
    history: tuple[HistoryEntry, ...] = field(default=(), metadata={"record": HistoryEntry, "detail": True})
    evidence: tuple[Claim, ...] = field(default=(), metadata={"record": Claim, "detail": True})

    def to_dict(self) -> dict[str, Any]:
        """As for every record, with the two fields derived from the history,
        `tier_since` and `tier_since_approx`, in `partner_keys()` order: `list --json`."""
        start, approx = self._tier_start()
        record = {**Record.to_dict(self), "tier_since": json_value(start), "tier_since_approx": approx}
        return {key: record[key] for key in partner_keys()}

    @property
    def is_organisation(self) -> bool:
        return self.kind == "organisation"

    @property
    def marked_designation(self) -> str:
        """The designation as the source table prints it, asterisk included."""
        return (self.designation or "") + ("*" if self.asterisk else "")

    @property
    def when(self) -> str | None:
        """"2019-07-31"; "by 2011-06-16" for an "in force by" date; None without a tier."""
        if self.since is None:
            return None
        return f"by {self.since}" if self.since_approx else str(self.since)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """The start as a sortable tuple; an other relation sorts last."""
        return self.since.key if self.since is not None else (10000, 0, 0)

    def _tier_start(self) -> tuple[PartialDate | None, bool]:
        # Derived, never stored: a stored copy could contradict the history it
        # comes from. The run of ties at the current tier ends, going back, at
        # the first entry at another tier (or at none); an entry dated after the
        # current designation (only a dated view can hold one) is not part of it.
        start, approx = self.since, self.since_approx
        if start is None:
            return None, False
        for entry in reversed(self.history):
            if entry.start.key > self.since.key:  # type: ignore[union-attr]
                continue
            if entry.tier != self.tier:
                break
            start, approx = entry.start, entry.since is None
        return start, approx

    @property
    def tier_since(self) -> PartialDate | None:
        """When the partner reached its current tier: the earliest start of the
        unbroken run of ties at that tier that ends with the current one, so a
        rename within the tier does not move it. Japan: strategic since
        2010-11-19, though its designation dates from 2022-11-29. None without
        a tier."""
        return self._tier_start()[0]

    @property
    def tier_since_approx(self) -> bool:
        """Whether `tier_since` is only an "in force by" date, as `since_approx` is for `since`."""
        return self._tier_start()[1]

    @property
    def tier_when(self) -> str | None:
        """`tier_since` as `when` writes a date: "by 2011-06-16" for an "in force by" date."""
        start, approx = self._tier_start()
        if start is None:
            return None
        return f"by {start}" if approx else str(start)

    @property
    def renamed_since(self) -> bool:
        """Whether the current designation is newer than the tier: a rename within it."""
        return self.since is not None and self.since != self.tier_since

    @property
    def tier_sort_key(self) -> tuple[int, int, int]:
        """`tier_since` as a sortable tuple; an other relation sorts last."""
        start = self.tier_since
        return start.key if start is not None else (10000, 0, 0)


@record
class Event(Record):
    """A dated milestone of the policy, naming the partners it concerns."""

    date: PartialDate
    title: str
    partners: tuple[str, ...] = ()
    people: tuple[str, ...] = ()  # ids of the people its title and notes name
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...]  # the event is one claim: its sources, the first one's words, their grade
    quote: str | None = None
    quote_language: str | None = None
    confidence: str | None = None


@record
class Role(Record):
    """An office a person held: its dates (`from`, `to`, partial; None where a
    source gives none, `to` also while in office) and the sources they rest on."""

    title: str
    start: PartialDate | None = field(default=None, metadata={"key": "from"})
    end: PartialDate | None = field(default=None, metadata={"key": "to"})
    sources: tuple[str, ...]
    note: str | None = None

    @property
    def text(self) -> str:
        """"President of Mongolia (2017-07-10 – 2021-06-25)", "(from 2021-06-25)"; the title alone undated."""
        if self.end is not None:
            return f"{self.title} ({self.start} – {self.end})" if self.start else f"{self.title} (until {self.end})"
        return f"{self.title} (from {self.start})" if self.start else self.title


@record
class Person(Record):
    """A leader or official named in the data: partners' `leaders`, earlier
    tiers' and events' `people` refer to a person by id. Every role, spelling
    and Cyrillic name rests on the sources. `role` is the roles' dates in one
    line where the file gives `roles` (schema 4); files before give `role` only."""

    id: str
    name: str
    name_mn: str | None = None  # the name in Mongolian Cyrillic, where a source gives it
    variants: tuple[str, ...] = ()
    role: str | None = None
    sources: tuple[str, ...]
    roles: tuple[Role, ...] = field(default=(), metadata={"record": Role})


@record
class SnapshotTier(Record):
    """One tier of a snapshot: the partners its source lists at that tier."""

    tier: str
    partners: tuple[str, ...]


@record
class Snapshot(Record):
    """A source's own list of partners by tier, on a date, kept as the source gives
    it, so that the dataset's tiers as of that date can be held to it
    (tests/test_data.py holds `list --as-of` to it). `confidence` grades the date and the list."""

    id: str
    date: PartialDate
    title: str
    sources: tuple[str, ...]
    quote: str | None = None
    quote_language: str | None = None
    confidence: str | None = None
    note: str | None = None
    tiers: tuple[SnapshotTier, ...] = field(metadata={"record": SnapshotTier})


@record
class Country(Record):
    """Mongolia itself (the file's `[mongolia]` table): the codes of the one state
    every partner's tie is with, so that dyadic data can be keyed on both sides.
    Not a partner: it has no tier, and `list`, `show` and the counts leave it out."""

    name: str
    iso2: str
    iso3: str
    iso_numeric: str
    cow_code: int | None = None
    cow_source: str | None = None
    gw_code: int | None = None
    gw_source: str | None = None


@record
class Policy(Record):
    """The Third Neighbor Policy itself, as the dataset describes it."""

    name: str
    summary: str
    aims: tuple[str, ...] = ()
    table_source: str
    asterisk_note: str | None = None
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@record
class Dataset(Record):
    """Everything in one dataset file, validated. Events are in date order.

    The records only: the Python API's methods, which call the query layer, are
    on its subclass thirdneighbor.api.dataset.Dataset, which `thirdneighbor.load()`
    returns (the data layer may not import the layers above it).
    """

    schema_version: int
    title: str | None = None
    version: str | None = None
    license: str | None = None  # the data's licence, an SPDX id ("CC-BY-SA-4.0"); see thirdneighbor.render.citation
    as_of: PartialDate
    mongolia: Country | None = field(default=None, metadata={"record": Country})
    policy: Policy = field(metadata={"record": Policy})
    tiers: tuple[Tier, ...] = field(metadata={"record": Tier, "alias": "levels"})
    all_partners: tuple[Partner, ...] = field(metadata={"record": Partner, "key": "partners"})
    all_events: tuple[Event, ...] = field(metadata={"record": Event, "key": "events"})
    all_people: tuple[Person, ...] = field(default=(), metadata={"record": Person, "key": "people"})
    snapshots: tuple[Snapshot, ...] = field(default=(), metadata={"record": Snapshot})
    all_sources: tuple[Source, ...] = field(default=(), metadata={"record": Source, "key": "sources"})


# Only the commands that show sources read them, and they are most of the
# records: a cached dataset leaves them to be decoded at their first read
# (thirdneighbor.data.cache).
deferrable(Dataset, "all_sources")


RECORD_CLASSES = (Dataset, Country, Policy, Tier, Partner, HistoryEntry, Claim, Event, Person, Role, Snapshot,
                  SnapshotTier, Source)

# A partner's fields that are derived from its history, never stored (so absent
# from files, the cache and record_fields): they follow `since_approx`.
DERIVED_PARTNER_KEYS = ("tier_since", "tier_since_approx")


@functools.cache
def partner_keys() -> tuple[str, ...]:
    """The keys of a partner's JSON record, in order: the stored fields (but the
    history), with `tier_since` and `tier_since_approx` after `since_approx`."""
    stored = [info.key for info in record_fields(Partner) if not info.detail]
    after = stored.index("since_approx") + 1
    return (*stored[:after], *DERIVED_PARTNER_KEYS, *stored[after:])


def layout() -> tuple[tuple[str, ...], ...]:
    """Every record class's field keys: part of the cache fingerprint, so that a
    changed model never reads an entry written by another."""
    return tuple((cls.__name__, *(info.key for info in record_fields(cls))) for cls in RECORD_CLASSES)
