"""`python -m thirdneighbor`, and the console script's entry point."""

import gc
import os
import sys


def main() -> None:
    # One command, then exit: the cyclic garbage collector only costs time here,
    # from the first import on. Off, a 10,000-partner dataset parses and
    # validates measurably faster (see benchmarks/run.py and the README);
    # reference counting still frees everything else.
    gc.disable()
    if sys.stdout is None:  # started with stdout closed (`thirdneighbor list >&-`)
        _stop("cannot write the output: stdout is closed", 4)  # ExitCode.CANNOT_WRITE
    stdout_at_start = _identity(sys.stdout)
    try:
        from .cli.app import app
    except KeyboardInterrupt:  # Ctrl-C while the modules are still importing
        sys.exit(130)  # ExitCode.INTERRUPTED, before thirdneighbor.errors is loaded
    # Typer turns every registered command into a Click command at each start-up,
    # about 1 ms a command (measured: 12 ms of a 70 ms run for 14 commands). When
    # the first argument names a command, only that one is needed; anything else
    # (no command, --help, a typo that wants "did you mean", TAB completion) gets
    # the whole app.
    wanted = [command for command in app.registered_commands
              if sys.argv[1:2] == [command.name]]
    if wanted and "_THIRDNEIGHBOR_COMPLETE" not in os.environ:
        app.registered_commands[:] = wanted
    # Everything the command does goes through the one error boundary,
    # thirdneighbor.cli.boundary.answer, which ends in SystemExit.
    try:
        app(prog_name="thirdneighbor")
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 0
        if code == 1 and _identity(sys.stdout) != stdout_at_start:
            # Click's own output (--help) met a closed pipe: Click and Rich say so
            # only by exiting 1, having pointed stdout at /dev/null (which no
            # command does otherwise). Exit as every other command does.
            code = 141  # ExitCode.BROKEN_PIPE
    except OSError as error:
        # Only Click's own output gets here (--help into a full disk); everything
        # a command does goes through the boundary, which catches its errors.
        from .cli import streams

        streams.silence_stdout()
        if isinstance(error, BrokenPipeError):
            code = 141  # ExitCode.BROKEN_PIPE
        else:
            streams.note(f"cannot write the output: {error.strerror or error}")
            code = 4  # ExitCode.CANNOT_WRITE
    # Tearing down the interpreter (every module of Typer, Click and the tool)
    # takes about a quarter of a start-up, and serves no one: the process is
    # about to end. So it ends here, once the output is flushed; the boundary
    # has already reported any failure to write it.
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: started with the stream closed (`2>&-`)
                stream.flush()
        except OSError:
            pass
    os._exit(code)


def _identity(stream: object) -> tuple[int, int] | None:
    """Which file a stream's descriptor is open on."""
    try:
        found = os.fstat(stream.fileno())  # type: ignore[attr-defined]
    except (OSError, ValueError, AttributeError):
        return None
    return found.st_dev, found.st_ino


def _stop(message: str, code: int) -> None:
    if sys.stderr is not None:
        sys.stderr.write(f"thirdneighbor: {message}\n")
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
