"""Write src/thirdneighbor/core/fold_table.py: the text fold of the characters a
dataset is mostly written in, worked out once here instead of at the first search
of every process.

thirdneighbor.core.fold folds a character the first time it meets it, through
unicodedata (a few microseconds each); a search meets a few hundred distinct
characters, so a fresh process spent most of a short search filling its table.
This module writes the table for the blocks below, computed by the fold's own
rule (`_fold_character`); tests/test_search_query.py checks every entry against
that rule, so the two cannot drift. Run it again after changing the rule:

    .venv/bin/python tools/make_fold_table.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from thirdneighbor.core.fold import _fold_character  # noqa: E402

# Basic Latin, Latin-1 Supplement, Latin Extended-A; the combining diacritical
# marks; Cyrillic (Mongolian's alphabet); Latin Extended Additional (Vietnamese);
# General Punctuation (dashes, quotation marks, zero-width and direction
# characters); CJK Symbols and Punctuation, Hiragana and Katakana (the quotes of
# Japanese sources).
BLOCKS = ((0x0000, 0x017F), (0x0300, 0x036F), (0x0400, 0x04FF), (0x1E00, 0x1EFF), (0x2000, 0x206F),
          (0x3000, 0x30FF))
# Blocks whose every character folds to itself, checked by the same test rather
# than written out: the CJK Unified Ideographs (Chinese and Japanese quotes).
SAME = ((0x4E00, 0x9FFF),)
OUT = REPO / "src" / "thirdneighbor" / "core" / "fold_table.py"


def main() -> None:
    # Each block as one text, its characters' folds joined by NUL (a character
    # that folds to nothing, so no fold holds it): a string constant loads with
    # the module at a fraction of the cost of a dict literal of 1,400 entries.
    lines = []
    for first, last in BLOCKS:
        folds = [_fold_character(chr(code)) for code in range(first, last + 1)]
        assert not any("\0" in fold for fold in folds)
        lines.append(f"    ({first}, {chr(0).join(folds)!r}),")
    OUT.write_text(
        '"""The text fold of the commonest blocks, precomputed by tools/make_fold_table.py\n'
        'from thirdneighbor.core.fold\'s own rule; do not edit by hand."""\n\n'
        f"BLOCKS = {BLOCKS!r}\n\n"
        "# Every character of these folds to itself.\n"
        f"SAME = {SAME!r}\n\n"
        "# (first code point, the folds of the block's characters joined by NUL)\n"
        "_JOINED = (\n" + "\n".join(lines) + "\n)\n\n"
        "FOLDED: dict[int, str] = {}\n"
        "for _first, _joined in _JOINED:\n"
        "    _folds = _joined.split(chr(0))\n"
        "    FOLDED.update(zip(range(_first, _first + len(_folds)), _folds))\n", encoding="utf-8")
    count = sum(last - first + 1 for first, last in BLOCKS)
    print(f"wrote {OUT.relative_to(REPO)}: {count} characters")


if __name__ == "__main__":
    main()
