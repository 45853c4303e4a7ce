"""What the SVG pictures share: the root element that scales to its container,
the tiers' patterns from the palette, text, and the fade of a date known only
to the year or month.

Every id a picture defines starts with its own prefix ("tn-chart", "tn-map"),
so that the chart, the count chart and the map can share one HTML page.
"""

from __future__ import annotations

from ...core.safe import markup
from .palette import Look

# Written into a single-quoted attribute, as it stands: it holds double quotes
# and no single one. (xml.sax.saxutils.quoteattr did this at the cost of
# importing urllib, http and email with every picture.)
FONT = '"DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif'
CHARACTER_WIDTH = 0.58  # of the font size: a generous average width for FONT, to lay out text


def escape(text: object) -> str:
    """Dataset text for an SVG text node or attribute (thirdneighbor.core.safe.markup)."""
    return markup(str(text), quote=True)


def number(value: float) -> str:
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


# A Cyrillic letter is wider than a Latin one, on average, in the fonts FONT names:
# a Mongolian label is laid out by this much more per letter.
CYRILLIC_WIDTH = 1.15


def letter_width(text: str, size: float) -> float:
    """The width a line of `text` is wrapped by, per letter: wider for a text in Cyrillic."""
    cyrillic = any("\u0400" <= character <= "\u04ff" for character in text)
    return size * CHARACTER_WIDTH * (CYRILLIC_WIDTH if cyrillic else 1)


def text_width(text: str, size: float) -> float:
    cyrillic = sum("\u0400" <= character <= "\u04ff" for character in text)
    return (len(text) + (CYRILLIC_WIDTH - 1) * cyrillic) * size * CHARACTER_WIDTH


def root(prefix: str, width: float, height: float, title: str, description: str, *,
         narrow_height: float | None = None, theme: str = "light") -> str:
    """The opening <svg>, its <title>, <desc> and style. No width or height: it
    fills its container's width at the viewBox's proportions. With `narrow_height`,
    a container under 600 CSS px shows the picture's narrow layout (the group of
    class "narrow", drawn in the same width and down to `narrow_height`)
    instead of its wide one: the picture grows taller, so the narrow layout's
    text stays large."""
    style = f"svg.{prefix}{{width:100%;height:auto;display:block}}"
    if narrow_height is not None:
        style += (f".{prefix} .narrow{{display:none}}"
                  f"@media (max-width: 599px){{svg.{prefix}{{aspect-ratio:{number(width)}/{number(narrow_height)}}}"
                  f".{prefix} .wide{{display:none}}.{prefix} .narrow{{display:inline}}}}")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="{prefix}" viewBox="0 0 {number(width)} {number(height)}" '
            f'preserveAspectRatio="xMidYMin meet" role="img" aria-labelledby="{prefix}-title {prefix}-desc" '
            f"data-theme=\"{theme}\" font-family='{FONT}'>\n"
            f'<title id="{prefix}-title">{escape(title)}</title>\n'
            f'<desc id="{prefix}-desc">{escape(description)}</desc>\n'
            f"<style>{style}</style>")


def pattern_id(prefix: str, name: str) -> str:
    """An id for a class's pattern: readable, and safe whatever the class's name
    (a tier id comes from the dataset), the checksum keeping two names apart."""
    import re
    import zlib

    return f"{prefix}-p-{re.sub('[^A-Za-z0-9-]', '', name)[:24]}-{zlib.crc32(name.encode('utf-8')):08x}"


def patterns(prefix: str, looks: dict[str, Look], size: float = 6) -> list[str]:
    """A <pattern> for each look that has one: its fill, and its marks in its pattern ink."""
    half = size / 2
    shapes = {
        "hatch": f'<path d="M0,{number(size)} L{number(size)},0" stroke-width="{number(size / 4)}" stroke="{{ink}}"/>',
        "cross": (f'<path d="M0,{number(size)} L{number(size)},0 M0,0 L{number(size)},{number(size)}" '
                  f'stroke-width="{number(size / 6)}" stroke="{{ink}}"/>'),
        "dots": f'<circle cx="{number(half)}" cy="{number(half)}" r="{number(size / 5)}" fill="{{ink}}"/>',
        "lines": f'<path d="M0,{number(half)} H{number(size)}" stroke-width="{number(size / 5)}" stroke="{{ink}}"/>',
    }
    return [f'<pattern id="{pattern_id(prefix, name)}" width="{number(size)}" height="{number(size)}" '
            f'patternUnits="userSpaceOnUse"><rect width="{number(size)}" height="{number(size)}" fill="{look.fill}"/>'
            + shapes[look.pattern].replace("{ink}", look.pattern_ink) + "</pattern>"
            for name, look in looks.items() if look.pattern]


def paint(prefix: str, name: str, look: Look) -> str:
    """The fill of a class: its pattern where it has one, else its colour."""
    return f"url(#{pattern_id(prefix, name)})" if look.pattern else look.fill


def text(x: float, y: float, content: str, size: float, fill: str, *, anchor: str = "start", bold: bool = False,
         extra: str = "") -> str:
    weight = ' font-weight="bold"' if bold else ""
    middle = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return (f'<text x="{number(x)}" y="{number(y)}" font-size="{number(size)}" fill="{fill}"{middle}{weight}{extra}>'
            f"{escape(content)}</text>")


def fade(mask_id: str, left: float, right: float, top: float, stop: float, height: float) -> str:
    """A mask (for <defs>) that fades what it covers from nearly transparent at
    `left` to opaque at `right` (a period's start and end) and leaves it opaque
    on to `stop`: the leading edge of a band whose start is known to the year or month."""
    gradient = f"{mask_id}-g"
    span = max(stop - left, 1.5) + 4
    return (f'<linearGradient id="{gradient}" gradientUnits="userSpaceOnUse" x1="{number(left)}" '
            f'x2="{number(max(right, left + 0.1))}" y1="0" y2="0"><stop offset="0" stop-color="#ffffff" '
            f'stop-opacity="0.12"/><stop offset="1" stop-color="#ffffff" stop-opacity="1"/></linearGradient>'
            f'<mask id="{mask_id}" maskUnits="userSpaceOnUse" x="{number(left - 2)}" y="{number(top - 2)}" '
            f'width="{number(span)}" height="{number(height + 4)}"><rect x="{number(left - 2)}" y="{number(top - 2)}" '
            f'width="{number(span)}" height="{number(height + 4)}" fill="url(#{gradient})"/></mask>')


def diamond(x: float, y: float, half: float, fill: str, halo: str, tip: str = "") -> str:
    """An event's mark, with a halo that keeps it visible on any fill."""
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return (f'<path d="M{number(x)},{number(y - half)} L{number(x + half)},{number(y)} L{number(x)},{number(y + half)} '
            f'L{number(x - half)},{number(y)} Z" fill="{fill}" stroke="{halo}" stroke-width="{number(half / 4)}">'
            f"{title}</path>")
