"""Rich renderables: the table or tree of each kind of view (DRAWINGS). Imported
only for that format (a terminal, --format table, or an SVG/HTML export), never
for JSON or plain text.

Every piece of dataset text goes in through `_text`, a rich.text.Text built from
cleaned text: never parsed as markup, so "[bold]" in a name prints as typed.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Mapping, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model import Dataset, Event, Partner, Tier
from ..partialdate import PartialDate
from ..query.groups import ComparedField, TierGroup
from ..query.people import display_names
from ..query.select import tiers_by_id
from ..query.window import Window
from ..views import View
from . import Terminal
from .safe import clean, joined
from .text import cell

TIER_STYLES = {
    "comprehensive-strategic": "magenta",
    "strategic": "bold green",
    "comprehensive": "cyan",
    "expanded": "yellow",
}


def _text(value: object, style: str = "") -> Text:
    return Text(clean("" if value is None else str(value)), style=style)


def _parts(*parts: tuple[object, str]) -> Text:
    """One line from (text, style) pieces; each style applies to its piece only."""
    line = Text()
    for value, style in parts:
        line.append(clean("" if value is None else str(value)), style=style or None)
    return line


# A web address in a source: a whole word (brackets and closing punctuation
# around it aside) of http or https and only the characters a URL may hold
# unescaped, so that a terminal's link (OSC 8) cannot be made to end early. A
# word with any other character (a bracket or quote inside it) is not linked at
# all, rather than linked to a part of itself.
_WORD = re.compile(r"\S+")
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+")


class _Linked(Text):
    """Text whose web addresses are links (OSC 8) where the console shows styles.
    Rich leaves links out in a pipe and under TERM=dumb (no colour system);
    under NO_COLOR they go too, with the colour: no escape codes beyond styles.
    An SVG or HTML export (a recording console) gets none either: Rich writes
    a link's address into an HTML href unescaped.

    With overflow "ignore", it wraps at spaces only: a word wider than the
    width (a long URL) stands whole on a line of its own and overflows it, so
    that it copies whole. Only a line outside any box or tree can overflow;
    inside one, a line is cut at the box, so there it folds (the default)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        shown: Text = self
        if console.no_color or console.record:
            shown = self.copy()
            shown.spans = [span for span in self.spans if not (isinstance(span.style, Style) and span.style.link)]
        if self.overflow != "ignore" or self.no_wrap:  # no_wrap: the line whole, for the terminal to wrap
            yield from Text.__rich_console__(shown, console, options)
            return
        # Rich's own word wrap (cell widths, wide characters), told not to fold:
        # Text.wrap cannot both wrap and let a long word overflow.
        from rich._wrap import divide_line

        lines = shown.divide(divide_line(shown.plain, options.max_width, fold=False))
        for line in lines:
            line.rstrip_end(options.max_width)
        yield from Text("\n").join(lines).render(console, end=self.end)


def _source(value: str, style: str = "blue", indent: str = "", overflow: str = "fold") -> Text:
    """A source, each web address in it a link; "ignore" for a line of its own
    outside any box (see _Linked)."""
    text = clean(value)
    line = _Linked(indent + text, style=style, overflow=overflow)  # type: ignore[arg-type]
    for word in _WORD.finditer(text):
        address = word.group().lstrip("(<").rstrip(".,;:!?)>")
        if _URL.fullmatch(address):
            start = len(indent) + word.start() + word.group().index(address)
            line.stylize(Style(link=address), start, start + len(address))
    return line


def _unfolded(line: Text) -> Text:
    """A line that wraps at spaces and lets a word wider than the width overflow whole."""
    unfolded = _Linked(line.plain, style=line.style, overflow="ignore")
    unfolded.spans = list(line.spans)
    return unfolded


def _longest_word(text: str) -> int:
    from rich.cells import cell_len

    return max((cell_len(word) for word in clean(text).split()), default=0)


def _count(number: int, noun: str) -> str:
    return f" · {number} {noun}{'' if number == 1 else 's'}"


