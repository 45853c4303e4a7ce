"""An SVG picture made ready to sit inside the report page.

Three things change, through the picture's own markup rather than its maker:
every id gets a prefix, so that two copies (the light and the dark drawing)
can share a page without one's patterns and masks painting the other; the
rules of its <style>, which in a page apply to the whole document, are scoped
to the picture itself (the dark map's `text {fill: ...}` would otherwise paint
the light chart's text); and each
shape that names a partner (`data-partner`, or a country's `data-iso3`) is
wrapped in a link to that partner's row of the table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

SVG = "http://www.w3.org/2000/svg"
_ID_REFERENCE = re.compile(r"url\(#([^)\s]+)\)")


class Embedded(NamedTuple):
    svg: str
    legible_width: int  # the width in CSS pixels below which its smallest text would be under 12 px
    classes: dict[str, str]  # each drawn country's class (data-tier), by ISO alpha-3 code
    partners: tuple[str, ...]  # the partners it draws a row or a mark for (data-partner), in order


LEGIBLE_PX = 12


def embedded(svg: str, *, prefix: str, links: Mapping[str, str]) -> Embedded:
    """`svg` with ids prefixed and partner shapes linked (`links`: a partner id
    or an ISO alpha-3 code to its href), and what the page needs to know of it."""
    from xml.etree import ElementTree

    ElementTree.register_namespace("", SVG)
    root = ElementTree.fromstring(svg)
    ids = {element.get("id") for element in root.iter() if element.get("id")}
    if root.get("id") is None:
        root.set("id", "svg")  # prefixed below with the rest: what its style is scoped to

    def renamed(match: re.Match[str]) -> str:
        name = match.group(1)
        return f"url(#{prefix}{name})" if name in ids else match.group(0)

    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        for attribute, value in element.attrib.items():
            if attribute == "id":
                element.set("id", prefix + value)
            elif attribute in ("aria-labelledby", "aria-describedby"):
                element.set(attribute, " ".join(prefix + name if name in ids else name for name in value.split()))
            elif attribute in ("href", "{http://www.w3.org/1999/xlink}href") and value.startswith("#"):
                element.set(attribute, "#" + prefix + value[1:] if value[1:] in ids else value)
            elif "url(#" in value:
                element.set(attribute, _ID_REFERENCE.sub(renamed, value))
        if element.tag == f"{{{SVG}}}style" and element.text:
            element.text = scoped_css(_ID_REFERENCE.sub(renamed, element.text), f"#{root.get('id')}")
        target = links.get(element.get("data-partner") or element.get("data-iso3") or "")
        parent = parents.get(element)
        if target is not None and parent is not None:
            _wrap_in_link(parent, element, target)
    classes = {element.get("data-iso3", ""): element.get("data-tier", "") for element in root.iter()
               if element.get("data-iso3") and element.get("data-tier")}
    partners = tuple(dict.fromkeys(element.get("data-partner", "") for element in root.iter()
                                   if element.get("data-partner")))
    return Embedded(ElementTree.tostring(root, encoding="unicode"), _legible_width(root), classes, partners)


def _legible_width(root: Any) -> int:
    """The drawing's width at which its smallest text is 12 CSS pixels: the
    viewBox's width scaled by 12 over the smallest font size (an attribute,
    inherited from the nearest ancestor that sets one; 16 where none does).
    A picture with a layout of its own for narrow screens (a group of class
    "narrow", shown there instead of the wide one) is read in that layout."""
    def smallest(element: Any, inherited: float, counted: bool) -> float:
        size = _size(element.get("font-size"), inherited)
        counted = counted or "narrow" in (element.get("class") or "").split()
        own = size if counted and element.tag == f"{{{SVG}}}text" else float("inf")
        return min([own, *(smallest(child, size, counted) for child in element)])

    box = (root.get("viewBox") or "").replace(",", " ").split()
    width = float(box[2]) if len(box) == 4 else _size(root.get("width"), 0)
    has_narrow = any("narrow" in (element.get("class") or "").split() for element in root.iter())
    font = smallest(root, 16.0, not has_narrow)
    return 0 if font == float("inf") or not width else int(width * LEGIBLE_PX / font + 0.999)


def _size(value: str | None, inherited: float) -> float:
    try:
        return float((value or "").removesuffix("px")) if value else inherited
    except ValueError:
        return inherited


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


def _wrap_in_link(parent: object, element: object, href: str) -> None:
    from xml.etree import ElementTree

    index = list(parent).index(element)  # type: ignore[call-overload]
    link = ElementTree.Element(f"{{{SVG}}}a", {"href": href})
    link.tail, element.tail = element.tail, None  # type: ignore[attr-defined]
    parent.remove(element)  # type: ignore[attr-defined]
    link.append(element)  # type: ignore[arg-type]
    parent.insert(index, link)  # type: ignore[attr-defined]
