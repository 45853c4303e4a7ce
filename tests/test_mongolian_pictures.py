"""The pictures in Mongolian: the chart, the map and the report under --lang mn
show no English interface word, and the report says its language."""

from __future__ import annotations

import re
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


# An element the page marks as English (the data's text, the citation as `cite` gives it), with no other inside.
MARKED_ENGLISH = re.compile(r'<(span|p)[^>]*\blang="en"[^>]*>.*?</\1>', re.DOTALL)


def visible_text(document: str, *, marked_english: bool = True) -> str:
    """The read text, its pieces joined by spaces: a sentence the picture wraps
    over several lines reads as one again. Without `marked_english`, less what
    the page marks as English."""
    parser = _VisibleText()
    parser.feed(document if marked_english else MARKED_ENGLISH.sub(" ", document))
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
            ("chart", "--as-of", "2015", "--tier", "strategic"), ("report",), ("report", "--all")]


@pytest.mark.parametrize("command", PICTURES, ids=" ".join)
def test_pictures_in_mongolian_have_no_english_interface_word(command: tuple[str, ...],
                                                                data_texts: list[str]) -> None:
    result = run_cli(*command, "-o", "-", "--lang", "mn")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    text = visible_text(result.stdout, marked_english=False)
    assert "Монгол Улс" in text
    # Names in no language: the tool's, the data's licence ("CC BY-SA 4.0"), the formats of the
    # report's downloads, the time zone of the moment it was made.
    codes = re.compile(r"\b(thirdneighbor|CC BY-SA|CSV|JSON|UTC)\b")
    assert interface_words(codes.sub(" ", text), data_texts) == []


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


def test_the_report_in_mongolian_says_its_language_and_marks_the_english_data() -> None:
    result = run_cli("report", "-o", "-", "--lang", "mn")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith('<!DOCTYPE html>\n<html lang="mn"')
    # Event titles, occasions and notes are the data's English, each marked so.
    assert '<span lang="en">' in result.stdout
    english = run_cli("report", "-o", "-")
    assert english.stdout.startswith('<!DOCTYPE html>\n<html lang="en"')
    assert '<span lang="en">' not in english.stdout


def test_the_locale_chooses_the_pictures_language() -> None:
    result = run_cli("map", "-o", "-", env={"LANG": "mn_MN.UTF-8"})
    assert result.exit_code == 0, result.stderr
    assert "Монгол Улсын гуравдагч хөршүүд" in visible_text(result.stdout)
    assert visible_text(result.stdout) == visible_text(run_cli("map", "-o", "-", "--lang", "mn").stdout)
