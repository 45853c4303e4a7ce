"""Rich renderables: the table or tree of each kind of view (DRAWINGS). Imported
only for that format (a terminal, --format table, or an SVG/HTML export), never
for JSON or plain text.

Every piece of dataset text goes in through `_text`, a rich.text.Text built from
cleaned text: never parsed as markup, so "[bold]" in a name prints as typed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..model import Dataset, Event, Partner, Tier
from ..partialdate import PartialDate
from ..query.groups import ComparedField, TierGroup
from ..query.people import display_names
from ..query.select import tiers_by_id
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


def _count(number: int, noun: str) -> str:
    return f" · {number} {noun}{'' if number == 1 else 's'}"


class _ByWidth:
    """Draw `wide` where it fits, else `narrow`: a table squeezed below its
    minimum width collapses into unreadable slivers, so it becomes a list."""

    def __init__(self, wide: RenderableType, narrow: RenderableType, min_width: int) -> None:
        self.wide, self.narrow, self.min_width = wide, narrow, min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide if options.max_width >= self.min_width else self.narrow


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
    return _text(APPROX_NOTE, "dim") if any(partner.since_approx for partner in partners) else None


def _footnote(dataset: Dataset, partners: Sequence[Partner]) -> Text | None:
    if dataset.policy.asterisk_note and any(partner.asterisk for partner in partners):
        return _text("* " + dataset.policy.asterisk_note, "dim")
    return None


def partners_table(dataset: Dataset, partners: Sequence[Partner],
                   as_of: PartialDate | None = None) -> RenderableType:
    tiers = tiers_by_id(dataset)
    title = "Mongolia's third neighbors" + (f", as of {as_of}" if as_of else "")
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
            _text(partner.marked_designation),
            _text(partner.when or "—"),
            _text(len(partner.notes) or ""),
        ]
        table.add_row(*cells)
    stacked = Group(*(
        _parts((partner.name, "bold"), (f" {partner.iso3}", "dim"), (" · ", ""),
               (_tier_name(tiers, partner.tier), _tier_style(partner.tier)), (" · ", ""),
               (partner.marked_designation, ""), (" · ", ""), (partner.when or "—", ""),
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
        ("Designation", partner.marked_designation or None, ""),
        ("", partner.designation_mn, "dim"),
        ("Since", partner.when, ""),
        ("Occasion", partner.occasion, ""),
        ("Instrument", partner.instrument, ""),
        ("Leaders", joined(display_names(dataset, partner.leaders)) or None, ""),
    ]
    if partner.neighbor:
        rows.append(("Neighbor", "yes: one of Mongolia's two neighbors, not a third neighbor", "magenta"))
    for label, value, style in rows:
        if value is not None:
            facts.add_row(label, _text(value, style))
    if partner.since_approx:
        facts.add_row("", _text(APPROX_NOTE, "dim"))

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
            if with_sources:
                for source in event.sources:
                    node.add(_text(source, "blue"))
    if partner.notes:
        branch = tree.add(_text("Notes", "bold yellow"))
        for note in partner.notes:
            branch.add(_text(note))
    if partner.asterisk and dataset.policy.asterisk_note:
        tree.add(_text("* " + dataset.policy.asterisk_note, "dim"))
    sources = tree.add(_text("Sources of the facts above" if with_sources else "Sources", "bold"))
    for source in partner.sources:
        sources.add(_text(source, "blue"))
    title = _parts((partner.name, "bold"), (f"  [{partner.id}]", "dim"))
    return Panel(Group(facts, Text(""), tree), title=title, title_align="left", expand=False)


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
                designation_node.add(_parts((f"{partner.when or '—'}  ", "dim"), (partner.name, "")))
                shown.append(partner)
    footnotes = [note for note in (_footnote(dataset, shown), _approx_footnote(shown)) if note is not None]
    return Group(root, *footnotes) if footnotes else root


FIELD_LABELS = {
    "tier": "Tier", "designation": "Designation", "since": "Since", "occasion": "Occasion",
    "instrument": "Instrument", "leaders": "Leaders", "earlier_tiers": "Earlier tiers",
    "events": "Events", "neighbor": "Neighbor", "notes": "Notes", "sources": "Sources",
}


def _shown(dataset: Dataset, field: ComparedField) -> list[object]:
    """A compared field's values as a reader wants them: leaders by name, not id."""
    if field.field == "leaders":
        return [display_names(dataset, tuple(value)) for value in field.values]  # type: ignore[arg-type]
    return list(field.values)


