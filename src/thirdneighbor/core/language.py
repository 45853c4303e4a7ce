"""The language the tool speaks to people, and its words in that language.

English is the tool's own language: every string a person reads is written in
English in the code, marked with `_` (or `_n` where a number decides its form,
or `N_` where it is stored before it is shown), and looked up in a gettext
catalogue (`locale/<language>/LC_MESSAGES/thirdneighbor.mo`) when another
language is chosen. In English nothing is loaded: `_` returns its argument.

The language is chosen once per run (`choose`, then `use`): `--lang`, else
$THIRDNEIGHBOR_LANG, else the locale ($LC_ALL, $LC_MESSAGES, $LANG, the first
that is set, as POSIX reads them). A locale the tool does not speak means
English, so that no script breaks because of its locale; an unknown --lang or
$THIRDNEIGHBOR_LANG is an error, said in `LanguageError`.

Machine formats (JSON, CSV, TSV, JSON Lines, ids) never pass through here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

# Each language by its code, with its name as its speakers write it.
LANGUAGES = {"en": "English", "mn": "Монгол"}
DEFAULT = "en"
DOMAIN = "thirdneighbor"

_current = DEFAULT
_catalogue: Any = None  # the chosen language's gettext.GNUTranslations, loaded on first use


class LanguageError(ValueError):
    """A language the tool does not speak, asked for by name."""


def languages_text() -> str:
    """"en (English), mn (Монгол)": the languages, for messages and --help."""
    return ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())


def language_code(text: str) -> str | None:
    """The language a --lang value or a locale names, or None: "mn", "MN",
    "mn_MN", "mn_MN.UTF-8" and "mn-MN" are all Mongolian."""
    code = text.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def choose(flag: str | None, environ: Mapping[str, str] = os.environ) -> str:
    """The language of this run: --lang, $THIRDNEIGHBOR_LANG, then the locale."""
    for given, origin in ((flag, "--lang"), (environ.get("THIRDNEIGHBOR_LANG") or None, "THIRDNEIGHBOR_LANG")):
        if given is not None:
            code = language_code(given)
            if code is None:
                shown = given if len(given) <= 40 else given[:40] + "…"
                raise LanguageError(f"{origin}: unknown language {shown!r}; choose from {languages_text()}")
            return code
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:  # the first one set decides, even where it is "C" (English)
            return language_code(value) or DEFAULT
    return DEFAULT


def use(language: str) -> None:
    """Speak `language` from now on (one of LANGUAGES)."""
    global _current, _catalogue
    if language not in LANGUAGES:
        raise LanguageError(f"unknown language {language!r}; choose from {languages_text()}")
    if language != _current:
        _current, _catalogue = language, None


def current() -> str:
    """The language in use: "en" or "mn"."""
    return _current


def catalogue_path(language: str) -> str:
    """Where the compiled catalogue of `language` is, inside the package (in a
    wheel and in a checkout alike)."""
    return os.path.join(os.path.dirname(__file__), "locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")


def _translations() -> Any:
    global _catalogue
    if _catalogue is None:
        import gettext  # Click has imported it already: no cost at start-up

        with open(catalogue_path(_current), "rb") as file:
            _catalogue = gettext.GNUTranslations(file)
    return _catalogue


def _(message: str) -> str:
    """`message` in the language in use (itself in English, or where the
    catalogue lacks it: the catalogue test keeps that from happening)."""
    if _current == DEFAULT:
        return message
    return _translations().gettext(message)


def _n(singular: str, plural: str, count: int) -> str:
    """The form of a message that `count` asks for, in the language in use."""
    if _current == DEFAULT:
        return singular if count == 1 else plural
    return _translations().ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a message that is stored now (a label in a table of labels) and
    translated where it is shown, with `_`: it is returned as it is."""
    return message
