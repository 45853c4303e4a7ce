"""The tool in Mongolian: every command of issue 21 in both languages, the language's
choice, and the machine formats that do not change with it."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from .conftest import run_cli

COMMANDS = [("list",), ("show", "japan"), ("timeline",), ("tiers",), ("changes", "2024", "2025"), ("people",)]
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
URL = re.compile(r"https?://\S+")
CODE = re.compile(r"`[^`\n]*`")  # a command to type, as the shell takes it
# Words of no language: codes and names of code lists the tool shows as they are.
NOT_WORDS = {"ISO", "CoW", "GW", "Wikidata"}


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


@pytest.fixture(scope="module")
def data_texts(raw_document: dict[str, Any]) -> list[str]:
    """Every text of the bundled data, longest first: the English the tool shows as the data's."""
    return sorted(set(_texts(raw_document)), key=len, reverse=True)


def interface_words(output: str, data_texts: list[str]) -> list[str]:
    """The Latin-letter words of an output that are neither the data's text nor an address."""
    for text in data_texts:
        if len(text) > 1:
            output = output.replace(text, " ")
    output = CODE.sub(" ", URL.sub(" ", output))
    return [word for word in LATIN_WORD.findall(output) if word not in NOT_WORDS]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_plain_output_in_mongolian_has_no_english_interface_word(command: tuple[str, ...],
                                                                   data_texts: list[str]) -> None:
    result = run_cli(*command, "--lang", "mn")
    assert result.exit_code == 0, result.stderr
    assert result.stdout and interface_words(result.stdout, data_texts) == []
    # The data's English is said to be English, once; list shows none (every designation is in Mongolian).
    assert result.stderr == "" if command == ("list",) else result.stderr == ("thirdneighbor: Өгөгдөлд зөвхөн англиар байгаа бичвэрийг (тэмдэглэл, тохиолдол, "
                             "үйл явдлын нэр, албан тушаал, тайлбар) англиар харуулав.\n")


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_table_and_markdown_in_mongolian_have_no_english_interface_word(command: tuple[str, ...],
                                                                          data_texts: list[str]) -> None:
    for form in ("table", "markdown"):
        # Wide enough that no text of the data is wrapped across lines.
        result = run_cli(*command, "--lang", "mn", "--format", form, env={"TERMINAL_WIDTH": "1000",
                                                                            "COLUMNS": "1000"})
        assert result.exit_code == 0, result.stderr
        assert interface_words(result.stdout.replace("\\", ""), data_texts) == [], form


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_english_stays_english(command: tuple[str, ...]) -> None:
    result = run_cli(*command)
    assert result.exit_code == 0 and result.stderr == ""
    assert not re.search(r"[\u0400-\u04ff]{3,} (оны|сарын|он\b)", result.stdout)
    assert result.stdout == run_cli(*command, "--lang", "en").stdout


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("form", ["--json", "--format=csv", "--format=tsv", "--format=jsonl"])
def test_machine_formats_are_byte_identical_in_every_language(command: tuple[str, ...], form: str) -> None:
    english = run_cli(*command, form)
    assert english.exit_code == 0
    for env, flags in (({"LANG": "mn_MN.UTF-8"}, ()), ({}, ("--lang", "mn")), ({"THIRDNEIGHBOR_LANG": "mn"}, ())):
        mongolian = run_cli(*command, form, *flags, env=env)
        assert (mongolian.exit_code, mongolian.stdout, mongolian.stderr) == (0, english.stdout, english.stderr)


def test_json_carries_the_mongolian_fields_that_exist() -> None:
    japan = json.loads(run_cli("show", "japan", "--json", "--lang", "mn").stdout)
    assert (japan["name"], japan["name_mn"]) == ("Japan", "Япон")
    assert japan["designation_mn"] == "Энх тайван, хөгжил цэцэглэлтийн төлөөх Тусгай стратегийн түншлэл"


@pytest.mark.parametrize("env", [{"LANG": "mn_MN.UTF-8"}, {"LANG": "mn"}, {"LC_ALL": "mn_MN.UTF-8", "LANG": "C"},
                                 {"LC_MESSAGES": "mn_MN.UTF-8"}, {"THIRDNEIGHBOR_LANG": "mn", "LANG": "C.UTF-8"}])
def test_the_locale_or_the_variable_chooses_mongolian(env: dict[str, str]) -> None:
    result = run_cli("list", env=env)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split("\t")[:5] == ["japan", "Япон", "JP", "JPN", "Стратегийн түншлэл"]


def test_the_flag_wins_over_the_locale() -> None:
    result = run_cli("list", "--lang", "en", env={"LANG": "mn_MN.UTF-8", "THIRDNEIGHBOR_LANG": "mn"})
    assert result.stdout.splitlines()[0].split("\t")[1] == "Japan"


def test_the_flag_goes_before_the_command_too() -> None:
    assert run_cli("--lang", "mn", "list").stdout.splitlines()[0].split("\t")[1] == "Япон"


