"""Tiers over time as a self-contained SVG: one row per partner, a band for each
tie from its start to the next change (or the dataset's as-of date), coloured
and patterned by tier, and a marker for each dated event.

A date is drawn where its period begins: a tie "since 2004" starts at the start
of 2004, the year `series` first shows it, and "2025-03" at 2025-03-01. Its
imprecision shows as a faded leading edge across the period (a mask of a linear
gradient), "c. 2004" in the tooltip; an event known to the year or month gets a
faint span across its period behind its marker.

The picture makes no network request (system fonts, inline patterns), escapes
every text that comes from the dataset, and reads in grey: each tier differs in
lightness and pattern as well as hue.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from ...data.model import Dataset, Partner
from ...data.partialdate import PartialDate, days_in
from ...core.safe import markup as escape

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


def _at(year: int, month: int, day: int) -> float:
    """The start of a calendar day as a fractional year."""
    return year + (month - 1) / 12 + (day - 1) / (12 * days_in(year, month))


def period_start(date: PartialDate) -> float:
    """Where a (partial) date's period begins: 2004 at 2004-01-01, 2025-03 at 2025-03-01."""
    return _at(date.year, date.month or 1, date.day or 1)


def period_end(date: PartialDate) -> float:
    """Where a (partial) date's period ends: the end of the last day it covers."""
    if date.day:
        return period_start(date) + 1 / (12 * days_in(date.year, date.month))
    if date.month:
        return date.year + date.month / 12
    return date.year + 1.0


def _circa(date: PartialDate) -> str:
    """"c. 2004" for a date known to the year or month only; the date itself when known to the day."""
    return str(date) if date.precision == "day" else f"c. {date}"


def tier_looks(dataset: Dataset) -> dict[str, tuple[str, str | None]]:
    spare = iter(SPARE_LOOK)
    return {tier.id: TIER_LOOK.get(tier.id) or next(spare, ("#999999", None)) for tier in dataset.tiers}


