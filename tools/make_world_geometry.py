"""Build src/thirdneighbor/render/pictures/world-110m.json from the npm package world-atlas.

A development-time script: the tool never imports it, and it is not shipped.

    tar -xzf world-atlas-2.0.2.tgz -C /tmp/wa     # npm pack world-atlas@2.0.2
    .venv/bin/python tools/make_world_geometry.py /tmp/wa/package/countries-110m.json

It decodes the TopoJSON itself (shared arcs, delta-encoded quantized positions
and the `transform`), projects longitude/latitude with the Equal Earth projection
(Šavrič, Patterson & Jenny 2018), scales the map to a 1000-unit-wide viewBox,
simplifies each ring with Douglas–Peucker (tolerance below) after rounding to
0.1 unit, and writes one SVG path per country keyed by ISO 3166-1 alpha-3.

pycountry maps the numeric ids to alpha-3 codes; it is a test/dev dependency only.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "thirdneighbor" / "render" / "pictures" / "world-110m.json"
MAX_BYTES = 300_000

WIDTH = 1000.0  # viewBox width in SVG units
TOLERANCE = 0.25  # Douglas–Peucker tolerance in SVG units (1000 = the whole world)
MIN_RING_AREA = 0.5  # square SVG units; smaller islands are dropped (unless a country's only ring)

# Equal Earth constants.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Equal Earth on the unit sphere: (lon, lat) in degrees -> (x, y), y up."""
    lam = math.radians(lon)
    phi = math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


# Extent of the whole sphere, used for the viewBox.
X_MAX = equal_earth(180.0, 0.0)[0]
Y_MAX = equal_earth(0.0, 90.0)[1]
SCALE = WIDTH / (2 * X_MAX)
HEIGHT = round(2 * Y_MAX * SCALE, 1)


def to_svg(lon: float, lat: float) -> tuple[float, float]:
    x, y = equal_earth(lon, lat)
    return (round((x + X_MAX) * SCALE, 1), round((Y_MAX - y) * SCALE, 1))


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute (lon, lat) positions of every arc."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(p[0], p[1]) for p in arc]
        arcs.append(points)
    return arcs


