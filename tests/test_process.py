"""Hostile conditions that need a real process: closed pipes, Ctrl-C, locales and
encodings. Each runs the installed CLI with `python -m thirdneighbor`."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BUNDLED = Path(__file__).resolve().parents[1] / "data" / "partners.toml"
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}


def cli(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    kwargs.setdefault("timeout", 60)
    return subprocess.run([sys.executable, "-m", "thirdneighbor", *args], env={**BASE_ENV, **(env or {})},
                          capture_output=True, check=False, **kwargs)  # type: ignore[call-overload]


# --- closed pipes ---------------------------------------------------------------------

@pytest.mark.parametrize("pipeline", [
    "timeline | head -1",
    "list --json | head -c 10",
    "show france korea | head -n 2",
])
def test_shell_pipeline_into_head_prints_no_traceback(pipeline: str) -> None:
    command, _, head = pipeline.partition(" | ")
    script = f'"$PYTHON" -m thirdneighbor {command} 2>"$ERR" | {head}'
    errors = Path(os.environ.get("TMPDIR", "/tmp")) / f"tn-stderr-{os.getpid()}"
    done = subprocess.run(["bash", "-c", script], env={**BASE_ENV, "PYTHON": sys.executable, "ERR": str(errors)},
                          capture_output=True, check=False, timeout=60)
    try:
        assert done.returncode == 0
        assert done.stdout  # head printed something
        assert errors.read_text() == ""
    finally:
        errors.unlink(missing_ok=True)


def into_closed_pipe(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run the tool with stdout a pipe whose reader is gone before it writes
    anything: every write fails with EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([sys.executable, "-m", "thirdneighbor", *args], env=BASE_ENV, stdout=write_end,
                              stderr=subprocess.PIPE, check=False, timeout=60)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", [["timeline"], ["list", "--json"], ["tiers", "--neighbors", "--json"]])
def test_a_pipe_closed_before_writing_exits_141_quietly(args: list[str]) -> None:
    done = into_closed_pipe(args)
    assert done.returncode == 141
    assert done.stderr == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["cite"], ["export"], ["--version"],
                                  # Click's own output, which no command's boundary sees
                                  ["--help"], ["list", "--help"], ["search", "--help"]])
def test_a_full_disk_on_stdout_exits_4_with_one_line(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "thirdneighbor", *args], env=BASE_ENV, stdout=full,
                              stderr=subprocess.PIPE, check=False, timeout=60)
    assert done.returncode == 4
    assert done.stderr == b"thirdneighbor: cannot write the output: No space left on device\n"


# --- Ctrl-C ---------------------------------------------------------------------------

def test_ctrl_c_exits_130_quietly(tmp_path: Path) -> None:
    # A FIFO as the dataset: the tool blocks reading it until interrupted, so the
    # signal arrives at a known point rather than by timing luck.
    fifo = tmp_path / "dataset.toml"
    os.mkfifo(fifo)
    process = subprocess.Popen([sys.executable, "-m", "thirdneighbor", "list", "--data", str(fifo)],
                               env=BASE_ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer = None
    try:
        deadline = time.monotonic() + 30
        while writer is None and time.monotonic() < deadline:
            # Opening the write end succeeds only once the tool has the FIFO open for
            # reading; holding it open (and writing nothing) keeps the tool waiting.
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)
        assert writer is not None, "the tool never opened the dataset"
        time.sleep(0.2)  # let it get from open() into read()
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
        if writer is not None:
            os.close(writer)
    assert process.returncode == 130
    assert stdout == b""
    assert b"Traceback" not in stderr


# --- locales and encodings ------------------------------------------------------------

LOCALES = {
    "LANG=C": {"LANG": "C"},
    "LC_ALL=C": {"LC_ALL": "C"},
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "PYTHONIOENCODING=latin-1": {"PYTHONIOENCODING": "latin-1"},
    "UTF-8": {"LANG": "C.UTF-8"},
    "ascii and C": {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}


@pytest.fixture(scope="module")
def utf8_json() -> dict[str, object]:
    return {name: json.loads(cli(*args, "--json").stdout) for name, args in
            {"show": ["show", "japan", "vietnam", "turkiye"], "timeline": ["timeline"]}.items()}


@pytest.mark.parametrize("env", LOCALES.values(), ids=LOCALES.keys())
def test_json_is_valid_and_exact_in_every_locale(env: dict[str, str], utf8_json: dict[str, object]) -> None:
    for name, args in {"show": ["show", "japan", "vietnam", "turkiye"], "timeline": ["timeline"]}.items():
        done = cli(*args, "--json", env=env)
        assert done.returncode == 0, done.stderr
        assert done.stderr == b""
        assert json.loads(done.stdout) == utf8_json[name]


@pytest.mark.parametrize("env", LOCALES.values(), ids=LOCALES.keys())
@pytest.mark.parametrize("args", [["show", "japan", "vietnam", "turkiye"], ["list"], ["timeline"],
                                  ["compare", "türkiye", "vietnam"]])
@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_human_output_degrades_gracefully(env: dict[str, str], args: list[str], terminal: bool) -> None:
    extra = {"FORCE_COLOR": "1", "TERM": "dumb", "COLUMNS": "120"} if terminal else {}
    done = cli(*args, env={**env, **extra})
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    text = done.stdout.decode(env.get("PYTHONIOENCODING", "utf-8"))  # strict: what was written decodes
    if "ascii" in env.get("PYTHONIOENCODING", ""):
        assert text.isascii()
        if args[0] == "show":
            assert "Khurelsukh" in text and "To Lam" in text and "Turkiye" in text
    elif args[0] == "show":
        assert "Khürelsükh" in text or "Khurelsukh" in text


def test_an_error_message_survives_an_ascii_stderr() -> None:
    done = cli("show", "Türkiyé-ish", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 1 and done.stdout == b""
    assert done.stderr.decode("ascii").startswith("thirdneighbor: no partner matches 'Turkiye-ish'")


def test_python_dash_m_and_version() -> None:
    done = cli("--version")
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.startswith(b"thirdneighbor ")


# --- the entry point builds only the command it runs ----------------------------------

def test_a_named_command_runs_alone_and_everything_else_sees_the_whole_app() -> None:
    from thirdneighbor.cli.app import app

    names = [command.name for command in app.registered_commands]
    whole = cli("--help", env={"COLUMNS": "200"})
    assert whole.returncode == 0 and all(f" {name} " in whole.stdout.decode() for name in names)
    alone = cli("search", "--help", env={"COLUMNS": "200"})
    assert alone.returncode == 0 and "Usage: thirdneighbor search [OPTIONS] {TEXT...}" in alone.stdout.decode()
    typo = cli("serach")
    assert typo.returncode == 2 and "Did you mean 'search'?" in typo.stderr.decode()
    answered = cli("changes", "2023", "2024", "--json")
    assert answered.returncode == 0 and json.loads(answered.stdout)["from"] == "2023-01-01"

    misplaced = cli("--data", "mine.toml", "list")  # the whole app: the first argument names no command
    assert (misplaced.returncode, misplaced.stdout) == (2, b"")
    assert misplaced.stderr == b"thirdneighbor: --data goes after the command: thirdneighbor list --data mine.toml\n"


def test_a_dash_means_stdin_for_data_and_stdout_for_files(tmp_path: Path) -> None:
    data = (Path(__file__).resolve().parents[1] / "data" / "partners.toml").read_bytes()
    listed = cli("list", "--data", "-", "--fields", "id", input=data, cwd=tmp_path)
    assert (listed.returncode, listed.stderr) == (0, b"")
    assert listed.stdout.decode().splitlines()[:2] == ["japan", "india"]
    info = cli("info", "--data", "-", input=data, cwd=tmp_path).stdout.decode()
    assert info.startswith("Dataset:  <stdin> (read from stdin)\n") and "Cache:    off (stdin is never cached)\n" in info
    broken = cli("validate", "-", input=b"schema_version = ", cwd=tmp_path)
    assert broken.returncode == 3 and broken.stderr.decode().startswith("thirdneighbor: <stdin>: the dataset is broken")
    copy = cli("init", "-", cwd=tmp_path)
    assert copy.returncode == 0 and copy.stdout.decode().startswith("# partners.toml") and b"Own dataset" in copy.stdout
    exported = cli("export", "-o", "-", "--tier", "expanded", cwd=tmp_path)
    assert exported.returncode == 0 and b'id = "australia"' in exported.stdout
    picture = cli("tiers", "--export-svg", "-", cwd=tmp_path)
    assert picture.returncode == 0 and picture.stdout.startswith(b"<svg") and picture.stderr == b""
    assert not list(tmp_path.iterdir())  # nothing was written in the working directory


# --- failures on our own streams (issue 14, group 5) ----------------------------------

def shell(script: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Run `script` in bash, with $TN the tool: for redirections subprocess cannot make (`>&-`)."""
    return subprocess.run(["bash", "-c", script], env={**BASE_ENV, "TN": f"{sys.executable} -m thirdneighbor", **env},
                          capture_output=True, check=False, timeout=60)


