"""Dataset text is data: strip what a terminal would act on instead of printing.

One rule for every output channel: `clean` for the terminal, plain text, CSV,
TSV and Markdown (and shell completion); `markup` for SVG and HTML; and the
JSON encoder (json_text) escapes the same characters (U+202E as \\u202e).
"""

from __future__ import annotations

import os
import re

# Beyond the C0 controls (which json.dumps escapes itself): DEL and the C1
# controls (0x9b is a one-byte CSI), the Arabic letter mark, the zero-width
# spaces, joiners and direction marks (U+200B-U+200F), the line and paragraph
# separators, the bidirectional embeddings, overrides and isolates that can
# reorder what a terminal shows, and the byte order mark (a zero-width no-break
# space inside text). json_text escapes exactly these. One list of ranges gives
# both the pattern's class (ACTIVE_FORMAT) and the characters one by one.
_ACTIVE_RANGES = ((0x7F, 0x9F), (0x61C, 0x61C), (0x200B, 0x200F), (0x2028, 0x2029), (0x202A, 0x202E),
                  (0x2066, 0x2069), (0xFEFF, 0xFEFF))
ACTIVE_FORMAT = "".join(chr(first) if first == last else f"{chr(first)}-{chr(last)}"
                        for first, last in _ACTIVE_RANGES)
# Characters XML 1.0 forbids even escaped: an SVG or HTML export stays well formed.
_NOT_XML = "\ufffe\uffff\ud800-\udfff"
# All of them, a run at a time. One pattern: text that holds none (nearly all
# text) costs one fast search and is returned as it is. The patterns are
# compiled at their first use, not at import: compiling a class of Unicode
# ranges takes about 0.35 ms, and a command that cleans nothing (a --json
# answer needs only the second) should not pay for it at start-up.
_UNSAFE_SOURCE = f"[\x00-\x1f{ACTIVE_FORMAT}{_NOT_XML}]+"
_ACTIVE_SOURCE = f"[{ACTIVE_FORMAT}]"
_unsafe: re.Pattern[str] | None = None
_active: re.Pattern[str] | None = None
# The same characters one by one, for texts shorter than _SHORT: 51 scans of a
# 20 KB answer take 0.02 ms, where the pattern costs 0.35 ms to compile.
_ACTIVE_CHARACTERS = "".join(chr(code) for first, last in _ACTIVE_RANGES for code in range(first, last + 1))
_SHORT = 1 << 18
# A tab, and every character at which str.splitlines breaks a line.
_BREAKS = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029")


def _replacement(match: re.Match[str]) -> str:
    # A run holding a tab or a line break (U+2028 and U+2029 included) keeps the words apart.
    return "" if _BREAKS.isdisjoint(match.group()) else " "


def clean(text: str) -> str:
    """Text safe to show in a terminal; tabs and line breaks become single spaces,
    every other control, format or bidirectional character goes."""
    global _unsafe
    if _unsafe is None:
        _unsafe = re.compile(_UNSAFE_SOURCE)
    if _unsafe.search(text) is None:
        return text
    return _unsafe.sub(_replacement, text)


_DROPPED_ONE_BY_ONE: frozenset[str] | None = None


def cleaned_character(character: str) -> str:
    """clean() of one character, without the pattern (whose compiling costs
    0.35 ms): the text fold asks it of every distinct character it meets. The
    same ranges; a test holds it to clean() for every code point of the BMP."""
    global _DROPPED_ONE_BY_ONE
    if character in _BREAKS:
        return " "
    if _DROPPED_ONE_BY_ONE is None:
        _DROPPED_ONE_BY_ONE = frozenset(chr(code) for code in range(0x20)) | frozenset(_ACTIVE_CHARACTERS) \
            | frozenset("\ufffe\uffff")
    if character in _DROPPED_ONE_BY_ONE or "\ud800" <= character <= "\udfff":
        return ""
    return character


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escaped_active(text: str) -> str:
    """JSON or TOML text with the characters a terminal acts on (ACTIVE_FORMAT)
    written as \\u escapes (\\u202e). Both formats can hold them only inside strings,
    where the escape means the same character: a parser reads the same value,
    and a terminal shows the escape instead of obeying it."""
    if text.isascii():  # known without reading the text; of these characters only DEL is ASCII
        return text.replace("\x7f", "\\u007f")
    if len(text) < _SHORT and not any(character in text for character in _ACTIVE_CHARACTERS):
        return text  # a few fast scans of a short text cost less than compiling the pattern
    global _active
    if _active is None:
        _active = re.compile(_ACTIVE_SOURCE)
    # Nearly all text holds none of them: one fast search, and the text unchanged.
    return text if _active.search(text) is None else _active.sub(_escape, text)


def joined(items: list[str] | tuple[str, ...], separator: str = "; ") -> str:
    return separator.join(clean(item) for item in items)


# A cell that begins with one of these is a formula to a spreadsheet (=, + and -
# start one, @ calls a function; a tab or carriage return hides one behind it).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """A text cell for CSV or TSV that no spreadsheet runs as a formula: where it
    begins like one, a single quote goes first, as OWASP recommends. Numbers
    are not text cells and do not come here."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def shown(path: str | os.PathLike[str]) -> str:
    """A path for a message: as it is, or, where it holds a line break, a control
    character or bytes that are not UTF-8, quoted with escapes, so that the
    message stays one line and names the file that was meant."""
    text = os.fspath(path)
    return text if clean(text) == text else repr(text)


def markup(text: str, quote: bool = False) -> str:
    """Dataset text for an SVG or HTML file: control characters out (XML forbids
    most of them, and a browser would show them as boxes), then <, > and &
    escaped; quotes too where it goes in an attribute (`quote`)."""
    from html import escape  # only the pictures and the report need it

    return escape(clean(text), quote=quote)
