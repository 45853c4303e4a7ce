"""The command-line layer: parse options, call the query functions, pick a renderer.

Nothing here knows how the data is stored or how a table is drawn. Errors from
the lower layers are turned into a message on stderr and an exit code in one
place, `_reporting_errors`.
"""



import functools
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from .errors import ExitCode, ThirdNeighborError

if TYPE_CHECKING:
    from .model import Dataset

F = TypeVar("F", bound=Callable[..., Any])

EXIT_CODES_HELP = (
    "Exit codes: 0 ok (an empty result too), 1 country not found or ambiguous, "
    "2 usage error, 3 broken dataset, 130 interrupted."
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

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (the contract in the README) instead of text.")]
DataOption = Annotated[
    Optional[str],
    typer.Option(
        "--data",
        metavar="PATH",
        help="Read this dataset file instead of the bundled one (default: $THIRDNEIGHBOR_DATA if set).",
    ),
]
NoCacheFlag = Annotated[
    bool, typer.Option("--no-cache", help="Read and check the dataset file afresh; neither use nor write the cache."),
]
TierOption = Annotated[
    Optional[list[str]],
    typer.Option("--tier", "-t", metavar="LEVEL",
                 help="Only this level: strategic, comprehensive, expanded, comprehensive-strategic. Repeatable."),
]
SinceOption = Annotated[Optional[int], typer.Option("--since", metavar="YEAR", min=1, max=9999, help="From this year on.")]
UntilOption = Annotated[Optional[int], typer.Option("--until", metavar="YEAR", min=1, max=9999, help="Up to this year.")]
NeighborsFlag = Annotated[bool, typer.Option("--neighbors", help="Include Russia and China, Mongolia's two actual neighbours.")]


def _load(data: str | None, no_cache: bool) -> "Dataset":
    from .dataset import load_dataset

    return load_dataset(data, use_cache=not no_cache)


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


@app.command("list", epilog=_examples(
    "thirdneighbor list --tier strategic",
    "thirdneighbor list --since 2024 --sort date --json",
))
@_reporting_errors
def list_command(
    tier: TierOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    neighbors: NeighborsFlag = False,
    sort: Annotated[str, typer.Option("--sort", metavar="ORDER", help="tier (default), name or date.")] = "tier",
    json_output: JsonFlag = False,
    data: DataOption = None,
    no_cache: NoCacheFlag = False,
) -> None:
    """List the third neighbors: level, designation and the date it began."""
    from .query import select_partners

    dataset = _load(data, no_cache)
    partners = select_partners(dataset, tiers=tier or (), since=since, until=until,
                               include_neighbors=neighbors, sort=sort)
    from . import output

    if json_output:
        from .serialize import partner_json

        output.write_json([partner_json(partner) for partner in partners])
    elif output.wants_rich():
        from .render.views import partners_table

        output.write_rich(partners_table(dataset, partners))
    else:
        from .render.plain import partner_rows

        output.write_lines(partner_rows(partners))


@app.command("show", epilog=_examples(
    "thirdneighbor show korea",
    "thirdneighbor show korea --json | jq .since",
    "thirdneighbor show turkiye IND",
))
@_reporting_errors
def show_command(
    countries: Annotated[list[str], typer.Argument(metavar="COUNTRY...", help="Name, alias, ISO code or id; accents and case are ignored.")],
    json_output: JsonFlag = False,
    data: DataOption = None,
    no_cache: NoCacheFlag = False,
) -> None:
    """Everything about one or more partners: level, history, events, notes and sources."""
    from .query import events_by_partner, levels_by_id, resolve_partners

    dataset = _load(data, no_cache)
    partners = resolve_partners(dataset, countries)
    events = events_by_partner(dataset)
    from . import output

    if json_output:
        from .serialize import partner_detail_json

        details = [partner_detail_json(p, events[p.id]) for p in partners]
        output.write_json(details[0] if len(details) == 1 else details)
        return
    levels = levels_by_id(dataset)
    if output.wants_rich():
        from rich.console import Group

        from .render.views import partner_panel

        output.write_rich(Group(*(partner_panel(dataset, p, levels[p.level], events[p.id]) for p in partners)))
    else:
        from .render.plain import partner_block

        blocks = ["\n".join(partner_block(p, levels[p.level], events[p.id])) for p in partners]
        output.write_text("\n\n".join(blocks) + "\n")


@app.command("timeline", epilog=_examples(
    "thirdneighbor timeline --since 2019",
    "thirdneighbor timeline --country japan --country usa --json",
))
@_reporting_errors
def timeline_command(
    country: Annotated[Optional[list[str]], typer.Option("--country", "-c", metavar="COUNTRY", help="Only events of this partner. Repeatable.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    tier: TierOption = None,
    json_output: JsonFlag = False,
    data: DataOption = None,
    no_cache: NoCacheFlag = False,
) -> None:
    """Dated milestones of the policy, oldest first, grouped by year."""
    from .query import resolve_partners, select_events

    dataset = _load(data, no_cache)
    partner_ids = [partner.id for partner in resolve_partners(dataset, country or [])]
    events = select_events(dataset, partner_ids=partner_ids, since=since, until=until, tiers=tier or ())
    from . import output

    if json_output:
        from .serialize import event_json

        output.write_json([event_json(event) for event in events])
    elif output.wants_rich():
        from .render.views import timeline_tree

        output.write_rich(timeline_tree(events, {p.id: p.name for p in dataset.partners}))
    else:
        from .render.plain import event_rows

        output.write_lines(event_rows(events))


@app.command("tiers", epilog=_examples("thirdneighbor tiers", "thirdneighbor tiers --neighbors --json"))
@_reporting_errors
def tiers_command(
    neighbors: NeighborsFlag = False,
    json_output: JsonFlag = False,
    data: DataOption = None,
    no_cache: NoCacheFlag = False,
) -> None:
    """The levels in rank order, each with its designations and partners."""
    from .groupings import tier_groups

    dataset = _load(data, no_cache)
    groups = tier_groups(dataset, include_neighbors=neighbors)
    from . import output

    if json_output:
        from .serialize import tiers_json

        output.write_json(tiers_json(groups))
    elif output.wants_rich():
        from .render.views import tiers_tree

        output.write_rich(tiers_tree(dataset, groups))
    else:
        from .render.plain import tier_rows

        output.write_lines(tier_rows(groups))


@app.command("compare", epilog=_examples(
    'thirdneighbor compare japan "united states"',
    "thirdneighbor compare germany france italy --json",
))
@_reporting_errors
def compare_command(
    countries: Annotated[list[str], typer.Argument(metavar="COUNTRY...", help="Two or more partners.")],
    json_output: JsonFlag = False,
    data: DataOption = None,
    no_cache: NoCacheFlag = False,
) -> None:
    """Two or more partners side by side, one row per field, differences marked."""
    from .groupings import compare_partners
    from .query import resolve_partners

    dataset = _load(data, no_cache)
    partners = resolve_partners(dataset, countries)
    fields = compare_partners(dataset, partners)
    from . import output

    if json_output:
        from .serialize import compare_json

        output.write_json(compare_json(partners, fields))
    elif output.wants_rich():
        from .render.views import compare_table

        output.write_rich(compare_table(dataset, partners, fields))
    else:
        from .render.plain import compare_rows

        output.write_lines(compare_rows(fields))


def run() -> None:
    """Run the app; see thirdneighbor.__main__ for the entry point around it."""
    try:
        app(prog_name="thirdneighbor")
    except KeyboardInterrupt:
        sys.exit(int(ExitCode.INTERRUPTED))
