"""`--lang`: the option every command takes, and the choice it makes.

The language is chosen from the whole command line before Click parses any of
it (`choose_language`, from AnsweringGroup.parse_args), so that every message,
usage errors included, is already in that language. The option itself
(`language_option`) is declared on the group and on every command, for --help
and for Click to accept it; it hands no value to the commands, which never
need to know the language: only what they show does.
"""

from __future__ import annotations

import os
from typing import Any

from ..core import language

HELP = ("The language of what people read: en (English, the default) or mn (Mongolian). Default: "
        "$THIRDNEIGHBOR_LANG, else the locale ($LC_ALL, $LC_MESSAGES, $LANG: mn_MN.UTF-8 is Mongolian). "
        "JSON, CSV, TSV and ids are the same in every language.")


def language_option() -> Any:
    from typer.core import TyperOption

    return TyperOption(param_decls=["--lang"], metavar="LANG", expose_value=False, help=HELP)


def given_language(args: list[str]) -> str | None:
    """The value of the last --lang on the command line (as Click takes the last
    one), before any `--`; None where there is none, or no value after it."""
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(args):
            found = args[index + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found


def choose_language(args: list[str], resilient: bool = False) -> None:
    """Speak the language the command line and the environment choose. An
    unknown one is a usage error (exit 2) listing the languages; while completing
    (resilient), English instead, as a TAB must not fail."""
    try:
        language.use(language.choose(given_language(args), os.environ))
    except language.LanguageError as error:
        language.use(language.DEFAULT)
        if resilient:
            return
        from ..errors import UsageError

        raise UsageError(str(error)) from None
