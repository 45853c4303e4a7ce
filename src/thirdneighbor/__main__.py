"""`python -m thirdneighbor`, and the console script's entry point."""

import gc
import os
import sys


def main() -> None:
    # One command, then exit: the cyclic garbage collector only costs time here,
    # from the first import on. Off, a 10,000-partner dataset parses and
    # validates about 15% faster (see benchmarks/run.py); reference counting
    # still frees everything else.
    gc.disable()
    # Ctrl-C while the CLI's modules are still importing would otherwise end in a
    # traceback; once the app runs, Typer turns it into exit 130 itself.
    try:
        from thirdneighbor import dataset
        from thirdneighbor.cli import run
    except KeyboardInterrupt:
        sys.exit(130)
    # Freeing a large dataset object by object, and then every module, takes
    # about 0.1 s for 10,000 partners and serves no one: the process is about to
    # end. So the loaded data is kept alive, and the process ends with os._exit
    # once its output is flushed.
    dataset.retained = []
    try:
        run()
        code: object = 0
    except SystemExit as exit_request:
        code = exit_request.code
    os._exit(_flushed(code))


def _flushed(code: object) -> int:
    """Flush both streams and turn a SystemExit code into an exit status."""
    if isinstance(code, str):  # sys.exit("message"), as the interpreter would print it
        sys.stderr.write(code + "\n")
        code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        return 141  # as the commands themselves report a closed pipe
    except OSError:
        return 1
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    main()
