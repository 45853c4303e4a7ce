"""The tables the SQLite export shares with the tabular export: `tier_spells`
and `partner_years` (thirdneighbor.render.tables), made from the same
declarations and the same rows, so that the two exports cannot disagree.

A Table Schema type becomes a SQLite type: string TEXT, integer INTEGER, and
boolean INTEGER holding 0 or 1 (as the other flags of the database). A
required column is NOT NULL; the keys are declared. In SQLite a composite
foreign key with a NULL part is not checked, so the link from a partner-year
to its spell, which the data package can only describe, is declared here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ..data.model import Dataset, Partner
from ..data.partialdate import PartialDate
from .tables import ForeignKey, Table, table

SHARED_TABLES = ("tier_spells", "partner_years")
_TYPES = {"string": "TEXT", "integer": "INTEGER", "boolean": "INTEGER"}
# Declared only here: see the module's docstring.
_EXTRA_KEYS = {"partner_years": (ForeignKey(("partner_id", "spell"), "tier_spells", ("partner_id", "spell")),)}


def create_statement(declared: Table) -> str:
    """CREATE TABLE for a declared table."""
    lines = []
    for column in declared.columns:
        line = f"{column.name} {_TYPES[column.type]}"
        if column.required:
            line += " NOT NULL"
        if column.type == "boolean":
            line += f" CHECK ({column.name} IN (0, 1))"
        elif "enum" in column.constraints:
            line += f" CHECK ({column.name} IN ({', '.join(repr(value) for value in column.constraints['enum'])}))"
        lines.append(line)
    lines.append(f"PRIMARY KEY ({', '.join(declared.primary_key)})")
    for key in (*declared.foreign_keys, *_EXTRA_KEYS.get(declared.name, ())):
        lines.append(f"FOREIGN KEY ({', '.join(key.columns)}) REFERENCES {key.table}({', '.join(key.referenced)})")
    return f"CREATE TABLE {declared.name} (\n    " + ",\n    ".join(lines) + "\n)"


def add_shared_tables(db: sqlite3.Connection, dataset: Dataset, partners: Sequence[Partner]) -> None:
    """Create and fill the shared tables (inside the caller's transaction)."""
    from ..query.spells import tier_spells
    from .table_rows import partner_year_rows, tier_spell_rows

    rows = {"tier_spells": tier_spell_rows(tier_spells(dataset, partners)),
            "partner_years": partner_year_rows(dataset, partners)}
    for name in SHARED_TABLES:
        declared = table(name)
        db.execute(create_statement(declared))
        marks = ", ".join("?" * len(declared.columns))
        db.executemany(f"INSERT INTO {name} VALUES ({marks})",
                       [tuple(str(value) if isinstance(value, PartialDate) else value for value in row)
                        for row in rows[name]])
