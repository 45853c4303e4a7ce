"""What a command returns: a Reply. Commands never write; thirdneighbor.cli.boundary does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Union

from ..errors import ExitCode

if TYPE_CHECKING:
    from .registry import View


# Plain classes, not dataclasses: these two are built at every start-up, and on
# Python 3.11 each dataclass costs about a millisecond to create (its methods are
# compiled then), some 1% of a start-up each.

class OutputOptions:
    """How an answering command's View is to be shown: the shared output options."""

    def __init__(self, json: bool = False, format: str | None = None, fields: str | None = None,
                 bom: bool = False, export_svg: str | None = None, export_html: str | None = None,
                 force: bool = False) -> None:
        self.json, self.format, self.fields, self.bom = json, format, fields, bom
        self.export_svg, self.export_html, self.force = export_svg, export_html, force


class Reply:
    """A command's answer, for the boundary to render and write.

    `body` is a View (rendered as `options` say), text or bytes (written as
    they are), with `is_json` a JSON-ready value, or with `directory` a
    {file name: bytes} of files that make one directory. With `output_path`,
    the body goes to that file (or directory), written atomically, instead of
    stdout. `notes` go to stderr after the body; `exit_code` is the process's.
    """

    def __init__(self, body: Union["View", str, bytes, Any, None] = None, *, options: OutputOptions | None = None,
                 is_json: bool = False, output_path: str | None = None, force: bool = False,
                 notes: list[str] | None = None, exit_code: ExitCode = ExitCode.OK, directory: bool = False) -> None:
        self.body, self.options, self.is_json, self.directory = body, options or OutputOptions(), is_json, directory
        self.output_path, self.force = output_path, force
        self.notes = list(notes or ())
        self.exit_code = exit_code
