"""export --format sqlite: the dataset as a standalone, normalised SQLite database."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from thirdneighbor.render import sqlite as sqlite_export
from thirdneighbor.data.model import Dataset, Partner
from thirdneighbor.render.sqlite import EXAMPLE_QUERIES, database_bytes

HOSTILE = "x'); DROP TABLE partners; --\" ; DELETE FROM events; /* \u0000? */"

# Every table that holds a reference, and the tables it points to.
LINK_TABLES = ("aliases", "partner_leaders", "tier_history", "history_people", "event_partners",
               "event_people", "person_variants", "partner_notes", "event_notes", "partner_sources",
               "event_sources", "person_sources", "person_role_sources")


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary directory of the test's own, where tempfile makes its files."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    return scratch


def open_db(tmp_path: Path, data: bytes, name: str = "export.sqlite") -> sqlite3.Connection:
    path = tmp_path / name
    path.write_bytes(data)
    return sqlite3.connect(path)


@pytest.fixture
def db(tmp_path: Path, dataset: Dataset) -> Iterator[sqlite3.Connection]:
    connection = open_db(tmp_path, database_bytes(dataset))
    yield connection
    connection.close()


def count(db: sqlite3.Connection, table: str) -> int:
    return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def assert_sound(db: sqlite3.Connection) -> None:
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_is_a_standalone_sqlite_file(dataset: Dataset, private_tmp: Path, tmp_path: Path) -> None:
    data = database_bytes(dataset)
    assert data.startswith(b"SQLite format 3\x00")
    assert data[18:20] == b"\x01\x01", "a rollback-journal file, not WAL: it needs no -wal file beside it"
    assert list(private_tmp.iterdir()) == [], "the temporary directory was left behind"
    assert data == database_bytes(dataset), "the same dataset gives the same bytes"
    connection = open_db(tmp_path, data)
    assert_sound(connection)
    connection.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.sqlite", "scratch"]


def test_row_counts_match_the_dataset(db: sqlite3.Connection, dataset: Dataset) -> None:
    assert count(db, "partners") == len(dataset.all_partners)
    assert count(db, "events") == len(dataset.all_events)
    assert count(db, "people") == len(dataset.all_people)
    assert count(db, "tiers") == len(dataset.tiers)
    assert count(db, "dataset") == 1
    assert count(db, "tier_history") == sum(len(p.history) for p in dataset.all_partners)
    assert count(db, "aliases") == sum(len(p.aliases) for p in dataset.all_partners)
    assert count(db, "partner_leaders") == sum(len(p.leaders) for p in dataset.all_partners)
    assert count(db, "event_partners") == sum(len(set(e.partners)) for e in dataset.all_events)
    assert count(db, "event_people") == sum(len(set(e.people)) for e in dataset.all_events)
    assert count(db, "sources") == (len(dataset.policy.sources) + sum(len(p.sources) for p in dataset.all_partners)
                                    + sum(len(e.sources) for e in dataset.all_events)
                                    + sum(len(p.sources) for p in dataset.all_people))
    assert count(db, "person_roles") == sum(len(p.roles) for p in dataset.all_people)
    assert count(db, "person_role_sources") == sum(len(r.sources) for p in dataset.all_people for r in p.roles) > 40
    assert db.execute("SELECT count(*) FROM person_role_sources s LEFT JOIN person_roles r"
                      " ON (s.person_id, s.role) = (r.person_id, r.position) WHERE r.title IS NULL").fetchone() == (0,)
    assert count(db, "notes") == (len(dataset.policy.notes) + sum(len(p.notes) for p in dataset.all_partners)
                                  + sum(1 for p in dataset.all_partners for h in p.history if h.note)
                                  + sum(len(e.notes) for e in dataset.all_events))
    assert_sound(db)


def test_dataset_row(db: sqlite3.Connection, dataset: Dataset) -> None:
    row = db.execute("SELECT title, version, as_of, schema_version, policy_name, table_source FROM dataset").fetchone()
    assert row == (dataset.title, dataset.version, str(dataset.as_of), dataset.schema_version,
                   dataset.policy.name, dataset.policy.table_source)


def test_country_codes_and_mongolias_own(db: sqlite3.Connection) -> None:
    assert db.execute("SELECT cow_code, gw_code, cow_source FROM partners WHERE id = 'germany'").fetchone() == (
        255, 260, "correlatesofwar-data-sets-state-system-membership")
    assert db.execute("SELECT s.url FROM partners AS p JOIN source_records AS s ON s.id = p.gw_source "
                      "WHERE p.id = 'germany'").fetchone() == ("http://ksgleditsch.com/data/iisystem.dat",)
    assert db.execute("SELECT count(*) FROM partners WHERE kind = 'country' AND (cow_code IS NULL OR gw_code IS NULL)"
                      ).fetchone() == (0,)
    assert db.execute("SELECT id FROM partners WHERE kind = 'organisation' AND iso2 IS NULL ORDER BY id").fetchall() == [
        ("european-union",), ("nato",), ("osce",)]
    assert db.execute("SELECT mongolia_iso3, mongolia_cow_code, mongolia_gw_code FROM dataset").fetchone() == (
        "MNG", 712, 712)


def test_partner_columns_are_json_fields_with_json_values(db: sqlite3.Connection, dataset: Dataset) -> None:
    columns = [row[1] for row in db.execute("PRAGMA table_info(partners)")]
    partner = dataset.all_partners[0]
    assert set(columns) <= set(partner.to_dict())
    db.row_factory = sqlite3.Row
    for partner in dataset.all_partners:
        row = db.execute("SELECT * FROM partners WHERE id = ?", (partner.id,)).fetchone()
        expected = partner.to_dict()
        for column in columns:
            value = row[column]
            if column in ("neighbor", "asterisk", "since_approx", "tier_since_approx"):
                assert value in (0, 1)
                value = bool(value)
            assert value == expected[column], (partner.id, column)
        aliases = [a for (a,) in db.execute("SELECT alias FROM aliases WHERE partner_id = ? ORDER BY position",
                                            (partner.id,))]
        assert aliases == list(partner.aliases)
        leaders = [a for (a,) in db.execute("SELECT leader FROM partner_leaders WHERE partner_id = ? "
                                            "ORDER BY position", (partner.id,))]
        assert leaders == list(partner.leaders)


def test_fulltext_finds_the_trade_act(db: sqlite3.Connection, dataset: Dataset) -> None:
    rows = db.execute("SELECT e.title FROM fulltext JOIN events AS e ON e.id = fulltext.record_id "
                      "WHERE fulltext MATCH '\"Trade Act\"' AND record_type = 'event'").fetchall()
    expected = {e.title for e in dataset.all_events
                if "trade act" in " ".join((e.title, *e.notes)).casefold()}
    assert expected and {title for (title,) in rows} == expected
    # Accents are folded: the plain spelling finds the name written with umlauts.
    assert db.execute("SELECT count(*) FROM fulltext WHERE fulltext MATCH 'khurelsukh'").fetchone()[0] > 0


def test_fulltext_covers_partner_notes(db: sqlite3.Connection, dataset: Dataset) -> None:
    partner = next(p for p in dataset.all_partners if p.notes)
    rows = db.execute("SELECT record_id, text FROM fulltext WHERE record_type = 'partner'").fetchall()
    assert (partner.id, partner.notes[0]) in rows
    assert len(rows) == sum(len(p.notes) for p in dataset.all_partners)


def test_fts4_fallback(dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As on an SQLite built without FTS5: the first module tried does not exist.
    monkeypatch.setattr(sqlite_export, "FULLTEXT_MODULES", ("nosuchmodule", "fts4"))
    monkeypatch.setitem(sqlite_export._FULLTEXT, "nosuchmodule",
                        "CREATE VIRTUAL TABLE fulltext USING nosuchmodule(text)")
    connection = open_db(tmp_path, database_bytes(dataset))
    assert "fts4" in connection.execute("SELECT sql FROM sqlite_master WHERE name = 'fulltext'").fetchone()[0]
    assert connection.execute("SELECT count(*) FROM fulltext WHERE fulltext MATCH '\"Trade Act\"'").fetchone()[0] > 0
    assert_sound(connection)
    connection.close()


def test_example_queries(db: sqlite3.Connection, dataset: Dataset) -> None:
    (_, strategic), (_, khurelsukh) = EXAMPLE_QUERIES
    expected = sorted((p for p in dataset.all_partners if p.tier == "strategic"), key=lambda p: p.tier_sort_key)
    assert db.execute(strategic).fetchall() == [(p.name, str(p.tier_since)) for p in expected]
    assert expected[0].id == "japan"  # strategic since 2010, though its designation dates from 2022

    names = {p.id: p.name for p in dataset.all_partners}
    events = [e for e in dataset.all_events if "ukhnaagiin-khurelsukh" in e.people]
    rows = db.execute(khurelsukh).fetchall()
    assert events and [(date, title) for date, title, _ in rows] == [(str(e.date), e.title) for e in events]
    for (_, _, partners), event in zip(rows, events):
        assert sorted((partners or "").split(", ")) == sorted(names[pid] for pid in event.partners)


def test_subset_has_no_dangling_references(dataset: Dataset, tmp_path: Path) -> None:
    strategic = [p for p in dataset.all_partners if p.tier == "strategic"]
    connection = open_db(tmp_path, database_bytes(dataset, strategic))
    assert_sound(connection)
    kept = {p.id for p in strategic}
    assert {pid for (pid,) in connection.execute("SELECT id FROM partners")} == kept
    events = [e for e in dataset.all_events if set(e.partners) <= kept]
    assert 0 < len(events) < len(dataset.all_events)
    assert [t for (t,) in connection.execute("SELECT title FROM events ORDER BY id")] == [e.title for e in events]
    assert {pid for (pid,) in connection.execute("SELECT partner_id FROM event_partners")} <= kept
    for table in LINK_TABLES:
        for column in ("partner_id", "event_id", "history_id", "person_id"):
            target = {"partner_id": "partners", "event_id": "events",
                      "history_id": "tier_history", "person_id": "people"}[column]
            names = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            if column in names:
                dangling = connection.execute(
                    f"SELECT count(*) FROM {table} WHERE {column} IS NOT NULL "
                    f"AND {column} NOT IN (SELECT id FROM {target})").fetchone()[0]
                assert dangling == 0, (table, column)
    assert count(connection, "tier_history") == sum(len(p.history) for p in strategic)
    connection.close()


def test_hostile_text_is_plain_data(dataset: Dataset, tmp_path: Path) -> None:
    first, *rest = dataset.all_partners
    hostile_partner = dataclasses.replace(first, name=HOSTILE, aliases=(*first.aliases, HOSTILE),
                                          notes=(HOSTILE,), occasion=HOSTILE)
    event = dataclasses.replace(dataset.all_events[0], title=HOSTILE, notes=(HOSTILE,))
    changed = dataclasses.replace(dataset, title=HOSTILE, all_partners=(hostile_partner, *rest),
                                  all_events=(event, *dataset.all_events[1:]))
    connection = open_db(tmp_path, database_bytes(changed))
    assert_sound(connection)
    assert count(connection, "partners") == len(dataset.all_partners)
    assert count(connection, "events") == len(dataset.all_events)
    assert connection.execute("SELECT name, occasion FROM partners WHERE id = ?",
                              (first.id,)).fetchone() == (HOSTILE, HOSTILE)
    assert connection.execute("SELECT title FROM dataset").fetchone() == (HOSTILE,)
    assert connection.execute("SELECT title FROM events WHERE id = 1").fetchone() == (HOSTILE,)
    assert (HOSTILE,) in connection.execute("SELECT alias FROM aliases WHERE partner_id = ?", (first.id,)).fetchall()
    assert connection.execute("SELECT count(*) FROM notes WHERE note = ?", (HOSTILE,)).fetchone() == (2,)
    connection.close()


def test_leaders_given_as_names_have_no_person(dataset: Dataset, tmp_path: Path) -> None:
    # A dataset without [[people]] names leaders as typed, not by id.
    partners = tuple(dataclasses.replace(p, leaders=("Someone Typed",), history=()) for p in dataset.all_partners)
    events = tuple(dataclasses.replace(e, people=()) for e in dataset.all_events)
    changed = dataclasses.replace(dataset, all_partners=partners, all_events=events, all_people=())
    connection = open_db(tmp_path, database_bytes(changed))
    assert_sound(connection)
    assert connection.execute("SELECT DISTINCT leader, person_id FROM partner_leaders").fetchall() == [
        ("Someone Typed", None)]
    connection.close()


def test_unknown_tier_is_refused(dataset: Dataset, private_tmp: Path) -> None:
    broken: Partner = dataclasses.replace(dataset.all_partners[0], tier="no-such-tier")
    with pytest.raises(ValueError, match="no-such-tier"):
        database_bytes(dataset, [broken])
    assert list(private_tmp.iterdir()) == []


def test_opens_with_the_sqlite3_program(dataset: Dataset, tmp_path: Path) -> None:
    program = shutil.which("sqlite3")
    if program is None:
        pytest.skip("the sqlite3 command-line program is not installed")
    path = tmp_path / "export.sqlite"
    path.write_bytes(database_bytes(dataset))
    done = subprocess.run([program, "-readonly", str(path),
                           "PRAGMA integrity_check; SELECT count(*) FROM partners; "
                           "SELECT count(*) FROM fulltext WHERE fulltext MATCH '\"Trade Act\"';"],
                          capture_output=True, text=True, check=False, timeout=30)
    assert done.returncode == 0, done.stderr
    trade_act = sum("trade act" in " ".join((e.title, *e.notes)).casefold() for e in dataset.all_events)
    assert done.stdout.split() == ["ok", str(len(dataset.all_partners)), str(trade_act)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.sqlite"]


def test_the_mongolian_names_are_exported(tmp_path: Path) -> None:
    import thirdneighbor

    path = tmp_path / "mn.db"
    path.write_bytes(database_bytes(thirdneighbor.load()))
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT name_mn, official_name_mn FROM partners WHERE id = 'japan'").fetchone() == (
            "Япон", "Япон Улс")
        assert ("АНУ",) in db.execute("SELECT alias FROM aliases_mn WHERE partner_id = 'united-states'").fetchall()
        assert db.execute("SELECT name_mn FROM tiers WHERE id = 'strategic'").fetchone() == ("Стратегийн түншлэл",)


def test_a_sqlite_without_serialize_is_one_line_not_a_traceback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from types import SimpleNamespace

    from .conftest import run_cli

    # A Python whose SQLite is older than 3.36: its Connection has no serialize().
    monkeypatch.setattr(sqlite_export, "sqlite3", SimpleNamespace(Connection=object, sqlite_version="3.31.1"))
    result = run_cli("export", "--format", "sqlite", "-o", str(tmp_path / "policy.db"))
    assert (result.exit_code, result.stdout) == (4, "")
    assert result.stderr == "thirdneighbor: a SQLite export needs SQLite 3.36 or later; this Python has 3.31.1\n"
    assert list(tmp_path.iterdir()) == []


def test_the_tier_spells_and_partner_years_of_the_data_package(db: sqlite3.Connection, dataset: Dataset) -> None:
    from thirdneighbor.render.table_rows import table_rows

    spells = db.execute("SELECT spell, tier, start, start_precision, end, end_type FROM tier_spells "
                        "WHERE partner_id = 'japan' ORDER BY spell").fetchall()
    assert spells == [(1, "comprehensive", "1998-05", "month", "2010-11-19", "upgrade"),
                      (2, "strategic", "2010-11-19", "day", "2022-11-29", "rename"),
                      (3, "strategic", "2022-11-29", "day", None, "ongoing")]
    rows = table_rows(dataset)
    for name in ("tier_spells", "partner_years"):
        exported = db.execute(f"SELECT * FROM {name} ORDER BY rowid").fetchall()
        expected = [tuple(value if value is None or isinstance(value, (int, str)) else str(value) for value in row)
                    for row in rows[name]]
        assert exported == expected, name
    series = dataset.series(neighbors=True)
    for partner_id, year, tier in db.execute("SELECT partner_id, year, tier FROM partner_years"):
        assert series.get(partner_id, {}).get(year) == tier, (partner_id, year)
    # A year's spell is a declared key into tier_spells, checked by SQLite itself.
    assert db.execute("SELECT count(*) FROM partner_years AS y JOIN tier_spells AS s "
                      "ON s.partner_id = y.partner_id AND s.spell = y.spell").fetchone() == \
        db.execute("SELECT count(*) FROM partner_years WHERE spell IS NOT NULL").fetchone()
    assert_sound(db)
