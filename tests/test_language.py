"""Choosing the language, its catalogue, and dates written the Mongolian way."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from thirdneighbor.core import language
from thirdneighbor.core.language import LanguageError, choose, language_code
from thirdneighbor.core.written_dates import mongolian_date, written_date


@pytest.fixture
def speaking() -> Iterator[None]:
    """Whatever a test chooses, the next one starts in English."""
    yield
    language.use("en")


@pytest.mark.parametrize(("text", "code"), [
    ("mn", "mn"), ("MN", "mn"), ("mn_MN", "mn"), ("mn_MN.UTF-8", "mn"), ("mn-MN", "mn"), ("mn_MN.utf8@cyrillic", "mn"),
    ("en", "en"), ("en_GB.UTF-8", "en"), (" mn ", "mn"),
    ("C", None), ("C.UTF-8", None), ("POSIX", None), ("fr_FR.UTF-8", None), ("", None), ("mongolian", None),
])
def test_language_code_reads_a_flag_or_a_locale(text: str, code: str | None) -> None:
    assert language_code(text) == code


@pytest.mark.parametrize(("flag", "environ", "chosen"), [
    (None, {}, "en"),
    ("mn", {}, "mn"),
    ("en", {"THIRDNEIGHBOR_LANG": "mn", "LANG": "mn_MN.UTF-8"}, "en"),  # --lang first
    (None, {"THIRDNEIGHBOR_LANG": "mn", "LANG": "en_US.UTF-8"}, "mn"),  # then the tool's own variable
    (None, {"THIRDNEIGHBOR_LANG": "", "LANG": "mn_MN.UTF-8"}, "mn"),  # an empty one counts as unset
    (None, {"LANG": "mn_MN.UTF-8"}, "mn"),
    (None, {"LANG": "mn"}, "mn"),
    (None, {"LC_MESSAGES": "mn_MN.UTF-8", "LANG": "en_US.UTF-8"}, "mn"),
    (None, {"LC_ALL": "C", "LC_MESSAGES": "mn_MN.UTF-8", "LANG": "mn_MN.UTF-8"}, "en"),  # LC_ALL overrides, as POSIX has it
    (None, {"LC_ALL": "mn_MN.UTF-8", "LANG": "C"}, "mn"),
    (None, {"LC_ALL": "", "LANG": "mn_MN.UTF-8"}, "mn"),
    (None, {"LANG": "de_DE.UTF-8"}, "en"),  # a locale the tool does not speak: English, never an error
])
def test_choose_follows_flag_then_variable_then_locale(flag: str | None, environ: dict[str, str],
                                                       chosen: str) -> None:
    assert choose(flag, environ) == chosen


@pytest.mark.parametrize(("flag", "environ", "message"), [
    ("fr", {}, "--lang: unknown language 'fr'; choose from en (English), mn (Монгол)"),
    (None, {"THIRDNEIGHBOR_LANG": "klingon"},
     "THIRDNEIGHBOR_LANG: unknown language 'klingon'; choose from en (English), mn (Монгол)"),
    ("", {}, "--lang: unknown language ''; choose from en (English), mn (Монгол)"),
])
def test_an_unknown_language_asked_for_by_name_is_refused(flag: str | None, environ: dict[str, str],
                                                          message: str) -> None:
    with pytest.raises(LanguageError) as caught:
        choose(flag, environ)
    assert str(caught.value) == message


def test_english_is_the_code_itself_and_loads_no_catalogue(speaking: None) -> None:
    language.use("en")
    assert language._("Partner") == "Partner"
    assert language._n("{count} note", "{count} notes", 1) == "{count} note"
    assert language._n("{count} note", "{count} notes", 2) == "{count} notes"
    assert language._catalogue is None


def test_mongolian_reads_the_compiled_catalogue(speaking: None) -> None:
    language.use("mn")
    assert language.current() == "mn"
    assert language._("Partner") == "Түнш"
    assert language._catalogue is not None
    language.use("en")  # switching back forgets the catalogue
    assert language._catalogue is None and language._("Partner") == "Partner"


def test_using_an_unknown_language_is_refused(speaking: None) -> None:
    with pytest.raises(LanguageError):
        language.use("fr")
    assert language.current() == "en"


def test_n_marks_a_message_and_returns_it_untranslated(speaking: None) -> None:
    language.use("mn")
    assert language.N_("Partner") == "Partner"


@pytest.mark.parametrize(("parts", "written"), [
    ((2024, 2, 7), "2024 оны 2 сарын 7"),
    ((2024, 2, 0), "2024 оны 2 сар"),
    ((2024, 0, 0), "2024 он"),
    ((1990, 12, 31), "1990 оны 12 сарын 31"),
])
def test_mongolian_date_keeps_the_precision_it_is_given(parts: tuple[int, int, int], written: str) -> None:
    assert mongolian_date(*parts) == written


@pytest.mark.parametrize(("value", "english", "mongolian"), [
    ("2024-02-07", "2024-02-07", "2024 оны 2 сарын 7"),
    ("2024-02", "2024-02", "2024 оны 2 сар"),
    ("2024", "2024", "2024 он"),
    ("by 2011-06-16", "by 2011-06-16", "2011 оны 6 сарын 16 гэхэд"),
    ("by 2011", "by 2011", "2011 он гэхэд"),
    (None, "", ""),
    ("—", "—", "—"),  # not a date: as it is
    ("2024-2-7", "2024-2-7", "2024-2-7"),
    ("２０２４", "２０２４", "２０２４"),  # other scripts' digits are not a date here either
])
def test_written_date_follows_the_language(speaking: None, value: object, english: str, mongolian: str) -> None:
    language.use("en")
    assert written_date(value) == english
    language.use("mn")
    assert written_date(value) == mongolian


def test_a_partial_date_object_is_written_too(speaking: None) -> None:
    from thirdneighbor.data.partialdate import PartialDate

    language.use("mn")
    assert [written_date(PartialDate.parse(text)) for text in ("2019", "2019-07", "2019-07-31")] == [
        "2019 он", "2019 оны 7 сар", "2019 оны 7 сарын 31"]
