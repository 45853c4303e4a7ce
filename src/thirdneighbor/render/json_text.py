"""The one JSON encoding every command uses."""

from __future__ import annotations

from typing import Any

from ..core.safe import escaped_active


def dumps(payload: Any, *, ensure_ascii: bool = False) -> str:
    """One line of UTF-8 text and a newline. Letters outside ASCII stay as they
    are; only the characters a terminal would act on are \\u escapes.

    Not indented: `indent` switches json to its pure-Python encoder, about six times
    slower on a large dataset. Pipe into `jq .` to read it.
    """
    return escaped_active(encoded(payload, ensure_ascii=ensure_ascii)) + "\n"


def encoded(payload: Any, *, ensure_ascii: bool = False) -> str:
    """json.dumps(payload, ensure_ascii=ensure_ascii), made by the C encoder that
    json.dumps itself uses, without importing json: its import compiles the
    decoder's and encoder's patterns, 5 million instructions (valgrind), 2% of
    a Typer hello-world, at the start-up of every --json command, which decodes
    nothing. Where that encoder is missing or its signature is not the one
    json of Python 3.11 to 3.13 calls, json.dumps does the work
    (tests/test_json_text.py holds the two equal)."""
    try:
        from _json import encode_basestring, encode_basestring_ascii, make_encoder

        escape = encode_basestring_ascii if ensure_ascii else encode_basestring
        if isinstance(payload, str):  # json.dumps writes a lone string without the encoder
            return escape(payload)
        # The arguments json.JSONEncoder passes for its defaults: a dict to
        # catch circular references, no indent, ", " and ": ", keys unsorted,
        # not skipped, NaN and the infinities allowed.
        encode = make_encoder({}, _unserializable, escape, None, ": ", ", ", False, False, True)
    except (ImportError, TypeError):
        import json

        return json.dumps(payload, ensure_ascii=ensure_ascii)
    return "".join(encode(payload, 0))


def _unserializable(value: Any) -> Any:
    """json.JSONEncoder.default: what has no JSON form is a TypeError."""
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")
