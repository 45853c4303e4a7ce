"""The world map (thirdneighbor.render.pictures.worldmap): a self-contained, well-formed,
accessible SVG whose tiers survive grey printing and whose text is escaped."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.resources import files

import pytest

from thirdneighbor.render.pictures.worldmap import THEMES, world_map_svg

SVG = "{http://www.w3.org/2000/svg}"
GEOMETRY = files("thirdneighbor.render.pictures").joinpath("world-110m.json")

CATEGORIES = {"MNG": "mongolia", "RUS": "neighbor", "CHN": "neighbor", "JPN": "strategic",
              "USA": "strategic", "DEU": "strategic", "CAN": "comprehensive",
              "AUS": "expanded", "GBR": "other", "KOR": "comprehensive-strategic",
              "NZL": "brand-new-tier"}
LEGEND = [("mongolia", "Mongolia"), ("neighbor", "Neighbours"),
          ("comprehensive-strategic", "Comprehensive strategic"), ("strategic", "Strategic"),
          ("comprehensive", "Comprehensive"), ("expanded", "Expanded"), ("other", "Other"),
          ("brand-new-tier", "Something new")]
HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "a & b ' \" ]]>"]


def render(**kwargs) -> str:
    args = {"title": "Mongolia's partners", "description": "Partners by tier", **kwargs}
    return world_map_svg(args.pop("categories", CATEGORIES), args.pop("legend", LEGEND), **args)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def country_paths(root: ET.Element) -> list[ET.Element]:
    return [p for p in root.iter(f"{SVG}path") if "tn-country" in p.get("class", "").split()]


@pytest.fixture(scope="module")
def light() -> str:
    return render()


def test_well_formed_with_svg_root(light: str) -> None:
    root = parse(light)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert len(root.get("viewBox").split()) == 4


def test_title_and_desc_are_referenced(light: str) -> None:
    root = parse(light)
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == "Mongolia's partners"
    assert desc is not None and desc.text == "Partners by tier"
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert "<title" in light and "<desc" in light


def test_every_country_path_has_iso3(light: str) -> None:
    paths = country_paths(parse(light))
    assert len(paths) >= 170
    codes = [p.get("data-iso3") for p in paths]
    assert all(code and re.fullmatch(r"[A-Z]{3}", code) for code in codes)
    assert len(set(codes)) == len(codes)


def test_partners_get_tier_and_title_others_do_not(light: str) -> None:
    paths = {p.get("data-iso3"): p for p in country_paths(parse(light))}
    for code, category in CATEGORIES.items():
        assert paths[code].get("data-tier") == category
        assert paths[code].find(f"{SVG}title").text.startswith(code)
    assert paths["FRA"].get("data-tier") is None
    assert paths["FRA"].find(f"{SVG}title") is None
    assert paths["FRA"].get("fill") == THEMES["light"].land


def test_names_used_for_titles() -> None:
    svg = render(names_by_iso3={"JPN": "Japan", "MNG": "Монгол Улс"})
    paths = {p.get("data-iso3"): p for p in country_paths(parse(svg))}
    assert paths["JPN"].find(f"{SVG}title").text == "Japan: Strategic"
    assert paths["USA"].find(f"{SVG}title").text == "USA: Strategic"
    assert "Монгол Улс" in svg


def test_categories_look_different(light: str) -> None:
    paths = {p.get("data-iso3"): p for p in country_paths(parse(light))}
    fills = {cat: paths[code].get("fill") for code, cat in CATEGORIES.items()}
    assert len(set(fills.values())) == len(fills)
    assert THEMES["light"].land not in fills.values()
    patterns = [f for f in fills.values() if f.startswith("url(#")]
    assert len(patterns) >= 2
    root = parse(light)
    defined = {p.get("id") for p in root.iter(f"{SVG}pattern")}
    assert {f[5:-1] for f in patterns} <= defined


def grey(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_solid_fills_differ_in_lightness(theme: str) -> None:
    palette = THEMES[theme]
    solids = [s.fill for cat, s in palette.styles.items() if s.pattern is None and cat != "mongolia"]
    solids.append(palette.land)
    values = sorted(grey(c) for c in solids)
    assert all(b - a >= 35 for a, b in zip(values, values[1:])), values
    assert sum(1 for s in palette.styles.values() if s.pattern) >= 2


def test_mongolia_marked(light: str) -> None:
    root = parse(light)
    mongolia = [p for p in country_paths(root) if p.get("data-iso3") == "MNG"]
    assert len(mongolia) == 1
    assert float(mongolia[0].get("stroke-width")) >= 1.5
    assert mongolia[0].get("stroke") == THEMES["light"].outline
    marker = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tn-mongolia-marker")
    assert marker.find(f"{SVG}circle") is not None
    assert marker.find(f"{SVG}text").text == "Mongolia"
    # The marker sits on Mongolia in the viewBox (roughly 87-120 E, 41-52 N).
    cx, cy = float(marker.find(f"{SVG}circle").get("cx")), float(marker.find(f"{SVG}circle").get("cy"))
    assert 700 < cx < 790 and 60 < cy < 100


def test_mongolia_marked_even_when_left_out() -> None:
    svg = render(categories={"JPN": "strategic"}, legend=[("strategic", "Strategic")])
    root = parse(svg)
    mongolia = next(p for p in country_paths(root) if p.get("data-iso3") == "MNG")
    assert mongolia.get("data-tier") is None
    assert mongolia.get("stroke") == THEMES["light"].outline
    assert ">Mongolia</text>" in svg


def test_legend_has_only_given_entries(light: str) -> None:
    root = parse(light)
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tn-legend")
    entries = [g for g in legend if g.tag == f"{SVG}g"]
    assert [g.get("data-tier") for g in entries] == [cat for cat, _ in LEGEND]
    assert [g.find(f"{SVG}text").text for g in entries] == [label for _, label in LEGEND]
    short = parse(render(legend=[("neighbor", "Neighbours")]))
    legend = next(g for g in short.iter(f"{SVG}g") if g.get("class") == "tn-legend")
    assert len([g for g in legend if g.tag == f"{SVG}g"]) == 1


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_escaped(hostile: str) -> None:
    svg = render(
        title=hostile,
        description=hostile,
        categories={"MNG": "mongolia", "JPN": hostile},
        legend=[("mongolia", hostile), (hostile, hostile)],
        names_by_iso3={"JPN": hostile, "MNG": hostile},
    )
    root = parse(svg)
    assert "<script" not in svg and "<img" not in svg
    assert not any(el.tag.endswith(("script", "img", "foreignObject")) for el in root.iter())
    assert root.find(f"{SVG}title").text == hostile
    jpn = next(p for p in country_paths(root) if p.get("data-iso3") == "JPN")
    assert jpn.get("data-tier") == hostile
    assert jpn.find(f"{SVG}title").text == f"{hostile}: {hostile}"
    assert all(not name.startswith("on") for el in root.iter() for name in el.attrib)


def test_control_characters_do_not_break_xml() -> None:
    svg = render(title="bad\x00\x1b[31m title\ufffe", legend=[("other", "x\x08y")])
    root = parse(svg)
    assert root.find(f"{SVG}title").text == "bad[31m title"


def test_dark_theme_differs_and_bad_theme_raises(light: str) -> None:
    dark = render(theme="dark")
    assert dark != light
    parse(dark)
    background = lambda svg: parse(svg).find(f"{SVG}rect").get("fill")  # noqa: E731
    assert grey(background(light)) > 200 > 60 > grey(background(dark))
    for bad in ("Dark", "", "blue", None):
        with pytest.raises(ValueError):
            render(theme=bad)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_self_contained(theme: str) -> None:
    svg = render(theme=theme)
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", svg, flags=re.IGNORECASE))
    assert urls <= {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}
    assert "@import" not in svg and "<image" not in svg and "<script" not in svg
    assert "href" not in svg
    assert all(ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", svg))
    assert "font-family" in svg and "sans-serif" in svg


def test_geometry_file() -> None:
    raw = GEOMETRY.read_bytes()
    assert len(raw) < 300_000
    data = json.loads(raw)
    assert {"source", "licence", "projection", "viewBox", "countries"} <= set(data)
    countries = data["countries"]
    assert len(countries) >= 170
    assert {"MNG", "RUS", "CHN", "USA", "GBR", "JPN"} <= set(countries)
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in countries)
    assert all(re.fullmatch(r"(M[-\d., ]+Z)+", path) for path in countries.values())
    _, _, width, height = data["viewBox"]
    assert width == 1000 and 450 < height < 520  # Equal Earth is about 2.05 : 1


def test_geometry_has_no_antimeridian_streaks() -> None:
    """No ring of Russia, Fiji or Antarctica jumps across the map, except along a
    pole line (Antarctica's ring is closed along the South Pole, the map's bottom edge)."""
    data = json.loads(GEOMETRY.read_text(encoding="utf-8"))
    height = data["viewBox"][3]
    for code in ("RUS", "FJI", "ATA", "USA"):
        for ring in data["countries"][code].split("Z")[:-1]:
            points = [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", ring)]
            for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
                along_pole = y0 == y1 and y0 in (0, height)
                assert abs(x1 - x0) < 200 or along_pole, (code, x0, y0, x1, y1)


def test_north_is_up_and_not_squashed() -> None:
    """Russia is above Australia, and the USA is wider than tall."""
    countries = json.loads(GEOMETRY.read_text(encoding="utf-8"))["countries"]

    def bbox(code: str) -> tuple[float, float, float, float]:
        nums = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", countries[code])]
        return min(nums[0::2]), min(nums[1::2]), max(nums[0::2]), max(nums[1::2])

    assert bbox("RUS")[3] < bbox("AUS")[1]
    x0, y0, x1, y1 = bbox("MNG")
    assert 1.5 < (x1 - x0) / (y1 - y0) < 3.5


def test_import_does_not_load_geometry_or_pycountry() -> None:
    code = ("import sys, thirdneighbor.render.pictures.worldmap as w; "
            "print(w._geometry is None, 'pycountry' in sys.modules, 'json' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[:2] == ["True", "False"]