def _ties(partner: Partner) -> list[tuple[PartialDate, str, bool]]:
    """(start, tier, start is only "in force by") of each tie at a tier, oldest first."""
    ties = [(entry.start, entry.tier, entry.since is None) for entry in partner.history if entry.tier is not None]
    if partner.tier is not None and partner.since is not None:
        ties.append((partner.since, partner.tier, partner.since_approx))
    return sorted(ties, key=lambda tie: tie[0].key)


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
    # To the end of the as-of day: a tie that begins on it shows, a day wide.
    start, end = float(first), min(last + 1.0, period_end(until))
    end = max(end, start + 1.0)
    fades: list[str] = []  # the masks that fade a partial start, written into <defs> at the end

    def x(value: float) -> float:
        return round(LEFT + (min(max(value, start), end) - start) / (end - start) * PLOT_WIDTH, 1)

    names = {partner.id: partner.name for partner in partners}
    rows = {partner.id: index for index, partner in enumerate(partners)}
    legend_top = TOP + len(partners) * ROW + 30
    height = legend_top + 24 * ((len(dataset.tiers) + 4) // 3) + 40  # the tiers and two more keys, in rows of 3
    width = LEFT + PLOT_WIDTH + RIGHT
    from ...query.window import Window, last_day

    # The days the picture covers, as every window's heading gives them.
    shown = Window(PartialDate(first, 1, 1), min(PartialDate(last, 12, 31), last_day(until)))
    subtitle = f"{shown} · data version {dataset.version or 'unversioned'}, as of {until}"
    description = (f"One row per partner, {len(partners)} in all, from {first} to {last}: a band for each tier it "
                   "held, from the tie's start to the next change, and a red diamond for each dated event. A date "
                   "known only to the year or month is drawn from the beginning of that period, faded across it. "
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
            begin = period_start(since)
            stop = period_start(ties[index + 1][0]) if index + 1 < len(ties) else end
            if stop <= start or begin >= end:
                continue
            label = (f"{partner.name}: {dataset_tier_name(dataset, tier_id)} "
                     f"{'in force by' if approx else 'from'} {_circa(since)}")
            if since.precision != "day":
                label += f" (known to the {since.precision} only)"
            dash = ' stroke-dasharray="3 2"' if approx else ""
            mask = ""
            if since.precision != "day":
                mask_id = f"fade-{len(fades) + 1}"
                fades.append(_fade(mask_id, x(begin), x(min(period_end(since), stop)), top, x(stop)))
                mask = f' mask="url(#{mask_id})"'
            out.append(f'<rect x="{x(begin)}" y="{top}" width="{max(x(stop) - x(begin), 1.5)}" height="{BAND}" '
                       f'fill="{_paint(tier_id, looks)}" stroke="{colours["text"]}" stroke-width="0.6"{dash}{mask} '
                       f'data-tier={quoteattr(tier_id)}><title>{escape(label)}</title></rect>')
        out.append("</g>")
    for event in dataset.all_events:
        when, over = period_start(event.date), period_end(event.date)
        if not start <= when < end:
            continue
        for partner_id in event.partners:
            if partner_id not in rows:
                continue
            cx, cy = x(when), TOP + rows[partner_id] * ROW + BAND / 2
            tip = f"<title>{escape(f'{_circa(event.date)}: {event.title} ({names[partner_id]})')}</title>"
            if event.date.precision != "day":  # somewhere in this period: a faint span across it
                out.append(f'<rect x="{cx}" y="{cy - 2}" width="{max(x(over) - cx, 1.0)}" height="4" '
                           f'fill="{colours["marker"]}" fill-opacity="0.35">{tip}</rect>')
            out.append(f'<path d="M{cx},{cy - 5} L{cx + 4},{cy} L{cx},{cy + 5} L{cx - 4},{cy} Z" '
                       f'fill="{colours["marker"]}" stroke="{colours["background"]}" stroke-width="0.8">'
                       f'{tip}</path>')
    # Legend: the tiers, the in-force-by dash and the event marker.
    drawn = {tier_id for partner in partners for _, tier_id, _ in _ties(partner)}
    items = [(_paint(tier.id, looks), tier.name, "") for tier in dataset.tiers if tier.id in drawn]
    items.append(("none", "start only known as \"in force by\"", ' stroke-dasharray="3 2"'))
    items.append((colours["muted"], "start known to year or month", "fade"))
    for index, (paint, label, dash) in enumerate(items):
        lx, ly = LEFT + (index % 3) * 255, legend_top + (index // 3) * 24
        if dash == "fade":
            fades.append(_fade("fade-key", lx, lx + 22, ly, lx + 22, height=12))
            dash = ' mask="url(#fade-key)"'
        out.append(f'<rect x="{lx}" y="{ly}" width="22" height="12" fill="{paint}" stroke="{colours["text"]}" '
                   f'stroke-width="0.6"{dash}/>')
        out.append(f'<text x="{lx + 28}" y="{ly + 10}" font-size="11" fill="{colours["text"]}">{escape(label)}</text>')
    mx, my = LEFT, legend_top + 24 * ((len(items) + 2) // 3) + 4
    out.append(f'<path d="M{mx + 11},{my - 5} L{mx + 15},{my} L{mx + 11},{my + 5} L{mx + 7},{my} Z" '
               f'fill="{colours["marker"]}"/>')
    out.append(f'<text x="{mx + 28}" y="{my + 4}" font-size="11" fill="{colours["text"]}">a dated event</text>')
    out.append("</svg>")
    defs_end = out.index("</defs>")
    out[defs_end:defs_end] = fades
    return "\n".join(out) + "\n"


def _fade(mask_id: str, left: float, right: float, top: float, stop: float, height: int = BAND) -> str:
    """A mask (for <defs>) that fades what it covers from nearly transparent at `left` to
    opaque at `right` (a period's start and end), and leaves it opaque on to
    `stop`: the leading edge of a band whose start is known to the year or month."""
    gradient = f"{mask_id}-g"
    return (f'<linearGradient id="{gradient}" gradientUnits="userSpaceOnUse" x1="{left}" x2="{max(right, left + 0.1)}" '
            f'y1="0" y2="0"><stop offset="0" stop-color="#ffffff" stop-opacity="0.12"/>'
            f'<stop offset="1" stop-color="#ffffff" stop-opacity="1"/></linearGradient>'
            f'<mask id="{mask_id}" maskUnits="userSpaceOnUse" x="{left - 2}" y="{top - 2}" '
            f'width="{max(stop - left, 1.5) + 4}" height="{height + 4}">'
            f'<rect x="{left - 2}" y="{top - 2}" width="{max(stop - left, 1.5) + 4}" height="{height + 4}" '
            f'fill="url(#{gradient})"/></mask>')


def dataset_tier_name(dataset: Dataset, tier_id: str) -> str:
    return next((tier.name for tier in dataset.tiers if tier.id == tier_id), tier_id)
