"""The search index kept beside a dataset's cache entry: the same answers as a
search without it, never stale, and a damaged or forged one is a miss."""

from __future__ import annotations

import json
import marshal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thirdneighbor.data import cache, companion
from thirdneighbor.data.load import load_source
from thirdneighbor.query import search_index
from thirdneighbor.query.search import search

from .conftest import run_cli


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def index_file(path: Path) -> Path:
    found = companion.path(path, search_index.KIND)
    assert found is not None
    return found


def searched(path: Path, *words: str, cached: bool = True) -> Any:
    result = run_cli("search", *words, "--json", "--data", str(path), *([] if cached else ["--no-cache"]))
    assert (result.exit_code, result.stderr) == (0, "")
    return json.loads(result.stdout)


WORDS = st.sampled_from(["khurelsukh", "strategic", "partnership", "japan", "état", "түншлэл", "монгол", "trade act",
                         "2024", "visit", "joint", "Хүрэлсүх", "ü", "a", "the", "президент", "日本", "roadmap"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=3))
def test_the_index_gives_the_answers_a_search_without_it_gives(dataset: Any, words: list[str]) -> None:
    index, payload = search_index.build(dataset)
    records = dict(partners=dataset.all_partners, events=dataset.all_events)
    plain = search(words, **records, people=dataset.all_people, tiers=dataset.tiers, sources=dataset.all_sources)
    assert search(words, **records, index=index) == plain
    assert search(words, **records, index=search_index.read(dataset, payload)) == plain
    # A selection of the records, as --tier and --country make, is found in the same index.
    some = dict(partners=dataset.all_partners[::2], events=dataset.all_events[1::3])
    assert search(words, **some, index=index) == search(
        words, **some, people=dataset.all_people, tiers=dataset.tiers, sources=dataset.all_sources)


def test_texts_that_do_not_fold_one_for_one_are_marked_alike_with_and_without_the_index(
        cache_home: Path, write_dataset: Any) -> None:
    # "ß" folds to two letters, "ﬁ" (a ligature) to two, and a combining accent
    # typed apart to none: the index says which texts these are, and marks in
    # them are placed by the fold table, as a search without the index does.
    note = "Die Straße: a ﬁnal accord, re\u0301sume\u0301 of the Japan Straße visit"

    def add(document: dict[str, Any]) -> None:
        next(p for p in document["partners"] if p["id"] == "japan")["notes"].append(note)

    path = write_dataset(add)
    for words in (["strasse"], ["final", "accord"], ["resume"], ["japan", "strasse", "visit"]):
        with_index = searched(path, *words)
        assert index_file(path).is_file()
        assert with_index == searched(path, *words, cached=False), words
        [japan] = [hit for hit in with_index if hit["id"] == "japan"]
        [match] = [match for match in japan["matches"] if match["field"] == "notes"]
        marked = [match["excerpt"][start:end] for start, end in match["marks"]]
        assert marked and all(text.casefold().replace("ß", "ss").replace("ﬁ", "fi").replace("\u0301", "")
                              in [word.casefold() for word in words] for text in marked), marked
    loaded = load_source(path)
    index, _ = search_index.build(loaded.dataset)
    japan = next(p for p in loaded.dataset.all_partners if p.id == "japan")
    [texts], _, [uneven] = index.texts_and_folds([japan])
    assert [texts[place][2] for place in uneven] == [note]


def test_records_of_another_dataset_are_refused_not_misread(dataset: Any, write_dataset: Any) -> None:
    from thirdneighbor.data.load import load_dataset

    index, _ = search_index.build(dataset)
    other = load_dataset(write_dataset(), use_cache=False)
    with pytest.raises(search_index.NotIndexed, match="another dataset"):
        search(["japan"], partners=other.all_partners, events=other.all_events, index=index)


