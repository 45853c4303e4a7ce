"""A world map of Mongolia's partners as one self-contained SVG document.

No network request of any kind: no external fonts, scripts, styles or images.
Geometry is world-110m.json next to this module (Natural Earth 1:110m, Equal
Earth projection; see SOURCES.md and tools/make_world_geometry.py), loaded on
the first call, never at import.

Tiers stay apart when printed in grey: the solid fills step clearly in
lightness, and three categories carry an inline <pattern> (hatching, dots,
lines). Mongolia gets a strong fill, a thick outline, a marker and a label.
"""

from __future__ import annotations

import math
import re
from typing import Any, NamedTuple

from ...core.safe import clean, markup

__all__ = ["world_map_svg", "THEMES", "CATEGORIES"]

CATEGORIES = ("mongolia", "neighbor", "comprehensive-strategic", "strategic",
              "comprehensive", "expanded", "other")

FONT_STACK = '"DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif'
ID = "tn-map"  # prefix of every id, so two maps can share an HTML page


class Style(NamedTuple):
    fill: str  # solid fill; the pattern's background when `pattern` is set
    pattern: str | None = None  # "hatch", "dots" or "lines"
    ink: str = ""  # colour of the pattern's strokes or dots


class Theme(NamedTuple):
    background: str
    ocean: str
    land: str
    border: str
    text: str
    muted: str
    outline: str  # Mongolia's outline and marker ring
    halo: str  # behind the label
    legend_fill: str
    legend_stroke: str
    styles: dict[str, Style]
    fallback: Style


# Grey values (0.299 R + 0.587 G + 0.114 B) of the light theme's solid fills:
# comprehensive-strategic 42, mongolia 78, strategic 128, comprehensive 170,
# land 229, ocean 247. The patterned tiers differ by texture as well.
THEMES: dict[str, Theme] = {
    "light": Theme(
        background="#ffffff",
        ocean="#f4f8fb",
        land="#e5e5e5",
        border="#ffffff",
        text="#1a1a1a",
        muted="#555555",
        outline="#000000",
        halo="#ffffff",
        legend_fill="#ffffff",
        legend_stroke="#9a9a9a",
        styles={
            "mongolia": Style("#cb181d"),
            "neighbor": Style("#fdae6b", "hatch", "#7f2704"),
            "comprehensive-strategic": Style("#08306b"),
            "strategic": Style("#4292c6"),
            "comprehensive": Style("#7fb6d9"),
            "expanded": Style("#e3eef8", "dots", "#08519c"),
            "other": Style("#e8e1ef", "lines", "#54278f"),
        },
        fallback=Style("#a6a6a6", "cross", "#404040"),
    ),
    "dark": Theme(
        background="#10151c",
        ocean="#17202b",
        land="#3a424d",
        border="#10151c",
        text="#eef1f4",
        muted="#b8c0ca",
        outline="#ffffff",
        halo="#10151c",
        legend_fill="#17202b",
        legend_stroke="#5d6773",
        styles={
            "mongolia": Style("#fb6a4a"),
            "neighbor": Style("#7f2704", "hatch", "#fdae6b"),
            "comprehensive-strategic": Style("#deebf7"),
            "strategic": Style("#9ecae1"),
            "comprehensive": Style("#4292c6"),
            "expanded": Style("#08306b", "dots", "#c6dbef"),
            "other": Style("#3f007d", "lines", "#dadaeb"),
        },
        fallback=Style("#6b6b6b", "cross", "#d9d9d9"),
    ),
}

# A pattern that stays a string (compiled and cached by `re` on first use) so
# that importing costs nothing.
_NUMBER = r"-?\d+(?:\.\d+)?"

_geometry: dict[str, Any] | None = None


def _load_geometry() -> dict[str, Any]:
    global _geometry
    if _geometry is None:
        import json
        from importlib.resources import files

        text = files("thirdneighbor.render.pictures").joinpath("world-110m.json").read_text(encoding="utf-8")
        _geometry = json.loads(text)
    return _geometry


def _text(value: object) -> str:
    """Text content or an attribute value: the one rule for dataset text in SVG
    (thirdneighbor.core.safe.markup): control, format and bidirectional
    characters out, and what XML forbids even escaped; tabs and line breaks as
    spaces; the five XML-special characters escaped."""
    return markup(str(value), quote=True)