class _ByWidth:
    """Draw `wide` where it fits, else `narrow`: a table squeezed below its
    minimum width collapses into unreadable slivers, so it becomes a list."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, min_width: int, *,
                 measured: bool = False) -> None:
        # measured: draw the wide form first, and use it only if no line passes the width.
        self.wide, self.narrow, self.min_width, self.measured = wide, narrow, min_width, measured

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        fits = options.max_width >= self.min_width
        if fits and self.measured:
            # Drawn, to know: a table whose columns may not break their longest
            # words can come out wider than both an estimate by hand and Rich's
            # own measure say (a compare of three partners at 72 columns drew 73).
            from rich.segment import Segment

            lines = Segment.split_lines(console.render(self.wide, options))  # uncropped, unlike render_lines
            fits = all(Segment.get_line_length(line) <= options.max_width for line in lines)
        yield self.wide if fits else self.narrow


# Below these widths a table's columns no longer fit their shortest words.
LIST_TABLE_MIN_WIDTH = 72
COMPARE_TABLE_MIN_WIDTH = 60


def _tier_style(tier_id: str | None) -> str:
    return TIER_STYLES.get(tier_id or "", "")


NO_TIER = "no tier (other relation)"
APPROX_NOTE = ("by DATE: the tie was in force by that date, the earliest a source shows; "
               "it began earlier, on a date the sources do not confirm.")


def _tier_name(tiers: dict[str, Tier], tier_id: str | None) -> str:
    return tiers[tier_id].name if tier_id is not None else NO_TIER


def _approx_footnote(partners: Sequence[Partner]) -> Text | None:
    shown = any(partner.since_approx or partner.tier_since_approx for partner in partners)
    return _text(APPROX_NOTE, "dim") if shown else None


def _renamed(partner: Partner, label: str = "") -> str:
    """The date of a designation newer than the tier it renamed, to follow the
    designation: " (since 2022-11-29)", " (by 2011)" for an "in force by" date;
    "" where the two dates are one."""
    if not partner.renamed_since:
        return ""
    return f" ({label}{partner.when if partner.since_approx else f'since {partner.since}'})"


def _footnote(dataset: Dataset, partners: Sequence[Partner]) -> Text | None:
    if dataset.policy.asterisk_note and any(partner.asterisk for partner in partners):
        return _text("* " + dataset.policy.asterisk_note, "dim")
    return None


def partners_table(dataset: Dataset, partners: Sequence[Partner],
                   as_of: PartialDate | None = None, window: Window | None = None) -> RenderableType:
    tiers = tiers_by_id(dataset)
    title = "Mongolia's third neighbors" + (f", as of {as_of}" if as_of else "") + (f", dated {window}" if window else "")
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("Partner", overflow="fold")
    table.add_column("ISO", no_wrap=True)
    table.add_column("Tier", overflow="fold")
    table.add_column("Designation", overflow="fold")
    table.add_column("Since", no_wrap=True)
    table.add_column("Notes", justify="right", no_wrap=True)
    for partner in partners:
        style = _tier_style(partner.tier)
        cells = [
            _text(partner.name, "bold"),
            _text(partner.iso3),
            _text(_tier_name(tiers, partner.tier), style),
            _parts((partner.marked_designation, ""), (_renamed(partner), "dim")),
            _text(partner.tier_when or "—"),
            _text(len(partner.notes) or ""),
        ]
        table.add_row(*cells)
    stacked = Group(*(
        _parts((partner.name, "bold"), (f" {partner.iso3}", "dim"), (" · ", ""),
               (_tier_name(tiers, partner.tier), _tier_style(partner.tier)), (" · ", ""),
               (partner.marked_designation, ""), (_renamed(partner), "dim"), (" · since ", ""),
               (partner.tier_when or "—", ""),
               (_count(len(partner.notes), "note") if partner.notes else "", "dim"))
        for partner in partners
    ))
    lines: list[RenderableType] = [_ByWidth(table, stacked, LIST_TABLE_MIN_WIDTH)]
    for footnote in (_footnote(dataset, partners), _approx_footnote(partners)):
        if footnote is not None:
            lines.append(footnote)
    if any(partner.notes for partner in partners):
        lines.append(_text("Notes: caveats on the record; see `thirdneighbor show ID`.", "dim"))
    lines.append(_text(f"{len(partners)} partners · dataset as of {dataset.as_of}", "dim"))
    return Group(*lines)


def _state_codes(partner: Partner) -> str | None:
    """"255 / 260": the Correlates of War and Gleditsch–Ward numbers, "—" for one a list lacks."""
    if partner.cow_code is None and partner.gw_code is None:
        return None
    return " / ".join("—" if code is None else str(code) for code in (partner.cow_code, partner.gw_code))


def partner_panel(dataset: Dataset, partner: Partner, tier: Tier | None,
                  events: Sequence[Event], with_sources: bool = False) -> RenderableType:
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    rows: list[tuple[str, object, str]] = [
        ("Official name", partner.official_name, ""),
        ("ISO codes", " / ".join(code for code in (partner.iso2, partner.iso3, partner.iso_numeric) if code), ""),
        ("Wikidata", partner.wikidata, ""),
        ("CoW / GW codes", _state_codes(partner), ""),
        ("Also known as", joined(partner.aliases) or None, ""),
        ("In Mongolian", joined(list(dict.fromkeys(name for name in (partner.name_mn, partner.official_name_mn,
                                                                      *partner.aliases_mn) if name))) or None, ""),
        ("Tier", f"{tier.name} ({tier.id})" if tier else NO_TIER + ": in the dataset for its events",
         _tier_style(partner.tier)),
        ("Since", partner.tier_when, ""),
        ("Designation", partner.marked_designation or None, ""),
        ("", partner.designation_mn, "dim"),
        ("Designation since", partner.when if partner.renamed_since else None, ""),
        ("Occasion", partner.occasion, ""),
        ("Instrument", partner.instrument, ""),
        ("Leaders", joined(display_names(dataset, partner.leaders)) or None, ""),
    ]
    if partner.neighbor:
        rows.append(("Neighbor", "yes: one of Mongolia's two neighbors, not a third neighbor", "magenta"))
    for label, value, style in rows:
        if value is not None:
            facts.add_row(label, _text(value, style))
    if partner.since_approx or partner.tier_since_approx:
        facts.add_row("", _text(APPROX_NOTE, "dim"))

    title = _parts((partner.name, "bold"), (f"  [{partner.id}]", "dim"))
    boxed = Panel(Group(facts, Text(""), _record_tree(dataset, partner, events, with_sources, inside=True)),
                  title=title, title_align="left", expand=False)
    # Where a source's longest word (a URL) does not fit its line in the box (a
    # tree guide of 4 columns a level, the panel's border and padding of 4), the
    # box would fold it: the sources go below the box instead, a line each,
    # where a URL wider than the terminal overflows whole.
    needed = 4 + max([8 + _longest_word(source) for source in partner.sources]
                     + [12 + _longest_word(source) for event in events if with_sources for source in event.sources],
                     default=0)
    box = Panel(Group(facts, Text(""), _record_tree(dataset, partner, events, with_sources, inside=False)),
                title=title, title_align="left", expand=False)
    unboxed: list[RenderableType] = [box, _text("Sources of the facts above" if with_sources else "Sources", "bold")]
    unboxed += [_source(source, indent="  ", overflow="ignore") for source in partner.sources]
    if with_sources and any(event.sources for event in events):
        unboxed.append(_text("Sources of each event", "bold"))
    for event in events if with_sources else ():
        if event.sources:
            unboxed.append(_parts((f"{event.date}  ", "bold"), (event.title, "bold")))
            unboxed += [_source(source, indent="  ", overflow="ignore") for source in event.sources]
    return _ByWidth(boxed, Group(*unboxed), needed)


def _record_tree(dataset: Dataset, partner: Partner, events: Sequence[Event], with_sources: bool,
                 inside: bool) -> Tree:
    """Earlier tiers, events, notes and, `inside` the box, the sources."""
    tree = Tree(_text("Record", "bold"), guide_style="dim")
    if partner.history:
        history = tree.add(_text("Earlier tiers", "bold"))
        for entry in partner.history:
            extra = "; ".join(part for part in (entry.occasion, entry.note) if part)
            history.add(_parts((f"{entry.when}  ", ""),
                               (entry.designation, _tier_style(entry.tier)),
                               (f" ({extra})" if extra else "", "dim")))
    if events:
        branch = tree.add(_text(f"Events ({len(events)})", "bold"))
        for event in events:
            node = branch.add(_text(f"{event.date}  {clean(event.title)}"))
            if with_sources and inside:
                for source in event.sources:
                    node.add(_source(source))
    if partner.notes:
        branch = tree.add(_text("Notes", "bold yellow"))
        for note in partner.notes:
            branch.add(_text(note))
    if partner.asterisk and dataset.policy.asterisk_note:
        tree.add(_text("* " + dataset.policy.asterisk_note, "dim"))
    if inside:
        sources = tree.add(_text("Sources of the facts above" if with_sources else "Sources", "bold"))
        for source in partner.sources:
            sources.add(_source(source))
    return tree


def timeline_tree(events: Sequence[Event], names: dict[str, str],
                  title: str = "Third Neighbor Policy timeline") -> RenderableType:
    root = Tree(_text(title, "bold"), guide_style="dim")
    year_node: Tree | None = None
    current_year: int | None = None
    for event in events:
        if event.date.year != current_year:
            current_year = event.date.year
            year_node = root.add(_text(current_year, "bold"))
        assert year_node is not None
        involved = f" ({', '.join(names[p] for p in event.partners)})" if event.partners else ""
        year_node.add(_parts((f"{event.date}  ", "dim"), (event.title, ""), (involved, "cyan")))
    if not events:
        root.add(_text("no events match", "dim"))
    return root


def tiers_tree(dataset: Dataset, groups: Sequence[TierGroup], as_of: PartialDate | None = None) -> RenderableType:
    title = "Partnership tiers, closest first" + (f", as of {as_of}" if as_of else "")
    root = Tree(_text(title, "bold"), guide_style="dim")
    shown: list[Partner] = []
    for group in groups:
        style = _tier_style(group.tier.id)
        tier_node = root.add(_parts((f"{group.tier.rank}. {group.tier.name}", f"bold {style}"),
                                    (f"  [{group.tier.id}]  {group.tier.description}", "dim")))
        if not group.designations:
            tier_node.add(_text("no partners", "dim"))
        for designation in group.designations:
            designation_node = tier_node.add(_text(designation.designation, "bold"))
            for partner in designation.partners:
                # The date is the tier's; a newer designation's follows the name.
                designation_node.add(_parts((f"{partner.tier_when or '—'}  ", "dim"), (partner.name, ""),
                                            (_renamed(partner, "this designation "), "dim")))
                shown.append(partner)
    footnotes = [note for note in (_footnote(dataset, shown), _approx_footnote(shown)) if note is not None]
    return Group(root, *footnotes) if footnotes else root


FIELD_LABELS = {
    "tier": "Tier", "tier_since": "Since", "designation": "Designation", "since": "Designation since",
    "occasion": "Occasion",
    "instrument": "Instrument", "leaders": "Leaders", "earlier_tiers": "Earlier tiers",
    "events": "Events", "neighbor": "Neighbor", "notes": "Notes", "sources": "Sources",
}


def _shown(dataset: Dataset, field: ComparedField) -> list[object]:
    """A compared field's values as a reader wants them: leaders and tiers by name, not id."""
    if field.field == "leaders":
        return [display_names(dataset, tuple(value)) for value in field.values]  # type: ignore[arg-type]
    if field.field == "tier":
        names = {tier.id: tier.name for tier in dataset.tiers}
        return [names.get(value, value) if isinstance(value, str) else value for value in field.values]
    return list(field.values)


