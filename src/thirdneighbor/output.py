"""Writing to stdout and stderr: the only module that touches the streams.

Text that the stream's encoding cannot carry (LANG=C, PYTHONIOENCODING=ascii)
degrades to its unaccented letters ("Khürelsükh" -> "Khurelsukh") instead of
crashing; JSON falls back to \\u escapes so it stays exact and valid.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from typing import TYPE_CHECKING, Any

from .serialize import dumps

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .present import View


def _encoding(stream: Any) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def _fit_encoding(text: str, encoding: str) -> str:
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    from .names import strip_accents  # only a narrow encoding gets here

    stripped = strip_accents(text)
    try:
        return stripped.encode(encoding, errors="replace").decode(encoding)
    except LookupError:
        return stripped.encode("ascii", errors="replace").decode("ascii")


def write_text(text: str) -> None:
    """Write to stdout and flush, so a closed pipe is noticed here and not at exit."""
    encoding = _encoding(sys.stdout)
    try:
        data = text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        data = _fit_encoding(text, encoding).encode(encoding, errors="replace")
    write_bytes(data)


def write_json(payload: Any) -> None:
    text = dumps(payload)
    try:
        data = text.encode(_encoding(sys.stdout))
    except (UnicodeEncodeError, LookupError):
        # Escapes keep the JSON valid and exact where the locale is narrow.
        data = dumps(payload, ensure_ascii=True).encode("ascii")
    write_bytes(data)


def write_bytes(data: bytes) -> None:
    """Write bytes to stdout and flush."""
    # Encoded once by the caller and written below the text layer, which would
    # otherwise encode the whole text again: that mattered for the 5 MB of a
    # 10,000-partner list.
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream
        sys.stdout.write(data.decode(_encoding(sys.stdout)))
        sys.stdout.flush()
        return
    buffer.write(data)
    buffer.flush()


def report_error(message: str) -> None:
    """An error on stderr; the exit code is the caller's."""
    _to_stderr(message)


def report_note(message: str) -> None:
    """A short status line on stderr, where it does not mix with the data."""
    _to_stderr(message)


def _to_stderr(message: str) -> None:
    from .render.safe import clean

    lines = [clean(line) for line in message.splitlines()] or [""]
    text = "thirdneighbor: " + "\n".join(lines) + "\n"
    sys.stderr.write(_fit_encoding(text, _encoding(sys.stderr)))
    sys.stderr.flush()


def wants_rich() -> bool:
    """Tables and trees on a terminal (or when FORCE_COLOR asks); plain text otherwise."""
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


class _Capture(io.StringIO):
    """A text buffer that reports the real stdout's encoding, so that Rich
    picks ASCII box characters when the terminal cannot show Unicode ones."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def write_rich(renderable: RenderableType) -> None:
    from rich.console import Console

    buffer = _Capture(_encoding(sys.stdout))
    # Both dimensions are given: with only a width, Rich assumes 80 columns under TERM=dumb.
    size = shutil.get_terminal_size()
    # Colour and styles only for a terminal (or FORCE_COLOR); `--format table`
    # into a pipe or a file gets the same layout as plain characters.
    terminal = wants_rich()
    console = Console(
        file=buffer,
        force_terminal=terminal,
        color_system="auto" if terminal else None,
        width=size.columns,
        height=size.lines,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(renderable)
    write_text(buffer.getvalue())


# --- a command's View in the format asked for ------------------------------------

FORMATS = ("table", "plain", "json", "jsonl", "csv", "tsv", "markdown")


def check_format(format_name: str | None, json_flag: bool) -> str | None:
    """The format to use: --format, or --json as its shortcut; None means the default."""
    from .errors import UsageError

    if json_flag:
        if format_name not in (None, "json"):
            raise UsageError(f"--json and --format {format_name} ask for two formats; give one")
        return "json"
    if format_name is not None and format_name not in FORMATS:
        raise UsageError(f"unknown format {format_name!r}; choose from {', '.join(FORMATS)}")
    return format_name


def emit(view: View, format_name: str | None) -> None:
    """Write a View to stdout: table on a terminal, plain text in a pipe, or as asked."""
    format_name = format_name or ("table" if wants_rich() else "plain")
    if format_name == "json":
        write_json(view.payload(view.records))
        return
    if format_name == "table":
        write_rich(_renderable(view))
        return
    from .render import formats

    if format_name == "jsonl":
        write_text(formats.json_lines(view.records))
    elif format_name == "plain":
        write_text(formats.plain(view.records, view.columns))
    elif format_name == "csv":
        write_text(formats.delimited(view.records, view.columns, ","))
    elif format_name == "tsv":
        write_text(formats.delimited(view.records, view.columns, "\t"))
    else:
        write_text(formats.markdown(view.records, view.columns))


def _renderable(view: View) -> RenderableType:
    if view.rich is not None:
        return view.rich()
    from .render.views import records_table

    return records_table(view.title, view.records, view.columns)


EXPORT_WIDTH = 100


def export(view: View, path: str, kind: str, *, force: bool) -> None:
    """Save the terminal view as an SVG or HTML file, written atomically."""
    from rich.console import Console

    from .files import write_atomically

    console = Console(record=True, file=io.StringIO(), width=EXPORT_WIDTH, force_terminal=True,
                      color_system="truecolor", highlight=False, emoji=False, markup=False)
    console.print(_renderable(view))
    title = f"thirdneighbor: {view.title}" if view.title else "thirdneighbor"
    text = console.export_svg(title=title) if kind == "svg" else console.export_html(inline_styles=True)
    written = write_atomically(path, text.encode("utf-8"), force=force)
    report_note(f"wrote {written}")
