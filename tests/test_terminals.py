"""On a terminal: web addresses are links (OSC 8) where the terminal shows them,
an address is never broken inside a word, and narrow tables break lines only
between words.

The CLI cases force Rich's terminal with FORCE_COLOR (and a width with COLUMNS);
the drawings are also rendered into a Console forced to a width with
force_terminal=True, as a terminal would get them.
"""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from thirdneighbor.data.model import Dataset
from thirdneighbor.query.evidence import cited_labels, partner_evidence
from thirdneighbor.query.select import events_by_partner
from thirdneighbor.render import rich_draw
from thirdneighbor.views.registry import ShowSubject, View

from .conftest import cite_texts, run_cli

LINK = re.compile(r"\x1b\]8;id=\d+;([^\x1b]*)\x1b\\(.*?)\x1b\]8;;\x1b\\")
STYLE = re.compile(r"\x1b\[[0-9;]*m")


def terminal(*args: str, columns: int = 100, **env: str) -> str:
    result = run_cli(*args, env={"FORCE_COLOR": "1", "COLUMNS": str(columns), **env})
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


def links(text: str) -> dict[str, str]:
    """Each link's address and the text it is shown on."""
    return {match.group(1): STYLE.sub("", match.group(2)) for match in LINK.finditer(text)}


def test_a_source_address_is_a_link_on_the_terminal() -> None:
    found = links(terminal("show", "korea"))
    assert found["https://montsame.mn/en/read/274887"] == "https://montsame.mn/en/read/274887"
    assert all(address == shown for address, shown in found.items())  # a link says where it goes
    assert not any("presidentofindia" in address for address in links(terminal("show", "india")))  # no address, no link


def test_event_sources_people_and_fields_link_too() -> None:
    assert "https://oananews.org/node/202598" in links(terminal("show", "korea", "--sources"))
    assert any(address.startswith("http") for address in links(terminal("people", "battulga")))
    assert "https://news.mn/r/2568924" in links(terminal("list", "--tier", "expanded", "--fields", "name,sources"))


def test_cite_links_its_sources_and_otherwise_prints_the_same_text() -> None:
    for args in (["cite"], ["cite", "--sources"]):
        text = terminal(*args)
        assert LINK.sub(lambda match: match.group(2), text) == run_cli(*args).stdout
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in links(terminal("cite"))
    assert "https://mfa.gov.mn/?page_id=16273" in links(terminal("cite", "--sources"))


@pytest.mark.parametrize(("args", "env"), [
    (["show", "korea", "--format", "table"], {}),  # a pipe
    (["show", "korea"], {"FORCE_COLOR": "1", "NO_COLOR": "1"}),
    (["show", "korea"], {"FORCE_COLOR": "1", "TERM": "dumb"}),
    (["cite", "--sources"], {}),
    (["cite", "--sources"], {"FORCE_COLOR": "1", "NO_COLOR": "1"}),
])
def test_no_link_in_a_pipe_or_under_no_color_or_a_dumb_terminal(args: list[str], env: dict[str, str]) -> None:
    result = run_cli(*args, env=env)
    assert result.exit_code == 0
    assert "\x1b]" not in result.stdout and "https://montsame.mn/en/read/274887" in result.stdout + run_cli(
        "cite").stdout


def test_a_link_is_only_an_http_address_with_plain_url_characters(write_dataset) -> None:  # type: ignore[no-untyped-def]
    evil = ['https://x.invalid/"><script>alert(1)</script>', "javascript:alert(1)", "https://ok.invalid/a_b?c=d.",
            "https://en.wikipedia.org/wiki/Foo_(bar)", "Site (https://ok.invalid/b), 2024"]
    path = write_dataset(lambda d: cite_texts(d, next(p for p in d["partners"] if p["id"] == "japan"), evil))
    found = links(terminal("show", "japan", "--data", str(path)))
    # A word with a quote or a bracket inside is not linked, rather than linked to a part of it.
    assert found == {"https://ok.invalid/a_b?c=d": "https://ok.invalid/a_b?c=d",
                     "https://ok.invalid/b": "https://ok.invalid/b"}


def test_an_export_carries_no_link() -> None:
    result = run_cli("show", "usa", "--export-html", "-")
    assert result.exit_code == 0 and "<a " not in result.stdout and "https://congress.gov/" in result.stdout


# --- addresses are never broken --------------------------------------------------------------