def test_the_first_search_writes_the_index_and_the_next_reads_it(cache_home: Path, write_dataset: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from thirdneighbor.cli.questions import _search_index

    path = write_dataset()
    first = searched(path, "khurelsukh")
    assert index_file(path).is_file() and index_file(path).name.startswith(cache.entry_path(path).stem)

    def refuse(dataset: Any) -> Any:
        raise AssertionError("the index was made again")

    monkeypatch.setattr(search_index, "build", refuse)
    loaded = load_source(path)
    assert _search_index(loaded) is not None  # read, not made
    assert searched(path, "khurelsukh") == first


def test_no_index_without_a_cache(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset()
    searched(path, "japan", cached=False)
    assert not index_file(path).exists()
    from typer.testing import CliRunner

    from thirdneighbor.cli.app import app

    result = CliRunner().invoke(app, ["search", "japan", "--json", "--data", "-"],
                                input=path.read_text(encoding="utf-8"))
    assert result.exit_code == 0 and json.loads(result.stdout)
    folder = cache_home / "thirdneighbor"
    assert not folder.exists() or not [p for p in folder.iterdir() if p.name.endswith("-search.marshal")]


def test_an_edited_dataset_never_reads_the_old_index(cache_home: Path, write_dataset: Any) -> None:
    path = write_dataset()
    result = run_cli("search", "zanzibar", "--json", "--data", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "thirdneighbor: no record matches 'zanzibar'\n")
    assert index_file(path).is_file()

    def rename(document: dict[str, Any]) -> None:
        next(p for p in document["partners"] if p["id"] == "japan")["notes"].append("Zanzibar is not Japan.")

    write_dataset(rename)  # the same path, other bytes
    assert [hit["id"] for hit in searched(path, "zanzibar")] == ["japan"]


@pytest.mark.parametrize("damage", ["flip", "truncate", "wrong shape", "records of another number", "not text",
                                    "uneven place outside its record", "uneven place not a number"])
def test_a_damaged_or_forged_index_is_made_afresh(cache_home: Path, write_dataset: Any, damage: str) -> None:
    path = write_dataset()
    expected = searched(path, "khurelsukh")
    target = index_file(path)
    data = bytearray(target.read_bytes())
    header = cache._HEADER
    if damage == "flip":
        data[-10] ^= 0xFF
    elif damage == "truncate":
        del data[len(data) // 2:]
    else:  # a payload of the wrong shape under a correct header: what a bug or another program could leave
        fields, weights, texts, keys, uneven = marshal.loads(bytes(data[header:]))
        changed = {"wrong shape": (fields, weights, texts, keys),
                   "records of another number": (fields[1:], weights[1:], texts[1:], keys[1:], uneven[1:]),
                   "not text": (fields, weights, texts, ((1, 2),) + keys[1:], uneven),
                   "uneven place outside its record": (fields, weights, texts, keys,
                                                       ((len(texts[0]),),) + uneven[1:]),
                   "uneven place not a number": (fields, weights, texts, keys, (("0",),) + uneven[1:])}[damage]
        payload = marshal.dumps(changed, 4)
        stamped = bytes(data[len(cache._MAGIC):len(cache._MAGIC) + cache._DIGEST])
        data = bytearray(cache._MAGIC + stamped + len(payload).to_bytes(8, "little")
                         + cache.blake2b(payload, digest_size=cache._DIGEST).digest() + payload)
    target.write_bytes(bytes(data))
    assert searched(path, "khurelsukh") == expected
    loaded = load_source(path)
    stamped = companion.stamp(loaded.stamp, search_index.KIND, search_index.version())
    payload = companion.read(path, loaded.size, search_index.KIND, stamped)
    assert payload is not None and search_index.read(loaded.dataset, payload) is not None  # rewritten whole


def test_an_index_whose_entry_is_gone_is_removed_with_the_next_one_written(cache_home: Path,
                                                                           write_dataset: Any) -> None:
    first, second = write_dataset(name="first.toml"), write_dataset(name="second.toml")
    searched(first, "japan")
    cache.entry_path(first).unlink()  # as pruning leaves it
    assert index_file(first).exists()
    searched(second, "japan")
    assert not index_file(first).exists() and index_file(second).exists()


def test_records_the_index_lacks_are_searched_without_it(cache_home: Path, write_dataset: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_dataset()
    expected = searched(path, "khurelsukh")

    def lacking(self: Any, records: Any) -> Any:
        raise search_index.NotIndexed("the index is of another dataset than these records")

    monkeypatch.setattr(search_index.SearchIndex, "texts_and_folds", lacking)
    assert searched(path, "khurelsukh") == expected
