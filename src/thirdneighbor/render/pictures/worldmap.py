"""A world map of Mongolia's partners as one self-contained SVG document.

No network request of any kind: no external fonts, scripts, styles or images.
Geometry is world-110m.json next to this module (Natural Earth 1:110m, Equal
Earth projection; see SOURCES.md and tools/make_world_geometry.py), loaded on
the first call, never at import.

Colours and patterns are the palette's (thirdneighbor.render.pictures.palette), so the
map's tiers look as they do in the chart; they stay apart in grey print by
lightness and pattern. Every partner is named: on the country where the name
fits, else beside it with a line back (map_labels.py). Mongolia gets its
class's fill, a thick outline, a dot at its centre and its name; the legend
explains the dot. A region ("europe", "asia") crops the map to it, the names
kept at the same size. The foot carries the credit, the geometry's included.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from ...core.language import N_, _
from . import svg_parts as svg
from .map_labels import REGIONS, Box, anchor, place_labels, region_box
from .palette import THEMES, Look, palette

__all__ = ["world_map_svg", "THEMES", "REGIONS", "geometry"]

ID = "tn-map"  # prefix of every id, so the map can share an HTML page with the charts
KEY = f"{ID}-key"  # the legend's patterns
PAD = 10.0
LABEL_SIZE = 11.0

WORDS = {
    "mongolia dot": N_("Mongolia, outlined; the dot marks its centre"),
}

_geometry: dict[str, Any] | None = None


def geometry() -> dict[str, Any]:
    """The bundled country outlines, read at the first call."""
    global _geometry
    if _geometry is None:
        import json
        from importlib.resources import files

        text = files("thirdneighbor.render.pictures").joinpath("world-110m.json").read_text(encoding="utf-8")
        _geometry = json.loads(text)
    return _geometry


def _looks(theme: str, categories: Sequence[str]) -> dict[str, Look]:
    """The palette's look for each category; a spare one (then grey) for a category it lacks."""
    colours = palette(theme)
    spare = iter(colours.spare)
    grey = Look(colours.muted, colours.muted, "cross", colours.background)
    return {category: colours.looks.get(category) or next(spare, grey) for category in dict.fromkeys(categories)}


def visible(codes: Sequence[str], region: str | None) -> list[str]:
    """The countries of `codes` a map of `region` shows (some part of), in order."""
    countries: dict[str, str] = geometry()["countries"]
    if region is None:
        return [code for code in codes if code in countries]
    left, top, right, bottom = region_box(countries, region)
    shown = []
    for code in codes:
        if code not in countries:
            continue
        x0, y0, x1, y1 = anchor(countries[code])[1]
        if x0 < right and x1 > left and y0 < bottom and y1 > top:
            shown.append(code)
    return shown


