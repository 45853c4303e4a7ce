"""Exit codes, and the one exception hierarchy that maps onto them.

The command-line boundary (thirdneighbor.cli.boundary) catches ThirdNeighborError and
turns it into a one-line message on stderr and the error's exit code, so no
traceback ever reaches a user. The Python API raises the same exceptions; the
look-up errors are LookupErrors too.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

from .core.language import N_

if TYPE_CHECKING:
    from .data.validate import Problem


class ExitCode(IntEnum):
    """The documented exit codes. The help text and the README's table are made
    from the members' docstrings (`exit_codes_text`, `exit_codes_markdown`)."""

    def __new__(cls, value: int, doc: str) -> ExitCode:
        member = int.__new__(cls, value)
        member._value_ = value
        member.__doc__ = doc
        return member

    OK = 0, "success, including an empty result"
    NOT_FOUND = 1, ("a country not found (with suggestions), ambiguous (with the candidates), "
                    "or without a tier yet on the `--as-of` date")
    USAGE = 2, ("a usage error: an unknown option, tier, format or field, `--since` after `--until`, "
                "an impossible date, `compare` with fewer than two different partners, an empty file name, "
                "an output file that exists already without `--force`, or that is a directory, device, "
                "FIFO or socket; an output directory (`export --format csv` or `datapackage`) that is not empty "
                "without `--force`, that holds what no export writes, or that is a file, link, FIFO or device")
    BROKEN_DATASET = 3, ("the dataset cannot be used: every problem is listed, with the file and the record; "
                         "or it is larger than the size limit, or nested too deeply")
    CANNOT_WRITE = 4, ("output could not be written: a file (an export, `init`, `export --output`), an "
                       "export's directory, or stdout itself (a full disk, or closed); nothing was left half-written")
    HANGUP = 129, "stopped by SIGHUP (128 + SIGHUP) while writing a file; a file not yet complete was removed"
    INTERRUPTED = 130, "interrupted with Ctrl-C (128 + SIGINT)"
    BROKEN_PIPE = 141, ("the reader of a pipe went away (`thirdneighbor timeline | head -1`), "
                        "as for any shell tool (128 + SIGPIPE)")
    TERMINATED = 143, ("stopped by SIGTERM (128 + SIGTERM) while writing a file; a file not yet complete "
                       "was removed")


def exit_codes_text() -> str:
    """One line for --help: "Exit codes: 0 success, ..., 141 ...". Short forms only."""
    short = {code: code.__doc__.split(":")[0].split(" (")[0].replace("`", "") for code in ExitCode}
    return "Exit codes: " + "; ".join(f"{int(code)} {text}" for code, text in short.items()) + "."


def exit_codes_markdown() -> str:
    """The README's table of exit codes."""
    rows = [f"| {int(code)} | {code.__doc__.replace('|', chr(92) + '|')} |" for code in ExitCode]
    return "\n".join(["| Code | Meaning |", "|---|---|", *rows]) + "\n"


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written (thirdneighbor.core.files
    raises it from a signal handler, as Python raises KeyboardInterrupt for
    SIGINT), so that the temporary file is removed on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


class ThirdNeighborError(Exception):
    exit_code: ExitCode = ExitCode.NOT_FOUND

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def quoted(text: str, limit: int = 60) -> str:
    """A user's input for an error message: quoted, escaped, and cut if very long."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


# The things a look-up finds, named in its messages.
NOUNS = {"partner": N_("partner"), "partners": N_("partners"), "person": N_("person"), "people": N_("people")}


class NotFoundError(ThirdNeighborError, LookupError):
    """No country matches the input. `suggestions` are the closest names."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, query: str, suggestions: list[str], noun: str = "partner", hint: str | None = None) -> None:
        from .core.language import _
        from .core.safe import clean  # suggestions are names from the dataset: one line each, inert

        message = _("no {noun} matches {query}").format(noun=_(NOUNS.get(noun, noun)), query=quoted(query))
        if suggestions:
            message += _("; did you mean: {names}?").format(names=", ".join(map(clean, suggestions)))
        if hint:
            message += f"; {hint}"
        super().__init__(message)
        self.query = query
        self.suggestions = suggestions


class AmbiguousError(ThirdNeighborError, LookupError):
    """Several countries match the input. `candidates` are their ids."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, query: str, candidates: list[str], noun: str = "partners") -> None:
        from .core.language import _
        from .core.safe import clean  # candidates hold names from the dataset

        super().__init__(_("{query} matches several {noun}: {candidates}; be more specific or use an id").format(
            query=quoted(query), noun=_(NOUNS.get(noun, noun)), candidates=", ".join(map(clean, candidates))))
        self.query = query
        self.candidates = candidates


class NotYetError(ThirdNeighborError, LookupError):
    """The country exists, but held no tier yet on the date asked about."""

    exit_code = ExitCode.NOT_FOUND


class UsageError(ThirdNeighborError, ValueError):
    """Options or arguments that parse but do not make sense together."""

    exit_code = ExitCode.USAGE


class CannotWriteError(ThirdNeighborError):
    """The operating system refused a write; the target was left untouched."""

    exit_code = ExitCode.CANNOT_WRITE


class DatasetError(ThirdNeighborError, ValueError):
    """The dataset cannot be used. Lists every problem found, not only the first.
    A ValueError, so that the Python API raises only TypeError, ValueError and
    LookupError."""

    exit_code = ExitCode.BROKEN_DATASET

    def __init__(self, path: str, problems: list[Problem]) -> None:
        from .core.safe import shown  # a path for a message: one line, the file meant

        count = len(problems)
        header = f"{shown(path)}: the dataset is broken ({count} problem{'s' if count != 1 else ''})"
        super().__init__("\n".join([header, *(f"  - {problem}" for problem in problems)]))
        self.path = path
        self.problems = problems
