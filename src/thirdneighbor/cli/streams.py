"""Writing to stdout and stderr: the only module that touches the streams.

Text that the stream's encoding cannot carry (LANG=C, PYTHONIOENCODING=ascii)
degrades to its unaccented letters ("Khürelsükh" -> "Khurelsukh") instead of
crashing; JSON falls back to \\u escapes so it stays exact and valid.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from typing import Any

from ..render import Terminal


def _encoding(stream: Any) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def _fit_encoding(text: str, encoding: str) -> str:
    try:
        text.encode(encoding)
        return text
    except (UnicodeEncodeError, LookupError):
        pass
    from ..core.fold import strip_accents  # only a narrow encoding gets here

    stripped = strip_accents(text)
    try:
        return stripped.encode(encoding, errors="replace").decode(encoding)
    except LookupError:
        return stripped.encode("ascii", errors="replace").decode("ascii")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _ascii_json(text: str) -> str:
    """JSON text with every non-ASCII character as a \\u escape, as json's
    ensure_ascii writes it: the same data, in any encoding."""
    import json

    return _NON_ASCII.sub(lambda match: json.dumps(match.group())[1:-1], text)


def write_text(text: str, *, is_json: bool = False) -> None:
    """Write to stdout and flush, so a closed pipe is noticed here and not at exit."""
    encoding = _encoding(sys.stdout)
    try:
        data = text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        if is_json:  # escapes keep the JSON valid and exact where the locale is narrow
            data = _ascii_json(text).encode("ascii")
        else:
            data = _fit_encoding(text, encoding).encode(encoding, errors="replace")
    write_bytes(data)


def write_bytes(data: bytes) -> None:
    """Write bytes to stdout and flush.

    A closed pipe raises BrokenPipeError, for the boundary to turn into exit 141;
    any other failure (a full disk: `> /dev/full`) raises CannotWriteError.
    """
    # Encoded once by the caller and written below the text layer, which would
    # otherwise encode the whole text again: that mattered for the 5 MB of a
    # 10,000-partner list.
    try:
        _flush(sys.stdout)
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream
            sys.stdout.write(data.decode(_encoding(sys.stdout)))
            sys.stdout.flush()
            return
        _write_all(buffer, data)
        _flush(buffer)
    except BrokenPipeError:
        raise
    except OSError as error:
        from ..errors import CannotWriteError

        silence_stdout()
        raise CannotWriteError(f"cannot write the output: {error.strerror or error}") from None


def _write_all(buffer: Any, data: bytes) -> None:
    """Write every byte. Under PYTHONUNBUFFERED stdout's buffer is a raw file,
    whose write may take only part of the data (a pipe holds 64 KiB) and says
    how much; a non-blocking stdout that is full takes none, until it drains."""
    view = memoryview(data)
    while view:
        try:
            written = buffer.write(view)
        except BlockingIOError as error:  # a buffered writer on a non-blocking descriptor
            written = error.characters_written
            _wait_until_writable(buffer)
        if written is None:  # a raw writer on a non-blocking descriptor, full
            _wait_until_writable(buffer)
            continue
        view = view[written:]


def _flush(stream: Any) -> None:
    """Flush, waiting on a non-blocking stdout until what it holds fits."""
    while True:
        try:
            stream.flush()
            return
        except BlockingIOError:
            _wait_until_writable(stream)


def _wait_until_writable(buffer: Any) -> None:
    import select

    select.select([], [buffer], [])


def silence_stdout() -> None:
    """After stdout failed (a closed pipe, a full disk): point it at /dev/null, so
    that the interpreter's last flush of what is still buffered cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass


def note(message: str) -> None:
    """A message on stderr (an error, or a status line), prefixed with the tool's
    name, where it does not mix with the data."""
    from ..core.safe import clean

    # Only "\n" separates the lines of a message; any other line break (\r,
    # U+2028, U+0085...) is inside a value and cleans to a space, so that dataset
    # text cannot start a line that looks like one of the tool's own.
    lines = [clean(line) for line in message.rstrip("\n").split("\n")]
    text = "thirdneighbor: " + "\n".join(lines) + "\n"
    if sys.stderr is None:  # started with stderr closed (`2>&-`): nobody to tell
        return
    try:
        sys.stderr.write(_fit_encoding(text, _encoding(sys.stderr)))
        sys.stderr.flush()
    except OSError:  # stderr failed too: nothing left to tell anyone
        pass


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal: where SVG or HTML source is no answer to read."""
    return sys.stdout.isatty()


def wants_rich() -> bool:
    """Tables and trees on a terminal (or when FORCE_COLOR asks); plain text otherwise."""
    return sys.stdout.isatty() or bool(os.environ.get("FORCE_COLOR"))


def terminal() -> Terminal:
    """What the table format needs to know about stdout."""
    size = shutil.get_terminal_size()
    # Colour and styles only for a terminal (or FORCE_COLOR); `--format table`
    # into a pipe or a file gets the same layout as plain characters.
    return Terminal(styled=wants_rich(), width=size.columns, height=size.lines, encoding=_encoding(sys.stdout))
