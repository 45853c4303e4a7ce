"""One text fold for search: what a text is compared as, with the way back.

A character folds on its own, whatever stands beside it:

- what output cleaning (core.safe.clean) removes goes (zero-width and
  bidirectional controls, other control characters, lone surrogates), and a
  tab or line break becomes a space, as it does on output;
- otherwise it is case-folded and decomposed as Unicode's compatibility
  caseless match does it (NFKD and casefold), and loses every combining mark
  (a character with a canonical combining class): "Ü" is "u", "ß" is "ss",
  "ﬁ" is "fi", "ᾳ" is "αι", the Arabic shadda and fatha go;
- dashes and "_" become spaces, and the typographic apostrophes (’ ʼ) are "'".

Because every character folds on its own, `folded` gives each folded character
the index of the character it came from, and a match found in the folded text
can be marked in the original. Because the marks that normalisation reorders
(those with a combining class) are all dropped, the order they were typed in
does not matter: canonically equivalent texts fold alike, so a match, its
rank and its excerpt cannot disagree. `fold` and `folded` read one table;
`fold` lets str.translate walk it in C, and so does `folded` where every
character folds to one. ASCII needs no table: its fold is two byte tables
(`fold_ascii`), and the table is built at the first text outside ASCII.
"""

from __future__ import annotations

# Typographic apostrophes people type or paste for "'": "Italy’s" is "Italy's".
_APOSTROPHES = frozenset("\u2019\u02bc")


def _fold_character(character: str) -> str:
    # The output cleaning rule, a character at a time: the same ranges as
    # core.safe.clean, without compiling its pattern (0.35 ms) at first use.
    from .safe import cleaned_character

    cleaned = cleaned_character(character)
    if cleaned != character:
        return cleaned  # "" for a control, " " for a tab or a line break
    if character.isascii():  # what the steps below come to for ASCII, at a tenth of the cost
        return " " if character in "-_" else character.lower()
    import unicodedata

    # Unicode's compatibility caseless match (NFKD(casefold(NFKD(casefold(NFD(c)))))),
    # then without the marks: "ᾳ" is "αι", as "ΑΙ" is.
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", unicodedata.normalize(
        "NFD", character).casefold()).casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return "".join(" " if c == "_" or unicodedata.category(c) == "Pd" else "'" if c in _APOSTROPHES else c
                   for c in text)


class _Table(dict[int, str]):
    """Code point -> folded text. The commonest blocks (Latin, Cyrillic, the
    combining marks, general punctuation, kana) come precomputed from fold_table.py,
    and the CJK ideographs are known to fold to themselves:
    working them out at their first use took most of a short search in a fresh
    process. Any other character is worked out at its first use."""

    def __missing__(self, code: int) -> str:
        from .fold_table import SAME

        character = chr(code)
        same = any(first <= code <= last for first, last in SAME)
        folded = self[code] = character if same else _fold_character(character)
        return folded


_TABLE: _Table | None = None


def _table() -> _Table:
    """The table, built at its first use: a search for an ASCII word, in texts
    the search index says fold one for one, never needs it (importing and
    building it is about 0.5 ms of such a search's start-up)."""
    global _TABLE
    if _TABLE is None:
        from .fold_table import FOLDED

        _TABLE = _Table(FOLDED)
    return _TABLE


def fold(text: str) -> str:
    """The text folded for comparison (the rule is in the module's docstring)."""
    return fold_ascii(text) if text.isascii() else text.translate(_table())


# ASCII folds by the same rule as _TABLE's first 128 entries (tests/test_search_query.py
# holds them equal), written out as byte tables: bytes.translate is one C pass
# with no dict look-up, where str.translate looks each distinct character up
# in _TABLE again at every call.
_ASCII_TABLE = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ\t\n\x0b\x0c\r\x1c\x1d\x1e-_",
                               b"abcdefghijklmnopqrstuvwxyz" + b" " * 10)
_ASCII_DROPPED = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x1C)) + b"\x1f\x7f"


def fold_ascii(text: str) -> str:
    """`fold(text)` for an ASCII text (text.isascii() must hold), faster on long texts."""
    return text.encode("ascii").translate(_ASCII_TABLE, _ASCII_DROPPED).decode("ascii")


# Between the texts fold_each folds in one call: ASCII that folds to itself.
_JOINER = "|"


def fold_each(texts: list[str]) -> list[str]:
    """Each text folded, in at most two calls: one for the ASCII texts, by
    fold_ascii's byte tables, and one for the rest. Folding goes
    character by character, so a joined text folds to the joined folds; the
    joiner splits them again, unless a text holds it (or a character that
    folds to it), when each is folded on its own."""
    keys: list[str] = [""] * len(texts)
    for wanted in (True, False):
        indexes = [i for i, text in enumerate(texts) if text.isascii() is wanted]
        if not indexes:
            continue
        joined = _JOINER.join([texts[i] for i in indexes])
        pieces = (fold_ascii(joined) if wanted else fold(joined)).split(_JOINER)
        if len(pieces) != len(indexes):
            pieces = [fold(texts[i]) for i in indexes]
        for i, piece in zip(indexes, pieces):
            keys[i] = piece
    return keys


# A folded text, and for each of its characters the index in the original of
# the character it came from. A plain tuple: a NamedTuple class costs about 1
# million instructions to create, at the start-up of every search.
Folded = tuple[str, "range | list[int]"]


def folded(text: str, known: str | None = None, even: bool | None = None) -> Folded:
    """`fold(text)`, with the way back to the original: (folded text, origin).
    `known` is the text's fold where the caller has it already, and `even`
    whether it folds one for one (`one_for_one`), where the caller knows."""
    if text.isascii():
        result = fold_ascii(text) if known is None else known
        even = len(result) == len(text)  # an ASCII character folds to one, or to none (a control)
    else:
        result = text.translate(_table()) if known is None else known
        if even is None:
            even = one_for_one(text)
    if even:
        return result, range(len(text))  # one character for one: the common case, "ü" as "u"
    table = _table()
    origin: list[int] = []
    for index, character in enumerate(text):
        origin += [index] * len(table[ord(character)])
    return result, origin


def one_for_one(text: str) -> bool:
    """Whether every character of the text folds to exactly one."""
    table = _table()
    # Each distinct character looked up once, not each character of the text.
    return all(len(table[ord(character)]) == 1 for character in set(text))


def strip_accents(text: str) -> str:
    """"Khürelsükh" -> "Khurelsukh": the letters without their combining marks,
    in their case; for showing a name where the locale cannot (comparing
    names is normalize's, through thirdneighbor.core.fold)."""
    import unicodedata  # only text outside ASCII needs it

    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
