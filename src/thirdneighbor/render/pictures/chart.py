"""Tiers over time as a self-contained SVG: one row per partner, a band for each
tie from its start to the next change, coloured and patterned by tier
(thirdneighbor.render.pictures.palette), and the partner's dated events in a lane of
their own under the band, nudged apart where they would collide.

The title is a finding computed from what is drawn (headline.py); the subtitle
says what is shown (the window, the as-of date, the filters); the legend, above
the rows, explains the ranking; a note sums up the events before the first
year; the foot carries the credit (credits.py).

Two layouts in one file: a wide one, and a narrow one that a container under
600 CSS px shows instead (svg_parts.root), with names above the bands and text
large enough to read at 12 CSS px on a 390-pixel phone.

Dates known only to the year or month are drawn from the start of their period,
the band's leading edge faded across it; a start known only as "in force by" is
dashed. The picture makes no network request and escapes every text from the dataset.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from ...core.language import N_, _
from ...core.written_dates import written_date
from ...data.model import Dataset, Partner
from ...data.partialdate import PartialDate
from . import svg_parts as svg
from .chart_rows import ChartData, Row, chart_data, period_end, period_start
from .credits import credit_lines
from .headline import headline
from .lanes import nudged
from .palette import Look, Palette, palette, tier_looks

PREFIX = "tn-chart"
WIDTH = 960

# Every visible word of the chart, for a translation to replace in one place.
WORDS = {
    "subtitle": N_("Mongolia's third neighbors by partnership tier, {window}"),
    "as of": N_("as of {date}"),
    "ranking": N_("Tiers, closest tie first:"),
    "neighbors": N_("Mongolia's neighbors (not third neighbors; for comparison)"),
    "in force by": N_("start only known as \"in force by\""),
    "fade": N_("start known to the year or month"),
    "event": N_("a dated event (in the lane under the band)"),
    "earlier one": N_("Not drawn: 1 earlier event of these partners, {first} ({title})."),
    "earlier": N_("Not drawn: {count} earlier events of these partners, {first} to {last} "
               "(all: thirdneighbor timeline --until {before})."),
    "tie": N_("{partner}: {tier} {verb} {date}"),
    "from": N_("from"),
    "by": N_("in force by"),
    "circa": N_("c. {date}"),
    "known to": N_(" (known to the {precision} only)"),
    "precision": {"year": N_("year"), "month": N_("month")},  # a date's precision, as "known to" names it
    "event tip": N_("{date}: {title} ({partner})"),
    "description": N_("A chart of {count} partners of Mongolia, one row each, from {start} to {end}, closest tier "
                   "first: {rows}. {events} dated events are marked under the bands."),
    "row": N_("{partner}, {ties}"),
    "row tie": N_("{tier} from {date}"),
}


class Layout(NamedTuple):
    name: str
    title: float  # font sizes
    body: float
    small: float
    left: float  # the names' column; 0 where names stand above their bands
    band: float
    lane: float  # the events' lane under the band
    marker: float  # half the width of an event's diamond
    gap: float  # between rows


WIDE = Layout("wide", title=22, body=13, small=12, left=160, band=16, lane=14, marker=5, gap=8)
# 960 units shown at 390 CSS px: a font of 30 units is 12.2 px.
NARROW = Layout("narrow", title=40, body=30, small=30, left=0, band=30, lane=28, marker=11, gap=18)
PAD = 16


def _circa(date: PartialDate) -> str:
    return written_date(date) if date.precision == "day" else _(WORDS["circa"]).format(date=written_date(date))


def _wrap(text: str, size: float, width: float) -> list[str]:
    return textwrap.wrap(text, max(10, int(width / svg.letter_width(text, size))), break_on_hyphens=False)


def subtitle(data: ChartData, as_of: PartialDate | None, filters: Sequence[str]) -> str:
    from ...query.window import Window

    window = Window(PartialDate(data.first, 1, 1), data.until)
    parts = [_(WORDS["subtitle"]).format(window=window)]
    if as_of is not None:
        parts.append(_(WORDS["as of"]).format(date=written_date(as_of)))
    return " · ".join([*parts, *filters])


def chart_svg(dataset: Dataset, partners: Sequence[Partner], *, first: int, last: int, theme: str = "light",
              until: PartialDate | None = None, as_of: PartialDate | None = None,
              filters: Sequence[str] = (), credit: Dataset | None = None) -> str:
    """The chart of `partners`, from the start of `first` to the end of `last`
    or to `until` (the dataset's as-of date by default), whichever is earlier.
    `as_of` and `filters` (as "tier: strategic") are named in the subtitle;
    the foot credits `credit`, the dataset file (by default `dataset`)."""
    colours = palette(theme)
    data = chart_data(dataset, partners, first, last, until)
    looks = tier_looks(colours, [tier.id for tier in dataset.tiers])
    looks["neighbor"] = colours.looks["neighbor"]
    title = headline(dataset, [row.partner for row in data.rows], data.until)
    names = {tier.id: tier.name for tier in dataset.tiers}
    text_parts = {"title": title, "subtitle": subtitle(data, as_of, filters), "note": _note(data),
                  "credits": credit_lines(credit or dataset)}
    # The names' column widens for a name longer than it holds (a Mongolian name, often).
    widest = max((svg.text_width(row.partner.name, WIDE.body) + 12 for row in data.rows), default=0)
    wide_layout = WIDE._replace(left=max(WIDE.left, widest))
    wide, wide_height, wide_masks = _draw(data, wide_layout, looks, names, colours, text_parts)
    narrow, narrow_height, narrow_masks = _draw(data, NARROW, looks, names, colours, text_parts)
    out = [svg.root(PREFIX, WIDTH, wide_height, title, _description(data, names), narrow_height=narrow_height,
                    theme=theme),
           "<defs>", *svg.patterns(PREFIX, looks), *wide_masks, *narrow_masks, "</defs>",
           f'<rect width="{WIDTH}" height="{svg.number(max(wide_height, narrow_height))}" '
           f'fill="{colours.background}"/>',
           '<g class="wide">', *wide, "</g>", '<g class="narrow">', *narrow, "</g>", "</svg>"]
    return "\n".join(out) + "\n"


def _note(data: ChartData) -> str:
    if not data.earlier:
        return ""
    if len(data.earlier) == 1:
        event = data.earlier[0]
        return _(WORDS["earlier one"]).format(first=written_date(event.date), title=event.title)
    return _(WORDS["earlier"]).format(count=len(data.earlier), first=data.earlier[0].date.year,
                                   last=data.earlier[-1].date.year, before=data.first - 1)


def _description(data: ChartData, names: dict[str, str]) -> str:
    rows = "; ".join(_(WORDS["row"]).format(partner=row.partner.name, ties=", ".join(
        _(WORDS["row tie"]).format(tier=names.get(tie.tier, tie.tier), date=_circa(tie.start)) for tie in row.ties))
        for row in data.rows)
    return _(WORDS["description"]).format(count=len(data.rows), start=data.first, end=written_date(data.until), rows=rows,
                                       events=sum(len(row.events) for row in data.rows))


def _draw(data: ChartData, layout: Layout, looks: dict[str, Look], names: dict[str, str], colours: Palette,
          words: dict[str, Any]) -> tuple[list[str], float, list[str]]:
    """One layout's elements, its height, and the masks it needs in <defs>."""
    out: list[str] = []
    masks: list[str] = []
    inner = WIDTH - 2 * PAD
    y = PAD
    for line in _wrap(words["title"], layout.title, inner):
        y += layout.title * 1.2
        out.append(svg.text(PAD, y, line, layout.title, colours.text, bold=True))
    y += layout.body * 0.4
    for line in _wrap(words["subtitle"], layout.body, inner):
        y += layout.body * 1.3
        out.append(svg.text(PAD, y, line, layout.body, colours.muted))
    y += layout.body
    y = _legend(out, masks, data, layout, looks, names, colours, y)
    # The axis: a year label where labels have room, a grid line each year.
    left = PAD + layout.left
    right = WIDTH - PAD - (layout.marker + 2)

    def x(value: float) -> float:
        return left + (min(max(value, data.start), data.end) - data.start) / (data.end - data.start) * (right - left)

    per_year = (right - left) / (data.end - data.start)
    step = next((s for s in (1, 2, 5, 10, 20, 50) if s * per_year >= svg.text_width("2000", layout.small) * 1.6), 100)
    y += layout.small * 1.4
    axis_y = y
    rows_top = y + layout.small * 0.6
    rows_height = len(data.rows) * _row_height(layout)
    for year in range(data.first, int(data.end) + 1):
        if year > data.end:
            break
        strong = year % step == 0
        out.append(f'<line x1="{svg.number(x(year))}" x2="{svg.number(x(year))}" y1="{svg.number(rows_top)}" '
                   f'y2="{svg.number(rows_top + rows_height)}" stroke="{colours.grid}" '
                   f'stroke-width="{1 if strong else 0.4}"/>')
        if strong:
            out.append(svg.text(x(year), axis_y, str(year), layout.small, colours.muted, anchor="middle"))
    y = rows_top
    for row in data.rows:
        y = _row(out, masks, row, layout, looks, names, colours, x, y)
    y += layout.gap
    for line in _wrap(words["note"], layout.small, inner):
        y += layout.small * 1.3
        out.append(svg.text(PAD, y, line, layout.small, colours.text))
    y += layout.small * 0.6
    for sentence in words["credits"]:
        for line in _wrap(sentence, layout.small, inner):
            y += layout.small * 1.3
            out.append(svg.text(PAD, y, line, layout.small, colours.muted))
    return out, y + PAD, masks


def _stroke(layout: Layout) -> str:
    return svg.number(layout.band / 20)


def _dashes(layout: Layout) -> str:
    return f"{svg.number(layout.band / 5)} {svg.number(layout.band / 8)}"


def _row_height(layout: Layout) -> float:
    names_above = layout.body * 1.25 if not layout.left else 0
    return names_above + layout.band + layout.lane + layout.gap


def _row(out: list[str], masks: list[str], row: Row, layout: Layout, looks: dict[str, Look], names: dict[str, str],
         colours: Palette, x: Callable[[float], float], top: float) -> float:
    partner = row.partner
    out.append(f'<g data-partner="{svg.escape(partner.id)}" data-layout="{layout.name}">')
    if layout.left:
        band_top = top
        out.append(svg.text(PAD + layout.left - 8, band_top + layout.band - 3, partner.name, layout.body,
                            colours.text, anchor="end"))
    else:
        band_top = top + layout.body * 1.25
        out.append(svg.text(PAD, band_top - layout.body * 0.3, partner.name, layout.body, colours.text))
    for tie in row.ties:
        shown = "neighbor" if partner.neighbor else tie.tier
        look = looks.get(shown) or looks["neighbor"]
        label = _(WORDS["tie"]).format(partner=partner.name, tier=names.get(tie.tier, tie.tier),
                                    verb=_(WORDS["by"]) if tie.in_force_by else _(WORDS["from"]), date=_circa(tie.start))
        if tie.start.precision != "day":
            label += _(WORDS["known to"]).format(precision=_(WORDS["precision"][tie.start.precision]))
        extra = f' stroke-dasharray="{_dashes(layout)}"' if tie.in_force_by else ""
        left, right = x(tie.begin), x(tie.stop)
        if tie.start.precision != "day" and period_start(tie.start) >= tie.begin:
            mask_id = f"{PREFIX}-{layout.name}-fade-{len(masks) + 1}"
            masks.append(svg.fade(mask_id, left, x(min(period_end(tie.start), tie.stop)), band_top, right,
                                  layout.band))
            extra += f' mask="url(#{mask_id})"'
        out.append(f'<rect x="{svg.number(left)}" y="{svg.number(band_top)}" '
                   f'width="{svg.number(max(right - left, 1.5))}" height="{svg.number(layout.band)}" '
                   f'fill="{svg.paint(PREFIX, shown, look)}" stroke="{colours.outline}" stroke-width="{_stroke(layout)}"{extra} '
                   f'data-tier="{svg.escape(tie.tier)}"><title>{svg.escape(label)}</title></rect>')
    lane = band_top + layout.band + layout.lane / 2 + 1
    wanted = [x(period_start(event.date)) for event in row.events]
    placed = nudged(wanted, layout.marker * 2 + 1, PAD + layout.left + layout.marker, WIDTH - PAD - layout.marker)
    for event, want, at in zip(row.events, wanted, placed):
        tip = _(WORDS["event tip"]).format(date=_circa(event.date), title=event.title, partner=partner.name)
        if event.date.precision != "day":  # somewhere in this period: a faint span across it
            span = max(x(period_end(event.date)) - want, 1.0)
            out.append(f'<rect x="{svg.number(want)}" y="{svg.number(lane - 1.5)}" width="{svg.number(span)}" '
                       f'height="3" fill="{colours.marker}" fill-opacity="0.35"><title>{svg.escape(tip)}</title></rect>')
        if abs(at - want) > 0.5:  # nudged: a tick from the mark back to its date
            out.append(f'<line x1="{svg.number(want)}" x2="{svg.number(at)}" y1="{svg.number(lane - layout.marker)}" '
                       f'y2="{svg.number(lane)}" stroke="{colours.muted}" stroke-width="0.8"/>')
        out.append(svg.diamond(at, lane, layout.marker, colours.marker, colours.marker_halo, tip))
    out.append("</g>")
    return top + _row_height(layout)


def _legend(out: list[str], masks: list[str], data: ChartData, layout: Layout, looks: dict[str, Look],
            names: dict[str, str], colours: Palette, y: float) -> float:
    """The keys of what is drawn, the tiers closest first, laid out in lines."""
    drawn = {tie.tier for row in data.rows if not row.partner.neighbor for tie in row.ties}
    items: list[tuple[str, str]] = [(tier_id, names[tier_id]) for tier_id in names if tier_id in drawn]
    if any(row.partner.neighbor for row in data.rows):
        items.append(("neighbor", _(WORDS["neighbors"])))
    if any(tie.in_force_by for row in data.rows for tie in row.ties):
        items.append(("-dash", _(WORDS["in force by"])))
    if any(tie.start.precision != "day" for row in data.rows for tie in row.ties):
        items.append(("-fade", _(WORDS["fade"])))
    if any(row.events for row in data.rows):
        items.append(("-event", _(WORDS["event"])))
    size = layout.body
    swatch = size * 1.6
    y += size
    out.append(svg.text(PAD, y, _(WORDS["ranking"]), size, colours.text, bold=True))
    x = PAD + svg.text_width(_(WORDS["ranking"]), size) + size if layout.left else WIDTH  # narrow: keys on their own lines
    for key, label in items:
        width = swatch + size * 0.5 + svg.text_width(label, size) + size * 1.2
        if x + width > WIDTH - PAD:
            x, y = PAD, y + size * 1.6
        top = y - size * 0.85
        if key == "-event":
            out.append(svg.diamond(x + swatch / 2, top + size / 2, min(layout.marker, size / 2), colours.marker,
                                   colours.marker_halo))
        else:
            fill, extra = colours.background, ""
            if key == "-dash":
                extra = f' stroke-dasharray="{_dashes(layout)}"'
            elif key == "-fade":
                fill = colours.muted
                masks.append(svg.fade(f"{PREFIX}-{layout.name}-fade-key", x, x + swatch, top, x + swatch, size))
                extra = f' mask="url(#{PREFIX}-{layout.name}-fade-key)"'
            else:
                fill = svg.paint(PREFIX, key, looks[key])
            out.append(f'<rect x="{svg.number(x)}" y="{svg.number(top)}" width="{svg.number(swatch)}" '
                       f'height="{svg.number(size)}" fill="{fill}" stroke="{colours.outline}" stroke-width="{_stroke(layout)}"'
                       f'{extra}/>')
        out.append(svg.text(x + swatch + size * 0.5, y, label, size, colours.text))
        x += width
    return y + size * 0.4