def ring_positions(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Stitch a ring from arc indices; ~i (negative) means arc i reversed."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def perpendicular(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    return abs(dy * px - dx * py + bx * ay - by * ax) / math.hypot(dx, dy)


def douglas_peucker(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    if len(points) < 3:
        return points[:]
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def area(points: list[tuple[float, float]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))) / 2


def simplify_ring(lonlat: list[tuple[float, float]]) -> list[tuple[float, float]]:
    projected = [to_svg(lon, lat) for lon, lat in lonlat]
    deduped: list[tuple[float, float]] = []
    for p in projected:
        if not deduped or deduped[-1] != p:
            deduped.append(p)
    # A closed ring: simplify it as an open line from the first point back to it.
    if len(deduped) > 1 and deduped[0] == deduped[-1]:
        deduped.pop()
    if len(deduped) < 3:
        return deduped
    # Split at the point farthest from the start so both halves have distinct ends.
    far = max(range(len(deduped)), key=lambda i: math.dist(deduped[0], deduped[i]))
    first = douglas_peucker(deduped[: far + 1], TOLERANCE)
    second = douglas_peucker(deduped[far:] + [deduped[0]], TOLERANCE)
    return first[:-1] + second[:-1]


def fmt(v: float) -> str:
    text = f"{v:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def ring_path(points: list[tuple[float, float]]) -> str:
    head, *rest = points
    return "M" + f"{fmt(head[0])},{fmt(head[1])}" + "".join(f" {fmt(x)},{fmt(y)}" for x, y in rest) + "Z"


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def unwrap(lonlat: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Make longitudes continuous along the ring (a step of more than 180 degrees wraps)."""
    out = [lonlat[0]]
    for lon, lat in lonlat[1:]:
        previous = out[-1][0]
        while lon - previous > 180:
            lon -= 360
        while lon - previous < -180:
            lon += 360
        out.append((lon, lat))
    return out


def clip_half(points: list[tuple[float, float]], edge: float, keep_above: bool) -> list[tuple[float, float]]:
    """Sutherland–Hodgman against the meridian lon = edge, keeping lon >= edge or lon <= edge."""

    def inside(p):
        return p[0] >= edge if keep_above else p[0] <= edge

    out: list[tuple[float, float]] = []
    for i, current in enumerate(points):
        prev = points[i - 1]
        if inside(current):
            if not inside(prev):
                out.append(crossing(prev, current, edge))
            out.append(current)
        elif inside(prev):
            out.append(crossing(prev, current, edge))
    return out


def crossing(a, b, edge: float) -> tuple[float, float]:
    t = (edge - a[0]) / (b[0] - a[0])
    return (edge, a[1] + t * (b[1] - a[1]))


def split_at_antimeridian(lonlat: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """Cut a ring that crosses lon = ±180 into rings that do not.

    world-atlas keeps rings whole on the sphere (Fiji, Chukotka, Antarctica);
    a flat projection needs them cut. A ring around a pole (Antarctica) is
    closed along the pole first.
    """
    if lonlat[0] == lonlat[-1]:
        lonlat = lonlat[:-1]
    ring = unwrap(lonlat)
    winding = ring[-1][0] - ring[0][0] + (unwrap([ring[-1], lonlat[0]])[1][0] - ring[-1][0])
    if abs(winding) > 180:  # encircles a pole
        pole = -90.0 if sum(lat for _, lat in ring) < 0 else 90.0
        ring = ring + [(ring[-1][0], pole), (ring[0][0], pole)]
    low = min(lon for lon, _ in ring)
    high = max(lon for lon, _ in ring)
    if low >= -180 and high <= 180:
        return [ring]
    pieces = []
    k = math.floor((low + 180) / 360)
    while -180 + 360 * k < high:
        lo, hi = -180 + 360 * k, 180 + 360 * k
        piece = clip_half(clip_half(ring, lo, True), hi, False)
        if len(piece) >= 3:
            pieces.append([(lon - 360 * k, lat) for lon, lat in piece])
        k += 1
    return pieces


def country_path(geometry: dict, arcs) -> str:
    rings: list[list[tuple[float, float]]] = []
    fallback: list[tuple[float, float]] = []  # the largest outer ring, kept if all are tiny
    fallback_area = -1.0
    for polygon in polygons_of(geometry):
        for ring_index, ring in enumerate(polygon):
            for piece in split_at_antimeridian(ring_positions(ring, arcs)):
                points = simplify_ring(piece)
                if len(points) < 3:
                    continue
                a = area(points)
                if ring_index == 0 and a > fallback_area:
                    fallback, fallback_area = points, a
                if a < MIN_RING_AREA:
                    continue
                rings.append(points)
    if not rings and fallback:
        rings = [fallback]
    return "".join(ring_path(r) for r in rings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("topojson", type=Path, help="countries-110m.json from the npm package world-atlas")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries: dict[str, str] = {}
    skipped: list[str] = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry.get("properties", {}).get("name", "?")
        numeric = geometry.get("id")
        record = pycountry.countries.get(numeric=str(numeric).zfill(3)) if numeric else None
        if record is None:
            skipped.append(f"{name} (id {numeric!r})")
            continue
        path = country_path(geometry, arcs)
        if not path:
            skipped.append(f"{name} (no ring left)")
            continue
        code = record.alpha_3
        countries[code] = countries.get(code, "") + path

    outline = [to_svg(180.0, lat) for lat in range(-90, 91, 2)]
    outline += [to_svg(-180.0, lat) for lat in range(90, -91, -2)]
    result = {
        "source": "Natural Earth 1:110m Admin 0 - Countries, via the npm package world-atlas 2.0.2 "
        "(countries-110m.json, by Mike Bostock)",
        "licence": "Natural Earth data: public domain. world-atlas package: ISC licence, "
        "Copyright 2013-2019 Michael Bostock.",
        "projection": "Equal Earth (EPSG:8857 formulas on a unit sphere), central meridian 0, "
        f"scaled to a {WIDTH:g}-unit-wide viewBox, y down; Douglas-Peucker tolerance {TOLERANCE} units",
        "viewBox": [0, 0, int(WIDTH), HEIGHT],
        "outline": ring_path(outline),
        "countries": dict(sorted(countries.items())),
    }
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    print(f"wrote {args.output} : {len(countries)} countries, {size} bytes ({size / 1024:.1f} KiB)")
    for entry in skipped:
        print(f"skipped: {entry}")
    if size >= MAX_BYTES:
        print(f"too large: {size} >= {MAX_BYTES}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
