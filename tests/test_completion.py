"""Shell completion: the completion functions directly, then one real round trip
through bash with the script Typer generates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from thirdneighbor.cli import completion


def context(command: str = "", **params: Any) -> Any:
    return SimpleNamespace(params=params, command=SimpleNamespace(name=command))


def values(offers: list[Any]) -> list[str]:
    return [offer[0] if isinstance(offer, tuple) else offer for offer in offers]


@pytest.mark.parametrize(("typed", "expected"), [
    ("ko", ["kor", "korea"]),
    ("KO", ["KOR"]),
    ("tur", ["turkiye"]),
    ("Tü", ["Türkiye"]),
    ("south", ["south-korea"]),
    ("zz", []),
])
def test_countries_complete_names_ids_and_codes(typed: str, expected: list[str]) -> None:
    assert values(completion.countries(context(), typed)) == expected


def test_a_list_of_countries_or_tiers_completes_after_the_last_comma() -> None:
    assert values(completion.country_list(context(), "usa,ko")) == ["usa,kor", "usa,korea"]
    assert values(completion.country_list(context(), "ko")) == ["kor", "korea"]
    assert ("usa,korea", "South Korea") in completion.country_list(context(), "usa,ko")
    assert values(completion.tiers(context(), "strategic,")) == ["strategic,comprehensive-strategic",
                                                                "strategic,comprehensive", "strategic,expanded"]
    assert values(completion.tiers(context(), "ex")) == ["expanded"]


def test_every_offer_begins_with_what_was_typed() -> None:
    for typed in ("", "a", "Ge", "ind", "U", "o"):
        assert all(value.startswith(typed) for value in values(completion.countries(context(), typed)))


def test_country_offers_carry_the_partner_name_as_help() -> None:
    assert ("korea", "South Korea") in completion.countries(context(), "ko")


def test_countries_come_from_the_dataset_given_with_data(write_dataset: Any) -> None:
    path = write_dataset(lambda d: d["partners"][1].update(name="Nihon"))
    assert "Nihon" in values(completion.countries(context(data=str(path)), "Ni"))


def test_a_broken_dataset_offers_nothing(tmp_path: Path) -> None:
    assert completion.countries(context(data=str(tmp_path / "missing.toml")), "") == []


def test_levels() -> None:
    assert values(completion.tiers(context(), "")) == ["comprehensive-strategic", "strategic", "comprehensive", "expanded"]
    assert values(completion.tiers(context(), "comp")) == ["comprehensive-strategic", "comprehensive"]


def test_formats() -> None:
    assert completion.formats("") == ["table", "plain", "json", "jsonl", "csv", "tsv", "markdown", "md"]
    assert completion.formats("m") == ["markdown", "md"]
    assert completion.formats("js") == ["json", "jsonl"]


def test_fields_complete_after_the_last_comma() -> None:
    assert completion.fields(context("list"), "na") == ["name", "name_mn"]
    assert completion.fields(context("list"), "id,na") == ["id,name", "id,name_mn"]
    assert "id,name,since" in completion.fields(context("list"), "id,name,s")
    assert "id,id" not in completion.fields(context("list"), "id,")  # a field once
    assert completion.fields(context("timeline"), "ti") == ["title"]
    assert completion.fields(context("compare"), "earl") == ["earlier_tiers"]


def test_as_of_is_a_field_only_with_as_of() -> None:
    assert completion.fields(context("list"), "as_") == []
    assert completion.fields(context("list", as_of="2015"), "as_") == ["as_of"]


def bash_complete(words: list[str]) -> list[str]:
    """Complete the last word through bash itself, with Typer's own script."""
    executable = Path(sys.executable).parent / "thirdneighbor"
    # Typer's own switch for tests: --show-completion then takes the shell as its
    # value, instead of guessing it from the parent processes (under a test
    # runner started in the background, there is no shell among them).
    shown = subprocess.run([str(executable), "--show-completion", "bash"], capture_output=True, text=True,
                           check=False, env={**os.environ, "PATH": f"{executable.parent}:{os.environ['PATH']}",
                                             "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert (shown.returncode, shown.stderr) == (0, ""), shown  # what went wrong, should it ever fail
    script = shown.stdout
    words_literal = " ".join(f"'{word}'" for word in words)
    program = (f"{script}\nCOMP_WORDS=({words_literal}); COMP_CWORD={len(words) - 1}\n"
               "_thirdneighbor_completion thirdneighbor\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n")
    done = subprocess.run(["bash", "-c", program], capture_output=True, text=True, check=True, timeout=60,
                          env={**os.environ, "PATH": f"{executable.parent}:{os.environ['PATH']}"})
    return [line for line in done.stdout.splitlines() if line]


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_a_real_bash_round_trip() -> None:
    assert bash_complete(["thirdneighbor", "show", "ko"]) == ["kor", "korea"]
    assert bash_complete(["thirdneighbor", "list", "--tier", "exp"]) == ["expanded"]
    assert bash_complete(["thirdneighbor", "list", "--fields", "id,na"]) == ["id,name", "id,name_mn"]
    assert "timeline" in bash_complete(["thirdneighbor", "ti"])


def test_chart_fields() -> None:
    offers = completion.fields(context("timeline", chart=True), "")
    assert offers == ["year", "events", "comprehensive-strategic", "strategic", "comprehensive", "expanded", "none"]


def test_export_and_cite_formats() -> None:
    assert completion.export_formats("") == ["toml", "sqlite", "csv", "datapackage"]
    assert completion.export_formats("s") == ["sqlite"]
    assert completion.export_tables("partner_") == ["partner_notes", "partner_claims", "partner_claim_sources",
                                                    "partner_years", "partner_sources"]
    assert completion.cite_formats("b") == ["bibtex"]


def test_completion_offers_only_names_that_exist() -> None:
    # "tü" is completed from "Türkiye", never into "türkey" (the alias Turkey with the typed accent).
    assert [offer for offer, _ in completion.countries(None, "tü")] == ["türkiye"]  # type: ignore[arg-type]
    assert [offer for offer, _ in completion.countries(None, "tur")] == ["turkiye"]  # type: ignore[arg-type]
