"""The one Typer app, bare: its name, help, error boundary and --version.

The command families register on it (records.py, dataset_files.py, questions.py,
pictures.py), and thirdneighbor.cli.app imports them all, in the order --help lists
them. Each command returns a Reply (thirdneighbor.views.reply) and writes nothing;
the app's group (thirdneighbor.cli.boundary.AnsweringGroup) renders and writes it, and
maps errors to exit codes, in one place. Imports sit inside the commands: every
command, and every TAB of shell completion, pays at start-up for what is imported
at module level.
"""

# No `from __future__ import annotations` here: Typer reads these annotations
# at every start-up, and resolving them from strings costs about 1 ms.

from typing import Annotated

import typer

from ..errors import exit_codes_text
from ..views.reply import Reply
from .boundary import AnsweringGroup

app = typer.Typer(
    name="thirdneighbor",
    cls=AnsweringGroup,
    help=(
        "Query Mongolia's Third Neighbor Policy: its partners beyond Russia and China, "
        "their tiers, dates, sources and caveats, from a bundled, source-checked dataset.\n\n"
        + exit_codes_text()
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _examples(*lines: str) -> str:
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)


def _version(value: bool) -> None:
    # An eager option runs while the arguments are parsed, before any command.
    if value:
        from ..core import __version__
        from .boundary import answer

        answer(lambda: Reply(f"thirdneighbor {__version__}\n"))
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Query Mongolia's Third Neighbor Policy partnerships."""
