"""The command-line layer: option declarations, and calls to the query functions.

Each command returns a Reply (thirdneighbor.reply) and writes nothing; the app's
group (thirdneighbor.boundary.AnsweringGroup) renders and writes it, and maps
errors to exit codes, in one place. Imports sit inside the commands: every
command, and every TAB of shell completion, pays at start-up for what is
imported here.
"""

# No `from __future__ import annotations` here: Typer reads these annotations
# at every start-up, and resolving them from strings costs about 1 ms.

from typing import Annotated, Optional

import typer

from . import completion
from .boundary import AnsweringGroup
from .cli_options import (AllFlag, AsOfOption, CountriesArgument, DataSource, ForceFlag, JsonFlag, NeighborsFlag,
                          EventTierOption, PartnerSinceOption, PartnerUntilOption, SinceOption, TierOption,
                          UntilOption, YearOption, answering, comma_list, reading_data, window_of)
from .errors import ExitCode, exit_codes_text
from .reply import Reply

app = typer.Typer(
    name="thirdneighbor",
    cls=AnsweringGroup,
    help=(
        "Query Mongolia's Third Neighbor Policy: its partners beyond Russia and China, "
        "their tiers, dates, sources and caveats, from a bundled, source-checked dataset.\n\n"
        + exit_codes_text()
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)


def _version(value: bool) -> None:
    # An eager option runs while the arguments are parsed, before any command.
    if value:
        from . import __version__
        from .boundary import answer

        answer(lambda: Reply(f"thirdneighbor {__version__}\n"))
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Query Mongolia's Third Neighbor Policy partnerships."""


# --- questions -------------------------------------------------------------------------

@app.command("list", epilog=_examples(
    "thirdneighbor list --tier strategic",
    "thirdneighbor list --as-of 2015-12-31",
    "thirdneighbor list --since 2024 --format csv --fields name,tier,tier_since",
))
@answering
def list_command(
    tier: TierOption = None,
    since: PartnerSinceOption = None,
    until: PartnerUntilOption = None,
    year: YearOption = None,
    neighbors: NeighborsFlag = False,
    all_relations: AllFlag = False,
    sort: Annotated[str, typer.Option("--sort", metavar="ORDER", help="tier (default), name or date.")] = "tier",
    as_of: AsOfOption = None,
    *,
    source: DataSource,
):
    """List the third neighbors: tier, the date each reached it, and designation.

    "Since" is the date the partner reached its current tier; a designation
    renamed later within the tier (Japan's, in 2022) shows its own date too, and
    is `since` in JSON, `tier_since` the tier's date.
    """
    from .query.select import select_partners
    from .views import View

    first, last, window = window_of(since, until, year)
    dataset, date = source.load_as_of(as_of)
    partners = select_partners(dataset, tiers=tier or (), since=first, until=last, include_neighbors=neighbors,
                               include_other=all_relations, sort=sort, as_of=date)
    if not partners and tier and not neighbors:
        from .query.groups import neighbor_only_tiers
        from .query.select import check_tiers

        only_theirs = [tier_id for tier_id in check_tiers(dataset, tier) if tier_id in neighbor_only_tiers(dataset)]
        if only_theirs:
            source.notes.append(f"only Mongolia's neighbors hold {', '.join(only_theirs)}; add --neighbors to list them")
    return View("list", dataset, partners, as_of=date, window=window)


@app.command("show", epilog=_examples(
    "thirdneighbor show korea",
    "thirdneighbor show korea --json | jq .since",
    "thirdneighbor show japan --as-of 2015 --sources",
))
@answering
def show_command(
    countries: CountriesArgument,
    sources: Annotated[bool, typer.Option("--sources", help="Give the sources of every fact shown, event by event.")] = False,
    as_of: AsOfOption = None,
    *,
    source: DataSource,
):
    """Everything about one or more partners: tier, history, events, notes and sources."""
    from .query.select import events_by_partner, resolve_partners
    from .views import ShowSubject, View

    dataset, date = source.load_as_of(as_of)
    found = source.found(resolve_partners(dataset, countries, as_of=date, words=True))
    partners = list({partner.id: partner for partner in found}.values())
    subject = ShowSubject(partners, events_by_partner(dataset, as_of=date))
    return View("show", dataset, subject, as_of=date, with_sources=sources)


@app.command("history", epilog=_examples("thirdneighbor history korea", "thirdneighbor history usa --json"))
@answering
def history_command(
    country: Annotated[list[str], typer.Argument(metavar="COUNTRY", autocompletion=completion.countries,
                                                 help="Name, alias, ISO code or id; a name of several words "
                                                      "needs no quotes.")],
    *,
    source: DataSource,
):
    """A partner's tiers over time, oldest first, ending with the current one."""
    from .query.select import resolve_partners
    from .views import View

    dataset = source.load()
    partners = list({partner.id: partner for partner in resolve_partners(dataset, country, words=True)}.values())
    if len(partners) > 1:
        from .errors import UsageError
        from .render.safe import clean

        raise UsageError(f"history shows one partner at a time; {', '.join(clean(p.name) for p in partners)} "
                         "were named: run it once for each, or use `show` for several")
    [partner] = source.found(partners)
    return View("history", dataset, partner)


@app.command("timeline", epilog=_examples(
    "thirdneighbor timeline --since 2019",
    "thirdneighbor timeline 2025",
    "thirdneighbor timeline --country japan,usa --json",
    "thirdneighbor timeline --chart",
))
@answering
def timeline_command(
    positional_year: Annotated[Optional[str], typer.Argument(
        metavar="[YEAR]", help="Only this year: `timeline 2025` is `timeline --year 2025`.")] = None,
    country: Annotated[Optional[list[str]], typer.Option(
        "--country", "-c", metavar="COUNTRY", autocompletion=completion.country_list, callback=comma_list,
        help="Only events of this partner. Repeatable, or several with commas.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    year: YearOption = None,
    tier: EventTierOption = None,
    chart: Annotated[bool, typer.Option("--chart", help="A bar chart of milestones per year, coloured by the tier "
                                                        "the partners named held on each event's date.")] = False,
    *,
    source: DataSource,
):
    """Dated milestones of the policy, oldest first, grouped by year.

    A year given alone, `timeline 2025`, is the same as --year 2025; any other
    word there is refused with a hint (a country goes after --country).
    """
    from .query.select import resolve_partners, select_events
    from .views import View

    if positional_year is not None:
        from .errors import UsageError, quoted

        word = positional_year.strip()
        if not (len(word) == 4 and word.isascii() and word.isdigit()):
            raise UsageError(f"timeline takes a year (timeline 2025 is timeline --year 2025), not {quoted(word)}; "
                             "a partner goes after --country, a month or a day after --since and --until")
        if year is not None or since is not None or until is not None:
            raise UsageError(f"timeline {word} is the same as --year {word}, which takes the place of --since and "
                             "--until; give one of them")
        year = word
    first, last, window = window_of(since, until, year)
    dataset = source.load()
    partner_ids = [partner.id for partner in source.found(resolve_partners(dataset, country or []))]
    events = select_events(dataset, partner_ids=partner_ids, since=first, until=last, tiers=tier or ())
    if chart:
        from .query.groups import milestones_per_year

        return View("chart", dataset, milestones_per_year(dataset, events), window=window)
    return View("timeline", dataset, events, window=window)


@app.command("tiers", epilog=_examples("thirdneighbor tiers", "thirdneighbor tiers --as-of 2010 --neighbors --json"))
@answering
def tiers_command(
    neighbors: NeighborsFlag = False,
    all_relations: AllFlag = False,
    as_of: AsOfOption = None,
    *,
    source: DataSource,
):
    """The tiers in rank order, each with its designations and partners."""
    from .query.groups import tier_groups
    from .views import View

    dataset, date = source.load_as_of(as_of)
    groups = tier_groups(dataset, include_neighbors=neighbors, include_other=all_relations, as_of=date)
    return View("tiers", dataset, groups, as_of=date)


@app.command("compare", epilog=_examples(
    'thirdneighbor compare japan "united states"',
    "thirdneighbor compare germany france italy --fields tier,since --format markdown",
))
@answering
def compare_command(
    countries: Annotated[list[str], typer.Argument(metavar="COUNTRY...", autocompletion=completion.countries,
                                                   help="Two or more partners.")],
    as_of: AsOfOption = None,
    *,
    source: DataSource,
):
    """Two or more partners side by side, one row per field, differences marked.

    With --fields, only those rows (fields compared) are shown. With --as-of, a
    partner that held no tier yet on that date is compared as such: its tier and
    dates show as "—", and a note says so.
    """
    from .query.asof import partner_or_untied
    from .query.groups import compare_partners
    from .query.select import resolve_partners
    from .views import CompareSubject, View

    dataset, date = source.load_as_of(as_of)
    partners = source.found(resolve_partners(dataset, countries, words=True))
    if date is not None:
        from .render.safe import clean

        untied = [clean(partner.name) for partner in partners if partner.tier is not None
                  and partner_or_untied(partner, date).tier is None]
        if untied:
            source.notes.append(f"{', '.join(untied)} held no tier yet as of {date}")
        partners = [partner_or_untied(partner, date) for partner in partners]
    subject = CompareSubject(partners, compare_partners(dataset, partners, as_of=date))
    return View("compare", dataset, subject, as_of=date)


# --- the dataset itself ------------------------------------------------------------------

@app.command("validate", epilog=_examples("thirdneighbor validate my-partners.toml", "thirdneighbor validate --json mine.toml"))
def validate_command(
    path: Annotated[str, typer.Argument(metavar="PATH", help="The dataset file to check.")],
    json_output: JsonFlag = False,
) -> Reply:
    """Check a dataset file and list every problem in it (exit 0 if valid, 3 if not)."""
    from .dataset import check_dataset

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
))
@reading_data
def export_command(
    format_name: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", autocompletion=completion.export_formats,
                                             help="toml (default) or sqlite (needs --output).")] = "toml",
    tier: TierOption = None,
    since: PartnerSinceOption = None,
    until: PartnerUntilOption = None,
    year: YearOption = None,
    neighbors: NeighborsFlag = False,
    all_relations: AllFlag = False,
    country: Annotated[Optional[list[str]], typer.Option(
        "--country", "-c", metavar="COUNTRY", autocompletion=completion.country_list, callback=comma_list,
        help="Only this partner (a neighbor or an other relation too). Repeatable, or several with commas.")] = None,
    output_path: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE",
                                                       help="Write to this file (atomically) instead of stdout.")] = None,
    force: ForceFlag = False,
    *,
    source: DataSource,
) -> Reply:
    """Write the selected partners, with their events, as a dataset file of its own, or as a SQLite database.

    The filters are those of `list` but --as-of and --sort: --tier, --since,
    --until, --neighbors and --all; and --country. An export is the data as it
    stands, every record with its history, so that any --as-of can be asked of it
    later (`list --data FILE --as-of DATE`). An event is kept when every partner
    it names is kept; events that name no partner are always kept. --format
    sqlite writes a normalised database (partners, tier history, events, people,
    notes, sources, and a full-text index), for sqlite3 or datasette.
    """
    from .errors import UsageError

    format_name = format_name.lower()
    if format_name not in ("toml", "sqlite"):
        raise UsageError(f"unknown export format {format_name!r}; choose from toml, sqlite")
    if format_name == "sqlite" and output_path in (None, "-"):
        raise UsageError("--format sqlite writes a database file; give --output FILE")
    if output_path not in (None, "-"):
        from .files import check_suffix

        check_suffix(output_path, (".toml",) if format_name == "toml" else (".db", ".sqlite", ".sqlite3", ".db3"),
                     f"export --format {format_name}")
    from .query.select import narrowed, resolve_partners, select_partners, subset
    from .toml_out import dumps_dataset

    first, last, _ = window_of(since, until, year)
    dataset = source.load()
    # A neighbor or other relation named with --country is wanted, --neighbors or --all or not.
    partners = select_partners(dataset, tiers=tier or (), since=first, until=last,
                               include_neighbors=neighbors or bool(country),
                               include_other=all_relations or bool(country))
    if country:
        partners = narrowed(partners, resolve_partners(dataset, country))
    if format_name == "sqlite":
        from .sqlite_export import database_bytes

        return Reply(database_bytes(dataset, partners), output_path=output_path, force=force)
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

    from .dataset import bundled_dataset_path, own_copy, read_bytes
    from .render.safe import shown

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
    from .dataset import load_source
    from .errors import UsageError
    from .query.diff import dataset_diff
    from .render.diff_text import diff_text, summary
    from .render.safe import shown

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
    from . import citation
    from .errors import UsageError

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
        from .render.rich_views import linked_text

        text = linked_text(text, streams.terminal())
    return Reply(text)


# The research questions (search, changes, series, people) and the pictures (chart,
# map, report) live in modules of their own; importing them registers their commands.
from . import cli_pictures, cli_questions  # noqa: E402,F401
