"""Where the map writes each partner's name, and the regions it can be cropped to.

A name goes inside its country where it fits there; otherwise it becomes a
callout: the name set beside the country, at the first of a ring of places
around it that overlaps no name already placed and stays on the map, with a
thin line back to the country. The smallest countries are placed first, so
they get the places closest to them.

Positions are in the map's own units (the bundled geometry's viewBox, 1000
wide); a region is a rectangle of those units, so a crop is a change of
viewBox and the same placement runs at a font size scaled to it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import NamedTuple

from . import svg_parts as svg

# Crops of the world map, named by the countries each must show whole (alpha-3).
REGIONS: dict[str, tuple[str, ...]] = {
    "europe": ("PRT", "ESP", "IRL", "GBR", "NOR", "FIN", "GRC", "TUR", "POL"),
    "asia": ("KAZ", "MNG", "JPN", "IND", "VNM", "UZB", "KOR", "LKA"),
}
_NUMBER = r"-?\d+(?:\.\d+)?"

Box = tuple[float, float, float, float]  # left, top, right, bottom


class Label(NamedTuple):
    code: str
    text: str
    x: float  # the text's anchor (its middle) and baseline
    y: float
    inside: bool  # written on the country; else a callout
    leader: tuple[float, float, float, float] | None  # from the country to the callout's edge


def rings(path: str) -> list[list[tuple[float, float]]]:
    """The rings of an SVG path of the bundled geometry (absolute M/L, one M…Z per ring)."""
    found = []
    for part in path.split("M")[1:]:
        numbers = [float(n) for n in re.findall(_NUMBER, part)]
        found.append(list(zip(numbers[0::2], numbers[1::2])))
    return found


def _area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def _bounds(points: list[tuple[float, float]]) -> Box:
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def anchor(path: str) -> tuple[tuple[float, float], Box]:
    """A point inside the country's largest ring (its centroid, or the nearest
    inside point of a grid where the centroid falls outside), and that ring's bounds."""
    ring = max(rings(path), key=_area)
    box = _bounds(ring)
    area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2
    if area:
        cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / (6 * area)
        cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / (6 * area)
    else:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    if _inside((cx, cy), ring):
        return (cx, cy), box
    grid = [(box[0] + (box[2] - box[0]) * (i + 0.5) / 8, box[1] + (box[3] - box[1]) * (j + 0.5) / 8)
            for i in range(8) for j in range(8)]
    inside = [point for point in grid if _inside(point, ring)] or [(cx, cy)]
    return min(inside, key=lambda point: math.dist(point, (cx, cy))), box


def _anchor_in(path: str, view: Box) -> tuple[tuple[float, float], Box] | None:
    """The country's anchor where it lies in `view`; else a point of the country
    inside the view (a country the crop cuts, such as Russia in Europe), with
    the part of its bounds in view; None where none of it is in view."""
    (x, y), box = anchor(path)
    if view[0] <= x <= view[2] and view[1] <= y <= view[3]:
        return (x, y), box
    cut = (max(box[0], view[0]), max(box[1], view[1]), min(box[2], view[2]), min(box[3], view[3]))
    if cut[0] >= cut[2] or cut[1] >= cut[3]:
        return None
    grid = [(cut[0] + (cut[2] - cut[0]) * (i + 0.5) / 10, cut[1] + (cut[3] - cut[1]) * (j + 0.5) / 10)
            for i in range(10) for j in range(10)]
    shapes = rings(path)
    inside = [point for point in grid if any(_inside(point, ring) for ring in shapes)]
    if not inside:
        return None
    middle = ((cut[0] + cut[2]) / 2, (cut[1] + cut[3]) / 2)
    return min(inside, key=lambda point: math.dist(point, middle)), cut


def region_box(countries: Mapping[str, str], region: str, margin: float = 6.0) -> Box:
    """The rectangle that shows a region's countries whole, with a margin."""
    points = [point for code in REGIONS[region] for ring in rings(countries[code]) if _area(ring) > 1
              for point in ring]
    left, top, right, bottom = _bounds(points)
    return left - margin, top - margin, right + margin, bottom + margin


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _text_box(x: float, y: float, text: str, font: float) -> Box:
    half = svg.text_width(text, font) / 2
    return x - half, y - font * 0.8, x + half, y + font * 0.25


def place_labels(countries: Mapping[str, str], names: Mapping[str, str], view: Box, font: float,
                 keep_clear: list[Box] | None = None) -> list[Label]:
    """A label for each country in `names` whose shape is in `countries`, in the
    order of `names`; `view` is the part of the map shown, `keep_clear` places
    (a marker, a name) no callout may cover."""
    shapes = {code: _anchor_in(countries[code], view) for code in names if code in countries}
    shapes = {code: shape for code, shape in shapes.items() if shape is not None}
    taken: list[Box] = list(keep_clear or [])
    placed: dict[str, Label] = {}
    for code, ((x, y), box) in shapes.items():  # names that fit inside first: callouts avoid them
        text = names[code]
        width = svg.text_width(text, font)
        if width <= (box[2] - box[0]) * 0.8 and font * 1.3 <= box[3] - box[1]:
            placed[code] = Label(code, text, x, y + font * 0.35, True, None)
            taken.append(_text_box(x, y + font * 0.35, text, font))
    for code in sorted((c for c in shapes if c not in placed), key=lambda c: _area_of(shapes[c][1])):
        (x, y), box = shapes[code]
        placed[code] = _callout(code, names[code], (x, y), box, view, font, taken)
    return [placed[code] for code in names if code in placed]


def _area_of(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _callout(code: str, text: str, point: tuple[float, float], box: Box, view: Box, font: float,
             taken: list[Box]) -> Label:
    x, y = point
    reach = max(box[2] - box[0], box[3] - box[1]) / 2
    half = svg.text_width(text, font) / 2
    best = None
    for distance in (1.2, 2.0, 3.0, 4.5, 6.5, 9.0):
        for degrees in (0, 180, 30, 150, 330, 210, 60, 120, 300, 240, 90, 270):
            angle = math.radians(degrees)
            lx = x + math.cos(angle) * (reach + font * distance + half * abs(math.cos(angle)))
            ly = y - math.sin(angle) * (reach + font * distance) + font * 0.35
            candidate = _text_box(lx, ly, text, font)
            on_view = (candidate[0] >= view[0] and candidate[2] <= view[2] and candidate[1] >= view[1]
                       and candidate[3] <= view[3])
            if on_view and not any(_overlaps(candidate, other) for other in taken):
                best = (lx, ly, candidate)
                break
        if best is not None:
            break
    if best is None:  # nowhere free: beside the country, overlapping if it must
        best = (x + reach + half + font, y + font * 0.35, _text_box(x + reach + half + font, y + font * 0.35, text, font))
    lx, ly, candidate = best
    taken.append(candidate)
    # The line runs from the country's point to the nearest point of the name's box.
    ex = min(max(x, candidate[0]), candidate[2])
    ey = min(max(y, candidate[1]), candidate[3])
    return Label(code, text, lx, ly, False, (x, y, ex, ey))
