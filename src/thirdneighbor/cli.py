"""The command-line layer: parse options, call the query functions, hand the
answer to thirdneighbor.output.

Nothing here knows how the data is stored or how a table is drawn. Errors from
the lower layers become a message on stderr and an exit code in one place,
`_reporting_errors`. Imports sit inside the commands: every command, and every
TAB of shell completion, pays at start-up for what is imported here.
"""

# No `from __future__ import annotations` here: Typer reads these annotations
# at every start-up, and resolving them from strings costs about 1 ms.

import functools
import inspect
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from . import completion
from .errors import ExitCode, ThirdNeighborError

if TYPE_CHECKING:
    from .model import Dataset
    from .partialdate import PartialDate
    from .present import View

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES_HELP = (
    "Exit codes: 0 ok (an empty result too), 1 country not found or ambiguous, "
    "2 usage error, 3 broken dataset, 4 a file could not be written, 130 interrupted."
)

app = typer.Typer(
    name="thirdneighbor",
    help=(
        "Query Mongolia's Third Neighbor Policy: its partners beyond Russia and China, "
        "their tiers, dates, sources and caveats, from a bundled, source-checked dataset.\n\n"
        + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# --- options shared by several commands ------------------------------------------------

DataOption = Annotated[
    Optional[str],
    typer.Option("--data", metavar="PATH",
                 help="Read this dataset file instead of the bundled one (default: $THIRDNEIGHBOR_DATA if set)."),
]
NoCacheFlag = Annotated[
    bool, typer.Option("--no-cache", help="Read and check the dataset file afresh; neither use nor write the cache."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (the contract in the README); same as --format json.")]
FormatOption = Annotated[
    Optional[str],
    typer.Option("--format", "-f", metavar="FORMAT", autocompletion=completion.formats,
                 help="table, plain, json, jsonl, csv, tsv or markdown. Default: table on a terminal, plain in a pipe."),
]
FieldsOption = Annotated[
    Optional[str],
    typer.Option("--fields", metavar="A,B,C", autocompletion=completion.fields,
                 help="Only these fields, in this order; an unknown name lists the valid ones."),
]
SvgOption = Annotated[
    Optional[str],
    typer.Option("--export-svg", metavar="FILE", help="Save the terminal view as an SVG picture instead of printing it."),
]
HtmlOption = Annotated[
    Optional[str],
    typer.Option("--export-html", metavar="FILE", help="Save the terminal view as an HTML page instead of printing it."),
]
ForceFlag = Annotated[bool, typer.Option("--force", help="Replace a file that exists already.")]
TierOption = Annotated[
    Optional[list[str]],
    typer.Option("--tier", "-t", metavar="LEVEL", autocompletion=completion.levels,
                 help="Only this level: strategic, comprehensive, expanded, comprehensive-strategic. Repeatable."),
]
SinceOption = Annotated[Optional[int], typer.Option("--since", metavar="YEAR", min=1, max=9999, help="From this year on.")]
UntilOption = Annotated[Optional[int], typer.Option("--until", metavar="YEAR", min=1, max=9999, help="Up to this year.")]
NeighborsFlag = Annotated[bool, typer.Option("--neighbors", help="Include Russia and China, Mongolia's two actual neighbours.")]
AsOfOption = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="DATE",
                 help="As things stood on this date (YYYY, YYYY-MM or YYYY-MM-DD); see 'History' in the README."),
]
CountriesArgument = Annotated[
    list[str],
    typer.Argument(metavar="COUNTRY...", autocompletion=completion.countries,
                   help="Name, alias, ISO code or id; accents and case are ignored."),
]


def _examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)


def _reporting_errors(command: F) -> F:
    """The single boundary where domain errors become stderr messages and exit codes."""

    @functools.wraps(command)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ThirdNeighborError as error:
            from .output import report_error

            report_error(error.message)
            raise typer.Exit(int(error.exit_code)) from None
        except BrokenPipeError:
            # The reader went away (`| head`). Point stdout at /dev/null so the
            # interpreter's final flush cannot fail again, and exit as a shell would.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(int(ExitCode.BROKEN_PIPE)) from None

    return guarded  # type: ignore[return-value]


def _load(data: Optional[str], no_cache: bool) -> "Dataset":
    from .dataset import load_dataset

    return load_dataset(data, use_cache=not no_cache)


def _dated(dataset: "Dataset", as_of: Optional[str]) -> "tuple[Dataset, Optional[PartialDate]]":
    """The dataset as it stood on --as-of, with that date; or as it is now."""
    if as_of is None:
        return dataset, None
    from .asof import dataset_as_of
    from .errors import UsageError
    from .partialdate import PartialDate, PartialDateError

    try:
        date = PartialDate.parse(as_of.strip())
    except PartialDateError as error:
        raise UsageError(f"--as-of: {error}") from None
    return dataset_as_of(dataset, date), date


def _resolve_dated(dataset: "Dataset", dated: "Dataset", date: "Optional[PartialDate]", names: list[str]) -> list:
    """Resolve names in the full dataset, then take those partners as of the date."""
    from .query import resolve_partners

    partners = resolve_partners(dataset, names)
    if date is None:
        return partners
    from .asof import same_partners_as_of

    return same_partners_as_of(dated, partners, date)


class Answer:
    """The options every answering command shares, gathered by `_answering`:
    where the data comes from, and how the answer is to be shown."""

    def __init__(self, data: Optional[str], no_cache: bool, json_output: bool, format_name: Optional[str],
                 fields: Optional[str], export_svg: Optional[str], export_html: Optional[str], force: bool) -> None:
        self.data, self.no_cache = data, no_cache
        self.json_output, self.format_name, self.fields = json_output, format_name, fields
        self.export_svg, self.export_html, self.force = export_svg, export_html, force

    def dataset(self) -> "Dataset":
        return _load(self.data, self.no_cache)

    def show(self, view: "View") -> None:
        """Narrow the view to --fields, then print it or export it."""
        from . import output
        from .present import parse_fields

        chosen_format = output.check_format(self.format_name, self.json_output)
        if self.fields is not None:
            view = view.narrowed(parse_fields(self.fields))
        if self.export_svg or self.export_html:
            if chosen_format not in (None, "table"):
                from .errors import UsageError

                raise UsageError("--export-svg and --export-html save the table view; leave out --format and --json")
            for path, kind in ((self.export_svg, "svg"), (self.export_html, "html")):
                if path:
                    output.export(view, path, kind, force=self.force)
            return
        output.emit(view, chosen_format)


# (name, annotation, default) of the options that `_answering` adds, in --help order.
ANSWER_OPTIONS = (
    ("json_output", JsonFlag, False),
    ("format_name", FormatOption, None),
    ("fields", FieldsOption, None),
    ("export_svg", SvgOption, None),
    ("export_html", HtmlOption, None),
    ("force", ForceFlag, False),
    ("data", DataOption, None),
    ("no_cache", NoCacheFlag, False),
)


def _answering(command: F) -> F:
    """Give a command the shared output and dataset options, as one `answer`.

    Typer reads a command's options from its signature, so this writes them into
    the signature once, here, instead of into every command.
    """
    signature = inspect.signature(command)
    own = [parameter for parameter in signature.parameters.values() if parameter.name != "answer"]
    shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
              for name, annotation, default in ANSWER_OPTIONS]

    @functools.wraps(command)
    def with_answer(*args: Any, **kwargs: Any) -> Any:
        answer = Answer(**{name: kwargs.pop(name) for name, _, _ in ANSWER_OPTIONS})
        return command(*args, answer=answer, **kwargs)

    with_answer.__signature__ = signature.replace(parameters=own + shared)  # type: ignore[attr-defined]
    return with_answer  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"thirdneighbor {__version__}")
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
    "thirdneighbor list --since 2024 --format csv --fields name,tier,since",
))
@_reporting_errors
@_answering
def list_command(
    tier: TierOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    neighbors: NeighborsFlag = False,
    sort: Annotated[str, typer.Option("--sort", metavar="ORDER", help="tier (default), name or date.")] = "tier",
    as_of: AsOfOption = None,
    *,
    answer: Answer,
) -> None:
    """List the third neighbors: level, designation and the date it began."""
    from .present import partners_view
    from .query import select_partners

    dataset, date = _dated(answer.dataset(), as_of)
    partners = select_partners(dataset, tiers=tier or (), since=since, until=until,
                               include_neighbors=neighbors, sort=sort)
    answer.show(partners_view(dataset, partners, date))


