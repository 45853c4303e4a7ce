"""Rich renderables: the table or tree of each kind of record view (list, show,
history, timeline, tiers, compare, and a plain table of chosen fields). Imported
only for that format (a terminal, --format table, or an SVG/HTML export), never
for JSON or plain text; rich_draw.py picks the drawing for a view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..data.model import Dataset, Event, Partner, Tier
from ..data.partialdate import PartialDate
from ..query.groups import ComparedField, TierGroup, no_tier_label
from ..query.evidence import cited_labels
from ..query.people import display_names
from ..query.select import tiers_by_id
from ..query.window import Window
from ..core.language import N_, _, _n, current
from ..core.safe import clean, joined
from ..core.written_dates import written_date
from .rich_evidence import evidence_lines
from .text import cell
from .rich_parts import (APPROX_NOTE, COMPARE_TABLE_MIN_WIDTH, LIST_TABLE_MIN_WIDTH, _approx_footnote,
                         _ByWidth, _footnote, _longest_word, _notes_count, _parts, _renamed, _source, _text,
                         _tier_name, _tier_style)

# Why a partner without a tier is in the dataset, by whether it is an organisation.
_NO_TIER_WHY = {False: N_(": in the dataset for its events"), True: N_(": a multilateral third neighbor")}

def partners_table(dataset: Dataset, partners: Sequence[Partner],
                   as_of: PartialDate | None = None, window: Window | None = None) -> RenderableType:
    tiers = tiers_by_id(dataset)
    title = (_("Mongolia's third neighbors") + (_(", as of {date}").format(date=written_date(as_of)) if as_of else "")
             + (_(", dated {window}").format(window=window) if window else ""))
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column(_("Partner"), overflow="fold")
    table.add_column("ISO", no_wrap=True)
    table.add_column(_("Tier"), overflow="fold")
    table.add_column(_("Designation"), overflow="fold")
    table.add_column(_("Since"), no_wrap=True)
    table.add_column(_("Notes"), justify="right", no_wrap=True)
    for partner in partners:
        style = _tier_style(partner.tier)
        cells = [
            _text(partner.name, "bold"),
            _text(partner.iso3 or "—"),
            _text(_tier_name(tiers, partner.tier) if partner.tier else no_tier_label(partner), style),
            _parts((partner.marked_designation, ""), (_renamed(partner), "dim")),
            _text(written_date(partner.tier_when) or "—"),
            _text(len(partner.notes) or ""),
        ]
        table.add_row(*cells)
    stacked = Group(*(
        _parts((partner.name, "bold"), (f" {partner.iso3}" if partner.iso3 else "", "dim"), (" · ", ""),
               (_tier_name(tiers, partner.tier) if partner.tier else no_tier_label(partner), _tier_style(partner.tier)),
               (" · ", ""),
               (partner.marked_designation, ""), (_renamed(partner), "dim"), (_(" · since "), ""),
               (written_date(partner.tier_when) or "—", ""),
               (_notes_count(len(partner.notes)) if partner.notes else "", "dim"))
        for partner in partners
    ))
    lines: list[RenderableType] = [_ByWidth(table, stacked, LIST_TABLE_MIN_WIDTH)]
    for footnote in (_footnote(dataset, partners), _approx_footnote(partners)):
        if footnote is not None:
            lines.append(footnote)
    if any(partner.notes for partner in partners):
        lines.append(_text(_("Notes: caveats on the record; see `thirdneighbor show ID`."), "dim"))
    lines.append(_text(_n("{count} partner · dataset as of {date}", "{count} partners · dataset as of {date}",
                          len(partners)).format(count=len(partners), date=written_date(dataset.as_of)), "dim"))
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
    # The names in the other language: Mongolian under English, English under
    # Mongolian (render.localized swaps them into the `_mn` fields).
    other_names = N_("In Mongolian") if current() == "en" else N_("In English")
    rows: list[tuple[str, object, str]] = [
        (N_("Official name"), partner.official_name, ""),
        (N_("ISO codes"), " / ".join(code for code in (partner.iso2, partner.iso3, partner.iso_numeric) if code)
         or None, ""),
        ("Wikidata", partner.wikidata, ""),
        (N_("CoW / GW codes"), _state_codes(partner), ""),
        (N_("Also known as"), joined(partner.aliases) or None, ""),
        (other_names, joined(list(dict.fromkeys(name for name in (partner.name_mn, partner.official_name_mn,
                                                                  *partner.aliases_mn) if name))) or None, ""),
        (N_("Tier"), f"{tier.name} ({tier.id})" if tier else no_tier_label(partner) + _(_NO_TIER_WHY[partner.is_organisation]),
         _tier_style(partner.tier)),
        (N_("Since"), written_date(partner.tier_when) or None, ""),
        (N_("Designation"), partner.marked_designation or None, ""),
        ("", partner.designation_mn, "dim"),
        (N_("Designation since"), written_date(partner.when) if partner.renamed_since else None, ""),
        (N_("Occasion"), partner.occasion, ""),
        (N_("Instrument"), partner.instrument, ""),
        (N_("Leaders"), joined(display_names(dataset, partner.leaders)) or None, ""),
    ]
    if partner.neighbor:
        rows.append((N_("Neighbor"), _("yes: one of Mongolia's two neighbors, not a third neighbor"), "magenta"))
    for label, value, style in rows:
        if value is not None:
            facts.add_row(_(label) if label else "", _text(value, style))
    if partner.since_approx or partner.tier_since_approx:
        facts.add_row("", _text(_(APPROX_NOTE), "dim"))

    title = _parts((partner.name, "bold"), (f"  [{partner.id}]", "dim"))
    own = cited_labels(dataset, partner.sources)
    boxed = Panel(Group(facts, Text(""), _record_tree(dataset, partner, events, with_sources, inside=True)),
                  title=title, title_align="left", expand=False)
    # Where a source's longest word (a URL) does not fit its line in the box (a
    # tree guide of 4 columns a level, the panel's border and padding of 4), the
    # box would fold it: the sources go below the box instead, a line each,
    # where a URL wider than the terminal overflows whole.
    needed = 4 + max([8 + _longest_word(source) for source in own]
                     + [12 + _longest_word(source) for event in events if with_sources
                        for source in cited_labels(dataset, event.sources)],
                     default=0)
    box = Panel(Group(facts, Text(""), _record_tree(dataset, partner, events, with_sources, inside=False)),
                title=title, title_align="left", expand=False)
    unboxed: list[RenderableType] = [box, _text(_sources_heading(with_sources), "bold")]
    unboxed += [_source(source, indent="  ", overflow="ignore") for source in own]
    if with_sources and any(event.sources for event in events):
        unboxed.append(_text(_("Sources of each event"), "bold"))
    for event in events if with_sources else ():
        if event.sources:
            unboxed.append(_parts((f"{written_date(event.date)}  ", "bold"), (event.title, "bold")))
            unboxed += [_source(source, indent="  ", overflow="ignore")
                        for source in cited_labels(dataset, event.sources)]
    panel = _ByWidth(boxed, Group(*unboxed), needed)
    return Group(panel, *evidence_lines(dataset, partner, events)) if with_sources else panel


def _record_tree(dataset: Dataset, partner: Partner, events: Sequence[Event], with_sources: bool,
                 inside: bool) -> Tree:
    """Earlier tiers, events, notes and, `inside` the box, the sources."""
    tree = Tree(_text(_("Record"), "bold"), guide_style="dim")
    if partner.history:
        history = tree.add(_text(_("Earlier tiers"), "bold"))
        for entry in partner.history:
            extra = "; ".join(part for part in (entry.occasion, entry.note) if part)
            history.add(_parts((f"{written_date(entry.when)}  ", ""),
                               (entry.designation, _tier_style(entry.tier)),
                               (f" ({extra})" if extra else "", "dim")))
    if events:
        branch = tree.add(_text(_("Events ({count})").format(count=len(events)), "bold"))
        for event in events:
            node = branch.add(_text(f"{written_date(event.date)}  {clean(event.title)}"))
            if with_sources and inside:
                for source in cited_labels(dataset, event.sources):
                    node.add(_source(source))
    if partner.notes:
        branch = tree.add(_text(_("Notes"), "bold yellow"))
        for note in partner.notes:
            branch.add(_text(note))
    if partner.asterisk and dataset.policy.asterisk_note:
        tree.add(_text("* " + dataset.policy.asterisk_note, "dim"))
    if inside:
        sources = tree.add(_text(_sources_heading(with_sources), "bold"))
        for source in cited_labels(dataset, partner.sources):
            sources.add(_source(source))
    return tree


def _sources_heading(with_sources: bool) -> str:
    return _("Sources of the facts above") if with_sources else _("Sources")


def timeline_tree(events: Sequence[Event], names: dict[str, str], title: str | None = None) -> RenderableType:
    root = Tree(_text(title or _("Third Neighbor Policy timeline"), "bold"), guide_style="dim")
    year_node: Tree | None = None
    current_year: int | None = None
    for event in events:
        if event.date.year != current_year:
            current_year = event.date.year
            year_node = root.add(_text(current_year, "bold"))
        assert year_node is not None
        involved = f" ({', '.join(names[p] for p in event.partners)})" if event.partners else ""
        year_node.add(_parts((f"{written_date(event.date)}  ", "dim"), (event.title, ""), (involved, "cyan")))
    if not events:
        root.add(_text(_("no events match"), "dim"))
    return root


def tiers_tree(dataset: Dataset, groups: Sequence[TierGroup], as_of: PartialDate | None = None) -> RenderableType:
    title = _("Partnership tiers, closest first") + (_(", as of {date}").format(date=written_date(as_of))
                                                      if as_of else "")
    root = Tree(_text(title, "bold"), guide_style="dim")
    shown: list[Partner] = []
    for group in groups:
        style = _tier_style(group.tier.id)
        tier_node = root.add(_parts((f"{group.tier.rank}. {group.tier.name}", f"bold {style}"),
                                    (f"  [{group.tier.id}]  {group.tier.description}", "dim")))
        if not group.designations:
            tier_node.add(_text(_("no partners"), "dim"))
        for designation in group.designations:
            designation_node = tier_node.add(_text(designation.designation, "bold"))
            for partner in designation.partners:
                # The date is the tier's; a newer designation's follows the name.
                designation_node.add(_parts((f"{written_date(partner.tier_when) or '—'}  ", "dim"),
                                            (partner.name, ""), (_renamed(partner, _("this designation ")), "dim")))
                shown.append(partner)
    footnotes = [note for note in (_footnote(dataset, shown), _approx_footnote(shown)) if note is not None]
    return Group(root, *footnotes) if footnotes else root


FIELD_LABELS = {
    "tier": N_("Tier"), "tier_since": N_("Since"), "designation": N_("Designation"), "since": N_("Designation since"),
    "occasion": N_("Occasion"),
    "instrument": N_("Instrument"), "leaders": N_("Leaders"), "earlier_tiers": N_("Earlier tiers"),
    "events": N_("Events"), "neighbor": N_("Neighbor"), "notes": N_("Notes"), "sources": N_("Sources"),
}


def _field_label(field: str) -> str:
    return _(FIELD_LABELS[field]) if field in FIELD_LABELS else field


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
    dated = _(", as of {date}").format(date=written_date(as_of)) if as_of is not None else ""
    table = Table(title=_("Side by side{dated} (differences in bold)").format(dated=dated), title_justify="left")
    table.add_column(_("Field"), style="bold", no_wrap=True)
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
            _field_label(field.field),
            _text("=" if field.same else "≠", style),
            # The newline only stacks a list's items in the cell; each item is cleaned.
            *(Text("\n".join(clean(line) for line in cell(value, "\n", "—").split("\n")), style=style)
              for value in _shown(dataset, field)),
        )
    stacked = Group(*(
        _parts((f"{_field_label(field.field)}: ", "bold"),
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
            return _(" [no tier]")
        name = tiers[tier_id].name  # type: ignore[index]
        return "" if name.casefold() == designation.removesuffix("*").casefold() else f" [{name}]"

    for entry in partner.history:
        tier = bracket(entry.tier, entry.designation)
        extra = "; ".join(part for part in (entry.occasion, entry.note) if part)
        root.add(_parts((f"{written_date(entry.when)}  ", "dim"), (entry.designation, _tier_style(entry.tier)),
                        (tier, "dim"), (f" ({extra})" if extra else "", "dim")))
    if partner.tier is None:
        root.add(_text(no_tier_label(partner) + _(_NO_TIER_WHY[partner.is_organisation]), "dim"))
    else:
        root.add(_parts((f"{written_date(partner.when)}  ", "dim"),
                        (partner.marked_designation, f"bold {_tier_style(partner.tier)}"),
                        (bracket(partner.tier, partner.marked_designation or ""), "dim"), (_("  current"), "bold"),
                        (f" ({partner.occasion})", "dim")))
    footnote = _footnote(dataset, [partner])
    return root if footnote is None else Group(root, footnote)


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
