"""Every record field's label, for the formats people read in a language other
than English (plain `key: value` blocks, Markdown's column heads, the table
format's chosen fields). In English those formats keep their own labels (the
field names in a pipe, Markdown's LABELS), as they always have.

Under a language other than English the `_mn` fields hold the English names
(render.localized swaps them into those places), and are labelled so.
"""

from __future__ import annotations

from ..core.language import N_, _

FIELD_NAMES = {
    "id": N_("Id"), "name": N_("Name"), "official_name": N_("Official name"), "aliases": N_("Also known as"),
    "iso2": N_("ISO 2"), "iso3": N_("ISO 3"), "iso_numeric": N_("ISO number"), "wikidata": "Wikidata",
    "cow_code": N_("CoW code"), "cow_source": N_("CoW list"), "gw_code": N_("GW code"), "gw_source": N_("GW list"),
    "neighbor": N_("Neighbor"), "tier": N_("Tier"), "designation": N_("Designation"), "asterisk": "*",
    "since": N_("Since"), "since_approx": N_("Since (in force by)"), "tier_since": N_("Tier since"),
    "tier_since_approx": N_("Tier since (in force by)"), "occasion": N_("Occasion"), "instrument": N_("Instrument"),
    "leaders": N_("Leaders"), "notes": N_("Notes"), "note": N_("Note"), "sources": N_("Sources"),
    "history": N_("Earlier tiers"), "earlier_tiers": N_("Earlier tiers"), "events": N_("Events"),
    "as_of": N_("As of"), "date": N_("Date"), "title": N_("Title"), "partners": N_("Partners"),
    "partner": N_("Partner"), "people": N_("People"), "in_force_by": N_("In force by"), "current": N_("Current"),
    "rank": N_("Rank"), "description": N_("Description"), "designations": N_("Designations"),
    "change": N_("Change"), "from_tier": N_("From tier"), "to_tier": N_("To tier"),
    "from_designation": N_("From designation"), "to_designation": N_("To designation"), "kind": N_("Kind"),
    "score": N_("Score"), "fields": N_("Fields"), "excerpt": N_("Excerpt"), "matches": N_("Matches"),
    "role": N_("Role"), "occasions": N_("Occasions"), "text": N_("Text"), "year": N_("Year"),
    "none": N_("no partner named"),
    # Where render.localized put them: the English names.
    "name_mn": N_("Name in English"), "official_name_mn": N_("Official name in English"),
    "aliases_mn": N_("Aliases in English"), "designation_mn": N_("Designation in English"),
}


def field_label(name: str, labels: dict[str, str] | None = None) -> str:
    """A field's label in the language in use; `labels` first (a tier's or a
    partner's name heading its column)."""
    if labels and name in labels:
        return labels[name]
    return _(FIELD_NAMES[name]) if name in FIELD_NAMES else name
