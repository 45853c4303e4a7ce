"""The one boundary between the commands and the world.

Every command returns a Reply (thirdneighbor.views.reply). `answer` runs the command
(for every command, from `AnsweringGroup.invoke`; and for `--version`), hands
its Reply to `emit`, which renders it and writes it through
thirdneighbor.cli.streams, and turns whatever goes wrong on the way into a one-line
message on stderr and its exit code: a domain error (ThirdNeighborError,
which carries its code), a closed pipe (141), Ctrl-C (130), SIGTERM or SIGHUP
during a write (143, 129), or stdout that cannot be written (4). Click's own
usage errors (exit 2: an unknown option, a missing argument, an option of a
command given before it) become the same one line, and a hint, in
`AnsweringGroup`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from typer.core import TyperGroup

from . import streams
from ..core.language import _
from ..errors import ExitCode, Terminated, ThirdNeighborError
from ..views.reply import OutputOptions, Reply
from ..views.registry import View


def emit(reply: Reply) -> ExitCode:
    """Render and write a Reply; return its exit code."""
    notes = list(reply.notes)
    body = reply.body
    if isinstance(body, View):
        notes = _emit_view(body, reply.options) + notes
    elif reply.is_json:
        from ..render.json_text import dumps

        _write(dumps(body), reply, notes, is_json=True)
    elif reply.directory:
        _write_directory(body, reply, notes)
    elif body is not None:
        _write(body, reply, notes)
    for note in notes:
        streams.note(note)
    return reply.exit_code


def _write_directory(files: dict[str, bytes], reply: Reply, notes: list[str]) -> None:
    from ..core.directories import write_directory
    from ..core.safe import shown

    assert reply.output_path is not None, "a directory is written only where --output names it"
    target = write_directory(reply.output_path, files, force=reply.force)
    notes.insert(0, f"wrote {shown(target)}: {len(files)} files")


def _write(body: str | bytes, reply: Reply, notes: list[str], *, is_json: bool = False) -> None:
    if reply.output_path is None:
        if isinstance(body, bytes):
            streams.write_bytes(body)
        else:
            streams.write_text(body, is_json=is_json)
        return
    from ..core.files import write_atomically
    from ..core.safe import shown

    data = body if isinstance(body, bytes) else body.encode("utf-8")
    notes.insert(0, _("wrote {path}").format(path=shown(write_atomically(reply.output_path, data, force=reply.force))))


def _emit_view(view: View, options: OutputOptions) -> list[str]:
    """Write a View to stdout (table on a terminal, plain text in a pipe, or as
    asked), or save its drawing with --export-svg/--export-html. Returns the
    notes to show."""
    from ..errors import UsageError
    from ..render import choose_format, render

    format_name = choose_format(options.format, options.json)
    if options.fields is not None:
        from ..views.registry import parse_fields

        view = view.narrowed(parse_fields(options.fields))
    exports = [(path, kind) for path, kind in ((options.export_svg, "svg"), (options.export_html, "html"))
               if path is not None]  # "" too: check_target refuses it, rather than printing to stdout
    if exports:
        return _export(view, exports, format_name, options.force)
    format_name = format_name or ("table" if streams.wants_rich() else "plain")
    if options.bom and format_name not in ("csv", "tsv"):
        raise UsageError("--bom is for --format csv or tsv, which spreadsheets open")
    text = render(view, format_name, streams.terminal())
    streams.write_text("\ufeff" + text if options.bom else text, is_json=format_name in ("json", "jsonl"))
    return _english_note(view, format_name)


def _english_note(view: View, format_name: str) -> list[str]:
    """In a language other than English, plain text and Markdown say once, on
    stderr, that some of the data's text is English (the table says it beneath)."""
    from ..core.language import current

    if current() == "en" or format_name not in ("plain", "markdown"):
        return []
    from ..render.localized import ENGLISH_NOTE, english_shown, localized

    return [_(ENGLISH_NOTE)] if english_shown(localized(view)) else []


def _export(view: View, exports: list[tuple[str, str]], format_name: str | None, force: bool) -> list[str]:
    import os

    from ..errors import UsageError
    from ..core.files import check_suffix, check_target, write_atomically
    from ..core.safe import shown
    from ..render.export import export_text

    if format_name not in (None, "table"):
        raise UsageError("--export-svg and --export-html save the table view; leave out --format and --json")
    if sum(path == "-" for path, _ in exports) > 1:
        raise UsageError("only one of --export-svg and --export-html can write to stdout (-)")
    files = [os.path.realpath(path) for path, _ in exports if path not in ("-", "")]
    if len(set(files)) < len(files):
        raise UsageError("--export-svg and --export-html name the same file; give each its own")
    # Every target is checked before any is written, so that a refused second
    # file does not leave the first one written.
    for path, kind in exports:
        if path == "-":
            continue
        check_suffix(path, (".svg",) if kind == "svg" else (".html", ".htm"), f"--export-{kind}")
        check_target(path, force=force)
    notes = []
    for path, kind in exports:
        if path == "-":
            streams.write_text(export_text(view, kind))
        else:
            written = write_atomically(path, export_text(view, kind).encode("utf-8"), force=force)
            notes.append(_("wrote {path}").format(path=shown(written)))
    return notes


