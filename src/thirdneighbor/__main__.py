"""`python -m thirdneighbor`, and the console script's entry point."""

import sys


def main() -> None:
    # Ctrl-C while the CLI's modules are still importing would otherwise end in a
    # traceback; once the app runs, Typer turns it into exit 130 itself.
    try:
        from thirdneighbor.cli import run
    except KeyboardInterrupt:
        sys.exit(130)
    run()


if __name__ == "__main__":
    main()
