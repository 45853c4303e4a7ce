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
    try:
        from thirdneighbor.cli import app
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
    # thirdneighbor.boundary.answer, which ends in SystemExit.
    try:
        app(prog_name="thirdneighbor")
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else 0
    # Tearing down the interpreter (every module of Typer, Click and the tool)
    # takes about a quarter of a start-up, and serves no one: the process is
    # about to end. So it ends here, once the output is flushed; the boundary
    # has already reported any failure to write it.
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        pass
    os._exit(code)


if __name__ == "__main__":
    main()
