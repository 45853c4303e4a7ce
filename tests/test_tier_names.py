"""Which tier a name means: whole names, short forms and distinctive parts, in both languages."""

from __future__ import annotations

import pytest

from thirdneighbor.data.model import Dataset
from thirdneighbor.query.tier_names import tiers_named


@pytest.mark.parametrize(("typed", "tier_ids"), [
    # whole: an id, a name, a Mongolian name, in any case
    ("strategic", ["strategic"]), ("Comprehensive Strategic Partnership", ["comprehensive-strategic"]),
    ("Иж бүрэн түншлэл", ["comprehensive"]), ("ӨРГӨН ХҮРЭЭТЭЙ ТҮНШЛЭЛ", ["expanded"]),
    # a name without the word every tier's name ends with
    ("иж бүрэн", ["comprehensive"]), ("иж бүрэн стратегийн", ["comprehensive-strategic"]),
    ("стратегийн", ["strategic"]), ("comprehensive strategic", ["comprehensive-strategic"]),
    # a run of whole words only one tier's names hold
    ("өргөн", ["expanded"]), ("хүрээтэй", ["expanded"]),
    # a run several hold: every tier it may mean
    ("бүрэн", ["comprehensive-strategic", "comprehensive"]),
    ("түншлэл", ["comprehensive-strategic", "strategic", "comprehensive", "expanded"]),
    # nothing: a part of a word is not a word
    ("стратег", []), ("closest", []), ("", []), ("   ", []),
])
def test_tiers_named(dataset: Dataset, typed: str, tier_ids: list[str]) -> None:
    assert tiers_named(typed, dataset.tiers) == tier_ids
