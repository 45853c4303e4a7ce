"""Rich drawings of the research questions: search results, changes between two
dates, and the tiers-by-year grid. Part of the table format, as rich_views is."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text
from rich.tree import Tree

from ..query.evidence import cited_labels
from ..views.registry import View
from .rich_chart import NO_TIER_GLYPH, tier_glyphs
from .rich_parts import TIER_STYLES, _ByWidth, _longest_word, _parts, _source, _text, _tier_style, _unfolded
from .rich_views import timeline_tree
from ..core.safe import clean

MARK_STYLE = "bold reverse"


def _marked(excerpt: str, marks: Sequence[Sequence[int]]) -> Text:
    """The excerpt with each match styled; every piece is cleaned on its own, so
    the marks stay on the characters they were found at."""
    pieces: list[tuple[object, str]] = []
    at = 0
    for start, end in sorted(marks):
        if start < at:  # overlapping matches of two terms: mark the rest of the second
            start = at
        pieces += [(excerpt[at:start], ""), (excerpt[start:end], MARK_STYLE)]
        at = max(at, end)
    pieces.append((excerpt[at:], ""))
    return _parts(*pieces)


def search_results(view: View) -> RenderableType:
    """Each record, with a branch per field that matched: its excerpt, the matches marked."""
    count = len(view.records)
    dated = f", dated {view.window}" if view.window is not None else ""
    heading = _text(f"{count} record{' matches' if count == 1 else 's match'}{dated}", "bold")
    root = Tree(heading, guide_style="dim")
    flat: list[RenderableType] = [heading]
    needed = 0
    for record in view.records:
        label = record["title"] if record["kind"] == "partner" else f"{record['date']}  {record['title']}"
        head = _parts((f"{record['kind']}  ", "dim"), (label, "bold"),
                      (f"  [{record['id']}]" if record["id"] else "", "dim"))
        node = root.add(head)
        flat.append(_unfolded(head))
        needed = max(needed, 4 + _longest_word(head.plain))
        for match in record["matches"]:
            line = _parts((f"{match['field']}: ", "cyan"))
            line.append_text(_marked(match["excerpt"], match["marks"]))
            node.add(line)
            flat.append(_unfolded(_parts(("  ", "")).append_text(line)))
            needed = max(needed, 8 + _longest_word(line.plain))
    # Where a word (a long address in a source) does not fit beside the tree's
    # guides, the tree would split it: the same lines without guides instead.
    return _ByWidth(root, Group(*flat), needed)


def changes_drawing(view: View) -> RenderableType:
    """One entry per partner (name, change, old → new designation, date, and
    the occasion on a line of its own), then the events between: lines rather
    than a table, so that they read at any width."""
    subject = view.subject
    lines: list[RenderableType] = [_text(view.title, "bold")]
    for record in view.records:
        when = ("by " if record["since_approx"] else "") + (record["since"] or "")
        lines.append(_parts(
            (record["name"], "bold"), (f"  {record['change']}  ", "dim"),
            (record["from_designation"] or "no tier", _tier_style(record["from_tier"])), (" → ", "dim"),
            (record["to_designation"] or "no tier", _tier_style(record["to_tier"])),
            (f"  {when}" if when else "", "")))
        if record["occasion"]:
            lines.append(Padding(_text(record["occasion"], "dim"), (0, 0, 0, 4)))
    if not view.records:
        lines.append(_text("No partner's tier or designation changed.", "dim"))
    lines.append(timeline_tree(subject.events, {p.id: p.name for p in view.dataset.all_partners},
                               title=f"Events from {subject.window}"))
    return Group(*lines)


# --- the tiers-by-year grid --------------------------------------------------------------

NAME_WIDTH = 16


class SeriesGrid:
    """Partners by years, one character a column; where the years do not fit
    the width, runs of years in which no partner changed share a column."""

    def __init__(self, view: View) -> None:
        self.view = view

    def columns(self, width: int) -> list[tuple[int, int]]:
        """(first, last) years of each column; a column shows the tier at the end of its last year."""
        years = list(self.view.subject.years)
        if NAME_WIDTH + 1 + len(years) <= width:
            return [(year, year) for year in years]
        rows = [values for _, values in self.view.subject.rows]
        runs: list[tuple[int, int]] = []
        for index, year in enumerate(years):
            same = index > 0 and all(values[index] == values[index - 1] for values in rows)
            if same:
                runs[-1] = (runs[-1][0], year)
            else:
                runs.append((year, year))
        return runs

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        subject, dataset = self.view.subject, self.view.dataset
        glyphs = tier_glyphs(dataset)
        columns = self.columns(options.max_width)
        # Where even the merged columns do not fit, the names give way first (to
        # 6 letters), then the earliest columns.
        name_width = max(6, min(NAME_WIDTH, options.max_width - 1 - len(columns)))
        cut = max(0, len(columns) + name_width + 1 - options.max_width)
        columns = columns[cut:]
        years = list(subject.years)
        where = {year: index for index, year in enumerate(years)}
        yield _text(self.view.title, "bold")
        yield self._header(columns, name_width)
        for partner, values in subject.rows:
            line = _text(clean(partner.name)[:name_width].ljust(name_width + 1))
            for _, last in columns:
                tier = values[where[last]]
                line.append(glyphs[tier], style=TIER_STYLES.get(tier or "", "dim"))
            yield line
        key = _text("Key: ")
        shown = {tier for _, values in subject.rows for tier in values}
        for tier in dataset.tiers:
            if tier.id in shown:
                key.append(glyphs[tier.id], style=TIER_STYLES.get(tier.id, ""))
                key.append(f" {clean(tier.name)}  ")
        key.append(f"{NO_TIER_GLYPH} no tier", style="dim")
        yield key
        if cut:
            yield _text(f"The earliest {cut} columns do not fit this width; widen the terminal or use --since.", "dim")
        if len(columns) + cut < len(years):
            yield _text("Years in which no partner changed share a column; each column shows the tier at the end "
                        "of its last year.", "dim")

    @staticmethod
    def _header(columns: list[tuple[int, int]], name_width: int) -> Text:
        """Years above the columns they start: the first, then each decade where there is room."""
        cells = [" "] * len(columns)
        free_from = 0
        for index, (first, last) in enumerate(columns):
            decade = next((year for year in range(first, last + 1) if year % 10 == 0), None)
            label = str(first) if index == 0 else (str(decade) if decade is not None else None)
            if label is not None and index >= free_from and index + len(label) <= len(columns):
                cells[index:index + len(label)] = list(label)
                free_from = index + len(label) + 1
        return _text(" " * (name_width + 1) + "".join(cells), "dim")


def person_tree(view: View) -> RenderableType:
    person = view.subject.person
    names = {partner.id: partner.name for partner in view.dataset.all_partners}
    heading = _parts((person.name, "bold"), (f"  {person.name_mn}" if person.name_mn else "", ""),
                     (f"  [{person.id}]", "dim"))
    root = Tree(heading, guide_style="dim")
    if person.role:
        root.add(_parts(("Role: ", "bold"), (person.role, "")))
    if person.variants:
        root.add(_parts(("Also written: ", "bold"), ("; ".join(person.variants), "")))
    found = root.add(_text(f"Named in {len(view.records)} occasions and events", "bold"))
    for record in view.records:
        where = ", ".join(names.get(pid, pid) for pid in record["partners"])
        made = f" → {record['designation']}" if record["designation"] else ""
        found.add(_parts((f"{record['date']}  ", "dim"), (f"{record['kind']}: ", "cyan"), (record["text"], ""),
                         (made, "dim"), (f" ({where})" if where else "", "cyan")))
    if not person.sources:
        return root
    # The sources in the tree where each fits beside its guide (4 columns a
    # level), else below it, a line each, so that no address is broken.
    sources = cited_labels(view.dataset, person.sources)
    below: list[RenderableType] = [_text("Sources", "bold")]
    below += [_source(source, "dim", indent="  ", overflow="ignore") for source in sources]
    needed = max(8 + _longest_word(source) for source in sources)
    inside = root.add(_text("Sources", "bold"))
    for source in sources:
        inside.add(_source(source, "dim"))
    return _ByWidth(root, Group(_tree_without_last(root), *below), needed)


def _tree_without_last(tree: Tree) -> Tree:
    """The tree without its last branch (the sources, drawn apart)."""
    copy = Tree(tree.label, guide_style=tree.guide_style)
    copy.children = tree.children[:-1]
    return copy


QUESTION_DRAWINGS: dict[str, Callable[[View], RenderableType]] = {
    "person": person_tree,
    "search": search_results,
    "changes": changes_drawing,
    "series": SeriesGrid,
}
