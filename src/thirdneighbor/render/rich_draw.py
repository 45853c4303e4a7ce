"""The drawing of each kind of view (DRAWINGS, and the questions' drawings in
rich_questions.py), and the one way a drawing becomes text for a terminal."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType

from ..query.select import tiers_by_id
from ..views.registry import View
from .rich_chart import milestone_chart
from .rich_parts import _source
from .rich_views import (compare_table, history_tree, partner_panel, partners_table, records_table, tiers_tree,
                         timeline_tree)

if TYPE_CHECKING:
    from . import Terminal

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
