"""The map of Mongolia's partners: which country gets which class, the legend,
the title that says what is shown, a description generated from what is
drawn, and the credit, for thirdneighbor.render.pictures.worldmap to draw.

Mongolia's two neighbors are drawn in their own class on every map, whatever
the date or the filters: they are the reason the policy exists.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...core.language import N_, _, current
from ...core.written_dates import written_date
from ...data.model import Dataset, Partner
from ...data.partialdate import PartialDate

WORDS = {
    "mongolia": N_("Mongolia"),
    "title": N_("Mongolia's third neighbors"),
    "as of": N_("as of {date}"),
    "data as of": N_("data as of {date}"),
    "region": {"europe": N_("Europe"), "asia": N_("Asia")},
    "subtitle": N_("Partners by partnership tier; Russia and China drawn as Mongolia's neighbors"),
    "neighbors": N_("Mongolia's two neighbors (not third neighbors)"),
    "other": N_("Other relations (events, no tier)"),
    "description": N_("A map of {area}, {when}, naming each partner: {classes}. Mongolia is outlined and marked "
                   "with a dot."),
    "world": N_("the world"),
    "class": N_("{label}: {names}"),
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
    # The data names Mongolia in English only; the catalogue holds its name in the other languages.
    names = {"MNG": shown.mongolia.name if shown.mongolia and current() == "en" else _(WORDS["mongolia"])}
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
        legend.append(("neighbor", _(WORDS["neighbors"])))
    legend += [(tier.id, tier.name) for tier in shown.tiers if tier.id in used]
    if "other" in used:
        legend.append(("other", _(WORDS["other"])))
    when = _(WORDS["as of"]).format(date=written_date(date)) if date is not None else _(WORDS["data as of"]).format(
        date=written_date(shown.as_of))
    title = f"{_(WORDS['title'])}, {when}"
    if region is not None:
        title += f": {_(WORDS['region'][region])}"
    subtitle = " · ".join([_(WORDS["subtitle"]), *filters])
    drawn = visible([code for code in categories if code != "MNG"], region)
    labels = dict(legend)
    classes = "; ".join(_(WORDS["class"]).format(label=labels[category], names=", ".join(
        names[code] for code in drawn if categories[code] == category))
        for category, _look in legend if any(categories[code] == category for code in drawn))
    description = _(WORDS["description"]).format(
        area=_(WORDS["region"][region]) if region else _(WORDS["world"]), when=when, classes=classes)
    return world_map_svg(categories, legend, title=title, description=description, theme=theme,
                         names_by_iso3=names, subtitle=subtitle, region=region,
                         credits=credit_lines(dataset, geometry()))
