"""The options several commands share, and the decorators that add them.

Typer reads a command's options from its signature; the decorators write the
shared ones into it, so that each is declared once, here. `answering` gives a
command the output options (`--json`, `--format`, `--fields`, the exports) and
the dataset options; `reading_data` only the dataset options (`--data`,
`--no-cache`).
"""

# No `from __future__ import annotations` here: Typer reads these annotations
# at every start-up, and resolving them from strings costs about 1 ms.

import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from . import completion
from ..core.language import _
from ..views.reply import OutputOptions, Reply

if TYPE_CHECKING:
    from ..data.load import Loaded
    from ..data.model import Dataset, Partner
    from ..data.partialdate import PartialDate
    from ..query.window import Window
    from ..views.registry import View

F = TypeVar("F", bound=Callable[..., Any])

# --- options shared by several commands ------------------------------------------------

DataOption = Annotated[
    Optional[str],
    typer.Option("--data", metavar="PATH",
                 help="Read this dataset file instead of the bundled one (default: $THIRDNEIGHBOR_DATA if set); "
                      "- for stdin. At most 64 MiB, or $THIRDNEIGHBOR_MAX_BYTES (such as 256M)."),
]
NoCacheFlag = Annotated[
    bool, typer.Option("--no-cache", help="Read and check the dataset file afresh; neither use nor write the cache."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (the contract in the README); same as --format json.")]
FormatOption = Annotated[
    Optional[str],
    typer.Option("--format", "-f", metavar="FORMAT", autocompletion=completion.formats,
                 help="table, plain, json, jsonl, csv, tsv or markdown (md). Default: table on a terminal, plain in a pipe."),
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
def comma_list(values: Optional[list[str]]) -> Optional[list[str]]:
    """The values of an option that takes several (`--country usa,japan`,
    `--tier strategic,comprehensive`, or the option repeated), split at commas,
    each stripped: the one way the command line splits a list. A value with
    nothing but commas and spaces stays "", for the look-up to refuse."""
    if values is None:
        return None
    return [part for value in values for part in ([p.strip() for p in value.split(",") if p.strip()] or [""])]


def _tier_option(what: str) -> Any:
    return Annotated[
        Optional[list[str]],
        typer.Option("--tier", "--level", "-t", metavar="TIER", autocompletion=completion.tiers, callback=comma_list,
                     help=f"Only {what}: strategic, comprehensive, expanded, comprehensive-strategic (or its name, "
                          "any case). Repeatable, or several with commas."),
    ]


TierOption = _tier_option("this tier")
# An event is of the tier its partners held on its date, not of today's: the
# 2004 Türkiye event is comprehensive, the US events of 2017-2018 too.
EventTierOption = _tier_option("events naming a partner that held this tier on the event's date")
SearchTierOption = _tier_option("partners at this tier now, and events naming a partner that held it on the "
                                "event's date")
PeopleTierOption = _tier_option("occasions of a tie at this tier, and events naming a partner that held it on "
                                "the event's date")


def _window(compared: str) -> tuple[Any, Any]:
    """--since and --until, their help saying which date of a record they compare."""
    since = Annotated[Optional[str], typer.Option(
        "--since", metavar="DATE", help=f"From this date on, inclusive: YYYY, YYYY-MM or YYYY-MM-DD, from its first "
                                        f"day (2024 is 2024-01-01). Compared with {compared}.")]
    until = Annotated[Optional[str], typer.Option(
        "--until", metavar="DATE", help=f"Up to this date, inclusive, to its last day (2024 is 2024-12-31). "
                                        f"Compared with {compared}.")]
    return since, until


# Events are compared by their date; partners by the date they reached their
# current tier (a rename within the tier does not move it: Japan, strategic since 2010).
SinceOption, UntilOption = _window("the event's date")
PartnerSinceOption, PartnerUntilOption = _window(
    "the date the partner reached its current tier (tier_since), not the date of a later rename within it")
SearchSinceOption, SearchUntilOption = _window(
    "an event's date, and the date a partner reached its current tier (tier_since)")
YearlySinceOption = Annotated[Optional[str], typer.Option(
    "--since", "--from", metavar="DATE",
    help="The first year (default: the first year any partner held a tier). Years only: a date stands for its "
         "year (2010-06 is 2010).")]
YearlyUntilOption = Annotated[Optional[str], typer.Option(
    "--until", "--to", metavar="DATE",
    help="The last year (default: the dataset's as-of year). Years only: a date stands for its year.")]
def _country_option(help_text: str) -> Any:
    return Annotated[Optional[list[str]], typer.Option(
        "--country", "-c", metavar="COUNTRY", autocompletion=completion.country_list, callback=comma_list,
        help=f"{help_text} Repeatable, or several with commas.")]


CountryOption = _country_option("Only this partner (a neighbor or an other relation too).")
EventCountryOption = _country_option("Only events of this partner.")


def _output_option(help_text: str, metavar: str = "FILE") -> Any:
    return Annotated[Optional[str], typer.Option("--output", "-o", metavar=metavar, help=help_text)]


OutputOption = _output_option("Write to this file (atomically); - for stdout.")
ExportOutputOption = _output_option("Write to this file (atomically) instead of stdout; for csv and datapackage, "
                                    "this directory (one file per table, written as a whole).", "PATH")
YearOption = Annotated[Optional[str], typer.Option(
    "--year", metavar="YEAR", help="Only this year: the same as --since YEAR --until YEAR.")]
BomFlag = Annotated[bool, typer.Option(
    "--bom", help="Begin CSV or TSV with a byte-order mark, so that Excel reads it as UTF-8 (Türkiye, Япон).")]
AllFlag = Annotated[bool, typer.Option(
    "--all", help="Also the partners without a partnership tier: the other relations (the UK) and the "
                  "organisations (the EU, the OSCE, NATO).")]
NeighborsFlag = Annotated[bool, typer.Option("--neighbors", help="Include Russia and China, Mongolia's two actual neighbors.")]
AsOfOption = Annotated[
    Optional[str],
    typer.Option("--as-of", metavar="DATE",
                 help="As things stood on this date (YYYY, YYYY-MM or YYYY-MM-DD); see 'History' in the README."),
]
CountriesArgument = Annotated[
    list[str],
    typer.Argument(metavar="COUNTRY...", autocompletion=completion.countries,
                   help="Name, alias, ISO code or id; accents and case are ignored, and a name of several "
                        "words needs no quotes (show united states japan)."),
]


class DataSource:
    """--data and --no-cache: where the dataset comes from. `notes` collects what
    the Reply is to say on stderr: notices from loading the dataset (old key
    names), and the command's own (a name that lands on an other relation)."""

    def __init__(self, path: Optional[str], no_cache: bool) -> None:
        self.path, self.no_cache = path, no_cache
        self.notes: list[str] = []

    def load(self) -> "Dataset":
        return self.load_source().dataset

    def load_source(self) -> "Loaded":
        """The dataset, and where it came from (for `info`)."""
        from ..data.load import load_source

        return load_source(self.path, use_cache=not self.no_cache, on_notice=self.notes.append)

    def load_as_of(self, as_of: Optional[str]) -> "tuple[Dataset, Optional[PartialDate]]":
        """The dataset and the --as-of date; a note where the date is later than
        the data, which knows nothing after its own as-of date."""
        dataset, date = self.load(), as_of_date(as_of)
        if date is not None:
            from ..data.partialdate import last_day

            if last_day(date) > last_day(dataset.as_of):
                from ..core.written_dates import written_date

                self.notes.append(_("--as-of {date} is later than the data, which was last checked on {checked}; "
                                    "later changes are not in it").format(date=written_date(date),
                                                                          checked=written_date(dataset.as_of)))
        return dataset, date

    def none_left(self, neighbors: bool) -> None:
        """Say why an answer is empty, where the filters left no partner."""
        self.notes.append(_("no partner matches these filters") + ("" if neighbors else
                          _("; Russia and China, Mongolia's neighbors, need --neighbors")))

    def found(self, partners: "list[Partner]") -> "list[Partner]":
        """Partners a name search found: say which of them hold no tier."""
        for partner in partners:
            if partner.tier is None:
                from ..core.safe import clean

                what = (_("an organisation, a multilateral third neighbor") if partner.is_organisation
                        else _("in the dataset for its events"))
                self.notes.append(_("{name} holds no partnership tier; it is {what} (`list --all` shows the other "
                                    "relations and the organisations)").format(name=clean(partner.name), what=what))
        return partners


def as_of_date(text: Optional[str], label: str = "--as-of") -> "Optional[PartialDate]":
    """--as-of (or another date the user typed, named by `label`) as a date, or a usage error."""
    if text is None:
        return None
    from ..errors import UsageError
    from ..data.partialdate import PartialDate, PartialDateError

    try:
        return PartialDate.parse(text.strip())
    except PartialDateError as error:
        raise UsageError(f"{label}: {error}") from None


def window_of(since: Optional[str], until: Optional[str],
              year: Optional[str]) -> "tuple[Optional[PartialDate], Optional[PartialDate], Optional[Window]]":
    """--since, --until and --year as checked dates, and the window they cover
    (its first and last day, for the heading); a usage error for a bad date, a
    --year beside --since or --until, or --since after --until."""
    if since is None and until is None and year is None:
        return None, None, None  # no window: nothing to check, and query.window stays unimported
    from ..query.select import check_date_range
    from ..query.window import one_year, window

    start, end = check_date_range(*one_year(year, since, until))
    return start, end, window(start, end)


# (name, annotation, default) of the options the decorators add, in --help order.
OUTPUT_OPTIONS = (
    ("json", JsonFlag, False),
    ("format", FormatOption, None),
    ("fields", FieldsOption, None),
    ("bom", BomFlag, False),
    ("export_svg", SvgOption, None),
    ("export_html", HtmlOption, None),
    ("force", ForceFlag, False),
)
DATA_OPTIONS = (("data", DataOption, None), ("no_cache", NoCacheFlag, False))


def _with_options(command: Callable[..., Any], added: tuple, wrap: Callable[..., Any]) -> Any:
    """`wrap(kwargs)` around `command`, with `added` options written into its
    signature: Typer reads a command's options from its signature, so the shared
    ones are declared once, here, instead of in every command."""
    signature = inspect.signature(command)
    own = [parameter for parameter in signature.parameters.values() if parameter.kind != inspect.Parameter.KEYWORD_ONLY]
    shared = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
              for name, annotation, default in added]

    @functools.wraps(command)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        return wrap(*args, **kwargs)

    wrapped.__signature__ = signature.replace(parameters=own + shared)  # type: ignore[attr-defined]
    return wrapped


def reading_data(command: F) -> F:
    """Give a command --data and --no-cache, as one `source: DataSource`; the
    notices of loading go into its Reply."""
    def run(*args: Any, data: Optional[str], no_cache: bool, **kwargs: Any) -> Reply:
        source = DataSource(data, no_cache)
        reply: Reply = command(*args, source=source, **kwargs)
        reply.notes[:0] = source.notes
        return reply

    return _with_options(command, DATA_OPTIONS, run)


def answering(command: F) -> F:
    """Give a command the shared output and dataset options. The command returns
    a View; the Reply carries it with the output options."""
    def run(*args: Any, data: Optional[str], no_cache: bool, **kwargs: Any) -> Reply:
        options = OutputOptions(**{name: kwargs.pop(name) for name, _, _ in OUTPUT_OPTIONS})
        source = DataSource(data, no_cache)
        view: "View" = command(*args, source=source, **kwargs)
        return Reply(view, options=options, notes=source.notes)

    return _with_options(command, OUTPUT_OPTIONS + DATA_OPTIONS, run)
