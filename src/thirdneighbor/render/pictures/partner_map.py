"""The world map of Mongolia's partners: which country gets which shade, and the
legend, for thirdneighbor.render.pictures.worldmap to draw."""

from __future__ import annotations

from collections.abc import Sequence

from ...data.model import Dataset, Partner
from ...data.partialdate import PartialDate


def partners_map_svg(shown: Dataset, date: PartialDate | None, theme: str,
                     partners: Sequence[Partner] | None = None) -> str:
    """The map of `shown`, a dataset as it stood on `date` (or as it is, without
    one); only `partners`, if given. Mongolia is marked, its two neighbors drawn
    apart, and an other relation appears from its first event on."""
    from .worldmap import world_map_svg

    chosen = None if partners is None else {partner.id for partner in partners}
    related = {pid for event in shown.all_events for pid in event.partners}  # events up to the date only
    categories = {"MNG": "mongolia"}
    names = {"MNG": "Mongolia"}
    for partner in shown.all_partners:
        if (chosen is not None and partner.id not in chosen) or (partner.tier is None and partner.id not in related):
            continue
        categories[partner.iso3] = "neighbor" if partner.neighbor else (partner.tier or "other")
        names[partner.iso3] = partner.name
    used = set(categories.values())
    legend = [("mongolia", "Mongolia")]
    if "neighbor" in used:
        legend.append(("neighbor", "Mongolia's two neighbors (not third neighbors)"))
    legend += [(tier.id, tier.name) for tier in shown.tiers if tier.id in used]
    if "other" in used:
        legend.append(("other", "Other relations (events, no tier)"))
    when = f" as of {date}" if date is not None else f" (dataset as of {shown.as_of})"
    count = sum(category not in ("mongolia", "neighbor", "other") for category in categories.values())
    return world_map_svg(categories, legend, title=f"Mongolia's third neighbors{when}",
                         description=f"A world map of {count} partner countries of Mongolia, coloured by "
                                     f"partnership tier{when}; Russia and China, Mongolia's neighbors, are drawn "
                                     "apart, and Mongolia is marked.",
                         theme=theme, names_by_iso3=names)
