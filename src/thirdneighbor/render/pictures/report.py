"""One self-contained HTML page about the dataset: a summary, a sortable table of
partners with source links, the tiers-over-time chart and the map inline, the
timeline and every note.

No network request: styles and the small sorting script are inline, and the
page reads the same without the script. Every text from the dataset is
escaped, and only http(s) sources become links.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...core.safe import markup as escape
from ...data.model import Dataset, Event, Partner
from ...query.evidence import cited_labels, confidence

THEMES = ("light", "dark")

STYLE = """
:root { --bg: #ffffff; --fg: #1a1a1a; --muted: #5a5a5a; --line: #d0d0d0; --head: #f2f2f2; --link: #0b5394; }
:root[data-theme="dark"] { --bg: #14161a; --fg: #f0f0f0; --muted: #a8a8a8; --line: #3a3d44; --head: #22252b;
  --link: #8ab4f8; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1rem; max-width: 1200px; background: var(--bg); color: var(--fg);
  font: 16px/1.5 "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif; }
a { color: var(--link); overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem; }
.meta, .muted { color: var(--muted); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
th button { all: inherit; cursor: pointer; font-weight: bold; }
td.date { white-space: nowrap; }
figure { margin: 1rem 0; } figure svg { width: 100%; height: auto; display: block; }
ol.timeline { padding-left: 1.2rem; } ol.timeline li { margin: 0.2rem 0; }
@media (max-width: 600px) { body { font-size: 14px; padding: 0.5rem; } th, td { padding: 0.25rem; } }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #333333; --head: #eeeeee; --link: #000000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; }
  table { page-break-inside: auto; } tr { page-break-inside: avoid; } thead { display: table-header-group; }
  figure { page-break-inside: avoid; } th button { font-weight: bold; }
}
"""

# Sorting by a column header: an enhancement, the page reads the same without it.
SCRIPT = """
document.querySelectorAll("table.sortable th button").forEach(function (button, column) {
  button.addEventListener("click", function () {
    var body = button.closest("table").tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var up = button.getAttribute("data-order") !== "up";
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute("data-key") || a.cells[column].textContent;
      var y = b.cells[column].getAttribute("data-key") || b.cells[column].textContent;
      return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    button.setAttribute("data-order", up ? "up" : "down");
  });
});
"""


def _source(source: str) -> str:
    if source.startswith(("https://", "http://")):
        return f'<a href="{escape(source, quote=True)}" rel="noreferrer">{escape(source)}</a>'
    return escape(source)


def _partner_rows(dataset: Dataset, partners: Sequence[Partner]) -> list[str]:
    tiers = {tier.id: tier for tier in dataset.tiers}
    rows = []
    for partner in partners:
        tier = tiers.get(partner.tier or "")
        since = partner.tier_when or "—"  # the tier's date; a newer designation's follows the designation
        renamed = f" ({'' if partner.since_approx else 'since '}{partner.when})" if partner.renamed_since else ""
        designation = (partner.marked_designation or "—") + renamed
        sources = "<br>".join(_source(source) for source in cited_labels(dataset, partner.sources))
        grades = confidence(partner)
        if partner.tier is not None:  # the evidence grades of the tier and its date, from the record's claims
            sources = (f'<span class="muted">Tier: {escape(grades["tier"] or "not graded")} · date: '
                       f'{escape(grades["tier_since"] or "not graded")}</span><br>{sources}')
        rows.append(
            f'<tr data-partner="{escape(partner.id, quote=True)}">'
            f"<td>{escape(partner.name)}</td>"
            f'<td data-key="{tier.rank if tier else 99}">{escape(tier.name) if tier else "no tier (other relation)"}'
            f"</td><td>{escape(designation)}</td>"
            f'<td class="date" data-key="{escape(str(partner.tier_since or "9999"), quote=True)}">{escape(since)}</td>'
            f"<td>{escape(partner.occasion or '')}</td><td>{sources}</td></tr>")
    return rows


def report_html(dataset: Dataset, partners: Sequence[Partner], events: Sequence[Event], *, chart: str,
                world_map: str, tool_version: str, theme: str = "light",
                title: str = "Mongolia's Third Neighbor Policy") -> str:
    """The page. `chart` and `world_map` are SVG documents to inline."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; choose from {', '.join(THEMES)}")
    names = {partner.id: partner.name for partner in dataset.all_partners}
    counts = [(tier, sum(partner.tier == tier.id for partner in partners)) for tier in dataset.tiers]
    other = sum(partner.tier is None for partner in partners)
    summary = [f"<li>{escape(tier.name)}: {count}</li>" for tier, count in counts if count]
    if other:
        summary.append(f"<li>Other relations (no tier): {other}</li>")
    timeline = [f'<li><span class="date">{escape(str(event.date))}</span> {escape(event.title)}'
                + (f' <span class="muted">({escape(", ".join(names.get(p, p) for p in event.partners))})</span>'
                   if event.partners else "") + "</li>" for event in events]
    notes = []
    for partner in partners:
        partner_notes = list(partner.notes) + [entry.note for entry in partner.history if entry.note]
        if partner_notes:
            notes.append(f"<h3>{escape(partner.name)}</h3><ul>"
                         + "".join(f"<li>{escape(note)}</li>" for note in partner_notes) + "</ul>")
    if dataset.policy.asterisk_note and any(partner.asterisk for partner in partners):
        notes.append(f"<h3>The asterisk (*)</h3><p>{escape(dataset.policy.asterisk_note)}</p>")
    policy_notes = "".join(f"<li>{escape(note)}</li>" for note in dataset.policy.notes)
    version = dataset.version or "unversioned"
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="en" data-theme="{theme}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}: {escape(dataset.title or 'dataset')} {escape(version)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(dataset.title or "Untitled dataset")}, version {escape(version)}, checked against '
        f"its sources on {escape(str(dataset.as_of))}. Made with thirdneighbor {escape(tool_version)}.</p>",
        f"<p>{escape(dataset.policy.summary)}</p>",
        "</header>",
        "<main>",
        '<section aria-labelledby="summary"><h2 id="summary">Summary</h2>',
        (f"<p>{len(partners)} partner{'' if len(partners) == 1 else 's'} shown:</p><ul>{''.join(summary)}</ul>"
         if partners else "<p>No partner matches the filters asked for.</p>") + "</section>",
        '<section aria-labelledby="partners"><h2 id="partners">Partners</h2>',
        '<p class="muted">Click a column heading to sort by it.</p><div class="scroll">',
        '<table class="sortable"><thead><tr>'
        + "".join(f'<th scope="col"><button type="button">{label}</button></th>'
                  for label in ("Partner", "Tier", "Designation", "Since", "Occasion", "Sources"))
        + "</tr></thead><tbody>",
        *_partner_rows(dataset, partners),
        "</tbody></table></div></section>",
        '<section aria-labelledby="chart"><h2 id="chart">Tiers over time</h2>',
        f"<figure>{chart}</figure></section>",
        '<section aria-labelledby="map"><h2 id="map">Map</h2>',
        f"<figure>{world_map}</figure></section>",
        '<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>',
        f'<ol class="timeline">{"".join(timeline)}</ol></section>',
        '<section aria-labelledby="notes"><h2 id="notes">Notes</h2>',
        *notes,
        f"<h3>The policy</h3><ul>{policy_notes}</ul>" if policy_notes else "",
        "</section>",
        "</main>",
        _license_footer(dataset),
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
        "",
    ])


def _license_footer(dataset: Dataset) -> str:
    """The data's licence, as cite names it; a link only for a licence the tool knows."""
    from ..citation import license_info

    short, _, url = license_info(dataset)
    named = f'<a href="{escape(url, quote=True)}">{escape(short)}</a>' if url else escape(short)
    return f'<footer><p class="meta">Data licence: {named}.</p></footer>'
