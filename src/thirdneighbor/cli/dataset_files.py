"""The commands about dataset files: validate, export, init, diff, info, cite."""

from typing import Annotated, Optional

import typer

from . import completion
from ..errors import ExitCode
from ..views.reply import Reply
from .options import (AllFlag, CountryOption, DataSource, ExportOutputOption, ForceFlag, JsonFlag, NeighborsFlag,
                      PartnerSinceOption, PartnerUntilOption, TierOption, YearOption, reading_data, window_of)
from .completion import EXPORT_FORMATS
from .root import _examples, app


@app.command("validate", epilog=_examples("thirdneighbor validate my-partners.toml", "thirdneighbor validate --json mine.toml"))
def validate_command(
    path: Annotated[str, typer.Argument(metavar="PATH", help="The dataset file to check.")],
    json_output: JsonFlag = False,
) -> Reply:
    """Check a dataset file and list every problem in it (exit 0 if valid, 3 if not)."""
    from ..data.load import check_dataset

    report = check_dataset(path)
    code = ExitCode.OK if report["valid"] else ExitCode.BROKEN_DATASET
    if json_output:
        return Reply(report, is_json=True, exit_code=code)
    if report["valid"]:
        text = f"{path}: valid ({report['partners']} partners, {report['events']} events)\n"
        return Reply(text, notes=report["notices"])
    return Reply(notes=[report["message"]], exit_code=code)


@app.command("export", epilog=_examples(
    "thirdneighbor export --tier strategic > strategic.toml",
    "thirdneighbor export --neighbors --output all.toml",
    "thirdneighbor export --format datapackage --neighbors --all --output policy-data",
    "thirdneighbor export --format csv --table tier_spells --country japan",
))
@reading_data
def export_command(
    format_name: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", autocompletion=completion.export_formats,
                                             help="toml (default), sqlite (needs --output), or csv or "
                                                  "datapackage (a directory of tables: needs --output DIR).")] = "toml",
    tier: TierOption = None,
    since: PartnerSinceOption = None,
    until: PartnerUntilOption = None,
    year: YearOption = None,
    neighbors: NeighborsFlag = False,
    all_relations: AllFlag = False,
    country: CountryOption = None,
    output_path: ExportOutputOption = None,
    table: Annotated[Optional[str], typer.Option(
        "--table", metavar="TABLE", autocompletion=completion.export_tables,
        help="With --format csv: only this table, as one CSV file, to stdout or --output FILE.")] = None,
    force: ForceFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """Write the selected partners, with their events, as a dataset file of its own, a SQLite database, or tables.

    The filters are those of `list` but --as-of and --sort: --tier, --since,
    --until, --neighbors and --all; and --country. An export is the data as it
    stands, every record with its history, so that any --as-of can be asked of it
    later (`list --data FILE --as-of DATE`). An event is kept when every partner
    it names is kept; events that name no partner are always kept. --format
    sqlite writes a normalised database (partners, tier history, events, people,
    notes, sources, tier spells, partner-years, and a full-text index), for
    sqlite3 or datasette. --format datapackage writes a directory of CSV files,
    one per table, with a Frictionless datapackage.json that types and describes
    every column and declares the keys; --format csv the same files without it.
    """
    from ..errors import UsageError

    format_name = format_name.lower()
    if format_name not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {format_name!r}; choose from {', '.join(EXPORT_FORMATS)}")
    if table is not None and format_name != "csv":
        raise UsageError(f"--table writes one table as CSV; add --format csv (not {format_name})")
    if format_name == "sqlite" and output_path in (None, "-"):
        raise UsageError("--format sqlite writes a database file; give --output FILE")
    tables = format_name in ("csv", "datapackage") and table is None
    if tables and output_path in (None, "-"):
        raise UsageError(f"--format {format_name} writes a directory of files, one per table; give --output DIR "
                         "(or --table TABLE for one table on stdout)")
    if table is not None:
        from ..render.tables import check_table

        check_table(table)
    if output_path not in (None, "-") and not tables:
        from ..core.files import check_suffix

        suffixes = {"toml": (".toml",), "sqlite": (".db", ".sqlite", ".sqlite3", ".db3"), "csv": (".csv",)}
        check_suffix(output_path, suffixes[format_name], f"export --format {format_name}")
    from ..query.select import narrowed, resolve_partners, select_partners, subset
    from ..data.write import dumps_dataset

    first, last, _ = window_of(since, until, year)
    dataset = source.load()
    # A neighbor or other relation named with --country is wanted, --neighbors or --all or not.
    partners = select_partners(dataset, tiers=tier or (), since=first, until=last,
                               include_neighbors=neighbors or bool(country),
                               include_other=all_relations or bool(country))
    if country:
        partners = narrowed(partners, resolve_partners(dataset, country))
    if format_name == "sqlite":
        from ..render.sqlite import database_bytes

        return Reply(database_bytes(dataset, partners), output_path=output_path, force=force)
    if format_name in ("csv", "datapackage"):
        from ..render.datapackage import export_files, table_csv

        if table is not None:
            return Reply(table_csv(dataset, partners, table), output_path=None if output_path == "-" else output_path,
                         force=force)
        files = export_files(dataset, partners, descriptor=format_name == "datapackage")
        return Reply(files, output_path=output_path, force=force, directory=True)
    return Reply(dumps_dataset(subset(dataset, partners)), output_path=None if output_path == "-" else output_path,
                 force=force)


