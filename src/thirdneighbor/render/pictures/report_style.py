"""The report page's stylesheet and its one small script, inline in the page.

Light or dark follows the reader's setting unless `--theme` forces one (the
`data-theme` attribute); paper is always light. At phone widths the table
becomes a card per partner and a figure too wide to keep its text at 12 CSS
pixels scrolls sideways instead of shrinking. Every control shows where the
keyboard is.
"""

from __future__ import annotations

# The page's own colours beyond the palette's: links and the focus ring, each
# 4.5:1 or more on the theme's background.
_OWN = {
    "light": {"link": "#0b5394", "focus": "#b3261e", "line": "#c8c8c8", "head": "#f2f2f2", "card": "#fafafa"},
    "dark": {"link": "#9cc2ff", "focus": "#ffb4a9", "line": "#474b53", "head": "#1e252e", "card": "#161c24"},
}


def _variables(theme: str) -> str:
    """The CSS custom properties of a theme: the palette's background, text and
    muted colours, a swatch colour per tier, and the page's own."""
    from .palette import palette

    colours = palette(theme)
    own = _OWN[theme]
    tiers = " ".join(f"--tier-{name}: {look.fill};" for name, look in colours.looks.items())
    return (f"--bg: {colours.background}; --fg: {colours.text}; --muted: {colours.muted}; --line: {own['line']}; "
            f"--head: {own['head']}; --link: {own['link']}; --focus: {own['focus']}; --card: {own['card']}; "
            f"{tiers} color-scheme: {theme};")


def stylesheet() -> str:
    """The stylesheet, with the palette's colours for both themes."""
    return _STYLE.replace("@LIGHT@", _variables("light")).replace("@DARK@", _variables("dark"))


_STYLE = """
:root { @LIGHT@ }
:root[data-theme="dark"] { @DARK@ }
@media (prefers-color-scheme: dark) { :root:not([data-theme]) { @DARK@ } }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1rem; max-width: 1200px; background: var(--bg); color: var(--fg);
  font: 16px/1.5 "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif; }
a { color: var(--link); overflow-wrap: anywhere; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.3rem; }
.scope { font-size: 1.1rem; font-weight: bold; margin: 0.3rem 0; }
.meta, .muted { color: var(--muted); }
nav ol { display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; padding: 0; list-style: none; }
.numbers { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.75rem 0; padding: 0; }
.numbers div { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.9rem; min-width: 9rem;
  background: var(--card); }
.numbers dt { color: var(--muted); font-size: 0.85rem; }
.numbers dd { margin: 0; font-size: 1.8rem; font-weight: bold; line-height: 1.2; }
ul.by-tier { padding-left: 1.2rem; }
figure { margin: 1rem 0; }
.picture { overflow-x: auto; }
.picture svg { width: 100%; height: auto; display: block; }
.picture-dark { display: none; }
:root[data-theme="dark"] .picture-light { display: none; }
:root[data-theme="dark"] .picture-dark { display: block; }
@media (prefers-color-scheme: dark) {
  :root:not([data-theme]) .picture-light { display: none; }
  :root:not([data-theme]) .picture-dark { display: block; }
}
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 0.4rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { text-align: left; color: var(--muted); padding: 0.3rem 0; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--head); }
tbody th { font-weight: bold; }
th button { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 0;
  cursor: pointer; text-align: left; }
th button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
th .direction { display: inline-block; min-width: 1.1em; color: var(--muted); }
th[aria-sort] .direction { color: inherit; }
td.date { white-space: nowrap; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em; border: 1px solid var(--fg);
  vertical-align: -0.05em; }
details summary { cursor: pointer; }
details ol { margin: 0.3rem 0; padding-left: 1.3rem; }
.downloads a { font-weight: bold; }
ol.timeline { padding-left: 1.2rem; } ol.timeline li { margin: 0.2rem 0; }
.citation { white-space: pre-wrap; background: var(--card); border: 1px solid var(--line); padding: 0.6rem;
  font: 0.9rem/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  body { padding: 0.6rem; }
  h1 { font-size: 1.4rem; }
  table.partners, .partners tbody, .partners tr, .partners td, .partners tbody th, .partners caption {
    display: block; width: 100%; }
  .partners thead { display: block; }
  .partners thead tr { display: flex; flex-wrap: wrap; gap: 0.3rem; }
  .partners thead th { border: 1px solid var(--line); border-radius: 4px; }
  .partners tbody tr { border: 1px solid var(--line); border-radius: 6px; margin: 0.8rem 0; padding: 0.5rem;
    background: var(--card); }
  .partners tbody th, .partners td { border: 0; padding: 0.15rem 0; }
  .partners tbody th { font-size: 1.1rem; }
  .partners td::before { content: attr(data-label) ": "; font-weight: bold; color: var(--muted); }
  td.date { white-space: normal; }
}
/* Below 600 px the pictures switch to their narrow layouts (if they have one); a
   picture still too small to read there keeps the width its text needs, and scrolls. */
@media (max-width: 599px) {
  .picture { margin: 0 -0.6rem; }  /* the screen's full width, past the body's padding */
  .picture svg { min-width: var(--legible, 0); }
}
@media print {
  :root, :root[data-theme], :root:not([data-theme]) { @LIGHT@ --link: #000000; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, .downloads, .sort-hint { display: none; }
  .picture { overflow: visible; }
  .picture svg { min-width: 0 !important; }
  .picture-dark { display: none !important; }
  .picture-light { display: block !important; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  section.figure { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  details > *:not(summary) { display: block; }
}
"""

# Sorting by a column heading: an enhancement, the page reads the same without
# it. aria-sort moves to the heading sorted by, and its marker shows the direction.
SCRIPT = """
(function () {
  var table = document.querySelector("table.partners");
  if (!table) { return; }
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (head, column) {
    var button = head.querySelector("button");
    if (!button) { return; }  // a column not sorted by (the sources)
    button.addEventListener("click", function () {
      var body = table.tBodies[0];
      var ascending = head.getAttribute("aria-sort") !== "ascending";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column].getAttribute("data-key") || a.cells[column].textContent;
        var y = b.cells[column].getAttribute("data-key") || b.cells[column].textContent;
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      rows.forEach(function (row) { body.appendChild(row); });
      heads.forEach(function (other) {
        var marker = other.querySelector(".direction");
        other.removeAttribute("aria-sort");
        if (marker) { marker.textContent = "\\u21C5"; }
      });
      head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      head.querySelector(".direction").textContent = ascending ? "\\u25B2" : "\\u25BC";
    });
  });
})();
"""
