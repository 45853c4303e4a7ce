"""One self-contained HTML page about the dataset, in the order a reader needs
it: the summary with the key numbers, the chart, the map, the table of
partners, the timeline, the notes, and the sources with the citation.

The heading, the <title>, the summary and the table's caption each say the
date and every filter the page was made with (report_scope). Each partner has
an anchor, linked from the summary, the chart and the map. No network request:
styles and the small sorting script are inline, the downloads are `data:` URLs,
and the page reads the same without the script. Every text from the dataset is
escaped, and only http(s) sources become links.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ...data.model import Dataset, Event, Partner
from ...core.safe import markup as escape
from ...query.groups import no_tier_label
from ...core.language import _, current
from ...core.written_dates import written_date
from . import report_words as words
from .report_rows import Row, download_links, table_rows
from .report_scope import Scope
from .report_style import SCRIPT, stylesheet

if TYPE_CHECKING:
    from .embed import Embedded

THEMES = ("light", "dark")


def made_at(environ: Mapping[str, str]) -> str:
    """When the page is made, in UTC to the minute: now, or SOURCE_DATE_EPOCH
    (seconds since 1970) where it is set, as reproducible builds set it, so that
    the same data and tool make the same page."""
    import datetime

    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit()
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def anchor(partner_id: str) -> str:
    """The id of a partner's row: what the summary, the chart and the map link to."""
    return f"partner-{partner_id}"


def _link(partner: Partner) -> str:
    return f'<a href="#{escape(anchor(partner.id), quote=True)}">{escape(partner.name)}</a>'


def _source(source: str) -> str:
    if source.startswith(("https://", "http://")):
        return f'<a href="{escape(source, quote=True)}" rel="noreferrer">{escape(source)}</a>'
    return _english(source)  # a source without an address: its citation, as the data writes it


def _in_english() -> str:
    """The attribute that marks an element's text as English on a page in another
    language (so that a reader, and a screen reader, knows it); none in English."""
    return "" if current() == "en" else ' lang="en"'


def _english(text: str) -> str:
    """Text the data holds in English only, escaped, and marked so (_in_english)."""
    return escape(text) if current() == "en" else f"<span{_in_english()}>{escape(text)}</span>"


def _heading(key: str) -> str:
    return _(dict(words.SECTIONS)[key])


def _section(key: str, body: Sequence[str], css: str = "") -> str:
    klass = f' class="{css}"' if css else ""
    return "\n".join([f'<section id="{key}" aria-labelledby="{key}-heading"{klass}>',
                      f'<h2 id="{key}-heading">{escape(_heading(key))}</h2>', *body, "</section>"])


def _summary(dataset: Dataset, partners: Sequence[Partner], scope: Scope) -> list[str]:
    if not partners:
        return [f"<p>{escape(_(words.NONE_SHOWN))} ({escape(scope.phrase(dataset))})</p>"]
    noun = _(words.PARTNER_SHOWN) if len(partners) == 1 else _(words.PARTNERS_SHOWN)
    groups: list[tuple[str, list[Partner]]] = [
        (tier.name, [p for p in partners if p.tier == tier.id and not p.neighbor]) for tier in dataset.tiers]
    groups.append((_(words.NEIGHBORS), [p for p in partners if p.neighbor]))
    groups.append((_(words.OTHER_RELATIONS), [p for p in partners
                                            if p.tier is None and not p.neighbor and not p.is_organisation]))
    groups.append((_(words.ORGANISATIONS), [p for p in partners if p.is_organisation]))
    groups = [(name, members) for name, members in groups if members]
    numbers = [f"<div><dt>{escape(noun)}</dt><dd>{len(partners)}</dd></div>"]
    numbers += [f"<div><dt>{escape(name)}</dt><dd>{len(members)}</dd></div>" for name, members in groups]
    lines = [f'<p>{escape(_(words.SUMMARY_LEAD).format(count=len(partners), partners=noun, scope=scope.phrase(dataset)))}'
             "</p>", f'<dl class="numbers">{"".join(numbers)}</dl>', '<ul class="by-tier">']
    lines += [f"<li>{escape(name)}: {', '.join(_link(p) for p in members)}</li>" for name, members in groups]
    lines.append("</ul>")
    tied = [p for p in partners if p.tier_since is not None and not p.neighbor]
    if tied:
        tiers = {tier.id: tier.name for tier in dataset.tiers}
        newest = max(tied, key=lambda p: p.tier_sort_key)
        lines.append(f"<p>{_fill(_(words.NEWEST), partner=_link(newest), tier=escape(tiers[newest.tier or '']), date=escape(written_date(newest.tier_when)))}</p>")
    lines.append(f'<p class="muted">{escape(_(words.JUMP))}</p>')
    return lines


