"""`chart --counts`: how many partners held each tier at the end of each year,
as a stacked step chart (a self-contained SVG): the closest tier at the
bottom, each year a flat step, since a tier is held from one change to the
next. The counts are `series`' (thirdneighbor.query.changes.tier_counts);
Mongolia's neighbors, where they are drawn, form a class of their own on top.

Like the tier chart, one file holds a wide layout and a narrow one for
containers under 600 CSS px (svg_parts.root).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import NamedTuple

from ...core.language import N_, _
from ...core.written_dates import written_date
from ...data.model import Dataset, Partner
from ...data.partialdate import PartialDate
from . import svg_parts as svg
from .credits import credit_lines
from .headline import headline
from .palette import Look, Palette, palette, tier_looks

PREFIX = "tn-counts"
WIDTH = 960
PAD = 16

WORDS = {
    "subtitle": N_("Partners of Mongolia at each tier at the end of each year, {first} to {last}"),
    "as of": N_("as of {date}"),
    "ranking": N_("Tiers, closest tie first (at the bottom):"),
    "neighbors": N_("Mongolia's neighbors (for comparison)"),
    "step": N_("{year}: {counts}"),
    "count": N_("{count} {name}"),
    "description": N_("A stacked step chart of the number of partners at each tier at the end of each year from "
                   "{first} to {last}. {years}."),
}


class Sizes(NamedTuple):
    name: str
    title: float
    body: float
    small: float
    plot: float  # the plot's height


WIDE = Sizes("wide", title=22, body=13, small=12, plot=300)
NARROW = Sizes("narrow", title=40, body=30, small=30, plot=700)


def yearly_counts(dataset: Dataset, partners: Sequence[Partner], years: range) -> tuple[list[str], list[dict[str, int]]]:
    """The classes stacked, bottom first, and for each year the partners in each."""
    from ...query.changes import tier_counts, tier_series

    third = [partner for partner in partners if not partner.neighbor]
    counts = tier_counts(dataset, tier_series(third, years), years)
    neighbors = [partner for partner in partners if partner.neighbor]
    if neighbors:
        held = tier_counts(dataset, tier_series(neighbors, years), years)
        for count, theirs in zip(counts, held):
            count["neighbor"] = sum(value for key, value in theirs.items() if key != "year")
    classes = [tier.id for tier in dataset.tiers if any(count[tier.id] for count in counts)]
    if neighbors:
        classes.append("neighbor")
    return classes, counts


def counts_svg(dataset: Dataset, partners: Sequence[Partner], years: range, *, theme: str = "light",
               as_of: PartialDate | None = None, filters: Sequence[str] = (), credit: Dataset | None = None) -> str:
    """The count chart of `partners` over `years`; `as_of` and `filters` named in
    the subtitle, the foot crediting `credit`, the dataset file (by default `dataset`)."""
    colours = palette(theme)
    classes, counts = yearly_counts(dataset, partners, years)
    looks = tier_looks(colours, [tier.id for tier in dataset.tiers])
    looks["neighbor"] = colours.looks["neighbor"]
    names = {tier.id: tier.name for tier in dataset.tiers} | {"neighbor": _(WORDS["neighbors"])}
    title = headline(dataset, partners, min(PartialDate(years.stop - 1, 12, 31), dataset.as_of, key=_last_day))
    parts = [_(WORDS["subtitle"]).format(first=years.start, last=years.stop - 1)]
    if as_of is not None:
        parts.append(_(WORDS["as of"]).format(date=written_date(as_of)))
    words = {"title": title, "subtitle": " · ".join([*parts, *filters]), "credits": credit_lines(credit or dataset)}
    description = _(WORDS["description"]).format(first=years.start, last=years.stop - 1, years="; ".join(
        _(WORDS["step"]).format(year=count["year"], counts=", ".join(
            _(WORDS["count"]).format(count=count[name], name=names[name]) for name in classes if count[name]) or "0")
        for count in counts))
    wide, wide_height = _draw(classes, counts, looks, names, colours, words, WIDE)
    narrow, narrow_height = _draw(classes, counts, looks, names, colours, words, NARROW)
    out = [svg.root(PREFIX, WIDTH, wide_height, title, description, narrow_height=narrow_height, theme=theme),
           "<defs>", *svg.patterns(PREFIX, {name: looks[name] for name in classes}), "</defs>",
           f'<rect width="{WIDTH}" height="{svg.number(max(wide_height, narrow_height))}" '
           f'fill="{colours.background}"/>',
           '<g class="wide">', *wide, "</g>", '<g class="narrow">', *narrow, "</g>", "</svg>"]
    return "\n".join(out) + "\n"


def _last_day(date: PartialDate) -> tuple[int, int, int]:
    from ...query.asof import last_day

    return last_day(date)


def _lines(text: str, size: float) -> list[str]:
    return textwrap.wrap(text, max(10, int((WIDTH - 2 * PAD) / svg.letter_width(text, size))),
                         break_on_hyphens=False)


def _draw(classes: list[str], counts: list[dict[str, int]], looks: dict[str, Look], names: dict[str, str],
          colours: Palette, words: dict[str, object], sizes: Sizes) -> tuple[list[str], float]:
    out: list[str] = []
    y = PAD
    for line in _lines(str(words["title"]), sizes.title):
        y += sizes.title * 1.2
        out.append(svg.text(PAD, y, line, sizes.title, colours.text, bold=True))
    y += sizes.body * 0.4
    for line in _lines(str(words["subtitle"]), sizes.body):
        y += sizes.body * 1.3
        out.append(svg.text(PAD, y, line, sizes.body, colours.muted))
    # The legend, closest tier first: the order of the stack from the bottom up.
    y += sizes.body * 1.6
    out.append(svg.text(PAD, y, _(WORDS["ranking"]), sizes.body, colours.text, bold=True))
    x = PAD + svg.text_width(_(WORDS["ranking"]), sizes.body) + sizes.body if sizes.name == "wide" else WIDTH
    for name in classes:
        width = sizes.body * 2.2 + svg.text_width(names[name], sizes.body) + sizes.body
        if x + width > WIDTH - PAD:
            x, y = PAD, y + sizes.body * 1.6
        out.append(f'<rect x="{svg.number(x)}" y="{svg.number(y - sizes.body * 0.85)}" '
                   f'width="{svg.number(sizes.body * 1.6)}" height="{svg.number(sizes.body)}" '
                   f'fill="{svg.paint(PREFIX, name, looks[name])}" stroke="{colours.outline}" '
                   f'stroke-width="{svg.number(sizes.body / 20)}"/>')
        out.append(svg.text(x + sizes.body * 2.2, y, names[name], sizes.body, colours.text))
        x += width
    # The plot: a step per year, stacked.
    top = y + sizes.body * 1.5
    totals = [sum(count[name] for name in classes) for count in counts]
    peak = max(max(totals, default=0), 1)
    tick = next(step for step in (1, 2, 5, 10, 20, 50, 100, 1000) if peak / step <= 6)
    ceiling = -(-peak // tick) * tick
    left = PAD + svg.text_width(str(ceiling), sizes.small) + sizes.small * 0.6
    right = WIDTH - PAD
    bottom = top + sizes.plot
    first, years = counts[0]["year"] if counts else 0, len(counts)

    def x_of(year: float) -> float:
        return left + (year - first) / max(years, 1) * (right - left)

    def y_of(value: float) -> float:
        return bottom - value / ceiling * sizes.plot

    for value in range(0, ceiling + 1, tick):
        out.append(f'<line x1="{svg.number(left)}" x2="{svg.number(right)}" y1="{svg.number(y_of(value))}" '
                   f'y2="{svg.number(y_of(value))}" stroke="{colours.grid}" stroke-width="{svg.number(sizes.small / 12)}"/>')
        out.append(svg.text(left - sizes.small * 0.4, y_of(value) + sizes.small * 0.35, str(value), sizes.small,
                            colours.muted, anchor="end"))
    below = [0] * years
    for name in classes:
        above = [low + count[name] for low, count in zip(below, counts)]
        edge = [f"M{svg.number(x_of(first))},{svg.number(y_of(below[0]))}"]
        for index in range(years):  # along the top, left to right, a flat step per year
            edge.append(f"L{svg.number(x_of(first + index))},{svg.number(y_of(above[index]))}"
                        f"L{svg.number(x_of(first + index + 1))},{svg.number(y_of(above[index]))}")
        for index in reversed(range(years)):  # and back along the bottom
            edge.append(f"L{svg.number(x_of(first + index + 1))},{svg.number(y_of(below[index]))}"
                        f"L{svg.number(x_of(first + index))},{svg.number(y_of(below[index]))}")
        out.append(f'<path d="{"".join(edge)}Z" fill="{svg.paint(PREFIX, name, looks[name])}" '
                   f'stroke="{colours.outline}" stroke-width="{svg.number(sizes.small / 16)}" data-tier="{svg.escape(name)}">'
                   f"<title>{svg.escape(names[name])}</title></path>")
        below = above
    step = next(s for s in (1, 2, 5, 10, 20, 50) if s * (right - left) / max(years, 1) >= svg.text_width("2000", sizes.small) * 1.6)
    for index in range(years):
        year = first + index
        if year % step == 0:
            out.append(svg.text(x_of(year + 0.5), bottom + sizes.small * 1.3, str(year), sizes.small, colours.muted,
                                anchor="middle"))
    y = bottom + sizes.small * 2.2
    for sentence in words["credits"]:  # type: ignore[attr-defined]
        for line in _lines(sentence, sizes.small):
            y += sizes.small * 1.3
            out.append(svg.text(PAD, y, line, sizes.small, colours.muted))
    return out, y + PAD
