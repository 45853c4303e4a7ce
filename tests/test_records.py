"""The record base (thirdneighbor.data.record): the __init__, freezing and equality
that dataclass() would generate, without generating them at import."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from thirdneighbor.data.model import Claim, Source


def test_keyword_arguments_with_defaults_and_errors_as_dataclass_gives_them() -> None:
    source = Source(id="a-b", url="https://example.org/a")
    assert (source.title, source.kind) == (None, None)
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'id'"):
        Source(url="https://example.org/a")
    with pytest.raises(TypeError, match="unexpected keyword argument 'bogus'"):
        Source(id="a", bogus=1)
    with pytest.raises(TypeError, match="positional argument"):
        Source("a")  # type: ignore[misc]
    with pytest.raises(TypeError, match="missing 3 required keyword-only arguments"):
        Claim()


def test_records_are_frozen_equal_by_value_and_replaceable() -> None:
    claim = Claim(field="tier", sources=("a",), confidence="high")
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.confidence = "low"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del claim.note  # type: ignore[misc]
    assert claim == Claim(field="tier", sources=("a",), confidence="high")
    assert hash(claim) == hash(Claim(field="tier", sources=("a",), confidence="high"))
    lower = dataclasses.replace(claim, confidence="low", note="One blog.")
    assert (lower.confidence, lower.note, claim.confidence) == ("low", "One blog.", "high")


def test_importing_the_model_compiles_no_init() -> None:
    """The __init__ is compiled at a class's first record, so a cached run makes none."""
    code = ("import thirdneighbor.data.model as m, thirdneighbor.data.record as r\n"
            "print(sum('__init__' in vars(c) for c in m.RECORD_CLASSES))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "0\n"