def _fill(template: str, **parts: str) -> str:
    """A template of report_words with parts already escaped (or markup)."""
    return escape(template).format(**parts)


def _figure(drawings: Mapping[str, Embedded], caption: str) -> list[str]:
    # A drawing too wide for a phone's screen to keep its text at 12 px scrolls
    # sideways there (the stylesheet reads --legible) rather than shrink.
    body = [f'<div class="picture picture-{theme}" style="--legible: {drawing.legible_width}px">{drawing.svg}</div>'
            for theme, drawing in drawings.items()]
    return [f"<figure>{''.join(body)}<figcaption>{escape(caption)}</figcaption></figure>"]


def _chart_caption(drawings: Mapping[str, Embedded]) -> str:
    """What the chart draws, read from the drawing itself."""
    count = len(next(iter(drawings.values())).partners)
    return _(words.CHART_CAPTION).format(count=count) if count else _(words.CHART_EMPTY)


def _map_caption(drawings: Mapping[str, Embedded]) -> str:
    """What the map draws, read from the drawing itself."""
    drawn = next(iter(drawings.values())).classes
    neighbors = [code for code in ("RUS", "CHN") if drawn.get(code) == "neighbor"]
    return _(words.MAP_CAPTION) + (" " + _(words.MAP_NEIGHBORS) if len(neighbors) == 2 else "")


def _table(dataset: Dataset, rows: Sequence[Row], scope: Scope, asterisk_note: bool) -> list[str]:
    heads = []
    for index, label in enumerate(map(_, words.COLUMNS)):
        sortable = index < len(words.COLUMNS) - 1  # sources are not sorted by
        if not sortable:
            heads.append(f'<th scope="col">{escape(label)}</th>')
            continue
        sorted_by = ' aria-sort="ascending"' if index == 1 else ""  # the page comes sorted by tier
        marker = "\u25B2" if index == 1 else "\u21C5"
        heads.append(f'<th scope="col"{sorted_by}><button type="button" title="{escape(_(words.SORT_HINT).format(column=label), quote=True)}">'
                     f'{escape(label)} <span class="direction" aria-hidden="true">{marker}</span></button></th>')
    out = ['<table class="partners">',
           f"<caption>{escape(_(words.TABLE_CAPTION).format(scope=scope.phrase(dataset)))}</caption>",
           f"<thead><tr>{''.join(heads)}</tr></thead><tbody>"]
    labels = [_(label) for label in words.COLUMNS]
    for row in rows:
        partner = row.partner
        tier_key = next((tier.rank for tier in dataset.tiers if tier.id == partner.tier), 99)
        designation = escape(partner.designation or "—")
        if partner.asterisk:
            designation += (f'<a href="#note-asterisk" title="{escape(_(words.ASTERISK_LINK), quote=True)}" '
                            f'aria-label="{escape(_(words.ASTERISK_LINK), quote=True)}">*</a>'
                            if asterisk_note else "*")
        if partner.renamed_since:
            designation += f' <span class="muted">({escape(_(words.SINCE_DESIGNATION).format(date=written_date(partner.when)))})</span>'
        since_key = ".".join(f"{part:05d}" for part in partner.tier_sort_key)
        out.append(
            f'<tr id="{escape(anchor(partner.id), quote=True)}" data-partner="{escape(partner.id, quote=True)}">'
            f'<th scope="row" data-label="{escape(labels[0], quote=True)}">{escape(partner.name)}</th>'
            f'<td data-label="{escape(labels[1], quote=True)}" data-key="{tier_key:03d}">'
            f"{_swatch(partner.tier)}{escape(row.tier_name or no_tier_label(partner))}</td>"
            f'<td data-label="{escape(labels[2], quote=True)}">{designation}</td>'
            f'<td class="date" data-label="{escape(labels[3], quote=True)}" data-key="{since_key}">'
            f"{escape(written_date(partner.tier_when) or '—')}</td>"
            f'<td data-label="{escape(labels[4], quote=True)}">{_english(partner.occasion) if partner.occasion else "—"}</td>'
            f'<td data-label="{escape(labels[5], quote=True)}">{_sources_cell(row)}</td></tr>')
    out.append("</tbody></table>")
    return out


