"""The SQLite export's sources and evidence: the tables thirdneighbor.render.sqlite adds for them.

    source_records         id PRIMARY KEY, url, title, publisher, date, language,
                           kind, archive_url, offline: every [[sources]] record,
                           whichever partners are exported (as every person is)
    partner_claims         partner_id -> partners, field (tier, since, designation,
                           occasion, instrument), confidence, quote,
                           quote_language, note; PRIMARY KEY (partner_id, field)
    partner_claim_sources  (partner_id, field) -> partner_claims, position,
                           source_id -> source_records
    history_claims         history_id -> tier_history, confidence, quote, quote_language
    history_sources        history_id -> tier_history, position, source_id -> source_records
    event_claims           event_id -> events, confidence, quote, quote_language
    evidence (a view)      record_type ('partner', 'history' or 'event'), record_id,
                           field (a partner's; NULL for the others), confidence,
                           quote, quote_language, note

The citations of each record (policy_sources, partner_sources, event_sources,
person_sources, and the `sources` view over them) hold source ids, each a
declared foreign key into source_records.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from ..query.evidence import SOURCE_KEYS

if TYPE_CHECKING:
    from ..data.model import Dataset, Event, HistoryEntry, Partner

_GRADE = "CHECK (confidence IN ('high', 'medium', 'low'))"

SCHEMA = f"""
CREATE TABLE source_records (
    id TEXT PRIMARY KEY, url TEXT, title TEXT, publisher TEXT, date TEXT, language TEXT,
    kind TEXT CHECK (kind IN ('official', 'instrument', 'press', 'reprint', 'secondary')),
    archive_url TEXT, offline TEXT,
    CHECK (url IS NOT NULL OR offline IS NOT NULL)
);
CREATE TABLE partner_claims (
    partner_id TEXT NOT NULL REFERENCES partners(id), field TEXT NOT NULL,
    confidence TEXT NOT NULL {_GRADE}, quote TEXT, quote_language TEXT, note TEXT,
    PRIMARY KEY (partner_id, field)
);
CREATE TABLE partner_claim_sources (
    partner_id TEXT NOT NULL, field TEXT NOT NULL, position INTEGER NOT NULL,
    source_id TEXT NOT NULL REFERENCES source_records(id),
    PRIMARY KEY (partner_id, field, position),
    FOREIGN KEY (partner_id, field) REFERENCES partner_claims(partner_id, field)
);
CREATE TABLE history_claims (
    history_id INTEGER PRIMARY KEY REFERENCES tier_history(id),
    confidence TEXT {_GRADE}, quote TEXT, quote_language TEXT
);
CREATE TABLE history_sources (
    history_id INTEGER NOT NULL REFERENCES tier_history(id), position INTEGER NOT NULL,
    source_id TEXT NOT NULL REFERENCES source_records(id),
    PRIMARY KEY (history_id, position)
);
CREATE TABLE event_claims (
    event_id INTEGER PRIMARY KEY REFERENCES events(id),
    confidence TEXT {_GRADE}, quote TEXT, quote_language TEXT
);
CREATE VIEW evidence (record_type, record_id, field, confidence, quote, quote_language, note) AS
    SELECT 'partner', partner_id, field, confidence, quote, quote_language, note FROM partner_claims
    UNION ALL SELECT 'history', history_id, NULL, confidence, quote, quote_language, NULL FROM history_claims
    UNION ALL SELECT 'event', event_id, NULL, confidence, quote, quote_language, NULL FROM event_claims;
"""


def insert_sources(db: sqlite3.Connection, dataset: Dataset) -> None:
    rows = [tuple(None if value is None else str(value) for value in (getattr(source, key) for key in SOURCE_KEYS))
            for source in dataset.all_sources]
    db.executemany(f"INSERT INTO source_records VALUES ({', '.join('?' * len(SOURCE_KEYS))})", rows)


def insert_partner_claims(db: sqlite3.Connection, partner: Partner) -> None:
    for claim in partner.evidence:
        db.execute("INSERT INTO partner_claims VALUES (?, ?, ?, ?, ?, ?)",
                   (partner.id, claim.field, claim.confidence, claim.quote, claim.quote_language, claim.note))
        db.executemany("INSERT INTO partner_claim_sources VALUES (?, ?, ?, ?)",
                       [(partner.id, claim.field, position, source) for position, source in enumerate(claim.sources)])


def insert_history_claim(db: sqlite3.Connection, history_id: int, entry: HistoryEntry) -> None:
    if entry.sources:
        db.execute("INSERT INTO history_claims VALUES (?, ?, ?, ?)",
                   (history_id, entry.confidence, entry.quote, entry.quote_language))
        db.executemany("INSERT INTO history_sources VALUES (?, ?, ?)",
                       [(history_id, position, source) for position, source in enumerate(entry.sources)])


def insert_event_claim(db: sqlite3.Connection, number: int, event: Event) -> None:
    if event.confidence is not None or event.quote is not None:
        db.execute("INSERT INTO event_claims VALUES (?, ?, ?, ?)",
                   (number, event.confidence, event.quote, event.quote_language))