def compare_table(dataset: Dataset, partners: Sequence[Partner],
                  fields: Sequence[ComparedField], as_of: PartialDate | None = None) -> RenderableType:
    dated = f", as of {as_of}" if as_of is not None else ""
    table = Table(title=f"Side by side{dated} (differences in bold)", title_justify="left")
    table.add_column("Field", style="bold", no_wrap=True)
    table.add_column("", no_wrap=True)
    # A date ("by 2011-06-16") never splits across lines: each partner's column is
    # at least that wide, and below the width that allows, the stacked form serves.
    date_width = max((len(cell(value)) for field in fields if field.field in ("since", "tier_since")
                      for value in field.values), default=0)
    # Nor does a word: a partner's column is at least as wide as its longest word.
    shown_values = [_shown(dataset, field) for field in fields]
    widths = [max([date_width, _longest_word(partner.name)]
                  + [_longest_word(cell(values[index], "\n")) for values in shown_values])
              for index, partner in enumerate(partners)]
    for partner, width in zip(partners, widths):
        table.add_column(_text(partner.name), overflow="fold", min_width=width or None)
    for field in fields:
        style = "" if field.same else "bold yellow"
        table.add_row(
            FIELD_LABELS.get(field.field, field.field),
            _text("=" if field.same else "≠", style),
            # The newline only stacks a list's items in the cell; each item is cleaned.
            *(Text("\n".join(clean(line) for line in cell(value, "\n", "—").split("\n")), style=style)
              for value in _shown(dataset, field)),
        )
    stacked = Group(*(
        _parts((f"{FIELD_LABELS.get(field.field, field.field)}: ", "bold"),
               (" | ".join(cell(value, empty="—") for value in _shown(dataset, field)),
                "" if field.same else "bold yellow"))
        for field in fields
    ))
    shown = _ByWidth(table, stacked, COMPARE_TABLE_MIN_WIDTH, measured=True)
    footnote = _footnote(dataset, partners)
    return shown if footnote is None else Group(shown, footnote)



