"""Dataset text is data: strip what a terminal would act on instead of printing."""

from __future__ import annotations

import re

# C0 and C1 control characters (ESC starts ANSI and OSC sequences), DEL, and the
# bidirectional overrides and isolates that can reorder what a terminal shows.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\t\n\r]+")


def clean(text: str) -> str:
    """Text safe to show in a terminal; tabs and line breaks become single spaces."""
    return _CONTROL.sub("", _LINE_BREAKS.sub(" ", text))


def joined(items: list[str] | tuple[str, ...], separator: str = "; ") -> str:
    return separator.join(clean(item) for item in items)



def markup(text: str, quote: bool = False) -> str:
    """Dataset text for an SVG or HTML file: control characters out (XML forbids
    most of them, and a browser would show them as boxes), then <, > and &
    escaped; quotes too where it goes in an attribute (`quote`)."""
    from html import escape  # only the pictures and the report need it

    return escape(clean(text), quote=quote)
