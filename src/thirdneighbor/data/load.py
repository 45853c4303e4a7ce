"""Find, read and parse a dataset file; hand the document to the validator."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import DatasetError
from .model import Dataset

DATA_ENV = "THIRDNEIGHBOR_DATA"
# Why a dataset came from stdin: `--data -`, or THIRDNEIGHBOR_DATA=- (the same "-"
# as --data takes). Stdin is never cached: its bytes can be read only once.
STDIN_SOURCES = ("--data -", f"${DATA_ENV}=-")
LIMIT_ENV = "THIRDNEIGHBOR_MAX_BYTES"
# Bounds on what a dataset may be, so that /dev/zero, a sparse 64 GB file or a
# table nested a thousand deep end in a message instead of exhausting memory or
# the stack. The bundled file is 60 KB and 6 levels deep; 10,000 partners, 5 MB.
DEFAULT_LIMIT = 64 * 1024 * 1024
MAX_DEPTH = 32

_PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the thirdneighbor package


def _broken(path: Path | str, message: str) -> DatasetError:
    """A DatasetError for a file that cannot be used at all (one problem)."""
    from .validate import Problem  # the error path only

    return DatasetError(str(path), [Problem("", message)])


def bundled_dataset_path() -> Path:
    """The dataset shipped with the tool.

    A wheel carries it inside the package, beside this module (pyproject's
    force-include puts it at thirdneighbor/data/partners.toml). An editable install or a source checkout
    has no copy there, so the single edited file at the repository root is used.
    """
    candidates = (
        _PACKAGE_DIR / "data" / "partners.toml",
        _PACKAGE_DIR.parent.parent / "data" / "partners.toml",
    )
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise _broken(candidates[0], "the bundled dataset is missing from this install")


def dataset_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Which file to load: --data, else $THIRDNEIGHBOR_DATA, else the bundled dataset."""
    return dataset_source(explicit)[0]


