"""Options mean the same everywhere: `report` takes every filter of `list`,
`export` says exactly which it takes, and THIRDNEIGHBOR_DATA=- reads stdin as
--data - does."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from thirdneighbor.cli.app import app

from .conftest import BUNDLED, Run, run_cli


def _rows(page: str) -> list[str]:
    return re.findall(r'<tr data-partner="([^"]+)"', page)


def _listed(*filters: str) -> list[str]:
    result = run_cli("list", "--json", *filters)
    assert (result.exit_code, result.stderr) == (0, "")
    return [partner["id"] for partner in json.loads(result.stdout)]


def _report(*filters: str) -> list[str]:
    result = run_cli("report", *filters, "-o", "-")
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return _rows(result.stdout)


def test_report_takes_all_as_list_does() -> None:
    # Refused before ("no such option: --all"), though the help promised the filters of `list`.
    assert "united-kingdom" in _report("--all") and "united-kingdom" not in _report()
    assert sorted(_report("--all")) == sorted(_listed("--all"))


def test_report_takes_since_and_until_as_list_does() -> None:
    for filters in (("--since", "2019"), ("--until", "2015-06"), ("--since", "2010", "--until", "2020"),
                    ("--since", "2010", "--neighbors", "--all"), ("--as-of", "2015", "--since", "2011")):
        assert sorted(_report(*filters)) == sorted(_listed(*filters)), filters
        assert _report(*filters), filters


def test_report_refuses_a_window_the_wrong_way_round_as_list_does() -> None:
    for command in ("list", "report"):
        result = run_cli(command, "--since", "2020", "--until", "2010", *(["-o", "-"] if command == "report" else []))
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.startswith("thirdneighbor: --since 2020 is later than --until 2010\n")


def test_report_help_names_the_filters_it_takes() -> None:
    result = run_cli("report", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "The filters of `list` (--tier, --since, --until, --year, --neighbors, --all, --as-of) and --country" in text
    for option in ("--tier", "--since", "--until", "--neighbors", "--all", "--as-of", "--country"):
        assert re.search(rf"{option}\b", result.stdout.split("Options")[1]), option


def test_export_help_says_exactly_which_filters_it_takes() -> None:
    result = run_cli("export", "--help")
    assert result.exit_code == 0
    text = " ".join(line.strip(" │") for line in result.stdout.splitlines())
    text = " ".join(text.split())
    assert ("The filters are those of `list` but --as-of and --sort: --tier, --since, --until, --neighbors and "
            "--all; and --country.") in text
    # What the help names, the command takes; what it leaves out, it refuses.
    for option in ("--tier", "--since", "--until", "--neighbors", "--all", "--country"):
        assert re.search(rf"{option}\b", result.stdout.split("Options")[1]), option
    refused = run_cli("export", "--as-of", "2015")
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr.startswith("thirdneighbor: no such option: --as-of")


def _with_stdin(args: list[str], stdin: bytes, env: dict[str, str]) -> Run:
    result = CliRunner().invoke(app, args, input=stdin, env=env, prog_name="thirdneighbor")
    return Run(result.exit_code, result.stdout, result.stderr)


def test_thirdneighbor_data_dash_reads_stdin_as_data_dash_does(tmp_path: Path) -> None:
    # Before, "-" was taken for a file of that name: "no such file".
    raw = BUNDLED.read_bytes().replace(b'title = "Third Neighbor Policy dataset"', b'title = "From stdin"')
    from_env = _with_stdin(["cite", "--json"], raw, {"THIRDNEIGHBOR_DATA": "-"})
    from_option = _with_stdin(["cite", "--json", "--data", "-"], raw, {})
    assert (from_env.exit_code, from_env.stderr) == (0, "")
    assert json.loads(from_env.stdout)["title"] == "From stdin"
    assert from_env.stdout == from_option.stdout


def test_stdin_named_by_the_variable_is_never_cached_and_info_says_so(tmp_path: Path) -> None:
    result = _with_stdin(["info", "--json"], BUNDLED.read_bytes(), {"THIRDNEIGHBOR_DATA": "-"})
    assert (result.exit_code, result.stderr) == (0, "")
    record = json.loads(result.stdout)
    assert (record["path"], record["source"]) == ("<stdin>", "$THIRDNEIGHBOR_DATA=-")
    assert record["cache"] == {"enabled": False, "path": None, "hit": False}
    text = _with_stdin(["info"], BUNDLED.read_bytes(), {"THIRDNEIGHBOR_DATA": "-"})
    assert "Dataset:  <stdin> (read from stdin, as $THIRDNEIGHBOR_DATA=- asks)\n" in text.stdout
    assert "Cache:    off (stdin is never cached)\n" in text.stdout


def test_broken_stdin_named_by_the_variable_says_where_it_came_from() -> None:
    result = _with_stdin(["list"], b"", {"THIRDNEIGHBOR_DATA": "-"})
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == ("thirdneighbor: <stdin> (named by $THIRDNEIGHBOR_DATA=-): the dataset is broken "
                             "(1 problem)\n  - is empty\n")


def test_data_overrides_the_variable_dash() -> None:
    result = _with_stdin(["list", "--json", "--data", str(BUNDLED)], b"not toml", {"THIRDNEIGHBOR_DATA": "-"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(json.loads(result.stdout)) == 16


def test_completion_reads_no_stdin_named_by_the_variable(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # A TAB would wait on stdin, and take the data of the command to be run; and "-" is no file name either.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-").write_bytes(BUNDLED.read_bytes())
    env = {"_THIRDNEIGHBOR_COMPLETE": "complete_bash", "COMP_WORDS": "thirdneighbor show ja", "COMP_CWORD": "2"}
    assert "japan" in _with_stdin([], b"", env).stdout.split()  # the bundled data, without the variable
    result = _with_stdin([], BUNDLED.read_bytes(), {**env, "THIRDNEIGHBOR_DATA": "-"})
    assert (result.exit_code, result.stdout.split(), result.stderr) == (0, [], "")
