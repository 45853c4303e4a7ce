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

BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}


def cli(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "thirdneighbor", *args], env={**BASE_ENV, **(env or {})},
                          capture_output=True, check=False, timeout=60, **kwargs)  # type: ignore[call-overload]


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


@pytest.mark.parametrize("args", [["timeline"], ["list", "--json"], ["tiers", "--neighbors", "--json"]])
def test_a_pipe_closed_before_writing_exits_141_quietly(args: list[str]) -> None:
    # The reader is gone before the tool writes anything: every write fails with EPIPE.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "thirdneighbor", *args], env=BASE_ENV, stdout=write_end,
                              stderr=subprocess.PIPE, check=False, timeout=60)
    finally:
        os.close(write_end)
    assert done.returncode == 141
    assert done.stderr == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["cite"], ["export"], ["--version"]])
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
    from thirdneighbor.cli import app

    names = [command.name for command in app.registered_commands]
    whole = cli("--help", env={"COLUMNS": "200"})
    assert whole.returncode == 0 and all(f" {name} " in whole.stdout.decode() for name in names)
    alone = cli("search", "--help", env={"COLUMNS": "200"})
    assert alone.returncode == 0 and "Usage: thirdneighbor search [OPTIONS] {TEXT...}" in alone.stdout.decode()
    typo = cli("serach")
    assert typo.returncode == 2 and "Did you mean 'search'?" in typo.stderr.decode()
    answered = cli("changes", "2023", "2024", "--json")
    assert answered.returncode == 0 and json.loads(answered.stdout)["from"] == "2023"


def test_a_dash_means_stdin_for_data_and_stdout_for_files(tmp_path: Path) -> None:
    data = (Path(__file__).resolve().parents[1] / "data" / "partners.toml").read_bytes()
    listed = cli("list", "--data", "-", "--fields", "id", input=data, cwd=tmp_path)
    assert (listed.returncode, listed.stderr) == (0, b"")
    assert listed.stdout.decode().splitlines()[:2] == ["india", "united-states"]
    assert cli("info", "--data", "-", input=data, cwd=tmp_path).stdout.decode().startswith("Dataset:  <stdin> (read from stdin)\n")
    broken = cli("validate", "-", input=b"schema_version = ", cwd=tmp_path)
    assert broken.returncode == 3 and broken.stderr.decode().startswith("thirdneighbor: <stdin>: the dataset is broken")
    copy = cli("init", "-", cwd=tmp_path)
    assert copy.returncode == 0 and copy.stdout.decode().startswith("# partners.toml") and b"Own dataset" in copy.stdout
    exported = cli("export", "-o", "-", "--tier", "expanded", cwd=tmp_path)
    assert exported.returncode == 0 and b'id = "australia"' in exported.stdout
    picture = cli("tiers", "--export-svg", "-", cwd=tmp_path)
    assert picture.returncode == 0 and picture.stdout.startswith(b"<svg") and picture.stderr == b""
    assert not list(tmp_path.iterdir())  # nothing was written in the working directory