def draw(renderable: object, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None, highlight=False,
                      emoji=False, markup=False)
    console.print(renderable, crop=False)
    return console.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120])
@pytest.mark.parametrize("partner_id", ["france", "south-korea", "united-states"])
def test_every_source_stands_whole_on_one_line(dataset: Dataset, partner_id: str, width: int) -> None:
    partner = next(p for p in dataset.all_partners if p.id == partner_id)
    view = View("show", dataset, ShowSubject([partner], events_by_partner(dataset)), with_sources=True)
    text = draw(rich_draw.drawing(view), width)
    lines = text.splitlines()
    own = cited_labels(dataset, partner.sources)
    addresses = [word for source in own for word in source.split() if word.startswith("http")]
    assert addresses
    for address in addresses:
        assert any(address in line for line in lines), (address, width)
    events = events_by_partner(dataset)[partner.id]
    evidence = [source for row in partner_evidence(partner, events) for source in row["sources"]]
    words = {word for source in [*own, *cited_labels(dataset, (*(s for event in events for s in event.sources),
                                                               *evidence))]
             for word in source.split()}
    for line in lines:
        if len(line) > width:  # only a source's word wider than the terminal (an address) passes its edge, alone
            assert len(line.split()) == 1 and line.split()[0] in words, line


def test_sources_stay_in_the_box_where_they_fit(dataset: Dataset) -> None:
    # Uzbekistan's longest source address is 47 characters: inside the box at 100 columns.
    uzbekistan = next(p for p in dataset.all_partners if p.id == "uzbekistan")
    view = View("show", dataset, ShowSubject([uzbekistan], events_by_partner(dataset)))
    wide = draw(rich_draw.drawing(view), 100)
    assert "│     ├── https://www.montsame.mn/mn/read/303856" in wide
    narrow = draw(rich_draw.drawing(view), 40)
    assert "\n  https://www.montsame.mn/mn/read/303856\n" in narrow  # below the box, whole
    assert narrow.index("╰") < narrow.index("Sources\n")


# --- narrow tables break between words -------------------------------------------------------

WORDS_COMMANDS = {
    "list": ["list", "--neighbors"],
    "show": ["show", "korea", "france"],
    "tiers": ["tiers", "--neighbors", "--all"],
    "compare": ["compare", "japan", "usa", "france"],
    "timeline": ["timeline"],
    "people": ["people"],
    "person": ["people", "khurelsukh"],
    "search": ["search", "khurelsukh"],
    "changes": ["changes", "2000", "2025"],
    "fields": ["list", "--fields", "id,name,leaders,sources"],
}


def words_of(args: list[str]) -> set[str]:
    """Every word the command prints where no width limits it (a pipe, as plain text)."""
    result = run_cli(*args, "--format", "table", env={"COLUMNS": "1000"})
    words = set(result.stdout.split())
    # A word in brackets ("(since 2022-11-29)") is the same word where a narrow
    # layout prints it without them.
    return words | {word.strip("()") for word in words}


@pytest.mark.parametrize("columns", [40, 60])
@pytest.mark.parametrize("args", WORDS_COMMANDS.values(), ids=WORDS_COMMANDS.keys())
def test_narrow_tables_fold_at_word_boundaries(args: list[str], columns: int) -> None:
    text = STYLE.sub("", LINK.sub(lambda match: match.group(2), terminal(*args, columns=columns)))
    wide = words_of(args)
    # A word split across two lines leaves pieces that are not words of the wide drawing.
    pieces = {word.strip("│┃┆") for line in text.splitlines() for word in line.replace("│", " ").split()}
    strange = {piece for piece in pieces - wide if not set(piece) <= set("─━┏┓┗┛┡┩┣┫╇╋┳┻└┘┌┐├┤┼╭╮╰╯═╞╡╪")}
    # Columns may differ from the wide drawing (a stacked list, headers on two lines): a piece is
    # only a split word if it is the start or the end of a wide word and not a word itself.
    split = {piece for piece in strange if any(word != piece and (word.startswith(piece) or word.endswith(piece))
                                               and len(piece) < len(word) for word in wide)}
    assert not split, (columns, sorted(split)[:20])


def test_people_at_60_columns_splits_no_id() -> None:
    text = STYLE.sub("", terminal("people", columns=60))
    assert "batmunkhiin-battsetseg" in text and "khaltmaagiin-battulga" in text
    assert all(len(line) <= 60 for line in text.splitlines())
