"""The map of Mongolia's partners: which country gets which class, the legend,
the title that says what is shown, a description generated from what is
drawn, and the credit, for thirdneighbor.render.pictures.worldmap to draw.

Mongolia's two neighbors are drawn in their own class on every map, whatever
the date or the filters: they are the reason the policy exists.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...data.model import Dataset, Partner
from ...data.partialdate import PartialDate

WORDS = {
    "title": "Mongolia's third neighbors",
    "as of": "as of {date}",
    "data as of": "data as of {date}",
    "region": {"europe": "Europe", "asia": "Asia"},
    "subtitle": "Partners by partnership tier; Russia and China drawn as Mongolia's neighbors",
    "neighbors": "Mongolia's two neighbors (not third neighbors)",
    "other": "Other relations (events, no tier)",
    "description": "A map of {area}, {when}, naming each partner: {classes}. Mongolia is outlined and marked "
                   "with a dot.",
    "world": "the world",
    "class": "{label}: {names}",
}


def partners_map_svg(dataset: Dataset, date: PartialDate | None, theme: str,
                     partners: Sequence[Partner] | None = None, *, region: str | None = None,
                     filters: Sequence[str] = ()) -> str:
    """The map of the dataset as it stood on `date` (or as it is, without one);
    only `partners` if given, but always Mongolia and its neighbors, whether or
    not they held a tier then; `filters` (as "tier: strategic") are named under
    the title. An other relation appears from its first event on; an
    organisation, which has no country, does not. The credit is the dataset file's."""
    from ...query.asof import dataset_as_of
    from .credits import credit_lines
    from .worldmap import geometry, visible, world_map_svg

    shown = dataset_as_of(dataset, date) if date is not None else dataset

    chosen = None if partners is None else {partner.id for partner in partners}
    related = {pid for event in shown.all_events for pid in event.partners}  # events up to the date only
    categories = {"MNG": "mongolia"}
    names = {"MNG": shown.mongolia.name if shown.mongolia else "Mongolia"}
    for partner in dataset.all_partners:  # the neighbors, whatever the date
        if partner.neighbor:
            categories[partner.iso3] = "neighbor"
            names[partner.iso3] = partner.name
    for partner in shown.all_partners:
        if partner.neighbor:
            continue
        if (chosen is not None and partner.id not in chosen) or (partner.tier is None and partner.id not in related):
            continue
        if partner.iso3 is None:  # an organisation: no country to shade
            continue
        categories[partner.iso3] = partner.tier or "other"
        names[partner.iso3] = partner.name
    used = set(categories.values())
    legend = [("mongolia", names["MNG"])]
    if "neighbor" in used:
        legend.append(("neighbor", WORDS["neighbors"]))
    legend += [(tier.id, tier.name) for tier in shown.tiers if tier.id in used]
    if "other" in used:
        legend.append(("other", WORDS["other"]))
    when = WORDS["as of"].format(date=date) if date is not None else WORDS["data as of"].format(date=shown.as_of)
    title = f"{WORDS['title']}, {when}"
    if region is not None:
        title += f": {WORDS['region'][region]}"
    subtitle = " · ".join([WORDS["subtitle"], *filters])
    drawn = visible([code for code in categories if code != "MNG"], region)
    labels = dict(legend)
    classes = "; ".join(WORDS["class"].format(label=labels[category], names=", ".join(
        names[code] for code in drawn if categories[code] == category))
        for category, _ in legend if any(categories[code] == category for code in drawn))
    description = WORDS["description"].format(
        area=WORDS["region"][region] if region else WORDS["world"], when=when, classes=classes)
    return world_map_svg(categories, legend, title=title, description=description, theme=theme,
                         names_by_iso3=names, subtitle=subtitle, region=region,
                         credits=credit_lines(dataset, geometry()))