def _attr(value: object) -> str:
    """An attribute value, escaped and in double quotes (the quotes included)."""
    return '"' + _text(value) + '"'



def _num(value: float) -> str:
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def _bbox(path: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(_NUMBER, path)]
    xs, ys = numbers[0::2], numbers[1::2]
    return min(xs), min(ys), max(xs), max(ys)


def _pattern_def(pattern_id: str, style: Style) -> str:
    head = (f'<pattern id="{pattern_id}" patternUnits="userSpaceOnUse" width="4" height="4"'
            + (' patternTransform="rotate(45)"' if style.pattern in ("hatch", "cross") else "") + ">")
    body = f'<rect width="4" height="4" fill="{style.fill}"/>'
    if style.pattern == "hatch":
        body += f'<line x1="0" y1="0" x2="0" y2="4" stroke="{style.ink}" stroke-width="1.6"/>'
    elif style.pattern == "cross":
        body += (f'<path d="M0,0V4M0,0H4" stroke="{style.ink}" stroke-width="1" fill="none"/>')
    elif style.pattern == "dots":
        body += f'<circle cx="2" cy="2" r="0.95" fill="{style.ink}"/>'
    elif style.pattern == "lines":
        body += f'<line x1="0" y1="0.6" x2="4" y2="0.6" stroke="{style.ink}" stroke-width="1.2"/>'
    return head + body + "</pattern>"


