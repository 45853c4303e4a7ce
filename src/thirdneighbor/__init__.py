"""thirdneighbor: Mongolia's Third Neighbor Policy partnerships, from the command
line or from Python.

    >>> import thirdneighbor
    >>> data = thirdneighbor.load()                 # the bundled dataset
    >>> [p.name for p in data.partners(tier="strategic")][:2]
    ['India', 'United States']
    >>> str(data.partner("korea").since)
    '2021-09-10'

`load` returns a thirdneighbor.model.Dataset; its methods `partners`, `partner`
and `events` call the same query functions as the command line. Importing this
package loads neither Rich nor Typer.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Dataset

# Kept here, not read from package metadata, so --version costs no import of
# importlib.metadata. pyproject.toml reads the version from this line.
__version__ = "0.3.0"


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The bundled dataset, or your own file (`path`), validated.

    Raises thirdneighbor.errors.DatasetError, listing every problem, for a file
    that cannot be used. A file that uses old key names ("level") loads, with a
    DeprecationWarning that says which.
    """
    import warnings

    from .dataset import load_dataset

    def warn(message: str) -> None:
        warnings.warn(message, DeprecationWarning, stacklevel=3)

    return load_dataset(path, on_notice=warn)
