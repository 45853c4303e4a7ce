"""Find, read and parse a dataset file; hand the document to the validator."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .errors import DatasetError
from .model import Dataset

DATA_ENV = "THIRDNEIGHBOR_DATA"

# Set to a list by the command-line entry point (thirdneighbor.__main__), which
# ends the process with os._exit: what is loaded is kept here so that it is not
# freed piece by piece on the way out. None, the default, keeps nothing.
retained: list[object] | None = None
_PACKAGE_DIR = Path(__file__).resolve().parent


def _broken(path: Path | str, message: str) -> DatasetError:
    """A DatasetError for a file that cannot be used at all (one problem)."""
    from .validate import Problem  # the error path only

    return DatasetError(str(path), [Problem("", message)])


def bundled_dataset_path() -> Path:
    """The dataset shipped with the tool.

    A wheel carries it inside the package (pyproject's force-include puts it at
    thirdneighbor/data/partners.toml). An editable install or a source checkout
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
    if explicit:
        return Path(explicit)
    from_env = os.environ.get(DATA_ENV, "").strip()
    return Path(from_env) if from_env else bundled_dataset_path()


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a DatasetError saying why they cannot be read."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise _broken(path, "is a directory, not a dataset file") from None
    except FileNotFoundError:
        raise _broken(path, "no such file") from None
    except OSError as error:
        raise _broken(path, f"cannot be read: {error.strerror or error}") from None


def parse_document(path: Path, raw: bytes) -> dict:
    """Decode and parse the TOML, turning every failure into a DatasetError."""
    import tomllib  # only a cache miss parses TOML

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        raise _broken(path, f"is not UTF-8 text (byte 0x{byte:02x} at offset {error.start})") from None
    if not text.strip():
        raise _broken(path, "is empty")
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already ends with "(at line L, column C)".
        raise _broken(path, f"TOML syntax error: {error}") from None


def load_dataset(path: str | os.PathLike[str] | None = None, *, use_cache: bool = True) -> Dataset:
    """Load and validate a dataset. Raises DatasetError listing every problem.

    A dataset that validated before, byte for byte the same, comes from the cache
    (thirdneighbor.cache) unless `use_cache` is off.
    """
    resolved = dataset_path(path)
    raw = read_bytes(resolved)
    if use_cache:
        from . import cache

        hit = cache.load(resolved, raw)
        if hit is not None:
            if retained is not None:
                retained.append(hit)
            return hit
    from .validate import build_dataset

    document = parse_document(resolved, raw)
    dataset, problems = build_dataset(document)
    if retained is not None:
        retained.append(document)
    if dataset is None:
        raise DatasetError(str(resolved), problems)
    if use_cache:
        cache.store(resolved, raw, dataset)
    if retained is not None:
        retained.append(dataset)
    return dataset


def check_dataset(path: str | os.PathLike[str]) -> dict[str, Any]:
    """`validate`: read and check a file afresh (never from the cache) and report.

    The report is JSON-ready: path, valid, counts, and every problem found.
    """
    try:
        dataset = load_dataset(path, use_cache=False)
    except DatasetError as error:
        return {
            "path": str(path), "valid": False, "partners": None, "events": None,
            "problems": [{"record": p.record, "message": p.message} for p in error.problems],
            "message": error.message,
        }
    return {"path": str(path), "valid": True, "partners": len(dataset.partners), "events": len(dataset.events),
            "problems": [], "message": ""}
