"""Look-alike letters: the key under which two names that read the same are one name.

`validate` refuses two partners (or two people) with names that a reader cannot
tell apart: "United Stаtes" with a Cyrillic "а" beside "United States", or
"In\\u200bdia" (a zero-width space inside) beside "India". `skeleton` is the
key for that comparison: the name folded as look-ups fold it (names.normalize:
case, accents, punctuation), after invisible characters are dropped and
look-alike letters are read as the ASCII letters they imitate.

The mapping is a subset of Unicode's confusables data (confusables.txt of
Unicode Security Mechanisms, UTS #39, version 14.0.0): every entry whose source
is a letter of Latin-1 Supplement to Latin Extended-B (U+0080-U+024F), Greek
(U+0370-U+03FF) or Cyrillic (U+0400-U+052F) and whose target is ASCII letters or
digits (an apostrophe in a target is kept; normalize drops it). The tool never
downloads the file; the pairs are listed here, one a line, and
tests/test_validate.py checks the table's shape. ASCII is left as it is: "0"
and "O", or "rn" and "m", stay different, since names hold digits and such
pairs would refuse real names. For the same reason, one kind of entry departs
from the file: Unicode reads the capital-I look-alikes (Greek capital iota,
Cyrillic "І" and palochka, Latin capital iota, and the "I" in "Ю" and "Ĳ") as
"l", since it also reads the ASCII "I" as "l"; here, where ASCII stays as it
is and keys are case-folded, they are read as "I", the letter they are taken
for. Mongolian Cyrillic names do differ from English ones under this mapping
("Япон" reads as "Япoн", not "Japan"), so the bundled data still validates.
"""

from __future__ import annotations

from .names import normalize

