"""Keep the translation catalogues in step with the code.

    .venv/bin/python tools/catalogue.py          # update every .po from the code, compile every .mo
    .venv/bin/python tools/catalogue.py --check  # exit 1 if any catalogue is out of step

The messages are found by reading the code, not by running it: every call of
thirdneighbor.language's `_`, `_n` or `N_` whose arguments are written out as
strings. A message that has left the code leaves the .po; a new one enters it
untranslated, and is listed. Each .po is compiled into the .mo beside it, which
the tool reads (the tool never imports Babel; this script and the tests do).
"""

from __future__ import annotations

import argparse
import ast
import io
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "thirdneighbor"
LOCALE = PACKAGE / "core" / "locale"
MARKERS = {"_": 1, "N_": 1, "_n": 2}  # each marker and how many of its first arguments are the message
Message = str | tuple[str, str]  # a message, or a (singular, plural) pair


def catalogue_files() -> list[Path]:
    """Every language's .po file."""
    return sorted(LOCALE.glob("*/LC_MESSAGES/thirdneighbor.po"))


def _calls(tree: ast.AST) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
            yield node


def marked_messages(root: Path = PACKAGE) -> tuple[dict[Message, list[str]], list[str]]:
    """Every marked message, with where it is (`path:line`); and the N_ calls
    whose message is not a string written out, which no catalogue can hold
    (`_(label)` of a variable is the other half of N_, and reads nothing here)."""
    found: dict[Message, list[str]] = {}
    unreadable: list[str] = []
    for path in sorted(root.rglob("*.py")):
        where = path.relative_to(root.parent).as_posix()
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            size = MARKERS[call.func.id]  # type: ignore[attr-defined]
            texts = call.args[:size]
            if len(texts) < size or not all(isinstance(t, ast.Constant) and isinstance(t.value, str) for t in texts):
                # `_(label)` translates a message marked where it was stored (N_); N_ itself must be written out.
                if call.func.id == "N_":  # type: ignore[attr-defined]
                    unreadable.append(f"{where}:{call.lineno}")
                continue
            values = [t.value for t in texts]  # type: ignore[attr-defined]
            message: Message = values[0] if size == 1 else (values[0], values[1])
            found.setdefault(message, []).append(f"{where}:{call.lineno}")
    return found, unreadable


def compiled(po_text: bytes) -> bytes:
    """A .po file's bytes compiled into a .mo file's, as Babel writes it."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    output = io.BytesIO()
    write_mo(output, read_po(io.BytesIO(po_text)))
    return output.getvalue()


# Fixed, so that the compiled .mo depends on the messages alone: Babel stamps the
# time into a .mo whose .po gives no creation date.
HEADER = (
    "Project-Id-Version: thirdneighbor\n"
    "POT-Creation-Date: 2026-12-03 00:00+0000\n"
    "PO-Revision-Date: 2026-12-03 00:00+0000\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: 8bit\n"
)


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'"{escaped}"'


def updated(po_text: bytes, messages: dict[Message, list[str]]) -> tuple[bytes, list[Message]]:
    """The .po with exactly the code's messages, in alphabetical order, each
    keeping its translation; and the messages that have none. Written here, not
    by Babel, so that the file changes only where a message does: Babel's writer
    stamps the time, and a message's line numbers would change with every edit
    around it."""
    from babel.messages.pofile import read_po

    old = read_po(io.BytesIO(po_text))
    comments = [line for line in po_text.decode("utf-8").splitlines() if line.startswith("# ")]
    headers = HEADER + "".join(f"{name}: {value}\n" for name, value in old.mime_headers
                               if name in ("Language", "Plural-Forms"))
    lines = [*comments, 'msgid ""', 'msgstr ""', *(_quoted(line + "\n") for line in headers.splitlines())]
    missing: list[Message] = []
    for message in sorted(messages, key=lambda m: (m if isinstance(m, str) else m[0]).casefold()):
        before = old.get(message if isinstance(message, str) else message[0])
        lines.append("")
        if isinstance(message, str):
            translation = before.string if before is not None and isinstance(before.string, str) else ""
            if not translation:
                missing.append(message)
            lines += [f"msgid {_quoted(message)}", f"msgstr {_quoted(translation)}"]
        else:
            forms = list(before.string) if before is not None and isinstance(before.string, tuple) else ["", ""]
            if not all(forms):
                missing.append(message)
            lines += [f"msgid {_quoted(message[0])}", f"msgid_plural {_quoted(message[1])}",
                      *(f"msgstr[{index}] {_quoted(form)}" for index, form in enumerate(forms))]
    return ("\n".join(lines) + "\n").encode("utf-8"), missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if a catalogue is out of step")
    options = parser.parse_args()
    messages, unreadable = marked_messages()
    for where in unreadable:
        print(f"{where}: a marked message that is not a string written out", file=sys.stderr)
    out_of_step = bool(unreadable)
    for po in catalogue_files():
        text, missing = updated(po.read_bytes(), messages)
        mo = po.with_suffix(".mo")
        for message in missing:
            print(f"{po.relative_to(REPO)}: untranslated: {message!r}", file=sys.stderr)
        stale = text != po.read_bytes() or not mo.exists() or compiled(text) != mo.read_bytes()
        out_of_step = out_of_step or stale or bool(missing)
        if stale and not options.check:
            po.write_bytes(text)
            mo.write_bytes(compiled(text))
            print(f"updated {po.relative_to(REPO)} and {mo.name}")
    return 1 if out_of_step and options.check else 0


if __name__ == "__main__":
    sys.exit(main())
