"""The Mongolian catalogue holds every message the code marks, translated, and nothing else;
its compiled .mo is the .po's; and the tool never imports Babel."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
import catalogue  # noqa: E402  (tools/catalogue.py: the one extraction, shared with the script)

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


@pytest.fixture(scope="module")
def marked() -> dict[catalogue.Message, list[str]]:
    messages, unreadable = catalogue.marked_messages()
    assert unreadable == [], "N_ must be given its message written out"
    return messages


@pytest.fixture(scope="module")
def entries() -> dict[str, object]:
    from babel.messages.pofile import read_po

    [po] = catalogue.catalogue_files()
    with po.open("rb") as file:
        return {message.id if isinstance(message.id, str) else message.id[0]: message.string
                for message in read_po(file) if message.id}


def _key(message: catalogue.Message) -> str:
    return message if isinstance(message, str) else message[0]


def test_every_marked_message_is_in_the_catalogue_translated(marked: dict, entries: dict) -> None:
    missing = [message for message in marked if _key(message) not in entries]
    untranslated = [message for message in marked if _key(message) in entries
                    and not all([entries[_key(message)]] if isinstance(entries[_key(message)], str)
                                else entries[_key(message)])]
    assert (missing, untranslated) == ([], [])


def test_the_catalogue_holds_no_message_the_code_no_longer_uses(marked: dict, entries: dict) -> None:
    assert sorted(set(entries) - {_key(message) for message in marked}) == []


def test_each_translation_keeps_the_placeholders_of_its_message(marked: dict, entries: dict) -> None:
    for message in marked:
        english = message if isinstance(message, str) else message[1]
        translations = entries[_key(message)]
        for translated in [translations] if isinstance(translations, str) else translations:
            assert sorted(PLACEHOLDER.findall(translated)) == sorted(PLACEHOLDER.findall(english)), message


def test_the_po_file_is_as_the_script_writes_it_and_the_mo_is_compiled_from_it(marked: dict) -> None:
    [po] = catalogue.catalogue_files()
    text, missing = catalogue.updated(po.read_bytes(), marked)
    assert missing == []
    assert text == po.read_bytes(), "run: .venv/bin/python tools/catalogue.py"
    assert catalogue.compiled(po.read_bytes()) == po.with_suffix(".mo").read_bytes(), \
        "run: .venv/bin/python tools/catalogue.py"


def test_the_glossary_terms_are_the_catalogues(entries: dict) -> None:
    """The catalogue writes the policy's terms as docs/glossary-mn.md does."""
    glossary = (REPO / "docs" / "glossary-mn.md").read_text(encoding="utf-8")
    for english, mongolian in (("Mongolia's third neighbors", "гуравдагч хөрш"),
                               ("Third Neighbor Policy timeline", "Гуравдагч хөршийн бодлог"),
                               ("Partnership tiers", "Түншлэлийн"), ("Partner", "Түнш"),
                               ("Designation", "Нэршил"), ("Sources", "Эх сурвалж")):
        assert mongolian.casefold() in str(entries[english]).casefold(), english
        assert mongolian.casefold() in glossary.casefold(), mongolian


def test_the_tool_never_imports_babel() -> None:
    package = REPO / "src" / "thirdneighbor"
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(name.split(".")[0] == "babel" for name in names), path


def test_the_check_fails_on_a_message_missing_from_the_catalogue(tmp_path: Path, marked: dict) -> None:
    """The extraction sees a new marked message, and the update lists it as untranslated."""
    source = tmp_path / "pkg"
    source.mkdir()
    (source / "module.py").write_text('from x import _\nprint(_("A message no catalogue has"))\n', encoding="utf-8")
    found, _unreadable = catalogue.marked_messages(source)
    [po] = catalogue.catalogue_files()
    _text, missing = catalogue.updated(po.read_bytes(), {**marked, **found})
    assert missing == ["A message no catalogue has"]