def answer(command: Callable[[], Any]) -> None:
    """Run `command`, emit the Reply it returns, and end with its exit code, or
    with the exit code of whatever went wrong, said in one line on stderr."""
    try:
        reply = command()
        code = emit(reply) if isinstance(reply, Reply) else ExitCode.OK
    except ThirdNeighborError as error:
        streams.note(error.message)
        code = error.exit_code
    except BrokenPipeError:
        # The reader went away (`| head`): exit as a shell tool killed by SIGPIPE would.
        streams.silence_stdout()
        code = ExitCode.BROKEN_PIPE
    except KeyboardInterrupt:
        code = ExitCode.INTERRUPTED
    except Terminated as stopped:  # SIGTERM or SIGHUP during a write, whose file is gone already
        code = stopped.exit_code
    if code != ExitCode.OK:
        raise typer.Exit(int(code))


class AnsweringGroup(TyperGroup):
    """The app's command group: every command runs through `answer`, and a
    usage error (a missing argument, an unknown option, an option of a command
    given before it) reads like every other error, `thirdneighbor: <message>`
    and a hint, not a box drawn by Typer."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from .language_option import language_option

        # --lang on the group and on every command: declared once, here, as no command reads it.
        for command in (self, *self.commands.values()):
            command.params.append(language_option())

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # The root's own arguments: an error here never reaches `invoke`.
        from typer._click.exceptions import NoArgsIsHelpError, NoSuchOption, UsageError

        from .language_option import choose_language

        given = list(args)  # the parser consumes the list it is given
        try:
            # The language first, from the whole line, so that every message is in it.
            choose_language(given, resilient=ctx.resilient_parsing)
        except ThirdNeighborError as error:
            streams.note(error.message)
            raise typer.Exit(int(error.exit_code)) from None
        try:
            return super().parse_args(ctx, args)
        except NoArgsIsHelpError:
            raise  # `thirdneighbor` alone: the help, as asked
        except NoSuchOption as error:
            misplaced = misplaced_option(self, given, error.option_name)
            if misplaced is None:
                usage_error(error)
            streams.note(misplaced)
            raise typer.Exit(int(ExitCode.USAGE)) from None
        except UsageError as error:
            usage_error(error)
        raise AssertionError("unreachable")  # usage_error always exits

    def invoke(self, ctx: Any) -> Any:
        from typer._click.exceptions import NoArgsIsHelpError, UsageError

        # An error in a command's own options may come without its context; the
        # hint then names the command from the arguments.
        command = " ".join(["thirdneighbor", *ctx._protected_args[:1]])
        try:
            return answer(lambda: super(AnsweringGroup, self).invoke(ctx))
        except NoArgsIsHelpError:
            raise  # `thirdneighbor list` with no arguments where some are needed: the help, as asked
        except UsageError as error:
            usage_error(error, command)


def usage_error(error: Any, command: str = "thirdneighbor") -> None:
    """A Click usage error as one line on stderr, a hint beneath, and exit 2."""
    message = error.format_message()
    if error.ctx is not None:
        command = error.ctx.command_path
    hint = "\n" + _("Try '{command} --help' for the options and examples.").format(command=command)
    streams.note(message[0].lower() + message[1:] + hint if message[:1].isupper() else message + hint)
    raise typer.Exit(int(ExitCode.USAGE))


def misplaced_option(group: Any, args: list[str], name: str) -> str | None:
    """The message for an option of the commands given before the command
    (`thirdneighbor --data FILE list`), with the command line that works; None
    for an option that no command has."""
    import shlex

    from ..core.safe import clean

    takes_value = {}
    for command in group.commands.values():
        for param in command.params:
            for opt in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())):
                if opt.startswith("-"):
                    takes_value[opt] = not getattr(param, "is_flag", False) and not getattr(param, "count", False)
    if name not in takes_value:
        return None
    # The options before the command go after it, each with its value.
    index, moved = 0, []
    while index < len(args) and args[index].startswith("-") and args[index] != "--":
        option = args[index].split("=", 1)[0]
        step = 2 if takes_value.get(option) and "=" not in args[index] else 1
        moved += args[index:index + step]
        index += step
    rest = args[index:]
    if not rest or rest[0] not in group.commands:
        return f"{name} goes after the command: thirdneighbor COMMAND {name}{' VALUE' if takes_value[name] else ''}"
    command = group.commands[rest[0]]
    if not any(name in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())) for param in command.params):
        return f"{name} is not an option of {rest[0]}; see 'thirdneighbor {rest[0]} --help'"
    fixed = shlex.join(["thirdneighbor", rest[0], *moved, *rest[1:]])
    return f"{name} goes after the command: {clean(fixed)}"
