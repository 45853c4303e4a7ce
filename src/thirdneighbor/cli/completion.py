"""Shell completion: what TAB offers for country names, tiers, fields and formats.

Each function takes what Typer passes (the context and the word so far) and
returns (value, help) pairs. Every TAB runs the program, so these load the
dataset through the cache, and a dataset that cannot be loaded offers nothing
rather than an error.

Offers and their help are dataset text, and the shell prints them (bash reads
one offer a line): both are cleaned (thirdneighbor.core.safe.clean), so no
escape sequence reaches the terminal and no line break splits an offer; an
offer left empty, or holding a space or a glob character, is not made;
help is cut short enough that no shell wraps it. Help is Rich markup to
Typer in zsh and fish, so a "[" in it is escaped.
"""

from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..data.model import Partner


# Typer renders zsh's and fish's help through Rich, 80 columns wide (a pipe's
# width), and a wrapped help is a second line that fish offers as a candidate.
HELP_WIDTH = 40
# bash's completion script expands the offers unquoted: a glob in one would be
# matched against the files in the current directory.
_GLOB = frozenset("*?[")


def _help(text: str) -> str:
    """An offer's help (a partner's or a tier's name): cleaned, cut to HELP_WIDTH
    characters, and, where it holds a "[", with Rich markup escaped, as Typer
    renders zsh's and fish's help as markup ("[/]" in a name would end the
    completion in a traceback)."""
    from ..core.safe import clean

    text = clean(text)
    if len(text) > HELP_WIDTH:
        text = text[:HELP_WIDTH - 1].rstrip() + "…"
    if "[" not in text:
        return text
    from rich.markup import escape  # only for such a name

    return escape(text)


def _dataset(ctx: typer.Context):  # type: ignore[no-untyped-def]
    """The dataset the command line names, or None: where it cannot be loaded,
    and where it is not a regular file (stdin, a FIFO), which a TAB would wait
    on, and take its data from the command that is to read it."""
    import os
    import stat

    from ..data.load import dataset_source, load_dataset
    from ..errors import ThirdNeighborError

    named = ctx.params.get("data") if ctx is not None else None
    try:
        path = dataset_source(named)[0]  # "-" from --data or THIRDNEIGHBOR_DATA: stdin
        if str(path) == "-" or not stat.S_ISREG(os.stat(path).st_mode):
            return None
        return load_dataset(named)
    except (ThirdNeighborError, OSError):
        return None


def countries(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Names, aliases, ids and ISO codes that begin with what was typed.

    Typer keeps only offers that begin with the typed text exactly, so a name
    that matches only when case and accents are ignored is offered as the typed
    text completed from the name's plain form: "ko" becomes "korea", "tur"
    "turkiye". Either way the offer resolves to the same partner.
    """
    from ..data.names import is_cyrillic, normalize, partner_keys
    from ..core.safe import clean

    dataset = _dataset(ctx)
    if dataset is None:
        return []
    typed = normalize(incomplete)
    # Mongolian names are offered to a word begun in Cyrillic, and only then.
    mongolian = is_cyrillic(incomplete)
    offered: dict[str, Partner] = {}  # each offer, and the partner it stands for
    for partner in dataset.all_partners:
        # Names with spaces or globs would need quoting in bash; the id stands for
        # them. A tab or a line break cleans to a space, so such a name is left out too.
        keys = [key for key in map(clean, partner_keys(partner, with_mongolian=mongolian)) if key
                and " " not in key and _GLOB.isdisjoint(key) and (not mongolian or is_cyrillic(key))]
        literal = [key for key in keys if key.startswith(incomplete)]
        if literal:
            for key in literal:
                offered.setdefault(key, partner)
            continue
        for key in keys:
            # The same letters in another case: the name itself, in the case typed.
            if key.casefold().startswith(incomplete.casefold()):
                rest = key[len(incomplete):]
                rest = rest.lower() if incomplete.islower() else rest.upper() if incomplete.isupper() else rest
                offered.setdefault(incomplete + rest, partner)
                continue
            # Typed without accents ("tur"): the name's plain form ("turkiye"). Typed
            # with accents, only names that have those accents: "tü" + "rkey" would
            # be a name no one writes.
            plain = normalize(key)
            if incomplete.isascii() and plain.startswith(typed) and " " not in plain:
                rest = plain[len(typed):]
                offered.setdefault(incomplete + (rest.upper() if incomplete.isupper() else rest), partner)
    # The partner's name as help, made only for what is offered.
    return sorted(((key, _help(partner.name)) for key, partner in offered.items()),
                  key=lambda item: item[0].casefold())


def country_list(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """`countries` for an option that takes several with commas (`--country
    usa,ja`): completes the name after the last comma, the earlier ones kept."""
    done, comma, current = incomplete.rpartition(",")
    return [(done + comma + key, help) for key, help in countries(ctx, current)]


def tiers(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Tier ids for `--tier`, which takes several with commas: completes the id
    after the last comma, leaving out those given already."""
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    done, comma, current = incomplete.rpartition(",")
    chosen = set(done.split(","))
    return [(done + comma + tier.id, _help(tier.name)) for tier in dataset.tiers
            if tier.id.startswith(current) and tier.id not in chosen]


def formats(incomplete: str) -> list[str]:
    from ..render import FORMAT_ALIASES, FORMATS

    return [name for name in (*FORMATS, *FORMAT_ALIASES) if name.startswith(incomplete)]


EXPORT_FORMATS = ("toml", "sqlite", "csv", "datapackage")


def export_formats(incomplete: str) -> list[str]:
    return [name for name in EXPORT_FORMATS if name.startswith(incomplete)]


def export_tables(incomplete: str) -> list[str]:
    from ..render.tables import TABLES

    return [table.name for table in TABLES if table.name.startswith(incomplete)]


def cite_formats(incomplete: str) -> list[str]:
    return [name for name in ("text", "bibtex", "csl-json", "ris", "json") if name.startswith(incomplete)]


def fields(ctx: typer.Context, incomplete: str) -> list[str]:
    """Field names for `--fields a,b,c`: completes the name after the last comma."""
    from ..views.registry import VIEWS

    done, _, current = incomplete.rpartition(",")
    chosen = set(done.split(",")) if done else set()
    prefix = done + "," if done else ""
    command = ctx.command.name if ctx is not None and ctx.command is not None else ""
    params = ctx.params if ctx is not None else {}
    kind = "chart" if command == "timeline" and params.get("chart") else command
    if kind not in VIEWS:
        return []
    dataset = _dataset(ctx)
    if dataset is None:
        return []
    names = VIEWS[kind].fields(dataset, bool(params.get("as_of")))
    return [prefix + field for field in names if field.startswith(current) and field not in chosen]
