"""The dataset as a standalone SQLite database file (`export --format sqlite`).

`database_bytes(dataset)` returns the bytes of a complete database: built in
memory with the standard library's sqlite3 module and serialized, so that no
temporary file is ever made (none to fill $TMPDIR, none for a signal to leave
behind). The database uses the rollback journal (never WAL), so the file is one
self-contained file.

The tables are normalised; a column is named after the `--json` field it holds
where one exists. Dates are the dataset's partial-date strings ("2019",
"2019-07", "2019-07-31"), which sort in date order as text. Flags are INTEGER
0/1. Lists keep their order in a `position` column (0 first).

    dataset          one row: title, version, license (the data's SPDX id),
                     license_url, as_of, schema_version, policy_name,
                     policy_summary, table_source, asterisk_note, and
                     Mongolia's own codes: mongolia_iso3, mongolia_cow_code,
                     mongolia_gw_code (NULL in a file without them)
    policy_aims      position, aim
    tiers            id PRIMARY KEY, name, name_mn, rank, description
    partners         id PRIMARY KEY, kind ('country' or 'organisation'), name,
                     official_name, name_mn, official_name_mn, iso2, iso3
                     (NULL for an organisation), iso_numeric, wikidata,
                     cow_code, cow_source, gw_code, gw_source, neighbor, tier -> tiers (NULL for an other relation),
                     designation, designation_mn, asterisk, since, since_approx,
                     tier_since, tier_since_approx (derived from the history, as
                     in JSON), occasion, instrument
    aliases          partner_id -> partners, position, alias
    aliases_mn       the same for the Mongolian short forms
    partner_leaders  partner_id -> partners, position, leader (the value of the
                     `leaders` field), person_id -> people (NULL where a dataset
                     without people names a leader as typed)
    tier_history     id INTEGER PRIMARY KEY, partner_id -> partners, position,
                     designation, tier -> tiers (NULL allowed), since,
                     in_force_by, occasion, note
    history_people   history_id -> tier_history, person_id -> people
    events           id INTEGER PRIMARY KEY (the event's place in the dataset,
                     1 first, the same in every export of one dataset), date, title
    event_partners   event_id -> events, partner_id -> partners
    event_people     event_id -> events, person_id -> people
    people           id PRIMARY KEY, name, name_mn, role
    person_variants  person_id -> people, position, variant
    person_roles     person_id -> people, position, title, date_from, date_to
                     (partial dates; NULL where unknown or in office), note
    person_role_sources  (person_id, role) -> person_roles, position,
                     source -> source_records: the sources of each role's dates
    policy_notes, partner_notes, event_notes           (owner, position, note)
    policy_sources, partner_sources, event_sources,
    person_sources                                     (owner, position, source):
                     `source` is a source id -> source_records
    source_records, partner_claims, history_claims, event_claims and their
    sources, and the `evidence` view: see thirdneighbor.render.sqlite_evidence
    tier_spells      each partner's ties, one row per tie: partner_id, spell,
                     tier, designation, start and end with their precision
                     and approx flags, end_type (upgrade, downgrade, rename,
                     ongoing), occasion, instrument, note
    partner_years    partner_id, year, iso3, cow_code, gw_code, tier at the
                     year's end (as `series`), tier_rank, spell, designation,
                     tier_changed, ties_begun; both as in `export --format
                     datapackage` (thirdneighbor.render.sqlite_tables)

Sources and notes are stored one table per owner, so that every row's owner is
a declared FOREIGN KEY and `PRAGMA foreign_key_check` can vouch for it. Two
views put them together for questions that span owners:

    sources(record_type, record_id, position, source)  record_type is 'policy',
        'partner', 'event' or 'person'; record_id is the partner or person id,
        the event id, or NULL for the policy.
    notes(record_type, record_id, position, note)  record_type is 'policy',
        'partner', 'history' (a tier_history row's note; record_id is its id)
        or 'event'.

`fulltext` is an FTS5 index (FTS4 where this Python's SQLite lacks FTS5) with
the columns record_type, record_id and text: one row per event title, event
note, partner note and tier_history note. It ignores case and accents:

    SELECT e.date, e.title FROM fulltext JOIN events AS e ON e.id = fulltext.record_id
    WHERE fulltext MATCH '"Trade Act"' AND record_type = 'event';

Every person is exported. With `partners` given, only those partners, their
history, and the events whose every named partner is among them (and those
that name no partner) are exported, as thirdneighbor.query.select.subset keeps
them. An event that names a partner not exported is left out, so no key dangles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from . import sqlite_evidence as evidence
from .citation import license_info
from .sqlite_tables import add_shared_tables

if TYPE_CHECKING:
    from ..data.model import Dataset, Partner

# (description, SQL): shown in the README and run by the tests.
EXAMPLE_QUERIES: list[tuple[str, str]] = [
    (
        "Strategic partners and when each reached that tier, oldest first",
        "SELECT name, tier_since FROM partners WHERE tier = 'strategic' ORDER BY tier_since;",
    ),
    (
        "Events that name Khürelsükh, with the partners",
        "SELECT e.date, e.title, group_concat(p.name, ', ') AS partners\n"
        "FROM people AS pe\n"
        "JOIN event_people AS ep ON ep.person_id = pe.id\n"
        "JOIN events AS e ON e.id = ep.event_id\n"
        "LEFT JOIN event_partners AS epa ON epa.event_id = e.id\n"
        "LEFT JOIN partners AS p ON p.id = epa.partner_id\n"
        "WHERE pe.id = 'ukhnaagiin-khurelsukh'\n"
        "GROUP BY e.id ORDER BY e.date, e.id;",
    ),
]

# The full-text modules tried, best first.
FULLTEXT_MODULES = ("fts5", "fts4")

_SCHEMA = """
CREATE TABLE dataset (
    title TEXT, version TEXT, license TEXT, license_url TEXT, as_of TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    policy_name TEXT NOT NULL, policy_summary TEXT NOT NULL, table_source TEXT NOT NULL,
    asterisk_note TEXT, mongolia_iso3 TEXT, mongolia_cow_code INTEGER, mongolia_gw_code INTEGER
);
CREATE TABLE policy_aims (position INTEGER PRIMARY KEY, aim TEXT NOT NULL);
CREATE TABLE tiers (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, name_mn TEXT, rank INTEGER NOT NULL, description TEXT NOT NULL
);
CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_mn TEXT, role TEXT);
CREATE TABLE person_variants (
    person_id TEXT NOT NULL REFERENCES people(id), position INTEGER NOT NULL, variant TEXT NOT NULL,
    PRIMARY KEY (person_id, position)
);
CREATE TABLE person_roles (
    person_id TEXT NOT NULL REFERENCES people(id), position INTEGER NOT NULL, title TEXT NOT NULL,
    date_from TEXT, date_to TEXT, note TEXT, PRIMARY KEY (person_id, position)
);
CREATE TABLE partners (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('country', 'organisation')),
    name TEXT NOT NULL, official_name TEXT, name_mn TEXT, official_name_mn TEXT,
    iso2 TEXT, iso3 TEXT, iso_numeric TEXT, wikidata TEXT,
    cow_code INTEGER, cow_source TEXT REFERENCES source_records(id),
    gw_code INTEGER, gw_source TEXT REFERENCES source_records(id),
    neighbor INTEGER NOT NULL CHECK (neighbor IN (0, 1)),
    tier TEXT REFERENCES tiers(id), designation TEXT, designation_mn TEXT,
    asterisk INTEGER NOT NULL CHECK (asterisk IN (0, 1)),
    since TEXT, since_approx INTEGER NOT NULL CHECK (since_approx IN (0, 1)),
    tier_since TEXT, tier_since_approx INTEGER NOT NULL CHECK (tier_since_approx IN (0, 1)),
    occasion TEXT, instrument TEXT
);
CREATE TABLE aliases (
    partner_id TEXT NOT NULL REFERENCES partners(id), position INTEGER NOT NULL, alias TEXT NOT NULL,
    PRIMARY KEY (partner_id, position)
);
CREATE TABLE aliases_mn (
    partner_id TEXT NOT NULL REFERENCES partners(id), position INTEGER NOT NULL, alias TEXT NOT NULL,
    PRIMARY KEY (partner_id, position)
);
CREATE TABLE partner_leaders (
    partner_id TEXT NOT NULL REFERENCES partners(id), position INTEGER NOT NULL,
    leader TEXT NOT NULL, person_id TEXT REFERENCES people(id),
    PRIMARY KEY (partner_id, position)
);
CREATE TABLE tier_history (
    id INTEGER PRIMARY KEY, partner_id TEXT NOT NULL REFERENCES partners(id),
    position INTEGER NOT NULL, designation TEXT NOT NULL, tier TEXT REFERENCES tiers(id),
    since TEXT, in_force_by TEXT, occasion TEXT, note TEXT,
    UNIQUE (partner_id, position)
);
CREATE TABLE history_people (
    history_id INTEGER NOT NULL REFERENCES tier_history(id),
    person_id TEXT NOT NULL REFERENCES people(id),
    PRIMARY KEY (history_id, person_id)
);
CREATE TABLE events (id INTEGER PRIMARY KEY, date TEXT NOT NULL, title TEXT NOT NULL);
CREATE TABLE event_partners (
    event_id INTEGER NOT NULL REFERENCES events(id), partner_id TEXT NOT NULL REFERENCES partners(id),
    PRIMARY KEY (event_id, partner_id)
);
CREATE TABLE event_people (
    event_id INTEGER NOT NULL REFERENCES events(id), person_id TEXT NOT NULL REFERENCES people(id),
    PRIMARY KEY (event_id, person_id)
);
CREATE TABLE policy_notes (position INTEGER PRIMARY KEY, note TEXT NOT NULL);
CREATE TABLE partner_notes (
    partner_id TEXT NOT NULL REFERENCES partners(id), position INTEGER NOT NULL, note TEXT NOT NULL,
    PRIMARY KEY (partner_id, position)
);
CREATE TABLE event_notes (
    event_id INTEGER NOT NULL REFERENCES events(id), position INTEGER NOT NULL, note TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
);
CREATE TABLE policy_sources (
    position INTEGER PRIMARY KEY, source TEXT NOT NULL REFERENCES source_records(id)
);
CREATE TABLE partner_sources (
    partner_id TEXT NOT NULL REFERENCES partners(id), position INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES source_records(id), PRIMARY KEY (partner_id, position)
);
CREATE TABLE event_sources (
    event_id INTEGER NOT NULL REFERENCES events(id), position INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES source_records(id), PRIMARY KEY (event_id, position)
);
CREATE TABLE person_sources (
    person_id TEXT NOT NULL REFERENCES people(id), position INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES source_records(id), PRIMARY KEY (person_id, position)
);
CREATE TABLE person_role_sources (
    person_id TEXT NOT NULL, role INTEGER NOT NULL, position INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES source_records(id), PRIMARY KEY (person_id, role, position),
    FOREIGN KEY (person_id, role) REFERENCES person_roles(person_id, position)
);
CREATE INDEX tier_history_partner ON tier_history(partner_id);
CREATE INDEX event_partners_partner ON event_partners(partner_id);
CREATE INDEX event_people_person ON event_people(person_id);
CREATE INDEX partner_leaders_person ON partner_leaders(person_id);
CREATE INDEX history_people_person ON history_people(person_id);
CREATE VIEW sources (record_type, record_id, position, source) AS
    SELECT 'policy', NULL, position, source FROM policy_sources
    UNION ALL SELECT 'partner', partner_id, position, source FROM partner_sources
    UNION ALL SELECT 'event', event_id, position, source FROM event_sources
    UNION ALL SELECT 'person', person_id, position, source FROM person_sources;
