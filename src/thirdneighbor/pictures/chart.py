"""Tiers over time as a self-contained SVG: one row per partner, a band for each
tie from its start to the next change (or the dataset's as-of date), coloured
and patterned by tier, and a marker for each dated event.

The picture makes no network request (system fonts, inline patterns), escapes
every text that comes from the dataset, and reads in grey: each tier differs in
lightness and pattern as well as hue.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from ..model import Dataset, Partner
from ..partialdate import PartialDate, days_in
from ..render.safe import markup as escape

THEMES = ("light", "dark")
FONT = '"DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif'

# Fill, and the pattern laid over it, per tier: darker for closer ties, so that
# the order survives a grey print; the patterns tell neighbouring shades apart.
TIER_LOOK = {
    "comprehensive-strategic": ("#4a1486", "cross"),
    "strategic": ("#1b7837", None),
    "comprehensive": ("#5aae61", "hatch"),
    "expanded": ("#d9f0d3", "dots"),
}
SPARE_LOOK = [("#8c510a", "hatch"), ("#bf812d", "dots"), ("#dfc27d", None)]
COLOURS = {
    "light": {"background": "#ffffff", "text": "#1a1a1a", "muted": "#666666", "grid": "#dddddd",
              "marker": "#b2182b", "approx": "#ffffff"},
    "dark": {"background": "#14161a", "text": "#f0f0f0", "muted": "#a0a0a0", "grid": "#3a3d44",
             "marker": "#ff6b6b", "approx": "#14161a"},
}

ROW, BAND, LEFT, RIGHT, TOP, PLOT_WIDTH = 26, 16, 170, 24, 78, 760


def _fraction(date: PartialDate) -> float:
    """A partial date as a fractional year, at the last day it covers (the --as-of rule)."""
    month = date.month or 12
    day = date.day or days_in(date.year, month)
    return date.year + (month - 1) / 12 + (day - 1) / (12 * days_in(date.year, month))


def tier_looks(dataset: Dataset) -> dict[str, tuple[str, str | None]]:
    spare = iter(SPARE_LOOK)
    return {tier.id: TIER_LOOK.get(tier.id) or next(spare, ("#999999", None)) for tier in dataset.tiers}


def _ties(partner: Partner) -> list[tuple[PartialDate, str, bool]]:
    """(start, tier, start is only "in force by") of each tie at a tier, oldest first."""
    ties = [(entry.start, entry.tier, entry.since is None) for entry in partner.history if entry.tier is not None]
    if partner.tier is not None and partner.since is not None:
        ties.append((partner.since, partner.tier, partner.since_approx))
    return sorted(ties, key=lambda tie: _fraction(tie[0]))


def _patterns(looks: dict[str, tuple[str, str | None]], colours: dict[str, str]) -> list[str]:
    ink = "#000000" if colours["background"] == "#ffffff" else "#ffffff"
    shapes = {
        "hatch": f'<path d="M0,6 L6,0" stroke="{ink}" stroke-opacity="0.45" stroke-width="1.2"/>',
        "cross": (f'<path d="M0,6 L6,0 M0,0 L6,6" stroke="{ink}" stroke-opacity="0.5" stroke-width="1"/>'),
        "dots": f'<circle cx="3" cy="3" r="1.1" fill="{ink}" fill-opacity="0.5"/>',
    }
    defs = []
    for tier_id, (fill, pattern) in looks.items():
        if pattern is not None:
            defs.append(f'<pattern id={quoteattr("p-" + tier_id)} width="6" height="6" patternUnits="userSpaceOnUse">'
                        f'<rect width="6" height="6" fill="{fill}"/>{shapes[pattern]}</pattern>')
    return defs


def _paint(tier_id: str, looks: dict[str, tuple[str, str | None]]) -> str:
    fill, pattern = looks[tier_id]
    return f'url(#{escape("p-" + tier_id)})' if pattern is not None else fill


def chart_svg(dataset: Dataset, partners: Sequence[Partner], *, first: int, last: int, theme: str = "light",
              title: str = "Mongolia's third neighbors: tiers over time", until: PartialDate | None = None) -> str:
    """The picture, from the start of `first` to the end of `last`, or to
    `until` (the dataset's as-of date by default), whichever is earlier."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose from {', '.join(THEMES)}")
    colours, looks = COLOURS[theme], tier_looks(dataset)
    until = until or dataset.as_of
    start, end = float(first), min(last + 1.0, _fraction(until))
    end = max(end, start + 1.0)

    def x(value: float) -> float:
        return round(LEFT + (min(max(value, start), end) - start) / (end - start) * PLOT_WIDTH, 1)

    names = {partner.id: partner.name for partner in partners}
    rows = {partner.id: index for index, partner in enumerate(partners)}
    legend_top = TOP + len(partners) * ROW + 30
    height = legend_top + 24 * ((len(dataset.tiers) + 2) // 3) + 40
    width = LEFT + PLOT_WIDTH + RIGHT
    from ..query.window import Window, last_day

    # The days the picture covers, as every window's heading gives them.
    shown = Window(PartialDate(first, 1, 1), min(PartialDate(last, 12, 31), last_day(until)))
    subtitle = f"{shown} · data version {dataset.version or 'unversioned'}, as of {until}"
    description = (f"One row per partner, {len(partners)} in all, from {first} to {last}: a band for each tier it "
                   "held, from the tie's start to the next change, and a red diamond for each dated event. "
                   f"As of {until}.")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="chart-title chart-desc" font-family={quoteattr(FONT)}>',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(description)}</desc>',
        "<defs>", *_patterns(looks, colours), "</defs>",
        f'<rect width="{width}" height="{height}" fill="{colours["background"]}"/>',
        f'<text x="{LEFT}" y="30" font-size="18" font-weight="bold" fill="{colours["text"]}">{escape(title)}</text>',
        f'<text x="{LEFT}" y="50" font-size="12" fill="{colours["muted"]}">{escape(subtitle)}</text>',
    ]
    # Year grid: a line each year, a label every five (or every year on a short span).
    step = 1 if end - start <= 12 else 5
    for year in range(first, int(end) + 1):
        if year > end:
            break
        out.append(f'<line x1="{x(year)}" x2="{x(year)}" y1="{TOP - 8}" y2="{TOP + len(partners) * ROW}" '
                   f'stroke="{colours["grid"]}" stroke-width="{1 if year % step == 0 else 0.4}"/>')
        if year % step == 0:
            out.append(f'<text x="{x(year)}" y="{TOP - 12}" font-size="11" text-anchor="middle" '
                       f'fill="{colours["muted"]}">{year}</text>')
    for partner in partners:
        top = TOP + rows[partner.id] * ROW
        out.append(f'<g data-partner={quoteattr(partner.id)}>')
        out.append(f'<text x="{LEFT - 8}" y="{top + BAND - 3}" font-size="12" text-anchor="end" '
                   f'fill="{colours["text"]}">{escape(partner.name)}</text>')
        ties = _ties(partner)
        for index, (since, tier_id, approx) in enumerate(ties):
            begin = _fraction(since)
            stop = _fraction(ties[index + 1][0]) if index + 1 < len(ties) else end
            if stop <= start or begin > end:  # a tie that begins on the last day still shows, as a sliver
                continue
            label = (f"{partner.name}: {dataset_tier_name(dataset, tier_id)} "
                     f"{'in force by' if approx else 'from'} {since}")
            dash = ' stroke-dasharray="3 2"' if approx else ""
            out.append(f'<rect x="{x(begin)}" y="{top}" width="{max(x(stop) - x(begin), 1.5)}" height="{BAND}" '
                       f'fill="{_paint(tier_id, looks)}" stroke="{colours["text"]}" stroke-width="0.6"{dash} '
                       f'data-tier={quoteattr(tier_id)}><title>{escape(label)}</title></rect>')
        out.append("</g>")
    for event in dataset.all_events:
        when = _fraction(event.date)
        if not start <= when <= end:
            continue
        for partner_id in event.partners:
            if partner_id not in rows:
                continue
            cx, cy = x(when), TOP + rows[partner_id] * ROW + BAND / 2
            out.append(f'<path d="M{cx},{cy - 5} L{cx + 4},{cy} L{cx},{cy + 5} L{cx - 4},{cy} Z" '
                       f'fill="{colours["marker"]}" stroke="{colours["background"]}" stroke-width="0.8">'
                       f'<title>{escape(f"{event.date}: {event.title} ({names[partner_id]})")}</title></path>')
    # Legend: the tiers, the in-force-by dash and the event marker.
    drawn = {tier_id for partner in partners for _, tier_id, _ in _ties(partner)}
    items = [(_paint(tier.id, looks), tier.name, "") for tier in dataset.tiers if tier.id in drawn]
    items.append(("none", "start only known as \"in force by\"", ' stroke-dasharray="3 2"'))
    for index, (paint, label, dash) in enumerate(items):
        lx, ly = LEFT + (index % 3) * 255, legend_top + (index // 3) * 24
        out.append(f'<rect x="{lx}" y="{ly}" width="22" height="12" fill="{paint}" stroke="{colours["text"]}" '
                   f'stroke-width="0.6"{dash}/>')
        out.append(f'<text x="{lx + 28}" y="{ly + 10}" font-size="11" fill="{colours["text"]}">{escape(label)}</text>')
    mx, my = LEFT, legend_top + 24 * ((len(items) + 2) // 3) + 4
    out.append(f'<path d="M{mx + 11},{my - 5} L{mx + 15},{my} L{mx + 11},{my + 5} L{mx + 7},{my} Z" '
               f'fill="{colours["marker"]}"/>')
    out.append(f'<text x="{mx + 28}" y="{my + 4}" font-size="11" fill="{colours["text"]}">a dated event</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def dataset_tier_name(dataset: Dataset, tier_id: str) -> str:
    return next((tier.name for tier in dataset.tiers if tier.id == tier_id), tier_id)
