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


def _encoding(stream: Any) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def _fit_encoding(text: str, encoding: str) -> str:
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    import unicodedata  # only a narrow encoding gets here

    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
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
    _write_bytes(data)


def write_lines(lines: list[str]) -> None:
    write_text("".join(line + "\n" for line in lines))


def write_json(payload: Any) -> None:
    text = dumps(payload)
    try:
        data = text.encode(_encoding(sys.stdout))
    except (UnicodeEncodeError, LookupError):
        # Escapes keep the JSON valid and exact where the locale is narrow.
        data = dumps(payload, ensure_ascii=True).encode("ascii")
    _write_bytes(data)


def _write_bytes(data: bytes) -> None:
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
    console = Console(
        file=buffer,
        force_terminal=True,
        width=size.columns,
        height=size.lines,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(renderable)
    write_text(buffer.getvalue())
