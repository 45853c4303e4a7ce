"""`timeline --chart` in a terminal: a grid of milestones per year, a glyph per
tier so that it reads without colour."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType

from ..data.model import Dataset
from ..query.window import Window
from ..core.safe import clean
from .rich_parts import TIER_STYLES, _parts, _text

# A glyph per tier, so that the grid reads without colour (NO_COLOR, print).
TIER_GLYPHS = {"comprehensive-strategic": "◆", "strategic": "█", "comprehensive": "▒", "expanded": "░"}
SPARE_GLYPHS = "▚▞◼◻▲△"
NO_TIER_GLYPH = "·"


NO_EVENT_PARTNER_GLYPH = "□"  # a milestone that names no partner, or none that held a tier on its date


def tier_glyphs(dataset: Dataset) -> dict[str | None, str]:
    spare = iter(SPARE_GLYPHS)
    glyphs: dict[str | None, str] = {tier.id: TIER_GLYPHS.get(tier.id) or next(spare, "?") for tier in dataset.tiers}
    glyphs[None] = NO_TIER_GLYPH
    return glyphs



def milestone_chart(dataset: Dataset, years: Sequence[tuple[int, dict[str, int]]],
                    window: Window | None = None) -> RenderableType:
    """One bar per year, one block per milestone, coloured by tier; the
    window's days in the heading, where one was given."""
    order = [tier.id for tier in dataset.tiers] + ["none"]
    names = {tier.id: tier.name for tier in dataset.tiers} | {"none": "no partner at a tier then"}
    # A glyph per tier as well as a colour, so that the bars read without colour (NO_COLOR, print).
    glyphs: dict[str, str] = {**{tier_id: glyph for tier_id, glyph in tier_glyphs(dataset).items() if tier_id},
                              "none": NO_EVENT_PARTNER_GLYPH}
    heading = ("Milestones per year, by the closest tier held then"
               + (f", {window}" if window else ""))
    lines: list[RenderableType] = [_text(heading, "bold")]
    for year, counts in years:
        line = _parts((f"{year}  ", "dim"))
        for tier_id in order:
            line.append(glyphs[tier_id] * counts.get(tier_id, 0), style=TIER_STYLES.get(tier_id, "white"))
        total = sum(counts.values())
        if total:
            line.append(f" {total}", style="dim")
        lines.append(line)
    key = _text("Key: ")
    for tier_id in order:
        key.append(glyphs[tier_id], style=TIER_STYLES.get(tier_id, "white"))
        key.append(f" {clean(names[tier_id])}  ")  # a tier's name is dataset text
    lines.append(key)
    return Group(*lines)