def compare_table(dataset: Dataset, partners: Sequence[Partner],
                  fields: Sequence[ComparedField], as_of: PartialDate | None = None) -> RenderableType:
    dated = f", as of {as_of}" if as_of is not None else ""
    table = Table(title=f"Side by side{dated} (differences in bold)", title_justify="left")
    table.add_column("Field", style="bold", no_wrap=True)
    table.add_column("", no_wrap=True)
    # A date ("by 2011-06-16") never splits across lines: each partner's column is
    # at least that wide, and below the width that allows, the stacked form serves.
    date_width = max((len(cell(value)) for field in fields if field.field == "since" for value in field.values),
                     default=0)
    for partner in partners:
        table.add_column(_text(partner.name), overflow="fold", min_width=date_width or None)
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
    # Field labels (13), the mark (1), and a dated column per partner, with borders and padding.
    needed = 13 + 1 + len(partners) * (date_width + 3) + 7
    shown = _ByWidth(table, stacked, max(COMPARE_TABLE_MIN_WIDTH, needed))
    footnote = _footnote(dataset, partners)
    return shown if footnote is None else Group(shown, footnote)



def history_tree(dataset: Dataset, partner: Partner) -> RenderableType:
    """A partner's tiers, oldest first, ending with the current one."""
    tiers = tiers_by_id(dataset)
    root = Tree(_parts((partner.name, "bold"), (f"  [{partner.id}]", "dim")), guide_style="dim")
    for entry in partner.history:
        tier = f" [{entry.tier}]" if entry.tier else " [no tier]"
        extra = "; ".join(part for part in (entry.occasion, entry.note) if part)
        root.add(_parts((f"{entry.when}  ", "dim"), (entry.designation, _tier_style(entry.tier)),
                        (tier, "dim"), (f" ({extra})" if extra else "", "dim")))
    if partner.tier is None:
        root.add(_text(f"{NO_TIER}: in the dataset for its events", "dim"))
    else:
        root.add(_parts((f"{partner.when}  ", "dim"), (partner.marked_designation, f"bold {_tier_style(partner.tier)}"),
                        (f" [{partner.tier}: {tiers[partner.tier].name}]", "dim"), ("  current", "bold"),
                        (f" ({partner.occasion})", "dim")))
    footnote = _footnote(dataset, [partner])
    return root if footnote is None else Group(root, footnote)


# A glyph per tier, so that the grid reads without colour (NO_COLOR, print).
TIER_GLYPHS = {"comprehensive-strategic": "◆", "strategic": "█", "comprehensive": "▒", "expanded": "░"}
SPARE_GLYPHS = "▚▞◼◻▲△"
NO_TIER_GLYPH = "·"


NO_EVENT_PARTNER_GLYPH = "□"  # a milestone that names no partner


def tier_glyphs(dataset: Dataset) -> dict[str | None, str]:
    spare = iter(SPARE_GLYPHS)
    glyphs: dict[str | None, str] = {tier.id: TIER_GLYPHS.get(tier.id) or next(spare, "?") for tier in dataset.tiers}
    glyphs[None] = NO_TIER_GLYPH
    return glyphs



def milestone_chart(dataset: Dataset, years: Sequence[tuple[int, dict[str, int]]]) -> RenderableType:
    """One bar per year, one block per milestone, coloured by tier."""
    order = [tier.id for tier in dataset.tiers] + ["none"]
    names = {tier.id: tier.name for tier in dataset.tiers} | {"none": "no partner named"}
    # A glyph per tier as well as a colour, so that the bars read without colour (NO_COLOR, print).
    glyphs: dict[str, str] = {**{tier_id: glyph for tier_id, glyph in tier_glyphs(dataset).items() if tier_id},
                              "none": NO_EVENT_PARTNER_GLYPH}
    lines: list[RenderableType] = [_text("Milestones per year, by the closest tier of the partners named", "bold")]
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


def records_table(title: str, records: Sequence[dict[str, object]], columns: Sequence[str]) -> RenderableType:
    """Any records as a table of the chosen columns (what `--fields` asks for)."""
    # The title may hold dataset text (a partner's or a person's name); the
    # console parses no markup, so cleaned text is all it needs.
    table = Table(title=clean(title), title_justify="left")
    for name in columns:
        table.add_column(name, overflow="fold")
    for record in records:
        table.add_row(*(_text(cell(record.get(name))) for name in columns))
    return table


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
    "list": lambda view: partners_table(view.dataset, view.subject, as_of=view.as_of),
    "show": _draw_show,
    "history": lambda view: history_tree(view.dataset, view.subject),
    "timeline": lambda view: timeline_tree(view.subject, {p.id: p.name for p in view.dataset.all_partners}),
    "chart": lambda view: milestone_chart(view.dataset, view.subject),
    "tiers": lambda view: tiers_tree(view.dataset, view.subject, as_of=view.as_of),
    "compare": _draw_compare,
}


def drawing(view: View) -> RenderableType:
    """The view's own drawing; with --fields (other than compare's rows), a plain
    table of the chosen columns."""
    if view.chosen is not None and not view.spec.narrows_rows:
        return records_table(view.title, view.records, view.columns)
    if view.kind in DRAWINGS:
        return DRAWINGS[view.kind](view)
    from .rich_questions import QUESTION_DRAWINGS

    if view.kind in QUESTION_DRAWINGS:
        return QUESTION_DRAWINGS[view.kind](view)
    return records_table(view.title, view.records, view.columns)


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
    console.print(drawing(view))
    return buffer.getvalue()