def dataset_source(explicit: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """The file to load, and why that one: "--data", "$THIRDNEIGHBOR_DATA" or "bundled"."""
    if explicit is not None:
        if not os.fspath(explicit):  # `--data ""`, `validate ""`: a mistake, not a wish for the default
            from ..errors import UsageError

            raise UsageError("the dataset file name is empty; give a file, or - for stdin")
        return Path(explicit), "--data"
    from_env = os.environ.get(DATA_ENV, "").strip()
    return (Path(from_env), f"${DATA_ENV}") if from_env else (bundled_dataset_path(), "bundled")


def size_limit() -> int:
    """The most bytes a dataset may have: 64 MiB, or $THIRDNEIGHBOR_MAX_BYTES
    (a number of bytes, or with K, M or G for KiB, MiB or GiB)."""
    text = os.environ.get(LIMIT_ENV, "").strip()
    if not text:
        return DEFAULT_LIMIT
    number, unit = (text[:-1], text[-1].upper()) if text[-1:].upper() in "KMG" else (text, "")
    if not number.isdigit() or not number.isascii():
        from ..errors import UsageError, quoted

        raise UsageError(f"${LIMIT_ENV} is {quoted(text)}; give a number of bytes, such as 134217728 or 128M")
    return int(number) * 1024 ** " KMG".index(unit or " ")


def _too_large(path: Path | str, limit: int) -> DatasetError:
    return _broken(path, f"is larger than the limit of {_size(limit)}; "
                         f"set {LIMIT_ENV} (such as {LIMIT_ENV}=256M) to read a larger file")


def _size(count: int) -> str:
    for unit, name in ((1024 ** 3, "GiB"), (1024 ** 2, "MiB"), (1024, "KiB")):
        if count >= unit and count % unit == 0:
            return f"{count // unit} {name}"
    return f"{count:,} bytes"


def read_bytes(path: Path, *, bounded: bool = True) -> bytes:
    """The file's bytes, or a DatasetError saying why they cannot be read.

    At most the size limit plus one byte is read, so that an endless source
    (/dev/zero) or a huge sparse file is refused at once, not after filling memory.
    `bounded=False` is for the bundled dataset, which is the tool's own.
    """
    limit = size_limit() if bounded else sys.maxsize
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limit:  # a regular file says its size: no need to read it
                raise _too_large(path, limit)
            data = _read_at_most(stream, limit, size)
    except IsADirectoryError:
        raise _broken(path, "is a directory, not a dataset file") from None
    except FileNotFoundError:
        raise _broken(path, "no such file") from None
    except OSError as error:
        raise _broken(path, f"cannot be read: {error.strerror or error}") from None
    except MemoryError:  # a limit raised beyond what this machine holds
        raise _broken(path, f"is too large for this machine's memory ({LIMIT_ENV} is {_size(limit)})") from None
    if len(data) > limit:
        raise _too_large(path, limit)
    return data


def _read_at_most(stream: Any, limit: int, size: int) -> bytes:
    """Up to `limit` + 1 bytes, read in pieces (of the file's `size`, where it has
    one, else of 1 MiB), so that memory follows what the source gives, not the
    limit: one read of limit + 1 bytes would set aside 64 MiB for every dataset."""
    pieces, total = [], 0
    step = size + 1 if size else 1 << 20
    while total <= limit:
        piece = stream.read(min(step, limit + 1 - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
        if size:
            step = 1 << 16  # after the file's size, only what it grew by, if anything
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def _read_stdin() -> bytes:
    if sys.stdin is None:  # started with stdin closed (`<&-`)
        raise _broken("<stdin>", "cannot be read: stdin is closed")
    limit = size_limit()
    try:
        data = _read_at_most(sys.stdin.buffer, limit, 0)
    except OSError as error:  # stdin open for writing only, a socket that failed
        raise _broken("<stdin>", f"cannot be read: {error.strerror or error}") from None
    except MemoryError:  # a limit raised beyond what this machine holds
        raise _broken("<stdin>", f"is too large for this machine's memory ({LIMIT_ENV} is {_size(limit)})") from None
    if len(data) > limit:
        raise _too_large("<stdin>", limit)
    return data


def parse_document(path: Path, raw: bytes) -> dict:
    """Decode and parse the TOML, turning every failure into a DatasetError."""
    import tomllib  # only a cache miss parses TOML

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        raise _broken(path, f"is not UTF-8 text (byte 0x{byte:02x} at offset {error.start})") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():  # nothing, or only a byte-order mark and blank lines
        raise _broken(path, "is empty")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already ends with "(at line L, column C)".
        raise _broken(path, f"TOML syntax error: {error}") from None
    except RecursionError:  # the parser recurses once a level: hundreds of levels exhaust the stack
        raise _too_deep(path) from None


def _too_deep(path: Path | str) -> DatasetError:
    return _broken(path, f"nests tables or arrays more than {MAX_DEPTH} levels deep; a dataset needs 6")


def validated(path: Path, document: dict) -> tuple[Dataset, list[str]]:
    """The Dataset a parsed document describes, and the notices of its validation;
    a DatasetError listing every problem, or the one problem of nesting too deep."""
    from .validate import build_dataset

    try:
        checked = build_dataset(document)
    except RecursionError:  # not seen (the validator does not recurse into values), but never a traceback
        raise _too_deep(path) from None
    if checked.dataset is None:
        # The depth is counted only here: a document the validator accepts nests
        # 6 levels at most, and counting costs a walk over every value (0.1 s
        # for 10,000 partners) that valid data would pay at each first run.
        if _deeper_than(document, MAX_DEPTH):
            raise _too_deep(path)
        raise DatasetError(str(path), checked.problems)
    return checked.dataset, checked.notices


def _deeper_than(document: dict, limit: int) -> bool:
    """Whether tables and arrays nest more than `limit` levels, counted level by
    level without recursion."""
    level: list[Any] = [document]
    for _ in range(limit):
        level = [child for value in level for child in (value.values() if isinstance(value, dict) else value)
                 if isinstance(child, (dict, list))]
        if not level:
            return False
    return True


def load_dataset(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True,
                 on_notice: Callable[[str], None] | None = None) -> Dataset:
    """Load and validate a dataset. Raises DatasetError listing every problem.

    A dataset that validated before, byte for byte the same, comes from the cache
    (thirdneighbor.data.cache) unless `use_cache` is off. Notices that do not stop the
    load (old key names) go to `on_notice`, each prefixed with the file's path.
    """
    return load_source(path, use_cache=use_cache, on_notice=on_notice).dataset


class Loaded:
    """A loaded dataset, and where it came from (what `info` reports). A plain
    class: a NamedTuple costs 0.2 ms to create at every start-up."""

    __slots__ = ("dataset", "path", "why", "cached", "stamp", "size")

    def __init__(self, dataset: Dataset, path: Path, why: str, cached: bool, stamp: bytes | None = None,
                 size: int = 0) -> None:
        self.dataset = dataset
        self.path = path  # the file, or "<stdin>"
        self.why = why  # "--data", "--data -", "$THIRDNEIGHBOR_DATA", "$THIRDNEIGHBOR_DATA=-" or "bundled"
        self.cached = cached  # whether the cache held it
        # The cache's fingerprint of the bytes and their size; no stamp where no cache is
        # used (--no-cache, stdin): what the cache's companions are keyed by (data/companion.py).
        self.stamp, self.size = stamp, size


def load_source(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True,
                on_notice: Callable[[str], None] | None = None) -> Loaded:
    """load_dataset, saying where the data came from. The file is read once: a
    FIFO or stdin gives its bytes only once."""
    resolved, raw, why = _read_source(path)
    try:
        dataset, cached, stamp = _dataset_from(resolved, raw, use_cache=use_cache and why not in STDIN_SOURCES,
                                               on_notice=on_notice)
    except DatasetError as error:
        raise _said_where(error, resolved, why) from None
    return Loaded(dataset, resolved, why, cached, stamp, len(raw))


def _said_where(error: DatasetError, resolved: Path, why: str) -> DatasetError:
    """The error, saying where the file's name came from when an environment
    variable named it: the user may not remember setting it."""
    return DatasetError(f"{resolved} (named by {why})", error.problems) if why.startswith("$") else error


def _dataset_from(resolved: Path, raw: bytes, *, use_cache: bool,
                  on_notice: Callable[[str], None] | None) -> tuple[Dataset, bool, bytes | None]:
    """The validated Dataset of these bytes, from the cache or parsed and
    checked, whether it came from the cache, and the cache's fingerprint of them."""
    hit = stamp = None
    if use_cache:
        from . import cache

        def remake() -> Dataset:  # what a late-found damaged entry gives way to
            fresh, notices = validated(resolved, parse_document(resolved, raw))
            cache.store(resolved, raw, fresh, notices, stamp)
            return fresh

        stamp = cache.fingerprint(raw)
        hit = cache.load(resolved, raw, remake, stamp)
    if hit is not None:
        dataset, notices = hit
    else:
        dataset, notices = validated(resolved, parse_document(resolved, raw))
        if use_cache:
            cache.store(resolved, raw, dataset, notices, stamp)
    if on_notice is not None:
        for notice in notices:
            on_notice(f"{resolved}: {notice}")
    return dataset, hit is not None, stamp


def _read_source(path: str | os.PathLike[str] | None) -> tuple[Path, bytes, str]:
    """The dataset's path (or "<stdin>"), its bytes, and why that source (see Loaded.why)."""
    if path is not None and str(path) == "-":
        return Path("<stdin>"), _read_stdin(), "--data -"
    resolved, why = dataset_source(path)
    from_stdin = why == f"${DATA_ENV}" and str(resolved) == "-"  # THIRDNEIGHBOR_DATA=- means stdin, as --data - does
    if from_stdin:
        resolved, why = Path("<stdin>"), STDIN_SOURCES[1]
    try:
        return resolved, _read_stdin() if from_stdin else read_bytes(resolved, bounded=why != "bundled"), why
    except DatasetError as error:
        raise _said_where(error, resolved, why) from None


def record_lines(raw: bytes) -> dict[str, int]:
    """Where each record starts in the file's bytes: "partners[3]" and "partners[3]
    history[0]" to the line of their [[...]] header (1 first), for `validate` to
    point at. tomllib keeps no positions; the headers are plain to find."""
    import re

    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return {}
    header = re.compile(r"^\s*\[\[\s*([A-Za-z_]+)(?:\s*\.\s*(history))?\s*\]\]")
    names = {"levels": "tiers"}  # the old key name of tiers
    counts: dict[str, int] = {}
    history = 0
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = header.match(line)
        if not match:
            continue
        table = names.get(match.group(1), match.group(1))
        if match.group(2):
            found[f"{table}[{counts.get(table, 0) - 1}] history[{history}]"] = number
            history += 1
        else:
            counts[table] = counts.get(table, 0) + 1
            found[f"{table}[{counts[table] - 1}]"] = number
            history = 0
    return found


def _line_of(record: str, lines: dict[str, int]) -> int | None:
    import re

    match = re.match(r"(\w+\[\d+\])(?:.*?( history\[\d+\]))?", record)
    if not match:
        return None
    return lines.get(match.group(1) + (match.group(2) or "")) or lines.get(match.group(1))


OWN_VERSION = "0.1.0"


def own_copy(raw: bytes) -> bytes:
    """The bundled dataset's bytes as the start of a user's own: the same file,
    comments and all, with a title naming what it is based on and a version of
    its own, so that `cite` on the copy never passes for the bundled data."""
    import json
    import tomllib

    text = raw.decode("utf-8")
    top = tomllib.loads(text)
    based_on = " ".join(str(top[key]) for key in ("title", "version") if key in top) or "the bundled dataset"
    # JSON string syntax is valid TOML basic-string syntax for any text.
    wanted = {"title": json.dumps(f"Own dataset, based on {based_on}", ensure_ascii=False),
              "version": json.dumps(OWN_VERSION)}
    lines = text.splitlines(keepends=True)
    # Only the top-level keys, which come before the first [table]; events have titles too.
    header_end = next((i for i, line in enumerate(lines) if line.startswith("[")), len(lines))
    for i in range(header_end):
        key = lines[i].split("=", 1)[0].strip()
        if key in wanted:
            lines[i] = f"{key} = {wanted.pop(key)}\n"
    # A key the file lacks goes right after schema_version.
    after = next((i + 1 for i in range(header_end) if lines[i].startswith("schema_version")), 0)
    lines[after:after] = [f"{key} = {value}\n" for key, value in wanted.items()]
    return "".join(lines).encode("utf-8")


def check_dataset(path: str | os.PathLike[str]) -> dict[str, Any]:
    """`validate`: read and check a file afresh (never from the cache) and report.

    The report is JSON-ready: path, valid, counts, every problem found, and the
    notices (old key names) that do not make it invalid.
    """
    notices: list[str] = []
    raw = None
    try:
        # Read once: a FIFO or stdin gives its bytes only once, and the line
        # numbers below come from the same bytes that were checked.
        resolved, raw, _ = _read_source(path)
        dataset, _, _ = _dataset_from(resolved, raw, use_cache=False, on_notice=notices.append)
    except DatasetError as error:
        lines = record_lines(raw) if raw is not None else {}
        found = [(problem, _line_of(problem.record, lines)) for problem in error.problems]
        count = len(found)
        from ..core.safe import shown

        message = "\n".join([f"{shown(error.path)}: the dataset is broken ({count} problem{'s' if count != 1 else ''})",
                              *(f"  - line {line}, {problem}" if line else f"  - {problem}" for problem, line in found)])
        return {
            "path": str(path), "valid": False, "partners": None, "events": None,
            "problems": [{"record": p.record, "message": p.message, "line": line} for p, line in found],
            "message": message, "notices": notices,
        }
    return {"path": str(path), "valid": True, "partners": len(dataset.all_partners),
            "events": len(dataset.all_events), "problems": [], "message": "", "notices": notices}