def world_map_svg(
    categories_by_iso3: dict[str, str],
    legend: list[tuple[str, str]],
    *,
    title: str,
    description: str,
    theme: str = "light",
    names_by_iso3: dict[str, str] | None = None,
    subtitle: str = "",
    credits: Sequence[str] = (),
    region: str | None = None,
) -> str:
    """The map as an SVG document (a str, no XML declaration).

    categories_by_iso3: ISO 3166-1 alpha-3 code -> category ("mongolia",
    "neighbor", a tier id, "other"; an id the palette lacks gets a spare look).
    Countries not in it are drawn as land. legend: (category, label) pairs in
    display order. names_by_iso3: the names written on the map and in the
    tooltips (the code where none is given); every country in
    categories_by_iso3 is named. region: None for the world, or a key of REGIONS.
    theme: "light" or "dark"; anything else raises ValueError.
    """
    colours = palette(theme)
    if region is not None and region not in REGIONS:
        raise ValueError(f"unknown region {region!r}; choose from {', '.join(REGIONS)}")
    names = names_by_iso3 or {}
    world = geometry()
    countries: dict[str, str] = world["countries"]
    categories = {str(code).upper(): str(category) for code, category in categories_by_iso3.items()}
    categories.setdefault("MNG", "mongolia")
    looks = _looks(theme, [*categories.values(), *(category for category, _ in legend)])
    legend_labels = dict(legend)

    view: Box = region_box(countries, region) if region else (0.0, 0.0, *world["viewBox"][2:])
    scale = 1000 / (view[2] - view[0])
    map_h = (view[3] - view[1]) * scale
    width = 1000 + 2 * PAD

    def place(x: float, y: float) -> tuple[float, float]:
        return PAD + (x - view[0]) * scale, top + (y - view[1]) * scale

    out: list[str] = []
    y = PAD
    for line in textwrap.wrap(title, 80):
        y += 22 * 1.2
        out.append(svg.text(PAD, y, line, 22, colours.text, bold=True))
    for line in textwrap.wrap(subtitle, 130):
        y += 14 * 1.35
        out.append(svg.text(PAD, y, line, 14, colours.muted))
    top = y + PAD
    clip = f"{ID}-clip"
    out.append(f'<clipPath id="{clip}"><rect x="{svg.number(PAD)}" y="{svg.number(top)}" width="1000" '
               f'height="{svg.number(map_h)}"/></clipPath>')
    out.append(f'<g clip-path="url(#{clip})"><g transform="translate({svg.number(PAD - view[0] * scale)},'
               f'{svg.number(top - view[1] * scale)}) scale({scale:.4f})">')
    out.append(f'<path d="{world["outline"]}" fill="{colours.sea}" stroke="{colours.grid}" '
               f'stroke-width="0.6" vector-effect="non-scaling-stroke"/>')
    out.append(f'<g class="tn-countries" stroke="{colours.border}" stroke-width="0.5" '
               f'stroke-linejoin="round" fill-rule="evenodd">')
    for code in sorted(countries, key=lambda c: (c == "MNG", c)):
        category = categories.get(code)
        attrs = f'class="tn-country" data-iso3="{svg.escape(code)}" vector-effect="non-scaling-stroke"'
        if category is None:
            out.append(f'<path {attrs} d="{countries[code]}" fill="{colours.land}"/>')
            continue
        attrs += f' data-tier="{svg.escape(category)}"'
        if code == "MNG":
            attrs += f' stroke="{colours.outline}" stroke-width="1.8"'
        label = names.get(code) or code
        if category in legend_labels:
            label = f"{label}: {legend_labels[category]}"
        out.append(f'<path {attrs} d="{countries[code]}" fill="{svg.paint(ID, category, looks[category])}">'
                   f"<title>{svg.escape(label)}</title></path>")
    out.append("</g></g></g>")

    # Mongolia's dot, then every named country's label: on it, or beside it with a line.
    keep_clear: list[Box] = []
    if "MNG" in countries:
        (mx, my), _size = anchor(countries["MNG"])
        dx, dy = place(mx, my)
        out.append(f'<circle class="tn-mongolia-dot" cx="{svg.number(dx)}" cy="{svg.number(dy)}" r="3.5" '
                   f'fill="{colours.background}" stroke="{colours.outline}" stroke-width="1.4"/>')
        keep_clear.append((mx - 5 / scale, my - 5 / scale, mx + 5 / scale, my + 5 / scale))
    labelled = {code: names.get(code) or code for code in visible(list(categories), region)}
    labels = place_labels(countries, labelled, view, LABEL_SIZE / scale, keep_clear)
    # Mongolia's name stands above its dot, not on it.
    labels = [label._replace(y=label.y - LABEL_SIZE * 0.8 / scale) if label.code == "MNG" and label.inside else label
              for label in labels]
    out.append(f'<g class="tn-labels" font-size="{svg.number(LABEL_SIZE)}">')
    for label in labels:
        lx, ly = place(label.x, label.y)
        if label.leader is not None:
            x1, y1 = place(*label.leader[:2])
            x2, y2 = place(*label.leader[2:])
            out.append(f'<line x1="{svg.number(x1)}" y1="{svg.number(y1)}" x2="{svg.number(x2)}" '
                       f'y2="{svg.number(y2)}" stroke="{colours.text}" stroke-width="0.7"/>')
        bold = ' font-weight="bold"' if label.code == "MNG" else ""
        out.append(f'<text x="{svg.number(lx)}" y="{svg.number(ly)}" text-anchor="middle" fill="{colours.text}" '
                   f'stroke="{colours.background}" stroke-width="3" paint-order="stroke" stroke-linejoin="round" '
                   f'data-iso3="{svg.escape(label.code)}"{bold}>{svg.escape(label.text)}</text>')
    out.append("</g>")

    y = top + map_h + PAD
    shown = {categories[code] for code in visible(list(categories), region)}  # the legend: what is drawn
    y = _legend(out, [(category, label) for category, label in legend if category in shown or category == "mongolia"],
                looks, colours, y, width)
    for sentence in credits:
        for line in textwrap.wrap(sentence, 150, break_on_hyphens=False):
            y += 12 * 1.3
            out.append(svg.text(PAD, y, line, 12, colours.muted))
    height = y + PAD
    head = [svg.root(ID, width, height, title, description, theme=theme),
            # The map's patterns are drawn at its scale, the legend's at the page's.
            "<defs>" + "".join(svg.patterns(ID, looks, size=4 / scale)) + "".join(svg.patterns(KEY, looks, size=4))
            + "</defs>",
            f'<rect width="100%" height="100%" fill="{colours.background}"/>']
    return "\n".join([*head, *out, "</svg>"]) + "\n"


def _legend(out: list[str], legend: list[tuple[str, str]], looks: dict[str, Look], colours: Any, y: float,
            width: float) -> float:
    size, swatch = 12.0, 18.0
    x = PAD
    y += size * 1.2
    out.append('<g class="tn-legend">')
    for category, label in legend:
        text = _(WORDS["mongolia dot"]) if category == "mongolia" else label
        step = swatch + 8 + svg.text_width(text, size) + 18
        if x + step > width - PAD and x > PAD:
            x, y = PAD, y + size * 1.8
        stroke = (colours.outline, 1.8) if category == "mongolia" else (colours.grid, 0.6)
        out.append(f'<g data-tier="{svg.escape(category)}"><rect x="{svg.number(x)}" y="{svg.number(y - size)}" '
                   f'width="{swatch}" height="{size}" fill="{svg.paint(KEY, category, looks[category])}" '
                   f'stroke="{stroke[0]}" stroke-width="{stroke[1]}"/>')
        if category == "mongolia":
            out.append(f'<circle cx="{svg.number(x + swatch / 2)}" cy="{svg.number(y - size / 2)}" r="3" '
                       f'fill="{colours.background}" stroke="{colours.outline}" stroke-width="1.2"/>')
        out.append(svg.text(x + swatch + 8, y - 1.5, text, size, colours.text) + "</g>")
        x += step
    out.append("</g>")
    return y + size * 0.6