@app.command("show", epilog=_examples(
    "thirdneighbor show korea",
    "thirdneighbor show korea --json | jq .since",
    "thirdneighbor show japan --as-of 2015 --sources",
))
@_reporting_errors
@_answering
def show_command(
    countries: CountriesArgument,
    sources: Annotated[bool, typer.Option("--sources", help="Give the sources of every fact shown, event by event.")] = False,
    as_of: AsOfOption = None,
    *,
    answer: Answer,
) -> None:
    """Everything about one or more partners: level, history, events, notes and sources."""
    from .present import show_view
    from .query import events_by_partner

    full = answer.dataset()
    dataset, date = _dated(full, as_of)
    partners = list({partner.id: partner for partner in _resolve_dated(full, dataset, date, countries)}.values())
    view = show_view(dataset, partners, events_by_partner(dataset), date, with_sources=sources)
    answer.show(view)


@app.command("history", epilog=_examples("thirdneighbor history korea", "thirdneighbor history usa --json"))
@_reporting_errors
@_answering
def history_command(
    country: Annotated[str, typer.Argument(metavar="COUNTRY", autocompletion=completion.countries,
                                           help="Name, alias, ISO code or id.")],
    *,
    answer: Answer,
) -> None:
    """A partner's levels over time, oldest first, ending with the current one."""
    from .present import history_view
    from .query import resolve_partner

    dataset = answer.dataset()
    view = history_view(dataset, resolve_partner(dataset, country))
    answer.show(view)