@pytest.mark.parametrize(("args", "env", "message"), [
    (("list", "--lang", "fr"), {}, "--lang: unknown language 'fr'; choose from en (English), mn (Монгол)"),
    (("list", "--lang=klingon"), {}, "--lang: unknown language 'klingon'; choose from en (English), mn (Монгол)"),
    (("list",), {"THIRDNEIGHBOR_LANG": "de"},
     "THIRDNEIGHBOR_LANG: unknown language 'de'; choose from en (English), mn (Монгол)"),
])
def test_an_unknown_language_exits_2_and_lists_the_languages(args: tuple[str, ...], env: dict[str, str],
                                                            message: str) -> None:
    result = run_cli(*args, env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"thirdneighbor: {message}\n")


def test_a_locale_the_tool_does_not_speak_is_english_not_an_error() -> None:
    result = run_cli("list", env={"LANG": "de_DE.UTF-8"})
    assert result.exit_code == 0 and result.stdout.splitlines()[0].split("\t")[1] == "Japan"


def test_every_command_takes_lang() -> None:
    for command in ("list", "show", "history", "timeline", "tiers", "compare", "search", "changes", "series",
                    "people", "validate", "export", "init", "diff", "info", "cite", "chart", "map", "report"):
        result = run_cli(command, "--help")
        assert result.exit_code == 0 and "--lang" in result.stdout, command


def test_dates_are_written_the_mongolian_way_and_stay_partial() -> None:
    assert run_cli("show", "japan", "--lang", "mn").stdout.count("2022 оны 11 сарын 29") >= 1
    lines = run_cli("timeline", "--lang", "mn").stdout.splitlines()
    assert any(line.startswith("2004 он\t") for line in lines)  # a year alone
    assert any(line.startswith("2004 оны 10 сар\t") for line in lines)  # a month alone
    assert run_cli("list", "--tier", "expanded", "--lang", "mn").stdout.split("\t")[5] == "2007 он"


@pytest.mark.parametrize(("tier", "first"), [("иж бүрэн", "canada"), ("Иж бүрэн түншлэл", "canada"),
                                             ("стратегийн", "japan"), ("өргөн", "australia")])
def test_mongolian_tier_names_work_whole_or_by_a_distinctive_part(tier: str, first: str) -> None:
    for command in (("list", "--tier", tier), ("export", "--tier", tier)):
        assert run_cli(*command).exit_code == 0
    assert run_cli("list", "--tier", tier).stdout.split("\t")[0] == first


def test_the_unknown_tier_error_lists_mongolian_names_under_lang_mn() -> None:
    result = run_cli("list", "--tier", "closest", "--lang", "mn")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "thirdneighbor: танигдаагүй түвшин 'closest'; боломжит түвшнүүд: Иж бүрэн стратегийн түншлэл "
        "(comprehensive-strategic), Стратегийн түншлэл (strategic), Иж бүрэн түншлэл (comprehensive), "
        "Өргөн хүрээтэй түншлэл (expanded)\n")
    english = run_cli("list", "--tier", "closest")
    assert english.stderr == ("thirdneighbor: unknown tier 'closest'; valid tiers: comprehensive-strategic, "
                              "strategic, comprehensive, expanded\n")


def test_a_part_several_tiers_hold_names_them() -> None:
    result = run_cli("list", "--tier", "бүрэн", "--lang", "mn")
    assert result.exit_code == 2
    assert "Иж бүрэн стратегийн түншлэл (comprehensive-strategic), Иж бүрэн түншлэл (comprehensive)" in result.stderr


def test_messages_on_stderr_are_mongolian() -> None:
    missing = run_cli("show", "Япн", "--lang", "mn")
    assert (missing.exit_code, missing.stdout) == (1, "")
    assert missing.stderr == "thirdneighbor: 'Япн' гэсэн хайлтад тохирох түнш олдсонгүй; та үүнийг хэлэх гэсэн үү: Japan?\n"
    usage = run_cli("list", "--fields", "nope", "--lang", "mn")
    assert usage.exit_code == 2 and usage.stderr.startswith("thirdneighbor: танигдаагүй талбар 'nope'; ")


def test_people_finds_oyun_erdene_by_the_cyrillic_name() -> None:
    result = run_cli("people", "Оюун-Эрдэнэ", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "luvsannamsrain-oyun-erdene"
    shown = run_cli("people", "Оюун-Эрдэнэ", "--lang", "mn", "--format", "table")
    assert shown.exit_code == 0 and "Лувсаннамсрайн Оюун-Эрдэнэ" in shown.stdout


def test_the_html_export_says_its_language(tmp_path: Any) -> None:
    for flags, language in (((), "en"), (("--lang", "mn"), "mn")):
        page = tmp_path / f"list-{language}.html"
        assert run_cli("list", "--export-html", str(page), *flags).exit_code == 0
        text = page.read_text(encoding="utf-8")
        assert f'<html lang="{language}">' in text
    assert "Монгол Улсын гуравдагч хөршүүд" in (tmp_path / "list-mn.html").read_text(encoding="utf-8")