def history_tree(dataset: Dataset, partner: Partner) -> RenderableType:
    """A partner's tiers, oldest first, ending with the current one."""
    tiers = tiers_by_id(dataset)
    root = Tree(_parts((partner.name, "bold"), (f"  [{partner.id}]", "dim")), guide_style="dim")
    def bracket(tier_id: str | None, designation: str) -> str:
        # The tier by name, where the designation does not already say it.
        if tier_id not in tiers:
            return " [no tier]"
        name = tiers[tier_id].name  # type: ignore[index]
        return "" if name.casefold() == designation.removesuffix("*").casefold() else f" [{name}]"

    for entry in partner.history:
        tier = bracket(entry.tier, entry.designation)
        extra = "; ".join(part for part in (entry.occasion, entry.note) if part)
        root.add(_parts((f"{entry.when}  ", "dim"), (entry.designation, _tier_style(entry.tier)),
                        (tier, "dim"), (f" ({extra})" if extra else "", "dim")))
    if partner.tier is None:
        root.add(_text(f"{NO_TIER}: in the dataset for its events", "dim"))
    else:
        root.add(_parts((f"{partner.when}  ", "dim"), (partner.marked_designation, f"bold {_tier_style(partner.tier)}"),
                        (bracket(partner.tier, partner.marked_designation or ""), "dim"), ("  current", "bold"),
                        (f" ({partner.occasion})", "dim")))
    footnote = _footnote(dataset, [partner])
    return root if footnote is None else Group(root, footnote)


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


