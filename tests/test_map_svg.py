"""The partners' map: every partner named, the crops, the dot explained, the
neighbors in their own class whatever the date or filter, the title and the
description from what is drawn, the credit."""

from __future__ import annotations

import itertools
from xml.etree import ElementTree

import pytest

from thirdneighbor.data.model import Dataset
from thirdneighbor.partialdate import PartialDate
from thirdneighbor.render.pictures.map_labels import REGIONS, _text_box, place_labels, region_box
from thirdneighbor.render.pictures.partner_map import partners_map_svg
from thirdneighbor.render.pictures.worldmap import geometry, world_map_svg

from .conftest import run_cli

SVG = "{http://www.w3.org/2000/svg}"


def parsed(text: str) -> ElementTree.Element:
    return ElementTree.fromstring(text)


def tiers(root: ElementTree.Element) -> dict[str, str]:
    return {p.get("data-iso3"): p.get("data-tier") for p in root.iter(f"{SVG}path") if p.get("data-tier")}


def labels(root: ElementTree.Element) -> dict[str, str]:
    group = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "tn-labels")
    return {t.get("data-iso3"): t.text for t in group.iter(f"{SVG}text")}


def texts(root: ElementTree.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_every_partner_is_named_on_the_map(dataset: Dataset) -> None:
    root = parsed(partners_map_svg(dataset, None, "light"))
    coloured = tiers(root)
    assert set(labels(root)) == set(coloured)
    assert {"CZE", "KGZ", "KOR", "GBR", "RUS", "CHN", "MNG"} <= set(coloured)
    assert labels(root)["KOR"] == "South Korea"


def test_names_do_not_overlap_and_callouts_point_back(dataset: Dataset) -> None:
    countries = geometry()["countries"]
    names = {p.iso3: p.name for p in dataset.all_partners if p.iso3} | {"MNG": "Mongolia"}  # organisations have none
    placed = place_labels(countries, names, (0, 0, 1000, 486.7), 11)
    assert len(placed) == len(names)
    boxes = [_text_box(label.x, label.y, label.text, 11) for label in placed]
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    small = {label.code: label for label in placed}
    assert not small["CZE"].inside and small["CZE"].leader is not None
    assert small["AUS"].inside and small["AUS"].leader is None


@pytest.mark.parametrize("region", sorted(REGIONS))
def test_a_region_crops_the_map_and_names_what_it_shows(dataset: Dataset, region: str) -> None:
    root = parsed(partners_map_svg(dataset, None, "light", region=region))
    named = set(labels(root))
    if region == "europe":
        assert {"DEU", "FRA", "ITA", "POL", "CZE", "GBR"} <= named and "AUS" not in named and "JPN" not in named
        assert "Europe" in root.find(f"{SVG}title").text
    else:
        assert {"MNG", "JPN", "KOR", "KGZ", "UZB", "VNM", "IND"} <= named and "FRA" not in named and "USA" not in named
    left, top, right, bottom = region_box(geometry()["countries"], region)
    assert right - left < 500  # a crop, not the world
    legend = [g.get("data-tier") for g in root.iter(f"{SVG}g") if g.get("data-tier") and g.find(f"{SVG}rect") is not None]
    assert "expanded" not in legend  # Australia is in neither crop


def test_unknown_region(dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="unknown region 'mars'; choose from europe, asia"):
        world_map_svg({}, [], title="t", description="d", region="mars")
    result = run_cli("map", "--region", "mars", "-o", "-")
    assert (result.exit_code, result.stdout) == (2, "")
    assert "unknown region 'mars'; choose from europe, asia" in result.stderr


def test_the_dot_is_explained(dataset: Dataset) -> None:
    root = parsed(partners_map_svg(dataset, None, "light"))
    assert any(c.get("class") == "tn-mongolia-dot" for c in root.iter(f"{SVG}circle"))
    assert "Mongolia, outlined; the dot marks its centre" in texts(root)


@pytest.mark.parametrize("date", [None, PartialDate(2010), PartialDate(1995)])
def test_neighbors_in_their_own_class_whatever_the_date(dataset: Dataset, date: PartialDate | None) -> None:
    coloured = tiers(parsed(partners_map_svg(dataset, date, "light")))
    assert (coloured["RUS"], coloured["CHN"], coloured["MNG"]) == ("neighbor", "neighbor", "mongolia")


def test_neighbors_in_their_own_class_whatever_the_filter(dataset: Dataset) -> None:
    only = [p for p in dataset.all_partners if p.id == "japan"]
    coloured = tiers(parsed(partners_map_svg(dataset, None, "light", only, filters=["country: Japan"])))
    assert coloured == {"JPN": "strategic", "RUS": "neighbor", "CHN": "neighbor", "MNG": "mongolia"}


def test_title_and_description_say_what_is_shown(dataset: Dataset) -> None:
    root = parsed(partners_map_svg(dataset, PartialDate(2010), "light", filters=["tier: strategic"]))
    assert root.find(f"{SVG}title").text == "Mongolia's third neighbors, as of 2010"
    assert any("tier: strategic" in text for text in texts(root))
    desc = root.find(f"{SVG}desc").text
    assert desc.startswith("A map of the world, as of 2010, naming each partner: ")
    assert "Mongolia's two neighbors (not third neighbors): Russia, China" in desc or \
        "Mongolia's two neighbors (not third neighbors): China, Russia" in desc
    assert "Strategic partnership: Japan" in desc
    assert "Czechia" not in desc  # not a partner in 2010


def test_credit_names_the_data_and_natural_earth(dataset: Dataset) -> None:
    joined = " ".join(texts(parsed(partners_map_svg(dataset, PartialDate(2010), "dark"))))
    assert f"version {dataset.version}" in joined and f"on {dataset.as_of}" in joined
    assert "Natural Earth" in joined and "public domain" in joined and "Made with thirdneighbor" in joined


def test_scales_to_its_container(dataset: Dataset) -> None:
    root = parsed(partners_map_svg(dataset, None, "light"))
    assert root.get("width") is None and root.get("viewBox")
