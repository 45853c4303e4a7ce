"""Build src/thirdneighbor/query/countries.json: the world's countries, for look-ups.

A development-time script: the tool never imports it, and it is not shipped.

    tar -xzf world-atlas-2.0.2.tgz -C /tmp/wa     # npm pack world-atlas@2.0.2
    .venv/bin/python tools/make_country_names.py /tmp/wa/package/countries-110m.json

The tool answers for the partners its dataset records. Every other country is
still one a user may name ("north korea", "MA"), and the answer must then be
"that country has no tie recorded", never the nearest partner in spelling. So
the tool ships the names and codes of every ISO 3166-1 country:

- ISO 3166-1 (from pycountry, a test/dev dependency only): alpha-2, alpha-3 and
  numeric codes, the short name, the official name and the common name;
- Natural Earth's short names (the same geometry as the world map's,
  world-atlas 2.0.2), where they are not abbreviated ("Bosnia and Herz." is left
  out): "North Korea", "Russia", "Czechia";
- the constituent countries of the United Kingdom from ISO 3166-2 (GB-ENG,
  GB-SCT, GB-WLS, GB-NIR), as parts: "england" is answered with the United
  Kingdom, of which it is part, rather than with a country it is not.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "thirdneighbor" / "query" / "countries.json"


def natural_earth_names(topojson: Path) -> dict[str, str]:
    """ISO 3166-1 numeric code -> Natural Earth's short name, where not abbreviated."""
    topology = json.loads(topojson.read_text(encoding="utf-8"))
    names = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric, name = geometry.get("id"), geometry.get("properties", {}).get("name", "")
        if numeric and name and "." not in name:
            names[numeric] = name
    return names


def build(topojson: Path) -> dict[str, object]:
    short_names = natural_earth_names(topojson)
    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        common = getattr(country, "common_name", None)
        names = [country.name, getattr(country, "official_name", None), common, short_names.get(country.numeric)]
        unique = list(dict.fromkeys(name for name in names if name))
        # The name shown in a message: the common or Natural Earth name where one
        # exists ("North Korea"), not the ISO list's inverted form ("Korea, Democratic ...").
        display = common or short_names.get(country.numeric) or country.name
        countries.append({"alpha2": country.alpha_2, "alpha3": country.alpha_3, "numeric": country.numeric,
                          "name": display, "names": unique})
    parts = []
    for subdivision in sorted(pycountry.subdivisions.get(country_code="GB"), key=lambda s: s.code):
        if subdivision.type in ("Country", "Province"):
            name = re.sub(r"\s*\[.*\]$", "", subdivision.name)  # "Wales [Cymru GB-CYM]" -> "Wales"
            parts.append({"code": subdivision.code, "name": name, "part_of": "GB"})
    return {
        "source": (f"ISO 3166-1 and ISO 3166-2 (GB) via pycountry {pycountry_version()}; short names from "
                   "Natural Earth 1:110m Admin 0 via world-atlas 2.0.2"),
        "countries": countries,
        "parts": parts,
    }


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas 2.0.2 countries-110m.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    text = json.dumps(build(args.topojson), ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode('utf-8')):,} bytes)")


if __name__ == "__main__":
    main()