def records_table(title: str, records: Sequence[dict[str, object]], columns: Sequence[str],
                  labels: Mapping[str, str] | None = None) -> RenderableType:
    """Any records as a table of the chosen columns (what `--fields` asks for);
    where the width cannot give each column its longest word, a `key: value`
    block a record, so that no word is split."""
    # The title may hold dataset text (a partner's or a person's name); the
    # console parses no markup, so cleaned text is all it needs.
    heads = [(labels or {}).get(name, name) for name in columns]
    cells = [[cell(record.get(name)) for name in columns] for record in records]
    widest = [max([_longest_word(head)] + [_longest_word(row[index]) for row in cells]) for index, head in
              enumerate(heads)]
    table = Table(title=clean(title), title_justify="left")
    for head, width in zip(heads, widest):
        table.add_column(_text(head), overflow="fold", min_width=width or None)
    for row in cells:
        table.add_row(*(_source(value, style="") for value in row))
    blocks: list[RenderableType] = [_text(title)]
    for row in cells:
        blocks.append(Text(""))
        for head, value in zip(heads, row):
            if value:
                # A word wider than the terminal (a URL) overflows whole rather than fold.
                line = _source(value, style="", indent=clean(f"{head}: "), overflow="ignore")
                line.stylize("bold", 0, len(clean(head)) + 1)
                blocks.append(line)
    # Each column's longest word, its padding of 2 and a border of 1, and the last border.
    return _ByWidth(table, Group(*blocks), sum(width + 3 for width in widest) + 1)