@app.command("init", epilog=_examples("thirdneighbor init my-partners.toml", "thirdneighbor validate my-partners.toml"))
def init_command(
    path: Annotated[str, typer.Argument(metavar="PATH", help="Where to write the copy.")],
    force: ForceFlag = False,
) -> Reply:
    """Write an editable copy of the bundled dataset, as a start for your own.

    The copy gets a title and a version of its own (0.1.0), so that `cite` on it
    does not claim to be the bundled dataset.
    """
    import shlex

    from ..data.load import bundled_dataset_path, own_copy, read_bytes
    from ..core.safe import shown

    copy = own_copy(read_bytes(bundled_dataset_path(), bounded=False))
    if path == "-":  # to stdout: `thirdneighbor init - > mine.toml`, or into another tool
        return Reply(copy)
    quoted = shown(shlex.quote(path))  # as a shell would take it: `init "my data.toml"`
    return Reply(copy, output_path=path, force=force,
                 notes=[f"use it with --data {quoted} or THIRDNEIGHBOR_DATA={quoted}"])


@app.command("diff", epilog=_examples("thirdneighbor diff old.toml new.toml",
                                       "thirdneighbor init - | thirdneighbor diff - mine.toml",
                                       "thirdneighbor diff old.toml new.toml --json | jq '.changes[].key'"))
def diff_command(
    old: Annotated[str, typer.Argument(metavar="OLD", help="The older dataset file; - for stdin.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="The newer dataset file; - for stdin.")],
    json_output: Annotated[bool, typer.Option("--json", help="Print JSON (the contract in the README).")] = False,
) -> Reply:
    """What changed from one dataset file to another: records added and removed, and each
    changed field with its old and new value. Exit 0 whether or not they differ.

    Tiers, partners and people are matched by id, events by date and title, so an event
    whose date or title changed shows as one removed and one added.
    """
    from ..data.load import load_source
    from ..errors import UsageError
    from ..query.diff import dataset_diff
    from ..render.diff_text import diff_text, summary
    from ..core.safe import shown

    if old == "-" and new == "-":
        raise UsageError("OLD and NEW cannot both be - (stdin); give at least one file")
    notes: list[str] = []
    before, after = load_source(old, on_notice=notes.append), load_source(new, on_notice=notes.append)
    changes = dataset_diff(before.dataset, after.dataset)
    notes.append(f"{shown(before.path)} → {shown(after.path)}: {summary(changes)}")
    if json_output:
        sides = [{"path": str(loaded.path), "title": loaded.dataset.title, "version": loaded.dataset.version}
                 for loaded in (before, after)]
        return Reply({"old": sides[0], "new": sides[1], "changes": changes}, is_json=True, notes=notes)
    return Reply(diff_text(changes), notes=notes)


@app.command("info", epilog=_examples("thirdneighbor info", "THIRDNEIGHBOR_DATA=mine.toml thirdneighbor info --json"))
@reading_data
def info_command(
    json_output: JsonFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """Where the data comes from: the file in use and why, its version and date, its records, the cache."""
    from .info import info_record, info_text

    record = info_record(source.load_source(), use_cache=not source.no_cache)
    return Reply(record, is_json=True) if json_output else Reply(info_text(record))


@app.command("cite", epilog=_examples("thirdneighbor cite", "thirdneighbor cite --format bibtex >> references.bib",
                                       "thirdneighbor cite --format csl-json > thirdneighbor.json",
                                       "thirdneighbor cite --json | jq .license", "thirdneighbor cite --sources"))
@reading_data
def cite_command(
    format_name: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", autocompletion=completion.cite_formats,
                                             help="text (default), bibtex, csl-json, ris or json.")] = "text",
    json_output: JsonFlag = False,
    sources: Annotated[bool, typer.Option("--sources", help="List every source the data cites instead, one a line "
                                                            "(a JSON array with --json).")] = False,
    *,
    source: DataSource,
) -> Reply:
    """How to cite the dataset: authors, title, data version, tool version, date checked and licence."""
    from ..render import citation
    from ..errors import UsageError

    writers = {"text": citation.citation_text, "bibtex": citation.bibtex, "ris": citation.ris}
    format_name = format_name.lower()
    if format_name not in (*writers, "csl-json", "json"):
        raise UsageError(f"unknown format {format_name!r}; choose from text, bibtex, csl-json, ris, json")
    if json_output and format_name not in ("text", "json"):
        raise UsageError(f"--json and --format {format_name} ask for two formats; give one")
    if sources and format_name not in ("text", "json"):
        raise UsageError(f"--sources lists the sources as text, or as JSON with --json; drop --format {format_name}")
    dataset = source.load()
    as_json = json_output or format_name == "json"
    if sources and as_json:
        return Reply(citation.all_sources(dataset), is_json=True)
    if as_json:
        return Reply(citation.citation_json(dataset), is_json=True)
    if format_name == "csl-json":
        return Reply(citation.csl_json(dataset), is_json=True)
    text = citation.sources_text(dataset) if sources else writers[format_name](dataset)
    from . import streams

    if format_name == "text" and streams.wants_rich():  # on a terminal, each web address is a link
        from ..render.rich_draw import linked_text

        text = linked_text(text, streams.terminal())
    return Reply(text)
