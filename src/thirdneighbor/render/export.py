"""The Rich drawing of a view, saved as an SVG picture or an HTML page."""

from __future__ import annotations

import io
import re

from rich.console import Console
from rich.terminal_theme import TerminalTheme

from ..views.registry import View
from .rich_draw import drawing
from ..core.safe import clean, markup
from .pictures.palette import palette, terminal_theme

EXPORT_WIDTH = 100
EXPORT_KINDS = ("svg", "html")


def export_text(view: View, kind: str) -> str:
    """The view drawn 100 columns wide, in colour, as SVG or HTML, in the language in use."""
    from ..core.language import current

    if current() != "en":
        from .localized import localized

        view = localized(view)
    console = Console(record=True, file=io.StringIO(), width=EXPORT_WIDTH, force_terminal=True,
                      color_system="truecolor", highlight=False, emoji=False, markup=False)
    console.print(drawing(view))
    # The title holds dataset text (`history`: the partner's name): cleaned for
    # both kinds, as a control character makes the SVG invalid XML.
    title = f"thirdneighbor: {clean(view.title)}" if view.title else "thirdneighbor"
    # The palette's colours (render.pictures.palette): the tiers look as in the
    # chart and the map, and every text reaches 4.5:1 on the light background.
    theme = terminal_theme("light")
    if kind == "svg":
        return offline_svg(console.export_svg(title=title, theme=theme), title)
    return titled_html(_undimmed(console.export_html(inline_styles=True, theme=theme), theme), title)


def _undimmed(page: str, theme: TerminalTheme) -> str:
    """Rich's HTML draws dim text half way to the background, which no text
    colour survives at 4.5:1; the palette's muted text colour instead."""
    from rich.color import blend_rgb

    dimmed = blend_rgb(theme.foreground_color, theme.background_color, 0.5).hex
    return page.replace(f"color: {dimmed}", f"color: {palette('light').muted}")


# Rich's SVG loads its font from a CDN; a picture for a newsroom or a plane makes
# no request at all, so the @font-face rules go and local monospace fonts serve.
_FONT_FACES = re.compile(r"@font-face\s*\{[^}]*\}\s*")
LOCAL_MONOSPACE = '"DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace'


def offline_svg(svg: str, title: str) -> str:
    """Rich's SVG without its web fonts, and with a <title> for screen readers
    (Rich writes the title only as text in the window's frame)."""
    svg = _FONT_FACES.sub("", svg).replace("Fira Code, monospace", LOCAL_MONOSPACE)
    head = svg.index(">", svg.index("<svg")) + 1
    return f'{svg[:head]}\n<title>{markup(title)}</title>{svg[head:]}'.replace(
        '<svg class="rich-terminal"', '<svg class="rich-terminal" role="img"', 1)


def titled_html(page: str, title: str) -> str:
    """Rich's HTML with a <title> and the language in use, as a page should have."""
    from ..core.language import current

    return page.replace("<html>", f'<html lang="{current()}">', 1).replace(
        "<head>", f"<head>\n<title>{markup(title)}</title>", 1)
