"""An SVG picture made ready to sit inside the report page.

Three things change, through the picture's own markup rather than its maker:
every id gets a prefix, so that two copies (the light and the dark drawing)
can share a page without one's patterns and masks painting the other; the
rules of its <style>, which in a page apply to the whole document, are scoped
to the picture itself (the dark map's `text {fill: ...}` would otherwise paint
the light chart's text); and each shape that names a partner (`data-partner`,
or a country's `data-iso3`) is wrapped in a link to that partner's row of the
table.

The pictures are the tool's own SVG (attributes in double quotes, text
escaped), so the changes are made on the text: measured, parsing and writing
the XML again took three times as long as drawing the chart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

# Each pattern starts with literal text, which `re` looks for fast: a map's
# country outlines make long attributes to scan past.
_ID = re.compile(r'( id=")([^"]+)"')
_ID_REFERENCE = re.compile(r"url\(#([^)\s]+)\)")
_HREF = re.compile(r'( (?:xlink:)?href=")#([^"]+)"')
_LABELLED = re.compile(r'( aria-(?:labelledby|describedby)=")([^"]+)"')
_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S)
_NAMED = re.compile(r' data-(?:partner|iso3)="([^"]+)"')
_FONT_SIZE = re.compile(r' font-size="([0-9.]+)(?:px)?"')
_TIER = re.compile(r' data-tier="([^"]+)"')
_PARTNER = re.compile(r' data-partner="([^"]+)"')


class Embedded(NamedTuple):
    svg: str
    legible_width: int  # the width in CSS pixels below which its smallest text would be under 12 px
    classes: dict[str, str]  # each drawn country's class (data-tier), by ISO alpha-3 code
    partners: tuple[str, ...]  # the partners it draws a row or a mark for (data-partner), in order


LEGIBLE_PX = 12


def embedded(svg: str, *, prefix: str, links: Mapping[str, str]) -> Embedded:
    """`svg` with ids prefixed and partner shapes linked (`links`: a partner id
    or an ISO alpha-3 code to its href), and what the page needs to know of it."""
    opening = re.search(r"<svg\b[^>]*>", svg)
    if opening is None:
        raise ValueError("not an SVG picture")
    root = re.search(r'\sid="([^"]+)"', opening.group(0))
    if root is None:  # the root gets an id: what its style is scoped to
        svg = svg[:opening.start()] + '<svg id="svg"' + svg[opening.start() + 4:]
    root_id = prefix + (root.group(1) if root else "svg")
    ids = {name for _, name in _ID.findall(svg)}

    def reference(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"url(#{prefix}{name})" if name in ids else match.group(0)

    def href(match: re.Match[str]) -> str:
        name = match.group(2)
        return f'{match.group(1)}#{prefix}{name}"' if name in ids else match.group(0)

    def labelled(match: re.Match[str]) -> str:
        names = " ".join(prefix + name if name in ids else name for name in match.group(2).split())
        return f'{match.group(1)}{names}"'

    def style(match: re.Match[str]) -> str:
        return match.group(1) + scoped_css(match.group(2), f"#{root_id}") + match.group(3)

    svg = _ID.sub(lambda match: f'{match.group(1)}{prefix}{match.group(2)}"', svg)
    svg = _ID_REFERENCE.sub(reference, _HREF.sub(href, _LABELLED.sub(labelled, svg)))
    svg = _STYLE.sub(style, svg)
    classes = {}
    for tag in _tags_naming(svg, "data-iso3"):
        country, tier = re.search(r' data-iso3="([^"]+)"', tag.text), _TIER.search(tag.text)
        if country is not None and tier is not None:
            classes[country.group(1)] = tier.group(1)
    partners = tuple(dict.fromkeys(_PARTNER.findall(svg)))
    return Embedded(_linked(svg, links), _legible_width(svg), classes, partners)


class _Tag(NamedTuple):
    name: str  # the element's name: "g", "path"
    start: int
    end: int  # just after its closing ">"
    text: str
    named: str  # the partner id or ISO code it names


def _tags_naming(svg: str, attribute: str = "") -> list[_Tag]:
    """The opening tags that name a partner (data-partner) or a country
    (data-iso3); only those of `attribute` where given."""
    tags, after = [], 0
    for match in _NAMED.finditer(svg):
        if match.start() < after or (attribute and not match.group(0).startswith(f" {attribute}=")):
            continue
        start = svg.rfind("<", 0, match.start())
        end = svg.index(">", match.end()) + 1
        name = re.match(r"<([a-zA-Z]+)", svg[start:end])
        if name is not None:
            tags.append(_Tag(name.group(1), start, end, svg[start:end], match.group(1)))
        after = end
    return tags


def _element_end(svg: str, tag: str, start: int, opening_end: int) -> int:
    """Where the element whose opening tag ends at `opening_end` ends: after its
    closing tag, counting the same tags nested inside it."""
    if svg[opening_end - 2] == "/":
        return opening_end
    depth, position = 1, opening_end
    pattern = re.compile(rf"<(/?){tag}\b[^>]*?(/?)>")
    while depth:
        found = pattern.search(svg, position)
        if found is None:
            raise ValueError(f"<{tag}> at {start} is not closed")
        if found.group(1):
            depth -= 1
        elif not found.group(2):
            depth += 1
        position = found.end()
    return position


def _linked(svg: str, links: Mapping[str, str]) -> str:
    """Each shape named in `links` inside an <a> to its href."""
    out, position = [], 0
    for shape in _tags_naming(svg):
        target = links.get(shape.named)
        if target is None or shape.start < position:
            continue  # not linked, or inside a shape already linked
        end = _element_end(svg, shape.name, shape.start, shape.end)
        out.append(svg[position:shape.start])
        out.append(f'<a href="{target}">{svg[shape.start:end]}</a>')
        position = end
    return "".join(out) + svg[position:]


def _legible_width(svg: str) -> int:
    """The drawing's width at which its smallest text is 12 CSS pixels: the
    viewBox's width scaled by 12 over the smallest font size it sets (16 where
    it sets none). A picture with a layout of its own for narrow screens (a
    group of class "narrow", shown there instead of the wide one) is read in
    that layout."""
    narrow = re.search(r'<g class="narrow"[^>]*>', svg)
    part = svg[narrow.start():_element_end(svg, "g", narrow.start(), narrow.end())] if narrow else svg
    sizes = [float(size) for size in _FONT_SIZE.findall(part)]
    box = re.search(r' viewBox="[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)', svg)
    if box is None:
        return 0
    return int(float(box.group(1)) * LEGIBLE_PX / min(sizes, default=16.0) + 0.999)


def scoped_css(css: str, scope: str) -> str:
    """`css` limited to the element `scope` and what it holds: each selector S
    becomes `:is(S):where(scope, scope *)`, which keeps S's meaning (a
    selector of the root itself, "svg.tn-chart", still matches it) and its
    specificity. The rules inside @media and @supports are scoped too; other
    at-rules (@keyframes) are left as they are."""
    out, position = [], 0
    while True:
        opening = css.find("{", position)
        if opening < 0:
            return "".join(out) + css[position:]
        prelude = css[position:opening].strip()
        depth, closing = 1, opening + 1
        while depth and closing < len(css):
            depth += {"{": 1, "}": -1}.get(css[closing], 0)
            closing += 1
        body = css[opening + 1:closing - 1]
        if prelude.startswith(("@media", "@supports")):
            out.append(f"{prelude}{{{scoped_css(body, scope)}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            out.append(f":is({prelude}):where({scope}, {scope} *){{{body}}}")
        position = closing