# --- one drawing per kind of view ------------------------------------------------------

def _draw_show(view: View) -> RenderableType:
    tiers = tiers_by_id(view.dataset)
    subject = view.subject
    return Group(*(partner_panel(view.dataset, partner, tiers.get(partner.tier or ""), subject.events[partner.id],
                                 with_sources=view.with_sources)
                   for partner in subject.partners))


def _draw_compare(view: View) -> RenderableType:
    by_name = {field.field: field for field in view.subject.fields}
    shown = [by_name[row["field"]] for row in view.records]
    return compare_table(view.dataset, view.subject.partners, shown, as_of=view.as_of)


DRAWINGS: dict[str, Callable[[View], RenderableType]] = {
    "list": lambda view: partners_table(view.dataset, view.subject, as_of=view.as_of, window=view.window),
    "show": _draw_show,
    "history": lambda view: history_tree(view.dataset, view.subject),
    "timeline": lambda view: timeline_tree(view.subject, {p.id: p.name for p in view.dataset.all_partners},
                                           title=view.title),
    "chart": lambda view: milestone_chart(view.dataset, view.subject, view.window),
    "tiers": lambda view: tiers_tree(view.dataset, view.subject, as_of=view.as_of),
    "compare": _draw_compare,
}


def drawing(view: View) -> RenderableType:
    """The view's own drawing; with --fields (other than compare's rows), a plain
    table of the chosen columns."""
    from .readable import column_labels, readable

    if view.chosen is not None and not view.spec.narrows_rows:
        return records_table(view.title, readable(view, view.records), view.columns, column_labels(view))
    if view.kind in DRAWINGS:
        return DRAWINGS[view.kind](view)
    from .rich_questions import QUESTION_DRAWINGS

    if view.kind in QUESTION_DRAWINGS:
        return QUESTION_DRAWINGS[view.kind](view)
    return records_table(view.title, readable(view, view.records), view.columns, column_labels(view))


class _Capture(io.StringIO):
    """A text buffer that reports the real stdout's encoding, so that Rich
    picks ASCII box characters when the terminal cannot show Unicode ones."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding


def to_text(view: View, terminal: Terminal) -> str:
    """The drawing as text for this terminal: styled only where it shows styles."""
    return console_text(drawing(view), terminal)


def linked_text(text: str, terminal: Terminal) -> str:
    """Lines of text (cite's) as they are, each web address a link where the
    terminal shows them; the lines are not wrapped here, as they were not before."""
    lines = [_source(line, style="", overflow="ignore") for line in text.splitlines()]
    for line in lines:
        line.no_wrap = True
    return console_text(Group(*lines), terminal)


def console_text(renderable: RenderableType, terminal: Terminal) -> str:
    """A renderable as text for this terminal: styled only where it shows styles."""
    buffer = _Capture(terminal.encoding)
    # Both dimensions are given: with only a width, Rich assumes 80 columns under TERM=dumb.
    console = Console(
        file=buffer,
        force_terminal=terminal.styled,
        color_system="auto" if terminal.styled else None,
        width=terminal.width,
        height=terminal.height,
        highlight=False,
        emoji=False,
        markup=False,
    )
    # Not cropped at the width: the one line wider than it is a URL that
    # overflows rather than fold (_source); every other line is drawn to fit.
    console.print(renderable, crop=False)
    return buffer.getvalue()
