"""The command line: the one Typer app with every command registered.

Importing a family registers its commands on thirdneighbor.cli.root.app, and
`--help` lists them in that order: the records, the dataset files, the research
questions, the pictures. This module only assembles them; each family's module
holds its commands.
"""

# One import a line, in registration order (an import sorter must leave these be).
from . import records  # noqa: F401
from . import dataset_files  # noqa: F401
from . import questions  # noqa: F401
from . import pictures  # noqa: F401
from .root import app

__all__ = ["app"]
