"""The pieces every Rich drawing is made of: dataset text as rich.text.Text (`_text`,
built from cleaned text, never parsed as markup, so "[bold]" in a name prints as
typed), links, the tier styles, widths that adapt, and the shared footnotes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.style import Style
from rich.text import Text

from ..core.language import N_, _, _n
from ..core.safe import clean
from ..core.written_dates import written_date
from ..data.model import Dataset, Partner, Tier
from .pictures.palette import TERMINAL_STYLES

# One palette for every picture (render.pictures.palette): ANSI colour names here,
# which an SVG or HTML export maps to the palette's inks.
TIER_STYLES = TERMINAL_STYLES


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


def _notes_count(number: int) -> str:
    return " · " + _n("{count} note", "{count} notes", number).format(count=number)


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


NO_TIER = N_("no tier (other relation)")
APPROX_NOTE = N_("by DATE: the tie was in force by that date, the earliest a source shows; "
                 "it began earlier, on a date the sources do not confirm.")


def _tier_name(tiers: dict[str, Tier], tier_id: str | None) -> str:
    return tiers[tier_id].name if tier_id is not None else _(NO_TIER)




def _approx_footnote(partners: Sequence[Partner]) -> Text | None:
    shown = any(partner.since_approx or partner.tier_since_approx for partner in partners)
    return _text(_(APPROX_NOTE), "dim") if shown else None


def _renamed(partner: Partner, label: str = "") -> str:
    """The date of a designation newer than the tier it renamed, to follow the
    designation: " (since 2022-11-29)", " (by 2011)" for an "in force by" date;
    "" where the two dates are one."""
    if not partner.renamed_since:
        return ""
    when = written_date(partner.when) if partner.since_approx else _("since {date}").format(
        date=written_date(partner.since))
    return f" ({label}{when})"


def _footnote(dataset: Dataset, partners: Sequence[Partner]) -> Text | None:
    if dataset.policy.asterisk_note and any(partner.asterisk for partner in partners):
        return _text("* " + dataset.policy.asterisk_note, "dim")
    return None