def _swatch(tier_id: str | None) -> str:
    """The tier's colour beside its name (the name says it; the colour matches the pictures)."""
    if tier_id is None:
        return ""
    return f'<span class="swatch" style="background: var(--tier-{escape(tier_id, quote=True)})" aria-hidden="true"></span>'


def _sources_cell(row: Row) -> str:
    count = len(row.sources)
    label = (_(words.SOURCE_COUNT) if count == 1 else _(words.SOURCES_COUNT).format(count=count)) if count else _(words.NO_SOURCES)
    note = f'<p class="muted">{escape(row.sources_note)}</p>' if row.sources_note else ""
    items = "".join(f"<li>{_source(source)}</li>" for source in row.source_labels)
    listed = f"<ol>{items}</ol>" if items else ""
    grades = ""
    if row.partner.tier is not None:  # how well the sources carry the tier and its date
        grades = '<p class="muted grades">{}</p>'.format(escape(_(words.GRADES).format(
            tier=row.grades["tier"] or _(words.NOT_GRADED), date=row.grades["tier_since"] or _(words.NOT_GRADED))))
    return f"{grades}<details><summary>{escape(label)}</summary>{listed}{note}</details>"


def _timeline(dataset: Dataset, events: Sequence[Event]) -> list[str]:
    names = {partner.id: partner.name for partner in dataset.all_partners}
    items = [f'<li><span class="date">{escape(written_date(event.date))}</span> {_english(event.title)}'
             + (f' <span class="muted">({escape(", ".join(names.get(p, p) for p in event.partners))})</span>'
                if event.partners else "") + "</li>" for event in events]
    return [f'<ol class="timeline">{"".join(items)}</ol>']


def _notes(dataset: Dataset, partners: Sequence[Partner]) -> list[str]:
    out = []
    for partner in partners:
        notes = list(partner.notes) + [entry.note for entry in partner.history if entry.note]
        if notes:
            out.append(f"<h3>{_link(partner)}</h3><ul>" + "".join(f"<li>{_english(note)}</li>" for note in notes)
                       + "</ul>")
    if dataset.policy.asterisk_note and any(partner.asterisk for partner in partners):
        out.append(f'<h3 id="note-asterisk">{escape(_(words.ASTERISK_HEADING))}</h3>'
                   f"<p>{_english(dataset.policy.asterisk_note)}</p>")
    if dataset.policy.notes:
        out.append(f"<h3>{escape(_(words.POLICY_HEADING))}</h3><ul>"
                   + "".join(f"<li>{_english(note)}</li>" for note in dataset.policy.notes) + "</ul>")
    return out or [f"<p>{escape(_(words.NO_NOTES))}</p>"]


def _sources_and_citation(full: Dataset, tool_version: str, made: str) -> list[str]:
    from ...query.evidence import cited_labels
    from ..citation import all_sources, citation_text, data_version, title

    out = [f"<p>{escape(_(words.CITE_LEAD))}</p>", f'<p class="citation"{_in_english()}>{"<br>".join(escape(line) for line in citation_text(full).splitlines())}</p>',
           f"<p>{escape(_(words.ARTICLE).format(table_source=full.policy.table_source))}</p>"]
    if full.policy.sources:
        out.append(f"<p>{escape(_(words.POLICY_SOURCES))}</p><ul>"
                   + "".join(f"<li>{_source(source)}</li>" for source in cited_labels(full, full.policy.sources))
                   + "</ul>")
    out.append(f"<p>{escape(_(words.ALL_SOURCES).format(count=len(all_sources(full))))}</p>")
    out.append(f'<p class="meta">{escape(_(words.MADE).format(when=made, tool=tool_version, dataset=title(full), version=data_version(full)))}</p>')
    return out