def world_map_svg(
    categories_by_iso3: dict[str, str],
    legend: list[tuple[str, str]],
    *,
    title: str,
    description: str,
    theme: str = "light",
    names_by_iso3: dict[str, str] | None = None,
) -> str:
    """The world map as an SVG document (a str, no XML declaration).

    categories_by_iso3: ISO 3166-1 alpha-3 code -> category id ("mongolia",
    "neighbor", "comprehensive-strategic", "strategic", "comprehensive",
    "expanded", "other"; any other id gets a fallback style). Countries not in
    it are drawn in a neutral land colour.
    legend: (category id, label) pairs in display order; one swatch each.
    names_by_iso3: optional country names for the tooltips (<title>); the
    ISO code is used otherwise.
    theme: "light" or "dark"; anything else raises ValueError.
    """
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}: expected 'light' or 'dark'")
    palette = THEMES[theme]
    names = names_by_iso3 or {}
    geometry = _load_geometry()
    countries: dict[str, str] = geometry["countries"]
    _, _, map_w, map_h = geometry["viewBox"]

    # Styles in use: every known category (cheap) plus one fallback per unknown id.
    style_of: dict[str, Style] = dict(palette.styles)
    pattern_ids: dict[str, str] = {}
    defs: list[str] = []
    categories = {str(code).upper(): str(cat) for code, cat in categories_by_iso3.items()}
    used = set(categories.values()) | {cat for cat, _ in legend} | {"mongolia"}
    for category in sorted(used):
        style = style_of.get(category, palette.fallback)
        if style.pattern is None:
            continue
        key = category if category in palette.styles else "_fallback"
        if key not in pattern_ids:
            pattern_ids[key] = f"{ID}-pattern-{len(pattern_ids) + 1}"
            defs.append(_pattern_def(pattern_ids[key], style))

    def fill_for(category: str) -> str:
        style = style_of.get(category, palette.fallback)
        if style.pattern is None:
            return style.fill
        key = category if category in palette.styles else "_fallback"
        return f"url(#{pattern_ids[key]})"

    legend_labels = {cat: label for cat, label in legend}

    # Layout: title band, the map, then a legend band.
    pad = 10.0
    title_band = 40.0
    width = map_w + 2 * pad
    font_size = 12.0
    swatch_w, swatch_h = 18.0, 12.0
    row_h = 22.0
    longest = max((len(clean(label)) for _, label in legend), default=0)
    column_w = swatch_w + 8 + longest * font_size * 0.62 + 24
    inner = 12.0
    columns = max(1, min(len(legend) or 1, int((width - 2 * pad - 2 * inner) // column_w)))
    rows = math.ceil(len(legend) / columns) if legend else 0
    legend_h = rows * row_h + 2 * inner - (row_h - swatch_h) if rows else 0.0
    legend_top = title_band + map_h + pad
    height = legend_top + legend_h + pad if rows else title_band + map_h + pad

    out: list[str] = []
    out.append(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_num(width)} {_num(height)}" '
        f'width="{_num(width)}" height="{_num(height)}" role="img" '
        f'aria-labelledby="{ID}-title {ID}-desc" data-theme="{theme}">'
    )
    out.append(f'<title id="{ID}-title">{_text(title)}</title>')
    out.append(f'<desc id="{ID}-desc">{_text(description)}</desc>')
    out.append(
        "<style>"
        f"text{{font-family:{FONT_STACK};fill:{palette.text}}}"
        ".tn-country{stroke-linejoin:round;fill-rule:evenodd}"
        "</style>"
    )
    if defs:
        out.append("<defs>" + "".join(defs) + "</defs>")
    out.append(f'<rect width="100%" height="100%" fill="{palette.background}"/>')
    out.append(
        f'<text x="{_num(pad)}" y="27" font-size="18" font-weight="bold">{_text(title)}</text>'
    )

    out.append(f'<g transform="translate({_num(pad)},{_num(title_band)})">')
    out.append(f'<path d="{geometry["outline"]}" fill="{palette.ocean}" '
               f'stroke="{palette.legend_stroke}" stroke-width="0.6"/>')
    out.append(f'<g class="tn-countries" stroke="{palette.border}" stroke-width="0.4">')
    mongolia_path = countries.get("MNG")
    for code in sorted(countries, key=lambda c: (c == "MNG", c)):
        path = countries[code]
        category = categories.get(code)
        attrs = f'class="tn-country" data-iso3={_attr(code)}'
        if category is None:
            if code == "MNG":  # always marked, even when the caller leaves it out
                style_fill = fill_for("mongolia")
            else:
                out.append(f'<path {attrs} d="{path}" fill="{palette.land}"/>')
                continue
        else:
            style_fill = fill_for(category)
            attrs += f" data-tier={_attr(category)}"
        extra = ""
        if code == "MNG":
            extra = f' stroke="{palette.outline}" stroke-width="1.8"'
        label = names.get(code) or code
        if category is not None and category in legend_labels:
            label = f"{label}: {legend_labels[category]}"
        out.append(f'<path {attrs} d="{path}" fill="{style_fill}"{extra}>'
                   f"<title>{_text(label)}</title></path>")
    out.append("</g>")

    if mongolia_path:
        x0, y0, x1, y1 = _bbox(mongolia_path)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        mongolia_name = names.get("MNG") or "Mongolia"
        out.append(
            f'<g class="tn-mongolia-marker" aria-hidden="true">'
            f'<circle cx="{_num(cx)}" cy="{_num(cy)}" r="3" fill="{palette.halo}" '
            f'stroke="{palette.outline}" stroke-width="1.2"/>'
            f'<text x="{_num(cx)}" y="{_num(y0 - 5)}" text-anchor="middle" font-size="13" '
            f'font-weight="bold" stroke="{palette.halo}" stroke-width="3" paint-order="stroke" '
            f'stroke-linejoin="round">{_text(mongolia_name)}</text></g>'
        )
    out.append("</g>")

    if rows:
        out.append(f'<g class="tn-legend" transform="translate({_num(pad)},{_num(legend_top)})">')
        out.append(
            f'<rect width="{_num(width - 2 * pad)}" height="{_num(legend_h)}" rx="4" '
            f'fill="{palette.legend_fill}" stroke="{palette.legend_stroke}" stroke-width="0.8"/>'
        )
        for index, (category, label) in enumerate(legend):
            row, column = divmod(index, columns)
            x = inner + column * column_w
            y = inner + row * row_h
            is_mongolia = category == "mongolia"
            stroke = palette.outline if is_mongolia else palette.legend_stroke
            stroke_w = 1.8 if is_mongolia else 0.6
            out.append(
                f"<g data-tier={_attr(category)}>"
                f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(swatch_w)}" height="{_num(swatch_h)}" '
                f'fill="{fill_for(category)}" stroke="{stroke}" stroke-width="{_num(stroke_w)}"/>'
                f'<text x="{_num(x + swatch_w + 8)}" y="{_num(y + swatch_h - 1.5)}" '
                f'font-size="{_num(font_size)}">{_text(label)}</text></g>'
            )
        out.append("</g>")

    out.append("</svg>")
    return "\n".join(out) + "\n"