CREATE VIEW notes (record_type, record_id, position, note) AS
    SELECT 'policy', NULL, position, note FROM policy_notes
    UNION ALL SELECT 'partner', partner_id, position, note FROM partner_notes
    UNION ALL SELECT 'history', id, 0, note FROM tier_history WHERE note IS NOT NULL
    UNION ALL SELECT 'event', event_id, position, note FROM event_notes;
"""

_FULLTEXT = {
    "fts5": "CREATE VIRTUAL TABLE fulltext USING fts5("
            "record_type UNINDEXED, record_id UNINDEXED, text, "
            "tokenize = 'unicode61 remove_diacritics 2')",
    "fts4": "CREATE VIRTUAL TABLE fulltext USING fts4("
            "record_type, record_id, text, notindexed=record_type, notindexed=record_id, "
            "tokenize=unicode61 \"remove_diacritics=2\")",
}


def database_bytes(dataset: Dataset, partners: Sequence[Partner] | None = None) -> bytes:
    """The bytes of a complete SQLite database of `dataset`: every partner, or
    only `partners` (with their history and the events that name no one else).

    Raises ValueError for a record that names a tier or person the dataset
    lacks (a validated dataset never does)."""
    chosen = list(dataset.all_partners if partners is None else partners)
    # Built in memory and serialized: no temporary file to fill $TMPDIR or to
    # be left behind by a signal; the bytes go to their target atomically.
    if not hasattr(sqlite3.Connection, "serialize"):  # SQLite built without its serialize API (before 3.36)
        from ..errors import CannotWriteError

        raise CannotWriteError(f"a SQLite export needs SQLite 3.36 or later; this Python has {sqlite3.sqlite_version}")
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        _build(connection, dataset, chosen)
        return connection.serialize()
    finally:
        connection.close()


def _build(db: sqlite3.Connection, dataset: Dataset, partners: list[Partner]) -> None:
    db.execute("PRAGMA journal_mode = MEMORY")  # no -journal file beside the database
    db.execute("PRAGMA foreign_keys = ON")
    db.executescript(_SCHEMA + evidence.SCHEMA)
    _create_fulltext(db)
    db.execute("BEGIN")
    _insert_all(db, dataset, partners)
    add_shared_tables(db, dataset, partners)
    db.execute("COMMIT")
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:  # cannot happen: the inserts above run with foreign keys enforced
        raise AssertionError(f"dangling references in the export: {problems[:5]}")
    db.execute("VACUUM")


def _create_fulltext(db: sqlite3.Connection) -> str:
    """Create the `fulltext` table with the first module this SQLite has."""
    for module in FULLTEXT_MODULES:
        try:
            db.execute(_FULLTEXT[module])
        except sqlite3.OperationalError as error:
            if "no such module" not in str(error):
                raise
            continue
        return module
    raise RuntimeError(f"this SQLite has none of the full-text modules {', '.join(FULLTEXT_MODULES)}")


def _rows(key: Any, values: Iterable[str]) -> list[tuple[Any, int, str]]:
    return [(key, position, value) for position, value in enumerate(values)]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _insert_all(db: sqlite3.Connection, dataset: Dataset, partners: list[Partner]) -> None:
    tier_ids = {tier.id for tier in dataset.tiers}
    person_ids = {person.id for person in dataset.all_people}
    fulltext: list[tuple[str, Any, str]] = []

    def check_tier(owner: str, tier: str | None) -> None:
        if tier is not None and tier not in tier_ids:
            raise ValueError(f"{owner} names unknown tier {tier!r}")

    def check_people(owner: str, ids: Iterable[str]) -> None:
        unknown = [person for person in ids if person not in person_ids]
        if unknown:
            raise ValueError(f"{owner} names unknown people {', '.join(map(repr, unknown))}")

    policy = dataset.policy
    mongolia = dataset.mongolia
    db.execute("INSERT INTO dataset VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (dataset.title, dataset.version, dataset.license, license_info(dataset)[2], str(dataset.as_of),
                dataset.schema_version, policy.name, policy.summary, policy.table_source, policy.asterisk_note,
                mongolia and mongolia.iso3, mongolia and mongolia.cow_code, mongolia and mongolia.gw_code))
    evidence.insert_sources(db, dataset)
    db.executemany("INSERT INTO policy_aims VALUES (?, ?)", list(enumerate(policy.aims)))
    db.executemany("INSERT INTO policy_notes VALUES (?, ?)", list(enumerate(policy.notes)))
    db.executemany("INSERT INTO policy_sources VALUES (?, ?)", list(enumerate(policy.sources)))
    db.executemany("INSERT INTO tiers VALUES (?, ?, ?, ?, ?)",
                   [(tier.id, tier.name, tier.name_mn, tier.rank, tier.description) for tier in dataset.tiers])

    for person in dataset.all_people:
        db.execute("INSERT INTO people VALUES (?, ?, ?, ?)", (person.id, person.name, person.name_mn, person.role))
        db.executemany("INSERT INTO person_variants VALUES (?, ?, ?)", _rows(person.id, person.variants))
        db.executemany("INSERT INTO person_sources VALUES (?, ?, ?)", _rows(person.id, person.sources))
        db.executemany("INSERT INTO person_roles VALUES (?, ?, ?, ?, ?, ?)",
                       [(person.id, position, role.title, _text(role.start), _text(role.end), role.note)
                        for position, role in enumerate(person.roles)])
        db.executemany("INSERT INTO person_role_sources VALUES (?, ?, ?, ?)",
                       [(person.id, role_position, position, source)
                        for role_position, role in enumerate(person.roles)
                        for position, source in enumerate(role.sources)])

    exported: set[str] = set()
    history_id = 0
    for partner in partners:
        if partner.id in exported:
            continue  # the same partner given twice is exported once
        exported.add(partner.id)
        owner = f"partner {partner.id!r}"
        check_tier(owner, partner.tier)
        db.execute("INSERT INTO partners VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (partner.id, partner.kind, partner.name, partner.official_name, partner.name_mn, partner.official_name_mn,
                    partner.iso2, partner.iso3, partner.iso_numeric, partner.wikidata, partner.cow_code,
                    partner.cow_source, partner.gw_code, partner.gw_source, int(partner.neighbor),
                    partner.tier, partner.designation, partner.designation_mn, int(partner.asterisk),
                    _text(partner.since), int(partner.since_approx), _text(partner.tier_since),
                    int(partner.tier_since_approx), partner.occasion, partner.instrument))
        db.executemany("INSERT INTO aliases VALUES (?, ?, ?)", _rows(partner.id, partner.aliases))
        db.executemany("INSERT INTO aliases_mn VALUES (?, ?, ?)", _rows(partner.id, partner.aliases_mn))
        db.executemany("INSERT INTO partner_leaders VALUES (?, ?, ?, ?)",
                       [(partner.id, position, leader, leader if leader in person_ids else None)
                        for position, leader in enumerate(partner.leaders)])
        db.executemany("INSERT INTO partner_notes VALUES (?, ?, ?)", _rows(partner.id, partner.notes))
        db.executemany("INSERT INTO partner_sources VALUES (?, ?, ?)", _rows(partner.id, partner.sources))
        evidence.insert_partner_claims(db, partner)
        fulltext.extend(("partner", partner.id, note) for note in partner.notes)
        for position, entry in enumerate(partner.history):
            history_id += 1
            check_tier(f"{owner}'s history", entry.tier)
            check_people(f"{owner}'s history", entry.people)
            db.execute("INSERT INTO tier_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (history_id, partner.id, position, entry.designation, entry.tier,
                        _text(entry.since), _text(entry.in_force_by), entry.occasion, entry.note))
            db.executemany("INSERT INTO history_people VALUES (?, ?)",
                           [(history_id, person) for person in dict.fromkeys(entry.people)])
            evidence.insert_history_claim(db, history_id, entry)
            if entry.note is not None:
                fulltext.append(("history", history_id, entry.note))

    for number, event in enumerate(dataset.all_events, start=1):
        if not all(partner_id in exported for partner_id in event.partners):
            continue
        check_people(f"event {number} ({event.title!r})", event.people)
        db.execute("INSERT INTO events VALUES (?, ?, ?)", (number, str(event.date), event.title))
        db.executemany("INSERT INTO event_partners VALUES (?, ?)",
                       [(number, partner_id) for partner_id in dict.fromkeys(event.partners)])
        db.executemany("INSERT INTO event_people VALUES (?, ?)",
                       [(number, person) for person in dict.fromkeys(event.people)])
        db.executemany("INSERT INTO event_notes VALUES (?, ?, ?)", _rows(number, event.notes))
        db.executemany("INSERT INTO event_sources VALUES (?, ?, ?)", _rows(number, event.sources))
        evidence.insert_event_claim(db, number, event)
        fulltext.append(("event", number, event.title))
        fulltext.extend(("event", number, note) for note in event.notes)

    db.executemany("INSERT INTO fulltext (record_type, record_id, text) VALUES (?, ?, ?)", fulltext)
