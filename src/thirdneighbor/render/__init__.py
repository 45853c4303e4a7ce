"""Every output format, and `render`, the one dispatcher that picks among them.

- `json_text.py`: the JSON encoding (`--json`, `--format json`).
- `text.py`: plain, CSV, TSV and JSON Lines, without Rich; `plain_views.py` the
  plain format of the views that are not rows; `markdown.py` Markdown.
- `readable.py`: the formats for people name the records a value refers to
  (plain, Markdown, the table format); the machine formats keep the ids.
- `rich_draw.py`: the Rich drawing of each kind of view (`--format table`), made
  of `rich_parts.py`, `rich_views.py`, `rich_chart.py` and `rich_questions.py`;
  `export.py` the same drawings saved as SVG or HTML.
- `citation.py` (`cite`), `sqlite.py` (`export --format sqlite`), `diff_text.py`,
  and `pictures/`: the chart, the map and the report.

Dataset text reaches a terminal only through thirdneighbor.core.safe.

Renderers return text and print nothing; thirdneighbor.cli.streams writes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from ..views.registry import View

FORMATS = ("table", "plain", "json", "jsonl", "csv", "tsv", "markdown")
# Other names a format answers to: the short name editors and file names use.
FORMAT_ALIASES = {"md": "markdown"}


class Terminal(NamedTuple):
    """What the table format needs to know about where it is going."""

    styled: bool  # colour and styles: a terminal, or FORCE_COLOR
    width: int
    height: int
    encoding: str


def choose_format(format_name: str | None, json_flag: bool) -> str | None:
    """The format asked for (in any case: CSV is csv): --format, or --json as
    its shortcut; None means the default."""
    from ..errors import UsageError

    if format_name is not None:
        format_name = FORMAT_ALIASES.get(format_name.lower(), format_name.lower())
    if json_flag:
        if format_name not in (None, "json"):
            raise UsageError(f"--json and --format {format_name} ask for two formats; give one")
        return "json"
    if format_name is not None and format_name not in FORMATS:
        raise UsageError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)} (or md for markdown)")
    return format_name


def render(view: View, format_name: str, terminal: Terminal) -> str:
    """A View as text in one of FORMATS."""
    if format_name == "json":
        from .json_text import dumps

        return dumps(view.payload())
    if format_name == "table":
        from .rich_draw import to_text

        return to_text(view, terminal)
    from . import text

    if format_name == "jsonl":
        return text.json_lines(view.records)
    if format_name == "csv":
        return text.delimited(view.text_records, view.columns, ",")
    if format_name == "tsv":
        return text.delimited(view.text_records, view.columns, "\t")
    if format_name == "plain" and view.chosen is None:
        from .plain_views import PLAIN_VIEWS

        if view.kind in PLAIN_VIEWS:
            return PLAIN_VIEWS[view.kind](view)
    if format_name == "plain":
        from .readable import readable

        return text.plain(readable(view, view.text_records), view.columns)
    if format_name == "markdown":
        from .markdown import markdown

        return markdown(view)
    raise ValueError(f"no format {format_name!r}")
