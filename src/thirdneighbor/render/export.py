"""The Rich drawing of a view, saved as an SVG picture or an HTML page."""

from __future__ import annotations

import io
import re

from rich.console import Console

from ..views.registry import View
from .rich_draw import drawing
from ..core.safe import clean, markup

EXPORT_WIDTH = 100
EXPORT_KINDS = ("svg", "html")


def export_text(view: View, kind: str) -> str:
    """The view drawn 100 columns wide, in colour, as SVG or HTML."""
    console = Console(record=True, file=io.StringIO(), width=EXPORT_WIDTH, force_terminal=True,
                      color_system="truecolor", highlight=False, emoji=False, markup=False)
    console.print(drawing(view))
    # The title holds dataset text (`history`: the partner's name): cleaned for
    # both kinds, as a control character makes the SVG invalid XML.
    title = f"thirdneighbor: {clean(view.title)}" if view.title else "thirdneighbor"
    if kind == "svg":
        return offline_svg(console.export_svg(title=title))
    return titled_html(console.export_html(inline_styles=True), title)


# Rich's SVG loads its font from a CDN; a picture for a newsroom or a plane makes
# no request at all, so the @font-face rules go and local monospace fonts serve.
_FONT_FACES = re.compile(r"@font-face\s*\{[^}]*\}\s*")
LOCAL_MONOSPACE = '"DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace'


def offline_svg(svg: str) -> str:
    return _FONT_FACES.sub("", svg).replace("Fira Code, monospace", LOCAL_MONOSPACE)


def titled_html(page: str, title: str) -> str:
    """Rich's HTML with a <title> and a language, as a page should have."""
    return page.replace("<html>", '<html lang="en">', 1).replace(
        "<head>", f"<head>\n<title>{markup(title)}</title>", 1)
