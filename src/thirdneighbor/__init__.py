"""thirdneighbor: Mongolia's Third Neighbor Policy partnerships, from the command
line or from Python.

    >>> import thirdneighbor
    >>> data = thirdneighbor.load()                 # the bundled dataset
    >>> [p.name for p in data.partners(tier="strategic")][:2]
    ['India', 'United States']
    >>> str(data.partner("korea").since)
    '2021-09-10'

`load` returns a thirdneighbor.api.dataset.Dataset: the records of a
thirdneighbor.data.model.Dataset, with methods `partners`, `partner`, `events`,
`search`, `changes` and `series` that call the same query functions as the
command line. Each takes the types its docstring names (a date is a PartialDate,
a str such as "2020" or "2020-05", or an int year) and raises TypeError,
ValueError or LookupError, with a message, for anything else. Importing this
package loads neither Rich nor Typer.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .core import __version__

if TYPE_CHECKING:
    from .api.dataset import Dataset

__all__ = ["__version__", "load"]


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The bundled dataset, or your own file (`path`: a str or an os.PathLike
    such as pathlib.Path; None or no argument for the bundled one; "-" for
    stdin), validated.

    Raises thirdneighbor.errors.DatasetError (a ValueError), listing every
    problem, for a file that cannot be used or read, and TypeError for a path of
    another type. A file that uses old key names ("level") loads, with a
    DeprecationWarning that says which.
    """
    import warnings

    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str, an os.PathLike or None, not {type(path).__name__}")

    from .api.dataset import with_methods
    from .data.load import load_dataset

    def warn(message: str) -> None:
        warnings.warn(message, DeprecationWarning, stacklevel=3)

    return with_methods(load_dataset(path, on_notice=warn))