@app.command("timeline", epilog=_examples(
    "thirdneighbor timeline --since 2019",
    "thirdneighbor timeline --country japan --country usa --json",
    "thirdneighbor timeline --chart",
))
@_reporting_errors
@_answering
def timeline_command(
    country: Annotated[Optional[list[str]], typer.Option(
        "--country", "-c", metavar="COUNTRY", autocompletion=completion.countries,
        help="Only events of this partner. Repeatable.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    tier: TierOption = None,
    chart: Annotated[bool, typer.Option("--chart", help="A bar chart of milestones per year, coloured by level.")] = False,
    *,
    answer: Answer,
) -> None:
    """Dated milestones of the policy, oldest first, grouped by year."""
    from .present import chart_view, timeline_view
    from .query import resolve_partners, select_events

    dataset = answer.dataset()
    partner_ids = [partner.id for partner in resolve_partners(dataset, country or [])]
    events = select_events(dataset, partner_ids=partner_ids, since=since, until=until, tiers=tier or ())
    view = chart_view(dataset, events) if chart else timeline_view(dataset, events)
    answer.show(view)


@app.command("tiers", epilog=_examples("thirdneighbor tiers", "thirdneighbor tiers --as-of 2010 --neighbors --json"))
@_reporting_errors
@_answering
def tiers_command(
    neighbors: NeighborsFlag = False,
    as_of: AsOfOption = None,
    *,
    answer: Answer,
) -> None:
    """The levels in rank order, each with its designations and partners."""
    from .groupings import neighbours_only_levels, tier_groups
    from .present import tiers_view

    full = answer.dataset()
    dataset, date = _dated(full, as_of)
    groups = tier_groups(dataset, include_neighbors=neighbors, neighbor_levels=neighbours_only_levels(full))
    view = tiers_view(dataset, groups, date)
    answer.show(view)


@app.command("compare", epilog=_examples(
    'thirdneighbor compare japan "united states"',
    "thirdneighbor compare germany france italy --fields tier,since --format markdown",
))
@_reporting_errors
@_answering
def compare_command(
    countries: Annotated[list[str], typer.Argument(metavar="COUNTRY...", autocompletion=completion.countries,
                                                   help="Two or more partners.")],
    as_of: AsOfOption = None,
    *,
    answer: Answer,
) -> None:
    """Two or more partners side by side, one row per field, differences marked.

    With --fields, only those rows (fields compared) are shown.
    """
    from .groupings import compare_partners
    from .present import compare_view

    full = answer.dataset()
    dataset, date = _dated(full, as_of)
    partners = _resolve_dated(full, dataset, date, countries)
    view = compare_view(dataset, partners, compare_partners(dataset, partners), date)
    answer.show(view)


# --- the dataset itself ------------------------------------------------------------------

@app.command("validate", epilog=_examples("thirdneighbor validate my-partners.toml", "thirdneighbor validate --json mine.toml"))
@_reporting_errors
def validate_command(
    path: Annotated[str, typer.Argument(metavar="PATH", help="The dataset file to check.")],
    json_output: JsonFlag = False,
) -> None:
    """Check a dataset file and list every problem in it (exit 0 if valid, 3 if not)."""
    from .dataset import check_dataset

    report = check_dataset(path)
    from . import output

    if json_output:
        output.write_json(report)
    elif report["valid"]:
        output.write_text(f"{path}: valid ({report['partners']} partners, {report['events']} events)\n")
    if not report["valid"]:
        if not json_output:
            output.report_error(report["message"])
        raise typer.Exit(int(ExitCode.BROKEN_DATASET))


@app.command("export", epilog=_examples(
    "thirdneighbor export --tier strategic > strategic.toml",
    "thirdneighbor export --neighbors --output all.toml",
))
@_reporting_errors
def export_command(
    format_name: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", autocompletion=completion.export_formats,
                                             help="toml, the only one so far.")] = "toml",
    tier: TierOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    neighbors: NeighborsFlag = False,
    country: Annotated[Optional[list[str]], typer.Option(
        "--country", "-c", metavar="COUNTRY", autocompletion=completion.countries,
        help="Only this partner (a neighbour too). Repeatable.")] = None,
    output_path: Annotated[Optional[str], typer.Option("--output", "-o", metavar="FILE",
                                                       help="Write to this file (atomically) instead of stdout.")] = None,
    force: ForceFlag = False,
    data: DataOption = None,
    no_cache: NoCacheFlag = False,
) -> None:
    """Write the selected partners, with their events, as a dataset file of its own.

    The filters are those of `list`. An event is kept when every partner it names
    is kept; events that name no partner are always kept.
    """
    from .errors import UsageError

    if format_name != "toml":
        raise UsageError(f"unknown export format {format_name!r}; the one format is toml")
    from .query import resolve_partners, select_partners, subset
    from .toml_out import dumps_dataset

    dataset = _load(data, no_cache)
    # A neighbour named with --country is wanted, --neighbors or not.
    partners = select_partners(dataset, tiers=tier or (), since=since, until=until,
                               include_neighbors=neighbors or bool(country))
    if country:
        wanted = {partner.id for partner in resolve_partners(dataset, country)}
        partners = [partner for partner in partners if partner.id in wanted]
    text = dumps_dataset(subset(dataset, partners))
    from . import output

    if output_path is None:
        output.write_bytes(text)
        return
    from .files import write_atomically

    output.report_note(f"wrote {write_atomically(output_path, text, force=force)}")


