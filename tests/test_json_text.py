"""thirdneighbor.render.json_text: the JSON every command writes is json.dumps's,
made by the same C encoder without importing json."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thirdneighbor.render.json_text import encoded

KEYS = st.one_of(st.text(max_size=8), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), st.floats(),
                    st.text(), st.sampled_from(["\x00\x1b[31m", "\u2028\u2029", "\ud800", "Хүрэлсүх", "日本", "é\u0301"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(KEYS, inner, max_size=4),
                                                       st.tuples(inner, inner)), max_leaves=20)


@settings(max_examples=500, deadline=None)
@given(VALUES, st.booleans())
def test_the_same_text_as_json_dumps(value: Any, ensure_ascii: bool) -> None:
    assert encoded(value, ensure_ascii=ensure_ascii) == json.dumps(value, ensure_ascii=ensure_ascii)


def test_the_same_errors_as_json_dumps() -> None:
    circular: list[Any] = []
    circular.append(circular)
    for value in (object(), {"a": {1, 2}}, {(1, 2): "tuple key"}, circular, [b"bytes"]):
        with pytest.raises((TypeError, ValueError)) as ours:
            encoded(value)
        with pytest.raises((TypeError, ValueError)) as theirs:
            json.dumps(value)
        assert (type(ours.value), str(ours.value)) == (type(theirs.value), str(theirs.value)), value
    assert encoded([math.inf, -math.inf, math.nan]) == "[Infinity, -Infinity, NaN]"


def test_a_command_writes_json_without_importing_json(tmp_path: Any) -> None:
    code = ("import sys\nfrom thirdneighbor.render.json_text import dumps\n"
            "sys.stdout.write(dumps({'a': [1, 'é']}))\nprint('json' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == '{"a": [1, "é"]}\nFalse\n'


def test_without_the_c_encoder_json_dumps_does_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "_json", None)  # an import of it fails, as where it is missing
    value = {"a": [1.5, "é", None, True], "b": "\x1b"}
    assert encoded(value) == json.dumps(value, ensure_ascii=False)
    assert encoded(value, ensure_ascii=True) == json.dumps(value)