@pytest.mark.parametrize("args", ["list", "list --json", "--help", "--version", "show japan --help", "cite"])
def test_a_closed_stdout_exits_4_with_one_line(args: str) -> None:
    done = shell(f"$TN {args} >&-")
    assert done.returncode == 4
    assert done.stderr == b"thirdneighbor: cannot write the output: stdout is closed\n"


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["list", "--help"], []])
def test_help_and_version_into_a_closed_pipe_exit_141_quietly(args: list[str]) -> None:
    done = into_closed_pipe(args)
    assert (done.returncode, done.stderr) == (141, b"")


def test_a_closed_stderr_does_not_change_the_answer() -> None:
    done = shell("$TN list --fields id 2>&-")
    assert (done.returncode, done.stdout.split()[:2]) == (0, [b"japan", b"india"])
    assert shell("$TN show nowhere 2>&-").returncode == 1


def test_a_closed_stdin_for_data_dash_is_a_dataset_error() -> None:
    done = shell("$TN list --data - <&-")
    assert (done.returncode, done.stdout) == (3, b"")
    assert done.stderr == b"thirdneighbor: <stdin>: the dataset is broken (1 problem)\n  - cannot be read: stdin is closed\n"


# --- signals during a write (issue 14, group 1) ---------------------------------------

