"""The Rich drawing of a view, saved as an SVG picture or an HTML page."""

from __future__ import annotations

import io

from rich.console import Console

from ..views import View
from .rich_views import drawing

EXPORT_WIDTH = 100
EXPORT_KINDS = ("svg", "html")


def export_text(view: View, kind: str) -> str:
    """The view drawn 100 columns wide, in colour, as SVG or HTML."""
    console = Console(record=True, file=io.StringIO(), width=EXPORT_WIDTH, force_terminal=True,
                      color_system="truecolor", highlight=False, emoji=False, markup=False)
    console.print(drawing(view))
    title = f"thirdneighbor: {view.title}" if view.title else "thirdneighbor"
    return console.export_svg(title=title) if kind == "svg" else console.export_html(inline_styles=True)