LOOK_ALIKES = {
    # Latin letters outside ASCII
    "\u00c6": 'AE',  # latin capital letter ae
    "\u00e6": 'ae',  # latin small letter ae
    "\u0131": 'i',  # latin small letter dotless i
    "\u0132": 'IJ',  # latin capital ligature ij (Unicode: 'lJ'; see above)
    "\u0133": 'ij',  # latin small ligature ij
    "\u0149": "'n",  # latin small letter n preceded by apostrophe
    "\u0152": 'OE',  # latin capital ligature oe
    "\u0153": 'oe',  # latin small ligature oe
    "\u017f": 'f',  # latin small letter long s
    "\u0181": "'B",  # latin capital letter b with hook
    "\u0184": 'b',  # latin capital letter tone six
    "\u0187": "C'",  # latin capital letter c with hook
    "\u018a": "'D",  # latin capital letter d with hook
    "\u018d": 'g',  # latin small letter turned delta
    "\u0193": "G'",  # latin capital letter g with hook
    "\u0196": 'I',  # latin capital letter iota (Unicode: 'l'; see above)
    "\u0198": "K'",  # latin capital letter k with hook
    "\u01a0": "O'",  # latin capital letter o with horn
    "\u01a1": "o'",  # latin small letter o with horn
    "\u01a4": "'P",  # latin capital letter p with hook
    "\u01a6": 'R',  # latin letter yr
    "\u01a7": '2',  # latin capital letter tone two
    "\u01ac": "'T",  # latin capital letter t with hook
    "\u01b3": "'Y",  # latin capital letter y with hook
    "\u01b7": '3',  # latin capital letter ezh
    "\u01bc": '5',  # latin capital letter tone five
    "\u01bd": 's',  # latin small letter tone five
    "\u01c0": 'l',  # latin letter dental click
    "\u01c1": 'll',  # latin letter lateral click
    "\u01c7": 'LJ',  # latin capital letter lj
    "\u01c8": 'Lj',  # latin capital letter l with small letter j
    "\u01c9": 'lj',  # latin small letter lj
    "\u01ca": 'NJ',  # latin capital letter nj
    "\u01cb": 'Nj',  # latin capital letter n with small letter j
    "\u01cc": 'nj',  # latin small letter nj
    "\u01f1": 'DZ',  # latin capital letter dz
    "\u01f2": 'Dz',  # latin capital letter d with small letter z
    "\u01f3": 'dz',  # latin small letter dz
    "\u021c": '3',  # latin capital letter yogh
    "\u0222": '8',  # latin capital letter ou
    "\u0223": '8',  # latin small letter ou
    # Greek
    "\u0374": "'",  # greek numeral sign
    "\u037a": 'i',  # greek ypogegrammeni
    "\u037f": 'J',  # greek capital letter yot
    "\u0391": 'A',  # greek capital letter alpha
    "\u0392": 'B',  # greek capital letter beta
    "\u0395": 'E',  # greek capital letter epsilon
    "\u0396": 'Z',  # greek capital letter zeta
    "\u0397": 'H',  # greek capital letter eta
    "\u0399": 'I',  # greek capital letter iota (Unicode: 'l'; see above)
    "\u039a": 'K',  # greek capital letter kappa
    "\u039c": 'M',  # greek capital letter mu
    "\u039d": 'N',  # greek capital letter nu
    "\u039f": 'O',  # greek capital letter omicron
    "\u03a1": 'P',  # greek capital letter rho
    "\u03a4": 'T',  # greek capital letter tau
    "\u03a5": 'Y',  # greek capital letter upsilon
    "\u03a7": 'X',  # greek capital letter chi
    "\u03b1": 'a',  # greek small letter alpha
    "\u03b3": 'y',  # greek small letter gamma
    "\u03b9": 'i',  # greek small letter iota
    "\u03bd": 'v',  # greek small letter nu
    "\u03bf": 'o',  # greek small letter omicron
    "\u03c1": 'p',  # greek small letter rho
    "\u03c3": 'o',  # greek small letter sigma
    "\u03c5": 'u',  # greek small letter upsilon
    "\u03d2": 'Y',  # greek upsilon with hook symbol
    "\u03dc": 'F',  # greek letter digamma
    "\u03e8": '2',  # coptic capital letter hori
    "\u03f1": 'p',  # greek rho symbol
    "\u03f2": 'c',  # greek lunate sigma symbol
    "\u03f3": 'j',  # greek letter yot
    "\u03f9": 'C',  # greek capital lunate sigma symbol
    "\u03fa": 'M',  # greek capital letter san
    # Cyrillic
    "\u0405": 'S',  # cyrillic capital letter dze
    "\u0406": 'I',  # cyrillic capital letter byelorussian-ukrainian i (Unicode: 'l'; see above)
    "\u0408": 'J',  # cyrillic capital letter je
    "\u0410": 'A',  # cyrillic capital letter a
    "\u0412": 'B',  # cyrillic capital letter ve
    "\u0415": 'E',  # cyrillic capital letter ie
    "\u0417": '3',  # cyrillic capital letter ze
    "\u041a": 'K',  # cyrillic capital letter ka
    "\u041c": 'M',  # cyrillic capital letter em
    "\u041d": 'H',  # cyrillic capital letter en
    "\u041e": 'O',  # cyrillic capital letter o
    "\u0420": 'P',  # cyrillic capital letter er
    "\u0421": 'C',  # cyrillic capital letter es
    "\u0422": 'T',  # cyrillic capital letter te
    "\u0423": 'Y',  # cyrillic capital letter u
    "\u0425": 'X',  # cyrillic capital letter ha
    "\u042b": 'bl',  # cyrillic capital letter yeru
    "\u042c": 'b',  # cyrillic capital letter soft sign
    "\u042e": 'IO',  # cyrillic capital letter yu (Unicode: 'lO'; see above)
    "\u0430": 'a',  # cyrillic small letter a
    "\u0431": '6',  # cyrillic small letter be
    "\u0433": 'r',  # cyrillic small letter ghe
    "\u0435": 'e',  # cyrillic small letter ie
    "\u043e": 'o',  # cyrillic small letter o
    "\u0440": 'p',  # cyrillic small letter er
    "\u0441": 'c',  # cyrillic small letter es
    "\u0443": 'y',  # cyrillic small letter u
    "\u0445": 'x',  # cyrillic small letter ha
    "\u0455": 's',  # cyrillic small letter dze
    "\u0456": 'i',  # cyrillic small letter byelorussian-ukrainian i
    "\u0458": 'j',  # cyrillic small letter je
    "\u0461": 'w',  # cyrillic small letter omega
    "\u0474": 'V',  # cyrillic capital letter izhitsa
    "\u0475": 'v',  # cyrillic small letter izhitsa
    "\u0491": "r'",  # cyrillic small letter ghe with upturn
    "\u04ae": 'Y',  # cyrillic capital letter straight u
    "\u04af": 'y',  # cyrillic small letter straight u
    "\u04bb": 'h',  # cyrillic small letter shha
    "\u04bd": 'e',  # cyrillic small letter abkhasian che
    "\u04c0": 'I',  # cyrillic letter palochka (Unicode: 'l'; see above)
    "\u04cf": 'i',  # cyrillic small letter palochka
    "\u04d4": 'AE',  # cyrillic capital ligature a ie
    "\u04d5": 'ae',  # cyrillic small ligature a ie
    "\u04e0": '3',  # cyrillic capital letter abkhasian dze
    "\u0501": 'd',  # cyrillic small letter komi de
    "\u050c": 'G',  # cyrillic capital letter komi sje
    "\u051b": 'q',  # cyrillic small letter qa
    "\u051c": 'W',  # cyrillic capital letter we
    "\u051d": 'w',  # cyrillic small letter we
}

# General categories that do not show: controls, format characters (zero-width
# spaces and joiners, direction marks and overrides, the byte-order mark, the
# soft hyphen, the Mongolian vowel separator), and the marks that sit on
# another letter (which names.normalize also drops, as accents).
_HIDDEN = frozenset(("Cc", "Cf", "Mn", "Me"))
_table: dict[int, str] | None = None


def skeleton(text: str) -> str:
    """The key under which names that read the same are equal."""
    if text.isascii() and text.isprintable():  # nearly every name, and every name of the benchmark's
        return normalize(text)
    import unicodedata

    global _table
    if _table is None:
        _table = str.maketrans(LOOK_ALIKES)
    # NFD first, as UTS #39's skeleton: "ё" is "е" and a mark, and the "е" is a look-alike.
    visible = "".join(" " if char.isspace() else char for char in unicodedata.normalize("NFD", text)
                      if char.isspace() or unicodedata.category(char) not in _HIDDEN)
    return normalize(visible.translate(_table))


def unusual(text: str) -> list[str]:
    """The characters of `text` that `skeleton` drops or reads as another,
    named for a message: "U+0430 CYRILLIC SMALL LETTER A"."""
    import unicodedata

    found = []
    for char in dict.fromkeys(unicodedata.normalize("NFD", text)):
        if char in LOOK_ALIKES or (not char.isspace() and unicodedata.category(char) in ("Cc", "Cf")):
            found.append(f"U+{ord(char):04X} {unicodedata.name(char, 'a control character')}")
    return found
