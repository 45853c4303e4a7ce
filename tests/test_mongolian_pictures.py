"""The pictures in Mongolian: the chart, the map and the report under --lang mn
show no English interface word, and the report says its language."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest

from .conftest import run_cli
from .test_mongolian_interface import _texts, interface_words

# The attributes whose text a reader sees or hears (a tooltip, a screen reader's label).
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")


class _VisibleText(HTMLParser):
    """The text of an SVG or HTML document that a person reads: its text nodes
    and read attributes; not its markup, style sheet or script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self.hidden += 1
        self.texts += [value for name, value in attrs if name in READ_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self.hidden and data.strip():
            self.texts.append(data)


def visible_text(document: str) -> str:
    """The read text, its pieces joined by spaces: a sentence the picture wraps
    over several lines reads as one again."""
    parser = _VisibleText()
    parser.feed(document)
    return " ".join(" ".join(parser.texts).split())


@pytest.fixture(scope="module")
def data_texts(raw_document: dict[str, Any]) -> list[str]:
    """Every text of the bundled data and of the map's bundled geometry (its source
    and licence, which the map credits), longest first: the English the pictures
    show as the data's. Spaces as visible_text leaves them."""
    from thirdneighbor.render.pictures.worldmap import geometry

    texts = _texts(raw_document) + [geometry()["source"], geometry()["licence"]]
    return sorted({" ".join(text.split()) for text in texts}, key=len, reverse=True)


PICTURES = [("chart",), ("chart", "--counts"), ("map",), ("map", "--region", "europe"),
            ("chart", "--as-of", "2015", "--tier", "strategic"), ("report",)]


@pytest.mark.parametrize("command", PICTURES, ids=" ".join)
def test_pictures_in_mongolian_have_no_english_interface_word(command: tuple[str, ...],
                                                                data_texts: list[str]) -> None:
    result = run_cli(*command, "-o", "-", "--lang", "mn")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    text = visible_text(result.stdout)
    assert "Монгол Улс" in text
    # The data's licence is named by its code ("CC BY-SA 4.0"), in no language.
    assert interface_words(text.replace("CC BY-SA", " "), data_texts) == []


@pytest.mark.parametrize("command", PICTURES, ids=" ".join)
def test_pictures_in_english_do_not_change_with_the_flag(command: tuple[str, ...]) -> None:
    english = run_cli(*command, "-o", "-")
    assert english.exit_code == 0, english.stderr
    assert "Монгол" not in english.stdout
    assert run_cli(*command, "-o", "-", "--lang", "en").stdout == english.stdout


def test_the_chart_writes_dates_the_mongolian_way() -> None:
    result = run_cli("chart", "-o", "-", "--lang", "mn", "--as-of", "2024-02-07")
    assert result.exit_code == 0, result.stderr
    assert "байдал: 2024 оны 2 сарын 7" in visible_text(result.stdout)
    assert "2024-02-07" not in visible_text(result.stdout)
