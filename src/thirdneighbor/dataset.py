"""Find, read and parse a dataset file; hand the document to the validator."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from .errors import DatasetError, Problem
from .model import Dataset
from .validate import build_dataset

DATA_ENV = "THIRDNEIGHBOR_DATA"
_PACKAGE_DIR = Path(__file__).resolve().parent


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
    raise DatasetError(str(candidates[0]), [Problem("", "the bundled dataset is missing from this install")])


def dataset_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Which file to load: --data, else $THIRDNEIGHBOR_DATA, else the bundled dataset."""
    if explicit:
        return Path(explicit)
    from_env = os.environ.get(DATA_ENV, "").strip()
    return Path(from_env) if from_env else bundled_dataset_path()


def read_document(path: Path) -> dict:
    """Read and parse the TOML file, turning every failure into a DatasetError."""
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DatasetError(str(path), [Problem("", "is a directory, not a dataset file")]) from None
    except FileNotFoundError:
        raise DatasetError(str(path), [Problem("", "no such file")]) from None
    except OSError as error:
        raise DatasetError(str(path), [Problem("", f"cannot be read: {error.strerror or error}")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        byte = raw[error.start]
        raise DatasetError(str(path), [Problem("", f"is not UTF-8 text (byte 0x{byte:02x} at offset {error.start})")]) from None
    if not text.strip():
        raise DatasetError(str(path), [Problem("", "is empty")])
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already ends with "(at line L, column C)".
        raise DatasetError(str(path), [Problem("", f"TOML syntax error: {error}")]) from None


def load_dataset(path: str | os.PathLike[str] | None = None) -> Dataset:
    """Load and validate a dataset. Raises DatasetError listing every problem."""
    resolved = dataset_path(path)
    dataset, problems = build_dataset(read_document(resolved))
    if dataset is None:
        raise DatasetError(str(resolved), problems)
    return dataset
