"""Start-up, memory and scale benchmarks for thirdneighbor, as ratios against
baselines measured in the same run, with the same interpreter and packages.

    .venv/bin/python benchmarks/run.py            # everything (several minutes)
    .venv/bin/python benchmarks/run.py --startup  # only start-up, memory and the cache check
    .venv/bin/python benchmarks/run.py --runs 21  # more runs, steadier medians

Every figure is the median of --runs runs; within a round the commands run one
after another in a rotating order, so a noisy moment hits them all alike. The
script prints a table and exits 1 if any target is missed. It is a benchmark,
not a test: CI does not run it, because shared machines are too noisy to fail a
build on.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402  (the dataset generator beside this file)

HELLO = """\
import typer

app = typer.Typer()


@app.command()
def main(name: str = "world") -> None:
    print(f"hello {name}")


if __name__ == "__main__":
    app()
"""
# The floor for a Typer + Rich tool: the same hello-world that also imports what
# a table needs.
HELLO_RICH = "import rich.console\nimport rich.table\n" + HELLO
BARE_TOML = "import sys, tomllib\nwith open(sys.argv[1], 'rb') as f:\n    tomllib.load(f)\n"


@dataclass
class Sample:
    seconds: float
    max_rss_kib: int


def run_once(argv: Sequence[str], env: dict[str, str], before: Callable[[], None] | None = None,
             exit_code: int = 0) -> Sample:
    if before is not None:
        before()
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read() if process.stderr else b""
    if process.returncode != exit_code:
        shown = " ".join(argv) if len(argv) < 40 else " ".join([*argv[:20], "...", *argv[-5:]])
        raise SystemExit(f"benchmark command failed ({process.returncode}): {shown}\n{errors.decode()}")
    return Sample(elapsed, usage.ru_maxrss)


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str]
    before: Callable[[], None] | None = None
    exit_code: int = 0  # what the command must exit with: 2 for a case that measures a refusal


def measure(cases: list[Case], runs: int) -> dict[str, list[Sample]]:
    for case in cases:  # one unmeasured run each: warms the OS caches and the tool's own
        run_once(case.argv, case.env, case.before, case.exit_code)
    samples: dict[str, list[Sample]] = {case.name: [] for case in cases}
    for round_number in range(runs):
        shift = round_number % len(cases)
        for case in cases[shift:] + cases[:shift]:
            samples[case.name].append(run_once(case.argv, case.env, case.before, case.exit_code))
    return samples


def median(samples: list[Sample]) -> float:
    return statistics.median(sample.seconds for sample in samples)


@dataclass
class Row:
    what: str
    seconds: float
    baseline: str
    ratio: float | None
    target: str
    ok: bool | None

    def cells(self) -> list[str]:
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}"
        verdict = {True: "ok", False: "MISSED", None: "report"}[self.ok]
        milliseconds = self.seconds * 1000
        shown = f"{milliseconds:.0f} ms" if milliseconds >= 10 else f"{milliseconds:.3f} ms"
        return [self.what, shown, self.baseline, ratio, self.target, verdict]


def ratio_row(what: str, value: float, baseline_name: str, baseline: float, limit: float | None) -> Row:
    ratio = value / baseline
    target = f"<= {limit:.2f}" if limit is not None else ""
    return Row(what, value, baseline_name, ratio, target, None if limit is None else ratio <= limit)


def print_table(title: str, rows: list[Row]) -> None:
    header = ["command", "median", "baseline", "ratio", "target", ""]
    table = [header] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    print(f"\n{title}")
    for index, line in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())
        if index == 0:
            print("  ".join("-" * width for width in widths))


def cli_argv() -> list[str]:
    script = Path(sys.executable).parent / "thirdneighbor"
    if not script.exists():
        raise SystemExit("run this with the project's venv Python: .venv/bin/python benchmarks/run.py")
    return [str(script)]


# The pictures, each held to 0.5 s on the bundled data.
PICTURES = (("chart",), ("chart", "--counts"), ("chart", "--as-of", "2010"), ("map",), ("map", "--as-of", "2010"),
            ("map", "--region", "europe"), ("report",), ("report", "--as-of", "2010"))


def startup(work: Path, runs: int, env: dict[str, str]) -> list[Row]:
    (work / "hello.py").write_text(HELLO, encoding="utf-8")
    (work / "hello_rich.py").write_text(HELLO_RICH, encoding="utf-8")
    python, tool = sys.executable, cli_argv()
    cases = [
        Case("python -c pass", [python, "-c", "pass"], env),
        Case("typer hello-world", [python, str(work / "hello.py")], env),
        Case("typer hello-world + rich", [python, str(work / "hello_rich.py")], env),
        Case("list --json", [*tool, "list", "--json"], env),
        Case("show korea --json", [*tool, "show", "korea", "--json"], env),
        Case("timeline --json", [*tool, "timeline", "--json"], env),
        Case("search khurelsukh --json", [*tool, "search", "khurelsukh", "--json"], env),
        Case("changes 2023 2025 --json", [*tool, "changes", "2023", "2025", "--json"], env),
        Case("series --json", [*tool, "series", "--json"], env),
        Case("people khurelsukh --json", [*tool, "people", "khurelsukh", "--json"], env),
        Case("list (piped)", [*tool, "list"], env),
        Case("list --json --lang mn", [*tool, "list", "--json", "--lang", "mn"], env),
        Case("list --lang mn (piped)", [*tool, "list", "--lang", "mn"], env),
        Case("timeline (piped)", [*tool, "timeline"], env),
        Case("tiers (piped)", [*tool, "tiers"], env),
        Case("compare japan usa (piped)", [*tool, "compare", "japan", "usa"], env),
        Case("list (terminal layout)", [*tool, "list"], {**env, "FORCE_COLOR": "1", "COLUMNS": "100"}),
        *(Case(" ".join(picture), [*tool, *picture, "-o", "-"], env) for picture in PICTURES),
    ]
    samples = measure(cases, runs)
    medians = {name: median(values) for name, values in samples.items()}
    hello, hello_rich, floor = medians["typer hello-world"], medians["typer hello-world + rich"], medians["python -c pass"]
    rows = [Row(name, medians[name], "", None, "", None) for name in ("python -c pass", "typer hello-world",
                                                                       "typer hello-world + rich")]
    for name in ("list --json", "show korea --json", "timeline --json", "search khurelsukh --json",
                 "changes 2023 2025 --json", "series --json", "people khurelsukh --json", "list --json --lang mn"):
        rows.append(ratio_row(name, medians[name], "hello-world", hello, 1.15))
    for name in ("list (piped)", "timeline (piped)", "tiers (piped)", "list --lang mn (piped)"):
        rows.append(ratio_row(name, medians[name], "hello + rich", hello_rich, 1.15))
    rows.append(ratio_row("compare japan usa (piped)", medians["compare japan usa (piped)"], "hello + rich",
                          hello_rich, None))
    rows.append(ratio_row("list (terminal layout)", medians["list (terminal layout)"], "hello + rich",
                          hello_rich, None))
    rows.append(ratio_row("list --json", medians["list --json"], "python -c pass", floor, None))
    for picture in PICTURES:  # a whole picture, start-up included, within half a second
        name = " ".join(picture)
        rows.append(Row(f"{name} -o -", medians[name], "", None, "<= 500 ms", medians[name] <= 0.5))
    cli_cases = [case.name for case in cases if case.argv[:1] == tool]
    peak = max(sample.max_rss_kib for name in cli_cases for sample in samples[name]) / 1024
    rows.append(Row(f"peak memory, any command: {peak:.1f} MiB", 0.0, "", None, "<= 45 MiB", peak <= 45))
    return rows


def cache_check(work: Path, runs: int) -> list[Row]:
    """What checking a cache entry costs, in-process, on the bundled data: the
    header, length and digest check before decoding, and the whole hit (check,
    marshal, decode with the shape check), against marshal.loads alone; and the
    hit with the sources decoded too, as the commands that show them pay."""
    import marshal

    from thirdneighbor.data import cache
    from thirdneighbor.data.load import bundled_dataset_path, load_dataset

    os.environ["XDG_CACHE_HOME"] = str(work / "check-cache")
    path = bundled_dataset_path()
    raw = path.read_bytes()
    load_dataset(path)  # writes the entry
    entry = cache.entry_path(path)
    assert entry is not None and cache.load(path, raw) is not None
    stamp = cache.fingerprint(raw)
    payload = entry.read_bytes()[cache._HEADER:]

    def timed(work_once: Callable[[], object]) -> float:
        samples = []
        for _ in range(runs * 20):
            started = time.perf_counter()
            work_once()
            samples.append(time.perf_counter() - started)
        return statistics.median(samples)

    def hit_and_sources() -> None:
        found = cache.load(path, raw)
        assert found is not None
        found[0].all_sources  # decoded at their first read, by the commands that show sources

    bare = timed(lambda: marshal.loads(payload))
    header = timed(lambda: cache._checked_payload(entry, stamp, len(raw)))
    whole = timed(lambda: cache.load(path, raw))
    sourced = timed(hit_and_sources)
    return [
        Row("marshal.loads of the entry alone", bare, "", None, "", None),
        Row("header, length and digest check", header, "marshal.loads", header / bare, "<= 2 ms", header <= 0.002),
        Row("whole cache hit, with the shape check", whole, "marshal.loads", whole / bare, "<= 2 ms",
            whole <= 0.002),
        Row("the same, and the sources read", sourced, "marshal.loads", sourced / bare, "", None),
    ]


def scale(work: Path, runs: int, env: dict[str, str]) -> list[Row]:
    python, tool = sys.executable, cli_argv()
    cache_home = work / "cache"
    sizes = (100, 1_000, 10_000)
    files = {size: generate.write(size, work / f"partners-{size}.toml") for size in sizes}

    def clear_cache() -> None:
        shutil.rmtree(cache_home, ignore_errors=True)

    cached_env = {**env, "XDG_CACHE_HOME": str(cache_home)}
    rows: list[Row] = []
    medians: dict[tuple[str, int], float] = {}
    for size in sizes:
        data = str(files[size])
        # Cold runs find no cache; warm runs find the entry the cold run left.
        cases = [
            Case("bare", [python, "-c", BARE_TOML, data], env),
            Case("cold", [*tool, "list", "--json", "--data", data], cached_env, clear_cache),
            Case("warm", [*tool, "list", "--json", "--data", data], cached_env),
            Case("timeline", [*tool, "timeline", "--json", "--country", "country-5", "--since", "2000",
                              "--data", data], cached_env),
            Case("compare", [*tool, "compare", "country-1", "country-7", "--json", "--data", data], cached_env),
            Case("filter", [*tool, "list", "--tier", "strategic", "--since", "2000", "--sort", "name",
                            "--json", "--data", data], cached_env),
            Case("search", [*tool, "search", "milestone", "3", "--json", "--data", data], cached_env),
            Case("changes", [*tool, "changes", "2000", "2010", "--json", "--data", data], cached_env),
            Case("series", [*tool, "series", "--json", "--data", data], cached_env),
            Case("people", [*tool, "people", "person-5", "--json", "--data", data], cached_env),
        ]
        if size == 10_000:
            # Repetition must not cost: a word typed 100 times (999 characters, within
            # the query's limit) costs what it costs once, and 5,000 times is refused.
            word = [*tool, "search", "--json", "--data", data, "--", "milestone"]
            cases += [Case("search once", word, cached_env), Case("search x100", word + ["milestone"] * 99, cached_env),
                      Case("search x5000", word + ["milestone"] * 4999, cached_env, exit_code=2)]
        # Cases run in this order every round, not rotated: warm must follow cold.
        samples: dict[str, list[Sample]] = {case.name: [] for case in cases}
        for _ in range(runs):
            for case in cases:
                samples[case.name].append(run_once(case.argv, case.env, case.before, case.exit_code))
        for case in cases:
            medians[(case.name, size)] = median(samples[case.name])
        size_mib = files[size].stat().st_size / 2**20
        rows.append(Row(f"{size:,} partners ({size_mib:.1f} MiB): bare tomllib.load", medians[("bare", size)],
                        "", None, "", None))
        rows.append(ratio_row(f"{size:,}: cold list --json", medians[("cold", size)], "bare tomllib",
                              medians[("bare", size)], 1.3 if size == 10_000 else None))
        rows.append(ratio_row(f"{size:,}: repeat (cached)", medians[("warm", size)], "cold",
                              medians[("cold", size)], 0.25 if size == 10_000 else None))
    once = medians[("search once", 10_000)]
    rows.append(Row("10,000: cached search milestone", once, "", None, "", None))
    rows.append(ratio_row("10,000: the same word 100 times", medians[("search x100", 10_000)], "once", once, 1.2))
    refused = medians[("search x5000", 10_000)]
    rows.append(Row("10,000: the same word 5,000 times (refused)", refused, "", None, "< 2 s", refused < 2))
    for name, label in (("cold", "cold list --json"), ("warm", "cached list --json"),
                        ("timeline", "cached timeline --country"), ("compare", "cached compare"),
                        ("filter", "cached list --tier --since --sort"), ("search", "cached search"),
                        ("changes", "cached changes"), ("series", "cached series"), ("people", "cached people NAME")):
        rows.append(ratio_row(f"growth 1,000 -> 10,000: {label}", medians[(name, 10_000)], "same at 1,000",
                              medians[(name, 1_000)], 12.0))
    return rows


def machine() -> str:
    import platform

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import typer

    return (f"{platform.python_implementation()} {platform.python_version()}, Typer {typer.__version__}, "
            f"{os.cpu_count()} cores{', ' + cpu if cpu else ''}, {platform.system()} {platform.release()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="runs per command (median taken); default 11")
    parser.add_argument("--startup", action="store_true", help="only the start-up, memory and cache-check benchmarks")
    parser.add_argument("--scale", action="store_true", help="only the scale benchmark")
    options = parser.parse_args()
    if options.runs < 10:
        parser.error("--runs must be at least 10")
    env = {key: value for key, value in os.environ.items()
           if key not in ("THIRDNEIGHBOR_DATA", "FORCE_COLOR", "NO_COLOR", "COLUMNS")}
    print(f"machine: {machine()}; {options.runs} runs per command, medians")
    # An install from a wheel has its bytecode compiled by pip. An editable one,
    # under PYTHONDONTWRITEBYTECODE, would compile every module at every run;
    # compile once here so that both sides run from bytecode, as Typer does.
    import thirdneighbor

    compileall.compile_dir(Path(thirdneighbor.__file__).parent, quiet=1)
    failed = False
    with tempfile.TemporaryDirectory(prefix="thirdneighbor-bench-") as directory:
        work = Path(directory)
        env["XDG_CACHE_HOME"] = str(work / "startup-cache")  # the bundled dataset's cache entry
        if not options.scale:
            rows = startup(work, options.runs, env)
            print_table("Start-up (bundled dataset)", rows)
            failed |= any(row.ok is False for row in rows)
            rows = cache_check(work, options.runs)
            print_table("Cache check (bundled dataset, in-process)", rows)
            failed |= any(row.ok is False for row in rows)
        if not options.startup:
            rows = scale(work, options.runs, env)
            print_table("Scale (generated datasets, 5 events per partner)", rows)
            failed |= any(row.ok is False for row in rows)
    print("\nall targets met" if not failed else "\nSOME TARGETS MISSED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