def _licence_footer(full: Dataset) -> str:
    """The data's licence, as cite names it; a link only for a licence the tool knows."""
    from ..citation import license_info

    short, _long, url = license_info(full)
    licence = f'<a href="{escape(url, quote=True)}">{escape(short)}</a>' if url else escape(short)
    return f'<footer><p class="meta">{_fill(_(words.LICENCE), licence=licence)}</p></footer>'


def report_page(full: Dataset, shown: Dataset, partners: Sequence[Partner], events: Sequence[Event], *,
                scope: Scope, charts: Mapping[str, str], maps: Mapping[str, str], tool_version: str,
                made: str, theme: str | None = None) -> str:
    """The page. `full` is the dataset as loaded (for the citation), `shown` as
    of the page's date; `charts` and `maps` are SVG drawings by theme (both
    themes where none is forced, so that the reader's setting picks one)."""
    from ..citation import data_version, title
    from .embed import embedded

    if theme is not None and theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose from {', '.join(THEMES)}")
    rows = table_rows(shown, partners, scope.as_of)
    links = {key: f"#{anchor(p.id)}" for p in partners for key in (p.id, p.iso3)}
    chart_drawings = {name: embedded(svg, prefix=f"c-{name}-", links=links) for name, svg in charts.items()}
    map_drawings = {name: embedded(svg, prefix=f"m-{name}-", links=links) for name, svg in maps.items()}
    csv_url, json_url = download_links(rows, scope.as_of)
    phrase = scope.phrase(shown)
    heading = f"{_(words.PAGE_TITLE)}, {scope.date(shown)}"
    filters = scope.filters(shown)
    asterisk_note = bool(shown.policy.asterisk_note)
    contents = "".join(f'<li><a href="#{key}">{escape(_(name))}</a></li>' for key, name in words.SECTIONS)
    downloads = _fill(_(words.DOWNLOADS),
                      csv=f'<a href="{csv_url}" download="thirdneighbor-report.csv">{escape(words.CSV_LINK)}</a>',
                      json=f'<a href="{json_url}" download="thirdneighbor-report.json">{escape(words.JSON_LINK)}</a>')
    theme_attribute = f' data-theme="{theme}"' if theme else ""
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{current()}"{theme_attribute}>',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(_(words.PAGE_TITLE))}, {escape(phrase)}: {escape(title(shown))} {escape(data_version(shown))}"
        "</title>",
        f"<style>{stylesheet()}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(heading)}</h1>",
        f'<p class="scope">{escape(_(words.SHOWN).format(scope=words.SCOPE_JOIN.join(filters) if filters else _(words.NO_FILTER)))}</p>',
        f'<p class="meta">{escape(_(words.META).format(dataset=title(shown), version=data_version(shown), checked=written_date(shown.as_of), tool=tool_version))}</p>',
        f"<p>{_english(shown.policy.summary)}</p>",
        f'<nav aria-labelledby="contents-heading"><h2 id="contents-heading">{escape(_(words.CONTENTS))}</h2>'
        f"<ol>{contents}</ol></nav>",
        "</header>",
        "<main>",
        _section("summary", _summary(shown, partners, scope)),
        _section("chart", _figure(chart_drawings, _chart_caption(chart_drawings)), "figure"),
        _section("map", _figure(map_drawings, _map_caption(map_drawings)), "figure"),
        _section("partners", [*_table(shown, rows, scope, asterisk_note), f'<p class="downloads">{downloads}</p>']),
        _section("timeline", _timeline(shown, events)),
        _section("notes", _notes(shown, partners)),
        _section("sources", _sources_and_citation(full, tool_version, made)),
        "</main>",
        _licence_footer(full),
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ])