@app.command("init", epilog=_examples("thirdneighbor init my-partners.toml", "thirdneighbor validate my-partners.toml"))
@_reporting_errors
def init_command(
    path: Annotated[str, typer.Argument(metavar="PATH", help="Where to write the copy.")],
    force: ForceFlag = False,
) -> None:
    """Write an editable copy of the bundled dataset, as a start for your own."""
    from . import output
    from .dataset import bundled_dataset_path, read_bytes
    from .files import write_atomically

    written = write_atomically(path, read_bytes(bundled_dataset_path()), force=force)
    output.report_note(f"wrote {written}; use it with --data {written} or THIRDNEIGHBOR_DATA={written}")


@app.command("cite", epilog=_examples("thirdneighbor cite", "thirdneighbor cite --format bibtex >> references.bib"))
@_reporting_errors
def cite_command(
    format_name: Annotated[str, typer.Option("--format", "-f", metavar="FORMAT", autocompletion=completion.cite_formats,
                                             help="text (default), bibtex or json.")] = "text",
    data: DataOption = None,
    no_cache: NoCacheFlag = False,
) -> None:
    """How to cite the dataset: title, version, date and sources."""
    from . import output
    from .citation import citation_json, citation_text, bibtex
    from .errors import UsageError

    writers = {"text": citation_text, "bibtex": bibtex}
    if format_name not in (*writers, "json"):
        raise UsageError(f"unknown format {format_name!r}; choose from text, bibtex, json")
    dataset = _load(data, no_cache)
    if format_name == "json":
        output.write_json(citation_json(dataset))
    else:
        output.write_text(writers[format_name](dataset))


def run() -> None:
    """Run the app; see thirdneighbor.__main__ for the entry point around it."""
    try:
        app(prog_name="thirdneighbor")
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))