@pytest.mark.parametrize(("signal_name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_during_an_export_leaves_no_file(tmp_path: Path, signal_name: str, code: int) -> None:
    # The write is held at its fsync (a stand-in that announces itself and waits),
    # so the signal arrives while the temporary file exists, not by timing luck.
    script = (
        "import os, sys, time\n"
        "def held(fd):\n"
        "    print('writing', file=sys.stderr, flush=True)\n"
        "    time.sleep(30)\n"
        "os.fsync = held\n"
        "sys.argv = ['thirdneighbor', 'export', '-o', 'out.toml']\n"
        "from thirdneighbor.__main__ import main\n"
        "main()\n"
    )
    process = subprocess.Popen([sys.executable, "-c", script], env=BASE_ENV, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert process.stderr is not None
        assert process.stderr.readline() == b"writing\n"
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # the write is under way
        process.send_signal(getattr(signal, signal_name))
        stdout, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert (process.returncode, stdout, stderr) == (code, b"", b"")
    assert list(tmp_path.iterdir()) == []


def test_concurrent_inits_of_one_name_write_it_once(tmp_path: Path) -> None:
    processes = [subprocess.Popen([sys.executable, "-m", "thirdneighbor", "init", "same.toml"], env=BASE_ENV,
                                  cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(12)]
    results = [process.communicate(timeout=60) for process in processes]
    codes = sorted(process.returncode for process in processes)
    assert codes == [0] + [2] * 11
    refused = [stderr for (_, stderr), process in zip(results, processes) if process.returncode == 2]
    assert set(refused) == {b"thirdneighbor: same.toml exists already; add --force to replace it\n"}
    assert [p.name for p in tmp_path.iterdir()] == ["same.toml"]


# --- bounded input (issue 14, group 2) ------------------------------------------------

def test_an_endless_dataset_stops_at_the_limit(tmp_path: Path) -> None:
    # A FIFO fed zeros for as long as anyone reads: what /dev/zero would be.
    import threading

    fifo = tmp_path / "endless.toml"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with open(fifo, "wb") as writer:
                while True:
                    writer.write(b"\0" * 65536)
        except OSError:  # the tool stopped reading
            pass

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    done = cli("list", "--data", str(fifo), env={"THIRDNEIGHBOR_MAX_BYTES": "1M"})
    assert (done.returncode, done.stdout) == (3, b"")
    assert done.stderr == (f"thirdneighbor: {fifo}: the dataset is broken (1 problem)\n"
                           "  - is larger than the limit of 1 MiB; set THIRDNEIGHBOR_MAX_BYTES (such as "
                           "THIRDNEIGHBOR_MAX_BYTES=256M) to read a larger file\n").encode()
    feeder.join(timeout=10)


def test_a_huge_sparse_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    sparse = tmp_path / "huge.toml"
    with open(sparse, "wb") as stream:
        stream.truncate(64 * 1024 ** 3)  # 64 GiB, of which no block is written
    started = time.monotonic()
    done = cli("validate", str(sparse), "--json")
    assert time.monotonic() - started < 10
    assert (done.returncode, done.stderr) == (3, b"")
    report = json.loads(done.stdout)
    assert report["valid"] is False
    assert report["problems"][0]["message"].startswith("is larger than the limit of 64 MiB")


@pytest.mark.parametrize(("limit", "code"), [("1K", 3), ("1024", 3), ("128M", 0), ("1G", 0)])
def test_the_size_limit_can_be_set(limit: str, code: int) -> None:
    done = cli("list", "--fields", "id", "--no-cache", "--data", str(BUNDLED), env={"THIRDNEIGHBOR_MAX_BYTES": limit})
    assert done.returncode == code
    assert (b"is larger than the limit of 1 KiB" in done.stderr) == (code == 3)


def test_the_size_limit_is_for_other_datasets_not_the_bundled_one(tmp_path: Path) -> None:
    limited = {"THIRDNEIGHBOR_MAX_BYTES": "1K"}
    assert cli("list", "--fields", "id", env=limited).returncode == 0
    assert cli("init", "mine.toml", env=limited, cwd=tmp_path).returncode == 0
    done = cli("list", "--data", "mine.toml", env=limited, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (3, b"")
    assert b"mine.toml: the dataset is broken (1 problem)\n  - is larger than the limit of 1 KiB" in done.stderr


@pytest.mark.parametrize("limit", ["lots", "-5", "1T", "1.5M", "١٢٣"])
def test_a_size_limit_that_is_no_number_is_a_usage_error(tmp_path: Path, limit: str) -> None:
    (tmp_path / "mine.toml").write_bytes(BUNDLED.read_bytes())
    done = cli("list", "--data", str(tmp_path / "mine.toml"), env={"THIRDNEIGHBOR_MAX_BYTES": limit})
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode().startswith("thirdneighbor: $THIRDNEIGHBOR_MAX_BYTES is ")
    assert "give a number of bytes, such as 134217728 or 128M" in done.stderr.decode()


@pytest.mark.parametrize("nesting", ["array", "inline table", "just past the limit"])
@pytest.mark.parametrize("command", [["list"], ["validate"], ["show", "japan"]])
def test_deep_nesting_is_a_dataset_error_not_a_recursion_error(tmp_path: Path, nesting: str,
                                                               command: list[str]) -> None:
    deep = tmp_path / "deep.toml"
    value = {"array": "[" * 900 + "]" * 900, "inline table": "{a = " * 900 + "1" + "}" * 900,
             "just past the limit": "[" * 33 + "]" * 33}[nesting]
    deep.write_text(f"schema_version = 3\nx = {value}\n", encoding="utf-8")
    if command == ["validate"]:
        done = cli("validate", str(deep))
    else:
        done = cli(*command, "--data", str(deep))
    assert (done.returncode, done.stdout) == (3, b"")
    assert done.stderr == (f"thirdneighbor: {deep}: the dataset is broken (1 problem)\n"
                           "  - nests tables or arrays more than 32 levels deep; a dataset needs 6\n").encode()


def test_completion_survives_a_deeply_nested_dataset(tmp_path: Path) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("x = " + "[" * 900 + "]" * 900 + "\n", encoding="utf-8")
    words = {"_THIRDNEIGHBOR_COMPLETE": "complete_bash", "COMP_CWORD": "4"}
    done = cli(env={**words, "COMP_WORDS": f"thirdneighbor show --data {deep} ja"})
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, b"", b"")  # nothing to offer, and no traceback
    sound = cli(env={**words, "COMP_WORDS": f"thirdneighbor show --data {BUNDLED} ja"})
    assert (sound.returncode, sound.stdout.split(), sound.stderr) == (0, [b"japan"], b"")


# --- empty strings (issue 14, group 6) ------------------------------------------------

@pytest.mark.parametrize(("args", "message"), [
    (["validate", ""], "the dataset file name is empty; give a file, or - for stdin"),
    (["list", "--data", ""], "the dataset file name is empty; give a file, or - for stdin"),
    (["list", "--export-svg", ""], "the output file name is empty; give a file name, or - for stdout"),
    (["tiers", "--export-html", ""], "the output file name is empty; give a file name, or - for stdout"),
    (["export", "-o", ""], "the output file name is empty; give a file name, or - for stdout"),
    (["init", ""], "the output file name is empty; give a file name, or - for stdout"),
    (["map", "-o", ""], "the output file name is empty; give a file name, or - for stdout"),
])
def test_an_empty_file_name_is_a_usage_error(tmp_path: Path, args: list[str], message: str) -> None:
    done = cli(*args, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == f"thirdneighbor: {message}\n".encode()
    assert list(tmp_path.iterdir()) == []


def test_an_empty_data_variable_means_the_bundled_dataset() -> None:
    # An empty environment variable is an unset one, as shells treat it; `--data ""` is typed, so it is an error.
    done = cli("info", "--json", env={"THIRDNEIGHBOR_DATA": ""})
    assert (done.returncode, json.loads(done.stdout)["source"]) == (0, "bundled")


def test_a_file_of_only_a_byte_order_mark_is_empty(tmp_path: Path) -> None:
    bom = tmp_path / "bom.toml"
    bom.write_bytes(b"\xef\xbb\xbf\n")
    done = cli("validate", str(bom))
    assert (done.returncode, done.stdout) == (3, b"")
    assert done.stderr == f"thirdneighbor: {bom}: the dataset is broken (1 problem)\n  - is empty\n".encode()


# --- output targets that are not files (issue 14, group 1) -----------------------------

def test_a_fifo_target_is_refused_and_left_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "out.svg"
    os.mkfifo(fifo)
    done = cli("tiers", "--export-svg", str(fifo), "--force")
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == (f"thirdneighbor: {fifo} is a FIFO (named pipe), not a regular file; "
                           "to write there, use - and redirect stdout\n").encode()
    import stat

    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_two_exports_are_both_checked_before_either_is_written(tmp_path: Path) -> None:
    (tmp_path / "b.html").write_text("precious", encoding="utf-8")
    done = cli("tiers", "--export-svg", "a.svg", "--export-html", "b.html", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == b"thirdneighbor: b.html exists already; add --force to replace it\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.html"]


def test_a_trailing_slash_names_a_directory_and_writes_nothing(tmp_path: Path) -> None:
    done = cli("tiers", "--export-svg", "newdir/", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == b"thirdneighbor: newdir/ names a directory; give a file name\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["a" * 256 + ".svg", "missing/" + "a" * 256])
def test_an_impossible_name_is_exit_4_with_one_line(tmp_path: Path, name: str) -> None:
    done = cli("tiers", "--export-svg", name, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (4, b"")
    assert done.stderr.startswith(b"thirdneighbor: cannot write ") and done.stderr.count(b"\n") == 1
    assert done.stderr.endswith((b": File name too long\n", b": No such file or directory\n"))


# --- from an adversarial review of the above -------------------------------------------

def test_unbuffered_output_into_a_closed_pipe_is_141() -> None:
    # PYTHONUNBUFFERED=1 (common in containers) makes stdout's buffer a raw file,
    # whose write may take part of the data: every byte must still be written.
    done = shell("$TN report -o - | head -c 10 > /dev/null; exit ${PIPESTATUS[0]}", PYTHONUNBUFFERED="1")
    assert (done.returncode, done.stderr) == (141, b"")


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_non_blocking_pipe_gets_every_byte(unbuffered: bool) -> None:
    import fcntl

    whole = cli("report", "-o", "-").stdout
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETFL, fcntl.fcntl(write_end, fcntl.F_GETFL) | os.O_NONBLOCK)
    env = {**BASE_ENV, **({"PYTHONUNBUFFERED": "1"} if unbuffered else {})}
    process = subprocess.Popen([sys.executable, "-m", "thirdneighbor", "report", "-o", "-"], env=env,
                               stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    time.sleep(0.5)  # let the pipe fill, so that the tool meets a full non-blocking pipe
    received = b""
    while chunk := os.read(read_end, 4096):  # a slow reader: the pipe stays full to the last flush
        received += chunk
        time.sleep(0.002)
    os.close(read_end)
    assert process.wait(timeout=60) == 0 and process.stderr is not None and process.stderr.read() == b""
    assert received == whole and len(whole) > 65536


@pytest.mark.parametrize(("targets", "code", "message"), [
    (["same", "same"], 2, "--export-svg and --export-html name the same file; give each its own"),
    (["ok.svg", "missing/x.html"], 4, "cannot write missing/x.html: No such file or directory"),
])
def test_two_exports_write_neither_when_one_cannot_be_written(tmp_path: Path, targets: list[str], code: int,
                                                              message: str) -> None:
    done = cli("tiers", "--export-svg", targets[0], "--export-html", targets[1], cwd=tmp_path)
    assert (done.returncode, done.stdout) == (code, b"")
    assert done.stderr == f"thirdneighbor: {message}\n".encode()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["keep.toml/.", "newdir/.", "newdir/.."])
def test_a_name_ending_in_a_dot_component_names_a_directory(tmp_path: Path, name: str) -> None:
    (tmp_path / "keep.toml").write_text("precious", encoding="utf-8")
    done = cli("init", name, "--force", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == f"thirdneighbor: {name} names a directory; give a file name\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["keep.toml"]
    assert (tmp_path / "keep.toml").read_text(encoding="utf-8") == "precious"


def test_info_reads_a_fifo_once(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "data.toml"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as writer:
            writer.write(BUNDLED.read_bytes())

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    done = cli("info", "--json", "--data", str(fifo))
    feeder.join(timeout=10)
    assert (done.returncode, done.stderr) == (0, b"")
    assert json.loads(done.stdout)["records"]["partners"] == 19


def test_a_stdin_that_cannot_be_read_is_a_dataset_error(tmp_path: Path) -> None:
    done = shell(f"$TN list --data - 0>> {tmp_path / 'write-only'}")  # stdin open for writing only
    assert (done.returncode, done.stdout) == (3, b"")
    assert done.stderr == (b"thirdneighbor: <stdin>: the dataset is broken (1 problem)\n"
                           b"  - cannot be read: Bad file descriptor\n")


@pytest.mark.parametrize("data", ["-", "fifo"])
def test_completion_never_waits_on_stdin_or_a_fifo(tmp_path: Path, data: str) -> None:
    if data == "fifo":
        os.mkfifo(tmp_path / "fifo")
    env = {"_THIRDNEIGHBOR_COMPLETE": "complete_bash", "COMP_CWORD": "4",
           "COMP_WORDS": f"thirdneighbor show --data {data} ja"}
    read_end, write_end = os.pipe()  # a stdin that never ends, as a terminal's would not
    try:
        done = cli(env=env, cwd=tmp_path, stdin=read_end, timeout=20)
    finally:
        os.close(read_end)
        os.close(write_end)
    assert (done.returncode, done.stdout.strip(), done.stderr) == (0, b"", b"")


def test_export_checks_the_file_name_against_its_format(tmp_path: Path) -> None:
    done = cli("export", "-o", "partners.svg", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr == (b"thirdneighbor: partners.svg: export --format toml writes TOML, not SVG; "
                           b"give the file a .toml name\n")
    assert cli("export", "--format", "sqlite", "-o", "policy.db", cwd=tmp_path).returncode == 0


def test_the_sqlite_export_needs_no_temporary_directory(tmp_path: Path) -> None:
    done = cli("export", "--format", "sqlite", "-o", "policy.db", cwd=tmp_path,
               env={"TMPDIR": str(tmp_path / "no-such-directory")})
    assert (done.returncode, done.stdout) == (0, b"")
    assert (tmp_path / "policy.db").read_bytes().startswith(b"SQLite format 3\0")


def test_a_file_name_with_a_line_break_is_quoted_in_the_message(tmp_path: Path) -> None:
    done = cli("map", "-o", "a\nb.svg", cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, b"")
    assert done.stderr == b"thirdneighbor: wrote 'a\\nb.svg'\n"
    init = cli("init", "my data.toml", cwd=tmp_path)
    assert init.stderr.decode().splitlines()[1] == (
        "thirdneighbor: use it with --data 'my data.toml' or THIRDNEIGHBOR_DATA='my data.toml'")
