"""The README's examples are real output: each ```console block is run and compared.

A block is one `$ thirdneighbor ...` line followed by its output. Commands run as
on a 100-column terminal without colour, unless piped into `cat`, `head -n N`,
`tail -n N`, `sed -n A,Bp` or `jq .FIELD`, which run as in a pipe. To refresh the outputs after an intended
change, run `UPDATE_README=1 pytest tests/test_readme.py` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import shlex

import pytest

from .conftest import REPO, run_cli

README = REPO / "README.md"
BLOCK = re.compile(r"```console\n\$ ((?:[A-Z_]+=\S* )*thirdneighbor[^\n]*)\n(.*?)```", re.DOTALL)
TERMINAL = {"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": "100"}


def example_output(command: str) -> str:
    # Rich pads lines to the full width; the README keeps them without trailing spaces.
    return "".join(line.rstrip() + "\n" for line in _raw_output(command).splitlines())


def _raw_output(command: str) -> str:
    words, _, pipe = command.partition(" | ")
    # Variables set before the command (`THIRDNEIGHBOR_MAX_BYTES=1K thirdneighbor ...`) go to its environment.
    env = dict(TERMINAL)
    args = shlex.split(words)
    while "=" in args[0]:
        name, _, value = args.pop(0).partition("=")
        env[name] = value
    args = args[1:]
    if not pipe:
        result = run_cli(*args, env=env)
        return result.stdout + result.stderr
    result = run_cli(*args)
    assert result.exit_code == 0, result.stderr
    if pipe == "cat":
        return result.stdout
    if head := re.fullmatch(r"head -n (\d+)", pipe):
        return "".join(result.stdout.splitlines(keepends=True)[: int(head.group(1))])
    if lines := re.fullmatch(r"sed -n (\d+),(\d+)p", pipe):
        return "".join(result.stdout.splitlines(keepends=True)[int(lines.group(1)) - 1:int(lines.group(2))])
    if tail := re.fullmatch(r"tail -n (\d+)", pipe):
        return "".join(result.stdout.splitlines(keepends=True)[-int(tail.group(1)):])
    if jq := re.fullmatch(r"jq \.(\w+)", pipe):
        return json.dumps(json.loads(result.stdout)[jq.group(1)], ensure_ascii=False) + "\n"
    if jq := re.fullmatch(r"jq -c '\.(\w+)\[(\d+)\]'", pipe):  # one item of an array, compact as jq -c writes it
        item = json.loads(result.stdout)[jq.group(1)][int(jq.group(2))]
        return json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n"
    raise AssertionError(f"the README test cannot run the pipe {pipe!r}")


def examples() -> list[tuple[str, str]]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def test_readme_has_examples_of_every_command() -> None:
    commands = " ".join(command for command, _ in examples())
    for name in ("list", "show", "timeline", "tiers", "compare"):
        assert f"thirdneighbor {name}" in commands


def test_readme_examples_are_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # examples name files relative to the repository
    text = README.read_text(encoding="utf-8")
    if os.environ.get("UPDATE_README"):
        text = BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{example_output(m.group(1))}```", text)
        README.write_text(text, encoding="utf-8")
    stale = [command for command, shown in BLOCK.findall(text) if shown != example_output(command)]
    assert stale == [], "README output differs from the real output for: " + "; ".join(stale)


def test_the_readme_picture_is_real_output(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    picture = REPO / "docs" / "tiers.svg"
    fresh = tmp_path / "tiers.svg"
    assert run_cli("tiers", "--export-svg", str(fresh)).exit_code == 0
    if os.environ.get("UPDATE_README"):
        picture.parent.mkdir(exist_ok=True)
        picture.write_bytes(fresh.read_bytes())
    assert "docs/tiers.svg" in README.read_text(encoding="utf-8")
    assert picture.read_bytes() == fresh.read_bytes()


PYTHON_BLOCK = re.compile(r"```python\n(>>> .*?)```", re.DOTALL)


def test_the_python_examples_run_as_shown() -> None:
    import doctest

    blocks = PYTHON_BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks, "the README has no Python examples"
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for number, block in enumerate(blocks):
        runner.run(parser.get_doctest(block, {}, f"README python block {number}", str(README), 0))
    results = runner.summarize(verbose=False)
    assert results.attempted > 0 and results.failed == 0


def test_the_exit_code_table_is_made_from_the_enum() -> None:
    from thirdneighbor.errors import exit_codes_markdown

    text = README.read_text(encoding="utf-8")
    marker = "<!-- exit codes: made from thirdneighbor.errors.ExitCode; tests/test_readme.py checks it -->\n"
    start = text.index(marker) + len(marker)
    table = text[start:text.index("\n\n", start) + 1]
    if os.environ.get("UPDATE_README"):
        README.write_text(text.replace(table, exit_codes_markdown()), encoding="utf-8")
        table = exit_codes_markdown()
    assert table == exit_codes_markdown()


def test_the_readme_shows_the_sql_examples_the_tests_run() -> None:
    from thirdneighbor.render.sqlite import EXAMPLE_QUERIES

    text = README.read_text(encoding="utf-8")
    for description, query in EXAMPLE_QUERIES:
        assert f"-- {description}\n{query}" in text


COUNT = re.compile(r"<!-- count: (\w+) -->([\d,]+)")


def _counts() -> dict[str, int]:
    from thirdneighbor.render.citation import all_sources
    from thirdneighbor.data.load import load_dataset

    from .conftest import BUNDLED

    dataset = load_dataset(BUNDLED)
    third_neighbors = [p for p in dataset.all_partners if p.tier is not None and not p.neighbor]
    return {"sources": len(all_sources(dataset)), "third_neighbors": len(third_neighbors),
            "events": len(dataset.all_events), "people": len(dataset.all_people), "tiers": len(dataset.tiers)}


def test_counts_in_the_prose_are_the_data_s() -> None:
    # A number written in a sentence ("every source (141 in the bundled data)") goes stale
    # silently; each one stands behind a `<!-- count: NAME -->` marker, and here it is counted.
    text = README.read_text(encoding="utf-8")
    counts = _counts()
    if os.environ.get("UPDATE_README"):
        text = COUNT.sub(lambda m: f"<!-- count: {m.group(1)} -->{counts[m.group(1)]:,}", text)
        README.write_text(text, encoding="utf-8")
    found = COUNT.findall(text)
    assert any(name == "sources" for name, _ in found), "the README's count of sources has lost its marker"
    for name, shown in found:
        assert int(shown.replace(",", "")) == counts[name], f"README says {shown} {name}; the data has {counts[name]}"
