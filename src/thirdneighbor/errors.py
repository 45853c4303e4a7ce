"""One exception hierarchy; each error carries the exit code it maps to.

The CLI catches ThirdNeighborError at a single boundary and turns it into a
message on stderr and this exit code, so no traceback ever reaches a user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .validate import Problem


class ExitCode:
    """The documented exit codes. Plain ints: an IntEnum costs start-up time."""

    OK = 0
    NOT_FOUND = 1  # an unknown or ambiguous country
    USAGE = 2  # bad options or arguments (Typer's own code too)
    BROKEN_DATASET = 3  # the dataset cannot be read or does not validate
    CANNOT_WRITE = 4  # an output file could not be written (nothing was changed)
    BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell tool killed by SIGPIPE reports
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT


class ThirdNeighborError(Exception):
    exit_code: int = ExitCode.NOT_FOUND

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def quoted(text: str, limit: int = 60) -> str:
    """A user's input for an error message: quoted, escaped, and cut if very long."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


class NotFoundError(ThirdNeighborError):
    """No partner matches the input. `suggestions` are the closest names."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, query: str, suggestions: list[str]) -> None:
        message = f"no partner matches {quoted(query)}"
        if suggestions:
            message += "; did you mean: " + ", ".join(suggestions) + "?"
        super().__init__(message)
        self.query = query
        self.suggestions = suggestions


class AmbiguousError(ThirdNeighborError):
    """Several partners match the input. `candidates` are their ids."""

    exit_code = ExitCode.NOT_FOUND

    def __init__(self, query: str, candidates: list[str]) -> None:
        super().__init__(
            f"{quoted(query)} matches several partners: " + ", ".join(candidates)
            + "; be more specific or use an id"
        )
        self.query = query
        self.candidates = candidates


class NotYetError(ThirdNeighborError):
    """The partner exists, but held no level yet on the date asked about."""

    exit_code = ExitCode.NOT_FOUND


class UsageError(ThirdNeighborError):
    """Options that parse but do not make sense together."""

    exit_code = ExitCode.USAGE


class CannotWriteError(ThirdNeighborError):
    """The operating system refused a write; the target was left untouched."""

    exit_code = ExitCode.CANNOT_WRITE


class DatasetError(ThirdNeighborError):
    """The dataset cannot be used. Lists every problem found, not only the first."""

    exit_code = ExitCode.BROKEN_DATASET

    def __init__(self, path: str, problems: list[Problem]) -> None:
        count = len(problems)
        header = f"{path}: the dataset is broken ({count} problem{'s' if count != 1 else ''})"
        super().__init__("\n".join([header, *(f"  - {problem}" for problem in problems)]))
        self.path = path
        self.problems = problems
