"""Markdown for people: names rather than ids, a key/value table per partner for
show and history, and cells that render as text.

Every command's Markdown is read back with a CommonMark renderer (markdown-it-py
with the table and strikethrough extensions): on the bundled data and on a dataset whose names
hold Markdown and HTML, the only elements are the tables (with a heading per
partner for show and history, and the asterisk's footnote as a paragraph of
text), and each cell's text is the value as the tool meant to show it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from thirdneighbor.render import markdown as markdown_module

from .conftest import cite_texts, run_cli

COMMANDS = {
    "list": ["list", "--neighbors", "--all"],
    "list-leaders": ["list", "--fields", "name,tier,leaders,sources"],
    "show": ["show", "france", "korea"],
    "show-fields": ["show", "japan", "--fields", "id,name,tier,leaders"],
    "history": ["history", "usa"],
    "timeline": ["timeline"],
    "timeline-people": ["timeline", "--fields", "date,partners,people"],
    "chart": ["timeline", "--chart"],
    "tiers": ["tiers", "--neighbors", "--all"],
    "tiers-designations": ["tiers", "--fields", "name,designations"],
    "compare": ["compare", "japan", "usa", "france"],
    "search": ["search", "khurelsukh"],
    "changes": ["changes", "2000", "2025", "--neighbors"],
    "series": ["series", "--from", "2010"],
    "counts": ["series", "--counts"],
    "people": ["people"],
    "person": ["people", "khurelsukh"],
}
HEADED = ("show", "history")

# CommonMark, with GitHub's tables and strikethrough.
RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
TABLE_TOKENS = {"table_open", "table_close", "thead_open", "thead_close", "tbody_open", "tbody_close", "tr_open",
                "tr_close", "th_open", "th_close", "td_open", "td_close", "inline"}


def read_back(text: str) -> list[tuple[str, Any]]:
    """The document as blocks: ("table", rows of cell texts), ("heading", text)
    or ("paragraph", text). Fails on any other element, and on any inline
    element but text (no link, image, emphasis, code or HTML)."""
    blocks: list[tuple[str, Any]] = []
    row: list[str] | None = None
    for token in RENDERER.parse(text):
        if token.type == "inline":
            assert token.children is not None
            assert {child.type for child in token.children} <= {"text"}, token.children
            content = "".join(child.content for child in token.children)
            if row is not None:
                row.append(content)
            else:
                blocks[-1] = (blocks[-1][0], content)
        elif token.type == "table_open":
            blocks.append(("table", []))
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            blocks[-1][1].append(row)
            row = None
        elif token.type in ("heading_open", "paragraph_open"):
            assert row is None
            blocks.append((token.type.removesuffix("_open"), None))
        else:
            assert token.type in TABLE_TOKENS | {"heading_close", "paragraph_close"}, token.type
    return blocks


def markdown_of(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[tuple[str, Any]]]:
    """The command's Markdown, and the blocks the tool meant to write (its
    tables and footnote before escaping)."""
    meant: list[Any] = []
    original: Callable[..., Any] = markdown_module.markdown_tables

    views: list[Any] = []

    def spy(view: Any) -> Any:
        views.append(view)
        meant.append(original(view))
        return meant[-1]

    monkeypatch.setattr(markdown_module, "markdown_tables", spy)
    result = run_cli(*args, "--format", "md")
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    [(tables, footnote)] = meant
    caption = markdown_module.caption(views[0])
    blocks: list[tuple[str, Any]] = [] if caption is None else [("paragraph", caption)]
    for table in tables:
        if table.heading is not None:
            blocks.append(("heading", table.heading))
        # A renderer trims the spaces around a cell's text.
        blocks.append(("table", [[head.strip() for head in table.heads]]
                       + [[text.strip() for text in row] for row in table.rows]))
    if footnote:
        blocks.append(("paragraph", footnote))
    return result.stdout, blocks


def assert_renders_as_meant(args: list[str], monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    text, meant = markdown_of(args, monkeypatch)
    blocks = read_back(text)
    assert blocks == meant
    assert any(kind == "table" for kind, _ in blocks)
    if args[0] not in HEADED:
        assert not any(kind == "heading" for kind, _ in blocks)
    return blocks


def cells(blocks: list[tuple[str, Any]]) -> list[str]:
    return [text for kind, rows in blocks if kind == "table" for row in rows for text in row]


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_every_command_renders_as_tables_of_text(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert_renders_as_meant(args, monkeypatch)


# --- names, not ids ------------------------------------------------------------------------

def table_rows(args: list[str]) -> list[list[str]]:
    result = run_cli(*args, "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    return [row for kind, rows in read_back(result.stdout) if kind == "table" for row in rows]


def test_tiers_name_their_partners() -> None:
    rows = table_rows(["tiers"])
    assert rows[0] == ["Tier", "Rank", "Partners"]
    assert rows[1][0] == "Strategic partnership"
    assert rows[1][2].startswith("Japan; India; South Korea; Germany; ")
    assert "south-korea" not in rows[1][2]


def test_timeline_names_its_partners_and_people() -> None:
    rows = table_rows(["timeline", "--since", "2024-07", "--until", "2024-07", "--fields", "date,partners,people"])
    assert rows == [["Date", "Partners", "People"], ["2024-07-23", "United States", "Batmunkhiin Battsetseg; Antony Blinken"]]


def test_leaders_are_people_by_name() -> None:
    rows = table_rows(["list", "--tier", "strategic", "--until", "2016", "--fields", "name,leaders"])
    assert rows == [["Partner", "Leaders"], ["Japan", "Ukhnaagiin Khürelsükh; Fumio Kishida"], ["India", "Narendra Modi"]]


def test_changes_series_and_people_name_partners_and_tiers() -> None:
    changes = table_rows(["changes", "2023-11-01", "2023-11-30"])
    assert changes[0][:4] == ["Partner", "Change", "From tier", "To tier"]
    assert changes[1][:4] == ["Canada", "upgrade", "Expanded partnership", "Comprehensive partnership"]
    series = table_rows(["series", "--country", "korea", "--from", "2011", "--to", "2011"])
    assert series == [["Partner", "Year", "Tier"], ["South Korea", "2011", "Comprehensive partnership"]]
    counts = table_rows(["series", "--counts", "--from", "2011", "--to", "2011"])
    assert counts[0] == ["Year", "Comprehensive strategic partnership", "Strategic partnership",
                         "Comprehensive partnership", "Expanded partnership"]
    person = table_rows(["people", "battulga"])
    assert ["2019-09-03", "occasion", "Putin's visit to Ulaanbaatar", "Russia"] in person


def test_compare_names_tiers_and_leaders() -> None:
    rows = table_rows(["compare", "japan", "usa", "--fields", "tier,leaders"])
    assert rows == [["Field", "Same", "Japan", "United States"],
                    ["Tier", "true", "Strategic partnership", "Strategic partnership"],
                    ["Leaders", "false", "Ukhnaagiin Khürelsükh; Fumio Kishida", "Khaltmaagiin Battulga; Donald Trump"]]


def test_an_id_asked_for_is_shown() -> None:
    assert table_rows(["list", "--tier", "expanded", "--fields", "id,name"]) == [["Id", "Partner"],
                                                                               ["australia", "Australia"]]


def test_show_is_a_key_value_table_per_partner() -> None:
    result = run_cli("show", "korea", "japan", "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    blocks = read_back(result.stdout)
    assert [kind for kind, _ in blocks] == ["heading", "table", "heading", "table"]
    assert [blocks[0][1], blocks[2][1]] == ["South Korea", "Japan"]
    korea = dict(blocks[1][1])
    assert korea["Field"] == "Value"
    assert korea["Tier"] == "Strategic partnership" and korea["Leaders"] == "Moon Jae-in; Ukhnaagiin Khürelsükh"
    assert "Id" not in korea and "Designation mn" not in korea  # its own id left out; an empty field too
    assert result.stdout.startswith("## South Korea\n\n| Field | Value |\n|---|---|\n| Partner | South Korea |\n")


def test_show_has_its_heading_whatever_the_fields() -> None:
    result = run_cli("show", "korea", "--fields", "since", "--format", "md")
    assert result.stdout == "## South Korea\n\n| Field | Value |\n|---|---|\n| Since | 2021-09-10 |\n"


def test_history_has_a_heading_and_names_its_tiers() -> None:
    result = run_cli("history", "usa", "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    blocks = read_back(result.stdout)
    assert blocks[0] == ("heading", "United States")
    assert blocks[1][1][0] == ["Since", "In force by", "Tier", "Designation", "Current"]
    assert blocks[1][1][-1] == ["2019-07-31", "", "Strategic partnership", "Strategic third neighbor partnership",
                                "true"]


def test_machine_formats_keep_the_ids() -> None:
    import csv
    import io

    result = run_cli("tiers", "--format", "csv", "--fields", "id,partners")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1][0] == "strategic" and rows[1][1].split("\n")[:2] == ["japan", "india"]
    result = run_cli("timeline", "--since", "2025-12", "--format", "tsv", "--fields", "date,partners")
    assert result.stdout == "date\tpartners\n2025-12-02\titaly\n"


# --- hostile names ----------------------------------------------------------------------------

# Each would be an element if written as it is: an image that fetches an address,
# a link, emphasis, code, a strikethrough, HTML, an autolink, an entity, a heading
# that loses its closing #, and a cell that a | would end early.
HOSTILE = {
    "image": "India ![t](http://127.0.0.1:8765/px.png)",
    "link": "[click](http://127.0.0.1:8765/)",
    "emphasis": "**bold** _em_ *it* __b__",
    "code": "`code` ``x``",
    "strike": "~~gone~~",
    "html": "<img src=x onerror=alert(1)> <b>b</b>",
    "autolink": "<http://127.0.0.1:8765/>",
    "entity": "&amp; &#x41; &copy;",
    "heading": "# Title ##",
    "pipe": "a | b \\| c \\",
}


def _hostile(document: dict[str, Any]) -> None:
    values = iter(HOSTILE.values())

    def next_value() -> str:
        nonlocal values
        try:
            return next(values)
        except StopIteration:
            values = iter(HOSTILE.values())
            return next(values)

    for partner in document["partners"]:
        for key in ("name", "designation", "occasion"):
            if partner.get(key):
                partner[key] = f"{partner[key]} {next_value()}"
        addresses = {source["id"]: source.get("url", source.get("title")) for source in document["sources"]}
        cite_texts(document, partner, [f"{addresses[source]} {next_value()}" for source in partner["sources"]])
    for tier in document["tiers"]:
        tier["name"] = f"{tier['name']} {next_value()}"
    for person in document["people"]:
        person["name"] = f"{person['name']} {next_value()}"
    for event in document["events"]:
        event["title"] = f"{event['title']} {next_value()}"
    document["policy"]["asterisk_note"] = f"{document['policy']['asterisk_note']} {HOSTILE['image']}"
    names = {"india": HOSTILE["image"], "japan": f"Japan {HOSTILE['heading']}"}
    for partner in document["partners"]:
        partner["name"] = names.get(partner["id"], partner["name"])


@pytest.fixture
def hostile_dataset(write_dataset: Any) -> Path:
    return write_dataset(_hostile)


@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_hostile_names_render_as_text(args: list[str], hostile_dataset: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    if args[0] == "search":
        args = ["search", "khurelsukh"]
    blocks = assert_renders_as_meant([*args, "--data", str(hostile_dataset)], monkeypatch)
    shown = " ".join(cells(blocks) + [text for kind, text in blocks if kind != "table"])
    assert any(value in shown for value in HOSTILE.values()), shown[:300]


def test_the_image_name_is_one_cell_of_text(hostile_dataset: Path) -> None:
    result = run_cli("list", "--fields", "name", "--format", "markdown", "--data", str(hostile_dataset))
    assert (result.exit_code, result.stderr) == (0, "")
    assert [HOSTILE["image"]] in [row for _, rows in read_back(result.stdout) for row in rows]
    assert "| India !\\[t\\](http://127.0.0.1:8765/px.png) |" in result.stdout.splitlines()
    assert "<img" not in result.stdout


@pytest.mark.parametrize(("partner", "heading"), [("india", HOSTILE["image"]), ("japan", "Japan # Title ##")])
def test_a_heading_shows_the_name_as_typed(hostile_dataset: Path, partner: str, heading: str) -> None:
    result = run_cli("show", partner, "--format", "markdown", "--data", str(hostile_dataset))
    assert (result.exit_code, result.stderr) == (0, "")
    assert read_back(result.stdout)[0] == ("heading", heading)
